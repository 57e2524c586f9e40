"""Numbers: Chinese numerals in, exact values out; exact values in, English out.

Values stay ``Decimal`` from the source text to the reading, so 28.72亿 is
exactly 2872000000 and reads "2.872 billion" (a float would print
2.8720000000000003 somewhere along the way). Pure text.
"""

from __future__ import annotations

import re
from decimal import Decimal

_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL_UNIT = {"十": 10, "百": 100, "千": 1000}
_BIG_UNIT = {"万": 10**4, "亿": 10**8}
CHINESE_NUMERAL_CHARS = "".join(_DIGIT) + "".join(_SMALL_UNIT) + "".join(_BIG_UNIT)
CHINESE_DIGIT_CHARS = "".join(_DIGIT)

# Scale characters written after Arabic digits (28.72亿, 1.9万, 5千万).
SCALES = {"万亿": 10**12, "千亿": 10**11, "百亿": 10**10, "亿": 10**8, "千万": 10**7, "百万": 10**6, "万": 10**4, "千": 10**3}

_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_ORDINAL_WORDS = "first second third fourth fifth sixth seventh eighth ninth tenth".split()


def chinese_numeral_value(text: str) -> int:
    """十四 → 14, 二十 → 20, 一百零五 → 105, 两万 → 20000, 百 → 100, 二〇二二 → 2022."""
    if not any(ch in _SMALL_UNIT or ch in _BIG_UNIT for ch in text):
        # Digit by digit, as years and model numbers are written (二〇二二).
        return int("".join(str(_DIGIT[ch]) for ch in text))
    total = section = 0
    digit: int | None = None
    for ch in text:
        if ch in _DIGIT:
            digit = _DIGIT[ch]
        elif ch in _SMALL_UNIT:
            # A bare 十 / 百 means one ten / one hundred (十四, 百人).
            section += (1 if digit is None else digit) * _SMALL_UNIT[ch]
            digit = None
        elif ch == "万":
            total += (section + (digit or 0) or 1) * _BIG_UNIT[ch]
            section, digit = 0, None
        else:  # 亿 scales everything before it, including a preceding 万 part.
            total = (total + section + (digit or 0) or 1) * _BIG_UNIT[ch]
            section, digit = 0, None
    return total + section + (digit or 0)


# Words that end in a digit: 统一 "unify", 再三 "again and again". Days and ranks are named by a
# digit after 第, 初, 周, 星期 or 礼拜 (第三, 初一, 周三) and a share after 之 (之一), always with 二, never
# with 两 (第二, not 第两). Where 周 is "week" (每周, 一周) or 初 "beginning" (年初, 最初) the digit
# after them starts a count: 每周三四次 is three or four times a week.
_WORDS_ENDING_IN_A_DIGIT = ("统一", "唯一", "惟一", "同一", "单一", "逐一", "专一", "划一", "如一", "再三")
_NAMING = ("第", "初", "周", "星期", "礼拜", "之")
_NOT_NAMING = re.compile(rf"(?:[{CHINESE_NUMERAL_CHARS}每本上下这该当半几数]周|[最当起年月岁]初)$")


def ends_a_word(text: str, i: int) -> bool:
    """Is the digit at ``i`` the last character of a word (统一, 初一, 第三, 周三, 再三) rather than a count?"""
    digit, before = text[i], text[max(0, i - 2):i]
    if digit not in _DIGIT or digit == "两":
        return False
    if any(before.endswith(word[:-1]) and word[-1] == digit for word in _WORDS_ENDING_IN_A_DIGIT):
        return True
    return before.endswith(_NAMING) and not _NOT_NAMING.search(text[max(0, i - 3):i])


def chinese_number(text: str) -> Decimal:
    """Chinese numerals with a decimal point: 五点二 → 5.2, 三点五亿 → 350000000, 十四 → 14.

    Digits after 点 are read one by one; a trailing 万 / 亿 scales the whole number.
    """
    whole, point, rest = text.partition("点")
    if not point:
        return Decimal(chinese_numeral_value(text))
    fraction = "".join(str(_DIGIT[ch]) for ch in rest if ch in _DIGIT)
    scale = 1
    for ch in rest[len(fraction):]:
        scale *= _BIG_UNIT[ch]
    return Decimal(f"{chinese_numeral_value(whole)}.{fraction}") * scale


def to_decimal(value: object) -> Decimal:
    """Any number (int, float, Decimal, numeric string) as an exact Decimal."""
    if isinstance(value, Decimal):
        return value
    return Decimal(str(value))


def plain(value: Decimal) -> int | float:
    """The JSON-friendly form: int when whole, else float."""
    return int(value) if value == value.to_integral_value() else float(value)


def _digits(value: Decimal) -> str:
    """Every significant digit, thousands grouped, no exponent, no trailing zeros."""
    return format(value.normalize(), ",f")


def read_number(value: object) -> str:
    """The English reading: ≥10¹² "X trillion", ≥10⁹ "X billion", ≥10⁶ "X million",
    else the number with thousands separators; every significant digit kept.

    2872000000 → "2.872 billion", 88700000 → "88.7 million", 19000 → "19,000".
    """
    d = to_decimal(value)
    for scale, word in ((10**12, "trillion"), (10**9, "billion"), (10**6, "million")):
        if abs(d) >= scale:
            return f"{_digits(d / scale)} {word}"
    return _digits(d)


def number_word(n: int) -> str:
    """0–99 in words (three, twenty-one), for counts written in Chinese numerals."""
    if n < 20:
        return _WORDS[n]
    tens, ones = divmod(n, 10)
    return _TENS[tens - 2] + (f"-{_WORDS[ones]}" if ones else "")


def ordinal(n: int) -> str:
    """first … tenth in words, then 11th, 14th, 21st, 22nd, 103rd."""
    if 1 <= n <= len(_ORDINAL_WORDS):
        return _ORDINAL_WORDS[n - 1]
    suffix = "th" if n % 100 in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n:,}{suffix}"


def significant_digits(value: Decimal) -> str:
    """The digits that carry the value, without scale: 2872000000 → "2872", 0.05 → "5"."""
    digits = "".join(str(d) for d in abs(value).normalize().as_tuple().digits)
    return digits.lstrip("0").rstrip("0") or "0"


def number_words() -> dict[str, int]:
    """English number words and their values (for reading numbers back out of English)."""
    table = {w: i for i, w in enumerate(_WORDS)}
    table.update({w: 20 + 10 * i for i, w in enumerate(_TENS)})
    return table


def ordinal_words() -> dict[str, int]:
    return {w: i + 1 for i, w in enumerate(_ORDINAL_WORDS)}
