"""The marian engine, on the stub Marian model that copies its input.

A copying model makes every expectation exact: the translation of a piece is
the piece itself, so anything lost, cut, repeated or out of order shows.
"""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefs.cli import app
from briefs.config import Config, TranslatorConfig
from briefs.engines import build_engines, build_translator, translate_lines
from briefs.engines.batching import pack, rejoin, split_for_model
from briefs.engines.marian import MarianTranslator
from briefs.errors import BriefsError
from briefs.models import ModelUnavailable


@pytest.fixture(scope="module")
def settings(stub_marian_dir) -> TranslatorConfig:
    return TranslatorConfig(model=str(stub_marian_dir), max_new_tokens=128, beams=2)


@pytest.fixture(scope="module")
def translator(settings) -> MarianTranslator:
    return MarianTranslator(settings)


COPIES = [
    "喀左经济开发区跻身“全省十佳”",
    "近年来，喀左经开区在促进转变发展方式、提升对外开放水平。",
    "截至2022年末,共签约落地项目21个,协议投资额28.72亿元。",
    "The zone (KVA 150,000) opened in 2022.",
    "𠀀𠀁",
]


@pytest.mark.parametrize("sentence", COPIES, ids=["title", "full-width", "half-width-figures", "latin", "rare-han"])
def test_the_stub_returns_its_input(translator, sentence):
    assert translator.translate([sentence]) == [sentence]


def test_blank_sentences_give_blank_translations_and_no_model_call(translator):
    assert translator.translate(["", "  ", "甲。"]) == ["", "", "甲。"]
    assert translator.translate([]) == []


def test_order_is_kept_across_length_sorted_batches(settings):
    sentences = ["短。", COPIES[1], "中等长度的句子。", COPIES[2], "甲"]
    tiny_batches = MarianTranslator(dataclasses.replace(settings, batch_tokens=20))
    assert len(pack([len(s) for s in sentences], 20)) > 1
    assert tiny_batches.translate(sentences) == sentences
    assert tiny_batches.translate(sentences[::-1]) == sentences[::-1]


PACKS = [
    ([], 8, []),
    ([5, 1, 3], 6, [[0], [2, 1]]),
    ([2, 2, 2, 2], 4, [[0, 1], [2, 3]]),
    ([10, 1], 4, [[0], [1]]),
]


@pytest.mark.parametrize("lengths, budget, batches", PACKS, ids=["nothing", "longest-first", "equal-lengths", "over-budget-alone"])
def test_pack_sorts_by_length_and_keeps_to_the_budget(lengths, budget, batches):
    assert pack(lengths, budget) == batches


def test_pieces_are_re_joined_by_index():
    pieces = [(0, "a"), (0, "b"), (2, "c")]
    assert rejoin(3, pieces, ["A", " B ", "C"]) == ["A B", "", "C"]


def test_blank_pieces_never_reach_the_model():
    assert split_for_model(["甲， ", " ", "乙"], 2, len) == [(0, "甲，"), (2, "乙")]


def test_a_3000_character_sentence_comes_back_whole(translator):
    sentence = "".join(f"第{i}批项目开工建设" + ("，" if i % 5 else "") for i in range(400))[:3000]
    pieces = split_for_model([sentence], translator.input_limit, translator.token_count)
    assert len(pieces) > 10
    assert "".join(piece for _, piece in pieces) == sentence
    assert max(translator.token_count(piece) for _, piece in pieces) <= translator.input_limit == 128
    [english] = translator.translate([sentence])
    # Pieces are translated separately and joined with spaces.
    assert english.replace(" ", "") == sentence


def test_a_3000_character_sentence_without_punctuation_is_cut_not_truncated(translator):
    sentence = ("喀左经济开发区跻身全省十佳" * 240)[:3000]
    [english] = translator.translate([sentence])
    assert english.replace(" ", "") == sentence


def test_same_input_same_output(settings):
    sentences = COPIES[:3]
    first = MarianTranslator(settings).translate(sentences)
    assert MarianTranslator(settings).translate(sentences) == first
    assert MarianTranslator(settings).translate(sentences) == first


def test_identity_is_a_readable_signature(translator):
    identity = translator.identity
    assert identity.startswith("engine:marian|model:marian@")
    assert "|beams:2|max_new:128|max_in:128|lp:1|nrng:0|int8:no|" in identity
    assert identity.endswith("|v:0.1")


CHANGES = [
    {"beams": 3},
    {"max_new_tokens": 64},
    {"max_input_tokens": 50},
    {"length_penalty": 0.8},
    {"no_repeat_ngram_size": 3},
    {"int8": True},
    {"revision": "v2"},
]


@pytest.mark.parametrize("change", CHANGES, ids=[next(iter(c)) for c in CHANGES])
def test_identity_changes_with_every_setting_that_changes_output(settings, translator, change):
    assert MarianTranslator(dataclasses.replace(settings, **change)).identity != translator.identity


@pytest.mark.parametrize("change", [{"batch_tokens": 64}, {"threads": 1}, {"fallback": ""}], ids=["batch", "threads", "fallback"])
def test_identity_ignores_settings_that_do_not(settings, translator, change):
    assert MarianTranslator(dataclasses.replace(settings, **change)).identity == translator.identity


