"""Engines built from config: the configured one, or its offline fallback when its model is missing.

The pipeline sees only ``Translator`` and ``Summarizer`` (``briefs.protocols``). Engines are named
in config (``briefs.registry``) and imported on first use, so ``briefs --help``, the reader and the
offline engines never import torch. Every engine class is built one way, ``EngineClass.from_config``:
nothing here knows one engine from another.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, Mapping, Protocol, Sequence, TypeVar

from ..protocols import Summarizer, Translator
from ..registry import MODEL_ENGINES, SUMMARIZERS, TRANSLATORS, EngineEntry, engine_class

if TYPE_CHECKING:
    from ..config import Config, ModelConfig

Engine = TypeVar("Engine", Translator, Summarizer)
Built = TypeVar("Built", covariant=True)


class EngineClass(Protocol[Built]):
    """The one constructor every engine class has, whatever it reads: model engines their role's
    section (``settings``), the gloss the glossary files (``config``), the extractive summarizer
    nothing. Like ``__init__`` it only stores settings; models load on first use."""

    def from_config(self, settings: ModelConfig, config: Config) -> Built: ...


@dataclass(frozen=True)
class _Role(Generic[Engine]):
    """What an engine is built to be: its word in config and messages, and the engines that can be it."""

    name: str
    table: Mapping[str, EngineEntry]

    def build(self, engine: str, settings: ModelConfig, config: Config) -> Engine:
        cls: EngineClass[Engine] = engine_class(self.table, self.name, engine)
        return cls.from_config(settings, config)


_TRANSLATOR: _Role[Translator] = _Role("translator", TRANSLATORS)
_SUMMARIZER: _Role[Summarizer] = _Role("summarizer", SUMMARIZERS)


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
    """The configured translator, or its fallback (with a note) when its model is missing and
    the user did not name it (``Config.fallback_for``)."""
    return _build(_TRANSLATOR, config.translator, config)


def build_summarizer(config: Config) -> tuple[Summarizer, list[str]]:
    return _build(_SUMMARIZER, config.summarizer, config)


def _build(role: _Role[Engine], section: ModelConfig, config: Config) -> tuple[Engine, list[str]]:
    if section.engine not in MODEL_ENGINES:
        return role.build(section.engine, section, config), []
    from ..models import ModelUnavailable, resolve_model

    try:
        resolve_model(section.model, section.revision, key=f"{role.name}.model")
    except ModelUnavailable as err:
        # A model the user named is what they want, not the gloss: missing, it is an error.
        fallback = config.fallback_for(role.name)
        if not fallback:
            raise
        # What stood in, then in brackets the operator's advice (see brief_note).
        note = f"{role.name}: {fallback} engine used instead of {section.engine}, as model {section.model} is not available ({err})"
        return role.build(fallback, section, config), [note]
    return role.build(section.engine, section, config), []


def brief_note(note: str) -> str:
    """What a brief says of a fallback: which engine stood in for which model. The advice on
    getting the model (the rest of the note) is for the operator, on stderr once."""
    return note.partition(" (")[0]


def offline_translator(name: str, config: Config) -> Translator:
    """An engine that needs no model (the gloss), e.g. to stand in for failed model output."""
    return _TRANSLATOR.build(name, config.translator, config)


def strict_translator(config: Config) -> Translator:
    """The configured model engine, kept from repeating itself: the guard's one retry."""
    settings = dataclasses.replace(
        config.translator,
        no_repeat_ngram_size=config.guard.retry_no_repeat_ngram_size,
        repetition_penalty=config.guard.retry_repetition_penalty,
    )
    return _TRANSLATOR.build(config.translator.engine, settings, config)


def translate_lines(translator: Translator, lines: Sequence[str]) -> list[str]:
    """One English line per input line: its sentences translated in one batch."""
    from ..text.sentences import split_sentences

    per_line = [split_sentences(line) for line in lines]
    english = iter(translator.translate([s for sentences in per_line for s in sentences]))
    return [" ".join(next(english) for _ in sentences) for sentences in per_line]
