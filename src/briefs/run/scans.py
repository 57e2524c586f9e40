"""The OCR reader's store over the run's cache: a page image is read once, whatever run reads it again.

``read/`` sits below the cache and never opens it; a run hands this store in
(``read.ocr.ocr_context``) while it reads its files. Entries are of kind
``ocr``, keyed by the engine's identity and the image's digest.
"""

from __future__ import annotations

from typing import Any

from ..cache import Cache

KIND = "ocr"


class OcrCache:
    """``read.ocr.OcrStore`` over a Cache."""

    def __init__(self, cache: Cache):
        self.cache = cache

    def get(self, identity: str, key: str) -> Any | None:
        return self.cache.get_many(KIND, identity, [key]).get(key)

    def put(self, identity: str, key: str, value: Any) -> None:
        self.cache.put_many(KIND, identity, {key: value})
