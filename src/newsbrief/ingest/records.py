"""Article records as scrapers and datasets write them: JSON objects, JSON lists, JSONL and CSV.

One mapping from a record's keys to the article's fields serves every shape: newsbrief's own
(``title``, ``text``/``html``, ``url``, ``source``, ``published``), news-please (``maintext``,
``date_publish``, ``source_domain``), newspaper4k (``publish_date``), trafilatura JSON (``date``,
``sitename``, ``hostname``), NewsAPI (``content``/``description``, ``publishedAt``, ``source``
as ``{id, name}``), WCEP (an ``articles`` list) and generic ``content``/``body``/``article``.
Anything else is named with a field map (``--fields text=body,published=date``).

A record that cannot be used (no text, not an object, invalid JSON on its line) is skipped: the
parser appends a warning naming its line or index to ``warnings`` and goes on; without a
``warnings`` list it raises :class:`InputError` (callers that parse one record at a time).
Metadata goes through :mod:`newsbrief.ingest.metadata`, so a junk date or URL only makes that
field unknown, with a warning on the record.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator, Mapping
from typing import Any

from newsbrief.errors import InputError, UsageError
from newsbrief.ingest.metadata import parse_published, parse_url, text_field, valid_value
from newsbrief.ingest.record import Record

# The keys each article field is read from, first present wins. Order matters where a record
# holds two: a news-please record has both ``title`` and ``title_page``; trafilatura's
# ``sitename`` names the outlet better than its ``hostname``. WCEP articles date themselves
# with ``time``; newspaper4k's to_json writes ``meta_site_name`` and ``canonical_link``.
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "text": ("text", "maintext", "content", "body", "article", "article_text", "full_text", "description"),
    "html": ("html", "raw_html"),
    "title": ("title", "headline", "title_page", "title_rss"),
    "url": ("url", "link", "canonical_url", "canonical_link", "source_url", "source"),
    "published": (
        "published",
        "date_publish",
        "publish_date",
        "publishedAt",
        "published_at",
        "date_published",
        "datePublished",
        "pubDate",
        "date",
        "time",
    ),
    "outlet": (
        "source",
        "outlet",
        "publisher",
        "sitename",
        "site_name",
        "meta_site_name",
        "source-hostname",
        "source_domain",
        "hostname",
    ),
}
# Keys whose value decides the field: trafilatura's JSON writes the page URL as ``source`` (and
# the site name as ``source-hostname``) where every other shape writes the outlet's name there.
URL_OR_NAME_KEYS = frozenset({"source"})
FIELD_NAMES = tuple(FIELD_ALIASES)
# How a list of records is nested in a container object: Multi-News/benchmark ``documents``
# (raw texts) and WCEP ``articles`` (article objects).
CONTAINER_KEYS = ("documents", "articles")
# NewsAPI cuts ``content`` at 200 characters and appends this marker; the marker is not text.
_NEWSAPI_TRUNCATION = re.compile(r"\s*(?:…|\.\.\.)?\s*\[\+\d+ chars\]\s*$")
# Real article records nest a few levels (NewsAPI: 3); far deeper JSON is hostile or broken and
# would exhaust Python's recursion in json.loads, so it is refused before parsing.
MAX_JSON_DEPTH = 64
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_JSON_BRACKET = re.compile(r"[\[\]{}]")
_ESCAPED_SURROGATE = re.compile(r"\\u[dD][89a-fA-F]")

# The largest CSV cell read; whole inputs are bounded by --max-bytes before this.
_CSV_MAX_FIELD = 64 * 1024 * 1024

FieldMap = Mapping[str, str]


def parse_field_map(spec: str) -> dict[str, str]:
    """``"text=body,published=date"`` -> ``{"text": "body", "published": "date"}``; ``source`` is
    accepted for ``outlet``. A dotted key (``source.name``) reads a nested object."""
    fields: dict[str, str] = {}
    for part in filter(None, (p.strip() for p in spec.split(","))):
        role, sep, key = (s.strip() for s in part.partition("="))
        role = "outlet" if role == "source" else role
        if not sep or not key:
            raise UsageError(f"--fields: {part!r} is not FIELD=KEY (e.g. text=body)")
        if role not in FIELD_ALIASES:
            raise UsageError(f"--fields: unknown field {role!r}; fields are {', '.join(FIELD_NAMES)}")
        fields[role] = key
    if not fields:
        raise UsageError("--fields: give at least one FIELD=KEY (e.g. text=body)")
    return fields


def check_json_depth(text: str, name: str, limit: int = MAX_JSON_DEPTH) -> None:
    """Refuse JSON nested deeper than ``limit`` before ``json.loads`` recurses into it."""
    if text.count("[") + text.count("{") <= limit:
        return
    depth = 0
    for bracket in _JSON_BRACKET.findall(_JSON_STRING.sub("", text)):
        depth += 1 if bracket in "[{" else -1
        if depth > limit:
            raise InputError(name, f"JSON nested more than {limit} levels deep; refused")


def load_json(text: str, name: str, warnings: list[str] | None = None) -> Any:
    """``json.loads`` with the depth bound and every failure as one :class:`InputError` line.
    Strings are made valid Unicode: ``"\\ud800"`` is valid JSON but no encoder can write it
    back, so lone surrogates become U+FFFD (with a warning naming ``name``)."""
    check_json_depth(text, name)
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(name, f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from None
    except (ValueError, RecursionError) as exc:  # an integer of 5,000 digits; nesting the scan missed
        raise InputError(name, f"invalid JSON: {exc}") from None
    if _ESCAPED_SURROGATE.search(text):
        value, replaced = valid_value(value)
        if replaced and warnings is not None:
            warnings.append(f"{name}: text is not valid Unicode (lone surrogates); replaced with U+FFFD")
    return value


def _lookup(obj: Mapping[str, Any], key: str) -> Any:
    value: Any = obj
    for part in key.split("."):
        if not isinstance(value, Mapping):
            return None
        value = value.get(part)
    return value


def _field(obj: Mapping[str, Any], role: str, fields: FieldMap | None) -> tuple[str | None, Any]:
    """``(key, value)`` of the first key present for ``role`` (the field map's key when given)."""
    if fields and role in fields:
        return fields[role], _lookup(obj, fields[role])
    for key in FIELD_ALIASES[role]:
        value = obj.get(key)
        if value is None or value == "":
            continue
        if key in URL_OR_NAME_KEYS and (role == "url") != _looks_like_url(value):
            continue
        return key, value
    return None, None


def _looks_like_url(value: Any) -> bool:
    return isinstance(value, str) and value.strip().lower().startswith(("http://", "https://"))


def _text(value: Any) -> str | None:
    """Article text: a string, or a list of paragraph strings (some scrapers write those)."""
    if isinstance(value, str):
        return value
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return "\n\n".join(value)
    return None


def record_from_object(obj: Mapping[str, Any], name: str, fields: FieldMap | None = None) -> Record:
    """One article record from a JSON object or CSV row; :class:`InputError` when it has no text."""
    from newsbrief.ingest.formats import parse_html  # formats registers this module's parsers

    warnings: list[str] = []
    text_key, text_value = _field(obj, "text", fields)
    html_value = _field(obj, "html", fields)[1]
    text = _text(text_value)
    if text_key == "content" or text_key == "description":
        text = _NEWSAPI_TRUNCATION.sub("", text or "") or None
    if text is not None and text_value is not None and not text.strip():
        text = None
    if text is None and isinstance(html_value, str) and html_value.strip():
        record = next(parse_html(html_value, name))
        record.input_format = "json"
    elif text is None:
        if text_value is not None:
            problem = f"{text_key!r} is not text"
        elif fields and "text" in fields:
            problem = f"no {text_key!r} key"
        else:
            problem = "no 'text', 'maintext', 'content', 'body' or 'article' key"
        raise InputError(name, f"record has no article text ({problem}; name the key with --fields text=KEY)")
    else:
        record = Record(name, text, input_format="json")
    title_key, title = _field(obj, "title", fields)
    title, why = text_field(title)
    if why:
        warnings.append(f"title {title_key!r} ignored: {why}")
    if title and title.strip():  # an explicit field beats what the page says about itself
        record.title, record.title_provenance = title, f"metadata:{title_key}"
    outlet_key, outlet = _field(obj, "outlet", fields)
    if isinstance(outlet, Mapping):  # NewsAPI: "source": {"id": "bbc-news", "name": "BBC News"}
        outlet_key, outlet = f"{outlet_key}.name", outlet.get("name")
    outlet, why = text_field(outlet)
    if why:
        warnings.append(f"outlet {outlet_key!r} ignored: {why}")
    if outlet and outlet.strip():
        record.outlet = outlet
        record.provenance["outlet"] = f"metadata:{outlet_key}"
    for role, parse in (("url", parse_url), ("published", parse_published)):
        key, value = _field(obj, role, fields)
        if value is None:
            continue
        parsed, why = parse(value, f"metadata:{key}")
        if parsed is not None:
            setattr(record, role, parsed.value)
            record.provenance[role] = parsed.provenance
        elif why:
            warnings.append(f"{role} unknown: {key} {why}")
    record.warnings.extend(f"{name}: {warning}" for warning in warnings)
    return record


def _skip(exc: InputError, warnings: list[str] | None) -> None:
    if warnings is None:
        raise exc
    warnings.append(f"{exc}; record skipped")


def records_from_value(
    value: Any, name: str, fields: FieldMap | None = None, warnings: list[str] | None = None
) -> Iterator[Record]:
    """Records from one parsed JSON value: an article object, a container (``documents``,
    ``articles``), a bare text, or a list of any of these (items named ``name[1]``, ``name[2]`` …)."""
    from newsbrief.ingest.formats import parse_multinews_document, parse_multinews_documents

    if isinstance(value, list):
        for number, item in enumerate(value, start=1):
            try:
                yield from records_from_value(item, f"{name}[{number}]", fields, warnings=None)
            except InputError as exc:
                _skip(exc, warnings)
        return
    if isinstance(value, str):  # a bare document, as in a list of texts
        yield from parse_multinews_document(value, name)
        return
    if not isinstance(value, dict):
        raise InputError(name, f"expected a JSON object, got {type(value).__name__}")
    if not (fields and "text" in fields) and _field(value, "text", None)[0] is None:
        key = next((k for k in CONTAINER_KEYS if isinstance(value.get(k), list)), None)
        if key == "documents":  # the benchmark format: a cluster of raw documents
            for record in parse_multinews_documents(value[key], name):
                record.story = name
                yield record
            return
        if key == "articles":  # WCEP: a story event with its articles
            for number, item in enumerate(value[key], start=1):
                try:
                    for record in records_from_value(item, f"{name}#{number}", fields, warnings=None):
                        record.story = name
                        yield record
                except InputError as exc:
                    _skip(exc, warnings)
            return
    yield record_from_object(value, name, fields)


def parse_json(
    text: str, name: str, fields: FieldMap | None = None, warnings: list[str] | None = None
) -> Iterator[Record]:
    """A JSON object (one article or a container) or a list of them."""
    yield from records_from_value(load_json(text, name, warnings), name, fields, warnings)


def parse_jsonl(
    text: str, name: str, fields: FieldMap | None = None, warnings: list[str] | None = None
) -> Iterator[Record]:
    """One JSON record per line; a bad line is skipped with a warning naming its number."""
    # only "\n" ends a line: str.splitlines() would also split inside strings at U+2028 or \x85
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            records = list(records_from_value(load_json(line, where, warnings), where, fields, warnings))
        except InputError as exc:
            _skip(exc, warnings)
            continue
        yield from records


def _column(header: list[str], role: str, fields: FieldMap | None) -> str | None:
    if fields and role in fields:
        return fields[role] if fields[role] in header else None
    by_case = {column.strip().casefold(): column for column in header}
    return next((by_case[key.casefold()] for key in FIELD_ALIASES[role] if key.casefold() in by_case), None)


def parse_csv(
    text: str, name: str, fields: FieldMap | None = None, warnings: list[str] | None = None
) -> Iterator[Record]:
    """A CSV (or, for ``.tsv`` names, tab-separated) table with a header row and a text column;
    each row is an article record read like a JSON object (rows named ``name:LINE``)."""
    delimiter = "\t" if name.lower().endswith(".tsv") else ","
    csv.field_size_limit(max(csv.field_size_limit(), _CSV_MAX_FIELD))  # article bodies exceed the 128 KB default
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise InputError(name, f"not a readable CSV header ({exc})") from None
    if not header:
        raise InputError(name, "CSV file has no header row")
    header = [column.strip() for column in header]
    columns = {role: column for role in FIELD_NAMES if (column := _column(header, role, fields)) is not None}
    if "text" not in columns and "html" not in columns:
        wanted = repr(fields["text"]) if fields and "text" in fields else "text, maintext, content, body or article"
        have = ", ".join(header)[:200]
        raise InputError(name, f"no text column (looked for {wanted}; columns are {have}); use --fields text=COLUMN")
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            _skip(InputError(f"{name}:{reader.line_num}", f"unreadable CSV row ({exc})"), warnings)
            return  # the csv reader cannot resume after a broken quote
        if not any(cell.strip() for cell in row):
            continue
        where = f"{name}:{reader.line_num}"
        try:
            if len(row) > len(header):
                raise InputError(where, f"row has {len(row)} cells for {len(header)} columns")
            yield record_from_object(dict(zip(header, row, strict=False)), where, columns)
        except InputError as exc:
            _skip(exc, warnings)
