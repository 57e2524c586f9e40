"""Shared fixtures: tiny models built once per test session, and no network."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Tests never reach the Hugging Face hub: a model that is not on disk is
# reported missing at once instead of after a connection attempt.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
# The test models are tiny: one thread is fastest, and two threads per process
# oversubscribe a 2-core machine when anything else runs (measured: 30 s → 7 s
# for one seed's briefs with the stub Marian model).
os.environ.setdefault("OMP_NUM_THREADS", "1")


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
