"""A model the user names must be there: only the default model falls back to an offline engine.

`make run` on a fresh, offline machine still gives gloss briefs (with a note), but
`--model`, or a model in briefs.toml, that cannot be found stops the run before
any brief is written: the user asked for that model, not for a gloss.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefs.cli import app

SEED = Path(__file__).resolve().parent.parent / "seeds" / "004_784ca2f8b721edea.txt"
runner = CliRunner()


@pytest.fixture
def page(tmp_path, monkeypatch, cache_with_dictionary) -> Path:
    """One short page, a private cache, and a Hugging Face cache that holds no model."""
    monkeypatch.setenv("BRIEFS_CACHE_DIR", str(cache_with_dictionary(tmp_path / "cache")))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setattr("huggingface_hub.constants.HF_HUB_CACHE", str(tmp_path / "hf-cache"))
    monkeypatch.chdir(tmp_path)  # no ./briefs.toml but the tests' own
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "page.txt").write_text("# 喀左经济开发区跻身全省十佳\n\n本报讯 截至2022年末,共签约落地项目21个,协议投资额28.72亿元。\n", encoding="utf-8")
    return inputs


def run(inputs: Path, *more: str):
    return runner.invoke(app, ["run", str(inputs), "--out", str(inputs.parent / "out"), *more])


def briefs_written(inputs: Path) -> list[Path]:
    return sorted((inputs.parent / "out").glob("*.md"))


def config_file(inputs: Path, text: str) -> str:
    path = inputs.parent / "named.toml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def one_line(result) -> str:
    [line] = result.stderr.strip().splitlines()
    return line


# What the user typed or wrote → what the one line must say: the model, and where briefs looked.
NAMED = [
    (["--translator", "marian", "--model", "/nonexistent"], ["translator.model = /nonexistent", "no such directory"]),
    (["--model", "org/absent-model"], ["model org/absent-model is not available", "not a local directory",
                                       "not in the Hugging Face cache", "HF_HUB_OFFLINE is set"]),
    (["--translator", "ctranslate2", "--model", "/nonexistent"], ["translator.model = /nonexistent", "no such directory"]),
    ('[translator]\nmodel = "/nowhere/opus-mt-zh-en"\n', ["translator.model = /nowhere/opus-mt-zh-en", "no such directory"]),
    ('[translator]\nmodel = "org/absent-model"\n', ["model org/absent-model is not available", "Hugging Face cache"]),
    ('[summarizer]\nengine = "seq2seq"\nmodel = "org/absent-summarizer"\n', ["model org/absent-summarizer is not available",
                                                                           "summarizer.model"]),
]  # fmt: skip


@pytest.mark.parametrize(
    "named, says",
    NAMED,
    ids=["path-on-command-line", "hub-id-on-command-line", "ctranslate2-on-command-line", "path-in-briefs-toml",
         "hub-id-in-briefs-toml", "summary-model-in-briefs-toml"],
)  # fmt: skip
def test_a_missing_model_the_user_named_stops_the_run_in_one_line(page, named, says):
    arguments = named if isinstance(named, list) else ["--config", config_file(page, named)]
    result = run(page, *arguments)
    assert result.exit_code == 2, result.stderr
    line = one_line(result)
    assert line.startswith("briefs: ") and all(part in line for part in says), line
    assert briefs_written(page) == []


def test_the_same_in_the_briefs_toml_of_the_working_directory(page):
    (page.parent / "briefs.toml").write_text('[translator]\nmodel = "/nonexistent"\n', encoding="utf-8")
    result = run(page)
    assert result.exit_code == 2 and "translator.model = /nonexistent: no such directory" in one_line(result)
    assert briefs_written(page) == []


def test_the_default_model_missing_falls_back_to_the_gloss_with_one_note(page):
    result = run(page, "--quiet")
    assert result.exit_code == 0, result.stderr
    notes = [line for line in result.stderr.splitlines() if "Helsinki-NLP/opus-mt-zh-en" in line]
    assert len(notes) == 1 and "gloss engine used instead of marian" in notes[0]
    [brief] = [b for b in briefs_written(page) if b.name != "index.md"]
    assert "> **Note:** translator: gloss engine used instead of marian, as model Helsinki-NLP/opus-mt-zh-en is not available" in brief.read_text()


def test_the_default_summary_model_missing_falls_back_to_extractive(page):
    named = config_file(page, '[summarizer]\nengine = "seq2seq"\n')
    result = run(page, "--quiet", "--translator", "gloss", "--config", named)
    assert result.exit_code == 0, result.stderr
    assert "summarizer: extractive engine used instead of seq2seq" in result.stderr


@pytest.mark.parametrize(
    "settings, model",
    [('[translator]\nmodel = "/nowhere/model"\nfallback = "gloss"\n', []),
     ('[translator]\nfallback = "gloss"\n', ["--model", "/nowhere/model"])],
    ids=["both-in-briefs-toml", "fallback-in-briefs-toml-model-on-command-line"],
)  # fmt: skip
def test_a_named_model_falls_back_when_the_user_also_asked_for_a_fallback(page, settings, model):
    result = run(page, "--quiet", "--config", config_file(page, settings), *model)
    assert result.exit_code == 0, result.stderr
    assert "translator: gloss engine used instead of marian, as model /nowhere/model is not available" in result.stderr
    assert any(b.name.startswith("page-01-") for b in briefs_written(page))


def test_models_list_no_longer_promises_a_fallback_for_a_named_model(page):
    listed = runner.invoke(app, ["models", "list", "--config", config_file(page, '[translator]\nmodel = "org/absent-model"\n')])
    assert listed.exit_code == 0
    [translator] = [line for line in listed.output.splitlines() if "org/absent-model" in line]
    assert "briefs models download org/absent-model" in translator and "stands in" not in translator
