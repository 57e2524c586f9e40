"""Tiny deterministic models for tests and trials: no download, built in a second.

All three share one SentencePiece vocabulary trained on ``data/stub_corpus.txt``
(seed pages and some English) with byte fallback, so any text has tokens.

The Marian stub is not random: its weights are set by hand so that it copies
its input. A model that echoes is what tests need: an exact expected output
for every input, so lost, cut, duplicated or reordered pieces show at once.
How it copies: token vectors live in the low-frequency dimensions of the
sinusoidal position code (where positions barely differ), positions are read
from the high-frequency ones; the decoder's cross-attention at step t looks
up source position t and hands its token vector to the output layer, which
shares the embedding. The source ends with </s>, so the copy does too.

The T5 and M2M100 stubs have random weights (fixed seed): they exercise the
loading, prompt and language-code paths, not the output.
"""

from __future__ import annotations

import io
import json
import tempfile
import warnings
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import BriefsError, os_reason

KINDS = ("marian", "t5", "m2m100")
SEED = 20240501
VOCAB_SIZE = 1500
# Positions the stubs take; small, so that tests reach the input limit with short text.
MAX_POSITIONS = 128
# Copy-model geometry: d_model dims, of which the first _POSITION_FREQUENCIES
# sine/cosine pairs carry position and the rest carry the token.
_D_MODEL = 128
_POSITION_FREQUENCIES = 44
_TOKEN_SCALE = 5.0  # token vectors dominate layer norm, which then scales every position alike
_FOCUS = 20.0  # query/key gain: attention lands on exactly one source position
_GAIN = 50.0  # the looked-up token outweighs the decoder's own input


def make_stub(directory: Path, kind: str = "marian") -> Path:
    """A tiny deterministic model of ``kind`` saved in ``directory``; imports torch and transformers when called."""
    builders = {"marian": _marian, "t5": _t5, "m2m100": _m2m100}
    if kind not in builders:
        raise BriefsError(f"unknown stub kind {kind!r}; choose one of {', '.join(KINDS)}")
    directory = Path(directory)
    try:
        directory.mkdir(parents=True, exist_ok=True)
        # Saving is the last step: a folder that cannot take the files is said before the model is built.
        with tempfile.TemporaryFile(dir=directory):
            pass
    except OSError as err:
        raise BriefsError(f"cannot save a model in {directory}: {os_reason(err)}") from None
    from transformers.utils import logging

    logging.disable_progress_bar()
    with warnings.catch_warnings():
        # MarianTokenizer asks for sacremoses, which the stub does not need.
        warnings.simplefilter("ignore")
        builders[kind](directory)
    return directory


@lru_cache(maxsize=1)
def _sentencepiece() -> bytes:
    import sentencepiece

    text = resources.files("briefs").joinpath("data/stub_corpus.txt").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    model = io.BytesIO()
    # Identity normalization keeps full-width punctuation as it is, so the copy model returns its input exactly.
    sentencepiece.SentencePieceTrainer.train(
        sentence_iterator=iter(lines), model_writer=model, vocab_size=VOCAB_SIZE, model_type="unigram",
        character_coverage=0.9995, byte_fallback=True, normalization_rule_name="identity",
        pad_id=0, eos_id=1, unk_id=2, bos_id=-1, num_threads=1, shuffle_input_sentence=False,
        hard_vocab_limit=False, minloglevel=2,
    )  # fmt: skip
    return model.getvalue()


def _pieces() -> list[tuple[str, float]]:
    import sentencepiece

    processor = sentencepiece.SentencePieceProcessor(model_proto=_sentencepiece())
    return [(processor.id_to_piece(i), processor.get_score(i)) for i in range(processor.get_piece_size())]


def _vocabulary(specials: list[str], tail: list[str] = ()) -> dict[str, int]:
    pieces = [p for p, _ in _pieces() if p not in ("<pad>", "</s>", "<unk>")]
    return {token: i for i, token in enumerate([*specials, *pieces, *tail])}


