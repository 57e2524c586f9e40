"""E-paper text: headline lines, then one paragraph per indented line.

The pages here are written for these tests in the shape e-paper crawlers save
(CRLF and LF mixed, U+3000 indents, U+00A0 in datelines, an empty line for a
kicker or subtitle the article has not got).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import regex

from briefs.read.epaper import epaper_reason, parse_epaper
from briefs.read.layouts import choose, parse_text

IND = "\u3000\u3000"
CRAWLED = (
    "\r\n"
    "县域经济跑出加速度\r\n"
    "——全县重点项目建设综述\r\n"
    f"{IND}本报长沙3月5日电\xa0\xa0（记者李明）今年以来，全县新开工项目42个，完成投资58.6亿元。\r\n"
    f"{IND}园区新增规模以上企业12家，带动就业3000余人。\r\n"
    f"{IND}\r\n"
    f"{IND}产业链条再延伸\r\n"
    f"{IND}围绕新材料产业，全县引进配套企业8家，产业集群初具规模。\r\n"
    f"{IND}版式设计：王芳\r\n"
    "\n"
    "乡村振兴看变化\r\n"
    "村里办起了合作社\r\n"
    "\r\n"
    f"{IND}新华社成都3月4日电\xa0记者张伟报道：春耕时节，合作社社员人均增收5000元。\r\n"
    f"{IND}图为村民在合作社分拣蔬菜。\r\n"
    "\n"
    "\r\n"
    "图片新闻\r\n"
    "\r\n"
    "\n"
    "\r\n"
    "春耕备耕有序推进\r\n"
    "\r\n"
    f"{IND}全省已储备化肥120万吨，种子供应充足。\r\n"
    "\n"
    f"{IND}农技人员深入田间，指导农户科学施肥。\r\n"
    f"{IND}（本报记者\xa0赵强）\r\n"
)
HAN = regex.compile(r"\p{Han}")


def headlines(doc):
    return [(a.kicker, a.title, a.subtitle) for a in doc.articles]


def test_the_three_lines_above_the_body_are_kicker_title_and_subtitle_an_empty_line_an_empty_field():
    doc = parse_epaper(CRAWLED, "page.txt")
    assert headlines(doc) == [
        (None, "县域经济跑出加速度", "全县重点项目建设综述"),
        ("乡村振兴看变化", "村里办起了合作社", None),
        (None, "图片新闻", None),
        (None, "春耕备耕有序推进", None),
    ]


def test_indented_lines_are_paragraphs_and_a_short_one_without_punctuation_a_section_heading():
    first = parse_epaper(CRAWLED, "page.txt").articles[0]
    assert [s.heading for s in first.sections] == [None, "产业链条再延伸"]
    assert first.paragraphs[0] == "本报长沙3月5日电 （记者李明）今年以来，全县新开工项目42个，完成投资58.6亿元。"
    assert first.paragraphs[-1].startswith("围绕新材料产业")


def test_layout_credits_photo_lines_and_reporter_credits_are_extras_never_paragraphs():
    doc = parse_epaper(CRAWLED, "page.txt")
    extras = {(e.kind, e.text) for a in doc.articles for e in a.extras}
    assert extras == {("note", "版式设计：王芳"), ("caption", "图为村民在合作社分拣蔬菜。"), ("byline", "（本报记者 赵强）")}
    paragraphs = [p for a in doc.articles for p in a.paragraphs]
    assert not any(text in p for p in paragraphs for _, text in extras)


def test_a_blank_line_inside_an_article_does_not_end_it():
    last = parse_epaper(CRAWLED, "page.txt").articles[-1]
    assert last.paragraphs == ["全省已储备化肥120万吨，种子供应充足。", "农技人员深入田间，指导农户科学施肥。"]


def test_a_picture_item_with_no_text_is_an_article_with_a_title_only():
    picture = parse_epaper(CRAWLED, "page.txt").articles[2]
    assert picture.title == "图片新闻" and picture.paragraphs == []


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("标题一行\n", (None, "标题一行", None)),
        ("标题一行\n——副题说明情况\n", (None, "标题一行", "副题说明情况")),
        ("引题在上\n主题在下\n\n", ("引题在上", "主题在下", None)),
        ("\n主题在上\n副题在下\n", (None, "主题在上", "副题在下")),
        ("引题\n主题\n副题\n", ("引题", "主题", "副题")),
        ("标题\n\n——空行隔开的副题\n", (None, "标题", "空行隔开的副题")),
    ],
    ids=["title", "dash-subtitle", "kicker-then-empty-subtitle", "empty-kicker-then-subtitle", "all-three", "subtitle-after-blank"],
)
def test_headline_fields_by_position_and_shape(head, expected):
    page = "\n" + head + f"{IND}正文第一段，说明了事情的经过。\n{IND}正文第二段，交代了结果。\n"
    assert headlines(parse_epaper(page, "p.txt")) == [expected]


def test_every_han_character_is_kept_somewhere():
    doc = parse_epaper(CRAWLED, "page.txt")
    kept = Counter()
    for a in doc.articles:
        for text in [a.kicker, a.title, a.subtitle, *(s.heading for s in a.sections), *a.paragraphs, *(e.text for e in a.extras)]:
            kept.update(HAN.findall(text or ""))
    kept.update(HAN.findall("".join(e.text for e in doc.extras)))
    assert kept == Counter(HAN.findall(CRAWLED))


def test_auto_layout_reads_indented_pages_as_epaper_and_says_why():
    layout, why = choose(CRAWLED)
    assert layout == "epaper" and "indented" in why
    assert parse_text(CRAWLED, "page.txt").layout == "epaper"


@pytest.mark.parametrize("seed", sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt")), ids=lambda p: p.name[:3])
def test_the_seed_pages_are_not_epaper(seed):
    assert epaper_reason(seed.read_text(encoding="utf-8")) is None


def test_a_page_of_running_text_with_few_indents_is_not_epaper():
    page = "标题\n\n" + "\n".join("这是一段没有缩进的正文，讲述了事情的经过。" for _ in range(5)) + f"\n{IND}一行缩进。\n"
    assert epaper_reason(page) is None


# --- conservation on random e-paper pages -------------------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from readerkit import counted, document_text  # noqa: E402
from test_reader_properties import POOL  # noqa: E402


@st.composite
def epaper_page(draw) -> str:
    """Articles as crawlers join them: headline fields (an empty line for an empty one), indented
    paragraphs, indent-only lines, credits and captions, CRLF or LF, blank lines between."""
    words = lambda low, high: draw(st.text(alphabet=POOL, min_size=low, max_size=high))  # noqa: E731
    articles = []
    for _ in range(draw(st.integers(1, 4))):
        kicker = words(4, 12) if draw(st.booleans()) else ""
        subtitle = "——" + words(6, 16) if draw(st.booleans()) else ""
        lines = [kicker, words(4, 16), subtitle]
        for _ in range(draw(st.integers(0, 5))):
            kind = draw(st.sampled_from(["text", "text", "text", "heading", "indent-only", "credit", "caption"]))
            lines.append(IND + {"text": words(12, 40) + "，" + words(4, 20) + "。", "heading": words(4, 10),
                                "indent-only": "", "credit": "（本报记者 " + words(2, 3) + "）",
                                "caption": "图为" + words(6, 20) + "。"}[kind])  # fmt: skip
        end = draw(st.sampled_from(["\r\n", "\n"]))
        articles.append(end.join(lines))
    return "\n\n".join(articles) + "\n"


@settings(deadline=None)
@given(epaper_page())
def test_no_han_letter_or_digit_is_lost_or_doubled_on_any_epaper_page(page):
    doc = parse_epaper(page, "page.txt")
    assert counted(document_text(doc)) == counted(page)
