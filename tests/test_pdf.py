"""Reading newspaper PDFs: pages set in columns come back as the articles that were set.

The pages are typeset here (tests/pdfkit.py, stories in tests/pdfpages.py),
once per session: headlines larger than the body, kickers and subtitles
between, first lines indented two characters, articles running on from the
foot of one column to the head of the next and onto the next page, photo
captions in a smaller size, a header and folio over a rule at the top.
Below them: how characters become lines, how a paragraph runs on across a
column break, and the one-line errors for files that cannot be read.
"""

from __future__ import annotations

import io
import subprocess
import sys
from collections import Counter

import pytest
import regex
from pdfkit import Edition, scanned_page, typeset
from pdfpages import EDITIONS, READING_ORDER
from readerkit import document_text
from reportlab.pdfgen import canvas

from briefs.document import Document
from briefs.errors import InputError
from briefs.read.pdf import read_pages, read_pdf
from briefs.read.pdf.article import join
from briefs.read.pdf.lines import page_lines, unmapped_share
from briefs.read.pdf.page import PageText

HAN = regex.compile(r"\p{Han}")
NAMES = list(EDITIONS)


@pytest.fixture(scope="session")
def read(pdfs) -> dict[str, Document]:
    return {name: read_pdf(data, f"{name}.pdf") for name, data in pdfs.items()}


def story_of(doc: Document, title: str):
    found = [a for a in doc.articles if a.title == title]
    assert len(found) == 1, [a.title for a in doc.articles]
    return found[0]


def squeeze(text: str) -> str:
    return "".join(text.split())


# --- articles, headlines, paragraphs ------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_every_headline_comes_back_with_kicker_and_subtitle(name, read):
    edition: Edition = EDITIONS[name]
    found = {a.title: (a.kicker, a.title, a.subtitle) for a in read[name].articles}
    assert found == {s.title: (s.kicker, s.title, s.subtitle) for s in edition.stories}


@pytest.mark.parametrize("name", NAMES)
def test_articles_come_in_reading_order_column_by_column(name, read):
    expected = READING_ORDER.get(name) or tuple(s.title for s in EDITIONS[name].stories)
    assert tuple(a.title for a in read[name].articles) == expected


@pytest.mark.parametrize("name", NAMES)
def test_every_paragraph_comes_back_whole(name, read):
    """Across column breaks, page breaks, photos and captions set inside the text."""
    for story in EDITIONS[name].stories:
        assert story_of(read[name], story.title).paragraphs == story.paragraphs, story.title


@pytest.mark.parametrize("name", NAMES)
def test_section_headings_larger_or_bold_open_sections(name, read):
    for story in EDITIONS[name].stories:
        article = story_of(read[name], story.title)
        assert [s.heading for s in article.sections if s.heading] == story.headings


@pytest.mark.parametrize("name", NAMES)
def test_captions_and_bylines_are_extras_of_their_article(name, read):
    for story in EDITIONS[name].stories:
        article = story_of(read[name], story.title)
        assert [squeeze(e.text) for e in article.extras if e.kind == "caption"] == [squeeze(c) for c in story.captions]
        assert [e.text for e in article.extras if e.kind == "byline"] == ([story.byline] if story.byline else [])


@pytest.mark.parametrize("name", NAMES)
def test_header_and_folio_are_page_extras(name, read):
    edition = EDITIONS[name]
    doc = read[name]
    expected = [text for page in range(len(edition.pages)) for text in edition.header(page)]
    assert sorted(e.text for e in doc.extras) == sorted(expected)
    kinds = {e.text: e.kind for e in doc.extras}
    assert kinds[edition.date] == kinds[f"第{edition.first_page}版"] == "meta"
    assert kinds[edition.paper] == "banner"
    paragraphs = [p for a in doc.articles for p in a.paragraphs]
    assert not [p for p in paragraphs if edition.paper in p or edition.date in p]


@pytest.mark.parametrize("name", NAMES)
def test_every_han_character_is_kept(name, read):
    set_text = "".join(EDITIONS[name].texts())
    assert Counter(HAN.findall(document_text(read[name]))) == Counter(HAN.findall(set_text))


def test_the_document_says_how_it_was_read(read):
    doc = read["one column"]
    assert (doc.source, doc.layout) == ("one column.pdf", "pdf")
    assert "2 pages" in doc.layout_reason


