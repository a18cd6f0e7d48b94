"""Score newsbrief's current pipeline against the trust labels (issue 11).

``python tests/trust_eval.py --split tune|report [--dataset multinews|duc] [--misses]`` briefs
every cluster of the split (of one dataset with ``--dataset``) with the public pipeline
(:func:`newsbrief.pipeline.brief_articles`, analysis on, default options), reading the
documents as ``newsbrief eval`` does, and prints:

* support: for each labelled sentence pair, newsbrief's decision (:func:`corroborate.judge`
  at the brief's threshold and shared-term minimum); precision counts a cited ``partial`` as a
  true citation (it states part of the fact), strict precision does not; recall is over ``yes``;
* N independent outlets: for each fact in ``analysis.facts``, its ``independent_outlets``
  against the number of distinct outlets among its sources by the labels (wire copy counts as
  its wire, copies of one report once, a document of unknown outlet on its own);
* speakers: labelled quotations newsbrief finds, with a speaker right / wrong / described / none;
  a speaker is right when it names the labelled one (surnames or an alias of its entity match),
  wrong when it names an entity that is not the one, described when it is only a description
  ("the network") for a named speaker; for a quote labelled ``unnamed`` a description ("police")
  is right and an entity name wrong;
* dates: labelled expressions newsbrief finds, right / wrong / abstained (an abstention is
  right when the label is ``abstain``);
* conflicts: a labelled pair is flagged when one conflict has a side in each of its sentences;
  precision over flagged labelled pairs, recall over ``disagree`` pairs;
* DUC years: of the dates newsbrief resolves in DUC documents from an expression without a
  year, the share in the publication year of its document (by the labels); and the same for
  calendar expressions only ("Oct. 1", "in June"), since "last year" names another year by design.

Matching is by text and position, never by newsbrief's offsets: every newsbrief sentence is
located in the development text (:func:`trust_labels.locate`), and a label belongs to the
sentence its span overlaps most. Test and bench support, not library code.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from collections import Counter
from dataclasses import dataclass, field

from newsbrief.corroborate import best_in_source, judge, story_terms
from newsbrief.model import Article, Brief, Sentence
from newsbrief.pipeline import brief_articles
from newsbrief.settings import Options
from newsbrief.textsim import Cluster
from trust_labels import (
    DATASETS,
    SPLITS,
    DevDocument,
    Labels,
    Span,
    clusters,
    load,
    locate,
    missing_data,
    read_articles,
)

_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_RELATIVE_YEAR = re.compile(r"\byears?\b", re.I)
_TITLE = re.compile(r"^(?:the|mr|mrs|ms|dr|prof|sen|rep|gov|president)\.?\s+", re.I)


def _words(text: str) -> list[str]:
    text = text.replace("’", "'").replace("‘", "'").lower()
    return re.findall(r"[\w']+", text)


def _overlaps(a: str, b: str) -> bool:
    """Do two texts hold the same words (one contains the other, or most of the shorter)?"""
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return False
    ja, jb = " ".join(wa), " ".join(wb)
    if ja in jb or jb in ja:
        return True
    shorter, longer = (wa, set(wb)) if len(wa) <= len(wb) else (wb, set(wa))
    return sum(w in longer for w in shorter) >= 0.6 * len(shorter)


def _shared_words(a: str, b: str) -> float:
    """Jaccard similarity of two texts' word sets."""
    wa, wb = set(_words(a)), set(_words(b))
    return len(wa & wb) / len(wa | wb) if wa | wb else 0.0


@dataclass
class StoryRun:
    """One briefed cluster and where newsbrief's sentences lie in the development text."""

    brief: Brief
    cluster: Cluster
    article_of: dict[str, Article]  # label doc -> article
    doc_of: dict[int, DevDocument]  # article id -> document
    spans: dict[tuple[int, int], tuple[int, int]]  # (article id, sentence index) -> raw span

    def sentence(self, span: Span) -> Sentence | None:
        """The newsbrief sentence the labelled span overlaps most."""
        article = self.article_of.get(span.doc)
        if article is None:
            return None
        best, best_overlap = None, 0
        for sentence in article.sentences:
            raw = self.spans.get((article.id, sentence.index))
            if raw:
                overlap = min(raw[1], span.end) - max(raw[0], span.start)
                if overlap > best_overlap:
                    best, best_overlap = sentence, overlap
        return best


