"""Marian's tokens from the model's own files, with sentencepiece alone.

The ctranslate2 engine takes and gives token strings. Getting them from
transformers' MarianTokenizer would import transformers and with it torch:
about 250 MB of a process that otherwise needs none of it (README, Speed).
This module reproduces what MarianTokenizer does for a model folder
(``source.spm``, ``target.spm``, ``vocab.json``, ``tokenizer_config.json``),
token for token; tests hold it to MarianTokenizer's output.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, Sequence

from ..errors import BriefsError
from .hf import read_json

_SPACE = "\u2581"  # sentencepiece's word-start mark


class Pieces(Protocol):
    """What is asked of a ``sentencepiece.SentencePieceProcessor``: text to pieces and back."""

    def encode(self, text: str, *, out_type: type[str]) -> list[str]: ...

    def decode_pieces(self, pieces: list[str]) -> str: ...


@dataclass(frozen=True)
class Specials:
    unk: str = "<unk>"
    eos: str = "</s>"
    pad: str = "<pad>"

    def all(self) -> tuple[str, ...]:
        return (self.eos, self.unk, self.pad)


class MarianTokens:
    """Text to the pieces a Marian model reads (ending in ``</s>``), and its output pieces back to text."""

    def __init__(self, source: Pieces, target: Pieces, vocab: dict[str, int], *, specials: Specials = Specials(), separate_vocabs: bool = False):
        self._source, self._target = source, target
        self._vocab = vocab
        self._specials = specials
        self._special_set = frozenset(specials.all())
        # Special tokens written in the text stay whole, as in transformers (longest first).
        self._split = re.compile("(" + "|".join(re.escape(t) for t in sorted(self._special_set, key=len, reverse=True)) + ")")
        # With one shared vocabulary, MarianTokenizer decodes with the source model too.
        self._decoder = target if separate_vocabs else source

    @classmethod
    def from_dir(cls, folder: Path) -> "MarianTokens":
        import sentencepiece

        config = read_json(folder / "tokenizer_config.json")
        names = {"source": folder / "source.spm", "target": folder / "target.spm", "vocab": folder / "vocab.json"}
        missing = [p.name for p in names.values() if not p.is_file()]
        if missing:
            raise BriefsError(f"{folder}: not a Marian tokenizer folder (no {', '.join(missing)})")
        specials = Specials(*(_token(config.get(k), d) for k, d in (("unk_token", "<unk>"), ("eos_token", "</s>"), ("pad_token", "<pad>"))))
        try:
            source, target = (sentencepiece.SentencePieceProcessor(model_file=str(names[k])) for k in ("source", "target"))
        except (OSError, RuntimeError) as err:
            raise BriefsError(f"{folder}: cannot read its sentencepiece models ({err})") from None
        vocab = read_json(names["vocab"])
        if specials.unk not in vocab:
            raise BriefsError(f"{names['vocab']}: the vocabulary has no {specials.unk} token")
        return cls(source, target, vocab, specials=specials, separate_vocabs=bool(config.get("separate_vocabs")))

    def encode(self, text: str) -> list[str]:
        """The model's input pieces for ``text``; pieces outside the vocabulary become ``<unk>``."""
        pieces: list[str] = []
        for part in self._split.split(text):
            if part in self._special_set:
                pieces.append(part)
            elif part:
                pieces.extend(self._encode_part(part))
        pieces.append(self._specials.eos)
        return pieces

    def _encode_part(self, text: str) -> list[str]:
        code = []
        # A leading >>xx<< names the target language of a multilingual model: one piece, kept whole.
        if text.startswith(">>") and (end := text.find("<<")) != -1:
            code, text = [text[: end + 2]], text[end + 2 :]
        unk = self._specials.unk
        return [p if p in self._vocab else unk for p in code + self._source.encode(text, out_type=str)]

    def count(self, text: str) -> int:
        return len(self.encode(text))

    def decode(self, pieces: Sequence[str]) -> str:
        """The text of output pieces, special tokens left out."""
        kept = [p for p in pieces if p not in self._special_set]
        return self._decoder.decode_pieces(kept).replace(_SPACE, " ").strip()


def _token(value: Any, default: str) -> str:
    # tokenizer_config.json writes a token as a string or as an AddedToken dict.
    if isinstance(value, dict):
        value = value.get("content")
    return value if isinstance(value, str) and value else default
