"""A sentence cut by an empty line comes back whole in every text layout (``read/cuts.py``).

Text copied from a PDF viewer breaks a paragraph where the page broke its
line, with an empty line between the halves. The rule by shape first, then
random pages of e-paper and web text cut at random points inside a sentence,
read as if they were uncut (the seeds' own property is in
test_reader_properties.py).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from readerkit import page

from briefs.read.cuts import continues, could_head, opens_mid_sentence
from briefs.read.epaper import parse_epaper
from briefs.read.lines import is_complete
from briefs.read.web.text import parse_web

IND = "\u3000\u3000"
TITLE = "青山县新建三座污水处理厂全部投入运行"
DATE_LINE = "2023-05-12 09:30 来源：青山日报"
BODY = "记者从青山县住建局获悉，今年新建的三座污水处理厂已全部投入运行，日处理能力达到六万吨。"
BODY2 = "据介绍，三座处理厂分别位于城东、城南和工业园区，总投资约四点五亿元。"


# --- the rule, by shape ------------------------------------------------------------------

@pytest.mark.parametrize(
    "before, after, goes_on",
    [
        ("今年新建的三座污水处理厂已全部投", "入运行，日处理能力达到六万吨。", True),
        ("日处理能力达到六万吨", "。城区污水收集率提高。", True),
        ("他说：“要把管网建", "好。”", True),
        ("总投资约", "4.5亿元，采用生物脱氮除磷工艺。", True),
        ("该厂采用了新的 MBR 工艺，出水达到 A", "class 标准。", True),
        ("在管网改造的同", "时，城区道路也完成了修缮", True),
        ("日处理能力达到六万吨。", "城区污水收集率提高。", False),
        ("产业链条再延伸", "乡村振兴看变化", False),
        ("（本报记者 赵强）", "村里办起了合作社", False),
        ("三座处理厂投入运行", "城东片区雨污分流工程开工？", False),
        ("大力推进污水治理", "聚焦重点，突出特色，力求实效", False),
        ("他说：“管网已经建成。 ”", "据介绍，三座处理厂分别位于城东和城南。", False),
        ("", "入运行。", False),
        ("今年新建的三座", "", False),
    ],
    ids=["rest of a sentence", "a stop", "a closing quote", "a digit", "lower case", "one-character clause",
         "a sentence ended", "a headline below", "a credit above", "a question headline", "a three-clause kicker",
         "a quote set apart", "empty above", "empty below"],
)
def test_a_line_goes_on_with_the_sentence_above_by_its_shape(before, after, goes_on):
    assert continues(before, after) is goes_on


@pytest.mark.parametrize(
    "text, can",
    [
        ("村里办起了合作社", True),
        ("污水处理厂为何迟迟不能投运？", True),
        ("污水管网改造难在哪？（民生观察）", True),
        ("聚焦县域污水治理之三——", True),
        ("入运行，日处理能力达到六万吨。", False),
        ("好。”", False),
        ("城东，城南，工业园区，三座处理厂全部建成", False),
        ("今年以来，", False),
        ("", False),
    ],
    ids=["title", "question", "closing note", "kicker's dash", "sentence", "unbalanced", "four clauses", "left open", "empty"],
)
def test_what_could_stand_as_a_headline(text, can):
    assert could_head(text) is can


@pytest.mark.parametrize("text", ["，日处理能力达到六万吨。", "」他说。", "phone 手机", "时，会获得奖励"])
def test_a_line_that_opens_mid_sentence_is_never_a_heading_over_it(text):
    assert opens_mid_sentence(text)


def test_a_paragraph_may_open_with_a_digit_or_a_word_after_a_heading():
    assert not opens_mid_sentence("2019年以来，全县新建污水处理厂三座。")
    assert not opens_mid_sentence("据介绍，三座处理厂分别位于城东。")


# --- random pages, random cuts -------------------------------------------------------------

POOL = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三"


def words(draw, low: int, high: int) -> str:
    return draw(st.text(alphabet=POOL, min_size=low, max_size=high))


def paragraph(draw) -> str:
    """Sentences of clauses, a figure in each, every one ended with 。."""
    sentences = []
    for _ in range(draw(st.integers(1, 3))):
        clauses = [words(draw, 3, 14) for _ in range(draw(st.integers(2, 4)))]
        sentences.append("，".join(clauses) + str(draw(st.integers(0, 9999))) + "。")
    return "".join(sentences)


def mid_sentence(draw, text: str, after_clauses: int = 0) -> int:
    """A point inside a sentence of ``text`` (what comes before it ends none), past its first
    ``after_clauses`` commas."""
    start = [i for i, c in enumerate(text) if c == "，"][after_clauses - 1] + 1 if after_clauses else 1
    points = [i for i in range(start, len(text)) if not is_complete(text[:i])]
    return draw(st.sampled_from(points))


def outline(doc) -> list[tuple]:
    return [(a.kicker, a.title, a.subtitle, a.paragraphs) for a in doc.articles]


@st.composite
def epaper_pages(draw) -> tuple[str, str]:
    """(uncut, cut) e-paper text: headline fields set flush, paragraphs indented; some paragraphs cut,
    the head keeping the indent and the rest set flush below an empty line, as a copy leaves them."""
    end = draw(st.sampled_from(["\r\n", "\n"]))
    uncut, cut = [], []
    for _ in range(draw(st.integers(1, 3))):
        kicker = words(draw, 4, 12) if draw(st.booleans()) else ""
        subtitle = "——" + words(draw, 6, 16) if draw(st.booleans()) else ""
        head = [kicker, words(draw, 4, 16), subtitle]
        uncut += head
        cut += head
        for _ in range(draw(st.integers(1, 4))):
            text = paragraph(draw)
            uncut.append(IND + text)
            if draw(st.booleans()):
                at = mid_sentence(draw, text)
                cut += [IND + text[:at], "", text[at:]]
            else:
                cut.append(IND + text)
        uncut.append("")
        cut.append("")
    return end.join(uncut), end.join(cut)


@settings(deadline=None)
@given(epaper_pages())
def test_epaper_paragraphs_cut_anywhere_in_a_sentence_come_back_whole(pages):
    uncut, cut = pages
    assert outline(parse_epaper(cut, "cut.txt")) == outline(parse_epaper(uncut, "page.txt"))


@st.composite
def web_pages(draw, spaced: bool) -> tuple[str, str]:
    """(uncut, cut) web text: headline, date line, paragraphs, a bare heading, furniture. On a page
    that sets its blocks apart with empty lines, a cut in a paragraph's first clause has a heading's
    shape (ambiguous by shape, as in the seeds' property), so cuts fall past its second comma there."""
    uncut, cut = [TITLE, DATE_LINE], [TITLE, DATE_LINE]
    for number in range(draw(st.integers(2, 4))):
        if number and draw(st.booleans()):
            heading = words(draw, 5, 12)
            uncut.append(heading)
            cut.append(heading)
        text = paragraph(draw)
        uncut.append(text)
        if draw(st.booleans()) and (not spaced or text.count("，") >= 2):
            at = mid_sentence(draw, text, 2 if spaced else 0)
            cut += [text[:at], text[at:]] if spaced else [text[:at], "", text[at:]]
        else:
            cut.append(text)
    uncut.append("责任编辑：王芳")
    cut.append("责任编辑：王芳")
    join = "\n\n" if spaced else "\n"
    return join.join(uncut), join.join(cut)


@settings(deadline=None)
@given(web_pages(spaced=True))
def test_web_paragraphs_cut_in_a_sentence_come_back_whole(pages):
    uncut, cut = pages
    assert outline(parse_web(cut, "cut.txt")) == outline(parse_web(uncut, "page.txt"))


@settings(deadline=None)
@given(web_pages(spaced=False))
def test_on_a_page_set_without_empty_lines_an_empty_line_inside_a_sentence_is_a_cut(pages):
    uncut, cut = pages
    assert outline(parse_web(cut, "cut.txt")) == outline(parse_web(uncut, "page.txt"))


def test_a_heading_over_its_text_stays_a_heading():
    doc = parse_web(page(TITLE, DATE_LINE, BODY, "管网建设同步推进", BODY2), "page.txt")
    assert [(s.heading, s.paragraphs) for s in doc.articles[0].sections] == [(None, (BODY,)), ("管网建设同步推进", (BODY2,))]


def test_a_flush_headline_after_an_indented_paragraph_left_open_is_the_next_article():
    text = f"标题一\n{IND}正文第一段，说明了事情的经过\n\n乡村振兴看变化\n{IND}正文第二段，交代了结果。\n"
    assert [a.title for a in parse_epaper(text, "p.txt").articles] == ["标题一", "乡村振兴看变化"]
