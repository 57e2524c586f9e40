"""A newspaper page as a PDF → Document, from the characters of its text layer and where they are set.

Characters become lines (``lines``), lines become column blocks and the
page's header and folio are set apart (``page``), headlines head the blocks
under them and text under no headline goes on from the foot of the column to
its left or of the previous page (``headlines``, ``articles``), and each
article's blocks become paragraphs (``article``); boxes are measured in
``geometry``. pdfplumber is imported
only here and only when a PDF is read: the CLI's help, the text readers and
the gloss engine never load it. A scan (a page with no text layer) is read
by OCR (``read.ocr``) and then by these same rules; an encrypted and a
broken file are one-line InputErrors.
"""

from __future__ import annotations

import io
import logging
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace

from ...document import Article, Document, Extra, Metadata, Stated
from ...errors import InputError, first_line
from ...text.marks import HAN
from .article import build
from .articles import place
from .folio import Folio, numbered, read_folio
from .geometry import box_of, from_corner, moved
from .headlines import Face
from .jumps import joined
from .lines import common_size, page_lines, turn, unmapped_share
from .page import Columns, PageLayout, PageText, blocks, body_face, furniture

NO_TEXT = "no text layer (scanned PDF), and OCR found no Chinese text on its pages"
ENCRYPTED = "encrypted PDF; decrypt it first"
# Past this share of characters without a Unicode value, the text layer is unreadable glyph numbers.
_MAX_UNMAPPED = 0.3


def read_pdf(data: bytes, source: str) -> Document:
    """The articles of a PDF's pages, with the pages' headers and folios as extras. A page with no
    text layer (a scan: a picture and no characters) is read by OCR, and the rest as they are."""
    pages = _pages(data, source)
    scans = [i for i, page in enumerate(pages) if not page.lines and page.pictures]
    if not scans:
        return read_pages(pages, source)
    from ..ocr.pages import scanned_pages  # the OCR engine is loaded only for a scan

    pages, ocr = scanned_pages(data, source, pages, scans)
    if not any(HAN.search(line.text) for page in pages for line in page.lines):
        raise InputError(source, NO_TEXT)
    doc = read_pages(pages, source)
    reason = f"{doc.layout_reason}; {ocr.pages} of its pages scans read by OCR at {ocr.dpi} dpi, mean confidence {ocr.confidence:.1%}"
    return replace(doc, layout_reason=reason, ocr=ocr)


def read_page(data: bytes, source: str, layout: str = "auto") -> Document:
    """A PDF as the reader table calls it: its text layer's geometry decides, not ``layout``."""
    return read_pdf(data, source)


def read_pages(pages: list[PageText], source: str) -> Document:
    """The articles of pages whose lines are known."""
    if not any(HAN.search(line.text) for page in pages for line in page.lines):
        if all(not page.lines or page.pictures for page in pages):
            raise InputError(source, NO_TEXT)
        raise InputError(source, "no Chinese text found")
    size, font = body_face(pages)
    face = Face(size, font)
    extras: list[Extra] = []
    layouts: list[PageLayout] = []
    folios: list[Folio] = []
    for page in pages:
        page_extras, lines, header = furniture(page, size)
        extras += page_extras
        folios.append(read_folio(header))
        layouts.append(PageLayout(page, blocks(page.index, lines, size), Columns.of(lines, size)))
    folios = numbered(folios)
    found = [(placed.page, build(placed, face, layouts)) for placed in place(layouts, face)]
    articles = [_on_page(article, folios[page]) for page, article in joined(found, [f.number for f in folios])]
    reason = f"text layer of {len(pages)} page{'s' if len(pages) != 1 else ''}, body text {size:g} pt"
    return Document(source, tuple(articles), tuple(extras), layout="pdf", layout_reason=reason, metadata=_stated(folios))


def _stated(folios: list[Folio]) -> Metadata:
    """What the pages' headers say of the paper: its name and the day (the first page that says)."""
    name = next((f.publication for f in folios if f.publication), None)
    date = next((f.date for f in folios if f.date), None)
    return Metadata(date=Stated(date, "folio") if date else None, publication=Stated(name, "masthead") if name else None)


def _on_page(article: Article, folio: Folio) -> Article:
    if folio.number is None:
        return article
    page = Stated(folio.number, "folio, inferred" if folio.inferred else "folio")
    return replace(article, metadata=replace(article.metadata, page=page))


