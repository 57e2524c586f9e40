"""The web-text reader's rules: a news web page's text is one article; the site's furniture is kept as extras.

Every page here is made up for the test, in the shapes news sites use.
"""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from readerkit import document_text, page

from briefs.document import Article, Document, Metadata, Stated
from briefs.read.furniture import classify, is_furniture, page_meta
from briefs.read.web.text import parse_web, web_reason
from briefs.text.marks import HAN

TITLE = "青山县新建三座污水处理厂全部投入运行"
DATE_LINE = "2023-05-12 09:30 来源：青山日报 作者：李明"
BODY = "本报讯 记者从青山县住建局获悉，今年新建的三座污水处理厂已全部投入运行，日处理能力达到六万吨。"
BODY2 = "据介绍，三座处理厂分别位于城东、城南和工业园区，总投资约四点五亿元。"
BODY3 = "下一步，该县将继续推进污水管网建设，力争年底前实现城区全覆盖。"

# Furniture lines as sites print them, each with what it is.
FURNITURE = {
    "crumbs": "首页 > 新闻中心 > 县域新闻",
    "position": "您的位置：首页 > 新闻",
    "share": "分享到：微信 | 微博 | QQ空间",
    "original title": "原标题：三座污水处理厂投运",
    "editor": "责任编辑：王芳",
    "bracketed editor": "【编辑：王芳】",
    "previous": "【上一篇】青山县启动夏季防汛演练",
    "next": "下一篇：青山县举办首届茶文化节",
    "copyright": "版权所有 © 青山新闻网",
    "disclaimer": "【免责声明】本文仅代表作者本人观点，与本网无关。",
    "reprint": "未经授权，禁止转载。",
    "home": "返回青山新闻网首页>>",
    "login": "登录 | 注册 | 找回密码",
    "comments": "我要评论",
    "print": "【打印本页】【关闭窗口】",
    "contact": "联系电话：0000-1234567",
}


def read(*blocks: str) -> Document:
    return parse_web(page(*blocks), "page.txt")


def article(doc: Document) -> Article:
    assert len(doc.articles) == 1
    return doc.articles[0]


def extra_texts(doc: Document) -> list[str]:
    return [e.text for e in doc.extras] + [e.text for a in doc.articles for e in a.extras]


def a_web_page(*furniture: str) -> Document:
    return read("青山新闻网", FURNITURE["crumbs"], TITLE, DATE_LINE, FURNITURE["share"], BODY, BODY2, *furniture)


# --- which pages are web pages ---------------------------------------------------

def test_a_page_with_site_furniture_is_web_text():
    text = page(TITLE, DATE_LINE, BODY, FURNITURE["editor"])
    assert web_reason(text) == "date/source line and 责任编辑"


def test_the_reason_names_the_first_two_kinds_of_furniture():
    text = page(FURNITURE["crumbs"], TITLE, DATE_LINE, FURNITURE["share"], BODY, FURNITURE["editor"])
    assert web_reason(text) == "navigation and date/source line (and 2 more kinds of site furniture)"


@pytest.mark.parametrize(
    "blocks",
    [
        ("# 喀左经济开发区跻身全省十佳", BODY, BODY2, "本版稿件由本报记者张三采写"),
        ("- 发布日期:2023-12-6 10:20:32", "- 消息来源:辽宁日报", BODY, "记者:崔毅"),
        ("",),
    ],
    ids=["newspaper page", "only a date and source", "empty"],
)
def test_a_page_without_two_kinds_of_furniture_is_not(blocks):
    assert web_reason(page(*blocks)) is None


# --- the headline ------------------------------------------------------------------

def test_the_headline_is_the_line_above_the_date_and_source_line():
    assert article(a_web_page()).title == TITLE


def test_a_markdown_headline_is_the_headline():
    assert article(read("青山新闻网", f"# {TITLE}", BODY)).title == TITLE


def test_without_a_date_line_the_first_long_headline_shaped_line_is_the_headline():
    assert article(read("青山新闻网", TITLE, BODY, BODY2)).title == TITLE


def test_an_author_line_between_headline_and_date_is_not_the_headline():
    assert article(read(TITLE, "青山观察", DATE_LINE, BODY)).title == TITLE


def test_a_dash_subtitle_under_the_headline():
    doc = read(TITLE, "——青山县推进城乡污水治理纪实", DATE_LINE, BODY)
    assert article(doc).subtitle == "青山县推进城乡污水治理纪实"


# --- furniture is never a paragraph --------------------------------------------------

