"""Page images and scans read through OCR, by the PDF reader's own layout rules.

The pages are the typeset test stories (tests/ocrpages.py) rendered at 200
dpi: as PNG, JPEG and TIFF files, and as a PDF of images only. Each must read
as its text-layer PDF does: the same articles, with the same titles, kickers
and subtitles, and paragraphs whose characters match the typeset text to
within ``ACCURACY``. OCR takes seconds a page, so one small page is read in
the default suite and the rest are marked ``ocr`` (``make test`` runs them;
``-m "not ocr"`` skips them); each image is read once per session.
"""

from __future__ import annotations

import io
import subprocess
import sys
from difflib import SequenceMatcher

import ocrpages
import pytest
from pdfkit import Edition
from pdfpages import GREEN, TRADE

from briefs.brief import EngineInfo
from briefs.document import OcrReading
from briefs.engines.extractive import ExtractiveSummarizer
from briefs.glossary.terms import Glossary
from briefs.pipeline.article import Options, Tools, brief_article
from briefs.read import read_bytes, reader_for
from briefs.read.ocr import engine, ocr_context
from briefs.read.ocr.engine import Recognised
from briefs.read.ocr.lines import ScannedPage, page_texts
from briefs.read.pdf import read_pdf
from briefs.render.markdown import OCR_CHECK, brief_markdown, brief_sidecar

# Characters of the typeset paragraphs that OCR gives back, in order (difflib's matching blocks).
ACCURACY = 0.98


class Store:
    """The readings of one test session: each page image is read once, whichever test reads it."""

    def __init__(self):
        self.entries: dict[tuple[str, str], object] = {}
        self.puts = 0

    def get(self, identity, key):
        return self.entries.get((identity, key))

    def put(self, identity, key, value):
        self.puts += 1
        self.entries[(identity, key)] = value


@pytest.fixture(scope="session")
def store() -> Store:
    return Store()


@pytest.fixture(scope="session")
def small(store) -> tuple[bytes, bytes]:
    """The one-story page: its text-layer PDF and a PNG of it."""
    pdf = ocrpages.typeset(ocrpages.SMALL)
    return pdf, ocrpages.encoded(ocrpages.images(pdf)[0], "PNG")


@pytest.fixture(scope="session")
def pages() -> tuple[bytes, list]:
    """The two-page edition: its text-layer PDF and its pages as images."""
    pdf = ocrpages.typeset(ocrpages.PAGES)
    return pdf, ocrpages.images(pdf)


def read(data: bytes, name: str, store: Store):
    with ocr_context(store):
        return read_bytes(data, name)


def squeeze(text: str | None) -> str:
    return "".join((text or "").split())


def accuracy(expected: list[str], found: list[str]) -> float:
    want, got = squeeze("".join(expected)), squeeze("".join(found))
    return sum(block.size for block in SequenceMatcher(None, want, got, autojunk=False).get_matching_blocks()) / len(want)


def same_articles(doc, edition: Edition, text_layer) -> None:
    """The articles of the text-layer PDF, headlines whole, paragraphs within ACCURACY of the typeset ones."""
    heads = [(squeeze(a.kicker), squeeze(a.title), squeeze(a.subtitle)) for a in doc.articles]
    assert heads == [(squeeze(a.kicker), squeeze(a.title), squeeze(a.subtitle)) for a in text_layer.articles]
    for story in edition.stories:
        (article,) = [a for a in doc.articles if squeeze(a.title) == squeeze(story.title)]
        assert len(article.paragraphs) == len(story.paragraphs), story.title
        assert accuracy(story.paragraphs, article.paragraphs) >= ACCURACY, story.title
        assert [squeeze(s.heading) for s in article.sections if s.heading] == [squeeze(h) for h in story.headings]


# --- the default suite: one small page ------------------------------------------------------


