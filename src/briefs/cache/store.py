"""The cache file: entries read and written in short transactions, every call guarded against damage."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import sys
from contextlib import closing
from pathlib import Path
from typing import Any, Callable, NamedTuple, Sequence, TypeVar

from ..errors import BriefsError, first_line
from ..files import default_cache_dir
from .connection import DAMAGED, FOLDER_HINT, HINTS, PATIENCE, connect, patiently, primary_code, probe
from .damage import COMPANIONS, ERRORS, damage, damaged_entries, held_lock, move_aside, parse_value, set_aside

CACHE_FILE = "cache.sqlite3"
CHUNK = 500  # SQLite's bound-parameter limit

Warn = Callable[[str], None]
_T = TypeVar("_T")


def _key(kind: str, identity: str, text: str) -> str:
    return hashlib.sha256("\x1f".join((kind, identity, text)).encode()).hexdigest()


def _marks(values: Sequence[object]) -> str:
    return ",".join("?" * len(values))


def _to_stderr(line: str) -> None:
    print(line, file=sys.stderr)  # sys.stderr looked up per call: a test runner or progress bar may swap it


def _entries(count: int) -> str:
    return f"{count} damaged cache {'entry' if count == 1 else 'entries'}"


class Health(NamedTuple):
    """What ``Cache.check`` found: SQLite's first problem with the file, the entries, and those that cannot be read."""

    problem: str | None
    entries: int
    damaged: int


