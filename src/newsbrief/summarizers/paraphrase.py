"""Paraphrase classes for redundancy: "rejected talks" and "refused to meet" say the same thing.

TF-IDF cosine over stemmed words misses news paraphrases: the example story's "Kerry has
rejected an offer of talks with Putin" and "Kerry has refused to meet Putin" share only the
names. A small lexicon kept as data (``data/paraphrases.json``: refuse/reject/decline,
meet/talks/negotiate, kill/die/dead, arrest/detain ...) maps every member of a class to the
class name (and irregular verb forms the stemmer misses, "goes"/"went", to their verb), and
:func:`paraphrase_space` builds the story's TF-IDF space over those canonical terms. The
redundancy check compares sentences in that space, so two sentences with the same actors
and the same kind of act count as saying the same thing.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from newsbrief.textsim import Cluster, content_terms, stem

PARAPHRASES = Path(__file__).with_name("data") / "paraphrases.json"


@cache
def paraphrase_classes(path: Path = PARAPHRASES) -> dict[str, str]:
    """Stem -> canonical term: irregular verb forms to their verb's stem ("went" -> "go"), then
    every member of a class to the class name ("refus" -> "REFUSE")."""
    lexicon = json.loads(path.read_text(encoding="utf-8"))
    canonical = {stem(form): stem(verb) for verb, forms in lexicon["forms"].items() for form in forms}
    classes = {stem(word.lower()): name for name, members in lexicon["classes"].items() for word in members}
    canonical = {form: classes.get(verb, verb) for form, verb in canonical.items()}
    canonical.update(classes)
    return canonical


def canonical_terms(text: str) -> list[str]:
    """:func:`~newsbrief.textsim.content_terms` with irregular forms and paraphrase-class members replaced."""
    canonical = paraphrase_classes()
    return [canonical.get(term, term) for term in content_terms(text)]


def paraphrase_space(cluster: Cluster) -> Cluster:
    """The same story, its TF-IDF space built over canonical terms (rows match ``cluster``'s)."""
    space = Cluster(cluster.articles, term_function=canonical_terms)
    if cluster.term_function is content_terms:
        # canonical_terms is content_terms mapped: map the term lists the cluster already has
        # instead of tokenizing and stemming every sentence a second time.
        canonical = paraphrase_classes()
        space.terms = [[canonical.get(term, term) for term in terms] for terms in cluster.terms]
    return space
