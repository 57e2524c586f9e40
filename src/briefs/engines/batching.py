"""Batch in, order kept: split what is too long, sort by length, pack, put back.

Sorting by length before batching keeps padding (wasted work) small; the
batch budget counts padded source tokens, which bounds memory. Inputs longer
than the model takes are cut into clauses and the outputs re-joined by index,
never truncated. Pure Python: the model call is passed in.
"""

from __future__ import annotations

from typing import Callable, Sequence

from ..text.sentences import clauses


def split_for_model(texts: Sequence[str], limit: int, measure: Callable[[str], int]) -> list[tuple[int, str]]:
    """(input index, piece) for every non-blank input; pieces fit ``limit``.

    Blank pieces (spaces a cut left at the end) are dropped: a model given
    nothing invents something.
    """
    return [
        (index, piece)
        for index, text in enumerate(texts)
        if text.strip()
        for piece in clauses(text, limit, measure)
        if piece.strip()
    ]


def pack(lengths: Sequence[int], budget: int) -> list[list[int]]:
    """Indices in batches, longest first, each within ``count x longest <= budget``.

    A single input longer than the budget still gets a batch of its own.
    """
    order = sorted(range(len(lengths)), key=lambda i: (-lengths[i], i))
    batches: list[list[int]] = []
    for index in order:
        # Sorted longest first, so a batch's first member sets its padded length.
        if batches and lengths[batches[-1][0]] * (len(batches[-1]) + 1) <= budget:
            batches[-1].append(index)
        else:
            batches.append([index])
    return batches


def run_packed(texts: Sequence[str], lengths: Sequence[int], budget: int, generate: Callable[[list[str]], list[str]]) -> list[str]:
    """``generate`` over length-sorted batches; outputs back in input order."""
    outputs = [""] * len(texts)
    for batch in pack(lengths, budget):
        for index, output in zip(batch, generate([texts[i] for i in batch]), strict=True):
            outputs[index] = output
    return outputs


def rejoin(count: int, pieces: Sequence[tuple[int, str]], outputs: Sequence[str], joiner: str = " ") -> list[str]:
    """One output per input: the outputs of its pieces, in order; blank inputs give ""."""
    parts: list[list[str]] = [[] for _ in range(count)]
    for (index, _), output in zip(pieces, outputs, strict=True):
        if output.strip():
            parts[index].append(output.strip())
    return [joiner.join(p) for p in parts]
