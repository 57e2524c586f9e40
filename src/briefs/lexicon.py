"""The gloss engine's core lexicon: frequent news words with the sense news uses.

CC-CEDICT cannot say which of its senses a newspaper means (``表示`` is
"to express" first, but news means "said"), nor which words English leaves
unsaid (aspect and structural particles). The lexicon is data, in
``data/lexicon.tsv``; this module only reads it. Pure text.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

# The English column's marker for "no English word": the word is dropped.
DROP = "-"
_DATA = "lexicon.tsv"


@dataclass(frozen=True)
class Lexicon:
    english: dict[str, str]  # word → English; "" for a dropped word
    digest: str

    def __contains__(self, word: str) -> bool:
        return word in self.english

    def gloss(self, word: str) -> str | None:
        """The English for ``word`` ("" if it is dropped), or None if not listed."""
        return self.english.get(word)


def parse(text: str) -> dict[str, str]:
    """``word<TAB>English`` lines; ``#`` comments and blank lines skipped.

    A word listed twice is an error in the data, not a silent override.
    """
    english: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        word, tab, gloss = line.partition("\t")
        if not tab or not word.strip() or not gloss.strip():
            raise ValueError(f"lexicon line {number}: expected 'word<TAB>English', got {line!r}")
        word = word.strip()
        if word in english:
            raise ValueError(f"lexicon line {number}: {word!r} is listed twice")
        gloss = gloss.strip()
        english[word] = "" if gloss == DROP else gloss
    return english


@lru_cache(maxsize=1)
def default() -> Lexicon:
    """The lexicon shipped with briefs (read once per process)."""
    text = resources.files("briefs").joinpath("data", _DATA).read_text(encoding="utf-8")
    return Lexicon(parse(text), hashlib.sha256(text.encode()).hexdigest()[:12])
