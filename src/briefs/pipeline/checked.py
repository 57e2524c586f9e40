"""English lines held to their Chinese: one translation call, then the figure and glossary checks and the guard.

Every English line is checked against the figures and the glossary of the Chinese it came from before it
reaches a brief or an eval score; the brief and eval share this, so they judge the same English.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Mapping, Sequence

from ..figures.check import check_figures
from ..text.datelines import strip_dateline
from .tools import Tools


def _for_model(zh: str) -> str:
    """The dateline (本报讯) says where the story ran, not what it says: the model does not see it."""
    return strip_dateline(zh) or zh


@dataclass(frozen=True)
class CheckedTranslation:
    """An English line after the figure and glossary checks, with what they changed."""

    en: str
    flagged: tuple[str, ...]
    figure_repairs: int
    glossary_repairs: int
    raw: str = ""  # the engine's own output, which the guard judges
    fallback: bool = False  # the guard replaced the model's line with a gloss

    def fallen_back(self) -> "CheckedTranslation":
        return dataclasses.replace(self, fallback=True)


def translate_checked(tools: Tools, texts: Sequence[str], simplified: Mapping[str, str] = {}) -> dict[str, CheckedTranslation]:
    """Translate every distinct text in one call, hold each line to its Chinese, let the guard review it.

    A text in traditional characters is read through its simplified copy (``simplified``): the model,
    the figures and the glossary see that; the result stays keyed by the text as written."""
    unique = list(dict.fromkeys(t for t in texts if t))

    def prepare(zh: str) -> str:
        return _for_model(simplified.get(zh, zh))

    def check(zh: str, en: str) -> CheckedTranslation:
        return _check(tools, simplified.get(zh, zh), en)

    english = tools.translator.translate([prepare(t) for t in unique])
    checked = {zh: check(zh, en) for zh, en in zip(unique, english)}
    if tools.guard is not None:
        checked.update(tools.guard.review(checked, prepare, check))
    return checked


def _check(tools: Tools, zh: str, raw: str) -> CheckedTranslation:
    # Figures first: a glossary rewrite inside a figure (3镇 → 3 town) would hide it.
    check = check_figures(zh, raw)
    en, glossary_repairs = tools.glossary.enforce(zh, check.english) if tools.glossary is not None else (check.english, 0)
    return CheckedTranslation(en, tuple(f.english for f in check.flagged), check.repairs, glossary_repairs, raw)
