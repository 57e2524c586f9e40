"""Untrusted text is text: whatever a page says reaches a brief, and the index, as text to read.

A page may hold HTML tags, ``javascript:`` links, Markdown links and images,
table bars and backticks. Rendered by a Markdown viewer (markdown-it, as
CommonMark with GitHub's tables), a brief shows each of them exactly as the
page had it, and no tag, link or image comes out of them; ordinary text is
written as it is.
"""

from __future__ import annotations

import dataclasses
import json
import shutil

import pytest
from markdown_it import MarkdownIt
from test_render import make_brief
from typer.testing import CliRunner

from briefs.brief import BilingualLine, KeyFigure, SectionBrief
from briefs.cli import app
from briefs.render.escape import code, link_target, text
from briefs.render.markdown import brief_markdown
from briefs.render.run_wide import IndexRow, index_markdown

HOSTILE = [
    "<img src=x onerror=alert(1)>",
    "<script>alert(1)</script>",
    "[官网](javascript:alert(1))",
    "![图](http://x.cn/a.png)",
    "<a href='javascript:alert(1)'>点此</a>",
    "表格|栏目|内容",
    "代码`rm -rf`和``双``",
    "**粗体** _斜体_ ~~删除~~",
    "&lt;已转义&gt; R&D",
    "[定义]: javascript:alert(1)",
    "<http://x.cn>",
]
# Where a value stands at the start of a line it could open a block: a heading, a list, a quote, code.
LINE_STARTS = ["# 标题", "- 列表", "+ 列表", "1. 第一", "2023) 年份", "> 引用", "    缩进"]
MARKDOWN = MarkdownIt("commonmark").enable(["table", "strikethrough"])
# The brief's own HTML: the collapsed list of every figure.
OURS = {"<details>", "<summary>", "</details>"}


def inline_texts(markdown: str) -> list[str]:
    """What a reader sees of each inline run (a paragraph, a heading, a cell): its text and code, entities decoded."""
    runs = []
    for token in MARKDOWN.parse(markdown):
        if token.type == "inline":
            runs.append("".join(c.content for c in token.children or [] if c.type in ("text", "code_inline")))
    return runs


def markup(markdown: str) -> list[str]:
    """Every link, image and piece of HTML that rendering makes, and every block a value could open."""
    found = []
    for token in MARKDOWN.parse(markdown):
        if token.type == "html_block" and not any(token.content.startswith(tag) for tag in OURS):
            found.append(token.content)
        found += [f"{c.type}: {c.content}" for c in token.children or [] if c.type in ("link_open", "image", "html_inline")]
    return found


def hostile_brief(value: str):
    """A brief whose every field taken from a page holds ``value`` (among ordinary words)."""
    line = BilingualLine(f"正文{value}。", f"Body {value}.", 0, flagged=(f"{value} yuan",))
    figure = KeyFigure(f"{value}亿元", 1e8, "yuan", f"{value} yuan", "quantity", f"投资{value}", f"investment {value}",
                       f"句{value}。", f"Sentence {value}.", f"分句{value}")  # fmt: skip
    return make_brief(
        title_zh=f"标题{value}", title_en=f"Title {value}", kicker_en=f"Kicker {value}", subtitle_en=f"Deck {value}",
        publication_zh=f"日报{value}", publication_en=f"Daily {value}", page=f"A{value}", author_zh=f"记者{value}",
        author_en=f"Reporter {value}", summary=(line,), full=(line, dataclasses.replace(line, zh=value, en=value)),
        sections=(SectionBrief(f"小标题{value}", f"Heading {value}", (line,)),), figures=(figure,),
        warnings=(f"warning {value}",),
    )  # fmt: skip


@pytest.mark.parametrize("value", HOSTILE + LINE_STARTS, ids=repr)
def test_a_brief_shows_what_the_page_says_and_makes_no_tag_link_or_image_of_it(value):
    md = brief_markdown(hostile_brief(value), bilingual=True)
    assert markup(md) == []
    html = MARKDOWN.render(md)
    assert "<img" not in html and "<script" not in html and "<a " not in html
    runs = inline_texts(md)
    for field in ("Title ", "标题", "Kicker ", "Deck ", "日报", "Daily ", "记者", "Reporter ", "正文", "Body ", "小标题",
                  "Heading ", "句", "分句", "投资", "investment ", "warning "):  # fmt: skip
        assert any(f"{field}{value}" in run for run in runs), field
    assert value.lstrip() in runs  # the paragraph that is nothing but the value: no block of its own (a leading indent is no code)


