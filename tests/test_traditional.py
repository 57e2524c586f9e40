"""Pages in traditional characters (Taiwan, Hong Kong papers): read like their simplified twins.

The figures reader, the glossary and the gloss see a simplified copy; the brief
shows the Chinese as the page prints it.
"""

from __future__ import annotations

import subprocess
import sys

import opencc
import pytest

import briefs
from briefs.text.script import is_traditional

SIMPLIFIED = """# 开发区签约项目二十一个
本报讯 截至2022年末，开发区共签约落地项目21个，协议投资额28.72亿元，同比增长6.2%。
园区新增规模以上企业12家，带动就业3000余人，县委书记到现场调研。

# 乡村振兴示范村建设提速
今年全县新建示范村15个，带动农户增收3.5亿元，村集体经济收入突破800万元。
"""
TRADITIONAL = opencc.OpenCC("s2t").convert(SIMPLIFIED)


@pytest.fixture(scope="module")
def twins(tmp_path_factory):
    folder = tmp_path_factory.mktemp("twins")
    (folder / "simplified.txt").write_text(SIMPLIFIED, encoding="utf-8")
    (folder / "traditional.txt").write_bytes(TRADITIONAL.encode("big5"))  # Big5, as such papers save
    config = briefs.apply_overrides(briefs.load_config(), {"translator.engine": "gloss"})
    briefer = briefs.Briefer(config, warn=lambda line: None)
    return {name: (briefs.read(folder / f"{name}.txt"), briefer) for name in ("simplified", "traditional")}


def test_the_twin_is_really_traditional():
    assert TRADITIONAL != SIMPLIFIED and "開發區" in TRADITIONAL
    assert is_traditional(TRADITIONAL) and not is_traditional(SIMPLIFIED)


def test_a_traditional_page_is_marked_and_keeps_its_characters(twins):
    doc, _ = twins["traditional"]
    assert doc.script == "traditional" and twins["simplified"][0].script == "simplified"
    assert doc.articles[0].title == "開發區簽約項目二十一個"


def test_figures_and_glossary_terms_are_read_as_in_the_simplified_twin(twins):
    simplified = [b for b in twins["simplified"][1].brief(twins["simplified"][0])]
    traditional = [b for b in twins["traditional"][1].brief(twins["traditional"][0])]
    assert [[(f.value, f.unit, f.english) for f in b.figures] for b in traditional] == [
        [(f.value, f.unit, f.english) for f in b.figures] for b in simplified
    ]
    assert [b.title_en for b in traditional] == [b.title_en for b in simplified]
    assert [[l.en for l in b.summary] for b in traditional] == [[l.en for l in b.summary] for b in simplified]
    assert "2.872 billion yuan" in [f.english for f in traditional[0].figures]
    assert traditional[0].counts.glossary_repairs == simplified[0].counts.glossary_repairs


def test_the_brief_shows_the_chinese_as_written(twins):
    doc, briefer = twins["traditional"]
    [first, _] = briefer.brief(doc)
    markdown = briefs.render_markdown(first)
    assert first.title_zh == "開發區簽約項目二十一個" and "開發區簽約項目二十一個" in markdown
    assert all(line.zh in TRADITIONAL for line in first.summary)
    assert "28.72億元" in [f.source for f in first.figures]


def test_simplified_pages_never_import_opencc(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(SIMPLIFIED, encoding="utf-8")
    code = "import sys, briefs; briefs.read(sys.argv[1]); print('opencc' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code, str(page)], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
