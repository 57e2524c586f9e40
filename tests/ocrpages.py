"""Typeset test pages as scanners and e-paper sites give them: page images, and PDFs of images only.

The pages are set by tests/pdfkit.py in a font embedded in the PDF (a subset
of WenQuanYi Micro Hei, tests/fonts/), since rendering needs glyphs and the
test PDFs' built-in STSong-Light has none on a machine without Chinese
fonts. The same PDF, read through its text layer, is what OCR of its images
is held to. The stories are those of tests/pdfpages.py, on small pages so
that OCR stays quick.
"""

from __future__ import annotations

import io
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import pdfkit
from pdfkit import Edition, Heading
from pdfpages import DATE, GREEN, HARVEST, PAPER, PORT, TRADE

FONT_FILE = Path(__file__).parent / "fonts" / "wqy-microhei-subset.ttf"
FACE = "WQYMicroHei"
DPI = 200
A5, A6 = (420.0, 595.0), (298.0, 420.0)

# One brief on a small page: the default suite's one OCR page.
SMALL = Edition(PAPER, DATE, pages=((1, "要闻"),), size=A5, stories=(replace(HARVEST, balance=False),))
# Two pages: a story with kicker, subtitle and a section heading, then two stories in two columns.
# The heading is set larger: one set in the body's size in a heavier face reads as text (OCR knows no faces).
PAGES = Edition(
    PAPER, DATE, pages=((1, "要闻"), (2, "经济")), first_page=1, size=A5,
    stories=(replace(GREEN, balance=False, body=tuple(Heading(i.text) if isinstance(i, Heading) else i for i in GREEN.body)),
             replace(PORT, new_page=True), TRADE),
)  # fmt: skip


@contextmanager
def embedded_face():
    """pdfkit sets its pages in the embedded face inside (its font is a module setting)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if FACE not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FACE, str(FONT_FILE)))
    saved, pdfkit.FONT = pdfkit.FONT, FACE
    try:
        yield
    finally:
        pdfkit.FONT = saved


def typeset(edition: Edition) -> bytes:
    """The edition as a PDF with a text layer, its font embedded."""
    missing = set("".join(edition.texts())) - _covered()
    assert not missing, f"the test font lacks {''.join(sorted(missing))}: add them to tests/fonts/ (see its README)"
    with embedded_face():
        return pdfkit.typeset(edition)


def _covered() -> set[str]:
    from reportlab.pdfbase.ttfonts import TTFontFile

    return {chr(c) for c in TTFontFile(str(FONT_FILE)).charToGlyph} | {" "}


def images(pdf: bytes, dpi: int = DPI) -> list:
    """Each page of a PDF as a grey image, as a scanner would give it."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        return [document[i].render(scale=dpi / 72).to_pil().convert("L") for i in range(len(document))]
    finally:
        document.close()


def encoded(image, form: str, dpi: int = DPI) -> bytes:
    """An image as a file of ``form`` (PNG, JPEG, TIFF, WEBP), stating its resolution where the form can."""
    out = io.BytesIO()
    options = {"quality": 85} if form in ("JPEG", "WEBP") else {}
    image.save(out, form, dpi=(dpi, dpi), **options)
    return out.getvalue()


def image_pdf(pages: list, dpi: int = DPI) -> bytes:
    """A PDF whose pages are only pictures, as a scanner makes it: no text layer."""
    out = io.BytesIO()
    # Copies: Pillow keeps what a save was told on the images, and a later save of one of them adds pages.
    first, *rest = [page.copy() for page in pages]
    first.save(out, "PDF", save_all=True, append_images=rest, resolution=float(dpi))
    return out.getvalue()
