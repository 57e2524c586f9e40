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

import dataclasses
import tempfile
import time
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

import regex

from ..errors import BriefsError
from ..figures.find import find_figures, key_figures
from ..text.sentences import split_sentences

_HAN = regex.compile(r"\p{Han}")
# Loads what an engine loads lazily (a model, a dictionary, jieba's tables)
# before the clock starts: a figure, a date, a place with its unit, a name.
_WARM_UP = "喀左县3月23日投资28.72亿元，迟晓光说。"
ROW_KEYS = (
    "engine", "identity", "mode", "chrf", "bleu", "segments_per_second", "seconds", "load_seconds",
    "cached_sentences", "chinese_left", "figure_fidelity", "figures", "figure_repairs", "glossary_repairs",
    "guard_fallbacks",
)  # fmt: skip


@dataclass(frozen=True)
class EngineScore:
    """One engine on one test set: one row of the table."""

    engine: str  # the name asked for (marian, gloss, ...)
    identity: str  # the engine's signature: model, settings, version
    mode: str  # "checked" (as in a brief) or "raw" (the engine alone)
    chrf: float
    bleu: float
    segments_per_second: float
    seconds: float  # translating, with checks and guard retries; not loading
    load_seconds: float  # the first call of a warm-up sentence: model, dictionary, tables
    cached_sentences: int  # sentences the cache served instead of the engine
    chinese_left: int  # output lines (segments) with a Han character
    figure_fidelity: float | None  # share of source key figures read in the output; None if there are none
    figures: int  # source key figures
    figure_repairs: int  # figures the check corrected or added in the English
    glossary_repairs: int  # terms the glossary enforced
    guard_fallbacks: int  # sentences the guard replaced with the gloss


@dataclass(frozen=True)
class Evaluation:
    segments: int
    signatures: dict[str, str]
    rows: tuple[EngineScore, ...]
    hypotheses: dict[str, list[str]]  # engine → one English line per segment

    def as_dict(self) -> dict:
        """The JSON of ``briefs eval --format json``."""
        return {"segments": self.segments, "signatures": self.signatures, "rows": [dataclasses.asdict(r) for r in self.rows]}


def read_test_set(src: Path, ref: Path, limit: int | None = None) -> tuple[list[str], list[str]]:
    """Source and reference lines, paired by line number; the first ``limit`` pairs."""
    sources, references = _lines(src), _lines(ref)
    if len(sources) != len(references):
        raise BriefsError(
            f"{src} has {len(sources)} lines but {ref} has {len(references)}; "
            "source and reference must be line-aligned, one segment per line"
        )
    if not sources:
        raise BriefsError(f"{src} is empty; give one source segment per line")
    if limit is not None:
        sources, references = sources[:limit], references[:limit]
    return sources, references


def _lines(path: Path) -> list[str]:
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise BriefsError(f"{path}: cannot read it as UTF-8 text ({getattr(err, 'strerror', None) or err})") from None
    return text.splitlines()


def evaluate(
    sources: Sequence[str],
    references: Sequence[str],
    config,
    engines: Sequence[str | None] = (None,),
    *,
    model: str | None = None,
    raw: bool = False,
    cache=None,
    warn: Callable[[str], None] = lambda line: None,
) -> Evaluation:
    """Translate ``sources`` with each engine (None: the configured one) and score each against ``references``.

    ``cache`` is a ``briefs.cache.Cache``; by default each engine gets a
    fresh one in a temporary folder, deleted afterwards.
    """
    from ..config import apply_overrides

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
    config,
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
    from ..cache import Cache

    sources, references = read_test_set(src, ref, limit)
    cache = Cache.default() if use_cache and not raw else None
    result = evaluate(sources, references, config, engines, model=model, raw=raw, cache=cache, warn=warn)
    if save_hyp is not None:
        save_hypotheses(result, save_hyp)
    return result


def _temporary_cache(stack: ExitStack):
    from ..cache import CACHE_FILE, Cache

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


def _run_engine(sources: Sequence[str], settings, raw: bool, cache) -> _Run:
    from ..engines import build_translator
    from ..pipeline.article import translate_checked

    engine, _ = build_translator(settings)
    started = time.perf_counter()
    engine.translate([_WARM_UP])
    loaded = time.perf_counter() - started
    started = time.perf_counter()
    if raw:
        english = translate_segments(engine.translate, sources)
        return _Run(engine.identity, english, time.perf_counter() - started, loaded)
    tools = _tools(settings, engine, cache)
    checked: dict = {}

    def translate(sentences: Sequence[str]) -> list[str]:
        checked.update(translate_checked(tools, sentences))
        return [checked[s].en if s in checked else "" for s in sentences]

    english = translate_segments(translate, sources)
    seconds = time.perf_counter() - started
    done = [checked[s] for line in sources for s in split_sentences(line) if s in checked]
    return _Run(
        engine.identity, english, seconds, loaded, cached=tools.translator.stats.hits,
        figure_repairs=sum(c.figure_repairs for c in done), glossary_repairs=sum(c.glossary_repairs for c in done),
        guard_fallbacks=sum(bool(getattr(c, "fallback", False)) for c in done),
    )  # fmt: skip


