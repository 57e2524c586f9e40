"""Opening the cache's SQLite file: journal, busy waits, numbered migrations, and what SQLite's errors mean."""

from __future__ import annotations

import random
import sqlite3
import time
from contextlib import suppress
from pathlib import Path
from typing import Callable, TypeVar

from ..errors import first_line

# Seconds a run waits for another that holds the file; the same for SQLite's busy timeout and our retries.
PATIENCE = 60.0
BUSY = (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
DAMAGED = (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)
FOLDER_HINT = " (set BRIEFS_CACHE_DIR to a writable folder)"
# What to do about each other SQLite failure; only OS-level ones are the folder's fault.
HINTS = {
    **dict.fromkeys((sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM), FOLDER_HINT),
    **dict.fromkeys((sqlite3.SQLITE_IOERR, sqlite3.SQLITE_FULL), FOLDER_HINT),
    **dict.fromkeys(BUSY, " (another program holds it; try again when it is done)"),
    **dict.fromkeys(DAMAGED, " (even in a fresh file; delete it and run again)"),
}

_T = TypeVar("_T")


class DamagedSchema(sqlite3.DatabaseError):
    """The schema reads, but not as the migrations wrote it: a bad byte renamed a table or a column."""


def m001_entries(db: sqlite3.Connection) -> None:
    db.execute(
        "CREATE TABLE entries (key TEXT PRIMARY KEY, kind TEXT NOT NULL, identity TEXT NOT NULL, value TEXT NOT NULL)"
    )
    db.execute("CREATE INDEX entries_identity ON entries (kind, identity)")


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [m001_entries]
# Reads every column the cache uses: SQLite parses the schema only when a query needs it.
PROBE = "SELECT key, kind, identity, value FROM entries WHERE key = ''"


def primary_code(err: BaseException) -> int:
    return (getattr(err, "sqlite_errorcode", None) or 0) & 0xFF  # extended codes keep the primary in the low byte


def patiently(operation: Callable[[], _T], patience: float = PATIENCE) -> _T:
    """``operation``, tried again with growing pauses while another connection holds the file.

    The busy timeout covers most waits, but SQLite answers "database is locked" at once where
    waiting could deadlock: two processes turning a fresh file to WAL together is one (34 of
    600 such opens failed so before this).
    """
    deadline, pause = time.monotonic() + patience, 0.01
    while True:
        try:
            return operation()
        except sqlite3.OperationalError as err:
            if primary_code(err) not in BUSY or time.monotonic() + pause > deadline:
                raise
        time.sleep(pause * random.uniform(0.5, 1.5))  # jittered, so two runs that collided do not collide again in step
        pause = min(pause * 2, 1.0)


def connect(path: Path) -> sqlite3.Connection:
    """The file at ``path``, in WAL mode and migrated; a schema that does not read as ours is DamagedSchema."""
    db = sqlite3.connect(path, timeout=PATIENCE, isolation_level=None)
    try:
        db.execute(f"PRAGMA busy_timeout = {int(PATIENCE * 1000)}")
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
        _migrate(db)
        probe(db)
    except BaseException:
        db.close()
        raise
    return db


def _migrate(db: sqlite3.Connection) -> None:
    db.execute("BEGIN IMMEDIATE")  # two runs starting at once migrate one after the other
    try:
        version = db.execute("PRAGMA user_version").fetchone()[0]
        for number, migration in enumerate(MIGRATIONS[version:], start=version + 1):
            migration(db)
            db.execute(f"PRAGMA user_version = {number}")
        db.execute("COMMIT")
    except BaseException:
        with suppress(sqlite3.Error):  # on a damaged file the rollback may fail too; the first error is the one to tell
            db.execute("ROLLBACK")
        raise


def probe(db: sqlite3.Connection) -> None:
    try:
        db.execute(PROBE).fetchall()
    except sqlite3.OperationalError as err:
        if primary_code(err) != sqlite3.SQLITE_ERROR:  # a wait or an I/O failure says nothing of the schema
            raise
        raise DamagedSchema(f"its schema does not match: {first_line(err)}") from err
