"""SQLite cache of translations and summaries, keyed by engine identity + settings + text.

A second run over the same input does no model work, an interrupted run
resumes from what was stored, and two runs at once share the file safely
(WAL journal, busy timeout, one short transaction per batch). The schema is
versioned with numbered migrations applied on open, so a newer briefs reads
an older cache. A damaged file never stops a run: it is said in one line,
moved aside as ``cache.sqlite3.corrupt-<UTC time>``, and a fresh one is used.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import sys
import time
from contextlib import closing, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Sequence, TypeVar

from .errors import BriefsError, first_line
from .files import default_cache_dir
from .protocols import CountsCutOutputs, Summarizer, Translator

CACHE_FILE = "cache.sqlite3"
# The files SQLite keeps beside the database; they travel with it when it is set aside.
COMPANIONS = ("-wal", "-shm", "-journal")
DAMAGED = (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)
FOLDER_HINT = " (set BRIEFS_CACHE_DIR to a writable folder)"
# What to do about each other SQLite failure; only OS-level ones are the folder's fault.
HINTS = {
    **dict.fromkeys((sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM), FOLDER_HINT),
    **dict.fromkeys((sqlite3.SQLITE_IOERR, sqlite3.SQLITE_FULL), FOLDER_HINT),
    **dict.fromkeys((sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED), " (another program holds it; try again when it is done)"),
    **dict.fromkeys(DAMAGED, " (even in a fresh file; delete it and run again)"),
}

Warn = Callable[[str], None]
_T = TypeVar("_T")


def m001_entries(db: sqlite3.Connection) -> None:
    db.execute(
        "CREATE TABLE entries (key TEXT PRIMARY KEY, kind TEXT NOT NULL, identity TEXT NOT NULL, value TEXT NOT NULL)"
    )
    db.execute("CREATE INDEX entries_identity ON entries (kind, identity)")


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [m001_entries]


def _key(kind: str, identity: str, text: str) -> str:
    return hashlib.sha256("\x1f".join((kind, identity, text)).encode()).hexdigest()


def _primary_code(err: sqlite3.Error) -> int:
    return (getattr(err, "sqlite_errorcode", None) or 0) & 0xFF  # extended codes keep the primary in the low byte


def is_damage(err: sqlite3.Error) -> bool:
    """Whether SQLite says the file itself is broken (malformed, or not a database at all)."""
    return _primary_code(err) in DAMAGED


def _to_stderr(line: str) -> None:
    print(line, file=sys.stderr)  # sys.stderr looked up per call: a test runner or progress bar may swap it


class Cache:
    """One SQLite file; opened on first use. ``warn`` hears, in one line, that a damaged file was set aside."""

    def __init__(self, path: Path, warn: Warn | None = None):
        self.path = Path(path)
        self.warn = warn or _to_stderr
        self._db: sqlite3.Connection | None = None
        self._inode: int | None = None

    @classmethod
    def default(cls, warn: Warn | None = None) -> "Cache":
        return cls(default_cache_dir() / CACHE_FILE, warn)

    @property
    def db(self) -> sqlite3.Connection:
        if self._db is None:
            self._db = self._guarded(self._open)
        return self._db

    def _open(self) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise BriefsError(f"cannot open the cache {self.path}: {err}{FOLDER_HINT}") from None
        db = sqlite3.connect(self.path, timeout=60, isolation_level=None)
        try:
            self._inode = self.path.stat().st_ino
            db.execute("PRAGMA busy_timeout = 60000")
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = NORMAL")
            self._migrate(db)
        except BaseException:
            db.close()
            raise
        return db

    @staticmethod
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

    def _guarded(self, operation: Callable[[], _T]) -> _T:
        """``operation``, run again once on a fresh file if SQLite finds this one damaged.

        Damage inside pages shows only when they are read or written: every query is guarded, not just the open.
        """
        try:
            return operation()
        except sqlite3.DatabaseError as err:
            if not is_damage(err):
                raise self._error(err) from err
            self._set_aside(err)
        try:
            return operation()
        except sqlite3.DatabaseError as err:
            raise self._error(err) from err

    def _error(self, err: sqlite3.DatabaseError) -> BriefsError:
        return BriefsError(f"cannot use the cache {self.path}: {first_line(err)}{HINTS.get(_primary_code(err), '')}")

    def _set_aside(self, err: sqlite3.DatabaseError) -> None:
        opened = self._inode
        self.close()
        try:
            current = self.path.stat().st_ino
        except FileNotFoundError:
            current = None
        if current is None or (opened is not None and current != opened):
            return  # another briefs has already set it aside, said so, and started the file that is there now
        aside, damaged = self._aside_name(), f"the cache {self.path} is damaged ({first_line(err)})"
        try:
            for suffix in ("", *COMPANIONS):
                with suppress(FileNotFoundError):
                    os.replace(f"{self.path}{suffix}", f"{aside}{suffix}")
        except OSError as move:
            raise BriefsError(f"{damaged} and cannot be moved aside: {move}; delete it") from None
        self.warn(f"briefs: {damaged}; moved it aside to {aside} and started a fresh one")

    def _aside_name(self) -> Path:
        stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
        aside, n = self.path.with_name(f"{self.path.name}.corrupt-{stamp}"), 1
        while aside.exists():
            n += 1
            aside = self.path.with_name(f"{self.path.name}.corrupt-{stamp}-{n}")
        return aside

    def get_many(self, kind: str, identity: str, texts: Sequence[str]) -> dict[str, Any]:
        return self._guarded(lambda: self._get_many(kind, identity, texts))

    def _get_many(self, kind: str, identity: str, texts: Sequence[str]) -> dict[str, Any]:
        keys = {_key(kind, identity, t): t for t in texts}
        found: dict[str, Any] = {}
        key_list = list(keys)
        for start in range(0, len(key_list), 500):  # SQLite's bound-parameter limit
            chunk = key_list[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for key, value in self.db.execute(f"SELECT key, value FROM entries WHERE key IN ({marks})", chunk):
                found[keys[key]] = json.loads(value)
        return found

    def put_many(self, kind: str, identity: str, items: dict[str, Any]) -> None:
        rows = [(_key(kind, identity, t), kind, identity, json.dumps(v, ensure_ascii=False)) for t, v in items.items()]

        def put() -> None:
            with self.db:
                self.db.execute("BEGIN IMMEDIATE")
                self.db.executemany("INSERT OR REPLACE INTO entries (key, kind, identity, value) VALUES (?, ?, ?, ?)", rows)

        self._guarded(put)

    def info(self) -> dict[str, Any]:
        query = "SELECT kind, identity, COUNT(*) FROM entries GROUP BY kind, identity ORDER BY kind, identity"
        rows = self._guarded(lambda: self.db.execute(query).fetchall())
        size = sum(p.stat().st_size for p in self._files() if p.is_file())
        entries = [{"kind": k, "identity": i, "count": n} for k, i, n in rows]
        return {"path": str(self.path), "bytes": size, "entries": entries, "set_aside": [str(p) for p in self.set_aside()]}

    def _files(self) -> list[Path]:
        return [Path(f"{self.path}{suffix}") for suffix in ("", *COMPANIONS)]

    def set_aside(self) -> list[Path]:
        """Damaged files moved aside earlier, oldest first; briefs never reads them again."""
        found = self.path.parent.glob(f"{self.path.name}.corrupt-*")
        return sorted(p for p in found if not p.name.endswith(COMPANIONS))

    def clear(self) -> int:
        def delete() -> int:
            with self.db:
                return self.db.execute("DELETE FROM entries").rowcount

        count = self._guarded(delete)
        self._guarded(lambda: self.db.execute("VACUUM"))
        return count

    def check(self) -> tuple[str | None, int]:
        """SQLite's integrity check, repairing nothing: (the first problem or None, the entry count)."""
        if not self.path.exists():
            return None, 0
        try:
            with closing(sqlite3.connect(self.path, timeout=60)) as db:
                said = [line for (row,) in db.execute("PRAGMA integrity_check") for line in row.splitlines()]
                problems = [line for line in said if line != "ok" and not line.startswith("*** in database")]
                if problems:
                    return problems[0] + (f" and {len(problems) - 1} more" if len(problems) > 1 else ""), 0
                tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
                return None, db.execute("SELECT COUNT(*) FROM entries").fetchone()[0] if "entries" in tables else 0
        except sqlite3.DatabaseError as err:
            if not is_damage(err):
                raise self._error(err) from err
            return first_line(err), 0

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


