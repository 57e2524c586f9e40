"""Glossed pieces → one English sentence: spacing, punctuation, capitals.

Chinese punctuation is full-width and unspaced; English attaches commas and
stops to the word before, opens brackets and quotes onto the word after, and
capitalizes each sentence. Pure text.
"""

from __future__ import annotations

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
    "when whether if as than and or but so yet also still already only even just very too quite again "
    "he she it they we i you him them us me one two three four five six seven eight nine ten hundred "
    "thousand million billion is are was were be been has have had do does did will would can could may "
    "might must shall should there here then now today yesterday tomorrow however therefore thus "
    "because although despite while until since including according etc".split()
)
_SENTENCE_ENDS = frozenset("。？！.?!")


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
    back is said once.
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
    """Whether a glossed noun phrase may take "the": a lowercase content word first."""
    first = phrase.split(" ", 1)[0]
    return first.isalpha() and first.islower() and first not in _NO_ARTICLE and not first.endswith("ly")
