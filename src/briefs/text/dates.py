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

from .datelines import WIRE_SERVICES

DateSource = Literal["meta", "dateline", "file"]

# A full date, 2019-09-23, 2019年9月23日, 2019/9/23: a pattern other rules embed; full_date() validates what it finds.
FULL_DATE = r"(?<!\d)(19\d\d|20\d\d)\s*(?:[-/.年]\s*)(\d{1,2})\s*(?:[-/.月]\s*)(\d{1,2})(?!\d)"
_FULL = re.compile(FULL_DATE)
_COMPACT = re.compile(r"(?<!\d)(19\d\d|20\d\d)(\d\d)(\d\d)(?!\d)")
# 本报太原10月9日电, 新华社北京3月5日电, 本报讯（10月9日）: the day a story was filed.
_DATELINE_DAY = re.compile(rf"^(?:本报|{WIRE_SERVICES})[\p{{Han}}\s\xa0]{{0,12}}?(\d{{1,2}})月(\d{{1,2}})日(?:电|讯)")
MONTHS = "January February March April May June July August September October November December".split()


@dataclass(frozen=True)
class ArticleDate:
    iso: str  # 2019-10-09
    source: DateSource

    @property
    def english(self) -> str:
        return english_date(self.iso)


def english_date(iso: str) -> str:
    """9 October 2019: unambiguous to every reader, unlike 10/9/2019. Not an ISO date: as it is."""
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
    found = _DATELINE_DAY.match(paragraph)
    return (int(found[1]), int(found[2])) if found else None


def article_date(meta: Iterable[str | None], first_paragraph: str | None, page_texts: Iterable[str], file_name: str) -> ArticleDate | None:
    """The article's date, by the most direct evidence: metadata, then the dateline with the
    year of the file's name or of a date the page prints outside its articles (``page_texts``:
    headers, folios, metadata lines), then the file's name."""
    for value in meta:
        iso = full_date(value or "")
        if iso:
            return ArticleDate(iso, "meta")
    day = dateline_day(first_paragraph or "")
    named = file_date(file_name)
    if day:
        years = [int(iso[:4]) for iso in [named, *(full_date(t) for t in page_texts)] if iso]
        for year in years:
            iso = _valid(year, *day)
            if iso:
                return ArticleDate(iso, "dateline")
    if named:
        return ArticleDate(named, "file")
    return None
