"""The OCR engine: RapidOCR (PP-OCRv4 Chinese models, shipped inside its wheel) on onnxruntime, on CPU.

What it gives for a page image is kept as plain data (``Recognised``), the
form the cache stores: each detected line's text, its confidence and box,
and each character's span along it, in the image's pixels. The engine is
built on first use and kept per process; rapidocr, onnxruntime and numpy are
imported only then.
"""

from __future__ import annotations

import os
import statistics
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from typing import Any

import regex as re

from ...errors import InputError
from .boxes import GUTTER, read_parted

PACKAGE = "rapidocr-onnxruntime"
# The detector's input is never shrunk (rapidocr's default of 2000 pixels on the long side shrinks a
# page at 200 dpi until its body text is lost: 1 line found on a real page); a page larger than
# this many pixels is read in overlapping bands instead, which bounds memory (about 165 bytes a pixel:
# an A3 page at 200 dpi read whole peaked at 1.5 GB).
BAND_PIXELS = 4_000_000
_OVERLAP = 256  # pixels two bands share: more than a display line's height at 200 dpi
# rapidocr's angle classifier turns a line it takes for upside down before reading it: it turned one
# upright body line in about twenty of the typeset pages, which then read as nothing. Pages come
# upright (a scan turned sideways is the scanner's to set right), so no line is turned.
TURN_LINES = False
# The detector grows each region of text (dilation) and keeps a box whose mean score reaches BOX_SCORE.
# Grown, a headline letter-spaced or a deck's clauses stay one box, but the lines of two columns a narrow
# gutter apart can run into one slanted box, fainter than rapidocr's 0.5 keeps (whole lines lost on the
# six-column page); kept at 0.3, such a box is parted (``boxes``). Ungrown, headlines and clauses fell
# apart at every wide space (titles of the front page read in pieces).
DILATION = True
BOX_SCORE = 0.3
# The taller Han characters' ink fills this share of their em (measured on the typeset pages: a line's
# 80th percentile was 0.90 of its size at 8 to 20 points, body lines within 0.83–0.94), so their ink
# height gives the size a line was set in; the detector's box, grown around the text by a margin of its
# own, strayed by up to 40%.
INK_PER_EM = 0.90
_HAN = re.compile(r"\p{Han}")
# Two em dashes as the recogniser reads them: 一一, or with a hyphen for one of them.
_DASH_PAIR = re.compile("[一—－-]{2}")


@dataclass(frozen=True)
class Recognised:
    """A line as the engine read it: text, confidence (0–1), box (x0, top, x1, bottom in pixels), each
    character's (text, x0, x1), and the ink height of its taller Han characters (0: none). A heavier
    face is not told apart: at 200 dpi a faked bold widens a stroke by the one pixel that
    anti-aliasing alone varies by."""

    text: str
    score: float
    box: tuple[float, float, float, float]
    chars: tuple[tuple[str, float, float], ...]
    ink: float

    def stored(self) -> list[Any]:
        return [self.text, self.score, list(self.box), [list(c) for c in self.chars], self.ink]

    @classmethod
    def from_stored(cls, value: list[Any]) -> Recognised:
        text, score, box, chars, ink = value
        return cls(text, float(score), tuple(box), tuple((c, float(a), float(b)) for c, a, b in chars), float(ink))


def version() -> str:
    try:
        return metadata.version(PACKAGE)
    except metadata.PackageNotFoundError:
        return "missing"


def identity() -> str:
    """What a cached reading depends on: the engine, its version and models, and these settings."""
    turn, grow = "yes" if TURN_LINES else "no", "yes" if DILATION else "no"
    settings = f"turn_lines:{turn}|dilation:{grow}|box_score:{BOX_SCORE}|band:{BAND_PIXELS}|gutter:{GUTTER}"
    return f"engine:rapidocr|version:{version()}|models:PP-OCRv4-zh|{settings}|v:9"