@pytest.mark.parametrize("line", FURNITURE.values(), ids=FURNITURE.keys())
def test_each_furniture_line_is_an_extra_and_no_paragraph(line):
    doc = a_web_page(line, BODY3)
    assert line not in article(doc).paragraphs
    assert any(line in text for text in extra_texts(doc))
    assert is_furniture(line)


def test_the_body_is_kept_whole_and_in_order():
    doc = a_web_page(FURNITURE["original title"], BODY3, FURNITURE["editor"], FURNITURE["copyright"])
    assert article(doc).paragraphs == [BODY, BODY2, BODY3]


def test_metadata_of_the_date_line_becomes_the_pages_metadata():
    stated = a_web_page().metadata
    assert (stated.date, stated.publication, stated.author) == (
        Stated("2023-05-12", "date line"), Stated("青山日报", "date line"), Stated("李明", "date line"))


@pytest.mark.parametrize(
    "line, meta",
    [
        ("2019-09-23 14:05 来源：当代商报", {"date": "2019-09-23", "publication": "当代商报"}),
        ("发布时间：2019年9月3日 来源：新华社", {"date": "2019-09-03", "publication": "新华社"}),
        ("2019-09-26 12:11来源：证券时报网作者：李在山", {"date": "2019-09-26", "publication": "证券时报网", "author": "李在山"}),
        ("发布日期：2019/03/06 责任编辑：龙慧", {"date": "2019-03-06"}),
        ("发布日期：2019-02-31 来源：青山日报", {"publication": "青山日报"}),  # no such day: no date
        ("来源：青山日报", {"publication": "青山日报"}),
        ("", {}),
    ],
    ids=["date and source", "Chinese date", "run together", "slashes and editor", "no such day", "source only", "empty"],
)
def test_date_and_source_lines(line, meta):
    assert page_meta(line) == Metadata(**{name: Stated(value, "date line") for name, value in meta.items()})
    if line:
        assert classify(line).role == "meta"


@pytest.mark.parametrize("heading", ["相关新闻", "推荐阅读", "相关阅读", "热门推荐", "【延伸阅读】", "猜你喜欢"])
def test_a_related_list_is_notes_and_the_body_goes_on_after_it(heading):
    related = ["青山县污水管网改造完成过半", "城东片区雨污分流工程开工？", "青山县获评省级生态文明示范县"]
    doc = a_web_page(heading, *related, BODY3)
    assert article(doc).paragraphs == [BODY, BODY2, BODY3]
    assert all(line in extra_texts(doc) for line in [heading, *related])


def test_lines_of_markdown_links_are_notes():
    links = "[青山县污水管网改造完成过半](https://example.cn/a) | [城东片区雨污分流工程开工](https://example.cn/b)"
    doc = a_web_page(links, BODY3)
    assert article(doc).paragraphs == [BODY, BODY2, BODY3]
    assert links in extra_texts(doc)


def test_a_bulleted_menu_is_navigation():
    doc = read("- 新闻", "- 科技", "- 财经", "- 体育", TITLE, DATE_LINE, BODY)
    assert (article(doc).title, article(doc).paragraphs) == (TITLE, [BODY])
    assert {"新闻", "科技", "财经", "体育"} <= set(extra_texts(doc))


def test_a_list_of_headlines_without_a_heading_is_a_list_of_links():
    links = ["青山县污水管网改造完成过半", "城东片区雨污分流工程开工", "青山县获评省级生态文明示范县", "城南污水处理厂扩建工程通过验收"]
    doc = a_web_page(*links)
    assert article(doc).paragraphs == [BODY, BODY2]


def test_a_menu_of_single_words_is_navigation():
    doc = read("新闻", "体育", "财经", "图片", TITLE, DATE_LINE, BODY)
    assert article(doc).title == TITLE
    assert article(doc).paragraphs == [BODY]


def test_after_a_closing_line_the_rest_of_the_page_is_furniture():
    comment = "这个项目建得好，希望城北也早点建起来，我们都盼着呢。"
    doc = a_web_page(FURNITURE["editor"], "网友评论", comment)
    assert article(doc).paragraphs == [BODY, BODY2]
    assert comment in extra_texts(doc)


def test_a_closing_line_above_the_body_does_not_end_the_article():
    doc = read(TITLE, "2023-05-12 来源：青山日报 责任编辑：王芳", BODY, BODY2)
    assert article(doc).paragraphs == [BODY, BODY2]


def test_a_home_link_run_into_the_last_paragraph_is_cut_off():
    doc = a_web_page(BODY3 + "返回青山新闻网首页>>")
    assert article(doc).paragraphs[-1] == BODY3
    assert "返回青山新闻网首页>>" in extra_texts(doc)


