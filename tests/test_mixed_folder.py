"""`briefs run` over a folder of pages in every form users bring: a brief per article of each."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pdfkit import scanned_page
from typer.testing import CliRunner

from briefs.cli import app
from briefs.read.pdf import read_pdf

IND = "\u3000\u3000"
SEED_SHAPE = """# 开发区签约项目二十一个
本报讯 截至2022年末，开发区共签约落地项目21个，协议投资额28.72亿元。

# 乡村振兴示范村建设提速
今年全县新建示范村15个，带动农户增收3.5亿元。
"""
EPAPER_SHAPE = (
    "\r\n县域经济跑出加速度\r\n——全县重点项目建设综述\r\n"
    f"{IND}本报长沙3月5日电\xa0（记者李明）今年以来，全县新开工项目42个，完成投资58.6亿元。\r\n"
    f"{IND}园区新增规模以上企业12家，带动就业3000余人。\r\n"
    "\n乡村振兴看变化\r\n村里办起了合作社\r\n\r\n"
    f"{IND}春耕时节，合作社社员人均增收5000元。\r\n"
)
HTML = """<!DOCTYPE html>
<html><head><meta charset="gbk">
<title>新能源产业链加快延伸_示范新闻网</title>
<meta name="author" content="王小明">
<meta property="og:site_name" content="示范新闻网">
<meta property="article:published_time" content="2021-06-08T09:30:00+08:00">
</head><body>
<div class="nav"><a href="/">首页</a> &gt; <a href="/news">新闻</a> &gt; 正文</div>
<article>
<h1>新能源产业链加快延伸</h1>
<p>今年以来，全市新能源装机容量达到120万千瓦，同比增长6.2%，新能源产业产值突破300亿元。</p>
<p>全市已建成光伏电站18座，风电项目累计完成投资45亿元，带动上下游企业60余家落户。</p>
<p>市发展改革委负责人表示，下一步将继续完善产业配套，推动储能、氢能等新业态加快发展。</p>
</article>
<div class="share">分享到：微信 微博 QQ空间</div>
<div class="related"><h3>相关新闻</h3><ul><li><a href="/a">全市光伏发电量创新高</a></li><li><a href="/b">氢能产业园开工建设</a></li></ul></div>
<div class="footer">版权所有 示范新闻网 未经授权禁止转载</div>
</body></html>
"""


@pytest.fixture(scope="module")
def mixed_run(tmp_path_factory, pdfs, cache_with_dictionary):
    tmp = tmp_path_factory.mktemp("mixed")
    pages = tmp / "pages"
    pages.mkdir()
    (pages / "seed.txt").write_text(SEED_SHAPE, encoding="utf-8")
    (pages / "notes.md").write_text(SEED_SHAPE.replace("开发区", "高新区"), encoding="utf-8")
    (pages / "epaper.txt").write_bytes(EPAPER_SHAPE.encode("utf-8"))
    (pages / "web.html").write_bytes(HTML.encode("gbk"))
    (pages / "paper.pdf").write_bytes(pdfs["three columns"])
    (pages / "scan.pdf").write_bytes(scanned_page())
    (tmp / "briefs.toml").write_text('[translator]\nengine = "gloss"\n', encoding="utf-8")
    result = CliRunner().invoke(
        app, ["run", str(pages), "--out", str(tmp / "out"), "--config", str(tmp / "briefs.toml"), "--quiet"],
        env={"BRIEFS_CACHE_DIR": str(cache_with_dictionary(tmp / "cache"))},
    )  # fmt: skip
    assert result.exit_code == 1, result.stderr  # the scan is skipped, said in one line
    assert [line for line in result.stderr.splitlines() if "scan.pdf" in line] == [
        f"briefs: skipped {pages / 'scan.pdf'}: no text layer (scanned PDF), and OCR found no Chinese text on its pages"
    ]
    return tmp / "out"


def _sidecars(out: Path, stem: str) -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(out.glob(f"{stem}-*.json"))]


def test_every_article_of_every_kind_of_page_has_its_brief(mixed_run, pdfs):
    counts = {stem: len(_sidecars(mixed_run, stem)) for stem in ("seed", "notes", "epaper", "web", "paper")}
    typeset = read_pdf(pdfs["three columns"], "paper.pdf")
    assert counts == {"seed": 2, "notes": 2, "epaper": 2, "web": 1, "paper": len(typeset.articles)} and counts["paper"] >= 3
    assert [s["title_zh"] for s in _sidecars(mixed_run, "paper")] == [a.title for a in typeset.articles]
    index = (mixed_run / "index.md").read_text(encoding="utf-8")
    assert index.count("](") == 7 + counts["paper"]


def test_the_epaper_page_keeps_its_kicker_and_subtitle(mixed_run):
    first, second = _sidecars(mixed_run, "epaper")
    assert (first["title_zh"], first["subtitle_zh"]) == ("县域经济跑出加速度", "全县重点项目建设综述")
    assert (second["kicker_zh"], second["title_zh"]) == ("乡村振兴看变化", "村里办起了合作社")


def test_the_web_page_brings_its_date_site_and_author_into_brief_and_sidecar(mixed_run):
    [sidecar] = _sidecars(mixed_run, "web")
    assert sidecar["title_zh"] == "新能源产业链加快延伸"
    assert sidecar["date"].startswith("2021-06-08")
    assert sidecar["publication"]["zh"] == "示范新闻网" and sidecar["author"]["zh"] == "王小明"
    brief = next(mixed_run.glob("web-01-*.md")).read_text(encoding="utf-8")
    assert "| Date | 8 June 2021 |" in brief and "(示范新闻网)" in brief and "(王小明)" in brief
    body = json.dumps(sidecar["summary"], ensure_ascii=False)
    assert "分享到" not in body and "版权所有" not in body and "相关新闻" not in body
