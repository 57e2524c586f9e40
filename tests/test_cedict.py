"""CC-CEDICT: every entry kept, parsed once and cached on disk; one good sense per word."""

from __future__ import annotations

import gzip
import os

import pytest

from briefs.gloss.cedict import Cedict, Entry, bundled_path, parse_line
from briefs.gloss.senses import best_sense, choose, clean, is_classifier

FIXTURE = """\
# CC-CEDICT
#! version=1
行 行 [hang2] /row/line/commercial firm/
行 行 [xing2] /to walk/to go/to travel/
說 说 [shuo1] /to speak; to say/to explain/
説 说 [shuo1] /variant of 說|说[shuo1]/
表示 表示 [biao3 shi4] /(of sb) to express; to state/expression/
北京 北京 [Bei3 jing1] /Beijing, capital of the People's Republic of China/
"""


def write_fixture(path, text=FIXTURE, compress=False):
    if compress:
        with gzip.open(path, "wt", encoding="utf-8") as fh:
            fh.write(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def entry(line: str) -> Entry:
    parsed = parse_line(line)
    assert parsed is not None
    return parsed


# --- parsing -----------------------------------------------------------------

@pytest.mark.parametrize(
    "line, expected",
    [
        ("行 行 [xing2] /to walk/to go/", Entry("行", "行", "xing2", ("to walk", "to go"))),
        ("說 说 [shuo1] /to speak; to say/", Entry("說", "说", "shuo1", ("to speak; to say",))),
        ("3C 3C [san1 C] /computers/", Entry("3C", "3C", "san1 C", ("computers",))),
        ("# a comment", None),
        ("", None),
        ("no brackets /sense/", None),
        ("行 [xing2] /one form only/", None),
    ],
    ids=["one-reading", "traditional-differs", "latin-headword", "comment", "empty", "no-pinyin", "one-form"],
)
def test_parse_line(line, expected):
    assert parse_line(line) == expected


def test_capitalized_pinyin_marks_a_proper_noun():
    assert entry("北京 北京 [Bei3 jing1] /Beijing/").proper
    assert not entry("行 行 [xing2] /to walk/").proper


@pytest.mark.parametrize("compress", [False, True], ids=["plain", "gzip"])
def test_a_headword_with_two_entries_keeps_both_in_file_order(tmp_path, compress):
    name = "cedict.txt.gz" if compress else "cedict.txt"
    cedict = Cedict.from_file(write_fixture(tmp_path / name, compress=compress))
    assert [e.pinyin for e in cedict.lookup("行")] == ["hang2", "xing2"]


def test_lookup_by_traditional_or_simplified_form(tmp_path):
    cedict = Cedict.from_file(write_fixture(tmp_path / "cedict.txt"))
    assert [e.traditional for e in cedict.lookup("说")] == ["說", "説"]
    assert [e.simplified for e in cedict.lookup("說")] == ["说"]
    assert "說" in cedict and "说" in cedict and "没有" not in cedict
    assert cedict.lookup("没有") == ()


# --- the disk cache ------------------------------------------------------------

def test_second_load_reads_the_cache_written_atomically(tmp_path):
    source = write_fixture(tmp_path / "cedict.txt")
    cache = tmp_path / "cache"
    first = Cedict.load(source, cache_dir=cache)
    written = list(cache.iterdir())
    assert len(written) == 1 and written[0].suffix == ".pickle"  # no temp file left behind
    second = Cedict.load(source, cache_dir=cache)
    assert second.lookup("行") == first.lookup("行")
    assert second.digest == first.digest and len(second) == len(first)


def test_a_changed_dictionary_is_parsed_again(tmp_path):
    source = write_fixture(tmp_path / "cedict.txt")
    cache = tmp_path / "cache"
    before = Cedict.load(source, cache_dir=cache)
    write_fixture(source, FIXTURE + "新 新 [xin1] /new/\n")
    after = Cedict.load(source, cache_dir=cache)
    assert "新" in after and "新" not in before
    assert after.digest != before.digest


def test_a_corrupt_cache_is_rebuilt(tmp_path):
    source = write_fixture(tmp_path / "cedict.txt")
    cache = tmp_path / "cache"
    Cedict.load(source, cache_dir=cache)
    (cached,) = cache.iterdir()
    cached.write_bytes(b"not a pickle")
    assert len(Cedict.load(source, cache_dir=cache).lookup("行")) == 2
    assert cached.read_bytes() != b"not a pickle"


def test_cache_dir_defaults_to_briefs_cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFS_CACHE_DIR", str(tmp_path / "env-cache"))
    Cedict.load(write_fixture(tmp_path / "cedict.txt"))
    assert len(os.listdir(tmp_path / "env-cache")) == 1


def test_the_bundled_dictionary_is_found():
    path = bundled_path()
    assert path.name.endswith(".txt.gz")
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        assert fh.readline().startswith("# CC-CEDICT")


# --- choosing a sense ------------------------------------------------------------

@pytest.mark.parametrize(
    "sense, expected",
    [
        ("(of sb) to express; to state", "express"),
        ("(bound form) up; upper", "up"),
        ("to make sb do sth", "make do"),
        ("Beijing, capital of the People's Republic of China", "Beijing"),
        ("currency unit (esp. Chinese yuan)", "currency unit"),
        ("to", "to"),
        ("(completed action marker)", ""),
    ],
    ids=["note-and-synonym", "bound-form", "placeholders", "comma-explains", "trailing-note", "bare-to", "only-a-note"],
)
def test_clean_keeps_the_english_a_gloss_shows(sense, expected):
    assert clean(sense) == expected


def test_a_proper_noun_drops_where_it_is():
    assert clean("Liaoning province in northeast China", proper=True) == "Liaoning Province"
    assert clean("one of the best", proper=False) == "one of the best"


@pytest.mark.parametrize(
    "sense, expected",
    [("Shanghai municipality", "Shanghai"), ("Nanjing subprovincial city", "Nanjing"),
     ("Jingzhou prefecture-level city", "Jingzhou"), ("Chaoyang city", "Chaoyang"), ("Mexico City", "Mexico City")],
    ids=["municipality", "subprovincial", "prefecture-level", "plain-city", "city-in-the-name"],
)  # fmt: skip
def test_a_proper_noun_drops_the_rank_of_a_city(sense, expected):
    assert clean(sense, proper=True) == expected


def test_chinese_inside_a_sense_is_a_cross_reference_and_is_dropped():
    assert clean("Book of Songs 詩經|诗经") == "Book of Songs"


@pytest.mark.parametrize(
    "verb, expected", [(None, "propose"), (True, "propose"), (False, "proposal")], ids=["unknown", "verb", "noun"]
)
def test_the_part_of_speech_picks_between_a_verbs_and_a_nouns_sense(verb, expected):
    entries = [entry("建议 建议 [jian4 yi4] /to propose/to suggest/proposal/suggestion/")]
    assert choose(entries, verb=verb).english == expected


@pytest.mark.parametrize(
    "lines, expected",
    [
        (["年 年 [Nian2] /surname Nian/", "年 年 [nian2] /year/"], "year"),
        (["秊 年 [nian2] /grain/harvest (old)/variant of 年[nian2]/", "年 年 [nian2] /year/"], "year"),
        (["說 说 [shuo1] /used in 說服/old name for X/to speak/"], "speak"),
        (["得 得 [de5] /structural particle/", "得 得 [de2] /to obtain/to get/to gain/"], "obtain"),
        (["紫砂 紫砂 [zi3 sha1] /a type of clay found in the region of Yixing/purple clay/"], "purple clay"),
        (["之 之 [zhi1] /(literary) him/her/it/"], "her"),
        (["北京 北京 [Bei3 jing1] /Beijing/"], "Beijing"),
        (["人大 人大 [Ren2 da4] /abbr. for 全國人民代表大會|全国人民代表大会[...], National People's Congress/"], "National People's Congress"),
        (["說 说 [shuo1] /Taiwan pr. [shui4]/see 說服/CL:個|个[ge4]/"], None),
    ],
    ids=[
        "surname-skipped",
        "variant-entry-last",
        "notes-skipped",
        "reading-with-more-senses",
        "short-sense-preferred",
        "rare-register-last",
        "proper-when-only",
        "abbreviation-english",
        "nothing-usable",
    ],
)
def test_best_sense(lines, expected):
    assert best_sense([entry(line) for line in lines]) == expected


def test_an_abbreviation_without_english_is_resolved_through_its_full_form():
    entries = [entry("资工 资工 [zi1 gong1] /abbr. of 資訊工程|资讯工程[zi1 xun4 gong1 cheng2]/")]
    assert best_sense(entries, resolve={"资讯工程": "information engineering"}.get) == "information engineering"
    assert best_sense(entries) is None


@pytest.mark.parametrize(
    "line, expected",
    [
        ("項 项 [xiang4] /classifier for principles, items, clauses/item/", True),
        ("個 个 [ge4] /(classifier used before a noun that has no specific classifier)/", True),
        ("企業 企业 [qi3 ye4] /company/CL:家[jia1]/", False),
    ],
    ids=["classifier-for", "parenthesized-classifier", "noun-naming-its-classifier"],
)
def test_is_classifier(line, expected):
    assert is_classifier([entry(line)]) is expected
