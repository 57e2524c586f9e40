"""Glossary: the fixed English of the genre's terms, found in Chinese and held in English; names romanized."""

from __future__ import annotations

import pytest

from briefs.errors import BriefsError
from briefs.glossary.terms import KINDS, Glossary, GlossaryTerm, romanize


@pytest.fixture(scope="module")
def glossary():
    return Glossary.default()


@pytest.mark.parametrize(
    "zh,en,kind",
    [
        ("喀喇沁左翼蒙古族自治县", "Harqin Left Mongol Autonomous County", "place"),
        ("朝阳", "Chaoyang", "place"),
        ("喀左", "Kazuo", "place"),
        ("龙城区", "Longcheng District", "place"),
        ("县", "county", "unit"),
        ("区", "district", "unit"),
        ("镇", "town", "unit"),
        ("街道", "subdistrict", "unit"),
        ("开发区", "development zone", "unit"),
        ("管委会", "administrative committee", "org"),
        ("招商引资", "investment promotion", "policy"),
        ("营商环境", "business environment", "policy"),
        ("规模以上企业", "enterprises above designated size", "policy"),
        ("专精特新", "specialized, refined, distinctive and innovative", "policy"),
        ("放管服", "streamlining administration, delegating power, improving regulation and upgrading services", "policy"),
        ("一网通办", "one-stop online government services", "policy"),
        ("董事长", "chairman", "title"),
    ],
    ids=lambda v: v if len(v) < 12 else None,
)
def test_the_default_glossary_has_the_genre_terms(glossary, zh, en, kind):
    term = glossary.get(zh)
    assert (term.en, term.kind) == (en, kind)


def test_every_kind_is_used_and_every_term_has_english(glossary):
    assert {t.kind for t in glossary.terms} == set(KINDS)
    assert all(t.en.strip() and t.zh.strip() for t in glossary.terms)
    assert len(glossary) >= 150


