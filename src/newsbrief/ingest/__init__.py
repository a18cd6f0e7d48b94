"""Ingest: paths, directories and stdin -> :class:`~newsbrief.model.Article` objects.

Unusable inputs are skipped with a warning naming the input and the problem; only when
nothing usable remains does :func:`load_articles` raise :class:`NoUsableInput`.
"""

from __future__ import annotations

import errno
import inspect
import os
import re
import stat
from collections.abc import Iterable, Iterator, Mapping

from newsbrief.errors import InputError, NoUsableInput
from newsbrief.ingest.decode import GZIP_MAGIC, decode, decode_page, gunzip, read_path, read_stdin
from newsbrief.ingest.formats import FORMATS, Parser, Record, detect_format
from newsbrief.ingest.metadata import parse_published, parse_url, valid_text
from newsbrief.ingest.outlets import masthead_outlet, outlet_from_text, outlet_from_url
from newsbrief.ingest.warc import looks_like_warc, parse_warc
from newsbrief.model import Article, Extracted
from newsbrief.settings import Options

__all__ = ["FORMATS", "Record", "iter_records", "load_articles", "parse_records", "records_to_articles"]

STDIN = "-"
# An outlet given as a host name (news-please's source_domain "www.bbc.co.uk") is looked up as a URL.
_HTML_SNIFF_BYTES = 2000  # enough for a doctype and the opening tags
_HOSTNAME = re.compile(r"^\s*[a-z0-9-]+(\.[a-z0-9-]+)+\s*$", re.IGNORECASE)


def _walk(directory: str, warnings: list[str]) -> list[str]:
    """Files under ``directory``, recursively, sorted by path (``a.txt``, ``b/1.txt``, ``c.txt``),
    hidden files and folders skipped; a folder that cannot be read is a warning naming it. Links
    to folders are not followed (no symlink loop can trap the walk)."""
    found = []

    def unreadable(error: OSError) -> None:
        warnings.append(f"{error.filename}: folder cannot be read ({error.strerror or error}); its files are skipped")

    for root, dirs, files in os.walk(directory, onerror=unreadable):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found += [os.path.join(root, name) for name in files if not name.startswith(".")]
    return sorted(found, key=lambda path: os.path.relpath(path, directory).split(os.sep))


def _parser_keywords(parser: Parser) -> frozenset[str]:
    try:
        return frozenset(inspect.signature(parser).parameters)
    except (TypeError, ValueError):
        return frozenset()


def _records_from_data(data: bytes, name: str, options: Options, warnings: list[str]) -> list[Record]:
    """Decode and parse one input (WARC and gzip are read as bytes)."""
    if looks_like_warc(name, data):
        return list(parse_warc(data, name, options.max_bytes, warnings))
    inner_name = name
    if data.startswith(GZIP_MAGIC):  # any format gzipped: its format is told by the name without ".gz"
        data = gunzip(data, name, options.max_bytes)
        inner_name = name.removesuffix(".gz")
        if looks_like_warc(inner_name, data):  # a gzipped crawl without the .warc name
            return list(parse_warc(data, name, options.max_bytes, warnings))
    try:
        text = decode(data, name, options.encoding)
    except InputError as exc:
        # a web page with stray bytes is still a page (browsers show it): read it as they do, warn
        sniffed = data[:_HTML_SNIFF_BYTES].decode("latin-1")
        if (
            options.encoding
            or exc.problem.startswith("looks like a binary")
            or detect_format(inner_name, sniffed) != "html"
        ):
            raise
        text, how = decode_page(data)
        warnings.append(f"{name}: {exc.problem.split(';')[0]}; read {how}")
    return parse_records(text, name, warnings, detect_format(inner_name, text), options.fields)


def parse_records(
    text: str, name: str, warnings: list[str], fmt: str | None = None, fields: Mapping[str, str] | None = None
) -> list[Record]:
    """The records of one decoded input, by the parser ``fmt`` (detected when None). Parsers that
    take ``warnings`` skip a bad record inside the input with a warning; ``fields`` (the
    ``--fields`` map) goes to the parsers that read record keys."""
    parser = FORMATS[fmt or detect_format(name, text)]
    accepted = _parser_keywords(parser)
    keywords: dict[str, object] = {}
    if "warnings" in accepted:
        keywords["warnings"] = warnings
    if fields and "fields" in accepted:
        keywords["fields"] = fields
    return list(parser(text, name, **keywords))


