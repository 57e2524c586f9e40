"""The commands that do the work: ``briefs run`` and ``briefs eval``."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..errors import EXIT_INTERRUPTED, EXIT_OK, EXIT_SKIPPED, BriefsError
from ..registry import SUMMARIZERS, TRANSLATORS, spoken
from ..signals import Interrupted, handled
from .app import LAYOUT_HELP, PAGES_HELP, ConfigOption, app, debug, fail, input_paths, os_failure, user_errors, warn


@app.command()
def run(
    paths: Annotated[list[str], typer.Argument(metavar="INPUT...", help=PAGES_HELP)],
    out: Annotated[Path, typer.Option("--out", "-o", readable=False, help="Folder for the briefs, their JSON sidecars and index.md.")] = Path("outputs"),
    config: ConfigOption = None,
    translator: Annotated[Optional[str], typer.Option("--translator", help=f"Translation engine: {spoken(TRANSLATORS)}.")] = None,
    model: Annotated[Optional[str], typer.Option("--model", help="Translation model: hub id or local directory.")] = None,
    summarizer: Annotated[Optional[str], typer.Option("--summarizer", help=f"Summary engine: {spoken(SUMMARIZERS)}.")] = None,
    layout: Annotated[Optional[str], typer.Option("--layout", help=LAYOUT_HELP)] = None,
    full: Annotated[bool, typer.Option("--full", help="Also translate the whole article.")] = False,
    bilingual: Annotated[bool, typer.Option("--bilingual", help="Also show the whole article, Chinese and English paragraph by paragraph.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress; only errors and the closing line.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="More detail while running.")] = False,
    debug_flag: Annotated[bool, typer.Option("--debug", help="Show tracebacks.")] = False,
    executor: Annotated[Optional[str], typer.Option("--executor", help="local (this process) or ray (Ray workers; pip install 'briefs\\[ray]').")] = None,
    workers: Annotated[Optional[int], typer.Option("--workers", help="Ray workers; also the CPUs of a local Ray instance.")] = None,
    ray_address: Annotated[Optional[str], typer.Option("--ray-address", help="Ray cluster to use (default: RAY_ADDRESS, else a local instance).")] = None,
) -> None:
    """Write one English brief per article, a JSON sidecar beside each, and index.md.

    Exit status: 0 all files done, 1 some files skipped or articles failed,
    2 usage or config error, 130 interrupted (run again to resume from the cache).
    """
    from ..api import Options, apply_overrides, brief_files, load_config
    from ..run.progress import make_progress

    debug.on = debug.on or debug_flag
    overrides = {"translator.engine": translator, "translator.model": model, "summarizer.engine": summarizer,
                 "run.executor": executor, "reader.layout": layout, "run.workers": workers, "run.ray_address": ray_address}  # fmt: skip
    try:
        settings = apply_overrides(load_config(config), overrides)
        with handled():
            report = brief_files(input_paths(paths), out, settings, Options(full=full, bilingual=bilingual), make_progress(quiet, verbose), warn)
    except BriefsError as err:
        fail(err)
    except OSError as err:
        if debug:
            raise
        fail(os_failure(err, "use"))
    except KeyboardInterrupt as stop:
        if debug:
            raise
        warn("briefs: interrupted; finished briefs are kept and the next run resumes from the cache")
        raise typer.Exit(stop.exit_code if isinstance(stop, Interrupted) else EXIT_INTERRUPTED) from None
    warn(f"briefs: {report.closing_line()}")
    raise typer.Exit(EXIT_SKIPPED if report.skipped or report.failed else EXIT_OK)


class EvalFormat(str, Enum):
    table = "table"
    json = "json"


@app.command("eval")
def eval_command(
    src: Annotated[Path, typer.Option("--src", readable=False, help="Source file: Chinese, one segment per line.")],
    ref: Annotated[Path, typer.Option("--ref", readable=False, help="Reference file: English, line-aligned with --src.")],
    translator: Annotated[Optional[list[str]], typer.Option("--translator", metavar="ENGINE", help="Engine to score; repeat for a side-by-side table. Default: the configured one.")] = None,
    model: Annotated[Optional[str], typer.Option("--model", help="Model for the model engines: hub id or local directory.")] = None,
    config: ConfigOption = None,
    limit: Annotated[Optional[int], typer.Option("--limit", min=1, help="Score only the first N segments.")] = None,
    save_hyp: Annotated[Optional[Path], typer.Option("--save-hyp", readable=False, help="Folder for each engine's output, <engine>.en.")] = None,
    format: Annotated[EvalFormat, typer.Option("--format", "-f", help="table: aligned text; json: one object.")] = EvalFormat.table,
    raw: Annotated[bool, typer.Option("--raw", help="Score the engine alone: no cache, figure or glossary checks, guard.")] = False,
    cache: Annotated[bool, typer.Option("--cache", help="Use the translation cache (default: a fresh one per engine, so speed is measured).")] = False,
) -> None:
    """Score translators on a test set: chrF and BLEU (sacrebleu), speed, Chinese left, figures, repairs.

    Each engine translates --src as briefs does (sentences batched, figures and
    glossary checked, the guard on model engines); --raw scores the bare engine.
    """
    from ..config import load_config
    from ..eval.evaluate import evaluate_files
    from ..eval.scores import table

    with user_errors():
        result = evaluate_files(src, ref, load_config(config), translator or [None], model=model, limit=limit,
                                raw=raw, use_cache=cache, save_hyp=save_hyp, warn=warn)  # fmt: skip
    if format is EvalFormat.json:
        sys.stdout.write(json.dumps(result.as_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(table(result) + "\n")
