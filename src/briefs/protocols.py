"""The seam between the pipeline and every model: what a translator and a summarizer are.

The pipeline sees only these. A stub, Marian, mT5, NLLB, CTranslate2 or the
gloss engine are interchangeable because nothing asks more of them.
"""

from __future__ import annotations

from typing import Protocol, Sequence, runtime_checkable


@runtime_checkable
class Translator(Protocol):
    # model id + revision/hash + settings: one string is the cache key,
    # the sidecar field and the brief footer.
    identity: str

    def translate(self, sentences: Sequence[str]) -> list[str]:
        """Chinese sentences in, English sentences out, same length and order."""
        ...


@runtime_checkable
class Summarizer(Protocol):
    identity: str

    def summarize(self, sentences: Sequence[str], budget: int) -> list[int | str]:
        """About ``budget`` characters of summary: indices into ``sentences``
        (extractive, in source order) or written summary sentences (abstractive)."""
        ...


@runtime_checkable
class CountsCutOutputs(Protocol):
    """A model engine that counts outputs stopped by its token limit: a run reports them, never silently."""

    output_cuts: int


def identity_fields(identity: str) -> dict[str, str]:
    """`engine:marian|model:x@rev|beams:4` → {"engine": "marian", "model": "x@rev", "beams": "4"}."""
    fields = {}
    for part in identity.split("|"):
        key, sep, value = part.partition(":")
        if sep:
            fields[key] = value
    return fields
