"""How often a paragraph cut mid-sentence by an empty line comes back whole, per text layout, on real pages.

    python benchmarks/reader_cuts.py [../shared/pages-dev] [--cuts 400] [--seed 22]

Text copied from a PDF viewer breaks a paragraph where the page's line or
column broke it, with an empty line between the halves. For each layout, cuts
are drawn at random over the characters of the paragraphs that stand on one
line of a page, at points inside a sentence (the text before the cut ends no
sentence). Each cut is made alone, the page read again by the same layout, and
counted as rejoined when the articles, their titles and their paragraphs come
back as in the uncut reading. The continuation is set flush, as a copied line
is (in e-paper text the paragraphs are indented and the headlines flush).

Layouts: seeds (seeds/), epaper (pages-dev/epaper), web (the text the HTML
reader makes of pages-dev/html, one block a line) and web with an empty line
between all blocks (so that only shape, not spacing, tells a cut). The pages
are the publishers' text and stay in ../shared; nothing is copied.
"""

from __future__ import annotations

import argparse
import random
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from briefs.document import Document
from briefs.read.epaper import parse_epaper
from briefs.read.lines import is_complete
from briefs.read.seeds import parse
from briefs.read.web.text import parse_web
from briefs.text.spaces import SPACES, fold_spaces, unify_newlines

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / ".." / "shared" / "pages-dev"
Parse = Callable[[str, str], Document]


def outline(doc: Document) -> list[tuple]:
    return [(a.title, tuple(a.paragraphs)) for a in doc.articles]


def cut_points(text: str, doc: Document) -> list[tuple[int, int]]:
    """(line, offset in the raw line) of every point inside a sentence of a paragraph set on one line."""
    paragraphs = {p for a in doc.articles for p in a.paragraphs}
    points = []
    for number, raw in enumerate(text.split("\n")):
        content = raw.strip(SPACES)
        if fold_spaces(content) not in paragraphs or content != fold_spaces(content):
            continue
        start = raw.index(content)
        for at in range(1, len(content)):
            # A cut beside a space would be rejoined without it: not the text that was cut.
            if content[at - 1] in SPACES or content[at] in SPACES or is_complete(content[:at]):
                continue
            points.append((number, start + at))
    return points


def cut(text: str, number: int, at: int) -> str:
    lines = text.split("\n")
    lines[number : number + 1] = [lines[number][:at], "", lines[number][at:]]
    return "\n".join(lines)


def measure(pages: list[tuple[str, str]], read: Parse, cuts: int, rng: random.Random) -> Counter:
    """Rejoined and drawn cuts over ``pages`` ((name, text)); failures counted by what went wrong."""
    uncut = {name: outline(read(text, name)) for name, text in pages}
    points = [(name, text, n, at) for name, text in pages for n, at in cut_points(text, read(text, name))]
    row = Counter()
    for name, text, n, at in rng.sample(points, min(cuts, len(points))):
        found = outline(read(cut(text, n, at), name))
        row["cuts"] += 1
        row["rejoined"] += found == uncut[name]
        row["titles changed"] += [t for t, _ in found] != [t for t, _ in uncut[name]]
    return row


def web_texts(folder: Path) -> list[tuple[str, str]]:
    """The web text the HTML reader makes of each saved page (what its web rules read)."""
    from lxml import html as lxml_html

    from briefs.read.web import html

    texts = []
    for path in sorted(folder.glob("*.html")):
        page = html._XML_DECLARATION.sub("", html.decode_page(path.read_bytes(), str(path)))
        result = html._extract(page, **html._EXTRACTION)
        texts.append((path.name, html._read(result, lxml_html.document_fromstring(page), str(path))[1]))
    return texts


def layouts(pages: Path) -> dict[str, tuple[list[tuple[str, str]], Parse]]:
    def read(path: Path) -> str:
        return unify_newlines(path.read_text(encoding="utf-8-sig"))

    web = web_texts(pages / "html")
    return {
        "seeds": ([(p.name, read(p)) for p in sorted((ROOT / "seeds").glob("*.txt"))], parse),
        "epaper": ([(p.name, read(p)) for p in sorted((pages / "epaper").glob("*.txt"))], parse_epaper),
        "web": (web, parse_web),
        "web, blank lines": ([(name, text.replace("\n", "\n\n")) for name, text in web], parse_web),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", type=Path, nargs="?", default=PAGES, help="the pages-dev folder (epaper/, html/)")
    parser.add_argument("--cuts", type=int, default=400, help="cuts drawn per layout")
    parser.add_argument("--seed", type=int, default=22)
    args = parser.parse_args(argv)
    for name, (pages, read) in layouts(args.pages).items():
        row = measure(pages, read, args.cuts, random.Random(args.seed))
        share = row["rejoined"] / row["cuts"] if row["cuts"] else 0.0
        print(f"{name:<17} pages {len(pages):>3}  cuts {row['cuts']:>4}  rejoined {row['rejoined']:>4} ({share:.1%})  "
              f"titles changed {row['titles changed']}")


if __name__ == "__main__":
    main()
