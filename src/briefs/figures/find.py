"""Figures: every quantity, percent, count, date and ordinal in a Chinese sentence.

Economic news is numbers, so each one is parsed to an exact value and an
English reading (28.72亿元 → "2.872 billion yuan"); ``check.check_figures``
then holds a translation to them. Pure text: no model imports.

Kinds of figure:
  quantity  a number with a measure or currency unit: 28.72亿元, 770亩, 15个月
  percent   6.2%, 百分之十五 (unit "%")
  count     a number of things, unit None: 21个, 十余家, 三大, 1.2万 (bare with a scale)
  date      2022年, 3月23日, 2016年4月, 9月份, 2022年末; value is YYYYMMDD with
            zeros for the parts not given (2016年4月 → 20160400, 3月23日 → 323)
  ordinal   第一 → "first", 第十四 → "14th", 第三四 → "third and fourth" (value_high 4)
  era       60年代 → "the 1960s", 20世纪末 → "the late 20th century"; value is the decade's
            first year or the century's number, unit "decade" or "century" (``eras``)
Dates (``dates``), ordinals and eras are read but are not key figures (``key_figures``):
an era is read whole, so the 60年 of 60年代 is never "60 years".
Approximate numerals are ranges with value and value_high (``approximate``):
一两元 "1–2 yuan", 两三千元 "2,000–3,000 yuan", 十几个 "more than ten", 几十家
"dozens of", 上百项 "about a hundred", 成千上万 "thousands of".
Not figures at all: bare numbers with no unit or counter (codes such as 101线,
53所, 2025版), numbers touching Latin letters or plus signs (5G, 4A级,
3+4+20+22), a lone 一 (an article more often than a count), and Chinese
numerals inside names and slogans (二十家子镇, 五个一工程, 十四五).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Callable, Iterator

from ..document import Article
from . import units
from .approximate import APPROXIMATE, read_approximate, starts_a_numeral
from .dates import read_date
from .eras import era_at
from .figure import KEY_KINDS, RANGE_SEPARATORS, Figure, FigureKind
from .numerals import (
    CHINESE_DIGIT_CHARS,
    CHINESE_NUMERAL_CHARS,
    SCALES,
    chinese_number,
    chinese_numeral_value,
    number_word,
    ordinal,
    plain,
    read_number,
)

__all__ = ["find_figures", "article_figures", "key_figures", "read_number"]


# Full-width digits and signs read as their ASCII forms; one char for one
# keeps every offset valid in the original sentence.
_ASCII = str.maketrans("０１２３４５６７８９．％＋", "0123456789.%+")
_CN = CHINESE_NUMERAL_CHARS
_ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_ORDINAL = re.compile(rf"第(?P<num>\d+|[{_CN}]+)")
# Chinese numerals may carry a decimal point: 百分之五点二, 三点五亿.
_CN_DECIMAL = rf"[{_CN}]+(?:点[{CHINESE_DIGIT_CHARS}]+[万亿]*)?"
_PERCENT_WORDS = re.compile(rf"百分之(?P<num>\d+(?:\.\d+)?|{_CN_DECIMAL})")
_FIGURE = re.compile(
    rf"(?P<pre>{units.alternation(units.PREFIX_APPROX)})?"
    # Typeset text may put a space between a number and its Chinese scale (400 多万):
    # a space is taken only where a scale or an approximation follows.
    rf"(?:(?<![\d.+A-Za-z])(?P<num>{_ARABIC})(?![\d+]|\.\d)(?: ?(?P<a1>多|余))?"
    rf"(?: ?(?P<scale>{units.alternation(s for s in SCALES if s != '千')}|千(?![瓦伏克米])))?"
    rf"|(?P<approx>{APPROXIMATE})|(?P<cnum>{_CN_DECIMAL}))"
    rf"(?P<a2>多|余)?"
    rf"(?: ?(?:(?P<pct>%)|(?P<unit>{units.alternation(units.MEASURES)})(?![A-Za-z])(?:/(?P<per>{units.alternation(units.PER)}))?"
    rf"|(?P<counter>{units.alternation(units.COUNTERS)})))?"
    rf"(?P<post>{units.alternation(units.SUFFIX_APPROX.keys() - units.INNER_APPROX.keys())})?"
)
_ADJACENT_DIGITS = re.compile("[一二两三四五六七八九]{2}")
_DIGIT_RUN = re.compile("[一二三四五六七八九]+")  # 两 is never an ordinal: 第二, not 第两
_RANGE_SEP = re.compile(units.alternation(RANGE_SEPARATORS))
_BARE_LOW = re.compile(rf"(?:{units.alternation(units.PREFIX_APPROX)})?(?<![\d.+A-Za-z])(?P<num>\d+(?:\.\d+)?)(?:{_RANGE_SEP.pattern})$")
_PREFIX = re.compile(units.alternation(units.PREFIX_APPROX))
_SUFFIXES = tuple(units.SUFFIX_APPROX.keys() - units.INNER_APPROX.keys())


def find_figures(text: str) -> list[Figure]:
    """All figures of ``text``, left to right, non-overlapping."""
    ascii_text = text.translate(_ASCII)
    found: list[Figure] = []
    i = 0
    while i < len(text):
        figure = _era(ascii_text, i) or read_date(ascii_text, i) or _ordinal(ascii_text, i) or _quantity(ascii_text, i)
        if figure is None:
            i += 1
            continue
        found.append(_with_source(figure, text))
        i = figure.end
    return _merge_ranges(found, text)


def article_figures(article: Article, plain: Callable[[str], str] = str) -> Iterator[Figure]:
    """The figures of an article's title, subtitle and paragraphs, in reading order (offsets are within
    each text). ``plain`` gives the text the reader reads: a traditional page's simplified copy, in
    which 億, 個 and 兩 are the 亿, 个 and 两 it knows; each figure keeps its source as written."""
    for text in (article.title, article.subtitle, *article.paragraphs):
        if text:
            read = plain(text)
            for figure in find_figures(read):
                yield _with_source(figure, text) if len(read) == len(text) else figure


def key_figures(figures: list[Figure]) -> list[Figure]:
    """The figures a reader scans a brief for: no plain dates, no ordinals."""
    return [f for f in figures if f.kind in KEY_KINDS]


def _with_source(figure: Figure, text: str) -> Figure:
    return Figure(text[figure.start:figure.end], figure.value, figure.unit, figure.english,
                  figure.start, figure.end, figure.kind, figure.value_high)


def _era(text: str, i: int) -> Figure | None:
    era = era_at(text, i)
    return Figure("", era.value, era.unit, era.english, i, era.end, "era") if era is not None else None


def _ordinal(text: str, i: int) -> Figure | None:
    m = _ORDINAL.match(text, i)
    if not m:
        return None
    raw = m["num"]
    if raw.isdigit():
        return Figure("", int(raw), None, ordinal(int(raw)), i, m.end(), "ordinal")
    pair = _ADJACENT_DIGITS.search(raw)
    if pair is None:
        n = chinese_numeral_value(raw)
        return Figure("", n, None, ordinal(n), i, m.end(), "ordinal")
    # Digits side by side are no positional numeral: 第三四季度 is the third and fourth quarters,
    # ordinals in a row; otherwise (第一两个) the ordinal ends at the first digit.
    run = [chinese_numeral_value(c) for c in _DIGIT_RUN.match(raw)[0]] if pair.start() == 0 else []
    run = run[: next((k for k in range(1, len(run)) if run[k] != run[k - 1] + 1), len(run))]
    if len(run) > 1:
        words = [ordinal(n) for n in run]
        english = " and ".join(words) if len(words) == 2 else f"{', '.join(words[:-1])} and {words[-1]}"
        return Figure("", run[0], None, english, i, m.start("num") + len(run), "ordinal", value_high=run[-1])
    n = chinese_numeral_value(raw[: pair.start() + 1])
    return Figure("", n, None, ordinal(n), i, m.start("num") + pair.start() + 1, "ordinal")


def _quantity(text: str, i: int) -> Figure | None:
    m = _PERCENT_WORDS.match(text, i)
    if m:
        raw = m["num"]
        value = Decimal(raw) if raw[0].isdigit() else chinese_number(raw)
        return Figure("", plain(value), "%", f"{read_number(value)}%", i, m.end(), "percent")
    m = _FIGURE.match(text, i)
    if not m or not (m["num"] or m["cnum"] or m["approx"]):
        return None
    if m["approx"]:
        return _approximate(m, text)
    if m["cnum"]:
        return _worded(m, text)
    value = Decimal(m["num"].replace(",", "")) * SCALES.get(m["scale"] or "", 1)
    if not (m["pct"] or m["unit"] or m["counter"] or m["scale"]):
        return None  # a bare number: a code, a name, a model number
    return _figure(m, value, worded=False)


def _worded(m: re.Match, text: str) -> Figure | None:
    """A Chinese numeral counts only before a counter or a unit, and not in names."""
    unit, counter = m["unit"], m["counter"]
    if unit in units.DIGITS_ONLY_MEASURES or (counter and counter not in units.WORD_COUNTERS):
        return None
    # Two digits in a row before the point are a range (``_approximate``) or a code, never one count (一两 is not 12).
    if not starts_a_numeral(text, m.start("cnum")) or _ADJACENT_DIGITS.search(m["cnum"].partition("点")[0]):
        return None
    value = chinese_number(m["cnum"])
    if not (unit or counter or m["pct"]) or value == 1 or _in_a_name(text, m.end()):
        return None
    return _figure(m, value, worded=True)


def _in_a_name(text: str, end: int) -> bool:
    after = text[end: end + 1]
    return bool(after) and (after in units.NAME_TAILS or after in CHINESE_NUMERAL_CHARS)  # 二十家子镇; 五个一


def _approximate(m: re.Match, text: str) -> Figure | None:
    """一两元 "1–2 yuan", 两三千元, 十几个, 几十万, 上百项: a range whose bounds go unsaid (``approximate``)."""
    reading, unit, counter = read_approximate(m["approx"]), m["unit"], m["counter"]
    at = m.start("approx")
    if reading is None or m["a2"] or counter == "大" or not starts_a_numeral(text, at):
        return None
    # 年 and 天 are welcome (五六年 is no plan's name, unlike 三年行动), and a numeral may follow:
    # 数十家一起做 is "dozens together", not a slogan like 五个一.
    if not (unit or counter or m["pct"] or reading.bare) or text.startswith(tuple(units.NAME_TAILS), m.end()):
        return None
    if unit == "年" and text.startswith("代", m.end()):
        return None  # 八九十年代 is the eighties and nineties
    pre, start = _lead(m, unit)
    unit_en = units.MEASURES[unit] if unit else None
    if unit_en and m["per"]:
        unit_en = f"{unit_en} per {units.PER[m['per']]}"
    if m["pct"]:
        unit_en, reading_en = "%", f"{reading.words}%" if reading.bounded else f"{reading.words} percent"
    else:
        reading_en = f"{reading.words} {unit_en}" if unit_en else reading.words
    approx = units.PREFIX_APPROX.get(pre or "") or units.SUFFIX_APPROX.get(m["post"] or "")
    english = f"{approx} {reading_en}" if approx and reading.bounded else reading_en
    kind: FigureKind = "percent" if m["pct"] else "quantity" if unit else "count"
    return Figure("", plain(reading.low), unit_en, english, start, m.end(), kind, plain(reading.high))


def _lead(m: re.Match, unit: str | None) -> tuple[str | None, int]:
    """The approximation word before a figure and where the figure starts: 近3年 is "the past 3 years",
    not "nearly 3 years", so 近 before a duration is left to the words."""
    if m["pre"] == "近" and unit in units.DURATIONS:
        return None, m.start("num") if m["num"] else m.start("cnum") if m["cnum"] else m.start("approx")
    return m["pre"], m.start()


def _figure(m: re.Match, value: Decimal, worded: bool) -> Figure | None:
    unit, counter = m["unit"], m["counter"]
    if counter == "大" and value > 10:
        return None  # 二十大 is a party congress, not "twenty major"
    pre, start = _lead(m, unit)
    approx = (units.PREFIX_APPROX.get(pre or "") or units.INNER_APPROX.get(m["a1"] or "")
              or units.INNER_APPROX.get(m["a2"] or "") or units.SUFFIX_APPROX.get(m["post"] or ""))
    small_word = worded and value == value.to_integral_value() and value <= 10
    number = number_word(int(value)) if small_word else read_number(value)
    kind: FigureKind
    if m["pct"]:
        kind, unit_en, reading = "percent", "%", f"{number}%"
    elif unit:
        unit_en = units.MEASURES[unit] if value != 1 else units.singular(units.MEASURES[unit])
        if m["per"]:
            unit_en = f"{unit_en} per {units.PER[m['per']]}"
        kind, reading = "quantity", f"{number} {unit_en}"
    else:
        kind, unit_en = "count", None
        reading = f"{number} major" if counter == "大" else number
    english = f"{approx} {reading}" if approx else reading
    return Figure("", plain(value), unit_en, english, start, m.end(), kind)


def _merge_ranges(figures: list[Figure], text: str) -> list[Figure]:
    """5万元至200万元 → one figure "50,000 to 2 million yuan"; 5至10万元 too."""
    ascii_text = text.translate(_ASCII)
    merged: list[Figure] = []
    for figure in figures:
        low = merged[-1] if merged else None
        if low is not None and _joins(low, figure, text):
            merged[-1] = _range(low, figure, text)
            continue
        bare = _bare_low(ascii_text, figure, merged[-1].end if merged else 0)
        merged.append(_range(bare, figure, text) if bare else figure)
    return merged


def _bare_low(text: str, high: Figure, floor: int) -> Figure | None:
    """The bare low end of 5至10万元, which takes the scale and unit of the high end."""
    if high.kind not in KEY_KINDS or high.value_high is not None:
        return None
    m = _BARE_LOW.search(text, floor, high.start)
    if not m:
        return None
    digits = re.search(_ARABIC, text[high.start:high.end])
    written = Decimal(digits[0].replace(",", "")) if digits else Decimal(0)
    scale = Decimal(str(high.value)) / written if written else 1
    low = Decimal(m["num"]) * scale
    if not low < Decimal(str(high.value)):
        return None  # 2023-12 and 20-5 are not ranges
    return Figure("", plain(low), high.unit, "", m.start(), m.end("num"), high.kind)


def _joins(low: Figure, high: Figure, text: str) -> bool:
    if low.kind not in KEY_KINDS or low.kind != high.kind or low.value_high is not None:
        return False
    if low.unit != high.unit or not low.value < high.value:
        return False
    return bool(_RANGE_SEP.fullmatch(text, low.end, high.start))


def _range(low: Figure, high: Figure, text: str) -> Figure:
    unit = f" {high.unit}" if high.unit and high.unit != "%" else ""
    pct = "%" if high.unit == "%" else ""
    english = f"{read_number(low.value)}{pct} to {read_number(high.value)}{pct}{unit}"
    # 约5至10万元 is "about 50,000 to 100,000 yuan": the word before the low end or after the high end.
    before, after = _PREFIX.match(text, low.start), next((s for s in _SUFFIXES if text.endswith(s, 0, high.end)), None)
    approx = units.PREFIX_APPROX[before[0]] if before else units.SUFFIX_APPROX.get(after or "")
    english = f"{approx} {english}" if approx else english
    return Figure(text[low.start:high.end], low.value, high.unit, english, low.start, high.end,
                  high.kind, high.value)
