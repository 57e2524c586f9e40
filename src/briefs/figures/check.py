"""Hold a translation to the figures of its source sentence, and repair it.

Why each step, in order:
1. A figure the model left in Chinese (28.72亿元 copied into the English) is
   replaced by its reading: the place is certain.
2. Figures and English numbers are matched by value, so any equivalent form
   passes ("2.872 billion", "2,872 million", "6.2 percent"); a literal form
   ("1.9 ten thousand", "28.72亿") passes the value test but is rewritten.
3. A figure with no match is repaired in place only when the mapping is
   unambiguous: one stray English number has the same significant digits (a
   slip of scale, 28.72 billion for 28.72亿) or is their rounding, or exactly one
   figure and one stray number are left over. A stray number is never taken
   from a code the source also has (5G, 101线), a year, an ordinal, or "one".
4. A matched figure whose approximation the model lost (4100多万美元 as
   "41 million") gets its "more than" / "about" / "nearly" back, unless English
   already says so some other way ("over", "or more", "-plus").
5. A dropped figure whose unit the model kept ("an investment of yuan") is
   placed before that unit when that is the only such unit.
6. Anything else is flagged, never guessed: the brief shows it beside the
   sentence (``FigureCheck.annotated``).
``repairs`` counts figures repaired (and figures copied in Chinese), not edits.
Soft figures are matched when present but never repaired or flagged: eras, ordinals
and counts of up to ten written in Chinese numerals (三大, 两名), which English
says as "both", "a", "triple" or leaves to the list that follows, the count
of one, and approximate numerals (一两元, 两三千元, 十多家, 几十个), which English
may give by either bound, by both, or in words ("a couple of", "dozens of"). Pure text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Sequence

from ..text.marks import ATTACHED, HAN
from .english_numbers import (
    CURRENCY_BEFORE, QUALIFIED_AFTER, QUALIFIED_BEFORE, RANGE_JOINER, EnglishNumber, english_numbers,
)
from .figure import Figure, FigureCheck
from .find import find_figures
from ..text.dates import MONTHS
from .numerals import read_number, significant_digits, to_decimal

_SCALE_WORD = r"(?:(?:trillion|billion|million|thousand)\s+)?"
_QUALIFIERS = ("more than", "nearly", "about", "less than", "up to")
_SPACE_BEFORE_MARK = re.compile(rf" (?=[{re.escape(ATTACHED)}])")


@dataclass(frozen=True)
class _Target:
    figure: Figure
    value: Decimal
    role: str  # "value" | "high" | "year" | "day" | "month" | "ordinal"
    soft: bool


def check_figures(zh: str, en: str) -> FigureCheck:
    """Hold the English sentence to every figure of the Chinese one: repair a
    wrong or untranslated figure in place when the mapping is unambiguous,
    flag the figures that cannot be placed (see the module doc)."""
    return verify(zh, find_figures(zh), en)


def verify(zh: str, figures: Sequence[Figure], en: str) -> FigureCheck:
    """Check ``en`` against ``figures`` (found in ``zh``); see the module doc."""
    en, repairs = _untranslated(figures, en)
    tokens = english_numbers(en)
    targets = _targets(figures)
    matched = _match_by_value(targets, tokens)
    fixes = [(t, (tokens[k].start, tokens[k].end, _rewrite(targets[t], tokens[k])))
             for t, k in matched.items() if not tokens[k].canonical]
    for t, k in _pair_strays(targets, tokens, matched, _claims(targets, tokens, matched, en), _codes(zh, figures), en):
        matched[t] = k
        fixes.append((t, (tokens[k].start, tokens[k].end, _rewrite(targets[t], tokens[k]))))
    fixes += _requalify(targets, matched, tokens, en)
    for t, span in _place_by_unit(targets, matched, tokens, en):
        matched[t] = -1
        fixes.append((t, span))
    en = _apply(en, [span for _, span in fixes])
    missing = [t for i, t in enumerate(targets) if not t.soft and i not in matched and not _month_named(t, en)]
    flagged = tuple(dict.fromkeys(t.figure for t in missing))
    # A figure counts once however many edits it took (a scale slip and a lost "more than").
    repaired = {targets[t].figure for t, _ in fixes}
    return FigureCheck(en, repairs + len(repaired), flagged)


def _untranslated(figures: Sequence[Figure], en: str) -> tuple[str, int]:
    repairs = 0
    for figure in figures:
        if HAN.search(figure.source) and figure.source in en:
            # Set the reading off with spaces: flush against Han text ("投资160") it
            # would not read as a number, and later steps would add it again.
            en = en.replace(figure.source, f" {figure.english} ")
            repairs += 1
    if repairs:
        en = re.sub(r"(?<=\S) {2,}(?=\S)", " ", en).strip()
        en = _SPACE_BEFORE_MARK.sub("", en)
    return en, repairs


def _targets(figures: Sequence[Figure]) -> list[_Target]:
    targets: list[_Target] = []
    for f in figures:
        if f.kind == "date":
            year, month, day = int(f.value) // 10000, int(f.value) // 100 % 100, int(f.value) % 100
            parts = (("year", year), ("month", month), ("day", day))
            targets += [_Target(f, Decimal(v), role, False) for role, v in parts if v]
        elif f.kind == "ordinal":
            targets.append(_Target(f, to_decimal(f.value), "ordinal", True))
        elif f.kind == "era":
            # English names an era many ways ("the 1960s", "the sixties", "the '60s"): held only where it is a number.
            targets.append(_Target(f, to_decimal(f.value), "ordinal" if f.unit == "century" else "value", True))
        else:
            targets.append(_Target(f, to_decimal(f.value), "value", _soft(f)))
            if f.value_high is not None:
                targets.append(_Target(f, to_decimal(f.value_high), "high", f.vague))
    return targets


def _soft(f: Figure) -> bool:
    worded = not any(ch.isdigit() for ch in f.source)
    return f.vague or (f.kind == "count" and (f.value == 1 or (worded and f.value <= 10)))


def _fits(target: _Target, token: EnglishNumber) -> bool:
    if target.role == "month":
        return False
    if token.kind == "ordinal":
        return target.role in ("ordinal", "day")
    if target.role == "ordinal":
        return False
    if token.kind == "percent":
        return target.figure.unit in ("%", "percentage points")
    return True


def _match_by_value(targets: list[_Target], tokens: list[EnglishNumber]) -> dict[int, int]:
    """Each target to the leftmost free token of equal value; firm figures choose first. Figures of one
    value that the English says as often (零个 … 约0千伏安 as "zero … about 0 kVA") pair in the order both
    texts give them, so one figure's "about" never lands on the other."""
    matched: dict[int, int] = {}
    used: set[int] = set()
    for value in {target.value for target in targets}:
        group = [t for t, target in enumerate(targets) if target.value == value]
        same = [k for k, token in enumerate(tokens) if token.value == value]
        if 1 < len(group) <= len(same) and all(_fits(targets[t], tokens[k]) for t, k in zip(group, same)):
            matched.update(zip(group, same))
            used.update(same[: len(group)])
    for t in sorted((i for i in range(len(targets)) if i not in matched), key=lambda i: targets[i].soft):
        for k, token in enumerate(tokens):
            if k not in used and token.value == targets[t].value and _fits(targets[t], token):
                matched[t] = k
                used.add(k)
                break
    return matched


