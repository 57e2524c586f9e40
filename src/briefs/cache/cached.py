"""The engines behind the cache: any Translator or Summarizer, its results stored, the same protocol."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Sequence

from ..protocols import CountsCutOutputs, Summarizer, Translator
from .store import Cache


@dataclass
class CacheStats:
    hits: int = 0
    misses: int = 0


@dataclass
class CachedTranslator:
    """Any Translator, with its results stored; the same protocol, so nothing else changes."""

    inner: Translator
    cache: Cache
    stats: CacheStats = field(default_factory=CacheStats)
    chunk: int = 256  # big enough for full batches, small enough to lose little on Ctrl-C

    @property
    def identity(self) -> str:
        return self.inner.identity

    @property
    def output_cuts(self) -> int:
        return self.inner.output_cuts if isinstance(self.inner, CountsCutOutputs) else 0

    def translate(self, sentences: Sequence[str]) -> list[str]:
        unique = list(dict.fromkeys(sentences))
        known = self.cache.get_many("translation", self.identity, unique)
        missing = [s for s in unique if s not in known]
        # Stored chunk by chunk: an interrupted run keeps all but the chunk in flight.
        for start in range(0, len(missing), self.chunk):
            chunk = missing[start : start + self.chunk]
            fresh = dict(zip(chunk, self.inner.translate(chunk)))
            self.cache.put_many("translation", self.identity, fresh)
            known.update(fresh)
        self.stats.hits += len(sentences) - len(missing)
        self.stats.misses += len(missing)
        return [known[s] for s in sentences]


@dataclass
class CachedSummarizer:
    inner: Summarizer
    cache: Cache
    stats: CacheStats = field(default_factory=CacheStats)

    @property
    def identity(self) -> str:
        return self.inner.identity

    def summarize(self, sentences: Sequence[str], k: int) -> list[int | str]:
        text = json.dumps([k, list(sentences)], ensure_ascii=False)
        known = self.cache.get_many("summary", self.identity, [text])
        if text in known:
            self.stats.hits += 1
            return known[text]
        picked = self.inner.summarize(sentences, k)
        self.cache.put_many("summary", self.identity, {text: picked})
        self.stats.misses += 1
        return picked
