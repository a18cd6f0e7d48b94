"""The story's timeline: sentences with a normalised date, oldest first, merged across sources.

An event is a (non-heading) sentence holding at least one resolved date; its date is the most
specific one (a day beats a week, a week a month, a month a year). Events on the same date whose
sentences say the same thing (TF-IDF cosine at the support threshold) become one event citing
every source. Sources whose publication date is unknown contribute only their explicitly dated
sentences, so the timeline never places an event on a guessed day.
"""

from __future__ import annotations

from collections import defaultdict

from newsbrief.analyse import register, support_threshold
from newsbrief.isodate import specificity, start_date
from newsbrief.model import Analysis, Brief, DateMention, TimelineEvent
from newsbrief.textsim import Cluster

MAX_MERGE_GROUP = 300  # events per date compared pairwise for merging; beyond that they stay separate


def _best(mentions: list[DateMention]) -> DateMention:
    return max(mentions, key=lambda m: (specificity(m.iso or ""), m.confidence, -m.start))


@register("timeline", requires=("dates",), assigns=("timeline",))
def analyse_timeline(brief: Brief, cluster: Cluster, analysis: Analysis) -> None:
    threshold = support_threshold(brief)
    by_sentence: dict[tuple[int, int], list[DateMention]] = defaultdict(list)
    for mention in analysis.dates:
        if mention.iso is not None:
            by_sentence[(mention.source, mention.sentence)].append(mention)
    by_date: dict[str, list[TimelineEvent]] = defaultdict(list)
    for (source, index), mentions in by_sentence.items():
        sentence = cluster.article(source).sentences[index]
        if sentence.is_heading:
            continue
        best = _best(mentions)
        assert best.iso is not None
        by_date[best.iso].append(
            TimelineEvent(
                date=best.iso,
                text=sentence.text,
                sources=[source],
                source=source,
                sentence=index,
                date_text=best.text,
                confidence=best.confidence,
            )
        )
    events: list[TimelineEvent] = []
    for events_on_date in by_date.values():
        events += _merge(cluster, sorted(events_on_date, key=lambda e: (e.source, e.sentence)), threshold)
    events.sort(key=lambda e: (start_date(e.date), -specificity(e.date), e.source, e.sentence))
    analysis.timeline = events


def _merge(cluster: Cluster, events: list[TimelineEvent], threshold: float) -> list[TimelineEvent]:
    """Fold events of one date that say the same thing in different sources into the first of them."""
    if len(events) < 2 or len(events) > MAX_MERGE_GROUP:
        return events
    rows = [cluster.row(cluster.article(e.source).sentences[e.sentence]) for e in events]
    similarity = cluster.similarity(rows)
    kept: list[int] = []
    for i, event in enumerate(events):
        home = next((k for k in kept if similarity[k, i] >= threshold and event.source not in events[k].sources), None)
        if home is None:
            kept.append(i)
        else:
            events[home].sources.append(event.source)
    return [events[k] for k in kept]
