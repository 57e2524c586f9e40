"""Page images read through OCR, each once: a reading is kept in the caller's store by the image's digest.

The reader sits below the cache, so it never opens one: whoever reads files
(``briefs run``) hands in a store with ``get`` and ``put`` through
``ocr_context``, and a line of progress for each page read. Without one, every
page is read afresh and quietly.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, Protocol

from ...document import OcrReading
from ..pdf.page import PageText, body_face
from . import engine
from .images import SCAN_DPI, digest, erased, pdf_page, rules, strokes
from .lines import DOUBT, FACE, ScannedPage, confidence, doubtful, page_texts


class OcrStore(Protocol):
    """Where readings are kept between runs: by engine identity and image digest, as plain JSON values."""

    def get(self, identity: str, key: str) -> Any | None: ...

    def put(self, identity: str, key: str, value: Any) -> None: ...


@dataclass(frozen=True)
class _Context:
    store: OcrStore | None = None
    progress: Callable[[str], None] | None = None


_CONTEXT: ContextVar[_Context] = ContextVar("briefs_ocr", default=_Context())


@contextmanager
def ocr_context(store: OcrStore | None = None, progress: Callable[[str], None] | None = None) -> Iterator[None]:
    """Pages read inside are kept in ``store`` and each said to ``progress`` as it is read."""
    token = _CONTEXT.set(_Context(store, progress))
    try:
        yield
    finally:
        _CONTEXT.reset(token)


def scan(image, index: int, dpi: float, source: str, count: int) -> ScannedPage:
    """Page ``index`` of ``source`` read, one of ``count`` it has to read: from the store when it holds
    this image's reading, else by the engine."""
    context = _CONTEXT.get()
    identity, key = engine.identity(), digest(image)
    started = time.monotonic()
    drawn = strokes(image, dpi)
    lines = _stored(context.store.get(identity, key)) if context.store is not None else None
    how = "from the cache"
    if lines is None:
        lines = engine.recognise(erased(image, drawn), source)
        if context.store is not None:
            context.store.put(identity, key, [line.stored() for line in lines])
        how = f"{time.monotonic() - started:.1f} s"
    if context.progress is not None:
        of = f" ({count} to read)" if count > 1 else ""
        context.progress(f"briefs: OCR {source} page {index + 1}{of}: {len(lines)} lines ({how})")
    width, height = image.size
    k = 72.0 / dpi
    return ScannedPage(index, tuple(lines), dpi, (width * k, height * k), rules(drawn, dpi))


def _stored(value: Any) -> list[engine.Recognised] | None:
    """A stored reading, or None when there is none or it is not one (written by another version)."""
    try:
        return None if value is None else [engine.Recognised.from_stored(line) for line in value]
    except (TypeError, ValueError):
        return None


def reading(pages: list[ScannedPage]) -> OcrReading:
    """What a brief says of how its page was read."""
    dpis = sorted({round(page.dpi) for page in pages})
    return OcrReading(
        engine=engine.identity(),
        pages=len(pages),
        dpi=dpis[0] if len(dpis) == 1 else 0,
        confidence=round(confidence(pages), 4),
        threshold=DOUBT,
        doubtful=doubtful(pages),
    )


def scanned_pages(data: bytes, source: str, pages: list[PageText], scans: list[int]) -> tuple[list[PageText], OcrReading]:
    """A PDF's pages with those in ``scans`` (no text layer) read by OCR from their rendering, in the
    face and body size of its text pages when it has some."""
    read = [scan(pdf_page(data, i), i, SCAN_DPI, source, len(scans)) for i in scans]
    text_pages = [page for page in pages if page.lines]
    size, font = body_face(text_pages) if text_pages else (None, FACE)
    found = dict(zip(scans, page_texts(read, size, font)))
    return [found.get(i, page) for i, page in enumerate(pages)], reading(read)
