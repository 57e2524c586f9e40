"""The one exception type users can cause, and nothing else.

The CLI prints the message (no traceback) and exits with the status the
error carries; the message must say what went wrong and what to do.
"""

from __future__ import annotations

import errno

# Exit statuses are documented in the README; keep them in one place.
EXIT_OK = 0
EXIT_SKIPPED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130  # Ctrl-C (128 + SIGINT)
EXIT_TERMINATED = 143  # SIGTERM (128 + SIGTERM)


class BriefsError(Exception):
    """An error the user can fix; ``str(err)`` is a complete one-line message."""

    exit_code = EXIT_USAGE


class InputError(BriefsError):
    """One input file cannot be read; a batch reports it and goes on."""

    exit_code = EXIT_SKIPPED

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


def first_line(err: BaseException) -> str:
    """What an error from a library says, in one line; its type when it says nothing."""
    text = str(err).strip()
    return text.splitlines()[0] if text else type(err).__name__


# The file system's words, said of the path a user gave: "File exists" means a file where a folder was wanted.
_OS_REASONS = {
    errno.EEXIST: "it is a file, not a folder",
    errno.ENOTDIR: "a part of it is a file, not a folder",
    errno.EISDIR: "it is a folder, not a file",
    errno.ENOENT: "no such file or folder",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EROFS: "the file system is read-only",
    errno.ENOSPC: "no space left on the device",
}


def os_reason(err: OSError) -> str:
    """Why a path could not be used, in a few plain words."""
    return _OS_REASONS.get(err.errno or 0) or err.strerror or first_line(err)
