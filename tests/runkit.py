"""Shared by the batch-run tests: a simulated Ctrl-C, the output folder changed under a run, and a
run-wide output that counts what it is given."""

from __future__ import annotations

import os
import signal
from pathlib import Path
from typing import Callable

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


def at_write(monkeypatch, n: int, action: Callable[[Path], None]) -> None:
    """``action(output folder)`` as the n-th brief is about to be written: the folder changed under the run."""
    real, calls = briefs.run.output.write_brief, []

    def write(out: Path, *args, **kwargs):
        calls.append(1)
        if len(calls) == n:
            action(out)
        return real(out, *args, **kwargs)

    monkeypatch.setattr(briefs.run.output, "write_brief", write)


def close_folder_at_write(n: int) -> None:
    """For a ``briefs run`` in a process of its own: the output folder is made read-only as its n-th brief
    is about to be written (permission lost). Called before the run starts; the process ends with the run."""
    real, calls = briefs.run.output.write_brief, []

    def write(out: Path, *args, **kwargs):
        calls.append(1)
        if len(calls) == n:
            out.chmod(0o555)
        return real(out, *args, **kwargs)

    briefs.run.output.write_brief = write


# Root writes anywhere: where the tests run as root, a run is made without the capabilities that let it.
AS_A_USER = (
    ["setpriv", "--inh-caps=-dac_override,-dac_read_search", "--bounding-set=-dac_override,-dac_read_search"]
    if os.geteuid() == 0 else []
)  # fmt: skip


class Tally:
    """A run-wide output that notes every brief it is given and how often it is finished."""

    file_name = "tally.txt"

    def __init__(self) -> None:
        self.added: list[tuple[int, int, str]] = []  # (document number, article index, file name)
        self.finished = 0
        self.in_folder: list[str] = []  # the briefs the folder held when it was finished

    def add(self, doc_number: int, name: str, brief) -> None:
        self.added.append((doc_number, brief.article_index, name))

    def finish(self, folder) -> str:
        self.finished += 1
        self.in_folder = sorted(name for name, _ in folder)
        return "".join(f"{name}\n" for _, _, name in sorted(self.added))


def add_tally(monkeypatch) -> list[Tally]:
    """A Tally added to the run's list of run-wide outputs; returns those made, one per run."""
    made: list[Tally] = []

    def make() -> Tally:
        made.append(Tally())
        return made[-1]

    monkeypatch.setattr(briefs.render.run_wide, "RUN_WIDE", (*briefs.render.run_wide.RUN_WIDE, make))
    return made


def brief_run(config: Path, out: Path, *inputs: Path | str):
    """``briefs run`` on ``inputs`` into ``out`` with the settings file ``config``, in this process."""
    from typer.testing import CliRunner

    from briefs.cli import app

    return CliRunner().invoke(app, ["run", *map(str, inputs), "--out", str(out), "--config", str(config), "--quiet"])


def briefs_in(out: Path) -> list[str]:
    return sorted(p.name for p in out.glob("*.md") if p.name != "index.md")


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
