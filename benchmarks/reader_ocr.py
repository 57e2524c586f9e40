"""How well, how fast and in how much memory page images are read through OCR, by resolution.

    OMP_NUM_THREADS=1 python benchmarks/reader_ocr.py [--dpi 150,200,250,300] [--editions "one column,front"]

Typesets the test editions (tests/pdfpages.py: one, two, three and six
columns; tests/pdfpublisher.py: a front page under a masthead and a page
under a banner) in the embedded test face (tests/ocrpages.py), renders each
page at each resolution and reads each edition's pages as one multi-page
TIFF through ``briefs.read`` (the image reader, no cache). Per resolution, in
a fresh process: seconds per page, the process's peak resident memory
(VmHWM), Han characters of the typeset text found again (as a bag: recall and
precision), and headlines whole (kicker, title and subtitle as typeset, with
spaces dropped: OCR does not see a space between Han characters). The
1-minute load average is printed first: on 2 cores a busy neighbour slows
the speeds, not the memory.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
HAN = regex.compile(r"\p{Han}")


def _editions() -> dict:
    sys.path.insert(0, str(ROOT / "tests"))
    import pdfpages
    import pdfpublisher

    return {**pdfpages.EDITIONS, "front": pdfpublisher.FRONT}


def _squeeze(text: str | None) -> str:
    return "".join((text or "").split())


def _document_han(doc) -> Counter:
    from readerkit import document_text  # the tests' own account of every text a document holds

    return Counter(HAN.findall(document_text(doc)))


def measure(dpi: int, names: list[str]) -> dict:
    """Run in its own process: every edition's pages at ``dpi``, read as a TIFF each."""
    editions = _editions()  # puts tests/ on the path
    import ocrpages

    from briefs.read import read_bytes

    seconds = pages = found = typeset = kept = heads = whole = 0
    for name in names:
        edition = editions[name]
        images = ocrpages.images(ocrpages.typeset(edition), dpi)
        tiff = io.BytesIO()
        images[0].save(tiff, "TIFF", save_all=True, append_images=images[1:], dpi=(dpi, dpi))
        del images
        started = time.perf_counter()
        doc = read_bytes(tiff.getvalue(), f"{name}.tiff")
        seconds += time.perf_counter() - started
        pages += doc.ocr.pages
        want, got = Counter(HAN.findall("".join(edition.texts()))), _document_han(doc)
        found, typeset, kept = found + sum((want & got).values()), typeset + sum(want.values()), kept + sum(got.values())
        read_heads = {(_squeeze(a.kicker), _squeeze(a.title), _squeeze(a.subtitle)) for a in doc.articles}
        # A story jumping to another page is one article under its first headline, its deck its subtitle
        # (as the PDF reader reads it).
        first = {s.title: s for s in reversed(edition.stories) if s.paragraphs}
        typeset_heads = {(_squeeze(s.kicker), _squeeze(s.title), _squeeze(s.subtitle or "".join(s.deck))) for s in first.values()}
        heads += len(typeset_heads)
        whole += len(typeset_heads & read_heads)
    return {
        "dpi": dpi, "pages": pages, "seconds_per_page": round(seconds / pages, 2), "peak_mb": _peak_mb(),
        "han_recall": round(found / typeset, 4), "han_precision": round(found / max(kept, 1), 4), "headlines": f"{whole}/{heads}",
    }  # fmt: skip


def _peak_mb() -> int:
    with open("/proc/self/status") as status:
        for row in status:
            if row.startswith("VmHWM:"):
                return int(row.split()[1]) // 1024
    return 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dpi", default="150,200,250,300")
    parser.add_argument("--editions", default=",".join(["one column", "two columns", "three columns", "six columns", "front"]))
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # the worker: one resolution, printed as JSON
    args = parser.parse_args()
    names = args.editions.split(",")
    if args.one:
        print(json.dumps(measure(args.one, names)))
        return
    print(f"load average {os.getloadavg()[0]:.2f}; OMP_NUM_THREADS={os.environ.get('OMP_NUM_THREADS', 'unset')}")
    print("| dpi | pages | s/page | peak RSS | Han recall | Han precision | headlines whole |")
    print("|---|---|---|---|---|---|---|")
    for dpi in (int(d) for d in args.dpi.split(",")):
        out = subprocess.run([sys.executable, __file__, "--one", str(dpi), "--editions", args.editions], capture_output=True, text=True, check=False)
        if out.returncode:
            sys.exit(out.stderr)
        row = json.loads(out.stdout.strip().splitlines()[-1])
        print(
            f"| {dpi} | {row['pages']} | {row['seconds_per_page']} | {row['peak_mb']} MB | {row['han_recall']:.2%} "
            f"| {row['han_precision']:.2%} | {row['headlines']} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
