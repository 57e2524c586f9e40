"""A page of one long line holding many figures gives a sidecar about the size of the page, not its square.

Reported: a 600 KB single-line page gave a 210 MB sidecar, each figure repeating its
whole sentence in Chinese and English. Now each sentence is stored once and every
figure names it by number.
"""

from __future__ import annotations

import json

from typer.testing import CliRunner

from briefs.cli import app


def test_a_single_line_page_full_of_figures_gives_a_sidecar_of_a_few_times_its_size(tmp_path, monkeypatch, cache_with_dictionary):
    monkeypatch.setenv("BRIEFS_CACHE_DIR", str(cache_with_dictionary(tmp_path / "cache")))
    inputs = tmp_path / "in"
    inputs.mkdir()
    clauses = "，".join(f"第{i}个项目投资{i + 1}.5亿元" for i in range(300))
    page = inputs / "page.txt"
    page.write_text(f"# 某县项目建设\n\n本报讯 今年以来，{clauses}。\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["run", str(inputs), "--out", str(tmp_path / "out"), "--translator", "gloss", "--quiet"])
    assert result.exit_code == 0, result.stderr
    [path] = (tmp_path / "out").glob("page-01-*.json")
    assert path.stat().st_size < 20 * page.stat().st_size
    sidecar = json.loads(path.read_text(encoding="utf-8"))
    assert len(sidecar["figures"]) >= 300 and len(sidecar["figure_sentences"]) < 5
    for figure in sidecar["figures"]:
        sentence = sidecar["figure_sentences"][figure["sentence"]]
        assert figure["source"] in sentence["zh"] and figure["english"] in sentence["en"]
