"""Paraphrase classes for redundancy: "rejected talks" and "refused to meet" say the same thing.

TF-IDF cosine over stemmed words misses news paraphrases: the example story's "Kerry has
rejected an offer of talks with Putin" and "Kerry has refused to meet Putin" share only the
names. A small lexicon kept as data (``data/paraphrases.json``: refuse/reject/decline,
meet/talks/negotiate, kill/die/dead, arrest/detain ...) maps every member of a class to the
class name, and :func:`paraphrase_space` builds the story's TF-IDF space over those canonical
terms. The redundancy check compares sentences in that space, so two sentences with the same
actors and the same kind of act count as saying the same thing.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from newsbrief.textsim import Cluster, content_terms, stem

PARAPHRASES = Path(__file__).with_name("data") / "paraphrases.json"


@cache
def paraphrase_classes(path: Path = PARAPHRASES) -> dict[str, str]:
    """Stem -> class name for every word listed in the lexicon."""
    classes = json.loads(path.read_text(encoding="utf-8"))["classes"]
    return {stem(word.lower()): name for name, members in classes.items() for word in members}


def canonical_terms(text: str) -> list[str]:
    """:func:`~newsbrief.textsim.content_terms` with paraphrase-class members replaced by their class."""
    classes = paraphrase_classes()
    return [classes.get(term, term) for term in content_terms(text)]


def paraphrase_space(cluster: Cluster) -> Cluster:
    """The same story, its TF-IDF space built over canonical terms (rows match ``cluster``'s)."""
    return Cluster(cluster.articles, term_function=canonical_terms)
