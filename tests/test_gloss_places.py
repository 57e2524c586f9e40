"""A place is its name: CC-CEDICT's description of where it is never reaches a brief.

The dictionary defines a place by where it is ("Zhejiang province in east
China", "Daqing prefecture-level city in Heilongjiang province", "Nanning,
capital of Guangxi"). The gloss shows the name with its proper suffix
("Zhejiang Province", "Daqing", "Kazuo County"), by the shape of the sense,
for every entry of that shape; a description that got through would be a
note, which the gloss never shows and the guard rejects.
"""

from __future__ import annotations

import pytest
import regex

from briefs.engines.gloss import GlossTranslator
from briefs.gloss.cedict import Cedict
from briefs.gloss.places import PLACE_DESCRIPTION, place_name
from briefs.gloss.senses import NOTE_WORDING, rendering


@pytest.fixture(scope="module")
def cedict(dictionary_cache):
    return Cedict.load(cache_dir=dictionary_cache)


@pytest.fixture(scope="module")
def gloss(dictionary_cache):
    return GlossTranslator(cache_dir=dictionary_cache)


SENSES = [
    ("Zhejiang province (Chekiang) in east China, abbr. 浙, capital Hangzhou 杭州", "Zhejiang Province", "province-in-east-china"),
    ("Shanxi Province (Shansi) in north China between Hebei and Shaanxi, abbr. 晉|晋[Jin4]", "Shanxi Province", "capitalized-kind"),
    ("Daqing prefecture-level city in Heilongjiang province 黑龍江|黑龙江[Hei1 long2 jiang1] in northeast China", "Daqing",
     "prefecture-level-city"),
    ("Harbin, subprovincial city and capital of Heilongjiang province", "Harbin", "subprovincial-city-and-capital"),
    ("Kunming prefecture-level city and capital of Yunnan province in southwest China", "Kunming", "city-and-capital"),
    ("Sanhe, county-level city in Langfang 廊坊[Lang2 fang2], Hebei", "Sanhe", "county-level-city"),
    ("Qitaihe, prefecture-level city, Heilongjiang province", "Qitaihe", "name-comma-province"),
    ("Shanghai municipality in southeast China, abbr. 滬|沪", "Shanghai", "municipality"),
    ("Wutai city in Shanxi", "Wutai", "plain-city"),
    ("Leye county in Baise 百色[Bai3 se4], Guangxi", "Leye County", "county-in-a-city"),
    ("Longcheng district of Chaoyang city 朝陽市|朝阳市[Chao2 yang2 shi4], Liaoning", "Longcheng District", "district-of"),
    ("Yanbian Korean Autonomous Prefecture 延邊朝鮮族自治州|延边朝鲜族自治州[Yan2 bian1] in Jilin province in northeast China",
     "Yanbian Korean Autonomous Prefecture", "autonomous-prefecture"),
    ("Guangxi Zhuang Autonomous Region 廣西壯族自治區|广西壮族自治区 in South Central China, on the border with Vietnam",
     "Guangxi Zhuang Autonomous Region", "autonomous-region"),
    ("Hoboksar Mongol autonomous county or Qobuqsar Mongghul aptonom nahiyisi in Tacheng prefecture",
     "Hoboksar Mongol Autonomous County", "another-name-after-or"),
    ("Golmud or Ge'ermu city (Tibetan: na gor mo grong khyer) in Haixi Mongol and Tibetan autonomous prefecture", "Golmud",
     "two-spellings-then-city"),
    ("Beidou or Peitou Town in Changhua County 彰化縣|彰化县[Zhang1 hua4 Xian4], Taiwan", "Beidou Town", "town"),
    ("former Ninggang county in Jiangxi, now within Jinggangshan", "Ninggang County", "former-county"),
    ("Ryanggang province province in north North Korea", "Ryanggang Province", "kind-said-twice"),
    ("Nanchang, prefecture-level city and capital of Jiangxi province 江西省 in southeast China", "Nanchang", "capital-after-comma"),
    ("Chang'an (ancient name of Xi'an 西安[Xi1 an1]) capital of China during Tang Dynasty 唐朝[Tang2 chao2]", "Chang'an",
     "capital-without-comma"),
    ("Mexico City, capital of Mexico", "Mexico City", "city-is-part-of-the-name"),
    ("Pago Pago, capital of American Samoa", "Pago Pago", "a-doubled-name-stays"),
    ("Lizhou River in Guangyuan", "Lizhou River", "not-an-administrative-place"),
    ("Nobel Prize in Literature", "Nobel Prize in Literature", "in-inside-a-name"),
    ("state of Texas", "Texas", "kind-first"),
]


@pytest.mark.parametrize("sense, expected", [s[:2] for s in SENSES], ids=[s[2] for s in SENSES])
def test_a_place_reads_as_its_name_with_its_proper_suffix(sense, expected):
    assert rendering(sense, proper=True) == expected


