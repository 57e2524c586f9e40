"""Command line: parse flags, call the library, map errors to exit codes. No logic here."""

from __future__ import annotations

import json
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from . import __version__
from .errors import EXIT_OK, EXIT_SKIPPED, BriefsError, InputError

# Locals hold whole articles: never print them.
app = typer.Typer(
    name="briefs",
    help="Turn Chinese news pages into English Markdown briefs, on CPU, with open models.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    add_completion=False,
)


def fail(err: BriefsError) -> None:
    """Print a user error as one line and exit with its status (BRIEFS_DEBUG=1 re-raises)."""
    if os.environ.get("BRIEFS_DEBUG"):
        raise err
    typer.echo(f"briefs: {err}", err=True)
    raise typer.Exit(err.exit_code)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"briefs {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        Optional[bool],
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit."),
    ] = None,
) -> None:
    """Chinese news pages in, English briefs out."""


class SplitFormat(str, Enum):
    json = "json"
    md = "md"


@app.command()
def split(
    paths: Annotated[list[Path], typer.Argument(metavar="PATH...", help="Article files, or folders of *.txt / *.md.")],
    format: Annotated[SplitFormat, typer.Option("--format", "-f", help="json: one JSON object per file per line; md: readable outline.")] = SplitFormat.json,
) -> None:
    """Read news pages and show their articles, sections, paragraphs and extras.

    Bad files are reported on stderr, one line each; the others are still shown.
    """
    from .inputs import collect_inputs
    from .outline import document_markdown
    from .reader import read_path

    try:
        files = collect_inputs(paths)
    except BriefsError as err:
        fail(err)
    skipped = 0
    for path in files:
        try:
            doc = read_path(path)
        except InputError as err:
            typer.echo(f"briefs: skipped {err}", err=True)
            skipped += 1
            continue
        if format is SplitFormat.json:
            from .document import as_dict

            sys.stdout.write(json.dumps(as_dict(doc), ensure_ascii=False) + "\n")
        else:
            sys.stdout.write(document_markdown(doc) + "\n")
    raise typer.Exit(EXIT_SKIPPED if skipped else EXIT_OK)
