"""File names of briefs: readable, stable, distinct for every article of a run, and short enough.

A brief is named ``<source>-<article number>-<english slug>``. ``<source>`` is
the input's stem, or, when two inputs of the run share a stem (``day1/page.txt``
and ``day2/page.txt``), its path from the inputs' common folder
(``day1-page``). The same inputs always give the same names, so reruns
overwrite and resume. Names stay under the file system's 255-byte limit by
cutting the slug first; a source too long even alone is cut and given a hash
of its whole name, so two sources never share a name. A name that is not
UTF-8 (a GBK name from an archive made on Chinese Windows) is shown with
``\\xNN`` escapes, and its brief is named with ``_xNN``: no backslash, and
valid UTF-8 on every file system.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from pathlib import Path
from typing import Sequence

import regex as re

from ..read.decoding import shown_path

# Room for ".json" and for a reader's copy suffix under NAME_MAX (255 bytes).
MAX_STEM_BYTES = 200


def slug(text: str | None, words: int = 8) -> str:
    parts = re.findall(r"[a-z0-9]+", (text or "").lower())[:words]
    return "-".join(parts)[:60].strip("-") or "untitled"


def source_keys(sources: Sequence[str]) -> list[str]:
    """One distinct name part per source: its stem, or its path from the colliding sources' common folder."""
    keys = [_safe(Path(s).stem) for s in sources]
    for attempt in (_relative_without_suffix, _relative, _hashed):
        counts = Counter(keys)
        clashing = [i for i, k in enumerate(keys) if counts[k] > 1]
        if not clashing:
            break
        names = attempt([sources[i] for i in clashing])
        for i, name in zip(clashing, names):
            keys[i] = _safe(name)
    return keys


def _safe(key: str) -> str:
    return shown_path(key).replace("\\", "_")


def _relative(sources: Sequence[str]) -> list[str]:
    real = [os.path.realpath(s) for s in sources]
    root = os.path.commonpath([os.path.dirname(r) for r in real])
    return ["-".join(Path(os.path.relpath(r, root)).parts) for r in real]


def _relative_without_suffix(sources: Sequence[str]) -> list[str]:
    return [str(Path(name).with_suffix("")) if "." in name else name for name in _relative(sources)]


def _hashed(sources: Sequence[str]) -> list[str]:
    return [f"{Path(s).stem}~{_digest(os.path.realpath(s))}" for s in sources]


def _digest(text: str) -> str:
    # text_digest's hash, over a name's own characters: a name that is not UTF-8 and its escaped spelling differ.
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:8]


def brief_stem(source_key: str, article_index: int, title_en: str | None, max_bytes: int = MAX_STEM_BYTES) -> str:
    """``<source>-<NN>-<slug>`` within ``max_bytes`` of UTF-8: the slug is cut first, never the source's identity."""
    number = f"-{article_index:02d}"
    key = source_key = _safe(source_key)
    if len((key + number).encode("utf-8")) > max_bytes - 10:
        keep = max_bytes - 10 - len(number) - 9
        key = key.encode("utf-8")[:keep].decode("utf-8", "ignore") + "~" + _digest(source_key)
    stem = key + number
    room = max_bytes - len(stem.encode("utf-8")) - 1
    tail = slug(title_en)[:room].strip("-")
    return f"{stem}-{tail}" if tail else stem
