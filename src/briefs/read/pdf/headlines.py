"""Headlines of a PDF page: stacks of lines set larger than the body text, and the columns they head.

The largest lines of a stack are the title, those above it the kicker, those
below it the subtitle (a body-size line under the title opening with —— is
one too). A short heading only a little larger than the body is the title of
a brief when the story under it opens with a dateline (本报讯). A headline
heads the columns that start just under it, which its text need not fill: a
title set over two and a half of three columns heads all three.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ...text.datelines import is_dateline
from ..lines import is_subtitle
from .geometry import Box, Edges, overlap
from .page import Block

TITLE = 1.25  # a title is set this much larger than the body text at least (12 points over 9.5)
DECK = 1.08  # kickers, subtitles and section headings: larger than the body, smaller than a title
SMALL = 0.92  # captions: smaller than the body text


@dataclass(frozen=True)
class Face:
    """The body text's size and font: every other size is judged against it."""

    size: float
    font: str


@dataclass(eq=False)
class Headline(Block):
    """A stack of display blocks read as one: its lines top to bottom, its parts, the columns it heads."""

    parts: list[Block] = field(default_factory=list)
    reach: tuple[float, float] | None = None  # the columns it heads, which its text may not fill

    @property
    def x0(self) -> float:
        return self.reach[0] if self.reach else super().x0

    @property
    def x1(self) -> float:
        return self.reach[1] if self.reach else super().x1


def headlines(blocks: list[Block], face: Face) -> list[Headline]:
    """Stacks of display blocks holding at least one title-sized line, with a ——subtitle set under them."""
    display = sorted((b for b in blocks if b.size >= DECK * face.size), key=lambda b: b.top)
    stacks: list[list[Block]] = []
    beside: dict[int, list[Block]] = {}  # blocks set on a stack's last row, read into its line
    for b in display:
        joins = b.size >= TITLE * face.size or _deck(b)
        stack = next((s for s in stacks if joins and _stacked(s[-1], b) and not _second_title(s, b, face)), None)
        row = None if stack is not None else next((s for s in stacks if _beside(s, b, display)), None)
        if row is not None:
            _read_on(row[-1], b)
            beside.setdefault(id(row[0]), []).append(b)
        elif stack is None:
            stacks.append([b])
        else:
            stack.append(b)
    found = []
    for stack in stacks:
        if not _title_text(stack):
            continue
        if max(b.size for b in stack) >= TITLE * face.size or _over_dateline(stack, blocks):
            below = next((b for b in blocks if b.size < DECK * face.size and _stacked(stack[-1], b)), None)
            if below is not None and len(below.lines) == 1 and is_subtitle(below.lines[0].text):
                stack.append(below)
            parts = stack + beside.get(id(stack[0]), [])
            found.append(Headline(stack[0].page, [line for b in stack for line in b.lines], parts=parts))
    return found


def _beside(stack: list[Block], b: Block, display: list[Block]) -> bool:
    """A deck's next clause: one line set on the row of the stack's last line, a wide space on, in its size,
    under the stack's larger title and under no other."""
    last = stack[-1]
    if len(last.lines) != 1 or len(b.lines) != 1 or max(x.size for x in stack) < 1.1 * b.size:
        return False
    same_row = abs(b.top - last.top) <= 0.3 * b.size and abs(b.size - last.size) <= 0.1 * b.size
    if not same_row or not 0 <= b.x0 - last.x1 <= 3 * b.size:
        return False
    return not any(
        o not in stack and o.size > 1.1 * b.size and 0 <= b.top - o.bottom <= 3 * b.size and overlap(o, b) > 0 for o in display
    )


def _read_on(block: Block, more: Block) -> None:
    """``more``'s line read into the end of ``block``'s: the clauses of one deck, a space between them."""
    line, next_line = block.lines[-1], more.lines[0]
    block.lines[-1] = replace(line, text=f"{line.text} {next_line.text}", x1=next_line.x1, bottom=max(line.bottom, next_line.bottom))


def _title_text(stack: list[Block]) -> bool:
    """Words a title can be: two characters at least (not a drop capital), no full stop (not a pull quote)."""
    text = "".join(line.text for b in stack for line in b.lines)
    return len(text) >= 2 and "。" not in text


def _deck(b: Block) -> bool:
    """Short enough for a kicker or a subtitle: a lead paragraph set larger under a title is text."""
    return len(b.lines) <= 2 and sum(len(line.text) for line in b.lines) <= 60


def _second_title(stack: list[Block], b: Block, face: Face) -> bool:
    """A title under the subtitle of another: two headlines, one over the other."""
    largest = max(x.size for x in stack)
    return b.size >= TITLE * face.size and largest >= TITLE * face.size and stack[-1].size < 0.9 * largest


def _stacked(upper: Block, lower: Block) -> bool:
    gap = lower.top - upper.bottom
    return -0.3 * lower.size <= gap <= 1.2 * max(upper.size, lower.size) and overlap(upper, lower) > 0


def _over_dateline(stack: list[Block], blocks: list[Block]) -> bool:
    """A short heading over a story that opens with a dateline (本报讯) is the title of a brief."""
    text = "".join(line.text for b in stack for line in b.lines)
    nxt = next((b for b in blocks if b not in stack and _stacked(stack[-1], b)), None)
    return len(text) <= 30 and nxt is not None and is_dateline(nxt.lines[0].text)


def widen(heads: list[Headline], blocks: list[Block], pictures: tuple[Box, ...], face: Face) -> None:
    """Set the columns each headline heads: the blocks and pictures that start just under it, side by
    side with those under its text, in columns with nothing set beside the headline. Headlines are
    set flush left over their columns, so each first reaches right; a centred one then reaches left
    into columns no other headline reaches."""
    for head in heads:
        head.reach = (head.x0, _reach(head, blocks, pictures, face, rightwards=True))
    for head in heads:
        others = [h for h in heads if h is not head]
        head.reach = (_reach(head, blocks, pictures, face, rightwards=False, others=others), head.x1)


def _reach(head: Headline, blocks: list[Block], pictures: tuple[Box, ...], face: Face, rightwards: bool, others=()) -> float:
    tol, gutter = 0.5 * face.size, 3 * face.size
    beside = [b for b in blocks if b not in head.parts and b.bottom > head.top + tol]
    row = [Edges(*box) for box in pictures] + [Edges(b.x0, b.top, b.x1, b.bottom) for b in blocks if b not in head.parts]
    row = sorted((e for e in row if head.bottom - tol <= e.top <= head.bottom + 3.5 * face.size), key=lambda e: e.x0)
    x0, x1 = head.x0, head.x1
    for e in row if rightwards else reversed(row):
        claimed = any(overlap(o, e) > tol and abs(o.bottom - head.bottom) <= 3.5 * face.size for o in others)
        if claimed or not _clear(e, beside, tol):
            continue
        if rightwards and e.x0 >= x0 and e.x0 - x1 <= gutter:
            x1 = max(x1, e.x1)
        elif not rightwards and e.x1 <= x1 and x0 - e.x1 <= gutter:
            x0 = min(x0, e.x0)
    return x1 if rightwards else x0


def _clear(e: Edges, beside: list[Block], tol: float) -> bool:
    """Nothing is set above ``e`` in its column at the height of the headline."""
    return not any(b.top < e.top - tol and overlap(b, e) > tol for b in beside)
