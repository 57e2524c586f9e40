"""How well and how fast the PDF reader reads newspaper pages typeset in columns.

    python benchmarks/reader_pdf.py

Typesets the test editions (tests/pdfkit.py, stories in tests/pdfpages.py:
pages of one, two, three and six columns), reads them back and prints, per
edition and in all: pages read per second, titles found / typeset (with
kicker and subtitle in their fields), paragraphs equal to the typeset ones /
typeset, furniture (header, caption, byline text) left in paragraphs,
paragraphs left cut (no sentence end) and Han characters lost.
``pdf_row()`` gives the totals as one row for benchmarks/reader_pages.py.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

import regex

from briefs.read.lines import is_complete

ROOT = Path(__file__).resolve().parent.parent
HAN = regex.compile(r"\p{Han}")


def _kit():
    sys.path.insert(0, str(ROOT / "tests"))
    import pdfkit
    import pdfpages

    return pdfkit, pdfpages


def _document_han(doc) -> Counter:
    texts = [e.text for e in doc.extras]
    for a in doc.articles:
        texts += [a.kicker or "", a.title or "", a.subtitle or "", *(s.heading or "" for s in a.sections), *a.paragraphs]
        texts += [e.text for e in a.extras]
    return Counter(HAN.findall("".join(texts)))


def edition_row(edition, data: bytes) -> dict:
    from briefs.read.pdf import read_pdf

    started = time.perf_counter()
    doc = read_pdf(data, "edition.pdf")
    row: Counter = Counter(seconds=time.perf_counter() - started, pages=len(edition.pages))
    row["layout ok"] = len(edition.pages) if doc.layout == "pdf" else 0
    found = {a.title: a for a in doc.articles}
    furniture = [edition.paper, edition.date] + [c for s in edition.stories for c in s.captions + ([s.byline] if s.byline else [])]
    for story in edition.stories:
        row["articles"] += 1
        article = found.get(story.title)
        row["titles"] += article is not None and (article.kicker, article.subtitle) == (story.kicker, story.subtitle)
        row["typeset paragraphs"] += len(story.paragraphs)
        row["paragraphs equal"] += len(set(story.paragraphs) & set(article.paragraphs if article else []))
    paragraphs = [p for a in doc.articles for p in a.paragraphs]
    row["paragraphs"] += len(paragraphs)
    row["furniture"] += sum(1 for p in paragraphs if any(f.replace(" ", "") in p.replace(" ", "") for f in furniture))
    row["cut"] += sum(1 for p in paragraphs if not is_complete(p))
    row["han lost"] += sum((Counter(HAN.findall("".join(edition.texts()))) - _document_han(doc)).values())
    return dict(row)


def edition_rows() -> dict[str, dict]:
    import pdfplumber  # noqa: F401  (loaded before the clock starts: its import is not reading)

    pdfkit, pdfpages = _kit()
    return {name: edition_row(edition, pdfkit.typeset(edition)) for name, edition in pdfpages.EDITIONS.items()}


def total(rows: dict[str, dict]) -> dict:
    summed: Counter = Counter()
    for row in rows.values():
        summed.update(row)
    return dict(summed)


def pdf_row() -> dict:
    """The typeset editions read back, totalled: pages, titles/articles, paragraphs, furniture, cut, Han lost."""
    return total(edition_rows())


def print_row(name: str, row: dict) -> None:
    speed = row["pages"] / row["seconds"] if row["seconds"] else float("inf")
    print(f"{name:<14} pages {row['pages']:>2}  {speed:6.1f} pages/s  titles {row['titles']}/{row['articles']}  "
          f"paragraphs equal {row['paragraphs equal']}/{row['typeset paragraphs']}  "
          f"furniture in paragraphs {row['furniture']}  left cut {row['cut']}  Han lost {row['han lost']}")  # fmt: skip


def main() -> None:
    rows = edition_rows()
    for name, row in rows.items():
        print_row(name, row)
    print_row("all", total(rows))


if __name__ == "__main__":
    main()
