"""The five sample pages: what a reader of the paper sees, checked against hand-reviewed goldens."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from readerkit import counted, document_text

from briefs.document import as_dict
from briefs.read import read_path
from briefs.read.lines import is_byline, is_caption, is_complete, is_meta

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
GOLDEN = Path(__file__).parent / "golden" / "split"


@pytest.fixture(scope="module", params=SEEDS, ids=[p.stem[:3] for p in SEEDS])
def seed(request):
    return request.param, read_path(request.param)


def test_there_are_five_seeds():
    assert len(SEEDS) == 5


def test_structure_matches_the_reviewed_golden(seed):
    path, doc = seed
    golden = json.loads((GOLDEN / f"{path.stem}.json").read_text())
    golden["source"] = str(path)
    assert as_dict(doc) == golden


def test_article_counts():
    assert [len(read_path(p).articles) for p in SEEDS] == [7, 5, 1, 1, 7]


def test_every_han_letter_and_digit_is_kept_exactly_once(seed):
    path, doc = seed
    assert counted(document_text(doc)) == counted(path.read_text(encoding="utf-8"))


def test_no_caption_byline_or_meta_is_left_in_a_paragraph(seed):
    _, doc = seed
    for paragraph in (p for a in doc.articles for p in a.paragraphs):
        assert not (is_caption(paragraph) or is_byline(paragraph) or is_meta(paragraph)), paragraph
        assert " 摄" not in paragraph


def test_only_text_cut_off_by_a_heading_is_left_unfinished(seed):
    """A column break joins back; a paragraph may stay open only where its end is not on the page."""
    _, doc = seed
    for article in doc.articles:
        for number, section in enumerate(article.sections):
            for index, paragraph in enumerate(section.paragraphs):
                last_before_heading = index == len(section.paragraphs) - 1 and number + 1 < len(article.sections)
                assert is_complete(paragraph) or last_before_heading, paragraph


def test_untitled_first_article():
    doc = read_path(ROOT / "seeds" / "002_905d623c25074e70.txt")
    assert doc.articles[0].title is None
