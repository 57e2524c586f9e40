"""Paragraph → sentences; a sentence too long for a model → clauses. Pure text.

Chinese ends a sentence with 。！？ (pages set in half-width punctuation use
! ? and a full stop too); closing quotes and brackets after the stop belong
to the sentence they close: 他说:“走。” is one sentence. A sentence longer
than a model takes is cut after clause punctuation, and only as a last resort
at a size limit, so that the pieces always join back to exactly the input:
nothing is ever dropped on the way to the model.
"""

from __future__ import annotations

from typing import Callable

import regex

from .marks import FULL_STOPS, TRAILING_CLOSERS

# A half-width full stop ends a sentence only before a space, the end, or a
# Chinese character: 28.72亿元 and U.S. keep theirs.
_SENTENCE_END = regex.compile(
    rf"(?:[{regex.escape(FULL_STOPS)}]+|\.(?=\s|$|\p{{Han}}))[{regex.escape(TRAILING_CLOSERS)}]*"
)
# Half-width , : ; between digits are separators (1,000 and 8:30), not clause ends.
_CLAUSE_END = regex.compile(r"[，；：、。！？｡]|(?<!\d)[,;:!?]|[,;:!?](?!\d)")
# How far back a forced cut may move to avoid splitting a number or a word.
_CUT_SLACK = 16


def split_sentences(paragraph: str) -> list[str]:
    """Sentences in order, each stripped of surrounding whitespace; none empty."""
    return [s.strip() for s in _cut_after(_SENTENCE_END, paragraph) if s.strip()]


def clauses(sentence: str, limit: int, measure: Callable[[str], int] = len) -> list[str]:
    """Cut ``sentence`` into pieces with ``measure(piece) <= limit`` that join back to it.

    ``measure`` is characters by default; an engine passes its token count.
    Pieces end at clause punctuation where possible; a clause that is still
    too long is cut at the limit, away from digits and Latin letters.
    """
    if measure(sentence) <= limit:
        return [sentence]
    chunks: list[str] = []
    current = ""
    for piece in _cut_after(_CLAUSE_END, sentence):
        if measure(current + piece) <= limit:
            current += piece
            continue
        if current:
            chunks.append(current)
        *whole, current = _cut(piece, limit, measure)
        chunks.extend(whole)
    if current:
        chunks.append(current)
    return chunks


def _cut_after(marks: regex.Pattern, text: str) -> list[str]:
    """``text`` in pieces, each ending with a match of ``marks``, and the rest; none empty."""
    pieces = []
    start = 0
    for end in marks.finditer(text):
        pieces.append(text[start : end.end()])
        start = end.end()
    return pieces + [text[start:]] if start < len(text) else pieces


def _cut(text: str, limit: int, measure: Callable[[str], int]) -> list[str]:
    """The last resort: cut a clause with no punctuation at the size limit."""
    chunks = []
    while measure(text) > limit:
        size = _longest_prefix(text, limit, measure)
        if size == 0:
            raise ValueError(f"a limit of {limit} cannot hold even one character of {text[:10]!r}")
        size = _gentle(text, size)
        chunks.append(text[:size])
        text = text[size:]
    return chunks + [text]


def _longest_prefix(text: str, limit: int, measure: Callable[[str], int]) -> int:
    # Binary search keeps the number of (token) measurements logarithmic;
    # ``low`` always fits, so every chunk is within the limit even if the
    # measure is not perfectly monotone.
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if measure(text[:middle]) <= limit:
            low = middle
        else:
            high = middle - 1
    return low


def _gentle(text: str, size: int) -> int:
    """Move a cut back so it does not fall inside a number or a Latin word."""
    for cut in range(size, max(size - _CUT_SLACK, 0), -1):
        if not (_word_char(text[cut - 1]) and _word_char(text[cut])):
            return cut
    return size


def _word_char(char: str) -> bool:
    return char.isascii() and (char.isalnum() or char in ".%")


def article_sentences(title: str | None, paragraphs: list[str]) -> list[str]:
    """Every sentence of an article, its title first, as the pipeline splits them."""
    return [s for paragraph in [title or "", *paragraphs] for s in split_sentences(paragraph)]
