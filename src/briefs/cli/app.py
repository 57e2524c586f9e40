"""The ``briefs`` app, its shared options, and how a user error ends a command."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Optional

import typer

from .. import __version__
from ..errors import BriefsError, os_reason
from ..read import READERS, described
from ..read.decoding import shown_path
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
# Paths are taken as typed, unchecked (readable=False): an empty one is told apart from ".", and a path
# that cannot be used is said in the command's own line, not in click's usage box.
PathsArgument = Annotated[list[str], typer.Argument(metavar="PATH...", help=PAGES_HELP)]
LayoutOption = Annotated[str, typer.Option("--layout", help=LAYOUT_HELP)]
ConfigOption = Annotated[
    Optional[Path], typer.Option("--config", readable=False, help="Settings file (default: ./briefs.toml if present).")
]


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


def os_failure(err: OSError, doing: str) -> BriefsError:
    """An OS error on a path the user gave, as a user error: ``cannot <doing> <path>: <reason>``."""
    where = f" {shown_path(os.fsdecode(err.filename))}" if isinstance(err.filename, (str, bytes)) else ""
    return BriefsError(f"cannot {doing}{where}: {os_reason(err)}")


@contextmanager
def user_errors(doing: str = "use") -> Iterator[None]:
    """A user error ends the command in one line: a BriefsError, or an OS error on a path the user gave
    (no such file, a file where a folder is wanted, no permission)."""
    try:
        yield
    except BriefsError as err:
        fail(err)
    except OSError as err:
        if debug:
            raise
        fail(os_failure(err, doing))


def input_paths(values: list[str]) -> list[Path]:
    """The inputs as paths; an empty one (an unset shell variable) is a usage error, not the current folder."""
    if "" in values:
        raise BriefsError('an input path is empty (an unset shell variable?): name files or folders, or "." for this one')
    return [Path(value) for value in values]


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
