"""Which files a command works on: files as given, folders expanded."""

from __future__ import annotations

from pathlib import Path

from ..errors import BriefsError

# Extensions a folder is searched for; files named explicitly are always taken.
ARTICLE_SUFFIXES = (".txt", ".md")


def collect_inputs(paths: list[Path]) -> list[Path]:
    """Files named, plus the article files under folders named, sorted and unique."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                p for p in sorted(path.rglob("*")) if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES
            )
        elif path.exists():
            found.append(path)
        else:
            raise BriefsError(f"{path}: no such file or folder")
    unique = list(dict.fromkeys(found))
    if not unique:
        raise BriefsError("no input files: give files or folders holding *.txt or *.md")
    return unique
