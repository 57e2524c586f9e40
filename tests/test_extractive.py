"""The extractive summarizer: central body sentences, lead first, no repeats, in source order."""

from __future__ import annotations

import pytest

from briefs.protocols import Summarizer
from briefs.registry import summarizer_class
from briefs.engines.extractive import ExtractiveSummarizer

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


def test_registered_under_extractive_and_satisfies_the_protocol(summarizer):
    assert summarizer_class("extractive") is ExtractiveSummarizer
    assert isinstance(summarizer, Summarizer)
    assert summarizer.identity.startswith("engine:extractive|") and "|v:" in summarizer.identity


def test_identity_changes_with_settings():
    assert ExtractiveSummarizer().identity != ExtractiveSummarizer(lead_weight=0.5).identity


def test_picks_are_indices_in_source_order(summarizer):
    picked = summarizer.summarize(REPORT, 3)
    assert picked == sorted(picked) and len(picked) == 3
    assert all(type(i) is int and 0 <= i < len(REPORT) for i in picked)


def test_the_lead_and_the_central_sentence_beat_an_aside(summarizer):
    picked = summarizer.summarize(REPORT, 2)
    assert picked == [0, 3]
    assert 1 not in summarizer.summarize(REPORT, 4)


def test_lead_prior_decides_between_equally_central_sentences(summarizer):
    assert summarizer.summarize(UNRELATED, 2) == [0, 1]


@pytest.mark.parametrize("lead_weight", [0.0, 0.25], ids=["no-prior", "default-prior"])
def test_an_aside_in_first_place_does_not_win_on_position_alone(lead_weight):
    aside_first = [REPORT[1], REPORT[0], *REPORT[2:]]
    assert ExtractiveSummarizer(lead_weight=lead_weight).summarize(aside_first, 1) == [1]


def test_near_duplicates_are_not_both_picked(summarizer):
    sentences = [
        "喀左县招商引资签约项目9个,总投资61亿元。",
        "喀左县招商引资签约项目9个,总投资达61亿元。",
        "会议要求各部门加快项目建设。",
        "学校举办了一场篮球比赛。",
    ]
    picked = summarizer.summarize(sentences, 3)
    assert not {0, 1} <= set(picked)
    assert len(picked) == 3


def test_identical_sentences_are_told_apart_by_index(summarizer):
    sentences = ["会议要求各部门加快项目建设。", "会议要求各部门加快项目建设。", "学校举办了一场篮球比赛。"]
    assert summarizer.summarize(sentences, 3) == [0, 2]


@pytest.mark.parametrize(
    "stray",
    ["柳城经济开发区一期标准化厂房 张三 摄", "（记者 李四）", "坚持抓经济运行保增长"],
    ids=["caption", "byline", "heading"],
)
def test_captions_bylines_and_headings_are_never_picked(summarizer, stray):
    sentences = [stray, *REPORT]
    assert 0 not in summarizer.summarize(sentences, len(sentences))


def test_a_sentence_that_lost_its_stop_is_still_body_text(summarizer):
    sentences = ["会议要求,各部门加快项目建设", "学校举办了一场比赛,学生踊跃参加"]
    assert summarizer.summarize(sentences, 2) == [0, 1]


def test_if_nothing_looks_like_body_text_it_still_picks(summarizer):
    assert summarizer.summarize(["张三 摄"], 1) == [0]


@pytest.mark.parametrize(
    "sentences, k, expected",
    [
        ([], 3, []),
        (REPORT, 0, []),
        (REPORT, -1, []),
        (REPORT[:1], 5, [0]),
        (UNRELATED, 9, [0, 1, 2, 3, 4]),
    ],
    ids=["no-sentences", "k-zero", "k-negative", "fewer-than-k", "k-above-n"],
)
def test_k_bounds(summarizer, sentences, k, expected):
    assert summarizer.summarize(sentences, k) == expected


def test_deterministic(summarizer):
    assert summarizer.summarize(REPORT, 3) == ExtractiveSummarizer().summarize(REPORT, 3) == summarizer.summarize(REPORT, 3)
