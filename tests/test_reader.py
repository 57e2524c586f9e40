"""The reader's rules: how a messy news page becomes articles, sections, paragraphs and extras."""

from __future__ import annotations

import pytest
from readerkit import page

from briefs.document import Article, Document, Stated
from briefs.read.seeds import parse


def read(*blocks: str) -> Document:
    return parse(page(*blocks), "test.txt")


def only(doc: Document) -> Article:
    assert len(doc.articles) == 1, [a.title for a in doc.articles]
    return doc.articles[0]


def kinds(extras) -> list[tuple[str, str]]:
    return [(e.kind, e.text) for e in extras]


BODY = "今年以来,全县签约项目21个,协议投资额28.72亿元。"
BODY2 = "下一步,该县将继续优化营商环境,推动项目早落地早见效。"


# --- article boundaries -------------------------------------------------------

def test_markdown_title_opens_an_article():
    article = only(read("# 喀左经济开发区跻身全省十佳", BODY))
    assert article.title == "喀左经济开发区跻身全省十佳"
    assert article.sections[0].paragraphs == (BODY,)


def test_bare_title_line_at_the_top_opens_an_article():
    article = only(read("喀左县:多元驱动集聚决胜之力", BODY, BODY2))
    assert article.title == "喀左县:多元驱动集聚决胜之力"
    assert article.paragraphs == [BODY, BODY2]


def test_text_before_any_title_is_an_untitled_article():
    article = only(read(BODY, "强化要素保障 加速项目落地", BODY2))
    assert article.title is None
    assert [s.heading for s in article.sections] == [None, "强化要素保障 加速项目落地"]


def test_dash_subtitle_below_a_title():
    article = only(read("培育优势产业 再造发展引擎", "——朝阳市龙城区以项目建设为抓手推动经济高质量发展纪实", BODY))
    assert (article.title, article.subtitle) == ("培育优势产业 再造发展引擎", "朝阳市龙城区以项目建设为抓手推动经济高质量发展纪实")


def test_dash_subtitle_inside_a_markdown_title_line():
    article = only(read("# 举全县之力推进项目建设——确保三年行动首战告捷", BODY))
    assert (article.title, article.subtitle) == ("举全县之力推进项目建设", "确保三年行动首战告捷")


def test_body_paragraph_opening_with_a_dash_is_not_a_subtitle():
    dash_paragraph = "——建立“书记、县长直通车”制度,县级领导定期深入现场办公。"
    article = only(read("# 标题在此", BODY, dash_paragraph))
    assert article.subtitle is None
    assert article.paragraphs == [BODY, dash_paragraph]


@pytest.mark.parametrize(
    "dateline",
    ["本报讯 日前,该县召开推进会。", "**本报讯** 日前,该县召开推进会。", "本报朝阳9月1日讯 日前,该县召开推进会。", "新华社北京9月1日电 日前,该县召开推进会。"],
    ids=["plain", "bold", "place-and-date", "agency"],
)
def test_short_line_over_a_dateline_paragraph_opens_a_brief(dateline):
    doc = read("第一篇文章标题", BODY, BODY2, "立法保护喀左紫砂", dateline)
    assert [a.title for a in doc.articles] == ["第一篇文章标题", "立法保护喀左紫砂"]
    assert doc.articles[1].paragraphs == [dateline.replace("**", "")]


def test_kicker_line_above_a_brief_title():
    doc = read("第一篇文章标题", BODY, "龙城区创新开展“我为群众办实事”实践活动", "“1+5”工程解群众“急难愁盼”", "本报讯 " + BODY2)
    brief = doc.articles[1]
    assert (brief.kicker, brief.title) == ("龙城区创新开展“我为群众办实事”实践活动", "“1+5”工程解群众“急难愁盼”")


