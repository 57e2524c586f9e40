"""Dates among the figures: 2022年, 3月23日, 2016年4月, 9月份, 2022年末, 二〇二二年三月.

A date's value is YYYYMMDD with zeros for the parts not given (2016年4月 →
20160400, 3月23日 → 323); its English names the month (April 2016, March 23).
Read before quantities, so 2022年 is a year and not "2,022 years". Pure text.
"""

from __future__ import annotations

import re

from ..text.dates import MONTHS
from . import units
from .figure import Figure
from .numerals import CHINESE_DIGIT_CHARS, CHINESE_NUMERAL_CHARS, chinese_numeral_value

_CN = CHINESE_NUMERAL_CHARS
_PERIOD = {"上半年": "first half of {}", "下半年": "second half of {}", "年底": "end of {}", "年末": "end of {}",
           "年初": "early {}", "底": "end of {}", "末": "end of {}", "初": "early {}",
           "上旬": "early {}", "中旬": "mid-{}", "下旬": "late {}"}

# Years in Chinese numerals go digit by digit (二〇二二年); typesetting often puts ○ for 〇.
_YEAR_DIGITS = CHINESE_DIGIT_CHARS.replace("两", "") + "○"
_CMONTH = "十[一二]?|[一二三四五六七八九]"
_CDAY = "[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九]"
# Typeset pages may put a space between Arabic digits and 年 / 月 / 日 (2022 年 3 月).
_DATE = re.compile(
    rf"(?<![\d.])(?:(?:(?P<year>\d{{4}}) ?|(?<![{_CN}○])(?P<cyear>[{_YEAR_DIGITS}]{{4}}))年度?"
    rf"(?:(?: ?(?P<month>\d{{1,2}}) ?|(?P<ymonth>{_CMONTH}))月份?(?:(?: ?(?P<day>\d{{1,2}}) ?|(?P<yday>{_CDAY}))[日号])?)?"
    rf"|(?P<month2>\d{{1,2}}) ?月份?(?: ?(?P<day2>\d{{1,2}}) ?[日号])?"
    rf"|(?<![{_CN}])(?P<cmonth>{_CMONTH})月份?(?:(?P<cday>{_CDAY})[日号])?)"
    rf"(?P<period>{units.alternation(_PERIOD)})?"
)


def read_date(text: str, i: int) -> Figure | None:
    """The date that starts at ``i``: 2016年4月, 3月23日, 二〇二二年三月, 2022年末, 2022 年 3 月 (typeset)."""
    m = _DATE.match(text, i)
    if not m:
        return None
    year = int(m["year"]) if m["year"] else _worded_number(m["cyear"], "○", "〇")
    month = int(m["month"] or m["month2"] or 0) or _worded_number(m["ymonth"] or m["cmonth"])
    day = int(m["day"] or m["day2"] or 0) or _worded_number(m["yday"] or m["cday"])
    named = bool(m["month"] or m["month2"] or m["ymonth"] or m["cmonth"]), bool(m["day"] or m["day2"] or m["yday"] or m["cday"])
    if (year and not 1900 <= year <= 2100) or (named[0] and not 1 <= month <= 12) or (named[1] and not 1 <= day <= 31):
        return None
    period, end = m["period"], m.end()
    if period and not _period_fits(period, month, day):
        period, end = None, m.start("period")
    return Figure("", year * 10000 + month * 100 + day, None, _read_date(year, month, day, period),
                  i, end, "date")


def _worded_number(text: str | None, typo: str = "", digit: str = "") -> int:
    return chinese_numeral_value(text.replace(typo, digit) if typo else text) if text else 0


def _period_fits(period: str, month: int, day: int) -> bool:
    """上半年 / 年底 close a year, 上旬 / 下旬 a month; nothing follows a day."""
    if day:
        return False
    if period in ("上半年", "下半年", "年底", "年末", "年初"):
        return not month
    if period in ("上旬", "中旬", "下旬"):
        return bool(month)
    return True


def _read_date(year: int, month: int, day: int, period: str | None) -> str:
    month_name = MONTHS[month - 1] if month else ""
    if day:
        core = f"{month_name} {day}" + (f", {year}" if year else "")
    else:
        core = " ".join(str(p) for p in (month_name, year or "") if p)
    return _PERIOD[period].format(core) if period else core
