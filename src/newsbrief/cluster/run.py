"""Cluster whole inputs (files, folders) and annotate every article with its story.

Two passes over the inputs: the first extracts compact features (the texts are not kept),
the second re-reads each article and adds its story fields, so memory holds features only.

An article that cannot be clustered (a record no stage can handle) never stops the run: it is
written back with ``"error"`` saying why and ``"story": null``, and the others are clustered.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from newsbrief.clean import clean
from newsbrief.cluster.source import read_unique_items
from newsbrief.cluster.stories import (
    Assignment,
    ClusterSettings,
    StoryClusterer,
    article_features,
    cluster_articles,
)
from newsbrief.errors import NoUsableInput
from newsbrief.ingest import records_to_articles
from newsbrief.settings import Options


@dataclass(slots=True)
class ClusterRun:
    assignments: dict[str, Assignment]
    clusterer: StoryClusterer
    warnings: list[str] = field(default_factory=list)
    errors: dict[str, str] = field(default_factory=dict)  # article key -> why it failed


def cluster_inputs(paths: Sequence[str], options: Options, settings: ClusterSettings | None = None) -> ClusterRun:
    """Cluster every article found in ``paths`` into stories."""
    settings = settings or ClusterSettings()
    warnings: list[str] = []
    errors: dict[str, str] = {}
    features = []
    for item in read_unique_items(paths, options, warnings):
        try:
            features.append(article_features(item.key, clean(records_to_articles([item.record])[0])))
        except Exception as exc:  # one bad record must never stop the run: record it and go on
            errors[item.key] = f"{type(exc).__name__}: {exc}"
            warnings.append(f"{item.record.name}: not clustered ({errors[item.key]})")
    if not features:
        detail = "; ".join(warnings) if warnings else "no inputs given"
        raise NoUsableInput(f"no usable article in the input ({detail})")
    assignments, clusterer = cluster_articles(features, settings)
    return ClusterRun(assignments, clusterer, warnings, errors)


def assignment_fields(assignment: Assignment) -> dict[str, Any]:
    return {
        "story": assignment.story,
        "story_similarity": assignment.similarity,
        "story_reason": assignment.reason,
        "duplicate_of": assignment.duplicate_of,
        "duplicate_similarity": assignment.duplicate_similarity,
    }


def annotated_articles(paths: Sequence[str], options: Options, run: ClusterRun) -> Iterator[dict[str, Any]]:
    """Each input article (input order) as a JSON-ready record with its story fields added.

    The records keep their input fields (text included), so the result is itself an input
    for ``newsbrief batch``.
    """
    for item in read_unique_items(paths, options, []):
        record = {"id": item.key} | {key: value for key, value in item.fields.items() if key != "id"}
        if item.key in run.errors:
            record.update({"error": run.errors[item.key], "story": None, "story_reason": "error"})
        elif item.key in run.assignments:
            record.update(assignment_fields(run.assignments[item.key]))
        else:  # unreadable on the second pass (the input changed meanwhile)
            continue
        yield record


def summary_rows(run: ClusterRun, top_terms: int = 6) -> list[dict[str, Any]]:
    """One row per story, largest first: size, date span, heaviest terms (as words)."""
    rows = []
    for story in run.clusterer.stories.values():
        rows.append(
            {
                "story": story.id,
                "articles": len(story.members),
                "first": story.first.isoformat() if story.first else None,
                "last": story.last.isoformat() if story.last else None,
                "terms": [run.clusterer.surface.get(t, t) for t in story.top_terms(top_terms)],
            }
        )
    return sorted(rows, key=lambda r: (-r["articles"], r["story"]))
