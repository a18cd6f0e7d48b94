"""Read a stream of articles for clustering, keeping each article's own id.

JSONL inputs are read line by line (a file of millions of articles never sits in memory):
an article record keeps its ``id`` (or gets ``"<file>:<line>"``), and a benchmark record with
``documents`` yields one article per document, ``"<record id>#<n>"``, remembering the record
id as ``input_story``. Every other input ``brief`` reads (text, HTML, JSON, folders) goes
through :func:`newsbrief.ingest.iter_records` and is keyed by its record name.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from newsbrief.errors import InputError
from newsbrief.ingest import iter_records
from newsbrief.ingest.formats import Record
from newsbrief.ingest.records import load_json, records_from_value
from newsbrief.settings import Options

JSONL_EXTENSIONS = (".jsonl", ".ndjson")


@dataclass(slots=True)
class InputItem:
    """One article of the stream: its key, the parsed record, and the fields to write back."""

    key: str
    record: Record
    fields: dict[str, Any]


def _record_fields(record: Record) -> dict[str, Any]:
    fields = {
        "title": record.title,
        "text": record.text,
        "url": record.url,
        "source": record.outlet,
        "published": record.published,
    }
    return {k: v for k, v in fields.items() if v is not None}


def _jsonl_items(lines: Iterable[str | bytes], name: str, options: Options, warnings: list[str]) -> Iterator[InputItem]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            if isinstance(line, bytes):  # decoded line by line: one bad byte costs one line, not the rest
                try:
                    line = line.decode("utf-8-sig" if number == 1 else "utf-8")
                except UnicodeDecodeError as exc:
                    raise InputError(where, f"not UTF-8 ({exc.reason} at byte {exc.start}); use --encoding") from None
            if len(line) > options.max_bytes:
                raise InputError(
                    where, f"line longer than the {options.max_bytes} byte limit (raise it with --max-bytes)"
                )
            obj = load_json(line, where, warnings)
            records = list(records_from_value(obj, where, options.fields))
        except InputError as exc:
            warnings.append(str(exc))
            continue
        if isinstance(obj, dict) and isinstance(obj.get("documents"), list):
            story = str(obj.get("id") or where)
            for record in records:
                head, _, tail = record.name.rpartition("#")
                number_in_story = tail if head else "1"  # no "#": the record stands for itself
                fields = {"text": record.text, "input_story": story}
                yield InputItem(f"{story}#{number_in_story}", record, fields)
            continue
        for record in records:  # one article record
            if isinstance(obj, dict):
                yield InputItem(str(obj.get("id") or where), record, dict(obj))
            else:  # a JSON list of articles on one line
                yield InputItem(record.name, record, _record_fields(record))


def read_items(paths: Iterable[str], options: Options, warnings: list[str]) -> Iterator[InputItem]:
    """Every article of every input, in input order; unusable inputs become warnings."""
    for path in paths:
        if path.lower().endswith(JSONL_EXTENSIONS):
            try:
                with open(path, "rb") if options.encoding is None else open(path, encoding=options.encoding) as handle:
                    yield from _jsonl_items(handle, path, options, warnings)
            except (OSError, UnicodeDecodeError, LookupError) as exc:
                warnings.append(f"{path}: cannot be read ({exc})")
            continue
        for record in iter_records([path], options, warnings):
            yield InputItem(record.name, record, _record_fields(record))


def read_unique_items(paths: Iterable[str], options: Options, warnings: list[str]) -> Iterator[InputItem]:
    """:func:`read_items` with keys made unique: a repeated id becomes ``"<id>~2"``, ``"~3"`` …
    (deterministic, so a second pass over the same inputs gives the same keys)."""
    seen: dict[str, int] = {}
    for item in read_items(paths, options, warnings):
        count = seen.get(item.key, 0) + 1
        seen[item.key] = count
        if count > 1:
            renamed = f"{item.key}~{count}"
            warnings.append(f"{item.record.name}: id {item.key!r} was already used; this article is {renamed!r}")
            item.key = renamed
        yield item
