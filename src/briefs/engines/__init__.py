"""Engines built from config: the configured one, or its offline fallback when a model is missing.

The pipeline sees only ``Translator`` and ``Summarizer`` (``briefs.protocols``). Engines are named
in config (``briefs.registry``) and imported on first use, so ``briefs --help``, the reader and the
offline engines never import torch.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Sequence

from ..protocols import Summarizer, Translator
from ..registry import MODEL_ENGINES, SUMMARIZERS, TRANSLATORS, engine_class, summarizer_class, translator_class

if TYPE_CHECKING:
    from ..config import Config, ModelConfig


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
    return engine_class(table, role, section.engine)(section), []


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
    return engine_class(TRANSLATORS, "translator", config.translator.engine)(settings)


def _offline(role: str, table: dict[str, str], name: str, config: Config) -> Any:
    cls = engine_class(table, role, name)
    if name == "gloss":
        return cls(glossary_paths=config.glossary.files)
    return cls()


def translate_lines(translator: Translator, lines: Sequence[str]) -> list[str]:
    """One English line per input line: its sentences translated in one batch."""
    from ..text.sentences import split_sentences

    per_line = [split_sentences(line) for line in lines]
    english = iter(translator.translate([s for sentences in per_line for s in sentences]))
    return [" ".join(next(english) for _ in sentences) for sentences in per_line]
