"""Pages of one edition read from separate files: a story that jumps from one file's page to another's is one article.

E-paper sites serve a page per PDF, so the half of a story that jumps out
(（下转第2版）) and the half that comes in (（上接第1版）) are often in two
files. Within a file the PDF reader joins them (``pdf.jumps``); across files
they are joined here, once every file is read, by the same rule (each half
names the other's page) and two more: the files are of one edition (the same
paper and the same day, wherever both say), and the pair is the only one that
fits. No guess is made: halves that could go more than one way stay apart, each
briefed as its own article. A front page that prints no number of its own is
known by the page its continuation names.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Sequence

from ..document import Article, Document
from .pdf.jumps import join_halves, jumps, page_key


@dataclass(frozen=True)
class _Half:
    doc: int
    article: int
    page: str | None  # the page it is set on (its key)
    names: str  # the page its jump line names (its key)


def join_editions(docs: Sequence[Document]) -> tuple[list[Document], list[str]]:
    """The documents with each story that jumps between two of them joined in the first, and a line per join."""
    outs, ins = _halves(docs, "out"), _halves(docs, "in")
    pairs = {}
    for first in outs:
        fits = [second for second in ins if _continues(first, second, docs)]
        if len(fits) == 1 and sum(_continues(other, fits[0], docs) for other in outs) == 1:
            pairs[(first.doc, first.article)] = (fits[0].doc, fits[0].article)
    if not pairs:
        return list(docs), []
    articles = [list(doc.articles) for doc in docs]
    gone: set[tuple[int, int]] = set()
    notes = []
    # A story may jump twice (page 1 → 2 → 3): each chain is followed from its head.
    for head in [ref for ref in pairs if ref not in pairs.values()]:
        ref, whole = head, articles[head[0]][head[1]]
        while ref in pairs:
            ref = pairs[ref]
            whole = join_halves(whole, articles[ref[0]][ref[1]])
            gone.add(ref)
            notes.append(f"{docs[head[0]].source}: {_name(whole)} goes on in {docs[ref[0]].source}; briefed as one article")
        articles[head[0]][head[1]] = whole
    joined = [replace(doc, articles=tuple(a for n, a in enumerate(articles[d]) if (d, n) not in gone)) for d, doc in enumerate(docs)]
    return joined, notes


def _halves(docs: Sequence[Document], direction: str) -> list[_Half]:
    """The halves whose jump line names a page their own file does not hold: joined within it or not at all."""
    found = []
    for d, doc in enumerate(docs):
        own = {_page(article) for article in doc.articles} - {None}
        for n, article in enumerate(doc.articles):
            for named in map(page_key, jumps(article, direction)):
                if named is not None and named not in own:
                    found.append(_Half(d, n, _page(article), named))
    return found


def _continues(first: _Half, second: _Half, docs: Sequence[Document]) -> bool:
    """``second`` is set on the page ``first`` names and names ``first``'s page (a page printing no number fits)."""
    return (
        first.doc != second.doc
        and second.page == first.names
        and first.page in (second.names, None)
        and _one_edition(docs[first.doc], docs[second.doc])
    )


def _one_edition(a: Document, b: Document) -> bool:
    said = [(x, y) for x, y in ((a.metadata.publication, b.metadata.publication), (a.metadata.date, b.metadata.date)) if x and y]
    return all(x.value == y.value for x, y in said)


def _page(article: Article) -> str | None:
    return page_key(article.metadata.page.value) if article.metadata.page else None


def _name(article: Article) -> str:
    return f"「{article.title}」" if article.title else "a story"