@pytest.mark.parametrize("degrees", [90, 270])
def test_a_page_set_sideways_reads_as_if_upright(degrees):
    edition = EDITIONS["two columns"]
    doc = read_pdf(typeset(edition, rotate=degrees), "turned.pdf")
    assert [a.paragraphs for a in doc.articles] == [s.paragraphs for s in edition.stories]
    assert len(doc.extras) == 4 * len(edition.pages)


# --- lines -------------------------------------------------------------------------


def glyphs(text: str, x: float, top: float = 100.0, size: float = 10.0, step: float | None = None, font: str = "Song"):
    step = size if step is None else step
    return [
        {"text": ch, "x0": x + i * step, "x1": x + i * step + min(size, step), "top": top, "bottom": top + size, "size": size, "fontname": font}
        for i, ch in enumerate(text)
    ]


def test_two_columns_on_one_baseline_are_two_lines():
    lines = page_lines(glyphs("增长百分之六", 36) + glyphs("同比增长", 36 + 60 + 14), 10.0)
    assert [line.text for line in lines] == ["增长百分之六", "同比增长"]


def test_a_headline_beside_a_column_is_its_own_line():
    lines = page_lines(glyphs("今年以来", 36) + glyphs("县域经济", 90, top=90, size=20), 10.0)
    assert sorted(line.text for line in lines) == ["今年以来", "县域经济"]


def test_letter_spaced_heading_is_one_line():
    lines = page_lines(glyphs("要闻", 200, size=16, step=32), 10.0)
    assert [line.text for line in lines] == ["要闻"]


def test_fake_bold_reads_each_character_once_and_marks_the_line_bold():
    doubled = glyphs("投资结构", 50) + glyphs("投资结构", 50.3)
    (line,) = page_lines(doubled, 10.0)
    assert (line.text, line.bold) == ("投资结构", True)


def test_kangxi_radicals_read_as_ordinary_characters():
    (line,) = page_lines(glyphs("银⾏⾦融", 50), 10.0)
    assert line.text == "银行金融"


def test_a_column_rule_parts_columns_set_closer_than_a_gutter():
    lines = page_lines(glyphs("增长百分之六", 36) + glyphs("同比增长", 36 + 60 + 4), 10.0, rules=[(98.0, 50.0, 300.0)])
    assert [line.text for line in lines] == ["增长百分之六", "同比增长"]


def test_latin_words_set_apart_without_a_space_keep_one_and_spread_figures_none():
    words = glyphs("GDP", 36, step=6) + glyphs("growth", 36 + 18 + 3, step=6)
    assert [line.text for line in page_lines(words, 10.0)] == ["GDP growth"]
    spread = glyphs("增长126.8亿元", 36, step=12)  # a justified line spreads every character alike
    assert [line.text for line in page_lines(spread, 10.0)] == ["增长126.8亿元"]


def test_a_producer_spacing_every_character_is_read_without_the_spaces():
    spaced = glyphs("今 年 以 来 全 市", 36, step=6)
    byline = glyphs("本报记者 王立新", 36, top=200)
    assert [line.text for line in page_lines(spaced + byline, 10.0)] == ["今年以来全市", "本报记者 王立新"]


def test_latin_words_keep_their_space_han_characters_none():
    assert join("推出“Green", "Loan Plus”产品") == "推出“Green Loan Plus”产品"
    assert join("同比增长", "6.2%。") == "同比增长6.2%。"
    assert join("28.72亿", "元") == "28.72亿元"


# --- files that cannot be read ------------------------------------------------------


@pytest.mark.ocr  # a scan is read by OCR (tests/test_ocr.py): this one holds no text
def test_a_scan_without_text_says_so():
    with pytest.raises(InputError) as err:
        read_pdf(scanned_page(), "page.pdf")
    assert str(err.value) == "page.pdf: no text layer (scanned PDF), and OCR found no Chinese text on its pages"


def test_an_encrypted_pdf_says_decrypt_it_first():
    data = typeset(EDITIONS["one column"], encrypt="secret")
    with pytest.raises(InputError) as err:
        read_pdf(data, "locked.pdf")
    assert str(err.value) == "locked.pdf: encrypted PDF; decrypt it first"


@pytest.mark.parametrize(
    "data",
    [b"", b"%PDF-1.4\n%broken", b"\x00\x01\x02 not a pdf"],
    ids=["empty", "header only", "not a pdf"],
)
def test_a_broken_file_is_one_line_naming_it(data):
    with pytest.raises(InputError) as err:
        read_pdf(data, "bad.pdf")
    message = str(err.value)
    assert message.startswith("bad.pdf: not a readable PDF (") and "\n" not in message


