"""Numbers as a translation writes them, read back to exact values.

"2.872 billion", "2,872 million", "6.2 percent", "twenty-one", "14th" and the
half-translated "28.72亿元" or "1.9 ten thousand" a model sometimes leaves all
come out as one ``EnglishNumber`` with its span, so ``figures.check``
(``check_figures``) can compare values and rewrite a span in place. Pure text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from . import units
from .numerals import SCALES, number_words, ordinal_words

_SCALE_WORDS = {"hundred million": 10**8, "ten thousand": 10**4, "trillion": 10**12, "billion": 10**9,
                "million": 10**6, "thousand": 10**3, "bn": 10**9, "mn": 10**6}
# Scales English does not write after a number: a sign of a literal translation.
_LITERAL_SCALES = ("hundred million", "ten thousand")
_LATIN_UNITS = {"MW", "GW", "kW", "KW", "kWh", "kVA", "KVA", "kV", "km", "mu", "m", "t", "kg", "ha"}
_HAN_MEASURES = [u for u in units.MEASURES if not u.isascii()]

_NUMERIC = re.compile(
    r"(?<![\w.])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d])"
    rf"(?:\s?(?P<zscale>{units.alternation(SCALES)})|\s*(?P<scale>{units.alternation(_SCALE_WORDS)})\b)?"
    rf"(?:\s?(?P<zunit>{units.alternation(_HAN_MEASURES)}))?"
    r"(?:\s*(?P<pct>%|％|percentage points?\b|per ?cent\b))?"
)
_ORDINAL = re.compile(r"(?<![\w.])(?P<num>\d{1,3}(?:,\d{3})*|\d+)(?:st|nd|rd|th)\b")
_WORD_VALUES = number_words()
_WORD_SCALES = {"hundred": 100, "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_WORD = units.alternation([*_WORD_VALUES, *_WORD_SCALES])
_WORDS = re.compile(
    rf"\b(?P<words>(?:{_WORD})(?:(?:[\s-]+|\s+and\s+)(?:{_WORD}))*)\b"
    r"(?:\s*(?P<pct>%|percentage points?\b|per ?cent\b))?",
    re.IGNORECASE,
)
_ORDINAL_VALUES = ordinal_words()
_ORDINAL_WORDS = re.compile(rf"\b(?:{units.alternation(_ORDINAL_VALUES)})\b", re.IGNORECASE)

_CURRENCY = r"(?:RMB|CNY|USD|US\$|HK\$|\$|¥)"
# Ways English says a number is approximate or a bound, before or after it.
QUALIFIED_BEFORE = re.compile(
    r"\b(?:more than|over|above|exceed(?:s|ed|ing)?|in excess of|upwards of|at least|nearly|almost|close to"
    r"|approximately|approx\.|about|around|roughly|some|an estimated|less than|fewer than|under|below|up to"
    rf"|at most|within|no more than)\s+(?:{_CURRENCY}\s*)?$",
    re.IGNORECASE,
)
QUALIFIED_AFTER = re.compile(  # a unit may come between: "4 billion yuan and above"
    r"(?:\s+[A-Za-z]+){0,3}?(?:\s*(?:\+|-?plus\b|-odd\b)|\s+(?:or|and) (?:more|above|over|so|less)\b)", re.IGNORECASE
)
CURRENCY_BEFORE = re.compile(rf"{_CURRENCY}\s*$")
# What joins the two ends of a range: "one or two", "2,000 to 3,000", "30–40 million".
RANGE_JOINER = re.compile(r"\s*(?:[-–—~]|to|or|and)\s*")


@dataclass(frozen=True)
class EnglishNumber:
    start: int
    end: int
    value: Decimal
    kind: str  # "number" | "percent" | "ordinal" | "word" (spelled out)
    canonical: bool = True  # False for "1.9 ten thousand", "28.72亿": rewrite even when right
    zh_unit: str | None = None  # a Chinese unit left after the number (元 in "28.72亿元")


def english_numbers(text: str) -> list[EnglishNumber]:
    """Every number in an English sentence, left to right."""
    found = [*_numerals(text), *_ordinals(text), *_spelled(text)]
    found.sort(key=lambda n: n.start)
    kept: list[EnglishNumber] = []
    for number in found:
        if not kept or number.start >= kept[-1].end:
            kept.append(number)
    return kept


def _numerals(text: str):
    for m in _NUMERIC.finditer(text):
        letters = re.match(r"[A-Za-z]+", text[m.end():])
        if letters and m.end() == m.end("num") and letters[0] not in _LATIN_UNITS:
            continue  # 5G and 4A are names; 14th is read by _ordinals
        value = Decimal(m["num"].replace(",", ""))
        scale = m["zscale"] or (m["scale"] or "").lower()
        value *= SCALES.get(scale) or _SCALE_WORDS.get(scale, 1)
        canonical = not m["zscale"] and scale not in _LITERAL_SCALES and not m["zunit"]
        kind = "percent" if m["pct"] else "number"
        yield EnglishNumber(m.start(), m.end(), value, kind, canonical, m["zunit"])


def _ordinals(text: str):
    for m in _ORDINAL.finditer(text):
        yield EnglishNumber(m.start(), m.end(), Decimal(m["num"].replace(",", "")), "ordinal")
    for m in _ORDINAL_WORDS.finditer(text):
        yield EnglishNumber(m.start(), m.end(), Decimal(_ORDINAL_VALUES[m[0].lower()]), "ordinal")


def _spelled(text: str):
    for m in _WORDS.finditer(text):
        words = re.split(r"[\s-]+(?:and[\s-]+)?", m["words"].lower())
        if words[0] in _WORD_SCALES:
            continue  # "million people" with no number before it is not a number
        yield EnglishNumber(m.start(), m.end(), Decimal(_words_value(words)),
                            "percent" if m["pct"] else "word")


def _words_value(words: list[str]) -> int:
    total = current = 0
    for word in words:
        if word in _WORD_VALUES:
            current += _WORD_VALUES[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        else:
            total += max(current, 1) * _WORD_SCALES[word]
            current = 0
    return total + current
