"""Bytes → text for Chinese news files: UTF-8 (BOM or not), UTF-16 with BOM, GB18030/GBK, Big5.

GB18030 and Big5 overlap so much that either codec decodes most files of the
other without an error. We decide by what the text looks like: correctly
decoded news uses mostly the high-frequency block of its own character set
(GB2312 level 1: the 3,755 most frequent hanzi; Big5's 5,401 frequently used
characters), while mis-decoded bytes scatter over rare characters, kana and
private-use code points.

A page is kept whatever a few of its bytes are: a crawl cut short mid-character,
a stray NUL or an invalid byte becomes U+FFFD and the page says how many in
its warnings. Only a page that is mostly not text is refused.
"""

from __future__ import annotations

import codecs
import functools
import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

import regex as re

from ..errors import InputError
from ..text.marks import HAN
from ..text.spaces import unify_newlines

# Lead-byte ranges of each charset's high-frequency hanzi block.
_FREQUENT_LEAD = {"gb18030": (0xB0, 0xD7), "big5": (0xA4, 0xC6)}
# A stray control byte is damage (a NUL in a crawled page); more than 1 in 100 characters is binary data.
_STRAY_CONTROL = re.compile(r"[^\P{Cc}\n\r\t\f]")
# Each undecodable byte is first marked as the lone surrogate U+DC00 + byte (as surrogateescape does,
# but for any byte: GB18030 reports "0" of a cut 4-byte sequence as undecodable too), then counted.
_MARK = "briefs-mark-bytes"
_MARKED = re.compile(r"[\uDC00-\uDCFF]")
_WARNINGS: ContextVar[list[str] | None] = ContextVar("briefs_decoding_warnings", default=None)


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


def _mark_each_byte(err: UnicodeError) -> tuple[str, int]:
    assert isinstance(err, UnicodeDecodeError)
    return "".join(chr(0xDC00 + byte) for byte in err.object[err.start : err.end]), err.end


@functools.cache
def _marking() -> str:
    codecs.register_error(_MARK, _mark_each_byte)
    return _MARK


def _lenient(data: bytes, codec: str) -> tuple[str, int]:
    """The text with each byte that is not ``codec`` as U+FFFD, and how many such bytes there were."""
    text, bad = _MARKED.subn("\ufffd", data.decode(codec, _marking()))
    return text, bad


def _plausibility(codec: str, text: str, bad: int) -> tuple[float, int]:
    # U+FFFD is a rare character in every charset, so bytes a codec cannot read count against it.
    # Each legacy codec is judged by its own frequent block; UTF-8 text may be in either script.
    charsets = [codec] if codec in _FREQUENT_LEAD else list(_FREQUENT_LEAD)
    return max(_frequent_share(text, charset) for charset in charsets), -bad


def _mostly_damaged(text: str, damaged: int) -> bool:
    return damaged * 2 > sum(1 for c in text if not c.isspace())


def _decode(data: bytes, source: str) -> tuple[str, int]:
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            text, bad = _lenient(data[len(bom) :], codec)
            if _mostly_damaged(text, bad):
                raise InputError(source, f"starts with a {codec} byte-order mark but is not valid {codec}")
            return text, bad
    try:
        return data.decode("utf-8"), 0
    except UnicodeDecodeError:
        pass
    # Strictly valid GB18030 or Big5 has no U+FFFD and wins as before; a damaged page is read by the codec
    # that makes the most sense of it, however few bytes it loses (UTF-8 first on a tie).
    candidates = [(codec, *_lenient(data, codec)) for codec in ("utf-8", *_FREQUENT_LEAD)]
    _, text, bad = max(candidates, key=lambda c: _plausibility(*c))
    return text, bad


def decode(data: bytes, source: str) -> str:
    """The text of a file, or an InputError naming the file and what is wrong.

    A few bytes that are not text become U+FFFD, counted in a warning that
    ``decoding_warnings`` collects."""
    if not data.strip():
        raise InputError(source, "empty file")
    text, bad = _decode(data, source)
    text, controls = _STRAY_CONTROL.subn("\ufffd", text)
    if controls > 1 and controls * 100 > len(text):
        raise InputError(source, "binary file, not text")
    if _mostly_damaged(text, bad + controls):
        reason = "binary file, not text" if controls >= bad else "cannot decode: not UTF-8, GB18030/GBK or Big5 text"
        raise InputError(source, reason)
    if not HAN.search(text):
        raise InputError(source, "no Chinese text found")
    if bad + controls:
        _warn(f"{_bytes(bad + controls)} could not be decoded (each shown as U+FFFD)")
    return unify_newlines(text)


def _bytes(count: int) -> str:
    return f"{count} byte{'s' if count != 1 else ''}"


def _warn(warning: str) -> None:
    collected = _WARNINGS.get()
    if collected is not None and warning not in collected:
        collected.append(warning)


@contextmanager
def decoding_warnings() -> Iterator[list[str]]:
    """The warnings of the pages decoded inside, for the Document being read.

    The readers turn ``decode``'s text into a Document themselves; the one
    caller that wraps every reader collects here what they need not pass on."""
    collected: list[str] = []
    token = _WARNINGS.set(collected)
    try:
        yield collected
    finally:
        _WARNINGS.reset(token)


_SHOWN_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def shown_path(path: str | os.PathLike[str]) -> str:
    """A file name as text that can be printed and written anywhere: bytes that are not UTF-8 (a GBK
    name from an archive made on Chinese Windows) and control characters as ``\\xNN`` escapes."""
    name = os.fspath(path)
    try:
        text = name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a lone surrogate that no file system gave
        text = name.encode("utf-8", "backslashreplace").decode("utf-8")
    return _SHOWN_CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
