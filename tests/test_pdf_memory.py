"""Reading a PDF one page at a time: the same lines and Document as all its pages read at once, each
page's pdfplumber objects released before the next page is read, and memory that does not grow with
the number of pages (benchmarks/reader_pdf.py measures the peak RSS of 10 and 100 pages)."""

from __future__ import annotations

import io
import math
import tracemalloc
from dataclasses import replace

import pdfplumber
import pytest
from pdfkit import A4, FONT, register_font, typeset
from pdfpages import EDITIONS, THREE_COLUMNS
from reportlab.pdfgen import canvas

import briefs.read.pdf as reader
from briefs.errors import InputError
from briefs.read.pdf import read_pages, read_pdf
from briefs.read.pdf.lines import common_size, page_lines
from briefs.read.pdf.page import PageText


def all_at_once(data: bytes) -> list[PageText]:
    """The pages as the reader read them before it went page by page: every page's characters held
    together, the body size counted over all of them, then each page's lines."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        content = [reader._content(page) for page in pdf.pages]
    size = common_size([c for _, chars in content for c in chars])
    return [replace(page, lines=tuple(page_lines(chars, size, reader._column_rules(page)))) for page, chars in content]


def large_then_body(body_lines: int) -> bytes:
    """A page of twenty 20-point lines in two columns 8 points apart (240 characters: one line a row when
    the body size is 20, two when it is 10), then a page of ``body_lines`` 10-point lines of 12 characters."""
    register_font()
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4, invariant=1)
    c.setFont(FONT, 20)
    for i in range(20):
        c.drawString(36, A4[1] - 60 - 30 * i, "全市经济增长")
        c.drawString(36 + 120 + 8, A4[1] - 60 - 30 * i, "同比增长百分")
    c.showPage()
    c.setFont(FONT, 10)
    for i in range(body_lines):
        c.drawString(36, A4[1] - 60 - 15 * i, "今年以来全市经济运行稳中")
    c.showPage()
    c.save()
    return out.getvalue()


def typeset_pages(pages: int) -> bytes:
    """The three-column edition's stories over and over: ``pages`` pages (an even number)."""
    return typeset(replace(THREE_COLUMNS, pages=(THREE_COLUMNS.pages[0],) * pages, stories=THREE_COLUMNS.stories * (pages // 2)))


@pytest.mark.parametrize("name", list(EDITIONS))
def test_page_by_page_gives_the_lines_and_document_of_all_pages_at_once(name, pdfs):
    pages = reader._pages(pdfs[name], f"{name}.pdf")
    assert pages == all_at_once(pdfs[name])
    assert read_pdf(pdfs[name], f"{name}.pdf") == read_pages(pages, f"{name}.pdf")


@pytest.mark.parametrize(
    "body_lines, first_rows",
    [
        (40, ["全市经济增长", "同比增长百分"]),  # 480 body characters: the large page is read again at 10 points
        (20, ["全市经济增长同比增长百分"] * 2),  # 240 and 240: the size met first (20), as all at once
    ],
    ids=["the large page read again", "equal counts"],
)
def test_a_page_whose_own_body_size_is_not_the_files_is_read_again_with_the_files(body_lines, first_rows):
    data = large_then_body(body_lines)
    pages = reader._pages(data, "mixed.pdf")
    assert pages == all_at_once(data)
    assert [line.text for line in pages[0].lines][:2] == first_rows  # found with the file's body size


def test_each_page_is_released_before_the_next_is_read_and_before_its_lines(monkeypatch):
    """pdfplumber keeps a page's layout and objects until the page is closed (its ``cached_properties``)."""
    held: list[list[int]] = []
    opened: list[pdfplumber.PDF] = []
    content, lines = reader._content, reader.page_lines

    def holding(pdf: pdfplumber.PDF) -> list[int]:
        return [p.page_number for p in pdf.pages if any(hasattr(p, name) for name in p.cached_properties)]

    def reading(page):
        opened.append(page.pdf)
        held.append(holding(page.pdf))  # no page before this one still holds its objects
        return content(page)

    def finding_lines(*args, **kwargs):
        held.append(holding(opened[-1]))  # nor this one, when its lines are found
        return lines(*args, **kwargs)

    monkeypatch.setattr(reader, "_content", reading)
    monkeypatch.setattr(reader, "page_lines", finding_lines)
    data = typeset_pages(6)
    reader._pages(data, "six pages.pdf")
    assert len(set(map(id, opened))) == 1 and len(held) >= 2 * 6
    assert held == [[]] * len(held)


@pytest.mark.parametrize("unmapped, readable", [(0.25, True), (0.35, False)])
def test_characters_without_unicode_are_counted_over_all_pages(monkeypatch, pdfs, unmapped, readable):
    """Past 30% of the file's characters read as glyph numbers, its text layer is unreadable."""
    content = reader._content

    def glyph_numbers(page):
        found, chars = content(page)
        cut = math.ceil(unmapped * len(chars))
        return found, [{**c, "text": "(cid:7)"} for c in chars[:cut]] + chars[cut:]

    monkeypatch.setattr(reader, "_content", glyph_numbers)
    if readable:
        assert len(reader._pages(pdfs["three columns"], "glyphs.pdf")) == 2
    else:
        with pytest.raises(InputError, match="^glyphs.pdf: its fonts map no characters to Unicode"):
            reader._pages(pdfs["three columns"], "glyphs.pdf")


def test_memory_does_not_grow_with_the_pages(pdfs):
    """Python's own allocations at their peak while reading 2 pages and 6 pages alike: all pages at
    once held 8 MB and 22 MB; page by page holds about 4 MB for either. The first PDF read in a
    process also loads pdfminer's character maps (about 11 MB): read one before measuring."""

    def peak(data: bytes) -> int:
        tracemalloc.start()
        try:
            reader._pages(data, "edition.pdf")
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    reader._pages(pdfs["one column"], "warm.pdf")
    two, six = peak(pdfs["three columns"]), peak(typeset_pages(6))
    assert six < 1.3 * two, (two, six)
