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

# Longest first: 自治县 before 县.
PLACE_UNITS = {
    "自治县": "Autonomous County", "自治州": "Autonomous Prefecture", "街道": "Subdistrict",
    "开发区": "Development Zone", "管理区": "Administrative Area", "工业园区": "Industrial Park",
    "省": "Province", "市": "City", "县": "County", "区": "District", "镇": "Town",
    "乡": "Township", "村": "Village", "旗": "Banner", "盟": "League",
}
_COMPOUND_SURNAMES = {"欧阳": "Ouyang", "司马": "Sima", "诸葛": "Zhuge", "上官": "Shangguan", "东方": "Dongfang",
                      "皇甫": "Huangfu", "尉迟": "Yuchi", "公孙": "Gongsun", "慕容": "Murong", "长孙": "Zhangsun",
                      "令狐": "Linghu", "司徒": "Situ", "夏侯": "Xiahou", "宇文": "Yuwen", "万俟": "Moqi"}
# Surnames whose name reading differs from the common word's.
_SURNAME_READINGS = {"仇": "qiu", "单": "shan", "曾": "zeng", "解": "xie", "区": "ou", "朴": "piao", "查": "zha",
                     "盖": "ge", "乐": "yue", "翟": "zhai", "覃": "qin", "缪": "miao", "召": "shao", "种": "chong",
                     "秘": "bi", "繁": "po", "员": "yun", "宓": "mi", "相": "xiang", "燕": "yan", "纪": "ji",
                     "牟": "mou", "华": "hua", "任": "ren", "朝": "chao", "阚": "kan", "贲": "ben", "逄": "pang",
                     "隗": "wei", "黑": "he", "折": "she", "尉": "wei", "薄": "bo", "沈": "shen", "柏": "bai"}
_COMMON_SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任"
    "沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔"
    "向汤常温康施牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞祝包宁尚符舒阮柯纪梅童毕单季裴"
    "霍涂成苗谷盛曲翁冉骆蓝游辛靳管柴蒙鲍喻祁蒲房滕屈饶解牟艾尤穆农司卓古吉缪简车项连麦褚娄窦戚岑"
    "景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩佘池查麻苑迟"
)


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
    surname = name[:2] if name[:2] in _COMPOUND_SURNAMES else name[:1]
    return 2 <= len(name) <= 3 + (len(surname) - 1) and (surname in _COMPOUND_SURNAMES or surname in _COMMON_SURNAMES)


def _person(name: str) -> str:
    if name[:2] in _COMPOUND_SURNAMES:
        surname, given = _COMPOUND_SURNAMES[name[:2]], name[2:]
    else:
        surname = _SURNAME_READINGS.get(name[0]) or "".join(lazy_pinyin(name[0], v_to_u=True))
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
