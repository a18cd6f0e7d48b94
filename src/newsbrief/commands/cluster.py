"""``newsbrief cluster INPUT...``: sort a mixed stream of articles into stories."""

from __future__ import annotations

import argparse
import sys

from newsbrief.cluster.run import ClusterRun, annotated_articles, cluster_inputs, summary_rows
from newsbrief.cluster.stories import (
    DEFAULT_MIN_CONTENT_TERMS,
    DEFAULT_SHORT_CONTENT_TERMS,
    DEFAULT_THRESHOLD,
    DEFAULT_WINDOW_DAYS,
    ClusterSettings,
)
from newsbrief.commands.arguments import (
    add_fields_argument,
    add_input_arguments,
    fraction,
    non_negative,
    print_warnings,
)
from newsbrief.errors import EXIT_OK, UsageError
from newsbrief.fileio import exclusive_output, json_line, refuse_input_as_output, write_atomic
from newsbrief.settings import Options

HELP = "sort a mixed stream of articles into stories (JSONL out, one line per article)"
DESCRIPTION = f"""\
Group articles about the same story. Reads JSONL articles (id, title, text, optional
published, url, source), benchmark records with a "documents" list, or any input 'brief'
reads. Writes one JSON line per article: its input fields plus "story" (a story id, or null
with "story_reason" when no article content is left after removing boilerplate),
"story_similarity", and "duplicate_of" for near-duplicate (syndicated) copies. The output is
the input 'newsbrief batch' briefs story by story. A summary table goes to stderr.

Articles join a story when their TF-IDF cosine to its centroid reaches --threshold and the
story has an article within --window-days of theirs (undated articles fit any window). The
grouping does not depend on the input order.

examples:
  newsbrief cluster feed.jsonl -o clustered.jsonl
  newsbrief cluster feed.jsonl --window-days 3 --threshold 0.2 -o clustered.jsonl
  newsbrief batch clustered.jsonl -o briefs.jsonl

defaults: threshold {DEFAULT_THRESHOLD}, window {DEFAULT_WINDOW_DAYS:g} days; an article needs
{DEFAULT_MIN_CONTENT_TERMS} content words to open a story and {DEFAULT_SHORT_CONTENT_TERMS} to join one
(a teaser or a scrap of an article never opens a story of its own).
exit codes: 0 success, 2 bad usage or no usable article, 1 internal error."""


# The two content-word floors (flag, default, meaning): how much article an input must keep.
CONTENT_WORD_OPTIONS = (
    ("--min-content-words", DEFAULT_MIN_CONTENT_TERMS, "content words after cleaning needed to open a story"),
    (
        "--short-content-words",
        DEFAULT_SHORT_CONTENT_TERMS,
        "fewer content words than this: no story at all; between this and --min-content-words an "
        "article may only join an existing story",
    ),
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="INPUT", help="JSONL files, other article files or folders")
    parser.add_argument("--output", "-o", metavar="FILE", help="write the JSONL to FILE (atomically), not stdout")
    parser.add_argument("--threshold", type=fraction, default=DEFAULT_THRESHOLD, help="cosine to join a story")
    window = parser.add_mutually_exclusive_group()
    window.add_argument("--window-days", type=non_negative, default=DEFAULT_WINDOW_DAYS, help="time window in days")
    window.add_argument("--no-window", action="store_true", help="ignore dates: any article may join any story")
    for flag, default, meaning in CONTENT_WORD_OPTIONS:
        parser.add_argument(flag, type=int, default=default, help=f"{meaning} (default %(default)s)")
    parser.add_argument("--summary-rows", type=int, default=20, help="stories listed in the summary table")
    parser.add_argument("--quiet", "-q", action="store_true", help="no summary table")
    add_input_arguments(parser)
    add_fields_argument(parser)


def print_summary(run: ClusterRun, rows: int) -> None:
    assignments = run.assignments.values()
    stories = summary_rows(run)
    no_story = sum(a.story is None for a in assignments)
    copies = sum(a.duplicate_of is not None for a in assignments)
    singles = sum(r["articles"] == 1 for r in stories)
    print(
        f"{len(run.assignments)} articles -> {len(stories)} stories ({singles} single-article), "
        f"{no_story} without story (no article content), {copies} near-duplicate copies, "
        f"{len(run.errors)} failed (written with an error)",
        file=sys.stderr,
    )
    print(f"{'story':<9} {'articles':>8}  {'dates':<23} top terms", file=sys.stderr)
    for row in stories[:rows]:
        dates = f"{row['first']}..{row['last']}" if row["first"] else "undated"
        print(f"{row['story']:<9} {row['articles']:>8}  {dates:<23} {', '.join(row['terms'])}", file=sys.stderr)
    if len(stories) > rows:
        print(f"... {len(stories) - rows} more stories", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    if "-" in args.paths:
        raise UsageError("cluster reads its inputs twice and cannot read stdin: save it to a file first")
    if not args.output:
        return _cluster(args)
    refuse_input_as_output(args.output, args.paths)
    with exclusive_output(args.output):
        return _cluster(args)


def _cluster(args: argparse.Namespace) -> int:
    options = Options(max_bytes=args.max_bytes, encoding=args.encoding, fields=args.fields)
    settings = ClusterSettings(
        threshold=args.threshold,
        window_days=None if args.no_window else args.window_days,
        min_content_terms=args.min_content_words,
        short_content_terms=args.short_content_words,
    )
    result = cluster_inputs(args.paths, options, settings)
    print_warnings(result.warnings)
    lines = (json_line(record) + "\n" for record in annotated_articles(args.paths, options, result))
    if args.output:
        write_atomic(args.output, "".join(lines))
    else:
        sys.stdout.writelines(lines)  # streamed: a large stream is never held whole for stdout
    if not args.quiet:
        print_summary(result, args.summary_rows)
    return EXIT_OK
