"""The extractive summarizer: the sentences that cover the article, lead first, no repeats, within a budget, in source order."""

from __future__ import annotations

import pytest

from briefs.protocols import Summarizer
from briefs.registry import summarizer_class
from briefs.engines.extractive import ExtractiveSummarizer, size

# A small report: a lead, sentences that elaborate it, and one aside.
REPORT = [
    "本报讯 近日,喀左县召开招商引资项目建设推进会,部署全年项目建设工作。",  # 0 lead
    "天气晴朗,市民在公园里散步赏花。",  # 1 aside, shares nothing
    "今年以来,喀左县招商引资签约项目9个,总投资61亿元。",  # 2
    "会议指出,项目建设是经济发展的关键,招商引资是项目建设的源头。",  # 3 central
    "会议要求,各部门加快项目建设,确保招商引资项目早日落地投产。",  # 4
]

# Sentences on unrelated subjects: centrality cannot tell them apart.
UNRELATED = [
    "春天的公园里开满了鲜花。",
    "新建的高铁站今年通车运营。",
    "学校举办了一场篮球比赛。",
    "农民正在田里播种玉米。",
    "博物馆展出了一批古代瓷器。",
]


@pytest.fixture(scope="module")
def summarizer():
    return ExtractiveSummarizer()


def chars(sentences, picked) -> int:
    return sum(size(sentences[i]) for i in picked)


def test_registered_under_extractive_and_satisfies_the_protocol(summarizer):
    assert summarizer_class("extractive") is ExtractiveSummarizer
    assert isinstance(summarizer, Summarizer)
    assert summarizer.identity.startswith("engine:extractive|") and "|v:" in summarizer.identity


def test_identity_changes_with_settings():
    assert ExtractiveSummarizer().identity != ExtractiveSummarizer(position=1.0).identity


def test_picks_are_indices_in_source_order_within_the_budget(summarizer):
    picked = summarizer.summarize(REPORT, 60)
    assert picked == sorted(picked) and len(picked) >= 2
    assert all(type(i) is int and 0 <= i < len(REPORT) for i in picked)
    assert chars(REPORT, picked) <= 60 * 1.15


def test_the_lead_and_the_sentences_that_echo_it_beat_an_aside(summarizer):
    assert summarizer.summarize(REPORT, 30) == [0]
    assert 1 not in summarizer.summarize(REPORT, 100)


def test_position_decides_between_sentences_that_share_nothing(summarizer):
    assert summarizer.summarize(UNRELATED, 10) == [0]


def test_an_aside_in_first_place_does_not_win_on_position_alone(summarizer):
    aside_first = [REPORT[1], REPORT[0], *REPORT[2:]]
    assert 0 not in summarizer.summarize(aside_first, 30)


def test_a_sentence_that_repeats_the_summary_is_left_out_even_with_budget_to_spare(summarizer):
    sentences = [
        "喀左县招商引资签约项目9个,总投资61亿元。",
        "喀左县招商引资签约项目9个,总投资达61亿元。",
        *REPORT[3:],
    ]
    picked = summarizer.summarize(sentences, 500)
    assert not {0, 1} <= set(picked) and {2, 3} & set(picked)


def test_identical_sentences_are_told_apart_by_index(summarizer):
    sentences = ["会议要求各部门加快招商引资项目建设进度。", "会议要求各部门加快招商引资项目建设进度。", *REPORT[3:]]
    picked = summarizer.summarize(sentences, 500)
    assert 0 in picked and 1 not in picked


def test_a_question_ranks_below_the_statement_that_answers_it(summarizer):
    sentences = ["你还记得喀左县招商引资签约项目的情况吗？", "喀左县招商引资签约项目9个,总投资61亿元。", *REPORT[3:]]
    assert summarizer.summarize(sentences, 25) == [1]


@pytest.mark.parametrize(
    "stray",
    ["柳城经济开发区一期标准化厂房 张三 摄", "（记者 李四）", "坚持抓经济运行保增长", "石佳/中国青年报", "图为喀左县新建的污水处理厂。",
     "扫码关注喀左发布公众号，了解更多资讯。", "喀左县营商环境建设局相关负责人说。",
     "必须坚持不遗余力抓项目、扩投资，千方百计抓企业、优服务。”", "大力请进来，注入新动能。"],
    ids=["caption", "byline", "heading", "slash-byline", "picture", "promotion", "attribution", "quotation-end", "slogan"],
)
def test_captions_bylines_headings_and_promotions_are_never_points(summarizer, stray):
    sentences = [stray, *REPORT]
    assert 0 not in summarizer.summarize(sentences, 1000)


def test_a_sentence_that_lost_its_stop_is_still_body_text(summarizer):
    sentences = ["会议要求,各部门加快招商引资项目建设", *REPORT[2:]]
    assert 0 in summarizer.summarize(sentences, 100)


def test_if_nothing_looks_like_body_text_it_still_picks(summarizer):
    assert summarizer.summarize(["张三 摄"], 100) == [0]


@pytest.mark.parametrize(
    "sentences, budget, expected",
    [([], 200, []), (REPORT, 0, []), (REPORT, -1, []), (REPORT[:1], 500, [0]), (REPORT, 1000, [0, 2, 3, 4])],
    ids=["no-sentences", "no-budget", "negative", "one-sentence", "budget-above-all-but-the-aside"],
)
def test_budget_bounds(summarizer, sentences, budget, expected):
    assert summarizer.summarize(sentences, budget) == expected


def test_deterministic(summarizer):
    assert summarizer.summarize(REPORT, 80) == ExtractiveSummarizer().summarize(REPORT, 80) == summarizer.summarize(REPORT, 80)


def test_the_sentences_of_a_quotation_are_not_points_on_their_own(summarizer):
    sentences = [
        "“这个便民服务指南很实用，利用手机就可以了解各个事项的办理流程。",
        "大厅还设立了党员先锋服务岗，不明白的事解答得很详细。”",
        "8月31日，在龙城区政务服务大厅，市民刘利这样说。",
        *REPORT[2:],
    ]
    assert not {0, 1, 2} & set(summarizer.summarize(sentences, 1000))
