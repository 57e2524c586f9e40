"""Brief → Markdown and JSON sidecar. Pure text; deterministic (no clock in Markdown).

Every value taken from a page reaches the Markdown through ``escape`` (as text or
as a code span), so a page's own markup is shown, never rendered.
"""

from __future__ import annotations

from typing import Any, Sequence

from ..brief import BilingualLine, Brief, KeyFigure
from ..document import as_dict
from ..figures.salience import rank
from ..protocols import identity_fields
from ..read.lines import jump
from ..text.dates import english_date
from .escape import code, text

DAGGER = "†"
GLOSS_NOTE = "word-by-word dictionary gloss, not a translation"
MAX_TABLE_FIGURES = 10
OCR_CHECK = "read by OCR, check"


def _english(line: BilingualLine) -> str:
    out = text(line.en) + (DAGGER if line.fallback else "")
    if line.flagged:
        out += " [figures: " + "; ".join(map(text, line.flagged)) + "]"
    return out


def _header(brief: Brief) -> list[str]:
    out = [f"# {text(brief.title_en) or '(untitled article)'}", ""]
    if brief.title_source == "lead":
        out += ["*The page gives this article no headline: the title is its first words.*", ""]
    if brief.kicker_en:
        out += [f"*{text(brief.kicker_en)}*", ""]
    if brief.subtitle_en:
        out += [f"*— {text(brief.subtitle_en)}*", ""]
    out += ["| | |", "|---|---|", *(f"| {k} | {v} |" for k, v in _facts(brief)), ""]
    engines = brief.engines
    notes = [text(n) for n in engines.notes]
    if engines.translator_engine == "gloss":
        notes.append(f"The English below is a {GLOSS_NOTE}: it shows what the article is about, not what it says.")
    out += [f"> **Note:** {n}" for n in notes] + ([""] if notes else [])
    return out


def _facts(brief: Brief) -> list[tuple[str, str]]:
    """The header table's rows, each value already Markdown (page text escaped)."""
    title = text(brief.title_zh)
    rows = [("Chinese title", (title or "(none)") if brief.title_source == "page" else f"(none; first words: {title})")]
    rows.append(("Source", f"{code(brief.source_file, in_table=True)}, article {brief.article_index} of {brief.article_count}"))
    if brief.date:
        rows.append(("Date", text(english_date(brief.date)) + ("" if brief.date_source != "file" else " (from the file name)")))
    if brief.publication_zh:
        rows.append(("Publication", f"{text(brief.publication_en)} ({text(brief.publication_zh)})"))
    if brief.filed_from_zh:
        rows.append(("Filed from", f"{text(brief.filed_from_en)} ({text(brief.filed_from_zh)})"))
    if brief.reporters_zh:
        rows.append(("Reporters", ", ".join(f"{text(en)} ({text(zh)})" for en, zh in zip(brief.reporters_en, brief.reporters_zh))))
    if brief.page:
        rows.append(("Page", text(brief.page)))
    if brief.jumps:
        rows.append(("Jumps", text(continuation(brief.jumps))))
    if brief.author_zh:
        rows.append(("Author", f"{text(brief.author_en)} ({text(brief.author_zh)})"))
    engines = brief.engines
    rows.append(("Engines", text(f"translation: {engines.translator_engine}; summary: {engines.summarizer_engine}")))
    if brief.ocr:
        rows.append(("Read by OCR", text(ocr_note(brief))))
    return rows


def ocr_note(brief: Brief) -> str:
    """How a page without a text layer was read: rapidocr 1.4.4 (PP-OCRv4-zh), mean confidence 99.6%."""
    fields = identity_fields(brief.ocr or "")
    note = f"{fields.get('engine', brief.ocr)} {fields.get('version', '')} ({fields.get('models', '')})"
    return f"{note}, mean confidence {brief.ocr_confidence or 0:.1%}; its text may hold misread characters"


def continuation(jumps: Sequence[str]) -> str:
    """What an article's jump lines tell a reader: where the rest of it was set, and whether it is here."""
    found = [j for j in map(jump, jumps) if j]
    out = [page or "another page" for way, page in found if way == "out"]
    came = [page or "another page" for way, page in found if way == "in"]
    if out and came:
        return f"continued on page {', '.join(out)}; both parts are in this brief"
    if out:
        return f"continues on page {', '.join(out)}, which this file does not hold: brief that page too"
    return f"continued from page {', '.join(came)}, which this file does not hold: its start is not in this brief"


def _summary(brief: Brief) -> list[str]:
    out = ["## Summary", ""]
    out += [f"- {_english(line)}" for line in brief.summary] or ["- (no body text)"]
    return out + [""]


def table_figures(figures: Sequence[KeyFigure]) -> list[KeyFigure]:
    """The figures worth a row, most salient first (``figures.salience``), once each."""
    return rank(figures)[:MAX_TABLE_FIGURES]


def _figures(brief: Brief) -> list[str]:
    rows = table_figures(brief.figures)
    if not rows:
        return []
    out = ["## Key figures", "", "| Figure | Measures | Chinese |", "|---|---|---|"]
    for f in rows:
        chinese = f"{text(f.source)} · {text(f.measures_zh)}" if f.measures_zh else text(f.source)
        check = f" ({OCR_CHECK})" if f.source in brief.ocr_check else ""
        out.append(f"| {text(f.english)}{check} | {text(f.measures_en)} | {chinese} |")
    out += ["", "<details>", f"<summary>Every figure of the article ({len(brief.figures)}), in page order</summary>", ""]
    out += ["| Figure | Chinese | In the clause |", "|---|---|---|"]
    out += [f"| {text(f.english)} | {text(f.source)} | {text(f.clause_zh or f.sentence_zh)} |" for f in brief.figures]
    return out + ["", "</details>", ""]


