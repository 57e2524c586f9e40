"""The extractive summarizer: the sentences that say most of what the article says, within a budget.

A news summary should cover the article, not just open it, so each sentence
is valued by what it adds to the summary so far: the character pairs of the
article it covers that the summary does not yet hold, weighted by how often
the article uses them (a frequency-weighted coverage, as in Lin & Bilmes's
budgeted submodular summaries), per character it costs. Two priors join that
value: its position, because a report puts what matters first, and its
centrality (TextRank: PageRank over the jieba words sentences share, with
restarts biased to the opening), because the sentences others echo carry the
story. Sentences are taken greedily until the budget (in characters) is
spent; a question is a point only where nothing is stated, and captions, bylines, credits and
promotions never count. The result is indices in source order, so every
summary point traces to a source sentence. Deterministic; no torch.

Measured on 450 news articles with reference summaries, length-matched
against Lead and TextRank: ``python benchmarks/bench_summary.py`` (README, "Summaries").
"""

from __future__ import annotations

import math
from collections import Counter
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Self, Sequence

import regex

from ..files import text_digest
from ..text.words import tokenizer

if TYPE_CHECKING:
    from ..config import Config, ModelConfig

VERSION = "0.2"

# Captions, bylines and promotions that reached the body anyway: "……摄", "（记者 张三）", "扫码关注".
_NOT_A_POINT = regex.compile(
    r"(?:\s摄|摄影|供图|图片来源\S*)\s*[)）]?$|^[(（]?(?:记者|通讯员|本报记者)\s*\S{2,4}[)）]?$"
    r"|^\p{Han}{2,4}\s*[/／]\s*\S{2,12}$|^图为|扫码|扫一扫|二维码|关注(?:我们|公众号)|点击(?:查看|阅读|进入)|阅读原文|https?://"
)
# Who said it, standing alone once the quotation before it is split off: 喀左县委主要领导表示。
_ATTRIBUTION = regex.compile(r"^[^。“”]{2,40}?(?:说|表示|介绍|指出|认为|强调|坦言|透露|告诉记者|称)[。.：:]?$")
# A heading that slipped in: short, and no punctuation anywhere.
_HEADING_MAX = 15
# Shorter than this (characters) it is a slogan or a fragment, not a statement of the news.
_POINT_MIN = 15
_PUNCTUATION = regex.compile(r"\p{P}")
_COUNTED = regex.compile(r"[\p{Han}\p{L}\p{N}]")
_QUESTION = regex.compile(r"[？?][”\"」』）)]*$")


class ExtractiveSummarizer:
    """Summarizer protocol: indices of the sentences that cover the article best within the budget."""

    def __init__(self, *, coverage: float = 1.5, position: float = 0.6, centrality: float = 0.2, overrun: float = 0.15, novelty: float = 0.3):
        # coverage: the exponent on how often the article uses a character pair; above 1 the pairs
        # that carry its subject count for more than those it uses twice in passing.
        # position, centrality: the priors' weights, in units of the mean weight of a pair.
        # overrun: how far past the budget the last sentence may run rather than leave room unused.
        self.coverage = coverage
        self.position = position
        self.centrality = centrality
        self.overrun = overrun
        # novelty: the share of its character pairs a sentence must add; below it, it repeats the summary.
        self.novelty = novelty

    @classmethod
    def from_config(cls, settings: ModelConfig, config: Config) -> Self:
        """Every engine's constructor (``engines.EngineClass``): the weights are measured, not configured."""
        return cls()

    @property
    def identity(self) -> str:
        return (
            f"engine:extractive|rank:coverage+textrank|coverage:{self.coverage}|position:{self.position}"
            f"|centrality:{self.centrality}|overrun:{self.overrun}|novelty:{self.novelty}|stopwords:{_stopwords()[1]}|v:{VERSION}"
        )

    def summarize(self, sentences: Sequence[str], budget: int) -> list[int]:
        """Indices of the sentences picked, in source order, about ``budget`` characters in all."""
        if budget <= 0 or not sentences:
            return []
        quoted = _inside_quotations(sentences)
        candidates = [i for i, s in enumerate(sentences) if is_point(s) and i not in quoted] or list(range(len(sentences)))
        pairs = {i: _pairs(sentences[i]) for i in candidates}
        counts = Counter(pair for i in candidates for pair in pairs[i])
        weight = {pair: n**self.coverage for pair, n in counts.items() if n >= 2}  # said once: a detail
        unit = sum(weight.values()) / len(weight) if weight else 1.0
        central = _centrality(candidates, {i: content_words(sentences[i]) for i in candidates})
        prior = {i: unit * (self.position / math.sqrt(1 + rank) + self.centrality * central[i]) for rank, i in enumerate(candidates)}
        return sorted(self._pick(candidates, pairs, weight, prior, sentences, budget))

    def _pick(self, candidates, pairs, weight, prior, sentences, budget: int) -> list[int]:
        picked: list[int] = []
        covered: set[str] = set()
        used = 0
        sizes = {i: max(size(sentences[i]), 1) for i in candidates}
        while used < budget:
            fitting = [
                i for i in candidates
                if i not in picked and (not picked or used + sizes[i] <= budget * (1 + self.overrun))
                and len(pairs[i] - covered) >= self.novelty * len(pairs[i])
                # An aside that shares nothing with the rest of the article says nothing of its story.
                and (not picked or any(pair in weight for pair in pairs[i]))
            ]
            # A rhetorical question (你还记得……吗？) says less than the statements that answer it: it is a
            # point only in an article that states nothing else.
            statements = [i for i in fitting if not _QUESTION.search(sentences[i].strip())]
            fitting = statements or ([] if picked else fitting)
            if not fitting:
                break

            def value(i: int) -> tuple[float, int]:
                gain = sum(weight.get(pair, 0.0) for pair in pairs[i] - covered) / sizes[i] + prior[i]
                return gain, -i  # ties go to the earlier sentence

            best = max(fitting, key=value)
            picked.append(best)
            covered |= pairs[best]
            used += sizes[best]
        return picked


