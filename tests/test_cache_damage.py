"""A damaged cache never stops a batch. A damaged file is said in one line, moved aside, and a fresh one
is used; a damaged entry is a miss, dropped and made again, said once with the count.

Each damage is real bytes in a real SQLite file, no mocks: random bytes over
the middle of a cache with thousands of entries (the header and schema still
read, so the damage shows only when a query reaches a broken page), a file cut
to its first 100 bytes, a file of pure garbage, one bad byte in the schema;
and for entries, one bad byte in a value on disk, a value that is not JSON,
a value stored as bytes.
"""

from __future__ import annotations

import multiprocessing
import random
import re
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefs.cache import Cache
from briefs.cli import app

runner = CliRunner()

PAGE = """\
# 北京发布新的交通计划

北京市政府今天发布了新的交通计划。计划提出，到2025年，公共交通出行比例将达到百分之六十。市民对此表示欢迎。

# 上海举办国际读书节

上海国际读书节于周六开幕，吸引了三万名读者参加。主办方表示，今年共有五百家出版社参展。
"""
FILLER = 3000  # entries: about 200 pages, so most of the file lies beyond the header and schema
SET_ASIDE = r"cache\.sqlite3\.corrupt-\d{8}T\d{6}Z"


def random_bytes_in_the_middle(path: Path) -> None:
    data = path.read_bytes()
    start, end = len(data) // 10, len(data) * 9 // 10
    path.write_bytes(data[:start] + random.Random(7).randbytes(end - start) + data[end:])


def cut_to_100_bytes(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:100])


def pure_garbage(path: Path) -> None:
    path.write_bytes(random.Random(7).randbytes(64 * 1024))


def in_the_schema(old: bytes, new: bytes):
    """One bad byte where SQLite keeps the schema (page 1): the header reads, the schema does not."""

    def damage(path: Path) -> None:
        data = path.read_bytes()
        assert data.count(old) == 1
        path.write_bytes(data.replace(old, new))

    return damage


DAMAGES = [
    pytest.param(random_bytes_in_the_middle, id="random-bytes-in-the-middle"),
    pytest.param(cut_to_100_bytes, id="truncated"),
    pytest.param(pure_garbage, id="garbage"),
    # SQLite quotes the index's name, bad byte and all, in its message, which Python then cannot decode
    pytest.param(in_the_schema(b"indexentries_identity", b"index\xffntries_identity"), id="schema-index-name"),
    pytest.param(in_the_schema(b"(key TEXT", b"(\xffey TEXT"), id="schema-column-name"),
    pytest.param(in_the_schema(b"CREATE TABLE entries", b"CREATE TABLE en\xffries"), id="schema-table"),
]
SQLITE_SAYS = (
    r"\((database disk image is malformed|file is not a database|malformed database schema \(.+\)"
    r"|its schema does not match: no such column: key)\)"
)


def rowids_of(path: Path, values: list[str]) -> list[int]:
    with closing(sqlite3.connect(path)) as db:
        marks = ",".join("?" * len(values))
        found = db.execute(f"SELECT rowid FROM entries WHERE value IN ({marks})", [f'"{v}"' for v in values]).fetchall()
    assert len(found) == len(values)
    return [rowid for (rowid,) in found]


def a_bad_byte_in_a_value(path: Path, rowids: list[int]) -> None:
    """One byte in the middle of each value turned to 0xFF in the file itself, as a bad sector leaves it."""
    with closing(sqlite3.connect(path)) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # every entry in the file, where the bytes can be reached
        values = [db.execute("SELECT CAST(value AS BLOB) FROM entries WHERE rowid = ?", (r,)).fetchone()[0] for r in rowids]
    data = bytearray(path.read_bytes())
    for value in values:
        at = data.find(value)
        assert at >= 0 and data.find(value, at + 1) < 0
        data[at + len(value) // 2] = 0xFF
    path.write_bytes(bytes(data))


def a_value_that_is_not_json(path: Path, rowids: list[int]) -> None:
    with closing(sqlite3.connect(path)) as db:
        db.executemany("UPDATE entries SET value = 'not {json' WHERE rowid = ?", [(r,) for r in rowids])
        db.commit()


def a_value_stored_as_bytes(path: Path, rowids: list[int]) -> None:
    with closing(sqlite3.connect(path)) as db:
        db.executemany("UPDATE entries SET value = x'22ff22' WHERE rowid = ?", [(r,) for r in rowids])
        db.commit()


ENTRY_DAMAGES = [
    pytest.param(a_bad_byte_in_a_value, id="bad-byte-in-a-value"),
    pytest.param(a_value_that_is_not_json, id="not-json"),
    pytest.param(a_value_stored_as_bytes, id="stored-as-bytes"),
]


@dataclass
class Page:
    config: Path
    inputs: Path
    briefs: dict[str, str]  # what a run with a clean cache writes


def run(page: Page, out: Path):
    return runner.invoke(app, ["run", str(page.inputs), "--out", str(out), "--config", str(page.config), "--quiet"])


def cache(*args: str):
    return runner.invoke(app, ["cache", *args])


def markdown(out: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(out.glob("*.md"))}


def damage_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if "damaged" in line]


