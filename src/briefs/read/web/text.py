"""A news web page's text → Document: one article, its furniture kept apart as extras.

A web page is one article under one headline; a digest page (items led by
【outlet】headline, ``digests``) is one article per item. Around it stand the
site's furniture lines (``furniture``): they become extras, never paragraphs,
and the metadata they state (date, source, author) becomes page-level
``发布日期:``/``来源:``/``作者:`` meta extras. The headline is a ``#`` line, or
the headline-shaped line above the date and source line, or the first
headline-shaped line above the body.
Body lines are judged by the rules of any text page (``layout``: captions,
bylines, lead labels); a short line over running text is a section heading.
Once a closing line (责任编辑, 免责声明, 上一篇, 返回首页, comments) follows
body text, the rest of the page is furniture. Pure text: no model imports.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex as re

from ...document import Article, Document, Extra, ExtraKind, Metadata, Section
from ...text.marks import HAN
from ..digests import Digest, find_digest, item_source, own_headline_apart
from ..furniture import Furniture, classify, link_like, page_meta, split_tail
from ..lines import (
    credited,
    is_byline,
    is_caption,
    is_complete,
    is_meta,
    is_note,
    is_subtitle,
    lead_label,
    names_only,
    scan,
    short_single_clause,
    strip_dash,
)
from .lines import (
    NUMERAL,
    WebLines,
    bold_heading,
    heading_text,
    headline_index,
    read_lines,
    rich,
    running,
)

# What each furniture role says about a text being a web page's (credits, contacts and
# picture notes are set on printed pages too, so they are not evidence).
_SIGNALS = {
    "meta": "date/source line", "original-title": "原标题", "editor": "责任编辑", "share": "share bar",
    "prev-next": "上一篇/下一篇", "disclaimer": "copyright or disclaimer", "comments": "comment prompts",
    "nav": "navigation", "prompt": "site prompts", "related": "related links", "link": "link lines",
}
_MIN_SIGNALS = 2
_BRACKET_HEAD = re.compile(r"^【([^【】]{2,30})】(.*)$")
_BARE_HEADING = 4  # Han characters of an unmarked section heading (因为 alone is a cut sentence)
_STRAY = 20  # a short line without Han on a Chinese page: a counter or a link's leftovers (15878）)


def web_reason(text: str) -> str | None:
    """Why ``text`` reads as a web page's text (two kinds of site furniture or more), or None."""
    found: list[str] = []
    for line in scan(text):
        kind = classify(line.text)
        signal = _SIGNALS.get(kind.role) if kind else None
        if signal and signal not in found:
            found.append(signal)
    if len(found) < _MIN_SIGNALS:
        return None
    more = len(found) - _MIN_SIGNALS
    return " and ".join(found[:_MIN_SIGNALS]) + (f" (and {more} more kinds of site furniture)" if more else "")


def _bracket_item(text: str) -> bool:
    item = _BRACKET_HEAD.match(text)
    return bool(item) and (rich(item.group(2)) or not item.group(2).strip() and heading_text(item.group(1)))


