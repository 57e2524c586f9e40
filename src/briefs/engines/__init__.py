"""The seam between the pipeline and every model: two protocols and a registry.

The pipeline sees only ``Translator`` and ``Summarizer``. Engines are named
in config and imported on first use, so ``briefs --help``, the reader and the
offline engines never import torch.
"""

from __future__ import annotations

import importlib
from typing import Protocol, Sequence, runtime_checkable

from ..errors import BriefsError


@runtime_checkable
class Translator(Protocol):
    # model id + revision/hash + settings: one string is the cache key,
    # the sidecar field and the brief footer.
    identity: str

    def translate(self, sentences: Sequence[str]) -> list[str]:
        """Chinese sentences in, English sentences out, same length and order."""
        ...


@runtime_checkable
class Summarizer(Protocol):
    identity: str

    def summarize(self, sentences: Sequence[str], k: int) -> list[int | str]:
        """Up to ``k`` items: indices into ``sentences`` (extractive, in source
        order) or written summary sentences (abstractive)."""
        ...


TRANSLATORS: dict[str, str] = {
    "marian": "briefs.engines.marian:MarianTranslator",
    "seq2seq": "briefs.engines.seq2seq:Seq2SeqTranslator",
    "gloss": "briefs.engines.gloss:GlossTranslator",
}

SUMMARIZERS: dict[str, str] = {
    "extractive": "briefs.engines.extractive:ExtractiveSummarizer",
    "seq2seq": "briefs.engines.seq2seq:Seq2SeqSummarizer",
}


def _load(table: dict[str, str], role: str, name: str) -> type:
    try:
        target = table[name]
    except KeyError:
        known = ", ".join(sorted(table))
        raise BriefsError(f"unknown {role} engine {name!r}; known engines: {known}") from None
    module_name, _, attr = target.partition(":")
    return getattr(importlib.import_module(module_name), attr)


def translator_class(name: str) -> type:
    return _load(TRANSLATORS, "translator", name)


def summarizer_class(name: str) -> type:
    return _load(SUMMARIZERS, "summarizer", name)
