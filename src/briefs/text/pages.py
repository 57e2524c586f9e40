"""A file → Document: a saved web page or a PDF by its file type, any other page by the shape of its text.

An unreadable, empty, binary or non-Chinese file is an ``InputError`` naming it.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from ..errors import InputError
from .decoding import decode
from .document import Document
from .layouts import HTML_SUFFIXES, PDF_SUFFIXES, parse_text
from .script import is_traditional


def read_bytes(data: bytes, source: str, layout: str = "auto") -> Document:
    """A page's bytes, by file type (a saved web page) or by the shape of its text."""
    if source.lower().endswith(HTML_SUFFIXES):
        from .html import read_html

        doc = dataclasses.replace(read_html(data, source), layout="html", layout_reason="a saved web page")
    elif source.lower().endswith(PDF_SUFFIXES) or data.startswith(b"%PDF-"):
        from .pdf import read_pdf

        doc = read_pdf(data, source)
    else:
        doc = parse_text(decode(data, source), source, layout)
    return with_script(doc)


def with_script(doc: Document) -> Document:
    """The document, marked traditional when its text is set in traditional characters."""
    text = "".join(p for a in doc.articles for p in [a.title or "", *a.paragraphs])
    return dataclasses.replace(doc, script="traditional") if is_traditional(text) else doc


def read_path(path: Path | str, layout: str = "auto") -> Document:
    """Read one file; an unreadable or non-Chinese file is an InputError naming it."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(str(path), f"cannot read: {err.strerror or err}") from None
    return read_bytes(data, str(path), layout)
