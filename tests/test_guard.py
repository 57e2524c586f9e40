"""The guard: degenerate model output is caught, retried once, and replaced by a gloss, visibly."""

from __future__ import annotations

import dataclasses

import pytest
from readerkit import page

from briefs.brief import EngineInfo
from briefs.config import GuardConfig
from briefs.engines.extractive import ExtractiveSummarizer
from briefs.engines.gloss import GlossTranslator
from briefs.glossary.terms import Glossary
from briefs.pipeline.article import Tools, brief_article
from briefs.pipeline.guard import Guard, problems, repeated_run
from briefs.read.seeds import parse
from briefs.render.markdown import brief_markdown, brief_sidecar

GOOD_ZH = "一季度,喀左县招商引资签约项目9个,总投资61.12亿元。"
GOOD_EN = "In the first quarter, Harqin Left signed 9 investment projects with a total investment of 6.112 billion yuan."
SETTINGS = GuardConfig()


@pytest.mark.parametrize(
    "en, found",
    [
        (GOOD_EN, ()),
        ("", ("empty",)),
        ("   ", ("empty",)),
        ("The county the county the county the county signed projects.", ("repetition",)),
        ("investment investment investment investment investment.", ("repetition",)),
        ("Signed.", ("length ratio 0.3",)),
        ("In the first quarter, 喀左县 signed 9 projects worth 6.112 billion yuan.", ("Chinese left",)),
        ("In the first quarter, Harqin Left signed 9 investment projects with a total investment of 6.112 billion", ("unfinished",)),
        ("In the first quarter, Harqin Left in Liaoning province in northeast China signed 9 projects worth 6.112 billion yuan.",
         ("dictionary note",)),
        ("In the first quarter, Chaoyang prefecture-level city signed 9 investment projects worth 6.112 billion yuan.",
         ("dictionary note",)),
        ("In the first quarter, Harqin Left in northeast China's Liaoning Province signed 9 projects worth 6.112 billion yuan.", ()),
    ],
    ids=["good", "empty", "blank", "phrase-loop", "word-loop", "too-short", "chinese-left", "cut-off",
         "place-described", "city-ranked", "place-named"],
)
def test_what_the_guard_finds(en, found):
    assert problems(GOOD_ZH, en, en, 0, SETTINGS) == found


def test_unplaced_figures_fail_the_guard():
    assert problems(GOOD_ZH, GOOD_EN, GOOD_EN, 1, SETTINGS) == ("figures not placed",)


def test_chinese_the_glossary_replaced_is_not_a_failure():
    raw = "In the first quarter, 喀左县 signed 9 investment projects with a total investment of 6.112 billion yuan."
    final = raw.replace("喀左县", "Harqin Left Mongol Autonomous County")
    assert problems(GOOD_ZH, raw, final, 0, SETTINGS) == ()


def test_a_repair_cannot_hide_an_empty_output():
    assert problems(GOOD_ZH, "", " [Kazuo County]", 0, SETTINGS) == ("empty",)


def test_short_sources_skip_the_length_check():
    assert problems("揭牌。", "Unveiled.", "Unveiled.", 0, SETTINGS) == ()


def test_repeated_run_counts_back_to_back_ngrams():
    words = "a b a b a b c".split()
    assert (repeated_run(words, 1), repeated_run(words, 2), repeated_run(words, 3)) == (1, 3, 1)


class Repeater:
    identity = "engine:repeater"

    def translate(self, sentences):
        return ["the development zone " * 12 for _ in sentences]


class Emptier:
    identity = "engine:emptier"

    def translate(self, sentences):
        return ["" for _ in sentences]


class ChineseLeaver:
    identity = "engine:leaver"

    def translate(self, sentences):
        return list(sentences)


class Counting:
    """Wraps a translator and counts the sentences it was given."""

    def __init__(self, inner):
        self.inner, self.seen = inner, 0
        self.identity = inner.identity

    def translate(self, sentences):
        self.seen += len(sentences)
        return self.inner.translate(sentences)


PAGE = parse(page("# 喀左经济开发区跻身全省十佳", "本报讯 " + GOOD_ZH, "近年来,开发区在促进转变发展方式等方面发挥了重要引领示范作用。"), "page.txt")
INFO = EngineInfo("engine:test", "engine:extractive", "marian", "extractive")


def tools(translator, strict) -> Tools:
    guard = Guard(SETTINGS, strict, GlossTranslator())
    return Tools(translator, ExtractiveSummarizer(), Glossary.default(), INFO, guard)


@pytest.mark.parametrize("bad", [Repeater, Emptier, ChineseLeaver], ids=["repeats-a-phrase", "returns-empty", "leaves-chinese"])
def test_a_bad_engine_is_retried_then_replaced_by_the_gloss_and_counted(bad):
    strict = Counting(bad())
    brief = brief_article(PAGE, 0, tools(bad(), strict))
    glossed = GlossTranslator().translate(["喀左经济开发区跻身全省十佳"])[0]
    assert strict.seen > 0  # the retry happened
    assert all(line.fallback for line in brief.summary)
    assert brief.title_en and brief.title_en.lower().startswith(glossed.lower()[:10])
    sidecar = brief_sidecar(brief, "t")
    assert sidecar["guard_fallbacks"] == brief.counts.guard_fallbacks >= 3
    assert all(item["fallback"] for item in sidecar["summary"])
    markdown = brief_markdown(brief)
    assert "†" in markdown and "failed the quality guard" in markdown


class Fixed:
    """The strict retry gets it right."""

    identity = "engine:fixed"

    def translate(self, sentences):
        return [GOOD_EN if "61.12" in s else "The development zone was among the province's ten best." for s in sentences]


def test_a_segment_the_retry_fixes_is_not_a_fallback():
    brief = brief_article(PAGE, 0, tools(Repeater(), Fixed()))
    assert brief.counts.guard_fallbacks == 0
    assert any(line.en.startswith(GOOD_EN[:60]) and not line.fallback for line in brief.summary)


def test_good_output_is_not_retried():
    strict = Counting(Fixed())
    brief_article(PAGE, 0, tools(Fixed(), strict))
    assert strict.seen == 0


def test_a_disabled_guard_lets_output_through():
    brief = brief_article(PAGE, 0, dataclasses.replace(tools(Emptier(), Emptier()), guard=None))
    assert brief.counts.guard_fallbacks == 0 and brief.summary[0].en == ""  # and the glossary adds nothing to it