def test_a_truncated_pdf_is_one_line(pdfs):
    data = pdfs["one column"]
    with pytest.raises(InputError) as err:
        read_pdf(data[: len(data) // 3], "cut.pdf")
    assert str(err.value).startswith("cut.pdf: ") and "\n" not in str(err.value)


def test_a_pdf_without_chinese_says_so():
    out = io.BytesIO()
    page = canvas.Canvas(out)
    page.drawString(72, 720, "Quarterly output rose 6.2 percent.")
    page.save()
    with pytest.raises(InputError) as err:
        read_pdf(out.getvalue(), "english.pdf")
    assert str(err.value) == "english.pdf: no Chinese text found"


def test_glyph_numbers_without_unicode_are_an_unreadable_text_layer():
    assert unmapped_share([{"text": "(cid:1234)"}, {"text": "(cid:77)"}, {"text": "增"}]) == pytest.approx(2 / 3)


def test_reading_text_never_loads_pdfplumber():
    code = "import sys, briefs.read.pdf, briefs.read; assert 'pdfplumber' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


# --- paragraphs across column breaks -------------------------------------------------


def column_page(*columns: list[str], title: str = "县域经济跑出加速度", more: list | None = None) -> PageText:
    """A page of 10-point columns ten characters wide under a 20-point title across them; a line
    starting with two full-width spaces is indented. ``more``: other characters set on the page."""
    chars = glyphs(title, 36, top=60, size=20) + (more or [])
    for i, rows in enumerate(columns):
        for j, row in enumerate(rows):
            indent = 20 if row.startswith("\u3000\u3000") else 0
            chars += glyphs(row.strip("\u3000"), 36 + i * 114 + indent, top=100 + j * 15)
    return PageText(0, (400.0, 600.0), tuple(page_lines(chars, 10.0)))


def test_a_sentence_ended_on_a_full_line_at_the_foot_of_a_column_goes_on():
    page = column_page(
        ["\u3000\u3000今年以来全市经", "济运行稳中向好，工业", "生产稳步回升，消费市", "场平稳增长同比增长。"],
        ["外贸进出口总额达到十", "二亿元。"],
    )
    (article,) = read_pages([page], "page.pdf").articles
    assert article.paragraphs == ["今年以来全市经济运行稳中向好，工业生产稳步回升，消费市场平稳增长同比增长。外贸进出口总额达到十二亿元。"]


def test_a_sentence_ended_short_of_the_edge_ends_its_paragraph():
    page = column_page(
        ["\u3000\u3000今年以来全市经", "济运行稳中向好，工业", "生产稳步回升。"],
        ["外贸进出口总额达到十", "二亿元。"],
    )
    (article,) = read_pages([page], "page.pdf").articles
    assert article.paragraphs == ["今年以来全市经济运行稳中向好，工业生产稳步回升。", "外贸进出口总额达到十二亿元。"]


def test_an_indented_line_at_the_head_of_a_column_starts_a_paragraph():
    page = column_page(
        ["\u3000\u3000今年以来全市经", "济运行稳中向好，工业", "生产稳步回升，消费市", "场平稳增长同比增长。"],
        ["\u3000\u3000外贸进出口总", "额达到十二亿元。"],
    )
    (article,) = read_pages([page], "page.pdf").articles
    assert article.paragraphs == ["今年以来全市经济运行稳中向好，工业生产稳步回升，消费市场平稳增长同比增长。", "外贸进出口总额达到十二亿元。"]


def test_a_pull_quote_set_large_is_not_a_headline():
    quote = glyphs("“项目建设是发展的引擎。”", 150, top=160, size=14)
    page = column_page(["\u3000\u3000今年以来全市经", "济运行稳中向好。"], more=quote)
    assert [a.title for a in read_pages([page], "page.pdf").articles] == ["县域经济跑出加速度"]


def test_a_jump_line_is_a_jump_extra_not_text():
    jump = glyphs("（下转第三版）", 66, top=130)
    page = column_page(["\u3000\u3000今年以来全市经", "济运行稳中向好。"], more=jump)
    (article,) = read_pages([page], "page.pdf").articles
    assert article.paragraphs == ["今年以来全市经济运行稳中向好。"]
    assert [(e.kind, e.text) for e in article.extras] == [("jump", "（下转第三版）")]
