"""A figure of a Chinese sentence, and what checking a translation against its figures found.

Plain frozen data, apart from the code that finds figures (``find``) and the
code that holds a translation to them (``check``). Pure text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# quantity 28.72亿元; percent 6.2%; count 21个; date 2022年3月; ordinal 第一; era 60年代 (see ``find``).
FigureKind = Literal["quantity", "percent", "count", "date", "ordinal", "era"]
# What a reader scans a brief for: no plain dates, ordinals or eras.
KEY_KINDS: tuple[FigureKind, ...] = ("quantity", "percent", "count")
# What joins the two ends of a range the source states (5至10万元, 10%-20%).
RANGE_SEPARATORS = ("至", "到", "-", "~", "～", "—", "－", "〜")


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

    @property
    def vague(self) -> bool:
        """A range whose bounds the source leaves unsaid (一两元, 几十家, 十多户; see ``approximate``):
        English may give either bound, both, or words alone ("a couple of", "dozens of")."""
        return self.value_high is not None and not any(s in self.source for s in RANGE_SEPARATORS)


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
