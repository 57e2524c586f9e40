"""How a brief reads: Markdown for people, a sidecar for programs, an index for the folder."""

from __future__ import annotations

import dataclasses
import json

from briefs.brief import BilingualLine, Brief, Counts, EngineInfo, KeyFigure, SectionBrief
from briefs.render.markdown import brief_markdown, brief_sidecar, identity_fields, table_figures
from briefs.render.run_wide import Index, IndexRow, index_markdown
from briefs.run.names import brief_stem, slug

ENGINES = EngineInfo(
    translator="engine:marian|model:opus-mt-zh-en@abc123|beams:4|int8:no|v:0.1",
    summarizer="engine:extractive|v:0.1",
    translator_engine="marian",
    summarizer_engine="extractive",
)


def make_brief(**changes) -> Brief:
    brief = Brief(
        source_file="seeds/000_3550f0e559f805fd.txt",
        article_index=1,
        article_count=7,
        title_zh="喀左经济开发区跻身“全省十佳”",
        title_en="Harqin Left Economic Development Zone among the province's top ten",
        kicker_zh=None,
        kicker_en=None,
        subtitle_zh=None,
        subtitle_en=None,
        date="2023-12-06",
        publication_zh="辽宁日报",
        publication_en="Liaoning Daily",
        summary=(BilingualLine("共签约落地项目21个,协议投资额28.72亿元。", "21 projects were signed, with 2.872 billion yuan of agreed investment.", 3),),
        sections=(SectionBrief("核心提示", "Key points", (BilingualLine("一季度签约项目9个。", "Nine projects were signed in the first quarter.", 0),)),),
        figures=(KeyFigure("28.72亿元", 2872000000, "yuan", "2.872 billion yuan", "quantity", "协议投资额", "agreed investment", "共签约落地项目21个,协议投资额28.72亿元。", "21 projects …"),),
        full=(),
        engines=ENGINES,
        counts=Counts(figure_repairs=1),
    )
    return dataclasses.replace(brief, **changes)


def test_file_names_are_stable_readable_and_numbered():
    brief = make_brief()
    assert brief_stem("000_3550f0e559f805fd", 1, brief.title_en) == "000_3550f0e559f805fd-01-harqin-left-economic-development-zone-among-the-province"
    assert brief_stem("000_3550f0e559f805fd", 12, None) == "000_3550f0e559f805fd-12-untitled"
    assert slug("“全省十佳”") == "untitled"


def test_markdown_leads_with_the_english_title_and_traces_to_the_page():
    md = brief_markdown(make_brief())
    assert md.startswith("# Harqin Left Economic Development Zone among the province's top ten\n")
    assert "| Chinese title | 喀左经济开发区跻身“全省十佳” |" in md
    assert "| Source | `seeds/000_3550f0e559f805fd.txt`, article 1 of 7 |" in md
    assert "| Publication | Liaoning Daily (辽宁日报) |" in md
    assert "- 21 projects were signed, with 2.872 billion yuan of agreed investment." in md
    assert "| 2.872 billion yuan | agreed investment | 28.72亿元 · 协议投资额 |" in md
    assert "### Key points · 核心提示" in md
    assert "Figures: 1 repaired, 0 flagged" in md


def test_gloss_output_says_it_is_not_a_translation():
    gloss = dataclasses.replace(ENGINES, translator_engine="gloss", notes=("model Helsinki-NLP/opus-mt-zh-en is not available; used gloss",))
    md = brief_markdown(make_brief(engines=gloss))
    assert "> **Note:** model Helsinki-NLP/opus-mt-zh-en is not available; used gloss" in md
    assert "word-by-word dictionary gloss, not a translation" in md


def test_guard_fallback_lines_carry_a_dagger_and_a_footnote():
    line = BilingualLine("一季度签约项目9个。", "first quarter sign project 9", 0, fallback=True)
    md = brief_markdown(make_brief(summary=(line,), counts=Counts(guard_fallbacks=1)))
    assert "- first quarter sign project 9†" in md
    assert "† The model's output for this sentence failed the quality guard" in md


def test_unplaced_figures_are_shown_beside_the_sentence():
    line = BilingualLine("协议投资额28.72亿元。", "The agreed investment was large.", 0, flagged=("2.872 billion yuan",))
    assert "- The agreed investment was large. [figures: 2.872 billion yuan]" in brief_markdown(make_brief(summary=(line,)))


def test_bilingual_shows_each_paragraph_in_both_languages():
    full = (BilingualLine("第一段。", "First paragraph.", 0), BilingualLine("第二段。", "Second paragraph.", 1))
    md = brief_markdown(make_brief(full=full), bilingual=True)
    assert "## Chinese and English\n\n> 第一段。\n\nFirst paragraph.\n\n> 第二段。\n\nSecond paragraph." in md
    assert "## Full text\n\nFirst paragraph.\n\nSecond paragraph." in brief_markdown(make_brief(full=full))