def test_column_banner_is_a_page_extra_and_its_briefs_are_articles():
    doc = read("第一篇文章标题", BODY, "■ 龙城时讯 SHIXUN", "投资1.6亿元 建示范工程", "本报讯 " + BODY, "建区域性物流中心", "本报讯 " + BODY2)
    assert kinds(doc.extras) == [("banner", "龙城时讯 SHIXUN")]
    assert [a.title for a in doc.articles] == ["第一篇文章标题", "投资1.6亿元 建示范工程", "建区域性物流中心"]


def test_briefs_under_a_banner_need_no_dateline():
    doc = read("第一篇文章标题", BODY, "新闻速递 SUDI", "立法保护喀左紫砂", BODY, "植绿补绿 美化城市环境", BODY2)
    assert [a.title for a in doc.articles] == ["第一篇文章标题", "立法保护喀左紫砂", "植绿补绿 美化城市环境"]


def test_page_byline_closes_an_article_so_the_next_headline_opens_one():
    doc = read("第一篇文章标题", BODY, "本版稿件由本报记者张旭采写", "龙城区实施五大行动推动乡村振兴", BODY2)
    assert [a.title for a in doc.articles] == ["第一篇文章标题", "龙城区实施五大行动推动乡村振兴"]
    assert kinds(doc.articles[0].extras) == [("byline", "本版稿件由本报记者张旭采写")]


def test_markdown_brief_headings_under_a_banner():
    doc = read("# 头条标题", BODY, "## 喀左时讯 SHIXUN", "### 省级文明城市创建测评成绩排榜首", "**本报讯** " + BODY2)
    assert [a.title for a in doc.articles] == ["头条标题", "省级文明城市创建测评成绩排榜首"]


# --- sections -------------------------------------------------------------------

def test_markdown_subheadings_are_sections():
    article = only(read("# 标题在此", "## 核心提示", BODY, "## 牵住项目建设“牛鼻子”", BODY2))
    assert [(s.heading, s.paragraphs) for s in article.sections] == [("核心提示", (BODY,)), ("牵住项目建设“牛鼻子”", (BODY2,))]


def test_bare_short_lines_without_sentence_punctuation_are_sections():
    article = only(read("喀左县:多元驱动集聚决胜之力", "核心提示", BODY, "扩增量", BODY2, "稳存量", BODY))
    assert [s.heading for s in article.sections] == ["核心提示", "扩增量", "稳存量"]


def test_lead_label_with_text_on_the_same_line():
    article = only(read("标题在此", "核心提示:" + BODY))
    assert [(s.heading, s.paragraphs) for s in article.sections] == [("核心提示", (BODY,))]


@pytest.mark.parametrize(
    "line",
    ["善谋划见行动,方能引得风来栖。", "一级带动一级干。", "亿联盛、联强、恒杰……一个个项目接踵而至。"],
    ids=["comma-and-stop", "short-sentence", "ellipsis"],
)
def test_short_sentences_stay_body_text(line):
    article = only(read("标题在此", BODY, line, BODY2))
    assert article.paragraphs == [BODY, line, BODY2]


# --- repair of broken paragraphs -------------------------------------------------

@pytest.mark.parametrize(
    "first, second, joined",
    [
        ("坚持抓经济运行保增长。推", "进规模以上企业主体培育。", "坚持抓经济运行保增长。推进规模以上企业主体培育。"),
        ("开发区每周组织学习,把《辽", "宁省优化营商环境条例》纳入学习计划。", "开发区每周组织学习,把《辽宁省优化营商环境条例》纳入学习计划。"),
        ("现已申报数字化车间改造项目6个,“5G+工业互", "网”示范工厂1家。", "现已申报数字化车间改造项目6个,“5G+工业互网”示范工厂1家。"),
        ("重点打造驿站服务全覆盖、政务服务智慧化、", "职业经理人等各方面作用得到发挥。", "重点打造驿站服务全覆盖、政务服务智慧化、职业经理人等各方面作用得到发挥。"),
    ],
    ids=["cut-word", "cut-book-title", "cut-quote", "cut-after-enumeration-comma"],
)
def test_a_paragraph_cut_mid_sentence_is_joined(first, second, joined):
    article = only(read("标题在此", first, second))
    assert article.paragraphs == [joined]