def run_story(dataset: str, cluster_id: str, options: Options | None = None) -> StoryRun:
    articles, doc_of = read_articles(dataset, cluster_id)
    brief = brief_articles(articles, options or Options())
    usable = [a for a in brief.sources if a.sentences]
    spans: dict[tuple[int, int], tuple[int, int]] = {}
    for article in usable:
        cursor = 0
        raw = doc_of[article.id].raw
        for sentence in article.sentences:
            found = locate(raw, sentence.text, cursor)
            if found:
                spans[(article.id, sentence.index)] = found
                cursor = found[1]
    return StoryRun(brief, Cluster(usable), {doc_of[a.id].doc: a for a in usable}, doc_of, spans)


@dataclass
class Tally:
    counts: Counter[str] = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)

    def share(self, numerator: str | tuple[str, ...], denominator: tuple[str, ...]) -> float:
        top = sum(self.counts[k] for k in ((numerator,) if isinstance(numerator, str) else numerator))
        bottom = sum(self.counts[k] for k in denominator)
        return top / bottom if bottom else float("nan")


def _key(outlets: dict[str, tuple[str, str, str]], doc: str) -> str:
    """Independence key of a document: its wire, else its outlet, else its copy group."""
    outlet, group, wire = outlets[doc]
    if wire:
        return f"wire:{wire.casefold()}"
    if outlet != "unknown" and not outlet.startswith("Internet Archive"):
        return f"outlet:{outlet.casefold()}"
    return f"group:{group}"


def _name_matches(gold: str, predicted: str, aliases: list[str]) -> bool:
    for name in [predicted, *aliases]:
        g, p = _words(_TITLE.sub("", gold)), _words(_TITLE.sub("", name))
        if g and p and (g == p or g[-1] in p or p[-1] in g):
            return True
    return False


def evaluate(split: str, show_misses: bool = False, datasets: tuple[str, ...] = DATASETS) -> dict[str, Tally]:
    labels: Labels = load(split, datasets)
    tallies = {name: Tally() for name in ("support", "outlets", "speakers", "dates", "conflicts", "duc_years")}
    for dataset, cluster_id in clusters(split, datasets):
        story = run_story(dataset, cluster_id)

        def here(span: Span, dataset: str = dataset, cluster_id: str = cluster_id) -> bool:
            return span.dataset == dataset and span.cluster == cluster_id

        _score_support(story, [p for p in labels.support if here(p.a)], tallies["support"])
        outlets = {o.doc: (o.outlet, o.group, o.wire) for o in labels.outlets if o.cluster == cluster_id}
        published = {o.doc: o.published for o in labels.outlets if o.cluster == cluster_id}
        _score_outlets(story, outlets, tallies["outlets"])
        _score_speakers(story, [q for q in labels.quotes if here(q.quote)], tallies["speakers"])
        _score_dates(story, [d for d in labels.dates if here(d.expression)], tallies["dates"])
        _score_conflicts(story, [p for p in labels.conflicts if here(p.a)], tallies["conflicts"])
        if dataset == "duc":
            _score_duc_years(story, published, tallies["duc_years"])
    return tallies


def _score_support(story: StoryRun, pairs: list, tally: Tally) -> None:
    options = story.brief.options
    topic = story_terms(story.cluster)
    for pair in pairs:
        a, b = story.sentence(pair.a), story.sentence(pair.b)
        if a is None or b is None or a.doc_id == b.doc_id:  # newsbrief lost a sentence: it cannot cite it
            tally.counts[f"{pair.label} unmapped"] += 1
            tally.misses.append(f"not in newsbrief's sentences: {pair.a.text[:50]!r} / {pair.b.text[:50]!r}")
            continue
        similarity = float(story.cluster.similarity([story.cluster.row(a)], [story.cluster.row(b)])[0, 0])
        accepted = judge(
            story.cluster,
            a,
            b,
            similarity,
            options.support_threshold,
            options.min_shared_terms,
            topic,
            best_in_source(story.cluster, a, b.doc_id),
        ).accepted
        tally.counts[f"{pair.label} {'accepted' if accepted else 'rejected'}"] += 1
        if accepted != (pair.label == "yes") and not (accepted and pair.label == "partial"):
            tally.misses.append(
                f"{pair.label} {'accepted' if accepted else 'rejected'} ({similarity:.2f}): "
                f"{pair.a.text[:60]!r} / {pair.b.text[:60]!r}"
            )


def _score_outlets(story: StoryRun, outlets: dict[str, tuple[str, str, str]], tally: Tally) -> None:
    assert story.brief.analysis is not None
    for fact in story.brief.analysis.facts:
        docs = [story.doc_of[s].doc for s in fact.sources]
        if any(d not in outlets for d in docs):
            tally.counts["unlabelled"] += 1
            continue
        gold = len({_key(outlets, d) for d in docs})
        right = fact.independent_outlets == gold
        tally.counts["right" if right else "wrong"] += 1
        if not right:
            tally.misses.append(f"{fact.independent_outlets} outlets, labels say {gold}: {fact.text[:70]!r}")


