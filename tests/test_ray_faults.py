"""`briefs run --executor ray` under faults: a killed worker, a lost node, two nodes, a node with another model.

One simulated Ray cluster (``ray.cluster_utils.Cluster``) serves the module: a
head that runs no worker (num_cpus=0) and worker nodes of one CPU each, so two
workers land on two nodes. Every run is its own ``briefs`` process pointed at
the cluster by RAY_ADDRESS, as a user runs it; this process never connects to
Ray, so it can kill a worker or remove a node while a run is busy. The model is
the stub Marian model (it copies its input), named by its hub id: the driver
and every node find it in their own Hugging Face cache folder. What is checked
is what a user checks: the briefs, byte for byte against a clean local run,
the exit status, the one line on stderr and the closing line.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from itertools import count
from pathlib import Path

import pytest

pytest.importorskip("ray")

MODEL = "Helsinki-NLP/opus-mt-zh-en"
PLACES = ("喀左县", "朝阳市", "建平县", "凌源市", "北票市", "龙城区", "双塔区", "朝阳县")
# One article per page: one worker call each, long enough that a fault lands while calls are in hand.
PAGE = """{place}上半年经济运行稳中向好

上半年,{place}地区生产总值增长6.{n}%,一般公共预算收入增长7.{n}%。规模以上工业增加值增长1{n}.8%,社会消费品零售总额增长7.1%。

该项目计划总投资{n}亿元,占地面积5{n}亩,总建筑面积1.{n}万平方米。项目投产后,年可实现产值1.9{n}亿元,带动就业百人以上。

今年以来,{place}新签约项目{n}2个,总投资3{n}.5亿元。其中亿元以上项目{n}个,开工率达到8{n}%。

