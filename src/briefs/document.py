"""The shape of a read page: articles, sections, paragraphs, and the rest.

Plain frozen dataclasses so every later stage (and the sidecar) can rely on
them; ``as_dict`` is the one serialization the JSON output uses.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Literal, get_args

# Kinds of non-body lines. Anything on a page that is not article text is
# kept under one of these, so nothing is lost and nothing leaks into a summary.
ExtraKind = Literal["caption", "byline", "meta", "banner", "note"]
EXTRA_KINDS: tuple[ExtraKind, ...] = get_args(ExtraKind)


@dataclass(frozen=True)
class Extra:
    kind: ExtraKind
    text: str


@dataclass(frozen=True)
class Section:
    heading: str | None
    paragraphs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Article:
    kicker: str | None
    title: str | None
    subtitle: str | None
    sections: tuple[Section, ...] = ()
    extras: tuple[Extra, ...] = ()

    @property
    def paragraphs(self) -> list[str]:
        return [p for s in self.sections for p in s.paragraphs]

    def meta(self, key: str) -> str | None:
        """The value of a ``key:value`` meta line (e.g. 发布日期), if present."""
        for extra in self.extras:
            if extra.kind == "meta":
                name, _, value = extra.text.partition(":")
                if name.strip() == key:
                    return value.strip()
        return None


# Fields that describe how a page was read, not what it says: left out of its JSON.
_NOT_CONTENT = {"content": False}


@dataclass(frozen=True)
class Document:
    source: str
    articles: tuple[Article, ...] = ()
    extras: tuple[Extra, ...] = field(default=())
    layout: str = field(default="seeds", metadata=_NOT_CONTENT)
    layout_reason: str = field(default="", metadata=_NOT_CONTENT)
    script: str = field(default="simplified", metadata=_NOT_CONTENT)  # or "traditional": read through a simplified copy


def as_dict(obj: Any) -> Any:
    """Dataclasses to plain dicts and lists (tuples become lists), for JSON."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        fields = [f for f in dataclasses.fields(obj) if f.metadata.get("content", True)]
        return {f.name: as_dict(getattr(obj, f.name)) for f in fields}
    if isinstance(obj, (list, tuple)):
        return [as_dict(x) for x in obj]
    if isinstance(obj, dict):
        return {k: as_dict(v) for k, v in obj.items()}
    return obj
