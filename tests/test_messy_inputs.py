"""Messy inputs as users bring them: nothing readable is lost, nothing stops the batch, each problem said once.

A page with a few broken bytes is read, with one warning that counts them; a
file name that is not UTF-8 is briefed and shown with escapes; a folder that
cannot be listed or searched is named once and the rest is briefed; briefs'
own output is never read again as input; an output folder that is also an
input, and an empty input argument, are usage errors.
"""

from __future__ import annotations

import json
import os
import random
from pathlib import Path

import pytest
from runkit import brief_run, briefs_in, write
from typer.testing import CliRunner
from userkit import briefs_as_a_user, needs_a_user

from briefs.cli import app
from briefs.errors import InputError
from briefs.read import read_bytes, read_path
from briefs.read.decoding import decode, decoding_warnings, shown_path
from briefs.run.names import brief_stem, source_keys

runner = CliRunner()

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_3550f0e559f805fd.txt"  # 7 articles
PAGE = SEED.read_text(encoding="utf-8")
TRADITIONAL = "本報訊 今年以來，臺灣經濟穩定成長，出口總額達到新臺幣一兆元。政府表示，將持續推動產業升級與數位轉型。\n"
PAGE_A = "# 开发区签约项目二十一个\n本报讯 截至2022年末，开发区共签约落地项目21个，协议投资额28.72亿元。\n\n# 乡村振兴示范村建设提速\n今年全县新建示范村15个，带动农户增收3.5亿元。\n"
PAGE_B = "# 新能源产业链加快延伸\n本报讯 今年以来，全市新能源装机容量达到120万千瓦，同比增长6.2%。\n\n# 文旅消费持续升温\n国庆假期全市接待游客85万人次，实现旅游收入4.6亿元。\n"
GBK_NAME = b"\xd6\xd0\xce\xc4.txt"  # 中文.txt in GBK, as an archive made on Chinese Windows names it


def warning(count: int) -> str:
    return f"{count} byte{'s' if count != 1 else ''} could not be decoded (each shown as U+FFFD)"


