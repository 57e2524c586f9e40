"""briefs.toml → frozen dataclasses, validated once: the only place that knows key names.

Each ``[section]`` is one dataclass; ``Config`` lists the sections. Adding a
section is one dataclass and one line in ``Config``: parsing, unknown-key
errors, type checks and command-line overrides follow from the field types
and the ``metadata`` checks (``tables``). Settings one engine alone reads are a
section of their own inside its role's, ``[translator.ctranslate2]``
(``engines``). Paths in the file are relative to the file.
"""

from __future__ import annotations

import dataclasses
import tomllib
import typing
from dataclasses import InitVar, dataclass, field
from pathlib import Path
from typing import Any, Mapping

from ..errors import BriefsError
from ..registry import LAYOUT_NAMES, MODEL_ENGINES, SUMMARIZERS, TRANSLATORS
from .engines import CTranslate2Settings
from .tables import at_least, build, overlay, rule, suggest

CONFIG_NAME = "briefs.toml"
DEFAULT_TRANSLATION_MODEL = "Helsinki-NLP/opus-mt-zh-en"
DEFAULT_SUMMARY_MODEL = "csebuetnlp/mT5_multilingual_XLSum"


def _engine(table: Mapping[str, Any], *, blank: bool = False, offline: bool = False) -> dict[str, Any]:
    names = sorted(n for n in table if not (offline and n in MODEL_ENGINES))
    allowed = set(names) | ({""} if blank else set())
    expect = "one of " + ", ".join(repr(n) for n in (names + ([""] if blank else [])))
    return rule(lambda v: v in allowed, expect)


def _prompt_ok(path: str) -> bool:
    return not path or (Path(path).is_file() and "{text}" in Path(path).read_text(encoding="utf-8"))


# Prompt templates are files so they can be reviewed and versioned; the
# engine puts each input where the template says ``{text}``.
_PROMPT = rule(_prompt_ok, "a path to a UTF-8 template file containing {text}", path=True)
_MODEL = {"model": True}


@dataclass(frozen=True)
class ModelConfig:
    """What an engine that runs a model needs; unused by the offline engines."""

    engine: str
    model: str = field(default="", metadata=_MODEL)
    revision: str = ""
    beams: int = field(default=4, metadata=at_least(1))
    max_new_tokens: int = field(default=256, metadata=at_least(1))
    # Longer inputs are split at clause punctuation before the model sees
    # them; 0 means the model's own limit.
    max_input_tokens: int = field(default=0, metadata=at_least(0))
    length_penalty: float = 1.0
    no_repeat_ngram_size: int = field(default=0, metadata=at_least(0))
    repetition_penalty: float = field(default=1.0, metadata=rule(lambda v: v >= 1.0, "a number >= 1.0"))
    # Source tokens in flight at once (padded length x sentences): bounds
    # memory. 0 = the engine's own choice (README, Speed): 1024 for the torch
    # engines, 320 for ctranslate2, which gains little speed from larger ones.
    batch_tokens: int = field(default=0, metadata=at_least(0))
    threads: int = field(default=0, metadata=at_least(0))
    int8: bool = False
    prompt: str = field(default="", metadata=_PROMPT)
    src_lang: str = ""
    tgt_lang: str = ""
    fallback: str = ""


@dataclass(frozen=True)
class TranslatorConfig(ModelConfig):
    engine: str = field(default="marian", metadata=_engine(TRANSLATORS))
    model: str = field(default=DEFAULT_TRANSLATION_MODEL, metadata=_MODEL)
    # Marian's quality and speed fall on very long inputs, and an output
    # longer than max_new_tokens would be cut: clauses of this size are safe.
    max_input_tokens: int = field(default=160, metadata=at_least(0))
    fallback: str = field(default="gloss", metadata=_engine(TRANSLATORS, blank=True, offline=True))
    ctranslate2: CTranslate2Settings = field(default_factory=CTranslate2Settings)
    # ctranslate2's settings by their flat names from before engines had
    # sections, for scripts that build this class; a file's old keys are
    # read through the ``alias`` of each field instead.
    ct2_quantization: InitVar[str | None] = None
    ct2_inter_threads: InitVar[int | None] = None

    def __post_init__(self, ct2_quantization: str | None, ct2_inter_threads: int | None) -> None:
        given = {"quantization": ct2_quantization, "inter_threads": ct2_inter_threads}
        given = {k: v for k, v in given.items() if v is not None}
        if given:
            object.__setattr__(self, "ctranslate2", dataclasses.replace(self.ctranslate2, **given))


@dataclass(frozen=True)
class SummarizerConfig(ModelConfig):
    engine: str = field(default="extractive", metadata=_engine(SUMMARIZERS))
    model: str = field(default=DEFAULT_SUMMARY_MODEL, metadata=_MODEL)
    # The generation settings published with mT5_multilingual_XLSum.
    max_new_tokens: int = field(default=84, metadata=at_least(1))
    max_input_tokens: int = field(default=512, metadata=at_least(0))
    no_repeat_ngram_size: int = field(default=2, metadata=at_least(0))
    fallback: str = field(default="extractive", metadata=_engine(SUMMARIZERS, blank=True, offline=True))
    # Characters of Chinese a summary holds (punctuation not counted): the article's, and each section's.
    # About 200 is what a reader takes in at a glance, and near what news summaries written by hand hold.
    budget: int = field(default=200, metadata=at_least(20))
    section_budget: int = field(default=80, metadata=at_least(20))