class Cache:
    """One SQLite file; opened on first use. ``warn`` hears, in one line each, that a damaged file was
    set aside or that damaged entries were dropped (said once per process)."""

    def __init__(self, path: Path, warn: Warn | None = None):
        self.path = Path(path)
        self.warn = warn or _to_stderr
        self.dropped = 0  # damaged entries this process dropped
        self._db: sqlite3.Connection | None = None

    @classmethod
    def default(cls, warn: Warn | None = None) -> "Cache":
        return cls(default_cache_dir() / CACHE_FILE, warn)

    @property
    def db(self) -> sqlite3.Connection:
        return self._guarded(self._connection)

    def _connection(self) -> sqlite3.Connection:
        # Unguarded, for use inside a guarded call: guarding it again would wait on a lock its caller may hold.
        if self._db is None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as err:
                raise BriefsError(f"cannot open the cache {self.path}: {err}{FOLDER_HINT}") from None
            self._db = connect(self.path)
        return self._db

    def _guarded(self, operation: Callable[[], _T]) -> _T:
        """``operation``, waiting out other runs; if the file is damaged, run again once no other briefs is
        moving it, and on a fresh file if the one there then is damaged still.

        Damage inside pages shows only when they are read or written: every query is guarded, not just the open.
        """
        try:
            return patiently(operation)
        except ERRORS as err:
            self._damage_or_raise(err)
        # Closed before waiting: a connection closed after another run moved its file would delete the
        # fresh file's -wal and -shm, which SQLite finds by name.
        self.close()
        with held_lock(self.path):
            try:
                return patiently(operation)  # on the file there now: another briefs may have set this one aside
            except ERRORS as err:
                reason = self._damage_or_raise(err)
            self.close()
            aside = move_aside(self.path, reason)
            self.warn(f"briefs: the cache {self.path} is damaged ({reason}); moved it aside to {aside} and started a fresh one")
        try:
            return patiently(operation)
        except ERRORS as err:
            raise self._error(err) from err

    def _damage_or_raise(self, err: BaseException) -> str:
        reason = damage(err)
        if reason is None:
            raise self._error(err) from err
        return reason

    def _error(self, err: BaseException) -> BriefsError:
        reason = damage(err)
        hint = HINTS[DAMAGED[0]] if reason is not None else HINTS.get(primary_code(err), "")
        return BriefsError(f"cannot use the cache {self.path}: {reason or first_line(err)}{hint}")

    def get_many(self, kind: str, identity: str, texts: Sequence[str]) -> dict[str, Any]:
        """The stored values of those ``texts`` that have one. A damaged entry is a miss, and is dropped."""
        return self._guarded(lambda: self._get_many(kind, identity, texts))

    def _get_many(self, kind: str, identity: str, texts: Sequence[str]) -> dict[str, Any]:
        db = self._connection()
        keys = {_key(kind, identity, t): t for t in texts}
        found: dict[str, Any] = {}
        damaged = False
        key_list = list(keys)
        for start in range(0, len(key_list), CHUNK):
            chunk = key_list[start : start + CHUNK]
            query = f"SELECT key, typeof(value), CAST(value AS BLOB) FROM entries WHERE key IN ({_marks(chunk)})"
            for key, stored_type, stored in db.execute(query, chunk).fetchall():
                try:
                    found[keys[key]] = parse_value(stored_type, stored)
                except ValueError:
                    damaged = True
        if damaged:
            self._drop_damaged()
        return found

    def _drop_damaged(self) -> None:
        """Every damaged entry dropped at once when the first is met, so that one line can count them all."""
        db = self._connection()
        with db:
            db.execute("BEGIN IMMEDIATE")  # no run writes between the reading and the dropping
            rowids = damaged_entries(db)
            for start in range(0, len(rowids), CHUNK):
                chunk = rowids[start : start + CHUNK]
                db.execute(f"DELETE FROM entries WHERE rowid IN ({_marks(chunk)})", chunk)
        if rowids and not self.dropped:
            self.warn(f"briefs: {_entries(len(rowids))} dropped; {'it is' if len(rowids) == 1 else 'they are'} made again")
        self.dropped += len(rowids)

    def put_many(self, kind: str, identity: str, items: dict[str, Any]) -> None:
        rows = [(_key(kind, identity, t), kind, identity, json.dumps(v, ensure_ascii=False)) for t, v in items.items()]

        def put() -> None:
            db = self._connection()
            with db:
                db.execute("BEGIN IMMEDIATE")
                db.executemany("INSERT OR REPLACE INTO entries (key, kind, identity, value) VALUES (?, ?, ?, ?)", rows)

        self._guarded(put)

    def info(self) -> dict[str, Any]:
        # Names read as bytes: a bad byte in one shows as �, and does not stop the listing.
        query = (
            "SELECT CAST(kind AS BLOB), CAST(identity AS BLOB), COUNT(*) FROM entries"
            " GROUP BY kind, identity ORDER BY kind, identity"
        )
        rows = self._guarded(lambda: self._connection().execute(query).fetchall())
        size = sum(p.stat().st_size for p in self._files() if p.is_file())
        entries = [{"kind": _text(k), "identity": _text(i), "count": n} for k, i, n in rows]
        return {"path": str(self.path), "bytes": size, "entries": entries, "set_aside": [str(p) for p in self.set_aside()]}

    def _files(self) -> list[Path]:
        return [Path(f"{self.path}{suffix}") for suffix in ("", *COMPANIONS)]

    def set_aside(self) -> list[Path]:
        """Damaged files moved aside earlier, oldest first; briefs never reads them again."""
        return set_aside(self.path)

    def clear(self) -> int:
        count = self._guarded(lambda: self._connection().execute("DELETE FROM entries").rowcount)
        self._guarded(lambda: self._connection().execute("VACUUM"))
        return count

    def check(self) -> Health:
        """SQLite's integrity check, then every entry read, repairing nothing."""
        if not self.path.exists():
            return Health(None, 0, 0)
        try:
            with closing(sqlite3.connect(self.path, timeout=PATIENCE)) as db:
                db.text_factory = _text  # SQLite's verdict may quote damaged names
                return patiently(lambda: _health(db))
        except ERRORS as err:
            return Health(self._damage_or_raise(err), 0, 0)

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


def _text(stored: Any) -> str:
    return stored.decode("utf-8", "replace") if isinstance(stored, bytes) else "" if stored is None else str(stored)


def _health(db: sqlite3.Connection) -> Health:
    said = [line for (row,) in db.execute("PRAGMA integrity_check") for line in row.splitlines()]
    problems = [line for line in said if line != "ok" and not line.startswith("*** in database")]
    if problems:
        return Health(problems[0] + (f" and {len(problems) - 1} more" if len(problems) > 1 else ""), 0, 0)
    tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "entries" not in tables and db.execute("PRAGMA user_version").fetchone()[0] == 0:
        return Health(None, 0, 0)  # never used: the first run makes the table
    probe(db)
    return Health(None, db.execute("SELECT COUNT(*) FROM entries").fetchone()[0], len(damaged_entries(db)))
