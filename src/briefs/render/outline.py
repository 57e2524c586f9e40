"""A read document as readable Markdown: what ``briefs split --format md`` prints."""

from __future__ import annotations

from ..document import Article, Document, Extra


def _extras(extras: tuple[Extra, ...]) -> list[str]:
    return [f"- *{e.kind}*: {e.text}" for e in extras]


def _article(number: int, article: Article) -> list[str]:
    lines: list[str] = []
    if article.kicker:
        lines.append(f"*{article.kicker}*")
        lines.append("")
    lines.append(f"## {number}. {article.title or '(untitled)'}")
    if article.subtitle:
        lines += ["", f"——{article.subtitle}"]
    for section in article.sections:
        if section.heading:
            lines += ["", f"### {section.heading}"]
        for paragraph in section.paragraphs:
            lines += ["", paragraph]
    if article.extras:
        lines += ["", *_extras(article.extras)]
    return lines


def document_markdown(doc: Document) -> str:
    lines = [f"# {doc.source}"]
    if doc.extras:
        lines += ["", *_extras(doc.extras)]
    for number, article in enumerate(doc.articles, 1):
        lines += ["", *_article(number, article)]
    return "\n".join(lines) + "\n"
