"""A news story's dateline: where, when and by whom it was filed, before the story itself.

A paper's own stories open 本报讯 or 本报朝阳9月1日讯; a wire service's end in
电 (新华社北京3月5日电); a reporter credit in brackets may follow. Pure text.
"""

from __future__ import annotations

import regex as re

WIRE_SERVICES = "新华社|中新社|中新网|人民网|新华网"
_DATELINE = re.compile(rf"^(?:本报讯|本报[\p{{Han}}\d\s]{{1,16}}讯|(?:{WIRE_SERVICES})[\p{{Han}}\d\s]{{0,16}}电)")


def is_dateline(text: str) -> bool:
    return bool(_DATELINE.match(text))


def strip_dateline(text: str) -> str:
    """The story without its dateline and the reporter credit that may follow it."""
    match = _DATELINE.match(text)
    if not match:
        return text
    rest = re.sub(r"^\s*[（(][^（）()]{0,24}[)）]", "", text[match.end() :])
    return rest.lstrip(" ,，:：")
