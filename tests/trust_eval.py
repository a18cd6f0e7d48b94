"""Score newsbrief's trust analysers against the hand labels of one split (issue 11).

``python tests/trust_eval.py tune`` while developing; ``python tests/trust_eval.py report`` only
to report (the report half is never tuned on). Each measure runs the real pipeline on the
labelled clusters (read as ``newsbrief eval`` reads them) and matches labels to its output by
character span, through the cleaned text.

* support: each labelled pair judged by :func:`newsbrief.corroborate.judge` on the sentences
  holding the two spans; precision counts an accepted pair right when it is labelled ``yes`` or
  ``partial`` (the citation states the fact or part of it), recall is over ``yes`` pairs.
* outlets: for every cluster, the number of independent reports among the documents (label
  groups) against newsbrief's count of independence keys, per document pair: right when both
  agree whether the two are one report.
* speakers / dates / conflicts: see the functions.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from newsbrief.corroborate import judge, story_terms
from newsbrief.model import Article, Brief, Sentence
from newsbrief.pipeline import brief_articles
from newsbrief.settings import Options
from newsbrief.textsim import Cluster
from trust_candidates import articles, locate
from trust_labels import Labels, Span, load


@dataclass
class Story:
    brief: Brief
    cluster: Cluster
    by_doc: dict[str, Article]


@cache
def story(dataset: str, cluster: str) -> Story:
    docs, arts = articles(dataset, cluster)
    brief = brief_articles(arts, Options())
    usable = [a for a in brief.sources if a.sentences]
    return Story(brief, Cluster(usable), {d.doc: a for d, a in zip(docs, arts, strict=True)})


def sentence_of(span: Span) -> Sentence | None:
    """The cleaned sentence holding most of a labelled span."""
    found = story(span.dataset, span.cluster)
    article = found.by_doc[span.doc]
    where = locate(article.text, span.text) or locate(article.text, " ".join(span.text.split()[:8]))
    if where is None:
        return None
    best = max(article.sentences, key=lambda s: min(s.end, where[1]) - max(s.start, where[0]), default=None)
    return best if best is not None and min(best.end, where[1]) > max(best.start, where[0]) else None


def score_support(labels: Labels, threshold: float | None = None, min_terms: int | None = None) -> dict[str, float]:
    options = Options()
    threshold = options.support_threshold if threshold is None else threshold
    min_terms = options.min_shared_terms if min_terms is None else min_terms
    accepted = right = yes = found_yes = missing = 0
    for pair in labels.support:
        a, b = sentence_of(pair.a), sentence_of(pair.b)
        if a is None or b is None:
            missing += 1
            continue
        found = story(pair.a.dataset, pair.a.cluster)
        similarity = float(found.cluster.similarity([found.cluster.row(a)], [found.cluster.row(b)])[0, 0])
        verdict = judge(found.cluster, a, b, similarity, threshold, min_terms, story_terms(found.cluster))
        yes += pair.label == "yes"
        if verdict.accepted:
            accepted += 1
            right += pair.label in ("yes", "partial")
            found_yes += pair.label == "yes"
    return {
        "pairs": len(labels.support) - missing,
        "unlocated": missing,
        "accepted": accepted,
        "precision": right / accepted if accepted else 1.0,
        "recall": found_yes / yes if yes else 1.0,
    }


def score_outlets(labels: Labels) -> dict[str, float]:
    """Per document pair of a cluster: do label and newsbrief agree whether they are one report?"""
    by_cluster: dict[tuple[str, str], list] = defaultdict(list)
    for label in labels.outlets:
        by_cluster[(label.dataset, label.cluster)].append(label)
    pairs = agree = 0
    for (dataset, cluster), docs in by_cluster.items():
        found = story(dataset, cluster)
        keys = {p.source: p.independence for p in found.brief.analysis.outlets}
        for i, x in enumerate(docs):
            for y in docs[i + 1 :]:
                kx, ky = keys.get(found.by_doc[x.doc].id), keys.get(found.by_doc[y.doc].id)
                pairs += 1
                agree += (x.group == y.group) == (kx is not None and kx == ky)
    return {"document pairs": pairs, "agree": agree / pairs if pairs else 1.0}


def main(split: str) -> None:
    labels = load(split)
    print(split, labels.counts())
    print("support", score_support(labels))
    if labels.outlets:
        print("outlets", score_outlets(labels))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "tune")
