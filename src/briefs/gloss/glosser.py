"""One Chinese sentence → word-by-word English from CC-CEDICT: the gloss engine's logic.

Each sentence is read as spans: figures and glossary terms first (they know
the unit, the scale and the agreed name), then dictionary words along the
most probable path. Each word shows one sense (the core lexicon's, else
CC-CEDICT's best for the word's usual part of speech); names are romanized.
Then rules that look at neighbours (``rules``) drop what English leaves
unsaid and add what it needs: articles, possessives, the passive, past
tenses, plurals, English punctuation and capitals. Pure text.
"""

from __future__ import annotations

from pathlib import Path

import regex

from ..figures.find import find_figures
from ..glossary.terms import Glossary, romanize
from ..text.words import hmm_words, part_of_speech_table
from . import english
from .cedict import Cedict
from .lexicon import Lexicon
from .lexicon import default as default_lexicon
from .rules import (
    ALL_FEATURES,
    GlossFeatures,
    Piece,
    clause_final,
    drop_unsaid,
    original_names,
    passives,
    past_tenses,
    plurals,
    possessives,
    with_articles,
)
from .senses import Sense, choose, is_classifier, usable
from .serials import serial_names
from .words import TRANSLITERATION, Segmenter, dotted_name_parts, name_shaped

_ALNUM = r"[\p{Latin}\p{Greek}\p{Cyrillic}\p{Nd}]"
_PIECES = regex.compile(rf"(\p{{Han}}+)|({_ALNUM}(?:[.,%&+'/_-]*{_ALNUM})*%?)|(\s+)|(.)")
_TYPOGRAPHIC_SPACE = regex.compile(rf"(?<=\p{{Han}})[ \t]+(?={_ALNUM})|(?<={_ALNUM}|%)[ \t]+(?=\p{{Han}})")
# The core lexicon lists frequent news words: between readings with as many
# words, the one using them is the likelier (在|位于 rather than 在位|于).
_CORE_FREQUENCY = 30
_NO_LEXICON = Lexicon({}, "none")
# The longest lexicon phrase a one-character glossary unit is looked for in.
_LONGEST_PHRASE = 8


