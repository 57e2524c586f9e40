"""A digest page: a roundup of short items, each led by 【outlet】headline, grouped under category labels.

Sites and apps set a roundup as a run of items: a line that opens with the
outlet the item comes from in square brackets, then its headline, then a
paragraph or two; a short label (a category's name, no punctuation) stands
over the items it groups. Each item is an article: the headline is its title,
the outlet its publication, and the label over it the name of its section.
The rule is the shape alone: two or more such lines, each over body text. A
bracketed word over a sentence (【防汛】全县完成演练。) or on a line of its own
stays a section heading of one article. Pure text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import regex as re

from ..document import Article, Extra, Metadata, Stated
from ..text.datelines import is_dateline
from ..text.marks import HAN, PROSE_MARKS
from .cuts import could_head
from .lines import balanced

_ITEM = re.compile(r"^【([^【】]{2,20})】\s*(\S.*)$")
# An outlet's name holds no clause punctuation and no colon (【编辑：王芳】 is a credit).
_NOT_OUTLET = re.compile(f"[{PROSE_MARKS}：:]")
_MIN_ITEMS = 2  # one bracketed line is a heading; a run of them is a roundup
_LABEL_LENGTH = 12
_INTRO = 1  # paragraphs of the page's own above its first item


def digest_item(text: str) -> tuple[str, str] | None:
    """(outlet, headline) of a line shaped as a digest item's head, 【21世纪经济报道】某公司…; else None."""
    found = _ITEM.match(text)
    if not found:
        return None
    outlet, headline = found.group(1).strip(), found.group(2).strip()
    if _NOT_OUTLET.search(outlet) or not could_head(headline) or is_dateline(outlet + headline):
        return None
    return outlet, headline


def category_label(text: str) -> bool:
    """A category's label: a short name without punctuation (收盘播报, 国内资讯)."""
    plain = not _NOT_OUTLET.search(text) and "【" not in text and balanced(text)
    return len(text) <= _LABEL_LENGTH and len(HAN.findall(text)) >= 2 and plain


def item_source(outlet: str) -> tuple[Metadata, Extra]:
    """What a digest item states of its source: the outlet, its publication; and the outlet as printed,
    kept as a meta line of the item (as a web page's date and source line is kept beside its metadata)."""
    return Metadata(publication=Stated(outlet, "digest item")), Extra("meta", f"【{outlet}】")


@dataclass(frozen=True)
class Digest:
    """Where a page's digest items and category labels stand, by line index (empty on other pages)."""

    heads: dict[int, tuple[str, str]] = field(default_factory=dict)  # line → (outlet, headline)
    labels: set[int] = field(default_factory=set)

    def __bool__(self) -> bool:
        return bool(self.heads)


def find_digest(texts: Sequence[str], over_body: Callable[[int], bool], next_line: Callable[[int], int | None],
                prose: Callable[[int], bool]) -> Digest:  # fmt: skip
    """The digest in a page's lines: the item heads over body text (``over_body``), when there is a run
    of them and they make up the page (at most an intro's paragraph of ``prose`` above the first; an
    article with bracketed subheadings has its lead there), and the labels whose next line
    (``next_line``) is an item's head."""
    heads = {i: item for i, text in enumerate(texts) if (item := digest_item(text)) and over_body(i)}
    if len(heads) < _MIN_ITEMS or sum(map(prose, range(min(heads)))) > _INTRO:
        return Digest()
    labels = {i for i, text in enumerate(texts) if i not in heads and category_label(text) and next_line(i) in heads}
    return Digest(heads, labels)


def own_headline_apart(articles: list[Article]) -> tuple[list[Article], list[Extra]]:
    """A digest's articles without the page's own headline when no text stands under it (the headline
    over the items, a banner of the page), and what that headline leaves to the page."""
    if len(articles) < 2 or articles[0].paragraphs:
        return articles, []
    top = articles[0]
    heads = [Extra("banner", text) for text in (top.kicker, top.title, top.subtitle) if text]
    return articles[1:], heads + [Extra("note", s.heading) for s in top.sections if s.heading] + list(top.extras)
