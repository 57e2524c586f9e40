"""Approximate numerals: a range the writer gives without stating its bounds.

Chinese says "one or two", "thirty or forty" with two neighbouring digits in
one numeral (一两元, 两三千元, 三四十个, 二十三四个, 一千七八百元; 三五 is
"three to five"); "some" with 几 or 数 in a digit's place (几十, 数百万 as the
leading digit, 2 to 9 of that place; 十几, 二十几 after a round numeral); "and
more" with 多 or 余 after a round numeral, which fills the places below its
last digit (十多 is between 10 and 20, 三十多万 between 300,000 and 400,000);
"reaching" with 上 before a power of ten (上百 is a hundred or more, short of
the 几百 that starts at two hundred); and "hundreds", "thousands" with the
idioms 成百上千, 成千上万. Each reads as a range (``low``, ``high``) and as
English says it before a noun: "1–2", "dozens of", "more than ten", "about a
hundred", "thousands of". Digits with 多 (130多位) are left to ``find``: whether
1000余 is 1000–1100 or 1000–2000 the digits do not say. Pure text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from .numerals import CHINESE_NUMERAL_CHARS, chinese_numeral_value, ends_a_word, number_word, read_number
from .units import COUNTERS, alternation

# 一二 only after a ten (十一二岁): alone it names tiers (一二线城市) and is no count.
_PAIRS = ("一两", "一二", "两三", "二三", "三四", "四五", "五六", "六七", "七八", "八九", "三五")
_PLACES = {"十": 10, "百": 100, "千": 1000}
_SCALES = {"万": 10**4, "亿": 10**8, "万亿": 10**12}
_IDIOMS = {"成百上千": (100, 1000, "hundreds of"), "成千上万": (1000, 10000, "thousands of")}
_HEAD = "[一二两三四五六七八九零十百千万亿]*[十百千万亿]"  # a numeral that ends in a place: 十, 二十, 一千, 三万
_SCALE = "(?:万亿|万|亿)"

# The shapes, for ``find``'s pattern (no groups, so it can sit inside another pattern).
APPROXIMATE = (
    rf"(?:{_HEAD})?(?:{alternation(_PAIRS)})[十百千]?{_SCALE}?"
    rf"|{_HEAD}[几数多余][十百千]?{_SCALE}?"
    rf"|好?[几数](?:[十百千]{_SCALE}?|{_SCALE})"
    rf"|上(?:[百千]{_SCALE}?|十万|{_SCALE})"
    rf"|{alternation(_IDIOMS)}"
)
_READ = re.compile(
    rf"(?P<head>{_HEAD})?(?P<pair>{alternation(_PAIRS)})(?P<place>[十百千])?(?P<scale>{_SCALE})?"
    rf"|(?P<base>{_HEAD})(?P<more>[几数多余])(?P<lower>[十百千])?(?P<bscale>{_SCALE})?"
    rf"|好?[几数](?P<splace>[十百千])?(?P<sscale>{_SCALE})?"
    rf"|上(?P<reach>[十百千])?(?P<rscale>{_SCALE})?"
    rf"|(?P<idiom>{alternation(_IDIOMS)})"
)
# 上 closes a word of place as often as it says "reaching" (线上 online, 会上 at the meeting, 以上
# above), and 数 a noun of number as often as it says "several" (人数 the number of people, 总数).
_PLACE_BEFORE_SHANG = "线网会晚早马路身手面场台地天海山楼街以之加向往赶跟"
_NOUN_BEFORE_SHU = "".join(c for c in COUNTERS if len(c) == 1) + "总指系基参倍分多少半全无岁页票点函变常整"
# Characters that take the numeral after them into an approximate one (数十, 几百, 上千, 成千, 好几).
_APPROXIMATING = "数几上成好"


@dataclass(frozen=True)
class Approximate:
    low: Decimal
    high: Decimal
    words: str  # English before a noun: "1–2", "2,000–3,000", "dozens of", "more than ten"
    bare: bool  # a count without a counter after it (几十万, 上万, 成千上万), as digits with a scale are

    @property
    def bounded(self) -> bool:
        """Said with its bounds as numbers ("1–2", "30–40 million"), not in words."""
        return self.words[0].isdigit()


def read_approximate(numeral: str) -> Approximate | None:
    """The range an approximate numeral says: 一两 → 1–2, 两三千 → 2,000–3,000, 几十 → "dozens of"."""
    m = _READ.fullmatch(numeral)
    if m is None:
        return None
    if m["pair"]:
        return _pair(m["head"] or "", m["pair"], m["place"] or "", m["scale"])
    if m["more"]:
        return _more(m["base"], m["more"], m["lower"], m["bscale"])
    if m["idiom"]:
        low, high, words = _IDIOMS[m["idiom"]]
        return Approximate(Decimal(low), Decimal(high), words, True)
    scale = _SCALES.get(m["sscale"] or m["rscale"] or "", 1)
    power = _power(_PLACES.get(m["splace"] or m["reach"] or "", 1) * scale)
    if numeral.startswith("上"):
        if power < 2:
            return None  # 上十 is no count; 上 alone is "on"
        return Approximate(Decimal(10**power), Decimal(2 * 10**power), f"about {_one(power)}", scale > 1)
    if not 1 <= power <= 14:
        return None
    return Approximate(Decimal(2 * 10**power), Decimal(9 * 10**power), _some(power), scale > 1)


def starts_a_numeral(text: str, i: int) -> bool:
    """May a numeral start at ``i``? Not at a digit that ends a word (初一两天), nor at a 上 or 数 that
    ends one (线上, 人数); not inside another numeral (the 十 of 三十, the 百 of 数百) unless what comes
    before ends a word: 统一两个标准 counts 两个, 线上千人 千人."""
    if ends_a_word(text, i) or not _opens(text, i):
        return False
    before = text[i - 1] if i else ""
    if not before or before not in CHINESE_NUMERAL_CHARS + _APPROXIMATING:
        return True
    return ends_a_word(text, i - 1) or (before in "上数" and not _opens(text, i - 1))


def _opens(text: str, i: int) -> bool:
    before = text[i - 1] if i else ""
    if not before:
        return True
    if text[i] == "上":
        return before not in _PLACE_BEFORE_SHANG
    return text[i] != "数" or before not in _NOUN_BEFORE_SHU


def _pair(head: str, pair: str, place: str, scale: str | None) -> Approximate | None:
    # The pair takes the place right below the head's last: 一千七八百, 二十三四, 三万五六千.
    if head and _PLACES.get(place, 1) * 10 != _last_place(head):
        return None
    if pair == "一二" and not head.endswith("十"):
        return None
    factor = _SCALES.get(scale or "", 1)
    low, high = (Decimal(chinese_numeral_value(head + digit + place) * factor) for digit in pair)
    return Approximate(low, high, _span(low, high), bool(scale))


def _more(base: str, more: str, lower: str | None, scale: str | None) -> Approximate | None:
    value = chinese_numeral_value(base)
    step = 10 ** (len(str(value)) - len(str(value).rstrip("0")))
    if lower and (more in "多余" or _PLACES[lower] * 10 != step):
        return None  # 一百几十 is 110–190; 一百多十 is no numeral
    factor = _SCALES.get(scale or "", 1)
    low, high = Decimal(value * factor), Decimal((value + step) * factor)
    return Approximate(low, high, f"more than {_spoken(low)}", bool(scale))


def _last_place(head: str) -> int:
    return {**_PLACES, **_SCALES}[head[-1]]


def _power(value: int) -> int:
    return len(str(value)) - 1


def _spoken(value: Decimal) -> str:
    """Counts up to ten in words, as ``find`` says 十余家 ("more than ten"); larger ones in figures."""
    return number_word(int(value)) if value <= 10 else read_number(value)


def _span(low: Decimal, high: Decimal) -> str:
    """2,000–3,000; 30–40 million (the scale word once)."""
    a, b = read_number(low), read_number(high)
    scale = b.rpartition(" ")[2]
    if " " in b and a.endswith(f" {scale}"):
        a = a[: -len(scale) - 1]
    return f"{a}–{b}"


_GROUPS = ("", "thousand", "million", "billion", "trillion")


def _some(power: int) -> str:
    """几 in a place: 几十 "dozens of", 几百 "several hundred", 几千 "thousands of", 几万 "tens of thousands of",
    数百万 "millions of": English counts a large vague number in the plural of its group."""
    group, rest = divmod(power, 3)
    if group == 0:
        return "dozens of" if rest == 1 else "several hundred"
    if rest == 0:
        return f"{_GROUPS[group]}s of"
    return f"{'tens' if rest == 1 else 'hundreds'} of {_GROUPS[group]}s of"


def _one(power: int) -> str:
    """A power of ten in words: 2 "a hundred", 4 "ten thousand", 8 "a hundred million"."""
    group, rest = divmod(power, 3)
    lead = ("a", "ten", "a hundred")[rest]
    return f"{lead} {_GROUPS[group]}" if group else lead
