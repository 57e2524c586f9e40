"""Chinese names in pinyin, written the way names are written.

People: surname, space, given name as one word (韩建初 → "Han Jianchu"), with
the surname's name reading (仇 is Qiu, not chou). Places: one word with the
administrative unit in English (老舍庙镇 → "Laoshemiao Town", 喀左 → "Kazuo"),
an apostrophe where a syllable starting with a, o or e would run on
(西安 → "Xi'an"). Polyphones follow pypinyin, which knows common words but not
every place (朝阳 the city is Chaoyang, pypinyin says zhao): the glossary
carries those. Pure text.
"""

from __future__ import annotations

import re

from pypinyin import lazy_pinyin

from ..text.surnames import AMBIGUOUS_SURNAMES, COMPOUND_SURNAMES, SURNAME_READINGS, surname_of

# Longest first: 自治县 before 县.
PLACE_UNITS = {
    "自治县": "Autonomous County", "自治州": "Autonomous Prefecture", "街道": "Subdistrict",
    "开发区": "Development Zone", "管理区": "Administrative Area", "工业园区": "Industrial Park",
    "省": "Province", "市": "City", "县": "County", "区": "District", "镇": "Town",
    "乡": "Township", "村": "Village", "旗": "Banner", "盟": "League",
}


def romanize(name_zh: str, kind: str | None = None) -> str:
    """A name in pinyin. ``kind`` is "person" or "place"; when None it is
    guessed: a name ending in an administrative unit is a place, two or three
    characters led by a common surname a person, anything else a place."""
    name_zh = name_zh.strip()
    if not name_zh:
        return ""
    if kind is None:
        kind = "person" if _looks_personal(name_zh) else "place"
    return _person(name_zh) if kind == "person" else _place(name_zh)


def pinyin_variants(text: str) -> tuple[str, ...]:
    """How a model may have written ``text`` in pinyin: "Zhaoyang", "Zhao Yang"."""
    syllables = lazy_pinyin(text, v_to_u=True)
    if len(syllables) < 2 or not all(s.isalpha() for s in syllables):
        return ()
    return (_join(syllables), " ".join(s.capitalize() for s in syllables))


def _looks_personal(name: str) -> bool:
    if _unit_of(name):
        return False
    surname = surname_of(name)
    return surname is not None and surname not in AMBIGUOUS_SURNAMES and 2 <= len(name) <= 2 + len(surname)


def _person(name: str) -> str:
    if name[:2] in COMPOUND_SURNAMES:
        surname, given = COMPOUND_SURNAMES[name[:2]], name[2:]
    else:
        surname = SURNAME_READINGS.get(name[0]) or "".join(lazy_pinyin(name[0], v_to_u=True))
        given = name[1:]
    surname = surname.capitalize()
    return f"{surname} {_join(lazy_pinyin(given, v_to_u=True))}" if given else surname


def _place(name: str) -> str:
    unit = _unit_of(name)
    stem = name[: -len(unit)] if unit else name
    words = _join(lazy_pinyin(stem, v_to_u=True))
    return f"{words} {PLACE_UNITS[unit]}" if unit else words


def _unit_of(name: str) -> str | None:
    for unit in sorted(PLACE_UNITS, key=len, reverse=True):
        if name.endswith(unit) and len(name) > len(unit):
            return unit
    return None


def _join(syllables: list[str]) -> str:
    """One capitalized word; an apostrophe before a vowel-initial syllable (Xi'an)."""
    out = ""
    for s in syllables:
        if out and re.match(r"[aoe]", s) and out[-1].isalpha():
            out += "'"
        out += s
    return out[:1].upper() + out[1:]
