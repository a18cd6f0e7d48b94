"""Find, for each summary sentence, the other sources that state the same content.

A sentence in another source supports a summary sentence when

* the TF-IDF cosine of the two reaches ``threshold`` (:data:`~newsbrief.settings.DEFAULT_SUPPORT_THRESHOLD`), and
* they share at least ``min_shared_terms`` stemmed content words that are *not* in every
  article of the story (:data:`~newsbrief.settings.DEFAULT_MIN_SHARED_TERMS`).

The second condition keeps short sentences from being "corroborated" by one word or by the
story's own vocabulary: "But it is not looking too hopeful." shares only "look" with "The
ousted president looked confident" (cosine 0.31). It cannot tell a shared name from a shared
fact; word overlap is a weak paraphrase signal. Both numbers were calibrated on hand-labelled
sentence pairs of the example story (``tests/fixtures/support_pairs.tsv``; docs/design.md).

Each source is cited once, by its most similar sentence. Cost per summary sentence: one sparse
row-times-matrix product plus a set intersection per candidate above the threshold.
"""

from __future__ import annotations

from newsbrief.model import Sentence, Support
from newsbrief.settings import DEFAULT_MIN_SHARED_TERMS
from newsbrief.textsim import Cluster


def story_terms(cluster: Cluster) -> frozenset[str]:
    """Content terms found in every article of a story of three or more articles (its topic words:
    "Kerry", "Russia", "Ukraine"); sharing them says nothing about sharing a fact. Two articles
    share too little for this to mean anything, so then the set is empty."""
    if len(cluster.articles) < 3:
        return frozenset()
    return frozenset.intersection(*cluster.article_terms)


def shared_terms(cluster: Cluster, a: Sentence, b: Sentence, ignore: frozenset[str] = frozenset()) -> set[str]:
    """Stemmed content terms two sentences have in common, minus ``ignore``."""
    return (set(cluster.terms[cluster.row(a)]) & set(cluster.terms[cluster.row(b)])) - ignore


def supports(
    cluster: Cluster,
    a: Sentence,
    b: Sentence,
    similarity: float,
    threshold: float,
    min_shared_terms: int = DEFAULT_MIN_SHARED_TERMS,
    topic: frozenset[str] = frozenset(),
) -> bool:
    """Do ``a`` and ``b`` (cosine ``similarity``) state the same content? ``topic`` is
    :func:`story_terms` of the cluster, passed in so it is computed once per summary sentence."""
    return similarity >= threshold and len(shared_terms(cluster, a, b, topic)) >= min_shared_terms


def find_support(
    cluster: Cluster, sentence: Sentence, threshold: float, min_shared_terms: int = DEFAULT_MIN_SHARED_TERMS
) -> list[Support]:
    """Best-matching sentence of every *other* source that supports ``sentence``, best first."""
    others = [s for s in cluster.sentences if s.doc_id != sentence.doc_id and not s.is_heading]
    if not others:
        return []
    sims = cluster.similarity([cluster.row(sentence)], [cluster.row(s) for s in others])[0]
    topic = story_terms(cluster) if min_shared_terms > 0 else frozenset()
    best: dict[int, Support] = {}
    for other, similarity in zip(others, sims, strict=True):
        if other.doc_id in best and similarity <= best[other.doc_id].similarity:
            continue
        if not supports(cluster, sentence, other, float(similarity), threshold, min_shared_terms, topic):
            continue
        best[other.doc_id] = Support(other.doc_id, other.index, other.start, other.end, round(float(similarity), 4))
    return sorted(best.values(), key=lambda s: (-s.similarity, s.source))