@dataclass
class _Page:
    web: WebLines
    title: str | None = None
    subtitle: str | None = None
    sections: list[tuple[str | None, list[str]]] = field(default_factory=lambda: [(None, [])])
    extras: list[Extra] = field(default_factory=list)
    page: list[Extra] = field(default_factory=list)
    metadata: Metadata = Metadata()
    ended: bool = False
    related: bool = False
    credit_rest: bool = False  # a credit line held the story's first characters: the next line goes on with them
    digest: Digest = field(default_factory=Digest)
    done: list[Article] = field(default_factory=list)  # a digest's articles read so far
    category: str | None = None  # the label over the digest items that follow
    stated: Metadata = field(default_factory=Metadata)  # what the article states of itself: a digest item's outlet

    @property
    def has_body(self) -> bool:
        """Running text has been read: a closing line after it ends the article (or the digest)."""
        done = (p for article in self.done for p in article.paragraphs)
        return any(running(p) for p in done) or any(running(p) for _, paragraphs in self.sections for p in paragraphs)

    def article(self) -> Article:
        sections = tuple(Section(h, tuple(ps)) for h, ps in self.sections if h is not None or ps)
        return Article(None, self.title, self.subtitle, sections, tuple(self.extras), self.stated)

    def item(self, outlet: str, headline: str) -> None:
        """A digest item opens an article of its own, in the section its category's label names."""
        self.done.append(self.article())
        self.stated, outlet_line = item_source(outlet)
        self.title, self.subtitle, self.extras = headline, None, [outlet_line]
        self.sections = [(self.category, [])]

    def extra(self, kind: ExtraKind, text: str) -> None:
        (self.extras if kind in ("caption", "byline") else self.page).append(Extra(kind, text))

    def furniture(self, text: str, kind: Furniture) -> None:
        self.extra(kind.kind, text)
        if kind.role == "meta" and not self.ended and not self.related:
            self.metadata = self.metadata.merged(page_meta(text))
        if kind.ends_article and self.has_body:
            self.ended = True
        self.related = self.related or kind.role == "related"  # a list of links runs on to the next body line

    def paragraph(self, text: str, goes_on: bool = False) -> None:
        paragraphs = self.sections[-1][1]
        if paragraphs and (goes_on or paragraphs[-1].endswith(("，", "、", ","))):
            paragraphs[-1] += text  # one sentence set over several lines, or cut by an empty line
        elif text:
            paragraphs.append(text)

    def section(self, heading: str) -> None:
        self.sections.append((heading, []))

    def _is_heading(self, i: int, text: str) -> bool:
        """A marked heading (##, a bold heading-shaped line), or a bare one over running text."""
        if self.web.lines[i].level >= 2 or (self.web.bold[i] and bold_heading(text)):
            return True
        following = self.web.next_text(i)
        if following is None or not rich(following) or self.web.cut_after(i, heading=True):
            return False
        return bool(NUMERAL.match(text)) or (heading_text(text) and len(HAN.findall(text)) >= _BARE_HEADING)

    def _lone_description(self, i: int, text: str, last: str | None) -> bool:
        plain = not self.web.bold[i] and not NUMERAL.match(text)
        return plain and short_single_clause(text) and (last is None or is_complete(last))

    def body_line(self, i: int, text: str) -> None:
        line = self.web.lines[i]
        last = self.sections[-1][1][-1] if self.sections[-1][1] else None
        lead = credited(text) if not any(paragraphs for _, paragraphs in self.sections) else None
        if lead is not None:  # the credit is a byline; the story's first characters it held go on below
            self.extra("byline", lead[0])
            self.credit_rest = bool(lead[1])
            if lead[1]:
                self.paragraph(lead[1])
            return
        if self.credit_rest:
            self.credit_rest = False
            self.paragraph(text, goes_on=True)
            return
        # The text after a bracketed heading (【来源】标题) stands on its own line, never half a sentence.
        cut = self.web.goes_on(last or "", i) and not (i and _bracket_item(self.web.lines[i - 1].text))
        if last is not None and (last.endswith(("，", "、", ",")) or cut):
            self.paragraph(text, goes_on=True)  # the sentence above goes on
        elif text == self.title or is_note(text):
            self.extra("note", text)
        elif is_meta(text):
            self.furniture(text, Furniture("meta", "meta"))
        elif is_caption(text) and len(text) <= 80:
            self.extra("caption", text)
        elif is_byline(text) or (names_only(text) and self.web.next_text(i) is None):
            self.extra("byline", text)
        elif lead_label(text):
            label, rest = lead_label(text)  # type: ignore[misc]
            self.section(label)
            if rest:
                self.paragraph(rest)
        elif _bracket_item(text):
            head, rest = _BRACKET_HEAD.match(text).groups()  # type: ignore[union-attr]
            self.section(head)  # a digest item: 【heading】 and its text, on its line or below
            self.paragraph(rest.strip())
        elif self._is_heading(i, text):
            self.section(text)
        elif line.gap >= 2 and self._lone_description(i, text, last):
            self.extra("caption", text)  # a lone short description under an image
        elif not HAN.search(text) and len(text) <= _STRAY and not self.web.cut_after(i):
            self.extra("note", text)
        else:
            self.paragraph(text)

    def read(self, start: int) -> None:
        subtitle_slot = True
        for i in range(start, len(self.web.lines)):
            text, tail = split_tail(self.web.lines[i].text)
            kind = self.web.kinds[i]
            if self.ended:  # the page below the article: its credits stay credits, the rest is notes
                self.extra(kind.kind if kind and kind.kind in ("caption", "byline") else "note", self.web.lines[i].text)
                continue
            if tail is not None:
                kind = None
            if i in self.digest.heads:  # an item's head and a category's label, whatever their shape says
                self.item(*self.digest.heads[i])
                self.related, subtitle_slot = False, True
            elif i in self.digest.labels:
                self.category, self.related = text, False
            elif (self.related and kind is None and link_like(text)) or i in self.web.menus:
                self.extra("note", text)
            elif kind is not None:
                self.furniture(text, kind)
            elif subtitle_slot and self.title and is_subtitle(text):
                self.subtitle = strip_dash(text)
            else:
                self.related = False
                self.body_line(i, text)
                subtitle_slot = False
            if tail is not None:
                self.furniture(tail, Furniture("note", "prompt", ends_article=True))

    def document(self, source: str) -> Document:
        articles, top = own_headline_apart([*self.done, self.article()])
        page = top + self.page + [Extra("note", alt) for alt in self.web.alts]
        return Document(source=source, articles=tuple(articles), extras=tuple(page), metadata=self.metadata)


def parse_web(text: str, source: str) -> Document:
    """Structure of a web page's decoded text: one article (one per item on a digest page) and its
    furniture as extras."""
    web = read_lines(text)
    texts = [line.text for line in web.lines]
    headline = headline_index(web)
    digest = find_digest(texts, lambda i: rich(web.next_text(i) or ""), lambda i: i + 1,
                         lambda i: i != headline and web.may_be_text(i) and rich(texts[i]))  # fmt: skip
    page = _Page(web, digest=digest)
    if headline in digest.heads:
        headline = None  # the page's first line is its first item: the page has no headline of its own
    if headline is not None:
        page.title = web.lines[headline].text
        for i in range(headline):  # the site's name, menus and crumbs above the headline
            page.furniture(web.lines[i].text, web.kinds[i] or Furniture("note", "chrome"))
    page.read(0 if headline is None else headline + 1)
    return page.document(source)
