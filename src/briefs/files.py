"""Files written whole or not at all, and content hashes remembered per file version.

Every file briefs leaves behind (briefs, sidecars, the index, caches, converted
models) is written to a temporary name in the same folder and renamed, so a
reader never sees half a file. A hash is remembered per (path, size, mtime):
a 300 MB weights file is read once per process, not once per call.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from contextlib import suppress
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from .signals import held

TMP_PREFIX = ".briefs-"
TMP_SUFFIX = ".tmp"


def default_cache_dir() -> Path:
    """Where caches and converted models live: BRIEFS_CACHE_DIR, else the user's cache folder."""
    override = os.environ.get("BRIEFS_CACHE_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir("briefs"))


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder, then rename."""
    write_together([(path, data)])


def write_together(files: Sequence[tuple[Path, str | bytes]], replaced: Sequence[Path] = ()) -> None:
    """Write every file or none: all go to temporary files first, then are renamed in order with
    interrupts held back, so a brief and its sidecar appear together; the ``replaced`` files (what
    they supersede under other names) are removed in the same moment, in order. A process killed
    outright between two renames leaves the earlier files only; ``remove_leftovers`` tidies them at
    the next start. An ``OSError`` (a full disk, a folder gone) names the file it was about as its
    ``filename``, not a temporary's."""
    temporaries: list[str] = []
    path = files[0][0] if files else None
    try:
        for path, data in files:
            temporaries.append(_temporary(path, data))
        with held():
            for tmp, (path, _) in zip(temporaries, files):
                os.replace(tmp, path)
            for path in replaced:
                path.unlink(missing_ok=True)
    except BaseException as err:
        for tmp in temporaries:
            _discard(tmp)
        if isinstance(err, OSError) and path is not None:
            raise OSError(err.errno, err.strerror or str(err), str(path)) from err
        raise


def _discard(tmp: str) -> None:
    with suppress(OSError):  # the folder may be gone or closed to us: the error that stopped the write is the one to tell
        Path(tmp).unlink(missing_ok=True)


def _temporary(path: Path, data: str | bytes) -> str:
    # A short fixed prefix: the temporary name must fit NAME_MAX whatever the final name's length.
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=TMP_PREFIX, suffix=TMP_SUFFIX)
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), 0o666 & ~_umask())  # mkstemp's 0600 would hide briefs from the user's group
            handle.write(data.encode("utf-8") if isinstance(data, str) else data)
    except BaseException:
        _discard(tmp)
        raise
    return tmp


@lru_cache(maxsize=1)
def _umask() -> int:
    current = os.umask(0o022)  # the only way to read it is to set it: put it straight back
    os.umask(current)
    return current


def leftovers(folder: Path) -> list[Path]:
    """Temporary files a killed process left in ``folder``."""
    return sorted(folder.glob(f"{TMP_PREFIX}*{TMP_SUFFIX}"))


def text_digest(text: str, length: int = 12) -> str:
    """A short SHA-256 of a text: identities of glossaries, lexicons, templates."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:length]


def file_digest(path: Path, length: int = 12) -> str:
    """A short SHA-256 of a file's content, remembered per size and mtime."""
    real = Path(path).resolve()
    stat = real.stat()
    return _sha256(str(real), stat.st_size, stat.st_mtime_ns)[:length]


@lru_cache(maxsize=32)
def _sha256(path: str, size: int, mtime_ns: int) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
