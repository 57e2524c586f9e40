"""`briefs eval`: each engine scored with sacrebleu on a line-aligned test set, side by side."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import sacrebleu
from typer.testing import CliRunner

from briefs.cli import app
from briefs.config import load_config
from briefs.errors import BriefsError
from briefs.eval.evaluate import evaluate
from briefs.eval.scores import ROW_KEYS, chinese_left, corpus_scores, figures_read, read_test_set

runner = CliRunner()

# A test set of our own: a place from the built-in glossary, money, a count, a percent, a plain sentence.
SOURCE = ["喀左县投资28.72亿元。", "签约项目21个。", "他表示支持。", "今年经济增长6.2%。", "我们在北京。"]
REFERENCE = [
    "Kazuo County invested 2.872 billion yuan.",
    "21 projects were signed.",
    "He said he supports it.",
    "The economy grew 6.2% this year.",
    "We are in Beijing.",
]
STUB = '[translator]\nengine = "marian"\nmodel = "{model}"\nbeams = 1\nmax_new_tokens = 160\n'


@pytest.fixture(scope="module", autouse=True)
def private_cache(tmp_path_factory, cache_with_dictionary):
    """The dictionary's disk cache and any translation cache stay in a temporary folder."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BRIEFS_CACHE_DIR", str(cache_with_dictionary(tmp_path_factory.mktemp("cache"))))
        yield


