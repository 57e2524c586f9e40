"""One article → one brief: what the pipeline guarantees whatever the translator does."""

from __future__ import annotations

import pytest
from readerkit import page

from briefs.brief import EngineInfo
from briefs.engines.extractive import ExtractiveSummarizer
from briefs.figures.find import find_figures
from briefs.glossary.terms import Glossary
from briefs.pipeline.article import (
    Options,
    Tools,
    brief_article,
    brief_articles,
    measures,
)
from briefs.read.seeds import parse

PAGE = page(
    "# 喀左经济开发区跻身全省十佳",
    "本报讯 截至2022年末,共签约落地项目21个,协议投资额28.72亿元。",
    "近年来,开发区在促进转变发展方式等方面发挥了重要引领示范作用。",
    "## 核心提示",
    "一季度,喀左县招商引资签约项目9个,总投资61.12亿元。",
)
INFO = EngineInfo("engine:test", "engine:extractive", "test", "extractive")


class ScaleSlip:
    """Writes every amount ten times too big (28.72亿元 → 28.72 billion yuan), as a careless model does."""

    identity = "engine:scale-slip"

    def translate(self, sentences):
        out = []
        for zh in sentences:
            readings = [f"{f.value * 10:,.0f} yuan" for f in find_figures(zh) if f.unit == "yuan"]
            out.append("The county signed projects worth " + " and ".join(readings) + "." if readings else "A sentence.")
        return out


class Dropper:
    """Drops every number and unit."""

    identity = "engine:dropper"

    def translate(self, sentences):
        return ["The county signed projects with a large investment." for _ in sentences]


def tools(translator) -> Tools:
    return Tools(translator, ExtractiveSummarizer(), Glossary.default(), INFO)


def brief(translator, **options):
    return brief_article(parse(PAGE, "page.txt"), 0, tools(translator), Options(**options))


def test_a_garbled_figure_is_repaired_in_the_brief_and_counted():
    result = brief(ScaleSlip())
    assert result.counts.figure_repairs >= 2
    english = " ".join(line.en for line in result.summary)
    assert "2.872 billion yuan" in english and "28,720,000,000" not in english
    assert {f.english for f in result.figures} >= {"2.872 billion yuan", "6.112 billion yuan"}
    assert all(f.sentence_en.count("billion yuan") >= 1 for f in result.figures if f.unit == "yuan")


def test_a_dropped_figure_is_flagged_and_shown_beside_the_sentence():
    result = brief(Dropper())
    assert result.counts.figure_flags >= 2
    flagged = [line for line in result.summary if line.flagged]
    assert any("2.872 billion yuan" in line.flagged for line in flagged)
    assert result.warnings and "could not be placed" in result.warnings[0]


def test_each_summary_line_traces_to_a_source_sentence_and_paragraph():
    result = brief(Dropper())
    doc = parse(PAGE, "page.txt")
    paragraphs = doc.articles[0].paragraphs
    for line in result.summary:
        assert line.zh in paragraphs[line.paragraph]


def test_full_text_has_one_line_per_paragraph():
    result = brief(Dropper(), full=True)
    assert [line.paragraph for line in result.full] == [0, 1, 2]


def test_articles_briefed_together_equal_articles_briefed_alone():
    doc = parse(PAGE + page("# 第二篇文章标题", "本报讯 今年以来,全县新开工项目20个,总投资12.63亿元。"), "page.txt")
    together = brief_articles([(doc, 0), (doc, 1)], tools(ScaleSlip()))
    alone = [brief_article(doc, 0, tools(ScaleSlip())), brief_article(doc, 1, tools(ScaleSlip()))]
    assert together == alone


@pytest.mark.parametrize(
    "sentence, source, words",
    [("共签约落地项目21个,协议投资额28.72亿元。", "28.72亿元", "协议投资额"), ("总投资61.12亿元。", "61.12亿元", "总投资"), ("辐射3镇1街25个行政村。", "1街", "")],
    ids=["after-comma", "sentence-start", "after-another-figure"],
)
def test_what_a_figure_measures(sentence, source, words):
    found = find_figures(sentence)
    figure = next(f for f in found if f.source == source)
    assert measures(sentence, figure, found) == words
