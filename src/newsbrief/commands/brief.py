"""``newsbrief brief PATH...``: a cited briefing of articles about one story."""

from __future__ import annotations

import argparse

from newsbrief.commands.arguments import (
    add_brief_arguments,
    add_input_arguments,
    brief_options,
    print_warnings,
    write_output,
)
from newsbrief.errors import EXIT_OK
from newsbrief.fileio import refuse_input_as_output
from newsbrief.limits import time_limit
from newsbrief.pipeline import brief
from newsbrief.render import formats, render
from newsbrief.settings import DEFAULT_MIN_SHARED_TERMS, DEFAULT_SUPPORT_THRESHOLD, Options

HELP = "brief articles about one story (files, folders, - for stdin)"
DESCRIPTION = """\
Read articles about one story from different outlets and print a briefing in which every
sentence cites the sources that support it.

Inputs: .txt (first line = title), .html/.htm, newswire SGML (DUC/TREC/Gigaword <DOC>,
Reuters .sgm), WARC crawls (.warc, .warc.gz), .json/.jsonl records (title, text or html, url,
source, published, or the keys news-please, newspaper4k, trafilatura, NewsAPI and WCEP write),
.csv/.tsv tables with a text column, Multi-News files (documents joined by |||||), folders
(read recursively) and - for stdin. --fields names other record keys. Unusable inputs and
bad records are skipped with a warning (docs/ingest.md lists every format and field).

examples:
  newsbrief brief examples/kerry-lavrov-2014
  newsbrief brief a.html b.txt --words 300 --format json -o brief.json
  cat story.txt | newsbrief brief - --sentences 3
  newsbrief brief scraped.jsonl --fields text=body,published=date

exit codes: 0 success, 2 bad usage or no usable article, 1 internal error."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="article files, folders, or - for stdin")
    add_brief_arguments(parser)
    parser.add_argument(
        "--format", "-f", choices=formats(), default="markdown", help="output format (default markdown)"
    )
    parser.add_argument("--output", "-o", metavar="FILE", help="write to FILE (atomically) instead of stdout")
    parser.add_argument(
        "--support-threshold",
        type=float,
        default=DEFAULT_SUPPORT_THRESHOLD,
        help=f"similarity at which another source corroborates a sentence (default {DEFAULT_SUPPORT_THRESHOLD})",
    )
    parser.add_argument(
        "--support-min-terms",
        type=int,
        default=DEFAULT_MIN_SHARED_TERMS,
        metavar="N",
        help="content words (not the story's topic words) a corroborating sentence must share "
        f"(default {DEFAULT_MIN_SHARED_TERMS})",
    )
    add_input_arguments(parser)
    parser.add_argument(
        "--outlets",
        metavar="FILE",
        help="outlet facts to show and count independence by: CSV or JSON rows of domain, name, owner, "
        "country, type, lean (docs/analysis.md)",
    )


def options_from_args(args: argparse.Namespace) -> Options:
    return brief_options(
        args,
        support_threshold=args.support_threshold,
        min_shared_terms=args.support_min_terms,
        max_bytes=args.max_bytes,
        encoding=args.encoding,
        outlets_file=args.outlets,
    )


def run(args: argparse.Namespace) -> int:
    if args.output:
        refuse_input_as_output(args.output, args.paths)
    options = options_from_args(args)
    with time_limit(options.timeout_s):
        result = brief(args.paths, options)
    print_warnings(result.warnings)
    text = render(result, args.format)
    write_output(text, args.output)
    return EXIT_OK
