"""An article's blocks, in reading order → its headline fields, sections, paragraphs and extras.

A paragraph starts at a first line indented about two characters, or after
a short line that ends a sentence. Where a column or page break cuts the
text, the next block goes on with the paragraph unless it starts indented: a
sentence left open goes on, and so does one that ended on a full line at the
foot of a column. Captions, bylines and notes between the parts do not cut
a paragraph. Lines are joined without a space, except between two Latin words.
"""

from __future__ import annotations

from dataclasses import replace

import regex as re

from ...document import Article, Extra, ExtraKind, Section
from ...text.datelines import split_credit
from ...text.marks import HAN
from ..lines import (
    NOT_HEADING,
    PAGE_CREDIT,
    PICTURE_LINE,
    PICTURE_SOURCE,
    REPORTER,
    balanced,
    is_byline,
    is_caption,
    is_complete,
    is_note,
    jump,
    numbered,
    strip_dash,
)
from .articles import Placed
from .headlines import DECK, SMALL, TITLE, Face, Headline
from .lines import TextLine
from .page import Block, PageLayout

_LATIN_END = re.compile(r"[A-Za-z0-9]$")
_LATIN_START = re.compile(r"^[A-Za-z0-9]")
# Reporters named on a line of their own, names run on or spaced out: 本报记者王立新, 记者 张 帆、李明.
# A PDF's lines are whole, so each name is held to two to four characters, spaces between them allowed.
_REPORTERS = re.compile(rf"^{REPORTER}\s*\p{{Han}}(?:\s?\p{{Han}}){{1,3}}(?:[\s、]+\p{{Han}}(?:\s?\p{{Han}}){{1,3}})*$")
# A file photo's credit stands here too: PDFs set （资料图片） under the picture as a caption of its own.
_PICTURE = re.compile(rf"{PICTURE_LINE}|{PICTURE_SOURCE}|[（(](?:资料图片|资料图)[)）]$")
_CAPTION_LINES = 6


def join(text: str, more: str) -> str:
    """Two lines of one paragraph: no space between Chinese characters, one between two Latin words."""
    if _LATIN_END.search(text) and _LATIN_START.match(more):
        return f"{text} {more}"
    return text + more


def join_lines(lines: list[TextLine]) -> str:
    text = ""
    for line in lines:
        text = join(text, line.text)
    return text


def headline_fields(head: Headline | None) -> tuple[str | None, str | None, str | None]:
    """(kicker, title, subtitle): the largest lines are the title, those above the kicker, those below the subtitle."""
    if head is None:
        return None, None, None
    lines = head.lines
    largest = max(line.size for line in lines)
    big = [i for i, line in enumerate(lines) if line.size >= 0.9 * largest]
    first, last = big[0], big[-1]
    kicker = join_lines(lines[:first]) or None
    subtitle = strip_dash(join_lines(lines[last + 1 :])) or None
    return kicker, join_lines(lines[first : last + 1]), subtitle


def block_kind(block: Block, face: Face, pictures) -> ExtraKind | str:
    """What a block of an article is: text, a section heading, or an extra."""
    text = join_lines(block.lines)
    short = len(block.lines) <= 3 and len(text) <= 120
    if is_note(text) or PAGE_CREDIT.match(text):
        return "note"
    if len(block.lines) <= 2 and (is_byline(text) or _REPORTERS.match(text)):
        return "byline"
    if block.size < SMALL * face.size and len(block.lines) <= _CAPTION_LINES:
        return "caption"  # longer text in a small size is a sidebar: text
    if short and (_PICTURE.search(text) or _credit_caption(text)):
        return "caption"
    if short and _by_picture(block, pictures) and block.lines[0].font != face.font:
        return "caption"
    if _heading(block, text, face):
        return "heading"
    return "text"


def _credit_caption(text: str) -> bool:
    return is_caption(text) and not numbered(text)


def _by_picture(block: Block, pictures) -> bool:
    """Set just under or over a picture, across it."""
    near = 2 * block.size
    return any(
        x0 < block.x1 and x1 > block.x0 and (abs(block.top - bottom) <= near or abs(top - block.bottom) <= near)
        for x0, top, x1, bottom in pictures
    )


def _heading(block: Block, text: str, face: Face) -> bool:
    """A short line without sentence punctuation, larger than the body or set in a heavier face."""
    if len(block.lines) > 2 or len(text) > 30 or len(HAN.findall(text)) < 2 or NOT_HEADING.search(text):
        return False
    line = block.lines[0]
    larger = DECK * face.size <= block.size < TITLE * face.size
    heavier = abs(block.size - face.size) <= 0.08 * face.size and (line.bold or line.font != face.font)
    return (larger or heavier) and balanced(text)


class _Body:
    """Sections and paragraphs as the lines come, with the line that ended the last paragraph."""

    def __init__(self) -> None:
        self.sections: list[tuple[str | None, list[str]]] = [(None, [])]
        self.extras: list[Extra] = []
        self.last: TextLine | None = None
        self.last_full = False

    def heading(self, text: str) -> None:
        self.sections.append((text, []))
        self.last = None

    def line(self, line: TextLine, new: bool, full: bool) -> None:
        paragraphs = self.sections[-1][1]
        if new or not paragraphs:
            paragraphs.append(line.text)
        else:
            paragraphs[-1] = join(paragraphs[-1], line.text)
        self.last, self.last_full = line, full

    @property
    def started(self) -> bool:
        return any(paragraphs for _, paragraphs in self.sections)

    @property
    def open(self) -> bool:
        """The last paragraph has no sentence end: the next text goes on with it."""
        paragraphs = self.sections[-1][1]
        return bool(paragraphs) and not is_complete(paragraphs[-1])


def build(placed: Placed, face: Face, layouts: list[PageLayout]) -> Article:
    kicker, title, subtitle = headline_fields(placed.headline)
    body = _Body()
    for block in placed.blocks:
        page = layouts[block.page]
        kind = block_kind(block, face, page.page.pictures)
        credit = split_credit(block.lines[0].text) if kind != "text" and not body.started else None
        if credit is not None:
            # A dateline set in a heavier face reads as a block of its own, but the story runs on in it.
            body.extras.append(Extra("byline", credit[0]))
            block.lines[0] = replace(block.lines[0], text=credit[1])
            kind = "text"
        if kind == "heading":
            body.heading(join_lines(block.lines))
        elif kind != "text":
            body.extras.append(Extra(kind, join_lines(block.lines)))  # type: ignore[arg-type]
        else:
            for line in block.lines:
                if jump(line.text):
                    body.extras.append(Extra("jump", line.text))
                elif not body.started and (is_byline(line.text) or _REPORTERS.match(line.text)):
                    # □ 王立新 over the story's first line; 本报记者王立新 set close above it (OCR reads no space)
                    body.extras.append(Extra("byline", line.text))
                else:
                    body.line(line, _starts(body, line, page), page.columns.full(line))
    sections = tuple(Section(h, tuple(ps)) for h, ps in body.sections if h is not None or ps)
    return Article(kicker, title, subtitle, sections, tuple(body.extras))


def _starts(body: _Body, line: TextLine, page: PageLayout) -> bool:
    """Whether ``line`` starts a new paragraph: indented, or after a sentence that ended short of the
    column's edge. A sentence that ended on a full line (at the foot of a column too) goes on."""
    if body.last is None or page.columns.indented(line):
        return True
    return not body.open and not body.last_full