def test_a_page_image_reads_as_its_pdf_does(small, store):
    pdf, png = small
    doc = read(png, "page.png", store)
    same_articles(doc, ocrpages.SMALL, read_pdf(pdf, "page.pdf"))
    assert sorted(squeeze(e.text) for e in doc.extras) == sorted(squeeze(t) for t in ocrpages.SMALL.header(0))
    assert (doc.layout, doc.ocr.pages, doc.ocr.dpi) == ("image", 1, 200)
    assert doc.ocr.engine.startswith(f"engine:rapidocr|version:{engine.version()}|")
    assert doc.ocr.confidence >= 0.95 and "read by OCR" in doc.layout_reason


def test_a_page_read_before_is_not_read_again(small, store, monkeypatch):
    _, png = small
    read(png, "page.png", store)
    puts = store.puts
    monkeypatch.setattr(engine, "recognise", lambda *args: pytest.fail("OCR ran again"))
    said = []
    with ocr_context(store, said.append):
        doc = read_bytes(png, "again.png")
    assert store.puts == puts and doc.articles[0].title == ocrpages.SMALL.stories[0].title
    assert said == [f"briefs: OCR again.png page 1: {len(doc_lines(store))} lines (from the cache)"]


def doc_lines(store: Store) -> list:
    (reading,) = [value for (identity, _), value in store.entries.items() if identity == engine.identity()][:1]
    return reading


# --- how OCR's lines meet the PDF reader's rules (no OCR run) ---------------------------------


def line(text: str, x: float, top: float, size: float = 20.0, gaps: dict[int, float] | None = None, score: float = 0.99) -> Recognised:
    """A line as OCR gives it, in pixels: each character an em wide, ``gaps`` after some of them."""
    chars, at = [], x
    for i, char in enumerate(text):
        width = size if not char.isascii() else size / 2
        chars.append((char, at, at + width * 0.8))  # OCR boxes a character's ink, not its advance
        at += width + (gaps or {}).get(i, 0.0)
    ink = size * engine.INK_PER_EM if any(not c.isascii() for c in text) else 0.0
    return Recognised(text, score, (x, top, at, top + size), tuple(chars), ink)


def lines_of(*found: Recognised, rules=()) -> list[str]:
    (page,) = page_texts([ScannedPage(0, found, 72.0, (600.0, 800.0), rules)])
    return [l.text for l in page.lines]


def test_two_columns_read_as_one_line_are_parted_at_the_gutter():
    merged = line("今年以来全市经济同比增长百分之六", 40, 100, gaps={7: 28.0})
    assert lines_of(merged, line("运行稳中向好工业生产稳步回升", 40, 130)) == ["今年以来全市经济", "同比增长百分之六", "运行稳中向好工业生产稳步回升"]


def test_a_column_rule_parts_columns_closer_than_a_gutter():
    merged = line("今年以来全市经济同比增长百分之六", 40, 100, gaps={7: 8.0})
    assert lines_of(merged, rules=((204.0, 80.0, 204.0, 300.0),)) == ["今年以来全市经济", "同比增长百分之六"]


def test_figures_and_commas_are_not_parted_by_what_ocr_boxed():
    assert lines_of(line("增长327.8亿元，同比多增54.6亿元", 40, 100)) == ["增长327.8亿元，同比多增54.6亿元"]


def test_an_em_dash_read_as_two_characters_one_is_a_dash():
    import numpy as np

    band = np.zeros((20, 120), dtype=bool)
    band[10, 0:19] = band[10, 20:39] = True  # two dashes, a pixel apart
    band[10, 50:66] = band[10, 70:86] = True  # 一一: four pixels apart, an em of 20
    spans = [("一", 0, 19), ("一", 20, 39), ("一", 50, 66), ("一", 70, 86)]
    assert "".join(c for c, _, _ in engine._dashes(spans, band, 20.0)) == "——一一"


