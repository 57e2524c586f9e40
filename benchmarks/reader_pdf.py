"""How well, how fast and in how much memory the PDF reader reads newspaper pages typeset in columns.

    python benchmarks/reader_pdf.py [--sizes 10,100]

Typesets the test editions (tests/pdfkit.py, stories in tests/pdfpages.py:
pages of one, two, three and six columns), reads them back and prints, per
edition and in all: pages read per second, titles found / typeset (with
kicker and subtitle in their fields), paragraphs equal to the typeset ones /
typeset, furniture (header, caption, byline text) left in paragraphs,
paragraphs left cut (no sentence end) and Han characters lost.
``pdf_row()`` gives the totals as one row for benchmarks/reader_pages.py.

Then, per size (10 and 100 pages): an edition of that many pages (the
three-column edition's stories over and over, two pages each time), read
in a fresh process with OMP_NUM_THREADS=1, gives pages read per second and
the process's peak resident memory (VmHWM), and its resident memory before
it read (Python, pdfplumber and the reader imported). The
1-minute load average is printed first: on 2 cores a busy neighbour slows
the speeds, not the memory.
"""

from __future__ import annotations

import io
import json
import os
import resource
import subprocess
import sys
import tempfile
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
    from readerkit import document_text  # the tests' own account of every text a document holds

    return Counter(HAN.findall(document_text(doc)))


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


def edition_of(pages: int):
    """An edition of ``pages`` pages (an even number): the three-column edition's stories, two pages a time."""
    from dataclasses import replace

    _, pdfpages = _kit()
    three = pdfpages.THREE_COLUMNS
    if pages % 2 or len(three.pages) != 2:
        raise ValueError(f"{pages} pages: the three-column edition fills pages two at a time")
    return replace(three, pages=(three.pages[0],) * pages, stories=three.stories * (pages // 2))


def _memory(field: str) -> float:
    """This process's resident memory in MB: ``VmRSS`` now or ``VmHWM`` its peak, from /proc. (ru_maxrss
    is no good in a child: Linux starts it at the parent's RSS when it forked.)"""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # no /proc: the peak as the kernel counts it


def read_alone(path: str) -> dict:
    """Read the PDF at ``path`` in this process: seconds, and resident memory before and at its peak, in MB."""
    import pdfplumber  # noqa: F401  (loaded before the clock starts: its import is not reading)

    from briefs.read.pdf import read_pdf

    data = Path(path).read_bytes()
    before = _memory("VmRSS")
    started = time.perf_counter()
    doc = read_pdf(data, Path(path).name)
    seconds = time.perf_counter() - started
    peak = _memory("VmHWM")
    return {"seconds": seconds, "articles": len(doc.articles), "before": before, "peak": peak}


def memory_row(pages: int) -> dict:
    """An edition of ``pages`` pages typeset here and read in a fresh process (peak RSS is a process's own)."""
    import pdfplumber

    pdfkit, _ = _kit()
    data = pdfkit.typeset(edition_of(pages))
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        if len(pdf.pages) != pages:
            raise RuntimeError(f"the edition came out at {len(pdf.pages)} pages, not {pages}")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"edition-{pages}.pdf"
        path.write_bytes(data)
        env = {**os.environ, "OMP_NUM_THREADS": "1"}
        done = subprocess.run([sys.executable, __file__, "--read-alone", str(path)], env=env, capture_output=True, text=True, check=False)
    if done.returncode:
        raise RuntimeError(f"reading {pages} pages failed:\n{done.stderr}")
    return {**json.loads(done.stdout.splitlines()[-1]), "pages": pages}


def print_memory(row: dict) -> None:
    print(f"{row['pages']:>4} pages  {row['pages'] / row['seconds']:6.1f} pages/s  peak RSS {row['peak']:6.0f} MB  "
          f"(before reading {row['before']:.0f} MB)  articles {row['articles']}")  # fmt: skip


def print_row(name: str, row: dict) -> None:
    speed = row["pages"] / row["seconds"] if row["seconds"] else float("inf")
    print(f"{name:<14} pages {row['pages']:>2}  {speed:6.1f} pages/s  titles {row['titles']}/{row['articles']}  "
          f"paragraphs equal {row['paragraphs equal']}/{row['typeset paragraphs']}  "
          f"furniture in paragraphs {row['furniture']}  left cut {row['cut']}  Han lost {row['han lost']}")  # fmt: skip


def main() -> None:
    if sys.argv[1:2] == ["--read-alone"]:
        print(json.dumps(read_alone(sys.argv[2])))
        return
    sizes = [int(n) for n in sys.argv[sys.argv.index("--sizes") + 1].split(",")] if "--sizes" in sys.argv else [10, 100]
    print(f"load average {os.getloadavg()[0]:.2f}")
    rows = edition_rows()
    for name, row in rows.items():
        print_row(name, row)
    print_row("all", total(rows))
    for pages in sizes:
        print_memory(memory_row(pages))
    print(f"load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
