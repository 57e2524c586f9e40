"""The cache: second runs do no model work, keys respect engine identity, concurrent runs are safe."""

from __future__ import annotations

import multiprocessing
import sqlite3
import threading
import time

import pytest

from briefs.cache import MIGRATIONS, Cache, CachedSummarizer, CachedTranslator
from briefs.cache.connection import patiently


class CountingTranslator:
    """Upper-cases text and counts the sentences it was asked to translate."""

    def __init__(self, identity: str = "engine:counting|v:1"):
        self.identity = identity
        self.seen: list[str] = []

    def translate(self, sentences):
        self.seen += list(sentences)
        return [f"EN({s})" for s in sentences]


class CountingSummarizer:
    identity = "engine:first-k"

    def __init__(self):
        self.calls = 0

    def summarize(self, sentences, k):
        self.calls += 1
        return list(range(min(k, len(sentences))))


@pytest.fixture
def cache(tmp_path):
    c = Cache(tmp_path / "cache.sqlite3")
    yield c
    c.close()


def test_second_call_is_served_from_the_cache_in_input_order(cache):
    inner = CountingTranslator()
    translator = CachedTranslator(inner, cache)
    first = translator.translate(["甲。", "乙。", "甲。"])
    assert first == ["EN(甲。)", "EN(乙。)", "EN(甲。)"]
    assert inner.seen == ["甲。", "乙。"]  # duplicates translated once
    assert translator.translate(["乙。", "甲。"]) == ["EN(乙。)", "EN(甲。)"]
    assert inner.seen == ["甲。", "乙。"]
    assert (translator.stats.hits, translator.stats.misses) == (3, 2)


def test_a_different_engine_identity_is_a_different_key(cache):
    CachedTranslator(CountingTranslator("engine:a"), cache).translate(["甲。"])
    other = CountingTranslator("engine:b")
    CachedTranslator(other, cache).translate(["甲。"])
    assert other.seen == ["甲。"]


def test_entries_survive_reopening_the_file(tmp_path):
    first = Cache(tmp_path / "c.sqlite3")
    CachedTranslator(CountingTranslator(), first).translate(["甲。"])
    first.close()
    inner = CountingTranslator()
    CachedTranslator(inner, Cache(tmp_path / "c.sqlite3")).translate(["甲。"])
    assert inner.seen == []


def test_summaries_are_cached_by_sentences_and_size(cache):
    inner = CountingSummarizer()
    summarizer = CachedSummarizer(inner, cache)
    assert summarizer.summarize(["a", "b", "c"], 2) == [0, 1]
    assert summarizer.summarize(["a", "b", "c"], 2) == [0, 1]
    assert summarizer.summarize(["a", "b", "c"], 3) == [0, 1, 2]
    assert inner.calls == 2


def test_schema_version_is_recorded_and_the_journal_is_wal(cache):
    cache.get_many("translation", "x", ["a"])
    assert cache.db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert cache.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_an_older_cache_is_migrated_on_open(tmp_path):
    path = tmp_path / "old.sqlite3"
    sqlite3.connect(path).close()  # version 0: an empty file from before the first migration
    cache = Cache(path)
    cache.put_many("translation", "x", {"a": "b"})
    assert cache.get_many("translation", "x", ["a"]) == {"a": "b"}


def test_info_and_clear(cache):
    CachedTranslator(CountingTranslator(), cache).translate(["甲。", "乙。"])
    info = cache.info()
    assert info["entries"] == [{"kind": "translation", "identity": "engine:counting|v:1", "count": 2}]
    assert cache.clear() == 2
    assert cache.info()["entries"] == []


def _writer(path: str, worker: int) -> None:
    cache = Cache(path)
    for batch in range(20):
        cache.put_many("translation", "x", {f"{worker}-{batch}-{i}": i for i in range(25)})
    cache.close()


def test_two_processes_writing_at_once_lose_nothing(tmp_path):
    path = str(tmp_path / "shared.sqlite3")
    procs = [multiprocessing.get_context("spawn").Process(target=_writer, args=(path, w)) for w in range(2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
    assert [p.exitcode for p in procs] == [0, 0]
    assert Cache(path).info()["entries"][0]["count"] == 2 * 20 * 25


def test_opening_waits_while_another_run_writes_a_fresh_file(tmp_path):
    """Turning a fresh file to WAL while another connection writes it is refused at once, whatever the busy
    timeout (SQLite will not wait where waiting could deadlock): the open tries again until the writer is done.
    Two runs starting on a fresh cache met this, and one stopped with "database is locked"."""
    path = tmp_path / "fresh.sqlite3"
    writer = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    writer.execute("BEGIN IMMEDIATE")
    with pytest.raises(sqlite3.OperationalError, match="database is locked"):
        sqlite3.connect(path, timeout=60).execute("PRAGMA journal_mode = WAL")  # what the open met, at once
    done = threading.Timer(0.3, lambda: writer.execute("COMMIT"))
    done.start()
    cache = Cache(path)
    cache.put_many("translation", "x", {"a": "b"})
    assert cache.get_many("translation", "x", ["a"]) == {"a": "b"}
    assert cache.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    done.join()
    cache.close()
    writer.close()


def _busy() -> sqlite3.OperationalError:
    err = sqlite3.OperationalError("database is locked")
    err.sqlite_errorcode = sqlite3.SQLITE_BUSY
    return err


def test_patiently_retries_only_a_busy_file_and_only_for_so_long():
    tries = []

    def busy_twice():
        tries.append(time.monotonic())
        if len(tries) < 3:
            raise _busy()
        return "done"

    assert patiently(busy_twice) == "done" and len(tries) == 3

    def broken():
        tries.append(0)
        raise sqlite3.OperationalError("no such table: entries")

    tries.clear()
    with pytest.raises(sqlite3.OperationalError, match="no such table"):
        patiently(broken)
    assert len(tries) == 1

    def always_busy():
        raise _busy()

    started = time.monotonic()
    with pytest.raises(sqlite3.OperationalError, match="database is locked"):
        patiently(always_busy, patience=0.2)
    assert time.monotonic() - started < 1


class FailingAfter:
    """Translates one call, then fails as an interrupted model would."""

    identity = "engine:failing"

    def __init__(self):
        self.calls = 0

    def translate(self, sentences):
        self.calls += 1
        if self.calls > 1:
            raise KeyboardInterrupt
        return [s.upper() for s in sentences]


def test_finished_chunks_are_kept_when_a_run_is_interrupted(cache):
    translator = CachedTranslator(FailingAfter(), cache, chunk=2)
    with pytest.raises(KeyboardInterrupt):
        translator.translate(["a", "b", "c", "d"])
    assert cache.get_many("translation", "engine:failing", ["a", "b", "c", "d"]) == {"a": "A", "b": "B"}
