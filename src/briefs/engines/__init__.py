"""The seam between the pipeline and every model: two protocols and a registry.

The pipeline sees only ``Translator`` and ``Summarizer``. Engines are named
in config and imported on first use, so ``briefs --help``, the reader and the
offline engines never import torch.
"""

from __future__ import annotations

import dataclasses
import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, Sequence, runtime_checkable

from ..errors import BriefsError

if TYPE_CHECKING:
    from ..config import Config, ModelConfig


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
    "ctranslate2": "briefs.engines.ct2:CTranslate2Translator",
}

SUMMARIZERS: dict[str, str] = {
    "extractive": "briefs.engines.extractive:ExtractiveSummarizer",
    "seq2seq": "briefs.engines.seq2seq:Seq2SeqSummarizer",
}

# Engines that run a model, which may be missing; the others work offline
# and are the only sensible fallbacks.
MODEL_ENGINES = frozenset({"marian", "seq2seq", "ctranslate2"})


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


@dataclass(frozen=True)
class Engines:
    translator: Translator
    summarizer: Summarizer
    # One line per engine that stood in for a missing model; every brief records them.
    notes: tuple[str, ...] = ()


def build_engines(config: Config) -> Engines:
    translator, notes = build_translator(config)
    summarizer, more = build_summarizer(config)
    return Engines(translator, summarizer, tuple(notes + more))


def build_translator(config: Config) -> tuple[Translator, list[str]]:
    """The configured translator, or its fallback (with a note) when its model is missing."""
    return _build("translator", TRANSLATORS, config.translator, config)


def build_summarizer(config: Config) -> tuple[Summarizer, list[str]]:
    return _build("summarizer", SUMMARIZERS, config.summarizer, config)


def _build(role: str, table: dict[str, str], section: ModelConfig, config: Config) -> tuple[Any, list[str]]:
    if section.engine not in MODEL_ENGINES:
        return _offline(role, table, section.engine, config), []
    from ..models import ModelUnavailable, resolve_model

    try:
        resolve_model(section.model, section.revision, key=f"{role}.model")
    except ModelUnavailable as err:
        if not section.fallback:
            raise
        # What stood in, then in brackets the operator's advice (see brief_note).
        note = f"{role}: {section.fallback} engine used instead of {section.engine}, as model {section.model} is not available ({err})"
        return _offline(role, table, section.fallback, config), [note]
    return _load(table, role, section.engine)(section), []


def brief_note(note: str) -> str:
    """What a brief says of a fallback: which engine stood in for which model. The advice on
    getting the model (the rest of the note) is for the operator, on stderr once."""
    return note.partition(" (")[0]


def offline_translator(name: str, config: Config) -> Translator:
    """An engine that needs no model (the gloss), e.g. to stand in for failed model output."""
    return _offline("translator", TRANSLATORS, name, config)


def strict_translator(config: Config) -> Translator:
    """The configured model engine, kept from repeating itself: the guard's one retry."""
    settings = dataclasses.replace(
        config.translator,
        no_repeat_ngram_size=config.guard.retry_no_repeat_ngram_size,
        repetition_penalty=config.guard.retry_repetition_penalty,
    )
    return _load(TRANSLATORS, "translator", config.translator.engine)(settings)


def _offline(role: str, table: dict[str, str], name: str, config: Config) -> Any:
    cls = _load(table, role, name)
    if name == "gloss":
        return cls(glossary_paths=config.glossary.files)
    return cls()


def translate_lines(translator: Translator, lines: Sequence[str]) -> list[str]:
    """One English line per input line: its sentences translated in one batch."""
    from ..text.sentences import split_sentences

    per_line = [split_sentences(line) for line in lines]
    english = iter(translator.translate([s for sentences in per_line for s in sentences]))
    return [" ".join(next(english) for _ in sentences) for sentences in per_line]
