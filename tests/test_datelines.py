"""Datelines: where, when and by whom a story was filed; never part of the story."""

from __future__ import annotations

import pytest

from briefs.text.datelines import is_dateline, parse_dateline, split_credit, strip_dateline

FORMS = [
    # text, outlet, place, (month, day), reporters, the story after it
    ("本报讯 市统计局日前发布数据", "本报", None, None, (), "市统计局日前发布数据"),
    ("本报讯（记者周文 通讯员李明）5月15日上午", "本报", None, None, ("周文", "李明"), "5月15日上午"),
    ("本报北京1月15日电（记者刘毅）2020年全国", "本报", "北京", (1, 15), ("刘毅",), "2020年全国"),
    ("新华社北京3月5日电（记者 王某）今天", "新华社", "北京", (3, 5), ("王某",), "今天"),
    ("新华社北京7月26日电 美国国防部25日宣布", "新华社", "北京", (7, 26), (), "美国国防部25日宣布"),
    ("中新网7月28日电(张奥林)近日，韩国", "中新网", None, (7, 28), ("张奥林",), "近日，韩国"),
    ("中国青年报客户端北京8月1日电（记者 王林）8月1日", "中国青年报客户端", "北京", (8, 1), ("王林",), "8月1日"),
    ("湖北日报讯（记者张三、通讯员李四）近日，", "湖北日报", None, None, ("张三", "李四"), "近日，"),
    ("南方网讯（记者/王强）近日", "南方网", None, None, ("王强",), "近日"),
    ("本报讯\xa0\xa0记者倪文忠报道\xa0\xa08月8日，吉林", "本报", None, None, ("倪文忠",), "8月8日，吉林"),
    ("本网讯近日，全市", "本网", None, None, (), "近日，全市"),
    ("朝阳9月1日讯 全市", None, "朝阳", (9, 1), (), "全市"),
]


@pytest.mark.parametrize("text, outlet, place, day, reporters, story", FORMS, ids=[f[0][:8] for f in FORMS])
def test_every_form_of_dateline_is_read_and_taken_off_the_story(text, outlet, place, day, reporters, story):
    found = parse_dateline(text)
    assert (found.outlet, found.place, (found.month, found.day) if found.month else None, found.reporters) == (outlet, place, day, reporters)
    assert is_dateline(text) and strip_dateline(text) == story


@pytest.mark.parametrize(
    "text",
    ["全市电网电力供应稳定。", "本报通讯员 刘晓燕", "今年以来，全县签约项目21个。", "据新华社报道，全国夏粮丰收。", "通讯员李明介绍，项目已开工。"],
    ids=["电-without-a-day", "correspondent", "plain", "wire-inside", "correspondent-inside"],
)
def test_a_sentence_that_only_mentions_an_outlet_is_no_dateline(text):
    assert not is_dateline(text) and strip_dateline(text) == text


def test_a_credit_alone_is_split_from_the_story_but_is_no_dateline():
    assert split_credit("（记者 王立新）本市今年") == ("（记者 王立新）", "本市今年")
    assert not is_dateline("（记者 王立新）本市今年")
    assert split_credit("本报讯（记者周文）") is None  # nothing runs on after it
