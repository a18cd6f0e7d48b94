"""Reading the store: the story list, one story's brief, and what changed since a time.

A story's brief is made when asked, from its stored articles' latest texts (the same pipeline
as ``brief``); source numbers in the brief are citation numbers 1..n, and ``sources`` maps each
to the stored article (its store ``id``, the record's own id, title, outlet, when it joined).
What changed since a time compares that brief with the one the story had then: the articles
that had joined, each with the text it had then (an article whose page changed since is an
*updated source*, listed with the sentences its new text added and removed).
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any

from sqlalchemy import Connection, select

from newsbrief.errors import UsageError
from newsbrief.ingest import records_to_articles
from newsbrief.ingest.formats import Record
from newsbrief.model import Brief, Conflict
from newsbrief.pipeline import brief_articles
from newsbrief.render.json import brief_to_dict
from newsbrief.segment import split_paragraph
from newsbrief.settings import Options
from newsbrief.store.db import Store
from newsbrief.store.schema import article_versions, articles, stories

STORY_FIELDS = ("id", "title", "articles", "outlets", "first_seen", "last_seen")


def parse_since(value: str) -> str:
    """An ISO date or time as the store's UTC text form (a time without zone is taken as UTC)."""
    try:
        when = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        raise UsageError(f"--since {value!r} is not an ISO date or time (e.g. 2026-12-01T09:00:00Z)") from None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC).isoformat(timespec="microseconds")


def list_stories(store: Store, limit: int | None = None) -> list[dict[str, Any]]:
    """Stories with the newest activity first."""
    query = select(*(stories.c[name] for name in STORY_FIELDS)).order_by(stories.c.last_seen.desc(), stories.c.id)
    with store.read() as conn:
        rows = conn.execute(query.limit(limit) if limit else query).all()
    return [dict(row._mapping) for row in rows]


def get_story(store: Store, story_id: str) -> dict[str, Any]:
    with store.read() as conn:
        row = conn.execute(select(*(stories.c[name] for name in STORY_FIELDS)).where(stories.c.id == story_id)).first()
    if row is None:
        raise UsageError(f"no story {story_id!r} in the store (list them with 'newsbrief stories')")
    return dict(row._mapping)


def story_rows(store: Store, story_id: str) -> list[Any]:
    with store.read() as conn:
        return list(
            conn.execute(
                select(articles).where(articles.c.story == story_id).order_by(articles.c.published, articles.c.id)
            ).all()
        )


def earlier_versions(conn: Connection, ids: Sequence[int]) -> dict[int, list[Any]]:
    """The texts each article had before its latest one, oldest first (articles never updated: absent)."""
    found: dict[int, list[Any]] = {}
    for start in range(0, len(ids), 900):
        query = (
            select(article_versions)
            .where(article_versions.c.article.in_(ids[start : start + 900]))
            .order_by(article_versions.c.article, article_versions.c.version)
        )
        for row in conn.execute(query):
            found.setdefault(row.article, []).append(row)
    return found


def _text_at(row: Any, versions: list[Any], when: str) -> Any:
    """``row`` as it was stored at ``when``: the first version replaced after it, else the latest."""
    for version in versions:
        if version.replaced_at > when:
            return SimpleNamespace(
                **{**row._mapping, **{k: getattr(version, k) for k in ("raw_text", "title", "published")}}
            )
    return row


def _sentences(text: str) -> list[str]:
    return [" ".join(line[a:b].split()) for line in text.splitlines() for a, b in split_paragraph(line)]


def text_changes(old: str, new: str) -> tuple[list[str], list[str]]:
    """(sentences ``new`` adds, sentences it removes) against ``old``, in text order."""
    before, after = _sentences(old), _sentences(new)
    added: list[str] = []
    removed: list[str] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=before, b=after, autojunk=False).get_opcodes():
        if tag in ("replace", "delete"):
            removed += before[i1:i2]
        if tag in ("replace", "insert"):
            added += after[j1:j2]
    return added, removed


def source_entry(citation: int, row: Any) -> dict[str, Any]:
    return {
        "citation": citation,
        "id": row.id,
        "record_id": row.record_id,
        "title": row.title,
        "outlet": row.outlet,
        "url": row.url,
        "published": row.published,
        "fetched_at": row.fetched_at,
        "joined_at": row.joined_at,
    }


def brief_rows(rows: list[Any], options: Options) -> Brief:
    """Brief stored articles; citation ``i`` is ``rows[i - 1]``."""
    records = [
        Record(row.source, row.raw_text, row.title, row.url, row.outlet, row.published, row.input_format)
        for row in rows
    ]
    return brief_articles(records_to_articles(records), options)


