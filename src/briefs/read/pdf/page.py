"""A PDF page's lines → its furniture (header, folio) and its column blocks.

A block is a run of lines of one size, one under the other in one column at
the page's line spacing: a paragraph or the part of one that a column holds,
a headline, a caption. Sizes and distances are measured against the body
text (the most common size by characters), never in fixed points, so a page
set in 8-point type reads like one set in 11.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import regex as re

from ...document import Extra
from ...text.dates import FULL_DATE
from ...text.marks import PROSE_MARKS
from .geometry import Box, overlap
from .lines import TextLine

# What a page header or foot holds: the date, 星期, 版次, the page number, the editors, the serial numbers.
_FOLIO = re.compile(
    rf"{FULL_DATE}|星期[一二三四五六日天]|农历"
    r"|第\s*[\dA-Z一二三四五六七八九十]+\s*版|版次|^[A-Z]?\d{1,3}$|^[A-Z]\d{0,2}\s*版?$|今日\s*[\d一二三四五六七八九十]+\s*版|总第\s*\d+\s*期"
    r"|责任编辑|责编|编辑|美编|版式|校对|组版|CN\s*\d{2}\s*-\s*\d{4}|邮发代号|国外代号|连续出版物号|https?://|www\.|电话|邮箱"
    # A masthead's small print: the day set large on its own, how the paper is sold, who publishes it.
    r"|^\d{1,2}$|自办发行|^\p{Han}{2,12}(?:报社|集团|出版社)(?:主管|主办|出版)|^\p{Han}{2,12}(?:主管|主办|出版)$"
)
# The page number in a folio: 第3版, A3版.
_PAGE = re.compile(r"第\s*([\dA-Z一二三四五六七八九十]+)\s*版|^([A-Z]\d{1,2})\s*版?$")
# A line of decorative Latin words (a paper's English name, a banner's NEW): no Han, no figure, no sentence.
_LATIN_ONLY = re.compile(r"^[A-Za-z][A-Za-z&'.\s-]*$")
_PROSE = re.compile(f"[{PROSE_MARKS}]")
_HEADER_ZONE = 0.15  # a header rule lies within the top 15% of the page
_MASTHEAD_ZONE = 0.3  # a front page's masthead, with serial numbers above its rule, within the top 30%
_BARE_HEADER = 0.07  # without a rule, folio lines within the top 7%
_FOOT_ZONE = 0.06
_NEIGHBOURS = 12  # body lines that tell where a line's column starts and ends


@dataclass(frozen=True)
class PageText:
    """What a page holds besides its characters: its size, lines, pictures and rules (as boxes)."""

    index: int
    size: tuple[float, float]  # width, height
    lines: tuple[TextLine, ...]
    pictures: tuple[Box, ...] = ()
    rules: tuple[Box, ...] = ()

    @property
    def height(self) -> float:
        return self.size[1]


@dataclass(eq=False)  # a block is itself: two blocks with the same lines are still two places
class Block:
    """Lines one under the other in one column, at one size and in one face."""

    page: int
    lines: list[TextLine] = field(default_factory=list)

    @property
    def x0(self) -> float:
        return min(line.x0 for line in self.lines)

    @property
    def x1(self) -> float:
        return max(line.x1 for line in self.lines)

    @property
    def top(self) -> float:
        return self.lines[0].top

    @property
    def bottom(self) -> float:
        return self.lines[-1].bottom

    @property
    def size(self) -> float:
        return self.lines[0].size



def body_face(pages: list[PageText]) -> tuple[float, str]:
    """(size, font) of the body text: the most common size by characters, and its most common font."""
    sizes: Counter = Counter()
    fonts: Counter = Counter()
    for page in pages:
        for line in page.lines:
            sizes[line.size] += len(line.text)
    size = sizes.most_common(1)[0][0]
    for page in pages:
        for line in page.lines:
            if line.size == size:
                fonts[line.font] += len(line.text)
    return size, fonts.most_common(1)[0][0]


def furniture(page: PageText, body_size: float) -> tuple[list[Extra], list[TextLine], list[TextLine]]:
    """(header, masthead, banner and folio lines as page extras, the rest of the page's lines, the header's lines)."""
    ruled = _header_rule(page)
    extras: list[Extra] = []
    rest: list[TextLine] = []
    header: list[TextLine] = []
    header_rows = {round(line.bottom) for line in page.lines if line.top < _BARE_HEADER * page.height and folio_line(line.text)}
    banners = _banner_rows(page.lines, body_size)
    for line in page.lines:
        if ruled is not None:
            in_header = line.bottom <= ruled + 0.3 * line.size
        else:
            in_header = any(abs(line.bottom - row) <= 2 for row in header_rows)
        in_foot = line.top > (1 - _FOOT_ZONE) * page.height and folio_line(line.text)
        if in_header or in_foot or any(_on_row(line, row) for row in banners):
            extras.append(Extra("meta" if folio_line(line.text) else "banner", line.text))
            header += [line] if in_header else []
        else:
            rest.append(line)
    return extras, rest, header


def page_number(texts: list[str]) -> str | None:
    """The page a folio names (第3版 → 3, A3版 → A3), if one of ``texts`` names it."""
    for text in texts:
        found = _PAGE.search(text)
        if found:
            return found.group(1) or found.group(2)
    return None


def _banner_rows(lines: tuple[TextLine, ...], body_size: float) -> list[TextLine]:
    """Display lines of decorative Latin words (NEW, a town's name, a section's English name): they and the
    short display lines beside them on their row are a banner, never a headline."""
    return [line for line in lines if line.size >= 1.08 * body_size and _LATIN_ONLY.match(line.text)]


def _on_row(line: TextLine, latin: TextLine) -> bool:
    """Set beside ``latin`` (their heights overlap by half) in a display size, and short: part of its banner."""
    shared = min(line.bottom, latin.bottom) - max(line.top, latin.top)
    short = len(line.text) <= 12 and not _PROSE.search(line.text)
    return line is latin or (shared >= 0.5 * min(line.size, latin.size) and line.size >= 0.9 * latin.size and short)


def folio_line(text: str) -> bool:
    """A date, 版次, page number or credit line, not a line of running text that mentions one."""
    return bool(_FOLIO.search(text)) and len(text) <= 40 and len(_PROSE.findall(text)) < 2


def _header_rule(page: PageText) -> float | None:
    """The y of a rule across the page under its header, with nothing but furniture above it. Lower
    down, under a front page's masthead, the rule has the masthead's serial numbers and dates above it."""
    width = page.size[0]
    candidates = sorted(top for x0, top, x1, _ in page.rules if x1 - x0 >= 0.5 * width and top <= _MASTHEAD_ZONE * page.height)
    for y in candidates:
        above = [line for line in page.lines if line.bottom <= y]
        if not above or any(len(line.text) > 40 or len(_PROSE.findall(line.text)) >= 2 for line in above):
            continue
        if y <= _HEADER_ZONE * page.height or sum(1 for line in above if folio_line(line.text)) >= 3:
            return y
    return None


def blocks(page: int, lines: list[TextLine], body_size: float) -> list[Block]:
    """Lines stacked into column blocks, in order of their tops."""
    done: list[Block] = []
    open_: list[Block] = []
    for line in sorted(lines, key=lambda line: (line.top, line.x0)):
        fits = [b for b in open_ if _continues(b, line, body_size)]
        target = min(fits, key=lambda b: line.top - b.bottom) if fits else None
        for b in list(open_):
            # A line set under a block it does not continue closes it: nothing joins across a headline.
            if b is not target and line.top >= b.bottom - 0.3 * line.size and overlap(b, line) > 0.3 * body_size:
                open_.remove(b)
                done.append(b)
        if target is None:
            target = Block(page)
            open_.append(target)
        target.lines.append(line)
    return sorted(done + open_, key=lambda b: (b.top, b.x0))


def _continues(block: Block, line: TextLine, body_size: float) -> bool:
    last = block.lines[-1]
    s = last.size
    if line.bold != last.bold or line.font != last.font:  # a heading in a heavier face, a caption in another
        return False
    if abs(line.size - s) > 0.12 * s or not -0.3 * s <= line.top - last.bottom <= (0.8 if s > 1.08 * body_size else 1.0) * s:
        return False
    if s > 1.08 * body_size:  # headline lines may be centred: any overlap will do
        return overlap(block, line) > 0.3 * min(line.width, block.x1 - block.x0)
    starts_near = abs(line.x0 - block.x0) <= 3.5 * s
    short_so_far = all(b.x1 < line.x1 - 1.5 * s for b in block.lines)
    return starts_near and (line.x1 <= block.x1 + 1.5 * s or short_so_far)


@dataclass(frozen=True)
class Columns:
    """Left and right edges of the body columns of a page, from where its body lines start and end."""

    lines: tuple[TextLine, ...]
    _edges: dict[int, tuple[float, float]] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def of(cls, lines: list[TextLine], body_size: float) -> Columns:
        return cls(tuple(line for line in lines if abs(line.size - body_size) <= 0.12 * body_size))

    def edges(self, line: TextLine) -> tuple[float, float]:
        """(left, right) of the column ``line`` is set in: from the lines that start where it does, or
        two characters further left (a first line is indented) and overlap it."""
        if id(line) not in self._edges:
            self._edges[id(line)] = self._measure(line)
        return self._edges[id(line)]

    def _measure(self, line: TextLine) -> tuple[float, float]:
        s = line.size
        near = [m for m in self.lines if -3.5 * s <= m.x0 - line.x0 <= 0.5 * s and m.x1 > line.x0 + s]
        if not near:
            return line.x0, line.x1
        # The lines nearest above and below: another article lower on the page may start its wider
        # columns at the same left edge.
        near = sorted(near, key=lambda m: abs(m.top - line.top))[:_NEIGHBOURS]
        rights = Counter(round(m.x1) for m in near if m.x1 >= line.x1 - 0.5 * s)
        right = max(rights, key=lambda r: (rights[r], r)) if rights else line.x1
        lefts = [m.x0 for m in near if abs(m.x1 - right) <= s]
        return (min(lefts) if lefts else line.x0), right

    def left(self, x0: float, x1: float, top: float) -> float:
        """The left edge of the column that holds the middle of ``x0``–``x1`` (a centred heading, a
        caption), from the body line nearest to ``top`` there."""
        middle = (x0 + x1) / 2
        under = [m for m in self.lines if m.x0 <= middle <= m.x1]
        if not under:
            return x0
        return self.edges(min(under, key=lambda m: abs(m.top - top)))[0]

    def indented(self, line: TextLine) -> bool:
        left, _ = self.edges(line)
        return 1.2 * line.size <= line.x0 - left <= 3.5 * line.size

    def full(self, line: TextLine) -> bool:
        """Reaches the right edge of its column: the text runs on after it."""
        return line.x1 >= self.edges(line)[1] - 1.2 * line.size


@dataclass
class PageLayout:
    """A page as the article finder sees it: its blocks, and its columns to measure indents against."""

    page: PageText
    blocks: list[Block]
    columns: Columns
