"""Models: find one (local directory → Hugging Face cache → hub), build a stub, convert one for CTranslate2."""

from .resolve import (
    PROBE_TIMEOUT,
    ModelStatus,
    ModelUnavailable,
    ResolvedModel,
    download_model,
    find_local,
    model_statuses,
    offline_reason,
    resolve_model,
    weights_fingerprint,
)
from .stub import make_stub

__all__ = [
    "PROBE_TIMEOUT",
    "ModelStatus",
    "ModelUnavailable",
    "ResolvedModel",
    "download_model",
    "find_local",
    "make_stub",
    "model_statuses",
    "offline_reason",
    "resolve_model",
    "weights_fingerprint",
]
