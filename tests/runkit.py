"""Shared by the batch-run tests: a simulated Ctrl-C."""

from __future__ import annotations

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
