"""The ctranslate2 engine, on the stub Marian model that copies its input.

The stub is converted with CTranslate2's own converter into a private cache
folder. A copying model makes every expectation exact, and the marian engine
on the same stub is the reference: greedy float32 output must be the same
string for string.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
import sys
import time

import pytest
from typer.testing import CliRunner

from briefs.cli import app
from briefs.config import Config, CTranslate2Settings, TranslatorConfig
from briefs.engines import build_translator, ct2
from briefs.engines.ct2 import CTranslate2Translator
from briefs.engines.marian import MarianTranslator
from briefs.errors import BriefsError
from briefs.models import converted
from briefs.models.converted import INSTALL, converted_model, converted_models

pytest.importorskip("ctranslate2", reason="pip install 'briefs[ct2]'")


@pytest.fixture(scope="module")
def module_cache(tmp_path_factory):
    """One cache folder for the tests that only translate: the stub is converted once per module."""
    with pytest.MonkeyPatch.context() as patch:
        folder = tmp_path_factory.mktemp("ct2-cache")
        patch.setenv("BRIEFS_CACHE_DIR", str(folder))
        yield folder


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    """An empty cache, and a process that has loaded nothing yet: as on a first run."""
    monkeypatch.setenv("BRIEFS_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(ct2, "_LOADED", {})
    return tmp_path / "cache" / converted.CONVERTED_DIR


def with_ct2(settings: TranslatorConfig, **own) -> TranslatorConfig:
    """``settings`` with some of ``[translator.ctranslate2]`` changed."""
    return dataclasses.replace(settings, ctranslate2=dataclasses.replace(settings.ctranslate2, **own))


@pytest.fixture(scope="module")
def settings(stub_marian_dir, module_cache) -> TranslatorConfig:
    return TranslatorConfig(engine="ctranslate2", model=str(stub_marian_dir), beams=1, max_new_tokens=128,
                            ctranslate2=CTranslate2Settings(quantization="float32"))  # fmt: skip


@pytest.fixture(scope="module")
def translator(settings) -> CTranslate2Translator:
    return CTranslate2Translator(settings)


@pytest.fixture(scope="module")
def int8_translator(settings) -> CTranslate2Translator:
    return CTranslate2Translator(with_ct2(settings, quantization="int8"))


@pytest.fixture(scope="module")
def marian(stub_marian_dir) -> MarianTranslator:
    return MarianTranslator(TranslatorConfig(model=str(stub_marian_dir), beams=1, max_new_tokens=128))


SENTENCES = {
    "title": "喀左经济开发区跻身“全省十佳”",
    "full-width": "近年来，喀左经开区在促进转变发展方式、提升对外开放水平。",
    "half-width-figures": "截至2022年末,共签约落地项目21个,协议投资额28.72亿元。",
    "latin": "The zone (KVA 150,000) opened in 2022.",
    "rare-han": "𠀀𠀁",
    "one-character": "甲",
    "empty": "",
    "blank": "   ",
}


@pytest.mark.parametrize("sentence", SENTENCES.values(), ids=SENTENCES.keys())
def test_greedy_float32_output_is_the_marian_engines_output(translator, marian, sentence):
    english = translator.translate([sentence])
    assert english == marian.translate([sentence])
    assert english == [sentence if sentence.strip() else ""]


def test_a_batch_keeps_its_order_and_matches_the_marian_engine(translator, marian):
    sentences = list(SENTENCES.values())
    assert translator.translate(sentences) == marian.translate(sentences)
    assert translator.translate(sentences[::-1]) == marian.translate(sentences[::-1])
    assert translator.translate([]) == []


def test_int8_output_against_float32(translator, int8_translator):
    sentences = [s for s in SENTENCES.values() if s.strip()]
    same = sum(a == b for a, b in zip(int8_translator.translate(sentences), translator.translate(sentences), strict=True))
    # Measured with ctranslate2 4.8.5: 5/5 here, and 194/194 FLORES lines
    # that fit the stub (benchmarks/bench_translate.py). Int8 may round
    # differently; a change beyond one line in five is a regression.
    assert same >= len(sentences) - 1


def test_int8_output_does_not_depend_on_the_rest_of_the_batch(int8_translator):
    sentences = [s for s in SENTENCES.values() if s.strip()]
    # Unlike torch's dynamic int8 (activation scales per batch), CTranslate2
    # scales each row on its own: a cached sentence is the same in any batch.
    assert int8_translator.translate(sentences) == [int8_translator.translate([s])[0] for s in sentences]


def test_parallel_batches_keep_the_order_and_the_output(settings, marian):
    # Two batches at once, each a few sentences: the split and re-join must not move a line.
    parallel = CTranslate2Translator(with_ct2(dataclasses.replace(settings, threads=2, batch_tokens=40), inter_threads=2))
    assert parallel.threads == ct2.Threads(inter=2, intra=1)
    sentences = [s for s in SENTENCES.values() if s.strip()] * 3
    assert parallel.translate(sentences) == marian.translate(sentences)


@pytest.mark.parametrize(("total", "inter", "expected"), [(1, 0, (1, 1)), (2, 0, (2, 1)), (8, 0, (2, 4)), (8, 4, (4, 2)), (2, 4, (4, 1))])
def test_threads_become_parallel_batches_of_a_share_of_the_cores(total, inter, expected):
    assert ct2.Threads.split(total, inter) == ct2.Threads(*expected)


def test_the_token_budget_is_shared_by_the_batches_that_run_at_once(settings):
    engine = CTranslate2Translator(dataclasses.replace(settings, threads=2, batch_tokens=1000))
    assert engine._options()["max_batch_size"] == 500


def test_each_engine_has_its_own_default_token_budget_and_the_config_overrides_it(settings, stub_marian_dir):
    marian = TranslatorConfig(model=str(stub_marian_dir))
    assert (MarianTranslator(marian).batch_tokens, CTranslate2Translator(settings).batch_tokens) == (1024, 320)
    assert CTranslate2Translator(dataclasses.replace(settings, batch_tokens=100)).batch_tokens == 100


def test_translation_never_imports_torch(translator, stub_marian_dir):
    translator.translate(["甲。"])  # the converted model is now in the module's cache
    # A process of its own: this one has torch loaded by the other tests.
    script = (
        "import sys\n"
        "from briefs.config import CTranslate2Settings, TranslatorConfig\n"
        "from briefs.engines.ct2 import CTranslate2Translator\n"
        f"settings = TranslatorConfig(engine='ctranslate2', model={str(stub_marian_dir)!r}, beams=1, ctranslate2=CTranslate2Settings('float32'))\n"
        "print(CTranslate2Translator(settings).translate(['喀左经开区。'])[0], 'torch' in sys.modules, 'transformers' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["喀左经开区。", "False", "False"]


def _long_sentence(punctuated: bool) -> str:
    if punctuated:
        return "".join(f"第{i}批项目开工建设" + ("，" if i % 5 else "") for i in range(400))[:3000]
    return ("喀左经济开发区跻身全省十佳" * 240)[:3000]


@pytest.mark.parametrize("punctuated", [True, False], ids=["clauses", "no-punctuation"])
def test_a_3000_character_sentence_comes_back_whole(translator, punctuated):
    sentence = _long_sentence(punctuated)
    [english] = translator.translate([sentence])
    # Pieces are translated separately and joined with spaces; none is cut.
    assert english.replace(" ", "") == sentence


@pytest.mark.parametrize("budget, cuts", [(4, 1), (12, 1), (13, 0), (128, 0)], ids=["far-short", "one-short", "exact", "ample"])
def test_outputs_stopped_by_the_length_limit_are_counted(settings, budget, cuts):
    sentence = "喀左经济开发区跻身全省十佳。"  # 12 tokens and the end token: 13 decoding steps
    engine = CTranslate2Translator(dataclasses.replace(settings, max_new_tokens=budget))
    [english] = engine.translate([sentence])
    assert engine.output_cuts == cuts
    assert english and sentence.startswith(english)  # cut short at worst, never garbled


def test_identity_is_a_readable_signature(translator):
    identity = translator.identity
    assert identity.startswith("engine:ctranslate2|model:marian@")
    assert "|quant:float32|beams:1|max_new:128|max_in:128|lp:1|nrng:0|" in identity
    assert identity.endswith("|v:0.1") and "int8:" not in identity


CHANGES = [{"ctranslate2": CTranslate2Settings(quantization="int8")}, {"beams": 3}, {"max_new_tokens": 64}, {"max_input_tokens": 50},
           {"length_penalty": 0.8}, {"no_repeat_ngram_size": 3}, {"revision": "v2"}]  # fmt: skip


@pytest.mark.parametrize("change", CHANGES, ids=[next(iter(c)) for c in CHANGES])
def test_identity_changes_with_every_setting_that_changes_output(settings, translator, change):
    assert CTranslate2Translator(dataclasses.replace(settings, **change)).identity != translator.identity


@pytest.mark.parametrize("change", [{"batch_tokens": 64}, {"threads": 1}, {"ctranslate2": CTranslate2Settings("float32", inter_threads=2)}, {"int8": True}],
                         ids=["batch", "threads", "inter-threads", "torch-int8"])  # fmt: skip
def test_identity_ignores_settings_that_do_not(settings, translator, change):
    assert CTranslate2Translator(dataclasses.replace(settings, **change)).identity == translator.identity


def test_first_use_converts_the_model_into_the_cache(settings, fresh_cache, capsys):
    assert CTranslate2Translator(settings).translate(["喀左。"]) == ["喀左。"]
    assert capsys.readouterr().err.startswith(f"briefs: converting {settings.model} to CTranslate2")
    [model] = converted_models()
    assert (model.source, model.quantization) == (settings.model, "float32")
    assert model.path.parent == fresh_cache and (model.path / "model.bin").is_file()
    assert model.bytes > 100_000
    assert [p.name for p in fresh_cache.iterdir()] == [model.path.name]  # no half-converted folder left


def test_the_conversion_is_announced_once_and_reuse_is_silent(settings, fresh_cache, monkeypatch, capsys):
    CTranslate2Translator(settings).translate(["甲。"])
    announced = capsys.readouterr().err
    assert announced == f"briefs: converting {settings.model} to CTranslate2 (float32) into {fresh_cache}; later runs reuse it\n"
    monkeypatch.setattr(ct2, "_LOADED", {})
    CTranslate2Translator(settings).translate(["乙。"])
    assert capsys.readouterr().err == ""


def test_a_later_run_reuses_the_converted_model(settings, fresh_cache, monkeypatch):
    CTranslate2Translator(settings).translate(["甲。"])
    [model] = converted_models()
    first = (model.path / "model.bin").stat()
    monkeypatch.setattr(ct2, "_LOADED", {})  # a new process: nothing loaded, the cache on disk
    assert CTranslate2Translator(settings).translate(["乙。"]) == ["乙。"]
    again = (model.path / "model.bin").stat()
    assert (again.st_ino, again.st_mtime_ns) == (first.st_ino, first.st_mtime_ns)


def test_each_quantization_is_converted_once(settings, fresh_cache):
    for quantization in ("int8", "float32", "int8"):
        CTranslate2Translator(with_ct2(settings, quantization=quantization)).translate(["甲。"])
    listed = converted_models()
    assert sorted(c.quantization for c in listed) == ["float32", "int8"]
    # int8 weights take about a quarter of the space of float32 ones.
    sizes = {c.quantization: c.bytes for c in listed}
    assert sizes["int8"] < sizes["float32"] / 2


def test_blank_input_needs_no_conversion(settings, fresh_cache, capsys):
    assert CTranslate2Translator(settings).translate(["", "  "]) == ["", ""]
    assert capsys.readouterr().err == "" and not fresh_cache.exists()


def test_a_run_that_lost_the_conversion_race_keeps_the_winners_model(settings, stub_marian_dir, fresh_cache):
    target = converted_model(stub_marian_dir, settings.model, "float32")
    inode = (target / "model.bin").stat().st_ino
    # Another worker converting the same model at the same moment renames its
    # copy second: the rename fails, the model in place is kept.
    converted._convert(stub_marian_dir, settings.model, "float32", target)
    assert (target / "model.bin").stat().st_ino == inode
    assert [p.name for p in fresh_cache.iterdir()] == [target.name]


def test_half_converted_folders_left_by_a_crash_are_swept(settings, fresh_cache):
    fresh_cache.mkdir(parents=True)
    stale, recent = fresh_cache / ".old.part-abc", fresh_cache / ".busy.part-def"
    for folder in (stale, recent):
        (folder / "model.bin").parent.mkdir()
        (folder / "model.bin").write_bytes(b"half")
    two_hours_ago = time.time() - 7200
    os.utime(stale, (two_hours_ago, two_hours_ago))
    CTranslate2Translator(settings).translate(["甲。"])
    assert not stale.exists()
    assert recent.exists()  # may be another run converting right now
    assert [c.quantization for c in converted_models()] == ["float32"]


def test_a_non_marian_model_is_refused_in_one_line(stub_t5_dir, fresh_cache):
    engine = CTranslate2Translator(TranslatorConfig(engine="ctranslate2", model=str(stub_t5_dir)))
    with pytest.raises(BriefsError) as caught:
        engine.translate(["甲。"])
    message = str(caught.value)
    assert message.startswith(f"cannot convert {stub_t5_dir} for the ctranslate2 engine: it is a t5 model")
    assert "\n" not in message and not fresh_cache.exists()


def test_a_model_the_converter_cannot_read_is_an_error_naming_it(stub_marian_dir, tmp_path, fresh_cache):
    broken = tmp_path / "broken-marian"
    shutil.copytree(stub_marian_dir, broken)
    (broken / "model.safetensors").write_bytes(b"not a safetensors file")
    engine = CTranslate2Translator(TranslatorConfig(engine="ctranslate2", model=str(broken)))
    with pytest.raises(BriefsError) as caught:
        engine.translate(["甲。"])
    message = str(caught.value)
    assert message.startswith(f"cannot convert {broken} to CTranslate2: ")
    assert "\n" not in message
    assert list(fresh_cache.iterdir()) == []  # nothing half-converted is left


def test_without_the_package_the_error_says_how_to_install_it(settings, fresh_cache, monkeypatch):
    monkeypatch.setitem(sys.modules, "ctranslate2", None)  # import ctranslate2 now fails
    with pytest.raises(BriefsError) as caught:
        CTranslate2Translator(settings).translate(["甲。"])
    assert str(caught.value) == INSTALL == "the ctranslate2 engine needs the ctranslate2 package: pip install 'briefs[ct2]'"


def test_cli_without_the_package_fails_in_one_line(stub_marian_dir, fresh_cache, monkeypatch):
    monkeypatch.setitem(sys.modules, "ctranslate2", None)
    result = CliRunner().invoke(app, ["translate", "--translator", "ctranslate2", "--model", str(stub_marian_dir), "甲。"])
    assert result.exit_code == 2
    assert result.output == f"briefs: {INSTALL}\n"


def test_cli_translate_with_the_ctranslate2_engine(stub_marian_dir, fresh_cache):
    lines = [SENTENCES["title"], SENTENCES["half-width-figures"], ""]
    result = CliRunner().invoke(
        app, ["translate", "--translator", "ctranslate2", "--model", str(stub_marian_dir), "--beams", "1"], input="\n".join(lines) + "\n"
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == "\n".join(lines) + "\n"
    assert result.stderr.startswith(f"briefs: converting {stub_marian_dir} to CTranslate2 (int8)")


def test_cli_models_list_shows_converted_models_and_sizes(settings, fresh_cache):
    CTranslate2Translator(settings).translate(["甲。"])
    [model] = converted_models()
    result = CliRunner().invoke(app, ["models", "list"])
    assert result.exit_code == 0
    [line] = [line for line in result.output.splitlines() if line.startswith("converted")]
    assert line.split()[:4] == ["converted", "ctranslate2", settings.model, "float32"]
    assert f"{model.bytes / 1e6:.1f} MB {model.path}" in line


def test_a_missing_model_falls_back_to_the_gloss_engine():
    config = Config(translator=TranslatorConfig(engine="ctranslate2", model="org/absent-model"))
    engine, [note] = build_translator(config)
    assert engine.identity.startswith("engine:gloss")
    assert note.startswith("translator: gloss engine used instead of ctranslate2") and "org/absent-model" in note
