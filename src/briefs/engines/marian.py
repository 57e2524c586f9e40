"""The marian engine: any MarianMTModel (default Helsinki-NLP/opus-mt-zh-en), on CPU.

Marian models need no prompt and no language codes: the model is the
language pair. Everything else (loading, batching, splitting long input)
is shared with the seq2seq engine in ``hf.py``.
"""

from __future__ import annotations

from typing import Sequence

from ..config import TranslatorConfig
from ..errors import BriefsError
from .hf import LoadedModel, TransformersEngine


class MarianTranslator(TransformersEngine):
    """Translator protocol: Chinese sentences in, English sentences out, same order."""

    engine = "marian"
    role = "translator"

    def __init__(self, settings: TranslatorConfig | None = None):
        super().__init__(settings or TranslatorConfig())

    @property
    def loaded(self) -> LoadedModel:
        kind = self.facts.model_type
        if kind != "marian":
            raise BriefsError(f"{self.settings.model} is a {kind or 'non-Marian'} model; set translator.engine = \"seq2seq\"")
        return super().loaded

    def translate(self, sentences: Sequence[str]) -> list[str]:
        return self.run(sentences)
