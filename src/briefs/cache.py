"""SQLite cache of translations and summaries, keyed by engine identity + settings + text.

A second run over the same input does no model work, an interrupted run
resumes from what was stored, and two runs at once share the file safely
(WAL journal, busy timeout, one short transaction per batch). The schema is
versioned with numbered migrations applied on open, so a newer briefs reads
an older cache.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Sequence

from .errors import BriefsError
from .files import default_cache_dir

CACHE_FILE = "cache.sqlite3"


def m001_entries(db: sqlite3.Connection) -> None:
    db.execute(
        "CREATE TABLE entries (key TEXT PRIMARY KEY, kind TEXT NOT NULL, identity TEXT NOT NULL, value TEXT NOT NULL)"
    )
    db.execute("CREATE INDEX entries_identity ON entries (kind, identity)")


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [m001_entries]


def _key(kind: str, identity: str, text: str) -> str:
    return hashlib.sha256("\x1f".join((kind, identity, text)).encode()).hexdigest()


class Cache:
    """One SQLite file; opened on first use."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._db: sqlite3.Connection | None = None

    @classmethod
    def default(cls) -> "Cache":
        return cls(default_cache_dir() / CACHE_FILE)

    @property
    def db(self) -> sqlite3.Connection:
        if self._db is None:
            self._db = self._open()
        return self._db

    def _open(self) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(self.path, timeout=60, isolation_level=None)
            db.execute("PRAGMA busy_timeout = 60000")
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = NORMAL")
            self._migrate(db)
        except (OSError, sqlite3.DatabaseError) as err:
            raise BriefsError(f"cannot open the cache {self.path}: {err} (set BRIEFS_CACHE_DIR to a writable folder)") from None
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
            db.execute("ROLLBACK")
            raise

    def get_many(self, kind: str, identity: str, texts: Sequence[str]) -> dict[str, Any]:
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
        with self.db:
            self.db.execute("BEGIN IMMEDIATE")
            self.db.executemany("INSERT OR REPLACE INTO entries (key, kind, identity, value) VALUES (?, ?, ?, ?)", rows)

    def info(self) -> dict[str, Any]:
        rows = self.db.execute("SELECT kind, identity, COUNT(*) FROM entries GROUP BY kind, identity ORDER BY kind, identity").fetchall()
        size = sum(p.stat().st_size for p in self.path.parent.glob(self.path.name + "*") if p.is_file())
        return {"path": str(self.path), "bytes": size, "entries": [{"kind": k, "identity": i, "count": n} for k, i, n in rows]}

    def clear(self) -> int:
        with self.db:
            count = self.db.execute("DELETE FROM entries").rowcount
        self.db.execute("VACUUM")
        return count

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

    inner: Any
    cache: Cache
    stats: CacheStats = field(default_factory=CacheStats)
    chunk: int = 256  # big enough for full batches, small enough to lose little on Ctrl-C

    @property
    def identity(self) -> str:
        return self.inner.identity

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
    inner: Any
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
