"""How the HTML reader does on saved news pages: headline found, paragraphs kept, furniture let through.

Not a test: it reads pages under /work/shared. Run from the repo root:

    python benchmarks/reader_html.py /work/shared/pages-dev/html

For every ``*.html`` under the folder: the headline found (checked against the
hand-made labels below, for the dev pages), the paragraphs and their Han
characters, and ``furniture``: paragraphs that the furniture rules
(``furniture.is_furniture``, the rule the reader applies to every line) call
furniture, which should be none.
"""

from __future__ import annotations

import sys
from pathlib import Path

from briefs.errors import InputError
from briefs.read.furniture import is_furniture
from briefs.read.web.html import read_html
from briefs.text.marks import HAN

# The headline of each dev page, labelled by hand from the page as a browser shows it.
HEADLINES = {
    "163-1.html": '多地项目连环爆雷 狂奔的龙湖集团"暗伤"曝露？',
    "163-9.html": "5月20日至31日，京沪高速无锡至江阴大桥至广陵枢纽段封闭！",
    "baijiahao-1.html": "英国美女在殡仪馆工作太痛苦，转行当美人鱼！每小时收入近千元",
    "baijiahao-2.html": "日本最后一家传呼机公司停止服务，殡仪馆为BB机送终",
    "cjn-1.html": "外媒眼中的武汉长假：蓬勃发展，欢声笑语",
    "gsc-1.html": "2019年中国人文地理学术年会在重庆•西南大学成功举行！",
    "guancha-2.html": "我国集成电路进口突破3000亿美元！魏少军：产业结构扭曲，没将产品作为中心",
    "guancha-3.html": "苹果回应“违反中国劳动法”：大多数指控错误",
    "gzggw-1.html": "1-10月德清县固定资产投资结构趋稳趋优",
    "hexun-1.html": "交通运输部：着力打造京津冀区域综合立体交通网络",
    "huanqiu-1.html": "补壹刀：别笑！18人的“新八国联军”今天成立了",
    "ifeng-1.html": "女童眼睛被塞几十片纸，“无法用科学解释”",
    "ifeng-ifeng.html": "董又霖主持首秀状况百出大方道歉：会继续努力",
    "qq-2.html": "棱镜|数据业大整顿：爬虫与现金贷共生共荣，用户信息几元不等",
    "qq-qq.html": "儿歌一分钱被改成一元钱 原作者女儿：改成这样不觉得拗口吗？",
    "shanxi-1.html": "山西品牌丝路行（南美站）正式启动",
    "stcn-1.html": "午间公告：天奇股份中标广汽丰田项目；运达股份中标7亿元项目",
    "toutiao-2.html": "最不愁吃肉的国家：顿顿有肉吃，却要靠中国运输蔬菜水果",
    "toutiao-toutiao.html": "英国独立游戏，经典游戏规则与RPG成长冒险元素结合体验",
    "zsnews-1.html": "顺德区大良街道党工委委员潘卓辉一行到众创金融街开展调研工作",
}


def html_rows(folder: Path) -> list[dict]:
    """One row per page: file, title, paragraphs, Han characters in them, furniture paragraphs, error."""
    rows = []
    for path in sorted(Path(folder).rglob("*.html")):
        name = str(path.relative_to(folder))
        try:
            doc = read_html(path.read_bytes(), str(path))
        except InputError as err:
            rows.append({"file": name, "title": None, "paragraphs": 0, "han": 0, "furniture": 0, "error": err.reason})
            continue
        paragraphs = [p for article in doc.articles for p in article.paragraphs]
        rows.append({
            "file": name,
            "title": doc.articles[0].title if doc.articles else None,
            "expected": HEADLINES.get(name),
            "paragraphs": len(paragraphs),
            "han": sum(len(HAN.findall(p)) for p in paragraphs),
            "furniture": sum(1 for p in paragraphs if is_furniture(p)),
            "meta": [e.text for e in doc.extras if e.kind == "meta" and e.text.partition(":")[0] in ("发布日期", "来源", "作者")],
            "error": None,
        })
    return rows


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0] if args else "/work/shared/pages-dev/html")
    rows = html_rows(folder)
    print(f"{'file':<22} {'ok':<3} {'paras':>5} {'han':>6} {'furn':>4}  title")
    for row in rows:
        ok = "" if row.get("expected") is None else ("yes" if row["title"] == row["expected"] else "NO")
        print(f"{row['file']:<22} {ok:<3} {row['paragraphs']:>5} {row['han']:>6} {row['furniture']:>4}  {row['title'] or row['error']}")
    labelled = [r for r in rows if r.get("expected") is not None]
    found = sum(1 for r in labelled if r["title"] == r["expected"])
    print(f"headlines found {found}/{len(labelled)}; furniture paragraphs {sum(r['furniture'] for r in rows)}")


if __name__ == "__main__":
    main()
