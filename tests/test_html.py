"""The HTML reader: a saved news page's article, headline and metadata; its furniture never in the body.

Every page here is a small page made up for the test, in the shapes Chinese
news sites use: a <title> with the site's name, a navigation bar, a share bar,
related links, a copyright footer, and what sites set inside the article block.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from briefs.document import Article, Document, Stated
from briefs.errors import InputError
from briefs.read.web.headline import strip_site
from briefs.read.web.html import decode_page, read_html

TITLE = "青山县新建三座污水处理厂全部投入运行"
BODY = [
    "本报讯 记者从青山县住建局获悉，今年新建的三座污水处理厂已全部投入运行，日处理能力达到六万吨，城区污水收集率提高到百分之九十五。",
    "据介绍，三座处理厂分别位于城东、城南和工业园区，总投资约四点五亿元，采用生物脱氮除磷工艺，出水水质达到一级A标准。",
    "青山县住建局负责人表示，下一步将继续推进污水管网建设，力争年底前实现城区雨污分流全覆盖，让群众享受更好的生态环境。",
    "据了解，该县还将在三个重点镇建设小型污水处理设施，解决农村生活污水直排问题，预计明年上半年全部建成投用。",
]
NAV = ["首页", "新闻中心", "县域新闻", "图片新闻", "专题报道"]
SHARE = "分享到：微信 | 微博 | QQ空间"
RELATED = ["青山县污水管网改造完成过半", "城东片区雨污分流工程开工", "青山县获评省级生态文明示范县"]
COPYRIGHT = "版权所有 © 青山新闻网 未经授权禁止转载"
INSIDE = ["原标题：三座污水处理厂投运", "责任编辑：王芳", "【免责声明】本文仅代表作者本人观点，与本网无关。"]


def news_page(
    title: str = f"{TITLE}_青山新闻网",
    heading: str = f"<h1>{TITLE}</h1>",
    date: str = "2023-05-12 09:30 来源：青山日报",
    body: list[str] = BODY,
    charset: str = "utf-8",
) -> str:
    nav = "".join(f'<li><a href="/{i}">{word}</a></li>' for i, word in enumerate(NAV))
    related = "".join(f'<li><a href="/r{i}">{line}</a></li>' for i, line in enumerate(RELATED))
    paragraphs = "".join(f"<p>{p}</p>" for p in body)
    inside = "".join(f"<p>{line}</p>" for line in INSIDE)
    return f"""<!DOCTYPE html>
<html><head><meta charset="{charset}"><title>{title}</title></head>
<body>
<div class="header"><div class="logo">青山新闻网</div><ul class="nav">{nav}</ul></div>
<div class="crumbs">您的位置：首页 &gt; 新闻中心 &gt; 县域新闻</div>
<div class="article">
{heading}
<div class="info"><span>{date}</span></div>
<div class="share">{SHARE}</div>
<div class="content">{paragraphs}{inside}</div>
</div>
<div class="related"><h3>相关新闻</h3><ul>{related}</ul></div>
<div class="footer"><p>{COPYRIGHT}</p><p>地址：青山县人民路1号</p></div>
</body></html>"""


def read(html: str, encoding: str = "utf-8") -> Document:
    return read_html(html.encode(encoding), "page.html")


def only(doc: Document) -> Article:
    assert len(doc.articles) == 1
    return doc.articles[0]


def extras(doc: Document) -> list[str]:
    return [e.text for e in doc.extras] + [e.text for a in doc.articles for e in a.extras]


@pytest.fixture(scope="module")
def doc() -> Document:
    return read(news_page())


# --- the headline --------------------------------------------------------------------

def test_the_headline_is_the_heading_the_title_holds(doc):
    assert only(doc).title == TITLE


@pytest.mark.parametrize(
    "title, heading",
    [
        (f"{TITLE}_县域新闻_青山新闻网", f"<h1>{TITLE}</h1>"),
        (f"{TITLE} - 青山县人民政府门户网站", f"<h1>青山县人民政府网站</h1><h2>{TITLE}</h2>"),
        (f"{TITLE}--青山新闻网", f"<h2>原创{TITLE}</h2>"),
        ("新闻动态--青山地理学会官网", f"<h3>首页 - 新闻动态</h3><h5>{TITLE}</h5>"),
        (TITLE, f"<div><b>{TITLE}</b></div>"),
    ],
    ids=["site and section after it", "site name in h1", "a label before it", "title holds a section name", "no heading"],
)
def test_headline_found_never_a_site_name(title, heading):
    assert only(read(news_page(title=title, heading=heading))).title == TITLE


@pytest.mark.parametrize(
    "title, head, site",
    [
        ("标题文字很长的新闻_财经_青山网", "标题文字很长的新闻", "青山网"),
        ("标题文字很长的新闻-股票频道-青山网", "标题文字很长的新闻", "青山网"),
        ("外媒眼中的青山_首页_新闻中心_青山网_qs.cn", "外媒眼中的青山", "青山网"),
        ("1-10月青山县投资结构趋稳", "1-10月青山县投资结构趋稳", None),
        ("栏目|青山县的一则新闻标题", "栏目|青山县的一则新闻标题", None),
        ("", "", None),
    ],
    ids=["underscores", "hyphens", "domain last", "hyphen in the headline", "bar in the headline", "empty"],
)
def test_the_site_name_is_cut_from_the_title(title, head, site):
    assert strip_site(title) == (head, site)


# --- the body and the furniture --------------------------------------------------------

def test_the_body_is_kept_in_order(doc):
    assert only(doc).paragraphs == BODY


@pytest.mark.parametrize("line", [*NAV, SHARE, *RELATED, COPYRIGHT, "相关新闻", *INSIDE], ids=str)
def test_no_furniture_in_the_paragraphs(doc, line):
    assert not any(line in paragraph for paragraph in only(doc).paragraphs)


@pytest.mark.parametrize("line", INSIDE, ids=str)
def test_furniture_inside_the_article_block_is_kept_as_extras(doc, line):
    assert line in extras(doc)


def test_metadata_goes_to_the_pages_metadata(doc):
    assert doc.metadata.date.value == "2023-05-12"
    assert doc.metadata.publication == Stated("青山日报", "date line")  # the page's text before its tags
    assert doc.metadata.site == Stated("青山新闻网", "html")


def test_without_a_source_line_the_site_is_the_source():
    stated = read(news_page(date="2023-05-12 09:30")).metadata
    assert (stated.date.value, stated.publication) == ("2023-05-12", Stated("青山新闻网", "html"))


def test_a_photo_story_whose_text_stands_beside_its_headline():
    caption = "当全县绝大部分乡镇还在为污水处理发愁的时候，城东片区已经用上了新建的处理厂，每天处理污水两万吨。"
    links = "".join(f'<li><a href="/r{i}"><span>{i}图</span><span>{line}</span></a></li>' for i, line in enumerate(RELATED))
    html = f"""<html><head><meta charset="utf-8"><title>{TITLE}</title></head><body>
