"""What a run is made of: one Briefer on every path, and run-wide outputs that are one class in a list."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from runkit import add_tally, interrupt_at_write
from typer.testing import CliRunner

import briefs.pipeline.briefer
from briefs.cli import app
from briefs.config import load_config
from briefs.pipeline.briefer import Briefer
from briefs.pipeline.tools import Options
from briefs.read import read_path
from briefs.run.ray_worker import RecordingCache, Worker

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
# Two pages, one article each: two documents, so the document numbers are seen.
PAGES = ("002_905d623c25074e70.txt", "003_2a1c0b8050bb07fb.txt")
runner = CliRunner()


@pytest.fixture
def workspace(tmp_path, monkeypatch):
    """The offline gloss engine, a private cache, two pages as input."""
    monkeypatch.setenv("BRIEFS_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "briefs.toml").write_text('[translator]\nengine = "gloss"\n')
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name in PAGES:
        shutil.copy(SEEDS / name, inputs / name)
    return tmp_path, inputs


def run(tmp: Path, inputs: Path, out: str):
    return runner.invoke(app, ["run", str(inputs), "--out", str(tmp / out), "--config", str(tmp / "briefs.toml"), "--quiet"])


def brief_names(out: Path) -> list[str]:
    return sorted(p.name for p in out.glob("*.md") if p.name != "index.md")


def test_a_run_wide_output_added_to_the_list_gets_every_brief_and_is_finished_once(workspace, monkeypatch):
    tmp, inputs = workspace
    made = add_tally(monkeypatch)
    result = run(tmp, inputs, "out")
    assert result.exit_code == 0, result.stderr
    [tally] = made
    written = brief_names(tmp / "out")
    assert len(written) == 2
    assert sorted(name for _, _, name in tally.added) == written  # each brief once
    assert sorted((doc, index) for doc, index, _ in tally.added) == [(0, 1), (1, 1)]
    assert tally.finished == 1
    assert (tmp / "out" / "tally.txt").read_text(encoding="utf-8") == "".join(f"{n}\n" for n in written)
    index = (tmp / "out" / "index.md").read_text(encoding="utf-8")  # the first output of the list is still there
    assert all(f"](<{name}>)" in index for name in written)


def test_a_run_wide_output_is_finished_with_every_brief_in_the_folder_earlier_runs_too(workspace, monkeypatch):
    tmp, inputs = workspace
    (inputs / PAGES[1]).rename(tmp / PAGES[1])
    assert run(tmp, inputs, "out").exit_code == 0  # the first page alone
    (tmp / PAGES[1]).rename(inputs / PAGES[1])
    (inputs / PAGES[0]).unlink()
    made = add_tally(monkeypatch)
    assert run(tmp, inputs, "out").exit_code == 0  # the second page alone, into the same folder
    [tally] = made
    assert len(tally.added) == 1  # this run's brief
    assert tally.in_folder == brief_names(tmp / "out") and len(tally.in_folder) == 2  # the folder's


def test_a_run_that_stops_short_finishes_no_run_wide_output(workspace, monkeypatch):
    tmp, inputs = workspace
    made = add_tally(monkeypatch)
    interrupt_at_write(monkeypatch, 2)
    stopped = run(tmp, inputs, "out")
    assert stopped.exit_code == 130
    [tally] = made
    assert len(tally.added) == 1 and tally.finished == 0
    assert not (tmp / "out" / "tally.txt").exists() and not (tmp / "out" / "index.md").exists()


@pytest.fixture
def tools_built(monkeypatch) -> list:
    """The cache each Briefer built its tools over, in order: the real tools, only watched."""
    built, real = [], briefs.pipeline.briefer.make_tools

    def watched(config, warn, cache=None):
        built.append(cache)
        return real(config, warn, cache)

    monkeypatch.setattr(briefs.pipeline.briefer, "make_tools", watched)
    return built


def test_a_local_run_builds_its_tools_once_through_the_briefer(workspace, tools_built):
    tmp, inputs = workspace
    assert run(tmp, inputs, "out").exit_code == 0
    assert tools_built == [None]  # once for the run, over the user's cache


def test_a_ray_worker_builds_its_tools_through_the_briefer_over_its_recording_cache(workspace, tools_built):
    tmp, inputs = workspace
    config = load_config(tmp / "briefs.toml")
    worker = Worker(config, str(tmp / "cache" / "cache.sqlite3"), Options(full=True))
    assert tools_built == []  # creating an actor does no work
    briefer = worker.briefer
    assert isinstance(briefer, Briefer) and briefer.options == Options(full=True)
    assert tools_built == [worker.cache] and isinstance(worker.cache, RecordingCache)
    assert briefer.tools.translator.cache is worker.cache
    assert worker.briefer is briefer and len(tools_built) == 1  # built once per worker
    # The worker's briefer makes the brief the API's makes from the same config.
    doc = read_path(inputs / PAGES[0])
    assert briefer.brief_articles([(doc, 0)]) == Briefer(config, Options(full=True)).brief(doc)
