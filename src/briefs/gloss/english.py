"""Glossed pieces → one English sentence: spacing, punctuation, capitals.

Chinese punctuation is full-width and unspaced; English attaches commas and
stops to the word before, opens brackets and quotes onto the word after, and
capitalizes each sentence. Pure text.
"""

from __future__ import annotations

import re

from ..text.marks import FULL_STOPS

# Chinese (and ASCII) punctuation → English, by how it attaches.
_CLOSING = {
    "，": ",", "、": ",", "。": ".", "；": ";", "：": ":", "？": "?", "！": "!",
    ",": ",", ".": ".", ";": ";", ":": ":", "?": "?", "!": "!", "%": "%",
    "”": '"', "’": "'", "）": ")", ")": ")", "》": '"', "〉": '"', "】": "]", "」": '"', "』": '"',
    "…": "...", "……": "...", "...": "...",
}
_OPENING = {"“": '"', "‘": "'", "（": "(", "(": "(", "《": '"', "〈": '"', "【": "[", "「": '"', "『": '"'}
_SPACED = {"—": "-", "——": "-", "－": "-", "～": "-", "~": "-", "·": "", "・": "", "•": ""}

# Prepositions after which an English noun phrase wants its article.
PREPOSITIONS = frozenset(
    "in of to on at from for with by about during after before into under over between among through "
    "against within without towards toward across along around".split()
)
# Words that never take an article: determiners, pronouns, prepositions,
# conjunctions, auxiliaries, quantifiers and number words.
_NO_ARTICLE = PREPOSITIONS | frozenset(
    "the a an this that these those his her its their our my your some any many much more most few "
    "several all each every other another no not such own same what which who whom whose why how where "
    "when whether if as than and or but so yet also still already only even just very too quite again once "
    "he she it they we i you him them us me one two three four five six seven eight nine ten hundred "
    "thousand million billion is are was were be been has have had do does did will would can could may "
    "might must shall should there here then now today yesterday tomorrow however therefore thus "
    "because although despite while until since including according etc".split()
)
_SENTENCE_ENDS = frozenset(FULL_STOPS + ".")


def punctuation(mark: str) -> str | None:
    """The English for a punctuation mark, or None if ``mark`` is not one we know."""
    for table in (_CLOSING, _OPENING, _SPACED):
        if mark in table:
            return table[mark]
    return None


def join(pieces: list[tuple[str, str]]) -> str:
    """``(source, english)`` pieces as one English sentence.

    ``source`` decides how punctuation attaches and where a sentence starts
    (a capital follows a Chinese full stop, not the period of "Co., Ltd.");
    a piece whose English is empty is left out, and a word repeated back to
    back across two pieces ("province" after "Nova Scotia province") is said once.
    """
    out: list[str] = []
    last_word = ""
    glue_next = True
    quote_open = False
    sentence_start = True
    for source, english in pieces:
        if not english:
            continue
        attach_left = source in _CLOSING
        attach_right = source in _OPENING
        if source == '"':  # ASCII quotes: open, then close
            attach_left, attach_right = quote_open, not quote_open
            quote_open = not quote_open
        is_mark = attach_left or attach_right
        if not is_mark and english.lower() == last_word:
            continue
        first, _, rest = english.partition(" ")
        if not is_mark and first.isalpha() and first.lower() == last_word.rsplit(" ", 1)[-1]:
            if not rest:
                continue  # "Nova Scotia province" + "province": the word once
            english = rest
        last_word = "" if is_mark else english.lower()
        if sentence_start and not is_mark and english[:1].islower():
            english = english[0].upper() + english[1:]
        if out and not glue_next and not attach_left:
            out.append(" ")
        out.append(english)
        glue_next = attach_right
        if source in _SENTENCE_ENDS:
            sentence_start = True
        elif not is_mark:
            sentence_start = False
    return "".join(out).strip()


def takes_article(phrase: str) -> bool:
    """Whether a glossed noun phrase may take "the": a lowercase content word first, and
    no preposition last (a phrase ending in one is no noun phrase: "good to live and work in")."""
    first, _, rest = phrase.partition(" ")
    if rest and rest.rsplit(" ", 1)[-1] in PREPOSITIONS:
        return False
    return first.isalpha() and first.islower() and first not in _NO_ARTICLE and not first.endswith("ly")


