"""WARC web archives (gzipped or not): one article per HTML response, extracted like any page.

Crawls hold more than pages: ``warcinfo``, ``request`` and ``metadata`` records, and responses
that are scripts, images or JSON. Those are skipped and counted in one warning, as are HTML
responses with no article text. The record's ``WARC-Target-URI`` is the article's URL.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Iterator

from newsbrief.errors import InputError
from newsbrief.ingest.metadata import parse_url
from newsbrief.ingest.record import Record

WARC_EXTENSIONS = (".warc", ".warc.gz", ".arc", ".arc.gz")
_GZIP_MAGIC = b"\x1f\x8b"
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHARSET = re.compile(r"charset=[\"']?([\w.:-]+)", re.IGNORECASE)


def looks_like_warc(name: str, data: bytes) -> bool:
    """A WARC by its name (``.warc``, ``.warc.gz``) or, uncompressed, by its first bytes."""
    return name.lower().endswith(WARC_EXTENSIONS) or data[:8].startswith(b"WARC/")


def _decode(payload: bytes, content_type: str) -> str:
    """Page bytes as text: the charset the server declared, else UTF-8; bad bytes replaced (a
    page with one broken byte is still a page)."""
    match = _CHARSET.search(content_type)
    for encoding in (match.group(1) if match else None, "utf-8"):
        if encoding:
            try:
                return payload.decode(encoding, errors="replace")
            except LookupError:
                continue
    return payload.decode("utf-8", errors="replace")


def parse_warc(data: bytes, name: str, max_bytes: int, warnings: list[str] | None = None) -> Iterator[Record]:
    """Records of every HTML response in the WARC ``data``, named ``name#N`` (N counts responses)."""
    from warcio.archiveiterator import ArchiveIterator

    from newsbrief.ingest.formats import parse_html  # formats registers this parser

    problems: list[str] = [] if warnings is None else warnings
    skipped: Counter[str] = Counter()
    empty: list[str] = []
    found = 0
    number = 0
    try:
        for entry in ArchiveIterator(io.BytesIO(data)):
            content_type = (entry.http_headers.get_header("Content-Type") if entry.http_headers else None) or ""
            if entry.rec_type not in ("response", "resource") or not content_type.lower().startswith(_HTML_TYPES):
                skipped[entry.rec_type if entry.rec_type != "response" else f"response {content_type or '?'}"] += 1
                continue
            number += 1
            where = f"{name}#{number}"
            payload = entry.content_stream().read(max_bytes + 1)
            if len(payload) > max_bytes:
                problems.append(f"{where}: page larger than {max_bytes} bytes; skipped")
                continue
            try:
                record = next(parse_html(_decode(payload, content_type), where))
            except InputError:
                empty.append(where)
                continue
            url, why = parse_url(entry.rec_headers.get_header("WARC-Target-URI"), "warc:WARC-Target-URI")
            if url is not None:
                record.url, record.provenance["url"] = url.value, url.provenance
            elif why:
                record.warnings.append(f"{where}: WARC-Target-URI {why}")
            record.input_format = "warc"
            found += 1
            yield record
    except Exception as exc:  # truncated or not a WARC: warcio raises ArchiveLoadFailed, EOFError, AttributeError …
        problems.append(f"{name}: WARC unreadable after {number} HTML responses ({type(exc).__name__}: {exc})"[:300])
    if skipped:
        kinds = ", ".join(f"{count} {kind}" for kind, count in skipped.most_common(5))
        problems.append(f"{name}: {sum(skipped.values())} non-HTML WARC records skipped ({kinds})")
    if empty:
        problems.append(f"{name}: {len(empty)} HTML responses held no article text ({', '.join(empty[:3])})")
    if not found:
        raise InputError(name, "no HTML response with article text in the WARC")
