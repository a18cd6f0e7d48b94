"""Input formats: each parser turns decoded text into :class:`Record` objects.

Parsers are registered by name in the :class:`~newsbrief.registry.Registry` ``FORMATS``, so a
dataset reader or a plugin can add one (``FORMATS.register("myformat")(parse_myformat)``).
``detect_format`` picks one from the file name, falling back to the content (for stdin and extension-less files).

A parser takes ``(text, name)`` and may also take the keywords ``warnings`` (a list: a bad
record inside the input is skipped with a warning there instead of failing the whole input)
and ``fields`` (the ``--fields`` map of record keys); :func:`newsbrief.ingest.iter_records`
passes them to parsers that accept them.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from configparser import ConfigParser
from functools import cache

from newsbrief.errors import InputError
from newsbrief.ingest.feeds import looks_like_feed, looks_like_json_feed, parse_feed, parse_json_feed
from newsbrief.ingest.record import Record
from newsbrief.ingest.records import parse_csv, parse_json, parse_jsonl
from newsbrief.ingest.sgml import looks_like_sgml, parse_sgml
from newsbrief.lexicon import SPACELESS_SCRIPT_CHARS
from newsbrief.registry import Registry

MULTINEWS_SEPARATOR = "|||||"
# The original Multi-News release encodes line breaks as this token.
MULTINEWS_NEWLINE = "NEWLINE_CHAR"
# trafilatura refuses trees above this many elements instead of spending minutes on them.
_HTML_MAX_TREE_SIZE = 200_000
# Fewer extracted words than this is debris of a broken page ("unclosed <<<>>>"), not an article.
_HTML_MIN_WORDS = 5
_SPACELESS = re.compile(SPACELESS_SCRIPT_CHARS)


Parser = Callable[..., Iterator[Record]]


def parse_text(text: str, name: str) -> Iterator[Record]:
    """Plain text: the first paragraph is the title, the rest is the body.

    Page furniture scraped above the headline ("Skip to main content", a weather widget)
    is not a title: the first paragraph the cleaner would keep is taken instead, and the lines
    above it stay in the body for the cleaner to record as removed.
    """
    from newsbrief.clean import headline_lines

    lines = text.splitlines()
    found = headline_lines(text)
    if found is None:
        raise InputError(name, "holds no article text (only blank lines or page furniture)")
    first, last = found
    body = "\n".join(lines[:first] + lines[last + 1 :])
    if not any(line.strip() for line in lines[last + 1 :]):
        body = text  # a one-line article ("echo 'Talks failed.' | newsbrief brief -"): the line is also the body
    provenance = "text:first line" if not any(line.strip() for line in lines[:first]) else f"text:line {first + 1}"
    title = " ".join(" ".join(lines[first : last + 1]).split())
    yield Record(name, body, title=title, input_format="text", title_provenance=provenance)


@cache
def _silence_extractor_logs() -> None:
    """trafilatura and htmldate log their own complaints about bad pages; without a handler Python
    prints them to stderr, doubling our one-line InputError. A NullHandler stops that, yet an
    application that configures logging still receives them."""
    for name in ("trafilatura", "htmldate", "courlan", "justext"):
        logging.getLogger(name).addHandler(logging.NullHandler())


@cache
def _trafilatura_config() -> ConfigParser:
    """trafilatura's defaults plus our tree-size limit (trafilatura 2 takes it only via config)."""
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "MAX_TREE_SIZE", str(_HTML_MAX_TREE_SIZE))
    return config


def _words(text: str) -> int:
    """Words of ``text``; in scripts written without spaces (Japanese, Chinese) every two characters
    count as one, as the word budgets count them, so a Japanese page is not taken for debris."""
    return len(text.split()) + len(_SPACELESS.findall(text)) // 2