class Glosser:
    """One sentence → pieces → English; word senses are remembered per word."""

    def __init__(
        self,
        cedict: Cedict,
        lexicon: Lexicon,
        glossary: Glossary | None = None,
        features: GlossFeatures = ALL_FEATURES,
    ):
        self.cedict = cedict
        self.lexicon = lexicon
        self.glossary = glossary
        self.features = features
        # One-character lexicon words (的, 在, 说) stand alone: they are not part of a name.
        singles = {w for w in lexicon.english if len(w) == 1}
        self.segmenter = Segmenter(
            cedict.headwords,
            {w: _CORE_FREQUENCY for w in lexicon.english},
            keep_single=singles,
            guess_names=hmm_words if features.names else None,
            looks_like_name=lambda piece: name_shaped(piece, self._is_surname),
        )
        self._senses: dict[str, Sense] = {}
        self._classifiers: dict[str, bool] = {}

    @classmethod
    def load(
        cls, glossary: Glossary | None = None, features: GlossFeatures = ALL_FEATURES, cache_dir: Path | None = None
    ) -> Glosser:
        """A glosser over the parsed dictionary (from the disk cache when it is current)
        and the lexicon ``features`` ask for."""
        cedict = Cedict.load(cache_dir=cache_dir)
        lexicon = default_lexicon(features.general_lexicon) if features.lexicon else _NO_LEXICON
        return cls(cedict, lexicon, glossary, features)

    def _is_surname(self, char: str) -> bool:
        return any(e.proper and s.startswith("surname ") for e in self.cedict.lookup(char) for s in e.senses)

    def gloss(self, sentence: str) -> str:
        pieces = self.pieces(sentence)
        if not self.features.punctuation:
            return " ".join(p.english for p in pieces if p.english)
        text = english.join([(p.source, p.english) for p in pieces])
        return english.indefinite_articles(text) if self.features.plurals else text

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
        return self._in_context(out)

    def _in_context(self, pieces: list[Piece]) -> list[Piece]:
        """The rules that look at a piece's neighbours, each one that ``features`` switches on."""
        rules = self.features
        if rules.names:
            pieces = serial_names(pieces, self._proper_name)
        if rules.original_names:
            pieces = original_names(pieces)
        if rules.possessives:
            pieces = possessives(pieces)
        if rules.passives:
            pieces = passives(pieces)
        if rules.function_words:
            pieces = drop_unsaid(pieces, self._is_classifier, indefinite=rules.indefinite_article)
        if rules.articles:
            pieces = with_articles(clause_final(pieces), after_verbs=rules.object_articles)
        if rules.past_tense:
            pieces = past_tenses(pieces)
        if rules.plurals:
            pieces = plurals(pieces)
        return pieces

    def _fixed_spans(self, sentence: str) -> list[tuple[int, int, Piece]]:
        """Figures, eras, glossary terms and dotted foreign names, non-overlapping, left to right; the longer span wins."""
        candidates = []
        for f in find_figures(sentence) if self.features.figures or self.features.eras else ():
            if self.features.eras if f.kind == "era" else self.features.figures:
                candidates.append((f.start, f.end, Piece(f.source, f.english, "figure", tag=f.kind)))
        if self.glossary is not None:
            for a, b, term in self.glossary.find(sentence):
                if b - a > 1 or not self._inside_listed_phrase(sentence, a, b):
                    candidates.append((a, b, Piece(sentence[a:b], term.en, "term")))
        if self.features.names:
            for start, end in dotted_name_parts(sentence, self._is_name, self._is_common_word):
                candidates.append((start, end, Piece(sentence[start:end], self._foreign_name(sentence[start:end]), "name")))
        candidates.sort(key=lambda c: (c[0], -(c[1] - c[0])))
        chosen: list[tuple[int, int, Piece]] = []
        for start, end, piece in candidates:
            if not chosen or start >= chosen[-1][1]:
                chosen.append((start, end, piece))
        return chosen

    def _inside_listed_phrase(self, sentence: str, start: int, end: int) -> bool:
        """Whether a lexicon phrase covers sentence[start:end]: a one-character unit
        (区, 县) then belongs to it (先导区 "pilot zone", not 先导 + "district")."""
        longest = _LONGEST_PHRASE
        for a in range(max(0, start - longest + 1), start + 1):
            for b in range(end, min(len(sentence), a + longest) + 1):
                if b - a > 1 and sentence[a:b] in self.lexicon:
                    return True
        return False

    def _is_name(self, word: str) -> bool:
        return any(e.proper for e in self.cedict.lookup(word))

    def _is_common_word(self, word: str) -> bool:
        return any(not e.proper for e in self.cedict.lookup(word))

    def _proper_name(self, word: str) -> str | None:
        """A word's English as a proper noun, its shortest (天宫 → "Tiangong", not "Temple in Heaven"); None if it has none."""
        senses = [sense for entry in self.cedict.lookup(word) if entry.proper for _, sense in usable(entry)]
        return min(senses, key=lambda s: len(s.english.split())).english if senses else None

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
                        listed = self.lexicon.gloss(word.text) is not None
                        out.append(Piece(word.text, sense.english, "word", sense.verb, self._tag(word.text), listed))
            elif other:
                out.append(Piece(other, other, "other"))
            elif mark:
                said = english.punctuation(mark) if self.features.punctuation else None
                out.append(Piece(mark, mark if said is None else said, "punct"))
        return out

    def _tag(self, word: str) -> str:
        if not self.features.uses_tags():
            return ""
        return part_of_speech_table().get(word, "")

    def _is_classifier(self, word: str) -> bool:
        if word not in self._classifiers:
            self._classifiers[word] = is_classifier(self.cedict.lookup(word))
        return self._classifiers[word]

    def word(self, word: str) -> str:
        """The English a gloss shows for one dictionary word ("" = dropped)."""
        return self.sense(word).english

    def sense(self, word: str) -> Sense:
        if word not in self._senses:
            found = self._dictionary_sense(word)
            listed = self.lexicon.gloss(word)
            if listed == "" and not self.features.function_words:
                listed = None
            if listed is not None:
                found = Sense(listed, found is not None and found.verb)
            self._senses[word] = found if found is not None else Sense(self._pieces_of(word))
        return self._senses[word]

    def _dictionary_sense(self, word: str) -> Sense | None:
        entries = self.cedict.lookup(word)
        if not self.features.sense_ranking:
            # The naive gloss: the first sense of the first entry, as written.
            return Sense(entries[0].senses[0]) if entries and entries[0].senses else None
        if not self.features.pos_senses:
            return choose(entries, self._resolve)
        tag = self._tag(word)
        return choose(entries, self._resolve, _verb_tag(tag), common=_common_tag(tag))

    def _resolve(self, word: str) -> str | None:
        found = choose(self.cedict.lookup(word))
        return found.english if found is not None else None

    def _pieces_of(self, word: str) -> str:
        """A word with no usable sense (only notes): its characters; a character
        that is only a classifier, nothing (English counts without one); else its sound."""
        if len(word) > 1:
            return " ".join(filter(None, (self.word(c) for c in word)))
        return "" if self._is_classifier(word) else romanize(word)


def _verb_tag(tag: str) -> bool | None:
    """Whether jieba's tag says verb (True), another part of speech (False), or nothing."""
    if tag.startswith("v") and tag != "vn":  # vn: a verb used as a noun (发展 development)
        return True
    return False if tag else None


# jieba's tags for names: person, place, organisation, other proper noun, abbreviation.
_NAME_TAGS = frozenset(("nr", "nrt", "nrfg", "ns", "nt", "nz", "j"))


def _common_tag(tag: str) -> bool:
    """Whether jieba's tag says the word is a common word, not a name."""
    return bool(tag) and tag not in _NAME_TAGS
