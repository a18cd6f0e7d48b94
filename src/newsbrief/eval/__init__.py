"""Benchmark evaluation: datasets, ROUGE and the runner behind ``newsbrief eval``.

Python API::

    from newsbrief.eval import load_dataset, iter_evaluation, aggregate
    clusters = load_dataset("../shared/eval/multinews-val250.jsonl", limit=20)
    results = list(iter_evaluation(clusters, ["default", "lead"], words=250, jobs=2))
    table = aggregate(results, ["default", "lead"])
"""

from newsbrief.eval.datasets import READERS, EvalItem, load_dataset
from newsbrief.eval.rouge import METRICS, Interval, Rouge, RougeScore, bootstrap, split_sentences
from newsbrief.eval.runner import SystemRow, SystemScore, aggregate, evaluate_cluster, format_table, iter_evaluation

__all__ = [
    "METRICS",
    "READERS",
    "EvalItem",
    "Interval",
    "Rouge",
    "RougeScore",
    "SystemRow",
    "SystemScore",
    "aggregate",
    "bootstrap",
    "evaluate_cluster",
    "format_table",
    "iter_evaluation",
    "load_dataset",
    "split_sentences",
]
