"""Page images and scanned PDF pages → Document, through OCR and then the PDF reader's own layout rules.

OCR (``engine``: RapidOCR with the PP-OCRv4 Chinese models, offline) gives
lines of text with the span of each character; ``lines`` turns them into the
PDF reader's glyphs, and from there columns, headlines, decks, credits,
captions, mastheads and reading order are found exactly as in a PDF with a
text layer (``read.pdf.read_pages``): there is no second layout engine.
``images`` decodes image files and renders scanned PDF pages; ``pages`` keeps
each page's reading in the caller's store. The Document says it was read by
OCR (``Document.ocr``: the engine, the mean confidence, the doubtful lines).
"""

from __future__ import annotations

from dataclasses import replace

from ...document import Document
from ...errors import InputError
from ...text.marks import HAN
from ..pdf import read_pages
from .images import image_pages
from .lines import FACE, page_texts
from .pages import OcrStore, ocr_context, reading, scan

__all__ = ["OcrStore", "ocr_context", "read_image"]

NO_CHINESE = "no Chinese text found by OCR"


def read_image(data: bytes, source: str, layout: str = "auto") -> Document:
    """A page image (PNG, JPEG, TIFF, WebP; each frame of a TIFF a page), as the reader table calls it."""
    images = list(image_pages(data, source))
    scanned = [scan(image, i, dpi, source, len(images)) for i, (image, dpi) in enumerate(images)]
    del images  # a page's pixels are not kept once it is read
    pages = page_texts(scanned, face=FACE)
    if not any(HAN.search(line.text) for page in pages for line in page.lines):
        raise InputError(source, NO_CHINESE)
    doc = read_pages(pages, source)
    found = reading(scanned)
    reason = f"{found.pages} page image{'s' if found.pages != 1 else ''} read by OCR, mean confidence {found.confidence:.1%}"
    return replace(doc, layout="image", layout_reason=reason, ocr=found)
