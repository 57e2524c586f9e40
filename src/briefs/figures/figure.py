"""A figure of a Chinese sentence, and what checking a translation against its figures found.

Plain frozen data, apart from the code that finds figures (``find``) and the
code that holds a translation to them (``check``). Pure text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# quantity 28.72亿元; percent 6.2%; count 21个; date 2022年3月; ordinal 第一 (see ``find``).
FigureKind = Literal["quantity", "percent", "count", "date", "ordinal"]
# What a reader scans a brief for: no plain dates, no ordinals.
KEY_KINDS: tuple[FigureKind, ...] = ("quantity", "percent", "count")


@dataclass(frozen=True)
class Figure:
    source: str  # exact substring of the sentence
    value: float | int  # for ranges the low end; for dates YYYYMMDD
    unit: str | None  # English unit ("yuan", "%", "square meters"); None for counts, dates, ordinals
    english: str  # "2.872 billion yuan"
    start: int
    end: int
    kind: FigureKind = "quantity"
    value_high: float | int | None = None  # the high end of a range


@dataclass(frozen=True)
class FigureCheck:
    english: str  # the (repaired) English sentence
    repairs: int
    flagged: tuple[Figure, ...] = ()  # figures that could not be placed

    @property
    def annotated(self) -> str:
        """The English with each flagged figure shown beside it, in brackets."""
        if not self.flagged:
            return self.english
        shown = "; ".join(f"{f.english} ({f.source})" for f in self.flagged)
        return f"{self.english} [{shown}]"