def _claims(targets, tokens, matched, en) -> set[int]:
    """The matched numbers and those a vague figure owns besides, which are no strays: the other
    end of "two or three thousand" or "30–40 million", or, where English gives neither bound, the first
    free number inside the range ("some 2,500 yuan" for 两三千元)."""
    claimed = set(matched.values())
    for figure in dict.fromkeys(tg.figure for tg in targets if tg.figure.vague):
        mine = [matched[t] for t, tg in enumerate(targets) if tg.figure == figure and t in matched]
        low, high = to_decimal(figure.value), to_decimal(figure.value_high)
        inside = [k for k, tok in enumerate(tokens) if k not in claimed and low <= tok.value <= high]
        for k in mine or inside[:1]:
            claimed.add(k)
            joined = [j for j in (k - 1, k + 1) if 0 <= j < len(tokens) and j not in claimed]
            claimed.update(j for j in joined if RANGE_JOINER.fullmatch(
                en, min(tokens[j].end, tokens[k].end), max(tokens[j].start, tokens[k].start)))
    return claimed


def _pair_strays(targets, tokens, matched, used, codes, en) -> list[tuple[int, int]]:
    """Unmatched figures to stray numbers (not ``used``), where only one reading is possible."""
    open_ = [t for t, tg in enumerate(targets) if t not in matched and not tg.soft and tg.role != "month"]
    free = [k for k, tok in enumerate(tokens) if k not in used and _stray(tok, codes, en)]
    repairable = [t for t in open_ if targets[t].role in ("value", "high")]
    pairs: list[tuple[int, int]] = []
    progress = True
    while progress:
        progress = False
        for t in repairable:
            options = [k for k in free if _fits(targets[t], tokens[k]) and _same_digits(targets[t], tokens[k])]
            rivals = [u for u in repairable if options and _fits(targets[u], tokens[options[0]])
                      and _same_digits(targets[u], tokens[options[0]])]
            if len(options) == 1 and rivals == [t]:
                pairs.append((t, options[0]))
                repairable.remove(t)
                open_.remove(t)
                free.remove(options[0])
                progress = True
                break
    if len(open_) == 1 and repairable == open_ and len(free) == 1 and _fits(targets[open_[0]], tokens[free[0]]):
        pairs.append((open_[0], free[0]))
    return pairs