def set_aside(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("cache.sqlite3.corrupt-*") if re.fullmatch(SET_ASIDE, p.name))


@pytest.fixture(scope="module")
def page(tmp_path_factory, cache_with_dictionary) -> Page:
    """Two short articles, the gloss engine, and the briefs a run with a clean cache writes."""
    tmp = tmp_path_factory.mktemp("page")
    (tmp / "in").mkdir()
    (tmp / "in" / "page.md").write_text(PAGE, encoding="utf-8")
    (tmp / "briefs.toml").write_text('[translator]\nengine = "gloss"\n')
    page = Page(tmp / "briefs.toml", tmp / "in", {})
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BRIEFS_CACHE_DIR", str(cache_with_dictionary(tmp / "clean-cache")))
        result = run(page, tmp / "out")
    assert result.exit_code == 0, result.stderr
    page.briefs = markdown(tmp / "out")
    assert len(page.briefs) == 3  # two briefs and the index
    return page


@pytest.fixture
def folder(tmp_path, monkeypatch, cache_with_dictionary) -> Path:
    """The cache folder of the test: BRIEFS_CACHE_DIR, holding a real cache of FILLER entries."""
    monkeypatch.setenv("BRIEFS_CACHE_DIR", str(cache_with_dictionary(tmp_path / "cache")))
    filled = Cache(tmp_path / "cache" / "cache.sqlite3")
    filled.put_many("translation", "engine:filler", {f"句子{i}。": f"sentence {i}." for i in range(FILLER)})
    filled.close()  # the last connection: the journal is folded into the file, which is then all there is
    assert [p.name for p in (tmp_path / "cache").glob("cache.sqlite3*")] == ["cache.sqlite3"]
    return tmp_path / "cache"


