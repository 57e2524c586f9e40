"""What one line of an extracted news page is, judged by its shape alone.

These are rules of Chinese typesetting and newspaper layout: sentence
punctuation, datelines (本报讯), photo credits (… 摄), column banners with a
romanized name, page bylines (本版稿件由…采写). The reader combines them with
a line's position to build the document.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

import regex as re

from ..document import Extra, Metadata, Stated
from ..text.datelines import REPORTER, REPORTER_RANK, credit_end, is_dateline
from ..text.dates import full_date
from ..text.marks import (
    CLAUSE_MARKS,
    CLOSERS,
    FULL_STOPS,
    HAN,
    INSIDE_ROUND,
    OPENERS,
    PAIRS,
    PROSE_MARKS,
    SENTENCE_END,
    TRAILING_CLOSERS,
    in_round_brackets,
)
from ..text.spaces import SPACES, fold_spaces
from ..text.surnames import surname_of

_COMPLETE = re.compile(
    rf"[{re.escape(SENTENCE_END)}](?:[{re.escape(TRAILING_CLOSERS)}]|[（(][^（）()]{{0,20}}[)）])*\s*$|[:：]\s*$"
)
# A full stop or a semicolon inside a line: a sentence, not a heading.
_SENTENCE_INSIDE = re.compile(rf"[{re.escape(FULL_STOPS)}；;]")
_CLAUSE_PUNCT = re.compile(f"[{re.escape(CLAUSE_MARKS)}]")
_PROSE = re.compile(f"[{PROSE_MARKS}]")
# Lead labels that open a feature: a section, never a title.
_LEAD_LABEL = re.compile(r"^(核心提示|编者按|内容提要|导读|编后语?|记者手记)\s*(?:[:：]\s*(.*))?$")

# The page rules every reader shares, each named once here; a reader that needs a variant builds it
# from these and says why beside it.
# The page's production credits: 版式设计：…, 本版责编：….
PAGE_CREDIT = re.compile(r"^(?:版式设计|本版责编|责任编辑|责编|美编|制图|本版制图|本版编辑|图片编辑)\s*[:：]")
# A picture's own line (图为…, 图片说明：…), and its source in brackets closing a line (（新华社发）, （张三摄）).
PICTURE_LINE = "^图为|^图片说明"
PICTURES = "(?:图片|照片)"
PICTURE_SOURCE = in_round_brackets(f"{INSIDE_ROUND}{{0,24}}(?:发|摄|供图|制图)") + "$"
# Photos numbered ①–⑳: a caption's number, or a list's when a sentence follows it.
NUMBERED = "①-⑳"
_NUMBERED = re.compile(f"^[{NUMBERED}]")
# What a section heading never holds: a sentence end, a colon, or a lead-in left open (汇民农机合作社——).
NOT_HEADING = re.compile(rf"[{re.escape(SENTENCE_END)}：:]|(?:——|—|，|、|,)$")
# Photo credits and caption forms.
_CAPTION = re.compile(
    r"(?:\s摄(?:影)?$"
    rf"|{REPORTER}\s*\p{{Han}}{{2,4}}\s*摄$"
    r"|[（(][^（）()]{0,30}摄[)）]$"
    rf"|^[{NUMBERED}]"
    r"|^图\s*[\d一二三四五六七八九十]*\s*[:：为]"
    r"|^(?:资料图片|资料图|图片来源[:：].*)$)"
)
# Bylines: page credits, reporter credits.
_BYLINE = re.compile(
    r"^(?:本版)?(?:稿件|文字|文章|图文|文图)由.+?(?:采写|撰写|撰稿|采访|提供)"
    rf"|^(?:本报)?{REPORTER_RANK}(?:记者|通讯员|责任编辑|编辑|美编|校对|撰稿|文/图|文／图|文|图)\s*[:：/／]\s*\S"
    rf"|^{REPORTER}\s+\p{{Han}}{{2,4}}(?:\s+\p{{Han}}{{2,4}})*$"
)
# A byline set off by a box or a ring, as papers set a feature's writer: □ 王立新, ◎ 本报记者 李明.
_BOXED_BYLINE = re.compile(rf"^[□◎]\s*(?:{REPORTER}\s*)?")
# Where a story jumps to or comes from another page: （下转第三版）, （上接第1版）; the page, as printed.
_JUMP = re.compile(r"^[（(]\s*(下转|上接|转第|接第|转自|接上)[^（）()\d一二三四五六七八九十A-Z]{0,6}([\dA-Z一二三四五六七八九十]+)?[^（）()]{0,10}[)）]$")
_MARKDOWN_HEADING = re.compile(r"^(#{1,6})\s+")
_BULLET = re.compile(r"^[-*+]\s+")
_PAGE_MARK = re.compile(r"^[■□●◆◇▲△★☆▶►]+\s*")
_BOLD = re.compile(r"\*\*(.+?)\*\*")


@dataclass(frozen=True)
class PageLine:
    """A non-blank line with its Markdown markers removed."""

    text: str
    gap: int  # blank lines before it: an image slot leaves two or more
    level: int  # Markdown heading level, 0 for none


def scan(text: str) -> list[PageLine]:
    lines: list[PageLine] = []
    gap = 0
    for raw in text.split("\n"):
        stripped = raw.strip(SPACES)
        if not stripped:
            gap += 1
            continue
        level = 0
        heading = _MARKDOWN_HEADING.match(stripped)
        if heading:
            level = len(heading.group(1))
            stripped = stripped[heading.end() :]
        stripped = _BOLD.sub(r"\1", _PAGE_MARK.sub("", _BULLET.sub("", stripped)))
        stripped = fold_spaces(stripped)
        if stripped:
            lines.append(PageLine(stripped, gap, level))
        gap = 0
    return lines


def is_complete(paragraph: str) -> bool:
    """Ends a sentence (a column or page break did not cut it)."""
    return bool(_COMPLETE.search(paragraph))


def balanced(text: str) -> bool:
    stack: list[str] = []
    for char in text:
        if char in PAIRS:
            stack.append(PAIRS[char])
        elif char in CLOSERS:
            if not stack or stack.pop() != char:
                return False
    return not stack


def heading_like(text: str) -> bool:
    """Short, no sentence inside, nothing left open: a title or heading line."""
    if len(text) > 50 or len(HAN.findall(text)) < 2:
        return False
    if _SENTENCE_INSIDE.search(text) or text[-1] in ",，、:：—-" or text[-1] in OPENERS:
        return False
    # A headline may set two short parallel phrases apart with a comma
    # (稳中求进,再创佳绩); a longer clause before or after one is running text.
    parts = re.split(r"[,，]", text)
    if len(parts) > 2 or (len(parts) == 2 and max(len(p) for p in parts) > 12):
        return False
    return balanced(text) and not is_dateline(text)


def is_banner(text: str) -> bool:
    """A column banner: a romanized name in capitals after the Chinese one, 喀左时讯 SHIXUN."""
    return bool(re.match(r"^\p{Han}{2,10}\s*[A-Z]{2,}(?:\s+[A-Z]{2,})*$", text))


# The keys of a metadata line, and the field of Metadata each states (None: a count or a setting, kept as a line).
_META_KEYS = {"发布日期": "date", "发布时间": "date", "日期": "date", "时间": None, "消息来源": "publication",
              "来源": "publication", "稿源": "publication", "浏览次数": None, "点击数": None, "字号": None}  # fmt: skip
_META_LINE = re.compile(rf"^({'|'.join(_META_KEYS)})\s*[:：]\s*(.*)$")
# Keys later on a metadata line: 来源：青山日报 发布日期：2023-12-6 states two things.
_META_KEY = re.compile(rf"(?:^|\s)({'|'.join(_META_KEYS)})\s*[:：]\s*")


def is_meta(text: str) -> bool:
    """Publication metadata of a web-extracted page: 发布日期:2023-12-6."""
    return bool(_META_LINE.match(text))


def stated(lines: Iterable[str], source: str = "meta line") -> Metadata:
    """What metadata lines (发布日期:2023-12-6, 来源:青山日报) state, the first of each field kept."""
    found: dict[str, Stated] = {}
    for line in filter(is_meta, lines):
        keys = list(_META_KEY.finditer(line))
        for key, after in zip(keys, keys[1:] + [None]):
            name = _META_KEYS[key.group(1)]
            value = line[key.end() : after.start() if after else len(line)].strip()
            if name and value and name not in found:
                found[name] = Stated((full_date(value) or value) if name == "date" else value, source)
    return Metadata(**found)


def stated_in(extras: Iterable[Extra]) -> Metadata:
    """What the metadata lines among a reader's extras state."""
    return stated(extra.text for extra in extras if extra.kind == "meta")


