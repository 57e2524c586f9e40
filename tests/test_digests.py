"""A digest page (``read/digests.py``): one article per 【outlet】headline item, in every text layout.

The pages are written for these tests in the shape of a news roundup: the
page's own headline, category labels, and items each led by the outlet in
square brackets and a headline, then a paragraph or two.
"""

from __future__ import annotations

import pytest
from readerkit import counted, document_text, page

from briefs.document import Stated
from briefs.read.digests import category_label, digest_item
from briefs.read.epaper import parse_epaper
from briefs.read.seeds import parse
from briefs.read.web.html import read_html
from briefs.read.web.text import parse_web

IND = "\u3000\u3000"
HEADLINE = "青山财经早餐：9月23日"
DATE_LINE = "2023-09-23 07:30 来源：青山财经"
# (label over the item or None, outlet, headline, paragraphs)
ITEMS = [
    ("收盘播报", "青山日报", "三地股市周五收涨，成交额回升",
     ["周五三地股市集体收涨，全天成交额较前一交易日增加一成。", "分析人士认为，市场情绪有所回暖。"]),
    (None, "江城晚报", "青山银行发布半年报：净利润同比增长一成", ["青山银行昨晚发布半年报，上半年实现净利润四十亿元。"]),
    ("国内资讯", "青山新闻网", "青山县三座污水处理厂投入运行", ["今年新建的三座污水处理厂已全部投入运行，日处理能力达到六万吨。"]),
]  # fmt: skip
# What each item's article must be: title, outlet, (section name, paragraphs).
EXPECTED = [
    ("三地股市周五收涨，成交额回升", "青山日报", [("收盘播报", tuple(ITEMS[0][3]))]),
    ("青山银行发布半年报：净利润同比增长一成", "江城晚报", [("收盘播报", tuple(ITEMS[1][3]))]),
    ("青山县三座污水处理厂投入运行", "青山新闻网", [("国内资讯", tuple(ITEMS[2][3]))]),
]


def digest_lines(indent: str = "") -> list[str]:
    lines = []
    for label, outlet, headline, paragraphs in ITEMS:
        lines += [label] if label else []
        lines += [f"【{outlet}】{headline}", *(indent + p for p in paragraphs)]
    return lines


def items(doc) -> list[tuple]:
    return [(a.title, a.metadata.publication.value, [(s.heading, s.paragraphs) for s in a.sections]) for a in doc.articles]


def web_digest() -> str:
    return page(f"# {HEADLINE}", DATE_LINE, *digest_lines(), "责任编辑：王芳")


# --- the shape ------------------------------------------------------------------------

@pytest.mark.parametrize(
    "line, item",
    [
        ("【21世纪经济报道】青山银行发布半年报", ("21世纪经济报道", "青山银行发布半年报")),
        ("【青山日报】 三地股市周五收涨，成交额回升", ("青山日报", "三地股市周五收涨，成交额回升")),
        ("【防汛演练】青山县昨日举行防汛应急演练。", None),
        ("【防汛】", None),
        ("【编辑：王芳】青山银行发布半年报", None),
        ("【新华社】北京9月23日电", None),
        ("青山银行发布半年报", None),
        ("", None),
    ],
    ids=["outlet and headline", "a space after the bracket", "a sentence after it", "a bracket alone", "a credit",
         "a dateline", "no bracket", "empty"],
)
def test_an_items_head_is_an_outlet_in_brackets_then_a_headline(line, item):
    assert digest_item(line) == item


@pytest.mark.parametrize(
    "line, label",
    [("收盘播报", True), ("国内资讯", True), ("周五三地股市集体收涨，成交额回升", False), ("【青山日报】", False), ("要", False)],
    ids=["label", "another", "a sentence", "a bracket", "one character"],
)
def test_a_category_label_is_a_short_name(line, label):
    assert category_label(line) is label


# --- web text and saved web pages ------------------------------------------------------------

