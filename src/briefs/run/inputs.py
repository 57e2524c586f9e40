"""Which files a command works on: files as given, folders searched, each real file once.

A folder is walked with its links followed, but each real folder is entered
once, so a link loop ends; the output folder and everything under it are never
inputs, so a run whose output sits inside its input does not brief its own
briefs. What cannot be read (a folder without permission, a dangling link, a
loop) is named once, and the run says so in its exit status.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import BriefsError
from ..read import SUFFIXES, described


@dataclass
class Inputs:
    files: list[Path] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # "<path>: <reason>", one per path


def collect_inputs(paths: list[Path], exclude: Path | None = None) -> Inputs:
    """Files named, plus the article files under folders named, in order, each real file once."""
    found = _Walk(exclude.resolve() if exclude is not None else None)
    for path in paths:
        if path.is_dir():
            found.folder(path)
        elif path.is_file():
            found.file(path)
        elif path.is_symlink():
            found.problem(path, "a link to nothing (dangling symlink)")
        else:
            raise BriefsError(f"{path}: no such file or folder")
    if not found.inputs.files and not found.inputs.problems:
        raise BriefsError(f"no input files: give files or folders holding pages ({described()})")
    return found.inputs


class _Walk:
    def __init__(self, exclude: Path | None):
        self.exclude = exclude
        self.inputs = Inputs()
        self._files: set[Path] = set()
        self._folders: set[Path] = set()

    def problem(self, path: Path, reason: str) -> None:
        self.inputs.problems.append(f"{path}: {reason}")

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
            entries = sorted(os.scandir(path), key=lambda e: e.name)
        except OSError as err:
            self.problem(path, f"cannot read this folder: {err.strerror or err}")
            return
        for entry in entries:
            self._entry(Path(entry.path))

    def _entry(self, path: Path) -> None:
        if path.is_symlink():
            try:
                real = path.resolve(strict=True)
            except FileNotFoundError:
                self.problem(path, "a link to nothing (dangling symlink)")
                return
            except (OSError, RuntimeError):
                self.problem(path, "a link that loops back on itself")
                return
            here = path.parent.resolve()
            if path.is_dir() and (real == here or real in here.parents):
                self.problem(path, f"a link back to {real}, which holds it (link loop)")
                return
        if path.is_dir():
            self.folder(path)
        elif path.is_file() and path.suffix.lower() in SUFFIXES:  # files named explicitly are always taken
            self.file(path)
