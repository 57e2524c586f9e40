"""The extractive summarizer: the most central body sentences, in source order.

Sentences are ranked by graph centrality (TextRank: PageRank over a graph
whose edges are the words two sentences share, jieba words, stopwords left
out), with the walk's restarts biased to the opening sentences and a share
of the score given by position itself, because a news report puts what
matters first (PositionRank biases keywords the same way). The top ones are then taken greedily, each one only if it does not
repeat what is already taken (maximal marginal relevance), and returned as
indices in source order, so every summary sentence traces to a source
sentence and identical sentences never collide. Deterministic; no torch.
"""

from __future__ import annotations

import math
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Self, Sequence

import regex

from ..files import text_digest
from ..text.words import tokenizer

if TYPE_CHECKING:
    from ..config import Config, ModelConfig

VERSION = "0.1"

# Captions and bylines that reached the body anyway: "……摄", "（记者 张三）".
_CAPTION = regex.compile(r"(?:\s摄|摄影|供图|图片来源\S*)\s*[)）]?$|^[(（]?(?:记者|通讯员|本报记者)\s*\S{2,4}[)）]?$")
# A heading that slipped in: short, and no punctuation anywhere.
_HEADING_MAX = 15
_PUNCTUATION = regex.compile(r"\p{P}")


class ExtractiveSummarizer:
    """Summarizer protocol: indices of the central sentences, in source order."""

    def __init__(self, *, damping: float = 0.85, lead_weight: float = 0.25, redundancy: float = 0.5, diversity: float = 0.3):
        # damping: share of rank that follows shared words; the rest restarts
        # at a sentence with probability falling as 1/(position+1).
        # lead_weight: share of the final score given by that position prior
        # alone: centrality barely separates the lead from the sentences that
        # elaborate it, and the lead is where a report says what happened.
        self.damping = damping
        self.lead_weight = lead_weight
        # redundancy: word overlap (Jaccard) at which a sentence repeats a
        # picked one and is skipped; diversity: MMR's weight on novelty.
        self.redundancy = redundancy
        self.diversity = diversity

    @classmethod
    def from_config(cls, settings: ModelConfig, config: Config) -> Self:
        """Every engine's constructor (``engines.EngineClass``): the ranking's weights are measured, not configured."""
        return cls()

    @property
    def identity(self) -> str:
        return (
            f"engine:extractive|rank:textrank|damping:{self.damping}|lead:{self.lead_weight}"
            f"|redundancy:{self.redundancy}|diversity:{self.diversity}|stopwords:{_stopwords()[1]}|v:{VERSION}"
        )

    def summarize(self, sentences: Sequence[str], k: int) -> list[int]:
        if k <= 0 or not sentences:
            return []
        candidates = [i for i, s in enumerate(sentences) if _is_body(s)] or list(range(len(sentences)))
        words = {i: _content_words(sentences[i]) for i in candidates}
        scores = self._centrality(candidates, words)
        return sorted(self._pick(candidates, words, scores, k))

    def _centrality(self, candidates: list[int], words: dict[int, frozenset[str]]) -> dict[int, float]:
        n = len(candidates)
        prior = _lead_prior(n)
        links = [[_similarity(words[a], words[b]) if a != b else 0.0 for b in candidates] for a in candidates]
        out_weight = [sum(row) for row in links]
        incoming = [[(j, links[j][i] / out_weight[j]) for j in range(n) if links[j][i]] for i in range(n)]
        # A sentence sharing no words with any other hands its rank back to the restart.
        dangling = [j for j in range(n) if not out_weight[j]]
        rank = prior[:]
        for _ in range(200):
            restart = (1 - self.damping) + self.damping * sum(rank[j] for j in dangling)
            new = [restart * prior[i] + self.damping * sum(rank[j] * w for j, w in incoming[i]) for i in range(n)]
            converged = sum(abs(a - b) for a, b in zip(new, rank)) < 1e-12
            rank = new
            if converged:
                break
        top = max(rank)
        lead = [p / prior[0] for p in prior]
        return {i: (1 - self.lead_weight) * r / top + self.lead_weight * p for i, r, p in zip(candidates, rank, lead)}

    def _pick(self, candidates: list[int], words: dict[int, frozenset[str]], scores: dict[int, float], k: int) -> list[int]:
        picked: list[int] = []
        remaining = list(candidates)
        while remaining and len(picked) < k:

            def gain(i: int) -> tuple[float, int]:
                overlap = max((_jaccard(words[i], words[j]) for j in picked), default=0.0)
                # Ties go to the earlier sentence (the larger negative index).
                return ((1 - self.diversity) * scores[i] - self.diversity * overlap, -i)

            best = max(remaining, key=gain)
            remaining.remove(best)
            if all(_jaccard(words[best], words[j]) < self.redundancy for j in picked):
                picked.append(best)
        return picked


def _lead_prior(n: int) -> list[float]:
    weights = [1.0 / (position + 1) for position in range(n)]
    total = sum(weights)
    return [w / total for w in weights]


def _is_body(sentence: str) -> bool:
    """Not a caption, byline or heading that slipped into the body."""
    text = sentence.strip()
    if not text or _CAPTION.search(text):
        return False
    return len(text) > _HEADING_MAX or bool(_PUNCTUATION.search(text))


def _content_words(sentence: str) -> frozenset[str]:
    stop = _stopwords()[0]
    return frozenset(
        w for w in tokenizer().lcut(sentence) if len(w) > 1 and w not in stop and regex.search(r"\p{L}", w)
    )


def _similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """TextRank's overlap, normalized by length so long sentences do not win by size."""
    shared = len(a & b)
    if not shared:
        return 0.0
    return shared / (math.log(1 + len(a)) + math.log(1 + len(b)))


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 1.0


@lru_cache(maxsize=1)
def _stopwords() -> tuple[frozenset[str], str]:
    """The stopwords, and a short hash of the list for the identity."""
    text = resources.files("briefs").joinpath("data", "stopwords.txt").read_text(encoding="utf-8")
    words = frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))
    return words, text_digest(text)