def test_int8_quantizes_the_linear_layers(settings):
    from torch.ao.nn.quantized.dynamic import Linear as QuantizedLinear

    quantized = MarianTranslator(dataclasses.replace(settings, int8=True))
    sentences = COPIES[:3]
    assert len(quantized.translate(sentences)) == 3
    assert any(isinstance(m, QuantizedLinear) for m in quantized.loaded.model.modules())


def test_the_constructor_touches_nothing():
    engine = MarianTranslator(TranslatorConfig(model="/no/such/model"))
    with pytest.raises(ModelUnavailable, match="no such directory"):
        engine.translate(["甲。"])


def test_a_non_marian_model_is_refused_with_advice(stub_t5_dir):
    with pytest.raises(BriefsError, match='is a t5 model; set translator.engine = "seq2seq"'):
        MarianTranslator(TranslatorConfig(model=str(stub_t5_dir))).translate(["甲"])


def broken_copy(model: Path, folder: Path, **config) -> Path:
    """``model`` copied to ``folder`` with ``config`` written over its config.json."""
    shutil.copytree(model, folder)
    settings = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    (folder / "config.json").write_text(json.dumps({**settings, **config}), encoding="utf-8")
    return folder


def test_a_model_that_cannot_be_loaded_is_a_one_line_error(stub_marian_dir, tmp_path):
    broken = broken_copy(stub_marian_dir, tmp_path / "broken", activation_function="no-such-activation")
    with pytest.raises(BriefsError) as caught:
        MarianTranslator(TranslatorConfig(model=str(broken))).translate(["甲。"])
    assert str(caught.value) == f"cannot load the model in {broken}: 'no-such-activation'"


def test_a_load_error_that_says_nothing_is_named_by_its_type(stub_marian_dir, tmp_path, monkeypatch):
    import transformers

    def silent(*args, **kwargs):
        raise OSError()

    # No file breaks transformers without a word: the loader is made to fail so.
    monkeypatch.setattr(transformers.AutoModelForSeq2SeqLM, "from_pretrained", silent)
    folder = broken_copy(stub_marian_dir, tmp_path / "model")
    with pytest.raises(BriefsError) as caught:
        MarianTranslator(TranslatorConfig(model=str(folder))).translate(["甲。"])
    assert str(caught.value) == f"cannot load the model in {folder}: OSError"


def test_translate_lines_gives_one_line_per_line(translator):
    lines = ["甲。乙。", "", "丙"]
    assert translate_lines(translator, lines) == ["甲。 乙。", "", "丙"]


def test_the_factory_builds_the_configured_engine(settings):
    translator, notes = build_translator(Config(translator=settings))
    assert isinstance(translator, MarianTranslator) and notes == []


def test_build_engines_collects_the_notes_of_both_roles():
    pytest.importorskip("briefs.engines.gloss")
    pytest.importorskip("briefs.engines.extractive")
    engines = build_engines(Config(translator=TranslatorConfig(model="org/absent-model")))
    assert type(engines.translator).__name__ == "GlossTranslator"
    assert type(engines.summarizer).__name__ == "ExtractiveSummarizer"
    assert [note.split(",")[0] for note in engines.notes] == ["translator: gloss engine used instead of marian"]


def test_a_missing_model_falls_back_and_says_so():
    pytest.importorskip("briefs.engines.gloss")
    config = Config(translator=TranslatorConfig(model="org/absent-model", fallback="gloss"))
    translator, notes = build_translator(config)
    assert type(translator).__name__ == "GlossTranslator"
    assert len(notes) == 1 and notes[0].startswith("translator: gloss engine used instead of marian, as model org/absent-model is not available (")


def test_a_missing_model_without_fallback_is_an_error():
    config = Config(translator=TranslatorConfig(model="org/absent-model", fallback=""))
    with pytest.raises(ModelUnavailable, match="briefs models download org/absent-model"):
        build_translator(config)


def test_cli_translate_prints_one_line_per_input_line(stub_marian_dir, tmp_path):
    runner = CliRunner()
    model = ["--model", str(stub_marian_dir), "--beams", "1", "--max-new-tokens", "128"]
    result = runner.invoke(app, ["translate", "甲。乙。\n丙", *model])
    assert (result.exit_code, result.stdout) == (0, "甲。 乙。\n丙\n")
    source = tmp_path / "in.txt"
    source.write_text("近年来\n\n截至2022年末", encoding="utf-8")
    from_file = runner.invoke(app, ["translate", "--file", str(source), *model])
    assert from_file.stdout == "近年来\n\n截至2022年末\n"
    from_stdin = runner.invoke(app, ["translate", *model], input="喀左\n")
    assert from_stdin.stdout == "喀左\n"


def test_cli_translate_with_a_bad_setting_fails_in_one_line(stub_marian_dir):
    result = CliRunner().invoke(app, ["translate", "甲", "--model", str(stub_marian_dir), "--beams", "0"])
    assert result.exit_code == 2
    assert "translator.beams must be a number >= 1" in result.output


def test_outputs_stopped_by_the_length_limit_are_counted(stub_marian_dir):
    from briefs.config import TranslatorConfig
    from briefs.engines.marian import MarianTranslator

    engine = MarianTranslator(TranslatorConfig(model=str(stub_marian_dir), beams=1, max_new_tokens=4))
    engine.translate(["喀左经济开发区跻身全省十佳。"])
    short = MarianTranslator(TranslatorConfig(model=str(stub_marian_dir), beams=1, max_new_tokens=128))
    short.translate(["喀左经济开发区跻身全省十佳。"])
    assert (engine.output_cuts, short.output_cuts) == (1, 0)
