"""A/B of the concept solver's guarantee: ROUGE and time of the default summarizer per gap.

    python bench/bench_solver.py [DATASET] [--words 250] [--limit N] [--gaps 0.01,0.03,0.05]

For each value of ``concepts.GREEDY_GAP`` (the share of the LP relaxation's bound within which the
greedy summary is kept without branch and bound) the default summarizer is run over the same
clusters, in one process, and scored as ``newsbrief eval`` scores it. The rows of one run share the
machine's load, so their ratio is meaningful where the absolute times are not. Prints a table, then
the number of branch-and-bound solves, the most nodes one took (``concepts.MIP_MAX_NODES`` must stay
far above it, or it would cut a real solve short) and the slowest one (``concepts.TIME_LIMIT_SECONDS``
must stay far above that, or scores would depend on the machine's load).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import numpy as np

from newsbrief.eval.datasets import load_dataset
from newsbrief.eval.rouge import METRICS, Rouge
from newsbrief.pipeline import prepare
from newsbrief.summarizers import Budget, concepts
from newsbrief.summarizers.concepts import DefaultSummarizer
from newsbrief.textsim import Cluster

DEFAULT_DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "multinews-val250.jsonl"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dataset", nargs="?", default=str(DEFAULT_DATA))
    parser.add_argument("--words", type=int, default=250)
    parser.add_argument("--limit", type=int)
    parser.add_argument("--gaps", default="0.01,0.03,0.05")
    args = parser.parse_args(argv)
    if not Path(args.dataset).exists():
        print(f"dataset not found: {args.dataset} (pass its path)", file=sys.stderr)
        return 2
    items = load_dataset(args.dataset, limit=args.limit, words=args.words)
    prepared = [[a for a in prepare(item.articles()) if a.sentences] for item in items]
    rouge = Rouge()
    shipped = concepts.GREEDY_GAP
    mip_seconds: list[float] = []
    mip_nodes: list[int] = []
    solve = concepts._Program.solve

    def timed_solve(program: concepts._Program, integral_columns: int) -> tuple[np.ndarray | None, float]:
        started = time.perf_counter()
        try:
            return solve(program, integral_columns)
        finally:
            if integral_columns:
                mip_seconds.append(time.perf_counter() - started)
                mip_nodes.append(program.nodes)

    concepts._Program.solve = timed_solve  # type: ignore[method-assign]
    print(f"{len(items)} clusters, budget {args.words} words, load average {os.getloadavg()[0]:.1f} at start\n")
    print("| GREEDY_GAP | " + " | ".join(f"{m:>9}" for m in METRICS) + " | ms/cluster | load |")
    print("|---|" + "---|" * len(METRICS) + "---|---|")
    try:
        for gap in (float(g) for g in args.gaps.split(",")):
            concepts.GREEDY_GAP = gap
            scores, seconds = [], 0.0
            for item, articles in zip(items, prepared, strict=True):
                cluster = Cluster(articles)
                started = time.perf_counter()
                selected = DefaultSummarizer().summarize(cluster, Budget(words=args.words)) if articles else []
                seconds += time.perf_counter() - started
                chosen = sorted((s for s in selected if s.selected), key=lambda s: (s.doc_id, s.sentence))
                texts = [cluster.article(s.doc_id).sentences[s.sentence].text for s in chosen]
                scores.append(rouge.score(texts, item.references))
            means = [float(np.mean([s[m] for s in scores])) for m in METRICS]
            print(
                f"| {gap:g} | "
                + " | ".join(f"{v:9.2f}" for v in means)
                + f" | {1000 * seconds / len(items):10.1f} | {os.getloadavg()[0]:4.1f} |",
                flush=True,
            )
    finally:
        concepts.GREEDY_GAP = shipped
        concepts._Program.solve = solve  # type: ignore[method-assign]
    print(
        f"\nbranch and bound: {len(mip_seconds)} solves, most nodes {max(mip_nodes, default=0)} "
        f"(node limit {concepts.MIP_MAX_NODES}), slowest {max(mip_seconds, default=0.0):.2f} s "
        f"(time limit {concepts.TIME_LIMIT_SECONDS:g} s), load average {os.getloadavg()[0]:.1f} at the end"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