# --- body lines are judged as on any text page -----------------------------------------

def test_a_short_line_over_running_text_is_a_section_heading():
    doc = read(TITLE, DATE_LINE, BODY, "管网建设同步推进", BODY2, "## 群众满意度明显提升", BODY3)
    assert [(s.heading, s.paragraphs) for s in article(doc).sections] == [
        (None, (BODY,)),
        ("管网建设同步推进", (BODY2,)),
        ("群众满意度明显提升", (BODY3,)),
    ]


def test_numbered_parts_are_section_headings():
    doc = read(TITLE, DATE_LINE, BODY, "1", BODY2, "2", BODY3)
    assert [s.heading for s in article(doc).sections] == [None, "1", "2"]


@pytest.mark.parametrize(
    "line, kind",
    [
        ("城东污水处理厂全景。 本报记者 赵刚 摄", "caption"),
        ("图为工作人员在巡检设备。", "caption"),
        ("工人在安装设备。 青山县住建局供图", "caption"),
        ("文/李明", "byline"),
        ("青山日报记者 李明 赵刚", "byline"),
        ("（实习生张华对此文亦有贡献）", "byline"),
    ],
    ids=["photo credit", "图为", "供图", "文/", "reporters", "bracketed credit"],
)
def test_captions_and_credits_are_article_extras(line, kind):
    doc = a_web_page(line, BODY3)
    assert (kind, line) in [(e.kind, e.text) for e in article(doc).extras]
    assert article(doc).paragraphs == [BODY, BODY2, BODY3]


def test_a_short_description_under_an_image_is_a_caption():
    doc = read(TITLE, DATE_LINE, BODY, "![](photo.jpg)", "城东污水处理厂一角。", BODY2)
    assert ("caption", "城东污水处理厂一角。") in [(e.kind, e.text) for e in article(doc).extras]


def test_a_sentence_set_over_several_lines_is_one_paragraph():
    doc = read(TITLE, DATE_LINE, "今年以来，", "青山县新建污水处理厂三座，", "日处理能力达到六万吨。")
    assert article(doc).paragraphs == ["今年以来，青山县新建污水处理厂三座，日处理能力达到六万吨。"]


# --- a digest page ---------------------------------------------------------------------

def test_a_digest_page_is_one_article_whose_sections_are_its_items():
    doc = read(
        "# 青山早报：5月12日要闻",
        "**三座污水处理厂投入运行**",
        BODY,
        "**茶文化节下周开幕**",
        "首届茶文化节将于下周在青山县城举行，为期三天。",
        "【防汛演练】青山县昨日举行夏季防汛应急演练，五百余人参加。",
    )
    assert article(doc).title == "青山早报：5月12日要闻"
    assert [s.heading for s in article(doc).sections] == ["三座污水处理厂投入运行", "茶文化节下周开幕", "防汛演练"]
    assert article(doc).sections[2].paragraphs == ("青山县昨日举行夏季防汛应急演练，五百余人参加。",)


def test_digest_items_under_bracketed_headings():
    doc = read("# 青山简讯", "【防汛】", "全县完成防汛演练。", "【文化】", "茶文化节下周开幕。")
    assert [(s.heading, s.paragraphs) for s in article(doc).sections] == [
        ("防汛", ("全县完成防汛演练。",)),
        ("文化", ("茶文化节下周开幕。",)),
    ]


def test_a_bold_sentence_is_body_text_not_a_heading():
    doc = read(TITLE, DATE_LINE, BODY, "**三座处理厂已全部投入运行。**", BODY2)
    assert article(doc).paragraphs == [BODY, "三座处理厂已全部投入运行。", BODY2]


# --- nothing is lost ----------------------------------------------------------------------

POOL = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三"
MARKS = "，。；：！？、“”（）【】《》|>-/ *#:：_0123456789\n\n\n"
LINES = list(FURNITURE.values()) + [TITLE, DATE_LINE, BODY, BODY2, "相关新闻", "![图](a.jpg)", "[链接](http://a)"]


def han(text: str) -> Counter:
    return Counter(HAN.findall(text))


@st.composite
def web_pages(draw) -> str:
    """Lines of random Han and marks mixed with furniture and body lines."""
    free = st.text(alphabet=POOL + MARKS, min_size=0, max_size=60)
    lines = draw(st.lists(st.one_of(free, st.sampled_from(LINES)), min_size=0, max_size=25))
    return "\n".join(lines)


@settings(deadline=None)
@given(web_pages())
def test_no_han_character_of_the_page_is_lost(text):
    assert not han(text) - han(document_text(parse_web(text, "random.txt")))
