"""What each rule of the gloss engine is worth: chrF and BLEU on the dev set, step by step.

Not a test: it reads ../shared (beside the repository). Run from the repo root:

    python benchmarks/gloss_steps.py [--dev ../shared/eval/flores200-devtest-500]

Step 0 is the naive gloss: CC-CEDICT's first sense of the first entry, words
split by fewest dictionary words, punctuation left as it is. Each later step
switches one more rule on (GlossFeatures), ending with the engine as shipped.
Every step is the engine alone (as ``briefs eval --raw``), each in its own
process, scored with sacrebleu through briefs.eval; the last column is
the time to gloss the whole set with the dictionary cache warm.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

DEV = str(Path(__file__).resolve().parents[1] / ".." / "shared" / "eval" / "flores200-devtest-500")

# (label, GlossFeatures fields on, built-in glossary on): each step adds to the one before.
STEPS: list[tuple[str, tuple[str, ...], bool]] = [
    ("0 naive: first CC-CEDICT sense, fewest words", (), False),
    ("1 + core lexicon (news senses)", ("lexicon",), False),
    ("2 + sense choice (notes never shown, short frequent senses)", ("sense_ranking",), False),
    ("3 + particles, classifiers, localizers dropped", ("function_words",), False),
    ("4 + figures and dates", ("figures",), False),
    ("5 + names (romanized, dotted foreign names)", ("names",), False),
    ("6 + glossary terms", (), True),
    ("7 + English punctuation and capitals", ("punctuation",), True),
    ("8 + articles, clause-final readings", ("articles",), True),
    ("9 + possessives: pronoun + 的 → my, their", ("possessives",), True),
    ("10 + sense by part of speech (jieba's tags)", ("pos_senses",), True),
    ("11 + \"the\" before a verb's object", ("object_articles",), True),
    ("12 + 一 + classifier → a", ("indefinite_article",), True),
    ("13 + past tense", ("past_tense",), True),
    ("14 + general news lexicon", ("general_lexicon",), True),
    ("15 + passive: 被 (agent) verb → was verb (by agent)", ("passives",), True),
    ("16 + plurals after counts; a/an", ("plurals",), True),
    ("17 + original spelling in brackets replaces a transliterated name", ("original_names",), True),
    ("18 + decades and centuries (20世纪60年代 → the 1960s)", ("eras",), True),
]


def cumulative(upto: int) -> tuple[set[str], bool]:
    on: set[str] = set()
    glossary = False
    for _, names, with_glossary in STEPS[: upto + 1]:
        on |= set(names)
        glossary = glossary or with_glossary
    return on, glossary


def child(step: int, dev: str) -> None:
    from dataclasses import fields

    from briefs.engines.gloss import GlossTranslator
    from briefs.gloss.rules import GlossFeatures
    from briefs.engines import translate_lines
    from briefs.eval.scores import corpus_scores

    on, glossary = cumulative(step)
    features = GlossFeatures(**{f.name: f.name in on for f in fields(GlossFeatures)})
    translator = GlossTranslator(include_default_glossary=glossary, features=features)
    translator.translate(["喀左县3月23日投资28.72亿元,迟晓光说。"])  # every lazy load, before the clock
    source = Path(dev + ".zh").read_text(encoding="utf-8").splitlines()
    reference = Path(dev + ".en").read_text(encoding="utf-8").splitlines()
    start = time.perf_counter()
    english = translate_lines(translator, source)
    seconds = time.perf_counter() - start
    chrf, bleu, signatures = corpus_scores(english, reference)
    print(json.dumps({"chrf": chrf, "bleu": bleu, "seconds": seconds, "signatures": signatures}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", default=DEV, help="FLORES-style prefix: <dev>.zh and <dev>.en")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        return child(args.child, args.dev)
    print("| step | chrF | BLEU | seconds |\n|---|---:|---:|---:|")
    last = {}
    for number, (label, _, _) in enumerate(STEPS):
        done = subprocess.run([sys.executable, __file__, "--child", str(number), "--dev", args.dev],
                              capture_output=True, text=True, check=True)  # fmt: skip
        last = json.loads(done.stdout.strip().splitlines()[-1])
        print(f"| {label} | {last['chrf']:.2f} | {last['bleu']:.2f} | {last['seconds']:.2f} |", flush=True)
    print(f"\nchrF: {last['signatures']['chrf']}\nBLEU: {last['signatures']['bleu']}")


if __name__ == "__main__":
    main()
