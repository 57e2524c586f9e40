"""Rules a word-by-word gloss applies to its pieces: what English leaves unsaid, articles, possessives, tense.

The gloss engine reads a sentence as pieces (words, names, figures, glossary
terms, punctuation); these rules look at a piece's neighbours, which a
dictionary cannot. Each was measured on a development set before it was
kept (benchmarks/gloss_steps.py). Pure text.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Callable, Literal

from . import english
from .words import NAME_DOTS, NUMERALS, TRANSLITERATION


@dataclass(frozen=True)
class GlossFeatures:
    """The rules of the gloss, each switchable so that what it is worth can be
    measured (benchmarks/gloss_steps.py). Everything is on by default; a gloss
    with any rule off says so in its identity."""

    lexicon: bool = True  # the core lexicon's news senses, and its words preferred when splitting
    sense_ranking: bool = True  # notes skipped, senses cleaned, frequent short senses first (off: first sense as written)
    function_words: bool = True  # particles, counted classifiers and frame-closing localizers dropped
    figures: bool = True  # numbers, dates and units read by the figures module
    names: bool = True  # unknown and dotted foreign names found and romanized; 长征五号 "Long March 5"
    punctuation: bool = True  # English punctuation, spacing and sentence capitals
    articles: bool = True  # "the" where English needs it; clause-final words read as nouns
    # Rules added after the engine was first measured (README, "The gloss engine, step by step"):
    possessives: bool = True  # pronoun + 的 → my, his, their
    pos_senses: bool = True  # a verb's sense for a verb, a noun's for a noun (jieba's part of speech)
    object_articles: bool = True  # "the" before a verb's object too
    indefinite_article: bool = True  # 一 + classifier → "a"
    past_tense: bool = True  # verbs in the past tense, as news reports them
    general_lexicon: bool = True  # the core lexicon extended with world-news vocabulary
    passives: bool = True  # 被 + (agent) + verb → "was" verb ("by" agent)
    plurals: bool = True  # a noun after a count above one in the plural; "a" → "an" before a vowel
    original_names: bool = True  # 萨拉·丹尼尔斯（Sara Danius） → "Sara Danius"
    eras: bool = True  # decades and centuries: 20世纪60年代 → "the 1960s"

    def uses_tags(self) -> bool:
        """Whether any rule on needs words' parts of speech (a third of a second to load)."""
        return self.pos_senses or self.object_articles or self.past_tense or self.passives or self.plurals

    def tag(self) -> str:
        """The rules switched off, e.g. "-names-articles"; empty when all are on."""
        return "".join(f"-{f.name}" for f in fields(self) if not getattr(self, f.name))


ALL_FEATURES = GlossFeatures()
NO_FEATURES = GlossFeatures(**{f.name: False for f in fields(GlossFeatures)})


# What a piece of a sentence is: a dictionary word, a name, a figure, a glossary
# term, Latin letters or digits ("other"), or a punctuation mark.
PieceKind = Literal["word", "name", "figure", "term", "other", "punct"]


@dataclass(frozen=True)
class Piece:
    source: str
    english: str
    kind: PieceKind
    verb: bool = False  # the sense is a verb (CC-CEDICT's "to …")
    tag: str = ""  # the word's usual part of speech (jieba's tags: n, v, a, r, …); "" if unknown
    listed: bool = False  # the English is the core lexicon's, already in the form news uses


# Where a clause opened with one of these, a later localizer only closes the
# frame English says with the preposition alone: 在会议上 → "in the meeting",
# 当他到达时 → "when he arrived".
_PLACE_CLOSERS = frozenset(("上", "中", "里", "内"))
FRAMES = {"在": _PLACE_CLOSERS, "于": _PLACE_CLOSERS, "从": _PLACE_CLOSERS, "自": _PLACE_CLOSERS,
          "当": frozenset(("时", "的时候", "之时"))}  # fmt: skip
