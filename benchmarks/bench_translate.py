"""Translation speed: briefs' Marian engine against a plain transformers loop.

Not a test: it reads /work/shared and takes a few minutes. Run from the repo root:

    python benchmarks/bench_translate.py [--sentences 64] [--beams 4] [--max-new-tokens 64] [--threads 2]

The model is opus-mt-zh-en's real architecture: its config and tokenizer from
/work/shared/models/opus-mt-zh-en, random weights (seed 0), saved to a
directory and loaded the way the real model is. Random weights give real
timings, not real translations; they also rarely produce </s>, so every
variant runs with the same fixed max_new_tokens and nearly every output is
that long. The sentences are the first N lines of FLORES-200 devtest (zh).

Variants, each in its own process so that peak memory (max RSS) is its own:
  plain      one sentence at a time: tokenizer → model.generate → decode
  briefs     MarianTranslator: length-sorted batches within batch_tokens
  briefs-int8  the same with int8 dynamic quantization of the linear layers
Same beams and max_new_tokens everywhere; time excludes loading (reported apart).

Then the size of the change int8 makes, measured on the stub model (which
copies its input, so float output is the reference): identical lines and chrF.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SHARED_MODEL = Path("/work/shared/models/opus-mt-zh-en")
DEV = Path("/work/shared/eval/flores200-devtest-500.zh")
WORK = Path(os.environ.get("BRIEFS_BENCH_DIR", Path(tempfile.gettempdir()) / "briefs-bench"))
TOKENIZER_FILES = ("config.json", "generation_config.json", "source.spm", "target.spm", "tokenizer_config.json", "vocab.json")
VARIANTS = ("plain", "briefs", "briefs-int8")


def build_random_opus(target: Path) -> Path:
    """opus-mt-zh-en's config and tokenizer with random weights, saved like the real model."""
    if (target / "model.safetensors").is_file():
        return target
    import torch
    from transformers import MarianConfig, MarianMTModel

    target.mkdir(parents=True, exist_ok=True)
    for name in TOKENIZER_FILES:
        shutil.copyfile(SHARED_MODEL / name, target / name)
    torch.manual_seed(0)
    MarianMTModel(MarianConfig.from_pretrained(SHARED_MODEL)).save_pretrained(target)
    return target


def plain_loop(model_dir: Path, beams: int, max_new: int):
    import torch
    from transformers import MarianMTModel, MarianTokenizer

    tokenizer = MarianTokenizer.from_pretrained(model_dir)
    model = MarianMTModel.from_pretrained(model_dir).eval()

    def translate(sentences: list[str]) -> list[str]:
        english = []
        with torch.inference_mode():
            for sentence in sentences:
                ids = model.generate(**tokenizer([sentence], return_tensors="pt"), num_beams=beams, max_new_tokens=max_new)
                english.append(tokenizer.decode(ids[0], skip_special_tokens=True))
        return english

    return translate


def briefs_engine(model_dir: Path, beams: int, max_new: int, int8: bool, batch_tokens: int, threads: int):
    from briefs.config import TranslatorConfig
    from briefs.engines.marian import MarianTranslator

    settings = TranslatorConfig(model=str(model_dir), beams=beams, max_new_tokens=max_new, int8=int8,
                                batch_tokens=batch_tokens, threads=threads)  # fmt: skip
    engine = MarianTranslator(settings)
    engine.loaded  # load now, so that timing covers translation only
    return engine.translate


def child(args: argparse.Namespace) -> None:
    """One variant: load, warm up, time; print one JSON line."""
    import torch

    torch.set_num_threads(args.threads)
    sentences = DEV.read_text(encoding="utf-8").splitlines()[: args.sentences]
    start = time.perf_counter()
    if args.variant == "plain":
        translate = plain_loop(args.model, args.beams, args.max_new_tokens)
    else:
        translate = briefs_engine(args.model, args.beams, args.max_new_tokens, args.variant == "briefs-int8", args.batch_tokens, args.threads)
    translate(["你好。"])
    loaded = time.perf_counter() - start
    start = time.perf_counter()
    english = translate(sentences)
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"variant": args.variant, "sentences": len(sentences), "seconds": seconds,
                      "load_seconds": loaded, "peak_mb": peak_mb, "english": english}, ensure_ascii=False))  # fmt: skip


def run_variant(args: argparse.Namespace, variant: str, model: Path) -> dict:
    command = [sys.executable, __file__, "--child", "--variant", variant, "--model", str(model),
               "--sentences", str(args.sentences), "--beams", str(args.beams), "--max-new-tokens", str(args.max_new_tokens),
               "--threads", str(args.threads), "--batch-tokens", str(args.batch_tokens)]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def int8_change_on_stub(sentences: list[str]) -> dict:
    import sacrebleu

    from briefs.config import TranslatorConfig
    from briefs.engines.marian import MarianTranslator
    from briefs.models import make_stub

    stub = make_stub(WORK / "stub-marian")
    outputs = {}
    for int8 in (False, True):
        engine = MarianTranslator(TranslatorConfig(model=str(stub), beams=4, max_new_tokens=128, int8=int8))
        outputs[int8] = engine.translate(sentences)
    same = sum(a == b for a, b in zip(outputs[False], outputs[True]))
    return {"lines": len(sentences), "identical": same, "chrf": sacrebleu.corpus_chrf(outputs[True], [outputs[False]]).score,
            "float_copies_input": sum(a.replace(" ", "") == s.replace(" ", "") for a, s in zip(outputs[False], sentences))}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=64)
    parser.add_argument("--beams", type=int, default=4)
    parser.add_argument("--max-new-tokens", type=int, default=64)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--batch-tokens", type=int, default=1024)
    parser.add_argument("--variants", default=",".join(VARIANTS))
    parser.add_argument("--stub-lines", type=int, default=200)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--variant", help=argparse.SUPPRESS)
    parser.add_argument("--model", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args)

    model = build_random_opus(WORK / "opus-mt-zh-en-random")
    print(f"model: {model} (opus-mt-zh-en architecture, random weights); {args.sentences} FLORES sentences; "
          f"beams {args.beams}; max_new_tokens {args.max_new_tokens}; threads {args.threads}; batch_tokens {args.batch_tokens}")  # fmt: skip
    results = {v: run_variant(args, v, model) for v in args.variants.split(",")}
    base = results.get("plain")
    print(f"{'variant':<12} {'sent/s':>8} {'speed-up':>9} {'seconds':>8} {'load s':>7} {'peak MB':>8}")
    for name, r in results.items():
        rate = r["sentences"] / r["seconds"]
        gain = f"{rate / (base['sentences'] / base['seconds']):.2f}x" if base else "-"
        print(f"{name:<12} {rate:8.3f} {gain:>9} {r['seconds']:8.1f} {r['load_seconds']:7.1f} {r['peak_mb']:8.0f}")
    if base and "briefs" in results:
        same = sum(a == b for a, b in zip(base["english"], results["briefs"]["english"]))
        print(f"plain and briefs outputs identical: {same}/{len(base['english'])} lines")
    stub_lines = DEV.read_text(encoding="utf-8").splitlines()[: args.stub_lines]
    change = int8_change_on_stub(stub_lines)
    print(f"int8 vs float on the stub model ({change['lines']} FLORES lines): {change['identical']} identical lines "
          f"({change['identical'] / change['lines']:.0%}), chrF {change['chrf']:.1f}; "
          f"float copies its input on {change['float_copies_input']} lines")  # fmt: skip


if __name__ == "__main__":
    main()
