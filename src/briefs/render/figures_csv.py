"""figures.csv: every figure of every brief in the output folder, one row each, in the index's order.

For analysts who work across a day's or a month's pages: which county
reported which investment, every figure said about fixed-asset investment.
UTF-8 with a byte-order mark, so that spreadsheet programs read the Chinese;
standard quoting (csv.QUOTE_MINIMAL, CRLF); ``pandas.read_csv`` loads it with
no options. Built from the sidecars, one brief at a time. Pure text.
"""

from __future__ import annotations

import csv
import io
from typing import Any, Iterable, Mapping

from ..brief import Brief
from .saved import SavedBrief, bilingual, items, number, order, string

COLUMNS = (
    "source_file", "article", "brief", "title_en", "date", "publication",
    "figure_zh", "value", "unit", "low", "high", "kind", "english",
    "measures_zh", "measures_en", "clause_zh", "in_key_table",
)  # fmt: skip


class FiguresCsv:
    file_name = "figures.csv"

    def add(self, doc_number: int, name: str, brief: Brief) -> None:
        pass  # read from the folder at the end, as the index is

    def finish(self, folder: Iterable[SavedBrief]) -> str:
        # The folder comes in name order; the file is in the index's. Each brief's rows are kept as text
        # under its place, so nothing but the file's own text is held.
        chunks = sorted((order(name, sidecar), _rows(name, sidecar)) for name, sidecar in folder)
        out = io.StringIO()
        csv.writer(out).writerow(COLUMNS)
        return "\ufeff" + out.getvalue() + "".join(text for _, text in chunks)


def _rows(name: str, sidecar: Mapping[str, Any]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    source = string(sidecar.get("source_file")) or ""
    publication_zh, publication_en = bilingual(sidecar.get("publication"))
    common = [source, number(sidecar.get("article_index")), name, string(sidecar.get("title_en")) or "",
              string(sidecar.get("date")) or "", publication_en or publication_zh or ""]  # fmt: skip
    for figure in items(sidecar.get("figures")):
        high = figure.get("high")
        ranged = isinstance(high, (int, float)) and not isinstance(high, bool)
        writer.writerow(common + [
            string(figure.get("source")) or "", _value(figure.get("value")), string(figure.get("unit")) or "",
            _value(figure.get("value")) if ranged else "", _value(high) if ranged else "",
            string(figure.get("kind")) or "", string(figure.get("english")) or "",
            string(figure.get("measures_zh")) or "", string(figure.get("measures_en")) or "",
            string(figure.get("clause_zh")) or "", "true" if figure.get("key_rank") else "false",
        ])  # fmt: skip
    return out.getvalue()


def _value(value: Any) -> str:
    """A number as plain digits (28.72亿 is 2872000000), so a spreadsheet reads it as a number."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return ""
    return str(int(value)) if isinstance(value, int) or value.is_integer() else repr(value)
