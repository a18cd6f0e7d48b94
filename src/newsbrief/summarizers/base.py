"""The interface every summarizer implements (as sumy's ``AbstractSummarizer``)."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Container, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import ClassVar

import numpy as np

from newsbrief.model import SentenceScore
from newsbrief.settings import DEFAULT_WORDS
from newsbrief.summarizers.units import selectable_units, shown_words
from newsbrief.textsim import Cluster, word_count

# Sentences shorter than this are rarely informative on their own ("But it is not."),
# and headings are labels, not statements.
MIN_CANDIDATE_WORDS = 6


@dataclass(frozen=True, slots=True)
class Budget:
    """Summary length: at most ``words`` words in total, or exactly-at-most ``sentences``."""

    words: int | None = DEFAULT_WORDS
    sentences: int | None = None

    def allows(self, used_words: int, used_sentences: int, extra_words: int) -> bool:
        if self.sentences is not None:
            return used_sentences < self.sentences
        return self.words is None or used_words + extra_words <= self.words

    def is_full(self, used_words: int, used_sentences: int) -> bool:
        if self.sentences is not None:
            return used_sentences >= self.sentences
        return self.words is not None and used_words >= self.words


def is_candidate(text: str, is_heading: bool) -> bool:
    return not is_heading and word_count(text) >= MIN_CANDIDATE_WORDS


class Summarizer(ABC):
    """Scores every candidate sentence of a cluster and marks the chosen ones.

    ``summarize`` returns one :class:`SentenceScore` per candidate sentence, ranked
    (rank 1 = best), with ``selected`` set on those that fit the budget. Returning all
    scores, not just the chosen sentences, lets users and tools see why.
    """

    name: ClassVar[str]
    # True for summarizers built per cluster with its reference (the oracle): ``cls(reference=...)``.
    needs_reference: ClassVar[bool] = False

    @abstractmethod
    def summarize(self, cluster: Cluster, budget: Budget) -> list[SentenceScore]: ...


def ranked_scores(
    cluster: Cluster,
    rows: Sequence[int],
    score: np.ndarray,
    order: Iterable[int],
    selected: Container[int],
    features: Mapping[str, np.ndarray],
) -> list[SentenceScore]:
    """One :class:`SentenceScore` per candidate, in ``order`` (indices into ``rows``, best first):
    ``score[i]`` and each of ``features[name][i]`` for row ``rows[i]``, selected when that row is
    in ``selected``. Scores are rounded to 6 places, features to 4 (what the JSON shows)."""
    return [
        SentenceScore(
            doc_id=cluster.sentences[rows[i]].doc_id,
            sentence=cluster.sentences[rows[i]].index,
            score=round(float(score[i]), 6),
            rank=rank,
            selected=rows[i] in selected,
            features={name: round(float(values[i]), 4) for name, values in features.items()},
        )
        for rank, i in enumerate(order, start=1)
    ]


def rank_and_select(
    cluster: Cluster,
    scored: list[tuple[int, float, dict[str, float]]],
    budget: Budget,
) -> list[SentenceScore]:
    """Turn ``(row, score, features)`` into ranked scores and fill the budget greedily in
    rank order (a sentence that does not fit is skipped, a shorter one may still fit). The
    budget is filled with whole :mod:`~newsbrief.summarizers.units`: a sentence of a
    multi-sentence quotation brings the rest of it, a dangling one its antecedent, and one in no
    (eligible) unit is never selected."""
    ordered = sorted(scored, key=lambda item: (-item[1], item[0]))
    units = selectable_units(cluster, [row for row, _, _ in scored])
    chosen: set[int] = set()
    used_words = used_sentences = 0
    for row, _, _ in ordered:
        if budget.is_full(used_words, used_sentences):
            break
        unit = units.of_row.get(row)
        if unit is None or row in chosen:
            continue
        added = [r for r in units.members[unit] if r not in chosen]  # an antecedent may be in already
        n_words = sum(shown_words(cluster, r) for r in added)
        n_sentences = len(added)
        if budget.allows(used_words, used_sentences + n_sentences - 1, n_words):
            chosen.update(added)
            used_words += n_words
            used_sentences += n_sentences
    return [
        SentenceScore(
            cluster.sentences[row].doc_id, cluster.sentences[row].index, float(score), rank, row in chosen, features
        )
        for rank, (row, score, features) in enumerate(ordered, start=1)
    ]
