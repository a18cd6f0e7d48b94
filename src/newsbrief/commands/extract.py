"""``newsbrief extract PATH...``: the article text newsbrief reads, furniture removed."""

from __future__ import annotations

import argparse

from newsbrief.commands.arguments import add_fields_argument, add_input_arguments, print_warnings, write_output
from newsbrief.errors import EXIT_OK
from newsbrief.fileio import refuse_input_as_output
from newsbrief.pipeline import extract
from newsbrief.render.extraction import EXTRACTION_FORMATS, render_extraction
from newsbrief.settings import Options

HELP = "print the article text newsbrief reads from each input, furniture removed"
DESCRIPTION = """\
Read the inputs as 'brief' does (any format it reads: text, HTML, SGML newswire, WARC, feeds,
JSON/JSONL, CSV, folders, - for stdin), remove the furniture (captions, credits, promos,
bylines, share lines, footers...) and print what is left: the text the summarizer reads.

--format text (default): per article its title, a blank line and the cleaned body; articles
are separated by a form-feed line. The output is a valid .txt input for 'brief'.
--format jsonl: one JSON object per article (the "source" object of the brief's JSON schema):
title, outlet, url, published, each with provenance and confidence, the cleaned text, sentence
offsets, and every removed span of the raw text with the cleaner rule that removed it.

examples:
  newsbrief extract page.html
  newsbrief extract crawl.warc.gz --format jsonl -o articles.jsonl
  curl -s https://example.org/story | newsbrief extract -

An article left with no text after cleaning stays in the output (empty body) with a warning.
exit codes: 0 success, 2 bad usage or no usable article, 1 internal error."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="article files, folders, or - for stdin")
    parser.add_argument(
        "--format", "-f", choices=EXTRACTION_FORMATS, default="text", help="output format (default text)"
    )
    parser.add_argument("--output", "-o", metavar="FILE", help="write to FILE (atomically) instead of stdout")
    add_input_arguments(parser)
    add_fields_argument(parser)


def run(args: argparse.Namespace) -> int:
    if args.output:
        refuse_input_as_output(args.output, args.paths)
    options = Options(max_bytes=args.max_bytes, encoding=args.encoding, fields=args.fields)
    articles, warnings = extract(args.paths, options)
    print_warnings(warnings)
    text = render_extraction(articles, args.format)
    write_output(text, args.output)
    return EXIT_OK
