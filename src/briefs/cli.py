"""Command line: parse flags, call the library, map errors to exit codes. No logic here."""

from __future__ import annotations

import json
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from . import __version__
from .errors import EXIT_INTERRUPTED, EXIT_OK, EXIT_SKIPPED, BriefsError, InputError

# Locals hold whole articles: never print them.
app = typer.Typer(
    name="briefs",
    help="Turn Chinese news pages into English Markdown briefs, on CPU, with open models.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    add_completion=False,
)


def fail(err: BriefsError) -> None:
    """Print a user error as one line and exit with its status (BRIEFS_DEBUG=1 re-raises)."""
    if os.environ.get("BRIEFS_DEBUG"):
        raise err
    typer.echo(f"briefs: {err}", err=True)
    raise typer.Exit(err.exit_code)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"briefs {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        Optional[bool],
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit."),
    ] = None,
) -> None:
    """Chinese news pages in, English briefs out."""


class SplitFormat(str, Enum):
    json = "json"
    md = "md"


@app.command()
def split(
    paths: Annotated[list[Path], typer.Argument(metavar="PATH...", help="Article files, or folders of *.txt / *.md.")],
    format: Annotated[SplitFormat, typer.Option("--format", "-f", help="json: one JSON object per file per line; md: readable outline.")] = SplitFormat.json,
) -> None:
    """Read news pages and show their articles, sections, paragraphs and extras.

    Bad files are reported on stderr, one line each; the others are still shown.
    """
    from .text.document import as_dict
    from .render.outline import document_markdown

    skipped = 0
    for doc in _documents(paths):
        if doc is None:
            skipped += 1
        elif format is SplitFormat.json:
            sys.stdout.write(json.dumps(as_dict(doc), ensure_ascii=False) + "\n")
        else:
            sys.stdout.write(document_markdown(doc) + "\n")
    raise typer.Exit(EXIT_SKIPPED if skipped else EXIT_OK)


def _documents(paths: list[Path]):
    """Each input read in turn; a bad file is reported in one line and yields None."""
    from .text.inputs import collect_inputs
    from .text.reader import read_path

    try:
        files = collect_inputs(paths)
    except BriefsError as err:
        fail(err)
    for path in files:
        try:
            yield read_path(path)
        except InputError as err:
            typer.echo(f"briefs: skipped {err}", err=True)
            yield None


@app.command("figures")
def figures_command(
    paths: Annotated[list[Path], typer.Argument(metavar="PATH...", help="Article files, or folders of *.txt / *.md.")],
) -> None:
    """Show every figure of each article as JSON Lines.

    One line per figure: file, article (1-based), source, value, unit, english,
    kind (quantity, percent, count, date, ordinal), value_high (ranges).
    Bad files are reported on stderr, one line each; the others are still shown.
    """
    from .figures.find import article_figures

    skipped = 0
    for doc in _documents(paths):
        if doc is None:
            skipped += 1
            continue
        for number, article in enumerate(doc.articles, start=1):
            for f in article_figures(article):
                record = {"file": doc.source, "article": number, "source": f.source, "value": f.value,
                          "unit": f.unit, "english": f.english, "kind": f.kind, "value_high": f.value_high}
                sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    raise typer.Exit(EXIT_SKIPPED if skipped else EXIT_OK)


def _translation_input(text: Optional[str], file: Optional[Path]) -> list[str]:
    if text is not None:
        return text.splitlines()
    if file is not None:
        try:
            return file.read_text(encoding="utf-8-sig").splitlines()
        except (OSError, UnicodeDecodeError) as err:
            raise BriefsError(f"{file}: cannot read it as UTF-8 text ({err})") from None
    return sys.stdin.read().splitlines()


