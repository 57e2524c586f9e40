"""The gloss engine's core lexicon: frequent news words with the sense news uses.

CC-CEDICT cannot say which of its senses a newspaper means (``表示`` is
"to express" first, but news means "said"), nor which words English leaves
unsaid (aspect and structural particles). The lexicon is data, in two files:
``data/lexicon.tsv`` (function words and the vocabulary of Chinese local and
economic news) and ``data/lexicon-general.tsv`` (world news: politics,
science, sport, culture). A word is listed once across both. This module
only reads them. Pure text.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..files import text_digest

# The English column's marker for "no English word": the word is dropped.
DROP = "-"
_DATA = "lexicon.tsv"
_GENERAL = "lexicon-general.tsv"


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


@lru_cache(maxsize=2)
def default(general: bool = True) -> Lexicon:
    """The lexicon shipped with briefs (read once per process); ``general``
    adds the world-news vocabulary to the core."""
    names = (_DATA, _GENERAL) if general else (_DATA,)
    texts = [resources.files("briefs").joinpath("data", name).read_text(encoding="utf-8") for name in names]
    english: dict[str, str] = {}
    for name, text in zip(names, texts):
        entries = parse(text)
        twice = sorted(entries.keys() & english.keys())
        if twice:
            raise ValueError(f"{name}: {', '.join(twice[:5])} already listed in {_DATA}")
        english.update(entries)
    return Lexicon(english, text_digest("\n".join(texts)))
