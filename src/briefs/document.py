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
ExtraKind = Literal["caption", "byline", "meta", "banner", "note", "jump"]  # jump: （下转第2版）
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
class Stated:
    """A fact a page states about itself, and where the reader found it."""

    value: str
    source: str  # "meta line" (发布日期：…), "date line" (under a web headline), "html" (the page's own tags)


@dataclass(frozen=True)
class Metadata:
    """What a page or an article says of itself; each field is the first the reader found."""

    date: Stated | None = None  # ISO when the reader could read it as a full date, else as written
    publication: Stated | None = None  # the paper or outlet: 来源, 稿源
    site: Stated | None = None  # the website that served the page
    author: Stated | None = None
    page: Stated | None = None  # the page of the paper an article is set on, as its folio numbers it: 3, A3

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in dataclasses.fields(self))

    def merged(self, other: Metadata) -> Metadata:
        """These facts, with ``other``'s where these say nothing."""
        return Metadata(**{f.name: getattr(self, f.name) or getattr(other, f.name) for f in dataclasses.fields(self)})


# Fields that describe how a page was read, not what it says: left out of its JSON.
_NOT_CONTENT = {"content": False}
# Fields left out of the JSON when empty, so a page that states nothing reads as before.
_SPARSE = {"sparse": True}


@dataclass(frozen=True)
class Article:
    kicker: str | None
    title: str | None
    subtitle: str | None
    sections: tuple[Section, ...] = ()
    extras: tuple[Extra, ...] = ()
    metadata: Metadata = field(default=Metadata(), metadata=_SPARSE)

    @property
    def paragraphs(self) -> list[str]:
        return [p for s in self.sections for p in s.paragraphs]


@dataclass(frozen=True)
class OcrReading:
    """How a page that had no text layer was read: the OCR engine, how sure it was, and where it was not."""

    engine: str  # identity signature: engine:rapidocr|version:1.4.4|…, as for translators
    pages: int
    dpi: int  # the resolution its images were read at (0: they differ)
    confidence: float  # mean recognition confidence of its lines, 0–1, each line counted by its characters
    threshold: float  # lines read below this confidence are kept, and listed in ``doubtful``
    doubtful: tuple[str, ...] = ()

    def in_doubt(self, paragraph: str, sentence: str, start: int, end: int) -> bool:
        """Whether the text at ``start:end`` of ``sentence``, a sentence of ``paragraph``, was read from a doubtful line."""
        at = paragraph.find(sentence)
        paragraph, start, end = (paragraph, at + start, at + end) if at >= 0 else (sentence, start, end)
        for line in self.doubtful:
            at = paragraph.find(line)
            while at != -1:
                if at < end and start < at + len(line):
                    return True
                at = paragraph.find(line, at + 1)
        # A line the reader split (the detector read two columns as one) is found by the figure alone.
        figure = paragraph[start:end]
        return len(figure) >= 4 and any(figure in line for line in self.doubtful)


@dataclass(frozen=True)
class Document:
    source: str
    articles: tuple[Article, ...] = ()
    extras: tuple[Extra, ...] = field(default=())
    layout: str = field(default="seeds", metadata=_NOT_CONTENT)
    layout_reason: str = field(default="", metadata=_NOT_CONTENT)
    script: str = field(default="simplified", metadata=_NOT_CONTENT)  # or "traditional": read through a simplified copy
    metadata: Metadata = field(default=Metadata(), metadata=_SPARSE)
    # What the reader could not keep as it was ("3 bytes could not be decoded"): said once per file by the commands.
    warnings: tuple[str, ...] = field(default=(), metadata=_NOT_CONTENT)
    ocr: OcrReading | None = field(default=None, metadata=_NOT_CONTENT)  # read from page images, not a text layer


def as_dict(obj: Any) -> Any:
    """Dataclasses to plain dicts and lists (tuples become lists), for JSON."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        fields = [f for f in dataclasses.fields(obj) if f.metadata.get("content", True)]
        fields = [f for f in fields if getattr(obj, f.name) or not f.metadata.get("sparse", isinstance(obj, Metadata))]
        return {f.name: as_dict(getattr(obj, f.name)) for f in fields}
    if isinstance(obj, (list, tuple)):
        return [as_dict(x) for x in obj]
    if isinstance(obj, dict):
        return {k: as_dict(v) for k, v in obj.items()}
    return obj
