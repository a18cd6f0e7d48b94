"""``newsbrief eval DATASET``: score summarizers side by side with ROUGE on a benchmark."""

from __future__ import annotations

import argparse
import json
import os
import sys

from newsbrief.commands.arguments import positive_int
from newsbrief.errors import EXIT_OK
from newsbrief.eval.datasets import READERS, load_dataset
from newsbrief.eval.rouge import METRICS
from newsbrief.eval.runner import aggregate, check_summarizers, format_table, iter_evaluation
from newsbrief.fileio import write_atomic
from newsbrief.summarizers import available

HELP = "score summarizers with ROUGE on a benchmark dataset"
DESCRIPTION = """\
Summarize every cluster of a benchmark dataset with each summarizer (same cleaned input,
same word budget) and score the summaries against the human references with ROUGE-1,
ROUGE-2 and ROUGE-Lsum F1 (rouge-score, Porter stemming). Prints one row per summarizer:
mean F1 (%) with a 95% bootstrap interval over clusters.

Datasets: JSONL ({"id", "documents", "summary"} per line), Multi-News .src files
(documents joined by |||||; summaries read from the .tgt file next to it, or --references),
DUC/TAC folders in every layout (d30001t/ + D30001.M.100.T.A, D0601A/ + D0601.M.250.A.A,
D0801A-A/ + D0801-A.M.100.A.A; every reference of the length nearest --words counts, scores
are averaged over references).

examples:
  newsbrief eval ../shared/eval/multinews-val250.jsonl --words 250
  newsbrief eval val.src --references val.tgt --summarizers default,lead --limit 100
  newsbrief eval duc2006/ --summarizers default,oracle --words 100 --json scores.json

exit codes: 0 success, 2 bad usage or unreadable dataset, 1 internal error."""

DEFAULT_SUMMARIZERS = "default,lead,lexrank,textrank,oracle"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("dataset", metavar="DATASET", help="JSONL file, Multi-News .src file or DUC-style folder")
    parser.add_argument("--format", choices=sorted(READERS), help="dataset format (default: from the path)")
    parser.add_argument("--references", metavar="FILE", help="Multi-News summary file (default: the .tgt next to .src)")
    parser.add_argument(
        "--summarizers",
        default=DEFAULT_SUMMARIZERS,
        help=f"comma-separated summarizers (default {DEFAULT_SUMMARIZERS}; available: {', '.join(available())})",
    )
    parser.add_argument("--words", type=positive_int, default=250, help="word budget for every summary (default 250)")
    parser.add_argument("--limit", type=positive_int, help="evaluate only the first N clusters")
    parser.add_argument(
        "--jobs", type=positive_int, default=os.cpu_count() or 1, help="worker processes (default: all cores)"
    )
    parser.add_argument("--json", metavar="FILE", help="write mean F1 per summarizer and metric as JSON to FILE")
    parser.add_argument("--scores-out", metavar="FILE", help="write per-cluster scores as JSONL to FILE")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")


def run(args: argparse.Namespace) -> int:
    summarizers = [name.strip() for name in args.summarizers.split(",") if name.strip()]
    check_summarizers(summarizers)
    clusters = load_dataset(
        args.dataset, reader=args.format, references=args.references, limit=args.limit, words=args.words
    )
    results = list(iter_evaluation(clusters, summarizers, args.words, jobs=args.jobs, progress=not args.no_progress))
    table = aggregate(results, summarizers)
    sys.stdout.write(format_table(table, len(clusters), args.words))
    if args.json:
        summary = {
            "n": len(clusters),
            "words": args.words,
            "summarizers": {name: {m: round(row[m].mean, 4) for m in METRICS} for name, row in table.items()},
        }
        write_atomic(args.json, json.dumps(summary, indent=2) + "\n")
    if args.scores_out:
        lines = [
            json.dumps(
                {
                    "id": score.cluster,
                    "summarizer": score.summarizer,
                    **{m: round(score.rouge[m], 4) for m in METRICS},
                    "words": score.words,
                    "sentences": score.sentences,
                    "seconds": score.seconds,
                    "summary": score.summary,
                },
                ensure_ascii=False,
            )
            for cluster in results
            for score in cluster
        ]
        write_atomic(args.scores_out, "\n".join(lines) + "\n")
    return EXIT_OK
