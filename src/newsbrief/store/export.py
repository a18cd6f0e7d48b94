"""Rows for researchers: articles, stories, facts, quotes, timeline and conflicts as flat tables.

``articles`` and ``stories`` come straight from the store; the other tables come from each
story's brief (made on demand, as ``newsbrief story`` makes it), one row per item with the
story's id and the stored article ids of its sources.
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections.abc import Iterator
from typing import Any

from sqlalchemy import select

from newsbrief.errors import NoUsableInput, UsageError
from newsbrief.fileio import write_atomic
from newsbrief.settings import Options
from newsbrief.store.db import Store
from newsbrief.store.queries import brief_rows, list_stories, story_rows
from newsbrief.store.schema import articles

TABLES = ("articles", "stories", "facts", "quotes", "timeline", "conflicts")
FORMATS = ("csv", "parquet", "jsonl")
ARTICLE_COLUMNS = (
    "id",
    "story",
    "record_id",
    "title",
    "outlet",
    "url",
    "published",
    "fetched_at",
    "joined_at",
    "source",
    "content_hash",
    "duplicate_of",
    "input_format",
)


def _joined(ids: list[int]) -> str:
    return ";".join(str(i) for i in ids)


def _brief_rows(store: Store, table: str, options: Options) -> Iterator[dict[str, Any]]:
    for story in list_stories(store):
        rows = story_rows(store, story["id"])
        try:
            analysis = brief_rows(rows, options).analysis
        except NoUsableInput:
            continue
        if analysis is None:
            continue
        ids = {citation: row.id for citation, row in enumerate(rows, start=1)}
        sid = story["id"]
        if table == "facts":
            for f in analysis.facts:
                yield {
                    "story": sid,
                    "text": f.text,
                    "sources": _joined([ids[s] for s in f.sources]),
                    "independent_outlets": f.independent_outlets,
                }
        elif table == "quotes":
            for q in analysis.quotes:
                row = rows[q.source - 1]
                yield {
                    "story": sid,
                    "text": q.text,
                    "speaker": q.speaker,
                    "kind": q.kind,
                    "source": row.id,
                    "outlet": row.outlet,
                    "title": row.title,
                }
        elif table == "timeline":
            for e in analysis.timeline:
                yield {"story": sid, "date": e.date, "text": e.text, "sources": _joined([ids[s] for s in e.sources])}
        else:
            for number, c in enumerate(analysis.conflicts, start=1):
                for side in c.sides:
                    yield {
                        "story": sid,
                        "conflict": number,
                        "kind": c.kind,
                        "topic": c.topic,
                        "value": side.value,
                        "text": side.text,
                        "source": ids[side.source],
                        "attributed_to": side.attributed_to,
                        "explanation": c.explanation,
                    }


def table_rows(store: Store, table: str, options: Options | None = None) -> list[dict[str, Any]]:
    """One table as a list of flat dicts (column order as documented in docs/follow.md)."""
    if table not in TABLES:
        raise UsageError(f"unknown table {table!r}; available: {', '.join(TABLES)}")
    if table == "articles":
        with store.read() as conn:
            result = conn.execute(select(*(articles.c[c] for c in ARTICLE_COLUMNS)).order_by(articles.c.id))
            return [dict(row._mapping) for row in result]
    if table == "stories":
        return list_stories(store)
    return list(_brief_rows(store, table, options or Options(words=150)))


def dataframe(rows: list[dict[str, Any]]) -> Any:
    try:
        import pandas as pd
    except ImportError:
        raise UsageError("DataFrames and Parquet need the 'export' extra: pip install 'newsbrief[export]'") from None
    return pd.DataFrame.from_records(rows)


def write_table(rows: list[dict[str, Any]], fmt: str, path: str) -> None:
    """Write rows as CSV, JSON lines or Parquet (through pandas/pyarrow), atomically."""
    if fmt == "jsonl":
        write_atomic(path, "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows))
    elif fmt == "csv":
        buffer = io.StringIO()
        if rows:
            writer = csv.DictWriter(buffer, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
        write_atomic(path, buffer.getvalue())
    elif fmt == "parquet":
        frame = dataframe(rows)
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            raise UsageError("Parquet needs the 'export' extra: pip install 'newsbrief[export]'") from None
        fd, tmp = tempfile.mkstemp(prefix=".newsbrief-", suffix=".parquet", dir=os.path.dirname(os.path.abspath(path)))
        os.close(fd)
        try:
            frame.to_parquet(tmp, index=False)
            os.replace(tmp, path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    else:
        raise UsageError(f"unknown export format {fmt!r}; available: {', '.join(FORMATS)}")
