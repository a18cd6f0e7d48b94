"""ROUGE through Google's ``rouge-score`` package (the implementation the literature reports).

Settings follow the Multi-News / PEGASUS convention: Porter stemming on, F1 reported as a
percentage, ROUGE-Lsum computed over sentences given one per line. System summaries are
already sentences; references are split with the project's own segmenter, so no NLTK data
is needed. With several references (DUC) each metric is the mean over references, as
ROUGE-1.5.5 does by default (``-f A``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any

import numpy as np

from newsbrief.errors import UsageError
from newsbrief.segment import split_paragraph

METRICS = ("rouge1", "rouge2", "rougeLsum")


def split_sentences(text: str) -> list[str]:
    """Sentences of a plain-text summary: every line is split with the project's splitter."""
    sentences: list[str] = []
    for line in text.splitlines():
        sentences.extend(line[start:end].strip() for start, end in split_paragraph(line))
    return [s for s in sentences if s]


@dataclass(frozen=True, slots=True)
class RougeScore:
    """ROUGE F1 (%) of one summary against its references, per metric (as rouge-score's ``Score``).
    ``score["rouge2"]`` reads a metric by its name in :data:`METRICS`."""

    rouge1: float
    rouge2: float
    rougeLsum: float  # rouge-score's name

    def __getitem__(self, metric: str) -> float:
        if metric not in METRICS:
            raise KeyError(metric)
        return float(getattr(self, metric))

    def items(self) -> list[tuple[str, float]]:
        return [(m, self[m]) for m in METRICS]


class Rouge:
    """``score(system_sentences, references)`` -> :class:`RougeScore` (F1 in %)."""

    @cached_property
    def _scorer(self) -> Any:  # built lazily: worker processes create their own
        try:
            from rouge_score import rouge_scorer
        except ImportError:
            raise UsageError("ROUGE needs the rouge-score package: pip install 'newsbrief[eval]'") from None
        return rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)

    def score(self, system_sentences: list[str], references: list[str]) -> RougeScore:
        system = "\n".join(s.strip() for s in system_sentences)
        per_reference = [self._scorer.score("\n".join(split_sentences(ref)), system) for ref in references]
        return RougeScore(*(100.0 * float(np.mean([s[m].fmeasure for s in per_reference])) for m in METRICS))


@dataclass(frozen=True, slots=True)
class Interval:
    mean: float
    low: float
    high: float


def bootstrap(values: list[float], samples: int = 1000, confidence: float = 0.95, seed: int = 0) -> Interval:
    """Mean with a percentile bootstrap interval over clusters (resampled with replacement)."""
    data = np.asarray(values, dtype=np.float64)
    if data.size == 0:
        return Interval(float("nan"), float("nan"), float("nan"))
    rng = np.random.default_rng(seed)
    means = data[rng.integers(0, data.size, size=(samples, data.size))].mean(axis=1)
    tail = (1.0 - confidence) / 2.0 * 100.0
    low, high = np.percentile(means, [tail, 100.0 - tail])
    return Interval(float(data.mean()), float(low), float(high))
