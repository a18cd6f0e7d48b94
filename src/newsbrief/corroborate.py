"""Find, for each summary sentence, the other sources that state the same content.

A sentence in another source supports a summary sentence when their TF-IDF cosine reaches
``Options.support_threshold`` (see :mod:`newsbrief.settings` for why 0.30). Each source is
cited once, by its most similar sentence.
"""

from __future__ import annotations

from newsbrief.model import Sentence, Support
from newsbrief.textsim import Cluster


def find_support(cluster: Cluster, sentence: Sentence, threshold: float) -> list[Support]:
    """Best-matching sentence of every *other* source at or above ``threshold``, best first."""
    others = [s for s in cluster.sentences if s.doc_id != sentence.doc_id and not s.is_heading]
    if not others:
        return []
    sims = cluster.similarity([cluster.row(sentence)], [cluster.row(s) for s in others])[0]
    best: dict[int, Support] = {}
    for other, similarity in zip(others, sims, strict=True):
        if similarity >= threshold and (other.doc_id not in best or similarity > best[other.doc_id].similarity):
            best[other.doc_id] = Support(other.doc_id, other.index, other.start, other.end, round(float(similarity), 4))
    return sorted(best.values(), key=lambda s: (-s.similarity, s.source))
