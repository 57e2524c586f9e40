"""A small typesetter for test pages: articles set in columns the way newspapers set them.

An ``Edition`` is a run of pages (each with its number of columns) and the
stories that flow through them. A page has a header over a rule (date, paper
name, 版次 and page name). A story has a headline (kicker, title, subtitle in
their sizes) across all columns of the page or in one column, a byline, and a
body of paragraphs (first line indented two characters, lines justified),
section headings (larger, or bold in the body size as PDF producers fake
it: printed twice) and photos with a caption in a smaller size. A spanning
story's columns are balanced under its headline; an unbalanced one runs to
the foot of the page and on, column by column and page by page; a story in a
box of columns (a broadsheet's modules) sits under the lowest text in them,
beside or under the others. A brief's title is only a little larger than
its text. Gutters may be narrow and carry column rules; pages may be turned
for display (their text then runs down the page) or locked with a password.

Publishers' own pages add what a layout program sets (``Masthead``, ``Banner``,
and a story's ``spacing``, ``deck``, ``credit``, ``boxed`` and ``jump``): a
front-page masthead with the paper's Latin-letter name and serial numbers, a
section banner with decorative Latin words, a title letter-spaced over two
lines, a deck of clauses set apart by wide spaces, a dateline and reporter
credit in a heavier face that runs into the body's first line, a boxed notice
with no body, and a jump line to another page.

Chinese line breaking is kept: no line starts with a closing mark, none ends
with an opening one, numbers and Latin words are never split.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Union

import regex
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

FONT = "STSong-Light"
A4, A3 = (595.0, 842.0), (842.0, 1191.0)
MARGIN = 36.0
CONTENT_TOP = 78.0
BODY, LEAD = 10.0, 15.0
TITLE, DECK, SECTION, CAPTION, FOLIO, MASTHEAD = 20.0, 13.0, 12.0, 8.0, 9.0, 16.0
_TOKEN = regex.compile(r"[A-Za-z0-9.%]+|.", regex.S)
_NO_START = set("，。、；：！？”’）》」』%")
_NO_END = set("“‘（《「『")


@dataclass(frozen=True)
class Photo:
    caption: str
    lines: int = 5  # the picture's height in body lines


@dataclass(frozen=True)
class Heading:
    text: str
    bold: bool = False  # in the body size, printed twice a hair apart (a PDF producer's fake bold)


@dataclass(frozen=True)
class Banner:
    """A section banner across the page: a Chinese name and decorative Latin words, in display sizes."""

    name: str
    latin: tuple[str, ...] = ()


Item = Union[str, Heading, Photo]


@dataclass(frozen=True)
class Story:
    title: str
    body: tuple[Item, ...]
    kicker: str | None = None
    subtitle: str | None = None
    byline: str | None = None
    span: bool = True  # headline across the page's columns, else in one column
    box: tuple[int, int] | None = None  # set in these columns (first, last) under the lowest text in them
    balance: bool = True  # columns balanced under the headline, else on to the foot of the page
    brief: bool = False  # a news brief: its title only a little larger than the body text
    spacing: float = 0.0  # the title letter-spaced by this share of its size
    title_lines: int = 1  # the title set over this many lines of equal length
    deck: tuple[str, ...] = ()  # clauses of a deck set on one line under the title, two characters apart
    credit: str | None = None  # a dateline and credit in a heavier face, running into the body's first line
    boxed: bool = False  # a notice in a ruled box: a headline, no body
    new_page: bool = False  # set at the head of the next page

    @property
    def paragraphs(self) -> list[str]:
        return [item for item in self.body if isinstance(item, str)]

    @property
    def headings(self) -> list[str]:
        return [item.text for item in self.body if isinstance(item, Heading)]

    @property
    def captions(self) -> list[str]:
        return [item.caption for item in self.body if isinstance(item, Photo)]


@dataclass(frozen=True)
class Masthead:
    """A front page's masthead band: the paper's name, its Latin-letter name, the day, serial numbers."""

    name: str
    latin: str
    day: str  # the day of the month, set large beside the name
    notes: tuple[str, ...]  # small lines at the right: date, 农历, 总第N期, CN …, 国外代号 …, 今日N版
    height: float = 150.0


@dataclass(frozen=True)
class Edition:
    paper: str
    date: str  # 2024年5月8日 星期三
    pages: tuple[tuple[int, str], ...]  # (columns, page name) of each page
    stories: tuple[Story, ...]
    first_page: int = 1
    size: tuple[float, float] = A4
    gutter: float = 14.0
    column_rules: bool = False  # a hairline down the middle of each gutter under a headline
    masthead: Masthead | None = None  # the first page's header
    banners: tuple[tuple[int, Banner], ...] = ()  # (page index, banner) set at the head of that page

    def content_top(self, index: int) -> float:
        return self.masthead.height if self.masthead and index == 0 else CONTENT_TOP

    @property
    def bottom(self) -> float:
        return self.size[1] - MARGIN

    def header(self, index: int) -> list[str]:
        """The header strings of page ``index``, left to right."""
        return [self.date, self.paper, f"第{self.first_page + index}版", self.pages[index][1]]

    def texts(self) -> list[str]:
        """Every string set on the pages."""
        found = [text for i in range(len(self.pages)) if not (self.masthead and i == 0) for text in self.header(i)]
        if self.masthead:
            found += [self.masthead.name, *self.masthead.latin.split(), self.masthead.day, *self.masthead.notes]
        found += [text for _, banner in self.banners for text in (banner.name, *banner.latin)]
        for story in self.stories:
            found += [t for t in (story.kicker, story.title, story.subtitle, story.byline, story.credit) if t]
            found += list(story.deck)
            found += story.paragraphs + story.headings + story.captions
        return found


def width_of(text: str, size: float) -> float:
    return pdfmetrics.stringWidth(text, FONT, size)


def take_line(text: str, width: float, size: float, indent: float = 0.0) -> tuple[str, str]:
    """(first line, rest) of ``text`` in a measure of ``width``, by the rules of Chinese line breaking."""
    tokens = _TOKEN.findall(text)
    line: list[str] = []
    used = indent
    for token in tokens:
        w = width_of(token, size)
        if used + w > width + 0.01 and line:
            break
        line.append(token)
        used += w
    rest = tokens[len(line) :]
    while rest and rest[0][0] in _NO_START and len(line) > 1:
        rest.insert(0, line.pop())  # a closing mark takes the word before it down
    while len(line) > 1 and line[-1] in _NO_END:
        rest.insert(0, line.pop())
    return "".join(line).rstrip(), "".join(rest).lstrip()


def wrap(text: str, width: float, size: float) -> list[str]:
    lines = []
    while text:
        line, text = take_line(text, width, size)
        lines.append(line)
    return lines


@dataclass
class _Frame:
    x: float
    width: float
    top: float
    bottom: float


@dataclass
class _Press:
    edition: Edition
    canvas: canvas.Canvas | None  # None: measure only
    page: int = -1
    frames: list[_Frame] = field(default_factory=list)
    cursor: float = 0.0
    floors: list[float] = field(default_factory=list)  # lowest point set in each column
    grows: bool = True  # frames run on to new pages
    rotate: int = 0  # each page turned this many degrees for display: its text runs down it

    # --- pages and frames ---------------------------------------------------
    def columns(self) -> list[_Frame]:
        n = self.edition.pages[self.page][0]
        gutter = self.edition.gutter
        w = (self.edition.size[0] - 2 * MARGIN - (n - 1) * gutter) / n
        top = self.edition.content_top(self.page)
        return [_Frame(MARGIN + i * (w + gutter), w, top, self.edition.bottom) for i in range(n)]

    def new_page(self) -> None:
        if self.page >= 0 and self.canvas:
            self.canvas.showPage()
        self.page += 1
        if self.page >= len(self.edition.pages):
            raise ValueError("the stories do not fit on the pages")
        top = self.edition.content_top(self.page)
        self.floors = [top] * len(self.columns())
        if self.canvas:
            self.canvas.setPageRotation(self.rotate)
            if self.edition.masthead and self.page == 0:
                self._masthead(self.edition.masthead)
            else:
                self._header()
        self.band(top, self.edition.bottom, grows=True)
        for _, banner in (b for b in self.edition.banners if b[0] == self.page):
            self._banner(banner)

    def _header(self) -> None:
        date, paper, folio, name = self.edition.header(self.page)
        width, height = self.edition.size
        self.text(MARGIN, 40, date, FOLIO)
        self.text((width - width_of(paper, MASTHEAD)) / 2, 26, paper, MASTHEAD)
        self.text(width - MARGIN - width_of(name, FOLIO) - 50, 40, folio, FOLIO)
        self.text(width - MARGIN - width_of(name, FOLIO), 40, name, FOLIO)
        self.canvas.setLineWidth(0.8)  # type: ignore[union-attr]
        self.canvas.line(MARGIN, height - 58, width - MARGIN, height - 58)  # type: ignore[union-attr]

    def _masthead(self, m: Masthead) -> None:
        width, height = self.edition.size
        self.text(MARGIN, 30, m.name, 44.0)
        x = MARGIN
        for word in m.latin.split():  # a layout program places each word of a spaced-out name apart
            self.text(x, 84, word, 11.0)
            x += width_of(word, 11.0) + 14
        self.text(width - MARGIN - 210, 34, m.day, 40.0)
        for i, note in enumerate(m.notes):
            self.text(width - MARGIN - 150, 24 + i * 11, note, 7.0)
        self.canvas.setLineWidth(1.5)  # type: ignore[union-attr]
        self.canvas.line(MARGIN, height - (m.height - 10), width - MARGIN, height - (m.height - 10))  # type: ignore[union-attr]

    def _banner(self, banner: Banner) -> None:
        top = self.cursor
        self.text(MARGIN, top, banner.name, 22.0)
        x = MARGIN + width_of(banner.name, 22.0) + 20
        for word in banner.latin:
            self.text(x, top + 6, word, 16.0)
            x += width_of(word, 16.0) + 16
        self.cursor = top + 40
        self.floors = [self.cursor] * len(self.floors)

    def band(self, top: float, bottom: float, grows: bool, box: tuple[int, int] | None = None) -> None:
        first, last = box or (0, len(self.columns()) - 1)
        self.frames = [_Frame(c.x, c.width, top, bottom) for c in self.columns()[first : last + 1]]
        self.cursor, self.grows = top, grows

    def room(self, height: float) -> _Frame:
        """The frame where ``height`` more points fit, moving on to the next frame or page."""
        while self.cursor + height > self.frames[0].bottom + 0.01:
            if len(self.frames) > 1:
                self.frames.pop(0)
                self.cursor = self.frames[0].top
            elif self.grows:
                self.new_page()
            else:
                raise OverflowError
        return self.frames[0]

    def mark(self, frame: _Frame) -> None:
        i = round((frame.x - MARGIN) / (frame.width + self.edition.gutter))
        self.floors[i] = max(self.floors[i], self.cursor)

    # --- drawing ---------------------------------------------------------------
    def text(self, x: float, top: float, text: str, size: float, justify: float = 0.0, bold: bool = False, spacing: float = 0.0) -> None:
        if not self.canvas:
            return
        for shift in (0.0, 0.3) if bold else (0.0,):
            t = self.canvas.beginText(x + shift, self.edition.size[1] - top - size * 0.88)
            t.setFont(FONT, size)
            # Character spacing is page state in PDF: set it on every line, or the last line's carries over.
            t.setCharSpace((justify - width_of(text, size)) / (len(text) - 1) if justify and len(text) > 1 else spacing)
            t.textOut(text)
            self.canvas.drawText(t)

    def paragraph(self, text: str, credit: str = "") -> None:
        first = True
        text = credit + text
        while text:
            frame = self.room(LEAD)
            indent = 2 * BODY if first else 0.0
            line, text = take_line(text, frame.width, BODY, indent)
            justify = frame.width - indent if text else 0.0
            self.text(frame.x + indent, self.cursor, line, BODY, justify=justify)
            if first and credit:  # the credit printed over itself a hair apart, as spread: a heavier face
                spread = (justify - width_of(line, BODY)) / (len(line) - 1) if justify and len(line) > 1 else 0.0
                self.text(frame.x + indent + 0.3, self.cursor, credit, BODY, spacing=spread)
            self.cursor += LEAD
            self.mark(frame)
            first = False

    def heading(self, heading: Heading) -> None:
        frame = self.room(2 * LEAD + LEAD)  # never alone at the foot of a column
        size = BODY if heading.bold else SECTION
        self.text(frame.x + (frame.width - width_of(heading.text, size)) / 2, self.cursor + 3, heading.text, size, bold=heading.bold)
        self.cursor += 2 * LEAD
        self.mark(frame)

    def photo(self, photo: Photo) -> None:
        frame = self.room(LEAD)
        lines = wrap(photo.caption, frame.width, CAPTION)
        frame = self.room(photo.lines * LEAD + len(lines) * CAPTION * 1.4 + 6)
        if self.canvas:
            self._picture(frame.x, self.cursor, frame.width, photo.lines * LEAD - 4)
        self.cursor += photo.lines * LEAD
        for line in lines:
            self.text(frame.x, self.cursor, line, CAPTION)
            self.cursor += CAPTION * 1.4
        self.cursor += 6
        self.mark(frame)

    def _picture(self, x: float, top: float, width: float, height: float) -> None:
        from PIL import Image

        image = Image.new("RGB", (8, 6), (120, 130, 140))
        self.canvas.drawInlineImage(image, x, self.edition.size[1] - top - height, width, height)  # type: ignore[union-attr]

    # --- stories -----------------------------------------------------------------
    def headline(self, story: Story, frame: _Frame) -> None:
        title = SECTION if story.brief else TITLE
        top = self.cursor
        for text, size in ((story.kicker, DECK), (story.title, title), (story.subtitle and "——" + story.subtitle, DECK)):
            if text == story.title and (story.spacing or story.title_lines > 1):
                self.spaced_title(story, frame, size)
                continue
            for line in wrap(text or "", frame.width, size):
                self.text(frame.x, self.cursor, line, size)
                self.cursor += size * 1.45
        if story.deck:
            x = frame.x
            for clause in story.deck:
                self.text(x, self.cursor, clause, DECK)
                x += width_of(clause, DECK) + 2 * DECK
            self.cursor += DECK * 1.45
        if story.boxed and self.canvas:
            height = self.edition.size[1]
            self.canvas.rect(frame.x - 4, height - self.cursor - 4, frame.width + 8, self.cursor - top + 8)
        if story.byline:
            self.cursor += 2
            self.text(frame.x, self.cursor, story.byline, BODY)
            self.cursor += LEAD
        self.cursor += 6

    def spaced_title(self, story: Story, frame: _Frame, size: float) -> None:
        n = -(-len(story.title) // story.title_lines)
        for i in range(0, len(story.title), n):
            self.text(frame.x, self.cursor, story.title[i : i + n], size, spacing=story.spacing * size)
            self.cursor += size * 1.45

    def body(self, story: Story) -> None:
        for n, item in enumerate(story.body):
            if isinstance(item, str):
                self.paragraph(item, story.credit or "" if n == 0 else "")
            elif isinstance(item, Heading):
                self.heading(item)
            else:
                self.photo(item)

    def story(self, story: Story) -> None:
        if story.new_page:
            self.new_page()
        if not story.span and not story.box:
            frame = self.room(TITLE * 3 + 3 * LEAD)
            self.headline(story, frame)
            self.mark(frame)
            self.body(story)
            return
        columns = self.columns()
        first, last = story.box or (0, len(columns) - 1)
        floor = max(self.floors[first : last + 1])
        top = floor + (12 if floor > CONTENT_TOP else 0)
        if top + 8 * LEAD > self.edition.bottom:
            self.new_page()
            top = CONTENT_TOP
        self.cursor = top
        self.headline(story, _Frame(columns[first].x, columns[last].x + columns[last].width - columns[first].x, top, 0))
        body_top = self.cursor
        bottom = self.balanced_bottom(story, body_top, (first, last)) if story.balance else self.edition.bottom
        self.band(body_top, bottom, grows=not story.balance and not story.box, box=(first, last))
        if self.edition.column_rules and self.canvas:
            height = self.edition.size[1]
            for column in columns[first + 1 : last + 1]:
                x = column.x - self.edition.gutter / 2
                self.canvas.line(x, height - body_top, x, height - bottom)
        self.body(story)
        if story.balance or story.box:
            for i in range(first, last + 1):
                self.floors[i] = max(self.floors[i], bottom)
            self.band(max(self.floors) + 12, self.edition.bottom, grows=True)

    def balanced_bottom(self, story: Story, top: float, box: tuple[int, int]) -> float:
        """The shortest depth at which the body fits in the box's columns."""
        bottom = top + LEAD
        while bottom <= self.edition.bottom:
            trial = _Press(self.edition, None, self.page, floors=list(self.floors))
            trial.band(top, bottom, grows=False, box=box)
            try:
                trial.body(story)
                return bottom
            except OverflowError:
                bottom += LEAD
        raise ValueError(f"{story.title} does not fit under its headline")


def typeset(edition: Edition, encrypt: str | None = None, rotate: int = 0) -> bytes:
    """The edition as a PDF, locked with a password if ``encrypt``, its pages turned by ``rotate`` degrees."""
    register_font()
    out = io.BytesIO()
    press = _Press(edition, canvas.Canvas(out, pagesize=edition.size, encrypt=encrypt, invariant=1), rotate=rotate)
    press.new_page()
    for story in edition.stories:
        press.story(story)
    press.canvas.save()  # type: ignore[union-attr]
    return out.getvalue()


def register_font() -> None:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))


def scanned_page() -> bytes:
    """A page that is only a picture, as a scanner makes it: no text layer."""
    from PIL import Image

    out = io.BytesIO()
    width, height = A4
    c = canvas.Canvas(out, pagesize=A4, invariant=1)
    c.setFillGray(0.85)
    c.rect(MARGIN, MARGIN, width - 2 * MARGIN, 40, fill=1, stroke=0)
    c.drawInlineImage(Image.new("L", (40, 56), 200), MARGIN, 100, width - 2 * MARGIN, height - 200)
    c.showPage()
    c.save()
    return out.getvalue()
