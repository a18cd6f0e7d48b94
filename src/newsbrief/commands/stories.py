"""``newsbrief stories --db PATH``: the stored stories, newest activity first."""

from __future__ import annotations

import argparse
import json
import sys
from contextlib import closing

from newsbrief.commands.arguments import add_db_argument, positive_int
from newsbrief.errors import EXIT_OK
from newsbrief.store import list_stories, open_store

HELP = "list the stored stories, newest activity first"
DESCRIPTION = """\
List the stories of a store that 'newsbrief track' fills. JSON output:
{"stories": [{"id", "title", "articles", "outlets", "first_seen", "last_seen"}]} where
"articles" and "outlets" are counts and the times (UTC, ISO 8601) are when the store first and
last saw an article of the story.

examples:
  newsbrief stories --db news.db
  newsbrief stories --db news.db --format json --limit 20

exit codes: 0 success, 2 bad usage or unreadable store, 1 internal error."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_db_argument(parser)
    parser.add_argument("--format", "-f", choices=("markdown", "json"), default="markdown", help="default markdown")
    parser.add_argument("--limit", type=positive_int, help="only the N most recently active stories")


def markdown(rows: list[dict]) -> str:
    lines = ["| story | articles | outlets | last seen | title |", "| --- | ---: | ---: | --- | --- |"]
    for row in rows:
        title = (row["title"] or "").replace("|", "\\|")
        lines.append(f"| {row['id']} | {row['articles']} | {row['outlets']} | {row['last_seen'][:16]} | {title} |")
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace) -> int:
    with closing(open_store(args.db)) as store:
        rows = list_stories(store, args.limit)
    if args.format == "json":
        sys.stdout.write(json.dumps({"stories": rows}, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(markdown(rows))
    return EXIT_OK
