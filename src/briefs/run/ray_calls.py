"""The driver's calls to its Ray workers, and what it does when a worker or a node is lost.

Each live worker has two calls in hand, so it never waits for the driver. When
a worker dies (killed, out of memory, its node gone), Ray restarts it and the
driver sends its calls again, at once, to whichever workers are live: Ray
itself never retries a call, so the driver can count retries and does not wait
for a restart that has no room. A call that kills its worker twice is split
into single articles; an article that kills it again is reported failed. When
no node can run a worker any more, the run stops; what it finished is written
and cached, so the next run resumes.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from ..cache import Cache
from ..document import Document
from ..errors import EXIT_SKIPPED, BriefsError
from .output import RunOutput
from .ray_worker import BatchResult, WorkerInfo

# Seconds between looks, while every worker is being restarted, for a node that could still run one.
TICK = 1.0


class NoWorkerLeft(BriefsError):
    """Every node that could run a worker is gone: the finished briefs are kept and cached."""

    exit_code = EXIT_SKIPPED


@dataclass
class Job:
    doc_number: int  # position in the run: the index lists briefs in this order
    doc: Document
    indices: list[int]
    deaths: int = 0  # calls of this job whose worker died


@dataclass
class Sink:
    """Where results go: the driver's cache, and the output folder with the run's report and warnings."""

    cache: Cache
    output: RunOutput

    def take(self, result: BatchResult, job: Job) -> None:
        for kind, identity, items in result.entries:
            self.cache.put_many(kind, identity, items)
        for brief in result.briefs:
            self.output.write(job.doc_number, brief)
        for index, reason in result.failed:
            self.fail(job, index, reason)
        self.output.report.add(result.usage)

    def fail(self, job: Job, index: int, reason: str) -> None:
        line = f"{job.doc.source} article {index + 1}: {reason}"
        self.output.report.failed.append(line)
        self.output.context.warn(f"briefs: failed {line}")


@dataclass
class _Worker:
    number: int
    actor: Any
    calls: int = 0  # calls sent and not yet answered
    ready: bool = True  # False from its death until Ray has restarted it


class Calls:
    """The run's calls: two in hand per live worker, a call whose worker died sent again, to any live worker."""

    def __init__(self, ray: Any, actors: list[Any], jobs: list[Job], expected: tuple[str, str], sink: Sink):
        self.ray, self.expected, self.sink = ray, expected, sink
        self.report = sink.output.report
        self.workers = [_Worker(number, actor) for number, actor in enumerate(actors, 1)]
        self.queue = list(jobs)
        self.pending: dict[Any, tuple[_Worker, Job]] = {}
        self.restarting: dict[Any, _Worker] = {}  # a call that answers once Ray has restarted the worker
        self.per_node: Counter[str] = Counter()

    def run(self) -> None:
        while self.queue or self.pending:
            self._send()
            waiting = [*self.pending, *self.restarting]
            if not self.pending and not (waiting and _can_host_worker(self.ray)):
                raise NoWorkerLeft(
                    f"the Ray cluster has no worker left; {self.report.briefs} briefs written, "
                    "the next run resumes from the cache"
                )
            done, _ = self.ray.wait(waiting, num_returns=1, timeout=TICK)
            if done:
                self._answered(done[0])

    def _send(self) -> None:
        for worker in self.workers:
            while self.queue and worker.ready and worker.calls < 2:  # two in hand: a worker never waits for the driver
                job = self.queue.pop(0)
                self.pending[worker.actor.brief.remote(job.doc, job.indices)] = (worker, job)
                worker.calls += 1

    def _answered(self, ref: Any) -> None:
        errors = self.ray.exceptions
        if ref in self.restarting:
            return self._restarted(ref, self.restarting.pop(ref))
        worker, job = self.pending.pop(ref)
        worker.calls -= 1
        try:
            result = self.ray.get(ref)
        except errors.RayActorError as err:
            self._worker_died(worker, job, err)
        except errors.RayError as err:
            self._retry_alone(job, f"worker failed: {cause(err)}")
        else:
            self.per_node[result.node] += len(result.briefs)
            self.sink.take(result, job)

    def _worker_died(self, worker: _Worker, job: Job, err: Exception) -> None:
        if worker.ready:  # Ray restarts it; until then it gets no calls
            worker.ready = False
            self.restarting[worker.actor.engines.options(max_task_retries=-1).remote()] = worker
        job.deaths += 1
        if job.deaths == 1:
            self.report.retried += 1
            self.queue.insert(0, job)
            return
        # The call killed its worker twice: then each article alone, and one that kills it again fails.
        if len(job.indices) > 1:
            self.report.retried += 1
        self._retry_alone(job, f"worker died: {cause(err)}")

    def _retry_alone(self, job: Job, reason: str) -> None:
        if len(job.indices) > 1:
            self.queue[:0] = [Job(job.doc_number, job.doc, [i], deaths=job.deaths) for i in job.indices]
        else:
            self.sink.fail(job, job.indices[0], reason)

    def _restarted(self, ref: Any, worker: _Worker) -> None:
        try:
            info = self.ray.get(ref)
        except self.ray.exceptions.RayActorError:
            return  # gone for good (killed, or out of restarts): the other workers go on
        labels = node_labels(self.ray)
        check_identities(info, self.expected, labels)
        worker.ready = True
        self.sink.output.progress.note(f"briefs: ray worker {worker.number} restarted on node {node_label(labels, info.node)}, pid {info.pid}")


def check_identities(info: WorkerInfo, expected: tuple[str, str], labels: dict[str, str]) -> None:
    for found, wanted in zip((info.translator, info.summarizer), expected):
        if found != wanted:
            raise BriefsError(
                f"a Ray worker on node {node_label(labels, info.node)} resolved {found} where the driver resolved "
                f"{wanted}: put the model at the same path on every node, or in each node's Hugging Face cache"
            )


def node_labels(ray: Any) -> dict[str, str]:
    """Node id → its name (the IP unless `ray start --node-name` set one), or the id's first 8 digits when names repeat."""
    nodes = ray.nodes()
    names = Counter(n["NodeName"] for n in nodes)
    return {n["NodeID"]: n["NodeName"] if names[n["NodeName"]] == 1 else n["NodeID"][:8] for n in nodes}


def node_label(labels: dict[str, str], node: str) -> str:
    return labels.get(node, node[:8])


def _can_host_worker(ray: Any) -> bool:
    return any(n["Alive"] and n["Resources"].get("CPU", 0) >= 1 for n in ray.nodes())


def cause(err: Exception) -> str:
    # A RayTaskError carries the worker's exception; its own text is a remote traceback, whose last line says it.
    inner = getattr(err, "cause", None)
    if inner is not None:
        return str(inner)
    text = str(err).strip()
    return text.splitlines()[-1] if text else type(err).__name__
