"""Which characters are Han, end a sentence, or close one: one copy of each rule.

Chinese is typeset in full-width marks (。，“”), but extracted pages and web
text mix in half-width ones (. , " !), so every set holds both. Pure text.
"""

from __future__ import annotations

import regex

HAN = regex.compile(r"\p{Han}")

# Marks that end a sentence, where a paragraph is split: 。！？, their
# half-width forms and ｡ (the half-width ideographic stop). A half-width "."
# ends one only in context (sentences.py): 28.72亿元 and U.S. keep theirs.
FULL_STOPS = "。！？!?｡"
# What a finished line may end with: a full stop, or an ellipsis or a
# semicolon, after which a column never breaks a sentence.
SENTENCE_END = FULL_STOPS + "…；;"

# Marks only running text carries: a line with one is prose, never a headline, a bar or a label.
PROSE_MARKS = "，。；！？,;"
# Marks that close a clause or a sentence: where a line may be cut without cutting a phrase.
CLAUSE_MARKS = ",，;；:：" + FULL_STOPS

# Quotes and brackets, each opener at the index of its closer.
OPENERS = "“‘「『（(【[《〈〔［"
CLOSERS = "”’」』）)】]》〉〕］"
PAIRS = dict(zip(OPENERS, CLOSERS))
# What may follow a sentence end and still belong to its sentence (他说:“走。”):
# the closers, and straight quotes, which after a stop can only close.
TRAILING_CLOSERS = CLOSERS + "\"'"
# Marks that lean on the word before them, in English as in Chinese: no space goes before one.
ATTACHED = ",.;:!?，。；：、" + CLOSERS

# A text whose last mark ends a sentence (closers may follow it).
ENDS_SENTENCE = regex.compile(rf"[{regex.escape(SENTENCE_END)}][{regex.escape(TRAILING_CLOSERS)}]*\s*$")

# Text inside one pair of round brackets, full-width or half-width, as regex pieces: （新华社发）, (记者 王某).
OPEN_ROUND, CLOSE_ROUND, INSIDE_ROUND = "[（(]", "[)）]", "[^（）()]"


def in_round_brackets(inner: str) -> str:
    """A regex for ``inner`` standing in one pair of round brackets."""
    return f"{OPEN_ROUND}{inner}{CLOSE_ROUND}"
