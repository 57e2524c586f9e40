"""The local executor: every article briefed in this process, a document at a time."""

from __future__ import annotations

from pathlib import Path

from ..document import Document
from ..pipeline.article import brief_articles
from ..pipeline.tools import Options, Tools, usage
from .output import RunOutput
from .progress import Progress
from .report import RunReport


def run_batch(
    docs: list[Document], out: Path, tools: Tools, options: Options, progress: Progress, report: RunReport
) -> RunReport:
    # A document's articles go to the model together: short articles make full batches.
    try:
        with RunOutput(out, docs, options, progress, report) as output:
            for number, doc in enumerate(docs):
                for brief in brief_articles([(doc, i) for i in range(len(doc.articles))], tools, options):
                    output.write(number, brief)
            output.write_index()
    finally:
        report.add(usage(tools))
    return report
