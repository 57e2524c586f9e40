"""A page in traditional characters, read by the rules of simplified text and shown as written.

The page rules are written for simplified text (来源：, 记者, 图为), so a Taiwan
or Hong Kong page is read from its simplified copy (OpenCC ``t2s``, which keeps
every character in its place), and each text the reader returns is put back
into the page's own characters: its characters are found in the copy in order,
and the page's character at the same place is taken. Readers only drop and
join (space, markers, line breaks), never reorder, so the order holds.
"""

from __future__ import annotations

import dataclasses
from typing import Any, Callable

from ..document import Document
from ..text.marks import HAN
from ..text.script import is_traditional, simplifier


def read_simplified(parse: Callable[[str, str], Document], text: str, source: str) -> Document:
    """``parse(text, source)``, through the simplified copy when the page is set in traditional characters."""
    if not is_traditional(text):
        return parse(text, source)
    copy = simplifier(True)(text)
    if len(copy) != len(text):  # a phrase converted to one of another length: read the page as it is
        return parse(text, source)
    return _as_written(parse(copy, source), copy, text)


def _as_written(value: Any, copy: str, page: str) -> Any:
    if isinstance(value, str):
        return _restore(value, copy, page) if HAN.search(value) else value
    if isinstance(value, tuple):
        return tuple(_as_written(v, copy, page) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.replace(value, **{f.name: _as_written(getattr(value, f.name), copy, page) for f in dataclasses.fields(value)})
    return value


def _restore(text: str, copy: str, page: str) -> str:
    """``text`` (from the copy) in the page's characters: each character found in the copy after the last."""
    start = copy.find(text[: min(len(text), 4)])
    at = max(start, 0)
    out = []
    for char in text:
        found = copy.find(char, at)
        if found < 0:
            found = copy.find(char)
        if found < 0 or char.isspace():
            out.append(char)  # a space the reader folded, or a mark it added
            continue
        out.append(page[found])
        at = found + 1
    return "".join(out)
