"""Serial names: a name and its number, “深海一号” "Deep Sea No. 1", 长征五号 "Long March 5".

Chinese numbers a series with 一号, 二号 … 十号 after its name: a gas field
(“深海一号”), rockets (长征五号), spacecraft (天宫二号, 嫦娥四号). The dictionary
reads 一号 as a word ("first day of the month", "toilet") and 四 + 号 as a count
and its classifier; after a name they are the name's number. A proper name
keeps its number bare, as those programmes write it in English ("Long March 5",
"Tiangong 2"); a name made of common words takes "No.", and in quotes it is
written as a name ("Deep Sea No. 1"), while 景区一号停车场 stays the scenic
area's "No. 1" parking lot. Pure text.
"""

from __future__ import annotations

from typing import Callable

from .rules import Piece
from .words import NUMERALS

SERIAL_NUMBERS = {numeral: str(n) for n, numeral in enumerate("一二三四五六七八九十", 1)}
# What cannot be a series' name: a count, an ordinal, a date (五月一号 is a day, read by the figures).
_NOT_A_NAME = NUMERALS | frozenset("第月日年周期届")
_OPENING_QUOTES = frozenset("“‘「『《\"'")
# Short words a name written in capitals leaves in lower case.
_MINOR_WORDS = frozenset("a an the of and or in on at to for by".split())


def serial_names(pieces: list[Piece], proper_name: Callable[[str], str | None]) -> list[Piece]:
    """A name followed by N号 as one name piece with its number.

    ``proper_name(word)`` is a dictionary word's English as a proper noun
    (长征 → "Long March", 天宫 → "Tiangong"), or None for a common word.
    """
    out: list[Piece] = []
    i = 0
    while i < len(pieces):
        number, width = _serial_number(pieces, i)
        if number and out and _names(out[-1]):
            name = out.pop()
            proper = proper_name(name.source) if name.kind == "word" else name.english
            quoted = bool(out) and out[-1].source in _OPENING_QUOTES
            common = _capitalized(name.english) if quoted else name.english
            english = f"{proper} {number}" if proper else f"{common} No. {number}"
            source = name.source + "".join(p.source for p in pieces[i : i + width])
            out.append(Piece(source, english, "name"))
            i += width
            continue
        out.append(pieces[i])
        i += 1
    return out


def _serial_number(pieces: list[Piece], i: int) -> tuple[str, int]:
    """The number of a serial at ``pieces[i]`` (一号 as one word, or 四 then 号) and how many pieces it takes."""
    first = pieces[i]
    if first.kind != "word":
        return "", 0
    if len(first.source) == 2 and first.source[1] == "号" and first.source[0] in SERIAL_NUMBERS:
        return SERIAL_NUMBERS[first.source[0]], 1
    following = pieces[i + 1] if i + 1 < len(pieces) else None
    if first.source in SERIAL_NUMBERS and following is not None and following.kind == "word" and following.source == "号":
        return SERIAL_NUMBERS[first.source], 2
    return "", 0


def _names(piece: Piece) -> bool:
    """Whether a piece can be the name a number follows: a name, a glossary term or a content word."""
    if piece.kind in ("name", "term"):
        return True
    return piece.kind == "word" and bool(piece.english) and piece.source[-1] not in _NOT_A_NAME


def _capitalized(english: str) -> str:
    words = english.split()
    return " ".join(w if (w in _MINOR_WORDS and n) else w[:1].upper() + w[1:] for n, w in enumerate(words))