@app.command()
def translate(
    text: Annotated[Optional[str], typer.Argument(help="Chinese text. Default: --file, else standard input.")] = None,
    file: Annotated[Optional[Path], typer.Option("--file", help="A UTF-8 file of Chinese lines.")] = None,
    config: Annotated[Optional[Path], typer.Option("--config", help="Settings file (default: ./briefs.toml if present).")] = None,
    translator: Annotated[Optional[str], typer.Option("--translator", help="Engine: marian, ctranslate2, seq2seq or gloss.")] = None,
    model: Annotated[Optional[str], typer.Option("--model", help="Hub id or local model directory.")] = None,
    beams: Annotated[Optional[int], typer.Option("--beams", help="Beam size.")] = None,
    max_new_tokens: Annotated[Optional[int], typer.Option("--max-new-tokens", help="Longest output per input piece.")] = None,
    int8: Annotated[Optional[bool], typer.Option("--int8/--no-int8", help="Int8 dynamic quantization of linear layers.")] = None,
) -> None:
    """Translate Chinese text: one English line per input line."""
    from .config import apply_overrides, load_config
    from .engines import build_translator, translate_lines

    overrides = {"translator.engine": translator, "translator.model": model, "translator.beams": beams,
                 "translator.max_new_tokens": max_new_tokens, "translator.int8": int8}  # fmt: skip
    try:
        settings = apply_overrides(load_config(config), overrides)
        lines = _translation_input(text, file)
        engine, notes = build_translator(settings)
        for note in notes:
            typer.echo(f"briefs: note: {note}", err=True)
        english = translate_lines(engine, lines)
    except BriefsError as err:
        fail(err)
    sys.stdout.write("".join(line + "\n" for line in english))


models_app = typer.Typer(help="List, download and build models.", no_args_is_help=True)
app.add_typer(models_app, name="models")


@models_app.command("list")
def models_list(
    config: Annotated[Optional[Path], typer.Option("--config", help="Settings file (default: ./briefs.toml if present).")] = None,
) -> None:
    """Show each configured model and whether it is available offline, then the converted CTranslate2 models."""
    from .config import load_config
    from .engines.ct2 import converted_models
    from .models import model_statuses

    try:
        statuses = model_statuses(load_config(config))
        converted = converted_models()
    except BriefsError as err:
        fail(err)
    for s in statuses:
        typer.echo(f"{s.role:<11} {s.engine:<11} {s.model or '-':<36} {'ok' if s.available else 'MISSING':<8} {s.where}")
    for c in converted:
        typer.echo(f"{'converted':<11} {'ctranslate2':<11} {c.source:<36} {c.quantization:<8} {c.bytes / 1e6:.1f} MB {c.path}")


@models_app.command("download")
def models_download(
    name: Annotated[str, typer.Argument(help="Hub id, e.g. Helsinki-NLP/opus-mt-zh-en.")],
    revision: Annotated[str, typer.Option("--revision", help="Branch, tag or commit.")] = "",
) -> None:
    """Download a model into the Hugging Face cache (needs network)."""
    from .models import download_model

    try:
        path = download_model(name, revision)
    except BriefsError as err:
        fail(err)
    typer.echo(str(path))


class StubKind(str, Enum):
    marian = "marian"
    t5 = "t5"
    m2m100 = "m2m100"


@models_app.command("make-stub")
def models_make_stub(
    directory: Annotated[Path, typer.Argument(help="Where to save the model.")],
    kind: Annotated[StubKind, typer.Option("--kind", help="marian copies its input; t5 and m2m100 are random.")] = StubKind.marian,
) -> None:
    """Build a tiny deterministic model for tests and trials (no download)."""
    from .models import make_stub

    try:
        make_stub(directory, kind.value)
    except BriefsError as err:
        fail(err)
    typer.echo(f"built a tiny {kind.value} model in {directory}")


