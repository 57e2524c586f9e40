"""Finding models: local directory, then the Hugging Face cache, then the hub; stub models."""

from __future__ import annotations

import hashlib
import math
import socket
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefs.cli import app
from briefs.config import Config, TranslatorConfig
from briefs.models import (
    ModelUnavailable,
    download_model,
    find_local,
    make_stub,
    model_statuses,
    offline_reason,
    resolve_model,
    weights_fingerprint,
)


@pytest.fixture
def offline(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")


@pytest.fixture
def online(monkeypatch):
    """Not declared offline: the hub is probed (at a port nothing listens on)."""
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    monkeypatch.delenv("TRANSFORMERS_OFFLINE", raising=False)
    for variable in ("https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY", "http_proxy", "HTTP_PROXY"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("HF_ENDPOINT", f"http://127.0.0.1:{closed_port()}")


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fake_cache(root: Path, repo: str, files: dict[str, bytes]) -> Path:
    """The layout huggingface_hub writes: blobs named by SHA-256, snapshots of symlinks, refs/main."""
    folder = root / f"models--{repo.replace('/', '--')}"
    commit = "0123456789abcdef0123456789abcdef01234567"
    snapshot = folder / "snapshots" / commit
    (folder / "blobs").mkdir(parents=True)
    snapshot.mkdir(parents=True)
    (folder / "refs").mkdir()
    (folder / "refs" / "main").write_text(commit)
    for name, content in files.items():
        blob = folder / "blobs" / hashlib.sha256(content).hexdigest()
        blob.write_bytes(content)
        (snapshot / name).symlink_to(blob)
    return snapshot


def test_a_local_directory_is_used_as_it_is(stub_marian_dir):
    found = resolve_model(str(stub_marian_dir))
    assert (found.origin, found.path) == ("directory", stub_marian_dir.resolve())


def test_a_model_in_the_hugging_face_cache_is_found_offline(tmp_path, offline):
    snapshot = fake_cache(tmp_path, "org/tiny", {"config.json": b"{}", "model.safetensors": b"weights"})
    found = resolve_model("org/tiny", cache_dir=tmp_path)
    assert (found.origin, found.path) == ("cache", snapshot)


def test_a_missing_model_offline_is_one_line_saying_where_and_what_to_do(tmp_path, offline):
    with pytest.raises(ModelUnavailable) as caught:
        resolve_model("Helsinki-NLP/opus-mt-zh-en", cache_dir=tmp_path, key="translator.model")
    message = str(caught.value)
    assert "\n" not in message
    for part in ("model Helsinki-NLP/opus-mt-zh-en is not available", "not a local directory", str(tmp_path),
                 "HF_HUB_OFFLINE is set", "briefs models download Helsinki-NLP/opus-mt-zh-en", "translator.model"):  # fmt: skip
        assert part in message


def test_an_unreachable_hub_is_found_out_by_one_connect_attempt(tmp_path, online):
    reason = offline_reason()
    assert reason.startswith("the hub cannot be reached (127.0.0.1:")
    with pytest.raises(ModelUnavailable, match="the hub cannot be reached"):
        resolve_model("org/absent", cache_dir=tmp_path)


def test_the_proxy_is_probed_when_one_is_set(online, monkeypatch):
    port = closed_port()
    monkeypatch.setenv("HTTPS_PROXY", f"http://127.0.0.1:{port}")
    monkeypatch.setenv("HF_ENDPOINT", "https://huggingface.co")
    assert f"127.0.0.1:{port}" in offline_reason()


def test_download_offline_says_so(offline):
    with pytest.raises(ModelUnavailable, match="cannot download org/model: HF_HUB_OFFLINE is set"):
        download_model("org/model")


LOCAL_MISTAKES = [
    ("./no/such/model", "no such directory"),
    ("/no/such/model", "no such directory"),
    ("not a model id!", "neither a directory nor a valid hub model id"),
]


@pytest.mark.parametrize("name, message", LOCAL_MISTAKES, ids=["relative-path", "absolute-path", "invalid-id"])
def test_names_that_cannot_be_a_model(name, message, offline):
    with pytest.raises(ModelUnavailable, match=message):
        find_local(name)


def test_a_directory_without_config_is_refused(tmp_path):
    with pytest.raises(ModelUnavailable, match="has no config.json"):
        find_local(str(tmp_path))


def test_fingerprint_of_a_hub_blob_is_its_name(tmp_path):
    snapshot = fake_cache(tmp_path, "org/tiny", {"config.json": b"{}", "model.safetensors": b"weights"})
    assert weights_fingerprint(snapshot) == hashlib.sha256(b"weights").hexdigest()[:12]
    # The name is trusted, the blob never read: a 300 MB file costs nothing.
    (snapshot / "model.safetensors").resolve().write_bytes(b"other weights")
    assert weights_fingerprint(snapshot) == hashlib.sha256(b"weights").hexdigest()[:12]


def test_fingerprint_of_a_plain_file_is_its_content_hash(tmp_path):
    (tmp_path / "pytorch_model.bin").write_bytes(b"other weights")
    assert weights_fingerprint(tmp_path) == hashlib.sha256(b"other weights").hexdigest()[:12]


@pytest.mark.parametrize("kind, fixture", [("marian", "stub_marian_dir"), ("t5", "stub_t5_dir"), ("m2m100", "stub_m2m_dir")])
def test_stub_models_are_tiny_and_the_same_every_time(kind, fixture, request, tmp_path):
    from safetensors import safe_open

    again = make_stub(tmp_path / kind, kind)
    assert weights_fingerprint(again) == weights_fingerprint(request.getfixturevalue(fixture))
    with safe_open(str(again / "model.safetensors"), "pt") as weights:
        parameters = sum(math.prod(weights.get_slice(name).get_shape()) for name in weights.keys())
    assert 20_000 < parameters < 1_000_000


def test_an_unknown_stub_kind_is_refused(tmp_path):
    from briefs.errors import BriefsError

    with pytest.raises(BriefsError, match="unknown stub kind 'gpt'; choose one of marian, t5, m2m100"):
        make_stub(tmp_path, "gpt")


def test_make_stub_offers_exactly_the_kinds_the_builder_knows():
    from briefs.cli.admin import StubKind
    from briefs.models.stub import KINDS

    assert [kind.value for kind in StubKind] == list(KINDS)


def test_model_statuses_tell_present_from_missing(stub_marian_dir, offline):
    present = Config(translator=TranslatorConfig(model=str(stub_marian_dir)))
    [translator, summarizer] = model_statuses(present)
    assert (translator.available, translator.where) == (True, f"local directory {stub_marian_dir.resolve()}")
    assert (summarizer.engine, summarizer.available, summarizer.model) == ("extractive", True, "")
    [missing, _] = model_statuses(Config(translator=TranslatorConfig(model="org/absent-model")))
    assert not missing.available
    assert "briefs models download org/absent-model" in missing.where and "gloss engine stands in" in missing.where


def test_cli_models_list_and_make_stub(tmp_path, offline):
    runner = CliRunner()
    built = runner.invoke(app, ["models", "make-stub", str(tmp_path / "m"), "--kind", "marian"])
    assert built.exit_code == 0 and (tmp_path / "m" / "config.json").is_file()
    config = tmp_path / "briefs.toml"
    config.write_text('[translator]\nmodel = "m"\n', encoding="utf-8")
    listed = runner.invoke(app, ["models", "list", "--config", str(config)])
    assert listed.exit_code == 0
    assert f"local directory {(tmp_path / 'm').resolve()}" in listed.output


def test_cli_models_download_offline_fails_in_one_line(offline):
    result = CliRunner().invoke(app, ["models", "download", "org/model"])
    assert result.exit_code == 2
    assert result.output.strip().count("\n") == 0 and "HF_HUB_OFFLINE is set" in result.output
