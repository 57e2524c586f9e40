"""The quality guard: no degenerate model output reaches a reader.

Every segment a neural engine translated is judged from its text alone
(so a cached line is judged exactly as a fresh one): empty, a phrase
repeated over and over, a length far outside what the source allows,
Chinese left untranslated, a sentence left unfinished, figures the
repair step could not place, or a dictionary's description of a place
("Zhejiang province in east China", "Daqing prefecture-level city"). A failing segment is translated again with
stricter generation settings; if it still fails, the dictionary gloss
stands in for it and the brief marks it. Pure text: no model imports.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Protocol, Sequence, TypeVar

import regex as re

from ..config import GuardConfig
from ..gloss.places import PLACE_DESCRIPTION
from ..text.marks import ENDS_SENTENCE, HAN
from ..protocols import Translator

_COUNTED = re.compile(r"[\p{Han}A-Za-z0-9]")
_SENTENCE_END_EN = re.compile(r"[.!?…;:][\"'”’)\]]*\s*$")


def repeated_run(words: Sequence[str], n: int) -> int:
    """The longest run of one n-gram repeated back to back."""
    best = 1
    for start in range(len(words) - n + 1):
        count, at = 1, start + n
        while words[at : at + n] == words[start : start + n] and at + n <= len(words):
            count, at = count + 1, at + n
        best = max(best, count)
    return best


def problems(zh: str, raw: str, final: str, flagged: int, settings: GuardConfig) -> tuple[str, ...]:
    """What is wrong with a translation of ``zh``: ``raw`` is the engine's output, ``final`` the
    line after figure and glossary repairs (which may fix leftover Chinese, never a broken sentence)."""
    text = raw.strip()
    if not text:
        return ("empty",)
    found = []
    words = re.findall(r"\w+", text.lower())
    if any(repeated_run(words, n) > settings.max_repeats for n in range(1, 5)):
        found.append("repetition")
    source = len(_COUNTED.findall(zh))
    if source >= settings.length_check_from:
        ratio = len(text) / source
        if not settings.min_length_ratio <= ratio <= settings.max_length_ratio:
            found.append(f"length ratio {ratio:.1f}")
    if len(HAN.findall(final)) > settings.max_chinese:
        found.append("Chinese left")
    if settings.unfinished and ENDS_SENTENCE.search(zh) and not _SENTENCE_END_EN.search(text):
        found.append("unfinished")
    if flagged:
        found.append("figures not placed")
    # Dictionary wording in the line a reader sees, wherever it came from: a model that
    # learnt from glossaries, or a repair; the gloss that stands in never shows a note.
    if PLACE_DESCRIPTION.search(final):
        found.append("dictionary note")
    return tuple(found)


class CheckedLine(Protocol):
    """A translated line after the figure and glossary checks, as the guard judges it."""

    raw: str  # the engine's own output
    en: str  # after repairs
    flagged: tuple[str, ...]  # figures the repairs could not place

    def fallen_back(self: _Line) -> _Line: ...


_Line = TypeVar("_Line", bound=CheckedLine)


@dataclass
class Guard:
    """Reviews checked lines; retries failures strictly, then falls back to a gloss."""

    settings: GuardConfig
    strict: Translator | None  # the same engine with stricter generation settings
    fallback: Translator  # always gives something readable (the gloss)

    def review(
        self,
        lines: dict[str, _Line],
        prepare: Callable[[str], str],
        check: Callable[[str, str], _Line],
    ) -> dict[str, _Line]:
        """Replacements for the failing entries of ``lines`` (zh → checked line with .raw, .en, .flagged)."""
        failing = [zh for zh, line in lines.items() if self._fails(zh, line)]
        replaced: dict[str, _Line] = {}
        if failing and self.strict is not None:
            retried = self.strict.translate([prepare(zh) for zh in failing])
            for zh, en in zip(failing, retried):
                line = check(zh, en)
                if not self._fails(zh, line):
                    replaced[zh] = line
            failing = [zh for zh in failing if zh not in replaced]
        if failing:
            glossed = self.fallback.translate([prepare(zh) for zh in failing])
            for zh, en in zip(failing, glossed):
                replaced[zh] = check(zh, en).fallen_back()
        return replaced

    def _fails(self, zh: str, line: CheckedLine) -> bool:
        return bool(problems(zh, line.raw, line.en, len(line.flagged), self.settings))
