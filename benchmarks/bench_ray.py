"""Articles per minute: `briefs run` locally, on Ray with 1 worker, on Ray with 2 workers; and the driver's memory.

Not a test: it reads ../shared (the model's config and tokenizer) and takes minutes. From the repo root:

    python benchmarks/bench_ray.py [--copies 10] [--max-new-tokens 8] [--variants local,ray1,ray2] [--repeat 3]
    python benchmarks/bench_ray.py --memory 200,2000

Quiet-machine protocol: the variants run interleaved (local, ray1, ray2, local,
…) ``repeat`` times and each keeps its fastest run, so a burst of other load
hits every variant alike; the 1-minute load average is recorded before and
after, and with a load above 1.0 at the start the benchmark says so and
reports nothing (on 2 cores, a busy neighbour halves any variant's speed).
Speeds are given as ratios to the local run of the same round.

``--memory`` measures the Ray driver's own peak RSS (not its workers') for
about 200 and 2,000 articles with the gloss engine, two workers: the driver
keeps one index row per brief, so its memory should not grow with the run.

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


# The driver reports its own peak memory: RUSAGE_SELF leaves out the Ray processes it starts.
DRIVER = (
    "import resource, sys\n"
    "from briefs.cli import app\n"
    "try:\n    app(sys.argv[1:])\n"
    "finally:\n    print(f'driver peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB', file=sys.stderr)\n"
)


def run_variant(name: str, inputs: Path, config: Path, work: Path, tag: str = "") -> tuple[float, str, float]:
    env = {**os.environ, "BRIEFS_CACHE_DIR": str(work / f"cache-{name}{tag}"), "HF_HUB_OFFLINE": "1"}
    out = work / f"out-{name}{tag}"
    command = [sys.executable, "-c", DRIVER, "run", str(inputs), "--out", str(out), "--config", str(config), "--quiet", *VARIANTS[name]]
    started = time.monotonic()
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    seconds = time.monotonic() - started
    lines = done.stderr.strip().splitlines()
    closing = next((line for line in reversed(lines) if "briefs written" in line), "?")
    peak = float(re.search(r"driver peak RSS: (\d+) MB", done.stderr).group(1)) if "driver peak RSS" in done.stderr else 0.0
    if done.returncode != 0:
        raise SystemExit(f"{name} failed ({done.returncode}): {done.stderr[-2000:]}")
    return seconds, closing, peak


def quiet_enough() -> float:
    load = os.getloadavg()[0]
    if load > 1.0:
        raise SystemExit(f"load {load:.2f} at the start (1 min) is above 1.0: not a quiet machine, nothing reported")
    return load


def speed(args, work: Path) -> None:
    model = build_random_opus(WORK / "opus-mt-zh-en-random")
    inputs = work / "in"
    files = make_inputs(inputs, args.copies)
    config = work / "briefs.toml"
    config.write_text(f'[translator]\nengine = "marian"\nmodel = "{model}"\nbeams = 1\nmax_new_tokens = {args.max_new_tokens}\n[guard]\nenabled = false\n')
    before = quiet_enough()
    print(f"load before: {before:.2f} (1 min), {os.cpu_count()} cores; {files} files; {args.repeat} interleaved rounds", flush=True)
    names = args.variants.split(",")
    best: dict[str, float] = {}
    for round_ in range(args.repeat):
        for name in names:
            seconds, closing, _ = run_variant(name, inputs, config, work, tag=f"-{round_}")
            articles = int(re.search(r"(\d+) briefs written", closing).group(1))
            best[name] = min(best.get(name, math.inf), seconds)
            print(f"round {round_ + 1} {name:<6} {articles} articles in {seconds:7.1f}s | {closing}", flush=True)
    for name in names:
        ratio = f"  {best['local'] / best[name]:.2f}x local" if "local" in best else ""
        print(f"{name:<6} fastest {best[name]:7.1f}s = {articles * 60 / best[name]:6.1f} articles/min{ratio}")
    same = [name for name in names if name != "local" and _same(work / "out-local-0", work / f"out-{name}-0")]
    print(f"briefs identical to local: {', '.join(same) or 'none'}; load before {before:.2f}, after {os.getloadavg()[0]:.2f}")


def memory(args, work: Path) -> None:
    config = work / "briefs-gloss.toml"
    config.write_text('[translator]\nengine = "gloss"\n')
    for target in [int(n) for n in args.memory.split(",")]:
        inputs = work / f"in-{target}"
        files = make_inputs(inputs, max(1, round(target / 21)))
        seconds, closing, peak = run_variant("ray2", inputs, config, work, tag=f"-mem{target}")
        print(f"{closing.split(' briefs')[0].split()[-1]:>5} articles ({files} files): driver peak RSS {peak:.0f} MB, {seconds:.0f}s", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--max-new-tokens", type=int, default=8)
    parser.add_argument("--variants", default="local,ray1,ray2")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--memory", default="", help="article counts, e.g. 200,2000: the driver's peak memory instead of speed")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-ray-", dir=WORK))
    memory(args, work) if args.memory else speed(args, work)


def _same(a: Path, b: Path) -> bool:
    read = lambda folder: {p.name: p.read_bytes() for p in folder.glob("*.md")}  # noqa: E731
    return read(a) == read(b)


if __name__ == "__main__":
    main()
