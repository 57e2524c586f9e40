"""The ``briefs`` app, its shared options, and how a user error ends a command."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Optional

import typer

from .. import __version__
from ..errors import BriefsError
from ..read import READERS, described
from ..registry import LAYOUT_NAMES

# Locals hold whole articles: never print them.
app = typer.Typer(
    name="briefs",
    help="Turn Chinese news pages into English Markdown briefs, on CPU, with open models.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    add_completion=False,
)

PAGES_HELP = f"Pages ({described()}), or folders of them."
# Layouts apply to plain text; every other form in the reader table is read by its type.
LAYOUT_HELP = (f"{', '.join(LAYOUT_NAMES[:-1])} or {LAYOUT_NAMES[-1]} (auto: from each page's shape); "
               f"{', '.join(s for r in READERS[1:] for s in r.suffixes)} files are read by their type.")  # fmt: skip
PathsArgument = Annotated[list[Path], typer.Argument(metavar="PATH...", help=PAGES_HELP)]
LayoutOption = Annotated[str, typer.Option("--layout", help=LAYOUT_HELP)]
ConfigOption = Annotated[Optional[Path], typer.Option("--config", help="Settings file (default: ./briefs.toml if present).")]


@dataclass
class Debug:
    """Whether errors re-raise with their traceback: --debug, or BRIEFS_DEBUG=1 in the environment."""

    on: bool = False

    def __bool__(self) -> bool:
        return self.on or bool(os.environ.get("BRIEFS_DEBUG"))


debug = Debug()


def fail(err: BriefsError) -> None:
    """Print a user error as one line and exit with its status (re-raise when debugging)."""
    if debug:
        raise err
    typer.echo(f"briefs: {err}", err=True)
    raise typer.Exit(err.exit_code)


def warn(line: str) -> None:
    typer.echo(line, err=True)


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
