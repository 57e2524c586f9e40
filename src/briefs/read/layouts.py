"""Which layout a page of plain text is in, from the shape of its text, and the reader for it.

- ``seeds``: text extracted from a newspaper page (several articles, Markdown
  ``#`` or bare short headings, datelines, words cut at column breaks);
- ``epaper``: e-paper text as crawlers save it (headline lines, then one
  paragraph per indented line);
- ``web``: a news web page's text (headline, a date and source line, share
  bars, related links, copyright blocks).

(Saved web pages and PDFs are told by their file type: see ``read/__init__.py``.)

``auto`` picks by shape: most lines indented with a headline line between
them is e-paper text; the furniture of a web page is web text; anything else
is read by the seed rules, which are the most forgiving.
"""

from __future__ import annotations

import dataclasses

from ..document import Document
from ..errors import BriefsError
from ..registry import LAYOUT_NAMES, LAYOUTS, load
from .decoding import decode
from .epaper import epaper_reason
from .script import read_simplified
from .web.text import web_reason


def check_layout(layout: str) -> str:
    if layout not in LAYOUT_NAMES:
        raise BriefsError(f"unknown layout {layout!r}; known layouts: {', '.join(LAYOUT_NAMES)}")
    return layout


def choose(text: str, layout: str = "auto") -> tuple[str, str]:
    """(layout, why) for a decoded page."""
    if check_layout(layout) != "auto":
        return layout, "named in the settings"
    for name, reason in (("epaper", epaper_reason(text)), ("web", web_reason(text))):
        if reason:
            return name, reason
    return "seeds", "headlines over running text"


def parse_text(text: str, source: str, layout: str = "auto") -> Document:
    name, why = choose(text, layout)
    return dataclasses.replace(read_simplified(load(LAYOUTS[name]), text, source), layout=name, layout_reason=why)


def read_text(data: bytes, source: str, layout: str = "auto") -> Document:
    """A page of plain text, in whatever encoding, read by the layout its shape shows."""
    return parse_text(decode(data, source), source, layout)
