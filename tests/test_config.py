"""briefs.toml: typed settings, read once; every mistake names its key."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from briefs.config import Config, CTranslate2Settings, TranslatorConfig, apply_overrides, load_config
from briefs.errors import BriefsError

REPO = Path(__file__).resolve().parents[1]


def write(tmp_path: Path, text: str, name: str = "briefs.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_when_there_is_no_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    config = load_config(None)
    assert config == Config()
    assert (config.translator.engine, config.translator.model, config.translator.fallback) == (
        "marian",
        "Helsinki-NLP/opus-mt-zh-en",
        "gloss",
    )
    assert config.summarizer.engine == "extractive"


def test_briefs_toml_in_the_working_directory_is_read(tmp_path, monkeypatch):
    write(tmp_path, "[translator]\nbeams = 2\n")
    monkeypatch.chdir(tmp_path)
    config = load_config(None)
    assert config.translator.beams == 2
    assert config.source == "briefs.toml"


def test_the_example_config_states_the_defaults():
    config = load_config(REPO / "briefs.example.toml")
    assert dataclasses.replace(config, source="", explicit=frozenset()) == Config()


def test_a_file_saved_with_a_byte_order_mark_is_read(tmp_path):
    path = tmp_path / "briefs.toml"
    path.write_text('[translator]\nengine = "gloss"\nbeams = 2\n', encoding="utf-8-sig")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    config = load_config(path)
    assert (config.translator.engine, config.translator.beams) == ("gloss", 2)


def test_values_are_typed(tmp_path):
    text = "[translator]\nlength_penalty = 2\nint8 = true\nbeams = 6\n[glossary]\nfiles = []\n"
    config = load_config(write(tmp_path, text))
    assert config.translator.length_penalty == 2.0 and isinstance(config.translator.length_penalty, float)
    assert config.translator.int8 is True
    assert config.glossary.files == ()


MISTAKES = [
    ("[translator]\nbeam = 4\n", "briefs.toml: unknown key translator.beam (did you mean beams?)"),
    ("[translater]\nbeams = 4\n", "briefs.toml: unknown section translater (did you mean translator?)"),
    ("beams = 4\n", "briefs.toml: unknown key beams"),
    ("[translator]\nbeams = \"4\"\n", "briefs.toml: translator.beams must be a whole number, not '4'"),
    ("[translator]\nbeams = 0\n", "briefs.toml: translator.beams must be a number >= 1, not 0"),
    ("[translator]\nbeams = 2.5\n", "translator.beams must be a whole number"),
    ("[translator]\nint8 = 1\n", "briefs.toml: translator.int8 must be true or false, not 1"),
    ("[translator]\nlength_penalty = true\n", "translator.length_penalty must be a number"),
    ("[translator]\nengine = \"google\"\n", "translator.engine must be one of 'ctranslate2', 'gloss', 'marian', 'seq2seq'"),
    ("[translator]\nfallback = \"marian\"\n", "translator.fallback must be one of 'gloss', ''"),
    ("[summarizer]\nengine = \"gloss\"\n", "summarizer.engine must be one of 'extractive', 'seq2seq'"),
    ("[translator]\nprompt = \"missing.txt\"\n", "translator.prompt must be a path to a UTF-8 template file containing {text}"),
    ("[glossary]\nfiles = \"terms.tsv\"\n", "glossary.files must be a list of strings"),
    ("[translator\n", "briefs.toml: not valid TOML"),
    ("translator = 3\n", "briefs.toml: translator must be a [translator] table"),
]


@pytest.mark.parametrize(
    "text, message",
    MISTAKES,
    ids=["typo-key", "typo-section", "top-level-key", "string-for-int", "zero-beams", "float-for-int", "int-for-bool",
         "bool-for-float", "unknown-engine", "model-engine-as-fallback", "translator-engine-as-summarizer",
         "missing-prompt-file", "string-for-list", "broken-toml", "scalar-section"],
)  # fmt: skip
def test_mistakes_are_one_line_errors_naming_the_key(tmp_path, monkeypatch, text, message):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, text)
    with pytest.raises(BriefsError) as caught:
        load_config(Path("briefs.toml"))
    assert message in str(caught.value)
    assert "\n" not in str(caught.value).strip()


def test_a_prompt_without_a_text_slot_is_refused(tmp_path):
    (tmp_path / "p.txt").write_text("Translate this.", encoding="utf-8")
    with pytest.raises(BriefsError, match=r"translator.prompt must be .*containing \{text\}"):
        load_config(write(tmp_path, '[translator]\nprompt = "p.txt"\n'))


def test_a_missing_config_file_is_an_error(tmp_path):
    with pytest.raises(BriefsError, match="config file not found"):
        load_config(tmp_path / "nope.toml")


def test_relative_paths_are_relative_to_the_config_file(tmp_path, monkeypatch):
    folder = tmp_path / "conf"
    (folder / "prompts").mkdir(parents=True)
    (folder / "prompts" / "t.txt").write_text("Translate: {text}", encoding="utf-8")
    (folder / "models" / "mine").mkdir(parents=True)
    text = '[translator]\nengine = "seq2seq"\nmodel = "models/mine"\nprompt = "prompts/t.txt"\n[glossary]\nfiles = ["terms.tsv"]\n'
    monkeypatch.chdir(tmp_path)
    config = load_config(write(folder, text))
    assert config.translator.model == str((folder / "models" / "mine").resolve())
    assert config.translator.prompt == str((folder / "prompts" / "t.txt").resolve())
    assert config.glossary.files == (str((folder / "terms.tsv").resolve()),)


def test_a_hub_id_is_left_as_it_is(tmp_path):
    config = load_config(write(tmp_path, '[translator]\nmodel = "facebook/nllb-200-distilled-600M"\n'))
    assert config.translator.model == "facebook/nllb-200-distilled-600M"


def test_command_line_overrides_win_and_none_means_unset(tmp_path):
    config = load_config(write(tmp_path, "[translator]\nbeams = 2\nint8 = true\n"))
    changed = apply_overrides(config, {"translator.beams": 5, "translator.int8": None, "translator.engine": "gloss"})
    assert (changed.translator.beams, changed.translator.int8, changed.translator.engine) == (5, True, "gloss")
    assert changed.summarizer == config.summarizer


def test_command_line_overrides_are_checked_like_the_file():
    with pytest.raises(BriefsError, match=r"command line: translator.beams must be a number >= 1, not 0"):
        apply_overrides(Config(), {"translator.beams": 0})


def test_settings_are_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        Config().translator.beams = 8  # type: ignore[misc]


def test_the_keys_the_user_set_are_remembered(tmp_path):
    config = load_config(write(tmp_path, '[translator]\nmodel = "org/mine"\n[guard]\nenabled = false\n'))
    assert config.explicit == {"translator.model", "guard.enabled"}
    changed = apply_overrides(config, {"summarizer.engine": "extractive", "translator.beams": None})
    assert changed.explicit == {"translator.model", "guard.enabled", "summarizer.engine"}
    assert Config().explicit == frozenset()


# (briefs.toml, command line) → the engine that stands in for a missing translation model.
FALLBACKS = [
    ("", {}, "gloss"),
    ('[translator]\nengine = "ctranslate2"\n', {"translator.engine": "marian"}, "gloss"),
    ('[translator]\nmodel = "org/mine"\n', {}, ""),
    ("", {"translator.model": "org/mine"}, ""),
    ('[translator]\nmodel = "org/mine"\nfallback = "gloss"\n', {}, "gloss"),
    ('[translator]\nfallback = "gloss"\n', {"translator.model": "org/mine"}, "gloss"),
    ('[translator]\nfallback = ""\n', {}, ""),
]


@pytest.mark.parametrize(
    "text, overrides, fallback",
    FALLBACKS,
    ids=["defaults", "engine-named", "model-in-file", "model-on-command-line", "model-and-fallback-in-file",
         "fallback-in-file-model-on-command-line", "no-fallback"],
)  # fmt: skip
def test_only_a_model_the_user_did_not_name_falls_back_unless_they_ask(tmp_path, text, overrides, fallback):
    config = apply_overrides(load_config(write(tmp_path, text)), overrides)
    assert config.fallback_for("translator") == fallback


# An engine's own settings: a section named after it inside its role's, [translator.ctranslate2].
CT2_SPELLINGS = {
    "section": '[translator]\nengine = "ctranslate2"\n[translator.ctranslate2]\nquantization = "float32"\ninter_threads = 2\n',
    "dotted": 'translator.ctranslate2 = { quantization = "float32", inter_threads = 2 }\n',
    "old-flat-keys": '[translator]\nct2_quantization = "float32"\nct2_inter_threads = 2\n',
}


@pytest.mark.parametrize("text", CT2_SPELLINGS.values(), ids=CT2_SPELLINGS.keys())
def test_an_engines_own_settings_are_read_from_its_section_or_the_old_flat_keys(tmp_path, text):
    assert load_config(write(tmp_path, text)).translator.ctranslate2 == CTranslate2Settings(quantization="float32", inter_threads=2)


def test_an_engines_section_left_out_is_its_defaults(tmp_path):
    config = load_config(write(tmp_path, '[translator]\nengine = "ctranslate2"\n'))
    assert config.translator.ctranslate2 == CTranslate2Settings() == CTranslate2Settings("int8", 0)


SECTION_MISTAKES = [
    ("[translator.ctranslate2]\nquantisation = \"int8\"\n",
     "briefs.toml: unknown key translator.ctranslate2.quantisation (did you mean quantization?)"),
    ("[translator.ctranslate2]\nquantization = \"int4\"\n",
     "briefs.toml: translator.ctranslate2.quantization must be one of 'int8', 'int8_float32', 'float32', not 'int4'"),
    ("[translator]\nct2_quantization = \"int4\"\n",
     "briefs.toml: translator.ct2_quantization must be one of 'int8', 'int8_float32', 'float32', not 'int4'"),
    ("[translator.ctranslate2]\ninter_threads = -1\n", "briefs.toml: translator.ctranslate2.inter_threads must be a number >= 0, not -1"),
    ("[translator]\nct2_inter_threads = \"2\"\n", "briefs.toml: translator.ct2_inter_threads must be a whole number, not '2'"),
    ("[translator]\nctranslate2 = \"int8\"\n", "briefs.toml: translator.ctranslate2 must be a [translator.ctranslate2] table"),
    ("[translator]\nct2_quantization = \"int8\"\n[translator.ctranslate2]\nquantization = \"float32\"\n",
     "briefs.toml: translator.ctranslate2.quantization is set twice, also as translator.ct2_quantization; keep the one in [translator.ctranslate2]"),
    ("[summarizer.ctranslate2]\nquantization = \"int8\"\n", "briefs.toml: unknown key summarizer.ctranslate2"),
    ("[translator.marian]\nbeams = 4\n", "briefs.toml: unknown key translator.marian"),
]


@pytest.mark.parametrize(
    "text, message",
    SECTION_MISTAKES,
    ids=["typo-key", "bad-value", "bad-value-old-key", "negative", "string-for-int-old-key", "scalar-section",
         "old-and-new-key", "not-a-summarizer-engine", "engine-without-settings"],
)  # fmt: skip
def test_mistakes_in_an_engines_section_are_one_line_errors_naming_the_key_as_written(tmp_path, monkeypatch, text, message):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, text)
    with pytest.raises(BriefsError) as caught:
        load_config(Path("briefs.toml"))
    assert str(caught.value) == message


def test_scripts_that_build_the_settings_with_the_old_flat_names_still_work():
    old = TranslatorConfig(engine="ctranslate2", ct2_quantization="float32", ct2_inter_threads=2)
    assert old == TranslatorConfig(engine="ctranslate2", ctranslate2=CTranslate2Settings("float32", 2))
    assert dataclasses.replace(old, beams=2).ctranslate2 == old.ctranslate2
    assert dataclasses.replace(old, ct2_quantization="int8").ctranslate2 == CTranslate2Settings("int8", 2)


@pytest.mark.parametrize("key", ["translator.ctranslate2.quantization", "translator.ct2_quantization"], ids=["section", "old-flat-key"])
def test_an_engines_settings_can_be_overridden_like_any_other(tmp_path, key):
    config = load_config(write(tmp_path, "[translator.ctranslate2]\nquantization = \"int8\"\ninter_threads = 2\n"))
    changed = apply_overrides(config, {key: "float32"})
    assert changed.translator.ctranslate2 == CTranslate2Settings("float32", 2)
    with pytest.raises(BriefsError, match=r"command line: translator\.ct.*quantization must be one of"):
        apply_overrides(config, {key: "int4"})
