"""Document article → Brief: the per-article function a batch (or a cluster) maps.

Everything an article needs translated goes to the translator in one call
(the engine batches it), and every English line is checked against the
figures and the glossary of the Chinese it came from before it reaches the
brief. Summaries are picked in Chinese, so each traces to a source sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Mapping, Sequence

import regex as re

from ..brief import BilingualLine, Brief, Counts, KeyFigure, SectionBrief
from ..document import Article, Document
from ..figures.figure import Figure
from ..figures.find import find_figures, key_figures
from ..glossary.romanize import romanize
from ..protocols import Summarizer
from ..text.datelines import Dateline, is_dateline, parse_dateline, strip_dateline
from ..text.dates import ArticleDate, article_date
from ..text.marks import CLAUSE_MARKS
from ..text.script import simplifier
from ..text.sentences import split_sentences
from .checked import CheckedTranslation, translate_checked
from .figure_rows import as_written, clause_of, measures, measures_english
from .tools import Options, Tools


@dataclass(frozen=True)
class _Sentence:
    zh: str
    paragraph: int
    section: int
    read: str  # what the engines, figures and glossary read: ``zh``, or its simplified copy
    story: str  # ``zh`` without the dateline: what a summary point says
    story_read: str  # ``read`` without it: what the summarizer reads


def _sentences(article: Article, plain: Callable[[str], str]) -> list[_Sentence]:
    out, paragraph = [], 0
    for number, section in enumerate(article.sections):
        for text in section.paragraphs:
            out += [_sentence(s, paragraph, number, plain(s)) for s in split_sentences(text)]
            paragraph += 1
    return out


def _sentence(zh: str, paragraph: int, section: int, read: str) -> _Sentence:
    """The dateline is found in the simplified copy (本報訊 is 本报讯 there) and cut from both texts at
    the same place: the copy keeps every character where the page has it."""
    story_read = strip_dateline(read) or read
    cut = len(read) - len(story_read)
    story = zh[cut:] if len(read) == len(zh) else (strip_dateline(zh) or zh)
    return _Sentence(zh, paragraph, section, read, story, story_read)


def _summary(summarizer: Summarizer | None, sentences: Sequence[_Sentence], budget: int) -> list[tuple[str, int]]:
    if not sentences or summarizer is None:
        return []
    picked = summarizer.summarize([s.story_read for s in sentences], budget)
    # Extractive engines give indices (in source order); abstractive ones give text.
    return [(sentences[p].story, sentences[p].paragraph) if isinstance(p, int) else (p, -1) for p in picked]


# Where a lead's first clause ends: a title made from it stays a headline, not a sentence.
_LEAD_CLAUSE = re.compile(f"[{re.escape(CLAUSE_MARKS)}]")


def lead_clause(article: Article) -> str | None:
    """The first clause of the article's lead, its dateline dropped: a title for an article with none."""
    for paragraph in article.paragraphs:
        lead = strip_dateline(paragraph).strip()
        clause = _LEAD_CLAUSE.split(lead, maxsplit=1)[0].strip()
        if clause:
            return clause
    return None


def dateline_of(article: Article, plain: Callable[[str], str] = str) -> Dateline | None:
    """The article's dateline: opening its first paragraph, or set apart as a credit by the reader (a PDF's);
    read in ``plain``'s copy (a traditional page's simplified one), as every rule is."""
    credits = [plain(e.text) for e in article.extras if e.kind == "byline"]
    texts = [text for text in credits if is_dateline(text)] + [plain(p) for p in article.paragraphs[:1]]
    for text in texts:
        found = parse_dateline(text)
        if found is not None and (found.outlet or found.place or found.reporters):
            return found
    return None


def _date(doc: Document, article: Article, dateline: Dateline | None) -> ArticleDate | None:
    meta = [stated.value for stated in (article.metadata.date, doc.metadata.date) if stated]
    page = [e.text for e in doc.extras] + [e.text for e in article.extras if e.kind == "meta"]
    first = dateline.text if dateline else (article.paragraphs[0] if article.paragraphs else None)
    return article_date(meta, first, page, Path(doc.source).name)


