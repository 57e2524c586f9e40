"""Page images: decoded from a file (each frame of a TIFF a page), rendered from a scanned PDF page, and
measured for what OCR does not read: the rules a layout program draws across and between columns.

Pillow and pypdfium2 (which pdfplumber already brings) are imported only here, when an image is read.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterator

from ...errors import InputError, first_line

# Scanned PDF pages are rendered at this resolution: body text of 8 points is then 22 pixels to the em,
# above the 17 below which recognition lost characters and headlines on the typeset test pages (10-point
# text rendered at 100–300 dpi, benchmarks/reader_ocr.py); 250 and 300 dpi cost time and memory for
# nothing more (see the README).
SCAN_DPI = 200
# An image that states no resolution (most screenshots of e-papers) is taken to be at this one: sizes
# are only compared with one another, so the guess changes no rule, only the points shown.
IMAGE_DPI = 150
_DARK = 128
_RULE_THICKNESS = 4.0  # points: a rule is a hairline, a picture or a bar of text is thicker
# Points: a column rule runs down a column's depth, far longer than the strokes of a masthead's
# characters (about 40 points at 44-point type), which a PDF draws as glyphs but an image as ink.
_RULE_LENGTH = 60.0


def image_pages(data: bytes, source: str) -> Iterator[tuple[object, float]]:
    """Each page of an image file with its resolution: one for PNG, JPEG and WebP, one per frame of a TIFF."""
    from PIL import Image, ImageSequence, UnidentifiedImageError

    try:
        image = Image.open(io.BytesIO(data))
        for frame in ImageSequence.Iterator(image):
            dpi = frame.info.get("dpi", (0, 0))[0] or 0
            yield frame.convert("L"), float(dpi) if 72 <= dpi <= 1200 else float(IMAGE_DPI)
    except UnidentifiedImageError:
        raise InputError(source, "not a readable image (no image format recognised)") from None
    except (OSError, ValueError, Image.DecompressionBombError) as err:
        raise InputError(source, f"not a readable image ({first_line(err)})") from None


def pdf_page(data: bytes, index: int, dpi: float = SCAN_DPI):
    """Page ``index`` (from 0) of a PDF as a grey image at ``dpi``."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    try:
        page = pdf[index]
        try:
            return page.render(scale=dpi / 72).to_pil().convert("L")
        finally:
            page.close()
    finally:
        pdf.close()


def digest(image) -> str:
    """The pixels' identity: the cache key of a page's reading, whatever file or PDF it came in."""
    h = hashlib.sha256(f"{image.mode}:{image.size}".encode())
    h.update(image.tobytes())
    return h.hexdigest()


Stroke = tuple[int, int, int, int]  # x0, top, x1, bottom in pixels


def strokes(image, dpi: float) -> list[Stroke]:
    """Thin straight lines drawn on the page: rules across it (under a header, a masthead) and down it
    (between columns). Pictures and text are too thick or too short to be one."""
    import numpy as np

    ink = np.asarray(image) < _DARK
    thick, long = _RULE_THICKNESS * dpi / 72, _RULE_LENGTH * dpi / 72
    found = [(x0, top, x1, bottom) for top, bottom, x0, x1 in _strokes(ink, thick, image.size[0] / 3)]
    return found + [(x0, top, x1, bottom) for x0, x1, top, bottom in _strokes(ink.T, thick, long)]


def rules(found: list[Stroke], dpi: float) -> tuple[tuple[float, float, float, float], ...]:
    """The strokes as a PDF draws rules: lines with no thickness, along their middles, in points."""
    k = 72.0 / dpi
    return tuple(
        ((x0 + x1) / 2 * k, top * k, (x0 + x1) / 2 * k, bottom * k) if bottom - top > x1 - x0 else (x0 * k, (top + bottom) / 2 * k, x1 * k, (top + bottom) / 2 * k)
        for x0, top, x1, bottom in found
    )


def erased(image, found: list[Stroke]):
    """The image with its rules painted out: the detector reads a column rule as a character (丨) and
    bridges the gutter it stands in, running two columns' lines into one."""
    if not found:
        return image
    from PIL import ImageDraw

    clean = image.copy()
    draw = ImageDraw.Draw(clean)
    for x0, top, x1, bottom in found:
        draw.rectangle((x0 - 1, top - 1, x1, bottom), fill=255)
    return clean


def _strokes(ink, thick: float, long: float) -> list[tuple[int, int, int, int]]:
    """Dark runs ``long`` or longer in at most ``thick`` neighbouring rows of ``ink``, one along the
    other, as (first row, last row + 1, start, end); rows are those of ``ink`` (its columns, for the
    transposed image). One row may hold several: two stories' rules on one line down the page."""
    import numpy as np

    padded = np.zeros((ink.shape[0], ink.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = ink
    edges = np.diff(padded, axis=1)
    rows, starts = np.nonzero(edges == 1)
    _, ends = np.nonzero(edges == -1)  # in the same row-major order: one end for each start
    keep = ends - starts >= long
    groups: list[list[tuple[int, int, int]]] = []
    for row, start, end in zip(rows[keep].tolist(), starts[keep].tolist(), ends[keep].tolist()):
        group = next((g for g in groups if g[-1][0] == row - 1 and g[-1][1] < end and start < g[-1][2]), None)
        if group is None:
            groups.append([(row, start, end)])
        else:
            group.append((row, start, end))
    # A picture's edge or a bar is many rows thick; a rule is a hairline.
    return [(g[0][0], g[-1][0] + 1, min(r[1] for r in g), max(r[2] for r in g)) for g in groups if len(g) <= thick]
