"""A saved web page's headline, found GeneralNewsExtractor's way; and the site's name.

A page's ``<title>`` holds the headline and the site's name (…_证券时报网,
…--中国地理学会官网), and one of its ``<h1>``–``<h6>`` headings is the
headline as printed: the heading that the title holds is the headline. A
site's name is never the headline: it is stripped from the title first, so a
heading holding only the site's name (an ``<h1>`` logo) matches nothing.
Where the title holds no heading (a site puts a section's name in it), the
heading right above the page's date line is the headline. Works on an lxml
tree; imports no parser itself.
"""

from __future__ import annotations

from difflib import SequenceMatcher
from itertools import islice
from typing import Any, Iterator

import regex as re

from ...text.marks import HAN
from ...text.spaces import fold_spaces
from ..furniture import is_date_line, is_furniture

# A site's name after a separator at the end of a title: …_财经_腾讯网, …-股票频道-和讯网, … - 某某网站.
_SITE_TAIL = re.compile(r"^(.{5,}?)\s*(?:_|\||｜|--|-|－|–|—|::)\s*([^_|｜\-－–—]{1,24})$")
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_MIN_MATCH = 5  # characters of a heading the title must hold
_LABEL = 3  # a label before the headline in its heading (原创): at most this long
_NEAR = 4  # texts after a headline in which its date line stands


def strip_site(title: str) -> tuple[str, str | None]:
    """(the title without the site's name and sections, the site's name) of a page's <title>."""
    site = None
    while match := _SITE_TAIL.match(title):
        title, tail = match.group(1).strip(), match.group(2).strip()
        if site is None and HAN.search(tail):
            site = tail  # the last part that is a name, not a domain (…_长江网_cjn.cn)
    return title, site


def _common(a: str, b: str) -> str:
    match = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    return a[match.a : match.a + match.size]


def _held_by(title: str, text: str) -> str | None:
    """``text`` as the headline when ``title`` holds most of it, a short label before it dropped."""
    if not title or not text or is_furniture(text):
        return None
    common = _common(title, text)
    if len(common) < max(_MIN_MATCH, min(len(text), len(title)) / 2):
        return None
    if text.endswith(common) and len(text) - len(common) <= _LABEL:
        return common
    if text.startswith(common) and is_furniture(text[len(common) :].strip()):
        return common.strip()  # the date or source line run into the headline's block
    return text


def _texts(nodes: list[Any]) -> Iterator[Any]:
    return (t for t in nodes if t.strip() and t.getparent().tag not in ("script", "style"))


def _date_line(texts: Iterator[Any]) -> str | None:
    """The date and source line among the first texts, as the whole block that holds it."""
    for text in islice(texts, _NEAR):
        if is_date_line(fold_spaces(text)):
            holder = text.getparent().getparent() if text.is_tail else text.getparent()
            block = fold_spaces(holder.text_content()) if holder is not None else ""
            return block if is_date_line(block) else fold_spaces(text)
    return None


def _above_date(heading: Any) -> bool:
    return _date_line(_texts(heading.xpath("following::text()"))) is not None


def date_line_below(tree: Any, headline: str) -> str | None:
    """The date and source line printed under the headline, which an extractor may have pruned."""
    texts = _texts(tree.xpath("//body//text()"))
    for text in texts:
        if headline in fold_spaces(text):
            return _date_line(texts)
    return None


def _headline_shaped(text: str) -> bool:
    return 6 <= len(text) <= 80 and len(HAN.findall(text)) >= 6 and not is_furniture(text)


def find_headline(tree: Any, lines: list[str]) -> tuple[str | None, str | None]:
    """(headline, site name) of a parsed page; ``lines`` are the first lines of its main text."""
    titles = tree.xpath("//title")
    title, site = strip_site(fold_spaces(titles[0].text_content()) if titles else "")
    headings = [(h, fold_spaces(h.text_content())) for h in tree.iter(*HEADINGS)]
    held = [found for _, text in headings if (found := _held_by(title, text))]
    if held:
        return max(held, key=lambda found: len(_common(title, found))), site
    for heading, text in headings:
        if _headline_shaped(text) and _above_date(heading):
            return text, site
    for line in lines[:10]:  # a page whose headline is set in a plain block, not a heading
        found = _held_by(title, line)
        if found:
            return found, site
    # The title itself, unless what is left of it is only a section's name (新闻动态).
    return (title if len(HAN.findall(title)) >= 6 else None), site
