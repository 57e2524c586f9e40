"""Column blocks → articles: each headline heads the blocks under it, the rest continue an article.

A headline heads the blocks set below it within the columns it heads, until
another headline lower in those columns takes over. A block under no
headline continues an article, as the text of a newspaper does: the text
above it when a picture stands between, else the article at the foot of the
column to its left, else the one at the foot of the previous page. Within an
article blocks are read column by column, top to bottom; articles are listed
in the order a reader meets them: one set above another in the same columns
comes first, otherwise the one starting in a column further left.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field

from .geometry import Box, overlap
from .headlines import Face, Headline, headlines, widen
from .page import Block, PageLayout


@dataclass
class Placed:
    """An article as found on the pages: its headline (if it has one) and its blocks."""

    headline: Headline | None
    blocks: list[Block] = field(default_factory=list)

    @property
    def page(self) -> int:
        """The page it starts on."""
        return self.headline.page if self.headline is not None else self.blocks[0].page


def place(layouts: list[PageLayout], face: Face) -> list[Placed]:
    """Articles in reading order, each with the blocks it owns in reading order."""
    articles: list[Placed] = []
    owner: dict[int, Placed] = {}
    last: Placed | None = None
    for page in layouts:
        heads = headlines(page.blocks, face)
        in_heads = {id(b) for h in heads for b in h.parts}
        body = [b for b in page.blocks if id(b) not in in_heads]
        widen(heads, page.blocks, page.page.pictures, face)
        for head in heads:
            articles.append(Placed(head))
            owner.update({id(b): articles[-1] for b in head.parts})
        orphans = []
        for b in body:
            head = _head_over(b, heads)
            if head is None:
                orphans.append(b)
            else:
                owner[id(b)] = owner[id(head.parts[0])]
        for b in sorted(orphans, key=lambda b: (b.x0, b.top)):
            found = _continued(b, page, heads, owner) or last
            if found is None:
                found = Placed(None)
                articles.append(found)
            owner[id(b)] = found
        for b in body:
            owner[id(b)].blocks.append(b)
        last = _page_end(page, owner, face) or last
    for placed in articles:
        placed.blocks.sort(key=lambda b: _column_key(b, layouts))
    return _in_reading_order(articles, layouts, face)


def _column_key(b: Block, layouts: list[PageLayout]) -> tuple[int, float, float]:
    """Page, column, then top: the text of an article is read column by column."""
    return b.page, round(layouts[b.page].columns.left(b.x0, b.x1, b.top)), b.top


def _head_over(b: Block, heads: list[Headline]) -> Headline | None:
    """The lowest headline above ``b`` across its width, unless another headline below it closes it."""
    tol = 0.5 * b.size
    above = [h for h in heads if h.bottom <= b.top + tol and overlap(h, b) > tol]
    if not above:
        return None
    head = max(above, key=lambda h: h.bottom)
    # A headline set lower within its width closes it for the columns read after that headline
    # (its own and those to its right), not for the columns to its left.
    closed = any(
        o is not head and head.bottom - tol <= o.top <= b.top + b.size and overlap(o, head) > tol and o.x0 <= b.x0 + tol
        for o in heads
    )
    return None if closed else head


def _continued(b: Block, page: PageLayout, heads: list[Headline], owner: dict[int, Placed]) -> Placed | None:
    """The article an orphan block goes on with: the text above a picture, or the foot of the column to the left."""
    above = _above(b, page.blocks)
    if above is not None and id(above) in owner and (_picture_between(above, b, page.page.pictures) or above.size < b.size):
        return owner[id(above)]
    tol = b.size
    left = [o for o in page.blocks if o.x1 <= b.x0 + tol and id(o) in owner]
    if not left:
        return None
    nearest = max(left, key=lambda o: o.x1)
    column = [o for o in left if o.x1 >= nearest.x1 - 2 * tol and overlap(o, nearest) > 0]
    # The text runs on from the foot of that column, above any headline across both columns.
    x0 = min(o.x0 for o in column)
    across = [h.top for h in heads if h.top > b.top and h.x0 <= x0 + tol and h.x1 >= b.x1 - tol]
    column = [o for o in column if o.top < min(across, default=page.page.height)] or column
    return owner[id(max(column, key=lambda o: o.bottom))]


def _above(b: Block, blocks: list[Block]) -> Block | None:
    """The block set just above ``b`` in its column."""
    over = [o for o in blocks if o is not b and o.bottom <= b.top + 0.3 * b.size and overlap(o, b) > 0.5 * min(b.x1 - b.x0, o.x1 - o.x0)]
    return max(over, key=lambda o: o.bottom) if over else None


def _picture_between(upper: Block, lower: Block, pictures: tuple[Box, ...]) -> bool:
    return any(
        x0 < lower.x1 and x1 > lower.x0 and top >= upper.top and bottom <= lower.top + lower.size
        for x0, top, x1, bottom in pictures
    )


def _page_end(page: PageLayout, owner: dict[int, Placed], face: Face) -> Placed | None:
    """The article at the foot of the last column: it goes on at the head of the next page."""
    if not page.blocks:
        return None
    right = max(b.x1 for b in page.blocks)
    last_column = [b for b in page.blocks if b.x1 >= right - 3 * face.size and id(b) in owner]
    return owner[id(max(last_column, key=lambda b: b.bottom))] if last_column else None


@dataclass(frozen=True)
class _Area:
    page: int
    x0: float
    x1: float
    top: float
    bottom: float


def _areas(article: Placed, layouts: list[PageLayout]) -> list[_Area]:
    """Where an article is set: its headline and, in each column it runs through, the span of its blocks."""
    spans: dict[tuple[int, float], _Area] = {}
    for b in article.blocks:
        key = _column_key(b, layouts)[:2]
        seen = spans.get(key)
        spans[key] = _Area(b.page, b.x0, b.x1, b.top, b.bottom) if seen is None else _Area(
            b.page, min(seen.x0, b.x0), max(seen.x1, b.x1), min(seen.top, b.top), max(seen.bottom, b.bottom)
        )
    head = article.headline
    return ([_Area(head.page, head.x0, head.x1, head.top, head.bottom)] if head else []) + list(spans.values())


def _start(article: Placed, layouts: list[PageLayout]) -> tuple[int, float, float]:
    """Where a reader meets an article: the page and column its headline (or text) starts in, and how high."""
    if article.headline is None:
        return _column_key(article.blocks[0], layouts)
    head = article.headline
    return head.page, round(layouts[head.page].columns.left(head.x0, head.x0, head.top)), head.top


def _in_reading_order(articles: list[Placed], layouts: list[PageLayout], face: Face) -> list[Placed]:
    """An article set above another in the same columns comes first; otherwise the one starting in the
    column further left, or higher in the same column."""
    tol = 0.5 * face.size
    areas = [_areas(a, layouts) for a in articles]

    def above(i: int, j: int) -> bool:
        return any(a.page == b.page and a.bottom <= b.top + tol and overlap(a, b) > tol for a in areas[i] for b in areas[j])

    start = [_start(a, layouts) for a in articles]
    after: list[list[int]] = [[] for _ in articles]
    waiting = [0] * len(articles)
    for i in range(len(articles)):
        for j in range(len(articles)):
            if i != j and above(i, j) and not above(j, i):
                after[i].append(j)
                waiting[j] += 1
    ready = [(start[i], i) for i in range(len(articles)) if not waiting[i]]
    heapq.heapify(ready)
    order: list[int] = []
    while len(order) < len(articles):
        if not ready:  # a cycle: take the article that starts first
            i = min((k for k in range(len(articles)) if k not in order), key=lambda k: start[k])
            waiting[i] = 0
        else:
            i = heapq.heappop(ready)[1]
        if i in order:
            continue
        order.append(i)
        for j in after[i]:
            waiting[j] -= 1
            if waiting[j] == 0:
                heapq.heappush(ready, (start[j], j))
    return [articles[i] for i in order]
