"""`briefs run`: what users run every day. Briefs, sidecars, index; cache, resume, bad input."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

import briefs.run.output
from briefs.cli import app
from runkit import interrupt_at_write

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "004_784ca2f8b721edea.txt"
GOLDEN = Path(__file__).parent / "golden" / "briefs"
runner = CliRunner()


def _setup(tmp: Path, translator: str) -> tuple[Path, Path, Path]:
    config = tmp / "briefs.toml"
    config.write_text(f"[translator]\n{translator}\n")
    inputs = tmp / "in"
    inputs.mkdir()
    shutil.copy(SEED, inputs / SEED.name)
    return tmp, config, inputs


@pytest.fixture(scope="module")
def stub_run(tmp_path_factory, stub_marian_dir, cache_with_dictionary):
    """One run of the stub Marian model (it copies its input) over one seed, shared by the tests that read it."""
    # The guard is off here so the goldens show the model's own path; test_guard_in_a_run covers it.
    settings = f'engine = "marian"\nmodel = "{stub_marian_dir}"\nbeams = 1\nmax_new_tokens = 160\n[guard]\nenabled = false'
    tmp, config, inputs = _setup(tmp_path_factory.mktemp("stub-run"), settings)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BRIEFS_CACHE_DIR", str(cache_with_dictionary(tmp / "cache")))
        result = run(config, inputs, tmp / "out")
    assert result.exit_code == 0, result.stderr
    return tmp, result


@pytest.fixture
def workspace(tmp_path, monkeypatch, cache_with_dictionary):
    """The offline gloss engine (fast), a private cache, and one seed as input.

    Caching, resuming and input handling wrap any engine alike, so they are tested on the fast one.
    """
    monkeypatch.setenv("BRIEFS_CACHE_DIR", str(cache_with_dictionary(tmp_path / "cache")))
    return _setup(tmp_path, 'engine = "gloss"')


def run(config: Path, inputs: Path, out: Path, *more: str):
    return runner.invoke(app, ["run", str(inputs), "--out", str(out), "--config", str(config), "--quiet", *more])


def markdown(out: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(out.glob("*.md"))}


def test_one_brief_per_article_with_sidecars_and_an_index(stub_run):
    tmp, result = stub_run
    briefs = sorted((tmp / "out").glob("004_*.md"))
    assert len(briefs) == 7
    assert all(b.with_suffix(".json").exists() for b in briefs)
    index = (tmp / "out" / "index.md").read_text()
    assert all(f"](<{b.name}>)" in index for b in briefs)
    assert "7 briefs written, 0 files skipped" in result.stderr


def test_briefs_match_the_reviewed_goldens(stub_run):
    """Golden briefs from the stub model (it copies its input) for one seed; BRIEFS_UPDATE_GOLDEN=1 rewrites them."""
    tmp, _ = stub_run
    produced = {name: text.replace(str(tmp), "<tmp>") for name, text in markdown(tmp / "out").items()}
    if os.environ.get("BRIEFS_UPDATE_GOLDEN"):
        shutil.rmtree(GOLDEN, ignore_errors=True)
        GOLDEN.mkdir(parents=True)
        for name, text in produced.items():
            (GOLDEN / name).write_text(text, encoding="utf-8")
    golden = {p.name: p.read_text(encoding="utf-8") for p in sorted(GOLDEN.glob("*.md"))}
    assert produced == golden


def test_sidecar_schema(stub_run):
    tmp, _ = stub_run
    sidecar = json.loads(next((tmp / "out").glob("004_*-01-*.json")).read_text())
    assert {"source_file", "article_index", "title_zh", "title_en", "summary", "sections", "figures", "engines", "warnings", "generated_at"} <= set(sidecar)
    assert sidecar["article_index"] == 1 and sidecar["title_zh"] == "培育优势产业 再造发展引擎"
    assert all({"zh", "en", "paragraph"} <= set(item) for item in sidecar["summary"])
    assert sidecar["figures"] and all({"source", "value", "unit", "english", "sentence"} <= set(f) for f in sidecar["figures"])
    assert sidecar["engines"]["translator"]["engine"] == "marian" and sidecar["engines"]["fallback_used"] is False
    assert sidecar["engines"]["summarizer"]["engine"] == "extractive"


def test_two_runs_write_byte_identical_briefs(workspace, cache_with_dictionary):
    tmp, config, inputs = workspace
    run(config, inputs, tmp / "a")
    shutil.rmtree(tmp / "cache")
    cache_with_dictionary(tmp / "cache")  # no translation cached; the dictionary is not what is tested
    run(config, inputs, tmp / "b")
    assert markdown(tmp / "a") == markdown(tmp / "b")


def translated(result) -> int:
    return int(re.search(r"(\d+) sentences translated", result.stderr).group(1))


def test_a_second_run_does_no_model_work(workspace):
    tmp, config, inputs = workspace
    first = run(config, inputs, tmp / "out")
    second = run(config, inputs, tmp / "out")
    assert translated(first) > 100
    assert translated(second) == 0
    assert "7 briefs written" in second.stderr


def test_an_interrupted_run_resumes_to_the_same_briefs(workspace, monkeypatch, cache_with_dictionary):
    tmp, config, inputs = workspace
    run(config, inputs, tmp / "whole")
    shutil.rmtree(tmp / "cache")
    cache_with_dictionary(tmp / "cache")

    real = interrupt_at_write(monkeypatch, 4)
    stopped = run(config, inputs, tmp / "out")
    assert stopped.exit_code == 130
    assert "interrupted" in stopped.stderr
    assert len(list((tmp / "out").glob("*.md"))) == 3  # finished briefs kept, no index yet
    assert not list((tmp / "out").glob(".*"))  # no half-written file left behind

    monkeypatch.setattr(briefs.run.output, "write_brief", real)
    resumed = run(config, inputs, tmp / "out")
    assert resumed.exit_code == 0
    assert markdown(tmp / "out") == markdown(tmp / "whole")


def test_bad_files_are_named_once_and_the_batch_goes_on(workspace):
    tmp, config, inputs = workspace
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (inputs / "english.md").write_text("Only English.\n")
    result = run(config, inputs, tmp / "out")
    assert result.exit_code == 1
    for name, reason in (("empty.txt", "empty file"), ("binary.txt", "binary file"), ("english.md", "no Chinese text")):
        lines = [line for line in result.stderr.splitlines() if name in line]
        assert len(lines) == 1 and reason in lines[0]
    assert "Traceback" not in result.stderr
    assert len(list((tmp / "out").glob("004_*.md"))) == 7


@pytest.mark.parametrize("encoding", ["gb18030", "utf-8-sig"], ids=str)
def test_other_encodings_give_the_same_briefs(workspace, encoding):
    tmp, config, inputs = workspace
    run(config, inputs, tmp / "utf8")
    (inputs / SEED.name).write_bytes(SEED.read_text(encoding="utf-8").encode(encoding))
    run(config, inputs, tmp / "other")
    assert markdown(tmp / "utf8") == markdown(tmp / "other")


def test_an_unwritable_output_folder_fails_before_any_model_loads(workspace):
    tmp, _, inputs = workspace
    blocker = tmp / "file"
    blocker.write_text("x")
    config = tmp / "missing-model.toml"
    config.write_text('[translator]\nmodel = "/nowhere/model"\nfallback = ""\n')
    result = run(config, inputs, blocker / "out")
    assert result.exit_code == 2
    assert "cannot write to the output folder" in result.stderr and "/nowhere/model" not in result.stderr


def test_a_missing_model_falls_back_to_gloss_and_says_so_once_and_in_every_brief(workspace):
    tmp, _, inputs = workspace
    config = tmp / "missing-model.toml"
    config.write_text('[translator]\nmodel = "/nowhere/opus-mt-zh-en"\nfallback = "gloss"\n')
    result = run(config, inputs, tmp / "out")
    assert result.exit_code == 0, result.stderr
    assert len([line for line in result.stderr.splitlines() if "/nowhere/opus-mt-zh-en" in line]) == 1
    for text in markdown(tmp / "out").values():
        if text.startswith("# Briefs"):
            continue
        assert "> **Note:** translator: gloss engine used instead of marian, as model /nowhere/opus-mt-zh-en is not available\n" in text
        assert "word-by-word dictionary gloss" in text


def test_guard_in_a_run_replaces_output_left_in_chinese_with_a_marked_gloss(tmp_path, monkeypatch, stub_marian_dir, cache_with_dictionary):
    """The stub copies its input: every line is Chinese left untranslated, so the guard must catch it."""
    monkeypatch.setenv("BRIEFS_CACHE_DIR", str(cache_with_dictionary(tmp_path / "cache")))
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "page.txt").write_text("# 喀左经济开发区跻身全省十佳\n\n本报讯 截至2022年末,共签约落地项目21个,协议投资额28.72亿元。\n", encoding="utf-8")
    config = tmp_path / "briefs.toml"
    config.write_text(f'[translator]\nengine = "marian"\nmodel = "{stub_marian_dir}"\nbeams = 1\n')
    assert run(config, inputs, tmp_path / "out").exit_code == 0
    sidecar = json.loads(next((tmp_path / "out").glob("page-01-*.json")).read_text())
    assert sidecar["guard_fallbacks"] >= 2 and all(item["fallback"] for item in sidecar["summary"])
    assert "2.872 billion yuan" in sidecar["summary"][0]["en"]
    brief = next((tmp_path / "out").glob("page-01-*.md")).read_text()
    assert "†" in brief and "guard fallbacks: " in brief