def _score_speakers(story: StoryRun, quotes: list, tally: Tally) -> None:
    analysis = story.brief.analysis
    assert analysis is not None
    aliases = {e.id: [e.name, *e.aliases] for e in analysis.entities}
    for label in quotes:
        article = story.article_of.get(label.quote.doc)
        found = [
            q for q in analysis.quotes if article and q.source == article.id and _overlaps(q.text, label.quote.text)
        ]
        # Direct quotes first, then the one that shares most words with the label: a short quote
        # nearby ("more positive course") overlaps a long label by the 60% rule of _overlaps too.
        found.sort(key=lambda q: (q.kind != "direct", -_shared_words(q.text, label.quote.text)))
        named = label.speaker != "unnamed"
        if not found:
            tally.counts["named not found" if named else "unnamed not found"] += 1
            continue
        quote = found[0]
        if quote.speaker is None:
            outcome = "none"
        elif not named:
            outcome = "right" if quote.speaker_entity is None else "wrong"
        elif _name_matches(label.speaker, quote.speaker, aliases.get(quote.speaker_entity or "", [])):
            outcome = "right"
        else:  # a description ("the network", "the president") names no one: not wrong, not the name
            outcome = "wrong" if quote.speaker_entity else "described"
        tally.counts[f"{'named' if named else 'unnamed'} {outcome}"] += 1
        if outcome != "right":
            tally.misses.append(f"{outcome}: {label.quote.text[:50]!r} -> {quote.speaker} (label {label.speaker})")


def _score_dates(story: StoryRun, dates: list, tally: Tally) -> None:
    analysis = story.brief.analysis
    assert analysis is not None
    used: set[int] = set()
    for label in dates:
        sentence = story.sentence(label.expression)
        candidates = [
            m
            for m in analysis.dates
            if sentence is not None
            and m.source == sentence.doc_id
            and m.sentence == sentence.index
            and id(m) not in used
            and _overlaps(m.text, label.expression.text)
        ]
        if not candidates:
            tally.counts["not found"] += 1
            tally.misses.append(f"not found: {label.expression.text!r} (label {label.iso or 'abstain'})")
            continue
        mention = candidates[0]
        used.add(id(mention))
        if mention.iso is None:
            outcome = "abstained right" if label.iso is None else "abstained"
        else:
            outcome = "right" if mention.iso == label.iso else "wrong"
        tally.counts[outcome] += 1
        if outcome in ("wrong", "abstained"):
            tally.misses.append(
                f"{outcome}: {label.expression.text!r} -> {mention.iso} (label {label.iso or 'abstain'})"
            )


def _score_conflicts(story: StoryRun, pairs: list, tally: Tally) -> None:
    analysis = story.brief.analysis
    assert analysis is not None
    flagged_sides = [{(side.source, side.sentence) for side in c.sides} for c in analysis.conflicts]
    for pair in pairs:
        a, b = story.sentence(pair.a), story.sentence(pair.b)
        if a is None or b is None:  # newsbrief lost a sentence: it cannot flag the pair
            tally.counts[f"{pair.label} unmapped"] += 1
            continue
        flagged = any((a.doc_id, a.index) in sides and (b.doc_id, b.index) in sides for sides in flagged_sides)
        tally.counts[f"{pair.label} {'flagged' if flagged else 'not flagged'}"] += 1
        if flagged != (pair.label == "disagree"):
            tally.misses.append(
                f"{pair.label} {'flagged' if flagged else 'missed'}: {pair.a.text[:50]!r} / {pair.b.text[:50]!r}"
            )


def _score_duc_years(story: StoryRun, published: dict[str, str | None], tally: Tally) -> None:
    analysis = story.brief.analysis
    assert analysis is not None
    for mention in analysis.dates:
        if mention.iso is None or _YEAR.search(mention.text):
            continue
        year = (published.get(story.doc_of[mention.source].doc) or "")[:4]
        if not year:
            continue
        right = mention.iso[:4] == year
        tally.counts["in its year" if right else "other year"] += 1
        if not _RELATIVE_YEAR.search(mention.text):  # "last year", "two years ago" name another year
            tally.counts["calendar in its year" if right else "calendar other year"] += 1
        if not right:
            tally.misses.append(f"{mention.text!r} -> {mention.iso} (published {year})")


def _unmapped(tally: Tally) -> int:
    return sum(n for k, n in tally.counts.items() if k.endswith("unmapped"))


DATE_OUTCOMES = ("right", "wrong", "abstained", "abstained right", "not found")
# The speaker tallies a share is taken over: every quote whose speaker the text names, and every
# quote newsbrief gave a speaker (or rightly none).
NAMED = ("named right", "named wrong", "named described", "named none", "named not found")
ATTRIBUTED = ("named right", "named wrong", "named described", "unnamed right", "unnamed wrong")