@dataclass(frozen=True)
class _Plan:
    """What one article's brief needs translated, decided before any model runs."""

    doc: Document
    index: int
    sentences: list[_Sentence]
    summary: list[tuple[str, int]]
    by_section: list[list[tuple[str, int]]]
    figures: list[tuple[_Sentence, Figure, str]]
    publication: str | None
    author: str | None
    title: str | None  # the page's headline, else the lead's first clause (see title_source)
    dateline: Dateline | None
    texts: list[str]
    simplified: dict[str, str]  # text as written → what the engines read, for a page in traditional characters


def _plan(doc: Document, index: int, tools: Tools, options: Options) -> _Plan:
    article = doc.articles[index]
    plain = simplifier(doc.script == "traditional")
    sentences = _sentences(article, plain)
    article_budget, section_budget = tools.budgets
    summary = _summary(tools.summarizer, sentences, article_budget)
    # A section's points never repeat the article's: its summary is chosen from what the article's left.
    told = {zh for zh, _ in summary}
    by_section = [
        _summary(tools.summarizer, [s for s in sentences if s.section == n and s.story not in told], section_budget)
        if section.heading else []
        for n, section in enumerate(article.sections)
    ]
    figures = [(s, f, measures(s.read, f, found)) for s in sentences for found in [find_figures(s.read)] for f in key_figures(found)]
    stated = article.metadata.merged(doc.metadata)
    publication = stated.publication.value if stated.publication else None
    author = stated.author.value if stated.author else None
    title = article.title or lead_clause(article)
    dateline = dateline_of(article, plain)
    texts = [title, article.kicker, article.subtitle, publication, author, dateline.place if dateline else None]
    texts += [s.heading for s in article.sections] + [zh for zh, _ in summary]
    texts += [zh for picks in by_section for zh, _ in picks]
    texts += [s.zh for s, _, _ in figures] + [m for _, _, m in figures]
    if options.full or options.bilingual:
        texts += [s.zh for s in sentences]
    texts = [t for t in texts if t]
    read = {s.zh: s.read for s in sentences}  # each text simplified once, sentences already are
    simplified = {t: r for t in dict.fromkeys(texts) for r in [read.get(t) or plain(t)] if r != t}
    return _Plan(doc, index, sentences, summary, by_section, figures, publication, author, title, dateline, texts, simplified)


def _organisation(tools: Tools, zh: str | None, simplified: Mapping[str, str]) -> str | None:
    """The English name of a paper or agency the glossary knows (澎湃新闻 → "The Paper"), whatever the engine wrote."""
    term = tools.glossary.get(simplified.get(zh, zh)) if zh and tools.glossary is not None else None
    return term.en if term is not None and term.kind == "org" else None


