"""Approximate numerals: ranges whose bounds the writer leaves unsaid, read as ranges and checked as ranges."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefs.figures.approximate import read_approximate
from briefs.figures.check import check_figures
from briefs.figures.find import find_figures

ROOT = Path(__file__).resolve().parent.parent


def figures_of(text: str) -> list[tuple[str, str, int | float, int | float | None]]:
    return [(f.source, f.english, f.value, f.value_high) for f in find_figures(text)]


# (sentence, the figure's source, English, low, high)
FORMS = [
    # Two neighbouring digits: "one or the other", before a unit, a counter or a power of ten.
    ("每斤只赚一两元", "一两元", "1–2 yuan", 1, 2),
    ("过去这户人家一年才有两三千元进账", "两三千元", "2,000–3,000 yuan", 2000, 3000),
    ("村里建起三四十个大棚", "三四十个", "30–40", 30, 40),
    ("在银行也有三四千万元的授信额", "三四千万元", "30–40 million yuan", 30000000, 40000000),
    ("七八名白领赶来帮忙", "七八名", "7–8", 7, 8),
    ("路上要花三四个小时", "三四个", "3–4", 3, 4),
    ("用一两个月完成", "一两个月", "1–2 months", 1, 2),
    ("合作社已经成立了五六年", "五六年", "5–6 years", 5, 6),
    ("我也就休了三四天", "三四天", "3–4 days", 3, 4),
    ("每户增收八九百元", "八九百元", "800–900 yuan", 800, 900),
    ("三五个人一组", "三五个", "3–5", 3, 5),
    ("新建二三十个站点", "二三十个", "20–30", 20, 30),
    ("一周两三次", "两三次", "2–3", 2, 3),
    ("每周三四次", "三四次", "3–4", 3, 4),
    ("最初两三天", "两三天", "2–3 days", 2, 3),
    # A pair after a round numeral takes the place below its last one.
    ("来了二十三四个人", "二十三四个", "23–24", 23, 24),
    ("十一二个人报名", "十一二个", "11–12", 11, 12),
    ("月薪一千七八百元", "一千七八百元", "1,700–1,800 yuan", 1700, 1800),
    ("年收入三万五六千元", "三万五六千元", "35,000–36,000 yuan", 35000, 36000),
    ("这几年约两三千元", "约两三千元", "about 2,000–3,000 yuan", 2000, 3000),
    # 几 and 数 in a digit's place: 2 to 9 of it as the leading digit, "and some" after a round numeral.
    ("十几台机器轰鸣", "十几台", "more than ten", 10, 20),
    ("二十几个农户", "二十几个", "more than 20", 20, 30),
    ("一百几十个项目", "一百几十个", "more than 100", 100, 200),
    ("塞了几十张纸片", "几十张", "dozens of", 20, 90),
    ("数十家一起做", "数十家", "dozens of", 20, 90),
    ("好几十家企业", "好几十家", "dozens of", 20, 90),
    ("医药费几百元", "几百元", "several hundred yuan", 200, 900),
    ("数百名中国留学生", "数百名", "several hundred", 200, 900),
    ("几千元的奖金", "几千元", "thousands of yuan", 2000, 9000),
    ("数千家企业", "数千家", "thousands of", 2000, 9000),
    ("数百万元资金", "数百万元", "millions of yuan", 2000000, 9000000),
    ("已有数万名党员干部", "数万名", "tens of thousands of", 20000, 90000),
    ("赔偿几万元", "几万元", "tens of thousands of yuan", 20000, 90000),
    ("为了几十万赔偿", "几十万", "hundreds of thousands of", 200000, 900000),
    ("新增成本数千万元", "数千万元", "tens of millions of yuan", 20000000, 90000000),
    # 多 and 余 after a round numeral fill the places below its last digit.
    ("种粮大户有十多户", "十多户", "more than ten", 10, 20),
    ("凯美石英等十余家企业", "十余家", "more than ten", 10, 20),
    ("现在都涨到二十多元", "二十多元", "more than 20 yuan", 20, 30),
    ("百余名工人戴着口罩", "百余名", "more than 100", 100, 200),
    ("收入三十多万元", "三十多万元", "more than 300,000 yuan", 300000, 400000),
    ("日均车流量达万余辆", "万余辆", "more than 10,000", 10000, 20000),
    ("事发后十多天", "十多天", "more than ten days", 10, 20),
    ("十几亿人口的吃饭问题", "十几亿人", "more than 1 billion", 1000000000, 2000000000),
    # 上 "reaching" a power of ten, and the idioms.
    ("上百名搬迁户自发前来", "上百名", "about a hundred", 100, 200),
    ("有上千家内容提供方", "上千家", "about a thousand", 1000, 2000),
    ("花上万也要贴膜", "上万", "about ten thousand", 10000, 20000),
    ("投资上亿元", "上亿元", "about a hundred million yuan", 100000000, 200000000),
    ("成千上万中国人", "成千上万", "thousands of", 1000, 10000),
    ("成百上千家企业", "成百上千家", "hundreds of", 100, 1000),
]


@pytest.mark.parametrize("text,source,english,low,high", FORMS, ids=[row[1] for row in FORMS])
def test_an_approximate_numeral_reads_as_a_range(text, source, english, low, high):
    assert figures_of(text) == [(source, english, low, high)]


@pytest.mark.parametrize(
    "text,expected",
    [
        # 一 and 两 are ordinary words too: one digit is one count, and a digit that ends a word starts none.
        ("第一批项目", [("第一", "first", 1, None)]),
        ("建成一个园区", []),
        ("配备两名管家", [("两名", "two", 2, None)]),
        ("统一两个标准", [("两个", "two", 2, None)]),
        ("除夕和初一两天的流量", []),
        ("星期三四个班次", [("四个", "four", 4, None)]),
        # Not counts: a pair before no unit, idioms, decades, tiers.
        ("三五成群、互不掺和", []),
        ("乱七八糟", []),
        ("十之八九", []),
        ("七八十年代", []),
        ("一二线城市", []),
        ("七八岁小孩", []),
        ("三四线城市", []),
        # 上 and 数 that end a word (online, the number of) leave the numeral after them plain.
        ("线上千人大会", [("千人", "1,000", 1000, None)]),
        ("参会人数十万人", [("十万人", "100,000", 100000, None)]),
        # Digits with 多 keep one bound: 1000余 may be 1000–1100 or 1000–2000.
        ("130多位客商", [("130多位", "more than 130", 130, None)]),
        # Digits after a decimal point are read one by one, neighbours or not.
        ("投资三点五五亿元", [("三点五五亿元", "355 million yuan", 355000000, None)]),
        ("唯一一家提供传呼机服务的", []),
        ("", []),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_what_is_not_an_approximate_numeral(text, expected):
    assert figures_of(text) == expected


@pytest.mark.parametrize("numeral", ["一二", "一千七八", "一百多十", "三亿五六千万", "几", "上", "上十", ""], ids=str)
def test_shapes_that_are_no_numeral_read_as_none(numeral):
    assert read_approximate(numeral) is None


@settings(deadline=None)
@given(st.lists(st.sampled_from(list("一二两三四五六七八九十百千万亿几数多余上成好个元年家") + ["成千上万"]), max_size=12).map("".join))
def test_every_range_runs_low_to_high(text):
    for figure in find_figures(text):
        assert figure.value_high is None or figure.value < figure.value_high
        assert figure.vague == (figure.value_high is not None)


# ---- holding a translation to an approximate figure --------------------------------------------------

@pytest.mark.parametrize(
    "zh,en",
    [
        ("每斤只赚一两元", "earning only one or two yuan per jin"),
        ("每斤只赚一两元", "earning only 1-2 yuan per jin"),
        ("每斤只赚一两元", "earning only 2 yuan per jin"),
        ("每斤只赚一两元", "earning only a yuan or two per jin"),
        ("每年只有两三千元的收入", "an income of only two or three thousand yuan a year"),
        ("每年只有两三千元的收入", "an income of only 2,000 to 3,000 yuan a year"),
        ("每年只有两三千元的收入", "an income of only some 2,500 yuan a year"),
        ("也有三四千万元的授信额", "a credit line of 30-40 million yuan"),
        ("塞了几十张纸片", "dozens of scraps of paper were stuffed"),
        ("数万名党员干部", "tens of thousands of party cadres"),
        ("上百名搬迁户自发前来", "about 100 relocated households came"),
        ("种粮大户有十多户", "there are more than 10 big grain growers"),
        ("种粮大户有十多户", "there are a dozen or so big grain growers"),
        ("成千上万中国人", "thousands of Chinese"),
    ],
    ids=["words", "hyphen", "one-bound", "in-words", "or-thousand", "to", "inside", "shared-scale", "dozens",
         "tens-of-thousands", "about-100", "more-than-10", "dozen-or-so", "thousands"],
)
def test_the_check_accepts_either_bound_both_or_words(zh, en):
    check = check_figures(zh, en)
    assert (check.english, check.repairs, check.flagged) == (en, 0, ())


def test_the_other_end_of_a_range_is_no_stray_for_another_figure():
    zh = "每年只有两三千元的收入,引进资金5亿元"
    en = "an income of only two or three thousand yuan a year, and funds were brought in"
    check = check_figures(zh, en)
    assert (check.english, [f.source for f in check.flagged]) == (en, ["5亿元"])


@pytest.mark.parametrize(
    "zh,en,repaired",
    [
        ("种粮大户有十多户", "there are 10 big grain growers", "there are more than 10 big grain growers"),
        ("上百名搬迁户自发前来", "100 relocated households came", "About 100 relocated households came"),
        ("每斤只赚一两元", "earning 一两元 per jin", "earning 1–2 yuan per jin"),
    ],
    ids=["lost-more-than", "lost-about", "left-in-chinese"],
)
def test_the_check_gives_back_what_english_lost_but_no_single_number(zh, en, repaired):
    check = check_figures(zh, en)
    assert (check.english, check.repairs, check.flagged) == (repaired, 1, ())


def test_briefs_figures_shows_both_bounds():
    from typer.testing import CliRunner

    from briefs.cli import app

    seed = ROOT / "seeds" / "001_4d09f2e1bb6c8703.txt"
    result = CliRunner().invoke(app, ["figures", str(seed)])
    records = [json.loads(line) for line in result.stdout.splitlines()]
    ranges = [(r["source"], r["value"], r["value_high"], r["english"]) for r in records if r["source"] == "十余家"]
    assert ranges == [("十余家", 10, 20, "more than ten")]
