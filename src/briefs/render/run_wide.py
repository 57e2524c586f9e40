"""Run-wide outputs: files made from every brief of a run, such as index.md. Pure text.

A new one is a class here and an entry in ``RUN_WIDE``: ``run/output.py``
gives each one every brief as it is written and, once the run has finished,
writes its text atomically to its file. Each keeps only what its file needs
of a brief, never the brief, so a long run's memory stays flat.
"""

from __future__ import annotations

from typing import Callable, Protocol

from ..brief import Brief
from .markdown import IndexRow, index_markdown


class RunWideOutput(Protocol):
    file_name: str  # in the output folder

    def add(self, doc_number: int, name: str, brief: Brief) -> None:
        """``brief`` of the run's ``doc_number``-th document was written as ``name``; briefs come in any order."""

    def finish(self) -> str:
        """The file's text, asked for once, after the last brief."""


class Index:
    """index.md: a table of the run's briefs."""

    file_name = "index.md"

    def __init__(self) -> None:
        self._rows: dict[tuple[int, int], IndexRow] = {}

    def add(self, doc_number: int, name: str, brief: Brief) -> None:
        self._rows[(doc_number, brief.article_index)] = IndexRow.of(name, brief)

    def finish(self) -> str:
        # Input order first, whatever order a cluster returned the briefs in.
        return index_markdown([self._rows[k] for k in sorted(self._rows)])


# Each run makes a fresh one of each.
RUN_WIDE: tuple[Callable[[], RunWideOutput], ...] = (Index,)
