"""Decades and centuries read as English names them."""

from __future__ import annotations

import pytest

from briefs.figures.eras import find_eras


@pytest.mark.parametrize(
    "text, expected",
    [
        ("20世纪60年代，他说", ["the 1960s"]),
        ("在20世纪70年代末", ["the late 1970s"]),
        ("19世纪", ["the 19th century"]),
        ("21世纪初", ["the early 21st century"]),
        ("90年代", ["the 1990s"]),
        ("10年代", ["the 2010s"]),
        ("1990年代", ["the 1990s"]),
        ("19世纪中期和20世纪", ["the mid-19th century", "the 20th century"]),
        ("65年代", []),
        ("2023年", []),
        ("", []),
    ],
    ids=[
        "decade-of-a-century", "late-decade", "century", "early-century", "decade-alone-last-century",
        "decade-alone-this-century", "four-digit-decade", "two-eras", "not-a-decade", "a-year-is-not-an-era", "empty",
    ],
)
def test_find_eras(text, expected):
    assert [e.english for e in find_eras(text)] == expected


def test_an_era_spans_its_characters():
    (era,) = find_eras("在20世纪70年代末，")
    assert "在20世纪70年代末，"[era.start : era.end] == "20世纪70年代末"