def is_point(sentence: str) -> bool:
    """A statement of the news: not a caption, byline, credit, promotion or heading that slipped into the
    body, not an attribution or a piece of a quotation that the sentence split left on its own."""
    text = sentence.strip()
    if not text or _NOT_A_POINT.search(text) or _ATTRIBUTION.match(text) or size(text) < _POINT_MIN:
        return False
    if text.count("“") != text.count("”"):  # one end of a quotation: its other half stands elsewhere
        return False
    return len(text) > _HEADING_MAX or bool(_PUNCTUATION.search(text))


def _inside_quotations(sentences: Sequence[str]) -> set[int]:
    """The sentences that open inside a quotation an earlier sentence opened: a speaker's words, cut into
    sentences, are no statement of the news on their own."""
    inside, depth = set(), 0
    for i, sentence in enumerate(sentences):
        if depth > 0:
            inside.add(i)
        depth = max(0, depth + sentence.count("“") - sentence.count("”"))
    return inside


def size(sentence: str) -> int:
    """A sentence's length as a budget counts it: its characters, punctuation and spaces left out."""
    return len(_COUNTED.findall(sentence))


def _pairs(sentence: str) -> set[str]:
    kept = _COUNTED.findall(sentence)
    return {a + b for a, b in zip(kept, kept[1:])}


def _centrality(candidates: list[int], words: dict[int, frozenset[str]], damping: float = 0.85) -> dict[int, float]:
    """TextRank over shared words, restarts biased to the opening (1/(position+1)); scaled to a top of 1."""
    n = len(candidates)
    weights = [1.0 / (position + 1) for position in range(n)]
    prior = [w / sum(weights) for w in weights]
    links = [[_similarity(words[a], words[b]) if a != b else 0.0 for b in candidates] for a in candidates]
    out_weight = [sum(row) for row in links]
    incoming = [[(j, links[j][i] / out_weight[j]) for j in range(n) if links[j][i]] for i in range(n)]
    dangling = [j for j in range(n) if not out_weight[j]]  # a sentence sharing no words hands its rank back
    rank = prior[:]
    for _ in range(200):
        restart = (1 - damping) + damping * sum(rank[j] for j in dangling)
        new = [restart * prior[i] + damping * sum(rank[j] * w for j, w in incoming[i]) for i in range(n)]
        converged = sum(abs(a - b) for a, b in zip(new, rank)) < 1e-12
        rank = new
        if converged:
            break
    top = max(rank)
    return {i: r / top for i, r in zip(candidates, rank)}


def content_words(sentence: str) -> frozenset[str]:
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


@lru_cache(maxsize=1)
def _stopwords() -> tuple[frozenset[str], str]:
    """The stopwords, and a short hash of the list for the identity."""
    text = resources.files("briefs").joinpath("data", "stopwords.txt").read_text(encoding="utf-8")
    words = frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))
    return words, text_digest(text)
