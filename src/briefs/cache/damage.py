"""What a damaged cache looks like, and what is done about it.

Two kinds of damage, two remedies. A broken file (not a database, a malformed
page, a schema that does not read) is moved aside whole, with its ``-wal`` and
``-shm``, and a fresh one is started. A broken entry (a value that is not the
UTF-8 JSON briefs wrote) is one lost translation: it is dropped and made
again, and the rest of the cache is kept.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import time
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, Iterator

from ..errors import BriefsError, first_line
from .connection import DAMAGED, DamagedSchema, primary_code

try:
    import fcntl
except ImportError:  # Windows has no flock: there two runs that meet one damaged file are not kept apart
    fcntl = None  # type: ignore[assignment]

# The files SQLite keeps beside the database; they travel with it when it is set aside.
COMPANIONS = ("-wal", "-shm", "-journal")
# What SQLite or Python raise from a query; which of them mean damage is for ``damage`` to say.
ERRORS = (sqlite3.DatabaseError, UnicodeDecodeError)
KEY = re.compile(rb"[0-9a-f]{64}")
# Read as bytes: a text column with a bad byte would stop the whole query, not just its row.
ENTRIES = (
    "SELECT rowid, CAST(key AS BLOB), CAST(kind AS BLOB), CAST(identity AS BLOB), typeof(value), CAST(value AS BLOB)"
    " FROM entries"
)


def damage(err: BaseException) -> str | None:
    """What is wrong with the file, in one line, when ``err`` says the file itself is damaged; else None."""
    if isinstance(err, DamagedSchema):
        return str(err)
    if isinstance(err, UnicodeDecodeError) and isinstance(err.object, bytes) and err.object.strip():
        # SQLite's message quoted a damaged schema's own bytes, and Python could not decode it to raise it.
        return err.object.decode("utf-8", "replace").strip().splitlines()[0]
    if isinstance(err, sqlite3.DatabaseError) and primary_code(err) in DAMAGED:
        return first_line(err)
    return None


def is_damage(err: BaseException) -> bool:
    """Whether SQLite says the file itself is broken (malformed, not a database, a schema that does not read)."""
    return damage(err) is not None


def parse_value(stored_type: str, stored: Any) -> Any:
    """The value as briefs stored it; ValueError when the entry is not what briefs wrote (a bad byte, not JSON)."""
    if stored_type != "text" or not isinstance(stored, bytes):
        raise ValueError(f"a {stored_type} value")
    return json.loads(stored.decode("utf-8"))


def damaged_entries(db: sqlite3.Connection) -> list[int]:
    """The rowids of entries that are not what briefs wrote, found by reading every one."""
    return [rowid for rowid, *entry in db.execute(ENTRIES) if not _readable(*entry)]


def _readable(key: Any, kind: Any, identity: Any, stored_type: str, stored: Any) -> bool:
    if not (isinstance(key, bytes) and KEY.fullmatch(key) and isinstance(kind, bytes) and isinstance(identity, bytes)):
        return False
    try:
        kind.decode("utf-8")
        identity.decode("utf-8")
        parse_value(stored_type, stored)
    except ValueError:
        return False
    return True


@contextmanager
def held_lock(path: Path) -> Iterator[None]:
    """``<path>.lock`` held exclusively while a damaged file is judged and moved: of two runs that met the
    same damage, the second waits, then finds the fresh file the first started and leaves it be."""
    try:
        fd: int | None = os.open(f"{path}.lock", os.O_RDWR | os.O_CREAT, 0o666)
    except OSError:
        fd = None  # where no lock can be made nothing can be moved either, and the move says why
    try:
        if fd is not None and fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX)  # let go when the file is closed, by the OS too if the process dies
        yield
    finally:
        if fd is not None:
            os.close(fd)


def move_aside(path: Path, reason: str) -> Path:
    """The damaged file and its companions moved to ``<name>.corrupt-<UTC time>``; the caller holds the lock."""
    aside = _aside_name(path)
    try:
        for suffix in ("", *COMPANIONS):
            with suppress(FileNotFoundError):
                os.replace(f"{path}{suffix}", f"{aside}{suffix}")
    except OSError as move:
        raise BriefsError(f"the cache {path} is damaged ({reason}) and cannot be moved aside: {move}; delete it") from None
    return aside


def _aside_name(path: Path) -> Path:
    stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
    aside, n = path.with_name(f"{path.name}.corrupt-{stamp}"), 1
    while aside.exists():
        n += 1
        aside = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
    return aside


def set_aside(path: Path) -> list[Path]:
    """Damaged files moved aside earlier, oldest first; briefs never reads them again."""
    found = path.parent.glob(f"{path.name}.corrupt-*")
    return sorted(p for p in found if not p.name.endswith(COMPANIONS))
