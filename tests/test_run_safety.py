"""`briefs run` on the batches users really bring: nothing lost, nothing silent.

Same names in two folders, long names, an output folder inside the input,
interruptions at any brief, unreadable folders, links to nothing, inputs
given twice. Each test checks what a user would: every article's brief there
and identical to a clean run, no temporary file left, the exit status, and
the one line on stderr.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from runkit import AS_A_USER, brief_run, briefs_in, interrupt_at_write, write
from typer.testing import CliRunner

from briefs.cli import app
from briefs.run.names import MAX_STEM_BYTES, brief_stem, source_keys

runner = CliRunner()

PAGE_A = """# 开发区签约项目二十一个
本报讯 截至2022年末，开发区共签约落地项目21个，协议投资额28.72亿元。
园区新增就业岗位1200个。

# 乡村振兴示范村建设提速
今年全县新建示范村15个，带动农户增收3.5亿元。
"""
PAGE_B = """# 新能源产业链加快延伸
本报讯 今年以来，全市新能源装机容量达到120万千瓦，同比增长6.2%。

# 文旅消费持续升温
国庆假期全市接待游客85万人次，实现旅游收入4.6亿元。
"""


def outputs(out: Path) -> dict[str, str]:
    """Every file of an output folder, index included; hidden files too, so debris shows.
    The sidecars' ``generated_at`` (their only clock) is left out."""
    return {p.name: _without_clock(p.read_text(encoding="utf-8")) for p in sorted(out.iterdir()) if p.is_file()}


def _without_clock(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith('"generated_at"'))


def test_same_file_name_in_two_folders_gives_every_article_its_own_brief(gloss, tmp_path):
    write(tmp_path / "in" / "day1" / "page.txt", PAGE_A)
    write(tmp_path / "in" / "day2" / "page.txt", PAGE_B)
    result = brief_run(gloss, tmp_path / "out", tmp_path / "in")
    assert result.exit_code == 0, result.stderr
    names = briefs_in(tmp_path / "out")
    assert len(names) == 4 and all((tmp_path / "out" / n).with_suffix(".json").exists() for n in names)
    assert {n.split("-0")[0] for n in names} == {"day1-page", "day2-page"}
    index = (tmp_path / "out" / "index.md").read_text(encoding="utf-8")
    assert all(index.count(f"](<{n}>)") == 1 for n in names)
    again = brief_run(gloss, tmp_path / "again", tmp_path / "in")
    assert outputs(tmp_path / "again") == outputs(tmp_path / "out")  # the same inputs, the same names


def test_source_keys_are_distinct_and_stable():
    sources = ["a/page.txt", "b/page.txt", "c/page.md", "c/page.txt", "other.txt"]
    keys = source_keys(sources)
    assert len(set(keys)) == len(keys) and keys[-1] == "other"
    assert source_keys(sources) == keys and source_keys(["x/one.txt"]) == ["one"]


def test_a_long_file_name_is_cut_in_the_slug_never_in_its_identity(gloss, tmp_path):
    long_name = "关于" + "推进乡村振兴和产业发展" * 7 + ".txt"  # 79 Han characters: 237 bytes of UTF-8
    assert len(long_name.encode("utf-8")) < 255
    write(tmp_path / "in" / long_name, PAGE_A)
    write(tmp_path / "in" / ("关于" + "推进乡村振兴和产业发展" * 6 + "x.txt"), PAGE_B)
    result = brief_run(gloss, tmp_path / "out", tmp_path / "in")
    assert result.exit_code == 0, result.stderr
    files = list((tmp_path / "out").iterdir())
    assert all(len(p.name.encode("utf-8")) <= 255 for p in files)
    assert len(briefs_in(tmp_path / "out")) == 4 and (tmp_path / "out" / "index.md").exists()
    assert len({brief_stem(k, 1, "title") for k in ("甲" * 100, "甲" * 100 + "乙")}) == 2
    assert all(len(brief_stem("甲" * n, 3, "a long english title " * 9).encode()) <= MAX_STEM_BYTES for n in range(0, 120, 7))


def test_an_output_folder_inside_the_input_is_never_read_as_input(gloss, tmp_path):
    write(tmp_path / "pages" / "page.txt", PAGE_A)
    first = brief_run(gloss, tmp_path / "pages" / "briefs", tmp_path / "pages")
    second = brief_run(gloss, tmp_path / "pages" / "briefs", tmp_path / "pages")
    assert first.exit_code == second.exit_code == 0, second.stderr
    assert len(briefs_in(tmp_path / "pages" / "briefs")) == 2
    assert "2 briefs written, 0 files skipped" in second.stderr


