"""Sentences and clauses: how Chinese text is cut before a model sees it."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefs.read.lines import is_complete
from briefs.text.marks import FULL_STOPS, TRAILING_CLOSERS
from briefs.text.sentences import clauses, split_sentences

SENTENCES = [
    ("", []),
    ("   ", []),
    ("近年来", ["近年来"]),
    ("甲。乙。", ["甲。", "乙。"]),
    ("他说:“我们走。”然后离开。", ["他说:“我们走。”", "然后离开。"]),
    ("（注：见附件。）下文。", ["（注：见附件。）", "下文。"]),
    ("《规划》发布了！」对吗？", ["《规划》发布了！」", "对吗？"]),
    ("真的吗？！是的!好?", ["真的吗？！", "是的!", "好?"]),
    ("设,以何对策?喀左县坚持“两手抓”。", ["设,以何对策?", "喀左县坚持“两手抓”。"]),
    ("一般公共预算收入增长7.4%,规模以上。", ["一般公共预算收入增长7.4%,规模以上。"]),
    ("任务完成了.下一步是招商。", ["任务完成了.", "下一步是招商。"]),
    ("It grew. Then it fell.", ["It grew.", "Then it fell."]),
    ("坚持抓招商；坚持抓运行。", ["坚持抓招商；坚持抓运行。"]),
    ("销售总额增长7.1%……诸般成绩。", ["销售总额增长7.1%……诸般成绩。"]),
    ("甲。  乙。 ", ["甲。", "乙。"]),
    ("𠀀。𠀀", ["𠀀。", "𠀀"]),
]


@pytest.mark.parametrize(
    "paragraph, expected",
    SENTENCES,
    ids=["empty", "blank", "no-stop", "two", "quote-closes", "bracket-closes", "corner-quote-closes", "stop-runs",
         "half-width-question", "decimal-point", "half-width-stop", "english", "semicolon-stays", "ellipsis-stays",
         "spaces-between", "supplementary-plane"],
)  # fmt: skip
def test_split_sentences(paragraph, expected):
    assert split_sentences(paragraph) == expected


@pytest.mark.parametrize("stop", FULL_STOPS)
@pytest.mark.parametrize("closer", ["", *TRAILING_CLOSERS])
def test_where_the_splitter_ends_a_sentence_the_reader_sees_a_finished_line(stop, closer):
    assert split_sentences(f"走{stop}{closer}下文") == [f"走{stop}{closer}", "下文"]
    assert is_complete(f"走{stop}{closer}")


@given(st.text(alphabet="甲乙丙。！？!?.,，“”」） 1a\n", max_size=60))
def test_sentences_keep_every_character(paragraph):
    sentences = split_sentences(paragraph)
    assert all(s and s == s.strip() for s in sentences)
    assert "".join(sentences).replace(" ", "").replace("\n", "") == paragraph.replace(" ", "").replace("\n", "")


CLAUSES = [
    ("短句。", 10, ["短句。"]),
    ("", 3, [""]),
    ("甲甲甲，乙乙乙，丙丙丙。", 5, ["甲甲甲，", "乙乙乙，", "丙丙丙。"]),
    ("甲甲甲，乙乙乙，丙丙丙。", 8, ["甲甲甲，乙乙乙，", "丙丙丙。"]),
    ("甲甲,乙乙;丙丙:丁丁", 3, ["甲甲,", "乙乙;", "丙丙:", "丁丁"]),
    ("甲、乙、丙；丁：戊", 2, ["甲、", "乙、", "丙；", "丁：", "戊"]),
    ("共1,000元，于8:30到", 8, ["共1,000元，", "于8:30到"]),
    ("一二三四五六七", 3, ["一二三", "四五六", "七"]),
    ("甲甲甲2022年", 5, ["甲甲甲", "2022年"]),
    ("甲甲甲，乙乙乙乙乙乙乙，丙", 4, ["甲甲甲，", "乙乙乙乙", "乙乙乙，", "丙"]),
]


@pytest.mark.parametrize(
    "sentence, limit, expected",
    CLAUSES,
    ids=["fits", "empty", "at-commas", "packs-clauses", "half-width-punctuation", "enumeration-comma",
         "digit-separators-stay", "hard-cut", "cut-avoids-number", "hard-cut-then-packs"],
)  # fmt: skip
def test_clauses(sentence, limit, expected):
    assert clauses(sentence, limit) == expected


def test_clauses_use_the_given_measure():
    tokens = lambda text: len(text) * 2  # noqa: E731 - a stand-in for a tokenizer
    assert clauses("甲甲，乙乙，丙丙", 6, tokens) == ["甲甲，", "乙乙，", "丙丙"]


def test_a_limit_below_one_character_is_refused():
    with pytest.raises(ValueError, match="cannot hold even one character"):
        clauses("甲乙", 0)


def test_a_3000_character_sentence_is_cut_into_pieces_that_fit_and_cover_it():
    sentence = "".join(f"第{i}项工程已经开工建设并投产" + ("，" if i % 7 else "") for i in range(200))[:3000]
    assert len(sentence) == 3000
    pieces = clauses(sentence, 100)
    assert "".join(pieces) == sentence
    assert all(0 < len(p) <= 100 for p in pieces)
    assert len(pieces) > 30


@given(st.text(alphabet="甲乙，,。12ab ", max_size=120), st.integers(min_value=1, max_value=20))
def test_clauses_always_join_back_and_fit(sentence, limit):
    pieces = clauses(sentence, limit)
    assert "".join(pieces) == sentence
    assert all(len(p) <= limit for p in pieces)
