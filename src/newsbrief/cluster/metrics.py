"""Clustering quality against a gold grouping: B-cubed precision/recall/F1 and adjusted Rand.

Labels are any hashable values; ``None`` in a prediction means "no story" and is scored as a
singleton of its own (so a document left out is neither rewarded nor merged with others).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class BCubed:
    precision: float
    recall: float
    f1: float


def _singletons(labels: Sequence[Hashable | None]) -> list[Hashable]:
    return [("<none>", i) if label is None else label for i, label in enumerate(labels)]


def bcubed(predicted: Sequence[Hashable | None], gold: Sequence[Hashable]) -> BCubed:
    """Item-averaged B-cubed scores (Bagga & Baldwin 1998)."""
    if len(predicted) != len(gold):
        raise ValueError("predicted and gold labels differ in length")
    if not gold:
        return BCubed(1.0, 1.0, 1.0)
    pred = _singletons(predicted)
    joint = Counter(zip(pred, gold, strict=True))
    pred_size, gold_size = Counter(pred), Counter(gold)
    # Each of the n_pg items in cell (p, g) has precision n_pg/|p| and recall n_pg/|g|.
    precision = sum(n * n / pred_size[p] for (p, _), n in joint.items()) / len(gold)
    recall = sum(n * n / gold_size[g] for (_, g), n in joint.items()) / len(gold)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return BCubed(precision, recall, f1)


def _pairs(n: int) -> float:
    return n * (n - 1) / 2


def adjusted_rand_index(predicted: Sequence[Hashable | None], gold: Sequence[Hashable]) -> float:
    """Hubert & Arabie's adjusted Rand index (1.0 identical, about 0.0 for chance)."""
    if len(predicted) != len(gold):
        raise ValueError("predicted and gold labels differ in length")
    pred = _singletons(predicted)
    index = sum(_pairs(n) for n in Counter(zip(pred, gold, strict=True)).values())
    sum_pred = sum(_pairs(n) for n in Counter(pred).values())
    sum_gold = sum(_pairs(n) for n in Counter(gold).values())
    total = _pairs(len(gold))
    expected = sum_pred * sum_gold / total if total else 0.0
    maximum = (sum_pred + sum_gold) / 2
    if maximum == expected:  # both groupings all singletons or one group: identical structure
        return 1.0
    return (index - expected) / (maximum - expected)