def test_a_cut_sentence_is_joined_across_a_photo_caption():
    caption = "联合镇发展食用菌产业强村富民。 本报记者 张旭 摄"
    article = only(read("标题在此", "依托乡村特色产业,建设富有特色、", "", "", caption, "规模适中、辐射带动力强的产业集群区。"))
    assert article.paragraphs == ["依托乡村特色产业,建设富有特色、规模适中、辐射带动力强的产业集群区。"]
    assert kinds(article.extras) == [("caption", caption)]


def test_a_cut_sentence_is_joined_across_an_image_gap():
    article = only(read("标题在此", "其中,2家企业被评为“专精特新”中小", "", "", "企业,3家企业获评创新型中小企业。"))
    assert article.paragraphs == ["其中,2家企业被评为“专精特新”中小企业,3家企业获评创新型中小企业。"]


def test_markdown_pages_have_no_bare_headings_so_a_short_fragment_is_joined():
    article = only(read("# 标题在此", "喀左经开区2016年4月晋升", "为省级开发区,2019年1月晋升为省级高新技术产业开发区。"))
    assert article.paragraphs == ["喀左经开区2016年4月晋升为省级开发区,2019年1月晋升为省级高新技术产业开发区。"]


def test_hard_wrapped_lines_are_one_paragraph():
    text = "标题在此\n\n今年以来,全县签约项目21个,\n协议投资额28.72亿元,同比\n增长16%。\n\n" + BODY2 + "\n"
    article = only(parse(text, "wrapped.txt"))
    assert article.paragraphs == ["今年以来,全县签约项目21个,协议投资额28.72亿元,同比增长16%。", BODY2]


def test_a_cut_paragraph_is_not_joined_across_a_heading():
    article = only(read("# 标题在此", "明确了今年招商引资重点方向:要围绕", "## 打造营商环境“生态圈”", BODY))
    assert [s.paragraphs for s in article.sections] == [("明确了今年招商引资重点方向:要围绕",), (BODY,)]


def test_single_newline_paragraphs_are_kept_apart_when_complete():
    text = "- 发布日期:2023-12-6 10:20:32\n- 消息来源:辽宁日报\n" + BODY + "\n" + BODY2 + "\n记者:崔毅\n"
    doc = parse(text, "web.txt")
    assert only(doc).paragraphs == [BODY, BODY2]
    assert kinds(doc.extras) == [("meta", "发布日期:2023-12-6 10:20:32"), ("meta", "消息来源:辽宁日报")]
    assert kinds(only(doc).extras) == [("byline", "记者:崔毅")]


# --- lines that are not body text ------------------------------------------------

@pytest.mark.parametrize(
    "line, kind",
    [
        ("浪马轮胎通过智能化改造成为第一家5G示范工厂。 本报记者 张旭 摄", "caption"),
        ("科勒迪(辽宁)轻工制品有限公司产品正源源不断发往各地。 郑宝鹏 摄", "caption"),
        ("- ① 紧锣密鼓建设中的喀左县电子科技园。", "caption"),
        ("图为工人在车间内加紧生产。", "caption"),
        ("本版稿件由白雪峰 本报记者 王海涛采写", "byline"),
        ("记者:崔毅", "byline"),
        ("本报记者 张旭", "byline"),
        ("- 发布日期:2023-12-6 10:20:32", "meta"),
        ("- 消息来源:辽宁日报", "meta"),
        ("本版图片为资料片", "note"),
    ],
    ids=["credit-with-newspaper", "credit-name-only", "numbered-list", "tu-wei", "page-byline", "reporter-colon", "reporter-space", "date-meta", "source-meta", "page-note"],
)
def test_non_body_lines_become_extras(line, kind):
    doc = read("标题在此", BODY, line, BODY2)
    extras = kinds(doc.extras) + kinds(doc.articles[0].extras)
    expected = line.removeprefix("- ")
    assert extras == [(kind, expected)]
    assert all(line not in p and expected not in p for p in doc.articles[0].paragraphs)


