"""A brief saved in the output folder, as run-wide outputs read it back: its sidecar's fields, safely.

A sidecar on disk may come from an earlier run or an older briefs, so every
field is read for its type and a missing one is empty, never an error. Pure text.
"""

from __future__ import annotations

from typing import Any, Mapping

# A brief in the output folder: its file name, and its sidecar as ``render.markdown.brief_sidecar`` wrote it.
SavedBrief = tuple[str, Mapping[str, Any]]


def string(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def number(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def count(value: Any) -> int:
    return len(value) if isinstance(value, list) else 0


def items(value: Any) -> list[Mapping[str, Any]]:
    return [item for item in value if isinstance(item, Mapping)] if isinstance(value, list) else []


def bilingual(value: Any) -> tuple[str | None, str | None]:
    """(zh, en) of a {"zh", "en"} field such as the publication."""
    return (string(value.get("zh")), string(value.get("en"))) if isinstance(value, Mapping) else (None, None)


def order(name: str, sidecar: Mapping[str, Any]) -> tuple[str, str, int, str]:
    """Where a brief stands in the folder's outputs: by source file, then date, then article, then name."""
    return string(sidecar.get("source_file")) or "", string(sidecar.get("date")) or "", number(sidecar.get("article_index")), name
