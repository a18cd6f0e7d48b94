"""Incremental stories: pending articles join stored stories or open new ones.

One clustering run takes the pending articles (at most ``BATCH`` at a time, so memory follows
the new batch, not the store) and runs the same steps as a one-shot ``newsbrief cluster``
(:func:`~newsbrief.cluster.stories.assign_in_order`) on a :class:`StoryClusterer` that holds
only what the batch can touch: document frequencies of the batch's terms (stored counts plus
the batch), the stored stories sharing one of the batch's query terms (their centroids), and
the stored texts sharing a MinHash band with a batch text. On an empty store the result is
exactly the one-shot grouping; later batches join the stories as they are. Existing stories
keep their ids; a story whose only article moves into another one (consolidation) is removed.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
from sqlalchemy import Connection, delete, func, insert, select, update

from newsbrief.clean import clean
from newsbrief.cluster.stories import (
    ArticleFeatures,
    Assignment,
    ClusterSettings,
    DocumentFrequency,
    Story,
    StoryClusterer,
    article_features,
    assign_in_order,
)
from newsbrief.duplicates import BANDS, NUM_PERMUTATIONS
from newsbrief.ingest import records_to_articles
from newsbrief.ingest.formats import Record
from newsbrief.store.db import Store
from newsbrief.store.schema import article_bands, articles, doc_freq, meta, stories, story_terms

# Pending articles clustered per transaction: bounds memory whatever the store's size.
BATCH = 2000
# Distinctive centroid terms of a stored story that index it for later batches (the clusterer
# compares a new article with stories sharing one of its QUERY_TERMS heaviest distinctive terms; a
# story's own heaviest terms are where such overlaps happen, and 100 keep the index at ~100 rows
# per story). A common term (in more than QUERY_MAX_DOCUMENTS documents) is never a query term,
# and document counts only grow, so it is left out of the index (as far as the batch's counts
# tell: a centroid term the batch lacks has no count loaded and is indexed, costing a row only).
STORY_INDEX_TERMS = 100
# An untitled story (its articles carry no title) is named by this many opening words.
TITLE_WORDS = 12
# SQL IN lists are sent in chunks of this many values (SQLite's variable limit is 32766).
_CHUNK = 900


def _chunks(values: Sequence, size: int = _CHUNK) -> Iterable[Sequence]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def band_keys(sig: np.ndarray) -> list[int]:
    """One signed 64-bit key per LSH band of a MinHash signature (the band number mixed in)."""
    rows = NUM_PERMUTATIONS // BANDS
    keys = []
    for band in range(BANDS):
        digest = hashlib.blake2b(bytes([band]) + sig[band * rows : (band + 1) * rows].tobytes(), digest_size=8)
        keys.append(int.from_bytes(digest.digest(), "big", signed=True))
    return keys


def _signature(blob: bytes | None) -> np.ndarray | None:
    return None if blob is None else np.frombuffer(blob, dtype=np.uint64).copy()


@dataclass(slots=True)
class ClusterReport:
    clustered: int = 0
    new_stories: int = 0
    joined: int = 0
    no_story: int = 0


def _meta(conn: Connection, key: str) -> int:
    return int(conn.execute(select(meta.c.value).where(meta.c.key == key)).scalar_one())


def _set_meta(conn: Connection, key: str, value: int) -> None:
    conn.execute(update(meta).where(meta.c.key == key).values(value=str(value)))


def _features(rows: Sequence) -> list[ArticleFeatures]:
    records = [
        Record(str(row.id), row.raw_text, row.title, row.url, row.outlet, row.published, row.input_format)
        for row in rows
    ]
    return [article_features(r.name, clean(a)) for r, a in zip(records, records_to_articles(records), strict=True)]


def _document_frequency(conn: Connection, batch: list[ArticleFeatures]) -> DocumentFrequency:
    df = DocumentFrequency()
    terms = sorted({t for f in batch for t in f.terms})
    for chunk in _chunks(terms):
        df.counts.update(
            {
                row.term: row.count
                for row in conn.execute(select(doc_freq.c.term, doc_freq.c.count).where(doc_freq.c.term.in_(chunk)))
            }
        )
    df.documents = _meta(conn, "documents")
    for item in batch:
        df.observe(item.terms)
    df.frozen = True
    return df


def _restore(
    conn: Connection, clusterer: StoryClusterer, batch: list[ArticleFeatures], settings: ClusterSettings
) -> set[str]:
    """Load the stored stories and texts the batch can touch into ``clusterer``; return their story ids."""
    query: set[str] = set()
    for item in batch:
        query.update(clusterer.query_terms(clusterer.vector(item)))
    query_terms = sorted(query)
    story_ids: set[str] = set()
    for chunk in _chunks(query_terms):
        story_ids.update(
            conn.execute(select(story_terms.c.story).where(story_terms.c.term.in_(chunk)).distinct()).scalars()
        )
    bands = sorted({key for f in batch if f.signature is not None for key in band_keys(f.signature)})
    copies: dict[int, tuple[bytes, str | None]] = {}
    for chunk in _chunks(bands):
        rows = conn.execute(
            select(articles.c.id, articles.c.signature, articles.c.story)
            .join(article_bands, article_bands.c.article == articles.c.id)
            .where(article_bands.c.band.in_(chunk))
        )
        copies.update({row.id: (row.signature, row.story) for row in rows})
    story_ids.update(story for _, story in copies.values() if story is not None)
    dates = [f.published for f in batch]
    # Stories older than every batch article's window cannot be joined (an undated article fits any).
    oldest = None
    if dates and None not in dates and settings.window_days is not None:
        oldest = min(d for d in dates if d is not None) - timedelta(days=settings.window_days)
    members: dict[str, list[str]] = {}
    loaded: set[str] = set()
    for chunk in _chunks(sorted(story_ids)):
        for row in conn.execute(
            select(articles.c.id, articles.c.story).where(articles.c.story.in_(chunk)).order_by(articles.c.id)
        ):
            members.setdefault(row.story, []).append(str(row.id))
        for row in conn.execute(select(stories).where(stories.c.id.in_(chunk))):
            last = date.fromisoformat(row.last_date) if row.last_date else None
            if oldest is not None and last is not None and last < oldest:
                continue
            clusterer.restore_story(
                Story(
                    row.id,
                    members.get(row.id, []),
                    json.loads(row.centroid),
                    date.fromisoformat(row.first_date) if row.first_date else None,
                    last,
                    row.norm,
                )
            )
            loaded.add(row.id)
    for key in sorted(copies):
        clusterer.restore_signature(str(key), _signature(copies[key][0]))
    return loaded


def _opening(text: str) -> str:
    """An untitled story is named by its first article's opening words."""
    opening = text.split()[:TITLE_WORDS]
    return " ".join(opening) + (" …" if len(text.split()) > TITLE_WORDS else "")


