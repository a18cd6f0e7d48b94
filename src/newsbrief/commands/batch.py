"""``newsbrief batch INPUT -o OUT``: brief every story of a corpus, locally or on Dask."""

from __future__ import annotations

import argparse
import os
import sys

from newsbrief.batch import BatchReport, make_engine, run_batch
from newsbrief.batch.engines import DaskTLS
from newsbrief.batch.runner import DEFAULT_PARTITION_SIZE
from newsbrief.commands.arguments import add_brief_arguments, brief_options, positive_int, print_warnings
from newsbrief.errors import EXIT_OK, UsageError
from newsbrief.settings import Options

HELP = "brief every story of a corpus (benchmark or clustered JSONL) into JSONL"
DESCRIPTION = """\
Brief every story in INPUT and append one JSON line per story to OUT:
{"id": <story id>, "brief": <the 'brief --format json' object>}, or
{"id": ..., "error": "<type>: <message>"} when that story failed (the run goes on).

INPUT is a benchmark file (one story per line with a "documents" list; the id is the line's
"id") or the output of 'newsbrief cluster' (one article per line with a "story" id).

Each result is flushed and fsynced as it is written, so a crash never leaves a corrupt line;
--resume continues an interrupted run (even one killed with kill -9), skipping the stories
already in OUT, with nothing lost and nothing duplicated. Failed stories are not retried
unless --retry-failed says so. A write error (disk full, OUT removed) stops the run with a
line saying how many results are safely written. One run writes OUT at a time (a lock file
OUT.lock); OUT may not be INPUT.

Engines: local processes over all cores (default), or Dask: --engine dask starts a local
Dask cluster secured with TLS (credentials made for this run; no dashboard), --scheduler
tls://HOST:PORT with --tls-ca/--tls-cert/--tls-key uses an existing one (see docs/scale.md).

examples:
  newsbrief batch multinews-val250.jsonl -o briefs.jsonl
  newsbrief batch clustered.jsonl -o briefs.jsonl --workers 8 --no-analysis
  newsbrief batch clustered.jsonl -o briefs.jsonl --resume
  newsbrief batch corpus.jsonl -o briefs.jsonl --scheduler tls://10.0.0.5:8786 \
      --tls-ca ca.pem --tls-cert client.pem --tls-key client.key

exit codes: 0 finished (failed stories are in OUT), 2 bad usage, bad input or a write
error, 1 internal error, 130 interrupted (Ctrl-C or SIGTERM; --resume continues)."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("input", metavar="INPUT", help="benchmark JSONL or 'newsbrief cluster' output")
    parser.add_argument("--output", "-o", metavar="OUT", required=True, help="JSONL file of results")
    parser.add_argument("--resume", action="store_true", help="continue an interrupted run into OUT")
    parser.add_argument(
        "--retry-failed", action="store_true", help="with --resume: brief the stories that failed again"
    )
    parser.add_argument("--engine", choices=["local", "dask"], default="local", help="where to run (default local)")
    parser.add_argument("--workers", type=positive_int, help="worker processes (default: all cores)")
    parser.add_argument("--scheduler", metavar="tls://HOST:PORT", help="an existing Dask scheduler (implies dask)")
    parser.add_argument("--tls-ca", metavar="PEM", help="CA certificate of a secured --scheduler")
    parser.add_argument("--tls-cert", metavar="PEM", help="this client's certificate for a secured --scheduler")
    parser.add_argument("--tls-key", metavar="PEM", help="this client's private key (if not in --tls-cert)")
    parser.add_argument(
        "--partition-size",
        type=positive_int,
        default=DEFAULT_PARTITION_SIZE,
        help="stories shipped to a worker at once (default %(default)s)",
    )
    parser.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    add_brief_arguments(parser)


def options_from_args(args: argparse.Namespace) -> Options:
    """The briefing options; everything not exposed here keeps the library default."""
    return brief_options(args)


def tls_from_args(args: argparse.Namespace) -> DaskTLS | None:
    given = [args.tls_ca, args.tls_cert, args.tls_key]
    if not any(given):
        return None
    if not args.scheduler:
        raise UsageError("--tls-ca/--tls-cert/--tls-key secure a connection to --scheduler; none given")
    if not (args.tls_ca and args.tls_cert):
        raise UsageError("a secured --scheduler needs both --tls-ca and --tls-cert")
    for path in filter(None, given):
        if not os.path.isfile(path):
            raise UsageError(f"{path}: no such file (TLS credentials)")
    return DaskTLS(args.tls_ca, args.tls_cert, args.tls_key)


def _resume_detail(report: BatchReport) -> str:
    """What a resumed run did with earlier failures (nothing is retried silently)."""
    if report.retried:
        return f" ({report.retried} earlier failures retried)"
    if report.not_retried:
        return f" ({report.not_retried} failed earlier, not retried: --retry-failed retries them)"
    return ""


def run(args: argparse.Namespace) -> int:
    engine = make_engine(args.engine, args.workers, args.scheduler, tls_from_args(args))
    report = run_batch(
        args.input,
        args.output,
        options_from_args(args),
        engine,
        resume=args.resume,
        retry_failed=args.retry_failed,
        partition_size=args.partition_size,
        progress=not args.no_progress,
    )
    print_warnings(report.warnings)
    print(
        f"newsbrief: {report.stories} stories: {report.briefed} briefed, {report.failed} failed, "
        f"{report.already_done} already done{_resume_detail(report)}; "
        f"{report.articles_without_story} articles without a story skipped; "
        f"engine {engine.name} with {engine.workers} workers",
        file=sys.stderr,
    )
    return EXIT_OK
