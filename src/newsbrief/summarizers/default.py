"""``salience``: a learned linear salience score with redundancy-aware greedy selection (the default
before concept coverage, :mod:`newsbrief.summarizers.concepts`, beat it on DUC 2006; its scorer is
the salience inside the default now).

1. **Candidates**: sentences of at least :data:`~newsbrief.summarizers.base.MIN_CANDIDATE_WORDS`
   words that are not headings (the cleaner has already dropped page furniture).
2. **Salience**: a linear combination of the features in
   :mod:`newsbrief.summarizers.features` (position in the article, length, centrality to the
   cluster, cross-source support, quotes, ...). The weights are fitted by ridge regression
   on the Multi-News validation sample to predict each sentence's overlap with the human
   summary, and shipped as data (``data/default_weights.json``, made by
   ``bench/train_default.py``, which also reports held-out-fold scores).
3. **Selection**: greedily by salience, skipping a sentence whose TF-IDF cosine to one
   already chosen reaches ``redundancy_threshold`` (it says the same thing) and any that no
   longer fits, so the word budget is filled as far as it goes. The cosine is taken over
   paraphrase classes (:mod:`newsbrief.summarizers.paraphrase`: "rejected talks" = "refused
   to meet"), which plain word overlap misses. A short sentence that opens with a connective
   or a pronoun ("But it is not looking too hopeful."), and a bare quotation opening so, is
   taken only together with the sentence before it in its article (both, when both fit and
   neither repeats the summary).

Every candidate gets a :class:`SentenceScore` with its rank and features, chosen or not.
See docs/evaluation.md for the measurements behind each choice.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from newsbrief.model import SentenceScore
from newsbrief.summarizers import register
from newsbrief.summarizers.base import Budget, Summarizer, is_candidate, ranked_scores
from newsbrief.summarizers.features import FEATURE_NAMES, SHORT_WORDS, sentence_features
from newsbrief.summarizers.paraphrase import paraphrase_space
from newsbrief.summarizers.units import depends_on_context, selectable_units, shown_words
from newsbrief.textsim import Cluster, word_count

# A sentence that is one quotation and nothing else: no speaker named in it.
_WHOLLY_QUOTED = re.compile(r'\s*["“][^"“”]*["”]\s*')


def needs_predecessor(text: str) -> bool:
    """Short and opening with a connective or pronoun, or a bare quotation opening so ('"It
    certainly does not create the climate that we need for dialogue."': neither the speaker
    nor "it" is known without the sentence before)."""
    if not depends_on_context(text):
        return False
    return word_count(text) < CONTEXT_SHORT_WORDS or bool(_WHOLLY_QUOTED.fullmatch(text))


DEFAULT_WEIGHTS = Path(__file__).with_name("data") / "default_weights.json"
# Sentences at least this similar to one already chosen say the same thing: never both.
# 0.3 scored best on held-out folds (0.2-0.5 measured, docs/evaluation.md).
REDUNDANCY_THRESHOLD = 0.3
# Context-dependent sentences shorter than this (the ``short`` feature's bound) need the one before
# them. Longer ones usually name their subject again and stand alone; applying the rule to every
# length cost 0.3-0.6 held-out ROUGE-2 (docs/evaluation.md).
CONTEXT_SHORT_WORDS = SHORT_WORDS


@dataclass(frozen=True)
class LinearScorer:
    """``score(x) = bias + sum(weight_f * (x_f - mean_f) / scale_f)`` over named features."""

    features: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    bias: float = 0.0
    provenance: str = ""

    def score(self, features: np.ndarray) -> np.ndarray:
        columns = [FEATURE_NAMES.index(name) for name in self.features]
        return self.bias + ((features[:, columns] - self.mean) / self.scale) @ self.weights

    def to_dict(self) -> dict:
        return {
            "features": list(self.features),
            "mean": [round(float(v), 6) for v in self.mean],
            "scale": [round(float(v), 6) for v in self.scale],
            "weights": [round(float(v), 6) for v in self.weights],
            "bias": round(float(self.bias), 6),
            "provenance": self.provenance,
        }

    @classmethod
    def from_dict(cls, data: dict) -> LinearScorer:
        unknown = set(data["features"]) - set(FEATURE_NAMES)
        if unknown:
            raise ValueError(f"weights name unknown features: {sorted(unknown)}")
        return cls(
            features=tuple(data["features"]),
            mean=np.asarray(data["mean"], dtype=float),
            scale=np.asarray(data["scale"], dtype=float),
            weights=np.asarray(data["weights"], dtype=float),
            bias=float(data.get("bias", 0.0)),
            provenance=str(data.get("provenance", "")),
        )

    @classmethod
    def load(cls, path: Path = DEFAULT_WEIGHTS) -> LinearScorer:
        return cls.from_dict(json.loads(path.read_text(encoding="utf-8")))


@cache
def shipped_scorer() -> LinearScorer:
    """The shipped weights, read once per process (a summarizer is built for every brief and eval cluster)."""
    return LinearScorer.load()


@register("salience")
class SalienceSummarizer(Summarizer):
    def __init__(
        self,
        scorer: LinearScorer | None = None,
        redundancy_threshold: float = REDUNDANCY_THRESHOLD,
        paraphrases: bool = True,
        keep_context: bool = True,
    ) -> None:
        self.scorer = scorer or shipped_scorer()
        self.redundancy_threshold = redundancy_threshold
        # False: compare plain stemmed words for redundancy (the ablation in docs/evaluation.md)
        self.paraphrases = paraphrases
        # False: take short context-dependent sentences alone too (the ablation)
        self.keep_context = keep_context

    def summarize(self, cluster: Cluster, budget: Budget) -> list[SentenceScore]:
        rows = [cluster.row(s) for s in cluster.sentences if is_candidate(s.text, s.is_heading)]
        if not rows:
            return []
        features = sentence_features(cluster, rows)
        salience = self.scorer.score(features)
        ranking = np.argsort(-salience, kind="stable")
        chosen = self._select(cluster, rows, ranking, budget)
        columns = {name: features[:, k] for k, name in enumerate(FEATURE_NAMES)}
        return ranked_scores(cluster, rows, salience, ranking, {rows[i] for i in chosen}, columns)

    def needs_predecessor(self, text: str) -> bool:
        return self.keep_context and needs_predecessor(text)

    def _select(self, cluster: Cluster, rows: list[int], ranking: np.ndarray, budget: Budget) -> set[int]:
        """Best-first over whole quotation units (:mod:`~newsbrief.summarizers.units`); skip redundant
        units and those that do not fit (a shorter one may); a short context-dependent sentence comes
        with its predecessor's unit or not at all."""
        space = paraphrase_space(cluster) if self.paraphrases else cluster
        index_of = {row: i for i, row in enumerate(rows)}
        units = selectable_units(cluster, rows)
        chosen: list[int] = []
        used_words = 0
        for i in ranking:
            if budget.is_full(used_words, len(chosen)):
                break
            unit = units.of_row.get(rows[i])
            if unit is None or i in chosen:  # not selectable, or pulled in earlier
                continue
            group = [index_of[row] for row in units.members[unit]]
            first = cluster.sentences[rows[group[0]]]
            if self.needs_predecessor(first.text):
                before = units.of_row.get(cluster.row(first) - 1) if first.index else None
                if before is None:
                    continue
                before_group = [index_of[row] for row in units.members[before]]
                if before_group[0] not in chosen:
                    if self.needs_predecessor(cluster.sentences[rows[before_group[0]]].text):
                        continue  # no chains: the predecessor would need its own
                    group = before_group + group
            group = [g for g in group if g not in chosen]  # a dangling unit's antecedent may be in already
            n_words = sum(shown_words(cluster, rows[g]) for g in group)
            if not budget.allows(used_words, len(chosen) + len(group) - 1, n_words):
                continue
            if chosen and space.similarity([rows[g] for g in group], [rows[c] for c in chosen]).max() >= (
                self.redundancy_threshold
            ):
                continue
            chosen.extend(group)
            used_words += n_words
        return set(chosen)
