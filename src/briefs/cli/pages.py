"""Commands that read pages and show what was read: ``split`` and ``figures``."""

from __future__ import annotations

import json
import sys
from enum import Enum
from typing import Annotated, Iterator

import typer

from ..document import Document
from ..errors import EXIT_OK, EXIT_SKIPPED
from .app import LayoutOption, PathsArgument, app, input_paths, user_errors


class SplitFormat(str, Enum):
    json = "json"
    md = "md"


@app.command()
def split(
    paths: PathsArgument,
    format: Annotated[SplitFormat, typer.Option("--format", "-f", help="json: one JSON object per file per line; md: readable outline.")] = SplitFormat.json,
    layout: LayoutOption = "auto",
    explain: Annotated[bool, typer.Option("--explain", help="Say on stderr which layout each file was read as, and why.")] = False,
) -> None:
    """Read news pages and show their articles, sections, paragraphs and extras.

    Bad files are reported on stderr, one line each; the others are still shown.
    """
    from ..document import as_dict
    from ..render.outline import document_markdown

    skipped = 0
    for doc in _documents(paths, layout):
        if doc is not None and explain:
            typer.echo(f"briefs: {doc.source}: read as {doc.layout} ({doc.layout_reason})", err=True)
        if doc is None:
            skipped += 1
        elif format is SplitFormat.json:
            sys.stdout.write(json.dumps(as_dict(doc), ensure_ascii=False) + "\n")
        else:
            sys.stdout.write(document_markdown(doc) + "\n")
    raise typer.Exit(EXIT_SKIPPED if skipped else EXIT_OK)


def _documents(paths: list[str], layout: str = "auto") -> Iterator[Document | None]:
    """Each input read as ``briefs run`` reads it; a bad file is reported in one line and yields None.
    The files are all read before any is shown, so a story that jumps between two of them is shown once."""
    from ..read.layouts import check_layout
    from ..run.command import read_files
    from ..run.inputs import collect_inputs

    def say(line: str) -> None:
        typer.echo(line, err=True)

    with user_errors("read"):
        check_layout(layout)
        inputs = collect_inputs(input_paths(paths))
    for problem in inputs.problems:
        say(f"briefs: skipped {problem}")
        yield None
    skipped = []

    def skip(problem: str) -> None:
        say(f"briefs: skipped {problem}")
        skipped.append(problem)

    docs = read_files(inputs.files, layout, say, skip, say)
    yield from [None] * len(skipped)
    yield from docs


@app.command("figures")
def figures_command(
    paths: PathsArgument,
    layout: LayoutOption = "auto",
) -> None:
    """Show every figure of each article as JSON Lines.

    One line per figure: file, article (1-based), source, value, unit, english,
    kind (quantity, percent, count, date, ordinal), value_high (ranges).
    Bad files are reported on stderr, one line each; the others are still shown.
    """
    from ..figures.find import article_figures
    from ..text.script import simplifier

    skipped = 0
    for doc in _documents(paths, layout):
        if doc is None:
            skipped += 1
            continue
        plain = simplifier(doc.script == "traditional")
        for number, article in enumerate(doc.articles, start=1):
            for f in article_figures(article, plain):
                record = {"file": doc.source, "article": number, "source": f.source, "value": f.value,
                          "unit": f.unit, "english": f.english, "kind": f.kind, "value_high": f.value_high}
                sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    raise typer.Exit(EXIT_SKIPPED if skipped else EXIT_OK)
