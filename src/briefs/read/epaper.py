"""E-paper text: each article a headline block, then one paragraph per indented line.

How e-paper sites and their crawlers set an article: a kicker (引题), the
title (主题) and a subtitle (副题), each on its own line and any of kicker and
subtitle possibly left as an empty line, then one paragraph per line, indented
with full-width spaces (U+3000). So indentation, not blank lines, tells body
from headline: a blank line may fall inside an article, and one stands between
articles. Within the body, a short indented line without sentence punctuation
is a section heading; reporter credits, photo lines and layout credits are
extras. Pure text: no model imports.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex as re

from ..document import Article, Document, Extra, ExtraKind, Metadata, Section
from ..text.marks import HAN
from ..text.spaces import SPACES, fold_spaces, unify_newlines
from .cuts import continues
from .digests import find_digest, item_source, own_headline_apart
from .lines import (
    NOT_HEADING,
    NUMBERED,
    PAGE_CREDIT,
    PICTURE_LINE,
    PICTURE_SOURCE,
    PICTURES,
    REPORTER,
    balanced,
    credited,
    heading_like,
    is_byline,
    is_caption,
    is_meta,
    is_note,
    is_subtitle,
    names_only,
    stated_in,
    strip_dash,
)

# A body line starts with full-width spaces, or with two or more ordinary ones.
_INDENT = re.compile(r"^(?:\u3000|[ \xa0]{2,}|\t)")
# Lines of an e-paper article that are not its text, by the kind of extra they are, tried in order.
_EXTRA_LINES: tuple[tuple[ExtraKind, str], ...] = (
    # Layout credits (版式设计：…, 本版责编：…) and contact lines (栏目投稿邮箱：…).
    ("note", PAGE_CREDIT.pattern),
    ("note", r"^.{0,30}(?:投稿(?:邮箱|信箱)|[\w.-]+@[\w-]+\.[\w.]+|电话[:：]\s*[\d-]{7,})"),
    # Picture lines: 图为…, 图片说明：, （新华社发）, 喻 敏摄（人民视觉）, 图②：…摄.
    ("caption", rf"{PICTURE_LINE}|^{PICTURE_SOURCE}|^[（(]?{PICTURES}来源[:：]"),
    ("caption", rf"^.{{0,16}}摄(?:影)?\s*[（(][^（）()]{{0,12}}[)）]$|^图\s*[{NUMBERED}\d]+\s*[:：].*(?:摄|供图|发)(?:[（(][^（）()]{{0,12}}[)）])?$"),
    # A credit in brackets ending a story (（新华社北京2月3日电 记者梅世雄）, （作者为…）); reporters named
    # under a headline, names spaced to a fixed width (本报记者 张 帆 杨文明); a note signed ——编 者.
    ("byline", r"^[（(][^（）()]{0,40}(?:电|记者|通讯员|报道|作者)[^（）()]{0,40}[)）]$"),
    # Crawled lines keep the names' fixed-width spacing but no geometry, so any run of names and spaces counts.
    ("byline", rf"^{REPORTER}[\s\p{{Han}}、]{{2,24}}$|^——\s*\p{{Han}}(?:\s*\p{{Han}}){{0,4}}$"),
)
_EXTRA_PATTERNS = tuple((kind, re.compile(pattern)) for kind, pattern in _EXTRA_LINES)
_MIN_INDENTED_SHARE = 0.5


def epaper_reason(text: str) -> str | None:
    """Why ``text`` reads as e-paper text, or None: its running text is indented and its headline
    lines are not (most lines indented, or every line set flush left a headline)."""
    lines = [line for line in _lines(text) if line.strip(SPACES)]
    indented = sum(1 for line in lines if _INDENT.match(line))
    flush = [line for line in lines if not _INDENT.match(line)]
    if indented < 2 or not flush:
        return None
    if indented / len(lines) >= _MIN_INDENTED_SHARE or not any(_is_body(line) for line in flush):
        return f"{indented} of {len(lines)} lines indented as paragraphs, {len(flush)} headline lines"
    return None


def _lines(text: str) -> list[str]:
    return unify_newlines(text).split("\n")


@dataclass
class _Block:
    """One article as found: its headline lines and its body lines."""

    head: list[str] = field(default_factory=list)
    empty_below: bool = False  # a blank line under the headline: its subtitle field left empty
    body: list[str] = field(default_factory=list)


def _is_body(line: str) -> bool:
    """Indented, or plainly running text even where the indent was lost."""
    text = fold_spaces(line)
    return bool(_INDENT.match(line)) or (len(text) > 50 or text.endswith(tuple("。！？"))) and not heading_like(text)


def _blocks(text: str) -> list[_Block]:
    """Articles in page order. The lines of one headline stand together; a blank line between two
    headline lines means two articles, the first without body text (a picture, an advert)."""
    blocks: list[_Block] = []
    head: list[str] = []
    for raw in _lines(text):
        if head and not any(head) and blocks and _goes_on(blocks[-1].body, raw):
            blocks[-1].body[-1] += fold_spaces(raw)
            head = []
        elif raw.strip(SPACES) and _is_body(raw):
            runs = _runs(head)
            blocks += runs
            if not runs and not blocks:
                blocks.append(_Block())
            blocks[-1].body.append(fold_spaces(raw))
            head = []
        else:
            head.append(fold_spaces(raw) if raw.strip(SPACES) else "")
    return blocks + _runs(head)


def _goes_on(body: list[str], raw: str) -> bool:
    """A flush line past an empty line is a headline, unless it goes on with the sentence that the
    article's last paragraph leaves open (a paragraph cut where a PDF viewer broke its line)."""
    last = body[-1] if body else ""
    if _INDENT.match(raw) or _body_kind(last, [raw]) not in ("text", "section"):
        return False
    return continues(last, fold_spaces(raw))


