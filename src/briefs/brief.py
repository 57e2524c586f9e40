"""What a brief says about one article: plain frozen data, rendered by ``render``.

Every English line keeps the Chinese it came from, so a reader (or a
reviewer with some Chinese) can trace each claim to the page.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class BilingualLine:
    """A sentence or paragraph of the article, and its English."""

    zh: str
    en: str
    paragraph: int  # the article paragraph it comes from, counted from 0
    fallback: bool = False  # the guard replaced the model's output with a gloss
    flagged: tuple[str, ...] = ()  # figures the repair step could not place in ``en``


@dataclass(frozen=True)
class KeyFigure:
    source: str
    value: float | int
    unit: str | None
    english: str
    kind: str  # quantity, percent or count (see figures.KEY_KINDS)
    measures_zh: str
    measures_en: str
    sentence_zh: str
    sentence_en: str
    clause_zh: str = ""  # the clause of the sentence the figure stands in
    prominent: bool = False  # stated in the headline or the lead paragraph (see figures.salience)
    high: float | int | None = None  # the high end of a range or an approximation (两三千元: 2,000 to 3,000)


@dataclass(frozen=True)
class SectionBrief:
    heading_zh: str | None
    heading_en: str | None
    summary: tuple[BilingualLine, ...]


@dataclass(frozen=True)
class EngineInfo:
    translator: str  # identity signatures: also the cache keys
    summarizer: str
    translator_engine: str
    summarizer_engine: str
    notes: tuple[str, ...] = ()  # e.g. why a fallback engine was used


@dataclass(frozen=True)
class Counts:
    figure_repairs: int = 0
    figure_flags: int = 0
    glossary_repairs: int = 0
    guard_fallbacks: int = 0


@dataclass(frozen=True)
class Brief:
    source_file: str
    article_index: int  # 1-based, as in the file name
    article_count: int
    title_zh: str | None
    title_en: str | None
    kicker_zh: str | None
    kicker_en: str | None
    subtitle_zh: str | None
    subtitle_en: str | None
    date: str | None
    publication_zh: str | None
    publication_en: str | None
    summary: tuple[BilingualLine, ...]
    sections: tuple[SectionBrief, ...]
    figures: tuple[KeyFigure, ...]
    full: tuple[BilingualLine, ...]  # whole paragraphs, with --full or --bilingual
    engines: EngineInfo
    counts: Counts
    warnings: tuple[str, ...] = ()
    author_zh: str | None = None  # the author a web page names (its metadata or an 作者 line)
    author_en: str | None = None
    title_source: str = "page"  # "lead": the page gives no headline; the title is the lead's first clause
    date_source: str | None = None  # where ``date`` (ISO) comes from: "meta", "dateline" or "file"
    page: str | None = None  # the page of the paper it is set on, as its folio numbers it
    jumps: tuple[str, ...] = ()  # its jump lines as printed: （下转第2版）, （上接第1版）
    filed_from_zh: str | None = None  # where its dateline says it was filed: 北京
    filed_from_en: str | None = None
    reporters_zh: tuple[str, ...] = ()  # whom its dateline credits
    reporters_en: tuple[str, ...] = ()  # their names in pinyin
    ocr: str | None = None  # the OCR engine's identity, when the page was read from images, not a text layer
    ocr_confidence: float | None = None  # the mean recognition confidence of the page's lines, 0–1
    ocr_check: tuple[str, ...] = ()  # key figures (as written) in lines OCR read below its threshold