def test_an_input_given_twice_is_briefed_once(gloss, tmp_path, monkeypatch):
    page = write(tmp_path / "in" / "page.txt", PAGE_A)
    monkeypatch.chdir(tmp_path)
    result = brief_run(gloss, tmp_path / "out", "in/page.txt", page, tmp_path / "in")
    assert result.exit_code == 0 and "2 briefs written" in result.stderr


def test_links_to_nothing_and_link_loops_are_named_once_and_the_rest_is_briefed(gloss, tmp_path):
    write(tmp_path / "in" / "page.txt", PAGE_A)
    (tmp_path / "in" / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "in" / "loop").symlink_to(tmp_path / "in")
    result = brief_run(gloss, tmp_path / "out", tmp_path / "in")
    assert result.exit_code == 1
    skipped = [line for line in result.stderr.splitlines() if line.startswith("briefs: skipped")]
    assert len(skipped) == 2
    assert any("gone.txt" in line and "dangling" in line for line in skipped)
    assert any("loop" in line and "link loop" in line for line in skipped)
    assert len(briefs_in(tmp_path / "out")) == 2


@pytest.mark.skipif(os.geteuid() == 0 and not shutil.which("setpriv"), reason="needs setpriv to run without root's rights")
def test_an_unreadable_folder_is_named_and_the_run_says_so(tmp_path, cache_with_dictionary):
    write(tmp_path / "in" / "page.txt", PAGE_A)
    write(tmp_path / "in" / "closed" / "page2.txt", PAGE_B)
    write(tmp_path / "briefs.toml", '[translator]\nengine = "gloss"\n')
    (tmp_path / "in" / "closed").chmod(0o000)
    try:
        env = {**os.environ, "BRIEFS_CACHE_DIR": str(cache_with_dictionary(tmp_path / "cache")), "OMP_NUM_THREADS": "1"}
        command = [*AS_A_USER, sys.executable, "-c", "from briefs.cli import app; app()", "run", str(tmp_path / "in"),
                   "--out", str(tmp_path / "out"), "--config", str(tmp_path / "briefs.toml"), "--quiet"]  # fmt: skip
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    finally:
        (tmp_path / "in" / "closed").chmod(0o755)
    assert done.returncode == 1, done.stderr
    skipped = [line for line in done.stderr.splitlines() if "closed" in line]
    assert skipped == [f"briefs: skipped {tmp_path / 'in' / 'closed'}: cannot read this folder: Permission denied"]
    assert len(briefs_in(tmp_path / "out")) == 2


def test_briefs_and_the_index_take_the_users_umask(gloss, tmp_path):
    write(tmp_path / "in" / "page.txt", PAGE_A)
    old = os.umask(0o022)
    try:
        brief_run(gloss, tmp_path / "out", tmp_path / "in")
    finally:
        os.umask(old)
    modes = {p.stat().st_mode & 0o777 for p in (tmp_path / "out").iterdir()}
    assert modes == {0o644}


def test_a_run_that_fails_before_its_first_brief_leaves_no_folder(gloss, tmp_path, monkeypatch):
    write(tmp_path / "in" / "page.txt", PAGE_A)
    monkeypatch.setitem(sys.modules, "ray", None)
    result = runner.invoke(app, ["run", str(tmp_path / "in"), "--out", str(tmp_path / "new" / "out"),
                                 "--config", str(gloss), "--executor", "ray", "--quiet"])  # fmt: skip
    assert result.exit_code == 2
    assert not (tmp_path / "new" / "out").exists()


def test_leftovers_of_a_killed_run_are_removed_at_the_next_start(gloss, tmp_path):
    write(tmp_path / "in" / "page.txt", PAGE_A)
    brief_run(gloss, tmp_path / "clean", tmp_path / "in")
    out = tmp_path / "out"
    out.mkdir()
    write(out / ".briefs-abc123.tmp", "")
    write(out / "page-01-orphan.json", '{"source_file": "x", "article_index": 1}')
    write(out / "notes.json", '{"mine": true}')  # not a sidecar: the user's own file stays
    brief_run(gloss, out, tmp_path / "in")
    left = outputs(out)
    assert left.pop("notes.json") == '{"mine": true}'
    assert left == outputs(tmp_path / "clean")


@settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    tree=st.lists(st.tuples(st.sampled_from(["", "a", "b", "a/b"]), st.sampled_from(["page.txt", "page.md", "p.txt"]),
                            st.sampled_from([PAGE_A, PAGE_B])), min_size=1, max_size=5),
    kill_at=st.integers(min_value=1, max_value=10),
)  # fmt: skip
def test_any_tree_killed_at_any_brief_and_run_again_gives_the_clean_runs_briefs(gloss, tmp_path_factory, monkeypatch, tree, kill_at):
    root = tmp_path_factory.mktemp("tree")
    for folder, name, text in tree:
        write(root / "in" / folder / name, text)
    clean = brief_run(gloss, root / "clean", root / "in")
    assert clean.exit_code == 0, clean.stderr
    with monkeypatch.context() as patch:
        interrupt_at_write(patch, kill_at)
        stopped = brief_run(gloss, root / "out", root / "in")
    assert stopped.exit_code in (0, 130)
    assert not [p for p in (root / "out").glob(".*")]
    assert brief_run(gloss, root / "out", root / "in").exit_code == 0
    assert outputs(root / "out") == outputs(root / "clean")


SEEDS = Path(__file__).resolve().parent.parent / "seeds"
TESTS = Path(__file__).resolve().parent


@pytest.fixture(scope="module")
def clean_seed_run(tmp_path_factory, cache_with_dictionary):
    tmp = tmp_path_factory.mktemp("signal")
    write(tmp / "briefs.toml", '[translator]\nengine = "gloss"\n')
    cache_with_dictionary(tmp / "cache")
    done = subprocess.run(_command(tmp, tmp / "clean"), env=_env(tmp), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert len(briefs_in(tmp / "clean")) > 3, done.stderr  # briefs before and after the one stopped at
    return tmp


def _env(tmp: Path) -> dict[str, str]:
    return {**os.environ, "BRIEFS_CACHE_DIR": str(tmp / "cache"), "OMP_NUM_THREADS": "1"}


def _command(tmp: Path, out: Path, *before_the_run: str) -> list[str]:
    """``briefs run`` over the seeds in a process of its own; ``before_the_run``: statements run first (runkit's)."""
    code = "; ".join([f"import sys; sys.path.insert(0, {str(TESTS)!r})", *before_the_run,
                      "from briefs.cli import app; app()"])  # fmt: skip
    return [sys.executable, "-c", code, "run", str(SEEDS), "--out", str(out),
            "--config", str(tmp / "briefs.toml"), "--verbose"]  # fmt: skip


# A real signal at a chosen moment, not a random one: just before the third brief's files are written
# (two briefs kept), or between its sidecar and its brief, where it waits for the pair (three kept).
# Both signals take the same handler; each is tried at one of the two moments.
@pytest.mark.parametrize(
    ("signum", "status", "mid_pair", "kept"),
    [(signal.SIGINT, 130, False, 2), (signal.SIGTERM, 143, True, 3)],
    ids=["SIGINT-before-a-brief", "SIGTERM-between-sidecar-and-brief"],
)
def test_a_signal_at_the_third_brief_stops_cleanly_and_the_rerun_completes_the_briefs(
    clean_seed_run, signum, status, mid_pair, kept
):
    tmp = clean_seed_run
    out = tmp / f"out-{signal.Signals(signum).name}-{'mid-pair' if mid_pair else 'before'}"
    stop = f"from runkit import signal_at_write; signal_at_write(3, {int(signum)}, mid_pair={mid_pair})"
    stopped = subprocess.run(_command(tmp, out, stop), env=_env(tmp), capture_output=True, text=True, timeout=300)
    assert stopped.returncode == status, stopped.stderr
    assert stopped.stderr.rstrip().endswith("briefs: interrupted; finished briefs are kept and the next run resumes from the cache")
    assert not list(out.glob(".*")), "temporary files left"
    assert not (out / "index.md").exists()
    written = briefs_in(out)
    assert len(written) == kept and set(written) <= set(briefs_in(tmp / "clean"))
    assert {p.stem for p in out.glob("*.json")} == {Path(n).stem for n in written}, "a brief without its pair"
    again = subprocess.run(_command(tmp, out), env=_env(tmp), capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    assert briefs_in(out) == briefs_in(tmp / "clean")
    assert all((out / n).read_text() == (tmp / "clean" / n).read_text() for n in briefs_in(out))