def test_rules_are_found_and_pictures_and_text_are_not():
    from PIL import Image, ImageDraw

    image = Image.new("L", (600, 800), 255)
    draw = ImageDraw.Draw(image)
    draw.line((30, 60, 570, 60), fill=0, width=2)  # under the header
    draw.line((300, 100, 300, 700), fill=0, width=1)  # between columns
    draw.rectangle((40, 200, 250, 350), fill=120)  # a photo
    draw.line((100, 400, 100, 420), fill=0, width=2)  # a character's stroke
    from briefs.read.ocr.images import rules, strokes

    across, down = sorted(rules(strokes(image, 72.0), 72.0))
    assert across == pytest.approx((30, 60, 570, 60), abs=1.5) and down == pytest.approx((300, 100, 300, 700), abs=1.5)


def test_a_figure_from_a_doubtful_line_is_marked_to_check():
    reading = OcrReading("engine:rapidocr|version:1.4.4|models:PP-OCRv4-zh", 1, 200, 0.97, 0.9, ("新增327.8亿元，同比多增",))
    paragraph = "一季度新增327.8亿元，同比多增54.6亿元。"
    assert reading.in_doubt(paragraph, paragraph, 5, 12)  # 327.8亿元
    assert not reading.in_doubt(paragraph, paragraph, 18, 24)  # 54.6亿元 was read with confidence
    doc = read_pages_doc(paragraph, reading)
    tools = Tools(Echo(), ExtractiveSummarizer(), Glossary.default(), EngineInfo("engine:echo", "engine:extractive", "echo", "extractive"))
    brief = brief_article(doc, 0, tools, Options())
    assert brief.ocr_check == ("327.8亿元",) and brief.ocr_confidence == 0.97
    markdown = brief_markdown(brief)
    assert "| Read by OCR | rapidocr 1.4.4 (PP-OCRv4-zh), mean confidence 97.0%" in markdown
    assert OCR_CHECK in markdown and "check them on the page: 327.8亿元" in markdown
    assert brief_sidecar(brief, "now")["engines"]["ocr"]["version"] == "1.4.4"


class Echo:
    identity = "engine:echo"

    def translate(self, sentences):
        return list(sentences)


def read_pages_doc(paragraph: str, reading: OcrReading):
    from dataclasses import replace

    from briefs.document import Article, Document, Section

    article = Article(None, "绿色贷款余额突破千亿元", None, (Section(None, (paragraph,)),))
    return replace(Document("page.png", (article,)), ocr=reading)


def test_image_files_are_known_by_their_names():
    for name in ("page.png", "page.JPG", "page.jpeg", "page.tif", "page.TIFF", "page.webp"):
        assert reader_for(b"\x89PNG\r\n\x1a\n", name).target == "briefs.read.ocr:read_image"
    assert reader_for(b"\x89PNG\r\n\x1a\n", "junk.txt").target == "briefs.read.layouts:read_text"


