"""How the HTML reader does on saved news pages: headline found, paragraphs kept, furniture let through.

Not a test: it reads pages under ../shared (beside the repository). Run from the repo root:

    python benchmarks/reader_html.py [../shared/pages-dev/html]

For every ``*.html`` under the folder: the headline found (checked against the
digests of hand-made labels below, for the dev pages), the paragraphs and their Han
characters, and ``furniture``: paragraphs that the furniture rules
(``furniture.is_furniture``, the rule the reader applies to every line) call
furniture, which should be none.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from briefs.errors import InputError
from briefs.read.furniture import is_furniture
from briefs.read.web.html import read_html
from briefs.text.marks import HAN

PAGES = Path(__file__).resolve().parents[1] / ".." / "shared" / "pages-dev" / "html"

# The headline of each dev page, labelled by hand from the page as a browser
# shows it, kept as the SHA-256 of ``normalized(headline)``: the headlines are
# the publishers' text and stay in ../shared; a digest is enough to check one.
HEADLINE_DIGESTS = {
    "163-1.html": "18f70330a5f6ea077d934ba78a5d209b2ffe3049c692e92e8e205fb9af7a8b69",
    "163-9.html": "74f0271c0c467a20c77505d68b0ebc5afc0142021db437dd15e46bf85b7a8e86",
    "baijiahao-1.html": "ed37f1f34714107f65645672c13980f833e8839842efc802ff094e4295aa89b2",
    "baijiahao-2.html": "1a088d064443494f5e85504777a29918e6d18c96a2a0914ebd8b32dc6356e282",
    "cjn-1.html": "82dc19b0b5db336eb3921470a06107a4819ac43149e9cb4ac2325ae7c4311b26",
    "gsc-1.html": "48fd83d58d7f12ccba897099ef77ef3926fa87e6c41d102b47bb39a3c23b80ec",
    "guancha-2.html": "589ae0d861ecec2819f3f06e8d277724e2d2e0ef998df8879d84bbe7e7b628df",
    "guancha-3.html": "eb1bb9fb39ed137d0c160f075e4c6bb8289062059757c84a3d9b56cb6b12011f",
    "gzggw-1.html": "0ff18ba2e81950d9a356a7ac32eccc63b7670c8cf1b4214badbc272e04d4acc4",
    "hexun-1.html": "93be70a9f3ca7431b1c5856ef1aa61313d6c069a8db94de872628b72541ad3f3",
    "huanqiu-1.html": "d87c9e617cf904949ba34cdac9fdce6a88ab009ce1e7269d709854d291bbb9e9",
    "ifeng-1.html": "7d2c62e10622a6d20a281972d6d787444b3a556cbe5a8fcc314f8fe0a794b5e1",
    "ifeng-ifeng.html": "4efb14da14d731b9ef5ea6cf2f9ab919272b9e8b894b985df755f2537fa913ce",
    "qq-2.html": "e17297fdaf89897244e5597b1bfded43a0ef00c8007f7ab0b98efeef84c00446",
    "qq-qq.html": "e2643cf1632cefa2f66d2dbc318dac7d44854ec40c9f52afcb99e312b257b1c7",
    "shanxi-1.html": "3c9f5432091567eafbd9e40c70f4c30b5a66e0e0bb7e1bbeb9ecbe2a842ade83",
    "stcn-1.html": "b1851b9022d12d01e83d3ec1fa4440a2ab5805196dc7d5d47662105c3bd31cfe",
    "toutiao-2.html": "1d1f5b24771b7f6d064a3f21be1f026570dd9a3114b346aec3158f7967b7a85c",
    "toutiao-toutiao.html": "1e8820d24e33b9cb923c0963b2b594467290c342ecd374259197728dc7777445",
    "zsnews-1.html": "703c5307e41ed8bd30ad243beb3ad14c1dd23a943ec8b51b257740f5ce3bd50b",
}


def normalized(title: str) -> str:
    """A headline as it is digested: runs of white space (U+3000 included) as one space, none at the ends."""
    return " ".join(title.split())


def headline_digest(title: str) -> str:
    return hashlib.sha256(normalized(title).encode("utf-8")).hexdigest()


def html_rows(folder: Path) -> list[dict]:
    """One row per page: file, title, paragraphs, Han characters in them, furniture paragraphs, error,
    and ``match``: whether the title is the labelled headline (None for a page with no label)."""
    rows = []
    for path in sorted(Path(folder).rglob("*.html")):
        name = str(path.relative_to(folder))
        try:
            doc = read_html(path.read_bytes(), str(path))
        except InputError as err:
            rows.append({"file": name, "title": None, "match": _match(name, None), "paragraphs": 0, "han": 0,
                         "furniture": 0, "error": err.reason})  # fmt: skip
            continue
        paragraphs = [p for article in doc.articles for p in article.paragraphs]
        title = doc.articles[0].title if doc.articles else None
        rows.append({
            "file": name,
            "title": title,
            "match": _match(name, title),
            "paragraphs": len(paragraphs),
            "han": sum(len(HAN.findall(p)) for p in paragraphs),
            "furniture": sum(1 for p in paragraphs if is_furniture(p)),
            "meta": [e.text for e in doc.extras if e.kind == "meta" and e.text.partition(":")[0] in ("发布日期", "来源", "作者")],
            "error": None,
        })
    return rows


def _match(name: str, title: str | None) -> bool | None:
    expected = HEADLINE_DIGESTS.get(name)
    if expected is None:
        return None
    return title is not None and headline_digest(title) == expected


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0]) if args else PAGES
    rows = html_rows(folder)
    print(f"{'file':<22} {'ok':<3} {'paras':>5} {'han':>6} {'furn':>4}  title")
    for row in rows:
        ok = "" if row["match"] is None else ("yes" if row["match"] else "NO")
        print(f"{row['file']:<22} {ok:<3} {row['paragraphs']:>5} {row['han']:>6} {row['furniture']:>4}  {row['title'] or row['error']}")
    labelled = [r for r in rows if r["match"] is not None]
    found = sum(1 for r in labelled if r["match"])
    print(f"headlines found {found}/{len(labelled)}; furniture paragraphs {sum(r['furniture'] for r in rows)}")


if __name__ == "__main__":
    main()