# The past tense of the verbs English forms irregularly (the common ones).
_IRREGULAR_PAST = dict(
    pair.split(":")
    for pair in (
        "be:was arise:arose awake:awoke bear:bore beat:beat become:became begin:began bend:bent bet:bet bind:bound "
        "bite:bit bleed:bled blow:blew break:broke breed:bred bring:brought broadcast:broadcast build:built "
        "burn:burned burst:burst buy:bought cast:cast catch:caught choose:chose cling:clung come:came cost:cost "
        "creep:crept cut:cut deal:dealt dig:dug do:did draw:drew drink:drank drive:drove eat:ate fall:fell "
        "feed:fed feel:felt fight:fought find:found flee:fled fly:flew forbid:forbade forecast:forecast "
        "forget:forgot forgive:forgave freeze:froze get:got give:gave go:went grind:ground grow:grew hang:hung "
        "have:had hear:heard hide:hid hit:hit hold:held hurt:hurt keep:kept kneel:knelt know:knew lay:laid "
        "lead:led leave:left lend:lent let:let lie:lay light:lit lose:lost make:made mean:meant meet:met "
        "mislead:misled overcome:overcame pay:paid put:put quit:quit read:read ride:rode ring:rang rise:rose "
        "run:ran say:said see:saw seek:sought sell:sold send:sent set:set shake:shook shed:shed shine:shone "
        "shoot:shot show:showed shrink:shrank shut:shut sing:sang sink:sank sit:sat sleep:slept slide:slid "
        "speak:spoke spend:spent spin:spun split:split spread:spread spring:sprang stand:stood steal:stole "
        "stick:stuck sting:stung strike:struck swear:swore sweep:swept swim:swam swing:swung take:took "
        "teach:taught tear:tore tell:told think:thought throw:threw undergo:underwent understand:understood "
        "undertake:undertook upset:upset wake:woke wear:wore weep:wept win:won wind:wound withdraw:withdrew "
        "write:wrote"
    ).split()
)
_PAST_FORMS = frozenset(_IRREGULAR_PAST.values())
_DOUBLED_FINAL = frozenset("bdgklmnprt")
_VOWELS = frozenset("aeiou")


def past_tense(phrase: str) -> str:
    """The phrase with its first word, a verb, in the past tense: "go out" → "went out"."""
    verb, space, rest = phrase.partition(" ")
    if not verb.isalpha() or not verb.islower() or verb in _NO_ARTICLE or verb in _PAST_FORMS or verb.endswith("ed"):
        return phrase  # not a verb, or already past
    verb = _base_form(verb)
    if verb in _IRREGULAR_PAST:
        past = _IRREGULAR_PAST[verb]
    elif verb.endswith("e"):
        past = verb + "d"
    elif verb.endswith("y") and len(verb) > 2 and verb[-2] not in _VOWELS:
        past = verb[:-1] + "ied"
    elif _one_short_syllable(verb):
        past = verb + verb[-1] + "ed"
    else:
        past = verb + "ed"
    return past + space + rest


def _base_form(verb: str) -> str:
    """A verb the lexicon gives in the third person ("believes", "says", "watches") without its ending."""
    if verb.endswith("es") and verb[:-2] in _IRREGULAR_PAST:
        return verb[:-2]  # goes
    if verb.endswith(("sses", "xes", "zes", "ches", "shes")):
        return verb[:-2]
    if verb.endswith("s") and not verb.endswith(("ss", "us", "is", "as")) and len(verb) > 3:
        return verb[:-1]
    return verb


def _one_short_syllable(verb: str) -> bool:
    """stop → stopped, plan → planned: one vowel, then one final consonant that doubles."""
    vowels = [i for i, c in enumerate(verb) if c in _VOWELS]
    return (
        len(verb) >= 3 and len(vowels) == 1 and vowels[0] == len(verb) - 2
        and verb[-1] in _DOUBLED_FINAL and verb[-3] not in _VOWELS
    )  # fmt: skip


_INVARIANT_PLURAL = frozenset(
    "people police staff personnel equipment information news data media series species sheep fish deer aircraft "
    "cattle livestock research evidence furniture software hardware water money rice".split()
)
_IRREGULAR_PLURAL = {"man": "men", "woman": "women", "child": "children", "person": "people", "foot": "feet",
                     "tooth": "teeth", "mouse": "mice", "life": "lives", "wife": "wives", "knife": "knives"}  # fmt: skip


def plural(phrase: str) -> str:
    """The phrase with its last word, a noun, in the plural: "project" → "projects"."""
    head, space, noun = phrase.rpartition(" ")
    if not noun.isalpha() or not noun.islower() or noun in _INVARIANT_PLURAL or noun in _NO_ARTICLE:
        return phrase
    if len(noun) > 4 and noun.endswith("ed") and not noun.endswith("eed"):
        return phrase  # a participle (suggested), not a noun
    if noun in _IRREGULAR_PLURAL:
        many = _IRREGULAR_PLURAL[noun]
    elif noun.endswith(("ss", "sh", "ch", "x", "z")):
        many = noun + "es"
    elif noun.endswith("s"):
        many = noun  # already plural (experts), or a word English does not count (physics)
    elif noun.endswith("y") and len(noun) > 2 and noun[-2] not in _VOWELS:
        many = noun[:-1] + "ies"
    else:
        many = noun + "s"
    return head + space + many


def indefinite_articles(text: str) -> str:
    """ "a" before a vowel sound is "an": "a event" → "an event" (not before "uni…", "use…", "one")."""
    return _A_BEFORE_VOWEL.sub(lambda m: m.group(1) + "n", text)


_A_BEFORE_VOWEL = re.compile(r"\b([Aa])(?= (?:[aeio]|u(?!ni|s[eu]|ro|k)|hour|honest|honou?r)\w*)")