def _runs(head: list[str]) -> list[_Block]:
    """Each run of adjacent headline lines, a ——subtitle set apart by a blank line joined to its title."""
    runs: list[_Block] = []
    for i, line in enumerate(head):
        if not line:
            if runs and i > 0 and head[i - 1]:
                runs[-1].empty_below = True
        elif i > 0 and head[i - 1]:
            runs[-1].head.append(line)
        elif runs and is_subtitle(line) and len(runs[-1].head) < 3:
            runs[-1].head.append(line)
            runs[-1].empty_below = False
        else:
            runs.append(_Block([line]))
    return runs


# (kicker, title, subtitle, banners): an article's headline fields and the lines above them.
_Head = tuple[str | None, str | None, str | None, list[str]]


def _headline(block: _Block) -> _Head:
    """(kicker, title, subtitle, banners). Three lines are kicker, title and subtitle; of two, a
    ——subtitle or a body straight below makes the second the subtitle, else the first is a kicker."""
    banners, lines = block.head[:-3], block.head[-3:]
    kicker = title = subtitle = None
    if len(lines) == 3:
        kicker, title, subtitle = lines
    elif len(lines) == 2 and (is_subtitle(lines[1]) or not block.empty_below):
        title, subtitle = lines
    elif len(lines) == 2:
        kicker, title = lines
    elif lines:
        title = lines[0]
    if subtitle is not None:
        subtitle = strip_dash(subtitle)
    return kicker, title, subtitle, banners


def _body_kind(text: str, following: list[str]) -> ExtraKind | str:
    for kind, pattern in _EXTRA_PATTERNS:
        if pattern.search(text):
            return kind
    if is_note(text):
        return "note"
    if is_caption(text) and len(text) <= 80:
        return "caption"
    if is_byline(text) or (names_only(text) and not following):
        return "byline"
    if is_meta(text):
        return "meta"
    if following and _section_heading(text):
        return "section"
    return "text"


def _section_heading(text: str) -> bool:
    """A short line without sentence punctuation over more text: 张鼓匠 摘了帽, 稳中求进，确保口粮安全."""
    return len(text) <= 30 and len(HAN.findall(text)) >= 2 and not NOT_HEADING.search(text) and balanced(text)


