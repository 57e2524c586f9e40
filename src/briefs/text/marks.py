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
