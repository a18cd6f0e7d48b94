"""Adding articles to the store: each text stored once, keyed by canonical URL and content hash.

A record whose text hash is already stored (as an article's latest text or an earlier version
of it) is not stored again: its address is linked to the stored article (``article_links``),
so a re-fetched page or a syndicated copy under another URL costs one row. A record at a stored
canonical URL whose text changed, read from the same source as the stored text (the feed, page
URL or file that gave it), is a new *version* of that article: the article row takes the new
text (briefs use it) and the text it replaces moves to ``article_versions``. The article stays
in its story. Another source's text of a stored URL (a feed's entry and the extracted page of
one article differ in extraction, not in news) is linked, not versioned. Inserts use ``ON
CONFLICT DO NOTHING`` and every write holds the store's lock, so two writers adding the same
article (or version) at once still store it once.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from sqlalchemy import Connection, Row, delete, func, insert, select, update

from newsbrief.ingest import records_to_articles
from newsbrief.ingest.formats import Record
from newsbrief.store.db import Store
from newsbrief.store.schema import article_bands, article_links, article_versions, articles, stories

# Query parameters that track the reader, not the article: dropped from canonical URLs.
TRACKING_PARAMETERS = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid")


def canonical_url(url: str | None) -> str | None:
    """Lower-case scheme and host, no fragment, no tracking parameters, no trailing slash."""
    if not url or not url.strip():
        return None
    parts = urlsplit(url.strip())
    if not parts.scheme or not parts.netloc:
        return url.strip()
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not k.lower().startswith(TRACKING_PARAMETERS)
    ]
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, urlencode(query), ""))


def content_hash(text: str) -> str:
    """Hash of the text with whitespace normalised: the same report reprinted hashes the same."""
    return hashlib.blake2b(" ".join(text.split()).encode("utf-8"), digest_size=20).hexdigest()


@dataclass(slots=True)
class AddResult:
    added: list[int]
    linked: int  # records already stored (same URL or same text)
    updated: list[int] = field(default_factory=list)  # articles that got a new version


def _by_hash(conn: Connection, digest: str) -> int | None:
    """The article whose latest text or one of whose earlier versions has this hash."""
    found = conn.execute(select(articles.c.id).where(articles.c.content_hash == digest).limit(1)).scalar()
    if found is None:
        found = conn.execute(
            select(article_versions.c.article).where(article_versions.c.content_hash == digest).limit(1)
        ).scalar()
    return found


def _by_url(conn: Connection, url: str | None) -> Row | None:
    if url is None:
        return None
    return conn.execute(select(articles).where(articles.c.canonical_url == url).limit(1)).first()


# What a version keeps of the text it replaces (the rest of the article row does not change).
_VERSIONED = ("content_hash", "title", "published", "raw_text", "input_format", "provenance", "source")


def _store_version(conn: Connection, stored: Row, row: dict[str, object], now: str) -> None:
    """Make ``row`` the latest text of the stored article; keep the text it replaces as a version."""
    earlier = conn.execute(
        select(func.count()).select_from(article_versions).where(article_versions.c.article == stored.id)
    ).scalar_one()
    previous_time = conn.execute(
        select(func.max(article_versions.c.replaced_at)).where(article_versions.c.article == stored.id)
    ).scalar()
    kept = {column: getattr(stored, column) for column in _VERSIONED}
    when = {"fetched_at": previous_time or stored.fetched_at, "replaced_at": now}
    conn.execute(insert(article_versions).values(article=stored.id, version=earlier + 1, **kept, **when))
    latest = {k: row[k] for k in ("content_hash", "raw_text", "input_format", "provenance", "source")}
    latest |= {k: row[k] or getattr(stored, k) for k in ("title", "published")}
    if stored.story is None and stored.status == "clustered":
        # It had no article content (a stub page, a notice): cluster the new text.
        latest |= {"status": "pending", "story_reason": None, "signature": None}
        conn.execute(delete(article_bands).where(article_bands.c.article == stored.id))
    conn.execute(update(articles).where(articles.c.id == stored.id).values(latest))
    if stored.story is not None:  # the story has news: it moves up the list
        conn.execute(update(stories).where(stories.c.id == stored.story).values(last_seen=now))


def add_records(
    store: Store,
    conn: Connection,
    records: Iterable[tuple[Record, str | None]],
    source: str,
    fetched_at: str,
    extraction: str,
    unchanged: Collection[str] = (),
) -> AddResult:
    """Store ``(record, record id)`` pairs not stored yet, as pending (not yet clustered) articles.

    A changed text at a stored canonical URL from the same ``source`` becomes the article's new
    version, except for the canonical URLs in ``unchanged`` (a feed's teaser of a page already
    stored: not a new text).
    """
    result = AddResult([], 0)
    for record, record_id in records:
        article = records_to_articles([record])[0]  # the outlet as brief names it (from the URL or text too)
        url = canonical_url(record.url)
        digest = content_hash(record.text)
        provenance = {"title": record.title_provenance, **record.provenance, "text": extraction, "name": record.name}
        if article.outlet is not None:
            provenance["outlet"] = article.outlet.provenance
        row: dict[str, object] = {
            "record_id": record_id,
            "canonical_url": url,
            "content_hash": digest,
            "title": record.title,
            "url": record.url,
            "outlet": article.outlet_name,
            "published": record.published,
            "raw_text": record.text,
            "input_format": record.input_format,
            "provenance": json.dumps(provenance, ensure_ascii=False),
            "source": source,
            "fetched_at": fetched_at,
            "status": "pending",
        }
        stored = _by_url(conn, url)
        original = _by_hash(conn, digest)
        changed = (
            stored is not None and stored.content_hash != digest and stored.source == source and url not in unchanged
        )
        if stored is not None and changed and original in (None, stored.id):  # a new text (or an earlier one again)
            _store_version(conn, stored, row, fetched_at)
            result.updated.append(stored.id)
            continue
        if stored is None and original is None:
            inserted = conn.execute(
                store.insert(articles).values(row).on_conflict_do_nothing().returning(articles.c.id)
            ).scalar()
            if inserted is not None:
                result.added.append(inserted)
                continue
            original, stored = _by_hash(conn, digest), _by_url(conn, url)  # stored meanwhile (a conflict)
        result.linked += 1
        target = original if original is not None else (stored.id if stored is not None else None)
        known = conn.execute(select(articles.c.canonical_url).where(articles.c.id == target)).scalar()
        if url is not None and target is not None and url != known:
            conn.execute(
                store.insert(article_links)
                .values(url=url, article=target, source=source, seen_at=fetched_at)
                .on_conflict_do_nothing()
            )
    return result