@dataclass
class CacheStats:
    hits: int = 0
    misses: int = 0


@dataclass
class CachedTranslator:
    """Any Translator, with its results stored; the same protocol, so nothing else changes."""

    inner: Translator
    cache: Cache
    stats: CacheStats = field(default_factory=CacheStats)
    chunk: int = 256  # big enough for full batches, small enough to lose little on Ctrl-C

    @property
    def identity(self) -> str:
        return self.inner.identity

    @property
    def output_cuts(self) -> int:
        return self.inner.output_cuts if isinstance(self.inner, CountsCutOutputs) else 0

    def translate(self, sentences: Sequence[str]) -> list[str]:
        unique = list(dict.fromkeys(sentences))
        known = self.cache.get_many("translation", self.identity, unique)
        missing = [s for s in unique if s not in known]
        # Stored chunk by chunk: an interrupted run keeps all but the chunk in flight.
        for start in range(0, len(missing), self.chunk):
            chunk = missing[start : start + self.chunk]
            fresh = dict(zip(chunk, self.inner.translate(chunk)))
            self.cache.put_many("translation", self.identity, fresh)
            known.update(fresh)
        self.stats.hits += len(sentences) - len(missing)
        self.stats.misses += len(missing)
        return [known[s] for s in sentences]


@dataclass
class CachedSummarizer:
    inner: Summarizer
    cache: Cache
    stats: CacheStats = field(default_factory=CacheStats)

    @property
    def identity(self) -> str:
        return self.inner.identity

    def summarize(self, sentences: Sequence[str], k: int) -> list[int | str]:
        text = json.dumps([k, list(sentences)], ensure_ascii=False)
        known = self.cache.get_many("summary", self.identity, [text])
        if text in known:
            self.stats.hits += 1
            return known[text]
        picked = self.inner.summarize(sentences, k)
        self.cache.put_many("summary", self.identity, {text: picked})
        self.stats.misses += 1
        return picked
