"""`briefs eval`: translate a test set with each engine and score it against its reference.

Each engine translates the source the way a brief is made (sentences split,
one batched call, cache, figure and glossary checks, the quality guard for
model engines), or, with ``raw``, the bare engine alone. Scores come from
sacrebleu, with its signatures, so they compare with published numbers; the
other columns count what a reader of briefs would notice: Chinese left in
the English, figures lost, repairs and fallbacks. A fresh private cache is
used unless the caller passes one, so a speed column measures translation,
not cache lookups.
"""

from __future__ import annotations

import tempfile
import time
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

from ..cache import CACHE_FILE, Cache
from ..config import Config, apply_overrides
from ..engines import build_translator, translate_lines
from ..pipeline.checked import CheckedTranslation
from ..pipeline.briefer import Briefer
from ..text.sentences import split_sentences
from .scores import EngineScore, Evaluation, chinese_left, corpus_scores, figures_read, read_test_set, save_hypotheses

# Loads what an engine loads lazily (a model, a dictionary, jieba's tables)
# before the clock starts: a figure, a date, a place with its unit, a name.
_WARM_UP = "喀左县3月23日投资28.72亿元，迟晓光说。"


def evaluate(
    sources: Sequence[str],
    references: Sequence[str],
    config: Config,
    engines: Sequence[str | None] = (None,),
    *,
    model: str | None = None,
    raw: bool = False,
    cache: Cache | None = None,
    warn: Callable[[str], None] = lambda line: None,
) -> Evaluation:
    """Translate ``sources`` with each engine (None: the configured one) and score each against ``references``.

    ``cache`` is a ``briefs.cache.Cache``; by default each engine gets a
    fresh one in a temporary folder, deleted afterwards.
    """
    rows, hypotheses = [], {}
    signatures: dict[str, str] = {}
    for name in engines:
        # A missing model is an error here, not a silent gloss row under the model's name.
        settings = apply_overrides(config, {"translator.engine": name, "translator.model": model, "translator.fallback": ""})
        with ExitStack() as stack:
            run = _run_engine(sources, settings, raw, cache if cache is not None else _temporary_cache(stack))
        chrf, bleu, signatures = corpus_scores(run.english, references)
        found, total = figures_read(sources, run.english)
        rows.append(EngineScore(
            engine=settings.translator.engine, identity=run.identity, mode="raw" if raw else "checked",
            chrf=chrf, bleu=bleu, segments_per_second=len(sources) / run.seconds if run.seconds > 0 else 0.0,
            seconds=run.seconds, load_seconds=run.load_seconds, cached_sentences=run.cached,
            chinese_left=chinese_left(run.english), figure_fidelity=found / total if total else None, figures=total,
            figure_repairs=run.figure_repairs, glossary_repairs=run.glossary_repairs, guard_fallbacks=run.guard_fallbacks,
        ))  # fmt: skip
        hypotheses[_unique(settings.translator.engine, hypotheses)] = run.english
        warn(f"briefs: eval: {settings.translator.engine}: {len(sources)} segments in {run.seconds:.1f}s")
    return Evaluation(len(sources), signatures, tuple(rows), hypotheses)


def evaluate_files(
    src: Path,
    ref: Path,
    config: Config,
    engines: Sequence[str | None] = (None,),
    *,
    model: str | None = None,
    limit: int | None = None,
    raw: bool = False,
    use_cache: bool = False,
    save_hyp: Path | None = None,
    warn: Callable[[str], None] = lambda line: None,
) -> Evaluation:
    """The whole of ``briefs eval``; ``use_cache`` shares the user's translation cache."""
    sources, references = read_test_set(src, ref, limit)
    cache = Cache.default() if use_cache and not raw else None
    result = evaluate(sources, references, config, engines, model=model, raw=raw, cache=cache, warn=warn)
    if save_hyp is not None:
        save_hypotheses(result, save_hyp)
    return result


def _temporary_cache(stack: ExitStack) -> Cache:
    folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="briefs-eval-")))
    cache = Cache(folder / CACHE_FILE)
    stack.callback(cache.close)
    return cache


@dataclass
class _Run:
    """What one engine gave for a test set, and what the checks changed on the way (per sentence)."""

    identity: str
    english: list[str]
    seconds: float
    load_seconds: float
    cached: int = 0
    figure_repairs: int = 0
    glossary_repairs: int = 0
    guard_fallbacks: int = 0


def _run_engine(sources: Sequence[str], settings: Config, raw: bool, cache: Cache) -> _Run:
    engine, _ = build_translator(settings)
    started = time.perf_counter()
    engine.translate([_WARM_UP])
    loaded = time.perf_counter() - started
    started = time.perf_counter()
    if raw:
        english = translate_lines(engine, sources)
        return _Run(engine.identity, english, time.perf_counter() - started, loaded)
    checked = _BriefTranslation(Briefer.over(settings, engine, cache))
    english = translate_lines(checked, sources)
    seconds = time.perf_counter() - started
    done = [checked.lines[s] for line in sources for s in split_sentences(line) if s in checked.lines]
    return _Run(
        engine.identity, english, seconds, loaded, cached=checked.briefer.usage().cached,
        figure_repairs=sum(c.figure_repairs for c in done), glossary_repairs=sum(c.glossary_repairs for c in done),
        guard_fallbacks=sum(c.fallback for c in done),
    )  # fmt: skip


class _BriefTranslation:
    """Translation as a brief makes it (cache, figure and glossary checks, guard), remembering each checked line."""

    def __init__(self, briefer: Briefer):
        self.briefer, self.identity = briefer, briefer.tools.translator.identity
        self.lines: dict[str, CheckedTranslation] = {}

    def translate(self, sentences: Sequence[str]) -> list[str]:
        self.lines.update(self.briefer.translate_checked(sentences))
        return [self.lines[s].en if s in self.lines else "" for s in sentences]


def _unique(name: str, taken: dict) -> str:
    n, key = 1, name
    while key in taken:
        n += 1
        key = f"{name}-{n}"
    return key