def _marian(directory: Path) -> None:
    import torch
    from transformers import MarianConfig, MarianMTModel, MarianTokenizer

    vocab = _vocabulary(["</s>", "<unk>"], tail=["<pad>"])
    (directory / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    for name in ("source.spm", "target.spm"):
        (directory / name).write_bytes(_sentencepiece())
    files = {k: str(directory / v) for k, v in {"source_spm": "source.spm", "target_spm": "target.spm", "vocab": "vocab.json"}.items()}
    MarianTokenizer(**files, model_max_length=MAX_POSITIONS).save_pretrained(directory)
    size, pad = len(vocab), len(vocab) - 1
    config = MarianConfig(
        vocab_size=size, d_model=_D_MODEL, encoder_layers=1, decoder_layers=1, encoder_attention_heads=1,
        decoder_attention_heads=1, encoder_ffn_dim=8, decoder_ffn_dim=8, max_position_embeddings=MAX_POSITIONS,
        pad_token_id=pad, decoder_start_token_id=pad, eos_token_id=0, bos_token_id=0, forced_eos_token_id=0,
        bad_words_ids=[[pad]], scale_embedding=False, dropout=0.0, attention_dropout=0.0, activation_dropout=0.0,
        num_beams=4, max_length=MAX_POSITIONS,
    )  # fmt: skip
    torch.manual_seed(SEED)
    model = MarianMTModel(config).eval()
    with torch.no_grad():
        _make_copier(model, torch.Generator().manual_seed(SEED))
    model.save_pretrained(directory)


def _make_copier(model, generator) -> None:
    import torch

    d, half, hi = _D_MODEL, _D_MODEL // 2, _POSITION_FREQUENCIES
    low = half - hi
    position_dims = torch.cat([torch.arange(0, hi), torch.arange(half, half + hi)])
    low_sin, low_cos = torch.arange(hi, half), torch.arange(half + hi, d)
    # Balanced ±1 vectors: equal norms (so layer norm treats every token alike)
    # and zero mean (so they do not move the layer-norm mean).
    signs = torch.tensor([1.0] * (low // 2) + [-1.0] * (low - low // 2))
    embedding = torch.zeros(model.config.vocab_size, d)
    for token in range(model.config.vocab_size):
        for dims in (low_sin, low_cos):
            embedding[token, dims] = _TOKEN_SCALE * signs[torch.randperm(low, generator=generator)]
    model.model.shared.weight.copy_(embedding)
    model.final_logits_bias.zero_()
    encoder, decoder = model.model.encoder.layers[0], model.model.decoder.layers[0]
    for linear in (encoder.self_attn.out_proj, encoder.fc2, decoder.self_attn.out_proj, decoder.fc2):
        linear.weight.zero_()
        linear.bias.zero_()
    # Layer norm subtracts a position-dependent mean from every dimension; the
    # mean of the low cosine dimensions (all close to 1) measures it, and the
    # bias puts back the typical layer-norm scale, leaving the pure position code.
    positions = model.model.encoder.embed_positions.weight
    sample = embedding[:64, None, :] + positions[None, :, :]
    scale = (1 / torch.sqrt(sample.var(-1, unbiased=False) + 1e-5)).mean()
    lookup = torch.zeros(d, d)
    lookup[position_dims, position_dims] = 1.0
    lookup[position_dims.unsqueeze(1), low_cos.unsqueeze(0)] = -1.0 / low
    attention = decoder.encoder_attn
    for projection in (attention.q_proj, attention.k_proj):
        projection.weight.copy_(lookup * _FOCUS)
        projection.bias.zero_()
        projection.bias[position_dims] = scale * _FOCUS
    carry = torch.zeros(d, d)
    token_dims = torch.cat([low_sin, low_cos])
    carry[token_dims, token_dims] = 1.0
    attention.v_proj.weight.copy_(carry)
    attention.v_proj.bias.zero_()
    attention.out_proj.weight.copy_(torch.eye(d) * _GAIN)
    attention.out_proj.bias.zero_()


def _t5(directory: Path) -> None:
    import torch
    from transformers import T5Config, T5ForConditionalGeneration, T5Tokenizer

    # T5's layout is SentencePiece's here: <pad>=0, </s>=1, <unk>=2.
    tokenizer = T5Tokenizer(vocab=_pieces(), extra_ids=0, model_max_length=MAX_POSITIONS)
    tokenizer.save_pretrained(directory)
    config = T5Config(
        vocab_size=len(tokenizer), d_model=32, d_ff=64, d_kv=16, num_layers=1, num_decoder_layers=1, num_heads=2,
        relative_attention_num_buckets=8, decoder_start_token_id=0, pad_token_id=0, eos_token_id=1, dropout_rate=0.0,
    )  # fmt: skip
    torch.manual_seed(SEED)
    T5ForConditionalGeneration(config).eval().save_pretrained(directory)


def _m2m100(directory: Path) -> None:
    import torch
    from transformers import M2M100Config, M2M100ForConditionalGeneration, M2M100Tokenizer

    vocab = _vocabulary(["<s>", "<pad>", "</s>", "<unk>"])
    (directory / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    (directory / "sentencepiece.bpe.model").write_bytes(_sentencepiece())
    tokenizer = M2M100Tokenizer(
        vocab_file=str(directory / "vocab.json"), spm_file=str(directory / "sentencepiece.bpe.model"),
        src_lang="zh", tgt_lang="en", model_max_length=MAX_POSITIONS,
    )  # fmt: skip
    tokenizer.save_pretrained(directory)
    # Language tokens (__en__, __zh__, ...) and filler words follow the pieces.
    size = len(vocab) + len(tokenizer.lang_code_to_id) + tokenizer.num_madeup_words
    config = M2M100Config(
        vocab_size=size, d_model=32, encoder_layers=1, decoder_layers=1, encoder_attention_heads=2,
        decoder_attention_heads=2, encoder_ffn_dim=64, decoder_ffn_dim=64, max_position_embeddings=MAX_POSITIONS,
        pad_token_id=1, bos_token_id=0, eos_token_id=2, decoder_start_token_id=2, dropout=0.0,
    )  # fmt: skip
    torch.manual_seed(SEED)
    M2M100ForConditionalGeneration(config).eval().save_pretrained(directory)
