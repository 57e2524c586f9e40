"""A saved news web page (HTML bytes) → Document, through trafilatura and the web-text rules.

trafilatura (Barbaresi 2021) finds the main text: it prunes navigation,
footers, share bars and comments by tag and class, keeps blocks by text and
link density, and reads the date, author and site apart from the text. What
it leaves of a Chinese site's furniture (原标题, 责任编辑, 【免责声明】,
返回…首页>>, related links, login bars) is cleaned by the same rules as a web
page's text: its blocks, headline first, are read by ``webtext.parse_web``.
The headline is found GeneralNewsExtractor's way (``headline``), and the date
and source line printed under it, which trafilatura prunes with a page's info
bar, is taken from the page. Where trafilatura finds no body (a photo story
whose captions stand beside the headline), it is given the headline's block
alone. trafilatura and lxml are imported only inside the functions, so the
command line and text pages never load them.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import regex as re

from ...document import Document, Metadata, Stated
from ...errors import InputError
from ...text.marks import HAN
from ...text.spaces import fold_spaces, unify_newlines
from ..decoding import decode
from ..furniture import is_furniture
from ..script import read_simplified
from .headline import HEADINGS, date_line_below, find_headline
from .text import parse_web

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", re.IGNORECASE)
# GB2312 and GBK pages use characters beyond their charsets (GB18030 is a superset of both).
_GB = {"gb2312", "gbk", "x-gbk", "gb_2312-80", "csgb2312", "gb18030", "euc-cn"}
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_BLOCKS = {"p", "head", "item", "cell", "row", "list", "table", "quote", "div", "code", "lb", "graphic"}
_AUTHOR_TAGS = "//meta[translate(@name, 'AUTHOR', 'author')='author' or @property='article:author']/@content"
_NO_TEXT = "no article text found in the web page (only navigation, links or furniture)"
# Measured on the 20 dev pages (Han characters of body text kept, after the web-text rules):
# favor_precision keeps 182 of one page's 3,567 and 17,853 in all; the default 21,219;
# favor_recall 21,311, the difference a lead paragraph the default drops. The furniture that
# recall lets through is what the web-text rules clean, so recall it is.
_EXTRACTION = {"favor_recall": True}


def decode_page(data: bytes, source: str) -> str:
    """The text of a page's bytes: UTF-8 if they are valid UTF-8, else the charset the page's
    <meta> declares, else the text decoder's guess; an InputError for what is no Chinese page.

    UTF-8 comes first because saved pages keep a declaration the browser no
    longer applies: two of the twenty dev pages say gb2312 and are UTF-8. GB
    bytes of any length are almost never valid UTF-8, so the order is safe.
    """
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        declared = _CHARSET.search(data[:8192])
        name = declared.group(1).decode("ascii").lower() if declared else ""
        try:
            text = data.decode("gb18030" if name in _GB else name) if name else None
        except (LookupError, UnicodeDecodeError):
            text = None
        if text is not None and HAN.search(text) and "\x00" not in text:
            return unify_newlines(text)
    return decode(data, source)


def _mark(el: Any) -> str:
    if el.tag == "head":
        return "head"
    children = list(el)
    bold = children and all(c.tag == "hi" and "b" in (c.get("rend") or "") and not (c.tail or "").strip() for c in children)
    return "bold" if el.tag in ("p", "item", "cell") and bold and not (el.text or "").strip() else ""


def body_lines(body: Any, newlines: bool = False) -> list[str]:
    """trafilatura's XML body as text lines: a line per block, ## for its headings, ** for a bold
    block, two blank lines for an image (the image slot a caption follows). Line breaks inside a
    block are layout, kept only where ``newlines`` says the block is raw text (a fallback's)."""
    lines: list[str] = []
    parts: list[str] = []

    def flush(mark: str = "") -> None:
        texts = "".join(parts).split("\n") if newlines else ["".join(parts)]
        parts.clear()
        for text in filter(None, map(fold_spaces, texts)):
            lines.append({"head": f"## {text}", "bold": f"**{text}**"}.get(mark, text))

    def walk(el: Any) -> None:
        block = el.tag in _BLOCKS
        if block:
            flush()
        if el.tag == "graphic":
            lines.extend(["", ""])
        elif el.tag != "lb":
            parts.append(el.text or "")
            for child in el:
                walk(child)
            if block:
                flush(_mark(el))
        parts.append(el.tail or "")

    walk(body)
    flush()
    return lines


def _bare(line: str) -> str:
    return re.sub(r"^#+\s*|^\*\*|\*\*$", "", line).strip()


def _after(line: str, headline: str | None) -> str:
    """A block that starts with the headline keeps what follows it (a date or source line)."""
    bare = _bare(line)
    rest = bare[len(headline) :].strip() if headline and bare.startswith(headline) else ""
    return rest if rest and is_furniture(rest) else line


def _extract(html: str, **options: Any) -> Any:
    import trafilatura

    return trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_images=True, include_formatting=True, **options
    )


