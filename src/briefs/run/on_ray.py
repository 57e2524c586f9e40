"""`briefs run` on a Ray cluster: the same per-article function, mapped by Ray actors.

The driver reads and splits the files, serves every article whose texts are all
in the cache itself, and sends only the others to workers. Each worker is a Ray
actor that builds its Tools once (so a model loads once per worker) and briefs
one document's missing articles per call: the same grouping as a local run, so
the model sees the same batches and the briefs are identical. Workers return
the cache entries they made and the driver stores them, so the driver's cache
is complete whether or not the nodes share a disk. Ray restarts a worker that
dies and retries its call; scheduling and transport are Ray's, not ours.
"""

from __future__ import annotations

import dataclasses
import os
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Sequence

from ..brief import Brief
from ..cache import Cache, CachedSummarizer, CachedTranslator
from ..files import default_cache_dir
from ..text.document import Document
from ..errors import BriefsError
from ..pipeline.article import Options, Tools, brief_articles
from .progress import Progress

RAY_MISSING = "the ray executor needs Ray: pip install 'briefs[ray]'"


class NotCached(Exception):
    """Raised by the driver's engines: this text needs a model, so the article goes to a worker."""


@dataclass
class CacheOnly:
    """An engine that answers nothing: behind CachedTranslator/CachedSummarizer it lets only hits through."""

    inner: Any

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


def rewire(tools: Tools, change: Callable[[Any], Any]) -> Tools:
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


def worker_tools(config, cache_path: Path) -> tuple[Tools, RecordingCache]:
    """What a worker builds once: the run's engines over a recording cache at the driver's cache path."""
    from .batch import make_tools

    notes: list[str] = []
    cache = RecordingCache(cache_path)
    tools = rewire(make_tools(config, notes.append), lambda e: dataclasses.replace(e, cache=cache))
    return tools, cache


@dataclass
class BatchResult:
    briefs: list[Brief]
    failed: list[tuple[int, str]]  # (0-based article index, reason)
    entries: list[tuple[str, str, dict[str, Any]]]  # new cache entries, for the driver's cache
    translated: int = 0
    cached: int = 0
    cut: int = 0


class Worker:
    """One Ray actor: Tools built once, then a document's missing articles per call."""

    def __init__(self, config, cache_path: str, options: Options, build: Callable = worker_tools):
        # Everything a worker caches (a converted CTranslate2 model too) goes where the driver's cache is.
        os.environ["BRIEFS_CACHE_DIR"] = str(Path(cache_path).parent)
        self.tools, self.cache = build(config, Path(cache_path))
        self.options = options

    def engines(self) -> tuple[str, str]:
        """The identities this node resolved: they must equal the driver's, or briefs would differ."""
        return self.tools.translator.identity, self.tools.summarizer.identity

    def brief(self, doc: Document, indices: list[int]) -> BatchResult:
        before = self._counts()
        briefs, failed = [], []
        try:
            briefs = brief_articles([(doc, i) for i in indices], self.tools, self.options)
        except Exception:  # noqa: BLE001 - one bad article must not sink its neighbours: try each alone
            for i in indices:
                try:
                    briefs += brief_articles([(doc, i)], self.tools, self.options)
                except Exception as err:  # noqa: BLE001
                    failed.append((i, f"{type(err).__name__}: {err}".rstrip(": ")))
        after = self._counts()
        entries, self.cache.new = self.cache.new, []
        return BatchResult(briefs, failed, entries, *(a - b for a, b in zip(after, before)))

    def _counts(self) -> tuple[int, int, int]:
        stats = self.tools.translator.stats
        engines = [self.tools.translator.inner, getattr(self.tools.guard, "strict", None)]
        cut = sum(getattr(getattr(e, "inner", e), "output_cuts", 0) for e in engines)
        return stats.misses, stats.hits, cut


@dataclass
class Cluster:
    """A connection to Ray, and whether we started the instance (then we stop it)."""

    ray: Any
    started: bool = False
    actors: list[Any] = field(default_factory=list)

    def close(self) -> None:
        for actor in self.actors:
            self.ray.kill(actor)
        if self.started:
            self.ray.shutdown()


def import_ray():
    try:
        import ray
    except ImportError:
        raise BriefsError(RAY_MISSING) from None
    if ray is None:  # a test hides the package this way
        raise BriefsError(RAY_MISSING)
    return ray


def connect(workers: int, address: str) -> Cluster:
    """The cluster at ``address`` (or RAY_ADDRESS), else a local instance with ``workers`` CPUs."""
    ray = import_ray()
    if ray.is_initialized():
        return Cluster(ray)
    address = address or os.environ.get("RAY_ADDRESS", "")
    try:
        if address:
            ray.init(address=address, log_to_driver=False)
        else:
            ray.init(address="local", num_cpus=workers, include_dashboard=False, log_to_driver=False)
    except (ConnectionError, RuntimeError, ValueError) as err:
        raise BriefsError(f"cannot reach the Ray cluster at {address or 'a new local instance'}: {err}") from None
    return Cluster(ray, started=True)


