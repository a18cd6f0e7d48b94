"""Story-clustering variants tried for the store's quality target, on the tune / report halves.

Each variant patches one rule of :class:`~newsbrief.cluster.stories.StoryClusterer` for the
whole process, so the one-shot ``cluster`` and the store (three ``track`` rounds, the real
SQLite store) both use it. Scored with B-cubed F1 on the fixed tune half, the report half
(``tests/cluster_eval.split_halves``) and all 250 Multi-News validation clusters; the three-round
figure is the mean over three shuffles of the stream (seeds 0-2: one shuffle moves it by about
±0.005). None of the variants is used by newsbrief (docs/follow.md says why).

    nice .venv/bin/python bench/bench_cluster_variants.py              # every variant
    nice .venv/bin/python bench/bench_cluster_variants.py default bm25
"""

from __future__ import annotations

import json
import math
import statistics
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from newsbrief.cluster import bcubed
from newsbrief.cluster import stories as clustering
from newsbrief.cluster.run import cluster_inputs
from newsbrief.ingest import records_to_articles
from newsbrief.ingest.formats import Record
from newsbrief.settings import Options

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from cluster_eval import gold_and_predicted, split_halves, store_rounds, write_mixed_stream  # noqa: E402

DATA = ROOT.parent / "shared" / "eval" / "multinews-val250.jsonl"
Clusterer = clustering.StoryClusterer
SEEDS = (0, 1, 2)


@contextmanager
def patched(name: str, value: Any) -> Iterator[None]:
    original = getattr(Clusterer, name)
    setattr(Clusterer, name, value)
    try:
        yield
    finally:
        setattr(Clusterer, name, original)


def bm25(k1: float = 1.2, b: float = 0.75, average_terms: float = 1.0) -> Callable[..., Any]:
    """Okapi BM25 term weights (saturating, length-normalised tf) instead of 1 + log tf. The
    default vector computes (1 + log c) · idf; it is given counts c' = exp(bm25_tf - 1)."""
    vector = Clusterer.vector

    def bm25_vector(self: clustering.StoryClusterer, features: clustering.ArticleFeatures) -> dict[str, float]:
        length = sum(features.terms.values()) / average_terms
        saturated = Counter(
            {t: math.exp(c * (k1 + 1) / (c + k1 * (1 - b + b * length)) - 1) for t, c in features.terms.items()}
        )
        return vector(self, clustering.ArticleFeatures(features.key, saturated, None, "", 0))

    return bm25_vector


def consolidation_rule(accepts: Callable[..., bool]) -> Callable[..., Any]:
    """Consolidation (the second look at single-article stories) with another joining rule; the
    rule sees the single story's centroid and its best target, the online pass is unchanged."""
    consolidate, best_story = Clusterer.consolidate, Clusterer._best_story

    def variant(self: clustering.StoryClusterer) -> dict[str, tuple[str, float]]:
        seen: dict[str, Any] = {}

        def remembering(vector: dict[str, float], when: Any) -> Any:
            found = best_story(self, vector, when)
            seen.update(vector=vector, target=found[0])
            return found

        self._best_story = remembering  # type: ignore[method-assign]
        self._accepts = lambda score, runner_up: accepts(self, score, runner_up, **seen)  # type: ignore[method-assign]
        try:
            return consolidate(self)
        finally:
            del self._best_story, self._accepts

    return variant


def clear_winner(cosine: float, ratio: float) -> Callable[..., bool]:
    def accepts(self: clustering.StoryClusterer, score: float, runner_up: float, **_: Any) -> bool:
        return Clusterer._accepts(self, score, runner_up) or (score >= cosine and score >= ratio * max(runner_up, 0.01))

    return accepts


def rare_terms(cosine: float, max_documents: int, shared: int) -> Callable[..., bool]:
    """Also join when the cosine reaches ``cosine`` and ``shared`` terms of the single story are in
    the target's centroid and in at most ``max_documents`` documents (names, figures)."""

    def accepts(self: clustering.StoryClusterer, score: float, runner_up: float, **seen: Any) -> bool:
        if Clusterer._accepts(self, score, runner_up):
            return True
        target = seen.get("target")
        if target is None or score < cosine:
            return False
        common = [t for t in seen["vector"] if t in target.centroid and self.df.counts[t] <= max_documents]
        return len(common) >= shared

    return accepts


def _average_terms(data: Path) -> float:
    documents = [d for line in data.read_text(encoding="utf-8").splitlines() for d in json.loads(line)["documents"]]
    records = [Record(str(n), text, None, None, None, None, "json") for n, text in enumerate(documents) if text.strip()]
    features = [
        clustering.article_features(r.name, a) for r, a in zip(records, records_to_articles(records), strict=True)
    ]
    return statistics.mean(sum(f.terms.values()) for f in features)


def score(data: Path, folder: Path) -> tuple[float, float]:
    """(one-shot F1, mean three-round store F1 over SEEDS) on one benchmark file."""
    stream = folder / "stream.jsonl"
    write_mixed_stream(data, 0, stream)
    gold, predicted = gold_and_predicted(cluster_inputs([str(stream)], Options()))
    one_shot = bcubed(predicted, gold).f1
    rounds = []
    for seed in SEEDS:
        write_mixed_stream(data, seed, stream)
        db = folder / f"rounds-{seed}.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        gold, stored = store_rounds(stream, 3, str(db), folder)
        rounds.append(bcubed(stored, gold).f1)
    return one_shot, statistics.mean(rounds)


def variants(average_terms: float) -> dict[str, tuple[str, Any]]:
    return {
        "default": ("vector", Clusterer.vector),
        "bm25": ("vector", bm25(average_terms=average_terms)),
        "bm25-b0.3": ("vector", bm25(b=0.3, average_terms=average_terms)),
        "consolidate-clear-0.12": ("consolidate", consolidation_rule(clear_winner(0.12, 1.5))),
        "consolidate-clear-0.10-ratio-1.8": ("consolidate", consolidation_rule(clear_winner(0.10, 1.8))),
        "consolidate-rare-terms": ("consolidate", consolidation_rule(rare_terms(0.10, 2, 2))),
    }


def main() -> int:
    if not DATA.exists():
        print(f"benchmark data not found at {DATA}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="newsbrief-variants-") as tmp:
        folder = Path(tmp)
        parts = split_halves(DATA, folder)
        # BM25's average document length (content terms) over the whole benchmark: a constant here.
        table = variants(_average_terms(DATA))
        names = sys.argv[1:] or list(table)
        print("| variant | " + " | ".join(f"{label}: one-shot / 3 rounds" for label, _ in parts) + " |")
        print("| --- |" + " --- |" * len(parts))
        for name in names:
            attribute, value = table[name]
            with patched(attribute, value):
                cells = [score(path, folder) for _, path in parts]
            print(f"| {name} | " + " | ".join(f"{a:.4f} / {b:.4f}" for a, b in cells) + " |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
