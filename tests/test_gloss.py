"""The gloss engine: word-by-word English a reader can follow, offline and deterministic."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefs.gloss import lexicon
from briefs.gloss.english import join
from briefs.protocols import Translator
from briefs.registry import translator_class
from briefs.engines.gloss import GlossTranslator
from briefs.gloss.english import past_tense, plural
from briefs.gloss.glosser import Glosser
from briefs.gloss.rules import ALL_FEATURES, NO_FEATURES, GlossFeatures
from briefs.gloss.words import Segmenter

PLACE_GLOSSARY = '[place]\n"喀左" = "Kazuo"\n"朝阳市" = "Chaoyang City"\n'


@pytest.fixture(scope="module")
def cache_dir(dictionary_cache):
    return dictionary_cache


@pytest.fixture(scope="module")
def gloss(cache_dir):
    """The real engine over the real dictionary, without the built-in glossary."""
    return GlossTranslator(include_default_glossary=False, cache_dir=cache_dir)


def one(translator, sentence: str) -> str:
    (english,) = translator.translate([sentence])
    return english


# --- the engine seam -----------------------------------------------------------------

def test_registered_under_gloss_and_satisfies_the_protocol(tmp_path):
    assert translator_class("gloss") is GlossTranslator
    assert isinstance(GlossTranslator(cache_dir=tmp_path), Translator)


def test_constructing_it_reads_and_writes_nothing(tmp_path):
    GlossTranslator(cache_dir=tmp_path / "cache")
    assert not (tmp_path / "cache").exists()


def test_identity_names_dictionary_lexicon_glossary_and_version(gloss):
    parts = gloss.identity.split("|")
    assert parts[0] == "engine:gloss"
    assert parts[1].startswith("dict:cedict@") and len(parts[1]) == len("dict:cedict@") + 12
    assert parts[2] == f"lexicon:{lexicon.default().digest}"
    assert parts[3].startswith("glossary:") and parts[-1].startswith("v:")


def test_identity_changes_with_the_glossary(tmp_path, cache_dir):
    extra = tmp_path / "extra.toml"
    extra.write_text(PLACE_GLOSSARY, encoding="utf-8")
    plain = GlossTranslator(include_default_glossary=False, cache_dir=cache_dir)
    with_terms = GlossTranslator(glossary_paths=[extra], include_default_glossary=False, cache_dir=cache_dir)
    assert plain.identity != with_terms.identity


@pytest.mark.parametrize("batch", [[], [""], ["他说。", "", "我们。"]], ids=["no-sentences", "empty-sentence", "mixed"])
def test_one_english_sentence_per_input_in_order(gloss, batch):
    out = gloss.translate(batch)
    assert len(out) == len(batch)
    assert [bool(e) for e in out] == [bool(s) for s in batch]


def test_the_engine_is_the_glosser_behind_the_translator_protocol(gloss, cache_dir):
    glosser = Glosser.load(None, ALL_FEATURES, cache_dir=cache_dir)
    sentence = "近年来,开发区坚持抓招商引资,推动绿色低碳发展。"
    assert glosser.gloss(sentence) == one(gloss, sentence)


def test_deterministic_across_calls_and_instances(gloss, cache_dir):
    text = ["近年来,开发区坚持抓招商引资,推动绿色低碳发展。", "他补充道：“我们现在有糖尿病的老鼠。”"]
    again = GlossTranslator(include_default_glossary=False, cache_dir=cache_dir)
    assert gloss.translate(text) == gloss.translate(text) == again.translate(text)


# --- words and senses ------------------------------------------------------------------

@pytest.mark.parametrize(
    "zh, expected",
    [
        ("他表示", "He said"),
        ("我们在北京", "We in Beijing"),
        ("老鼠和糖尿病", "The rat and diabetes"),
        ("他们会说", "They will said"),
    ],
    ids=["news-sense-said", "preposition-in", "first-dictionary-sense", "modal-will"],
)
def test_each_word_shows_the_sense_news_uses(gloss, zh, expected):
    assert one(gloss, zh) == expected


@pytest.mark.parametrize(
    "zh, expected",
    [
        ("我们发展了经济", "We development economy"),
        ("经济的发展", "The economy development"),
        ("政府把问题解决了", "The government problem solve"),
        ("三个项目", "Three projects"),
        ("这项工作", "This work"),
        ("在会议上", "In the meeting"),
    ],
    ids=["aspect-particle", "structural-particle", "object-marker", "counted-classifier", "classifier-after-this", "frame-localizer"],
)
def test_words_english_has_no_counterpart_for_are_dropped(gloss, zh, expected):
    assert one(gloss, zh) == expected


@pytest.mark.parametrize(
    "zh, expected",
    [
        ("政府表示", "The government said"),
        ("他在医院工作", "He in the hospital work"),
        ("他表示支持", "He said support"),
        ("他在这里", "He in here"),
        ("他们在北京", "They in Beijing"),
    ],
    ids=["noun-opening-a-sentence", "noun-after-preposition", "verb-takes-none", "closed-class-takes-none", "name-takes-none"],
)
def test_nouns_get_the_article_english_needs(gloss, zh, expected):
    assert one(gloss, zh) == expected


@pytest.mark.parametrize(
    "zh, expected",
    [("召开推进会。", "Held advance the meeting."), ("他们会说。", "They will said.")],
    ids=["clause-final-noun", "modal-before-verb"],
)
def test_a_word_ending_a_clause_is_read_as_what_it_must_be_there(gloss, zh, expected):
    assert one(gloss, zh) == expected


def test_an_unknown_name_is_romanized(gloss):
    assert one(gloss, "迟晓光说") == "Chi Xiaoguang said"


@pytest.mark.parametrize(
    "zh, expected",
    [("大卫·克洛克说", "David Keluoke said"), ("埃胡德·乌尔博士", "Aihude Ur doctor")],
    ids=["dictionary-spelling-then-pinyin", "edge-word-given-back"],
)
def test_parts_of_a_dotted_foreign_name_are_names(gloss, zh, expected):
    assert one(gloss, zh) == expected


def test_a_word_the_dictionary_cannot_read_whole_is_read_by_its_parts(gloss):
    english = one(gloss, "引资工作")
    assert english == "The attracting investment the work"


# --- what English needs that Chinese does not say ---------------------------------------------

@pytest.mark.parametrize(
    "zh, expected",
    [
        ("我们的经济", "Our economy"),
        ("他们的梦想", "Their dream"),
        ("房子被摧毁了。", "The house was destroyed."),
        ("他被警察逮捕了。", "He was arrested by the police."),
        ("他们建造了一座桥。", "They built a bridge."),
        ("他们修理了汽车。", "They repaired the car."),
        ("三名记者", "Three reporters"),
        ("一些国家", "Some countries"),
        ("一个事件", "An incident"),
        ("当他到达时，我们说。", "When he arrived, we said."),
        ("萨拉·丹尼尔斯（Sara Danius）说。", "Sara Danius said."),
        ("国家安全顾问（NSA）", "The national security adviser (NSA)"),
        ("20世纪60年代，他说。", "The 1960s, he said."),
    ],
    ids=[
        "possessive-our", "possessive-their", "passive", "passive-with-agent", "past-tense-and-a",
        "past-tense-and-object-article", "plural-after-count", "plural-after-quantifier", "a-before-vowel-is-an",
        "when-frame", "original-spelling-replaces-a-transliteration", "acronym-in-brackets-stays", "decade",
    ],
)
def test_english_grammar_chinese_leaves_unsaid(gloss, zh, expected):
    assert one(gloss, zh) == expected


@pytest.mark.parametrize(
    "verb, expected",
    [("visit", "visited"), ("arrive", "arrived"), ("try", "tried"), ("play", "played"), ("stop", "stopped"),
     ("build", "built"), ("go out", "went out"), ("said", "said"), ("opened", "opened"), ("is", "is"), ("Beijing", "Beijing")],
    ids=["regular", "silent-e", "consonant-y", "vowel-y", "doubled-consonant", "irregular", "phrase",
         "already-past-irregular", "already-past-regular", "closed-class", "not-a-verb"],
)  # fmt: skip
def test_past_tense(verb, expected):
    assert past_tense(verb) == expected


@pytest.mark.parametrize(
    "noun, expected",
    [("project", "projects"), ("country", "countries"), ("box", "boxes"), ("child", "children"), ("police", "police"),
     ("experts", "experts"), ("day", "days"), ("federal lawmaker", "federal lawmakers"), ("", "")],
    ids=["regular", "consonant-y", "sibilant", "irregular", "invariant", "already-plural", "vowel-y", "last-word", "empty"],
)  # fmt: skip
def test_plural(noun, expected):
    assert plural(noun) == expected


# --- each rule can be switched off, for measuring it ----------------------------------------------

def test_all_rules_are_on_by_default_and_not_named_in_the_identity(gloss):
    assert GlossFeatures() == ALL_FEATURES and ALL_FEATURES.tag() == ""
    assert "rules:" not in gloss.identity


def test_a_rule_switched_off_changes_the_gloss_and_says_so_in_the_identity(cache_dir):
    present = GlossTranslator(include_default_glossary=False, cache_dir=cache_dir,
                              features=dataclasses.replace(ALL_FEATURES, past_tense=False))  # fmt: skip
    assert one(present, "他们修理了汽车。") == "They repair the car."
    assert "|rules:-past_tense|" in present.identity


def test_with_every_rule_off_the_gloss_is_the_naive_first_sense(cache_dir):
    naive = GlossTranslator(include_default_glossary=False, cache_dir=cache_dir, features=NO_FEATURES)
    english = one(naive, "他表示，我们的经济增长了6.2%。")
    assert english.startswith("he; him")  # CC-CEDICT's first sense, as written
    assert "，" in english and "。" in english  # punctuation left as it is


# --- English punctuation and capitals ----------------------------------------------------

@pytest.mark.parametrize(
    "zh, expected",
    [
        ("他说，我们。", "He said, we."),
        ("他说：“我们。”", 'He said: "we."'),
        ("经济（发展）", "The economy (development)"),
        ("《人民日报》", '"People\'s Daily"'),
        ("他说。我们说！", "He said. We said!"),
        ("他、她", "He, she"),
        ("WiFi 和 5G", "WiFi and 5G"),
    ],
    ids=["comma-and-stop", "colon-and-quotes", "brackets", "book-title", "capital-after-stop", "enumeration-comma", "latin-kept"],
)
def test_punctuation_becomes_english(gloss, zh, expected):
    assert one(gloss, zh) == expected


@pytest.mark.parametrize(
    "pieces, expected",
    [
        ([("a", "said"), ("，", ","), ("b", "we")], "Said, we"),
        ([("a", "development"), ("b", "development")], "Development"),
        ([("a", "he"), ("的", ""), ("b", "said")], "He said"),
        ([("a", "Nova Scotia province"), ("省", "province"), ("b", "said")], "Nova Scotia province said"),
        ([('"', '"'), ("a", "yes"), ('"', '"'), ("b", "he")], '"Yes" he'),
        ([], ""),
    ],
    ids=["attach-left", "repeat-said-once", "empty-dropped", "repeat-across-pieces-said-once", "ascii-quotes-pair", "nothing"],
)
def test_join(pieces, expected):
    assert join(pieces) == expected


def test_capitals_follow_sentence_ends_not_abbreviations():
    pieces = [("he", "he"), ("说", "said"), ("。", "."), ("“", '"'), ("we", "we"), ("。", "."), ("”", '"'),
              ("公司", "Co., Ltd."), ("and", "and"), ("？", "?"), ("yes", "yes")]
    assert join(pieces) == 'He said. "We." Co., Ltd. and? Yes'


# --- segmentation ------------------------------------------------------------------------

@pytest.mark.parametrize(
    "run, expected",
    [
        ("经济开发区", ["经济", "开发区"]),
        ("开发区", ["开发区"]),
        ("在位于", ["在", "位于"]),
        ("", []),
    ],
    ids=["fewest-words", "longest-word", "core-words-break-ties", "empty"],
)
def test_segmenter_prefers_few_long_words(run, expected):
    known = {"经济", "开发", "开发区", "区", "经", "济", "在", "位", "于", "在位", "位于"}
    segmenter = Segmenter(known, {"在": 30, "位于": 30})
    assert [w.text for w in segmenter.cut(run)] == expected


def test_segmenter_reports_unknown_names_from_lone_characters():
    known = {"说", "迟", "晓", "光"}
    segmenter = Segmenter(known, keep_single={"说"}, guess_names=lambda chunk: [chunk])
    words = segmenter.cut("迟晓光说")
    assert [(w.text, w.is_name) for w in words] == [("迟晓光", True), ("说", False)]


# --- serial names -------------------------------------------------------------------------

@pytest.mark.parametrize(
    "zh, expected",
    [
        ("“深海一号”大气田", '"Deep Sea No. 1"'),
        ("长征五号运载火箭", "Long March 5"),
        ("天宫二号", "Tiangong 2"),
        ("嫦娥四号探测器", "Chang'e 4"),
        ("神舟十号", "Shenzhou 10"),
        ("景区一号停车场", "Scenic area No. 1 parking lot"),
        ("五月一号", "May 1"),
        ("一号文件", "No. 1"),
    ],
    ids=["quoted-common-words-take-No", "rocket", "station", "number-and-classifier", "ten", "unquoted-common-words",
         "a-date-is-no-name", "no-name-before"],
)
def test_a_number_after_a_name_is_part_of_the_name(gloss, zh, expected):
    english = one(gloss, zh)
    assert english.startswith(expected)
    assert "toilet" not in english and "day of the month" not in english


# --- the core lexicon --------------------------------------------------------------------

def test_lexicon_parses_words_and_dropped_words():
    assert lexicon.parse("# note\n表示\tsaid\n了\t-\n") == {"表示": "said", "了": ""}


@pytest.mark.parametrize(
    "text", ["表示 said\n", "表示\t\n", "表示\tsaid\n表示\tstated\n"], ids=["no-tab", "no-english", "listed-twice"]
)
def test_lexicon_rejects_malformed_lines(text):
    with pytest.raises(ValueError):
        lexicon.parse(text)


def test_shipped_lexicon_covers_the_core_function_words():
    shipped = lexicon.default()
    assert shipped.gloss("表示") == "said" and shipped.gloss("在") == "in"
    assert all(shipped.gloss(w) == "" for w in "的地得了着过")
    assert shipped.gloss("不在词典里") is None


def test_the_general_lexicon_extends_the_core_without_relisting_a_word():
    core, both = lexicon.default(general=False), lexicon.default()
    assert core.english.items() <= both.english.items()
    assert core.gloss("最佳") is None and both.gloss("最佳") == "best"
    assert core.digest != both.digest


# --- figures and glossary win over dictionary words ----------------------------------------

def test_glossary_terms_win_over_dictionary_words(tmp_path, cache_dir):
    extra = tmp_path / "places.toml"
    extra.write_text(PLACE_GLOSSARY, encoding="utf-8")
    translator = GlossTranslator(glossary_paths=[extra], include_default_glossary=False, cache_dir=cache_dir)
    # Without the glossary 朝阳 is "be exposed to the sun"-like dictionary text and 喀 a cough.
    assert one(translator, "朝阳市喀左县") == "Chaoyang City Kazuo county"


@pytest.mark.parametrize(
    "zh, expected",
    [
        ("协议投资额28.72亿元。", "2.872 billion yuan"),
        ("3月23日,会议召开。", "March 23"),
        ("签约项目21个。", "21"),
    ],
    ids=["money-with-scale", "date", "count-with-classifier"],
)
def test_numbers_and_dates_read_through_figures(gloss, zh, expected):
    english = one(gloss, zh)
    assert expected in english
    assert "hundred million" not in english and "month" not in english


# --- any input ---------------------------------------------------------------------------

_ANY_TEXT = st.text(
    alphabet=st.one_of(
        st.sampled_from("的了在是和说发展经济喀左县年月日万亿元个项名第一二三十百千两"),
        st.sampled_from("，。、；：？！“”‘’（）《》—…·%.,:;!?()\"' \t0123456789"),
        st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
        st.just("𠀀"),
        st.characters(min_codepoint=0x20, max_codepoint=0x7E),
    ),
    max_size=40,
)


@settings(deadline=None)
@given(text=_ANY_TEXT)
def test_any_text_glosses_to_one_line_the_same_way_every_time(gloss, text):
    (english,) = gloss.translate([text])
    assert "\n" not in english and english == english.strip()
    assert gloss.translate([text]) == [english]
