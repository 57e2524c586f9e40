"""A news story's dateline: where, when and by whom it was filed, before the story itself.

A paper's own stories open 本报讯, 本报朝阳9月1日讯 or 湖北日报讯; a wire
service's and a site's end in 电 after the day (新华社北京3月5日电, 中新网7月28日电);
a reporter credit may follow, in brackets (（记者 王某 通讯员 李某）) or as 记者
王某报道. The dateline says where the story was filed and when; it is not the
story, so a summary or a translation never starts with it. Pure text.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex as re

# Who a reporter credit names: 记者, 本报特约记者, 新华社记者, 通讯员.
REPORTER_RANK = "(?:特约|实习|首席)?"
REPORTER = f"(?:本报|新华社)?{REPORTER_RANK}(?:记者|通讯员)"
_ROLE = re.compile(rf"{REPORTER}|实习生|摄影|报道|综合")

# Who files: the paper itself, a wire service, or any paper, site, station or app by the word it ends in.
_OUTLET = r"(?:本报|本网|本台|本刊|新华社|中新社|\p{Han}{1,10}?(?:日报|晚报|时报|商报|报|网|社|台|新闻))(?:新闻)?(?:客户端|APP)?"
_GAP = r"[\s\xa0\u3000]*"
_DAY = r"(?P<month>\d{1,2})月(?P<day>\d{1,2})日"
# 电 follows a day (新华社北京3月5日电); 讯 may stand alone (本报讯) and never ends a credit's 通讯员.
_DATELINE = re.compile(
    rf"^(?:(?P<outlet>{_OUTLET}){_GAP}(?P<place>\p{{Han}}{{0,8}}?){_GAP}(?:{_DAY}{_GAP}(?:电|讯)|讯)(?!员)"
    rf"|(?P<place2>\p{{Han}}{{2,8}}?){_GAP}{_DAY.replace('month', 'month2').replace('day>', 'day2>')}{_GAP}讯(?!员))"
)
# A credit after a dateline: in brackets, or 记者 王某 报道 between spaces.
_CREDIT = re.compile(rf"{_GAP}(?:[（(](?P<bracketed>[^（）()]{{0,30}})[)）]|(?P<reported>{REPORTER}{_GAP}[\p{{Han}}\s、]{{2,16}}?报道))")
# A reporter credit opening a story on its own: （记者 王某 通讯员 李某）.
_OWN_CREDIT = re.compile(rf"[（(]\s*(?P<bracketed>{REPORTER}[^（）()]{{1,24}})[)）]")
_NAME = re.compile(r"^\p{Han}{2,4}$")


@dataclass(frozen=True)
class Dateline:
    """What a dateline says, and where it ends in its paragraph."""

    text: str  # the dateline and its credit, as written
    outlet: str | None  # 本报, 新华社, 湖北日报
    place: str | None  # 北京
    month: int | None
    day: int | None
    reporters: tuple[str, ...]  # the names its credit gives
    end: int


def parse_dateline(text: str) -> Dateline | None:
    """The dateline (and credit) ``text`` opens with, or None."""
    found = _DATELINE.match(text)
    if found is None:
        own = _OWN_CREDIT.match(text)
        if own is None:
            return None
        return Dateline(own.group(), None, None, None, None, _names(own["bracketed"]), own.end())
    credit = _CREDIT.match(text, found.end())
    end = credit.end() if credit else found.end()
    month, day = found["month"] or found["month2"], found["day"] or found["day2"]
    names = _names((credit["bracketed"] or credit["reported"]) if credit else "")
    return Dateline(text[:end], found["outlet"], (found["place"] or found["place2"]) or None,
                    int(month) if month else None, int(day) if day else None, names, end)  # fmt: skip


def _names(credit: str) -> tuple[str, ...]:
    """The people a credit names: 记者 王某 通讯员 李某 → 王某, 李某."""
    words = re.split(r"[\s、，,/／]+", _ROLE.sub(" ", credit or ""))
    return tuple(word for word in words if _NAME.match(word))


def is_dateline(text: str) -> bool:
    """Opens with a dateline (a credit alone is no dateline)."""
    found = parse_dateline(text)
    return found is not None and bool(found.outlet or found.place)


def credit_end(text: str) -> int:
    """Where the dateline and reporter credit that open ``text`` end (0: it opens with neither)."""
    found = parse_dateline(text)
    return found.end if found else 0


def strip_dateline(text: str) -> str:
    """The story without its dateline and the reporter credit that may follow it."""
    return text[credit_end(text) :].lstrip(" ,，:：\xa0\u3000") if is_dateline(text) else text


def split_credit(text: str) -> tuple[str, str] | None:
    """(credit, story) of a line that opens with a dateline or a reporter credit and runs on into the
    story (本报讯（记者周文）5 → 本报讯（记者周文）, 5); None when nothing but the credit stands there."""
    end = credit_end(text)
    rest = text[end:].lstrip(" ,，:：\xa0\u3000")
    return (text[:end].rstrip(), rest) if end and rest else None