def _regular_file(path: str) -> str | None:
    """Why ``path`` cannot be read as a file (a FIFO, a socket, a device, a link loop), else None."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop; skipped"
        return f"{exc.strerror or 'cannot be read'}{' (broken symbolic link)' if os.path.islink(path) else ''}"
    if stat.S_ISREG(mode):
        return None
    kind = "a FIFO" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else "a device or special file"
    return f"{kind}, not a regular file; skipped (only regular files are read)"


def _story_warning(records: list[Record], name: str) -> str | None:
    stories = list(dict.fromkeys(r.story for r in records if r.story))
    if len(stories) < 2:
        return None
    return (
        f"{name}: holds {len(stories)} stories ({', '.join(stories[:3])}{' …' if len(stories) > 3 else ''}); "
        "they are read as one story here: brief them one at a time, or use 'newsbrief batch'"
    )


def iter_records(paths: Iterable[str], options: Options, warnings: list[str]) -> Iterator[Record]:
    """Yield records from every input; problems become warnings, never exceptions."""
    for path in paths:
        if path == STDIN:
            sources: Iterable[str] = [STDIN]
        elif os.path.isdir(path):
            sources = _walk(path, warnings)
            if not sources:
                warnings.append(f"{path}: directory holds no files")
                continue
        elif os.path.lexists(path):
            sources = [path]
        else:
            warnings.append(f"{path}: no such file or directory")
            continue
        for source in sources:
            name = "<stdin>" if source == STDIN else source
            try:
                if source != STDIN and (problem := _regular_file(source)):
                    raise InputError(name, problem)
                data = read_stdin(options.max_bytes) if source == STDIN else read_path(source, options.max_bytes)
                records = _records_from_data(data, name, options, warnings)
                if not records:
                    raise InputError(name, "holds no article text")
            except InputError as exc:
                warnings.append(str(exc))
                continue
            if story_warning := _story_warning(records, name):
                warnings.append(story_warning)
            yield from records


def records_to_articles(records: Iterable[Record], warnings: list[str] | None = None) -> list[Article]:
    """Number records 1..n and attach metadata with provenance.

    This is the input edge every reader passes (files, the batch runner, the web API): text
    fields are made valid Unicode, and the date and URL are parsed by the one tolerant metadata
    parser, so a junk value becomes unknown with a warning on ``warnings`` (naming the record)
    instead of an error downstream."""
    problems: list[str] = [] if warnings is None else warnings
    articles: list[Article] = []
    for record in records:
        label, _ = valid_text(record.name)

        def valid(value: str, field: str, label: str = label) -> str:
            fixed, replaced = valid_text(value)
            if replaced:
                problems.append(f"{label}: {field} is not valid Unicode (lone surrogates); replaced with U+FFFD")
            return fixed

        problems.extend(valid_text(warning)[0] for warning in record.warnings)
        article = Article(
            id=len(articles) + 1,
            path=valid(record.name, "name"),
            raw_text=valid(record.text, "text"),
            input_format=record.input_format,
        )
        if record.story:
            article.extra["input_story"] = valid(record.story, "story")
        if record.title:
            article.title = Extracted(valid(record.title, "title").strip(), record.title_provenance)
        url, why = parse_url(record.url, record.provenance.get("url", "metadata:url"))
        if why:
            problems.append(valid_text(f"{label}: url unknown: {why}")[0])
        if url:
            article.url = url
        published, why = parse_published(record.published, record.provenance.get("published", "metadata:published"))
        if why:
            problems.append(valid_text(f"{label}: published unknown: {why}")[0])
        if published:
            published.confidence = record.confidence.get("published", 1.0)
            article.published = published
        if record.outlet:
            # "BBC News" and "BBC" are one outlet: known names are reported in canonical form
            outlet = valid(record.outlet, "outlet")
            known = masthead_outlet(outlet) or (_HOSTNAME.match(outlet) and outlet_from_url(f"http://{outlet.strip()}"))
            name = known.value if isinstance(known, Extracted) else known or outlet.strip()
            provenance = record.provenance.get("outlet", "metadata:source")
            article.outlet = Extracted(name, provenance, record.confidence.get("outlet", 1.0))
        else:
            article.outlet = (outlet_from_url(article.url.value) if article.url else None) or outlet_from_text(
                article.raw_text
            )
        articles.append(article)
    return articles


def load_articles(paths: Iterable[str], options: Options | None = None) -> tuple[list[Article], list[str]]:
    """Read every input into articles. Returns ``(articles, warnings)``."""
    options = options or Options()
    warnings: list[str] = []
    articles = records_to_articles(iter_records(paths, options, warnings), warnings)
    if not articles:
        detail = "; ".join(warnings) if warnings else "no inputs given"
        raise NoUsableInput(f"no usable article in the input ({detail})")
    return articles, warnings