@pytest.mark.parametrize(
    "sense",
    [
        "in Huangnan Tibetan Autonomous Prefecture 黃南藏族自治州|黄南藏族自治州[Huang2 nan2], Qinghai",
        "prefecture level city in east Henan 河南",
        "capital of Yin",
        "historic province of Tibet in Kham region and west Sichuan",
        "former county from 1983 in Chamdo prefecture 昌都地區|昌都地区[Chang1 du1 di4 qu1], Tibet",
        "misspelling of Heze 菏澤|菏泽[He2 ze2] prefecture-level city in Shandong",
    ],
    ids=["only-where", "only-the-rank", "only-what-it-was-capital-of", "only-what-it-was", "only-a-former-kind", "misspelling"],
)
def test_a_sense_that_names_no_place_is_a_note(sense):
    assert rendering(sense, proper=True) is None


def test_place_name_reads_a_cleaned_sense():
    assert place_name("Zhejiang province in east China") == "Zhejiang Province"
    assert place_name("Beijing") == "Beijing"
    assert place_name("") == ""


# --- every place of those shapes in the dictionary ---------------------------------

_DIRECTION = r"(?:north|south|east|west|northeast|northwest|southeast|southwest|central|south central)"
# The shapes issue 25 names: "… province/city/county… in <direction> China", "capital of …",
# "prefecture-level city …", "county-level city in …", "X, Y province".
PLACE_SHAPES = regex.compile(
    rf"\b(?i:province|municipality|city|county|district|prefecture|region|banner)(?: \([^)]*\))? in {_DIRECTION} China\b"
    r"|\bcapital of\b|\b(?:prefecture|county)[- ]level city\b|\bsub-?provincial city\b"
    r"|^[^,(]+, [^,]*\b(?i:province)\b"
)
# What a description leaves in English: where in China, a capital, a city's rank, the
# dictionary's kind label after a name ("Zhejiang province"), or a comma before more.
DESCRIPTOR = regex.compile(
    rf"\bin (?:the )?(?i:{_DIRECTION}) China\b|\bcapital\b|[- ]level city\b|\bsub-?provincial\b|\bmunicipality\b"
    r"|\p{Lu}[\p{L}'’-]* (?:province|city|county|district|prefecture|banner|region)\b|,"
)


def test_no_place_in_the_dictionary_keeps_its_description(cedict):
    checked, described = 0, []
    for headword in cedict.headwords:
        for entry in cedict.lookup(headword):
            if entry.simplified != headword or not entry.proper:
                continue
            for sense in entry.senses:
                if not PLACE_SHAPES.search(sense):
                    continue
                checked += 1
                english = rendering(sense, proper=True)
                if english is not None and (DESCRIPTOR.search(english) or NOTE_WORDING.search(english)):
                    described.append((headword, sense, english))
    assert checked > 1500  # the shapes are the dictionary's, not a handful of examples
    assert described == []


# --- the wording is a note wherever it comes from ---------------------------------

@pytest.mark.parametrize(
    "english, is_note",
    [
        ("Zhejiang province in east China", True),
        ("Shanxi Province in north China between Hebei and Shaanxi", True),
        ("the Sichuan province (Szechuan) in southwest China", True),
        ("Guizhou province in south central China", True),
        ("Daqing prefecture-level city", True),
        ("Sanhe, county-level city", True),
        ("Harbin subprovincial city", True),
        ("Nanning, prefecture-level city and capital of Guangxi", True),
        ("Zhejiang Province", False),
        ("east China's Zhejiang Province", False),
        ("Daqing, a prefecture-level city in Heilongjiang", False),
        ("Nanchang, the capital of Jiangxi province", False),
        ("a city in the north", False),
        ("", False),
    ],
    ids=["province-in-east-china", "capitalized-kind", "bracketed-old-name", "south-central", "city-rank",
         "county-level-after-comma", "subprovincial", "city-and-capital", "the-name", "news-style-where",
         "described-with-an-article", "capital-in-prose", "city-in-prose", "empty"],
)  # fmt: skip
def test_a_place_description_is_note_wording(english, is_note):
    assert bool(PLACE_DESCRIPTION.search(english)) is is_note
    assert bool(NOTE_WORDING.search(english)) is is_note


# --- the engine ----------------------------------------------------------------------

@pytest.mark.parametrize(
    "zh, expected",
    [
        ("浙江省", "Zhejiang Province"),
        ("浙江", "Zhejiang Province"),
        ("黑龙江省大庆市", "Heilongjiang Province Daqing"),
        ("大庆", "Daqing"),
        ("南宁", "Nanning"),
        ("喀左县", "Kazuo County"),
    ],
    ids=["province", "province-without-its-unit", "province-and-city", "city", "capital", "glossary-county"],
)
def test_the_gloss_names_places(gloss, zh, expected):
    (english,) = gloss.translate([zh])
    assert english == expected
