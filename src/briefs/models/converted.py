"""Marian models converted for CTranslate2: made once in briefs' cache, then reused.

The configured Hugging Face model is converted with CTranslate2's own
converter into briefs' cache on first use, keyed by its weights, quantization
and the ctranslate2 version, and reused by every later run. A conversion is
written to a private folder and renamed into place, so a crash or a second
run converting at once never leaves a half-converted model where one is
looked for. The package is optional: imported on first use.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import sys
import tempfile
import time
import warnings
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from ..errors import BriefsError, first_line
from ..files import default_cache_dir
from .resolve import weights_fingerprint

CONVERTED_DIR = "ct2"  # under briefs' cache directory
MANIFEST = "briefs-ct2.json"  # what a converted model was made from, for `briefs models list`
INSTALL = "the ctranslate2 engine needs the ctranslate2 package: pip install 'briefs[ct2]'"
# Small files that shape the converted model besides the weights (vocabulary, special tokens).
_SOURCE_FILES = ("config.json", "generation_config.json", "tokenizer_config.json", "vocab.json")
# A half-converted model this old was left by a crash: no conversion takes an hour.
_STALE_SECONDS = 3600
_PART = ".part-"


def ctranslate2_module() -> ModuleType:
    try:
        import ctranslate2
    except ImportError:
        raise BriefsError(INSTALL) from None
    return ctranslate2


def conversion_root() -> Path:
    return default_cache_dir() / CONVERTED_DIR


def converted_model(source: Path, name: str, quantization: str) -> Path:
    """The CTranslate2 copy of the model in ``source``: converted on first use, then reused."""
    ct2 = ctranslate2_module()
    target = conversion_root() / conversion_key(source, name, quantization, ct2.__version__)
    if not (target / "model.bin").is_file():
        _convert(source, name, quantization, target)
    return target


def conversion_key(source: Path, name: str, quantization: str, version: str) -> str:
    """A folder name naming the model and covering everything the conversion depends on."""
    # The files' bytes, not their text: a changed line ending is a changed file.
    digest = hashlib.sha256()
    for filename in _SOURCE_FILES:
        path = source / filename
        digest.update(path.read_bytes() if path.is_file() else b"-")
    readable = re.sub(r"[^\w.-]", "_", Path(name.rstrip("/")).name) or "model"
    return f"{readable}@{weights_fingerprint(source)}-{digest.hexdigest()[:8]}-{quantization}-ct2_{version}"


def _convert(source: Path, name: str, quantization: str, target: Path) -> None:
    """Convert into a private sibling folder, then rename it into place in one step.

    A crash leaves only the private folder (swept later); of two runs
    converting at once, the first rename wins and the other's copy is dropped.
    """
    root = target.parent
    try:
        root.mkdir(parents=True, exist_ok=True)
        _sweep(root)
        work = Path(tempfile.mkdtemp(dir=root, prefix=f".{target.name}{_PART}"))
    except OSError as err:
        raise BriefsError(f"cannot write converted models to {root}: {err.strerror} (set BRIEFS_CACHE_DIR to a writable folder)") from None
    # Seconds for opus-mt, minutes for large models: say why the run pauses, once.
    print(f"briefs: converting {name} to CTranslate2 ({quantization}) into {root}; later runs reuse it", file=sys.stderr, flush=True)
    try:
        _run_converter(source, name, quantization, work)
        manifest = {"source": name, "source_path": str(source), "quantization": quantization,
                    "ctranslate2": ctranslate2_module().__version__, "converted": time.strftime("%Y-%m-%d %H:%M:%S")}  # fmt: skip
        (work / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
        try:
            work.rename(target)
        except OSError:
            if not (target / "model.bin").is_file():
                raise
    except OSError as err:
        raise BriefsError(f"cannot write the converted model to {target}: {err.strerror or err}") from None
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _run_converter(source: Path, name: str, quantization: str, work: Path) -> None:
    from ctranslate2.converters import TransformersConverter
    from transformers.utils import logging

    logging.disable_progress_bar()
    logging.set_verbosity_error()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            TransformersConverter(str(source)).convert(str(work), quantization=quantization, force=True)
    # The converter loads the model through transformers and raises whatever
    # that raises (OSError, ValueError, SafetensorError, NotImplementedError, ...).
    except Exception as err:  # noqa: BLE001
        raise BriefsError(f"cannot convert {name} to CTranslate2: {first_line(err)}") from None


def _sweep(root: Path) -> None:
    """Remove half-converted models that crashed runs left behind."""
    now = time.time()
    for leftover in root.glob(f".*{_PART}*"):
        try:
            if now - leftover.stat().st_mtime > _STALE_SECONDS:
                shutil.rmtree(leftover, ignore_errors=True)
        except OSError:
            pass  # another run swept it first


@dataclass(frozen=True)
class ConvertedModel:
    source: str  # the model as configured
    quantization: str
    ctranslate2: str  # the version that converted it
    path: Path
    bytes: int


def converted_models(root: Path | None = None) -> list[ConvertedModel]:
    """The converted models in the cache (finished ones only), by folder name."""
    root = conversion_root() if root is None else root
    if not root.is_dir():
        return []
    found = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")):
        try:
            manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            manifest = {}
        found.append(ConvertedModel(manifest.get("source", folder.name), manifest.get("quantization", "?"),
                                    manifest.get("ctranslate2", "?"), folder, _size(folder)))  # fmt: skip
    return found


def _size(folder: Path) -> int:
    total = 0
    for path in folder.rglob("*"):
        try:
            total += path.stat().st_size if path.is_file() else 0
        except OSError:
            pass  # deleted while we looked
    return total
