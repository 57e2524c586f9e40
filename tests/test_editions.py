"""An edition served a page per file: a story that jumps from one file's page to another's is one article.

The pages are those of tests/pdfpublisher.py set one per PDF, as e-paper
sites serve them; the text is invented.
"""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from pdfkit import Edition, typeset
from pdfpublisher import BANNER, DATE, FRONT, JUMP_IN, JUMP_OUT, LEAD_AFTER_JUMP, LEAD_CONTINUED, LEAD_FIRST, LEAD_REST, LEAD_TITLE, MASTHEAD, PAPER
from typer.testing import CliRunner

from briefs.cli import app
from briefs.document import Document
from briefs.read import read_bytes
from briefs.read.editions import join_editions
from briefs.read.pdf.jumps import page_key

FAIR = FRONT.stories[-1]
PAGE_ONE = Edition(PAPER, DATE, pages=((4, "要闻"),), masthead=MASTHEAD, stories=FRONT.stories[:3])


def page_two(date: str = DATE, *stories) -> Edition:
    continued = replace(LEAD_CONTINUED, new_page=False)
    return Edition(PAPER, date, pages=((4, "县域"),), first_page=2, banners=((0, BANNER),), stories=stories or (continued, FAIR))


@pytest.fixture(scope="module")
def pages() -> dict[str, bytes]:
    return {"page-1.pdf": typeset(PAGE_ONE), "page-2.pdf": typeset(page_two()), "next-day-2.pdf": typeset(page_two("2024年5月17日 星期五"))}


def read(pages: dict[str, bytes], *names: str) -> list[Document]:
    return [read_bytes(pages[name], name) for name in names]


def titles(docs: list[Document]) -> list[list[str | None]]:
    return [[a.title for a in doc.articles] for doc in docs]


def lead(docs: list[Document]):
    (found,) = [a for doc in docs for a in doc.articles if a.title == LEAD_TITLE and a.paragraphs[0] == LEAD_FIRST]
    return found


def test_read_alone_each_file_keeps_its_half(pages):
    one, two = read(pages, "page-1.pdf", "page-2.pdf")
    assert lead([one]).paragraphs == [LEAD_FIRST, *LEAD_REST]
    assert titles([two]) == [[LEAD_TITLE, FAIR.title]]


def test_the_half_in_the_next_file_goes_on_the_first_and_leaves_its_own_file(pages):
    docs, notes = join_editions(read(pages, "page-1.pdf", "page-2.pdf"))
    whole = lead(docs)
    assert whole.paragraphs == [LEAD_FIRST, *LEAD_REST, *LEAD_AFTER_JUMP]
    assert [e.text for e in whole.extras if e.kind == "jump"] == [JUMP_OUT, JUMP_IN]
    assert titles(docs)[1] == [FAIR.title]
    assert notes == [f"page-1.pdf: 「{LEAD_TITLE}」 goes on in page-2.pdf; briefed as one article"]


def test_the_order_the_files_come_in_does_not_matter(pages):
    docs, _ = join_editions(read(pages, "page-2.pdf", "page-1.pdf"))
    assert titles(docs)[0] == [FAIR.title]
    assert lead(docs).paragraphs == [LEAD_FIRST, *LEAD_REST, *LEAD_AFTER_JUMP]


def test_another_days_page_is_not_the_same_edition(pages):
    docs, notes = join_editions(read(pages, "page-1.pdf", "next-day-2.pdf"))
    assert notes == [] and titles(docs)[1] == [LEAD_TITLE, FAIR.title]


def test_two_pages_that_could_hold_the_rest_leave_both_halves_apart(pages):
    # The same page saved twice: which copy is the continuation is a guess, and none is made.
    docs, notes = join_editions(read(pages, "page-1.pdf", "page-2.pdf") + [read_bytes(pages["page-2.pdf"], "copy/page-2.pdf")])
    assert notes == [] and lead(docs).paragraphs == [LEAD_FIRST, *LEAD_REST]


def test_split_shows_the_story_once_joined_as_run_briefs_it(pages, tmp_path):
    for name in ("page-1.pdf", "page-2.pdf"):
        (tmp_path / name).write_bytes(pages[name])
    result = CliRunner().invoke(app, ["split", str(tmp_path)])
    assert result.exit_code == 0, result.output
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    shown = [a["title"] for doc in docs for a in doc["articles"]]
    assert shown.count(LEAD_TITLE) == 1 and FAIR.title in shown
    assert "goes on in" in result.stderr


@pytest.mark.parametrize(
    "printed, key",
    [("2", "2"), ("二", "2"), ("02", "2"), ("十二", "12"), ("二十三", "23"), ("A3", "A3"), ("a03", "A3"), ("一二", None), ("", None)],
)
def test_a_page_is_one_page_however_its_number_is_written(printed, key):
    assert page_key(printed) == key
