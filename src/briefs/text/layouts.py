"""Which layout a page is in, from its file type and the shape of its text, and the reader for it.

- ``seeds``: text extracted from a newspaper page (several articles, Markdown
  ``#`` or bare short headings, datelines, words cut at column breaks);
- ``epaper``: e-paper text as crawlers save it (headline lines, then one
  paragraph per indented line);
- ``web``: a news web page's text (headline, a date and source line, share
  bars, related links, copyright blocks);
- ``html``: a saved web page; its main text is read as ``web`` text;
- ``pdf``: an e-paper PDF with a text layer, read from its characters' positions and sizes.

``auto`` picks by shape: most lines indented with a headline line between
them is e-paper text; the furniture of a web page is web text; anything else
is read by the seed rules, which are the most forgiving.
"""

from __future__ import annotations

import dataclasses
from typing import Callable

from ..errors import BriefsError
from .document import Document
from .epaper import epaper_reason, parse_epaper
from .reader import parse
from .webtext import parse_web, web_reason

LAYOUTS = ("auto", "seeds", "epaper", "web")
HTML_SUFFIXES = (".html", ".htm")
PDF_SUFFIXES = (".pdf",)


_PARSERS: dict[str, Callable[[str, str], Document]] = {"seeds": parse, "epaper": parse_epaper, "web": parse_web}


def check_layout(layout: str) -> str:
    if layout not in LAYOUTS:
        raise BriefsError(f"unknown layout {layout!r}; known layouts: {', '.join(LAYOUTS)}")
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
    return dataclasses.replace(_PARSERS[name](text, source), layout=name, layout_reason=why)