@app.command()
def run(
    paths: Annotated[list[Path], typer.Argument(metavar="INPUT...", help="Article files, or folders of *.txt / *.md.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the briefs, their JSON sidecars and index.md.")] = Path("outputs"),
    config: Annotated[Optional[Path], typer.Option("--config", help="Settings file (default: ./briefs.toml if present).")] = None,
    translator: Annotated[Optional[str], typer.Option("--translator", help="Translation engine: marian, ctranslate2, seq2seq or gloss.")] = None,
    model: Annotated[Optional[str], typer.Option("--model", help="Translation model: hub id or local directory.")] = None,
    summarizer: Annotated[Optional[str], typer.Option("--summarizer", help="Summary engine: extractive or seq2seq.")] = None,
    full: Annotated[bool, typer.Option("--full", help="Also translate the whole article.")] = False,
    bilingual: Annotated[bool, typer.Option("--bilingual", help="Also show the whole article, Chinese and English paragraph by paragraph.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress; only errors and the closing line.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="More detail while running.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks.")] = False,
    executor: Annotated[Optional[str], typer.Option("--executor", help="local (this process) or ray (Ray workers; pip install 'briefs\\[ray]').")] = None,
    workers: Annotated[Optional[int], typer.Option("--workers", help="Ray workers; also the CPUs of a local Ray instance.")] = None,
    ray_address: Annotated[Optional[str], typer.Option("--ray-address", help="Ray cluster to use (default: RAY_ADDRESS, else a local instance).")] = None,
) -> None:
    """Write one English brief per article, a JSON sidecar beside each, and index.md.

    Exit status: 0 all files done, 1 some files skipped or articles failed,
    2 usage or config error, 130 interrupted (run again to resume from the cache).
    """
    from .run.batch import run_command
    from .config import apply_overrides, load_config
    from .pipeline.article import Options
    from .run.progress import make_progress

    if debug:
        os.environ["BRIEFS_DEBUG"] = "1"
    warn = lambda line: typer.echo(line, err=True)  # noqa: E731
    overrides = {"translator.engine": translator, "translator.model": model, "summarizer.engine": summarizer,
                 "run.executor": executor, "run.workers": workers, "run.ray_address": ray_address}  # fmt: skip
    try:
        settings = apply_overrides(load_config(config), overrides)
        report = run_command(paths, out, settings, Options(full=full, bilingual=bilingual), make_progress(quiet, verbose), warn)
    except BriefsError as err:
        fail(err)
    except KeyboardInterrupt:
        if debug:
            raise
        warn("briefs: interrupted; finished briefs are kept and the next run resumes from the cache")
        raise typer.Exit(EXIT_INTERRUPTED) from None
    warn(f"briefs: {report.closing_line()}")
    raise typer.Exit(EXIT_SKIPPED if report.skipped or report.failed else EXIT_OK)


class EvalFormat(str, Enum):
    table = "table"
    json = "json"


@app.command("eval")
def eval_command(
    src: Annotated[Path, typer.Option("--src", help="Source file: Chinese, one segment per line.")],
    ref: Annotated[Path, typer.Option("--ref", help="Reference file: English, line-aligned with --src.")],
    translator: Annotated[Optional[list[str]], typer.Option("--translator", metavar="ENGINE", help="Engine to score; repeat for a side-by-side table. Default: the configured one.")] = None,
    model: Annotated[Optional[str], typer.Option("--model", help="Model for the model engines: hub id or local directory.")] = None,
    config: Annotated[Optional[Path], typer.Option("--config", help="Settings file (default: ./briefs.toml if present).")] = None,
    limit: Annotated[Optional[int], typer.Option("--limit", min=1, help="Score only the first N segments.")] = None,
    save_hyp: Annotated[Optional[Path], typer.Option("--save-hyp", help="Folder for each engine's output, <engine>.en.")] = None,
    format: Annotated[EvalFormat, typer.Option("--format", "-f", help="table: aligned text; json: one object.")] = EvalFormat.table,
    raw: Annotated[bool, typer.Option("--raw", help="Score the engine alone: no cache, figure or glossary checks, guard.")] = False,
    cache: Annotated[bool, typer.Option("--cache", help="Use the translation cache (default: a fresh one per engine, so speed is measured).")] = False,
) -> None:
    """Score translators on a test set: chrF and BLEU (sacrebleu), speed, Chinese left, figures, repairs.

    Each engine translates --src as briefs does (sentences batched, figures and
    glossary checked, the guard on model engines); --raw scores the bare engine.
    """
    from .config import load_config
    from .eval.evaluate import evaluate_files, table

    warn = lambda line: typer.echo(line, err=True)  # noqa: E731
    try:
        result = evaluate_files(src, ref, load_config(config), translator or [None], model=model, limit=limit,
                                raw=raw, use_cache=cache, save_hyp=save_hyp, warn=warn)  # fmt: skip
    except BriefsError as err:
        fail(err)
    if format is EvalFormat.json:
        sys.stdout.write(json.dumps(result.as_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(table(result) + "\n")


cache_app = typer.Typer(help="Inspect or empty the translation cache.", no_args_is_help=True)
app.add_typer(cache_app, name="cache")


@cache_app.command("info")
def cache_info() -> None:
    """Where the cache is, its size, and its entries per engine."""
    from .cache import Cache

    try:
        info = Cache.default().info()
    except BriefsError as err:
        fail(err)
    typer.echo(f"{info['path']} ({info['bytes'] / 1e6:.1f} MB)")
    for row in info["entries"]:
        typer.echo(f"  {row['count']:>8} {row['kind']:<12} {row['identity']}")


@cache_app.command("clear")
def cache_clear() -> None:
    """Delete every cached translation and summary."""
    from .cache import Cache

    try:
        removed = Cache.default().clear()
    except BriefsError as err:
        fail(err)
    typer.echo(f"removed {removed} entries")