def _save_stories(conn: Connection, clusterer: StoryClusterer, touched: set[str], loaded: set[str]) -> None:
    for story_id in sorted(loaded - clusterer.stories.keys()):  # merged into another story
        conn.execute(delete(stories).where(stories.c.id == story_id))
        conn.execute(delete(story_terms).where(story_terms.c.story == story_id))
    for story_id in sorted(touched & clusterer.stories.keys()):
        story = clusterer.stories[story_id]
        summary = conn.execute(
            select(
                func.count(),
                func.count(func.distinct(articles.c.outlet)),
                func.min(articles.c.fetched_at),
                func.max(articles.c.fetched_at),
            ).where(articles.c.story == story_id)
        ).one()
        first = conn.execute(
            select(articles.c.title, articles.c.raw_text)
            .where(articles.c.story == story_id)
            .order_by(articles.c.title.is_(None), articles.c.published, articles.c.id)
            .limit(1)
        ).first()
        title = (first.title or _opening(first.raw_text)) if first else None
        row = {
            "title": title,
            "articles": summary[0],
            "outlets": summary[1],
            "first_seen": summary[2],
            "last_seen": summary[3],
            "first_date": story.first.isoformat() if story.first else None,
            "last_date": story.last.isoformat() if story.last else None,
            "centroid": json.dumps({t: round(w, 6) for t, w in story.centroid.items()}, sort_keys=True),
            "norm": story.norm,
        }
        if story_id in loaded:
            conn.execute(update(stories).where(stories.c.id == story_id).values(row))
            conn.execute(delete(story_terms).where(story_terms.c.story == story_id))
        else:
            conn.execute(insert(stories).values(id=story_id, **row))
        index_terms = [t for t in story.top_terms(len(story.centroid)) if clusterer.distinctive(t)]
        conn.execute(insert(story_terms), [{"term": t, "story": story_id} for t in index_terms[:STORY_INDEX_TERMS]])


