"""Run summarizers over an evaluation dataset and score them with ROUGE.

Every summarizer sees exactly the same input (the cluster cleaned and segmented once by
:func:`newsbrief.pipeline.prepare`) and the same word budget. Clusters are independent, so
they are spread over worker processes here, in the eval runner, and nowhere else; each
worker calls the single-threaded library.
"""

from __future__ import annotations

import multiprocessing
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial

from newsbrief.errors import UsageError
from newsbrief.eval.datasets import EvalItem
from newsbrief.eval.rouge import METRICS, Interval, Rouge, RougeScore, bootstrap
from newsbrief.pipeline import prepare
from newsbrief.summarizers import Budget, available, get_summarizer, summarizer_class
from newsbrief.summarizers.units import quotation_items
from newsbrief.textsim import Cluster, word_count

_ROUGE = Rouge()  # one scorer per process (it is built lazily on first use)


@dataclass(frozen=True, slots=True)
class SystemScore:
    """One summarizer's output on one cluster and its ROUGE F1 (%): a row of ``--scores-out``."""

    cluster: str
    summarizer: str
    rouge: RougeScore
    words: int
    sentences: int
    seconds: float
    summary: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SystemRow:
    """One summarizer's line of the table: mean F1 with a bootstrap interval per metric, the mean
    summary length in words and the summarizer's total seconds. ``row["rouge2"]`` reads a metric."""

    rouge1: Interval
    rouge2: Interval
    rougeLsum: Interval  # rouge-score's name
    words: float
    seconds: float

    def __getitem__(self, metric: str) -> Interval:
        if metric not in METRICS:
            raise KeyError(metric)
        interval: Interval = getattr(self, metric)
        return interval


def check_summarizers(names: list[str]) -> None:
    unknown = [n for n in names if n not in available()]
    if unknown:
        raise UsageError(f"unknown summarizer(s) {', '.join(unknown)}; available: {', '.join(available())}")
    if not names:
        raise UsageError("no summarizer given")


def evaluate_cluster(cluster: EvalItem, summarizers: list[str], words: int) -> list[SystemScore]:
    """Summarize one cluster with every summarizer and score each summary against the references."""
    articles = [a for a in prepare(cluster.articles()) if a.sentences]
    text_cluster = Cluster(articles)
    results = []
    for name in summarizers:
        started = time.perf_counter()
        chosen = []
        if articles:
            needs_reference = summarizer_class(name).needs_reference
            summarizer = get_summarizer(name, reference=cluster.references) if needs_reference else get_summarizer(name)
            scores = summarizer.summarize(text_cluster, Budget(words=words))
            chosen = sorted((s for s in scores if s.selected), key=lambda s: (s.doc_id, s.sentence))
        seconds = time.perf_counter() - started
        # a multi-sentence quotation is one summary item (summarizers.units), as a reader sees it
        texts = quotation_items([text_cluster.article(s.doc_id).sentences[s.sentence] for s in chosen])
        rouge = _ROUGE.score(texts, cluster.references)
        n_words = sum(word_count(t) for t in texts)
        results.append(SystemScore(cluster.id, name, rouge, n_words, len(texts), round(seconds, 4), tuple(texts)))
    return results


def iter_evaluation(
    clusters: list[EvalItem], summarizers: list[str], words: int, jobs: int = 1, progress: bool = False
) -> Iterator[list[SystemScore]]:
    """Per-cluster results in dataset order; ``jobs > 1`` spreads clusters over processes."""
    check_summarizers(summarizers)
    work = partial(evaluate_cluster, summarizers=summarizers, words=words)
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=len(clusters), unit="cluster", file=sys.stderr, desc="eval")
    try:
        if jobs <= 1 or len(clusters) <= 1:
            for cluster in clusters:
                yield work(cluster)
                if bar:
                    bar.update()
        else:
            with multiprocessing.Pool(min(jobs, len(clusters))) as pool:
                for result in pool.imap(work, clusters, chunksize=1):
                    yield result
                    if bar:
                        bar.update()
                # Let the workers exit on their own: the pool's exit would SIGTERM them, and a worker
                # that inherited the CLI's SIGTERM handler then prints a KeyboardInterrupt traceback.
                pool.close()
                pool.join()
    finally:
        if bar:
            bar.close()


def aggregate(results: list[list[SystemScore]], summarizers: list[str], samples: int = 1000) -> dict[str, SystemRow]:
    """Per summarizer: a bootstrap :class:`Interval` per metric, the mean summary length, the seconds."""
    table: dict[str, SystemRow] = {}
    for name in summarizers:
        rows = [r for cluster in results for r in cluster if r.summarizer == name]
        rouge1, rouge2, rouge_lsum = (bootstrap([r.rouge[m] for r in rows], samples=samples) for m in METRICS)
        table[name] = SystemRow(
            rouge1,
            rouge2,
            rouge_lsum,
            words=sum(r.words for r in rows) / max(1, len(rows)),
            seconds=sum(r.seconds for r in rows),
        )
    return table


def format_table(table: dict[str, SystemRow], n: int, words: int) -> str:
    """A plain-text table: one row per summarizer, F1 mean [95% interval] per metric."""
    width = max(12, *(len(name) for name in table))
    header = (
        f"{'summarizer':<{width}} "
        + " ".join(f"{m + ' F1 [95% CI]':>22}" for m in METRICS)
        + f" {'words':>6} {'sec':>7}"
    )
    lines = [f"ROUGE F1 (%) on {n} clusters, budget {words} words", header, "-" * len(header)]
    for name, row in table.items():
        cells = []
        for m in METRICS:
            interval = row[m]
            cells.append(f"{f'{interval.mean:.2f} [{interval.low:.2f}, {interval.high:.2f}]':>22}")
        lines.append(f"{name:<{width}} " + " ".join(cells) + f" {row.words:>6.1f} {row.seconds:>7.1f}")
    return "\n".join(lines) + "\n"
