"""Box arithmetic on a PDF page, in one place (as pdfplumber keeps its own): boxes, overlaps, moves.

Coordinates are PDF points from the page's top left corner, as pdfplumber gives them: ``top`` grows down the page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

Rule = tuple[float, float, float]  # a vertical rule: x, top, bottom
Box = tuple[float, float, float, float]  # x0, top, x1, bottom


@dataclass(frozen=True)
class Edges:
    """A box with named edges, for rules written against blocks and pictures alike."""

    x0: float
    top: float
    x1: float
    bottom: float


def overlap(a, b) -> float:
    """How far two boxes (anything with x0 and x1) overlap across the page; negative: the gap between them."""
    return min(a.x1, b.x1) - max(a.x0, b.x0)


def box_of(o: dict) -> Box:
    """The box of one of pdfplumber's objects (a character, a rect, an image)."""
    return o["x0"], o["top"], o["x1"], o["bottom"]


def from_corner(x_off: float, y_off: float) -> Callable[[Box], Box]:
    """Boxes moved so that (x_off, y_off) becomes the page's corner."""
    return lambda b: (b[0] - x_off, b[1] - y_off, b[2] - x_off, b[3] - y_off)


def moved(o: dict, place: Callable[[Box], Box]) -> dict:
    """One of pdfplumber's objects with its box placed anew."""
    x0, top, x1, bottom = place(box_of(o))
    return {**o, "x0": x0, "top": top, "x1": x1, "bottom": bottom}
