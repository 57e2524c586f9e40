"""Where a model comes from: a local directory, then the Hugging Face cache, then the hub.

Offline must be found out in seconds, not after minutes of retries: the hub
is only tried when HF_HUB_OFFLINE is not set and one short TCP connect to it
(or to the proxy) succeeds. When a model cannot be had, the error says in one
line which model, where it looked and what to do. Nothing here imports torch.
"""

from __future__ import annotations

import os
import socket
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from ..errors import BriefsError, first_line
from ..files import file_digest

if TYPE_CHECKING:
    from ..config import Config

# Seconds to wait for a TCP connect to the hub before calling it unreachable.
PROBE_TIMEOUT = 2.0
# Weights other frameworks ship next to the PyTorch ones; never fetched.
_OTHER_FRAMEWORKS = ["*.h5", "*.msgpack", "*.ot", "*.onnx", "onnx/*", "*.tflite", "coreml/*", "openvino/*"]
_WEIGHT_FILES = ("model.safetensors", "pytorch_model.bin", "model.safetensors.index.json", "pytorch_model.bin.index.json")
_TRUE = ("1", "true", "yes", "on")


class ModelUnavailable(BriefsError):
    """A configured model is neither on disk nor downloadable right now."""


@dataclass(frozen=True)
class ResolvedModel:
    name: str  # as configured: a hub id or a directory
    path: Path  # a directory ``from_pretrained`` loads
    origin: str  # "directory", "cache" or "hub"


def resolve_model(name: str, revision: str = "", *, key: str = "translator.model", cache_dir: Path | None = None) -> ResolvedModel:
    """Find ``name`` locally, else download it; ModelUnavailable when neither works."""
    found = find_local(name, revision, key=key, cache_dir=cache_dir)
    if found is not None:
        return found
    why = offline_reason()
    if why:
        cache = cache_dir or _cache_root()
        raise ModelUnavailable(
            f"model {name} is not available: it is not a local directory, not in the Hugging Face cache ({cache}), "
            f"and {why}; run `briefs models download {name}` on a machine with network and copy that cache here, "
            f"or set {key} in briefs.toml to a local model directory"
        )
    return ResolvedModel(name, download_model(name, revision, cache_dir=cache_dir), "hub")


def find_local(name: str, revision: str = "", *, key: str = "translator.model", cache_dir: Path | None = None) -> ResolvedModel | None:
    """The model from a directory or the cache, without touching the network."""
    directory = Path(name).expanduser()
    if directory.is_dir():
        if not (directory / "config.json").is_file():
            raise ModelUnavailable(f"{key} = {name}: the directory has no config.json; point it at a saved model")
        return ResolvedModel(name, directory.resolve(), "directory")
    if _looks_like_path(name):
        raise ModelUnavailable(f"{key} = {name}: no such directory; set it to a saved model directory or a hub id")
    snapshot = _cached_snapshot(name, revision, cache_dir)
    return ResolvedModel(name, snapshot, "cache") if snapshot else None


def offline_reason() -> str:
    """Why the hub cannot be used now ("" when it can): quick by design."""
    if _env_true("HF_HUB_OFFLINE") or _env_true("TRANSFORMERS_OFFLINE"):
        return "HF_HUB_OFFLINE is set"
    host, port = _probe_target()
    if not _can_connect(host, port, PROBE_TIMEOUT):
        return f"the hub cannot be reached ({host}:{port} gave no connection within {PROBE_TIMEOUT:g}s)"
    return ""


def download_model(name: str, revision: str = "", *, cache_dir: Path | None = None) -> Path:
    """Fetch the PyTorch files of ``name`` into the Hugging Face cache."""
    why = offline_reason()
    if why:
        raise ModelUnavailable(f"cannot download {name}: {why}; run this on a machine with network")
    from huggingface_hub import HfApi, snapshot_download
    from huggingface_hub.errors import HfHubHTTPError

    try:
        files = HfApi().list_repo_files(name, revision=revision or None)
        # Both formats are often published; the safetensors copy is enough.
        skip = _OTHER_FRAMEWORKS + (["*.bin"] if any(f.endswith(".safetensors") for f in files) else [])
        path = snapshot_download(name, revision=revision or None, cache_dir=cache_dir, ignore_patterns=skip)
    except (HfHubHTTPError, OSError, ValueError) as err:
        raise ModelUnavailable(f"cannot download {name}: {first_line(err)}") from None
    return Path(path)


