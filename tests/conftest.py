"""Shared fixtures: tiny models and the parsed dictionary built once per test session, no network,
no user cache; and the Hypothesis profiles."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import settings

# Tests never reach the Hugging Face hub: a model that is not on disk is
# reported missing at once instead of after a connection attempt.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
# The test models are tiny: one thread is fastest, and two threads per process
# oversubscribe a 2-core machine when anything else runs (measured: 30 s → 7 s
# for one seed's briefs with the stub Marian model).
os.environ.setdefault("OMP_NUM_THREADS", "1")

# Examples per property: a quick signal while editing, the thorough run in CI
# (300 is the most any property ran before the profiles; a test states only
# what is true of it alone, such as deadline=None for a slow one). Loaded here,
# before the test modules are imported, so their @settings build on it.
# HYPOTHESIS_PROFILE=ci runs CI's count locally.
settings.register_profile("dev", max_examples=20)
settings.register_profile("ci", max_examples=300, print_blob=True)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI", "").lower() in ("true", "1") else "dev")
)


@pytest.fixture(scope="session", autouse=True)
def session_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """BRIEFS_CACHE_DIR for every test that does not choose its own: no test reads or writes the user's cache.
    The dictionary is parsed here at most once per session (see ``dictionary_cache``)."""
    folder = tmp_path_factory.mktemp("session-cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BRIEFS_CACHE_DIR", str(folder))
        yield folder


@pytest.fixture(scope="session")
def dictionary_cache(session_cache: Path) -> Path:
    """The session's cache folder with CC-CEDICT parsed in it: a parse costs about 1 s, reading it back 0.1 s."""
    from briefs.gloss.cedict import Cedict

    Cedict.load(cache_dir=session_cache)
    return session_cache


@pytest.fixture(scope="session")
def cache_with_dictionary(dictionary_cache: Path) -> Callable[[Path], Path]:
    """``cache_with_dictionary(folder)``: a test's own cache folder (its own translation cache), made
    with the session's parsed dictionary already in it, so no test parses CC-CEDICT again. A subprocess
    given it as BRIEFS_CACHE_DIR finds the dictionary there too."""

    def make(folder: Path) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        for parsed in dictionary_cache.glob("*.pickle"):  # the dictionary's cache file (test_cedict.py)
            _link_or_copy(parsed, folder / parsed.name)
        return folder

    return make


def _link_or_copy(source: Path, target: Path) -> None:
    # A hard link costs nothing; briefs replaces a cache file, never writes into one,
    # so the tests' folders cannot change the session's copy.
    try:
        os.link(source, target)
    except FileExistsError:
        pass
    except OSError:
        shutil.copyfile(source, target)


@pytest.fixture(scope="session")
def stub_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("stub-models")


def _stub(root: Path, kind: str) -> Path:
    from briefs.models import make_stub

    directory = root / kind
    if not (directory / "config.json").exists():
        make_stub(directory, kind)
    return directory


@pytest.fixture(scope="session")
def stub_marian_dir(stub_root: Path) -> Path:
    """A Marian model that copies its input (see briefs/models/stub.py)."""
    return _stub(stub_root, "marian")


@pytest.fixture(scope="session")
def stub_t5_dir(stub_root: Path) -> Path:
    return _stub(stub_root, "t5")


@pytest.fixture(scope="session")
def stub_m2m_dir(stub_root: Path) -> Path:
    return _stub(stub_root, "m2m100")


@pytest.fixture(scope="session")
def pdfs() -> dict[str, bytes]:
    """The typeset test editions (tests/pdfpages.py), made once per session: typesetting is the slow part."""
    from pdfkit import typeset
    from pdfpages import EDITIONS

    return {name: typeset(edition) for name, edition in EDITIONS.items()}


@pytest.fixture
def gloss(tmp_path, monkeypatch, cache_with_dictionary):
    """The offline gloss engine and a private cache: what a run does with its inputs and its output
    folder is the same whatever the engine, and this one needs no model."""
    monkeypatch.setenv("BRIEFS_CACHE_DIR", str(cache_with_dictionary(tmp_path / "cache")))
    config = tmp_path / "briefs.toml"
    config.write_text('[translator]\nengine = "gloss"\n', encoding="utf-8")
    return config
