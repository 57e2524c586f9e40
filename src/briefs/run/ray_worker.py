"""What runs on a Ray worker, and the cache-only tools the driver briefs with first.

Each worker is a Ray actor that builds its Briefer once, on its first call
(so a model loads once per worker, and creating an actor does no work), and
briefs one document's missing articles per call. It returns the cache entries
it made, so the driver's cache is complete whether or not nodes share a disk.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, NamedTuple, Sequence, TypeVar

from ..brief import Brief
from ..cache import Cache, CachedSummarizer, CachedTranslator
from ..config import Config
from ..document import Document
from ..pipeline.briefer import Briefer
from ..pipeline.tools import Options, Tools, Usage
from ..protocols import Summarizer, Translator


class NotCached(Exception):
    """Raised by the driver's engines: this text needs a model, so the article goes to a worker."""


@dataclass
class CacheOnly:
    """An engine that answers nothing: behind CachedTranslator/CachedSummarizer it lets only hits through."""

    inner: Translator | Summarizer

    @property
    def identity(self) -> str:
        return self.inner.identity

    def translate(self, sentences: Sequence[str]) -> list[str]:
        raise NotCached

    def summarize(self, sentences: Sequence[str], k: int) -> list[int | str]:
        raise NotCached


class RecordingCache(Cache):
    """The worker's cache: stores as usual, and remembers what it stored for the driver."""

    def __init__(self, path: Path):
        super().__init__(path)
        self.new: list[tuple[str, str, dict[str, Any]]] = []

    def put_many(self, kind: str, identity: str, items: dict[str, Any]) -> None:
        super().put_many(kind, identity, items)
        self.new.append((kind, identity, dict(items)))


_Cached = TypeVar("_Cached", CachedTranslator, CachedSummarizer)


def rewire(tools: Tools, change: Callable[[_Cached], _Cached]) -> Tools:
    """The same Tools with every cached engine passed through ``change`` (the guard's fallback gloss included)."""

    def each(engine: Any) -> Any:
        return change(engine) if isinstance(engine, (CachedTranslator, CachedSummarizer)) else engine

    guard = tools.guard
    if guard is not None:
        guard = dataclasses.replace(guard, strict=each(guard.strict), fallback=each(guard.fallback))
    return dataclasses.replace(tools, translator=each(tools.translator), summarizer=each(tools.summarizer), guard=guard)


def cache_only(tools: Tools) -> Tools:
    """The driver's Tools: the cache answers, or the article is sent to a worker."""
    return rewire(tools, lambda e: dataclasses.replace(e, inner=CacheOnly(e.inner), stats=type(e.stats)()))


def worker_briefer(config: Config, options: Options, cache: RecordingCache) -> Briefer:
    """What a worker builds once: the run's briefer over its recording cache."""
    return Briefer(config, options, _unheard, cache)


def _unheard(line: str) -> None:
    """A worker's notes (an engine standing in for a missing model) are the driver's, which has said them."""


@dataclass
class BatchResult:
    briefs: list[Brief]
    failed: list[tuple[int, str]]  # (0-based article index, reason)
    entries: list[tuple[str, str, dict[str, Any]]]  # new cache entries, for the driver's cache
    usage: Usage = Usage()
    node: str = ""  # the Ray node id of the worker that made it


class WorkerInfo(NamedTuple):
    """What a worker says about itself: the identities it resolved, and where it runs."""

    translator: str
    summarizer: str
    pid: int
    node: str  # Ray node id


Build = Callable[[Config, Options, RecordingCache], Briefer]


class Worker:
    """One Ray actor: its Briefer built on the first call, then a document's missing articles per call."""

    def __init__(self, config: Config, cache_path: str, options: Options, build: Build = worker_briefer):
        self.config, self.options, self.build = config, options, build
        self.cache = RecordingCache(Path(cache_path))  # opened on first use, at the driver's cache path
        self._briefer: Briefer | None = None

    @property
    def briefer(self) -> Briefer:
        if self._briefer is None:
            # Everything a worker caches (a converted CTranslate2 model too) goes where the driver's cache is.
            os.environ["BRIEFS_CACHE_DIR"] = str(self.cache.path.parent)
            self._briefer = self.build(self.config, self.options, self.cache)
            self._briefer.load()
        return self._briefer

    def engines(self) -> WorkerInfo:
        """The identities this node resolved (they must equal the driver's, or briefs would differ), and its process."""
        translator, summarizer = self.briefer.identities()
        return WorkerInfo(translator, summarizer, os.getpid(), _node_id())

    def brief(self, doc: Document, indices: list[int]) -> BatchResult:
        briefer = self.briefer
        before = briefer.usage()
        briefs, failed = [], []
        try:
            briefs = briefer.brief_articles([(doc, i) for i in indices])
        except Exception:  # noqa: BLE001 - one bad article must not sink its neighbours: try each alone
            for i in indices:
                try:
                    briefs += briefer.brief_articles([(doc, i)])
                except Exception as err:  # noqa: BLE001
                    failed.append((i, f"{type(err).__name__}: {err}".rstrip(": ")))
        entries, self.cache.new = self.cache.new, []
        return BatchResult(briefs, failed, entries, briefer.usage() - before, _node_id())


def _node_id() -> str:
    import ray  # only ever called inside a Ray worker

    return ray.get_runtime_context().get_node_id()
