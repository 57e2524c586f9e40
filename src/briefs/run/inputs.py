"""Which files a command works on: files as given, folders searched, each real file once.

A folder is walked with its links followed, but each real folder is entered
once, so a link loop ends; the output folder and everything under it are never
inputs, so a run whose output sits inside its input does not brief its own
briefs, and neither is any folder that holds briefs' own output (an index.md
beside briefs and their JSON sidecars), whatever its name: an earlier run's
briefs are not briefed again. What cannot be read (a folder without permission
to list or to search it, a dangling link, a loop) is named once, and the run
says so in its exit status; the walk itself never stops on it.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import BriefsError
from ..read import SUFFIXES, described
from ..read.decoding import shown_path


@dataclass
class Inputs:
    files: list[Path] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # "<path>: <reason>", one per path
    outputs: list[Path] = field(default_factory=list)  # folders of briefs' own output, left out


def collect_inputs(paths: list[Path], exclude: Path | None = None) -> Inputs:
    """Files named, plus the article files under folders named, in order, each real file once."""
    found = _Walk(exclude)
    for path in paths:
        found.named(path)
    if not found.inputs.files and not found.inputs.problems:
        left_out = "".join(f"; {shown_path(p)} holds briefs, which are never read as input" for p in found.inputs.outputs)
        raise BriefsError(f"no input files: give files or folders holding pages ({described()}){left_out}")
    return found.inputs


class _Walk:
    def __init__(self, out: Path | None):
        self.out = out
        self.exclude = _real(out) if out is not None else None
        self.inputs = Inputs()
        self._files: set[Path] = set()
        self._folders: set[Path] = set()

    def problem(self, path: Path, reason: str) -> None:
        self.inputs.problems.append(f"{shown_path(path)}: {reason}")

    def named(self, path: Path) -> None:
        """A file or folder the user named: taken whatever its suffix; the output folder is a usage error."""
        real = _real(path)
        if self._excluded(real):
            out = shown_path(str(self.out))
            clash = f"{out} is also an input" if real == self.exclude else f"{out} holds the input {shown_path(path)}"
            raise BriefsError(f"the output folder {clash}: write the briefs to a folder of their own (--out)")
        try:
            if path.is_dir():
                self.folder(path)
            elif path.is_file():
                self.file(path)
            elif path.is_symlink():
                self._link(path)
            else:
                raise BriefsError(f"{shown_path(path)}: no such file or folder")
        except OSError as err:  # a folder on the way that cannot be searched
            self.problem(path, f"cannot read: {err.strerror or err}")

    def _excluded(self, real: Path) -> bool:
        return self.exclude is not None and (real == self.exclude or self.exclude in real.parents)

    def file(self, path: Path) -> None:
        real = path.resolve()
        if real not in self._files and not self._excluded(real):
            self._files.add(real)
            self.inputs.files.append(path)

    def folder(self, path: Path) -> None:
        real = path.resolve()
        if self._excluded(real) or real in self._folders:  # a folder reached twice is searched once
            return
        self._folders.add(real)
        try:
            # Listing a folder needs its r bit, opening what it lists its x bit: "." is looked up through both,
            # so a folder that can be listed but not searched is named once, not once per file in it.
            os.stat(os.path.join(path, "."))
            entries = sorted(os.scandir(path), key=lambda e: e.name)
        except OSError as err:
            self.problem(path, f"cannot read this folder: {err.strerror or err}")
            return
        if _holds_briefs(entries):
            self.inputs.outputs.append(path)
            return
        for entry in entries:
            self._entry(Path(entry.path))

    def _entry(self, path: Path) -> None:
        try:
            self._take(path)
        except (OSError, RuntimeError) as err:  # gone since listed, or no longer readable: that entry only
            self.problem(path, f"cannot read: {getattr(err, 'strerror', None) or err}")

    def _link(self, path: Path) -> Path | None:
        """Where a link leads, or None when it leads nowhere (said as a problem)."""
        try:
            return path.resolve(strict=True)
        except FileNotFoundError:
            self.problem(path, "a link to nothing (dangling symlink)")
        except (OSError, RuntimeError):
            self.problem(path, "a link that loops back on itself")
        return None

    def _take(self, path: Path) -> None:
        if path.is_symlink():
            real = self._link(path)
            if real is None:
                return
            here = path.parent.resolve()
            if path.is_dir() and (real == here or real in here.parents):
                self.problem(path, f"a link back to {shown_path(real)}, which holds it (link loop)")
                return
        if path.is_dir():
            self.folder(path)
        elif path.is_file() and path.suffix.lower() in SUFFIXES:  # files named explicitly are always taken
            self.file(path)


def _real(path: Path) -> Path:
    try:
        return path.resolve()
    except RuntimeError:  # a link loop (pathlib's word for it): the path itself is as real as it gets
        return path.absolute()


def _holds_briefs(entries: list[os.DirEntry[str]]) -> bool:
    """Whether a folder is briefs' own output: an index.md, and a brief beside its JSON sidecar."""
    names = {entry.name for entry in entries}
    if "index.md" not in names:
        return False
    pairs = (e for e in entries if e.name.endswith(".json") and e.name[: -len(".json")] + ".md" in names)
    return any(_is_sidecar(entry.path) for entry in pairs)


def _is_sidecar(path: str) -> bool:
    try:
        with open(path, encoding="utf-8") as sidecar:
            data = json.load(sidecar)
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and "source_file" in data and "article_index" in data
