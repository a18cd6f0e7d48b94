"""Ingest: paths, directories and stdin -> :class:`~newsbrief.model.Article` objects.

Unusable inputs are skipped with a warning naming the input and the problem; only when
nothing usable remains does :func:`load_articles` raise :class:`NoUsableInput`.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

from newsbrief.errors import InputError, NoUsableInput
from newsbrief.ingest.decode import decode, read_path, read_stdin
from newsbrief.ingest.formats import FORMATS, Record, detect_format
from newsbrief.ingest.outlets import masthead_outlet, outlet_from_text, outlet_from_url
from newsbrief.model import Article, Extracted
from newsbrief.settings import Options

__all__ = ["FORMATS", "Record", "iter_records", "load_articles", "records_to_articles"]

STDIN = "-"


def _walk(directory: str) -> list[str]:
    """Files under ``directory``, recursively, sorted by path (``a.txt``, ``b/1.txt``, ``c.txt``),
    hidden files and folders skipped."""
    found = []
    for root, dirs, files in os.walk(directory):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found += [os.path.join(root, name) for name in files if not name.startswith(".")]
    return sorted(found, key=lambda path: os.path.relpath(path, directory).split(os.sep))


def _records_from_text(text: str, name: str) -> list[Record]:
    return list(FORMATS[detect_format(name, text)](text, name))


def iter_records(paths: Iterable[str], options: Options, warnings: list[str]) -> Iterator[Record]:
    """Yield records from every input; problems become warnings, never exceptions."""
    for path in paths:
        if path == STDIN:
            sources: Iterable[str] = [STDIN]
        elif os.path.isdir(path):
            sources = _walk(path)
            if not sources:
                warnings.append(f"{path}: directory holds no files")
                continue
        elif os.path.exists(path):
            sources = [path]
        else:
            warnings.append(f"{path}: no such file or directory")
            continue
        for source in sources:
            name = "<stdin>" if source == STDIN else source
            try:
                data = read_stdin(options.max_bytes) if source == STDIN else read_path(source, options.max_bytes)
                records = _records_from_text(decode(data, name, options.encoding), name)
                if not records:
                    raise InputError(name, "holds no article text")
            except InputError as exc:
                warnings.append(str(exc))
                continue
            yield from records


def records_to_articles(records: Iterable[Record]) -> list[Article]:
    """Number records 1..n and attach metadata with provenance."""
    articles = []
    for record in records:
        article = Article(
            id=len(articles) + 1,
            path=record.name,
            raw_text=record.text,
            input_format=record.input_format,
        )
        if record.title:
            article.title = Extracted(record.title.strip(), record.title_provenance)
        if record.url:
            article.url = Extracted(record.url, record.provenance.get("url", "metadata:url"))
        if record.published:
            article.published = Extracted(record.published, record.provenance.get("published", "metadata:published"))
        if record.outlet:
            # "BBC News" and "BBC" are one outlet: known names are reported in canonical form
            name = masthead_outlet(record.outlet) or record.outlet.strip()
            article.outlet = Extracted(name, record.provenance.get("outlet", "metadata:source"))
        else:
            article.outlet = (outlet_from_url(record.url) if record.url else None) or outlet_from_text(record.text)
        articles.append(article)
    return articles


def load_articles(paths: Iterable[str], options: Options | None = None) -> tuple[list[Article], list[str]]:
    """Read every input into articles. Returns ``(articles, warnings)``."""
    options = options or Options()
    warnings: list[str] = []
    articles = records_to_articles(iter_records(paths, options, warnings))
    if not articles:
        detail = "; ".join(warnings) if warnings else "no inputs given"
        raise NoUsableInput(f"no usable article in the input ({detail})")
    return articles, warnings
