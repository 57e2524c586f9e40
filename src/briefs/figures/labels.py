"""What a figure measures, as a phrase: the noun phrase just before it, in whole words.

Chinese puts what is counted or measured right before the number
(协议投资额28.72亿元, 入社农户占比65%) or makes it the subject of the clause
(农民专业合作社将稳定在300家). The label is the run of nouns that ends the
words before the figure, after the verbs and particles that lead into the
number (达到, 将稳定在, 为); failing that, the nouns that open the clause.
Words come from jieba, so a label never starts or ends inside a word or a
number; where no noun phrase is found the label is empty, never a fragment.
"""

from __future__ import annotations

from ..text.marks import HAN
from ..text.words import part_of_speech_table, tokenizer

# jieba tags of words that can make up a noun phrase: nouns of every kind, verbal and
# adjectival nouns, distinguishing words (大型, 新建), abbreviations, fixed phrases.
_NOUNISH = ("n", "vn", "an", "b", "j", "l", "nz", "nt", "ns", "nr", "ng")
MAX_LABEL = 12
# Words naming a measure end in one of these, whatever jieba tags them (占比, 增长率, 投资额, 产量).
_MEASURE_ENDINGS = tuple("比率额量值数")


def _nounish(word: str, tags: dict[str, str]) -> bool:
    tag = tags.get(word)
    if len(word) >= 2 and word.endswith(_MEASURE_ENDINGS) and len(HAN.findall(word)) == len(word):
        return True
    if tag is None:  # a word jieba's HMM found: a name or a term, if it is Han text
        return len(HAN.findall(word)) == len(word) >= 2
    return tag.startswith(_NOUNISH)


def _measure_words(words: list[str]) -> list[str]:
    """Two single characters jieba left apart that make a measure word (占 比 → 占比) are one word."""
    merged: list[str] = []
    for word in words:
        if merged and len(word) == len(merged[-1]) == 1 and word.endswith(_MEASURE_ENDINGS) and HAN.match(merged[-1]):
            merged[-1] += word
        else:
            merged.append(word)
    return merged


def _words(text: str) -> list[str]:
    return _measure_words([w for w in tokenizer().lcut(text.strip()) if w.strip()])


def figure_label(before: str, after: str = "", counted: bool = False) -> str:
    """What a figure measures. ``before`` and ``after`` are the words of its clause on either side;
    a count (21个, 35家) names what it counts after it when anything follows (5个特色产业园区),
    any other figure before it (总投资61.12亿元); else the nouns that open the clause."""
    tags = part_of_speech_table()
    if counted:
        following = _leading_nouns(_words(after), tags)
        if following:
            return _fit(following)
    words = _words(before)
    tail, stripped = list(words), False
    # Verbs and particles that lead into the number (已发展到, 将稳定在): a verbal noun among them acts as a verb.
    while tail and (not _nounish(tail[-1], tags) or (stripped and tags.get(tail[-1]) == "vn")):
        tail.pop()
        stripped = True
    phrase: list[str] = []
    while tail and _nounish(tail[-1], tags):
        phrase.insert(0, tail.pop())
    return _fit(phrase or _leading_nouns(words, tags))


def _leading_nouns(words: list[str], tags: dict[str, str]) -> list[str]:
    phrase = []
    for word in words:
        if not _nounish(word, tags):
            break
        phrase.append(word)
    return phrase


def _fit(phrase: list[str]) -> str:
    phrase = list(phrase)
    while len("".join(phrase)) > MAX_LABEL and len(phrase) > 1:
        phrase.pop(0)
    label = "".join(phrase)
    return label if 2 <= len(label) <= MAX_LABEL else ""