def recognise(image, source: str) -> list[Recognised]:
    """The lines of a page image (a PIL image), in bands when it is large."""
    import numpy as np

    try:
        _engine()
    except ImportError:
        raise InputError(source, f"reading page images needs {PACKAGE}: pip install {PACKAGE}") from None
    pixels = np.asarray(image.convert("RGB"))
    height, width = pixels.shape[:2]
    band = max(int(BAND_PIXELS / max(width, 1)), 2 * _OVERLAP)
    if height <= band:
        return _read(pixels, 0)
    found: list[Recognised] = []
    for start in range(0, height, band - _OVERLAP):
        end = min(start + band, height)
        # Each line is kept by the band whose own part (the overlap split halfway) holds its middle.
        low = 0 if start == 0 else start + _OVERLAP / 2
        high = height if end == height else end - _OVERLAP / 2
        found += [r for r in _read(pixels[start:end], start) if low <= (r.box[1] + r.box[3]) / 2 < high]
        if end == height:
            break
    return found


def _read(pixels, offset: int) -> list[Recognised]:
    gray = pixels.mean(axis=2) < 128  # ink: the page's dark pixels
    found = []
    for box, text, score, char_boxes, chars in read_parted(_engine(), pixels, gray):
        if not text.strip():
            continue
        xs, ys = [p[0] for p in box], [p[1] for p in box]
        spans = [(c, float(b[0][0]), float(b[1][0])) for c, b in zip(chars, char_boxes)]
        top, bottom = int(min(ys)), int(max(ys))
        # A box may clip a character's top or foot; a tenth more each way reaches no neighbouring line.
        margin = int(0.1 * (bottom - top))
        band = gray[max(top - margin, 0) : bottom + margin + 1]
        ink = _ink(spans, band)
        spans = _dashes(spans, band, ink / INK_PER_EM)
        text = "".join(c for c, _, _ in spans) if "".join(chars) == text else text
        box = (min(xs), min(ys) + offset, max(xs), max(ys) + offset)
        found.append(Recognised(text, float(score), box, tuple(spans), ink))
    return found


def _ink(spans: list[tuple[str, float, float]], band) -> float:
    """The height of the Han characters' ink, of the taller ones (a 一 or a 三 is shorter than its em):
    unlike the detector's box, it does not depend on how far the box was grown around the text."""
    heights = []
    for char, x0, x1 in spans:
        if _HAN.match(char):
            rows = band[:, int(x0) : max(int(x1), int(x0) + 1)].any(axis=1).nonzero()[0]
            if len(rows):
                heights.append(float(rows[-1] - rows[0] + 1))
    return statistics.quantiles(heights, n=5, method="inclusive")[-1] if len(heights) > 1 else sum(heights)


def _dashes(spans: list[tuple[str, float, float]], band, em: float) -> list[tuple[str, float, float]]:
    """An em dash pair (——, which opens a subtitle) read as 一一: the two dashes' strokes all but touch
    (0.07 em apart in the test face, none in many), while two characters 一 stand apart by their side
    bearings (0.14 em)."""
    text = "".join(c for c, _, _ in spans)
    out = list(spans)
    for found in _DASH_PAIR.finditer(text):
        if found.group() == "——":
            continue
        (_, x0, _), (_, _, x1) = out[found.start()], out[found.start() + 1]
        inked = band[:, int(x0) : int(x1) + 1].any(axis=0)
        gaps = _runs(~inked[inked.argmax() : len(inked) - inked[::-1].argmax()])
        if em and inked.any() and len(gaps) <= 1 and all(gap <= 0.1 * em for gap in gaps):
            for i in (found.start(), found.start() + 1):
                out[i] = ("—", out[i][1], out[i][2])
    return out


def _runs(flags) -> list[int]:
    """The lengths of the runs of True in a row of flags."""
    lengths, count = [], 0
    for flag in flags:
        if flag:
            count += 1
        elif count:
            lengths.append(count)
            count = 0
    return lengths + ([count] if count else [])


@lru_cache(maxsize=1)
def _engine():
    """One engine per process: loading the models takes about a second."""
    from rapidocr_onnxruntime import RapidOCR

    # onnxruntime ignores OMP_NUM_THREADS; a run limited to n threads (the tests: one) stays so.
    threads = int(os.environ.get("OMP_NUM_THREADS") or -1)
    return RapidOCR(
        intra_op_num_threads=threads,
        inter_op_num_threads=threads,
        max_side_len=BAND_PIXELS,
        use_cls=TURN_LINES,
        det_use_dilation=DILATION,
        det_box_thresh=BOX_SCORE,
        text_score=0.0,
        print_verbose=False,
    )
