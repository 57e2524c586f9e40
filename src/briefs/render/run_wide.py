"""Run-wide outputs: files that describe the whole output folder, such as index.md. Pure text.

A new one is a class here and an entry in ``RUN_WIDE``. ``run/output.py`` gives
each one every brief as the run writes it (``add``) and, once the run has
finished, every brief in the folder with its sidecar, this run's and earlier
runs' alike, read from disk one at a time (``finish``); it writes the text
returned atomically to the output's file. Built from the sidecars on disk, not
from what a run remembers, a file is the same bytes whichever executor wrote
the briefs and in whatever order, and a long run's memory stays flat.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, Protocol, Sequence

from ..brief import Brief
from .escape import code, link, text

# A brief in the output folder: its file name, and its sidecar as ``render.markdown.brief_sidecar`` wrote it.
SavedBrief = tuple[str, Mapping[str, Any]]


class RunWideOutput(Protocol):
    file_name: str  # in the output folder

    def add(self, doc_number: int, name: str, brief: Brief) -> None:
        """``brief`` of the run's ``doc_number``-th document was written as ``name``; briefs come in any order."""

    def finish(self, folder: Iterable[SavedBrief]) -> str:
        """The file's text, asked for once, after the last brief. ``folder`` gives every brief in the output
        folder, one at a time in name order, each time it is iterated."""


@dataclass(frozen=True)
class IndexRow:
    """What index.md says of one brief: all it keeps of the brief's sidecar."""

    name: str
    title_en: str | None
    date: str | None
    source_file: str
    article_index: int
    figures: int
    warnings: int

    @classmethod
    def of(cls, name: str, sidecar: Mapping[str, Any]) -> IndexRow:
        """The row of the brief ``name`` from its sidecar, whichever run or version of briefs wrote it."""
        return cls(name, _string(sidecar.get("title_en")), _string(sidecar.get("date")),
                   _string(sidecar.get("source_file")) or "", _number(sidecar.get("article_index")),
                   _count(sidecar.get("figures")), _count(sidecar.get("warnings")))  # fmt: skip


def _string(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _number(value: Any) -> int:
    return value if isinstance(value, int) else 0


def _count(value: Any) -> int:
    return len(value) if isinstance(value, list) else 0


def index_markdown(rows: Sequence[IndexRow]) -> str:
    """The folder's briefs by source file, then date, then article (then name), whatever order they were written in."""
    out = ["# Briefs", "", f"{len(rows)} briefs.", "", "| Brief | Date | Source | Figures | Warnings |", "|---|---|---|---|---|"]
    for row in sorted(rows, key=lambda r: (r.source_file, r.date or "", r.article_index, r.name)):
        out.append(
            f"| {link(row.title_en or '(untitled article)', row.name)} | {text(row.date)} "
            f"| {code(Path(row.source_file).name, in_table=True)} #{row.article_index} | {row.figures} | {row.warnings} |"
        )
    return "\n".join(out) + "\n"


class Index:
    """index.md: a table of every brief in the output folder."""

    file_name = "index.md"

    def add(self, doc_number: int, name: str, brief: Brief) -> None:
        pass  # the index describes the folder, read at the end: a run keeps nothing of its briefs for it

    def finish(self, folder: Iterable[SavedBrief]) -> str:
        return index_markdown([IndexRow.of(name, sidecar) for name, sidecar in folder])


# Each run makes a fresh one of each.
RUN_WIDE: tuple[Callable[[], RunWideOutput], ...] = (Index,)