def _ratio(value: float) -> str:
    return "n/a" if math.isnan(value) else f"{value:.2f}"


def report(tallies: dict[str, Tally]) -> list[tuple[str, str]]:
    s, o, q, d, c, y = (tallies[k] for k in ("support", "outlets", "speakers", "dates", "conflicts", "duc_years"))
    accepted = ("yes accepted", "partial accepted", "no accepted")
    dated = ("right", "wrong")
    flagged = ("disagree flagged", "agree flagged", "different flagged")
    return [
        ("support precision (yes or partial)", f"{_ratio(s.share(('yes accepted', 'partial accepted'), accepted))}"),
        ("support precision (yes only)", f"{_ratio(s.share('yes accepted', accepted))}"),
        (
            "support recall (of yes; lost sentences count as missed)",
            f"{_ratio(s.share('yes accepted', ('yes accepted', 'yes rejected', 'yes unmapped')))}",
        ),
        (
            "support pairs accepted / scored / unmapped",
            f"{sum(s.counts[k] for k in accepted)} / {s.counts.total() - (lost := _unmapped(s))} / {lost}",
        ),
        (
            "N independent outlets right (facts)",
            f"{_ratio(o.share('right', ('right', 'wrong')))} of {o.counts['right'] + o.counts['wrong']}",
        ),
        ("speakers right among attributed", f"{_ratio(q.share(('named right', 'unnamed right'), ATTRIBUTED))}"),
        ("speakers wrong among attributed", f"{_ratio(q.share(('named wrong', 'unnamed wrong'), ATTRIBUTED))}"),
        (
            "named speakers given one (recall)",
            f"{_ratio(q.share(NAMED[:3], NAMED))} of {sum(q.counts[k] for k in NAMED)}",
        ),
        ("named speakers given the right one", f"{_ratio(q.share('named right', NAMED))}"),
        ("speakers given only as a description (named)", f"{q.counts['named described']}"),
        ("quotes not found (named / unnamed)", f"{q.counts['named not found']} / {q.counts['unnamed not found']}"),
        ("dates right among dated", f"{_ratio(d.share('right', dated))}"),
        ("dates wrong among dated", f"{_ratio(d.share('wrong', dated))}"),
        (
            "dates right or rightly abstained (all labels)",
            f"{_ratio(d.share(('right', 'abstained right'), tuple(DATE_OUTCOMES)))}",
        ),
        (
            "dates right / wrong / abstained / abstained right / not found",
            " / ".join(str(d.counts[k]) for k in DATE_OUTCOMES),
        ),
        (
            "conflicts precision",
            f"{_ratio(c.share('disagree flagged', flagged))} ({sum(c.counts[k] for k in flagged)} flagged)",
        ),
        (
            "conflicts recall (lost sentences count as missed)",
            f"{_ratio(c.share('disagree flagged', ('disagree flagged', 'disagree not flagged', 'disagree unmapped')))}",
        ),
        (
            "conflict pairs scored / lost in newsbrief's sentences",
            f"{c.counts.total() - (lost := _unmapped(c))} / {lost}",
        ),
        (
            "DUC: yearless dates in their document's year",
            f"{_ratio(y.share('in its year', ('in its year', 'other year')))} of "
            f"{y.counts['in its year'] + y.counts['other year']}",
        ),
        (
            "DUC: the same, calendar expressions only (no 'last year', 'years ago')",
            f"{_ratio(y.share('calendar in its year', ('calendar in its year', 'calendar other year')))} of "
            f"{y.counts['calendar in its year'] + y.counts['calendar other year']}",
        ),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("split", nargs="?", choices=SPLITS, help="the split to score (or --split)")
    parser.add_argument("--split", dest="split_option", choices=SPLITS)
    parser.add_argument("--misses", action="store_true", help="list what each score got wrong")
    parser.add_argument("--dataset", choices=DATASETS, help="score one dataset's clusters only")
    args = parser.parse_args(argv)
    split = args.split_option or args.split
    if split is None:
        parser.error("name a split: tune or report")
    datasets = (args.dataset,) if args.dataset else DATASETS
    missing = missing_data(datasets)
    if missing:
        print(f"trust_eval: {missing}", file=sys.stderr)
        return 2
    tallies = evaluate(split, datasets=datasets)
    if args.misses:
        for name, tally in tallies.items():
            for miss in tally.misses:
                print(f"[{name}] {miss}")
    counts = load(split, datasets).counts()
    print(f"split {split}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    width = max(len(name) for name, _ in report(tallies))
    for name, value in report(tallies):
        print(f"{name:<{width}}  {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