@pytest.mark.parametrize("damage", DAMAGES)
def test_a_run_sets_a_damaged_cache_aside_and_writes_the_same_briefs(page, folder, tmp_path, damage):
    damage(folder / "cache.sqlite3")
    result = run(page, tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    assert markdown(tmp_path / "out") == page.briefs
    [line] = damage_lines(result.stderr)
    where = re.escape(str(folder))
    said = rf"briefs: the cache {where}/cache\.sqlite3 is damaged {SQLITE_SAYS}; moved it aside to {where}/{SET_ASIDE} and started a fresh one"
    assert re.fullmatch(said, line), line
    assert len(set_aside(folder)) == 1
    again = run(page, tmp_path / "again")  # the fresh cache serves the next run, quietly
    assert again.exit_code == 0 and damage_lines(again.stderr) == []
    assert "0 sentences translated" in again.stderr and markdown(tmp_path / "again") == page.briefs


@pytest.mark.parametrize("damage", DAMAGES)
def test_cache_check_reports_damage_in_one_line_and_repairs_nothing(folder, damage):
    damage(folder / "cache.sqlite3")
    before = (folder / "cache.sqlite3").read_bytes()
    result = cache("check")
    assert result.exit_code == 1
    [line] = result.stderr.splitlines()
    assert line.startswith(f"briefs: the cache {folder / 'cache.sqlite3'} is damaged (")
    assert line.endswith("`briefs cache clear` or the next run will move it aside and start a fresh one")
    assert (folder / "cache.sqlite3").read_bytes() == before and set_aside(folder) == []


def test_cache_check_on_a_healthy_cache_says_ok_and_counts_entries(folder):
    result = cache("check")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [f"ok: {folder / 'cache.sqlite3'} passes SQLite's integrity check", f"ok: {FILLER} entries, each one readable"]


def test_cache_check_before_any_run(tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFS_CACHE_DIR", str(tmp_path / "none"))
    result = cache("check")
    assert (result.exit_code, result.stdout.strip()) == (0, f"ok: no cache yet at {tmp_path / 'none' / 'cache.sqlite3'}")
    assert not (tmp_path / "none").exists()


@pytest.mark.parametrize("damage", DAMAGES)
def test_cache_clear_sets_a_damaged_cache_aside(folder, damage):
    damage(folder / "cache.sqlite3")
    result = cache("clear")
    assert result.exit_code == 0, result.stderr
    assert len(damage_lines(result.stderr)) == 1 and result.stdout.strip() == "removed 0 entries"
    assert len(set_aside(folder)) == 1
    assert cache("check").stdout.splitlines()[-1] == "ok: 0 entries, each one readable"


@pytest.mark.parametrize("damage", DAMAGES)
def test_cache_info_sets_a_damaged_cache_aside_and_lists_it(folder, damage):
    damage(folder / "cache.sqlite3")
    result = cache("info")
    assert result.exit_code == 0, result.stderr
    assert len(damage_lines(result.stderr)) == 1
    [aside] = set_aside(folder)
    assert result.stdout.splitlines()[-1].endswith(f"(delete it when done): {aside}")


def test_the_writable_folder_hint_is_for_a_folder_that_cannot_be_used(tmp_path, monkeypatch):
    (tmp_path / "a-file").write_text("not a folder")
    monkeypatch.setenv("BRIEFS_CACHE_DIR", str(tmp_path / "a-file" / "cache"))
    result = cache("info")
    assert result.exit_code == 2
    assert result.stderr.strip().endswith("(set BRIEFS_CACHE_DIR to a writable folder)")


@pytest.mark.parametrize("damage", DAMAGES)
def test_every_cache_call_recovers_and_retries_on_a_fresh_file(folder, damage):
    damage(folder / "cache.sqlite3")
    heard: list[str] = []
    recovering = Cache(folder / "cache.sqlite3", warn=heard.append)
    recovering.put_many("translation", "x", {"甲。": "A."})
    assert recovering.get_many("translation", "x", ["甲。", "句子1。"]) == {"甲。": "A."}
    assert len(heard) == 1 and len(set_aside(folder)) == 1
    recovering.close()


@pytest.mark.parametrize(
    "call, entries_after",
    [
        pytest.param(lambda c: c.get_many("translation", "engine:filler", [f"句子{i}。" for i in range(0, FILLER, 7)]), 0, id="get_many"),
        pytest.param(lambda c: c.put_many("translation", "y", {f"新{i}": i for i in range(FILLER)}), FILLER, id="put_many"),
        pytest.param(lambda c: c.info(), 0, id="info"),
        pytest.param(lambda c: c.clear(), 0, id="clear"),
    ],
)
def test_damage_inside_pages_is_found_by_the_first_query_and_recovered(folder, call, entries_after):
    random_bytes_in_the_middle(folder / "cache.sqlite3")
    heard: list[str] = []
    recovering = Cache(folder / "cache.sqlite3", warn=heard.append)
    recovering.db  # the header and schema still read: opening finds nothing wrong
    assert heard == []
    call(recovering)  # a query reaches a broken page
    assert len(heard) == 1 and len(set_aside(folder)) == 1
    assert recovering.check() == (None, entries_after, 0)
    recovering.close()


def test_check_reads_sqlites_verdict_without_moving_anything(folder):
    assert Cache(folder / "cache.sqlite3").check() == (None, FILLER, 0)
    random_bytes_in_the_middle(folder / "cache.sqlite3")
    problem = Cache(folder / "cache.sqlite3").check().problem
    assert problem and "\n" not in problem
    with pytest.raises(sqlite3.DatabaseError):  # the damage is real: SQLite itself refuses the file
        sqlite3.connect(folder / "cache.sqlite3").execute("SELECT COUNT(*) FROM entries").fetchall()


@pytest.mark.parametrize("damage", ENTRY_DAMAGES)
def test_a_run_drops_damaged_entries_says_so_once_and_writes_the_same_briefs(page, folder, tmp_path, damage):
    assert run(page, tmp_path / "first").exit_code == 0  # the page's translations are now in the cache
    with closing(sqlite3.connect(folder / "cache.sqlite3")) as db:
        query = "SELECT rowid FROM entries WHERE kind = 'translation' AND identity LIKE 'engine:gloss%' ORDER BY rowid LIMIT 3"
        rowids = [rowid for (rowid,) in db.execute(query)]
    damage(folder / "cache.sqlite3", rowids)
    result = run(page, tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    assert markdown(tmp_path / "out") == page.briefs
    assert damage_lines(result.stderr) == ["briefs: 3 damaged cache entries dropped; they are made again"]
    assert "3 sentences translated" in result.stderr and set_aside(folder) == []
    again = run(page, tmp_path / "again")  # made again and stored: the next run is quiet and does no work
    assert again.exit_code == 0 and damage_lines(again.stderr) == []
    assert "0 sentences translated" in again.stderr and markdown(tmp_path / "again") == page.briefs
    assert cache("check").exit_code == 0


@pytest.mark.parametrize("damage", ENTRY_DAMAGES)
def test_a_damaged_entry_is_a_miss_and_all_are_dropped_when_the_first_is_met(folder, damage):
    path = folder / "cache.sqlite3"
    damage(path, rowids_of(path, ["sentence 10.", "sentence 20.", "sentence 30."]))
    heard: list[str] = []
    cache = Cache(path, warn=heard.append)
    assert cache.get_many("translation", "engine:filler", ["句子10。", "句子11。"]) == {"句子11。": "sentence 11."}
    assert heard == ["briefs: 3 damaged cache entries dropped; they are made again"]
    assert cache.get_many("translation", "engine:filler", ["句子20。", "句子30。"]) == {}  # dropped with the first
    cache.put_many("translation", "engine:filler", {"句子10。": "sentence 10."})
    assert cache.get_many("translation", "engine:filler", ["句子10。"]) == {"句子10。": "sentence 10."}
    assert heard == ["briefs: 3 damaged cache entries dropped; they are made again"] and cache.dropped == 3
    assert cache.check() == (None, FILLER - 2, 0) and set_aside(folder) == []
    cache.close()


def test_one_damaged_entry_is_said_in_the_singular(folder):
    path = folder / "cache.sqlite3"
    a_value_that_is_not_json(path, rowids_of(path, ["sentence 5."]))
    heard: list[str] = []
    Cache(path, warn=heard.append).get_many("translation", "engine:filler", ["句子5。"])
    assert heard == ["briefs: 1 damaged cache entry dropped; it is made again"]


@pytest.mark.parametrize("damage", ENTRY_DAMAGES)
def test_cache_check_finds_damaged_entries_in_one_line_and_repairs_nothing(folder, damage):
    path = folder / "cache.sqlite3"
    damage(path, rowids_of(path, ["sentence 10.", "sentence 20.", "sentence 30."]))
    before = path.read_bytes()
    result = cache("check")
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.splitlines() == [
        f"briefs: the cache {path} is damaged (3 of its {FILLER} entries cannot be read); "
        "the next run drops those and makes them again"
    ]
    assert path.read_bytes() == before and set_aside(folder) == []


def test_cache_info_lists_a_name_with_a_bad_byte_and_goes_on(folder):
    path = folder / "cache.sqlite3"
    with closing(sqlite3.connect(path)) as db:
        db.execute("UPDATE entries SET identity = CAST(x'656e67696e653aff' AS TEXT) WHERE value = '\"sentence 1.\"'")
        db.commit()
    result = cache("info")
    assert result.exit_code == 0, result.stderr
    assert [line.split() for line in result.stdout.splitlines()[1:]] == [
        [str(FILLER - 1), "translation", "engine:filler"],
        ["1", "translation", "engine:\ufffd"],
    ]
    assert cache("check").exit_code == 1  # a name that cannot be read is a damaged entry too


def _open_together(path: str, ready, heard_file: str, worker: int) -> None:
    heard: list[str] = []
    cache = Cache(Path(path), warn=heard.append)
    ready.wait()  # both interpreters started: they reach the damage together
    cache.get_many("translation", "engine:filler", [f"句子{i}。" for i in range(0, FILLER, 7)])
    cache.put_many("translation", "both", {f"{worker}-{i}": f"{i}" for i in range(50)})
    cache.close()
    Path(heard_file).write_text("\n".join(heard), encoding="utf-8")


@pytest.mark.parametrize("damage", [DAMAGES[0], DAMAGES[2], DAMAGES[3]])
def test_two_runs_meeting_one_damaged_cache_move_only_the_damaged_file(tmp_path, damage):
    """The second run finds the fresh file the first started and leaves it be (before, it moved that aside too)."""
    context = multiprocessing.get_context("spawn")
    for attempt in range(3):
        folder = tmp_path / str(attempt)
        filled = Cache(folder / "cache.sqlite3")
        filled.put_many("translation", "engine:filler", {f"句子{i}。": f"sentence {i}." for i in range(FILLER)})
        filled.close()
        damage(folder / "cache.sqlite3")
        ready, heard = context.Barrier(2), [folder / f"heard-{w}" for w in range(2)]
        runs = [
            context.Process(target=_open_together, args=(str(folder / "cache.sqlite3"), ready, str(heard[w]), w))
            for w in range(2)
        ]
        for p in runs:
            p.start()
        for p in runs:
            p.join(120)
        assert [p.exitcode for p in runs] == [0, 0]
        said = [line for h in heard for line in damage_lines(h.read_text(encoding="utf-8"))]
        assert len(said) == 1 and len(set_aside(folder)) == 1, (attempt, said)
        assert Cache(folder / "cache.sqlite3").check() == (None, 100, 0)  # both runs' entries, in a healthy file
