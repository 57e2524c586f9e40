"""A run you can read as a whole: figures.csv and index.md describe every brief in the output folder."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest

import briefs
from briefs.render.figures_csv import COLUMNS
from briefs.run.progress import make_progress

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """Two runs of different pages into one folder, as a user briefs one day and then the next."""
    tmp = tmp_path_factory.mktemp("whole")
    config = briefs.apply_overrides(briefs.load_config(), {"translator.engine": "gloss"})
    for day, seed in (("day1", "000_3550f0e559f805fd.txt"), ("day2", "004_784ca2f8b721edea.txt")):
        (tmp / day).mkdir()
        shutil.copy(ROOT / "seeds" / seed, tmp / day / seed)
        report = briefs.brief_files([tmp / day], tmp / "out", config, briefs.Options(), make_progress(True, False), lambda line: None)
        assert report.briefs
    return tmp / "out"


def sidecars(out: Path) -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(out.glob("*.json"))]


def test_figures_csv_holds_every_figure_of_every_sidecar_once(folder):
    with open(folder / "figures.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    expected = sorted((s["source_file"], s["article_index"], fig["source"], fig["english"]) for s in sidecars(folder) for fig in s["figures"])
    assert sorted((r["source_file"], int(r["article"]), r["figure_zh"], r["english"]) for r in rows) == expected
    assert {s["source_file"] for s in sidecars(folder)} == {r["source_file"] for r in rows} and len({r["source_file"] for r in rows}) == 2


def test_figures_csv_has_the_documented_columns_a_bom_and_loads_in_pandas(folder):
    pandas = pytest.importorskip("pandas")
    raw = (folder / "figures.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    frame = pandas.read_csv(folder / "figures.csv")
    assert tuple(frame.columns) == COLUMNS
    assert frame["value"].dtype.kind in "if" and set(frame["in_key_table"]) <= {True, False}
    assert len(frame) == sum(len(s["figures"]) for s in sidecars(folder))


def test_figures_csv_rows_come_in_the_index_s_order(folder):
    with open(folder / "figures.csv", encoding="utf-8-sig", newline="") as f:
        keys = [(r["source_file"], r["date"], int(r["article"])) for r in csv.DictReader(f)]
    assert keys == sorted(keys)


def test_the_index_lists_every_brief_in_the_folder_with_its_gist(folder):
    index = (folder / "index.md").read_text(encoding="utf-8")
    written = sidecars(folder)
    assert f"{len(written)} briefs." in index
    for name in (p.name for p in folder.glob("*.md") if p.name != "index.md"):
        assert f"(<{name}>)" in index
    first_points = [s["summary"][0]["en"] for s in written if s["summary"]]
    assert all(" ".join(point.split()[:5]) in index for point in first_points)
    assert "| Brief | Date | Publication | Source | Gist | Top figure | Warnings |" in index
