"""Which figures of an article matter most: the few a brief's table shows first.

An analyst reads economic news for its money first (investment, output,
revenue: the larger, the more it says), then rates (growth, shares), then
counts of projects, enterprises and people, then physical quantities
(tonnes, hectares, megawatts). Within a tier, size orders, and a figure the
headline or the lead paragraph states counts double: the writer put it
first. Years, dates and ordinals are never key figures (``key_figures``).
The same figure said twice counts once.
"""

from __future__ import annotations

import math
from typing import Protocol, Sequence, TypeVar

from .units import MEASURES

# Rough value of one unit in yuan, so a large sum in dollars ranks above a small one in yuan.
_IN_YUAN = {"yuan": 1.0, "US dollars": 7.0, "Hong Kong dollars": 0.9, "euros": 7.8, "yen": 0.05, "pounds sterling": 9.0}
MONEY_UNITS = frozenset(u for u in MEASURES.values() if u in _IN_YUAN)
_PROMINENCE = math.log10(2)  # counting double, on the scale of sizes


class Ranked(Protocol):
    kind: str
    unit: str | None
    value: float | int
    english: str
    measures_en: str
    prominent: bool  # in the headline or the lead paragraph


_F = TypeVar("_F", bound=Ranked)


def tier(figure: Ranked) -> int:
    """0 money, 1 rates and shares, 2 counts, 3 physical quantities."""
    if figure.unit in MONEY_UNITS:
        return 0
    if figure.kind == "percent" or figure.unit in ("%", "percentage points", "times"):
        return 1
    if figure.kind == "count" or figure.unit is None:
        return 2
    return 3


def weight(figure: Ranked) -> float:
    """Size on a log scale, in yuan for money; the headline and lead count double."""
    size = abs(float(figure.value)) * _IN_YUAN.get(figure.unit or "", 1.0)
    return math.log10(size + 1) + (_PROMINENCE if figure.prominent else 0.0)


def rank(figures: Sequence[_F]) -> list[_F]:
    """The figures by salience, each figure (its English reading and what it measures) once."""
    order = sorted(range(len(figures)), key=lambda i: (tier(figures[i]), -weight(figures[i]), i))
    seen: set[tuple[str, str]] = set()
    ranked = []
    for i in order:
        key = (figures[i].english, figures[i].measures_en)
        if key not in seen:
            seen.add(key)
            ranked.append(figures[i])
    return ranked
