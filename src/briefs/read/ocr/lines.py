"""What OCR read on a page → the PDF reader's lines, through the PDF reader's own rules.

Each character OCR placed becomes a glyph like one of pdfplumber's: its span
along the line, an em box around the line's middle, and the size the line
was set in. ``page_lines`` then does what it does for a PDF: ends a line at
a gutter or a column rule (the detector sometimes reads the first lines of
three columns as one), joins a letter-spaced headline, and the page's lines
go on to the same blocks, headlines and articles. The font is unknown: every
glyph is set in one face (the text pages' body face, in a PDF that mixes
scanned and text pages), never bold.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..pdf.geometry import Box
from ..pdf.lines import page_lines
from ..pdf.page import PageText
from .engine import INK_PER_EM, Recognised

FACE = "OCR"
# A line read below this confidence is noise (a picture's texture read as letters): dropped, as
# rapidocr itself drops it. Between it and DOUBT a line is kept, and its figures are marked for checking.
FLOOR = 0.5
DOUBT = 0.9
# OCR measures sizes to a few percent (a line's ink height varied by up to 12% about the body's on
# the typeset pages): a size that close to the body's is the body's, as the PDF reader's blocks allow.
_SAME_SIZE = 0.12


@dataclass(frozen=True)
class ScannedPage:
    """A page image as OCR read it: its lines, its resolution, its size and rules in points."""

    index: int
    lines: tuple[Recognised, ...]
    dpi: float
    size: tuple[float, float]
    rules: tuple[Box, ...]

    @property
    def kept(self) -> list[Recognised]:
        return [line for line in self.lines if line.score >= FLOOR]


def page_texts(pages: list[ScannedPage], body: float | None = None, face: str = FACE) -> list[PageText]:
    """The pages' lines as the PDF reader finds them. ``body``: the body size of a PDF's text pages,
    which OCR's measure of the same text is read as."""
    sizes = [[_size(line, 72.0 / page.dpi) for line in page.kept] for page in pages]
    counted: Counter = Counter()
    for page, own in zip(pages, sizes):
        for line, size in zip(page.kept, own):
            counted[round(size * 2) / 2] += len(line.text)
    body = body or (counted.most_common(1)[0][0] if counted else 10.0)
    out = []
    for page, own in zip(pages, sizes):
        glyphs = [g for line, size in zip(page.kept, own) for g in _glyphs(line, _snap(size, body), 72.0 / page.dpi, face)]
        columns = [(x0, top, bottom) for x0, top, x1, bottom in page.rules if x0 == x1]
        lines = tuple(page_lines(glyphs, body, columns))
        out.append(PageText(page.index, page.size, lines, (), page.rules))
    return out


def _size(line: Recognised, k: float) -> float:
    """The size a line was set in, in points: from its Han characters' ink, else from its box."""
    if line.ink:
        return line.ink * k / INK_PER_EM
    return (line.box[3] - line.box[1]) * k


def _snap(size: float, body: float) -> float:
    return body if abs(size - body) <= _SAME_SIZE * body else round(size * 2) / 2


def _glyphs(line: Recognised, size: float, k: float, face: str) -> list[dict]:
    """The line's characters as glyphs, in points. OCR boxes each character by where the recogniser saw
    it, which leaves gaps justification never set (3 points inside 327.8): a gap under half an em is
    closed, and a full-width character (a Han character, a comma) fills its em, so that only a gutter
    or a word space is left for ``page_lines`` to find."""
    middle = (line.box[1] + line.box[3]) / 2 * k
    top, bottom = middle - size / 2, middle + size / 2
    chars = [(c, x0 * k, x1 * k) for c, x0, x1 in line.chars] or [(line.text, line.box[0] * k, line.box[2] * k)]
    glyphs = []
    for i, (text, x0, x1) in enumerate(chars):
        following = chars[i + 1][1] if i + 1 < len(chars) else None
        if following is not None and following - x1 < 0.5 * size:
            x1 = max(x1, following)
        elif not text.isascii():
            x1 = max(x1, x0 + size if following is None else min(x0 + size, following))
        glyphs.append({"text": text, "x0": x0, "x1": x1, "top": top, "bottom": bottom, "size": size, "fontname": face, "upright": True})
    return glyphs


def confidence(pages: list[ScannedPage]) -> float:
    """The mean recognition confidence of the kept lines, each counted by its characters."""
    lines = [line for page in pages for line in page.kept]
    chars = sum(len(line.text) for line in lines)
    return sum(line.score * len(line.text) for line in lines) / chars if chars else 0.0


def doubtful(pages: list[ScannedPage]) -> tuple[str, ...]:
    """The kept lines read below DOUBT, as read."""
    return tuple(line.text for page in pages for line in page.kept if line.score < DOUBT)
