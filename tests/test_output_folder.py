"""The output folder describes itself, and a write that fails leaves it whole.

index.md lists every brief in the folder, earlier runs' too, read from the
sidecars; a brief superseded by a new one of the same article goes as the new
one lands; its links reach their files and its rows hold whatever the names.
A full disk, a folder deleted or closed mid-run stops the run in one line
(exit 1), keeps every brief written and, where the folder allows, its index.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote

import pytest
from markdown_it import MarkdownIt
from runkit import AS_A_USER, at_write, brief_run, briefs_in, write
from typer.testing import CliRunner

import briefs.run.output
from briefs.run.output import SavedBriefs

runner = CliRunner()
TESTS = Path(__file__).resolve().parent

PAGE_A = """# 开发区签约项目二十一个
本报讯 截至2022年末，开发区共签约落地项目21个，协议投资额28.72亿元。

# 乡村振兴示范村建设提速
今年全县新建示范村15个，带动农户增收3.5亿元。
"""
PAGE_B = """# 新能源产业链加快延伸
本报讯 今年以来，全市新能源装机容量达到120万千瓦，同比增长6.2%。

# 文旅消费持续升温
国庆假期全市接待游客85万人次，实现旅游收入4.6亿元。
"""
# One article of 300 figures: its sidecar (about 250 kB) is far above the others (3 kB).
PAGE_LARGE = "# 全市重点项目建设情况通报\n" + "\n".join(
    f"第{i}批重点项目完成投资{i}.5亿元，新增就业岗位{i * 10 + 3}个。" for i in range(1, 301)
)


def articles_in(out: Path) -> list[tuple[str, int]]:
    """(source file, article number) of every sidecar in the folder."""
    sidecars = [json.loads(p.read_text(encoding="utf-8")) for p in out.glob("*.json")]
    return sorted((s["source_file"], s["article_index"]) for s in sidecars)


MARKDOWN = MarkdownIt("commonmark").enable("table")


def index_links(out: Path) -> list[str]:
    """The files index.md links to, as a browser would open them, in the order of its rows."""
    tokens = MARKDOWN.parse((out / "index.md").read_text(encoding="utf-8"))
    links = [c for t in tokens if t.type == "inline" for c in t.children or [] if c.type == "link_open"]
    return [unquote(link.attrGet("href")) for link in links]


def index_rows(out: Path) -> list[int]:
    """How many cells each body row of index.md's table has."""
    tokens, rows, cells = MARKDOWN.parse((out / "index.md").read_text(encoding="utf-8")), [], 0
    for token in tokens:
        if token.type == "tr_open":
            cells = 0
        elif token.type in ("td_open", "th_open"):
            cells += 1
        elif token.type == "tr_close":
            rows.append(cells)
    return rows[1:]  # the header row is not a brief


# The index describes the folder, not the run


def test_the_index_lists_every_brief_in_the_folder_from_earlier_runs_too(gloss, tmp_path):
    assert brief_run(gloss, tmp_path / "out", write(tmp_path / "one" / "a.txt", PAGE_A)).exit_code == 0
    assert brief_run(gloss, tmp_path / "out", write(tmp_path / "two" / "b.txt", PAGE_B)).exit_code == 0
    out = tmp_path / "out"
    assert len(briefs_in(out)) == 4
    assert sorted(index_links(out)) == briefs_in(out)
    assert "4 briefs." in (out / "index.md").read_text(encoding="utf-8")


def test_the_index_is_the_same_bytes_however_the_folder_was_filled(gloss, tmp_path):
    a, b = write(tmp_path / "in" / "a.txt", PAGE_A), write(tmp_path / "in" / "b.txt", PAGE_B)
    brief_run(gloss, tmp_path / "in-turn", a)
    brief_run(gloss, tmp_path / "in-turn", b)
    brief_run(gloss, tmp_path / "at-once", a, b)
    assert briefs_in(tmp_path / "in-turn") == briefs_in(tmp_path / "at-once")
    assert (tmp_path / "in-turn" / "index.md").read_bytes() == (tmp_path / "at-once" / "index.md").read_bytes()


def test_an_edited_page_briefed_again_replaces_its_briefs_so_no_article_has_two(gloss, tmp_path):
    page, other = write(tmp_path / "in" / "page.txt", PAGE_A), write(tmp_path / "other" / "page2.txt", PAGE_B)
    brief_run(gloss, tmp_path / "out", page, other)
    before = briefs_in(tmp_path / "out")
    write(page, PAGE_A.replace("开发区签约项目二十一个", "新能源产业链加快延伸"))  # article 1 retitled: a new name
    result = brief_run(gloss, tmp_path / "out", page)
    assert result.exit_code == 0, result.stderr
    after = briefs_in(tmp_path / "out")
    assert len(after) == 4 and after != before
    assert len(set(articles_in(tmp_path / "out"))) == len(articles_in(tmp_path / "out")) == 4  # one brief per article
    assert {p.stem for p in (tmp_path / "out").glob("*.json")} == {Path(n).stem for n in after}  # pairs only
    assert [n for n in before if n.startswith("page2-")] == [n for n in after if n.startswith("page2-")]  # another page's stay
    assert sorted(index_links(tmp_path / "out")) == after


def test_the_folder_is_read_one_sidecar_at_a_time(gloss, tmp_path, monkeypatch):
    brief_run(gloss, tmp_path / "out", write(tmp_path / "in" / "a.txt", PAGE_A), write(tmp_path / "in" / "b.txt", PAGE_B))
    read, real = [], briefs.run.output.read_sidecar
    monkeypatch.setattr(briefs.run.output, "read_sidecar", lambda path: read.append(path) or real(path))
    folder = iter(SavedBriefs(tmp_path / "out"))
    name, sidecar = next(folder)
    assert len(read) == 1 and name == briefs_in(tmp_path / "out")[0] and sidecar["article_index"] == 1
    assert len(list(folder)) == 3 and len(read) == 4


