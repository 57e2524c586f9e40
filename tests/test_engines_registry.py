"""One table per extension point: an engine is a row of the registry and is built one way.

A new engine is one module in ``engines/`` and one row in ``registry.py`` (and,
if it has settings of its own, one dataclass in ``config/engines.py``). Nothing
else names it: not the code that builds engines, not config, not ``--help``.
"""

from __future__ import annotations

import ast
import dataclasses
import inspect
from pathlib import Path

import pytest
import typer

from briefs.cli import app
from briefs.config import Config, CTranslate2Settings, SummarizerConfig, TranslatorConfig
from briefs.config.tables import sections
from briefs.engines import build_summarizer, build_translator, offline_translator, strict_translator
from briefs.engines.extractive import ExtractiveSummarizer
from briefs.engines.gloss import GlossTranslator
from briefs.errors import BriefsError
from briefs.protocols import Summarizer, Translator
from briefs.registry import MODEL_ENGINES, SUMMARIZERS, TRANSLATORS, engine_class, spoken

ROLES = {"translator": (TRANSLATORS, Translator, TranslatorConfig), "summarizer": (SUMMARIZERS, Summarizer, SummarizerConfig)}
ENGINES = [(role, name) for role, (table, _, _) in ROLES.items() for name in table]
ENGINE_IDS = [f"{role}-{name}" for role, name in ENGINES]
# The stub each model engine runs on: a copying Marian model, or a random T5 one.
STUB_KIND = {"marian": "marian", "ctranslate2": "marian", "seq2seq": "t5"}


@pytest.fixture
def model_dirs(stub_marian_dir, stub_t5_dir) -> dict[str, Path]:
    return {"marian": stub_marian_dir, "t5": stub_t5_dir}


def configured(role: str, name: str, model: str = "") -> Config:
    settings = ROLES[role][2](engine=name, **({"model": model} if model else {}))
    return dataclasses.replace(Config(), **{role: settings})


def build(role: str, config: Config):
    return (build_translator if role == "translator" else build_summarizer)(config)


@pytest.mark.parametrize(("role", "name"), ENGINES, ids=ENGINE_IDS)
def test_every_registered_engine_class_has_the_one_constructor(role, name):
    cls = engine_class(ROLES[role][0], role, name)
    assert list(inspect.signature(cls.from_config).parameters) == ["settings", "config"]


@pytest.mark.parametrize(("role", "name"), ENGINES, ids=ENGINE_IDS)
def test_every_registered_engine_is_built_from_config_alone(role, name, model_dirs):
    table, protocol, _ = ROLES[role]
    model = str(model_dirs[STUB_KIND[name]]) if name in MODEL_ENGINES else ""
    engine, notes = build(role, configured(role, name, model))
    assert notes == []
    assert type(engine) is engine_class(table, role, name)
    assert isinstance(engine, protocol)
    assert engine.identity.startswith(f"engine:{name}|")


@pytest.mark.parametrize(("role", "name"), [e for e in ENGINES if e[1] not in MODEL_ENGINES], ids=str)
def test_the_engines_without_a_model_need_none(role, name):
    engine, notes = build(role, configured(role, name, "/no/such/model"))
    assert notes == [] and engine.identity.startswith(f"engine:{name}|")


def test_the_one_constructor_builds_what_the_engines_own_constructors_build(tmp_path, stub_marian_dir):
    """Same settings, same engine: the identities, which are the cache keys, are those of before."""
    terms = tmp_path / "terms.toml"
    terms.write_text('[place]\n"喀左" = "Kazuo"\n', encoding="utf-8")
    config = Config(glossary=dataclasses.replace(Config().glossary, files=(str(terms),)))
    glossed = offline_translator("gloss", config).identity
    assert glossed == GlossTranslator(glossary_paths=[terms]).identity != GlossTranslator().identity
    summarizer, _ = build_summarizer(config)
    assert summarizer.identity == ExtractiveSummarizer().identity
    ct2 = TranslatorConfig(engine="ctranslate2", model=str(stub_marian_dir), ctranslate2=CTranslate2Settings("float32"))
    old_keys = TranslatorConfig(engine="ctranslate2", model=str(stub_marian_dir), ct2_quantization="float32")
    assert build_translator(Config(translator=ct2))[0].identity == build_translator(Config(translator=old_keys))[0].identity
    assert "|quant:float32|" in build_translator(Config(translator=ct2))[0].identity


def test_the_guards_retry_is_the_configured_engine_built_the_same_way(stub_marian_dir):
    config = Config(translator=TranslatorConfig(engine="ctranslate2", model=str(stub_marian_dir), ctranslate2=CTranslate2Settings("float32", 2)))
    strict = strict_translator(config)
    assert strict.settings.ctranslate2 == CTranslate2Settings("float32", 2)
    assert strict.settings.repetition_penalty == config.guard.retry_repetition_penalty


def test_building_engines_names_no_engine():
    """engines/__init__.py looks engines up in the registry; it never branches on a name."""
    source = Path(inspect.getfile(build_translator)).read_text(encoding="utf-8")
    names = set(TRANSLATORS) | set(SUMMARIZERS)
    literals = {node.value for node in ast.walk(ast.parse(source)) if isinstance(node, ast.Constant)}
    assert literals & names == set()


@pytest.mark.parametrize("role", ROLES)
def test_an_engines_own_section_is_named_after_an_engine_of_its_role(role):
    table, _, settings = ROLES[role]
    assert set(sections(settings)) <= set(table)


def test_an_unknown_engine_is_an_error_listing_the_registered_ones():
    with pytest.raises(BriefsError, match="unknown translator engine 'google'; known engines: ctranslate2, gloss, marian, seq2seq"):
        engine_class(TRANSLATORS, "translator", "google")


def _option_help(command: str, option: str) -> str:
    group = typer.main.get_command(app)
    [param] = [p for p in group.commands[command].params if option in getattr(p, "opts", ())]
    return param.help or ""


def _listed(help_text: str) -> list[str]:
    """``Engine: a, b or c.`` → [a, b, c]."""
    names = help_text.partition(": ")[2].rstrip(".")
    return names.replace(" or ", ", ").split(", ")


HELP = [("run", "--translator", TRANSLATORS), ("run", "--summarizer", SUMMARIZERS), ("translate", "--translator", TRANSLATORS)]


@pytest.mark.parametrize(("command", "option", "table"), HELP, ids=[f"{c}{o}" for c, o, _ in HELP])
def test_help_lists_exactly_the_registered_engines(command, option, table):
    assert _listed(_option_help(command, option)) == list(table)


@pytest.mark.parametrize(("names", "said"), [(["a"], "a"), (["a", "b"], "a or b"), (["a", "b", "c"], "a, b or c")], ids=["one", "two", "three"])
def test_names_are_listed_as_a_sentence_says_them(names, said):
    assert spoken(names) == said
