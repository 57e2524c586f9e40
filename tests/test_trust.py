"""Briefs a reader can trust at a glance, checked on every seed article (gloss engine, offline)."""

from __future__ import annotations

from pathlib import Path

import pytest

import briefs
from briefs.figures.salience import MONEY_UNITS

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))


@pytest.fixture(scope="module")
def seed_briefs(tmp_path_factory, cache_with_dictionary):
    mp = pytest.MonkeyPatch()
    mp.setenv("BRIEFS_CACHE_DIR", str(cache_with_dictionary(tmp_path_factory.mktemp("cache"))))
    config = briefs.apply_overrides(briefs.load_config(), {"translator.engine": "gloss"})
    briefer = briefs.Briefer(config, warn=lambda line: None)
    made = [(b, briefs.render_markdown(b)) for path in SEEDS for b in briefer.brief(briefs.read(path))]
    mp.undo()
    return made


def key_table(markdown: str) -> str:
    return markdown.split("## Key figures")[1].split("<details>")[0] if "## Key figures" in markdown else ""


def test_the_key_figures_table_holds_the_articles_largest_money_figure(seed_briefs):
    checked = 0
    for brief, markdown in seed_briefs:
        money = [f for f in brief.figures if f.unit in MONEY_UNITS]
        if money:
            largest = max(money, key=lambda f: f.value)
            assert f"| {largest.english} |" in key_table(markdown), (brief.source_file, brief.article_index)
            checked += 1
    assert checked >= 8


def test_every_figure_of_the_article_is_in_the_markdown(seed_briefs):
    for brief, markdown in seed_briefs:
        for figure in brief.figures:
            assert f"| {figure.english} | {figure.source} |" in markdown or f"| {figure.english} |" in key_table(markdown)


def test_no_year_date_or_ordinal_is_a_key_figure(seed_briefs):
    assert all(f.kind in ("quantity", "percent", "count") for brief, _ in seed_briefs for f in brief.figures)


def test_an_article_without_a_headline_gets_a_title_from_its_lead_marked_as_such(seed_briefs):
    untitled = [(b, md) for b, md in seed_briefs if b.source_file.endswith("002_905d623c25074e70.txt")]
    [(brief, markdown)] = untitled
    assert brief.title_source == "lead" and brief.title_zh == "今年以来" and brief.title_en
    assert markdown.startswith(f"# {brief.title_en}\n") and "(untitled article)" not in markdown
    assert "no headline" in markdown
    assert all(b.title_en for b, _ in seed_briefs)


def test_dates_are_iso_with_their_source_and_said_in_words(seed_briefs):
    dated = [(b, md) for b, md in seed_briefs if b.date]
    assert dated and all(b.date_source in ("meta", "dateline", "file") for b, _ in dated)
    brief, markdown = dated[0]
    assert brief.date == "2023-12-06" and "| Date | 6 December 2023 |" in markdown


def test_an_epaper_article_takes_its_day_from_the_dateline_and_its_year_from_the_file(tmp_path):
    page = tmp_path / "paper-20191010-03.txt"
    page.write_text("\n全县经济稳中有进\n\n\u3000\u3000本报太原10月9日电 今年以来，全县新开工项目42个，完成投资58.6亿元。\n"
                    "\u3000\u3000园区新增规模以上企业12家。\n", encoding="utf-8")  # fmt: skip
    config = briefs.apply_overrides(briefs.load_config(), {"translator.engine": "gloss"})
    [brief] = briefs.Briefer(config, warn=lambda line: None).brief(briefs.read(page))
    assert (brief.date, brief.date_source) == ("2019-10-09", "dateline")
    assert briefs.render_sidecar(brief)["date"] == "2019-10-09"
