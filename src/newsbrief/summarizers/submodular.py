"""Submodular coverage + diversity (Lin & Bilmes, "A Class of Submodular Functions for Document
Summarization", ACL 2011), maximised greedily under the word budget.

    f(S) = sum_i min(C_i(S), alpha * C_i(V))  +  lambda * sum_k sqrt(sum_{j in S and P_k} r_j)

``C_i(S)`` is the TF-IDF cosine mass of the summary ``S`` on sentence ``i`` (coverage, saturated
at ``alpha`` of what the whole story gives ``i``); ``P_k`` are k-means clusters of the sentences
(on a truncated SVD of the TF-IDF matrix) and ``r_j`` a sentence's reward: its mean cosine to
the story (``submodular``) or the learned salience (``submodular-salience``). The square root
rewards covering many clusters over piling onto one. Selection is the paper's budgeted greedy:
add the unit (whole quotation, :mod:`~newsbrief.summarizers.units`) with the best gain per
``words ** SCALE``, then compare with the best single unit. Parameters are the paper's DUC
values (alpha = 5 / N, lambda = 6, r = 0.3, K = N / 5).
"""

from __future__ import annotations

import numpy as np
from scipy.cluster.vq import kmeans2
from scipy.sparse.linalg import svds

from newsbrief.model import SentenceScore
from newsbrief.summarizers import register
from newsbrief.summarizers.base import Budget, Summarizer, is_candidate, ranked_scores
from newsbrief.summarizers.concepts import learned_salience
from newsbrief.summarizers.default import shipped_scorer
from newsbrief.summarizers.units import selectable_units
from newsbrief.textsim import Cluster

ALPHA_NUMERATOR = 5.0
DIVERSITY = 6.0
SCALE = 0.3
CLUSTER_SHARE = 0.2
# The dense sentence x sentence cosine matrix is built over at most this many of the most central
# candidates (DUC 2006 clusters have ~600), which bounds memory on large stories.
POOL = 1500
_SVD_DIMENSIONS = 50
_SEED = 0


def _partition(matrix, n_clusters: int) -> np.ndarray:
    """k-means labels of the rows of a sparse TF-IDF matrix, on its truncated SVD."""
    if n_clusters <= 1 or matrix.shape[0] <= n_clusters:
        return np.arange(matrix.shape[0]) if matrix.shape[0] <= n_clusters else np.zeros(matrix.shape[0], dtype=int)
    k = min(_SVD_DIMENSIONS, min(matrix.shape) - 1)
    if k < 1:
        return np.zeros(matrix.shape[0], dtype=int)
    u, s, _ = svds(matrix.astype(float), k=k, random_state=_SEED)
    _, labels = kmeans2(u * s, n_clusters, seed=_SEED, minit="++")
    return labels


@register("submodular")
class SubmodularSummarizer(Summarizer):
    """Lin & Bilmes (2011) coverage + diversity, budgeted greedy."""

    use_salience: bool = False

    def summarize(self, cluster: Cluster, budget: Budget) -> list[SentenceScore]:
        rows = [cluster.row(s) for s in cluster.sentences if is_candidate(s.text, s.is_heading)]
        if not rows:
            return []
        similarity_all = cluster.matrix[rows] @ cluster.matrix[rows].T
        centrality = np.asarray(similarity_all.sum(axis=1)).ravel() / len(rows)
        pool = sorted(np.argsort(-centrality, kind="stable")[:POOL].tolist())
        pool_rows = [rows[i] for i in pool]
        similarity = cluster.similarity(pool_rows)
        n = len(pool_rows)
        reward = learned_salience(cluster, pool_rows, shipped_scorer()) if self.use_salience else centrality[pool]
        labels = _partition(cluster.matrix[pool_rows], max(1, round(CLUSTER_SHARE * n)))
        cap = ALPHA_NUMERATOR / n * similarity.sum(axis=0)
        units = selectable_units(cluster, pool_rows)
        index = {row: i for i, row in enumerate(pool_rows)}
        members = [[index[row] for row in unit] for unit in units.members]
        costs = np.array([units.words(u, cluster) for u in range(len(members))], dtype=float)

        def value(coverage: np.ndarray, mass: np.ndarray) -> float:
            return float(np.minimum(coverage, cap).sum() + DIVERSITY * np.sqrt(mass).sum())

        n_groups = int(labels.max()) + 1 if n else 0
        coverage, mass = np.zeros(n), np.zeros(n_groups)
        current, used = 0.0, 0.0
        chosen: list[int] = []
        remaining = set(range(len(members)))
        gains: dict[int, float] = {}
        while remaining and not budget.is_full(int(used), sum(len(members[u]) for u in chosen)):
            best, best_ratio = None, 0.0
            for u in remaining:
                if not budget.allows(
                    int(used), sum(len(members[c]) for c in chosen) + len(members[u]) - 1, int(costs[u])
                ):
                    continue
                add_mass = mass.copy()
                np.add.at(add_mass, labels[members[u]], reward[members[u]])
                gain = value(coverage + similarity[members[u]].sum(axis=0), add_mass) - current
                gains.setdefault(u, gain)
                ratio = gain / max(1.0, costs[u]) ** SCALE
                if ratio > best_ratio:
                    best, best_ratio = u, ratio
            if best is None:
                break
            coverage += similarity[members[best]].sum(axis=0)
            np.add.at(mass, labels[members[best]], reward[members[best]])
            current = value(coverage, mass)
            used += costs[best]
            chosen.append(best)
            remaining.discard(best)
        fitting = [u for u in gains if budget.allows(0, len(members[u]) - 1, int(costs[u]))]
        single = max(fitting, key=lambda u: gains[u], default=None)
        if single is not None and gains[single] > current:
            chosen = [single]
        selected = {pool_rows[i] for u in chosen for i in members[u]}
        order = np.lexsort((np.arange(len(rows)), -centrality))
        return ranked_scores(cluster, rows, centrality, order, selected, {"centrality": centrality})


@register("submodular-salience")
class SalientSubmodularSummarizer(SubmodularSummarizer):
    """The diversity reward of each sentence is the learned salience, not its centrality."""

    use_salience = True
