"""Glossary: Chinese terms with fixed English, matched in Chinese, enforced in English.

A term is matched longest first, left to right. A single-character term
(县, 区, 镇) counts only where it stands as a word of its own (jieba), so 园区
is not read as 园 + "district"; a two-character organisation not where its
first character ends a common word (国电 is not in 全国电网, 央行 not in
中央行动), and a name ending in 部 only where the ministry ends (商务部 is
not in 商务部门, 科技部 not in 科技部署).
Organisations come with their own English names from ``organisations``.

Enforcement changes the English only where the place is known, and counts each
term it fixes as one repair:
1. the model left the Chinese term in the English → the fixed English;
2. the model wrote a known wrong rendering (listed under ``wrong`` in the
   glossary file) or the term's pinyin ("Zhaoyang", "Ka Zuo") → the fixed English;
3. a place whose English ends in an administrative word ("… County") and the
   model wrote one other capitalized "… County" → that name is replaced;
4. a place or organisation still missing gets its English appended in
   brackets: a dropped name loses who or where, while a paraphrased title,
   policy phrase or unit keeps its meaning, so those are left alone.
Names in neither glossary nor dictionary are romanized (``romanize``). Pure text.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Iterable, Sequence

from ..errors import BriefsError
from ..files import text_digest
from ..text.marks import ATTACHED
from ..text.words import tokenizer
from .organisations import default_organisations
from .romanize import pinyin_variants, romanize

__all__ = ["Glossary", "GlossaryTerm", "romanize", "KINDS"]

KINDS = ("place", "org", "title", "policy", "unit", "term")
APPENDED_KINDS = ("place", "org")
# The last word of a place's English that says what kind of place it is.
_ADMIN_WORDS = ("County", "District", "Town", "Township", "Village", "City", "Province",
                "Subdistrict", "Zone", "Park", "Area", "Banner", "Prefecture", "Region")
_LEADING = {"The", "In", "At", "On", "For", "By", "From", "Of", "And", "To", "As", "With", "Since",
            "During", "Under", "This", "That", "Meanwhile", "Recently", "Today"}
_ARTICLES = {"the", "a", "an"}


@dataclass(frozen=True)
class GlossaryTerm:
    zh: str
    en: str
    kind: str  # one of KINDS
    wrong: tuple[str, ...] = ()  # renderings machine translation is known to produce instead


class Glossary:
    def __init__(self, terms: Iterable[GlossaryTerm] = ()):
        self._terms = {t.zh: t for t in terms}  # later terms override earlier ones
        body = "\n".join(f"{t.zh}\t{t.en}\t{t.kind}\t{'|'.join(t.wrong)}" for t in sorted(self._terms.values(), key=lambda t: t.zh))
        self.identity = text_digest(body)
        long_terms = [zh for zh in self._terms if len(zh) > 1]
        self._pattern = re.compile("|".join(map(re.escape, sorted(long_terms, key=len, reverse=True)))) if long_terms else None
        self._single = {zh: t for zh, t in self._terms.items() if len(zh) == 1}

    @classmethod
    def default(cls) -> "Glossary":
        return cls(_default_terms())

    @classmethod
    def load(cls, paths: Sequence[Path] = (), include_default: bool = True) -> "Glossary":
        """The default glossary extended by ``paths`` (later files win), or only
        ``paths`` when ``include_default`` is false."""
        terms = list(_default_terms()) if include_default else []
        for path in paths:
            terms += _read_file(Path(path))
        return cls(terms)

    @property
    def terms(self) -> tuple[GlossaryTerm, ...]:
        return tuple(self._terms.values())

    def __len__(self) -> int:
        return len(self._terms)

    def __contains__(self, zh: object) -> bool:
        return zh in self._terms

    def get(self, zh: str) -> GlossaryTerm | None:
        return self._terms.get(zh)

    def find(self, text: str) -> list[tuple[int, int, GlossaryTerm]]:
        """Terms in ``text``: longest match, non-overlapping, left to right."""
        found = [(m.start(), m.end(), self._terms[m[0]]) for m in self._pattern.finditer(text)] if self._pattern else []
        single = any(ch in self._single for ch in text)
        # Words cost a jieba pass: only a single-character term or a ministry's name needs them.
        words = _words(text) if single or any(t.zh.endswith("部") for _, _, t in found) else []
        found = [(a, b, t) for a, b, t in found if _stands_as_a_word(text, a, b, t, words)]
        if single:
            covered = [(a, b) for a, b, _ in found]
            found += [
                (a, b, self._single[w])
                for w, a, b in words
                if w in self._single and not any(x <= a < y for x, y in covered)
            ]
        return sorted(found, key=lambda f: f[0])

    def enforce(self, zh: str, en: str) -> tuple[str, int]:
        """Make each term of ``zh`` appear in ``en`` with its fixed English; (english, repairs)."""
        if not en.strip():
            return en, 0  # nothing to hold to the glossary: the guard deals with empty output
        terms = list(dict.fromkeys(term for _, _, term in self.find(zh)))
        repairs = 0
        for term in terms:
            if _present(term.en, en):
                continue
            others = [t.en for t in terms if t is not term]
            fixed = self._replace_left_chinese(term, en) if term.zh in en else _substitute(term, en, others)
            if fixed is None and term.kind in APPENDED_KINDS:
                fixed = _append(en, term.en)
            if fixed is not None and fixed != en:
                en, repairs = fixed, repairs + 1
        return en, repairs

    def _replace_left_chinese(self, term: GlossaryTerm, en: str) -> str | None:
        """Chinese the model left in place: replace the term where it stands as a word of its own
        (村 in 行政村, not in 乡村), set off from neighbouring text by spaces."""
        spans = [(start, end) for start, end, found in self.find(en) if found.zh == term.zh]
        for start, end in reversed(spans):
            before = " " if start and not en[start - 1].isspace() else ""
            after = " " if end < len(en) and not en[end].isspace() and en[end] not in ATTACHED else ""
            en = en[:start] + before + term.en + after + en[end:]
        return en if spans else None


def _words(text: str) -> list[tuple[str, int, int]]:
    return list(tokenizer().tokenize(text, HMM=False))


def _stands_as_a_word(text: str, start: int, end: int, term: GlossaryTerm, words: list[tuple[str, int, int]]) -> bool:
    """Whether a term found at text[start:end] is not the edge of another word.

    A two-character organisation's first character can end a common word before it
    (国 of 全国, 我国; 央 of 中央: 全国电网 holds no 国电), and 部 begins words of its own
    (部门 departments, 部长 minister, 部署 deploy, 部分 part), so a ministry's short name
    must end where the word ends (商务部门 are commerce departments)."""
    if len(term.zh) == 2 and term.kind == "org" and start and _common_word(text[start - 1 : start + 1]):
        return False
    return not (term.zh.endswith("部") and any(a < end < b for _, a, b in words))


# jieba's frequency from which a word counts as common: 全国 has 48,874 and 中央 thousands,
# while its dictionary also lists chance pairs such as 各局 (3), which 各局长 is not.
_COMMON_WORD = 100


def _common_word(word: str) -> bool:
    words = tokenizer()
    words.check_initialized()
    return words.FREQ.get(word, 0) >= _COMMON_WORD


def _norm(text: str) -> str:
    words = re.findall(r"[a-z0-9]+", text.lower())
    return " " + " ".join(w[:-1] if w.endswith("s") and len(w) > 3 else w for w in words if w not in _ARTICLES) + " "


def _present(phrase: str, en: str) -> bool:
    """Present up to case, articles, punctuation and a plural s."""
    return _norm(phrase) in _norm(en)


def _substitute(term: GlossaryTerm, en: str, others: list[str]) -> str | None:
    for variant in _variants(term):
        pattern = re.compile(rf"(?<![\w-]){re.escape(variant)}(?![\w-])", re.IGNORECASE)
        if pattern.search(en):
            return pattern.sub(lambda m: _same_case(m[0], term.en), en)
    if term.kind == "place":
        return _replace_anchored(term, en, others)
    return None


@cache
def _variants(term: GlossaryTerm) -> tuple[str, ...]:
    """Known wrong renderings, then pinyin ones, longest first; never the fixed English."""
    candidates = [*term.wrong, *(pinyin_variants(term.zh) if len(term.zh) > 1 else ())]
    kept = {v for v in candidates if len(v) >= 4 and _norm(v) != _norm(term.en)}
    return tuple(sorted(kept, key=len, reverse=True))


def _replace_anchored(term: GlossaryTerm, en: str, others: list[str]) -> str | None:
    """Kazakh County → Kazuo County, when it is the only other "… County" in the sentence."""
    anchor = term.en.split()[-1]
    if anchor not in _ADMIN_WORDS:
        return None
    spans = []
    for m in re.finditer(rf"(?:[A-Z][\w'’-]*\s+){{1,6}}{anchor}\b", en):
        words = m[0].split()
        while words and words[0] in _LEADING:
            words.pop(0)
        name = " ".join(words)
        if len(words) > 1 and not any(_norm(name) == _norm(o) for o in others):
            spans.append((m.end() - len(name), m.end()))
    if len(spans) != 1:
        return None
    start, end = spans[0]
    return en[:start] + term.en + en[end:]


def _same_case(found: str, replacement: str) -> str:
    if found[:1].isupper() and replacement[:1].islower():
        return replacement[0].upper() + replacement[1:]
    return replacement


def _append(en: str, text: str) -> str:
    """Before the closing punctuation: "… a meeting [Kazuo County]."."""
    tail = re.search(r"[.!?。]*[\"'”’)]*\s*$", en)
    cut = tail.start() if tail else len(en)
    return f"{en[:cut]} [{text}]{en[cut:]}"


@cache
def _default_terms() -> tuple[GlossaryTerm, ...]:
    resource = resources.files("briefs") / "data" / "glossary.toml"
    terms = parse_glossary(resource.read_text(encoding="utf-8"), "the built-in glossary")
    organisations = [GlossaryTerm(zh, org.en, "org", org.wrong) for org in default_organisations() for zh in org.zh]
    return tuple(terms + organisations)


def _read_file(path: Path) -> list[GlossaryTerm]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BriefsError(f"glossary {path}: no such file; fix glossary.files in the config") from None
    except (OSError, UnicodeDecodeError) as err:
        raise BriefsError(f"glossary {path}: cannot read it as UTF-8 text ({err})") from None
    return parse_glossary(text, f"glossary {path}")


def parse_glossary(text: str, where: str) -> list[GlossaryTerm]:
    """TOML tables named by kind, each mapping Chinese to English (see data/glossary.toml)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise BriefsError(f"{where}: not valid TOML: {err}") from None
    terms = []
    for kind, table in data.items():
        if kind not in KINDS or not isinstance(table, dict):
            raise BriefsError(f"{where}: unknown section [{kind}]; sections are {', '.join(KINDS)}")
        terms += [_term(zh, value, kind, where) for zh, value in table.items()]
    return terms


def _term(zh: str, value: object, kind: str, where: str) -> GlossaryTerm:
    label = f'{where}: [{kind}] "{zh}"'
    if isinstance(value, str):
        value = {"en": value}
    if not isinstance(value, dict) or set(value) - {"en", "wrong"}:
        raise BriefsError(f'{label}: give a string, or {{ en = "...", wrong = ["...", ...] }}')
    en, wrong = value.get("en"), value.get("wrong", [])
    if not isinstance(en, str) or not en.strip():
        raise BriefsError(f'{label}: the English ("en") must be a non-empty string')
    if not isinstance(wrong, list) or not all(isinstance(w, str) and w.strip() for w in wrong):
        raise BriefsError(f'{label}: "wrong" must be a list of non-empty strings')
    if not zh.strip():
        raise BriefsError(f"{where}: [{kind}] has an empty Chinese term")
    return GlossaryTerm(zh.strip(), en.strip(), kind, tuple(w.strip() for w in wrong))
