"""Engine and layout names → where their code lives, imported on first use.

Names only, no imports: config validates names against these tables, and
``briefs --help``, the reader and the offline engines never load torch.
"""

from __future__ import annotations

import importlib
from typing import Any

from .errors import BriefsError

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

# Layouts of a page of plain text, each read by its own rules (``read/layouts.py`` picks one by the
# text's shape when the setting is "auto").
LAYOUTS: dict[str, str] = {
    "seeds": "briefs.read.seeds:parse",
    "epaper": "briefs.read.epaper:parse_epaper",
    "web": "briefs.read.web.text:parse_web",
}
LAYOUT_NAMES = ("auto", *LAYOUTS)

# Engines that run a model, which may be missing; the others work offline
# and are the only sensible fallbacks.
MODEL_ENGINES = frozenset({"marian", "seq2seq", "ctranslate2"})


def load(target: str) -> Any:
    """The object a ``"module:name"`` target names, importing its module now."""
    module_name, _, attr = target.partition(":")
    return getattr(importlib.import_module(module_name), attr)


def engine_class(table: dict[str, str], role: str, name: str) -> type:
    try:
        target = table[name]
    except KeyError:
        known = ", ".join(sorted(table))
        raise BriefsError(f"unknown {role} engine {name!r}; known engines: {known}") from None
    return load(target)


def translator_class(name: str) -> type:
    return engine_class(TRANSLATORS, "translator", name)


def summarizer_class(name: str) -> type:
    return engine_class(SUMMARIZERS, "summarizer", name)