def lead_label(text: str) -> tuple[str, str] | None:
    """(label, rest of line) for 核心提示-style lead labels."""
    match = _LEAD_LABEL.match(text)
    return (match.group(1), (match.group(2) or "").strip()) if match else None


def jump(text: str) -> tuple[str, str | None] | None:
    """("out" or "in", the page named) for a jump line, None for any other line."""
    found = _JUMP.match(text)
    if not found:
        return None
    return ("out" if found.group(1) in ("下转", "转第", "转自") else "in"), found.group(2)


def numbered(text: str) -> bool:
    """Opens with a photo's number: ①…⑳."""
    return bool(_NUMBERED.match(text))


def is_caption(text: str) -> bool:
    return bool(_CAPTION.search(text))


def credited(text: str) -> tuple[str, str] | None:
    """(credit, rest) of a line that a dateline or a reporter credit opens and that holds no whole
    sentence after it: the credit alone (本报讯（记者周文）), or with the story's first characters that a
    break cut off (本报讯（记者周文）5 / 月20日下午…). A paragraph the credit merely opens stays whole."""
    end = credit_end(text)
    rest = text[end:].lstrip(" ,，:：\xa0\u3000")
    if not end or (rest and is_complete(rest)):
        return None
    return text[:end].rstrip(), rest


