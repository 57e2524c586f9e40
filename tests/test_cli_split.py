"""`briefs split`: JSON Lines or Markdown per file; bad files skipped with one line each."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from briefs import __version__
from briefs.cli import app

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.strip() == f"briefs {__version__}"


def test_json_lines_one_object_per_file_with_the_documented_keys():
    result = runner.invoke(app, ["split", str(ROOT / "seeds"), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    objects = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(objects) == 5
    for obj in objects:
        assert {"source", "articles", "extras"} <= set(obj) <= {"source", "articles", "extras", "metadata"}
        for article in obj["articles"]:
            assert {"kicker", "title", "subtitle", "sections", "extras"} <= set(article) <= {
                "kicker", "title", "subtitle", "sections", "extras", "metadata"}
            assert all(set(s) == {"heading", "paragraphs"} for s in article["sections"])
            assert all(set(e) == {"kind", "text"} for e in article["extras"])


def test_markdown_outline_shows_titles_and_extras():
    result = runner.invoke(app, ["split", str(ROOT / "seeds" / "004_784ca2f8b721edea.txt"), "--format", "md"])
    assert result.exit_code == 0
    assert "## 4. “1+5”工程解群众“急难愁盼”" in result.stdout
    assert "- *banner*: 龙城时讯 SHIXUN" in result.stdout


def test_bad_files_are_skipped_with_one_line_each_and_exit_1(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "english.txt").write_text("No Chinese here.\n")
    good = tmp_path / "good.txt"
    good.write_text("标题在此\n\n本报讯 今年以来,全县签约项目21个。\n", encoding="gb18030")
    result = runner.invoke(app, ["split", str(tmp_path)])
    assert result.exit_code == 1
    errors = result.stderr.splitlines()
    assert len(errors) == 2
    assert any("empty.txt: empty file" in e for e in errors)
    assert any("english.txt: no Chinese text" in e for e in errors)
    assert [json.loads(line)["source"] for line in result.stdout.splitlines()] == [str(good)]


def test_missing_path_is_a_usage_error(tmp_path):
    result = runner.invoke(app, ["split", str(tmp_path / "missing")])
    assert result.exit_code == 2 and "no such file or folder" in result.stderr
    assert "Traceback" not in result.stderr


def test_reading_imports_no_model_code():
    code = "import sys, briefs.cli, briefs.read; briefs.read.read_path(sys.argv[1]); print('torch' in sys.modules, 'transformers' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code, str(ROOT / "seeds" / "000_3550f0e559f805fd.txt")], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False False"


def test_explain_says_which_layout_each_file_was_read_as(tmp_path):
    page = tmp_path / "epaper.txt"
    page.write_text("\n县域经济跑出加速度\n\u3000\u3000今年以来，全县新开工项目42个。\n\u3000\u3000园区新增企业12家。\n", encoding="utf-8")
    seed = ROOT / "seeds" / "000_3550f0e559f805fd.txt"
    result = runner.invoke(app, ["split", str(page), str(seed), "--explain"])
    assert result.exit_code == 0
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"briefs: {page}: read as epaper (") and lines[1].startswith(f"briefs: {seed}: read as seeds (")


def test_a_forced_layout_is_used_and_an_unknown_one_is_a_one_line_error(tmp_path):
    seed = ROOT / "seeds" / "000_3550f0e559f805fd.txt"
    forced = runner.invoke(app, ["split", str(seed), "--layout", "epaper", "--explain"])
    assert "read as epaper (named in the settings)" in forced.stderr
    wrong = runner.invoke(app, ["split", str(seed), "--layout", "nonsense"])
    assert wrong.exit_code == 2 and wrong.stderr == "briefs: unknown layout 'nonsense'; known layouts: auto, seeds, epaper, web\n"
