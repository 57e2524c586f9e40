"""Pick the one English sense a word-by-word gloss shows for a dictionary word.

CC-CEDICT lists senses roughly most common first, but mixes in notes for
lexicographers (variants, readings, surnames, classifiers) and registers a
news reader rarely needs (literary, dialect, Taiwan). A gloss wants one short,
frequent sense, cleaned of the notes around it. Pure text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Sequence

import regex

from .cedict import Entry
from .places import PLACE_DESCRIPTION, WHERE_ONLY, place_name

# Senses that describe the headword rather than translate it: cross-references,
# variants, readings, surnames, classifiers, explanations of what it refers to.
_NOTE = re.compile(
    r"^(?:(?:old |archaic |unofficial |erhua |japanese |same as |also )?variant of|see |see also|refers to|"
    r"also written|also called|used in|used as|(?:taiwan |also )?pr\. |cl:|surname |old name for|"
    r"same as|abbr\. to|(?:one of )?the \d+|classifier for|component in|radical in|phonetic \"|"
    r"(?:prefix|suffix) (?:used|of|for|forming|corresponding)|(?:a )?name of|"
    r"(?:\w+ )?(?:chinese )?character|kangxi radical|place name|misspelling of)",
    re.IGNORECASE,
)
_ABBREVIATION = re.compile(r"^abbr\. (?:for|of) ([^\s\[,|]+)(?:\|([^\s\[,]+))?(?:\[[^\]]*\])?(?:,\s*(.+))?$")
# A note before the rendering: "classifier indicating a small amount…: some, a few",
# "short name for Fujian province 福建[Fu2 jian4]".
_NOTE_BEFORE = re.compile(r"^(?:(?:classifier|particle|prefix|suffix|interjection)\b[^:]*:\s*|short (?:name )?for (?=[A-Z]))")
# What a note leaves in English if one gets through: the gloss checks its senses
# and its output against this (tests, benchmarks/bench_gloss.py). A place word
# before "in"/"of" and a capital, or any shape of ``PLACE_DESCRIPTION``, is a
# description of where a place is ("Leye county in Guangxi", "province in east China").
NOTE_WORDING = regex.compile(
    r"(?i:\brefers to\b|\bsee also\b|\bvariant of\b|\bused in\b|\babbr\.|\bsurname\b|\bCL:|"
    r"\((?:person |japanese )?name\)|\((?:literary|tw|bound form|dialect|archaic|old|coll\.)\)|"
    r"\balso (?:written|called|pr\.)|\b(?:short|old) name for\b|\bpr\. \[)"
    r"|\b(?:county|district|township|prefecture) (?:in|of) [A-Z]|" + PLACE_DESCRIPTION.pattern
)
# Registers a gloss of modern news should reach for last.
_RARE = re.compile(
    r"^\((?:literary|archaic|old|dialect|tw|slang|internet slang|onom\.|buddhism|taoism|tcm|"
    r"derog\.|vulgar|classical|loanword|cantonese|hk|math\.|botany|zoology|chemistry|physics|"
    r"medicine|linguistics|music|euphemism|neologism[^)]*|in former times|Chinese chess)\)",
    re.IGNORECASE,
)
# A county-level place or below: the only reading CC-CEDICT has for some common
# words (乐业 "Leye county in Guangxi", 山上 "Shanshang township in Tainan").
_MINOR_PLACE = re.compile(r"\b(?:county|township|town|district|village|banner)\b", re.IGNORECASE)
# How many places down the list a sense of the other part of speech goes: far
# enough to pass a few same-part senses (measured: 3 helped less than 6 did).
_OTHER_PART_OF_SPEECH = 6
_FIGURATIVE = re.compile(r"^(?:lit|fig)\.\s+")
# An idiom's word-for-word reading: its figurative sense (if any) says what it means.
_LITERAL = re.compile(r"^lit\.\s")
_PARENTHESES = re.compile(r"\([^()]*\)")
_PLACEHOLDERS = re.compile(r"\b(?:sb|sth|sb's|sth's|one's|oneself|etc)\b\.?", re.IGNORECASE)
# A cross-reference to another headword, with or without its pinyin: 詩經|诗经[Shi1 jing1].
# The comma after one still ends the rendering ("Changbai mountains 長白山|长白山, volcanic …").
_HANZI_REFERENCE = regex.compile(r"\S*\[[^\]]*\]|[^\s,;]*\p{Han}[^\s,;]*")


@dataclass(frozen=True)
class Sense:
    english: str
    verb: bool = False  # CC-CEDICT writes verbs "to …": no article goes before one


def clean(sense: str, *, proper: bool = False) -> str:
    """The English a gloss can show: notes, placeholders and synonyms removed.

    A proper noun keeps its name and drops the description of where it is
    ("Liaoning province in northeast China" → "Liaoning Province", ``places``).
    """
    text = " ".join(_PLACEHOLDERS.sub(" ", _core(sense)).split())
    if proper:
        text = place_name(text)
    text = " ".join(text.replace("~", "").split()).strip(" ,.:")
    if text.startswith("to ") and len(text) > 3:
        # English news reports what was done; the infinitive marker only adds noise.
        text = text[3:]
    return text


def _core(sense: str) -> str:
    """The sense without notes in brackets, a synonym after a semicolon, an
    explanation after a comma or colon, or the "lit."/"fig." label."""
    # "lit. thousand ways (idiom); by every possible means": what the idiom means comes last.
    text = sense.rsplit("(idiom);", 1)[-1]
    # Brackets first: a note in them may list references ("dream (CL:場|场[chang2],個|个[ge4])").
    while True:
        stripped = _PARENTHESES.sub(" ", text)
        if stripped == text:
            break
        text = stripped
    text = _HANZI_REFERENCE.sub("", text)
    text = text.split(";")[0].split(",")[0].split(": ")[0]
    return _FIGURATIVE.sub("", text.strip())


def rendering(sense: str, *, proper: bool = False) -> str | None:
    """The English a CC-CEDICT sense gives for its headword, or None if the sense is a note.

    A note says something about the headword instead of translating it: "refers
    to …", "see …", "(old / erhua) variant of …", "used in …", "abbr. for …",
    "surname …", "also written …", "CL:…", "classifier for …", "name of …", a
    reading ("Taiwan pr. …"). A gloss never shows one. Notes around a rendering
    are removed and the rendering kept: "(bound form) school" → "school",
    "(literary) wise" → "wise", "Carter (name)" → "Carter", "dinosaur; CL:頭" →
    "dinosaur", "short name for Fujian province" → "Fujian Province". A place
    is its name ("Zhejiang province in east China" → "Zhejiang Province"), and
    a proper noun's sense that only says where it is ("in Huangnan Tibetan
    Autonomous Prefecture") is a note. A sense whose English still reads as a
    note is no rendering either.
    """
    if _NOTE.match(sense) or _ABBREVIATION.match(sense) or (proper and WHERE_ONLY.match(sense)):
        return None
    english = clean(_NOTE_BEFORE.sub("", sense), proper=proper)
    if not any(c.isalpha() for c in english) or NOTE_WORDING.search(english):
        return None
    return english


def usable(entry: Entry, common: bool = False) -> list[tuple[float, Sense]]:
    """(rank, sense) for each sense worth showing; lower rank is better.

    ``common``: the word is used as a common word, so a proper noun's county,
    district or township is no reading of it (宜居乐业 is not about Leye county).
    """
    found = []
    for position, sense in enumerate(entry.senses):
        english = rendering(sense, proper=entry.proper)
        if english is None or (common and entry.proper and _MINOR_PLACE.search(sense)):
            continue
        # Earlier senses are the commoner ones; a rare register or a literal
        # reading goes last; a long sense gives way to a short one near it.
        rarity = 6 if _RARE.match(sense) or _LITERAL.match(sense) else 0
        rank = position + rarity + 0.4 * max(0, len(english.split()) - 2)
        found.append((rank, Sense(english, _core(sense).strip().startswith("to "))))
    return found


def choose(
    entries: Sequence[Entry],
    resolve: Callable[[str], str | None] | None = None,
    verb: bool | None = None,
    common: bool = False,
) -> Sense | None:
    """The sense a gloss shows for a word with these dictionary entries, or None.

    Common-noun readings beat proper-noun ones, and a character's own entry
    beats one for a variant form of it; then the reading with most usable
    senses is taken as the common one (the file has no frequencies, and rare
    readings carry few senses). ``resolve`` glosses the full form an
    abbreviation points to when the entry gives no English. ``verb`` says
    whether the word is used as a verb here (None: not known); a sense of the
    other part of speech then gives way to one of the same (建议 as a noun:
    "proposal", not "propose"). ``common`` is ``usable``'s. With no rendering
    at all (only notes) the answer is None, and the caller glosses the word
    another way: by its characters, or its sound.
    """
    readings = []
    for i, entry in enumerate(entries):
        senses = usable(entry, common)
        readings.append(((entry.proper, _is_variant(entry), -len(senses), i), senses))
    for _, senses in sorted(readings, key=lambda r: r[0]):
        if senses:
            return min(senses, key=lambda s: s[0] + (0 if verb in (None, s[1].verb) else _OTHER_PART_OF_SPEECH))[1]
    for entry in entries:
        for sense in entry.senses:
            found = _ABBREVIATION.match(sense)
            english = rendering(found.group(3)) if found and found.group(3) else None
            if english:
                return Sense(english)
            if found and resolve is not None:
                english = resolve(found.group(2) or found.group(1))
                if english:
                    return Sense(english)
    return None


def best_sense(entries: Sequence[Entry], resolve: Callable[[str], str | None] | None = None) -> str | None:
    """The English of ``choose``."""
    sense = choose(entries, resolve)
    return sense.english if sense is not None else None


def _is_variant(entry: Entry) -> bool:
    """An entry for a variant character: 秊 年 /variant of 年[nian2]/ (not 了's cross-reference to 瞭|了)."""
    for sense in entry.senses:
        found = _VARIANT.search(sense)
        if found and entry.traditional not in found.group(1).split("|"):
            return True
    return False


_VARIANT = re.compile(r"\bvariant of ([^\s\[]+)", re.IGNORECASE)
_CLASSIFIER = re.compile(r"^\(?classifier\b", re.IGNORECASE)


def is_classifier(entries: Sequence[Entry]) -> bool:
    """Whether a word can be a measure word (个, 项, 座…), which English counts without."""
    return any(_CLASSIFIER.match(s) for e in entries if not e.proper for s in e.senses)