@dataclass(slots=True)
class StoryView:
    story: dict[str, Any]
    brief: Brief
    sources: list[dict[str, Any]]
    changes: dict[str, Any] | None = None


def view_to_dict(view: StoryView) -> dict[str, Any]:
    """The JSON of ``newsbrief story``: story, sources, brief, and changes when asked for."""
    result = {"story": view.story, "sources": view.sources, "brief": brief_to_dict(view.brief)}
    if view.changes is not None:
        result["changes"] = view.changes
    return result


def _conflict_key(conflict: Conflict, ids: dict[int, int]) -> tuple:
    return (conflict.kind, conflict.topic, tuple(sorted((ids[s.source], s.value) for s in conflict.sides)))


def _changes(
    rows: list[Any], full: Brief, since: str, options: Options, versions: dict[int, list[Any]]
) -> dict[str, Any]:
    """What changed after ``since``: the articles that joined later and the texts that changed,
    against the brief of the story as it was then (its articles then, with their texts then)."""
    ids = {citation: row.id for citation, row in enumerate(rows, start=1)}
    new = {row.id for row in rows if row.joined_at and row.joined_at > since}
    then = {row.id: _text_at(row, versions.get(row.id, []), since) for row in rows if row.id not in new}
    latest = {row.id: row.raw_text for row in rows}
    updated = {key for key, row in then.items() if row.raw_text != latest[key]}
    changed = new | updated
    before = list(then.values())
    earlier = brief_rows(before, options) if before and changed else None
    earlier_ids = {citation: row.id for citation, row in enumerate(before, start=1)}
    analysis, previous = full.analysis, earlier.analysis if earlier else None
    old_facts = {fact.text for fact in previous.facts} if previous else set()
    old_quotes = {(earlier_ids[q.source], q.text) for q in previous.quotes} if previous else set()
    old_conflicts = {_conflict_key(c, earlier_ids) for c in previous.conflicts} if previous else set()
    result: dict[str, Any] = {
        "since": since,
        "new_sources": [source_entry(c, row) for c, row in enumerate(rows, start=1) if row.id in new],
        "updated_sources": [],
        "new_facts": [],
        "new_quotes": [],
        "new_conflicts": [],
        "superseded": [],
    }
    for citation, row in enumerate(rows, start=1):
        if row.id in updated:
            added, removed = text_changes(then[row.id].raw_text, row.raw_text)
            entry = source_entry(citation, row) | {
                "version": len(versions[row.id]) + 1,
                "updated_at": versions[row.id][-1].replaced_at,
                "added": added,
                "removed": removed,
            }
            result["updated_sources"].append(entry)
    if analysis is None or not changed:
        return result
    result["new_facts"] = [
        {"text": f.text, "sources": [ids[s] for s in f.sources], "independent_outlets": f.independent_outlets}
        for f in analysis.facts
        if f.text not in old_facts and any(ids[s] in changed for s in f.sources)
    ]
    result["new_quotes"] = [
        {"text": q.text, "speaker": q.speaker, "kind": q.kind, "source": ids[q.source]}
        for q in analysis.quotes
        if ids[q.source] in changed and (ids[q.source], q.text) not in old_quotes
    ]
    for conflict in analysis.conflicts:
        sides = [{"source": ids[s.source], "value": s.value, "text": s.text} for s in conflict.sides]
        if _conflict_key(conflict, ids) not in old_conflicts and any(side["source"] in changed for side in sides):
            result["new_conflicts"].append({"kind": conflict.kind, "topic": conflict.topic, "sides": sides})
            older = [side for side in sides if side["source"] not in changed]
            later = [side for side in sides if side["source"] in changed]
            # An earlier report's statement that a later report contradicts: the later one supersedes it.
            result["superseded"] += [{"topic": conflict.topic, "earlier": o, "later": later} for o in older]
    return result


def story_view(store: Store, story_id: str, options: Options | None = None, since: str | None = None) -> StoryView:
    """The brief of one stored story; with ``since`` (store time form), what changed after it."""
    options = options or Options()
    story = get_story(store, story_id)
    rows = story_rows(store, story_id)
    full = brief_rows(rows, options)
    sources = [source_entry(c, row) for c, row in enumerate(rows, start=1)]
    changes = None
    if since is not None:
        with store.read() as conn:
            versions = earlier_versions(conn, [row.id for row in rows])
        changes = _changes(rows, full, since, options, versions)
    return StoryView(story, full, sources, changes)