def _article(block: _Block, head: _Head | None = None, section: str | None = None,
             outlet: str | None = None) -> tuple[Article, list[Extra]]:  # fmt: skip
    """The block's article: its headline fields (a digest item's, with the item's outlet and the
    section its label names, when given) and its body."""
    kicker, title, subtitle, banners = head or _headline(block)
    sections: list[tuple[str | None, list[str]]] = [(section, [])]
    stated, outlet_line = item_source(outlet) if outlet else (Metadata(), None)
    extras: list[Extra] = [outlet_line] if outlet_line else []
    body = [line for line in block.body if line]
    carried = ""  # the story's first characters a credit line held, going on in the next line
    for i, text in enumerate(body):
        text, carried = carried + text, ""
        lead = credited(text) if not any(paragraphs for _, paragraphs in sections) else None
        if lead is not None:
            extras.append(Extra("byline", lead[0]))
            if lead[1] and i + 1 < len(body):
                carried = lead[1]
                continue
            text = lead[1]
            if not text:
                continue
        kind = _body_kind(text, body[i + 1 :])
        if kind == "section":
            sections.append((text, []))
        elif kind == "text":
            sections[-1][1].append(text)
        else:
            extras.append(Extra(kind, text))  # type: ignore[arg-type]
    frozen = tuple(Section(h, tuple(ps)) for h, ps in sections if h is not None or ps)
    article = Article(kicker, title, subtitle, frozen, tuple(extras), stated.merged(stated_in(extras)))
    return article, [Extra("banner", b) for b in banners]


# A digest's item heads, (outlet, headline) by (block, line), and its labels' (block, line).
_Digest = tuple[dict[tuple[int, int], tuple[str, str]], set[tuple[int, int]]]


def _digest(blocks: list[_Block]) -> _Digest:
    """A digest's item heads and category labels among the headline lines, by (block, line): an item
    is a headline line over an indented body, and the page's running text is its lines' by block."""
    lines = [(b, n, text) for b, block in enumerate(blocks) for n, text in enumerate([*block.head, *block.body])]
    texts = [text for _, _, text in lines]
    heading = [n < len(blocks[b].head) for b, n, _ in lines]
    digest = find_digest(
        texts,
        lambda i: heading[i] and bool(blocks[lines[i][0]].body),
        lambda i: next((j for j in range(i + 1, len(texts)) if texts[j]), None),
        lambda i: not heading[i] and _body_kind(texts[i], []) == "text",
    )
    return {lines[i][:2]: item for i, item in digest.heads.items()}, {lines[i][:2] for i in digest.labels}


def _item_head(block: _Block, b: int, digest: _Digest, category: str | None) -> tuple[str | None, _Head | None, str | None]:
    """(the category now, the item's headline fields, its outlet) for a block of a digest page; a
    label above the item names its section, as it does for the items after it."""
    heads, labels = digest
    lines = [(n, text) for n, text in enumerate(block.head) if text]
    category = next((text for n, text in reversed(lines) if (b, n) in labels), category)
    item = next((n for n, _ in lines if (b, n) in heads), None)
    if item is None:
        return category, None, None
    outlet, headline = heads[(b, item)]
    above = [text for n, text in lines if n < item and (b, n) not in labels]
    below = [text for n, text in lines if n > item]
    return category, (None, headline, strip_dash(below[0]) if below else None, above + below[1:]), outlet


def parse_epaper(text: str, source: str) -> Document:
    """Structure of a decoded e-paper page (one article per item on a digest page)."""
    articles, page_extras = [], []
    blocks = _blocks(text)
    digest, category = _digest(blocks), None
    for b, block in enumerate(blocks):
        head, outlet = None, None
        if digest[0]:
            category, head, outlet = _item_head(block, b, digest, category)
            if head is None and not block.body and all((b, n) in digest[1] for n, t in enumerate(block.head) if t):
                continue  # a category's label on its own: it names the sections of the items below
        article, banners = _article(block, head, category if head else None, outlet)
        page_extras += banners
        articles.append(article)
    if digest[0]:
        articles, top = own_headline_apart(articles)
        page_extras = top + page_extras
    return Document(source=source, articles=tuple(articles), extras=tuple(page_extras), metadata=stated_in(page_extras))
