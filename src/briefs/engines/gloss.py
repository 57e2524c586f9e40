"""The gloss engine: word-by-word English from CC-CEDICT, offline and deterministic.

No substitute for a neural model (the brief says so), but it lets a reader
with no model and no network see what an article is about. Each sentence is
read as spans: figures and glossary terms first (they know the unit, the
scale and the agreed name), then dictionary words along the most probable
path. Each word shows one sense (the core lexicon's, else CC-CEDICT's best);
particles English has no word for are dropped, names are romanized, and the
punctuation becomes English punctuation. Pure text: no torch.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Sequence

import regex

from .. import english
from .. import lexicon as lexicon_data
from ..cedict import Cedict, bundled_path, file_digest
from ..figures import find_figures
from ..glossary import Glossary, romanize
from ..senses import Sense, choose, is_classifier
from ..words import NUMERALS, TRANSLITERATION, Segmenter, dotted_name_parts, hmm_names, name_shaped

VERSION = "0.1"

_ALNUM = r"[\p{Latin}\p{Greek}\p{Cyrillic}\p{Nd}]"
_PIECES = regex.compile(rf"(\p{{Han}}+)|({_ALNUM}(?:[.,%&+'/_-]*{_ALNUM})*%?)|(\s+)|(.)")
_TYPOGRAPHIC_SPACE = regex.compile(rf"(?<=\p{{Han}})[ \t]+(?={_ALNUM})|(?<={_ALNUM}|%)[ \t]+(?=\p{{Han}})")
# The core lexicon lists frequent news words: between readings with as many
# words, the one using them is the likelier (在|位于 rather than 在位|于).
_CORE_FREQUENCY = 30
# Where a clause opened with one of these, a later localizer only closes the
# frame English says with the preposition alone: 在会议上 → "in the meeting".
_FRAME_OPENERS = frozenset(("在", "于", "从", "自"))
_LOCALIZERS = frozenset(("上", "中", "里", "内"))
# A modal cannot end a clause; the same character there is a noun: 召开推进会。
_CLAUSE_FINAL = {"会": "meeting"}


@dataclass(frozen=True)
class Piece:
    source: str
    english: str
    kind: str  # word | name | figure | term | other | punct
    verb: bool = False


class GlossTranslator:
    """Translator protocol: Chinese sentences in, glossed English out."""

    def __init__(
        self,
        *,
        glossary_paths: Sequence[str | Path] = (),
        include_default_glossary: bool = True,
        cache_dir: str | Path | None = None,
    ):
        self.glossary_paths = tuple(Path(p) for p in glossary_paths)
        self.include_default_glossary = include_default_glossary
        self.cache_dir = Path(cache_dir) if cache_dir is not None else None
        self._identity: str | None = None
        self._glossary: Glossary | None = None
        self._glosser: Glosser | None = None

    @property
    def identity(self) -> str:
        # Hashes the dictionary file without parsing it: a run whose
        # sentences are all cached never loads the dictionary.
        if self._identity is None:
            glossary = self._load_glossary()
            self._identity = "|".join(
                (
                    "engine:gloss",
                    f"dict:cedict@{file_digest(bundled_path())}",
                    f"lexicon:{lexicon_data.default().digest}",
                    f"glossary:{glossary.identity if glossary is not None else 'none'}",
                    f"v:{VERSION}",
                )
            )
        return self._identity

    def translate(self, sentences: Sequence[str]) -> list[str]:
        glosser = self._load()
        return [glosser.gloss(sentence) for sentence in sentences]

    def _load(self) -> "Glosser":
        if self._glosser is None:
            cedict = Cedict.load(cache_dir=self.cache_dir)
            self._glosser = Glosser(cedict, lexicon_data.default(), self._load_glossary())
        return self._glosser

    def _load_glossary(self) -> Glossary | None:
        if self._glossary is None and (self.glossary_paths or self.include_default_glossary):
            self._glossary = Glossary.load(self.glossary_paths, include_default=self.include_default_glossary)
        return self._glossary


class Glosser:
    """One sentence → pieces → English; word senses are remembered per word."""

    def __init__(self, cedict: Cedict, lexicon: lexicon_data.Lexicon, glossary: Glossary | None = None):
        self.cedict = cedict
        self.lexicon = lexicon
        self.glossary = glossary
        # One-character lexicon words (的, 在, 说) stand alone: they are not part of a name.
        singles = {w for w in lexicon.english if len(w) == 1}
        core = {w: _CORE_FREQUENCY for w in lexicon.english}
        self.segmenter = Segmenter(
            cedict.headwords,
            core,
            keep_single=singles,
            guess_names=hmm_names,
            looks_like_name=lambda piece: name_shaped(piece, self._is_surname),
        )
        self._senses: dict[str, Sense] = {}
        self._classifiers: dict[str, bool] = {}

    def _is_surname(self, char: str) -> bool:
        return any(e.proper and s.startswith("surname ") for e in self.cedict.lookup(char) for s in e.senses)

    def gloss(self, sentence: str) -> str:
        return english.join([(p.source, p.english) for p in self.pieces(sentence)])

    def pieces(self, sentence: str) -> list[Piece]:
        # Spaces set between Chinese and Latin or digits are typography, not
        # word breaks; without them 33 万人 reads as one figure.
        sentence = _TYPOGRAPHIC_SPACE.sub("", sentence)
        out: list[Piece] = []
        position = 0
        for start, end, piece in self._fixed_spans(sentence):
            out += self._free(sentence[position:start])
            out.append(piece)
            position = end
        out += self._free(sentence[position:])
        return _with_articles(self._in_context(out))

    def _fixed_spans(self, sentence: str) -> list[tuple[int, int, Piece]]:
        """Figures, glossary terms and dotted foreign names, non-overlapping, left to right; the longer span wins."""
        candidates = [(f.start, f.end, Piece(f.source, f.english, "figure")) for f in find_figures(sentence)]
        if self.glossary is not None:
            candidates += [(a, b, Piece(sentence[a:b], term.en, "term")) for a, b, term in self.glossary.find(sentence)]
        for start, end in dotted_name_parts(sentence, self._is_name, self._is_common_word):
            candidates.append((start, end, Piece(sentence[start:end], self._foreign_name(sentence[start:end]), "name")))
        candidates.sort(key=lambda c: (c[0], -(c[1] - c[0])))
        chosen: list[tuple[int, int, Piece]] = []
        for start, end, piece in candidates:
            if not chosen or start >= chosen[-1][1]:
                chosen.append((start, end, piece))
        return chosen

    def _is_name(self, word: str) -> bool:
        return any(e.proper for e in self.cedict.lookup(word))

    def _is_common_word(self, word: str) -> bool:
        return any(not e.proper for e in self.cedict.lookup(word))

    def _foreign_name(self, name: str) -> str:
        """The dictionary's spelling of a known foreign name (迪伦 → Dylan), else its pinyin as one word."""
        entries = self.cedict.lookup(name)
        if entries and all(e.proper for e in entries):
            sense = choose(entries)
            if sense is not None:
                return sense.english
        return romanize(name, kind="place")

    def _free(self, text: str) -> list[Piece]:
        out: list[Piece] = []
        for han, other, space, mark in _PIECES.findall(text):
            if han:
                for word in self.segmenter.cut(han):
                    if word.is_name:
                        foreign = all(c in TRANSLITERATION for c in word.text)
                        out.append(Piece(word.text, romanize(word.text, kind="place" if foreign else None), "name"))
                    else:
                        sense = self.sense(word.text)
                        out.append(Piece(word.text, sense.english, "word", sense.verb))
            elif other:
                out.append(Piece(other, other, "other"))
            elif mark:
                said = english.punctuation(mark)
                out.append(Piece(mark, mark if said is None else said, "punct"))
        return out

    def _in_context(self, pieces: list[Piece]) -> list[Piece]:
        """Drop what English leaves unsaid (counted classifiers, frame-closing
        localizers) and read clause-final words as what they must be there."""
        out: list[Piece] = []
        frame_open = False
        for i, piece in enumerate(pieces):
            clause_final = i + 1 == len(pieces) or pieces[i + 1].kind == "punct"
            if piece.kind == "word" and clause_final and piece.source in _CLAUSE_FINAL:
                piece = replace(piece, english=_CLAUSE_FINAL[piece.source], verb=False)
            if piece.kind == "punct":
                frame_open = False
            elif piece.kind == "word" and piece.source in _FRAME_OPENERS:
                frame_open = True
            elif piece.kind == "word" and piece.source in _LOCALIZERS and frame_open:
                frame_open = False
                piece = replace(piece, english="")
            elif out and _counts(out[-1]) and piece.kind == "word" and self._is_classifier(piece.source):
                piece = replace(piece, english="")
            out.append(piece)
        return out

    def _is_classifier(self, word: str) -> bool:
        if word not in self._classifiers:
            self._classifiers[word] = is_classifier(self.cedict.lookup(word))
        return self._classifiers[word]

    def word(self, word: str) -> str:
        """The English a gloss shows for one dictionary word ("" = dropped)."""
        return self.sense(word).english

    def sense(self, word: str) -> Sense:
        if word not in self._senses:
            found = choose(self.cedict.lookup(word), self._resolve)
            listed = self.lexicon.gloss(word)
            if listed is not None:
                found = Sense(listed, found is not None and found.verb)
            self._senses[word] = found if found is not None else Sense(self._pieces_of(word))
        return self._senses[word]

    def _resolve(self, word: str) -> str | None:
        found = choose(self.cedict.lookup(word))
        return found.english if found is not None else None

    def _pieces_of(self, word: str) -> str:
        """A word with no usable sense: its characters, else its sound."""
        if len(word) > 1:
            return " ".join(filter(None, (self.word(c) for c in word)))
        return romanize(word)


def _with_articles(pieces: list[Piece]) -> list[Piece]:
    """ "the" before a noun that opens a clause or follows a preposition.

    Chinese has no articles and English news rarely goes without one there;
    verbs (CC-CEDICT's "to …" senses) and closed-class words never take one.
    """
    out: list[Piece] = []
    wants_article = True
    for piece in pieces:
        if piece.english and piece.kind == "punct":
            if piece.english in (".", ";", ":", "?", "!"):
                wants_article = True
        elif piece.english:
            if wants_article and piece.kind == "word" and not piece.verb and english.takes_article(piece.english):
                piece = replace(piece, english="the " + piece.english)
            wants_article = piece.english.rsplit(" ", 1)[-1].lower() in english.PREPOSITIONS
        out.append(piece)
    return out


def _counts(piece: Piece) -> bool:
    if piece.kind == "figure":
        return True
    if piece.kind == "other":
        return piece.source[:1].isdigit()
    return piece.kind == "word" and all(c in NUMERALS for c in piece.source)