def weights_fingerprint(directory: Path) -> str:
    """A short content hash of a model's weights: part of every cache key."""
    for filename in _WEIGHT_FILES:
        path = directory / filename
        if path.is_file():
            real = path.resolve()
            # Hub blobs are named by the SHA-256 of their content: no need to read 300 MB.
            if real.parent.name == "blobs" and len(real.name) == 64:
                return real.name[:12]
            return file_digest(real)
    raise BriefsError(f"{directory}: no model weights (looked for {', '.join(_WEIGHT_FILES)})")


@dataclass(frozen=True)
class ModelStatus:
    role: str  # translator or summarizer
    engine: str
    model: str  # "" for an engine that needs none
    available: bool
    where: str  # where it was found, or what to do


def model_statuses(config: Config) -> list[ModelStatus]:
    """Each configured engine's model and whether it is here (no network used)."""
    from ..registry import MODEL_ENGINES

    statuses = []
    for role, section in (("translator", config.translator), ("summarizer", config.summarizer)):
        if section.engine not in MODEL_ENGINES:
            statuses.append(ModelStatus(role, section.engine, "", True, "built in, needs no model"))
            continue
        try:
            found = find_local(section.model, section.revision, key=f"{role}.model")
        except ModelUnavailable as err:
            statuses.append(ModelStatus(role, section.engine, section.model, False, str(err)))
            continue
        where = f"{_ORIGINS[found.origin]} {found.path}" if found else f"missing: run `briefs models download {section.model}`"
        fallback = config.fallback_for(role)  # none for a model the user named
        if not found and fallback:
            where += f" (until then the {fallback} engine stands in)"
        statuses.append(ModelStatus(role, section.engine, section.model, found is not None, where))
    return statuses


_ORIGINS = {"directory": "local directory", "cache": "Hugging Face cache"}


def _cached_snapshot(name: str, revision: str, cache_dir: Path | None) -> Path | None:
    from huggingface_hub import snapshot_download
    from huggingface_hub.errors import HFValidationError

    try:
        path = Path(snapshot_download(name, revision=revision or None, cache_dir=cache_dir, local_files_only=True))
    except HFValidationError:
        raise ModelUnavailable(f"{name!r} is neither a directory nor a valid hub model id (like Helsinki-NLP/opus-mt-zh-en)") from None
    except (OSError, ValueError):
        return None
    return path if (path / "config.json").is_file() else None


def _looks_like_path(name: str) -> bool:
    return name.startswith((".", "/", "~")) or "\\" in name or name.count("/") > 1 or os.path.exists(name)


def _cache_root() -> str:
    from huggingface_hub import constants

    return constants.HF_HUB_CACHE


def _env_true(variable: str) -> bool:
    return os.environ.get(variable, "").strip().lower() in _TRUE


def _probe_target() -> tuple[str, int]:
    """The host a download would connect to first: the proxy if one is set."""
    endpoint = os.environ.get("HF_ENDPOINT") or "https://huggingface.co"
    scheme = urlsplit(endpoint).scheme or "https"
    proxy = next((os.environ[v] for v in (f"{scheme}_proxy", f"{scheme.upper()}_PROXY", "all_proxy", "ALL_PROXY") if os.environ.get(v)), "")
    target = urlsplit(proxy if "://" in proxy else (f"http://{proxy}" if proxy else endpoint))
    return target.hostname or "huggingface.co", target.port or (443 if target.scheme == "https" else 80)


def _can_connect(host: str, port: int, timeout: float) -> bool:
    # Name resolution ignores socket timeouts and can hang for a long time
    # on a dead network, so the probe runs in a thread we stop waiting for.
    answer: list[bool] = []

    def probe() -> None:
        try:
            socket.create_connection((host, port), timeout=timeout).close()
            answer.append(True)
        except OSError:
            answer.append(False)

    thread = threading.Thread(target=probe, daemon=True)
    thread.start()
    thread.join(timeout)
    return bool(answer and answer[0])

