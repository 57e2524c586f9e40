"""A figure's row in a brief: what it measures, the clause it stands in, its Chinese as printed.

Pure text: the words come from ``figures.labels``, the clause from the
sentence's punctuation.
"""

from __future__ import annotations

from typing import Mapping, Sequence

from ..figures.figure import Figure
from ..figures.labels import figure_label
from ..text.marks import CLAUSE_MARKS

# Where a clause ends: a figure's label and its quoted clause never cross one.
# A figure's clause also stops at an enumeration comma, and (around a figure) at a space.
_CLAUSE_BREAK = CLAUSE_MARKS + "、 "


def _clause_before(sentence: str, figure: Figure, others: Sequence[Figure]) -> str:
    before = sentence[: figure.start]
    return before[max([before.rfind(c) for c in _CLAUSE_BREAK] + [f.end - 1 for f in others if f.end <= figure.start]) + 1 :]


def _clause_after(sentence: str, figure: Figure, others: Sequence[Figure]) -> str:
    after = sentence[figure.end :]
    ends = [i for i in (after.find(c) for c in _CLAUSE_BREAK) if i >= 0]
    ends += [f.start - figure.end for f in others if f.start >= figure.end]
    return after[: min(ends, default=len(after))]


def measures(sentence: str, figure: Figure, others: Sequence[Figure] = ()) -> str:
    """What a figure quantifies, in whole words (``figures.labels``): 总投资61.12亿元 → 总投资,
    打造5个特色产业园区 → 特色产业园区; never across another figure (辐射3镇1街 → nothing for 1街)."""
    before, after = _clause_before(sentence, figure, others), _clause_after(sentence, figure, others)
    return figure_label(before, after, counted=figure.kind == "count")


def clause_of(sentence: str, figure: Figure) -> str:
    """The clause a figure stands in: what the brief quotes beside it."""
    start = max(sentence.rfind(c, 0, figure.start) for c in _CLAUSE_BREAK.strip()) + 1
    ends = [i for i in (sentence.find(c, figure.end) for c in _CLAUSE_BREAK.strip()) if i >= 0]
    return sentence[start : min(ends) + 1 if ends else len(sentence)].strip().rstrip(",，、;；:：")


def measures_english(english: str | None) -> str:
    """A table cell, not a sentence: no sentence capital or leading article."""
    text = (english or "").strip().rstrip(".")
    for article in ("The ", "A ", "An "):
        if text.startswith(article):
            return text[len(article) :]
    return text


def as_written(sentence: str, figure: Figure, simplified: Mapping[str, str]) -> str:
    """A figure's Chinese as the page prints it (OpenCC keeps lengths, so offsets carry over)."""
    plain = simplified.get(sentence, sentence)
    return sentence[figure.start : figure.end] if len(plain) == len(sentence) else figure.source
