"""Where a run's briefs go: one Markdown brief and JSON sidecar per article, then the run-wide outputs (index.md).

Local and Ray runs write through the same ``RunOutput``, so the files, their
names and the index's order are the same whichever executor made them, and
in whatever order a cluster returns its results.
"""

from __future__ import annotations

import json
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path
from types import TracebackType

from ..brief import Brief
from ..document import Article, Document
from ..errors import BriefsError
from ..files import leftovers, write_atomic, write_together
from ..pipeline.tools import Options
from ..render import run_wide
from ..render.markdown import brief_markdown, brief_sidecar
from ..text.sentences import split_sentences
from .context import RunContext
from .names import brief_stem, source_keys


def check_out_dir(out: Path) -> bool:
    """Fail before any model is loaded if the briefs could not be written; True if the folder is new."""
    created = not out.exists()
    try:
        out.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=out, prefix=".briefs-check-"):
            pass
    except OSError as err:
        raise BriefsError(f"cannot write to the output folder {out}: {err.strerror or err}") from None
    return created


def remove_leftovers(out: Path) -> None:
    """What a killed run left: temporary files, and sidecars whose brief was never renamed into place."""
    for path in leftovers(out):
        path.unlink(missing_ok=True)
    for sidecar in out.glob("*.json"):
        if not sidecar.with_suffix(".md").exists() and _is_sidecar(sidecar):
            sidecar.unlink(missing_ok=True)


def _is_sidecar(path: Path) -> bool:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and "source_file" in data and "article_index" in data


def write_brief(out: Path, stem: str, brief: Brief, options: Options, generated_at: str) -> str:
    """The brief and its sidecar, together or not at all (the sidecar lands first: the brief completes the pair)."""
    sidecar = json.dumps(brief_sidecar(brief, generated_at), ensure_ascii=False, indent=2) + "\n"
    markdown = brief_markdown(brief, bilingual=options.bilingual)
    write_together([(out / f"{stem}.json", sidecar), (out / f"{stem}.md", markdown)])
    return f"{stem}.md"


def sentence_count(article: Article) -> int:
    return sum(len(split_sentences(p)) for p in article.paragraphs)


class RunOutput:
    """A run's output folder while the run lasts: briefs as they come, the run-wide outputs at the end.

    As a context manager it starts and closes the progress display and adds
    the run's time to the report, however the run ends.
    """

    def __init__(self, context: RunContext, docs: list[Document]):
        self.context, self.docs = context, docs
        self.out, self.progress, self.report = context.out, context.progress, context.report
        self.generated_at = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
        self._keys = source_keys([d.source for d in docs])
        self.run_wide = [make() for make in run_wide.RUN_WIDE]
        self._started = 0.0

    def __enter__(self) -> RunOutput:
        self._started = time.monotonic()
        self.progress.start(sum(len(d.articles) for d in self.docs))
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        self.progress.close()
        self.report.seconds += time.monotonic() - self._started

    def write(self, doc_number: int, brief: Brief) -> None:
        """The brief of an article of the run's ``doc_number``-th document, with its sidecar."""
        stem = brief_stem(self._keys[doc_number], brief.article_index, brief.title_en)
        name = write_brief(self.out, stem, brief, self.context.options, self.generated_at)
        for output in self.run_wide:
            output.add(doc_number, name, brief)
        self.report.briefs += 1
        article = self.docs[doc_number].articles[brief.article_index - 1]
        self.progress.article_done(name, sentence_count(article))

    def finish(self) -> None:
        """Each run-wide output's file, once every brief is written: a run that stops short writes none."""
        for output in self.run_wide:
            write_atomic(self.out / output.file_name, output.finish())
