"""A news page's text → Document: articles, sections, paragraphs, extras.

Lines are first judged by shape (``layout``), then placed by position:
a heading followed by a dateline (本报讯) or a ——subtitle opens an article,
a heading line just above such a title is its kicker, a column banner opens a
run of briefs, a page byline closes the article it ends. Paragraphs cut by
column and page breaks (no sentence end) are joined with the next body text,
across any captions set in the cut. Pure text: no model imports.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ..document import (
    EXTRA_KINDS,
    Article,
    Document,
    Extra,
    ExtraKind,
    Metadata,
    Section,
)
from ..text.datelines import is_dateline
from .cuts import continues, opens_mid_sentence
from .digests import Digest, find_digest, item_source, own_headline_apart
from .lines import (
    PageLine,
    heading_like,
    is_banner,
    is_byline,
    is_caption,
    is_complete,
    is_meta,
    is_note,
    is_subtitle,
    lead_label,
    names_only,
    numbered,
    scan,
    short_single_clause,
    split_credits,
    stated_in,
    strip_dash,
)

# What a line is by its shape alone, before its position is taken into account.
LineKind = Literal["banner", "meta", "label", "byline", "note", "caption", "heading", "subtitle", "text"]
# What a heading turns out to be by its position.
HeadingRole = Literal["title", "kicker", "section"]


@dataclass
class _Draft:
    kicker: str | None = None
    title: str | None = None
    subtitle: str | None = None
    sections: list[tuple[str | None, list[str]]] = field(default_factory=list)
    extras: list[Extra] = field(default_factory=list)
    closed: bool = False
    metadata: Metadata = field(default_factory=Metadata)  # what the article states besides its meta lines

    @property
    def has_body(self) -> bool:
        return any(paragraphs for _, paragraphs in self.sections)

    def freeze(self) -> Article:
        sections = tuple(Section(h, tuple(ps)) for h, ps in self.sections if h is not None or ps)
        stated = self.metadata.merged(stated_in(self.extras))
        return Article(self.kicker, self.title, self.subtitle, sections, tuple(self.extras), stated)


def _base_kind(line: PageLine, markdown: bool) -> LineKind:
    text = line.text
    if is_banner(text):
        return "banner"
    if is_meta(text):
        return "meta"
    if lead_label(text):
        return "label"
    if is_byline(text):
        return "byline"
    if is_note(text):
        return "note"
    if is_caption(text) and (not numbered(text) or short_single_clause(text[1:].strip()) or text.endswith("摄")):
        return "caption"
    if line.level:
        return "heading"
    if is_subtitle(text):
        return "subtitle"
    if not markdown and heading_like(text):
        return "heading"
    return "text"


def _kinds(lines: list[PageLine], markdown: bool) -> list[LineKind]:
    kinds = [_base_kind(line, markdown) for line in lines]
    for i, line in enumerate(lines):
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if kinds[i] in ("heading", "text") and names_only(line.text):
            # Names standing alone at the end of the text, not a heading over more text.
            if nxt is None or nxt.gap >= 2 or kinds[i + 1] in EXTRA_KINDS:
                kinds[i] = "byline"
        if kinds[i] == "heading" and not line.level and nxt is not None and opens_mid_sentence(nxt.text):
            kinds[i] = "text"  # the next line continues it: a cut sentence, not a heading
    return kinds


class _Builder:
    def __init__(self, lines: list[PageLine], kinds: list[LineKind], digest: Digest):
        self.lines, self.kinds, self.digest = lines, kinds, digest
        self.category: str | None = None  # the label over the digest items that follow
        self.articles: list[_Draft] = []
        self.extras: list[Extra] = []
        self.open = False  # the last paragraph may still be continued
        self.briefs = False  # inside a column of briefs under a banner
        self.kicker: str | None = None

    @property
    def current(self) -> _Draft | None:
        return self.articles[-1] if self.articles else None

    def _article(self) -> _Draft:
        if self.current is None:
            self.articles.append(_Draft())
        return self.current  # type: ignore[return-value]

    def _next_significant(self, i: int) -> int | None:
        for j in range(i + 1, len(self.lines)):
            if self.kinds[j] not in ("caption", "note", "meta"):
                return j
        return None

    def _opens_article(self, i: int) -> bool:
        """A heading with a ——subtitle or a dateline after it is an article title."""
        if self.lines[i].level == 1:
            return True
        j = self._next_significant(i)
        if j is None:
            return False
        return self.kinds[j] == "subtitle" or (self.kinds[j] == "text" and is_dateline(self.lines[j].text))

    def _title_position(self) -> bool:
        cur = self.current
        return cur is None or cur.closed or (self.briefs and cur.has_body)

    def _heading_role(self, i: int) -> HeadingRole:
        if self.kicker is not None or self._opens_article(i):
            return "title"
        j = i + 1
        next_is_heading = j < len(self.lines) and self.kinds[j] == "heading" and self.lines[j].gap <= 2
        if next_is_heading and self._opens_article(j):
            return "kicker"
        if self._title_position():
            # Two headline lines before the body: the first is the kicker.
            return "kicker" if next_is_heading and not self.lines[i].level else "title"
        return "section"

    def _paragraph(self, text: str) -> None:
        article = self._article()
        if not article.sections:
            article.sections.append((None, []))
        paragraphs = article.sections[-1][1]
        if self.open and paragraphs and not is_complete(paragraphs[-1]):
            paragraphs[-1] += text
        else:
            paragraphs.append(text)
        self.open = True

    def _open_paragraph(self) -> str | None:
        """The last paragraph, while it may still be continued and ends no sentence."""
        cur = self.current
        last = cur.sections[-1][1][-1] if self.open and cur and cur.sections and cur.sections[-1][1] else None
        return last if last is not None and not is_complete(last) else None

    def _open_incomplete(self) -> bool:
        return self._open_paragraph() is not None

    def _extra(self, kind: ExtraKind, text: str, page_level: bool = False) -> None:
        target = self.extras if page_level or self.current is None else self.current.extras
        target.append(Extra(kind, text))

    def _title(self, text: str, level: int) -> None:
        title, subtitle = text, None
        if "——" in text[1:]:
            title, _, subtitle = text.partition("——")
        self.articles.append(_Draft(kicker=self.kicker, title=title.strip(), subtitle=(subtitle or "").strip() or None))
        self.kicker, self.open = None, False
        if level == 1:
            self.briefs = False

    def _item(self, outlet: str, headline: str) -> None:
        """A digest item: an article of its own, its outlet stated, in the section its label names."""
        if self.kicker is not None:  # the digest's own headline, read as a kicker over the first item
            self._extra("banner", self.kicker, page_level=True)
        stated, outlet_line = item_source(outlet)
        item = _Draft(title=headline, sections=[(self.category, [])], extras=[outlet_line], metadata=stated)
        self.articles.append(item)
        self.kicker, self.open, self.briefs = None, False, False

    def _byline(self, text: str) -> None:
        for part in split_credits(text):
            self._extra("note" if is_note(part) else "byline", part, page_level=is_note(part))
        if self.current is not None and self.current.has_body:
            self.current.closed, self.briefs = True, False

    def build(self) -> tuple[list[Article], list[Extra]]:
        last: LineKind | HeadingRole | None = None
        for i, (line, shape) in enumerate(zip(self.lines, self.kinds)):
            kind: LineKind | HeadingRole = shape
            text = line.text
            if i in self.digest.heads:
                self._item(*self.digest.heads[i])
                last = "title"
                continue
            if i in self.digest.labels:
                self.category = text
                continue
            open_paragraph = self._open_paragraph()
            if kind == "heading" and not line.level and open_paragraph and (line.gap == 0 or continues(open_paragraph, text)):
                kind = "text"  # a hard-wrapped line of the paragraph above, or the rest of its cut sentence
            if kind == "subtitle" and last != "title":
                kind = "text"
            if kind == "text" and line.gap >= 2 and short_single_clause(text) and not self._open_incomplete():
                kind = "caption"  # a lone short description after an image slot
            if kind == "heading":
                kind = self._heading_role(i)
            last = kind
            if kind == "banner":
                self._extra("banner", text, page_level=True)
                self.briefs, self.open = True, False
            elif kind in ("meta", "caption"):
                self._extra(kind, text, page_level=kind == "meta" and self.current is None)
            elif kind == "note":
                self._extra("note", text, page_level=True)
            elif kind == "byline":
                self._byline(text)
            elif kind == "kicker":
                self.kicker = text
            elif kind == "title":
                self._title(text, line.level)
            elif kind == "subtitle":
                self.current.subtitle = strip_dash(text)  # type: ignore[union-attr]
            elif kind in ("label", "section"):
                label, rest = lead_label(text) or (text, "")
                self._article().sections.append((label, []))
                self.open = False
                if rest:
                    self._paragraph(rest)
            else:
                self._paragraph(text)
        if self.kicker is not None:  # a headline over nothing: keep its words
            self._article().sections.append((self.kicker, []))
        return [a.freeze() for a in self.articles], self.extras


def parse(text: str, source: str) -> Document:
    """Structure of a decoded page."""
    lines = scan(text)
    markdown = any(line.level for line in lines)
    kinds = _kinds(lines, markdown)
    # A # line is the page's own headline: never an item's head or a category's label.
    texts = [line.text if line.level != 1 else "" for line in lines]
    digest = find_digest(texts, lambda i: i + 1 < len(kinds) and kinds[i + 1] == "text",
                         lambda i: i + 1, lambda i: kinds[i] == "text" and lines[i].gap > 0)  # fmt: skip
    articles, extras = _Builder(lines, kinds, digest).build()
    if digest:
        articles, top = own_headline_apart(articles)
        extras = top + extras
    return Document(source=source, articles=tuple(articles), extras=tuple(extras), metadata=stated_in(extras))