def test_reading_text_and_pdfs_never_loads_the_ocr_engine(pdfs):
    code = (
        "import sys, briefs.read as r; r.read_bytes('本报讯 今年以来，全市经济运行稳中向好。'.encode(), 'a.txt');"
        "assert not {'rapidocr_onnxruntime', 'onnxruntime', 'cv2'} & set(sys.modules)"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_an_unreadable_image_is_one_line_naming_it():
    from briefs.errors import InputError

    with pytest.raises(InputError) as err:
        read_bytes(b"\x89PNG\r\n\x1a\nbroken", "page.png")
    assert str(err.value).startswith("page.png: not a readable image (") and "\n" not in str(err.value)


# --- every form of a page image, marked ocr ---------------------------------------------------


@pytest.mark.ocr
@pytest.mark.parametrize("form", ["PNG", "JPEG", "TIFF", "WEBP"])
def test_page_images_of_every_form_read_as_the_pdf_does(form, pages, store):
    pdf, images = pages
    text_layer = read_pdf(pdf, "pages.pdf")
    for number, image in enumerate(images):
        doc = read(ocrpages.encoded(image, form), f"page{number}.{form.lower()}", store)
        stories = [s for s in ocrpages.PAGES.stories if squeeze(s.title) in {squeeze(a.title) for a in doc.articles}]
        edition = Edition(ocrpages.PAGES.paper, ocrpages.PAGES.date, ocrpages.PAGES.pages, tuple(stories))
        titles = {squeeze(s.title) for s in stories}
        layer = type(text_layer)(text_layer.source, tuple(a for a in text_layer.articles if squeeze(a.title) in titles))
        assert stories, form
        same_articles(doc, edition, layer)


@pytest.mark.ocr
def test_a_pdf_of_images_only_reads_as_its_text_layer_does(pages, store):
    pdf, images = pages
    doc = read(ocrpages.image_pdf(images), "scan.pdf", store)
    same_articles(doc, ocrpages.PAGES, read_pdf(pdf, "pages.pdf"))
    assert doc.layout == "pdf" and doc.ocr.pages == 2 and "2 of its pages scans read by OCR" in doc.layout_reason
    assert [e.kind for e in doc.extras].count("meta") == 4  # each page's date and 版次


@pytest.mark.ocr
def test_a_pdf_mixing_text_and_scanned_pages_reads_both(pages, store):
    import pypdfium2 as pdfium

    pdf, images = pages
    mixed = pdfium.PdfDocument.new()
    mixed.import_pages(pdfium.PdfDocument(pdf), [0])  # page 1 with its text layer, page 2 scanned
    mixed.import_pages(pdfium.PdfDocument(ocrpages.image_pdf(images[1:])))
    out = io.BytesIO()
    mixed.save(out)
    doc = read(out.getvalue(), "mixed.pdf", store)
    same_articles(doc, ocrpages.PAGES, read_pdf(pdf, "pages.pdf"))
    assert doc.ocr.pages == 1


def test_the_stories_fit_the_test_font():
    assert set("".join(GREEN.paragraphs + TRADE.paragraphs)) <= ocrpages._covered()


# --- briefs run: the header says OCR, and a second run does no OCR ------------------------------


@pytest.mark.ocr
def test_a_run_briefs_a_page_image_and_a_second_run_and_split_read_it_from_the_cache(small, tmp_path, cache_with_dictionary):
    import json

    from typer.testing import CliRunner

    from briefs.cli import app

    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "page.png").write_bytes(small[1])
    (tmp_path / "briefs.toml").write_text('[translator]\nengine = "gloss"\n', encoding="utf-8")
    env = {"BRIEFS_CACHE_DIR": str(cache_with_dictionary(tmp_path / "cache"))}
    said = []
    for _ in range(2):
        args = ["run", str(pages), "--out", str(tmp_path / "out"), "--config", str(tmp_path / "briefs.toml")]
        result = CliRunner().invoke(app, args, env=env)
        assert result.exit_code == 0, result.stderr
        said += [line for line in result.stderr.splitlines() if line.startswith("briefs: OCR")]
    assert len(said) == 2 and said[0].endswith(" s)") and said[1].endswith("(from the cache)")
    shown = CliRunner().invoke(app, ["split", str(pages)], env=env)  # split reads through the same cache
    assert shown.exit_code == 0 and [line for line in shown.stderr.splitlines() if line.startswith("briefs: OCR")] == [said[1]]
    (brief,) = (tmp_path / "out").glob("page-*.md")
    assert "| Read by OCR | rapidocr 1.4.4 (PP-OCRv4-zh), mean confidence" in brief.read_text(encoding="utf-8")
    sidecar = json.loads(brief.with_suffix(".json").read_text(encoding="utf-8"))
    assert sidecar["engines"]["ocr"]["engine"] == "rapidocr" and sidecar["engines"]["ocr"]["version"] == engine.version()