def is_prose(text: str) -> bool:
    """Running text: a clause or sentence of eight Han characters or more. Link texts, menus and labels
    are never prose, so a page of them holds no article."""
    return len(HAN.findall(text)) >= 8 and bool(_PROSE.search(text) or is_complete(text))


def is_note(text: str) -> bool:
    """A note on the pictures of a whole page: 本版图片由…提供, 图片为资料图. A note is a short line of its
    own: the phrase inside a sentence of running text (…文中图片为资料图，…) leaves the paragraph a paragraph."""
    if len(text) > 40 or _PROSE.search(text.rstrip("。.）)")):
        return False
    return bool(re.search(f"^本版{PICTURES}|图片(?:为|系)资料", text))


def is_byline(text: str) -> bool:
    boxed = _BOXED_BYLINE.match(text)
    if boxed:
        return names_only(text[boxed.end() :])
    return bool(_BYLINE.search(text))


def is_subtitle(text: str) -> bool:
    return bool(re.match(r"^(?:——|－－|--|—)\S", text)) and len(text) <= 60 and not is_complete(text)


def strip_dash(text: str) -> str:
    return re.sub(r"^(?:——|－－|--|—)\s*", "", text)


def names_only(text: str) -> bool:
    """One to three person names and nothing else: 李国恩 丛艳萍."""
    words = text.split(" ")
    if not 1 <= len(words) <= 3:
        return False
    for word in words:
        if not re.fullmatch(r"\p{Han}{2,4}", word):
            return False
        if surname_of(word) is None:
            return False
    return True


def short_single_clause(text: str) -> bool:
    """A photo description: short, one clause, at most a final full stop."""
    body = text[:-1] if text[-1] in "。." else text
    return len(text) <= 40 and not _CLAUSE_PUNCT.search(body) and balanced(text)


def split_credits(text: str) -> list[str]:
    """A credits line often runs two credits together: 本版稿件由…采写 本版图片…提供."""
    parts = re.split(r"\s+(?=本版)", text)
    return [p for p in parts if p]
