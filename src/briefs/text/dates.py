"""When an article ran: from the page's metadata, its dateline, or the file's name.

A web page states its date (发布日期：2019-09-23 14:05); a newspaper story
gives the day in its dateline (本报太原10月9日电, 新华社北京3月5日电) and leaves
the year to the page, so the year comes from a full date elsewhere on the page
or from the file's name (e-paper files are often named by day: 20191009).
Dates are ISO (2019-10-09); a date that cannot be placed in a year is not
guessed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable, Literal

import regex as re

from .datelines import parse_dateline

DateSource = Literal["meta", "dateline", "file"]

# A full date, 2019-09-23, 2019年9月23日, 2019/9/23: a pattern other rules embed; full_date() validates what it finds.
FULL_DATE = r"(?<!\d)(19\d\d|20\d\d)\s*(?:[-/.年]\s*)(\d{1,2})\s*(?:[-/.月]\s*)(\d{1,2})(?!\d)"
_FULL = re.compile(FULL_DATE)
_COMPACT = re.compile(r"(?<!\d)(19\d\d|20\d\d)(\d\d)(\d\d)(?!\d)")
MONTHS = "January February March April May June July August September October November December".split()


@dataclass(frozen=True)
class ArticleDate:
    iso: str  # 2019-10-09; --10-09 (ISO 8601's day without a year) when nothing gives the year
    source: DateSource

    @property
    def english(self) -> str:
        return english_date(self.iso)


def english_date(iso: str) -> str:
    """9 October 2019: unambiguous to every reader, unlike 10/9/2019. Not an ISO date: as it is."""
    partial = re.fullmatch(r"--(\d\d)-(\d\d)", iso)
    if partial and _valid(2000, int(partial[1]), int(partial[2])):  # 2000: a leap year, so 29 February stands
        return f"{int(partial[2])} {MONTHS[int(partial[1]) - 1]} (year not given)"
    try:
        day = dt.date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def full_date(text: str) -> str | None:
    """The first full date in ``text`` (2019-09-23, 2019年9月23日, 2019/9/23), as ISO."""
    for found in _FULL.finditer(text):
        iso = _valid(*map(int, found.groups()))
        if iso:
            return iso
    return None


def file_date(name: str) -> str | None:
    """A date a file is named by: 20191009, 2019-10-09."""
    for pattern in (_COMPACT, _FULL):
        for found in pattern.finditer(name):
            iso = _valid(*map(int, found.groups()))
            if iso:
                return iso
    return None


def dateline_day(paragraph: str) -> tuple[int, int] | None:
    """The day a story was filed, as its dateline gives it (本报太原10月9日电, 新华社北京3月5日电)."""
    found = parse_dateline(paragraph)
    return (found.month, found.day) if found and found.month and found.day else None


def article_date(meta: Iterable[str | None], first_paragraph: str | None, page_texts: Iterable[str], file_name: str) -> ArticleDate | None:
    """The article's date, by the most direct evidence: metadata, then the dateline with the year
    of a date the page prints outside its articles (``page_texts``: headers, folios, metadata lines)
    or else of the file's name, then the file's name. A dateline whose year nothing gives is the
    day alone (--10-09): a year is never guessed."""
    for value in meta:
        iso = full_date(value or "")
        if iso:
            return ArticleDate(iso, "meta")
    day = dateline_day(first_paragraph or "")
    named = file_date(file_name)
    if day:
        years = [int(iso[:4]) for iso in [*(full_date(t) for t in page_texts), named] if iso]
        for year in years:
            iso = _valid(year, *day)
            if iso:
                return ArticleDate(iso, "dateline")
        if not years and _valid(2000, *day):
            return ArticleDate(f"--{day[0]:02d}-{day[1]:02d}", "dateline")
    if named:
        return ArticleDate(named, "file")
    return None