@pytest.fixture(scope="module")
def test_set(tmp_path_factory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("test-set")
    (folder / "set.zh").write_text("\n".join(SOURCE) + "\n", encoding="utf-8")
    (folder / "set.en").write_text("\n".join(REFERENCE) + "\n", encoding="utf-8")
    return folder / "set.zh", folder / "set.en"


def stub_config(tmp_path: Path, model_dir: Path, guard: bool = True):
    path = tmp_path / "briefs.toml"
    path.write_text(STUB.format(model=model_dir) + ("" if guard else "[guard]\nenabled = false\n"), encoding="utf-8")
    return load_config(path)


@pytest.fixture(scope="module")
def gloss_raw():
    return evaluate(SOURCE, REFERENCE, load_config(None), ["gloss"], raw=True)


def eval_cli(test_set, *more: str):
    src, ref = test_set
    return runner.invoke(app, ["eval", "--src", str(src), "--ref", str(ref), *more])


# --- the scores are sacrebleu's ---------------------------------------------------------------

@pytest.mark.parametrize(
    "hypotheses, references",
    [
        (["The cat sat on the mat."], ["The cat sat on the mat."]),
        (["a cat on a mat", "dogs bark"], ["The cat is on the mat.", "The dog barks."]),
        (["", "something"], ["A sentence.", "something else"]),
    ],
    ids=["identical", "partial", "empty-hypothesis"],
)
def test_scores_are_sacrebleus_own(hypotheses, references):
    chrf, bleu, signatures = corpus_scores(hypotheses, references)
    assert chrf == sacrebleu.corpus_chrf(hypotheses, [references]).score
    assert bleu == sacrebleu.corpus_bleu(hypotheses, [references]).score
    assert signatures["chrf"].startswith("nrefs:1|") and f"version:{sacrebleu.__version__}" in signatures["chrf"]
    assert "tok:13a" in signatures["bleu"]


def test_an_engine_row_scores_its_own_output_with_sacrebleu(gloss_raw):
    (row,) = gloss_raw.rows
    english = gloss_raw.hypotheses["gloss"]
    assert row.chrf == sacrebleu.corpus_chrf(english, [REFERENCE]).score
    assert row.bleu == sacrebleu.corpus_bleu(english, [REFERENCE]).score
    assert row.chrf > 20  # a gloss shares words with the reference


# --- what a reader would notice ----------------------------------------------------------------

@pytest.mark.parametrize(
    "hypotheses, expected",
    [(["all English", "还有中文 left", "𠀀"], 2), ([], 0), ([""], 0)],
    ids=["counts-lines-with-han", "nothing", "empty-line"],
)
def test_chinese_left_counts_lines_with_han_characters(hypotheses, expected):
    assert chinese_left(hypotheses) == expected


@pytest.mark.parametrize(
    "sources, hypotheses, expected",
    [
        (["投资28.72亿元，增长6.2%。"], ["Invested 2.872 Billion Yuan, up 6.2%."], (2, 2)),
        (["投资28.72亿元，增长6.2%。"], ["Invested 28.72 yi yuan, up 6.2%."], (1, 2)),
        (["3月23日，他说。"], ["On March 23, he said."], (0, 0)),
    ],
    ids=["all-read-any-case", "one-lost", "dates-are-not-key-figures"],
)
def test_figure_fidelity_is_the_share_of_key_figures_read_in_english(sources, hypotheses, expected):
    assert figures_read(sources, hypotheses) == expected


def test_the_gloss_reads_every_figure_and_leaves_no_chinese(gloss_raw):
    (row,) = gloss_raw.rows
    assert (row.chinese_left, row.figures, row.figure_fidelity) == (0, 3, 1.0)
    assert row.segments_per_second > 0 and row.mode == "raw"


def test_the_stub_model_copies_chinese_which_raw_scoring_shows(tmp_path, stub_marian_dir):
    result = evaluate(SOURCE, REFERENCE, stub_config(tmp_path, stub_marian_dir), ["marian"], raw=True)
    (row,) = result.rows
    assert row.chinese_left == len(SOURCE)
    # 21 and 6.2% read alike in both languages; 28.72亿元 is not "2.872 billion yuan".
    assert row.figure_fidelity == pytest.approx(2 / 3)
    assert (row.figure_repairs, row.glossary_repairs, row.guard_fallbacks) == (0, 0, 0)


def test_the_guard_replaces_copied_chinese_with_the_gloss_and_counts_it(tmp_path, stub_marian_dir):
    result = evaluate(SOURCE, REFERENCE, stub_config(tmp_path, stub_marian_dir), ["marian"])
    (row,) = result.rows
    assert row.mode == "checked"
    assert row.guard_fallbacks == len(SOURCE)
    assert row.chinese_left == 0


def test_checks_repair_what_raw_scoring_leaves(tmp_path, stub_marian_dir):
    config = stub_config(tmp_path, stub_marian_dir, guard=False)
    (raw,) = evaluate(SOURCE, REFERENCE, config, ["marian"], raw=True).rows
    (checked,) = evaluate(SOURCE, REFERENCE, config, ["marian"]).rows
    assert (raw.figure_repairs, raw.glossary_repairs) == (0, 0)
    assert checked.figure_repairs >= 1  # 28.72亿元 → 2.872 billion yuan in the copied Chinese
    assert checked.glossary_repairs >= 1  # 喀左县 → Kazuo County
    assert (raw.figure_fidelity, checked.figure_fidelity) == (pytest.approx(2 / 3), 1.0)


def test_a_fresh_cache_serves_nothing_so_speed_is_measured(tmp_path):
    (row,) = evaluate(SOURCE, REFERENCE, load_config(None), ["gloss"]).rows
    assert row.cached_sentences == 0 and row.mode == "checked"


def test_the_gloss_is_deterministic(gloss_raw):
    again = evaluate(SOURCE, REFERENCE, load_config(None), ["gloss"], raw=True)
    assert again.hypotheses == gloss_raw.hypotheses
    assert again.rows[0].chrf == gloss_raw.rows[0].chrf


def test_the_gloss_engine_never_imports_torch(tmp_path):
    code = (
        "import sys; from briefs.eval.evaluate import evaluate; from briefs.config import load_config;"
        f"evaluate({SOURCE!r}, {REFERENCE!r}, load_config(None), ['gloss']);"
        "print(sorted(m for m in ('torch', 'transformers') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


# --- reading the test set --------------------------------------------------------------------

def test_limit_keeps_the_first_pairs(test_set):
    sources, references = read_test_set(*test_set, limit=2)
    assert (sources, references) == (SOURCE[:2], REFERENCE[:2])


@pytest.mark.parametrize(
    "source, reference, message",
    [
        ("一\n二\n", "one\n", "has 2 lines but"),
        ("", "", "is empty"),
        (b"\xff\xfe\x00bad", "one\n", "cannot read it as UTF-8"),
    ],
    ids=["mismatched-line-counts", "empty", "not-utf8"],
)
def test_a_bad_test_set_is_one_user_error(tmp_path, source, reference, message):
    src, ref = tmp_path / "s.zh", tmp_path / "s.en"
    src.write_bytes(source if isinstance(source, bytes) else source.encode())
    ref.write_text(reference, encoding="utf-8")
    with pytest.raises(BriefsError, match=message):
        read_test_set(src, ref)


def test_a_missing_file_is_one_line_and_exit_status_2(tmp_path, test_set):
    result = eval_cli((tmp_path / "missing.zh", test_set[1]), "--translator", "gloss")
    assert result.exit_code == 2
    assert result.stderr.startswith("briefs: ") and len(result.stderr.strip().splitlines()) == 1


# --- the command ------------------------------------------------------------------------------

def test_json_output_has_the_documented_keys(test_set):
    result = eval_cli(test_set, "--translator", "gloss", "--format", "json", "--limit", "3")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"segments", "signatures", "rows"}
    assert data["segments"] == 3 and set(data["signatures"]) == {"chrf", "bleu"}
    (row,) = data["rows"]
    assert tuple(row) == ROW_KEYS
    assert row["engine"] == "gloss" and row["identity"].startswith("engine:gloss|")


def test_several_translators_make_one_side_by_side_table(tmp_path, test_set, stub_marian_dir):
    result = eval_cli(test_set, "--translator", "gloss", "--translator", "marian", "--model", str(stub_marian_dir),
                      "--save-hyp", str(tmp_path / "hyp"), "--raw")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split()[:4] == ["engine", "mode", "chrF", "BLEU"]
    assert [line.split()[0] for line in lines[1:3]] == ["gloss", "marian"]
    assert any(line.startswith("chrF signature: nrefs:1|") for line in lines)
    assert any(line.startswith("BLEU signature: nrefs:1|") for line in lines)
    saved = {p.name: p.read_text(encoding="utf-8").splitlines() for p in (tmp_path / "hyp").iterdir()}
    assert sorted(saved) == ["gloss.en", "marian.en"]
    assert saved["marian.en"] == SOURCE  # the stub copies its input
    assert len(saved["gloss.en"]) == len(SOURCE)


def test_an_unknown_engine_is_a_user_error(test_set):
    result = eval_cli(test_set, "--translator", "nonesuch")
    assert result.exit_code == 2
    assert "nonesuch" in result.stderr and "gloss" in result.stderr
