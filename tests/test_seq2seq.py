"""The seq2seq engine: prompt templates (T5 style), language codes (M2M100/NLLB), summaries.

Prompts are checked on the copying Marian stub, which any AutoModelForSeq2SeqLM
engine can load: what comes back is exactly what the model was given.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefs.config import Config, SummarizerConfig, TranslatorConfig
from briefs.engines import build_summarizer
from briefs.engines.seq2seq import Seq2SeqSummarizer, Seq2SeqTranslator
from briefs.errors import BriefsError


def template(tmp_path: Path, text: str) -> str:
    path = tmp_path / "prompt.txt"
    path.write_text(text + "\n", encoding="utf-8")
    return str(path)


def translator(model: Path, **settings) -> Seq2SeqTranslator:
    return Seq2SeqTranslator(TranslatorConfig(engine="seq2seq", model=str(model), beams=2, **settings))


PROMPTS = [
    ("{text}", "近年来", "近年来"),
    ("Translate to English: {text}", "近年来", "Translate to English: 近年来"),
    ("{text} (zh → en)", "喀左", "喀左 (zh → en)"),
    ("Text: {text} and {text}", "甲", "Text: 甲 and 甲"),
    ("Braces {like} this: {text}", "甲", "Braces {like} this: 甲"),
]


@pytest.mark.parametrize("prompt, sentence, model_input", PROMPTS, ids=["bare", "instruction", "suffix", "twice", "other-braces"])
def test_the_prompt_template_is_what_the_model_reads(stub_marian_dir, tmp_path, prompt, sentence, model_input):
    engine = translator(stub_marian_dir, prompt=template(tmp_path, prompt), max_new_tokens=64)
    assert engine.translate([sentence]) == [model_input]


def test_the_prompt_counts_towards_the_input_limit(stub_marian_dir, tmp_path):
    engine = translator(stub_marian_dir, prompt=template(tmp_path, "Translate: {text}"), max_new_tokens=128)
    sentence = "喀左经济开发区跻身全省十佳" * 20
    [english] = engine.translate([sentence])
    pieces = english.split("Translate: ")[1:]
    assert len(pieces) > 1 and "".join(p.strip() for p in pieces) == sentence


def test_t5_reads_the_prompted_text(stub_t5_dir, tmp_path):
    engine = translator(stub_t5_dir, prompt=template(tmp_path, "translate Chinese to English: {text}"), max_new_tokens=6)
    tokenizer = engine.loaded.tokenizer
    prompt_ids = tokenizer("translate Chinese to English:", add_special_tokens=False).input_ids
    assert tokenizer(engine.prepare("近年来")).input_ids[: len(prompt_ids)] == prompt_ids
    first = engine.translate(["近年来", "", "喀左经济开发区"])
    assert [bool(x) for x in first] == [True, False, True]
    assert engine.translate(["近年来", "", "喀左经济开发区"]) == first


def test_a_new_prompt_is_a_new_identity(stub_t5_dir, tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = translator(stub_t5_dir, prompt=template(tmp_path / "a", "translate: {text}"))
    second = translator(stub_t5_dir, prompt=template(tmp_path / "b", "English: {text}"))
    assert first.identity.startswith("engine:seq2seq|model:t5@")
    assert "|prompt:" in first.identity and first.identity != second.identity


def test_m2m100_forces_the_target_language_first(stub_m2m_dir):
    engine = translator(stub_m2m_dir, max_new_tokens=5)
    tokenizer = engine.loaded.tokenizer
    [ids] = engine.generate_ids([engine.prepare("近年来")])
    assert ids[:2] == [engine.loaded.model.config.decoder_start_token_id, tokenizer.get_lang_id("en")]
    assert tokenizer(engine.prepare("近年来")).input_ids[0] == tokenizer.get_lang_id("zh")
    [english] = engine.translate(["近年来"])
    assert "__en__" not in english
    assert "|src:zh|tgt:en|" in engine.identity


def test_configured_language_codes_are_used(stub_m2m_dir):
    engine = translator(stub_m2m_dir, src_lang="ja", tgt_lang="fr", max_new_tokens=3)
    tokenizer = engine.loaded.tokenizer
    assert engine.forced_bos_token_id == tokenizer.get_lang_id("fr")
    assert tokenizer(engine.prepare("近年来")).input_ids[0] == tokenizer.get_lang_id("ja")


@pytest.mark.parametrize("codes, key", [({"tgt_lang": "xx"}, "translator.tgt_lang"), ({"src_lang": "xx", "tgt_lang": "en"}, "translator.src_lang")], ids=["target", "source"])
def test_an_unknown_language_code_names_the_key(stub_m2m_dir, codes, key):
    with pytest.raises(BriefsError, match=f"{key} = 'xx' is not a language code"):
        translator(stub_m2m_dir, max_new_tokens=3, **codes).translate(["近年来"])


SENTENCES = ["喀左经开区跻身全省十佳。", "开发区领导班子成员累计外出招商51次。", "截至2022年末,共签约落地项目21个。", "九州国泰方矩管等项目已开工建设。"]


@pytest.fixture
def summarizer(stub_marian_dir) -> Seq2SeqSummarizer:
    settings = SummarizerConfig(engine="seq2seq", model=str(stub_marian_dir), max_new_tokens=128,
                                max_input_tokens=40, no_repeat_ngram_size=0, beams=2)  # fmt: skip
    return Seq2SeqSummarizer(settings)


def test_passages_are_whole_sentences_within_the_input_limit(summarizer):
    passages = summarizer.passages(SENTENCES)
    assert len(passages) > 1
    assert "".join(passages) == "".join(SENTENCES)
    assert all(summarizer.token_count(p) <= 40 for p in passages)
    assert all(p.endswith("。") for p in passages)


@pytest.mark.parametrize("sentences", [0, 1, 3, len(SENTENCES)], ids=["none", "one", "three", "all"])
def test_summaries_are_the_written_sentences_that_fit_the_budget(summarizer, sentences):
    # The copying stub "summarizes" a passage into the passage itself; a budget of n sentences' characters holds n.
    budget = sum(map(len, SENTENCES[:sentences]))
    assert summarizer.summarize(SENTENCES, budget) == SENTENCES[: max(sentences, 1) if budget else 0]


def test_nothing_to_summarize(summarizer):
    assert summarizer.summarize([], 3) == []
    assert summarizer.summarize(["", " "], 3) == []


def test_a_missing_summary_model_falls_back_to_extractive():
    pytest.importorskip("briefs.engines.extractive")
    config = Config(summarizer=SummarizerConfig(engine="seq2seq", model="org/absent-summarizer"))
    summarizer, notes = build_summarizer(config)
    assert type(summarizer).__name__ == "ExtractiveSummarizer"
    assert notes[0].startswith("summarizer: extractive engine used instead of seq2seq, as model org/absent-summarizer is not available (")
