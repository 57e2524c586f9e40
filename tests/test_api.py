"""The Python API, as the README shows it: the same brief a batch run writes, without the CLI."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from briefs.cli import app

ROOT = Path(__file__).resolve().parent.parent


def readme_example() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Python API", 1)[1]
    return re.search(r"```python\n(.*?)```", section, re.S).group(1)


def test_the_readme_example_prints_the_brief_briefs_run_writes(tmp_path, monkeypatch, cache_with_dictionary):
    env = {**os.environ, "BRIEFS_CACHE_DIR": str(cache_with_dictionary(tmp_path / "cache")), "OMP_NUM_THREADS": "1"}
    printed = subprocess.run(
        [sys.executable, "-c", readme_example()], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert printed.returncode == 0, printed.stderr
    (tmp_path / "briefs.toml").write_text('[translator]\nengine = "gloss"\n')
    monkeypatch.chdir(ROOT)  # the brief names its source as given: the same relative path
    result = CliRunner().invoke(
        app, ["run", "seeds/002_905d623c25074e70.txt", "--out", str(tmp_path / "out"),
              "--config", str(tmp_path / "briefs.toml"), "--quiet"],
        env={"BRIEFS_CACHE_DIR": str(tmp_path / "cache")},
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    [written] = sorted((tmp_path / "out").glob("002_*-01-*.md"))
    assert printed.stdout == written.read_text(encoding="utf-8")
    assert printed.stdout.startswith("# ")


def test_importing_briefs_loads_no_model_code():
    code = "import briefs, sys; briefs.Briefer; briefs.read; print('torch' in sys.modules, 'transformers' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "False"]


def test_an_unknown_name_is_an_attribute_error():
    import briefs

    try:
        briefs.no_such_thing  # noqa: B018
    except AttributeError as err:
        assert "no_such_thing" in str(err)
    else:
        raise AssertionError("briefs.no_such_thing should not exist")


def test_briefs_read_reads_a_page_whichever_way_the_name_was_bound():
    """``briefs.read`` is the API's function and the name of the readers' folder; importing a reader first
    binds the name to the folder, and the call must still read the page."""
    code = ("import briefs.read.pdf, briefs; doc = briefs.read('seeds/002_905d623c25074e70.txt'); "
            "from briefs import api; print(len(doc.articles), len(api.read('seeds/002_905d623c25074e70.txt').articles))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["1", "1"]
