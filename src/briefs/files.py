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
from functools import lru_cache
from pathlib import Path

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
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=TMP_SUFFIX)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


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
