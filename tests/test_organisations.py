"""Organisations by their own English names: the table, its shape, and where briefs use it."""

from __future__ import annotations

import tomllib
from importlib import resources

import pytest
import regex
from readerkit import page

from briefs.brief import EngineInfo
from briefs.engines.extractive import ExtractiveSummarizer
from briefs.engines.gloss import GlossTranslator
from briefs.errors import BriefsError
from briefs.glossary.organisations import default_organisations, parse_organisations
from briefs.glossary.terms import Glossary
from briefs.pipeline.article import Tools, brief_article
from briefs.read.web.text import parse_web

HAN = regex.compile(r"\p{Han}")


@pytest.fixture(scope="module")
def glossary():
    return Glossary.default()


@pytest.fixture(scope="module")
def gloss(dictionary_cache):
    return GlossTranslator(cache_dir=dictionary_cache)


# --- the table ---------------------------------------------------------------------------

def test_every_entry_has_chinese_forms_an_english_name_and_its_source():
    organisations = default_organisations()
    assert len(organisations) >= 80
    for org in organisations:
        assert org.zh and all(HAN.search(zh) and zh == zh.strip() for zh in org.zh), org
        assert org.en.strip() and not HAN.search(org.en), org
        assert org.source.strip(), org
    forms = [zh for org in organisations for zh in org.zh]
    assert len(forms) == len(set(forms))


def test_a_form_is_either_in_the_table_or_in_the_glossary_file_never_both():
    listed = tomllib.loads((resources.files("briefs") / "data" / "glossary.toml").read_text(encoding="utf-8"))
    in_glossary = {zh for table in listed.values() for zh in table}
    assert in_glossary.isdisjoint(zh for org in default_organisations() for zh in org.zh)


@pytest.mark.parametrize(
    "zh, en",
    [
        ("中国海油", "CNOOC"), ("中海油", "CNOOC"), ("中国海洋石油", "CNOOC"),
        ("中国石油", "PetroChina"), ("中石油", "PetroChina"), ("中国石化", "Sinopec"), ("中石化", "Sinopec"),
        ("国家电网", "State Grid"), ("南方电网", "China Southern Power Grid"), ("中国移动", "China Mobile"),
        ("国家发展改革委", "National Development and Reform Commission"), ("国家发改委", "National Development and Reform Commission"),
        ("发改委", "Development and Reform Commission"), ("中国人民银行", "People's Bank of China"),
        ("人民银行", "People's Bank of China"), ("央行", "central bank"),
        ("银保监会", "China Banking and Insurance Regulatory Commission"), ("证监会", "China Securities Regulatory Commission"),
        ("商务部", "Ministry of Commerce"), ("工信部", "Ministry of Industry and Information Technology"),
        ("国家统计局", "National Bureau of Statistics"), ("国资委", "State-owned Assets Supervision and Administration Commission"),
        ("人民日报", "People's Daily"), ("新华社", "Xinhua"), ("澎湃新闻", "The Paper"), ("新京报", "The Beijing News"),
        ("中国青年报", "China Youth Daily"), ("中国日报", "China Daily"), ("中央电视台", "CCTV"), ("央视", "CCTV"),
        ("中新社", "China News Service"), ("中新网", "China News Service"),
        ("21世纪经济报道", "21st Century Business Herald"), ("经济日报", "Economic Daily"), ("证券时报", "Securities Times"),
    ],
    ids=lambda v: v if HAN.search(v) else None,
)  # fmt: skip
def test_the_glossary_holds_each_form_as_an_organisation(glossary, zh, en):
    term = glossary.get(zh)
    assert (term.en, term.kind) == (en, "org")


