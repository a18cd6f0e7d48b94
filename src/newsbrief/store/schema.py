"""The store's tables (SQLAlchemy Core, one schema for SQLite and PostgreSQL) and its migrations.

Times are ISO 8601 strings in UTC (``2026-12-02T01:00:00.000000+00:00``): they sort as text on
both databases. Article ids are the store's own; ``record_id`` keeps the id an input record
carried. Story ids (``s000001``) are allocated from ``meta.next_story`` under the store's lock,
so they never repeat across runs or machines.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import (
    BigInteger,
    Column,
    Connection,
    Float,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    insert,
    select,
)

metadata = MetaData()

migrations_table = Table(
    "migrations",
    metadata,
    Column("version", Integer, primary_key=True),
    Column("applied_at", String(40), nullable=False),
)

meta = Table(
    "meta",
    metadata,
    Column("key", String(40), primary_key=True),
    Column("value", String(200), nullable=False),
)

articles = Table(
    "articles",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("record_id", Text),  # the input record's own id, when it had one
    Column("canonical_url", Text, unique=True),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("title", Text),
    Column("url", Text),
    Column("outlet", Text),
    Column("published", String(40)),
    Column("raw_text", Text, nullable=False),
    Column("input_format", String(20), nullable=False),
    Column("provenance", Text, nullable=False),  # JSON: where each field came from, how the text was extracted
    Column("source", Text, nullable=False),  # the feed, URL or file it was read from
    Column("fetched_at", String(40), nullable=False),
    Column("status", String(12), nullable=False),  # "pending" until clustered, then "clustered"
    Column("story", String(16)),
    Column("joined_at", String(40)),  # when it joined its current story (the clustering run's time)
    Column("similarity", Float),
    Column("duplicate_of", Integer),
    Column("story_reason", Text),
    Column("signature", LargeBinary),  # MinHash of the cleaned text (near-duplicates)
    Index("articles_story", "story", "joined_at"),
    Index("articles_status", "status"),
)

article_links = Table(
    "article_links",  # other addresses of a stored text (a re-fetch, a syndicated copy)
    metadata,
    Column("url", Text, primary_key=True),
    Column("article", Integer, nullable=False, index=True),
    Column("source", Text, nullable=False),
    Column("seen_at", String(40), nullable=False),
)

article_bands = Table(
    "article_bands",  # LSH bands of the MinHash signatures: finds earlier copies of a new text
    metadata,
    Column("band", BigInteger, nullable=False, index=True),
    Column("article", Integer, nullable=False),
)

stories = Table(
    "stories",
    metadata,
    Column("id", String(16), primary_key=True),
    Column("title", Text),
    Column("articles", Integer, nullable=False),
    Column("outlets", Integer, nullable=False),
    Column("first_seen", String(40), nullable=False),
    Column("last_seen", String(40), nullable=False, index=True),
    Column("first_date", String(10)),  # published dates, for the clustering time window
    Column("last_date", String(10)),
    Column("centroid", Text, nullable=False),  # JSON {term: weight}
    Column("norm", Float, nullable=False),
)

story_terms = Table(
    "story_terms",  # the heaviest centroid terms: which stored stories a new article may join
    metadata,
    Column("term", String(80), nullable=False, index=True),
    Column("story", String(16), nullable=False, index=True),
)

doc_freq = Table(
    "doc_freq",
    metadata,
    Column("term", String(80), primary_key=True),
    Column("count", Integer, nullable=False),
)

article_versions = Table(
    # Earlier texts of an article whose page changed (schema version 2). The ``articles`` row
    # always holds the latest text; each row here is one text it replaced, numbered from 1.
    "article_versions",
    metadata,
    Column("article", Integer, primary_key=True),
    Column("version", Integer, primary_key=True),
    Column("content_hash", String(64), nullable=False, index=True),  # a copy of an old text still links
    Column("title", Text),
    Column("published", String(40)),
    Column("raw_text", Text, nullable=False),
    Column("input_format", String(20), nullable=False),
    Column("provenance", Text, nullable=False),
    Column("source", Text, nullable=False),
    Column("fetched_at", String(40), nullable=False),  # when this text was stored
    Column("replaced_at", String(40), nullable=False, index=True),  # when the next text replaced it
)

feeds = Table(
    "feeds",  # conditional GET state per fetched address
    metadata,
    Column("url", Text, primary_key=True),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("checked_at", String(40), nullable=False),
)


def _create_v1(conn: Connection) -> None:
    # Version 1's tables only: later versions add theirs in their own migration.
    v1 = [migrations_table, meta, articles, article_links, article_bands, stories, story_terms, doc_freq, feeds]
    metadata.create_all(conn, tables=v1)
    conn.execute(insert(meta), [{"key": "documents", "value": "0"}, {"key": "next_story", "value": "1"}])


def _add_versions_v2(conn: Connection) -> None:
    article_versions.create(conn)


# Version n is MIGRATIONS[n - 1]; a new schema change is appended, never edited in place.
MIGRATIONS: list[Callable[[Connection], None]] = [_create_v1, _add_versions_v2]
SCHEMA_VERSION = len(MIGRATIONS)


def migrate(conn: Connection, now: str) -> int:
    """Apply the migrations this database lacks (inside the caller's transaction); return the version."""
    migrations_table.create(conn, checkfirst=True)
    applied = conn.execute(select(migrations_table.c.version)).scalars().all()
    current = max(applied, default=0)
    if current > SCHEMA_VERSION:
        raise RuntimeError(f"store schema version {current} is newer than this newsbrief ({SCHEMA_VERSION})")
    for version in range(current + 1, SCHEMA_VERSION + 1):
        MIGRATIONS[version - 1](conn)
        conn.execute(insert(migrations_table).values(version=version, applied_at=now))
    return SCHEMA_VERSION
