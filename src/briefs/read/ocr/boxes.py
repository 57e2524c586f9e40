"""The detector's boxes, parted at gutters before the recogniser reads them.

The detector grows each region of text by a margin before boxing it, and
two columns a narrow gutter apart (9 points at 10-point type) grow into one
box: when their lines stand on different baselines, as those of two stories
side by side do, the box is a line and a half tall and the recogniser reads
a mixture of both. A box is parted where a run of blank columns as wide as a
gutter crosses it (``page_lines``' own measure: 0.6 of the body's em, the
body's em being the boxes' median height) and the ink on either side stands
on another baseline; each part is fitted to its own ink before it is read.
"""

from __future__ import annotations

from typing import Any

GUTTER = 0.6
# A run of text narrower than this many ems is no column's line: the pieces of a letter-spaced title
# (their ink's middles wander with their strokes at twice the body's size) stay one box.
COLUMN = 3.0
BASELINE = 0.15  # of an em: two runs of text whose middles stand further apart than this are two lines


def _middle(area, span: tuple[int, int], em: float) -> float:
    """The middle of the line of text between two columns of a box: the row an em of ink is centred on
    (a box that runs on over two baselines also takes in a sliver of the lines above and below)."""
    import numpy as np

    counts = area[:, span[0] : span[1]].sum(axis=1).astype(float)
    window = max(int(0.8 * em), 1)
    if len(counts) <= window:
        return len(counts) / 2
    return float(np.convolve(counts, np.ones(window), mode="valid").argmax()) + window / 2


def read_parted(engine, pixels, ink) -> list[list[Any]]:
    """rapidocr's detector, then the boxes parted, then its recogniser: (box, text, score, each
    character's box, each character) per box, in the image's pixels."""
    import numpy as np

    found, _ = engine.text_det(pixels)
    if found is None or len(found) == 0:
        return []
    heights = [float(box[:, 1].max() - box[:, 1].min()) for box in found]
    em = float(np.median(heights))
    boxes = [part for box in engine.sorted_boxes(found) for part in _parts(box, ink, em)]
    crops = engine.get_crop_img_list(pixels, boxes)
    read, _ = engine.text_rec(crops, True)
    out = engine.cal_rec_boxes(crops, boxes, read)
    return [[box.tolist(), text, score, char_boxes, chars] for box, (text, score, char_boxes, chars, _) in zip(boxes, out)]


def _parts(box, ink, em: float) -> list:
    """``box`` as it is, or its parts between gutters, each fitted to its ink."""
    import numpy as np

    x0, x1 = int(box[:, 0].min()), int(np.ceil(box[:, 0].max()))
    top, bottom = int(box[:, 1].min()), int(np.ceil(box[:, 1].max()))
    area = ink[top:bottom, x0:x1]
    inked = area.any(axis=0)
    if not inked.any():
        return [box]
    cuts, blank, start = [], 0, None
    for x, has in enumerate(inked):
        if has:
            if start is not None and blank >= GUTTER * em:
                cuts.append((start, x))
            blank, start = 0, x + 1
        else:
            blank += 1
    if not cuts:
        return [box]
    spans, left = [], int(inked.argmax())
    for gap_start, gap_end in cuts:
        spans.append((left, gap_start))
        left = gap_end
    spans.append((left, len(inked) - int(inked[::-1].argmax())))
    # Only lines on two baselines are parted: on one baseline the recogniser reads both columns right,
    # and a wide space after a comma in a headline is no gutter.
    joined = [spans[0]]
    for a, b in spans[1:]:
        narrow = min(joined[-1][1] - joined[-1][0], b - a) < COLUMN * em
        if narrow or abs(_middle(area, joined[-1], em) - _middle(area, (a, b), em)) <= BASELINE * em:
            joined[-1] = (joined[-1][0], b)
        else:
            joined.append((a, b))
    if len(joined) == 1:
        return [box]
    parts = []
    for a, b in joined:
        middle, reach, margin = top + _middle(area, (a, b), em), 0.65 * em, int(0.15 * em)
        t, u = max(int(middle - reach), 0), min(int(middle + reach) + 1, ink.shape[0])
        l, r = max(x0 + a - margin, 0), min(x0 + b + margin, ink.shape[1])
        parts.append(np.array([[l, t], [r, t], [r, u], [l, u]], dtype=np.float32))
    return parts