@dataclass
class _Job:
    doc_number: int  # position in the run: the index lists briefs in this order
    doc: Document
    indices: list[int]


def run_on_ray(docs: list[Document], out: Path, config, options: Options, progress: Progress, report, warn: Callable[[str], None]):
    """The Ray run: same briefs, sidecars and index as run_batch, whatever order results arrive in."""
    from . import batch

    started = time.monotonic()
    generated_at = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
    import_ray()  # a missing package is said before any model is resolved
    tools = batch.make_tools(config, warn)  # a missing model falls back or fails here, before any work is sent
    written: dict[tuple[int, int], tuple[str, Brief]] = {}

    def write(number: int, brief: Brief) -> None:
        name = batch.write_brief(out, brief, options, generated_at)
        written[(number, brief.article_index)] = (name, brief)
        report.briefs += 1
        progress.article_done(name, batch.sentence_count(docs[number].articles[brief.article_index - 1]))

    progress.start(sum(len(d.articles) for d in docs))
    try:
        jobs = _serve_cached(docs, cache_only(tools), options, write, report)
        if jobs:
            _run_jobs(jobs, config, options, tools, write, report, warn)
        batch.write_atomic(out / "index.md", batch.index_markdown([written[k] for k in sorted(written)]))
    finally:
        progress.close()
        report.seconds += time.monotonic() - started
    return report


def _serve_cached(docs, local: Tools, options: Options, write, report) -> list[_Job]:
    """Brief every fully cached article here; the rest become one job per document."""
    jobs = []
    for number, doc in enumerate(docs):
        missing = []
        for index in range(len(doc.articles)):
            try:
                write(number, brief_articles([(doc, index)], local, options)[0])
            except NotCached:
                missing.append(index)
        if missing:
            jobs.append(_Job(number, doc, missing))
    report.cached += local.translator.stats.hits
    return jobs


def _run_jobs(jobs: list[_Job], config, options: Options, tools: Tools, write, report, warn) -> None:
    cluster = connect(config.run.workers, config.run.ray_address)
    ray = cluster.ray
    try:
        cluster.actors = _start_workers(cluster, min(config.run.workers, len(jobs)), config, options, tools)
        queue, pending = list(jobs), {}

        def submit(actor, job: _Job) -> None:
            pending[actor.brief.remote(job.doc, job.indices)] = (actor, job)

        for actor in cluster.actors * 2:  # two calls queued per worker: it never waits for the driver
            if queue:
                submit(actor, queue.pop(0))
        while pending:
            [ref], _ = ray.wait(list(pending), num_returns=1)
            actor, job = pending.pop(ref)
            result = _result(ray, ref, job, queue)
            if result is not None:
                _take(result, job, tools, write, report, warn)
            if queue:
                submit(actor, queue.pop(0))
    finally:
        cluster.close()


def _result(ray, ref, job: _Job, queue: list[_Job]) -> BatchResult | None:
    try:
        return ray.get(ref)
    except ray.exceptions.RayError as err:
        # The worker died on this call twice (Ray restarted it and retried once): then each article alone.
        if len(job.indices) > 1:
            queue[:0] = [_Job(job.doc_number, job.doc, [i]) for i in job.indices]
            return None
        return BatchResult([], [(job.indices[0], f"worker failed: {_cause(err)}")], [])


def _take(result: BatchResult, job: _Job, tools: Tools, write, report, warn) -> None:
    cache = tools.translator.cache
    for kind, identity, items in result.entries:
        cache.put_many(kind, identity, items)
    for brief in result.briefs:
        write(job.doc_number, brief)
    for index, reason in result.failed:
        line = f"{job.doc.source} article {index + 1}: {reason}"
        report.failed.append(line)
        warn(f"briefs: failed {line}")
    report.translated += result.translated
    report.cached += result.cached
    report.cut += result.cut


def _start_workers(cluster: Cluster, count: int, config, options: Options, tools: Tools) -> list[Any]:
    """Workers that have built their engines and resolved the same models as the driver."""
    ray = cluster.ray
    remote = ray.remote(Worker).options(num_cpus=1, max_restarts=2, max_task_retries=1)
    build = worker_tools  # looked up now, so a test can give workers a failing engine
    actors = [remote.remote(config, str(tools.translator.cache.path), options, build) for _ in range(count)]
    cluster.actors = actors
    expected = (tools.translator.identity, tools.summarizer.identity)
    try:
        found = ray.get([a.engines.remote() for a in actors])
    except ray.exceptions.RayError as err:
        raise BriefsError(f"a Ray worker cannot build the engines: {_cause(err)}") from None
    for identity in found:
        if tuple(identity) != expected:
            raise BriefsError(
                f"a Ray worker resolved {identity[0]} where the driver resolved {expected[0]}: "
                "put the model at the same path on every node, or in each node's Hugging Face cache"
            )
    return actors


def _cause(err: Exception) -> str:
    cause = getattr(err, "cause", None)
    return str(cause) if cause is not None else str(err).strip().splitlines()[-1]
