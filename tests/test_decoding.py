"""Files arrive in the encodings Chinese newsrooms use; bad files are named with the reason."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from briefs.errors import InputError
from briefs.read import read_bytes, read_path
from briefs.read.decoding import decode

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_3550f0e559f805fd.txt"
TRADITIONAL = "本報訊 今年以來，臺灣經濟穩定成長，出口總額達到新臺幣一兆元。政府表示，將持續推動產業升級與數位轉型，提升國際競爭力。\n"


@pytest.mark.parametrize("encoding", ["gb18030", "gbk", "utf-8-sig", "utf-16"], ids=str)
def test_seed_reads_the_same_in_every_mainland_encoding(encoding):
    text = SEED.read_text(encoding="utf-8")
    assert read_bytes(text.encode(encoding), "x") == read_bytes(text.encode("utf-8"), "x")


@pytest.mark.parametrize("encoding", ["big5", "utf-8"], ids=str)
def test_traditional_text_in_big5(encoding):
    assert decode(TRADITIONAL.encode(encoding), "x") == TRADITIONAL


def test_short_gbk_text_is_not_mistaken_for_big5():
    text = "喀左县地区生产总值增长6.2%。\n"
    assert decode(text.encode("gbk"), "x") == text


def test_windows_line_ends_are_normalised():
    assert decode("第一行。\r\n第二行。\r\n".encode(), "x") == "第一行。\n第二行。\n"


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty file"),
        (b" \n\t\n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file, not text"),
        (b"\x81\x20\x81\x20\x81\x20", "cannot decode"),
        (b"Only English here.\n", "no Chinese text"),
        (codecs.BOM_UTF8 + b"\xff\xfe\xfa", "not valid utf-8"),
    ],
    ids=["empty", "blank", "png", "undecodable", "no-chinese", "bad-bom"],
)
def test_bad_files_are_named_with_the_reason(tmp_path, data, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        read_path(path)
    message = str(caught.value)
    assert message.startswith(str(path) + ": ") and reason in message and "\n" not in message


def test_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="cannot read"):
        read_path(tmp_path / "nope.txt")
