"""Where a run's briefs go: one Markdown brief and JSON sidecar per article, then the run-wide outputs (index.md).

Local and Ray runs write through the same ``RunOutput``, so the files, their
names and the index's order are the same whichever executor made them, and
in whatever order a cluster returns its results. The folder describes itself:
the run-wide outputs are built from every sidecar in it, earlier runs' too, and
a new brief of an article removes the one it supersedes (an edited page's
article, retitled), so the folder never holds two briefs of one article. A write
that fails (a full disk, the folder gone, permission lost) stops the run with one
line; the briefs already written stay, with an index of them.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from contextlib import suppress
from datetime import datetime, timezone
from pathlib import Path
from types import TracebackType
from typing import Any, Iterator, Sequence

from ..brief import Brief
from ..document import Article, Document
from ..errors import EXIT_SKIPPED, BriefsError, first_line
from ..files import leftovers, write_atomic, write_together
from ..pipeline.tools import Options
from ..render import run_wide
from ..render.markdown import brief_markdown, brief_sidecar
from ..render.run_wide import SavedBrief
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


def remove_if_empty(out: Path) -> None:
    """A folder the run made and wrote nothing to goes; one removed meanwhile, or closed to us, is left as it is."""
    with suppress(OSError):
        if not any(out.iterdir()):
            out.rmdir()


def remove_leftovers(out: Path) -> None:
    """What a killed run left: temporary files, and sidecars whose brief was never renamed into place."""
    for path in leftovers(out):
        path.unlink(missing_ok=True)
    for sidecar in out.glob("*.json"):
        if not sidecar.with_suffix(".md").exists() and read_sidecar(sidecar) is not None:
            sidecar.unlink(missing_ok=True)


def read_sidecar(path: Path) -> dict[str, Any] | None:
    """A brief's sidecar, or None for any other file (the user's own JSON, a damaged one)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    is_sidecar = isinstance(data, dict) and "source_file" in data and "article_index" in data
    return data if is_sidecar else None


class SavedBriefs:
    """The briefs in an output folder with their sidecars, read from disk one at a time, in name order, on each pass."""

    def __init__(self, out: Path):
        self.out = out

    def __iter__(self) -> Iterator[SavedBrief]:
        for path in sorted(self.out.glob("*.json")):
            brief = path.with_suffix(".md")
            sidecar = read_sidecar(path) if brief.is_file() else None
            if sidecar is not None:
                yield brief.name, sidecar


def article_key(source_file: Any, article_index: Any) -> tuple[str, int]:
    """Which article a brief is of: its page (the real file, however it was named) and its number on it."""
    return os.path.realpath(str(source_file)), article_index if isinstance(article_index, int) else 0


class Articles:
    """Which briefs in the folder are of which article: the names a new brief of the article supersedes."""

    def __init__(self, folder: SavedBriefs):
        self._names: dict[tuple[str, int], set[str]] = {}
        self._article: dict[str, tuple[str, int]] = {}
        for name, sidecar in folder:
            self.written(Path(name).stem, article_key(sidecar.get("source_file"), sidecar.get("article_index")))

    def superseded(self, stem: str, key: tuple[str, int]) -> list[str]:
        return sorted(self._names.get(key, set()) - {stem})

    def written(self, stem: str, key: tuple[str, int], replacing: Sequence[str] = ()) -> None:
        before = self._article.get(stem)
        if before is not None and before != key:  # overwritten under the same name by another article
            self._names[before].discard(stem)
        for old in replacing:
            self._article.pop(old, None)
            self._names[key].discard(old)
        self._names.setdefault(key, set()).add(stem)
        self._article[stem] = key


class OutputError(BriefsError):
    """A write to the output folder failed: the run stops, what was written stays."""

    exit_code = EXIT_SKIPPED

    @classmethod
    def of(cls, err: OSError, out: Path, superseded: Sequence[Path] = ()) -> OutputError:
        path = err.filename or out
        reason = err.strerror or first_line(err)
        if not out.is_dir():
            reason += f" (the output folder {out} is gone)"
        doing = "remove the superseded brief" if Path(path) in superseded else "write"
        return cls(f"cannot {doing} {path}: {reason}; the briefs written before it are kept and the next run resumes from the cache")


def write_brief(out: Path, stem: str, brief: Brief, options: Options, generated_at: str, superseded: Sequence[Path] = ()) -> str:
    """The brief and its sidecar, together or not at all (the sidecar lands first: the brief completes the pair);
    the ``superseded`` files (an earlier brief of the article, under another name) go in the same moment."""
    sidecar = json.dumps(brief_sidecar(brief, generated_at), ensure_ascii=False, indent=2) + "\n"
    markdown = brief_markdown(brief, bilingual=options.bilingual)
    write_together([(out / f"{stem}.json", sidecar), (out / f"{stem}.md", markdown)], superseded)
    return f"{stem}.md"


def pair(out: Path, stems: Sequence[str]) -> list[Path]:
    """Briefs' files in the order they go: each brief before its sidecar, so a kill between leaves what
    ``remove_leftovers`` tidies (a sidecar without its brief), never a brief without its sidecar."""
    return [out / f"{stem}{suffix}" for stem in stems for suffix in (".md", ".json")]


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
        self.folder = SavedBriefs(self.out)
        self._articles = Articles(self.folder)
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
        key = article_key(brief.source_file, brief.article_index)
        replacing = self._articles.superseded(stem, key)
        superseded = pair(self.out, replacing)
        try:
            name = write_brief(self.out, stem, brief, self.context.options, self.generated_at, superseded)
        except OSError as err:
            self._finish_what_is_there()
            raise OutputError.of(err, self.out, superseded) from err
        self._articles.written(stem, key, replacing)
        for output in self.run_wide:
            output.add(doc_number, name, brief)
        self.report.briefs += 1
        article = self.docs[doc_number].articles[brief.article_index - 1]
        self.progress.article_done(name, sentence_count(article))

    def finish(self) -> None:
        """Each run-wide output's file, from the folder's sidecars, once every brief is written: a run that is
        interrupted writes none (the next one will); one whose write failed writes them from what is there."""
        for output in self.run_wide:
            try:
                write_atomic(self.out / output.file_name, output.finish(self.folder))
            except OSError as err:
                raise OutputError.of(err, self.out) from err

    def _finish_what_is_there(self) -> None:
        if self.out.is_dir():  # a folder deleted meanwhile is not made again
            with suppress(OutputError):  # the disk that refused a brief may refuse the index: the first failure is the one to tell
                self.finish()
