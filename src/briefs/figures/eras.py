"""Decades and centuries: 20世纪60年代 → "the 1960s", 19世纪末 → "the late 19th century".

Chinese names a decade by its tens (60年代) under a century (20世纪) or
alone, where it means the last century but one for 20–90 and this century
for 00 and 10 (the decades news still writes that way). Pure text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .numerals import ordinal


@dataclass(frozen=True)
class Era:
    """A decade or a century in a sentence (``start``, ``end``), and how English says it."""

    start: int
    end: int
    english: str
    value: int  # a decade's first year (1960), a century's number (20)
    unit: str  # "decade" | "century"


_ERA = re.compile(
    r"(?:(?P<century>\d{1,2})世纪)?(?:(?P<decade>\d{2,4})年代)?(?P<part>初|初期|中期|中叶|末|末期|后期|前期)?"
)
_START = re.compile(r"(?<!\d)\d{1,4}(?:世纪|年代)")
_PARTS = {"初": "early", "初期": "early", "前期": "early", "中期": "mid-", "中叶": "mid-", "末": "late", "末期": "late",
          "后期": "late"}  # fmt: skip


def find_eras(text: str) -> list[Era]:
    """Every decade and century of ``text``, left to right."""
    found: list[Era] = []
    for match in _START.finditer(text):
        if found and match.start() < found[-1].end:
            continue
        era = era_at(text, match.start())
        if era is not None:
            found.append(era)
    return found


def era_at(text: str, i: int) -> Era | None:
    """The decade or century that starts at ``text[i]``, if one does."""
    return _read(_ERA.match(text, i)) if _START.match(text, i) else None


def _read(m: re.Match | None) -> Era | None:
    if m is None or not (m["century"] or m["decade"]):
        return None
    part = _PARTS.get(m["part"] or "", "")
    if m["decade"]:
        decade = _decade(int(m["decade"]), int(m["century"]) if m["century"] else None)
        if decade is None:
            return None
        english, value, unit = f"{decade}s", decade, "decade"
    else:
        value, unit = int(m["century"]), "century"
        english = f"{ordinal(value)} century"
    if part:
        english = f"{part}{english}" if part.endswith("-") else f"{part} {english}"
    return Era(m.start(), m.end(), f"the {english}", value, unit)


def _decade(tens: int, century: int | None) -> int | None:
    if tens >= 100:
        return tens if tens % 10 == 0 else None
    if tens % 10:
        return None
    if century is not None:
        return (century - 1) * 100 + tens
    return (1900 if tens >= 20 else 2000) + tens