def test_markdown_is_the_same_every_time_and_has_no_clock():
    assert brief_markdown(make_brief()) == brief_markdown(make_brief())
    assert "generated" not in brief_markdown(make_brief()).lower()


def test_table_cells_escape_pipes():
    md = brief_markdown(make_brief(title_zh="甲|乙"))
    assert "| Chinese title | 甲\\|乙 |" in md


def test_sidecar_has_the_documented_keys():
    sidecar = brief_sidecar(make_brief(), generated_at="2026-11-23T00:00:00Z")
    for key in ("source_file", "article_index", "title_zh", "title_en", "summary", "sections", "figures", "engines", "warnings", "generated_at"):
        assert key in sidecar
    assert sidecar["summary"][0].keys() >= {"zh", "en", "paragraph"}
    assert sidecar["figures"][0].keys() >= {"source", "value", "unit", "english", "measures_zh", "measures_en", "sentence"}
    assert sidecar["figure_sentences"][sidecar["figures"][0]["sentence"]] == {"zh": "共签约落地项目21个,协议投资额28.72亿元。", "en": "21 projects …"}
    assert sidecar["engines"]["translator"]["model"] == "opus-mt-zh-en@abc123"
    assert sidecar["engines"]["fallback_used"] is False
    assert sidecar["figure_repairs"] == 1 and sidecar["guard_fallbacks"] == 0


def test_identity_signature_fields():
    assert identity_fields("engine:gloss|dict:cedict@1a2b|v:0.1") == {"engine": "gloss", "dict": "cedict@1a2b", "v": "0.1"}


def row(name: str, brief: Brief) -> IndexRow:
    """The index's row of a brief, read from its sidecar as the run reads it from the folder."""
    return IndexRow.of(name, json.loads(json.dumps(brief_sidecar(brief, generated_at=""))))


def test_index_is_ordered_by_source_then_date_then_article_whatever_the_write_order():
    second = make_brief(article_index=2, title_en="Second", date="2019-10-08")
    first = make_brief(article_index=1, title_en="First", warnings=("x",), date="2019-10-09")
    other = make_brief(article_index=1, title_en="Other page", source_file="seeds/001.txt", date=None)
    index = index_markdown([row("b.md", second), row("a.md", first), row("c.md", other)])
    rows = [l for l in index.splitlines() if l.startswith("| [")]
    assert [r.split(" | ")[:2] + r.split(" | ")[3:4] for r in rows] == [
        ["| [Second](<b.md>)", "8 October 2019", "`000_3550f0e559f805fd.txt` #2"],
        ["| [First](<a.md>)", "9 October 2019", "`000_3550f0e559f805fd.txt` #1"],
        ["| [Other page](<c.md>)", "", "`001.txt` #1"],
    ]
    assert [r.rsplit(" | ", 1)[1] for r in rows] == ["0 |", "1 |", "0 |"]  # warnings


def test_an_index_row_gives_the_publication_the_gist_and_the_top_key_figure():
    brief = make_brief(title_en="First")
    (line,) = [l for l in index_markdown([row("a.md", brief)]).splitlines() if l.startswith("| [")]
    cells = line.split(" | ")
    assert cells[2] == f"{brief.publication_en} ({brief.publication_zh})"
    assert cells[4] == brief.summary[0].en and cells[5] == f"{table_figures(brief.figures)[0].english} ({table_figures(brief.figures)[0].measures_en})"


def test_a_long_gist_is_cut_at_a_word_boundary():
    from briefs.render.run_wide import gist

    point = " ".join(f"word{n}" for n in range(40))
    assert gist(point) == " ".join(f"word{n}" for n in range(30)) + " …" and gist("Short point.") == "Short point."


def test_the_index_is_built_from_the_sidecars_it_is_given_not_from_the_briefs_of_the_run():
    index = Index()
    index.add(0, "ignored.md", make_brief(title_en="Written this run"))
    earlier = brief_sidecar(make_brief(title_en="Written by an earlier run"), generated_at="")
    text = index.finish([("earlier.md", earlier)])
    assert "[Written by an earlier run](<earlier.md>)" in text and "ignored.md" not in text and "1 briefs." in text


def test_a_sidecar_missing_fields_or_holding_odd_types_still_gives_a_row():
    assert IndexRow.of("x.md", {"source_file": "p.txt", "article_index": "1", "title_en": 5, "figures": None, "summary": [3]}) == IndexRow(
        "x.md", None, None, "p.txt", 0, None, None, None, 0
    )


