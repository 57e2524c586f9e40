"""Bytes → text for Chinese news files: UTF-8 (BOM or not), UTF-16 with BOM, GB18030/GBK, Big5.

GB18030 and Big5 overlap so much that either codec decodes most files of the
other without an error. We decide by what the text looks like: correctly
decoded news uses mostly the high-frequency block of its own character set
(GB2312 level 1: the 3,755 most frequent hanzi; Big5's 5,401 frequently used
characters), while mis-decoded bytes scatter over rare characters, kana and
private-use code points.
"""

from __future__ import annotations

import codecs
import unicodedata

from ..errors import InputError
from ..text.marks import HAN
from ..text.spaces import unify_newlines

# Lead-byte ranges of each charset's high-frequency hanzi block.
_FREQUENT_LEAD = {"gb18030": (0xB0, 0xD7), "big5": (0xA4, 0xC6)}


def _frequent_share(text: str, encoding: str) -> float:
    low, high = _FREQUENT_LEAD[encoding]
    wide = [c for c in text if ord(c) > 0x7F and not c.isspace()]
    if not wide:
        return 0.0
    hits = 0
    for char in wide:
        try:
            lead = char.encode(encoding)[0]
        except UnicodeEncodeError:
            continue
        hits += low <= lead <= high and bool(HAN.match(char))
    return hits / len(wide)


def _control_share(text: str) -> float:
    controls = sum(1 for c in text if unicodedata.category(c) == "Cc" and c not in "\n\r\t\f")
    return controls / max(len(text), 1)


def _decode(data: bytes, source: str) -> str:
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec)
            except UnicodeDecodeError:
                raise InputError(source, f"starts with a {codec} byte-order mark but is not valid {codec}") from None
    if b"\x00" in data:
        raise InputError(source, "binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    candidates = []
    for encoding in _FREQUENT_LEAD:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        candidates.append((_frequent_share(text, encoding), text))
    if not candidates:
        raise InputError(source, "cannot decode: not UTF-8, GB18030/GBK or Big5 text")
    return max(candidates, key=lambda c: c[0])[1]


def decode(data: bytes, source: str) -> str:
    """The text of a file, or an InputError naming the file and what is wrong."""
    if not data.strip():
        raise InputError(source, "empty file")
    text = _decode(data, source)
    if _control_share(text) > 0.01:
        raise InputError(source, "binary file, not text")
    if not HAN.search(text):
        raise InputError(source, "no Chinese text found")
    return unify_newlines(text)
