"""`briefs run` on a Ray cluster: the same per-article function, mapped by Ray actors.

The driver reads and splits the files, serves every article whose texts are all
in the cache itself, and sends only the others to workers (``ray_worker``), a
document's missing articles per call: the same grouping as a local run, so the
model sees the same batches and the briefs are identical. Ray restarts a worker
that dies and retries its call; scheduling and transport are Ray's, not ours.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from ..config import Config
from ..cache import Cache
from ..errors import BriefsError
from ..pipeline.article import brief_articles
from ..pipeline.tools import Options, Tools, make_tools, usage
from ..text.document import Document
from .output import RunOutput
from .progress import Progress
from .ray_worker import BatchResult, NotCached, Worker, cache_only, worker_tools
from .report import RunReport

RAY_MISSING = "the ray executor needs Ray: pip install 'briefs[ray]'"


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


def run_on_ray(
    docs: list[Document], out: Path, config: Config, options: Options, progress: Progress, report: RunReport,
    warn: Callable[[str], None],
) -> RunReport:
    """The Ray run: same briefs, sidecars and index as run_batch, whatever order results arrive in."""
    import_ray()  # a missing package is said before any model is resolved
    cache = Cache.default()
    tools = make_tools(config, warn, cache)  # a missing model falls back or fails here, before any work is sent
    with RunOutput(out, docs, options, progress, report) as output:
        jobs = _serve_cached(docs, cache_only(tools), options, output, report)
        if jobs:
            _run_jobs(jobs, config, options, tools, cache, output, report, warn)
        output.write_index()
    return report


def _serve_cached(docs: list[Document], local: Tools, options: Options, output: RunOutput, report: RunReport) -> list[_Job]:
    """Brief every fully cached article here; the rest become one job per document."""
    jobs = []
    for number, doc in enumerate(docs):
        missing = []
        for index in range(len(doc.articles)):
            try:
                output.write(number, brief_articles([(doc, index)], local, options)[0])
            except NotCached:
                missing.append(index)
        if missing:
            jobs.append(_Job(number, doc, missing))
    report.cached += usage(local).cached
    return jobs


def _run_jobs(
    jobs: list[_Job], config: Config, options: Options, tools: Tools, cache: Cache, output: RunOutput, report: RunReport,
    warn: Callable[[str], None],
) -> None:
    cluster = connect(config.run.workers, config.run.ray_address)
    ray = cluster.ray
    try:
        cluster.actors = _start_workers(cluster, min(config.run.workers, len(jobs)), config, options, tools, cache)
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
                _take(result, job, cache, output, report, warn)
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


def _take(result: BatchResult, job: _Job, cache: Cache, output: RunOutput, report: RunReport, warn: Callable[[str], None]) -> None:
    for kind, identity, items in result.entries:
        cache.put_many(kind, identity, items)
    for brief in result.briefs:
        output.write(job.doc_number, brief)
    for index, reason in result.failed:
        line = f"{job.doc.source} article {index + 1}: {reason}"
        report.failed.append(line)
        warn(f"briefs: failed {line}")
    report.add(result.usage)


def _start_workers(
    cluster: Cluster, count: int, config: Config, options: Options, tools: Tools, cache: Cache
) -> list[Any]:
    """Workers that have built their engines and resolved the same models as the driver."""
    ray = cluster.ray
    remote = ray.remote(Worker).options(num_cpus=1, max_restarts=2, max_task_retries=1)
    build = worker_tools  # looked up now, so a test can give workers a failing engine
    actors = [remote.remote(config, str(cache.path), options, build) for _ in range(count)]
    cluster.actors = actors
    expected = (tools.translator.identity, tools.summarizer.identity if tools.summarizer is not None else "")
    try:
        found = ray.get([a.engines.remote() for a in actors])
    except ray.exceptions.RayError as err:
        raise BriefsError(f"a Ray worker cannot build the engines: {_cause(err)}") from None
    for identity in found:
        if tuple(identity[:2]) != expected:
            raise BriefsError(
                f"a Ray worker resolved {identity[0]} where the driver resolved {expected[0]}: "
                "put the model at the same path on every node, or in each node's Hugging Face cache"
            )
    return actors


def _cause(err: Exception) -> str:
    # A RayTaskError carries the worker's exception; its own text is a remote traceback, whose last line says it.
    cause = getattr(err, "cause", None)
    if cause is not None:
        return str(cause)
    text = str(err).strip()
    return text.splitlines()[-1] if text else type(err).__name__
