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
from ..text.dates import english_date
from .escape import code, link, text
from .figures_csv import FiguresCsv
from .saved import SavedBrief, bilingual, count, items, number, string

# About what a reader takes in at a glance in a table cell.
GIST_WORDS = 30


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
    publication: str | None
    gist: str | None
    top_figure: str | None
    warnings: int

    @classmethod
    def of(cls, name: str, sidecar: Mapping[str, Any]) -> IndexRow:
        """The row of the brief ``name`` from its sidecar, whichever run or version of briefs wrote it."""
        zh, en = bilingual(sidecar.get("publication"))
        points = items(sidecar.get("summary"))
        top = next((f for f in items(sidecar.get("figures")) if f.get("key_rank") == 1), None)
        return cls(name, string(sidecar.get("title_en")), string(sidecar.get("date")),
                   string(sidecar.get("source_file")) or "", number(sidecar.get("article_index")),
                   f"{en} ({zh})" if en and zh and en != zh else (en or zh),
                   gist(string(points[0].get("en")) or "") if points else None,
                   _figure(top) if top else None, count(sidecar.get("warnings")))  # fmt: skip

    @property
    def key(self) -> tuple[str, str, int, str]:
        return self.source_file, self.date or "", self.article_index, self.name


def gist(sentence: str, words: int = GIST_WORDS) -> str:
    """The first summary point, cut at a word boundary to about ``words`` words."""
    cut = sentence.split()
    return sentence if len(cut) <= words else " ".join(cut[:words]).rstrip(",;:") + " …"


def _figure(figure: Mapping[str, Any]) -> str | None:
    english, measures = string(figure.get("english")), string(figure.get("measures_en"))
    return f"{english} ({measures})" if english and measures else english


def index_markdown(rows: Sequence[IndexRow]) -> str:
    """The folder's briefs by source file, then date, then article (then name), whatever order they were written in."""
    out = ["# Briefs", "", f"{len(rows)} briefs.", "",
           "| Brief | Date | Publication | Source | Gist | Top figure | Warnings |", "|---|---|---|---|---|---|---|"]  # fmt: skip
    for row in sorted(rows, key=lambda r: r.key):
        out.append(
            f"| {link(row.title_en or '(untitled article)', row.name)} | {text(english_date(row.date) if row.date else None)} "
            f"| {text(row.publication)} | {code(Path(row.source_file).name, in_table=True)} #{row.article_index} "
            f"| {text(row.gist)} | {text(row.top_figure)} | {row.warnings} |"
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
RUN_WIDE: tuple[Callable[[], RunWideOutput], ...] = (Index, FiguresCsv)
