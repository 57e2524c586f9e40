"""Every command ends a path the user got wrong in one line and an exit status, never a traceback.

A path that is not there, a file where a folder is wanted (or a folder where a
file is), a folder that cannot be written and a file that cannot be read:
each command says which path and why, in one line starting ``briefs:``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefs.cli import app
from userkit import briefs_as_a_user, needs_a_user

runner = CliRunner()

PAGE = "# 开发区签约项目二十一个\n本报讯 截至2022年末，开发区共签约落地项目21个，协议投资额28.72亿元。\n"


def said_in_one_line(status: int, exit_code: int, stderr: str, words: str) -> None:
    assert "Traceback" not in stderr, stderr
    assert exit_code == status, stderr
    lines = [line for line in stderr.splitlines() if words in line]
    assert len(lines) == 1 and lines[0].startswith("briefs: ") and lines[0] == stderr.splitlines()[-1], stderr


@pytest.fixture
def here(tmp_path, monkeypatch):
    """A folder with a page, an English reference, a plain file and a config, as the paths of the cases."""
    (tmp_path / "page.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "zh.txt").write_text("开发区签约项目。\n", encoding="utf-8")
    (tmp_path / "en.txt").write_text("The development zone signed projects.\n", encoding="utf-8")
    (tmp_path / "a-file").write_text("not a folder\n", encoding="utf-8")
    (tmp_path / "a-folder").mkdir()
    (tmp_path / "briefs.toml").write_text('[translator]\nengine = "gloss"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


# In the folder of ``here``; what each case gets wrong, the status and the words of its one line.
CASES = [
    (["split", "missing.txt"], 2, "missing.txt: no such file or folder"),
    (["split", "a-file/page.txt"], 2, "a-file/page.txt: no such file or folder"),
    (["figures", "missing"], 2, "missing: no such file or folder"),
    (["figures", "a-file/x"], 2, "a-file/x: no such file or folder"),
    (["run", "missing", "--out", "out"], 2, "missing: no such file or folder"),
    (["run", "page.txt", "--out", "a-file"], 2, "cannot write to the output folder a-file"),
    (["run", "page.txt", "--out", "a-file/out"], 2, "cannot write to the output folder a-file/out"),
    (["run", "page.txt", "--config", "missing.toml"], 2, "missing.toml: config file not found"),
    (["translate", "--file", "missing.txt"], 2, "cannot read missing.txt: no such file or folder"),
    (["translate", "--file", "a-folder"], 2, "cannot read a-folder: it is a folder, not a file"),
    (["eval", "--src", "missing.txt", "--ref", "en.txt"], 2, "missing.txt: cannot read"),
    (["eval", "--src", "zh.txt", "--ref", "a-folder"], 2, "a-folder: cannot read"),
    (["eval", "--src", "zh.txt", "--ref", "en.txt", "--translator", "gloss", "--save-hyp", "a-file"], 2, "cannot write hypotheses to a-file"),
    (["models", "list", "--config", "a-folder/missing.toml"], 2, "config file not found"),
    (["models", "make-stub", "a-file"], 2, "cannot save a model in a-file: it is a file, not a folder"),
    (["models", "make-stub", "a-file/model"], 2, "cannot save a model in a-file/model: a part of it is a file, not a folder"),
]


@pytest.mark.parametrize(("args", "status", "words"), CASES, ids=[" ".join(args) for args, _, _ in CASES])
def test_a_bad_path_is_one_line_and_a_status(here, dictionary_cache, args, status, words):
    result = runner.invoke(app, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    said_in_one_line(status, result.exit_code, result.stderr, words)


@pytest.mark.parametrize("command", ["info", "check", "clear"])
@pytest.mark.parametrize("cache_dir", ["a-file", "a-file/cache"], ids=["a-file", "under-a-file"])
def test_cache_commands_on_a_cache_folder_that_is_a_file_say_it_in_one_line(here, monkeypatch, command, cache_dir):
    monkeypatch.setenv("BRIEFS_CACHE_DIR", str(here / cache_dir))
    result = runner.invoke(app, ["cache", command])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.stderr and len(result.stderr.splitlines()) <= 1
    if command != "check":  # check reads nothing where there is no cache file, and says so on stdout
        said_in_one_line(2, result.exit_code, result.stderr, "set BRIEFS_CACHE_DIR to a writable folder")


# As a user without root's rights: a read-only folder, and a file or folder that cannot be read.
USER_CASES = [
    (["models", "make-stub", "read-only/model"], 2, "cannot save a model in read-only/model: permission denied"),
    (["models", "make-stub", "read-only"], 2, "cannot save a model in read-only: permission denied"),
    (["run", "page.txt", "--out", "read-only"], 2, "cannot write to the output folder read-only: Permission denied"),
    (["run", "page.txt", "--config", "unreadable.toml"], 2, "cannot use unreadable.toml: permission denied"),
    (["models", "list", "--config", "unreadable.toml"], 2, "cannot use unreadable.toml: permission denied"),
    (["split", "unreadable.txt"], 1, "skipped unreadable.txt: cannot read: Permission denied"),
    (["split", "closed"], 1, "skipped closed: cannot read this folder: Permission denied"),
    (["figures", "closed/page.txt"], 1, "skipped closed/page.txt: cannot read: Permission denied"),
    (["translate", "--file", "unreadable.txt"], 2, "cannot read unreadable.txt: permission denied"),
    (["eval", "--src", "unreadable.txt", "--ref", "en.txt"], 2, "unreadable.txt: cannot read"),
    (["eval", "--src", "zh.txt", "--ref", "en.txt", "--translator", "gloss", "--save-hyp", "read-only"], 2, "cannot write hypotheses to read-only"),
    (["cache", "info"], 2, "set BRIEFS_CACHE_DIR to a writable folder"),
    (["cache", "clear"], 2, "set BRIEFS_CACHE_DIR to a writable folder"),
    (["cache", "check"], 2, "cannot use the cache at"),
]


@pytest.fixture(scope="module")
def guarded(tmp_path_factory, cache_with_dictionary) -> Path:
    """Folders and files as a user may meet them: read-only, unreadable, unsearchable; and a cache inside one."""
    root = tmp_path_factory.mktemp("guarded")
    for name, text in [("page.txt", PAGE), ("unreadable.txt", PAGE), ("zh.txt", "开发区签约项目。\n"),
                       ("en.txt", "The development zone signed projects.\n"), ("closed/page.txt", PAGE),
                       ("unreadable.toml", '[translator]\nengine = "gloss"\n')]:  # fmt: skip
        (root / name).parent.mkdir(exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    cache_with_dictionary(root / "cache")
    (root / "read-only").mkdir()
    for name, mode in [("read-only", 0o555), ("unreadable.txt", 0o000), ("unreadable.toml", 0o000), ("closed", 0o000)]:
        (root / name).chmod(mode)
    yield root
    for name in ("read-only", "closed", "unreadable.txt", "unreadable.toml"):
        (root / name).chmod(0o755)


@needs_a_user
@pytest.mark.parametrize(("args", "status", "words"), USER_CASES, ids=[" ".join(args) for args, _, _ in USER_CASES])
def test_a_folder_or_file_without_permission_is_one_line_and_a_status(guarded, monkeypatch, args, status, words):
    monkeypatch.chdir(guarded)
    # The cache commands are pointed at a folder they cannot enter; the others at a cache that works.
    cache = guarded / ("closed/cache" if args[0] == "cache" and args[1] == "check" else "read-only/cache" if args[0] == "cache" else "cache")
    done = briefs_as_a_user(*args, env={"BRIEFS_CACHE_DIR": str(cache)})
    said_in_one_line(status, done.returncode, done.stderr, words)
