"""How well the reader reads real pages of each layout.

    python benchmarks/reader_pages.py [../shared/pages-dev]

Per layout: articles and titles found (against gold where there is gold),
furniture left in paragraphs, Han characters conserved (every Han character
of the page is somewhere in the document: title, heading, paragraph or extra),
and paragraphs left cut (no sentence end) or rejoined. The pages are the
publishers' text and stay in ../shared; nothing here is copied into the
repository. Seeds are read from seeds/ and checked against the reviewed
goldens in tests/golden/split.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

import regex

from briefs.document import Document
from briefs.read import lines as layout_rules
from briefs.read import read_path

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / ".." / "shared" / "pages-dev"
HAN = regex.compile(r"\p{Han}")
# Page furniture that must never be a paragraph: layout credits, photo lines, reporter credits, web furniture.
FURNITURE = regex.compile(
    r"^(?:版式设计|本版责编|责任编辑|责编|美编|图片编辑)\s*[:：]|^图为|摄$|摄[（(][^）)]*[)）]$|^[（(][^（）()]{0,24}(?:发|摄)[)）]$"
    r"|^(?:本报)?(?:记者|通讯员)\s*\p{Han}{2,4}(?:\s+\p{Han}{2,4})*$|^原标题[:：]|^【?(?:上一篇|下一篇)|^(?:推荐阅读|相关新闻|相关阅读)"
    r"|版权(?:声明|所有)|免责声明|^分享到|^返回.{0,8}首页|^(?:来源|发布时间|发布日期)[:：]"
)


def document_han(doc: Document) -> Counter:
    kept: Counter = Counter()
    for a in doc.articles:
        for text in [a.kicker, a.title, a.subtitle, *(s.heading for s in a.sections), *a.paragraphs, *(e.text for e in a.extras)]:
            kept.update(HAN.findall(text or ""))
    for e in doc.extras:
        kept.update(HAN.findall(e.text))
    return kept


def paragraph_stats(doc: Document) -> tuple[int, int, int]:
    """(paragraphs, furniture left in them, left without a sentence end)."""
    paragraphs = [p for a in doc.articles for p in a.paragraphs]
    furniture = sum(1 for p in paragraphs if FURNITURE.search(p) or layout_rules.is_caption(p) or layout_rules.is_byline(p))
    cut = sum(1 for p in paragraphs if not layout_rules.is_complete(p))
    return len(paragraphs), furniture, cut


def _strip(text: str | None) -> str:
    return layout_rules.strip_dash(" ".join((text or "").replace("\u3000", " ").replace("\xa0", " ").split()))


def epaper_row(folder: Path) -> dict:
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    row = Counter()
    started = time.perf_counter()
    for name, page in gold.items():
        if name.startswith("_"):
            continue
        raw = (folder / name).read_bytes()
        doc = read_path(folder / name)
        row["pages"] += 1
        row["layout ok"] += doc.layout == "epaper"
        found = [(_strip(a.kicker), _strip(a.title), _strip(a.subtitle)) for a in doc.articles]
        for article in page["articles"] if isinstance(page, dict) else page:
            expected = (_strip(article["kicker"]), _strip(article["title"]), _strip(article["subtitle"]))
            row["articles"] += 1
            row["titles"] += expected[1] in [f[1] for f in found]
            row["headline fields"] += expected in found
        paragraphs, furniture, cut = paragraph_stats(doc)
        row["paragraphs"] += paragraphs
        row["furniture"] += furniture
        row["cut"] += cut
        text = raw.decode("utf-8-sig", "replace")
        row["han lost"] += sum((Counter(HAN.findall(text)) - document_han(doc)).values())
    row["seconds"] = time.perf_counter() - started
    return dict(row)


def seeds_row() -> dict:
    row = Counter()
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        golden = json.loads((ROOT / "tests" / "golden" / "split" / f"{path.stem}.json").read_text(encoding="utf-8"))
        doc = read_path(path)
        row["pages"] += 1
        row["layout ok"] += doc.layout == "seeds"
        titles = [a["title"] for a in golden["articles"]]
        row["articles"] += len(titles)
        row["titles"] += sum(1 for a, t in zip(doc.articles, titles) if a.title == t) if len(doc.articles) == len(titles) else 0
        paragraphs, furniture, cut = paragraph_stats(doc)
        row["paragraphs"] += paragraphs
        row["furniture"] += furniture
        row["cut"] += cut
        row["han lost"] += sum((Counter(HAN.findall(path.read_text(encoding="utf-8"))) - document_han(doc)).values())
    return dict(row)


def html_row(folder: Path) -> dict:
    """Saved web pages (no gold text): headlines against the hand-labelled ones in reader_html.py (as digests),
    furniture left in paragraphs by this file's rule, and the body's Han characters kept."""
    sys.path.insert(0, str(Path(__file__).parent))
    from reader_html import html_rows

    row = Counter()
    started = time.perf_counter()
    for page in html_rows(folder):
        row["pages"] += 1
        row["layout ok"] += page["error"] is None
        row["articles"] += 1
        row["titles"] += page["match"] is True
        doc = read_path(folder / page["file"])
        paragraphs, furniture, cut = paragraph_stats(doc)
        row["paragraphs"] += paragraphs
        row["furniture"] += furniture
        row["cut"] += cut
        row["body han"] += page["han"]
    row["seconds"] = time.perf_counter() - started
    return dict(row)


def print_row(name: str, row: dict) -> None:
    titles = f"{row.get('titles', 0)}/{row.get('articles', 0)}"
    fields = f" (headline fields {row['headline fields']}/{row['articles']})" if "headline fields" in row else ""
    if "paragraphs equal" in row:
        fields += f" (paragraphs equal to the typeset ones {row['paragraphs equal']}/{row['typeset paragraphs']})"
    print(f"{name:<8} pages {row.get('pages', 0):>3}  layout ok {row.get('layout ok', 0):>3}  titles {titles}{fields}  "
          f"paragraphs {row.get('paragraphs', 0)}  furniture in paragraphs {row.get('furniture', 0)}  "
          f"left cut {row.get('cut', 0)}  "
          + (f"Han lost {row['han lost']}" if "han lost" in row else f"Han in body {row.get('body han', 0)}"))  # fmt: skip


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", type=Path, nargs="?", default=PAGES,
                        help="the pages-dev folder (epaper/, html/); default: ../shared/pages-dev")
    args = parser.parse_args(argv)
    print_row("seeds", seeds_row())
    if (args.pages / "epaper" / "gold.json").exists():
        print_row("epaper", epaper_row(args.pages / "epaper"))
    if (args.pages / "html").is_dir():
        print_row("html", html_row(args.pages / "html"))
    sys.path.insert(0, str(Path(__file__).parent))
    from reader_pdf import pdf_row

    row = pdf_row()  # the typeset test pages (tests/pdfkit.py); no real PDFs are in pages-dev
    print_row("pdf", row)
    print(f"pdf      {row['pages'] / row['seconds']:.1f} pages/s over {row['pages']} typeset pages")


if __name__ == "__main__":
    main()
