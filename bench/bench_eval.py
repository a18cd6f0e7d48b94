"""Throughput and peak memory of each summarizer on the Multi-News validation sample.

    python bench/bench_eval.py [DATASET] [--summarizers default,lead,lexrank,textrank,oracle] [--words 250]

Single process, single thread (as a library call runs). For each summarizer: clusters per
second for summarizing alone (input already cleaned and segmented, as in ``newsbrief eval``)
and end to end (clean + segment + summarize), and the peak Python heap allocated during one
cluster's summarization (tracemalloc, the largest over all clusters). Cleaning/segmenting is
timed once and reported as its own row. Rates are wall clock (run it on a quiet machine); the CPU
column is the process's CPU time a cluster (``time.process_time``), which a busy machine moves less.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
import tracemalloc
from pathlib import Path

from newsbrief.eval.datasets import load_dataset
from newsbrief.pipeline import prepare
from newsbrief.summarizers import Budget, get_summarizer, summarizer_class
from newsbrief.textsim import Cluster

DEFAULT_DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "multinews-val250.jsonl"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dataset", nargs="?", default=str(DEFAULT_DATA))
    parser.add_argument("--summarizers", default="default,lead,lexrank,textrank,oracle")
    parser.add_argument("--words", type=int, default=250)
    parser.add_argument("--limit", type=int)
    args = parser.parse_args(argv)
    if not Path(args.dataset).exists():
        print(f"dataset not found: {args.dataset} (pass its path)", file=sys.stderr)
        return 2

    items = load_dataset(args.dataset, limit=args.limit)
    started = time.perf_counter()
    prepared = [[a for a in prepare(item.articles()) if a.sentences] for item in items]
    prepare_seconds = time.perf_counter() - started
    n = len(items)
    n_sentences = sum(len(a.sentences) for articles in prepared for a in articles)
    print(f"{n} clusters, {n_sentences} sentences, budget {args.words} words; one process, one thread\n")
    print(
        f"| {'stage':<20} | {'clusters/s':>10} | {'end-to-end clusters/s':>21} | {'ms/cluster':>10} "
        f"| {'peak MiB':>8} | {'CPU ms/cl.':>10} |"
    )
    print(f"|{'-' * 22}|{'-' * 12}|{'-' * 23}|{'-' * 12}|{'-' * 10}|{'-' * 12}|")
    print(
        f"| {'clean + segment':<20} | {n / prepare_seconds:>10.1f} | {'':>21} "
        f"| {1000 * prepare_seconds / n:>10.1f} | {'':>8} | {'':>10} |"
    )
    for name in [s.strip() for s in args.summarizers.split(",") if s.strip()]:
        needs_reference = summarizer_class(name).needs_reference
        peak = 0
        for item, articles in zip(items, prepared, strict=True):
            # A fresh Cluster per summarizer: its TF-IDF matrix is part of the summarizer's cost.
            cluster = Cluster(articles)
            summarizer = get_summarizer(name, reference=item.references) if needs_reference else get_summarizer(name)
            tracemalloc.start()
            summarizer.summarize(cluster, Budget(words=args.words))
            peak = max(peak, tracemalloc.get_traced_memory()[1])
            tracemalloc.stop()
        # tracemalloc slows allocation-heavy code; time the summarizer again without it.
        begin, begin_cpu = time.perf_counter(), time.process_time()
        for item, articles in zip(items, prepared, strict=True):
            summarizer = get_summarizer(name, reference=item.references) if needs_reference else get_summarizer(name)
            summarizer.summarize(Cluster(articles), Budget(words=args.words))
        seconds = time.perf_counter() - begin
        cpu_seconds = time.process_time() - begin_cpu
        end_to_end = n / (seconds + prepare_seconds)
        print(
            f"| {name:<20} | {n / seconds:>10.1f} | {end_to_end:>21.1f} | {1000 * seconds / n:>10.1f} "
            f"| {peak / 2**20:>8.1f} | {1000 * cpu_seconds / n:>10.1f} |",
            flush=True,
        )
    max_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\nprocess peak resident memory (all of the above, data loaded): {max_rss:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
