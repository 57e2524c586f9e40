"""What a page's header and masthead say of the paper: its name, the day, the page's number.

The paper's name is the largest Chinese line of the header (a masthead sets
it far larger than anything else there), the day is a full date among the
header's lines, the page's number is what its folio names (第3版, A3版). A
front page under a masthead often prints no number: it is the page before
the next numbered one.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex as re

from ...text.dates import full_date
from .lines import TextLine
from .page import folio_line, page_number

_NAME = re.compile(r"^\p{Han}{2,16}$")


@dataclass(frozen=True)
class Folio:
    publication: str | None = None
    date: str | None = None  # ISO
    number: str | None = None  # as printed: 3, 三, A3
    inferred: bool = False  # the number is the one before the next page's


def read_folio(header: list[TextLine]) -> Folio:
    names = [line for line in header if _NAME.match(line.text.replace(" ", "")) and not folio_line(line.text)]
    name = max(names, key=lambda line: line.size).text.replace(" ", "") if names else None
    date = next((d for d in (full_date(line.text) for line in header) if d), None)
    return Folio(name, date, page_number([line.text for line in header]))


def numbered(folios: list[Folio]) -> list[Folio]:
    """The folios, a page without a number given the one before the next page's number (when it is a figure)."""
    out = list(folios)
    for i in reversed(range(len(out) - 1)):
        after = out[i + 1].number
        if out[i].number is None and after is not None and after.isdigit() and int(after) > 1:
            out[i] = Folio(out[i].publication, out[i].date, str(int(after) - 1), inferred=True)
    return out
