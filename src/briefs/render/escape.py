"""Text from a page, written into Markdown as text: it shows what the page says and never becomes markup.

A page can hold anything: HTML tags, ``javascript:`` links, Markdown links and
images, table bars, backticks. Whatever a brief, a table cell or the index takes
from a page (or from a file name) goes through one of these, so a viewer that
renders Markdown, or the HTML inside it, shows that text and runs nothing.
``<``, ``>`` and ``&`` become entities (a viewer that allows raw HTML sees no
tag); the characters that start inline markup (links, images, code, emphasis,
strikethrough, math, table cells) are backslash-escaped wherever they stand;
line starts that would open a block (a heading, a list) are escaped; and line
breaks fold to spaces, so one value never opens a block of its own. Ordinary
Chinese and English text, which holds none of these characters, is unchanged.
"""

from __future__ import annotations

import regex as re

ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
# Each starts or closes inline markup somewhere in GitHub's or CommonMark's syntax; `!` needs no
# escape once `[` has one, `(` and `)` none once `]` has one, and `#` is a heading only at a line's start
# or in a heading's closing sequence, so it is escaped everywhere rather than reasoned about.
ESCAPED = frozenset("\\`*_[]#|~$")
LINE_BREAK = re.compile(r"\r\n|[\r\n\v\f\x85\u2028\u2029]")
# A list item's marker at the start of a value: "- ", "+ ", "1. ", "2023) " (a digit has no escape: its dot has).
LIST_START = re.compile(r"^(?:([-+])|(\d{1,9})([.)]))(?=\s|$)")
# What a link destination cannot hold as it is: it would end the link, start a fragment or query,
# be read as an escape, an entity or an already-encoded byte, or split a table row.
UNSAFE_IN_LINK = re.compile(r"[%#?|<>\\`\[\]&\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]")


def one_line(text: str) -> str:
    return LINE_BREAK.sub(" ", text)


def text(value: str | None) -> str:
    """``value`` as inline Markdown that shows exactly ``value`` (its line breaks as spaces)."""
    flat = one_line(value or "")
    escaped = "".join(ENTITIES.get(c) or ("\\" + c if c in ESCAPED else c) for c in flat)
    return LIST_START.sub(_list_marker, escaped.lstrip(" \t"))


def _list_marker(match: re.Match) -> str:
    bullet, number, mark = match.groups()
    return f"\\{bullet}" if bullet else f"{number}\\{mark}"


def code(value: str | None, in_table: bool = False) -> str:
    """``value`` as a code span: shown as it is, whatever backticks it holds (a fence longer than its longest run)."""
    flat = one_line(value or "")
    longest = max((len(run) for run in re.findall(r"`+", flat)), default=0)
    fence = "`" * (longest + 1)
    padded = f" {flat} " if flat.startswith("`") or flat.endswith("`") else flat
    span = f"{fence}{padded}{fence}"
    # GitHub's tables split rows at every unescaped bar, in code spans too, and drop the backslash.
    return span.replace("|", "\\|") if in_table else span


def link_target(name: str) -> str:
    """A file name as a link destination, ``<…>``, that leads to exactly that file: the characters that would
    end, cut or change the link are percent-encoded (UTF-8), the rest (spaces, Chinese) kept readable."""
    encoded = UNSAFE_IN_LINK.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode("utf-8", "surrogateescape")), name)
    return f"<{encoded}>"


def link(label: str | None, name: str) -> str:
    """A link to the file ``name`` in the same folder, its label shown as text."""
    return f"[{text(label)}]({link_target(name)})"
