"""The characters of a PDF page → lines: runs of characters on one baseline within one column.

Neighbouring columns of a newspaper share baselines, so a line ends at a gap
wider than about half a body character (a gutter) or at a column rule.
Justified Chinese lines spread their characters a little; letter-spaced
headings (要　闻) spread them by a whole character, and their pieces are put
back together. A page set sideways is turned upright first. A character printed twice
at almost the same place is the PDF producer's fake bold: it is read once and
marks its line bold. Kangxi radicals and compatibility ideographs some fonts
map their glyphs to (⾏ for 行) are read as the ordinary characters.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import Any, Callable, Sequence

import regex as re

from ...text.marks import HAN
from .geometry import Box, Rule

# Font names of heavy faces: Bold, Black, 黑体 (Hei, HT in 方正 names such as FZHTK).
_HEAVY_FONT = re.compile(r"(?i)bold|black|heavy|demi|hei|fz\w*?ht|黑|粗")
_LATIN = re.compile(r"[A-Za-z0-9]")
_HAN_SPACE_HAN = re.compile(r"(?<=\p{Han}) (?=\p{Han})")
_RADICALS = re.compile(r"[\u2e80-\u2fdf\uf900-\ufaff\U0002f800-\U0002fa1f]")
# A gap wider than this many body characters ends a line. Justified text spreads its characters by
# a fraction of one; a gutter is rarely narrower than one, and a gutter missed runs two columns together.
_GUTTER = 0.6
_LETTER_SPACED = 2.5  # pieces of one or two characters this close are one spaced-out heading
_CID = re.compile(r"^\(cid:\d+\)$")



@dataclass(frozen=True)
class TextLine:
    """One line of text as set: its box (points from the page's top left), size and face."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    font: str
    bold: bool = False

    @property
    def width(self) -> float:
        return self.x1 - self.x0


# A glyph is pdfplumber's character dict with its text normalised and its size known, and a mark
# for a glyph printed twice (fake bold).
Glyph = dict[str, Any]


def _blank(g: Glyph) -> bool:
    return not g["text"].strip()


def unmapped_share(chars: list[dict[str, Any]]) -> float:
    """The share of characters a font left without a Unicode value, read as ``(cid:N)``."""
    return sum(1 for c in chars if _CID.match(c["text"])) / len(chars) if chars else 0.0


def turn(chars: list[dict[str, Any]]) -> Callable[[Box], Box] | None:
    """For a page whose text runs down or up it (a page set sideways), what turns a box on it upright;
    None when most of its text is upright already."""
    visible = [c for c in chars if c["text"].strip()]
    sideways = [c for c in visible if not c.get("upright", True)]
    if not visible or len(sideways) * 2 < len(visible):
        return None
    # Reading down the page: the next character lower on the same vertical line.
    down = sum(1 for a, b in zip(sideways, sideways[1:]) if abs(a["x0"] - b["x0"]) < 1 and b["top"] > a["top"])
    up = sum(1 for a, b in zip(sideways, sideways[1:]) if abs(a["x0"] - b["x0"]) < 1 and b["top"] < a["top"])
    right = max(c["x1"] for c in chars)
    bottom = max(c["bottom"] for c in chars)
    if down >= up:  # lines follow one another leftwards
        return lambda box: (box[1], right - box[2], box[3], right - box[0])
    return lambda box: (bottom - box[3], box[0], bottom - box[1], box[2])


def common_size(chars: list[dict[str, Any]]) -> float:
    """The body text's size: the most common size by characters."""
    sizes = Counter(round(float(c.get("size") or 0) * 2) / 2 for c in chars if c["text"].strip())
    return sizes.most_common(1)[0][0] if sizes else 10.0


def page_lines(chars: list[dict[str, Any]], body_size: float, rules: Sequence[Rule] = ()) -> list[TextLine]:
    """The lines of a page, each within one column, from pdfplumber's characters.

    A gutter is measured against the body text: two headlines side by side in
    neighbouring columns are as far apart as two columns of text. A vertical
    rule between two characters (a column rule) ends a line whatever the gap."""
    glyphs = [_glyph(c) for c in chars if c["text"] and not _CID.match(c["text"])]
    lines: list[TextLine] = []
    for row in _rows(glyphs):
        top, bottom = min(g["top"] for g in row), max(g["bottom"] for g in row)
        crossing = [x for x, rule_top, rule_bottom in rules if rule_top <= bottom and rule_bottom >= top]
        for run in _letter_spaced(_runs(_single(row), body_size, crossing)):
            line = _line(run)
            if line is not None:
                lines.append(line)
    return sorted(lines, key=lambda line: (line.top, line.x0))


def _glyph(c: dict[str, Any]) -> Glyph:
    text = _RADICALS.sub(lambda m: unicodedata.normalize("NFKC", m.group()), c["text"])
    size = float(c.get("size") or (c["bottom"] - c["top"]) or 1.0)
    return {**c, "text": text, "size": size, "fontname": c.get("fontname", ""), "doubled": False}


def _rows(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """Glyphs sharing a baseline (their bottoms within a third of their size)."""
    rows: list[list[Glyph]] = []
    anchor = 0.0
    for g in sorted(glyphs, key=lambda g: g["bottom"]):
        if rows and g["bottom"] - anchor <= 0.35 * max(g["size"], rows[-1][0]["size"]):
            rows[-1].append(g)
        else:
            rows.append([g])
            anchor = g["bottom"]
    return [sorted(row, key=lambda g: g["x0"]) for row in rows]


def _single(row: list[Glyph]) -> list[Glyph]:
    """The row without the second copy of doubled glyphs (fake bold)."""
    kept: list[Glyph] = []
    for g in row:
        twin = next((k for k in reversed(kept[-3:]) if k["text"] == g["text"] and abs(k["x0"] - g["x0"]) < 0.3 * g["size"]), None)
        if twin is not None and not _blank(g):
            twin["doubled"] = True
        else:
            kept.append(g)
    return kept


def _runs(row: list[Glyph], body_size: float, rules: list[float]) -> list[list[Glyph]]:
    runs: list[list[Glyph]] = []
    for g in row:
        if runs and _next_to(runs[-1][-1], g, body_size, rules):
            runs[-1].append(g)
        else:
            runs.append([g])
    return runs


def _next_to(last: Glyph, g: Glyph, body_size: float, rules: list[float]) -> bool:
    """``g`` goes on the line ``last`` ends: no gutter, no column rule between them, a like size."""
    near = g["x0"] - last["x1"] <= _GUTTER * min(body_size, max(g["size"], last["size"]))
    return near and _same_line(last, g) and not any(last["x1"] - 0.5 <= x <= g["x0"] + 0.5 for x in rules)


def _same_line(left: Glyph, right: Glyph) -> bool:
    """Glyphs of very different sizes with a gap between them are two lines (a headline beside a column)."""
    small, large = sorted((left["size"], right["size"]))
    return large <= 1.2 * small or right["x0"] - left["x1"] <= 0.25 * small


def _letter_spaced(runs: list[list[Glyph]]) -> list[list[Glyph]]:
    """Pieces of a spaced-out heading (要　闻, 本 报 评 论, a title spread over its measure) joined again:
    a piece goes on a line made of pieces however long that line has grown."""
    joined: list[list[Glyph]] = []
    spaced: list[bool] = []  # whether each joined run was made of pieces
    for run in runs:
        if joined and _piece(run) and (spaced[-1] or _piece(joined[-1])):
            last = joined[-1][-1]
            same_size = abs(run[0]["size"] - last["size"]) <= 0.1 * last["size"]
            if same_size and run[0]["x0"] - last["x1"] <= _LETTER_SPACED * last["size"]:
                joined[-1].extend(run)
                spaced[-1] = True
                continue
        joined.append(run)
        spaced.append(False)
    return joined


def _piece(run: list[Glyph]) -> bool:
    return sum(1 for g in run if not _blank(g)) <= 2


def _line(run: list[Glyph]) -> TextLine | None:
    visible = [g for g in run if not _blank(g)]
    if not visible:
        return None
    parts: list[str] = []
    previous: Glyph | None = None
    spread = _spread(visible)
    for g in run:
        if _blank(g):
            if parts and parts[-1] != " ":
                parts.append(" ")
            continue
        if previous is not None and parts[-1] != " " and _spaced(previous, g, spread):
            parts.append(" ")
        parts.append(g["text"])
        previous = g
    text = "".join(parts).strip()
    if len(_HAN_SPACE_HAN.findall(text)) * 2 > len(HAN.findall(text)):
        text = _HAN_SPACE_HAN.sub("", text)  # a producer that spaces every character, not words
    sizes = Counter(round(g["size"] * 2) / 2 for g in visible)
    fonts = Counter(g["fontname"] for g in visible if not _LATIN.match(g["text"])) or Counter(g["fontname"] for g in visible)
    font = fonts.most_common(1)[0][0]
    doubled = sum(1 for g in visible if g["doubled"]) / len(visible) >= 0.6
    return TextLine(
        text=text,
        x0=visible[0]["x0"],
        x1=visible[-1]["x1"],
        top=min(g["top"] for g in visible),
        bottom=max(g["bottom"] for g in visible),
        size=sizes.most_common(1)[0][0],
        font=font,
        bold=doubled or bool(_HEAVY_FONT.search(font)),
    )


def _spread(glyphs: list[Glyph]) -> float:
    """The gap justification leaves between the characters of a line (the median gap)."""
    gaps = sorted(b["x0"] - a["x1"] for a, b in zip(glyphs, glyphs[1:]))
    return max(gaps[len(gaps) // 2], 0.0) if gaps else 0.0


def _spaced(left: Glyph, right: Glyph, spread: float) -> bool:
    """Two Latin words or numbers set apart by more than the line's spacing, without a space character."""
    gap = right["x0"] - left["x1"] - spread
    return bool(_LATIN.match(left["text"][-1]) and _LATIN.match(right["text"][0])) and gap > 0.2 * min(left["size"], right["size"])
