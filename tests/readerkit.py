"""Small builders and counters shared by the reader's tests."""

from __future__ import annotations

from collections import Counter

import regex as re

from briefs.document import Document

_COUNTED = re.compile(r"[\p{Han}A-Za-z0-9]")


def page(*blocks: str) -> str:
    """A page as extracted text: blocks separated by blank lines."""
    return "\n\n".join(blocks) + "\n"


def counted(text: str) -> Counter:
    """The characters that must survive reading: Han, ASCII letters, digits."""
    return Counter(_COUNTED.findall(text))


def document_text(doc: Document) -> str:
    parts = [e.text for e in doc.extras]
    for article in doc.articles:
        parts += [x for x in (article.kicker, article.title, article.subtitle) if x]
        for section in article.sections:
            parts += [section.heading] if section.heading else []
            parts += section.paragraphs
        parts += [e.text for e in article.extras]
    return "\n".join(parts)