@pytest.mark.parametrize(
    "text,found",
    [
        ("喀喇沁左翼蒙古族自治县召开推进会", ["喀喇沁左翼蒙古族自治县"]),
        ("朝阳柳城经济开发区党工委副书记、管委会常务副主任", ["朝阳柳城经济开发区", "党工委", "副书记", "管委会", "常务副主任"]),
        ("喀左县把招商引资作为头等任务", ["喀左县", "招商引资"]),
        ("园区建设", ["园区"]),  # not 园 + 区 "district"
        ("区财政对企业改造升级", ["区"]),  # 区 as a word of its own
        ("朝阳县委、县政府", ["朝阳县委", "县政府"]),
        ("全区上下", []),  # 区 inside a word is not the unit
        ("全县上下", []),
        ("", []),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_find_takes_the_longest_terms_left_to_right(glossary, text, found):
    matches = glossary.find(text)
    assert [text[a:b] for a, b, _ in matches] == found
    assert [t.zh for _, _, t in matches] == found
    assert all(a.__getitem__(1) <= b[0] for a, b in zip(matches, matches[1:]))


ZH = "喀喇沁左翼蒙古族自治县召开乡村振兴工作推进会。"
RIGHT = "Harqin Left Mongol Autonomous County held a meeting on rural revitalization."


@pytest.mark.parametrize(
    "zh,en,enforced,repairs",
    [
        (ZH, RIGHT, RIGHT, 0),
        (ZH, RIGHT.lower(), RIGHT.lower(), 0),
        (ZH, "喀喇沁左翼蒙古族自治县 held a meeting on rural revitalization.", RIGHT, 1),
        (ZH, "Karaqin Left Wing Mongolian Autonomous County held a meeting on rural revitalization.", RIGHT, 1),
        (ZH, "The Kharazin Left Flank Mongol Autonomous County held a meeting on rural revitalization.",
         "The Harqin Left Mongol Autonomous County held a meeting on rural revitalization.", 1),
        (ZH, "The county held a meeting on rural revitalization.",
         "The county held a meeting on rural revitalization [Harqin Left Mongol Autonomous County].", 1),
        ("朝阳市招商引资", "Zhaoyang City attracting merchants and investment", "Chaoyang City investment promotion", 2),
        ("利州街道", "Li Zhou Subdistrict", "Lizhou Subdistrict", 1),
        ("喀左县营商环境好", "Camping environment in Kazakh County is good.", "Business environment in Kazuo County is good.", 2),
        ("优化营商环境", "improve the business climate", "improve the business climate", 0),
        ("管委会", "the management committee", "the administrative committee", 1),
        ("规模以上企业57家", "57 enterprises above the designated size", "57 enterprises above the designated size", 0),
        ("县", "the county", "the county", 0),
    ],
    ids=[
        "right", "any-case", "left-in-chinese", "known-wrong", "same-unit-name", "dropped-place",
        "pinyin-and-wrong", "spaced-pinyin", "sentence-start-case", "policy-paraphrase-kept",
        "wrong-title", "articles-ignored", "unit-word",
    ],
)
def test_enforce(glossary, zh, en, enforced, repairs):
    assert glossary.enforce(zh, en) == (enforced, repairs)


def test_two_unknown_counties_are_glossed_not_guessed(glossary):
    zh = "朝阳县和喀左县"
    en = "Zhaoyong County and Kazakhy County"
    fixed, repairs = glossary.enforce(zh, en)
    # Two unknown "… County" names and two places: which is which is not known, so both are glossed.
    assert fixed == "Zhaoyong County and Kazakhy County [Chaoyang County] [Kazuo County]"
    assert repairs == 2


def write(tmp_path, text: str, name: str = "mine.toml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_user_file_extends_and_overrides_the_default(tmp_path):
    path = write(tmp_path, '[place]\n"凌源" = "Lingyuan"\n[policy]\n"营商环境" = "business climate"\n')
    mine = Glossary.load([path])
    assert mine.get("凌源").en == "Lingyuan"
    assert mine.get("营商环境").en == "business climate"
    assert mine.get("朝阳").en == "Chaoyang"
    assert mine.identity != Glossary.default().identity


def test_a_user_file_can_replace_the_default(tmp_path):
    path = write(tmp_path, '[org]\n"韩伟集团" = { en = "Hanwei Group", wrong = ["Korean Wei Group"] }\n')
    mine = Glossary.load([path], include_default=False)
    assert [t.zh for t in mine.terms] == ["韩伟集团"]
    assert mine.enforce("韩伟集团", "the Korean Wei Group") == ("the Hanwei Group", 1)
    assert mine.find("朝阳") == []


def test_identity_is_short_and_stable():
    assert Glossary.default().identity == Glossary.load().identity
    assert len(Glossary.default().identity) == 12
    assert Glossary([GlossaryTerm("甲", "a", "term")]).identity != Glossary([GlossaryTerm("甲", "b", "term")]).identity


@pytest.mark.parametrize(
    "text,problem",
    [
        ('[place\n"朝阳" = "Chaoyang"', "not valid TOML"),
        ('[places]\n"朝阳" = "Chaoyang"', "unknown section [places]"),
        ('[place]\n"朝阳" = 3', "give a string"),
        ('[place]\n"朝阳" = { en = "" }', "non-empty string"),
        ('[place]\n"朝阳" = { en = "Chaoyang", wrong = "Zhaoyang" }', '"wrong" must be a list'),
        ('[place]\n"朝阳" = { en = "Chaoyang", note = "x" }', "give a string"),
    ],
    ids=["syntax", "section", "value", "empty-english", "wrong-not-list", "unknown-key"],
)
def test_a_bad_file_names_itself_and_the_problem(tmp_path, text, problem):
    path = write(tmp_path, text)
    with pytest.raises(BriefsError) as err:
        Glossary.load([path])
    assert str(path) in str(err.value) and problem in str(err.value)


def test_a_missing_file_says_what_to_fix(tmp_path):
    with pytest.raises(BriefsError, match="no such file; fix glossary.files"):
        Glossary.load([tmp_path / "nope.toml"])


@pytest.mark.parametrize(
    "name,kind,english",
    [
        ("韩建初", None, "Han Jianchu"),
        ("喀左", None, "Kazuo"),
        ("王海涛", None, "Wang Haitao"),
        ("仇一军", None, "Qiu Yijun"),  # the surname reading, not chou
        ("欧阳修", None, "Ouyang Xiu"),
        ("万俟卨", None, "Moqi Xie"),  # a compound surname, with its name reading
        ("傅建初", None, "Fu Jianchu"),
        ("华锐", None, "Huarui"),  # 华 leads firms' names as often as people's: not guessed a person
        ("华锐", "person", "Hua Rui"),
        ("老舍庙镇", None, "Laoshemiao Town"),
        ("利州街道", None, "Lizhou Subdistrict"),
        ("喀喇沁左翼蒙古族自治县", None, "Kalaqinzuoyimengguzu Autonomous County"),
        ("西安", "place", "Xi'an"),
        ("吕梁", "place", "Lüliang"),
        ("吕梁", "person", "Lü Liang"),
        ("", None, ""),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_romanize(name, kind, english):
    assert romanize(name, kind) == english


def test_chinese_left_in_the_output_is_replaced_only_where_the_term_is_a_word():
    glossary = Glossary.default()
    zh = "辐射25个行政村,实施乡村振兴示范工程。"
    en, repairs = glossary.enforce(zh, "辐射25个行政村,实施乡村振兴示范工程。")
    assert "乡village" not in en and "农village" not in en
    assert repairs >= 1
