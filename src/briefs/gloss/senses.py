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

# Senses that describe the headword rather than translate it.
_NOTE = re.compile(
    r"^(?:(?:old |archaic |unofficial |erhua |japanese |same as |also )?variant of|see |see also|"
    r"also written|also called|used in|used as|(?:taiwan |also )?pr\. |cl:|surname |old name for|"
    r"same as|abbr\. to|(?:one of )?the \d+|classifier for|component in|radical in|"
    r"(?:\w+ )?(?:chinese )?character|kangxi radical|name of a river|place name)",
    re.IGNORECASE,
)
_ABBREVIATION = re.compile(r"^abbr\. (?:for|of) ([^\s\[,|]+)(?:\|([^\s\[,]+))?(?:\[[^\]]*\])?(?:,\s*(.+))?$")
# Registers a gloss of modern news should reach for last.
_RARE = re.compile(
    r"^\((?:literary|archaic|old|dialect|tw|slang|internet slang|onom\.|buddhism|taoism|tcm|"
    r"derog\.|vulgar|classical|loanword|cantonese|hk|math\.|botany|zoology|chemistry|physics|"
    r"medicine|linguistics|music|euphemism|neologism[^)]*|in former times|Chinese chess)\)",
    re.IGNORECASE,
)
# "Longcheng district of Chaoyang city", "Liaoning province in northeast China":
# the name, then where it is; "Nobel Prize in Literature" is all name.
_LOCATED = re.compile(
    r"\b((?:province|county|city|district|prefecture|town|township|village|region|state|river|lake|"
    r"mountain|island|banner)) (?:in|of|on|at|near|under|within|north|south|east|west|capital)\b.*$"
)
# The rank of a Chinese city, which English leaves out: "Shanghai municipality", "Nanjing subprovincial city".
_CITY_RANK = re.compile(
    r" (?:municipality|(?:sub-?provincial|(?:sub-)?prefecture[- ]level|county[- ]level) city)\b.*$", re.IGNORECASE
)
# How many places down the list a sense of the other part of speech goes: far
# enough to pass a few same-part senses (measured: 3 helped less than 6 did).
_OTHER_PART_OF_SPEECH = 6
_FIGURATIVE = re.compile(r"^(?:lit|fig)\.\s+")
# An idiom's word-for-word reading: its figurative sense (if any) says what it means.
_LITERAL = re.compile(r"^lit\.\s")
_PARENTHESES = re.compile(r"\([^()]*\)")
_PLACEHOLDERS = re.compile(r"\b(?:sb|sth|sb's|sth's|one's|oneself|etc)\b\.?", re.IGNORECASE)
# A cross-reference to another headword, with or without its pinyin: 詩經|诗经[Shi1 jing1].
_HANZI_REFERENCE = regex.compile(r"\S*\[[^\]]*\]|\S*\p{Han}\S*")


@dataclass(frozen=True)
class Sense:
    english: str
    verb: bool = False  # CC-CEDICT writes verbs "to …": no article goes before one


def clean(sense: str, *, proper: bool = False) -> str:
    """The English a gloss can show: notes, placeholders and synonyms removed.

    A proper noun keeps its name and drops the description of where it is
    ("Liaoning province in northeast China" → "Liaoning province").
    """
    text = _PLACEHOLDERS.sub(" ", _core(sense))
    if proper:
        text = _CITY_RANK.sub("", _LOCATED.sub(r"\1", text))
    text = " ".join(text.replace("~", "").split()).strip(" ,.:")
    if text.startswith("to ") and len(text) > 3:
        # English news reports what was done; the infinitive marker only adds noise.
        text = text[3:]
    return text


def _core(sense: str) -> str:
    """The sense without notes in brackets, a synonym after a semicolon, an
    explanation after a comma or colon, or the "lit."/"fig." label."""
    text = _HANZI_REFERENCE.sub("", sense)
    # "lit. thousand ways (idiom); by every possible means": what the idiom means comes last.
    text = text.rsplit("(idiom);", 1)[-1]
    while True:
        stripped = _PARENTHESES.sub(" ", text)
        if stripped == text:
            break
        text = stripped
    text = text.split(";")[0].split(",")[0].split(": ")[0]
    return _FIGURATIVE.sub("", text.strip())


def usable(entry: Entry) -> list[tuple[float, Sense]]:
    """(rank, sense) for each sense worth showing; lower rank is better."""
    found = []
    for position, sense in enumerate(entry.senses):
        if _NOTE.match(sense) or _ABBREVIATION.match(sense):
            continue
        english = clean(sense, proper=entry.proper)
        if not english or not any(c.isalpha() for c in english):
            continue
        # Earlier senses are the commoner ones; a rare register or a literal
        # reading goes last; a long sense gives way to a short one near it.
        rarity = 6 if _RARE.match(sense) or _LITERAL.match(sense) else 0
        rank = position + rarity + 0.4 * max(0, len(english.split()) - 2)
        found.append((rank, Sense(english, _core(sense).strip().startswith("to "))))
    return found


def choose(
    entries: Sequence[Entry], resolve: Callable[[str], str | None] | None = None, verb: bool | None = None
) -> Sense | None:
    """The sense a gloss shows for a word with these dictionary entries, or None.

    Common-noun readings beat proper-noun ones, and a character's own entry
    beats one for a variant form of it; then the reading with most usable
    senses is taken as the common one (the file has no frequencies, and rare
    readings carry few senses). ``resolve`` glosses the full form an
    abbreviation points to when the entry gives no English. ``verb`` says
    whether the word is used as a verb here (None: not known); a sense of the
    other part of speech then gives way to one of the same (建议 as a noun:
    "proposal", not "propose").
    """
    readings = []
    for i, entry in enumerate(entries):
        senses = usable(entry)
        readings.append(((entry.proper, _is_variant(entry), -len(senses), i), senses))
    for _, senses in sorted(readings, key=lambda r: r[0]):
        if senses:
            return min(senses, key=lambda s: s[0] + (0 if verb in (None, s[1].verb) else _OTHER_PART_OF_SPEECH))[1]
    for entry in entries:
        for sense in entry.senses:
            found = _ABBREVIATION.match(sense)
            if found and found.group(3):
                return Sense(clean(found.group(3)))
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