@dataclass(frozen=True)
class GlossaryConfig:
    files: tuple[str, ...] = field(default=(), metadata={"path": True})


@dataclass(frozen=True)
class GuardConfig:
    """The quality guard on neural output (see guard.py)."""

    enabled: bool = True
    # A word n-gram (n = 1..4) standing more than this many times in a row is degenerate.
    max_repeats: int = field(default=3, metadata=at_least(1))
    # English characters per source character. Human translations of the
    # FLORES-200 dev set run 1.24-6.25 (median 3.54): these bounds only catch
    # output that has lost or invented most of a sentence.
    min_length_ratio: float = field(default=1.0, metadata=rule(lambda v: v >= 0, "a number >= 0"))
    max_length_ratio: float = field(default=9.0, metadata=rule(lambda v: v > 0, "a number > 0"))
    length_check_from: int = field(default=8, metadata=at_least(1))  # shorter sources vary too much
    max_chinese: int = field(default=0, metadata=at_least(0))  # Han characters allowed in the English
    unfinished: bool = True  # a complete source sentence must give a complete English one
    # The one retry: the same engine, kept from repeating itself.
    retry_no_repeat_ngram_size: int = field(default=3, metadata=at_least(0))
    retry_repetition_penalty: float = field(default=1.3, metadata=rule(lambda v: v >= 1.0, "a number >= 1.0"))
    fallback: str = field(default="gloss", metadata=_engine(TRANSLATORS, offline=True))


@dataclass(frozen=True)
class RunConfig:
    """Where `briefs run` does its model work: run/local.py or run/on_ray.py, chosen in run/command.py."""

    executor: str = field(default="local", metadata=rule(lambda v: v in ("local", "ray"), "one of 'local', 'ray'"))
    # Ray workers (actors), one CPU each; also the CPUs of a local Ray instance.
    workers: int = field(default=2, metadata=at_least(1))
    # "" = RAY_ADDRESS if set, else a local Ray instance.
    ray_address: str = ""


@dataclass(frozen=True)
class ReaderConfig:
    """How pages are read: their layout, found from the text's shape unless named."""

    layout: str = field(default="auto", metadata=rule(lambda v: v in LAYOUT_NAMES, "one of " + ", ".join(map(repr, LAYOUT_NAMES))))


@dataclass(frozen=True)
class Config:
    reader: ReaderConfig = field(default_factory=ReaderConfig)
    translator: TranslatorConfig = field(default_factory=TranslatorConfig)
    summarizer: SummarizerConfig = field(default_factory=SummarizerConfig)
    glossary: GlossaryConfig = field(default_factory=GlossaryConfig)
    guard: GuardConfig = field(default_factory=GuardConfig)
    run: RunConfig = field(default_factory=RunConfig)
    # The file the settings came from ("" for the built-in defaults).
    source: str = ""
    # The dotted keys the user set, in the file or on the command line: a
    # model they named must be found, the default one may fall back.
    explicit: frozenset[str] = frozenset()

    def fallback_for(self, role: str) -> str:
        """The engine that stands in when the ``role`` section's model is missing ("" = none, an
        error): its fallback, unless the user named the model without asking for a fallback."""
        if f"{role}.model" in self.explicit and f"{role}.fallback" not in self.explicit:
            return ""
        return getattr(self, role).fallback


def load_config(path: Path | None = None) -> Config:
    """Read ``path``, or ./briefs.toml when present, else the defaults."""
    if path is None:
        path = Path(CONFIG_NAME)
        if not path.is_file():
            return Config()
    elif not path.is_file():
        raise BriefsError(f"{path}: config file not found")
    try:
        # Windows editors save UTF-8 with a byte order mark, which TOML itself does not allow.
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise BriefsError(f"{path}: not valid TOML: {err}") from None
    return parse_config(data, where=str(path), base=path.resolve().parent)


def parse_config(data: Mapping[str, Any], *, where: str, base: Path) -> Config:
    sections = _sections()
    values: dict[str, Any] = {"source": where}
    for name, table in data.items():
        if name not in sections:
            kind = "section" if isinstance(table, dict) else "key"
            raise BriefsError(f"{where}: unknown {kind} {name}{suggest(name, sections)}")
        if not isinstance(table, dict):
            raise BriefsError(f"{where}: {name} must be a [{name}] table")
        values[name] = build(sections[name], table, prefix=name, where=where, base=base)
    explicit = frozenset(f"{name}.{key}" for name, table in data.items() for key in table)
    return Config(**values, explicit=explicit)


def apply_overrides(config: Config, overrides: Mapping[str, Any], *, where: str = "command line") -> Config:
    """``{"translator.model": "x", "translator.ctranslate2.quantization": "float32"}`` → a new Config;
    None values are left alone."""
    sections = _sections()
    changed: dict[str, dict[str, Any]] = {}
    for dotted, value in overrides.items():
        if value is not None:
            name, _, key = dotted.partition(".")
            changed.setdefault(name, {})[key] = value
    updates = {}
    for name, table in changed.items():
        current = dataclasses.asdict(getattr(config, name))
        updates[name] = build(sections[name], overlay(sections[name], current, table), prefix=name, where=where, base=Path.cwd())
    explicit = config.explicit | {f"{name}.{key}" for name, table in changed.items() for key in table}
    return dataclasses.replace(config, **updates, explicit=explicit)


def _sections() -> dict[str, type]:
    hints = typing.get_type_hints(Config)
    return {f.name: hints[f.name] for f in dataclasses.fields(Config) if dataclasses.is_dataclass(hints[f.name])}