@pytest.mark.parametrize(
    "text, problem",
    [
        ('[[org]]\nzh = ["中海油"]\nen = "CNOOC"\n', "source must be a non-empty string"),
        ('[[org]]\nzh = []\nen = "CNOOC"\nsource = "x"\n', "zh must be a non-empty list"),
        ('[[org]]\nzh = "中海油"\nen = "CNOOC"\nsource = "x"\n', "zh must be a non-empty list"),
        ('[[org]]\nzh = ["中海油"]\nen = " "\nsource = "x"\n', "en must be a non-empty string"),
        ('[[org]]\nzh = ["中海油"]\nen = "CNOOC"\nsource = "x"\nnote = "y"\n', "give zh"),
        ('[[org]]\nzh = ["中海油"]\nen = "A"\nsource = "x"\n[[org]]\nzh = ["中海油"]\nen = "B"\nsource = "y"\n', "listed twice"),
        ('[place]\n"朝阳" = "Chaoyang"\n', "[[org]] tables"),
        ("[[org]\n", "not valid TOML"),
    ],
    ids=["no-source", "no-forms", "forms-not-a-list", "blank-english", "unknown-key", "form-twice", "wrong-table", "syntax"],
)
def test_a_bad_table_says_what_is_wrong(text, problem):
    with pytest.raises(BriefsError, match=regex.escape(problem)):
        parse_organisations(text, "table")


# --- found where they stand, not inside other words ------------------------------------

@pytest.mark.parametrize(
    "text, found",
    [
        ("中国海油表示", ["中国海油"]),
        ("与国能、国电等企业", ["国能", "国电"]),
        ("保全国电网安全", []),  # 全国 + 电网, not 国电
        ("我国能源安全", []),  # 我国 + 能源, not 国能
        ("中央行动", []),  # 中央 + 行动, not 央行
        ("据央行消息", ["央行"]),
        ("商务部会同有关部门", ["商务部"]),
        ("县商务部门", ["县"]),  # commerce departments, not the ministry
        ("科技部署", []),
        ("中国石油化工集团公司", ["中国石油化工集团公司"]),  # Sinopec, not PetroChina + 化工
        ("中国石油大学", ["中国石油大学"]),
    ],
    ids=["name", "two-short-names", "nation-then-grid", "our-country-then-energy", "centre-then-action",
         "central-bank", "ministry", "departments", "deploy", "longest-form-wins", "university"],
)  # fmt: skip
def test_a_short_name_is_found_only_where_it_stands(glossary, text, found):
    assert [text[a:b] for a, b, _ in glossary.find(text)] == found


# --- the gloss and the brief -----------------------------------------------------------

@pytest.mark.parametrize(
    "zh, expected",
    [
        ("中国海油表示", "CNOOC said"),
        ("澎湃新闻报道", "The Paper reported"),
        ("据新京报报道", "The Beijing News"),
        ("国家发改委", "National Development and Reform Commission"),
        ("《人民日报》", '"People\'s Daily"'),
        ("新华社", "Xinhua"),
    ],
    ids=["company", "news-site", "paper", "commission", "paper-in-title-marks", "agency"],
)
def test_the_gloss_names_organisations_in_english(gloss, zh, expected):
    (english,) = gloss.translate([zh])
    assert expected in english


class Literal:
    """A model that renders 澎湃新闻 word for word, as an engine without the name would."""

    identity = "engine:literal"

    def translate(self, sentences):
        return ["Surging news net" if s == "澎湃新闻" else "The gas field set a record." for s in sentences]


@pytest.mark.parametrize("translator", [GlossTranslator(), Literal()], ids=["gloss", "model"])
def test_the_header_names_the_publication_by_the_table(translator):
    doc = parse_web(page("深海一号大气田产量创新高", "来源：澎湃新闻", "深海一号大气田今年产气量创新高。"), "page.txt")
    info = EngineInfo("engine:test", "engine:extractive", "test", "extractive")
    brief = brief_article(doc, 0, Tools(translator, ExtractiveSummarizer(), Glossary.default(), info, None))
    assert (brief.publication_zh, brief.publication_en) == ("澎湃新闻", "The Paper")
