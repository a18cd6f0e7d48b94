"""``newsbrief export --db PATH --table T --format F -o FILE``: a store table as rows."""

from __future__ import annotations

import argparse
import sys
from contextlib import closing

from newsbrief.commands.arguments import add_db_argument
from newsbrief.errors import EXIT_OK
from newsbrief.store import TABLES, open_store, table_rows
from newsbrief.store.export import FORMATS, write_table

HELP = "export stored articles, stories, facts, quotes, timelines or conflicts as CSV, Parquet or JSONL"
DESCRIPTION = """\
Write one table of the store as rows: articles (id, story, record_id, title, outlet, url,
published, fetched_at, joined_at, source, content_hash, duplicate_of, input_format), stories
(id, title, articles, outlets, first_seen, last_seen), or from each story's brief: facts
(story, text, sources, independent_outlets), quotes (story, text, speaker, kind, source, outlet,
title), timeline (story, date, text, sources) and conflicts (story, conflict, kind, topic, value,
text, source, attributed_to, explanation). "sources" lists store article ids joined by ";".
Parquet needs the 'export' extra (pandas, pyarrow); in Python, newsbrief.export(db, table)
returns a pandas DataFrame.

examples:
  newsbrief export --db news.db --table articles --format csv -o articles.csv
  newsbrief export --db news.db --table quotes --format parquet -o quotes.parquet

exit codes: 0 success, 2 bad usage or missing extra, 1 internal error."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_db_argument(parser)
    parser.add_argument("--table", "-t", choices=TABLES, required=True, help="which table")
    parser.add_argument("--format", "-f", choices=FORMATS, default="csv", help="default csv")
    parser.add_argument("--output", "-o", metavar="FILE", required=True, help="write to FILE (atomically)")


def run(args: argparse.Namespace) -> int:
    with closing(open_store(args.db)) as store:
        rows = table_rows(store, args.table)
    write_table(rows, args.format, args.output)
    print(f"newsbrief: wrote {len(rows)} {args.table} rows to {args.output}", file=sys.stderr)
    return EXIT_OK
