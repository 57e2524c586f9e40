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


# A page whose metadata line and captions the rules know only in simplified characters (来源, 记者, 摄).
WITH_FURNITURE = """来源：青山日报 发布日期：2023-12-6
# 青山县新建三座污水处理厂
本报讯（记者周文）今年以来，全县新建污水处理厂3座，总投资2.6亿元，日处理能力达到5万吨。
新建的城东污水处理厂 周文 摄
下一步，全县将继续完善污水管网，力争年内乡镇污水处理率达到85%以上。
"""


def test_a_traditional_page_is_read_by_the_same_rules_and_shown_as_written(tmp_path):
    from briefs.document import as_dict
    from briefs.read import read_path

    to_simplified = opencc.OpenCC("t2s").convert
    (tmp_path / "s.txt").write_text(WITH_FURNITURE, encoding="utf-8")
    (tmp_path / "t.txt").write_text(opencc.OpenCC("s2t").convert(WITH_FURNITURE), encoding="utf-8")
    simplified, traditional = read_path(tmp_path / "s.txt"), read_path(tmp_path / "t.txt")
    assert traditional.articles[0].title == "青山縣新建三座污水處理廠"  # not the 來源 line
    assert traditional.metadata.publication.value == "青山日報"
    same = {**as_dict(traditional), "source": simplified.source}
    assert to_simplified(repr(same)) == repr(as_dict(simplified))


def test_briefs_figures_reads_a_traditional_page_through_its_simplified_copy(tmp_path):
    from typer.testing import CliRunner

    from briefs.cli import app

    (tmp_path / "t.txt").write_text(TRADITIONAL, encoding="utf-8")
    (tmp_path / "s.txt").write_text(SIMPLIFIED, encoding="utf-8")
    found = {name: CliRunner().invoke(app, ["figures", str(tmp_path / f"{name}.txt")]).stdout for name in ("s", "t")}
    values = {name: [line.split('"value":')[1].split(",")[0] for line in text.splitlines()] for name, text in found.items()}
    assert values["s"] and values["t"] == values["s"]
    assert "28.72億元" in found["t"]  # the source as the page prints it


def test_a_traditional_dateline_is_the_header_never_a_point(tmp_path):
    page = "# 全县招商引资签约项目21个\n本报北京1月15日电（记者刘毅）全县今年签约招商引资项目21个，协议投资额28.72亿元，同比增长15.3%。\n"
    (tmp_path / "t.txt").write_text(opencc.OpenCC("s2t").convert(page), encoding="utf-8")
    config = briefs.apply_overrides(briefs.load_config(), {"translator.engine": "gloss"})
    (brief,) = briefs.Briefer(config, warn=lambda line: None).brief(briefs.read(tmp_path / "t.txt"))
    assert brief.summary[0].zh.startswith("全縣今年簽約") and brief.reporters_zh == ("刘毅",)