{place}新增市场主体{n}千户,同比增长1{n}%。全县实际利用外资{n}百万美元,外贸进出口总额增长2{n}%。
"""
ARTICLES = len(PLACES)
RUNS = count(1)
STARTED: list[subprocess.Popen] = []
STOPPED = "briefs: the Ray cluster has no worker left; {} briefs written, the next run resumes from the cache"


def hub_cache(root: Path, model: Path) -> Path:
    """A Hugging Face cache folder holding ``model`` as MODEL, laid out as a download leaves it."""
    repo = root / f"models--{MODEL.replace('/', '--')}"
    revision = "0" * 40
    shutil.copytree(model, repo / "snapshots" / revision)
    (repo / "refs").mkdir()
    (repo / "refs" / "main").write_text(revision)
    return root


def other_weights(model: Path, into: Path) -> Path:
    """The same model with one bias shifted: it behaves alike, but its weights hash differs."""
    from safetensors.torch import load_file, save_file

    shutil.copytree(model, into)
    weights = load_file(into / "model.safetensors")
    weights["final_logits_bias"] += 1.0
    save_file(weights, into / "model.safetensors", metadata={"format": "pt"})
    return into


@dataclass
class Setup:
    root: Path
    inputs: Path
    config: Path
    driver_hf: Path  # the driver's Hugging Face cache
    nodes_hf: Path  # the worker nodes' own
    other_hf: Path  # a cache whose MODEL has other weights


@pytest.fixture(scope="module")
def setup(tmp_path_factory, stub_marian_dir) -> Setup:
    root = tmp_path_factory.mktemp("ray-faults")
    inputs = root / "in"
    inputs.mkdir()
    for n, place in enumerate(PLACES, 1):
        (inputs / f"page{n}.txt").write_text(PAGE.format(place=place, n=n), encoding="utf-8")
    config = root / "briefs.toml"
    config.write_text(f'[translator]\nengine = "marian"\nmodel = "{MODEL}"\nbeams = 1\nthreads = 1\n')
    other = other_weights(stub_marian_dir, root / "model-other-weights")
    return Setup(root, inputs, config, hub_cache(root / "hf-driver", stub_marian_dir),
                 hub_cache(root / "hf-nodes", stub_marian_dir), hub_cache(root / "hf-other", other))  # fmt: skip


class SimulatedCluster:
    """A head that runs no worker, and named worker nodes of one CPU, each started with its own HF cache."""

    def __init__(self, setup: Setup):
        from ray.cluster_utils import Cluster

        self.setup, self.added = setup, 0
        self.cluster = Cluster(initialize_head=True, head_node_args={"num_cpus": 0, "include_dashboard": False})
        self.address = self.cluster.address
        self.live: dict[str, object] = {}  # node name → ray's node

    def add(self, hf_cache: Path | None = None) -> str:
        self.added += 1
        name = f"node-{self.added}"
        env = {"HF_HUB_CACHE": str(hf_cache or self.setup.nodes_hf), "HF_HUB_OFFLINE": "1", "OMP_NUM_THREADS": "1"}
        self.live[name] = self.cluster.add_node(num_cpus=1, node_name=name, env_vars=env)
        return name

    def remove(self, name: str) -> None:
        self.cluster.remove_node(self.live.pop(name))

    def names(self) -> list[str]:
        return sorted(self.live)

    def top_up(self, count: int = 2) -> None:
        while len(self.live) < count:
            self.add()


@pytest.fixture(scope="module")
def cluster(setup):
    # One cluster for every test here (the only module that uses one), stopped when they are done.
    simulated = SimulatedCluster(setup)
    yield simulated
    simulated.cluster.shutdown()


@pytest.fixture(autouse=True)
def two_nodes(cluster):
    """Every test starts on two worker nodes, whatever the one before removed, and leaves no run behind."""
    cluster.top_up(2)
    yield
    for process in STARTED:
        if process.poll() is None:  # a test that failed while its run was busy
            process.kill()
            process.wait()


@dataclass
class Run:
    process: subprocess.Popen
    out: Path
    stderr: Path

    def lines(self) -> list[str]:
        return self.stderr.read_text(encoding="utf-8").splitlines()

    def finish(self, timeout: float = 120) -> Finished:
        return Finished(self.process.wait(timeout), self.lines())

    def first_brief(self, timeout: float = 60) -> None:
        """Wait until the run has written a brief (so it is busy, with calls in hand)."""
        deadline = time.monotonic() + timeout
        while not any(p.name != "index.md" for p in self.out.glob("*.md")):
            assert self.process.poll() is None, self.lines()
            assert time.monotonic() < deadline, self.lines()
            time.sleep(0.05)


@dataclass
class Finished:
    code: int
    lines: list[str]

    def said(self) -> list[str]:
        """What briefs said: its own lines, without progress."""
        return [line for line in self.lines if line.startswith("briefs:")]

    def closing(self) -> str:
        return self.said()[-1]

    def number(self, pattern: str) -> int:
        found = re.search(pattern, self.closing())
        return int(found.group(1)) if found else 0


def start(setup: Setup, cluster: SimulatedCluster | None, name: str, *more: str) -> Run:
    """``briefs run`` into folder ``name``, in its own process: on the cluster, or local when ``cluster`` is None.

    Each folder has its own briefs cache, so a run into the same folder again resumes from it.
    """
    out, log = setup.root / name, setup.root / f"{name}-{next(RUNS)}.stderr"
    env = dict(os.environ, OMP_NUM_THREADS="1", HF_HUB_OFFLINE="1", HF_HUB_CACHE=str(setup.driver_hf),
               BRIEFS_CACHE_DIR=str(setup.root / f"cache-{name}"))  # fmt: skip
    env.pop("RAY_ADDRESS", None)
    executor = ["--executor", "local"]
    if cluster is not None:
        env["RAY_ADDRESS"] = cluster.address
        executor = ["--executor", "ray"]
    command = [sys.executable, "-c", "from briefs.cli import app; app()", "run", str(setup.inputs), "--out", str(out),
               "--config", str(setup.config), *executor, *more]  # fmt: skip
    with open(log, "w") as stderr:
        process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=stderr)
    STARTED.append(process)
    return Run(process, out, log)


def files(out: Path, pattern: str = "*.md") -> dict[str, str]:
    text = {p.name: p.read_text(encoding="utf-8") for p in sorted(out.glob(pattern))}
    # The sidecar records when it was written; nothing else may differ.
    return {name: re.sub(r'"generated_at": "[^"]+"', "", t) for name, t in text.items()}


def same_briefs(out: Path, reference: Path) -> None:
    assert files(out) == files(reference)
    assert files(out, "*.json") == files(reference, "*.json")


TRANSLATED = r"(\d+) sentences translated"
RETRIED = r"; (\d+) worker calls? retried after a worker died"


def per_node(finished: Finished) -> dict[str, int]:
    found = re.search(r"; articles per node: (.+)$", finished.closing())
    pairs = (item.rsplit(" ", 1) for item in found.group(1).split(", ")) if found else ()
    return {node: int(n) for node, n in pairs}


@pytest.fixture(scope="module")
def local(setup) -> tuple[Path, Finished]:
    """A clean local run of the same pages: what every cluster run must match, byte for byte."""
    run = start(setup, None, "local", "--quiet")
    finished = run.finish()
    assert finished.code == 0, finished.lines
    assert len(files(run.out)) == ARTICLES + 1  # and index.md
    return run.out, finished


def test_two_nodes_share_the_work_and_write_the_briefs_a_local_run_writes(setup, cluster, local):
    run = start(setup, cluster, "two-nodes", "--quiet", "--workers", "2")
    finished = run.finish()
    assert finished.code == 0, finished.lines
    assert finished.said() == [finished.closing()]
    same_briefs(run.out, local[0])
    # Each node found the model in its own cache, and each did part of the run.
    counts = per_node(finished)
    assert sorted(counts) == cluster.names() and all(counts.values())
    assert sum(counts.values()) == ARTICLES


def test_a_killed_worker_is_restarted_and_its_call_sent_again(setup, cluster, local):
    run = start(setup, cluster, "killed", "--verbose", "--workers", "2")
    run.first_brief()
    pids = [int(p) for p in re.findall(r"^briefs: ray worker \d+ on node node-\d+, pid (\d+)$", "\n".join(run.lines()), re.M)]
    assert len(pids) == 2
    os.kill(random.choice(pids), signal.SIGKILL)
    finished = run.finish()
    assert finished.code == 0, finished.lines
    same_briefs(run.out, local[0])
    assert finished.number(RETRIED) >= 1, finished.closing()
    assert not [line for line in finished.said() if "failed" in line]


def test_a_lost_node_leaves_the_run_to_the_other(setup, cluster, local):
    run = start(setup, cluster, "lost-node", "--quiet", "--workers", "2")
    run.first_brief()
    cluster.remove(random.choice(cluster.names()))
    finished = run.finish()
    assert finished.code == 0, finished.lines
    assert finished.said() == [finished.closing()]
    same_briefs(run.out, local[0])
    assert finished.number(RETRIED) >= 1, finished.closing()


def test_with_no_node_left_the_run_stops_and_the_next_resumes(setup, cluster, local):
    run = start(setup, cluster, "no-node", "--quiet", "--workers", "2")
    run.first_brief()
    for name in cluster.names():
        cluster.remove(name)
    stopped = run.finish()
    written = files(run.out)
    assert stopped.code == 1, stopped.lines
    assert stopped.said() == [STOPPED.format(len(written))]
    assert 0 < len(written) < ARTICLES and "index.md" not in written
    assert written.items() <= files(local[0]).items()  # what was finished is whole

    cluster.top_up(2)  # the nodes are back
    resumed = start(setup, cluster, "no-node", "--quiet", "--workers", "2").finish()
    assert resumed.code == 0, resumed.lines
    same_briefs(run.out, local[0])
    assert resumed.number(TRANSLATED) < local[1].number(TRANSLATED)  # the finished part came from the cache


def test_a_node_with_another_model_is_refused_before_any_work_is_sent(setup, cluster):
    odd = cluster.add(setup.other_hf)  # a third node, whose cache holds other weights under the same name
    try:
        run = start(setup, cluster, "other-model", "--quiet", "--workers", "3")
        finished = run.finish()
    finally:
        cluster.remove(odd)
    assert finished.code == 2, finished.lines
    [line] = finished.lines
    found = re.fullmatch(r"briefs: a Ray worker on node (\S+) resolved (\S+) where the driver resolved (\S+): .*", line)
    assert found, line
    assert found.group(1) == odd
    node_model, driver_model = found.group(2), found.group(3)
    assert node_model != driver_model
    assert node_model.startswith("engine:marian|model:opus-mt-zh-en@") and driver_model.startswith("engine:marian|model:opus-mt-zh-en@")
    assert not run.out.exists()  # no brief, and no empty folder left