def _headline_container(tree: Any, headline: str) -> str | None:
    """The smallest block around the headline's heading with text besides it (a photo story
    sets its captions beside the headline, where a main-text extractor does not look)."""
    from lxml import html as lxml_html

    for heading in tree.iter(*HEADINGS):
        if headline not in heading.text_content():
            continue
        for block in heading.iterancestors():
            if len(HAN.findall(block.text_content())) >= len(HAN.findall(headline)) + 30:
                return "<html><body>" + lxml_html.tostring(block, encoding="unicode") + "</body></html>"
    return None


def _raw_text(body: Any) -> bool:
    """trafilatura's last fallback: the page's text as one paragraph, its line breaks the blocks'."""
    return len(body) == 1 and body[0].tag == "p" and "".join(body[0].itertext()).strip().count("\n") >= 2


def _read(result: Any, tree: Any, source: str) -> tuple[Document, str, str | None]:
    """(document, the web text it was read from, the site's name) from trafilatura's result."""
    lines = body_lines(result.body, _raw_text(result.body)) if result is not None else []
    headline, site = find_headline(tree, [_bare(line) for line in lines if line])
    kept = [_after(line, headline) for line in lines if _bare(line) != headline]
    top = [f"# {headline}"] if headline else []
    dated = date_line_below(tree, headline) if headline else None
    if dated and not any(dated in line for line in kept):
        top.append(dated)  # trafilatura prunes the date and source line with the page's info bar
    text = "\n".join(top + kept)
    return read_simplified(parse_web, text, source), text, site


def _has_body(doc: Document) -> bool:
    return any(article.paragraphs for article in doc.articles)


def read_html(data: bytes, source: str) -> Document:
    """A saved web page: its article as one Document, the page's furniture as extras."""
    from lxml import etree
    from lxml import html as lxml_html

    html = _XML_DECLARATION.sub("", decode_page(data, source))
    try:
        tree = lxml_html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        raise InputError(source, _NO_TEXT) from None
    result = _extract(html, **_EXTRACTION)
    doc, text, site = _read(result, tree, source)
    headline = doc.articles[0].title if doc.articles else None
    if not _has_body(doc) and headline:
        container = _headline_container(tree, headline)
        if container is not None:
            doc, text, _ = _read(_extract(container), tree, source)
    if not _has_body(doc):
        raise InputError(source, _NO_TEXT)
    date = getattr(result, "date", None) or ""
    author = _author(result, tree, text, site)
    # What the page's text states comes first; the page's tags fill the rest (the site stands in for a source).
    tags = {"date": date, "publication": site, "author": author, "site": site}
    found = Metadata(**{name: Stated(value, "html") for name, value in tags.items() if value})
    return dataclasses.replace(doc, metadata=doc.metadata.merged(found))


def _author(result: Any, tree: Any, text: str, site: str | None) -> str:
    """The author the page declares (<meta name="author">), or trafilatura's when the page's text
    names it (on Chinese sites trafilatura's is as often a widget's label: 我已授权); never the site."""
    declared = [fold_spaces(c) for c in tree.xpath(_AUTHOR_TAGS)]
    found = (getattr(result, "author", None) or "").strip()
    named = [found] if found and (found in declared or found in text) else []
    for author in named + declared:
        if HAN.search(author) and not (site and (author in site or site in author)):
            return author
    return ""





def read_page(data: bytes, source: str, layout: str = "auto") -> Document:
    """A saved web page as the reader table calls it: its type decides, not ``layout``."""
    return dataclasses.replace(read_html(data, source), layout="html", layout_reason="a saved web page")
