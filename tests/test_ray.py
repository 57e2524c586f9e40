"""`briefs run --executor ray`: the same briefs as a local run, from Ray workers.

One local Ray instance (2 CPUs) serves the whole module; the stub Marian model
(it copies its input) keeps the model work small.
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pytest
from runkit import add_tally, interrupt_at_write
from typer.testing import CliRunner

import briefs.run.on_ray
from briefs.cli import app
from briefs.read import read_path

ray = pytest.importorskip("ray")

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
# Three pages, seven articles: several documents, so results can arrive out of order.
PAGES = ("001_4d09f2e1bb6c8703.txt", "002_905d623c25074e70.txt", "003_2a1c0b8050bb07fb.txt")
runner = CliRunner()


@pytest.fixture(scope="module", autouse=True)
def ray_instance():
    # "local": never the simulated cluster that test_ray_faults.py may have left its address for.
    ray.init(address="local", num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


@pytest.fixture(scope="module")
def setup(tmp_path_factory, stub_marian_dir):
    tmp = tmp_path_factory.mktemp("ray")
    inputs = tmp / "in"
    inputs.mkdir()
    for name in PAGES:
        shutil.copy(SEEDS / name, inputs / name)
    config = tmp / "briefs.toml"
    config.write_text(f'[translator]\nengine = "marian"\nmodel = "{stub_marian_dir}"\nbeams = 1\nthreads = 1\n')
    return tmp, config, inputs


@pytest.fixture(scope="module")
def quick(tmp_path_factory, stub_marian_dir):
    """One page of five articles, guard off: for the tests about faults, not about output."""
    tmp = tmp_path_factory.mktemp("ray-quick")
    inputs = tmp / "in"
    inputs.mkdir()
    shutil.copy(SEEDS / PAGES[0], inputs / PAGES[0])
    config = tmp / "briefs.toml"
    config.write_text(f'[translator]\nengine = "marian"\nmodel = "{stub_marian_dir}"\nbeams = 1\nthreads = 1\n[guard]\nenabled = false\n')
    return tmp, config, inputs


def run(setup, out: str, cache: str, *more: str):
    tmp, config, inputs = setup
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BRIEFS_CACHE_DIR", str(tmp / cache))
        return runner.invoke(app, ["run", str(inputs), "--out", str(tmp / out), "--config", str(config), "--quiet", *more])


def files(out: Path, pattern: str) -> dict[str, str]:
    text = {p.name: p.read_text(encoding="utf-8") for p in sorted(out.glob(pattern))}
    # The sidecar records when it was written; nothing else may differ.
    return {name: re.sub(r'"generated_at": "[^"]+"', "", t) for name, t in text.items()}


def translated(result) -> int:
    return int(re.search(r"(\d+) sentences translated", result.stderr).group(1))


@pytest.fixture(scope="module")
def both_runs(setup):
    local = run(setup, "local", "cache-local", "--executor", "local")
    on_ray = run(setup, "ray", "cache-ray", "--executor", "ray", "--workers", "2")
    assert local.exit_code == 0, local.stderr
    assert on_ray.exit_code == 0, on_ray.stderr
    return setup[0], local, on_ray


def test_ray_briefs_are_byte_identical_to_local_ones(both_runs):
    tmp, local, on_ray = both_runs
    assert len(files(tmp / "ray", "*.md")) == 7 + 1  # seven briefs and the index
    assert files(tmp / "ray", "*.md") == files(tmp / "local", "*.md")
    assert files(tmp / "ray", "figures.csv") == files(tmp / "local", "figures.csv") != {}
    assert files(tmp / "ray", "*.json") == files(tmp / "local", "*.json")
    # A sentence two pages share may be translated by two workers at once; locally the second page finds it cached.
    assert translated(on_ray) >= translated(local) > 0
    # One node, the local instance's, briefed every article.
    assert re.search(r"; articles per node: \S+ 7$", on_ray.stderr.strip())


def test_a_second_ray_run_does_no_model_work_and_never_reaches_ray(both_runs, setup, monkeypatch):
    tmp, _, _ = both_runs

    def no_cluster(*args):
        raise AssertionError("a fully cached run must not contact Ray")

    monkeypatch.setattr(briefs.run.on_ray, "connect", no_cluster)
    again = run(setup, "ray-again", "cache-ray", "--executor", "ray")
    assert again.exit_code == 0, again.stderr
    assert translated(again) == 0 and "7 briefs written" in again.stderr
    assert files(tmp / "ray-again", "*.md") == files(tmp / "local", "*.md")


def test_an_article_that_fails_is_named_once_and_the_rest_are_written(quick, monkeypatch):
    tmp, _, inputs = quick
    chosen = read_path(inputs / PAGES[0]).articles[2].title

    def failing_briefer(config, options, cache):
        # Runs in the worker: the real engines, with a translator that breaks on one article's title.
        import dataclasses

        import briefs.run.on_ray as executors

        class Breaks:
            def __init__(self, inner):
                self.inner, self.identity = inner, inner.identity

            def translate(self, sentences):
                if chosen in sentences:
                    raise RuntimeError("the model gave up")
                return self.inner.translate(sentences)

        briefer = executors.worker_briefer(config, options, cache)
        tools = briefer.load()
        broken = dataclasses.replace(tools.translator, inner=Breaks(tools.translator.inner))
        return briefer.with_tools(dataclasses.replace(tools, translator=broken))

    monkeypatch.setattr(briefs.run.on_ray, "worker_briefer", failing_briefer)
    result = run(quick, "failing", "cache-failing", "--executor", "ray")
    assert result.exit_code == 1
    failed = [line for line in result.stderr.splitlines() if line.startswith("briefs: failed")]
    assert failed == [f"briefs: failed {inputs / PAGES[0]} article 3: RuntimeError: the model gave up"]
    briefs_written = [p.name for p in (tmp / "failing").glob("*.md") if p.name != "index.md"]
    assert len(briefs_written) == 4 and not any("-03-" in name for name in briefs_written)
    assert "4 briefs written" in result.stderr and "1 articles failed" in result.stderr


def test_an_interrupted_ray_run_leaves_whole_briefs_and_resumes(quick, monkeypatch):
    tmp, _, _ = quick
    whole = run(quick, "whole", "cache-whole", "--executor", "local")
    real = interrupt_at_write(monkeypatch, 3)
    stopped = run(quick, "stopped", "cache-stopped", "--executor", "ray")
    assert stopped.exit_code == 130
    assert len(list((tmp / "stopped").glob("*.md"))) == 2 and not list((tmp / "stopped").glob(".*"))
    monkeypatch.setattr(briefs.run.output, "write_brief", real)
    resumed = run(quick, "stopped", "cache-stopped", "--executor", "local")
    assert whole.exit_code == resumed.exit_code == 0
    assert translated(resumed) < translated(whole)  # the finished part came from the cache
    assert files(tmp / "stopped", "*.md") == files(tmp / "whole", "*.md")


def test_a_run_wide_output_gets_every_brief_a_ray_run_writes_and_is_finished_once(quick, monkeypatch):
    tmp, _, _ = quick
    made = add_tally(monkeypatch)
    result = run(quick, "tallied", "cache-tallied", "--executor", "ray")
    assert result.exit_code == 0, result.stderr
    [tally] = made
    written = sorted(p.name for p in (tmp / "tallied").glob("*.md") if p.name != "index.md")
    assert len(written) == 5 and sorted(name for _, _, name in tally.added) == written
    assert tally.finished == 1 and (tmp / "tallied" / "tally.txt").exists()


def test_without_ray_installed_the_error_says_how_to_install_it(setup, monkeypatch):
    monkeypatch.setitem(sys.modules, "ray", None)
    result = run(setup, "no-ray", "cache-no-ray", "--executor", "ray")
    assert result.exit_code == 2
    assert result.stderr == "briefs: the ray executor needs Ray: pip install 'briefs[ray]'\n"