def table_shapes(markdown: str) -> list[list[int]]:
    """For each table, the number of cells in each row, header first."""
    tables: list[list[int]] = []
    for token in MARKDOWN.parse(markdown):
        if token.type == "table_open":
            tables.append([])
        elif token.type == "tr_open":
            tables[-1].append(0)
        elif token.type in ("th_open", "td_open"):
            tables[-1][-1] += 1
    return tables


def test_every_table_row_of_a_brief_keeps_its_cells_whatever_the_page_holds():
    md = brief_markdown(hostile_brief("甲|乙\n丙`|`"), bilingual=True)
    shapes = table_shapes(md)
    assert len(shapes) == 3 and all(len(set(rows)) == 1 for rows in shapes), shapes
    assert "Title 甲|乙 丙`|`" in inline_texts(md)


@pytest.mark.parametrize("value", HOSTILE, ids=repr)
def test_the_index_shows_titles_and_dates_as_text_and_links_only_to_the_brief(value):
    row = IndexRow(f"page {value}.md", f"Title {value}", f"2024 {value}", f"in/{value}.txt", 1,
                   f"Paper {value}", f"Gist {value}", f"Figure {value}", 0)  # fmt: skip
    md = index_markdown([row])
    links = [c for t in MARKDOWN.parse(md) for c in t.children or [] if c.type == "link_open"]
    assert [link.attrGet("href") for link in links] == [MARKDOWN.normalizeLink(link_target(row.name)[1:-1])]
    assert [m for m in markup(md) if not m.startswith("link_open")] == []
    shown = inline_texts(md)
    assert all(f"{label} {value}" in shown for label in ("Title", "2024", "Paper", "Gist", "Figure"))


@pytest.mark.parametrize(
    ("value", "written"),
    [("培育优势产业 再造发展引擎", "培育优势产业 再造发展引擎"), ("2.872 billion yuan", "2.872 billion yuan"),
     ("Xi's “1+5” plan, 6.2% (2023)", "Xi's “1+5” plan, 6.2% (2023)"), ("", ""),
     ("<b>", "&lt;b&gt;"), ("a|b", "a\\|b"), ("# x", "\\# x"), ("- x", "\\- x"), ("3. x", "3\\. x"), ("x\ny", "x y")],
    ids=repr,
)  # fmt: skip
def test_ordinary_text_is_written_as_it_is_and_markup_is_escaped(value, written):
    assert text(value) == written


def test_a_code_span_holds_any_backticks_and_bars():
    assert code("a`b") == "``a`b``" and code("`x`") == "`` `x` ``" and code("a|b", in_table=True) == "`a\\|b`"


runner = CliRunner()
PAGE = """# 开发区签约<img src=x onerror=alert(1)>项目
本报讯 截至2022年末，开发区共签约落地项目21个<script>alert(1)</script>，协议投资额28.72亿元。
详情见[官网](javascript:alert(1))和![图](http://x.cn/a.png)，表格|栏目|内容，代码`rm -rf`。
"""


def test_a_page_with_markup_in_its_text_is_briefed_as_text(tmp_path, monkeypatch, cache_with_dictionary):
    monkeypatch.setenv("BRIEFS_CACHE_DIR", str(cache_with_dictionary(tmp_path / "cache")))
    (tmp_path / "briefs.toml").write_text('[translator]\nengine = "gloss"\n', encoding="utf-8")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "page.txt").write_text(PAGE, encoding="utf-8")
    result = runner.invoke(app, ["run", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--config",
                                 str(tmp_path / "briefs.toml"), "--quiet", "--bilingual"])  # fmt: skip
    assert result.exit_code == 0, result.stderr
    [brief] = [p for p in (tmp_path / "out").glob("page-*.md")]
    sidecar = json.loads(brief.with_suffix(".json").read_text(encoding="utf-8"))
    page_text = json.dumps(sidecar, ensure_ascii=False)
    markups = ["<img src=x onerror=alert(1)>", "<script>alert(1)</script>", "[官网](javascript:alert(1))", "![图](http://x.cn/a.png)", "`rm -rf`"]
    assert all(m in page_text for m in markups)  # the reader kept them: the brief had them to show
    for md in (brief.read_text(encoding="utf-8"), (tmp_path / "out" / "index.md").read_text(encoding="utf-8")):
        assert [m for m in markup(md) if not m.startswith("link_open")] == []
        assert "<img" not in MARKDOWN.render(md) and "<script" not in MARKDOWN.render(md)
    shown = "\n".join(inline_texts(brief.read_text(encoding="utf-8")))
    assert all(m in shown for m in markups)
    shutil.rmtree(tmp_path / "out")