def _assemble(plan: _Plan, checked: dict[str, CheckedTranslation], tools: Tools, options: Options) -> Brief:
    article = plan.doc.articles[plan.index]
    mine = [checked[t] for t in dict.fromkeys(plan.texts)]
    counts = Counts(
        figure_repairs=sum(c.figure_repairs for c in mine),
        figure_flags=sum(len(c.flagged) for c in mine),
        glossary_repairs=sum(c.glossary_repairs for c in mine),
        guard_fallbacks=sum(c.fallback for c in mine),
    )

    def en(zh: str | None) -> str | None:
        return checked[zh].en if zh else None

    def line(zh: str, paragraph: int) -> BilingualLine:
        return BilingualLine(zh, checked[zh].en, paragraph, fallback=checked[zh].fallback, flagged=checked[zh].flagged)

    full: tuple[BilingualLine, ...] = ()
    if options.full or options.bilingual:
        paragraphs = article.paragraphs
        full = tuple(
            BilingualLine(text, " ".join(checked[s.zh].en for s in own), n, fallback=any(checked[s.zh].fallback for s in own))
            for n, text in enumerate(paragraphs)
            for own in [[s for s in plan.sentences if s.paragraph == n]]
        )
    figure_rows = tuple(
        KeyFigure(
            as_written(s.zh, f, plan.simplified), f.value, f.unit, f.english, f.kind, m, measures_english(en(m)), s.zh, checked[s.zh].en,
            clause_zh=clause_of(s.zh, f), prominent=s.paragraph == 0 or f.source in (article.title or ""), high=f.value_high,
        )
        for s, f, m in plan.figures
    )
    date = _date(plan.doc, article, plan.dateline)
    place = plan.dateline.place if plan.dateline else None
    reporters = plan.dateline.reporters if plan.dateline else ()
    warnings: tuple[str, ...] = ()
    if counts.figure_flags:
        warnings += (f"{counts.figure_flags} figure(s) could not be placed in the English; they are shown in brackets",)
    if not plan.sentences:
        warnings += ("the article has no body text",)
    ocr = plan.doc.ocr
    check = _read_in_doubt(plan)
    if ocr is not None and check:
        warnings += (f"{len(check)} figure(s) read by OCR below {ocr.threshold:.0%} confidence; check them on the page: {', '.join(check)}",)
    return Brief(
        source_file=plan.doc.source,
        article_index=plan.index + 1,
        article_count=len(plan.doc.articles),
        title_zh=plan.title,
        title_en=en(plan.title),
        kicker_zh=article.kicker,
        kicker_en=en(article.kicker),
        subtitle_zh=article.subtitle,
        subtitle_en=en(article.subtitle),
        date=date.iso if date else None,
        publication_zh=plan.publication,
        publication_en=_organisation(tools, plan.publication, plan.simplified) or en(plan.publication),
        author_zh=plan.author,
        author_en=en(plan.author),
        title_source="page" if article.title else "lead",
        date_source=date.source if date else None,
        page=article.metadata.page.value if article.metadata.page else None,
        filed_from_zh=place,
        filed_from_en=en(place),
        reporters_zh=reporters,
        reporters_en=tuple(romanize(name, "person") for name in reporters),
        jumps=tuple(extra.text for extra in article.extras if extra.kind == "jump"),
        summary=tuple(line(zh, p) for zh, p in plan.summary),
        sections=tuple(
            SectionBrief(s.heading, en(s.heading), tuple(line(zh, p) for zh, p in picks))
            for s, picks in zip(article.sections, plan.by_section)
        ),
        figures=figure_rows,
        full=full,
        engines=tools.engines,
        counts=counts,
        warnings=warnings,
        ocr=ocr.engine if ocr is not None else None,
        ocr_confidence=ocr.confidence if ocr is not None else None,
        ocr_check=check,
    )


def _read_in_doubt(plan: _Plan) -> tuple[str, ...]:
    """The key figures set in lines OCR read below its threshold: kept, and marked for checking."""
    ocr, paragraphs = plan.doc.ocr, plan.doc.articles[plan.index].paragraphs
    if ocr is None:
        return ()
    return tuple(dict.fromkeys(f.source for s, f, _ in plan.figures if ocr.in_doubt(paragraphs[s.paragraph], s.zh, f.start, f.end)))


def brief_articles(items: Sequence[tuple[Document, int]], tools: Tools, options: Options = Options()) -> list[Brief]:
    """Briefs for several articles with one translation call: short articles make full batches together."""
    plans = [_plan(doc, index, tools, options) for doc, index in items]
    simplified = {zh: plain for plan in plans for zh, plain in plan.simplified.items()}
    checked = translate_checked(tools, [t for plan in plans for t in plan.texts], simplified)
    return [_assemble(plan, checked, tools, options) for plan in plans]


def brief_article(doc: Document, index: int, tools: Tools, options: Options = Options()) -> Brief:
    return brief_articles([(doc, index)], tools, options)[0]
