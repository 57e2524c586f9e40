"""What briefing an article needs, built once per run (or once per Ray worker) from config.

The configured engines, each behind the cache, the glossary, and for model
engines the guard with its strict retry and its gloss fallback. A local run,
a Ray worker, ``briefs eval`` and the Python API all build them here, through
the ``Briefer`` (``briefer.py``), so they brief with the same tools.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

from ..brief import EngineInfo
from ..cache import Cache, CachedSummarizer, CachedTranslator
from ..config import Config
from ..engines import brief_note, build_engines, offline_translator, strict_translator
from ..glossary.terms import Glossary
from ..protocols import Summarizer, Translator, identity_fields
from ..registry import MODEL_ENGINES
from .guard import Guard


@dataclass(frozen=True)
class Options:
    full: bool = False
    bilingual: bool = False


@dataclass
class Tools:
    """What an article needs; built once per run (or once per cluster worker)."""

    translator: Translator
    summarizer: Summarizer | None
    glossary: Glossary | None
    engines: EngineInfo
    guard: Guard | None = None
    budgets: tuple[int, int] = (200, 80)  # characters of summary: the article's, each section's


@dataclass(frozen=True)
class Usage:
    """Work done so far by a run's tools: what a closing line counts."""

    translated: int = 0
    cached: int = 0
    cut: int = 0  # model outputs stopped by max_new_tokens (the guard then retried them)

    def __sub__(self, other: Usage) -> Usage:
        return Usage(self.translated - other.translated, self.cached - other.cached, self.cut - other.cut)


def usage(tools: Tools) -> Usage:
    translator = tools.translator
    if not isinstance(translator, CachedTranslator):
        return Usage()
    strict = tools.guard.strict if tools.guard is not None else None
    cut = translator.output_cuts + (strict.output_cuts if isinstance(strict, CachedTranslator) else 0)
    return Usage(translator.stats.misses, translator.stats.hits, cut)


def assemble_tools(
    config: Config, translator: Translator, summarizer: Summarizer | None, cache: Cache, notes: Sequence[str] = ()
) -> Tools:
    """Built engines, cached, with the glossary and (for model engines) the guard."""
    cached = CachedTranslator(translator, cache)
    summary = CachedSummarizer(summarizer, cache) if summarizer is not None else None
    info = EngineInfo(
        translator=cached.identity,
        summarizer=summary.identity if summary is not None else "",
        translator_engine=identity_fields(cached.identity).get("engine", "?"),
        summarizer_engine=identity_fields(summary.identity).get("engine", "?") if summary is not None else "",
        notes=tuple(brief_note(n) for n in notes),
    )
    guard = None
    # By what answered, not what was asked for: a model that fell back to the gloss needs no guard.
    if config.guard.enabled and info.translator_engine in MODEL_ENGINES:
        strict = CachedTranslator(strict_translator(config), cache)
        fallback = CachedTranslator(offline_translator(config.guard.fallback, config), cache)
        guard = Guard(config.guard, strict, fallback)
    budgets = (config.summarizer.budget, config.summarizer.section_budget)
    return Tools(cached, summary, Glossary.load(config.glossary.files), info, guard, budgets)


def make_tools(config: Config, warn: Callable[[str], None], cache: Cache | None = None) -> Tools:
    """Engines from config (a missing default model falls back, said once), cached, with the glossary."""
    engines = build_engines(config)
    for note in engines.notes:
        warn(f"briefs: {note}")
    return assemble_tools(config, engines.translator, engines.summarizer, cache or Cache.default(warn), engines.notes)
