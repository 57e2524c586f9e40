"""Articles per minute: `briefs run` locally, on Ray with 1 worker, on Ray with 2 workers.

Not a test: it reads /work/shared (the model's config and tokenizer) and takes minutes. From the repo root:

    python benchmarks/bench_ray.py [--copies 10] [--max-new-tokens 8] [--variants local,ray1,ray2]

Input: the seeds repeated ``copies`` times (21 articles each), every copy with its
digits shifted and a few common characters swapped, so each copy's sentences are
new to the cache. Model: opus-mt-zh-en's architecture with random weights (see
bench_translate.py), beams 1 and a small fixed max_new_tokens, because random
weights rarely stop and the run must fit in minutes; the guard is off (random
output fails it everywhere, which would only add retries). Each variant is a
fresh `briefs run` in its own process with an empty cache; its wall time
includes reading, model loading and, for Ray, starting a local Ray instance.
"""

from __future__ import annotations

import argparse
import math
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_translate import WORK, build_random_opus  # noqa: E402

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
# Frequent in every seed: rotating them (13 copies before a repeat) changes nearly every sentence.
SWAPS = "市县区镇村省的在是和了有为"


def varied(text: str, copy: int) -> str:
    if copy == 0:
        return text
    text = re.sub(r"\d", lambda m: str((int(m.group()) + copy) % 10), text)
    table = str.maketrans(SWAPS, SWAPS[copy % len(SWAPS) :] + SWAPS[: copy % len(SWAPS)])
    return text.translate(table)


def make_inputs(folder: Path, copies: int) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    for copy in range(copies):
        for seed in sorted(SEEDS.glob("*.txt")):
            (folder / f"{seed.stem}-v{copy:02d}.txt").write_text(varied(seed.read_text(encoding="utf-8"), copy), encoding="utf-8")
    return len(list(folder.glob("*.txt")))


VARIANTS = {"local": ["--executor", "local"], "ray1": ["--executor", "ray", "--workers", "1"], "ray2": ["--executor", "ray", "--workers", "2"]}


def run_variant(name: str, inputs: Path, config: Path, work: Path) -> tuple[float, str]:
    env = {**os.environ, "BRIEFS_CACHE_DIR": str(work / f"cache-{name}"), "HF_HUB_OFFLINE": "1"}
    command = [str(Path(sys.executable).parent / "briefs"), "run", str(inputs), "--out", str(work / f"out-{name}"), "--config", str(config), "--quiet", *VARIANTS[name]]
    started = time.monotonic()
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    seconds = time.monotonic() - started
    closing = (done.stderr.strip().splitlines() or ["?"])[-1]
    if done.returncode != 0:
        raise SystemExit(f"{name} failed ({done.returncode}): {done.stderr[-2000:]}")
    return seconds, closing


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--max-new-tokens", type=int, default=8)
    parser.add_argument("--variants", default="local,ray1,ray2")
    args = parser.parse_args()
    model = build_random_opus(WORK / "opus-mt-zh-en-random")
    work = Path(tempfile.mkdtemp(prefix="bench-ray-", dir=WORK))
    inputs = work / "in"
    files = make_inputs(inputs, args.copies)
    config = work / "briefs.toml"
    config.write_text(f'[translator]\nengine = "marian"\nmodel = "{model}"\nbeams = 1\nmax_new_tokens = {args.max_new_tokens}\n[guard]\nenabled = false\n')
    print(f"load: {os.getloadavg()[0]:.2f} (1 min), {os.cpu_count()} cores; {files} files", flush=True)
    results = {}
    for name in args.variants.split(","):
        seconds, closing = run_variant(name, inputs, config, work)
        articles = int(re.search(r"(\d+) briefs written", closing).group(1))
        results[name] = seconds
        print(f"{name:<6} {articles} articles in {seconds:7.1f}s = {articles * 60 / seconds:6.1f} articles/min | {closing}", flush=True)
    if "local" in results:
        for name in results:
            if name != "local":
                print(f"{name}: {(results[name] - results['local']) / articles * 1000:+.0f} ms per article against local")
    same = [name for name in results if name != "local" and _same(work / "out-local", work / f"out-{name}")]
    print(f"briefs identical to local: {', '.join(same) or 'none'}; load now {os.getloadavg()[0]:.2f}")


def _same(a: Path, b: Path) -> bool:
    read = lambda folder: {p.name: p.read_bytes() for p in folder.glob("*.md")}  # noqa: E731
    return read(a) == read(b)


if __name__ == "__main__":
    main()
