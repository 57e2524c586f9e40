"""Organisations by the English names they use for themselves: companies, regulators, news outlets.

Read from ``data/organisations.toml``: each entry gives the Chinese forms of one
organisation (its full name and the short forms news uses), the English name
a brief shows for all of them, and where that English is the organisation's
own (its website's English name, its English publications). The glossary
holds them as ``org`` terms, so the gloss reads 中国海油 "CNOOC", every
engine's output is held to the name, and a brief's header names its paper.
Pure text.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from ..errors import BriefsError


@dataclass(frozen=True)
class Organisation:
    zh: tuple[str, ...]  # full name and short forms
    en: str
    source: str  # where the English name is the organisation's own
    wrong: tuple[str, ...] = ()  # renderings machine translation is known to produce instead


def parse_organisations(text: str, where: str) -> list[Organisation]:
    """``[[org]]`` tables of ``zh`` (a list), ``en``, ``source`` and optionally ``wrong``; a form listed twice is an error."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise BriefsError(f"{where}: not valid TOML: {err}") from None
    if set(data) - {"org"} or not isinstance(data.get("org", []), list):
        raise BriefsError(f"{where}: give the organisations as [[org]] tables")
    found, seen = [], set()
    for number, entry in enumerate(data.get("org", []), 1):
        organisation = _organisation(entry, f"{where}: organisation {number}")
        twice = seen.intersection(organisation.zh)
        if twice:
            raise BriefsError(f"{where}: {', '.join(sorted(twice))} listed twice")
        seen.update(organisation.zh)
        found.append(organisation)
    return found


def _organisation(entry: object, label: str) -> Organisation:
    if not isinstance(entry, dict) or set(entry) - {"zh", "en", "source", "wrong"}:
        raise BriefsError(f"{label}: give zh = [...], en = \"...\", source = \"...\" and optionally wrong = [...]")
    zh, wrong = entry.get("zh"), entry.get("wrong", [])
    if not isinstance(zh, list) or not zh or not all(isinstance(z, str) and z.strip() for z in zh):
        raise BriefsError(f"{label}: zh must be a non-empty list of Chinese names")
    for key in ("en", "source"):
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            raise BriefsError(f"{label} ({zh[0]}): {key} must be a non-empty string")
    if not isinstance(wrong, list) or not all(isinstance(w, str) and w.strip() for w in wrong):
        raise BriefsError(f'{label} ({zh[0]}): "wrong" must be a list of non-empty strings')
    return Organisation(
        tuple(z.strip() for z in zh), entry["en"].strip(), entry["source"].strip(), tuple(w.strip() for w in wrong)
    )


@cache
def default_organisations() -> tuple[Organisation, ...]:
    resource = resources.files("briefs") / "data" / "organisations.toml"
    return tuple(parse_organisations(resource.read_text(encoding="utf-8"), "the built-in organisations"))