def _save_assignments(
    conn: Connection, assignments: dict[str, Assignment], batch: list[ArticleFeatures], now: str
) -> set[str]:
    in_batch = {f.key: f for f in batch}
    touched: set[str] = set()
    for key, assignment in assignments.items():
        values: dict[str, object] = {
            "story": assignment.story,
            "similarity": assignment.similarity,
            "joined_at": now if assignment.story else None,
        }
        if key in in_batch:
            sig = in_batch[key].signature
            values |= {
                "status": "clustered",
                "duplicate_of": int(assignment.duplicate_of) if assignment.duplicate_of else None,
                "story_reason": assignment.reason,
                "signature": sig.tobytes() if sig is not None else None,
            }
        else:  # a stored article moved by consolidation: its old story is touched too
            touched.update(conn.execute(select(articles.c.story).where(articles.c.id == int(key))).scalars())
        conn.execute(update(articles).where(articles.c.id == int(key)).values(values))
        if assignment.story:
            touched.add(assignment.story)
    bands = [
        {"band": band, "article": int(f.key)}
        for f in batch
        if f.signature is not None
        for band in band_keys(f.signature)
    ]
    if bands:
        conn.execute(insert(article_bands), bands)
    return touched


def _save_document_frequency(store: Store, conn: Connection, batch: list[ArticleFeatures]) -> None:
    counts = Counter(t for f in batch for t in f.terms)
    statement = store.insert(doc_freq)
    statement = statement.on_conflict_do_update(
        index_elements=[doc_freq.c.term], set_={"count": doc_freq.c.count + statement.excluded.count}
    )
    for chunk in _chunks(sorted(counts), 5000):
        conn.execute(statement, [{"term": t, "count": counts[t]} for t in chunk])
    _set_meta(conn, "documents", _meta(conn, "documents") + len(batch))


def cluster_pending(store: Store, settings: ClusterSettings | None, now: str) -> ClusterReport:
    """Cluster every pending article, a batch per transaction (each under the store's lock)."""
    settings = settings or ClusterSettings()
    report = ClusterReport()
    while True:
        with store.write() as conn:
            rows = conn.execute(
                select(articles).where(articles.c.status == "pending").order_by(articles.c.id).limit(BATCH)
            ).all()
            if not rows:
                return report
            batch = _features(rows)
            clusterer = StoryClusterer(
                settings,
                document_frequency=_document_frequency(conn, batch),
                first_story_number=_meta(conn, "next_story"),
            )
            loaded = _restore(conn, clusterer, batch, settings)
            assignments = assign_in_order(clusterer, batch)
            touched = _save_assignments(conn, assignments, batch, now)
            _save_stories(conn, clusterer, touched, loaded)
            _save_document_frequency(store, conn, batch)
            _set_meta(conn, "next_story", clusterer.next_story_number)
            report.clustered += len(batch)
            report.new_stories += sum(1 for s in clusterer.stories if s not in loaded)
            report.no_story += sum(1 for f in batch if assignments[f.key].story is None)
            report.joined += sum(1 for f in batch if assignments[f.key].story in loaded)
