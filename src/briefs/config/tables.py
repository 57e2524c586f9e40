"""A TOML table → one frozen dataclass: unknown keys, types, checks and paths, from the fields alone.

A field's ``metadata`` says what its value must be (``rule``), that it is a path
(relative to the file) or a model (a directory beside the file, else a hub id),
and for a field of an engine's own section (``[translator.ctranslate2]``) the
flat key older versions used for it (``alias``). A field whose type is a
dataclass is a section inside the section, built the same way.
"""

from __future__ import annotations

import dataclasses
import difflib
import typing
from pathlib import Path
from typing import Any, Callable, Mapping

from ..errors import BriefsError


def rule(check: Callable[[Any], bool], expect: str, **more: Any) -> dict[str, Any]:
    return {"check": check, "expect": expect, **more}


def at_least(n: int) -> dict[str, Any]:
    return rule(lambda v: v >= n, f"a number >= {n}")


def build(cls: type, table: Mapping[str, Any], *, prefix: str, where: str, base: Path) -> Any:
    """``cls`` from ``table``, every value checked; an error names the key as it was written."""
    fields = {f.name: f for f in dataclasses.fields(cls)}
    hints = typing.get_type_hints(cls)
    old = aliases(cls)
    values: dict[str, Any] = {}
    moved: dict[str, dict[str, Any]] = {}
    for key, raw in table.items():
        if key in old:
            section, name = old[key]
            inner = {f.name: f for f in dataclasses.fields(hints[section])}[name]
            value = _value(raw, typing.get_type_hints(hints[section])[name], inner.metadata, f"{where}: {prefix}.{key}", base)
            moved.setdefault(section, {})[name] = value
        elif key not in fields:
            raise BriefsError(f"{where}: unknown key {prefix}.{key}{suggest(key, fields)}")
        elif not dataclasses.is_dataclass(hints[key]):
            values[key] = _value(raw, hints[key], fields[key].metadata, f"{where}: {prefix}.{key}", base)
    for section in sections(cls):
        if section in table or section in moved:
            values[section] = _section(hints[section], table.get(section, {}), moved.get(section, {}), f"{prefix}.{section}", where, base)
    return cls(**values)


def _section(cls: type, own: Any, moved: Mapping[str, Any], prefix: str, where: str, base: Path) -> Any:
    if not isinstance(own, Mapping):
        raise BriefsError(f"{where}: {prefix} must be a [{prefix}] table")
    twice = sorted(set(own) & set(moved))
    if twice:
        flat = {f.name: f.metadata.get("alias") for f in dataclasses.fields(cls)}[twice[0]]
        parent = prefix.rpartition(".")[0]
        raise BriefsError(f"{where}: {prefix}.{twice[0]} is set twice, also as {parent}.{flat}; keep the one in [{prefix}]")
    return build(cls, {**own, **moved}, prefix=prefix, where=where, base=base)


def sections(cls: type) -> list[str]:
    """The fields of ``cls`` that are sections of their own: ``ctranslate2`` in ``[translator]``."""
    hints = typing.get_type_hints(cls)
    return [f.name for f in dataclasses.fields(cls) if dataclasses.is_dataclass(hints[f.name])]


def aliases(cls: type) -> dict[str, tuple[str, str]]:
    """Flat keys of older versions → (section, key): ``ct2_quantization`` → ``ctranslate2.quantization``."""
    hints = typing.get_type_hints(cls)
    return {f.metadata["alias"]: (section, f.name)
            for section in sections(cls) for f in dataclasses.fields(hints[section]) if "alias" in f.metadata}  # fmt: skip


def overlay(cls: type, current: Mapping[str, Any], changes: Mapping[str, Any]) -> dict[str, Any]:
    """A section as a dict (``dataclasses.asdict``) with ``changes`` applied: ``a.b`` sets ``b`` in the
    section ``a``, and an old flat key stands in for its new one."""
    merged = dict(current)
    old = aliases(cls)
    for key, value in changes.items():
        section, _, inner = key.partition(".")
        if inner:
            merged[section] = {**merged.get(section, {}), inner: value}
            continue
        if key in old:
            section, inner = old[key]
            merged[section] = {k: v for k, v in merged[section].items() if k != inner}
        merged[key] = value
    return merged


def _value(raw: Any, hint: Any, meta: Mapping[str, Any], label: str, base: Path) -> Any:
    value = _localize(_typed(raw, hint, label), meta, base)
    if "check" in meta and not meta["check"](value):
        raise BriefsError(f"{label} must be {meta['expect']}, not {raw!r}")
    return value


def _typed(raw: Any, hint: Any, label: str) -> Any:
    if hint is bool:
        ok = isinstance(raw, bool)
    elif hint is int:
        ok = isinstance(raw, int) and not isinstance(raw, bool)
    elif hint is float:
        ok = isinstance(raw, (int, float)) and not isinstance(raw, bool)
        raw = float(raw) if ok else raw
    elif hint is str:
        ok = isinstance(raw, str)
    else:  # tuple[str, ...]
        ok = isinstance(raw, (list, tuple)) and all(isinstance(x, str) for x in raw)
        raw = tuple(raw) if ok else raw
    if not ok:
        raise BriefsError(f"{label} must be {_TYPE_NAMES.get(hint, 'a list of strings')}, not {raw!r}")
    return raw


_TYPE_NAMES = {bool: "true or false", int: "a whole number", float: "a number", str: "a string"}


def _localize(value: Any, meta: Mapping[str, Any], base: Path) -> Any:
    """Relative paths in a config file mean "next to the file"."""
    if meta.get("path"):
        if isinstance(value, tuple):
            return tuple(_beside(v, base) for v in value)
        return _beside(value, base) if value else value
    if meta.get("model") and value and (base / value).expanduser().is_dir():
        return str((base / value).expanduser().resolve())
    return value


def _beside(value: str, base: Path) -> str:
    return str((base / Path(value).expanduser()).resolve())


def suggest(name: str, known: Mapping[str, Any]) -> str:
    close = difflib.get_close_matches(name, list(known), n=1)
    return f" (did you mean {close[0]}?)" if close else ""