def figure(english: str, kind: str, value: float, measures: str = "项目", unit: str | None = None, prominent: bool = False) -> KeyFigure:
    return KeyFigure("x", value, unit, english, kind, measures, measures and "projects", "句。", "Sentence.", "x句", prominent)


def table(md: str) -> list[str]:
    rows = md.split("## Key figures")[1].split("\n\n")[1]
    return [row.split(" | ")[0].lstrip("| ") for row in rows.splitlines()[2:]]


def test_key_figures_rank_money_by_size_then_rates_then_counts_then_quantities_once_each():
    figures = (figure("3", "count", 3), figure("800 tonnes", "quantity", 800, unit="tonnes"),
               figure("1.2 billion yuan", "quantity", 1.2e9, unit="yuan"), figure("6.2%", "percent", 6.2, unit="%"),
               figure("21", "count", 21), figure("15.147 billion yuan", "quantity", 1.5147e10, unit="yuan"),
               figure("21", "count", 21))  # fmt: skip
    assert table(brief_markdown(make_brief(figures=figures))) == [
        "15.147 billion yuan", "1.2 billion yuan", "6.2%", "21", "3", "800 tonnes"
    ]


def test_the_lead_counts_double_within_a_tier():
    figures = (figure("100 million yuan", "quantity", 1e8, unit="yuan"),
               figure("60 million yuan", "quantity", 6e7, unit="yuan", prominent=True),
               figure("40 million yuan", "quantity", 4e7, unit="yuan", prominent=True))  # fmt: skip
    assert table(brief_markdown(make_brief(figures=figures))) == ["60 million yuan", "100 million yuan", "40 million yuan"]


def test_the_table_shows_ten_and_every_figure_is_in_a_collapsed_block_below():
    figures = tuple(figure(f"{n} million yuan", "quantity", n * 1e6, unit="yuan") for n in range(1, 15))
    md = brief_markdown(make_brief(figures=figures))
    assert len(table(md)) == 10 and table(md)[0] == "14 million yuan"
    details = md.split("<details>")[1].split("</details>")[0]
    assert "Every figure of the article (14)" in details
    assert all(f"| {n} million yuan | x | x句 |" in details for n in range(1, 15))


def long_sentence_brief(n: int) -> tuple[Brief, int]:
    """An article of one sentence holding ``n`` figures, summarized and given in full; and its text's bytes."""
    zh = "，".join(f"第{i}个项目投资{i}.5亿元" for i in range(n)) + "。"
    en = ", ".join(f"project {i} invested {i * 100 + 50} million yuan" for i in range(n)) + "."
    figures = tuple(KeyFigure(f"{i}.5亿元", i * 100_000_000 + 50_000_000, "yuan", f"{i * 100 + 50} million yuan", "quantity",
                              f"第{i}个项目投资", "project investment", zh, en) for i in range(n))  # fmt: skip
    line = BilingualLine(zh, en, 0)
    return make_brief(summary=(line,), figures=figures, full=(line,)), len(zh.encode()) + len(en.encode())


def sidecar_bytes(brief: Brief) -> int:
    """Written as `briefs run` writes it."""
    return len(json.dumps(brief_sidecar(brief, generated_at=""), ensure_ascii=False, indent=2).encode())


def test_a_long_sentence_with_many_figures_is_stored_once_so_sidecars_grow_linearly():
    (small, small_text), (large, large_text) = long_sentence_brief(100), long_sentence_brief(400)
    # Each figure's own fields cost a few times its words in the sentence; a copy of the sentence each would cost n times.
    assert sidecar_bytes(large) < 10 * large_text
    assert sidecar_bytes(large) / sidecar_bytes(small) < 1.2 * large_text / small_text
    sidecar = brief_sidecar(large, generated_at="")
    assert len(sidecar["figure_sentences"]) == 1
    for figure in sidecar["figures"]:
        sentence = sidecar["figure_sentences"][figure["sentence"]]
        assert figure["source"] in sentence["zh"] and figure["english"] in sentence["en"]


def test_figures_of_different_sentences_point_to_their_own():
    figures = (figure("3", "count", 3), figure("21", "count", 21))
    second = dataclasses.replace(figures[1], sentence_zh="另一句。", sentence_en="Another sentence.")
    sidecar = brief_sidecar(make_brief(figures=(figures[0], second, figures[0])), generated_at="")
    assert [f["sentence"] for f in sidecar["figures"]] == [0, 1, 0]
    assert sidecar["figure_sentences"] == [{"zh": "句。", "en": "Sentence."}, {"zh": "另一句。", "en": "Another sentence."}]
