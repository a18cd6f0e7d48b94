"""Opening a store: a SQLite file (WAL) or a PostgreSQL URL, migrated, with a write lock.

Writers take the store's lock for the length of their transaction: SQLite's ``BEGIN IMMEDIATE``
(one writer at a time, readers carry on under WAL) and, on PostgreSQL, a transaction-scoped
advisory lock. Two ``track`` runs, on one machine or two, therefore never cluster at the same
time, and a crash (even ``kill -9``) rolls back the unfinished transaction.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import OperationalError

from newsbrief.errors import UsageError
from newsbrief.fileio import exclusive_output
from newsbrief.store.schema import Table, migrate

# An arbitrary constant: the PostgreSQL advisory lock that serialises writers of one store.
_PG_LOCK_KEY = 0x6E657773  # "news"
# Another: the session lock held by the one `track --every` loop following a store.
_PG_FOLLOW_KEY = 0x666F6C6C  # "foll"
# A writer waits this long for another writer (SQLite busy timeout).
_BUSY_TIMEOUT_MS = 120_000


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def database_url(db: str) -> str:
    """``postgresql://…`` as given (through psycopg 3); anything else is a SQLite file path."""
    if db.startswith(("postgresql://", "postgres://", "postgresql+psycopg://")):
        return "postgresql+psycopg://" + db.split("://", 1)[1]
    if "://" in db:
        raise UsageError(f"--db {db!r}: give a file path (SQLite) or a postgresql:// URL")
    return f"sqlite:///{os.path.abspath(db)}"


@dataclass
class Store:
    engine: Engine

    @property
    def is_postgres(self) -> bool:
        return self.engine.dialect.name == "postgresql"

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """A transaction holding the store's write lock; committed when the block ends."""
        with self.engine.begin() as conn:
            if self.is_postgres:
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK_KEY})
            yield conn

    @contextmanager
    def follow_lock(self, db: str) -> Iterator[None]:
        """Held by a ``track --every`` loop for its whole life: a second loop on the store fails at
        once with :class:`UsageError` (one-off runs still take turns through :meth:`write`).

        SQLite: batch's output lock (``flock`` on ``<db>.lock``); PostgreSQL: a session advisory
        lock, so a loop on another machine sharing the database is refused too. Both are released
        when the process dies, even by ``kill -9``.
        """
        if not self.is_postgres:
            with exclusive_output(db):
                yield
            return
        with self.engine.connect() as conn:
            held = conn.execute(text("SELECT pg_try_advisory_lock(:key)"), {"key": _PG_FOLLOW_KEY}).scalar_one()
            conn.commit()  # the lock belongs to the session: do not sit idle in a transaction
            if not held:
                raise UsageError(f"--db {db}: another 'newsbrief track --every' is following this store; stop it first")
            try:
                yield
            finally:
                conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": _PG_FOLLOW_KEY})
                conn.commit()

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            yield conn

    def insert(self, table: Table) -> postgresql.Insert | sqlite.Insert:
        """An INSERT in this database's dialect (for ``on_conflict_do_nothing`` / ``…_update``)."""
        return postgresql.insert(table) if self.is_postgres else sqlite.insert(table)

    def close(self) -> None:
        self.engine.dispose()


def _sqlite_engine(url: str) -> Engine:
    engine = create_engine(url)

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # transactions begin where we say (below)
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: durable up to the last checkpointed commit
        cursor.execute(f"PRAGMA busy_timeout={_BUSY_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")  # take the write lock now, not at the first write

    return engine


def open_store(db: str) -> Store:
    """Open (creating and migrating when needed) the store at ``db``: a path or a postgresql:// URL."""
    url = database_url(db)
    if url.startswith("sqlite"):
        directory = os.path.dirname(os.path.abspath(db))
        if not os.path.isdir(directory):
            raise UsageError(f"--db {db}: folder {directory} does not exist")
        engine = _sqlite_engine(url)
    else:
        try:
            import psycopg  # noqa: F401  (checked here for a clear message)
        except ImportError:
            raise UsageError(
                "a PostgreSQL store needs the 'postgres' extra: pip install 'newsbrief[postgres]'"
            ) from None
        engine = create_engine(url, pool_pre_ping=True)
    store = Store(engine)
    try:
        with store.write() as conn:
            migrate(conn, utc_now())
    except OperationalError as exc:
        store.close()
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        raise UsageError(f"--db {db}: cannot open the store ({reason})") from None
    return store
