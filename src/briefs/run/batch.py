"""A batch run: files in; briefs, sidecars and an index out.

A bad file is reported in one line and the run goes on. Files are written to
a temporary name and renamed, so an interrupted run leaves no half-written
brief; the next run serves finished work from the cache.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from ..brief import Brief, EngineInfo
from ..text.document import Article, Document
from ..errors import BriefsError, InputError
from ..pipeline.article import Options, Tools, brief_articles
from .progress import Progress
from ..text.reader import read_path
from ..render.markdown import brief_markdown, brief_sidecar, brief_stem, identity_fields, index_markdown
from ..text.sentences import split_sentences


@dataclass
class RunReport:
    briefs: int = 0
    skipped: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # "<file> article <n>: <reason>" (Ray runs)
    translated: int = 0
    cached: int = 0
    cut: int = 0  # model outputs stopped by max_new_tokens (the guard then retried them)
    seconds: float = 0.0

    def closing_line(self) -> str:
        return (
            f"{self.briefs} briefs written, {len(self.skipped)} files skipped, "
            + (f"{len(self.failed)} articles failed, " if self.failed else "")
            + f"{self.translated} sentences translated, {self.cached} served from cache, {self.seconds:.1f}s"
            + (f"; {self.cut} model outputs reached translator.max_new_tokens (raise it to avoid retries)" if self.cut else "")
        )


def check_out_dir(out: Path) -> None:
    """Fail before any model is loaded if the briefs could not be written."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=out, prefix=".briefs-check-"):
            pass
    except OSError as err:
        raise BriefsError(f"cannot write to the output folder {out}: {err.strerror or err}") from None


def write_atomic(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def read_all(files: list[Path], report: RunReport, warn: Callable[[str], None]) -> list[Document]:
    docs = []
    for path in files:
        try:
            docs.append(read_path(path))
        except InputError as err:
            report.skipped.append(str(err))
            warn(f"briefs: skipped {err}")
    return docs


def write_brief(out: Path, brief: Brief, options: Options, generated_at: str) -> str:
    stem = brief_stem(brief)
    write_atomic(out / f"{stem}.md", brief_markdown(brief, bilingual=options.bilingual))
    sidecar = json.dumps(brief_sidecar(brief, generated_at), ensure_ascii=False, indent=2) + "\n"
    write_atomic(out / f"{stem}.json", sidecar)
    return f"{stem}.md"


def sentence_count(article: Article) -> int:
    return sum(len(split_sentences(p)) for p in article.paragraphs)


def run_batch(
    docs: list[Document], out: Path, tools: Tools, options: Options, progress: Progress, report: RunReport
) -> RunReport:
    started = time.monotonic()
    generated_at = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
    progress.start(sum(len(d.articles) for d in docs))
    written: list[tuple[str, Brief]] = []
    try:
        for doc in docs:
            for brief in brief_articles([(doc, i) for i in range(len(doc.articles))], tools, options):
                name = write_brief(out, brief, options, generated_at)
                written.append((name, brief))
                report.briefs += 1
                progress.article_done(name, sentence_count(doc.articles[brief.article_index - 1]))
        write_atomic(out / "index.md", index_markdown(written))
    finally:
        progress.close()
        stats = getattr(tools.translator, "stats", None)  # present when the translator is cached
        if stats is not None:
            report.translated, report.cached = stats.misses, stats.hits
        engines = [getattr(tools.translator, "inner", None), getattr(getattr(tools.guard, "strict", None), "inner", None)]
        report.cut = sum(getattr(engine, "output_cuts", 0) for engine in engines)
        report.seconds += time.monotonic() - started
    return report


def make_tools(config, warn: Callable[[str], None]) -> Tools:
    """Engines from config (a missing model falls back, said once), cached, with the glossary."""
    from ..cache import Cache, CachedSummarizer, CachedTranslator
    from ..engines import MODEL_ENGINES, brief_note, build_engines, offline_translator, strict_translator
    from ..glossary.terms import Glossary
    from ..pipeline.guard import Guard

    engines = build_engines(config)
    for note in engines.notes:
        warn(f"briefs: {note}")
    cache = Cache.default()
    translator = CachedTranslator(engines.translator, cache)
    summarizer = CachedSummarizer(engines.summarizer, cache)
    info = EngineInfo(
        translator=translator.identity,
        summarizer=summarizer.identity,
        translator_engine=identity_fields(translator.identity).get("engine", "?"),
        summarizer_engine=identity_fields(summarizer.identity).get("engine", "?"),
        notes=tuple(brief_note(n) for n in engines.notes),
    )
    guard = None
    if config.guard.enabled and info.translator_engine in MODEL_ENGINES:
        strict = CachedTranslator(strict_translator(config), cache)
        guard = Guard(config.guard, strict, CachedTranslator(offline_translator(config.guard.fallback, config), cache))
    return Tools(translator, summarizer, Glossary.load(config.glossary.files), info, guard)


def run_command(paths: list[Path], out: Path, config, options: Options, progress: Progress, warn: Callable[[str], None]) -> RunReport:
    """The whole of `briefs run`: output folder checked first, bad files skipped, models loaded last."""
    from ..text.inputs import collect_inputs

    check_out_dir(out)
    report = RunReport()
    docs = read_all(collect_inputs(paths), report, warn)
    if not any(d.articles for d in docs):
        return report
    if config.run.executor == "ray":
        from .on_ray import run_on_ray

        return run_on_ray(docs, out, config, options, progress, report, warn)
    return run_batch(docs, out, make_tools(config, warn), options, progress, report)
