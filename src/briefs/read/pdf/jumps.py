"""A story continued on another page (（下转第2版） … （上接第1版）) read as one article.

The half that jumps out names the page it goes on to; the half that comes in
names the page it came from. When both pages are in the same PDF and each
half names the other's page, the second half's text goes on the first's.
The jump lines stay as extras, so a brief can say where its text was set.
Halves in two files of one run are joined by ``read.editions``, with these pieces.
"""

from __future__ import annotations

from dataclasses import replace

import regex as re

from ...document import Article, Extra, Section
from ..lines import is_complete, jump
from .article import join


def jumps(article: Article, direction: str) -> list[str | None]:
    """The pages ``article``'s jump lines name in ``direction`` ("out" or "in")."""
    found = [jump(extra.text) for extra in article.extras if extra.kind == "jump"]
    return [page for way, page in filter(None, found) if way == direction]


_PAGE_KEY = re.compile(r"([A-Z]?)0*(\d+|[一二三四五六七八九十]+)")
_DIGITS = {c: n for n, c in enumerate("〇一二三四五六七八九")}


def page_key(page: str | None) -> str | None:
    """One spelling of a page's number, whichever the folio or the jump line used: 第3版, 第三版, 第03版
    are "3", A3 and A03 "A3". None for what names no page."""
    found = _PAGE_KEY.fullmatch(page.strip().upper()) if page else None
    if found is None:
        return None
    letter, number = found.groups()
    if not number.isdigit():
        tens, ten, ones = number.partition("十")
        if len(tens) > 1 or len(ones) > 1:
            return None
        number = str(_DIGITS.get(tens, 1) * 10 + _DIGITS.get(ones, 0) if ten else _DIGITS[number])
    return letter + number


def joined(found: list[tuple[int, Article]], numbers: list[str | None]) -> list[tuple[int, Article]]:
    """(page index, article) in order, each second half of a jump joined to its first half."""
    out: list[tuple[int, Article | None]] = list(found)
    for i, (page, first) in enumerate(out):
        for target in jumps(first, "out") if first is not None else ():
            j = next((j for j, (p, a) in enumerate(out) if j != i and _continues(p, a, target, numbers[page], numbers)), None)
            if j is not None:
                out[i] = (page, first := join_halves(first, out[j][1]))  # type: ignore[arg-type]
                out[j] = (out[j][0], None)
    return [(page, article) for page, article in out if article is not None]


def _continues(page: int, article: Article | None, target: str | None, source: str | None, numbers: list[str | None]) -> bool:
    """``article`` is set on page ``target`` and comes in from page ``source``."""
    key = page_key(target)
    return article is not None and key is not None and page_key(numbers[page]) == key and page_key(source) in map(page_key, jumps(article, "in"))


def join_halves(first: Article, second: Article) -> Article:
    """``first`` with ``second``'s text after it: a sentence the jump cut goes on, nothing set is lost."""
    sections = list(first.sections)
    rest = list(second.sections)
    if sections and rest and rest[0].heading is None and rest[0].paragraphs:
        last, head = sections[-1], rest.pop(0)
        paragraphs = list(last.paragraphs)
        if paragraphs and not is_complete(paragraphs[-1]):  # the jump cut a sentence: it goes on
            paragraphs[-1] = join(paragraphs[-1], head.paragraphs[0])
            paragraphs += head.paragraphs[1:]
        else:
            paragraphs += head.paragraphs
        sections[-1] = Section(last.heading, tuple(paragraphs))
    # The second half's headline (often the first's again) stays on as a note: nothing set is lost.
    head = " ".join(filter(None, (second.kicker, second.title, second.subtitle)))
    notes = (Extra("note", head),) if head else ()
    return replace(first, sections=tuple(sections + rest), extras=first.extras + notes + second.extras)
