"""Chinese words by jieba: set up once per process, on first use.

jieba loads its dictionary (about a second) the first time it cuts a text and
announces that on stderr, which a CLI keeps for the user: it is quieted here,
once, for every module that needs words. Importing this module loads nothing.
Pure text.
"""

from __future__ import annotations

import logging
from functools import cache
from typing import TYPE_CHECKING, Mapping

if TYPE_CHECKING:
    from jieba import Tokenizer


@cache
def tokenizer() -> Tokenizer:
    """jieba's default tokenizer, quiet; its dictionary loads on the first cut."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    return jieba.dt


@cache
def part_of_speech_table() -> Mapping[str, str]:
    """jieba's part-of-speech tag of each word it knows: n noun, v verb, a adjective, r pronoun, …

    One tag per word, its commonest use; loading the table takes a third of a second.
    """
    tokenizer()
    from jieba import posseg

    return posseg.dt.word_tag_tab


def hmm_words(chunk: str) -> list[str]:
    """``chunk`` cut by jieba's character HMM alone (its own small model; no dictionary),
    which groups the characters of names no dictionary has."""
    tokenizer()
    from jieba import finalseg

    return list(finalseg.cut(chunk))