def broken(text: str, encoding: str, junk: bytes) -> tuple[bytes, str]:
    """``text`` with ``junk`` between two characters of its body, and the text that should be read."""
    at = text.index("。", len(text) // 3) + 1
    rest = text[at:].encode("utf-8" if encoding == "utf-8-sig" else encoding)  # one byte-order mark, at the start
    return text[:at].encode(encoding) + junk + rest, text[:at] + "\ufffd" * len(junk) + text[at:]


# ---- decoding keeps what it can


@pytest.mark.parametrize(
    ("encoding", "cut", "lost"),
    [("utf-8", 2, 1), ("gb18030", 1, 1), ("utf-16", 1, 1)],
    ids=["utf8-cut-2-bytes-short", "gbk-cut-mid-character", "utf16-cut-mid-character"],
)
def test_a_page_cut_short_mid_character_keeps_every_article(encoding, cut, lost):
    data = PAGE.encode(encoding)[:-cut]  # the page ends in 摄: the cut leaves part of it
    with decoding_warnings() as warnings:
        assert decode(data, "x") == PAGE[:-1] + "\ufffd" * lost
    assert warnings == [warning(lost)]
    doc = read_bytes(data, "x")
    assert len(doc.articles) == 7 and doc.warnings == (warning(lost),)
    assert [a.title for a in doc.articles] == [a.title for a in read_bytes(PAGE.encode(), "x").articles]


@pytest.mark.parametrize(
    ("text", "encoding", "junk"),
    [
        (PAGE, "utf-8", b"\x00"),
        (PAGE, "utf-8", b"\xff"),
        (PAGE, "gb18030", b"\x00"),
        (PAGE, "gb18030", b"\xff\xff\xff"),
        (TRADITIONAL, "big5", b"\xff"),
        (PAGE, "utf-8-sig", b"\xff\x00"),
        (PAGE_A, "utf-8", b"\x00"),
    ],
    ids=["utf8-one-nul", "utf8-stray-byte", "gbk-one-nul", "gbk-three-stray-bytes", "big5-stray-byte", "bom-two-bytes",
         "short-page-one-nul"],  # fmt: skip
)
def test_a_few_bytes_that_are_not_text_become_replacement_characters_counted_once(text, encoding, junk):
    data, expected = broken(text, encoding, junk)
    with decoding_warnings() as warnings:
        assert decode(data, "x") == expected
    assert warnings == [warning(len(junk))]


def test_a_clean_page_has_no_warning():
    assert read_bytes(PAGE.encode("gb18030"), "x").warnings == ()


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (random.Random(23).randbytes(4096), "binary file, not text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary file, not text"),
        (b"\x00" * 64 + PAGE.encode()[:60], "binary file, not text"),
        (PAGE.encode()[:60] + b"\xff" * 200, "cannot decode"),
        (b"\x81\x20" * 3, "cannot decode"),
        (b"Only English here, and one bad byte: \xff\n", "no Chinese text"),
    ],
    ids=["random-bytes", "png-header", "mostly-nul", "mostly-undecodable", "nothing-decodable", "no-chinese"],
)
def test_a_page_that_is_mostly_not_text_is_still_skipped(tmp_path, data, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(InputError, match=reason):
        read_path(path)


def test_run_and_split_brief_a_damaged_page_and_say_so_once(gloss, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "cut.txt").write_bytes(PAGE.encode()[:-2])
    write(tmp_path / "in" / "clean.txt", PAGE_A)
    ran = brief_run(gloss, tmp_path / "out", tmp_path / "in")
    assert ran.exit_code == 0, ran.stderr
    assert [line for line in ran.stderr.splitlines() if "decoded" in line] == [
        f"briefs: {tmp_path / 'in' / 'cut.txt'}: {warning(1)}"
    ]
    assert len([name for name in briefs_in(tmp_path / "out") if name.startswith("cut-")]) == 7
    split = runner.invoke(app, ["split", str(tmp_path / "in")])
    assert split.exit_code == 0 and split.stderr == f"briefs: {tmp_path / 'in' / 'cut.txt'}: {warning(1)}\n"
    assert [len(json.loads(line)["articles"]) for line in split.stdout.splitlines()] == [2, 7]


# ---- any file name works


def test_names_are_shown_with_escapes_where_they_are_not_utf8():
    assert shown_path(os.fsdecode(b"in/" + GBK_NAME)) == "in/\\xd6\\xd0\\xce\\xc4.txt"
    assert shown_path("in/中文 page.txt") == "in/中文 page.txt"
    assert shown_path("day\n1.txt") == "day\\x0a1.txt"  # a message stays one line


def test_odd_names_give_distinct_utf8_brief_names():
    sources = [os.fsdecode(b"a/" + GBK_NAME), "a/\\xd6\\xd0\\xce\\xc4.txt", "b/line\nbreak.txt"]
    keys = source_keys(sources)
    assert len(set(keys)) == 3 and all("\\" not in k and "\n" not in k for k in keys)
    stem = brief_stem(os.fsdecode(GBK_NAME[:-4]), 1, "Title")
    assert stem == "_xd6_xd0_xce_xc4-01-title" and stem.encode("utf-8")


def test_a_file_name_that_is_not_utf8_is_briefed_and_the_batch_goes_on(gloss, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    with open(os.path.join(os.fsencode(folder), GBK_NAME), "wb") as page:
        page.write(PAGE_A.encode("gb18030"))
    write(folder / "ｚ-later.txt", PAGE_B)  # walked after the odd name (U+FF5A sorts after its U+DCxx escapes)
    result = brief_run(gloss, tmp_path / "out", folder)
    assert result.exit_code == 0, result.stderr
    names = briefs_in(tmp_path / "out")
    assert len(names) == 4 and sum(n.startswith("_xd6_xd0_xce_xc4-0") for n in names) == 2
    shown = f"{folder}/\\xd6\\xd0\\xce\\xc4.txt"
    sidecar = json.loads((tmp_path / "out" / names[0]).with_suffix(".json").read_text(encoding="utf-8"))
    assert sidecar["source_file"] == shown
    assert "\\xd6\\xd0\\xce\\xc4.txt" in (tmp_path / "out" / "index.md").read_text(encoding="utf-8")
    split = runner.invoke(app, ["split", str(folder)])
    assert split.exit_code == 0 and json.loads(split.stdout.splitlines()[0])["source"] == shown


# ---- walking the input never raises


@needs_a_user
@pytest.mark.parametrize("mode", [0o000, 0o600], ids=["unreadable", "readable-not-searchable"])
def test_a_folder_that_cannot_be_read_or_searched_is_named_once_and_the_rest_is_briefed(tmp_path, cache_with_dictionary, mode):
    write(tmp_path / "in" / "page.txt", PAGE_A)
    write(tmp_path / "in" / "closed" / "page2.txt", PAGE_B)
    write(tmp_path / "in" / "closed" / "page3.txt", PAGE_B)
    write(tmp_path / "briefs.toml", '[translator]\nengine = "gloss"\n')
    env = {"BRIEFS_CACHE_DIR": str(cache_with_dictionary(tmp_path / "cache"))}
    closed = tmp_path / "in" / "closed"
    closed.chmod(mode)
    try:
        ran = briefs_as_a_user("run", str(tmp_path / "in"), "--out", str(tmp_path / "out"),
                               "--config", str(tmp_path / "briefs.toml"), "--quiet", env=env)  # fmt: skip
        split = briefs_as_a_user("split", str(tmp_path / "in"), env=env)
        named = briefs_as_a_user("split", str(closed / "page2.txt"), str(closed), str(tmp_path / "in" / "page.txt"), env=env)
    finally:
        closed.chmod(0o755)
    said = f"briefs: skipped {closed}: cannot read this folder: Permission denied"
    assert ran.returncode == 1 and "Traceback" not in ran.stderr
    assert [line for line in ran.stderr.splitlines() if "closed" in line] == [said]
    assert len(briefs_in(tmp_path / "out")) == 2
    assert split.returncode == 1 and split.stderr == said + "\n" and len(split.stdout.splitlines()) == 1
    # Named on the command line, they are each said in one line too, and the readable page is still shown.
    assert named.returncode == 1 and "Traceback" not in named.stderr
    assert named.stderr.splitlines() == [f"briefs: skipped {closed / 'page2.txt'}: cannot read: Permission denied", said]
    assert len(named.stdout.splitlines()) == 1


# ---- briefs' own output is never input; the output folder and the inputs are apart


def test_an_earlier_runs_output_inside_the_input_is_not_briefed_again(gloss, tmp_path):
    write(tmp_path / "pages" / "page.txt", PAGE_A)
    assert brief_run(gloss, tmp_path / "pages" / "monday", tmp_path / "pages").exit_code == 0
    again = brief_run(gloss, tmp_path / "tuesday", tmp_path / "pages")
    assert again.exit_code == 0, again.stderr
    assert "2 briefs written, 0 files skipped" in again.stderr
    assert briefs_in(tmp_path / "tuesday") == briefs_in(tmp_path / "pages" / "monday")
    alone = brief_run(gloss, tmp_path / "wednesday", tmp_path / "pages" / "monday")
    assert alone.exit_code == 2 and "holds briefs, which are never read as input" in alone.stderr


def test_a_folder_is_known_as_output_by_its_index_and_sidecars_not_by_its_name(gloss, tmp_path):
    write(tmp_path / "pages" / "index.md", PAGE_B)  # the user's own page called index.md, with no sidecars
    write(tmp_path / "pages" / "notes.json", '{"mine": true}')
    write(tmp_path / "pages" / "notes.md", PAGE_A)
    result = brief_run(gloss, tmp_path / "out", tmp_path / "pages")
    assert result.exit_code == 0 and "4 briefs written" in result.stderr


@pytest.mark.parametrize("inside", [False, True], ids=["out-is-the-input", "out-holds-the-input"])
def test_an_output_folder_that_is_also_an_input_is_a_usage_error(gloss, tmp_path, inside):
    page = write(tmp_path / "pages" / "page.txt", PAGE_A)
    result = brief_run(gloss, tmp_path / "pages", page if inside else tmp_path / "pages")
    assert result.exit_code == 2
    clash = f"holds the input {page}" if inside else "is also an input"
    assert result.stderr == f"briefs: the output folder {tmp_path / 'pages'} {clash}: write the briefs to a folder of their own (--out)\n"
    assert sorted(p.name for p in (tmp_path / "pages").iterdir()) == ["page.txt"]


@pytest.mark.parametrize("command", [["run", "--out", "briefs"], ["split"], ["figures"]], ids=lambda c: c[0])
def test_an_empty_input_argument_is_a_usage_error_not_the_current_folder(gloss, tmp_path, monkeypatch, command):
    write(tmp_path / "page.txt", PAGE_A)
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, [command[0], "", *command[1:], *(["--config", str(gloss)] if command[0] == "run" else [])])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == 'briefs: an input path is empty (an unset shell variable?): name files or folders, or "." for this one\n'
    assert not (tmp_path / "briefs").exists()
