"""Ctrl-C and SIGTERM as one clean stop, never in the middle of writing a brief's pair of files.

While a run holds interrupts (``held()``), a signal waits until the files in
hand are all in place, then stops the run as Ctrl-C would. SIGTERM (what
``kill``, systemd and schedulers send) behaves like Ctrl-C, with its own exit
status.
"""

from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from types import FrameType
from typing import Iterator

from .errors import EXIT_INTERRUPTED, EXIT_TERMINATED


class Interrupted(KeyboardInterrupt):
    """A run stopped by a signal; ``exit_code`` is 130 for SIGINT, 143 for SIGTERM."""

    def __init__(self, signum: int = signal.SIGINT):
        super().__init__(signal.Signals(signum).name)
        self.exit_code = EXIT_TERMINATED if signum == signal.SIGTERM else EXIT_INTERRUPTED


class _State:
    holding = 0
    pending: int | None = None


_state = _State()


def _on_signal(signum: int, frame: FrameType | None) -> None:
    if _state.holding:
        _state.pending = signum
        return
    raise Interrupted(signum)


@contextmanager
def held() -> Iterator[None]:
    """Signals that arrive inside wait until the block is done."""
    _state.holding += 1
    try:
        yield
    finally:
        _state.holding -= 1
        if not _state.holding and _state.pending is not None:
            signum, _state.pending = _state.pending, None
            raise Interrupted(signum)


@contextmanager
def handled() -> Iterator[None]:
    """SIGINT and SIGTERM raise ``Interrupted`` (held back inside ``held()``) for the duration."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {s: signal.signal(s, _on_signal) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
