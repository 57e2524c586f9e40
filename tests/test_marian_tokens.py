"""Marian's tokens without transformers: MarianTokenizer's own output is the specification.

The ctranslate2 engine tokenizes with sentencepiece alone so that it never
imports torch. Any difference from MarianTokenizer would make it translate
different input than the marian engine, so every case compares the two.
"""

from __future__ import annotations

import json
import random
import shutil
import warnings

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefs.engines.marian_tokens import MarianTokens
from briefs.errors import BriefsError


@pytest.fixture(scope="module")
def hf(stub_marian_dir):
    from transformers import AutoTokenizer

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return AutoTokenizer.from_pretrained(stub_marian_dir)


@pytest.fixture(scope="module")
def tokens(stub_marian_dir) -> MarianTokens:
    return MarianTokens.from_dir(stub_marian_dir)


def reference(hf, text: str) -> list[str]:
    return hf.convert_ids_to_tokens(hf(text).input_ids)


TEXTS = {
    "news": "截至2022年末,共签约落地项目21个,协议投资额28.72亿元。",
    "full-width": "近年来，喀左经开区在促进转变发展方式、提升对外开放水平。",
    "latin": "The zone (KVA 150,000) opened in 2022.",
    "outside-the-vocabulary": "𠀀𠀁 ①② ￥",
    "spaces": "  喀左   经开区 \t\n 园区  ",
    "special-tokens-in-the-text": "甲</s>乙<unk> <pad>丙",
    "language-code": ">>eng<< 你好",
    "unclosed-code": ">>eng 你好",
    "empty": "",
    "blank": "   ",
}


@pytest.mark.parametrize("text", TEXTS.values(), ids=TEXTS.keys())
def test_encoding_is_marian_tokenizers(hf, tokens, text):
    assert tokens.encode(text) == reference(hf, text)


def test_every_input_ends_with_the_end_token_and_count_includes_it(tokens):
    assert tokens.encode("")[-1] == "</s>"
    assert tokens.count("喀左") == len(tokens.encode("喀左")) >= 2


def test_pieces_outside_the_vocabulary_are_unknown(stub_marian_dir, tmp_path):
    # Real Marian vocabularies leave out some pieces of their sentencepiece models.
    folder = _copy(stub_marian_dir, tmp_path)
    text = "喀左经开区"
    dropped = MarianTokens.from_dir(folder).encode(text)[1]
    vocab = json.loads((folder / "vocab.json").read_text(encoding="utf-8"))
    del vocab[dropped]
    (folder / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    from transformers import AutoTokenizer

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        expected = reference(AutoTokenizer.from_pretrained(folder), text)
    assert MarianTokens.from_dir(folder).encode(text) == expected
    assert expected[1] == "<unk>"


def _copy(model, tmp_path):
    folder = tmp_path / "model"
    shutil.copytree(model, folder, ignore=shutil.ignore_patterns("*.safetensors"))
    return folder


@settings(deadline=None)
@given(st.lists(st.sampled_from(list("喀左经开区园，。、“”《》0123456789.,%年月日 abcXYZ\n\t<>/s") + ["</s>", "<unk>", ">>", "<<"]), max_size=40).map("".join))
def test_encoding_matches_on_any_mix_of_han_latin_digits_and_markup(hf, tokens, text):
    assert tokens.encode(text) == reference(hf, text)


def test_decoding_is_marian_tokenizers_with_special_tokens_skipped(hf, tokens):
    vocab = list(hf.get_vocab())
    rng = random.Random(0)
    for _ in range(500):
        pieces = [rng.choice(vocab) for _ in range(rng.randint(0, 25))]
        expected = hf.decode(hf.convert_tokens_to_ids(pieces), skip_special_tokens=True)
        assert tokens.decode(pieces) == expected, pieces


def test_decoding_its_own_encoding_gives_the_text_back(tokens):
    text = "喀左经开区签约项目21个，投资28.72亿元。"
    assert tokens.decode(tokens.encode(text)) == text


def test_a_folder_without_sentencepiece_models_is_named_with_what_is_missing(stub_marian_dir, tmp_path):
    folder = _copy(stub_marian_dir, tmp_path)
    (folder / "target.spm").unlink()
    with pytest.raises(BriefsError, match=r"model: not a Marian tokenizer folder \(no target.spm\)"):
        MarianTokens.from_dir(folder)


def test_a_vocabulary_without_the_unknown_token_is_refused(stub_marian_dir, tmp_path):
    folder = _copy(stub_marian_dir, tmp_path)
    vocab = json.loads((folder / "vocab.json").read_text(encoding="utf-8"))
    del vocab["<unk>"]
    (folder / "vocab.json").write_text(json.dumps(vocab), encoding="utf-8")
    with pytest.raises(BriefsError, match=r"vocab.json: the vocabulary has no <unk> token"):
        MarianTokens.from_dir(folder)
