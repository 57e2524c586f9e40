"""The local executor: every article briefed in this process, a document at a time."""

from __future__ import annotations

from ..document import Document
from .context import RunContext
from .output import RunOutput
from .report import RunReport


def run_batch(docs: list[Document], context: RunContext) -> RunReport:
    briefer = context.briefer()
    briefer.load()  # a model that cannot load stops the run before the progress display starts
    try:
        with RunOutput(context, docs) as output:
            for number, doc in enumerate(docs):
                # A document's articles go to the model together: short articles make full batches.
                for brief in briefer.brief(doc):
                    output.write(number, brief)
            output.finish()
    finally:
        context.report.add(briefer.usage())
    return context.report
