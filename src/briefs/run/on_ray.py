"""`briefs run` on a Ray cluster: the same per-article function, mapped by Ray actors.

The driver reads and splits the files, serves every article whose texts are all
in the cache itself, and sends only the others to workers (``ray_worker``), a
document's missing articles per call: the same grouping as a local run, so the
model sees the same batches and the briefs are identical. Workers are spread
over the nodes and checked to have resolved the driver's models before any
work is sent; ``ray_calls`` sends the calls and deals with a worker or a node
that is lost. Scheduling and transport are Ray's, not ours.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from typing import Any

from ..cache import Cache
from ..document import Document
from ..errors import BriefsError
from ..pipeline.briefer import Briefer
from .context import RunContext
from .output import RunOutput
from .ray_calls import (
    Calls,
    Job,
    Sink,
    cause,
    check_identities,
    node_label,
    node_labels,
)
from .ray_worker import NotCached, Worker, cache_only, worker_briefer
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
    # Ray's INFO lines ("Connecting to existing Ray cluster…") would stand between briefs' own lines on stderr.
    quiet = {"log_to_driver": False, "logging_level": logging.WARNING}
    try:
        if address:
            ray.init(address=address, **quiet)
        else:
            ray.init(address="local", num_cpus=workers, include_dashboard=False, **quiet)
    except (ConnectionError, RuntimeError, ValueError) as err:
        raise BriefsError(f"cannot reach the Ray cluster at {address or 'a new local instance'}: {err}") from None
    return Cluster(ray, started=True)


def run_on_ray(docs: list[Document], context: RunContext) -> RunReport:
    """The Ray run: same briefs, sidecars and index as run_batch, whatever order results arrive in."""
    import_ray()  # a missing package is said before any model is resolved
    cache = Cache.default()
    briefer = context.briefer(cache)
    briefer.load()  # a missing model falls back or fails here, before any work is sent
    with RunOutput(context, docs) as output:
        jobs = _serve_cached(docs, briefer.with_tools(cache_only(briefer.tools)), output)
        if jobs:
            _run_jobs(jobs, briefer, cache, output)
        output.finish()
    return context.report


def _serve_cached(docs: list[Document], local: Briefer, output: RunOutput) -> list[Job]:
    """Brief every fully cached article here; the rest become one job per document."""
    jobs = []
    for number, doc in enumerate(docs):
        missing = []
        for index in range(len(doc.articles)):
            try:
                output.write(number, local.brief_articles([(doc, index)])[0])
            except NotCached:
                missing.append(index)
        if missing:
            jobs.append(Job(number, doc, missing))
    output.report.cached += local.usage().cached
    return jobs


def _run_jobs(jobs: list[Job], briefer: Briefer, cache: Cache, output: RunOutput) -> None:
    settings = briefer.config.run
    cluster = connect(settings.workers, settings.ray_address)
    try:
        expected = briefer.identities()
        actors = _start_workers(cluster, min(settings.workers, len(jobs)), briefer, cache, expected, output)
        calls = Calls(cluster.ray, actors, jobs, expected, Sink(cache, output))
        calls.run()
        labels = node_labels(cluster.ray)
        output.report.nodes = dict(sorted((node_label(labels, node), n) for node, n in calls.per_node.items()))
    finally:
        cluster.close()


def _start_workers(
    cluster: Cluster, count: int, briefer: Briefer, cache: Cache, expected: tuple[str, str], output: RunOutput
) -> list[Any]:
    """Workers that have built their engines and resolved the same models as the driver, spread over the nodes."""
    ray = cluster.ray
    # Restarts are unbounded and calls never retried by Ray: the driver retries a call itself, on any live worker.
    remote = ray.remote(Worker).options(num_cpus=1, max_restarts=-1, max_task_retries=0, scheduling_strategy="SPREAD")
    build = worker_briefer  # looked up now, so a test can give workers a failing engine
    cluster.actors = [remote.remote(briefer.config, str(cache.path), briefer.options, build) for _ in range(count)]
    try:
        found = ray.get([a.engines.remote() for a in cluster.actors])
    except ray.exceptions.RayError as err:
        raise BriefsError(f"a Ray worker cannot build the engines: {cause(err)}") from None
    labels = node_labels(ray)
    for number, info in enumerate(found, 1):
        check_identities(info, expected, labels)
        output.progress.note(f"briefs: ray worker {number} on node {node_label(labels, info.node)}, pid {info.pid}")
    return cluster.actors