def test_a_web_digest_is_one_article_per_item_titled_by_its_headline_its_outlet_the_publication():
    doc = parse_web(web_digest(), "digest.txt")
    assert items(doc) == EXPECTED
    assert doc.articles[0].metadata.publication == Stated("青山日报", "digest item")


def test_category_labels_name_the_sections_of_their_items_and_are_never_paragraphs():
    doc = parse_web(web_digest(), "digest.txt")
    paragraphs = [p for a in doc.articles for p in a.paragraphs]
    assert not {"收盘播报", "国内资讯"} & {p for p in paragraphs}
    assert not any(p.startswith("【") for p in paragraphs)


def test_the_digests_own_headline_is_the_pages_banner_and_its_date_line_the_pages_metadata():
    doc = parse_web(web_digest(), "digest.txt")
    assert ("banner", HEADLINE) in [(e.kind, e.text) for e in doc.extras]
    assert doc.metadata.date == Stated("2023-09-23", "date line")


def test_nothing_of_a_digest_page_is_lost_the_outlets_kept_as_printed():
    text = web_digest()
    doc = parse_web(text, "digest.txt")
    assert [[(e.kind, e.text) for e in a.extras if e.kind == "meta"] for a in doc.articles] == [
        [("meta", f"【{outlet}】")] for _, outlet, _, _ in ITEMS
    ]
    assert not counted(text) - counted(document_text(doc))


def test_a_digest_without_a_headline_of_its_own_starts_with_its_first_item():
    doc = parse_web(page(*digest_lines()), "digest.txt")
    assert [a.title for a in doc.articles] == [title for title, _, _ in EXPECTED]


def test_one_bracketed_line_is_a_heading_not_a_digest():
    doc = parse_web(page(f"# {HEADLINE}", "【青山日报】三地股市周五收涨，成交额回升", *ITEMS[0][3]), "page.txt")
    assert [a.title for a in doc.articles] == [HEADLINE]
    assert doc.articles[0].paragraphs == ["三地股市周五收涨，成交额回升", *ITEMS[0][3]]


def test_an_article_with_its_lead_above_bracketed_subheadings_stays_one_article():
    lead = ["青山县今年新建的三座污水处理厂已全部投入运行，日处理能力达到六万吨。", "三座处理厂总投资约四点五亿元，采用生物脱氮除磷工艺。"]
    doc = parse_web(page(f"# {HEADLINE}", *lead, *digest_lines()), "page.txt")
    assert [a.title for a in doc.articles] == [HEADLINE]


def test_a_saved_digest_page_gives_one_article_per_item():
    blocks = "".join(
        (f"<p><strong>{label}</strong></p>" if label else "")
        + f"<p><strong>【{outlet}】{headline}</strong></p>" + "".join(f"<p>{p}</p>" for p in paragraphs)
        for label, outlet, headline, paragraphs in ITEMS
    )
    html = f"""<html><head><meta charset="utf-8"><title>{HEADLINE}_青山网</title></head><body>
<div class="nav"><a href="/">首页</a> &gt; <a href="/c">财经</a></div>
<div class="article"><h1>{HEADLINE}</h1><div class="info">{DATE_LINE}</div>
<div class="content">{blocks}<p>责任编辑：王芳</p></div></div>
<div class="footer">版权所有 © 青山网</div></body></html>"""
    assert items(read_html(html.encode("utf-8"), "digest.html")) == EXPECTED


# --- the printed layouts ---------------------------------------------------------------------

def test_a_digest_in_a_pages_text_is_one_article_per_item():
    doc = parse(page(HEADLINE, *digest_lines()), "digest.txt")
    assert items(doc) == EXPECTED
    assert [(e.kind, e.text) for e in doc.extras] == [("banner", HEADLINE)]


def test_a_digest_in_epaper_text_is_one_article_per_item():
    text = "\n".join(["", HEADLINE, "", *digest_lines(IND), ""])
    doc = parse_epaper(text, "digest.txt")
    assert items(doc) == EXPECTED
    assert [(e.kind, e.text) for e in doc.extras] == [("banner", HEADLINE)]
