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
from trust_labels import Labels, OutletLabel, Span, load


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


def independent_outlet(label: OutletLabel) -> str:
    """The label's answer to "which independent outlet is this": the wire for wire copy, else the
    outlet, else (outlet unknown) the report group."""
    if label.wire:
        return f"wire:{label.wire}"
    return label.outlet if label.outlet not in ("unknown", "") else f"group:{label.group}"


def score_outlets(labels: Labels) -> dict[str, float]:
    """Per document pair of a cluster: do label and newsbrief agree whether they are one outlet?"""
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
                agree += (independent_outlet(x) == independent_outlet(y)) == (kx is not None and kx == ky)
    return {"document pairs": pairs, "agree": agree / pairs if pairs else 1.0}


def cleaned_span(span: Span) -> tuple[Article, int, int] | None:
    """A labelled span's place in newsbrief's cleaned text of its document, or None when cleaning dropped it."""
    article = story(span.dataset, span.cluster).by_doc[span.doc]
    raw = span.document.raw
    # A short expression ("February") occurs more than once: find it with its context around it.
    for context in (60, 30, 12, 0):
        before = raw[max(0, span.start - context) : span.start]
        after = raw[span.end : span.end + context]
        where = locate(article.text, before + span.text + after)
        if where:
            lead = locate(article.text[where[0] :], before) if before.strip() else (0, 0)
            start = where[0] + (lead[1] if lead else 0)
            inner = locate(article.text[start:], span.text)
            if inner:
                return article, start + inner[0], start + inner[1]
    return None


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return min(a[1], b[1]) > max(a[0], b[0])


def _same_speaker(label: str, found: str | None) -> bool:
    if found is None:
        return False
    label_words = {w.strip(".,").casefold() for w in label.replace("’s", "").split()}
    found_words = {w.strip(".,").casefold() for w in found.replace("’s", "").split()}
    return bool(label_words & found_words)


def score_speakers(labels: Labels) -> dict[str, float]:
    """Attributed = labelled quotations newsbrief gives a named speaker (an entity or a name, not
    a description such as "police"); right / wrong among those; coverage = share of quotations
    whose speaker the text names that get one."""
    attributed = right = wrong = named = named_found = unplaced = 0
    for label in labels.quotes:
        place = cleaned_span(label.quote)
        if place is None:
            unplaced += 1
            continue
        article, start, end = place
        quotes = [
            q
            for q in story(label.quote.dataset, label.quote.cluster).brief.analysis.quotes
            if q.source == article.id and _overlaps((q.start, q.end), (start, end)) and q.kind == "direct"
        ]
        speaker = next((q.speaker for q in quotes if q.speaker and q.speaker_type), None)
        if label.speaker != "unnamed":
            named += 1
            named_found += speaker is not None
        if speaker is not None:
            attributed += 1
            if label.speaker != "unnamed" and _same_speaker(label.speaker, speaker):
                right += 1
            else:
                wrong += 1
    return {
        "quotes": len(labels.quotes) - unplaced,
        "unplaced": unplaced,
        "attributed": attributed,
        "right": right / attributed if attributed else 1.0,
        "wrong": wrong / attributed if attributed else 0.0,
        "named given one": named_found / named if named else 1.0,
    }


def score_dates(labels: Labels) -> dict[str, float]:
    """Dated = labelled expressions newsbrief gives an ISO value; right / wrong among those
    (a value for an expression labelled abstain is wrong); coverage over decidable labels."""
    dated = right = wrong = decidable = decided = unplaced = 0
    for label in labels.dates:
        place = cleaned_span(label.expression)
        if place is None:
            unplaced += 1
            continue
        article, start, end = place
        mentions = [
            m
            for m in story(label.expression.dataset, label.expression.cluster).brief.analysis.dates
            if m.source == article.id and _overlaps((m.start, m.end), (start, end))
        ]
        value = next((m.iso for m in mentions if m.iso), None)
        decidable += label.iso is not None
        if value is not None:
            dated += 1
            decided += label.iso is not None
            if value == label.iso:
                right += 1
            else:
                wrong += 1
    return {
        "expressions": len(labels.dates) - unplaced,
        "unplaced": unplaced,
        "dated": dated,
        "right": right / dated if dated else 1.0,
        "wrong": wrong / dated if dated else 0.0,
        "decidable dated": decided / decidable if decidable else 1.0,
    }


def score_fact_outlets(labels: Labels) -> dict[str, float]:
    """Key facts (two or more sources) whose "N independent outlets" equals the number of distinct
    labelled independent outlets (:func:`independent_outlet`) among their sources."""
    groups = {(o.dataset, o.cluster, o.doc): independent_outlet(o) for o in labels.outlets}
    facts = right = 0
    for dataset, cluster in {(o.dataset, o.cluster) for o in labels.outlets}:
        found = story(dataset, cluster)
        doc_of = {article.id: doc for doc, article in found.by_doc.items()}
        for fact in found.brief.analysis.facts:
            truth = {groups.get((dataset, cluster, doc_of[s])) for s in fact.sources}
            if None in truth:
                continue
            facts += 1
            right += fact.independent_outlets == len(truth)
    return {"key facts": facts, "right": right / facts if facts else 1.0}


def score_conflicts(labels: Labels) -> dict[str, float]:
    """Precision over newsbrief's conflicts that join a labelled pair (disagree, agree or different
    event); recall over the labelled disagreements."""
    placed = []
    for pair in labels.conflicts:
        a, b = cleaned_span(pair.a), cleaned_span(pair.b)
        if a and b:
            placed.append((pair, a, b))
    found = right = 0
    hit: set[int] = set()
    for dataset, cluster in {(p.a.dataset, p.a.cluster) for p, _, _ in placed}:
        for conflict in story(dataset, cluster).brief.analysis.conflicts:
            sides = [(side.source, (side.start, side.end)) for side in conflict.sides]
            matches = [
                i
                for i, (pair, a, b) in enumerate(placed)
                if (pair.a.dataset, pair.a.cluster) == (dataset, cluster)
                and any(s == a[0].id and _overlaps(r, (a[1], a[2])) for s, r in sides)
                and any(s == b[0].id and _overlaps(r, (b[1], b[2])) for s, r in sides)
            ]
            if matches:
                found += 1
                good = [i for i in matches if placed[i][0].label == "disagree"]
                right += bool(good)
                hit |= set(good)
    disagreements = sum(p.label == "disagree" for p, _, _ in placed)
    return {
        "labelled pairs": len(placed),
        "disagreements": disagreements,
        "conflicts on labelled pairs": found,
        "precision": right / found if found else 1.0,
        "recall": len(hit) / disagreements if disagreements else 1.0,
    }


def main(split: str) -> None:
    labels = load(split)
    print(split, labels.counts())
    print("support", score_support(labels))
    print("outlets (document pairs)", score_outlets(labels))
    print("key facts' independent outlets", score_fact_outlets(labels))
    print("speakers", score_speakers(labels))
    print("dates", score_dates(labels))
    print("conflicts", score_conflicts(labels))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "tune")
