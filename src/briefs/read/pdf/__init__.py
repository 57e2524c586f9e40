"""A newspaper page as a PDF → Document, from the characters of its text layer and where they are set.

Characters become lines (``lines``), lines become column blocks and the
page's header and folio are set apart (``page``), headlines head the blocks
under them and text under no headline goes on from the foot of the column to
its left or of the previous page (``headlines``, ``articles``), and each
article's blocks become paragraphs (``article``); boxes are measured in
``geometry``. pdfplumber is imported
only here and only when a PDF is read: the CLI's help, the text readers and
the gloss engine never load it. A scan (no text layer), an encrypted and a
broken file are one-line InputErrors.
"""

from __future__ import annotations

import io
import logging
from dataclasses import replace

from ...document import Document, Extra
from ...errors import InputError, first_line
from ...text.marks import HAN
from .article import build
from .articles import place
from .geometry import box_of, from_corner, moved
from .headlines import Face
from .lines import common_size, page_lines, turn, unmapped_share
from .page import Columns, PageLayout, PageText, blocks, body_face, furniture

NO_TEXT = "no text layer (scanned PDF); OCR is not supported"
ENCRYPTED = "encrypted PDF; decrypt it first"
# Past this share of characters without a Unicode value, the text layer is unreadable glyph numbers.
_MAX_UNMAPPED = 0.3


def read_pdf(data: bytes, source: str) -> Document:
    """The articles of a PDF's pages, with the pages' headers and folios as extras."""
    return read_pages(_pages(data, source), source)


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
    for page in pages:
        page_extras, lines = furniture(page)
        extras += page_extras
        layouts.append(PageLayout(page, blocks(page.index, lines, size), Columns.of(lines, size)))
    articles = tuple(build(placed, face, layouts) for placed in place(layouts, face))
    reason = f"text layer of {len(pages)} page{'s' if len(pages) != 1 else ''}, body text {size:g} pt"
    return Document(source, articles, tuple(extras), layout="pdf", layout_reason=reason)


def _pages(data: bytes, source: str) -> list[PageText]:
    if b"%PDF-" not in data[:1024]:
        raise InputError(source, "not a readable PDF (no %PDF- header)")
    import pdfplumber

    # pdfminer warns on every odd object of a damaged file; the reader's own error says what matters.
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            content = [_content(page) for page in pdf.pages]
    except Exception as err:  # pdfminer raises many types on a broken file; each becomes one line
        raise _unreadable(source, err) from None
    chars = [c for _, page_chars in content for c in page_chars]
    if chars and unmapped_share(chars) > _MAX_UNMAPPED:
        raise InputError(source, "its fonts map no characters to Unicode (text layer unreadable); OCR is not supported")
    size = common_size(chars)
    return [replace(page, lines=tuple(page_lines(page_chars, size, _column_rules(page)))) for page, page_chars in content]


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
