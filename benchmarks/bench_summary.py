"""Summary quality against reference summaries, length-matched: briefs' extractive summary, Lead and TextRank.

    python benchmarks/bench_summary.py [--file ../shared/eval/summaries-dev.jsonl] [--limit N] [--budget 200]

Each article of the development file (one JSON object a line: ``article``, ``summary``; its paragraphs
separated by spaces) is summarized by briefs' extractive engine within its character budget. Lead (the
article's opening) and TextRank (the classic graph ranking, no position prior) are cut to exactly as many
characters as briefs' summary, so no method gains by writing more. Scores are character ROUGE-1, ROUGE-2
and ROUGE-L F1 (characters as tokens, punctuation and spaces removed), averaged over the articles, as the
file's README describes. The file is read from ../shared beside the repository; nothing of it is copied.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from collections import Counter
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from briefs.engines.extractive import ExtractiveSummarizer, content_words  # noqa: E402
from briefs.text.datelines import strip_dateline  # noqa: E402
from briefs.text.sentences import split_sentences  # noqa: E402

DEFAULT_FILE = ROOT / ".." / "shared" / "eval" / "summaries-dev.jsonl"
_KEPT = regex.compile(r"[\p{Han}\p{L}\p{N}]")


def chars(text: str) -> list[str]:
    """Characters as ROUGE tokens: punctuation and spaces removed."""
    return _KEPT.findall(text)


def rouge_n(summary: list[str], reference: list[str], n: int) -> float:
    grams = lambda seq: Counter(tuple(seq[i : i + n]) for i in range(len(seq) - n + 1))  # noqa: E731
    ours, theirs = grams(summary), grams(reference)
    hits = sum((ours & theirs).values())
    if not hits:
        return 0.0
    precision, recall = hits / sum(ours.values()), hits / sum(theirs.values())
    return 2 * precision * recall / (precision + recall)


def rouge_l(summary: list[str], reference: list[str]) -> float:
    if not summary or not reference:
        return 0.0
    previous = [0] * (len(reference) + 1)
    for a in summary:
        current = [0]
        for j, b in enumerate(reference):
            current.append(previous[j] + 1 if a == b else max(previous[j + 1], current[j]))
        previous = current
    lcs = previous[-1]
    if not lcs:
        return 0.0
    precision, recall = lcs / len(summary), lcs / len(reference)
    return 2 * precision * recall / (precision + recall)


def textrank_order(sentences: list[str]) -> list[int]:
    """Classic TextRank (Mihalcea & Tarau 2004): PageRank over shared content words, no position prior."""
    words = [content_words(s) for s in sentences]
    n = len(sentences)

    def weight(a: frozenset, b: frozenset) -> float:
        shared = len(a & b)
        return shared / (math.log(1 + len(a)) + math.log(1 + len(b))) if shared and len(a) > 1 and len(b) > 1 else 0.0

    links = [[weight(words[i], words[j]) if i != j else 0.0 for j in range(n)] for i in range(n)]
    out = [sum(row) or 1.0 for row in links]
    rank = [1.0 / n] * n
    for _ in range(100):
        rank = [0.15 / n + 0.85 * sum(rank[j] * links[j][i] / out[j] for j in range(n)) for i in range(n)]
    return sorted(range(n), key=lambda i: (-rank[i], i))


def cut_to(sentences: list[str], order: list[int], length: int) -> list[str]:
    """Sentences taken in ``order`` until ``length`` characters, in source order, then cut to exactly that."""
    taken, total = [], 0
    for i in order:
        if total >= length:
            break
        taken.append(i)
        total += len(chars(sentences[i]))
    return chars("".join(sentences[i] for i in sorted(taken)))[:length]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", type=Path, default=DEFAULT_FILE)
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--budget", type=int, default=200, help="characters per summary (briefs' default: 200)")
    args = parser.parse_args()
    rows = [json.loads(line) for line in args.file.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = rows[: args.limit] if args.limit else rows
    engine = ExtractiveSummarizer()
    scores: dict[str, list[list[float]]] = {"briefs": [], "Lead, same length": [], "TextRank, same length": []}
    lengths = []
    started = time.perf_counter()
    for row in rows:
        # As a brief reads them: the dateline is the brief's header, never part of a point.
        sentences = [strip_dateline(s) or s for paragraph in row["article"].split() for s in split_sentences(paragraph)]
        reference = chars(row["summary"])
        picked = engine.summarize(sentences, args.budget)
        ours = chars("".join(sentences[i] for i in picked))
        lengths.append(len(ours))
        for name, summary in (
            ("briefs", ours),
            ("Lead, same length", chars(row["article"])[: len(ours)]),
            ("TextRank, same length", cut_to(sentences, textrank_order(sentences), len(ours))),
        ):
            scores[name].append([100 * rouge_n(summary, reference, 1), 100 * rouge_n(summary, reference, 2), 100 * rouge_l(summary, reference)])
    seconds = time.perf_counter() - started
    print(f"{len(rows)} articles, summaries of {sum(lengths) / len(lengths):.0f} characters on average "
          f"(references {sum(len(chars(r['summary'])) for r in rows) / len(rows):.0f}); {seconds:.1f} s\n")  # fmt: skip
    print("| method | ROUGE-1 | ROUGE-2 | ROUGE-L |\n|---|---|---|---|")
    for name, rows_ in scores.items():
        means = [sum(col) / len(col) for col in zip(*rows_)]
        print(f"| {name} | " + " | ".join(f"{m:.1f}" for m in means) + " |")


if __name__ == "__main__":
    main()
