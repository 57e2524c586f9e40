"""Engine and layout names → where their code lives, imported on first use.

Names only, no imports: config validates names against these tables, ``--help``
lists them, and ``briefs --help``, the reader and the offline engines never
load torch. A new engine is one module in ``engines/`` and one row here.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any, Iterable, Mapping

from .errors import BriefsError


@dataclass(frozen=True)
class EngineEntry:
    """One engine: where its class is, and whether it runs a model. A model may be missing; the
    engines that need none work offline and are the only sensible fallbacks."""

    target: str  # "module:Class"; every class is built the same way, ``Class.from_config(settings, config)``
    needs_model: bool = False


# In the order ``--help`` lists them.
TRANSLATORS: dict[str, EngineEntry] = {
    "marian": EngineEntry("briefs.engines.marian:MarianTranslator", needs_model=True),
    "ctranslate2": EngineEntry("briefs.engines.ct2:CTranslate2Translator", needs_model=True),
    "seq2seq": EngineEntry("briefs.engines.seq2seq:Seq2SeqTranslator", needs_model=True),
    "gloss": EngineEntry("briefs.engines.gloss:GlossTranslator"),
}

SUMMARIZERS: dict[str, EngineEntry] = {
    "extractive": EngineEntry("briefs.engines.extractive:ExtractiveSummarizer"),
    "seq2seq": EngineEntry("briefs.engines.seq2seq:Seq2SeqSummarizer", needs_model=True),
}

MODEL_ENGINES = frozenset(name for table in (TRANSLATORS, SUMMARIZERS) for name, entry in table.items() if entry.needs_model)

# Layouts of a page of plain text, each read by its own rules (``read/layouts.py`` picks one by the
# text's shape when the setting is "auto").
LAYOUTS: dict[str, str] = {
    "seeds": "briefs.read.seeds:parse",
    "epaper": "briefs.read.epaper:parse_epaper",
    "web": "briefs.read.web.text:parse_web",
}
LAYOUT_NAMES = ("auto", *LAYOUTS)


def load(target: str) -> Any:
    """The object a ``"module:name"`` target names, importing its module now."""
    module_name, _, attr = target.partition(":")
    return getattr(importlib.import_module(module_name), attr)


def engine_class(table: Mapping[str, EngineEntry], role: str, name: str) -> type:
    try:
        entry = table[name]
    except KeyError:
        known = ", ".join(sorted(table))
        raise BriefsError(f"unknown {role} engine {name!r}; known engines: {known}") from None
    return load(entry.target)


def translator_class(name: str) -> type:
    return engine_class(TRANSLATORS, "translator", name)


def summarizer_class(name: str) -> type:
    return engine_class(SUMMARIZERS, "summarizer", name)


def spoken(names: Iterable[str]) -> str:
    """Names as help text lists them: ``marian, ctranslate2, seq2seq or gloss``."""
    *rest, last = names
    return f"{', '.join(rest)} or {last}" if rest else last
