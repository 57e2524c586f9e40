"""Lines of a web page's text, and what their shape and runs make them: menus, link lists, the headline.

Each line is scanned as a text page's (``scan``), remembering what a
converted page marks that plain text cannot: a line set wholly in bold, an
image slot. Runs matter on the web: three lines of a word or two are a menu;
four headline-shaped lines with no body between them are a list of links.
The headline is a ``#`` line, else the headline-shaped line just above the
date and source line, else the first long headline-shaped line above the
body. Pure text.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex as re

from ...text.datelines import is_dateline
from ...text.marks import HAN, PROSE_MARKS
from ...text.spaces import SPACES
from ..cuts import continues, ends_open, opens_mid_sentence
from ..furniture import Furniture, classify, link_like, link_line
from ..lines import (
    PageLine,
    balanced,
    heading_like,
    is_complete,
    is_subtitle,
    scan,
)

_BOLD_LINE = re.compile(r"^(?:[-*+]\s+)?\*\*([^*]+)\*\*\s*$")
_IMAGES_ONLY = re.compile(r"^(?:!\[([^\]]*)\]\([^)]*\)\s*)+$")
_INLINE_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
NUMERAL = re.compile(r"^(?:\d{1,2}|[一二三四五六七八九十]{1,3}|[（(][一二三四五六七八九十\d]{1,3}[)）])[、.．]?$")
CLAUSE = re.compile(f"[{PROSE_MARKS}]")
_SHORT_RUN, _SHORT_LINE = 3, 6  # three or more lines of a word or two: a menu
_TITLE_RUN = 4  # four or more headline-shaped lines with no body between them: a list of links
_LONG_HEADLINE = 8  # Han characters: a site's or an author's name is shorter, a headline seldom is


def heading_text(text: str) -> bool:
    """A section heading's shape: a numeral (1, 01, 一), or a text page's heading line."""
    return bool(NUMERAL.match(text)) or (heading_like(text) and not is_complete(text))


def bold_heading(text: str) -> bool:
    """A bold line set as a heading; unlike a bare line it may end with ？ or ！ (狂奔之下的“暗伤”曝露？)."""
    return "。" not in text and heading_text(text.rstrip("？！?!") or text)


def _scan(text: str) -> tuple[list[PageLine], list[bool], list[str]]:
    """The page's lines (``scan``'s, one raw line at a time), whether each was set wholly
    in bold, and the alt texts of its images."""
    lines: list[PageLine] = []
    bold: list[bool] = []
    alts: list[str] = []
    gap = 0
    for raw in text.split("\n"):
        stripped = raw.strip(SPACES)
        if _IMAGES_ONLY.match(stripped):  # an image slot: two blank lines, as a text page leaves one
            alts += [a for a in re.findall(r"!\[([^\]]*)\]", stripped) if HAN.search(a)]
            gap += 2
            continue
        if not link_line(stripped):
            stripped = _INLINE_LINK.sub(r"\1", stripped)
        scanned = scan(stripped)
        if not scanned:
            gap += 1
            continue
        lines.append(PageLine(scanned[0].text, gap, scanned[0].level))
        bold.append(bool(_BOLD_LINE.match(stripped)))
        gap = 0
    return lines, bold, alts


def rich(text: str) -> bool:
    """Running text: ten Han characters or more with clause punctuation."""
    return len(HAN.findall(text)) >= 10 and bool(CLAUSE.search(text))


def running(text: str) -> bool:
    """Body text: sentences ended with 。 (a headline may hold ，？！ but never 。)."""
    return rich(text) and "。" in text


def _headline_shaped(text: str) -> bool:
    return (
        4 <= len(text) <= 80 and len(HAN.findall(text)) >= 4 and "。" not in text[:-1]
        and not text.endswith(("，", "、", "：", ":", ",")) and balanced(text) and not is_dateline(text)
    )


def _menu_word(text: str) -> bool:
    return len(text) <= _SHORT_LINE and not CLAUSE.search(text)


def _title_shaped(text: str) -> bool:
    return 6 <= len(text) <= 40 and len(HAN.findall(text)) >= 6 and link_like(text) and not re.search(r"[。；;…]", text)


def _menus(lines: list[PageLine], bold: list[bool], kinds: list[Furniture | None]) -> set[int]:
    """Lines in runs of menu words, or of headlines with no body between them (a list of links).
    An image slot ends a run; a bold line, or one going on with the sentence above, is no link."""
    plain = [
        not line.level and not bold[i] and kinds[i] is None and not (i and lines[i - 1].text.endswith(("，", "、")))
        for i, line in enumerate(lines)
    ]
    marked: set[int] = set()
    for test, least in ((_menu_word, _SHORT_RUN), (_title_shaped, _TITLE_RUN)):
        run: list[int] = []
        for i, line in enumerate(lines):
            if not (plain[i] and test(line.text)):
                continue
            if run and (run[-1] != i - 1 or line.gap >= 2):
                marked.update(run if len(run) >= least else [])
                run = []
            run.append(i)
        marked.update(run if len(run) >= least else [])
    return marked


@dataclass(frozen=True)
class WebLines:
    """A web page's lines with what each is by itself and by its run."""

    lines: list[PageLine]
    bold: list[bool]  # set wholly in bold (**…**)
    kinds: list[Furniture | None]  # the furniture a line is by its shape, if any
    menus: set[int]  # lines in a menu or a list of links
    alts: list[str]  # the alt texts of the page's images
    spaced: bool  # most lines stand apart by an empty line, so an empty line is no sign of a cut

    def next_text(self, i: int) -> str | None:
        """The next line after ``i`` that may be article text, with the rest of its sentence where an
        empty line cut it."""
        following = (j for j in range(i + 1, len(self.lines)) if self.may_be_text(j))
        j = next(following, None)
        if j is None:
            return None
        text = self.lines[j].text
        while self.cut_after(j):
            j += 1
            text += self.lines[j].text
        return text

    def goes_on(self, before: str, j: int, heading: bool = False) -> bool:
        """Whether line ``j``, past an empty line, is the rest of the sentence ``before`` leaves open:
        by their shapes (``continues``; under a heading-shaped line only ``opens_mid_sentence``), or, on
        a page that sets its blocks without empty lines, by that one empty line (an image leaves two)."""
        line = self.lines[j]
        if not line.gap or not self.may_be_text(j) or not ends_open(before):
            return False
        if not self.spaced and line.gap == 1:
            return True
        return opens_mid_sentence(line.text) if heading else continues(before, line.text)

    def cut_after(self, i: int, heading: bool = False) -> bool:
        """Line ``i``'s sentence goes on in the next line, past an empty line (``goes_on``)."""
        return i + 1 < len(self.lines) and self.goes_on(self.lines[i].text, i + 1, heading)

    def may_be_text(self, i: int) -> bool:
        """Neither furniture by its shape nor part of a menu or a list of links."""
        return self.kinds[i] is None and i not in self.menus


