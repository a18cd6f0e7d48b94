"""Adding articles to the store: each text stored once, keyed by canonical URL and content hash.

A record whose canonical URL or text hash is already stored is not stored again: its address
is linked to the stored article (``article_links``), so a re-fetched page or a syndicated
copy under another URL costs one row. Inserts use ``ON CONFLICT DO NOTHING``, so two writers
adding the same article at once still store it once.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from sqlalchemy import Connection, or_, select

from newsbrief.ingest import records_to_articles
from newsbrief.ingest.formats import Record
from newsbrief.store.db import Store
from newsbrief.store.schema import article_links, articles

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


def _existing(conn: Connection, url: str | None, digest: str) -> int | None:
    condition = articles.c.content_hash == digest
    if url is not None:
        condition = or_(condition, articles.c.canonical_url == url)
    return conn.execute(select(articles.c.id).where(condition).limit(1)).scalar()


def add_records(
    store: Store,
    conn: Connection,
    records: Iterable[tuple[Record, str | None]],
    source: str,
    fetched_at: str,
    extraction: str,
) -> AddResult:
    """Store ``(record, record id)`` pairs not stored yet, as pending (not yet clustered) articles."""
    result = AddResult([], 0)
    for record, record_id in records:
        article = records_to_articles([record])[0]  # the outlet as brief names it (from the URL or text too)
        url = canonical_url(record.url)
        digest = content_hash(record.text)
        provenance = {"title": record.title_provenance, **record.provenance, "text": extraction, "name": record.name}
        if article.outlet is not None:
            provenance["outlet"] = article.outlet.provenance
        row = {
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
        if _existing(conn, url, digest) is None:
            inserted = conn.execute(
                store.insert(articles).values(row).on_conflict_do_nothing().returning(articles.c.id)
            ).scalar()
            if inserted is not None:
                result.added.append(inserted)
                continue
        result.linked += 1
        original = _existing(conn, url, digest)
        known = conn.execute(select(articles.c.canonical_url).where(articles.c.id == original)).scalar()
        if url is not None and original is not None and url != known:
            conn.execute(
                store.insert(article_links)
                .values(url=url, article=original, source=source, seen_at=fetched_at)
                .on_conflict_do_nothing()
            )
    return result
