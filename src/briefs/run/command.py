"""The whole of `briefs run`: inputs read, output folder checked, then the chosen executor.

A bad file is reported in one line and the run goes on. Models are loaded
last, so a typo in a path or an unwritable folder is said in a second.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from ..cache import Cache
from ..config import Config
from ..document import Document
from ..errors import InputError
from ..pipeline.tools import Options
from ..read import read_path
from ..read.editions import join_editions
from ..read.ocr import ocr_context
from .context import RunContext
from .inputs import Inputs, collect_inputs
from .local import run_batch
from .output import check_out_dir, remove_if_empty, remove_leftovers
from .progress import Progress
from .report import RunReport
from .scans import OcrCache


def read_all(files: list[Path], context: RunContext) -> list[Document]:
    return read_files(files, context.config.reader.layout, context.warn, lambda problem: skip(context, problem), context.progress.page_read)


def read_files(
    files: list[Path], layout: str, warn: Callable[[str], None], skipped: Callable[[str], None], page_read: Callable[[str], None]
) -> list[Document]:
    """Every file read (``briefs run`` and ``briefs split`` alike): a bad one goes to ``skipped`` and the rest
    are read; then a story jumping between two of the files is joined (``read.editions``)."""
    docs = []
    # Page images are read by OCR once: their readings are kept in the run's cache, and each page read is said.
    with ocr_context(OcrCache(Cache.default(warn)), page_read):
        for path in files:
            try:
                docs.append(read_path(path, layout))
            except InputError as err:
                skipped(str(err))
                continue
            for warning in docs[-1].warnings:  # briefed all the same: said once, the run's status unchanged
                warn(f"briefs: {docs[-1].source}: {warning}")
    docs, joins = join_editions(docs)
    for line in joins:
        warn(f"briefs: {line}")
    return docs


def skip(context: RunContext, problem: str) -> None:
    context.report.skipped.append(problem)
    context.warn(f"briefs: skipped {problem}")


def run_command(
    paths: list[Path], out: Path, config: Config, options: Options, progress: Progress, warn: Callable[[str], None]
) -> RunReport:
    inputs = collect_inputs(paths, exclude=out)
    created = check_out_dir(out)
    try:
        return _run(inputs, RunContext(out, config, options, progress, RunReport(), warn))
    finally:
        if created:  # a run that wrote nothing leaves no folder behind
            remove_if_empty(out)


def _run(inputs: Inputs, context: RunContext) -> RunReport:
    remove_leftovers(context.out)
    for problem in inputs.problems:
        skip(context, problem)
    docs = read_all(inputs.files, context)
    if not any(d.articles for d in docs):
        return context.report
    if context.config.run.executor == "ray":
        from .on_ray import run_on_ray

        return run_on_ray(docs, context)
    return run_batch(docs, context)