def parse_html(text: str, name: str) -> Iterator[Record]:
    """HTML page: main text and metadata through trafilatura, comments excluded."""
    import trafilatura  # imported here: costs ~0.3 s and only HTML needs it
    from trafilatura.settings import Document

    _silence_extractor_logs()

    try:
        doc = trafilatura.bare_extraction(
            text,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            favor_precision=False,
            config=_trafilatura_config(),
        )
    except Exception as exc:  # lxml raises many types on broken markup
        raise InputError(name, f"HTML could not be parsed ({type(exc).__name__})") from None
    # bare_extraction returns a Document unless as_dict=True (a dict is never asked for)
    if not isinstance(doc, Document) or _words(doc.text or "") < _HTML_MIN_WORDS:
        raise InputError(name, "no article text found in the HTML (malformed page or no main content)")
    yield Record(
        name,
        # composed as trafilatura.extract hands its text on (NFC): a page written in decomposed
        # letters ("u" + combining diaeresis) reads, matches and dedups as the same words
        unicodedata.normalize("NFC", doc.text or ""),
        title=unicodedata.normalize("NFC", doc.title) if doc.title else None,
        url=doc.url or None,
        outlet=doc.sitename or None,
        published=doc.date or None,
        input_format="html",
        title_provenance="html:metadata",
        provenance={"url": "html:metadata", "outlet": "html:metadata (site name)", "published": "html:metadata"},
    )


def parse_multinews_document(document: str, name: str) -> Iterator[Record]:
    """One Multi-News document: no title line, paragraphs separated by blank lines."""
    body = document.replace(MULTINEWS_NEWLINE, "\n").strip()
    if body:
        yield Record(name, body, input_format="multinews")


def parse_multinews_documents(documents: Sequence[object], name: str) -> Iterator[Record]:
    """The documents of one cluster, named ``name#1``, ``name#2``, ... (items that are not text are skipped)."""
    for number, document in enumerate(documents, start=1):
        if isinstance(document, str):
            yield from parse_multinews_document(document, f"{name}#{number}")


def parse_multinews(text: str, name: str) -> Iterator[Record]:
    """Documents joined by ``|||||``; one story per line (all stories are read, each record
    remembering its line as ``story``, so several stories in one file are reported)."""
    for line_number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        for record in parse_multinews_documents(line.split(MULTINEWS_SEPARATOR), f"{name}:{line_number}"):
            record.story = f"{name}:{line_number}"
            yield record


FORMATS: Registry[Parser] = Registry("input format")
for _name, _parser in {
    "text": parse_text,
    "html": parse_html,
    "json": parse_json,
    "jsonl": parse_jsonl,
    "csv": parse_csv,
    "multinews": parse_multinews,
    "sgml": parse_sgml,
    "feed": parse_feed,
    "jsonfeed": parse_json_feed,
}.items():
    FORMATS.register(_name)(_parser)

EXTENSIONS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".src": "multinews",
    ".csv": "csv",
    ".tsv": "csv",
    ".sgm": "sgml",
    ".sgml": "sgml",
    ".rss": "feed",
    ".atom": "feed",
    ".opml": "feed",
}

_HTML_START = re.compile(r"^\s*(<!doctype html|<html|<head|<body|<article|<div|<p[ >])", re.IGNORECASE)


def detect_format(name: str, text: str) -> str:
    """Choose a parser: Multi-News separators win (unless the text is an HTML page: a script may
    hold "|||||", as one of trafilatura's evaluation pages does), then the extension, then the
    content."""
    if MULTINEWS_SEPARATOR in text and not _HTML_START.match(text):
        return "multinews"
    lowered = name.lower()
    for extension, fmt in EXTENSIONS.items():
        if lowered.endswith(extension):
            return "jsonfeed" if fmt == "json" and looks_like_json_feed(text) else fmt
    stripped = text.lstrip()
    if looks_like_sgml(stripped):  # DUC/TREC files have no extension (APW19981016.0240)
        return "sgml"
    if looks_like_feed(stripped):
        return "feed"
    if looks_like_json_feed(stripped):
        return "jsonfeed"
    if _HTML_START.match(stripped):
        return "html"
    if stripped.startswith("["):
        return "json"
    if stripped.startswith("{"):
        first_line = stripped.split("\n", 1)[0].strip()
        return "jsonl" if first_line.endswith("}") and "\n{" in stripped else "json"
    return "text"