def test_two_credits_on_one_line_are_split():
    doc = read("标题在此", BODY, "本版稿件由本报记者崔毅采写 本版图片除署名外由喀左县委宣传部提供")
    assert kinds(doc.articles[0].extras) == [("byline", "本版稿件由本报记者崔毅采写")]
    assert kinds(doc.extras) == [("note", "本版图片除署名外由喀左县委宣传部提供")]


def test_lone_short_description_after_an_image_slot_is_a_caption():
    doc = read("标题在此", BODY, "", "", "柳城经济开发区一期标准化厂房。", BODY2)
    assert kinds(doc.articles[0].extras) == [("caption", "柳城经济开发区一期标准化厂房。")]
    assert doc.articles[0].paragraphs == [BODY, BODY2]


def test_bare_reporter_names_at_the_end_are_a_byline():
    doc = read("标题在此", BODY, "李国恩 丛艳萍", "", "", "正在建设中的朝阳百盛铝业厂房。")
    assert kinds(doc.articles[0].extras) == [("byline", "李国恩 丛艳萍"), ("caption", "正在建设中的朝阳百盛铝业厂房。")]


def test_a_short_heading_that_is_not_a_name_stays_a_heading():
    article = only(read("标题在此", BODY, "扩增量", BODY2))
    assert [s.heading for s in article.sections] == [None, "扩增量"]


def test_markdown_markers_are_not_text():
    doc = read("# **标题**在此", "**本报讯** " + BODY, "- ② 员工正加紧生产。本报记者 崔毅 摄", "■ 龙城时讯 SHIXUN")
    text = repr(doc)
    for marker in ("#", "**", "■", "- ②"):
        assert marker not in text


@pytest.mark.parametrize(
    "text, story",
    [("本报讯 日前,该县召开推进会。", "日前,该县召开推进会。"), ("本报讯(记者 张旭)日前,该县召开推进会。", "日前,该县召开推进会。"), ("日前,该县召开推进会。", "日前,该县召开推进会。")],
    ids=["dateline", "dateline-with-credit", "none"],
)
def test_strip_dateline(text, story):
    from briefs.text.datelines import strip_dateline

    assert strip_dateline(text) == story


# --- what a page states about itself -----------------------------------------------

def test_metadata_lines_fill_the_typed_metadata_and_stay_as_extras():
    doc = read("# 喀左经济开发区跻身全省十佳", BODY, "发布日期：2023-12-6 10:20", "消息来源:辽宁日报", "来源:青山日报")
    assert ("meta", "发布日期：2023-12-6 10:20") in kinds(only(doc).extras)
    stated = only(doc).metadata
    assert (stated.date, stated.publication) == (Stated("2023-12-06", "meta line"), Stated("辽宁日报", "meta line"))


def test_a_date_that_is_not_a_day_is_kept_as_written():
    stated = only(read("# 喀左经济开发区跻身全省十佳", BODY, "日期:2023年第4期")).metadata
    assert stated.date == Stated("2023年第4期", "meta line") and stated.publication is None


def test_a_page_that_states_nothing_has_empty_metadata():
    doc = read("# 喀左经济开发区跻身全省十佳", BODY)
    assert not doc.metadata and not only(doc).metadata


def test_a_note_phrase_inside_a_sentence_leaves_the_paragraph_a_paragraph():
    inside = "今年以来,全县签约项目21个,文中图片为资料图,协议投资额28.72亿元。"
    doc = read("# 喀左经济开发区跻身全省十佳", inside, BODY2, "本版图片由县委宣传部提供")
    assert only(doc).paragraphs == [inside, BODY2]
    assert ("note", "本版图片由县委宣传部提供") in kinds(doc.extras)
