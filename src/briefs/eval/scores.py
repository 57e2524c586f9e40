"""Scores of a test set's translations: sacrebleu's chrF and BLEU, and what a reader of briefs would notice.

Besides the metrics (with sacrebleu's signatures, so they compare with
published numbers): Chinese left in the English, figures lost, repairs and
fallbacks; a table and JSON of them, and the hypotheses saved per engine.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from ..errors import BriefsError
from ..figures.find import find_figures, key_figures
from ..text.marks import HAN

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
    return sum(bool(HAN.search(h)) for h in hypotheses)


def figures_read(sources: Sequence[str], hypotheses: Sequence[str]) -> tuple[int, int]:
    """(found, total): source key figures whose English reading the output contains."""
    found = total = 0
    for zh, en in zip(sources, hypotheses):
        for figure in key_figures(find_figures(zh)):
            total += 1
            found += figure.english.lower() in en.lower()
    return found, total


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