# A modal cannot end a clause; the same character there is a noun: 召开推进会。
CLAUSE_FINAL = {"会": "meeting"}
# Pronouns before 的 are possessive determiners in English: 他们的梦想 → "their dream".
POSSESSIVES = {
    "我": "my", "你": "your", "您": "your", "他": "his", "她": "her", "它": "its", "我们": "our", "咱们": "our",
    "你们": "your", "他们": "their", "她们": "their", "它们": "their",
}  # fmt: skip
# After these, English keeps a verb's plain form: "will go", "did not go", "want to go".
_PLAIN_AFTER = frozenset(
    "will would can could may might must shall should not to let make help need want hope don't cannot "
    "did does do able unable".split()
)
# jieba's verb tags, without vn (a verb used as a noun: 发展 development).
_VERB_TAGS = frozenset(("v", "vd", "vi", "vq", "vg"))


def drop_unsaid(pieces: list[Piece], is_classifier: Callable[[str], bool], *, indefinite: bool = True) -> list[Piece]:
    """Drop what English leaves unsaid: a classifier after a count, a localizer closing a frame.

    With ``indefinite``, 一 before a classifier is English's indefinite article:
    一档节目 → "a program", not "one program".
    """
    out: list[Piece] = []
    closers: frozenset[str] = frozenset()
    for piece in pieces:
        if piece.kind == "punct":
            closers = frozenset()
        elif piece.kind == "word" and piece.source in FRAMES:
            closers = FRAMES[piece.source]
        elif piece.kind == "word" and piece.source in closers:
            closers = frozenset()
            piece = replace(piece, english="")
        elif out and counts(out[-1]) and piece.kind == "word" and is_classifier(piece.source):
            piece = replace(piece, english="")
            if indefinite and out[-1].kind == "word" and out[-1].source == "一":
                out[-1] = replace(out[-1], english="a")
        out.append(piece)
    return out


def clause_final(pieces: list[Piece]) -> list[Piece]:
    """A word ending a clause read as what it must be there (a noun, not a modal)."""
    out = list(pieces)
    for i, piece in enumerate(pieces):
        last = i + 1 == len(pieces) or pieces[i + 1].kind == "punct"
        if last and piece.kind == "word" and piece.source in CLAUSE_FINAL:
            out[i] = replace(piece, english=CLAUSE_FINAL[piece.source], verb=False)
    return out


def possessives(pieces: list[Piece]) -> list[Piece]:
    """A pronoun and 的 as one possessive determiner."""
    out: list[Piece] = []
    for piece in pieces:
        if piece.source == "的" and out and out[-1].kind == "word" and out[-1].source in POSSESSIVES:
            out[-1] = replace(out[-1], english=POSSESSIVES[out[-1].source])
            continue
        out.append(piece)
    return out


def passives(pieces: list[Piece], agent: int = 3) -> list[Piece]:
    """被 + verb → "was" + verb; 被 + a short noun phrase + verb → "was" verb "by" noun phrase:
    他被警察逮捕 → "he was arrested by the police"."""
    out = list(pieces)
    i = 0
    while i < len(out):
        if out[i].kind == "word" and out[i].source == "被":
            j = i + 1
            while j < len(out) and j - i <= agent and _nominal(out[j]):
                j += 1
            if j < len(out) and _is_verb(out[j]):
                verb = replace(out[j], english=english.past_tense(out[j].english), listed=True)
                by = [replace(out[i], english="by")] + out[i + 1 : j] if j > i + 1 else []
                out[i : j + 1] = [replace(out[i], english="was"), verb, *by]
                i += 2 + len(by)
                continue
        i += 1
    return out


def _nominal(piece: Piece) -> bool:
    return piece.kind in ("name", "term", "figure") or (piece.kind == "word" and bool(piece.english) and not _is_verb(piece))


def _is_verb(piece: Piece) -> bool:
    """A verb by both its dictionary sense and its usual part of speech (either alone errs: 警察 is tagged v)."""
    return piece.kind == "word" and piece.verb and piece.tag in _VERB_TAGS


def original_names(pieces: list[Piece]) -> list[Piece]:
    """A foreign name followed by its own spelling in brackets, 萨拉·丹尼尔斯（Sara Danius）,
    is that spelling: "Sara Danius", not a romanization of the Chinese sounds and the
    original. An acronym in brackets (国家安全顾问（NSA）) explains and stays."""
    out: list[Piece] = []
    i = 0
    while i < len(pieces):
        end = _bracketed_spelling(pieces, i)
        start = len(out)
        while end and start > 0 and _sounds_a_name(out[start - 1]):
            start -= 1
        if end and start < len(out):
            out[start:] = pieces[i + 1 : end]
            i = end + 1
            continue
        out.append(pieces[i])
        i += 1
    return out


