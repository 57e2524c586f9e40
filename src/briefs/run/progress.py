"""Progress of a run: a live bar on a terminal, plain lines otherwise, nothing when quiet."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    """Plain lines: what a log file or CI wants."""

    def __init__(self, stream: TextIO | None = None, verbose: bool = False):
        # None: standard error as it is when a line is written (a test runner swaps it for each command)
        self.stream, self.verbose = stream, verbose
        self.total = self.done = self.sentences = 0
        self.started = time.monotonic()

    def start(self, articles: int) -> None:
        self.total, self.started = articles, time.monotonic()

    def article_done(self, name: str, sentences: int) -> None:
        self.done += 1
        self.sentences += sentences
        self._line(f"[{self.done}/{self.total}] {name} ({sentences} sentences, {self._rate()})")

    def page_read(self, message: str) -> None:
        """A line for each page OCR reads: a folder of scans takes minutes before the first brief."""
        self._line(message)

    def note(self, message: str) -> None:
        if self.verbose:
            self._line(message)

    def close(self) -> None:
        pass

    def _rate(self) -> str:
        elapsed = max(time.monotonic() - self.started, 1e-6)
        left = (self.total - self.done) * elapsed / max(self.done, 1)
        return f"{self.sentences / elapsed:.1f} sentences/s, ETA {left:.0f}s"

    def _line(self, text: str) -> None:
        print(text, file=self.stream or sys.stderr, flush=True)


class Quiet(Progress):
    def _line(self, text: str) -> None:
        pass


class Bar(Progress):
    """A rich progress bar: articles done, sentences, rate and time left."""

    def start(self, articles: int) -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress as Rich, TextColumn, TimeElapsedColumn, TimeRemainingColumn

        super().start(articles)
        self.rich = Rich(
            TextColumn("briefs"), BarColumn(), MofNCompleteColumn(), TextColumn("articles · {task.fields[sentences]} sentences"),
            TimeElapsedColumn(), TimeRemainingColumn(), console=None, transient=False,
        )
        self.task = self.rich.add_task("run", total=articles, sentences=0)
        self.rich.start()

    def article_done(self, name: str, sentences: int) -> None:
        self.done += 1
        self.sentences += sentences
        self.rich.update(self.task, advance=1, sentences=self.sentences)
        if self.verbose:
            self.rich.console.print(f"{name} ({sentences} sentences)")

    def note(self, message: str) -> None:
        if self.verbose:
            self.rich.console.print(message)

    def close(self) -> None:
        if hasattr(self, "rich"):
            self.rich.stop()


def make_progress(quiet: bool, verbose: bool) -> Progress:
    if quiet:
        return Quiet()
    return Bar(verbose=verbose) if sys.stderr.isatty() else Progress(verbose=verbose)
