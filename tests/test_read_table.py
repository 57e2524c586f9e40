"""The readers' entry: one table of file types, and what every reader's document holds: articles with
running text, the rest of the page kept as notes."""

from __future__ import annotations

import pytest

from briefs.errors import InputError
from briefs.read import READERS, SUFFIXES, read_bytes, reader_for
from briefs.run.inputs import collect_inputs

BODY = "今年以来,全县签约项目21个,协议投资额28.72亿元。"


def test_a_file_is_read_by_what_it_starts_with_then_by_its_suffix():
    assert reader_for(b"%PDF-1.4 ...", "page.txt").suffixes == (".pdf",)
    assert reader_for(b"<html>", "page.HTM").suffixes == (".html", ".htm")
    assert reader_for("正文".encode(), "page.text").suffixes == (".txt", ".md")  # unknown suffix: text


def test_the_folder_search_takes_exactly_the_tables_suffixes(tmp_path):
    for suffix in (*SUFFIXES, ".docx", ".jpg"):
        (tmp_path / f"page{suffix}").write_bytes(b"x")
    found = {path.suffix for path in collect_inputs([tmp_path]).files}
    assert found == {suffix for reader in READERS for suffix in reader.suffixes}


def test_a_page_of_navigation_only_is_no_article():
    page = "首页 > 新闻中心 > 县域经济\n\n青山新闻网\n\n点击查看更多\n\n返回首页\n"
    with pytest.raises(InputError, match="no article text found"):
        read_bytes(page.encode(), "nav.txt")


def test_a_headline_without_running_text_is_kept_as_notes_on_the_page():
    page = f"# 喀左经济开发区跻身全省十佳\n\n{BODY}\n\n# 招聘启事\n\n详见官网\n"
    doc = read_bytes(page.encode(), "page.txt")
    assert [a.title for a in doc.articles] == ["喀左经济开发区跻身全省十佳"]
    assert {("note", "招聘启事"), ("note", "详见官网")} <= {(e.kind, e.text) for e in doc.extras}
