"""``newsbrief track SOURCE... --db PATH``: store what is new in the sources and update stories."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable

from newsbrief.commands.arguments import add_db_argument, duration, positive_float, positive_int, print_warnings
from newsbrief.errors import EXIT_OK, NoUsableInput
from newsbrief.fetch import (
    DEFAULT_CONCURRENCY,
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_REDIRECTS,
    DEFAULT_RETRIES,
    DEFAULT_TIMEOUT_S,
    FetchPolicy,
)
from newsbrief.store import open_store, track
from newsbrief.store.db import Store
from newsbrief.store.track import TEASER_WORDS, TrackReport

HELP = "follow feeds, URLs and files: store new articles and update their stories"
DESCRIPTION = f"""\
Read every SOURCE, store the articles not stored yet (each text once, keyed by canonical URL
and content hash), and sort them into the store's stories: a new article joins a story it
belongs to or opens a new one, and story ids never change. Progress goes to stderr.

SOURCE is an RSS 2.0, Atom or JSON Feed URL or file, an OPML list of feeds, a file of URLs
(one a line), an article page URL, or any file or folder 'newsbrief brief' reads. Only the
URLs given (and the article pages of feed entries under {TEASER_WORDS} words, to get the full
text) are fetched: http/https only, robots.txt honoured, conditional GET (ETag,
Last-Modified), a timeout, size cap and redirect limit per request. Addresses on private or
loopback networks are refused unless --allow-private is given.

Two runs on one store (even on two machines sharing a PostgreSQL database) take turns: each
store write holds the store's lock, and an interrupted run is completed by the next one. Only
one --every loop may follow a store: a second one fails at once (exit 2).

examples:
  newsbrief track https://example.org/world.rss feeds.opml --db news.db
  newsbrief track feeds.opml --db news.db --every 15m
  newsbrief track articles/ --db postgresql://newsbrief@dbhost/news
  newsbrief stories --db news.db

exit codes: 0 something usable was read, 2 bad usage or nothing usable, 1 internal error,
130 interrupted."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "sources", nargs="+", metavar="SOURCE", help="feed or page URLs, OPML, URL lists, files, folders"
    )
    add_db_argument(parser)
    parser.add_argument("--every", type=duration, metavar="DURATION", help="keep running: track again every 15m, 1h …")
    parser.add_argument(
        "--timeout", type=positive_float, default=DEFAULT_TIMEOUT_S, help="seconds per request (default %(default)s)"
    )
    parser.add_argument(
        "--max-bytes",
        type=positive_int,
        default=DEFAULT_MAX_BYTES,
        help="largest response, decompressed (default %(default)s)",
    )
    parser.add_argument(
        "--max-redirects", type=int, default=DEFAULT_MAX_REDIRECTS, help="redirects followed (default %(default)s)"
    )
    parser.add_argument(
        "--retries", type=int, default=DEFAULT_RETRIES, help="retries after a failure (default %(default)s)"
    )
    parser.add_argument(
        "--concurrency", type=positive_int, default=DEFAULT_CONCURRENCY, help="requests at once (default %(default)s)"
    )
    parser.add_argument(
        "--allow-private",
        action="store_true",
        help="allow fetching from private and loopback addresses (local test servers, an intranet)",
    )
    parser.add_argument("--quiet", "-q", action="store_true", help="warnings only, no progress")


def _summary(report: TrackReport) -> str:
    c = report.clustering
    return (
        f"{report.added} new articles, {report.updated} updated ({report.linked} already stored, "
        f"{report.not_modified} sources unchanged); "
        f"{c.joined} joined existing stories, {c.new_stories} new stories, {c.no_story} without story"
    )


def run(args: argparse.Namespace) -> int:
    policy = FetchPolicy(
        timeout_s=args.timeout,
        max_bytes=args.max_bytes,
        max_redirects=args.max_redirects,
        retries=args.retries,
        concurrency=args.concurrency,
        allow_private=args.allow_private,
    )

    def progress(message: str) -> None:
        if not args.quiet:
            print(f"newsbrief: {message}", file=sys.stderr, flush=True)

    store = open_store(args.db)
    try:
        if args.every is None:
            _track(args, store, policy, progress)
            return EXIT_OK
        with store.follow_lock(args.db):
            while True:
                _track(args, store, policy, progress)
                progress(f"next run in {args.every:g} s (Ctrl-C stops)")
                time.sleep(args.every)
    finally:
        store.close()


def _track(args: argparse.Namespace, store: Store, policy: FetchPolicy, progress: Callable[[str], None]) -> None:
    """One run over every source; with --every a source-less run is a warning, not the end."""
    try:
        report = track(store, args.sources, policy, progress=progress)
    except NoUsableInput as exc:
        if args.every is None:
            raise
        print(f"newsbrief: warning: {exc}", file=sys.stderr)  # a later run may find the sources back
        return
    print_warnings(report.warnings)
    progress(_summary(report))