<div class="gallery"><div class="info"><h2><span>原创</span>{TITLE}</h2><div><a href="/u">青山观察</a> <span>关注</span></div>
<div class="abstract"><span><em>1</em>/10</span> {caption}</div></div></div>
<div class="related"><h3>相关推荐</h3><ul>{links}</ul></div></body></html>"""
    doc = read(html)
    assert (only(doc).title, only(doc).paragraphs) == (TITLE, [caption])
    assert all(line in extras(doc) for line in RELATED)


def test_the_author_the_page_declares_never_a_widget_label_or_the_site():
    head = '<meta name="author" content="李明"><meta property="article:author" content="青山新闻网">'
    html = news_page().replace("</title>", "</title>" + head).replace(SHARE, SHARE + '<span class="authorized">我已授权</span>')
    assert read(html).metadata.author == Stated("李明", "html")


# --- bytes -------------------------------------------------------------------------------

@pytest.mark.parametrize("charset", ["gbk", "gb2312", "GB18030"])
def test_a_gb_page_is_decoded_by_its_declared_charset(charset):
    html = news_page(charset=charset).replace("©", "")  # the GBK bytes of a GBK page
    assert decode_page(html.encode("gbk"), "page.html") == html
    assert only(read(html, "gbk")).paragraphs == BODY


def test_characters_beyond_gb2312_on_a_gb2312_page():
    html = news_page(charset="gb2312", body=[BODY[0].replace("青山县", "䶮山县"), *BODY[1:]])
    assert "䶮山县" in decode_page(html.encode("gb18030"), "page.html")


def test_a_utf8_page_that_still_declares_gb2312_is_read_as_utf8():
    html = news_page(charset="gb2312")
    assert decode_page(html.encode("utf-8"), "page.html") == html


def test_an_undeclared_gbk_page_is_guessed():
    html = news_page().replace('<meta charset="utf-8">', "")
    assert decode_page(html.encode("gb18030"), "page.html") == html


# --- pages with no article -------------------------------------------------------------------

@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty file"),
        (b"   \n", "empty file"),
        ("<html><head><title>青山新闻网</title></head><body><ul><li><a href='/'>首页</a></li></ul></body></html>".encode(),
         "no article text"),
        ("<html><body><p>登录 | 注册</p><p>版权所有 © 青山新闻网</p></body></html>".encode(), "no article text"),
        (b"<html><body><p>Only English text here, and a good deal of it.</p></body></html>", "no Chinese text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    ],
    ids=["empty", "blank", "navigation only", "furniture only", "not Chinese", "an image"],
)
def test_a_page_without_article_text_is_an_input_error(data, reason):
    with pytest.raises(InputError) as err:
        read_html(data, "page.html")
    assert reason in err.value.reason
    assert err.value.path == "page.html"


def test_the_text_readers_never_load_trafilatura():
    code = "import sys, briefs.read.web.text, briefs.read.web.html; assert 'trafilatura' not in sys.modules and 'lxml' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)