def _bracketed_spelling(pieces: list[Piece], i: int) -> int:
    """Where the closing bracket is, if ``pieces[i]`` opens brackets around Latin words with a lowercase letter; else 0."""
    if pieces[i].source not in ("（", "("):
        return 0
    end = i + 1
    while end < len(pieces) and pieces[end].kind == "other":
        end += 1
    inside = "".join(p.source for p in pieces[i + 1 : end])
    closed = end < len(pieces) and pieces[end].source in ("）", ")")
    return end if closed and any(c.islower() for c in inside) and inside.isascii() else 0


def _sounds_a_name(piece: Piece) -> bool:
    """A romanized name, the dot between its parts, or a word spelled only with the characters of transliteration."""
    if piece.kind == "name" or (piece.kind == "punct" and piece.source in NAME_DOTS):
        return True
    return piece.kind == "word" and all(c in TRANSLITERATION for c in piece.source)


def with_articles(pieces: list[Piece], *, after_verbs: bool = True) -> list[Piece]:
    """ "the" before a noun that opens a clause or follows a preposition (or, with
    ``after_verbs``, a verb: its object).

    Chinese has no articles and English news rarely goes without one there;
    verbs (CC-CEDICT's "to …" senses) and closed-class words never take one.
    """
    out: list[Piece] = []
    wants_article = True
    for piece in pieces:
        if piece.english and piece.kind == "punct":
            if piece.english in (".", ";", ":", "?", "!"):
                wants_article = True
        elif piece.english:
            if wants_article and piece.kind == "word" and not piece.verb and english.takes_article(piece.english):
                piece = replace(piece, english="the " + piece.english)
            wants_article = piece.english.rsplit(" ", 1)[-1].lower() in english.PREPOSITIONS
            if after_verbs and piece.kind == "word" and (piece.verb or piece.tag == "v"):
                wants_article = True
        out.append(piece)
    return out


def past_tenses(pieces: list[Piece]) -> list[Piece]:
    """Verbs in the past tense, as news reports what happened; not after a
    modal, a negation or "to", and not where the lexicon chose the form."""
    out: list[Piece] = []
    before = ""
    for piece in pieces:
        if _is_verb(piece) and not piece.listed and before not in _PLAIN_AFTER:
            piece = replace(piece, english=english.past_tense(piece.english))
        if piece.english:
            before = "" if piece.kind == "punct" else piece.english.rsplit(" ", 1)[-1].lower()
        out.append(piece)
    return out


# Words that make the noun after them plural: 两个项目 → "two projects", 一些国家 → "some countries".
_MANY = frozenset("两 三 四 五 六 七 八 九 十 几 多 许多 很多 不少 一些 有些 这些 那些 各种 多种 各类 数百 数千 数百万 数十 "
                  "上百 大量 众多 诸多 多名 多位 多家 几个 多个 所有".split())


def plurals(pieces: list[Piece]) -> list[Piece]:
    """The noun after a count above one, or after a word meaning several, in the plural;
    of a run of nouns, the last is the one counted (一些联邦议员 → "some federal lawmakers")."""
    out = list(pieces)
    for i in range(1, len(out)):
        if not _many(out[i - 1]):
            continue
        end = i
        while end < len(out) and _noun(out[end]):
            end += 1
        if end > i:
            out[end - 1] = replace(out[end - 1], english=english.plural(out[end - 1].english))
    return out


def _noun(piece: Piece) -> bool:
    return piece.kind == "word" and piece.tag.startswith("n") and bool(piece.english)


def _many(piece: Piece) -> bool:
    if piece.kind == "figure":  # its tag is the figure's kind
        return piece.tag == "count" and piece.english not in ("one", "1")
    return piece.kind == "word" and (piece.source in _MANY or (piece.source[:1] in _MANY and counts(piece)))


def counts(piece: Piece) -> bool:
    """Whether a piece counts things, so that a classifier after it has no English."""
    if piece.kind == "figure":
        return True
    if piece.kind == "other":
        return piece.source[:1].isdigit()
    return piece.kind == "word" and all(c in NUMERALS for c in piece.source)
