"""Batch throughput (1 and 2 local workers, Dask) and how one brief's cost grows with story size.

All in one run, on the Multi-News validation clusters:

1. ``run_batch`` over the first ``--stories`` clusters (default: all 250) with full briefs
   (analysis included), once per engine: local in-process (1 worker), local with 2 worker
   processes, and a Dask ``LocalCluster`` of 2 single-threaded worker processes on 127.0.0.1.
   Wall time includes starting the engine; stories/second = stories / wall time.
2. One story of n documents (n = 10, 50, 200, 500, pooled from consecutive benchmark
   clusters), briefed in-process: seconds, seconds per document, and the ratio of the growth
   to n*log(n) growth from n=10 (<= ~1 means no worse than n log n).
3. A profile of the largest story: time per pipeline stage and each stage's growth exponent
   between the two largest sizes (1 = linear, 2 = quadratic), to name a super-linear stage.

    nice .venv/bin/python bench/bench_scale.py
    nice .venv/bin/python bench/bench_scale.py --stories 60 --sizes 10,50,200
"""

from __future__ import annotations

import argparse
import cProfile
import json
import math
import os
import pstats
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from newsbrief.analyse import ANALYSERS
from newsbrief.batch import DaskEngine, LocalEngine, run_batch
from newsbrief.batch.engines import Engine
from newsbrief.corroborate import find_support
from newsbrief.duplicates import near_duplicate_groups
from newsbrief.ingest import records_to_articles
from newsbrief.ingest.formats import parse_multinews_document
from newsbrief.pipeline import brief_articles, prepare
from newsbrief.settings import Options
from newsbrief.summarizers import get_summarizer
from newsbrief.textsim import Cluster

DEFAULT_DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "multinews-val250.jsonl"


def cpu_seconds() -> float:
    """User + system time of this process and of its children that have exited (the workers)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def throughput(data: Path, stories: int, folder: Path) -> None:
    subset = folder / "stories.jsonl"
    lines = data.read_text(encoding="utf-8").splitlines()[:stories]
    subset.write_text("\n".join(lines) + "\n", encoding="utf-8")
    engines: list[tuple[str, Callable[[], Engine]]] = [
        ("local, 1 worker (in-process)", lambda: LocalEngine(1)),
        ("local, 2 worker processes", lambda: LocalEngine(2)),
        ("dask LocalCluster, 2 workers", lambda: DaskEngine(workers=2)),
    ]
    print(f"\n## Throughput: {len(lines)} stories of {data.name}, full briefs (analysis on)")
    print("(cores busy = CPU seconds of this process and its finished workers / wall seconds: how many")
    print(" cores the run actually got; other jobs on a shared machine take the rest)")
    print(f"{'engine':<32} {'stories':>7} {'failed':>6} {'seconds':>8} {'stories/s':>10} {'cores busy':>10}")
    for number, (name, make) in enumerate(engines):
        output = folder / f"out-{number}.jsonl"
        cpu_before = cpu_seconds()
        started = time.perf_counter()
        report = run_batch(str(subset), str(output), Options(), make(), progress=False)
        elapsed = time.perf_counter() - started
        busy = (cpu_seconds() - cpu_before) / elapsed
        rate = report.briefed / elapsed
        print(f"{name:<32} {report.briefed:>7} {report.failed:>6} {elapsed:>8.1f} {rate:>10.2f} {busy:>10.2f}")


def pooled_documents(data: Path, n: int) -> list[str]:
    documents: list[str] = []
    for line in data.read_text(encoding="utf-8").splitlines():
        documents += [d for d in json.loads(line)["documents"] if d.strip()]
        if len(documents) >= n:
            return documents[:n]
    raise SystemExit(f"only {len(documents)} documents in {data}; cannot build a story of {n}")


def story(documents: list[str]):
    return records_to_articles(r for i, d in enumerate(documents) for r in parse_multinews_document(d, f"doc#{i}"))


def stage_functions() -> dict[str, Callable[..., object]]:
    """The functions whose cumulative profile time is one pipeline stage each."""
    stages: dict[str, Callable[..., object]] = {
        "clean+segment": prepare,
        "near-duplicates": near_duplicate_groups,
        "summarize": type(get_summarizer("default")).summarize,
        "corroboration (find_support)": find_support,
        "TF-IDF matrix": Cluster.matrix.func,
    }
    stages.update({f"analysis: {name}": analyser.function for name, analyser in ANALYSERS.registered().items()})
    return stages


def profile_stages(documents: list[str]) -> dict[str, float]:
    articles = story(documents)
    profiler = cProfile.Profile()
    profiler.enable()
    brief_articles(articles, Options())
    profiler.disable()
    stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    by_code = {(file, line, name): row[3] for (file, line, name), row in stats.items()}
    times = {}
    for stage, function in stage_functions().items():
        code = getattr(function, "__code__", None)
        key = (code.co_filename, code.co_firstlineno, code.co_name) if code else None
        times[stage] = by_code.get(key, 0.0)
    return times


def scaling(data: Path, sizes: list[int]) -> None:
    print("\n## One story of n documents (pooled from consecutive clusters), full brief, in-process")
    print(f"{'n':>5} {'seconds':>8} {'ms/doc':>7} {'t(n)/t(10)':>10} {'nlogn ratio':>11} {'vs nlogn':>8}")
    base: tuple[int, float] | None = None
    profiles: dict[int, dict[str, float]] = {}
    for n in sizes:
        documents = pooled_documents(data, n)
        profiles[n] = profile_stages(documents)
        # The profiler slows every call alike; report unprofiled time from a second, clean run.
        articles = story(documents)
        started = time.perf_counter()
        brief_articles(articles, Options())
        seconds = time.perf_counter() - started
        base = base or (n, seconds)
        growth = seconds / base[1]
        nlogn = (n * math.log(n)) / (base[0] * math.log(base[0]))
        print(
            f"{n:>5} {seconds:>8.2f} {1000 * seconds / n:>7.1f} {growth:>10.2f} {nlogn:>11.2f} {growth / nlogn:>8.2f}"
        )
    small, large = sizes[-2], sizes[-1]
    print(f"\n## Profile by stage (cProfile cumulative seconds), n={small} and n={large}")
    print(f"{'stage':<34} {f'n={small}':>8} {f'n={large}':>8} {'exponent':>8}")
    for stage in profiles[large]:
        a, b = profiles[small][stage], profiles[large][stage]
        exponent = math.log(b / a) / math.log(large / small) if a > 0 and b > 0 else float("nan")
        print(f"{stage:<34} {a:>8.2f} {b:>8.2f} {exponent:>8.2f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--stories", type=int, default=250, help="clusters for the throughput table")
    parser.add_argument("--sizes", default="10,50,200,500", help="story sizes (documents) for the scaling table")
    parser.add_argument("--skip-throughput", action="store_true")
    args = parser.parse_args()
    if not args.data.exists():
        print(f"benchmark data not found at {args.data} (pass --data PATH)", file=sys.stderr)
        return 2
    print(f"# {' '.join([Path(sys.executable).name, *sys.argv])}")
    print(f"# {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at start")
    if not args.skip_throughput:
        with tempfile.TemporaryDirectory() as folder:
            throughput(args.data, args.stories, Path(folder))
    scaling(args.data, [int(n) for n in args.sizes.split(",")])
    return 0


if __name__ == "__main__":
    sys.exit(main())
