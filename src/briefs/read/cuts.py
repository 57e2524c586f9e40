"""Where a sentence goes on past an empty line: the rule every text layout shares.

Text copied from a PDF viewer breaks a paragraph where the page broke its
line, with an empty line between the halves; so does a careless paste. A line
that ends no sentence, then an empty line, then the rest of the sentence, is
one paragraph. The rest is told by its shape: it opens mid-sentence (a mark no
line starts with, a lower-case word, a clause of one character), with a digit,
or it is no headline (it runs on to a sentence end). A heading-shaped line
over running text stays a heading unless the text opens mid-sentence: a cut
at a paragraph's first words (今年以来，喀 / 左县全力推进…) has a heading's
shape, and only what a layout knows besides tells it apart (e-paper text
indents its paragraphs and sets its headlines flush; a web page may set its
blocks without empty lines). Pure text.
"""

from __future__ import annotations

import regex as re

from ..text.marks import (
    CLAUSE_MARKS,
    CLOSERS,
    HAN,
    OPENERS,
    SENTENCE_END,
    TRAILING_CLOSERS,
)
from .lines import balanced, is_complete

# Marks Chinese typesetting never starts a line with (a clause or sentence mark, a closing quote or
# bracket): a line that starts with one goes on with the line above.
_NON_INITIAL = tuple("，、,：:" + SENTENCE_END + CLOSERS)
# Nor does a headline or a paragraph open with a lower-case word or a clause of one character (时，).
_MID_SENTENCE = re.compile(rf"^(?:[a-z]|\p{{Han}}[{re.escape(CLAUSE_MARKS)}、])")
# A paragraph may open with a digit (2019年以来，…), a headline seldom after a sentence left open.
_DIGIT = re.compile(r"^[0-9０-９]")
# A sentence end whose closing quote a web page set apart (建成。 ”): complete enough that what follows
# is no rest of it, though ``is_complete`` (which decides joins on printed pages) does not say so.
_CLOSED_APART = re.compile(rf"[{re.escape(SENTENCE_END)}](?:\s*[{re.escape(TRAILING_CLOSERS)}])+\s*$")
# A headline holds no sentence (its ！ and ？ may stand anywhere, 。 and ； nowhere), at most three
# clauses (聚焦重点，突出特色，力求实效), and may close with a note in brackets: …难在哪？（民生观察）.
_SENTENCE_STOPS = "。｡；;"
_HEADLINE_CLAUSES = 3
_CLOSING_NOTE = re.compile(r"[（(][^（）()]{1,20}[)）]$")


def could_head(text: str) -> bool:
    """Could stand as a headline: short, balanced, no sentence ended in it, not left open at its end
    (a kicker's closing —— leads into its title)."""
    bare = _CLOSING_NOTE.sub("", text) or text
    if len(text) > 50 or len(HAN.findall(text)) < 2 or any(stop in bare for stop in _SENTENCE_STOPS):
        return False
    clauses = re.split(r"[，,]", bare)
    return len(clauses) <= _HEADLINE_CLAUSES and bare[-1] not in ",，、:：" + OPENERS and balanced(text)


def continues(before: str, after: str) -> bool:
    """Whether ``after``, set below ``before`` past an empty line, is the rest of a sentence that
    ``before`` leaves open: text copied from a PDF viewer breaks a paragraph where the page broke
    its line, with an empty line. ``before`` is a paragraph the layout has read as such.

    The rest of a sentence opens mid-sentence (``opens_mid_sentence``) or with a digit, or it is no
    headline: it runs on to a sentence end, or closes a quote it never opened.
    """
    if not after or not ends_open(before):
        return False
    return opens_mid_sentence(after) or bool(_DIGIT.match(after)) or not could_head(after)


def ends_open(text: str) -> bool:
    """Ends mid-sentence: no sentence end (``is_complete``), nor one with its closing quote set apart."""
    return bool(text) and not is_complete(text) and not _CLOSED_APART.search(text)


def opens_mid_sentence(text: str) -> bool:
    """Opens as no headline and no paragraph does: with a mark no line starts with (，。」), a
    lower-case word, or a clause of one character."""
    return text.startswith(_NON_INITIAL) or bool(_MID_SENTENCE.match(text))
