"""A news story's dateline: where, when and by whom it was filed, before the story itself.

A paper's own stories open 本报讯 or 本报朝阳9月1日讯; a wire service's end in
电 (新华社北京3月5日电); a reporter credit in brackets may follow. Pure text.
"""

from __future__ import annotations

import regex as re

WIRE_SERVICES = "新华社|中新社|中新网|人民网|新华网"
# 讯 never ends one inside a credit: 本报通讯员 is the paper's correspondent, not a dateline.
_DATELINE = re.compile(rf"^(?:本报讯|本报[\p{{Han}}\d\s]{{1,16}}讯(?!员)|(?:{WIRE_SERVICES})[\p{{Han}}\d\s]{{0,16}}电)")


def is_dateline(text: str) -> bool:
    return bool(_DATELINE.match(text))


# Who a reporter credit names: 记者, 本报特约记者, 新华社记者, 通讯员.
REPORTER_RANK = "(?:特约|实习|首席)?"
REPORTER = f"(?:本报|新华社)?{REPORTER_RANK}(?:记者|通讯员)"
# A reporter credit in brackets after a dateline, or opening a story on its own: （记者 王某 通讯员 李某）.
_CREDIT = re.compile(r"\s*[（(][^（）()]{0,24}[)）]")
_OWN_CREDIT = re.compile(rf"[（(]\s*{REPORTER}[^（）()]{{1,24}}[)）]")


def credit_end(text: str) -> int:
    """Where the dateline and reporter credit that open ``text`` end (0: it opens with neither)."""
    match = _DATELINE.match(text) or _OWN_CREDIT.match(text)
    if not match:
        return 0
    end = match.end()
    credit = _CREDIT.match(text, end) if match.re is _DATELINE else None
    return credit.end() if credit else end


def strip_dateline(text: str) -> str:
    """The story without its dateline and the reporter credit that may follow it."""
    match = _DATELINE.match(text)
    if not match:
        return text
    return text[credit_end(text) :].lstrip(" ,，:：")


def split_credit(text: str) -> tuple[str, str] | None:
    """(credit, story) of a line that opens with a dateline or a reporter credit and runs on into the
    story (本报讯（记者周文）5 → 本报讯（记者周文）, 5); None when nothing but the credit stands there."""
    end = credit_end(text)
    rest = text[end:].lstrip(" ,，:：")
    return (text[:end].rstrip(), rest) if end and rest else None
