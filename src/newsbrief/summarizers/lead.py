"""Lead baseline: first sentences of every document, round-robin across documents."""

from __future__ import annotations

from newsbrief.model import SentenceScore
from newsbrief.summarizers import register
from newsbrief.summarizers.base import Budget, Summarizer, is_candidate, rank_and_select
from newsbrief.textsim import Cluster


@register("lead")
class LeadSummarizer(Summarizer):
    """The strong news baseline: sentence k of every article before sentence k+1 of any."""

    def summarize(self, cluster: Cluster, budget: Budget) -> list[SentenceScore]:
        scored = []
        for article in cluster.articles:
            candidates = [s for s in article.sentences if is_candidate(s.text, s.is_heading)]
            for position, sentence in enumerate(candidates):
                # Higher is better: earlier position first, then earlier document.
                score = -(position + article.id / (len(cluster.articles) + 1))
                scored.append((cluster.row(sentence), score, {"position": float(position)}))
        return rank_and_select(cluster, scored, budget)
