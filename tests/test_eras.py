"""Decades and centuries read as English names them."""

from __future__ import annotations

import pytest

from briefs.figures.check import check_figures
from briefs.figures.eras import find_eras
from briefs.figures.find import find_figures, key_figures


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


@pytest.mark.parametrize("text", ["上世纪80年代以来，", "20世纪90年代末，", "19世纪中期，"])
def test_an_era_is_one_figure_never_a_number_of_years(text):
    (figure,) = find_figures(text)
    assert figure.kind == "era" and figure.unit != "years"
    assert text[figure.start : figure.end] == figure.source and figure.source.endswith(("年代", "年代末", "世纪中期"))


def test_an_era_is_no_key_figure():
    assert key_figures(find_figures("80年代建成的厂房有12座。")) == [find_figures("80年代建成的厂房有12座。")[1]]


@pytest.mark.parametrize(
    "english",
    ["Since the 1980s, output has grown by 3 times.", "Since the eighties, output has grown by 3 times.", "Output has grown by 3 times."],
)
def test_an_era_said_any_way_or_not_at_all_is_never_flagged(english):
    check = check_figures("上世纪80年代以来，产量增长了3倍。", english)
    assert check.flagged == () and check.english == english


def test_a_century_still_holds_an_ordinal_in_the_english():
    # The 20th is matched, so it is not the stray number that repairs 500万吨.
    check = check_figures("20世纪末产量为500万吨。", "In the late 20th century output was 5 tons.")
    assert "5 million tons" in check.english and "20th century" in check.english