def _sections(brief: Brief) -> list[str]:
    named = [s for s in brief.sections if s.heading_zh]
    if not named:
        return []
    out = ["## Sections", ""]
    for section in named:
        out += [f"### {text(section.heading_en)} · {text(section.heading_zh)}", ""]
        if section.summary:
            out += [" ".join(_english(line) for line in section.summary), ""]
    return out


def _full(brief: Brief, bilingual: bool) -> list[str]:
    if not brief.full:
        return []
    out = ["## Chinese and English" if bilingual else "## Full text", ""]
    for line in brief.full:
        out += ([f"> {text(line.zh)}", ""] if bilingual else []) + [_english(line), ""]
    return out


def _footer(brief: Brief) -> list[str]:
    c, e = brief.counts, brief.engines
    out = ["---", "", f"Translator: {code(e.translator)}  ", f"Summarizer: {code(e.summarizer)}  "]
    out.append(
        f"Figures: {c.figure_repairs} repaired, {c.figure_flags} flagged · "
        f"glossary terms enforced: {c.glossary_repairs} · guard fallbacks: {c.guard_fallbacks}"
    )
    if c.guard_fallbacks:
        out += ["", f"{DAGGER} The model's output for this sentence failed the quality guard; a {GLOSS_NOTE} is shown instead."]
    out += ["", *(f"Warning: {text(w)}" for w in brief.warnings)] if brief.warnings else []
    return out


def brief_markdown(brief: Brief, bilingual: bool = False) -> str:
    parts = _header(brief) + _summary(brief) + _figures(brief) + _sections(brief) + _full(brief, bilingual) + _footer(brief)
    return "\n".join(parts).rstrip() + "\n"


def _lines(lines: Sequence[BilingualLine]) -> list[dict[str, Any]]:
    return [{"zh": l.zh, "en": l.en, "paragraph": l.paragraph, "fallback": l.fallback, "flagged": list(l.flagged)} for l in lines]


def _figures_and_sentences(figures: Sequence[KeyFigure]) -> tuple[list[dict[str, Any]], list[dict[str, str]]]:
    """Each figure with the number of its sentence, and each of those sentences once: a long
    sentence holding many figures, repeated in every one, made sidecars grow with the square."""
    numbers: dict[tuple[str, str], int] = {}
    entries = []
    # A figure's place in the brief's key-figures table (1 leads it), or None: the run-wide figures file says which.
    ranks = {id(figure): n for n, figure in enumerate(table_figures(figures), start=1)}
    for figure in figures:
        entry = as_dict(figure)
        sentence = (entry.pop("sentence_zh"), entry.pop("sentence_en"))
        entries.append({**entry, "sentence": numbers.setdefault(sentence, len(numbers)), "key_rank": ranks.get(id(figure))})
    return entries, [{"zh": zh, "en": en} for zh, en in numbers]


def brief_sidecar(brief: Brief, generated_at: str) -> dict[str, Any]:
    e = brief.engines
    figures, sentences = _figures_and_sentences(brief.figures)
    return {
        "source_file": brief.source_file,
        "article_index": brief.article_index,
        "title_zh": brief.title_zh,
        "title_en": brief.title_en,
        "kicker_zh": brief.kicker_zh,
        "kicker_en": brief.kicker_en,
        "subtitle_zh": brief.subtitle_zh,
        "subtitle_en": brief.subtitle_en,
        "date": brief.date,
        "date_source": brief.date_source,
        "title_source": brief.title_source,
        "publication": {"zh": brief.publication_zh, "en": brief.publication_en} if brief.publication_zh else None,
        "page": brief.page,
        "jumps": list(brief.jumps),
        "filed_from": {"zh": brief.filed_from_zh, "en": brief.filed_from_en} if brief.filed_from_zh else None,
        "reporters": [{"zh": zh, "en": en} for zh, en in zip(brief.reporters_zh, brief.reporters_en)],
        "author": {"zh": brief.author_zh, "en": brief.author_en} if brief.author_zh else None,
        "summary": _lines(brief.summary),
        "sections": [{"heading_zh": s.heading_zh, "heading_en": s.heading_en, "summary": _lines(s.summary)} for s in brief.sections],
        "figures": figures,
        "figure_sentences": sentences,
        "full": _lines(brief.full),
        "engines": {
            "translator": {"identity": e.translator, **identity_fields(e.translator)},
            "summarizer": {"identity": e.summarizer, **identity_fields(e.summarizer)},
            "fallback_used": bool(e.notes),
            "notes": list(e.notes),
            **_ocr_engine(brief),
        },
        **as_dict(brief.counts),
        "warnings": list(brief.warnings),
        "generated_at": generated_at,
    }


def _ocr_engine(brief: Brief) -> dict[str, Any]:
    """The OCR engine, for a brief of a page read from images only: a text page's sidecar is as before."""
    if not brief.ocr:
        return {}
    fields = identity_fields(brief.ocr)
    return {"ocr": {"identity": brief.ocr, **fields, "mean_confidence": brief.ocr_confidence, "check": list(brief.ocr_check)}}
