"""The gloss never prints a dictionary note: CC-CEDICT's notes are not renderings.

A note says something about a headword ("refers to …", "see …", "variant of …",
"surname …") instead of translating it. The gloss shows a rendering when the
dictionary has one, strips a note's wording around it, and otherwise reads the
word by its characters or its sound; fixed idioms and policy phrases come from
the lexicon.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefs.engines.gloss import GlossTranslator
from briefs.gloss import lexicon
from briefs.gloss.cedict import Entry, parse_line
from briefs.gloss.senses import NOTE_WORDING, choose, rendering
from briefs.glossary.terms import Glossary
from briefs.read import read_path
from briefs.text.sentences import article_sentences

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def entry(line: str) -> Entry:
    parsed = parse_line(line)
    assert parsed is not None
    return parsed


@pytest.fixture(scope="module")
def gloss(dictionary_cache):
    """The engine as it runs: real dictionary, lexicon and built-in glossary."""
    return GlossTranslator(cache_dir=dictionary_cache)


# --- the rule: a note is no rendering ----------------------------------------------

NOTES = [
    ("refers to Deng Xiaoping's policies from around 1980", "refers-to"),
    ("see 說服|说服[shuo1 fu2]", "see"),
    ("see also 托勒密[Tuo1 le4 mi4]", "see-also"),
    ("variant of 年[nian2]", "variant-of"),
    ("old variant of 奔[ben1]", "old-variant"),
    ("erhua variant of 一點|一点[yi1 dian3]", "erhua-variant"),
    ("used in 旮旯[ga1 la2]", "used-in"),
    ("abbr. for 管理委員會|管理委员会[guan3 li3 wei3 yuan2 hui4]", "abbr-for"),
    ("abbr. of 達賴喇嘛|达赖喇嘛[Da2 lai4 La3 ma5]", "abbr-of"),
    ("surname Jia", "surname"),
    ("CL:個|个[ge4]", "classifier-list"),
    ("classifier for small spheres, pearls, corn grains, teeth", "classifier-for"),
    ("also written 抱打不平[bao4 da3 bu4 ping2]", "also-written"),
    ("Taiwan pr. [shui4]", "reading"),
    ("name of a river", "name-of"),
    ("(completed action marker)", "only-a-bracketed-note"),
    ("", "empty"),
]


@pytest.mark.parametrize("sense", [s for s, _ in NOTES], ids=[i for _, i in NOTES])
def test_a_note_is_no_rendering(sense):
    assert rendering(sense) is None


RENDERINGS = [
    ("(bound form) school; college", False, "school", "bound-form"),
    ("(literary) wise; wisdom", False, "wise", "literary"),
    ("Tasmania (Tw)", True, "Tasmania", "taiwan-usage"),
    ("Carter (name)", True, "Carter", "name"),
    ("Iwasaki (Japanese surname)", True, "Iwasaki", "japanese-surname"),
    ("dinosaur; CL:頭|头[tou2]", False, "dinosaur", "classifier-after-a-semicolon"),
    ("dream (CL:場|场[chang2],個|个[ge4])", False, "dream", "classifiers-in-brackets"),
    ("Europe (abbr. for 歐羅巴洲|欧罗巴洲[Ou1 luo2 ba1 Zhou1])", True, "Europe", "abbreviation-in-brackets"),
    ("short name for Fujian province 福建[Fu2 jian4]", True, "Fujian Province", "short-name"),
    ("classifier indicating a small amount: some, a few, several", False, "some", "classifier-then-rendering"),
    ("Leye county in Baise 百色[Bai3 se4], Guangxi", True, "Leye County", "where-a-place-is"),
    ("state of Texas", True, "Texas", "kind-of-place-first"),
    ("Louis or Lewis (name)", True, "Louis", "two-spellings"),
    ("to reform and open to the outside world", False, "reform and open to the outside world", "plain"),
]


@pytest.mark.parametrize(
    "sense, proper, expected", [r[:3] for r in RENDERINGS], ids=[r[3] for r in RENDERINGS]
)
def test_a_rendering_keeps_its_english_and_loses_the_notes_around_it(sense, proper, expected):
    assert rendering(sense, proper=proper) == expected


@pytest.mark.parametrize(
    "english, is_note",
    [
        ("Build the refers to Deng Xiaoping's policies guide district", True),
        ("Refers to the ideas", True),
        ("happy Leye county in Baise", True),
        ("a variant of the name", True),
        ("Carter (name) said", True),
        ("the surname Jia", True),
        ("If you see the film", False),
        ("Kazuo County in March held a meeting", False),
        ("the county in the city", False),
        ("", False),
    ],
    ids=["refers-to", "capitalized", "where-a-county-is", "variant", "name-label", "surname",
         "the-verb-see", "a-county-named-in-the-text", "lowercase-county-in", "empty"],
)  # fmt: skip
def test_note_wording_in_english_output(english, is_note):
    assert bool(NOTE_WORDING.search(english)) is is_note


# --- choosing: a note loses to any rendering ---------------------------------------

def test_a_note_is_never_chosen_while_a_rendering_exists():
    line = "改革開放 改革开放 [gai3 ge2 kai1 fang4] /to reform and open to the outside world/refers to Deng Xiaoping's policies from around 1980/"
    # As a noun the verb's sense used to give way to the note.
    assert choose([entry(line)], verb=False).english == "reform and open to the outside world"


def test_with_only_notes_there_is_no_sense():
    assert choose([entry("份 份 [fen4] /classifier for gifts, newspaper, reports/variant of 分[fen4]/")]) is None


def test_a_county_is_no_sense_of_a_common_word():
    leye = [entry("樂業 乐业 [Le4 ye4] /Leye county in Baise 百色[Bai3 se4], Guangxi/")]
    assert choose(leye).english == "Leye County"
    assert choose(leye, common=True) is None


# --- the engine: the issue's examples and the seeds --------------------------------

@pytest.mark.parametrize(
    "zh, expected, wrong",
    [
        ("朝阳柳城经济开发区着力打造改革开放先导区", "pilot zone for reform and opening up", "guide district"),
        ("改革开放", "Reform and opening up", "Deng Xiaoping"),
        ("喀左经济开发区跻身“全省十佳”", "top ten", "beautiful"),
        ("协议投资额28.72亿元。", "investment 2.872 billion yuan", "forehead"),
        ("以宜居乐业为切入点", "good to live and work in", "Leye"),
        ("先导区", "pilot zone", "district"),
    ],
    ids=["policy-phrase-in-a-title", "reform-and-opening-up", "top-ten", "investment", "idiom", "pilot-zone"],
)
def test_the_issues_examples_read_as_news_english(gloss, zh, expected, wrong):
    (english,) = gloss.translate([zh])
    assert expected in english
    assert wrong not in english
    assert not NOTE_WORDING.search(english)


def test_the_lexicon_and_the_glossary_hold_no_note():
    english = [*lexicon.default().english.values(), *(term.en for term in Glossary.default().terms)]
    assert [en for en in english if NOTE_WORDING.search(en)] == []


def test_with_only_notes_a_word_is_read_by_its_characters_or_dropped(gloss):
    leye, report = gloss.translate(["乐业", "这份报告"])
    assert "Leye" not in leye and leye  # the place is not this word's sense; its characters are
    assert report == "This report"  # 份 is only a classifier: English counts without one


def seed_sentences() -> list[str]:
    pages = [read_path(path) for path in sorted(SEEDS.glob("*.txt"))]
    return [s for page in pages for a in page.articles for s in article_sentences(a.title, a.paragraphs)]


def test_no_gloss_of_a_seed_sentence_holds_a_dictionary_note(gloss):
    sentences = seed_sentences()
    assert len(sentences) > 300
    noted = [(zh, en) for zh, en in zip(sentences, gloss.translate(sentences)) if NOTE_WORDING.search(en)]
    assert noted == []