def _pages(data: bytes, source: str) -> list[PageText]:
    """Each page's lines, read one page at a time: what is kept of a page is its small PageText, never
    its characters, so memory does not grow with the number of pages.

    The lines need the body size, that of the whole file (``common_size`` of all its characters). A
    page's lines are found first with its own body size while its characters are counted by size; the
    few pages whose own is not the file's (a front page of headlines, a page of pictures) are read
    again once the file's is known. The lines are exactly those of all the characters read at once."""
    if b"%PDF-" not in data[:1024]:
        raise InputError(source, "not a readable PDF (no %PDF- header)")
    pages: list[PageText] = []
    found_with: list[float | None] = []  # the body size each page's lines were found with; None: no characters
    sizes: Counter = Counter()  # the characters by (shown, size), in the order they come
    unmapped = count = 0
    for page, chars in _read(data, source):
        size = common_size(chars)
        pages.append(replace(page, lines=tuple(page_lines(chars, size, _column_rules(page)))))
        found_with.append(size if chars else None)
        sizes.update((bool(c["text"].strip()), c.get("size")) for c in chars)
        unmapped += round(unmapped_share(chars) * len(chars))  # a share of this page's count: a whole number
        count += len(chars)
        del chars  # let go of before the next page is read, not after
    if count and unmapped / count > _MAX_UNMAPPED:
        raise InputError(source, "its fonts map no characters to Unicode (text layer unreadable); OCR is not supported")
    size = _body_size(sizes)
    again = [i for i, own in enumerate(found_with) if own is not None and own != size]
    for (page, chars), i in zip(_read(data, source, again) if again else (), again):
        pages[i] = replace(page, lines=tuple(page_lines(chars, size, _column_rules(page))))
    return pages


def _read(data: bytes, source: str, numbers: list[int] | None = None) -> Iterator[tuple[PageText, list[dict]]]:
    """The content of each page (or of pages ``numbers``), one at a time: a page's pdfplumber objects
    (its layout, characters and the caches over them) are released before the next page is read. An
    error of pdfplumber or pdfminer is the file's one-line InputError; the caller's own errors are its own."""
    import pdfplumber

    # pdfminer warns on every odd object of a damaged file; the reader's own error says what matters.
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for number in range(len(pdf.pages)) if numbers is None else numbers:
                page = pdf.pages[number]
                try:
                    content = _content(page)
                finally:
                    page.close()
                yield content
                del content
    except Exception as err:  # pdfminer raises many types on a broken file; each becomes one line
        raise _unreadable(source, err) from None


def _body_size(sizes: Counter) -> float:
    """``common_size`` of all the file's characters, from their count by (shown, size): one stand-in
    per character, so that the rule stays that of ``lines`` alone, with its rounding and its choice
    between sizes of equal count (the one met first)."""
    stand_ins: list[dict] = []
    for (shown, size), n in sizes.items():
        stand_ins += [{"text": "x" if shown else " ", "size": size}] * n
    return common_size(stand_ins)


def _content(page) -> tuple[PageText, list[dict]]:
    """A page's size, pictures and rules, and its characters, all measured from its top left corner;
    a page set sideways turned upright."""
    upright = turn(page.chars)
    place = upright or from_corner(page.bbox[0], page.bbox[1])
    chars = [moved(c, place) for c in page.chars]
    pictures = tuple(place(box_of(im)) for im in page.images)
    rules = tuple(place(box_of(e)) for e in page.edges)
    size = (float(page.width), float(page.height))
    if upright is not None:  # pdfplumber's sizes are those of the page and its characters before turning
        chars = [{**c, "size": c["bottom"] - c["top"]} for c in chars]
        size = _extent(chars)
    return PageText(page.page_number - 1, size, (), pictures, rules), chars


def _extent(chars: list[dict]) -> tuple[float, float]:
    """A page's size from its characters, with as much margin right and below as left and above."""
    return max(c["x1"] for c in chars) + min(c["x0"] for c in chars), max(c["bottom"] for c in chars) + min(c["top"] for c in chars)


def _column_rules(page: PageText) -> list[tuple[float, float, float]]:
    """Vertical rules (x, top, bottom) long enough to stand between columns."""
    return [(x0, top, bottom) for x0, top, x1, bottom in page.rules if x1 - x0 < 1 and bottom - top >= 20]


def _unreadable(source: str, err: Exception) -> InputError:
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    cause = err.args[0] if err.args and isinstance(err.args[0], BaseException) else err
    if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
        return InputError(source, ENCRYPTED)
    return InputError(source, f"not a readable PDF ({first_line(cause)})")
