"""A credit line gives back the story's first characters, in every text layout as in PDFs (one rule:
``read.lines.credited``): the credit is a byline, the characters it held open the first paragraph."""

from __future__ import annotations

import pytest

from briefs.read.epaper import parse_epaper
from briefs.read.lines import credited
from briefs.read.web.text import parse_web

TITLE = "全市重点项目集中开工"
FIRST = "5月15日上午，全市第二批重点项目集中开工活动在高新区举行。"
SECOND = "其中，投资10亿元以上的项目有9个，总投资达到326亿元。"


def epaper(*body: str) -> str:
    return "\n" + TITLE + "\n\n" + "".join(f"\u3000\u3000{line}\n" for line in body)


def web(*body: str) -> str:
    return f"{TITLE}\n2023-05-12 来源：青山日报\n" + "".join(f"{line}\n" for line in body)


@pytest.mark.parametrize("parse, page", [(parse_epaper, epaper), (parse_web, web)], ids=["epaper", "web"])
@pytest.mark.parametrize(
    "lines",
    [("本报讯（记者周文）5", FIRST[1:]), ("本报讯（记者周文）", FIRST), ("本报讯（记者周文）5月15日上午，全市", FIRST[10:])],
    ids=["one-character-held", "credit-alone", "a-clause-held"],
)
def test_the_credit_is_a_byline_and_the_first_paragraph_starts_where_the_story_does(parse, page, lines):
    (article,) = parse(page(*lines, SECOND), "page.txt").articles
    assert article.paragraphs == [FIRST, SECOND] and article.sections[0].heading is None
    assert ("byline", "本报讯（记者周文）") in [(e.kind, e.text) for e in article.extras]


@pytest.mark.parametrize("parse, page", [(parse_epaper, epaper), (parse_web, web)], ids=["epaper", "web"])
def test_a_paragraph_that_a_dateline_merely_opens_stays_whole(parse, page):
    whole = "本报讯（记者周文）" + FIRST
    (article,) = parse(page(whole, SECOND), "page.txt").articles
    assert article.paragraphs == [whole, SECOND]


@pytest.mark.parametrize(
    "text, expected",
    [("本报讯（记者周文）5", ("本报讯（记者周文）", "5")), ("（记者 王立新）", ("（记者 王立新）", "")),
     ("本报讯（记者周文）" + FIRST, None), (FIRST, None), ("本报通讯员 刘晓燕", None)],
    ids=["held", "own-credit", "whole-sentence", "no-credit", "correspondent"],
)
def test_credited(text, expected):
    assert credited(text) == expected
