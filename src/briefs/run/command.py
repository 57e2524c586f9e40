"""The whole of `briefs run`: inputs read, output folder checked, then the chosen executor.

A bad file is reported in one line and the run goes on. Models are loaded
last, so a typo in a path or an unwritable folder is said in a second.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from ..config import Config
from ..document import Document
from ..errors import InputError
from ..pipeline.tools import Options, make_tools
from ..read import read_path
from .inputs import Inputs, collect_inputs
from .local import run_batch
from .output import check_out_dir, remove_leftovers
from .progress import Progress
from .report import RunReport


def read_all(files: list[Path], report: RunReport, warn: Callable[[str], None], layout: str = "auto") -> list[Document]:
    docs = []
    for path in files:
        try:
            docs.append(read_path(path, layout))
        except InputError as err:
            report.skipped.append(str(err))
            warn(f"briefs: skipped {err}")
    return docs


def run_command(
    paths: list[Path], out: Path, config: Config, options: Options, progress: Progress, warn: Callable[[str], None]
) -> RunReport:
    inputs = collect_inputs(paths, exclude=out)
    created = check_out_dir(out)
    try:
        return _run(inputs, out, config, options, progress, warn)
    finally:
        if created and not any(out.iterdir()):  # a run that wrote nothing leaves no folder behind
            out.rmdir()


def _run(
    inputs: Inputs, out: Path, config: Config, options: Options, progress: Progress, warn: Callable[[str], None]
) -> RunReport:
    remove_leftovers(out)
    report = RunReport()
    for problem in inputs.problems:
        report.skipped.append(problem)
        warn(f"briefs: skipped {problem}")
    docs = read_all(inputs.files, report, warn, config.reader.layout)
    if not any(d.articles for d in docs):
        return report
    if config.run.executor == "ray":
        from .on_ray import run_on_ray

        return run_on_ray(docs, out, config, options, progress, report, warn)
    return run_batch(docs, out, make_tools(config, warn), options, progress, report)
