"""What several commands share, so each is defined once: argument types, option groups, and the
way a command prints its warnings and writes its result."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable
from typing import Any

from newsbrief.errors import UsageError
from newsbrief.fileio import write_atomic
from newsbrief.ingest.records import FIELD_NAMES, parse_field_map
from newsbrief.settings import DEFAULT_MAX_BYTES, DEFAULT_WORDS, Options
from newsbrief.summarizers import available


def _checked(
    convert: Callable[[str], float], kind: str, ok: Callable[[float], bool], requirement: str
) -> Callable[[str], float]:
    """An argparse type: convert the text, then check it, with a message naming the value."""

    def parse(text: str) -> float:
        try:
            value = convert(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not {kind}") from None
        if not ok(value):
            raise argparse.ArgumentTypeError(f"{text!r} {requirement}")
        return value

    return parse


positive_int = _checked(int, "a whole number", lambda v: v >= 1, "must be at least 1")
positive_float = _checked(float, "a number", lambda v: v > 0, "must be above 0")
non_negative = _checked(float, "a number", lambda v: v >= 0, "must not be negative")
fraction = _checked(float, "a number", lambda v: 0.0 < v <= 1.0, "must be in (0, 1]")


def field_map(text: str) -> dict[str, str]:
    """An argparse type for ``--fields text=body,published=date``."""
    try:
        return parse_field_map(text)
    except UsageError as exc:
        raise argparse.ArgumentTypeError(str(exc).removeprefix("--fields: ")) from None


def add_fields_argument(parser: argparse.ArgumentParser) -> None:
    """``--fields``: which record keys (JSON) or columns (CSV) hold the article's fields."""
    parser.add_argument(
        "--fields",
        type=field_map,
        default={},
        metavar="FIELD=KEY,...",
        help=f"read article fields from these record keys or CSV columns, e.g. text=body,published=date "
        f"(fields: {', '.join(FIELD_NAMES)}; source = outlet; a dotted key reads a nested object)",
    )


def add_input_arguments(parser: argparse.ArgumentParser) -> None:
    """How inputs are read: a size limit and an encoding (brief, cluster, extract)."""
    parser.add_argument(
        "--max-bytes",
        type=positive_int,
        default=DEFAULT_MAX_BYTES,
        help=f"refuse an input (a file, or a line of JSONL) larger than this (default {DEFAULT_MAX_BYTES})",
    )
    parser.add_argument("--encoding", help="decode inputs with this encoding instead of UTF-8")


def add_brief_arguments(parser: argparse.ArgumentParser) -> None:
    """Length, summarizer and analysis switches: the same for `brief` and `batch`."""
    length = parser.add_mutually_exclusive_group()
    length.add_argument(
        "--words",
        type=positive_int,
        default=DEFAULT_WORDS,
        help=f"summary length budget in words (default {DEFAULT_WORDS})",
    )
    length.add_argument("--sentences", type=positive_int, help="summary length in sentences (instead of --words)")
    parser.add_argument("--summarizer", default="default", help=f"sentence selection method: {', '.join(available())}")
    parser.add_argument("--no-analysis", action="store_true", help="summary and sources only (faster)")
    parser.add_argument(
        "--timeout",
        type=positive_float,
        metavar="SECONDS",
        help="stop a briefing (in batch: one story) that runs longer than this (default: no limit)",
    )
    add_fields_argument(parser)


def brief_options(args: argparse.Namespace, **more: Any) -> Options:
    """The options of the :func:`add_brief_arguments` switches, plus ``more`` (a command's own);
    everything else keeps the library default. A value Options refuses is a usage error."""
    try:
        return Options(
            words=args.words,
            sentences=args.sentences,
            summarizer=args.summarizer,
            analyse=not args.no_analysis,
            timeout_s=args.timeout,
            fields=args.fields,
            **more,
        )
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def add_db_argument(parser: argparse.ArgumentParser, required: bool = True) -> None:
    """The story store: the same option for track, stories, story, export and serve."""
    parser.add_argument(
        "--db",
        required=required,
        metavar="PATH|URL",
        help="the story store: a SQLite file (created when missing) or a postgresql://user@host/dbname URL",
    )


def duration(text: str) -> float:
    """An argparse type for ``30s``, ``15m``, ``2h`` or ``1d`` (seconds when no unit is given)."""
    units = {"s": 1, "m": 60, "h": 3600, "d": 86400}
    number, unit = (text[:-1], text[-1]) if text and text[-1] in units else (text, "s")
    try:
        seconds = float(number) * units[unit]
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a duration such as 30s, 15m or 2h") from None
    if seconds <= 0:
        raise argparse.ArgumentTypeError(f"{text!r} must be above 0")
    return seconds


def print_warnings(warnings: Iterable[str]) -> None:
    """Each warning as one ``newsbrief: warning:`` line on stderr."""
    for warning in warnings:
        print(f"newsbrief: warning: {warning}", file=sys.stderr)


def write_output(text: str, output: str | None) -> None:
    """A command's result: to ``output`` atomically, or to stdout when none is given."""
    if output:
        write_atomic(output, text)
    else:
        sys.stdout.write(text)