def translate_segments(translate: Callable[[Sequence[str]], list[str]], segments: Sequence[str]) -> list[str]:
    """One English line per segment: every segment's sentences translated in one call, as a brief's are."""
    per_segment = [split_sentences(segment) for segment in segments]
    english = iter(translate([s for sentences in per_segment for s in sentences]))
    return [" ".join(next(english) for _ in sentences) for sentences in per_segment]


def _tools(settings, engine, cache):
    """What translate_checked needs, built as ``batch.make_tools`` builds it for a run."""
    from ..brief import EngineInfo
    from ..cache import CachedTranslator
    from ..engines import MODEL_ENGINES, offline_translator, strict_translator
    from ..glossary.terms import Glossary
    from ..pipeline.guard import Guard
    from ..pipeline.article import Tools

    translator = CachedTranslator(engine, cache)
    guard = None
    if settings.guard.enabled and settings.translator.engine in MODEL_ENGINES:
        strict = CachedTranslator(strict_translator(settings), cache)
        guard = Guard(settings.guard, strict, CachedTranslator(offline_translator(settings.guard.fallback, settings), cache))
    info = EngineInfo(translator.identity, "", settings.translator.engine, "")
    return Tools(translator, None, Glossary.load(settings.glossary.files), info, guard)


def corpus_scores(hypotheses: Sequence[str], references: Sequence[str]) -> tuple[float, float, dict[str, str]]:
    """chrF and BLEU as sacrebleu computes them, with sacrebleu's signatures."""
    try:
        from sacrebleu.metrics import BLEU, CHRF
    except ImportError:
        raise BriefsError("briefs eval needs sacrebleu: pip install sacrebleu") from None
    chrf, bleu = CHRF(), BLEU()
    chrf_score = chrf.corpus_score(list(hypotheses), [list(references)])
    bleu_score = bleu.corpus_score(list(hypotheses), [list(references)])
    signatures = {"chrf": str(chrf.get_signature()), "bleu": str(bleu.get_signature())}
    return chrf_score.score, bleu_score.score, signatures


def chinese_left(hypotheses: Sequence[str]) -> int:
    return sum(bool(_HAN.search(h)) for h in hypotheses)


def figures_read(sources: Sequence[str], hypotheses: Sequence[str]) -> tuple[int, int]:
    """(found, total): source key figures whose English reading the output contains."""
    found = total = 0
    for zh, en in zip(sources, hypotheses):
        for figure in key_figures(find_figures(zh)):
            total += 1
            found += figure.english.lower() in en.lower()
    return found, total


def _unique(name: str, taken: dict) -> str:
    n, key = 1, name
    while key in taken:
        n += 1
        key = f"{name}-{n}"
    return key


def save_hypotheses(evaluation: Evaluation, folder: Path) -> list[Path]:
    """One file per engine, ``<engine>.en``, one line per segment."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        paths = []
        for name, lines in evaluation.hypotheses.items():
            path = folder / f"{name}.en"
            path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
            paths.append(path)
    except OSError as err:
        raise BriefsError(f"cannot write hypotheses to {folder}: {err.strerror or err}") from None
    return paths


_COLUMNS = ("engine", "mode", "chrF", "BLEU", "seg/s", "Chinese left", "figures read", "figure repairs",
            "glossary repairs", "guard fallbacks")  # fmt: skip


def table(evaluation: Evaluation) -> str:
    """An aligned text table, one row per engine, with sacrebleu's signatures below."""
    n = evaluation.segments
    body = [
        (r.engine, r.mode, f"{r.chrf:.2f}", f"{r.bleu:.2f}", f"{r.segments_per_second:.1f}", f"{r.chinese_left}/{n}",
         "-" if r.figure_fidelity is None else f"{r.figure_fidelity:.1%} of {r.figures}",
         str(r.figure_repairs), str(r.glossary_repairs), str(r.guard_fallbacks))
        for r in evaluation.rows
    ]  # fmt: skip
    widths = [max(len(cell) for cell in column) for column in zip(_COLUMNS, *body)]
    lines = ["  ".join(cell.ljust(w) if i < 2 else cell.rjust(w) for i, (cell, w) in enumerate(zip(row, widths))).rstrip()
             for row in [_COLUMNS, *body]]  # fmt: skip
    lines.append("")
    lines += [f"{r.engine}: {r.identity}" + (f" ({r.cached_sentences} sentences from the cache)" if r.cached_sentences else "")
              for r in evaluation.rows]  # fmt: skip
    lines += [f"chrF signature: {evaluation.signatures.get('chrf', '')}", f"BLEU signature: {evaluation.signatures.get('bleu', '')}"]
    return "\n".join(lines)
