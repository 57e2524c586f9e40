"""Settings only one engine reads, each in a section named after the engine: ``[translator.ctranslate2]``.

They live here, not beside their engine, because config is read below the
engines (``briefs --help`` and the reader never import one). An engine with
settings of its own adds one dataclass here and one field, named after it, in
its role's section (``TranslatorConfig``); ``alias`` keeps a flat key from
before engines had sections working.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .tables import at_least, rule

# CTranslate2 weight types. On CPU int8 and int8_float32 are one thing (int8
# matrix products, float32 elsewhere); float32 keeps the original weights.
CT2_QUANTIZATIONS = ("int8", "int8_float32", "float32")


@dataclass(frozen=True)
class CTranslate2Settings:
    """``[translator.ctranslate2]``: how the ctranslate2 engine converts and runs its model."""

    # The weights of the converted copy of the model.
    quantization: str = field(
        default="int8",
        metadata={**rule(lambda v: v in CT2_QUANTIZATIONS, "one of " + ", ".join(map(repr, CT2_QUANTIZATIONS))), "alias": "ct2_quantization"},
    )
    # Batches translated at once, each on threads / inter_threads cores
    # (batch_tokens is shared among them). 0 = two when there are two threads
    # or more: on CPU, parallel batches give more sentences per second than
    # more threads on one batch.
    inter_threads: int = field(default=0, metadata={**at_least(0), "alias": "ct2_inter_threads"})