def read_lines(text: str) -> WebLines:
    """A web page's text, line by line, judged by shape and by run."""
    lines, bold, alts = _scan(text)
    kinds = [classify(line.text) for line in lines]
    spaced = 2 * sum(1 for line in lines[1:] if line.gap) >= len(lines) - 1
    return WebLines(lines, bold, kinds, _menus(lines, bold, kinds), alts, spaced)


def headline_index(web: WebLines) -> int | None:
    """Where the headline is: a # line; else the headline-shaped line right above the date and
    source line (or above an author's name there); else the first long headline-shaped line above
    the body, a site's name being short."""
    lines = web.lines
    for i, line in enumerate(lines):
        if line.level == 1:
            return i
    first_body = next((i for i, line in enumerate(lines) if web.may_be_text(i) and running(line.text)), len(lines))
    candidates = [
        i for i in range(first_body)
        if web.may_be_text(i) and _headline_shaped(lines[i].text) and not is_subtitle(lines[i].text)
    ]
    long = [i for i in candidates if len(HAN.findall(lines[i].text)) >= _LONG_HEADLINE]
    dated = next((i for i, kind in enumerate(web.kinds[: first_body + 1]) if kind is not None and kind.role == "meta"), None)
    above = [i for i in candidates if dated is not None and i < dated]
    if above:
        return ([i for i in above[-2:] if i in long] or above)[-1]
    return (long or candidates or [None])[0]
