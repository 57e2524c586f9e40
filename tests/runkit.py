"""Shared by the batch-run tests: a simulated Ctrl-C, and a run-wide output that counts what it is given."""

from __future__ import annotations

import os
import signal

import briefs.render.run_wide
import briefs.run.output


def interrupt_at_write(monkeypatch, n: int):
    """Raise KeyboardInterrupt as the n-th brief is about to be written; returns the real writer."""
    real, calls = briefs.run.output.write_brief, []

    def write(*args, **kwargs):
        calls.append(1)
        if len(calls) == n:
            raise KeyboardInterrupt  # Ctrl-C while this brief is due
        return real(*args, **kwargs)

    monkeypatch.setattr(briefs.run.output, "write_brief", write)
    return real


def signal_at_write(n: int, signum: int, *, mid_pair: bool = False) -> None:
    """For a ``briefs run`` in a process of its own: the process gets a real ``signum`` as its n-th
    brief is about to be written or, ``mid_pair``, once that brief's sidecar is in place and the brief
    not yet (interrupts are held there). Called before the run starts; the process ends with the run."""
    real, calls = briefs.run.output.write_brief, []

    def write(*args, **kwargs):
        calls.append(1)
        if len(calls) != n:
            return real(*args, **kwargs)
        if not mid_pair:
            signal.raise_signal(signum)  # the run's handler runs before this returns
            return real(*args, **kwargs)
        replace = os.replace

        def replace_then_signal(source, target):
            replace(source, target)
            if str(target).endswith(".json"):
                signal.raise_signal(signum)

        os.replace = replace_then_signal
        try:
            return real(*args, **kwargs)
        finally:
            os.replace = replace

    briefs.run.output.write_brief = write


class Tally:
    """A run-wide output that notes every brief it is given and how often it is finished."""

    file_name = "tally.txt"

    def __init__(self) -> None:
        self.added: list[tuple[int, int, str]] = []  # (document number, article index, file name)
        self.finished = 0

    def add(self, doc_number: int, name: str, brief) -> None:
        self.added.append((doc_number, brief.article_index, name))

    def finish(self) -> str:
        self.finished += 1
        return "".join(f"{name}\n" for _, _, name in sorted(self.added))


def add_tally(monkeypatch) -> list[Tally]:
    """A Tally added to the run's list of run-wide outputs; returns those made, one per run."""
    made: list[Tally] = []

    def make() -> Tally:
        made.append(Tally())
        return made[-1]

    monkeypatch.setattr(briefs.render.run_wide, "RUN_WIDE", (*briefs.render.run_wide.RUN_WIDE, make))
    return made
