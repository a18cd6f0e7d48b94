"""The default multi-document summarizer: centrality + position + cross-source support, MMR.

Each candidate sentence gets a salience score from

* ``centrality``: cosine to the cluster's TF-IDF centroid (what the story is about);
* ``position``: news puts the important facts first, so earlier sentences weigh more;
* ``support``: the share of *other* sources with a sentence saying much the same thing;

and sentences are then chosen greedily by maximal marginal relevance: salience minus
similarity to what is already chosen, with near-repeats skipped outright, until the budget
is full. Pairwise similarity is only computed for the top candidates, so cost grows
linearly with the number of sentences.
"""

from __future__ import annotations

import numpy as np

from newsbrief.model import SentenceScore
from newsbrief.settings import DEFAULT_SUPPORT_THRESHOLD
from newsbrief.summarizers import register
from newsbrief.summarizers.base import Budget, Summarizer, is_candidate
from newsbrief.textsim import Cluster, word_count

# Sentences this similar to one already chosen say the same thing: never both.
REDUNDANCY_THRESHOLD = 0.5
# Only this many top-salience candidates take part in pairwise steps (support, MMR).
POOL_SIZE = 300


@register("default")
class DefaultSummarizer(Summarizer):
    def __init__(
        self,
        centrality_weight: float = 1.0,
        position_weight: float = 0.5,
        support_weight: float = 0.5,
        redundancy_penalty: float = 0.5,
    ) -> None:
        self.centrality_weight = centrality_weight
        self.position_weight = position_weight
        self.support_weight = support_weight
        self.redundancy_penalty = redundancy_penalty

    def _salience(self, cluster: Cluster, rows: list[int]) -> tuple[np.ndarray, dict[str, np.ndarray]]:
        matrix = cluster.matrix[rows]
        centroid = np.asarray(matrix.sum(axis=0)).ravel()
        centroid /= np.linalg.norm(centroid) or 1.0
        centrality = matrix @ centroid
        positions = np.zeros(len(rows))
        counters: dict[int, int] = {}
        for i, row in enumerate(rows):
            doc = cluster.sentences[row].doc_id
            positions[i] = counters.get(doc, 0)
            counters[doc] = counters.get(doc, 0) + 1
        position = 1.0 / np.sqrt(1.0 + positions)
        features = {"centrality": centrality, "position": position}
        return self.centrality_weight * centrality + self.position_weight * position, features

    def _support(self, cluster: Cluster, pool: list[int], rows: list[int]) -> np.ndarray:
        """Share of other sources holding a sentence similar to each pool sentence."""
        n_sources = len(cluster.articles)
        if n_sources < 2:
            return np.zeros(len(pool))
        sims = cluster.similarity(pool, rows)
        docs = np.array([cluster.sentences[r].doc_id for r in rows])
        support = np.zeros(len(pool))
        for i, row in enumerate(pool):
            own = cluster.sentences[row].doc_id
            hits = set(docs[(sims[i] >= DEFAULT_SUPPORT_THRESHOLD) & (docs != own)].tolist())
            support[i] = len(hits) / (n_sources - 1)
        return support

    def summarize(self, cluster: Cluster, budget: Budget) -> list[SentenceScore]:
        rows = [cluster.row(s) for s in cluster.sentences if is_candidate(s.text, s.is_heading)]
        if not rows:
            return []
        salience, features = self._salience(cluster, rows)
        order = np.argsort(-salience, kind="stable")
        pool_idx = order[:POOL_SIZE]
        pool = [rows[i] for i in pool_idx]
        support = self._support(cluster, pool, rows)
        final = salience.copy()
        final[pool_idx] += self.support_weight * support
        support_full = np.zeros(len(rows))
        support_full[pool_idx] = support
        features["support"] = support_full

        chosen = self._select(cluster, rows, final, pool_idx, budget)
        ranking = np.argsort(-final, kind="stable")
        return [
            SentenceScore(
                doc_id=cluster.sentences[rows[i]].doc_id,
                sentence=cluster.sentences[rows[i]].index,
                score=float(final[i]),
                rank=rank,
                selected=int(i) in chosen,
                features={name: round(float(values[i]), 4) for name, values in features.items()},
            )
            for rank, i in enumerate(ranking, start=1)
        ]

    def _select(
        self, cluster: Cluster, rows: list[int], final: np.ndarray, pool_idx: np.ndarray, budget: Budget
    ) -> set[int]:
        pool_idx = pool_idx[np.argsort(-final[pool_idx], kind="stable")]
        pool_rows = [rows[i] for i in pool_idx]
        sims = cluster.similarity(pool_rows)
        chosen: list[int] = []  # positions within pool_idx
        used_words = 0
        remaining = list(range(len(pool_idx)))
        while remaining and not budget.is_full(used_words, len(chosen)):
            best, best_value = None, -np.inf
            for j in remaining:
                overlap = max((sims[j, c] for c in chosen), default=0.0)
                if overlap >= REDUNDANCY_THRESHOLD:
                    continue
                n_words = word_count(cluster.sentences[pool_rows[j]].text)
                if not budget.allows(used_words, len(chosen), n_words):
                    continue
                value = final[pool_idx[j]] - self.redundancy_penalty * overlap
                if value > best_value:
                    best, best_value = j, value
            if best is None:
                break
            chosen.append(best)
            used_words += word_count(cluster.sentences[pool_rows[best]].text)
            remaining.remove(best)
        return {int(pool_idx[j]) for j in chosen}
