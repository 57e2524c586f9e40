"""A file → Document, one reader per input form, chosen from one table of file types.

A new input form is one module here and one row in ``READERS``: the folder
search (``run/inputs.py``) and the commands' help derive from the table. Each
reader is imported when a file of its form is read, so reading text never
loads lxml or pdfplumber. An unreadable, empty, binary or non-Chinese file is
an ``InputError`` naming it.
"""

from __future__ import annotations

import dataclasses
import sys
import types
from dataclasses import dataclass
from pathlib import Path

from ..document import Document, Extra
from ..errors import InputError
from ..registry import load
from ..text.script import is_traditional
from .decoding import decoding_warnings, shown_path
from .lines import is_prose


@dataclass(frozen=True)
class Reader:
    suffixes: tuple[str, ...]  # lower-case, with the dot
    target: str  # "module:function(data, source, layout) -> Document", imported on first use
    magic: bytes = b""  # how a file of this form starts, whatever its name


READERS: tuple[Reader, ...] = (
    Reader((".txt", ".md"), "briefs.read.layouts:read_text"),
    Reader((".html", ".htm"), "briefs.read.web.html:read_page"),
    Reader((".pdf",), "briefs.read.pdf:read_page", magic=b"%PDF-"),
    # Page images, read by OCR; known by their names only: a .txt file starting like a PNG is binary junk.
    Reader((".png", ".jpg", ".jpeg", ".tif", ".tiff", ".webp"), "briefs.read.ocr:read_image"),
)
# A file named on the command line is read whatever its suffix: as plain text unless the table knows it.
DEFAULT = READERS[0]
SUFFIXES = tuple(suffix for reader in READERS for suffix in reader.suffixes)


def described() -> str:
    """The file types for help and messages: ".txt, .md, .html, .htm, .pdf"."""
    return ", ".join(SUFFIXES)


def reader_for(data: bytes, source: str) -> Reader:
    """By what the file starts with, then by its suffix."""
    for reader in READERS:
        if reader.magic and data.startswith(reader.magic):
            return reader
    suffix = Path(source).suffix.lower()
    return next((reader for reader in READERS if suffix in reader.suffixes), DEFAULT)


def read_bytes(data: bytes, source: str, layout: str = "auto") -> Document:
    """A page's bytes, by file type (a saved web page, a PDF) or by the shape of its text."""
    with decoding_warnings() as warnings:
        doc = load(reader_for(data, source).target)(data, source, layout)
    doc = dataclasses.replace(doc, warnings=doc.warnings + tuple(warnings)) if warnings else doc
    return with_script(bodies_only(doc))


def bodies_only(doc: Document) -> Document:
    """The document's articles that have body text; a headline with none under it (a boxed notice, a
    banner, a decorative word) is a note on the page. A page with no body text at all is an InputError."""
    bodied = [any(map(is_prose, article.paragraphs)) for article in doc.articles]
    if all(bodied) and doc.articles:
        return doc
    empty = [a for a, has in zip(doc.articles, bodied) if not has]
    kept = tuple(a for a, has in zip(doc.articles, bodied) if has)
    if not kept:
        heads = f" ({len(empty)} headline{'s' if len(empty) != 1 else ''} without one)" if empty else ""
        raise InputError(doc.source, f"no article text found{heads}")
    # Nothing is lost: an article without running text stays on the page, its lines as notes.
    lines = [text for a in empty for text in (a.kicker, a.title, a.subtitle, *a.paragraphs) if text]
    extras = tuple(Extra("note", text) for text in lines) + tuple(extra for a in empty for extra in a.extras)
    return dataclasses.replace(doc, articles=kept, extras=doc.extras + extras)


def with_script(doc: Document) -> Document:
    """The document, marked traditional when its text is set in traditional characters."""
    text = "".join(p for a in doc.articles for p in [a.title or "", *a.paragraphs])
    return dataclasses.replace(doc, script="traditional") if is_traditional(text) else doc


def read_path(path: Path | str, layout: str = "auto") -> Document:
    """Read one file; an unreadable or non-Chinese file is an InputError naming it."""
    path = Path(path)
    # The name as the briefs, the index and every message show it: a name that is not UTF-8 is escaped.
    source = shown_path(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(source, f"cannot read: {err.strerror or err}") from None
    return read_bytes(data, source, layout)


class _Callable(types.ModuleType):
    """``briefs.read(path)`` is the public API's function, and ``briefs.read`` is also this folder: importing
    a submodule binds the name to the folder, so the folder, called, reads a file as the function does."""

    def __call__(self, path: Path | str, layout: str = "auto") -> Document:
        return read_path(path, layout)


sys.modules[__name__].__class__ = _Callable
