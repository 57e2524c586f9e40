"""Gloss engine benchmark: dictionary load times, seeds gloss time, dev-set chrF,
and lines of output holding a dictionary note ("refers to …", "variant of …", a place's
description such as "province in east China" or "prefecture-level city"; target 0).

Not a test: it reads ../shared (beside the repository) and prints timings. Run from the repo root:

    python benchmarks/bench_gloss.py [--dev ../shared/eval/flores200-devtest-500] [--show N] [--notes]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

DEV = str(Path(__file__).resolve().parents[1] / ".." / "shared" / "eval" / "flores200-devtest-500")
SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def seed_sentences() -> list[str]:
    """Every title and body sentence of the seed pages, as the pipeline splits them."""
    from briefs.read import read_path
    from briefs.text.sentences import article_sentences

    pages = [read_path(path) for path in sorted(SEEDS.glob("*.txt"))]
    return [s for page in pages for a in page.articles for s in article_sentences(a.title, a.paragraphs)]


def note_lines(sources: list[str], english: list[str], show: bool = False) -> int:
    """How many glossed lines hold a dictionary note's wording (briefs.gloss.senses.NOTE_WORDING)."""
    from briefs.gloss.senses import NOTE_WORDING

    noted = [(zh, en) for zh, en in zip(sources, english) if NOTE_WORDING.search(en)]
    for zh, en in noted if show else ():
        print(f"  {zh}\n    {en}")
    return len(noted)


def timed(label: str, action):
    start = time.perf_counter()
    result = action()
    print(f"{label:<58} {time.perf_counter() - start:6.2f} s")
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dev", default=DEV, help="FLORES-style prefix: <dev>.zh and <dev>.en")
    parser.add_argument("--show", type=int, default=0, help="print the first N dev glosses")
    parser.add_argument("--notes", action="store_true", help="print each line holding a dictionary note")
    args = parser.parse_args()

    from briefs.engines.gloss import GlossTranslator
    from briefs.gloss.cedict import Cedict

    with tempfile.TemporaryDirectory() as empty:
        timed("dictionary load, cold (parse + write cache)", lambda: Cedict.load(cache_dir=Path(empty)))
        timed("dictionary load, warm (from the disk cache)", lambda: Cedict.load(cache_dir=Path(empty)))

        translator = GlossTranslator(cache_dir=Path(empty))
        # One sentence that touches every lazy part: the dictionary, the glossary
        # (and the jieba dictionary it loads for one-character terms), figures, names.
        timed("first call: every lazy load, warm disk caches", lambda: translator.translate(["喀左县3月23日投资28.72亿元,迟晓光说。"]))
        sentences = seed_sentences()
        chars = sum(map(len, sentences))
        timed(f"seeds gloss: {len(sentences)} sentences, {chars} characters", lambda: translator.translate(sentences))
        glossed = timed("seeds gloss again (senses remembered)", lambda: translator.translate(sentences))
        print(f"seeds: lines holding a dictionary note: {note_lines(sentences, glossed, args.notes)} of {len(glossed)}")

        source_path, reference_path = Path(args.dev + ".zh"), Path(args.dev + ".en")
        if not source_path.exists():
            return
        import sacrebleu

        source = source_path.read_text(encoding="utf-8").splitlines()
        reference = reference_path.read_text(encoding="utf-8").splitlines()
        hypotheses = timed(f"dev set: {len(source)} lines", lambda: translator.translate(source))
        print(f"dev set: lines holding a dictionary note: {note_lines(source, hypotheses, args.notes)} of {len(hypotheses)}")
        print(sacrebleu.corpus_chrf(hypotheses, [reference]))
        print(sacrebleu.corpus_bleu(hypotheses, [reference]))
        for zh, hyp, ref in list(zip(source, hypotheses, reference))[: args.show]:
            print(f"\n{zh}\n  gloss: {hyp}\n  ref:   {ref}")


if __name__ == "__main__":
    main()