# Links and rows that hold whatever the file names


NAMES = ["a page.txt", "x|y.txt", "100%.txt", "#1.txt", "new\nline.txt", "甲 [乙](丙).txt"]


def test_index_links_reach_their_files_and_rows_hold_whatever_the_names(gloss, tmp_path):
    for number, name in enumerate(NAMES):
        write(tmp_path / "in" / name, PAGE_A if number % 2 else PAGE_B)
    result = brief_run(gloss, tmp_path / "out", tmp_path / "in")
    assert result.exit_code == 0, result.stderr
    written = briefs_in(tmp_path / "out")
    assert len(written) == 2 * len(NAMES)
    assert sorted(index_links(tmp_path / "out")) == written  # every link opens its brief, each brief once
    assert index_rows(tmp_path / "out") == [7] * len(written)  # no bar or line break cut a row


# A write that fails


def test_a_full_disk_stops_the_run_in_one_line_and_keeps_the_briefs_written_with_their_index(gloss, tmp_path):
    for name, text in (("a.txt", PAGE_A), ("b.txt", PAGE_LARGE), ("c.txt", PAGE_B)):
        write(tmp_path / "in" / name, text)
    clean = brief_run(gloss, tmp_path / "clean", tmp_path / "in")  # also fills the cache: the full run writes no cache
    assert clean.exit_code == 0, clean.stderr

    def disk_full_at_64_kb():
        resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))  # as `ulimit -f 64`

    command = [sys.executable, "-c", "from briefs.cli import app; app()", "run", str(tmp_path / "in"),
               "--out", str(tmp_path / "out"), "--config", str(gloss), "--quiet"]  # fmt: skip
    done = subprocess.run(command, env={**os.environ, "OMP_NUM_THREADS": "1"}, preexec_fn=disk_full_at_64_kb,
                          capture_output=True, text=True, timeout=300)  # fmt: skip
    assert done.returncode == 1, done.stderr
    [line] = done.stderr.splitlines()
    large = next(n for n in briefs_in(tmp_path / "clean") if n.startswith("b-"))
    assert line.startswith(f"briefs: cannot write {tmp_path / 'out' / Path(large).with_suffix('.json')}: File too large")
    kept = briefs_in(tmp_path / "out")
    assert kept == [n for n in briefs_in(tmp_path / "clean") if n.startswith("a-")]
    assert all((tmp_path / "out" / n).read_text() == (tmp_path / "clean" / n).read_text() for n in kept)
    assert sorted(index_links(tmp_path / "out")) == kept  # the index of what is there
    assert not list((tmp_path / "out").glob(".*"))
    assert brief_run(gloss, tmp_path / "out", tmp_path / "in").exit_code == 0  # room again: the run completes
    assert briefs_in(tmp_path / "out") == briefs_in(tmp_path / "clean")


def test_an_output_folder_deleted_mid_run_stops_the_run_in_one_line(gloss, tmp_path, monkeypatch):
    write(tmp_path / "in" / "a.txt", PAGE_A)
    write(tmp_path / "in" / "b.txt", PAGE_B)
    out = tmp_path / "out"
    at_write(monkeypatch, 3, shutil.rmtree)
    result = brief_run(gloss, out, tmp_path / "in")
    assert result.exit_code == 1 and not isinstance(result.exception, OSError)
    [line] = result.stderr.splitlines()
    assert line.startswith(f"briefs: cannot write {out}/b-01-") and f"(the output folder {out} is gone)" in line
    assert not out.exists()  # not made again


def test_an_index_that_cannot_be_written_is_named_and_every_brief_stays(gloss, tmp_path):
    write(tmp_path / "in" / "a.txt", PAGE_A)
    (tmp_path / "out" / "index.md").mkdir(parents=True)  # a folder where the index goes
    result = brief_run(gloss, tmp_path / "out", tmp_path / "in")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"briefs: cannot write {tmp_path / 'out' / 'index.md'}: Is a directory; "
        "the briefs written before it are kept and the next run resumes from the cache"
    ]
    assert len(briefs_in(tmp_path / "out")) == 2


@pytest.mark.skipif(os.geteuid() == 0 and not shutil.which("setpriv"), reason="needs setpriv to run without root's rights")
def test_an_output_folder_closed_mid_run_stops_the_run_in_one_line(gloss, tmp_path):
    write(tmp_path / "in" / "a.txt", PAGE_A)
    write(tmp_path / "in" / "b.txt", PAGE_B)
    out = tmp_path / "out"
    code = f"import sys; sys.path.insert(0, {str(TESTS)!r}); from runkit import close_folder_at_write; close_folder_at_write(3); from briefs.cli import app; app()"
    command = [*AS_A_USER, sys.executable, "-c", code, "run", str(tmp_path / "in"), "--out", str(out), "--config", str(gloss), "--quiet"]
    try:
        done = subprocess.run(command, env={**os.environ, "OMP_NUM_THREADS": "1"}, capture_output=True, text=True, timeout=300)
    finally:
        out.chmod(0o755)
    assert done.returncode == 1, done.stderr
    [line] = done.stderr.splitlines()
    assert line.startswith(f"briefs: cannot write {out}/b-01-") and ": Permission denied;" in line
    assert [n[:4] for n in briefs_in(out)] == ["a-01", "a-02"] and not list(out.glob(".*"))
