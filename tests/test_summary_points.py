"""Summary points are statements of the article's news: the dateline is the brief's header, never a point."""

from __future__ import annotations

import pytest

import briefs
from briefs.document import Article, Document, Extra, Section

LEAD = "本报北京1月15日电（记者刘毅 通讯员王强）全县今年签约招商引资项目21个，协议投资额28.72亿元，同比增长15.3%。"
BODY = (
    "其中，投资亿元以上的招商引资项目有9个，涵盖新材料、新能源和现代农业等领域。",
    "石佳/中国青年报",
    "县里建立了招商引资项目“一对一”服务机制，由县级领导牵头协调项目用地和融资等问题。",
    "你还记得去年的招商引资项目吗？",
    "下一步，全县将持续优化营商环境，力争全年招商引资项目投资额超过50亿元。",
)


@pytest.fixture(scope="module")
def briefer():
    config = briefs.apply_overrides(briefs.load_config(), {"translator.engine": "gloss"})
    return briefs.Briefer(config, warn=lambda line: None)


def brief_of(briefer, sections, source="page.txt", extras=()):
    article = Article(None, "全县招商引资签约项目21个", None, tuple(sections), tuple(extras))
    (brief,) = briefer.brief(Document(source, (article,)))
    return brief


def test_the_dateline_is_the_header_place_date_and_reporters_not_a_point(briefer):
    brief = brief_of(briefer, [Section(None, (LEAD, *BODY))], extras=[Extra("meta", "2020年1月16日 星期四")])
    assert (brief.filed_from_zh, brief.reporters_zh, brief.reporters_en) == ("北京", ("刘毅", "王强"), ("Liu Yi", "Wang Qiang"))
    assert brief.date == "2020-01-15" and brief.date_source == "dateline"
    assert brief.summary[0].zh.startswith("全县今年签约")
    assert not any(line.zh.startswith(("本报", "（记者")) for line in brief.summary)
    assert not brief.summary[0].en.lower().startswith("this newspaper")


def test_with_no_year_on_the_page_the_day_stands_alone(briefer):
    brief = brief_of(briefer, [Section(None, (LEAD, *BODY))])
    assert brief.date == "--01-15"


def test_bylines_and_questions_are_not_points(briefer):
    points = [line.zh for line in brief_of(briefer, [Section(None, (LEAD, *BODY))]).summary]
    assert "石佳/中国青年报" not in points and not any(p.endswith("？") for p in points)


def test_a_section_never_repeats_a_point_of_the_article(briefer):
    brief = brief_of(briefer, [Section(None, (LEAD,)), Section("招商引资", BODY)])
    article_points = {line.zh for line in brief.summary}
    section_points = {line.zh for section in brief.sections for line in section.summary}
    assert article_points and not article_points & section_points