def _stray(token: EnglishNumber, codes: set[Decimal], en: str) -> bool:
    """Could this number be a figure the model got wrong? Not a year, a rank,
    "one", a "No. 5", or a number the source also has outside its figures."""
    year_like = re.fullmatch(r"(19|20)\d\d", en[token.start:token.end]) is not None
    numbered = re.search(r"(?:\bNo\.?|\bNumber|#)\s*$", en[: token.start]) is not None
    return (token.kind != "ordinal" and token.value != 1 and token.value not in codes
            and not year_like and not numbered)


def _same_digits(target: _Target, token: EnglishNumber) -> bool:
    """Same significant digits (a slip of scale) or their rounding (2.87 for 2.872)."""
    want, got = significant_digits(target.value), significant_digits(token.value)
    if want == got:
        return True
    if not 2 <= len(got) < len(want):
        return False
    rounded = str(int(want[: len(got)]) + (want[len(got)] >= "5"))
    return want.startswith(got) or rounded.rstrip("0") == got.rstrip("0")


def _codes(zh: str, figures: Sequence[Figure]) -> set[Decimal]:
    """Values of the digit runs in ``zh`` that are not figures (5G, 101线, 3+4+20+22)."""
    covered = [(f.start, f.end) for f in figures]
    return {
        Decimal(m[0])
        for m in re.finditer(r"\d+(?:\.\d+)?", zh)
        if not any(a <= m.start() < b for a, b in covered)
    }


def _rewrite(target: _Target, token: EnglishNumber) -> str:
    number = read_number(target.value)
    unit = target.figure.unit
    if unit == "%":
        return f"{number}%"
    if unit == "percentage points" and token.kind == "percent":
        return f"{number} percentage points"
    if token.zh_unit and unit:
        return f"{number} {unit}"
    return number


def _qualifier(figure: Figure) -> str | None:
    return next((q for q in _QUALIFIERS if figure.english.startswith(q + " ")), None)


def _requalify(targets, matched, tokens, en) -> list[tuple[int, tuple[int, int, str]]]:
    """The "more than" a model dropped (4100多万美元 → "41 million") goes back before the number."""
    fixes = []
    for t, k in matched.items():
        target, token = targets[t], tokens[k]
        qualifier = _qualifier(target.figure)
        precise = not target.figure.vague and (target.soft or target.figure.value_high is not None)
        if qualifier is None or target.role != "value" or precise:
            continue
        before = en[: token.start]
        if QUALIFIED_BEFORE.search(before) or QUALIFIED_AFTER.match(en[token.end:]):
            continue
        currency = CURRENCY_BEFORE.search(before)
        at = currency.start() if currency else token.start
        text = f"{qualifier} " if at else f"{qualifier.capitalize()} "
        fixes.append((t, (at, at, text)))
    return fixes


def _place_by_unit(targets, matched, tokens, en):
    """A dropped figure goes before its unit when the model kept the unit alone."""
    number_ends = {tok.end for tok in tokens}
    open_ = [t for t, tg in enumerate(targets) if t not in matched and not tg.soft and tg.role in ("value", "high")]
    for t in open_:
        unit = targets[t].figure.unit
        if unit in (None, "%") or sum(targets[u].figure.unit == unit for u in open_) != 1:
            continue
        orphans = [m for m in re.finditer(rf"\b{_SCALE_WORD}{re.escape(unit)}\b", en)
                   if len(en[: m.start()].rstrip()) not in number_ends
                   and not any(tok.start < m.end() and m.start() < tok.end for tok in tokens)]
        if len(orphans) == 1:
            m = orphans[0]
            text = f"{read_number(targets[t].value)} {unit}"
            qualifier = _qualifier(targets[t].figure)
            if qualifier and targets[t].role == "value" and not QUALIFIED_BEFORE.search(en[: m.start()]):
                text = f"{qualifier} {text}"
            yield t, (m.start(), m.end(), text)


def _month_named(target: _Target, en: str) -> bool:
    if target.role != "month":
        return False
    name = MONTHS[int(target.value) - 1]
    return re.search(rf"\b(?:{name}|{name[:3]}\.)", en) is not None


def _apply(en: str, spans: list[tuple[int, int, str]]) -> str:
    for start, end, text in sorted(spans, reverse=True):
        en = en[:start] + text + en[end:]
    return en
