"""News feeds: RSS 2.0, Atom and JSON Feed entries as records, OPML lists as feed addresses.

Each feed entry becomes one :class:`~newsbrief.ingest.formats.Record`: its title, link, date
and body (``content:encoded`` / Atom ``content`` / JSON Feed ``content_html`` when present,
else the summary), HTML tags stripped. XML goes through ``defusedxml``: a document that
declares entities (the "billion laughs" bomb) or reaches out to external resources is refused
with a clear error instead of being expanded.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from email.utils import parsedate_to_datetime
from xml.etree.ElementTree import Element

from newsbrief.errors import InputError
from newsbrief.ingest.record import Record

_ATOM = "{http://www.w3.org/2005/Atom}"
_CONTENT_ENCODED = "{http://purl.org/rss/1.0/modules/content/}encoded"
_DC_DATE = "{http://purl.org/dc/elements/1.1/}date"
_RSS1 = "{http://purl.org/rss/1.0/}"
_JSON_FEED_VERSION = "https://jsonfeed.org/version/"

_TAG = re.compile(r"<[^>]*>")
_BLOCK_END = re.compile(r"</(p|div|h[1-6]|li|blockquote|tr)\s*>|<br\s*/?>", re.IGNORECASE)
_SCRIPT = re.compile(r"<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
# The XML declaration, comments and a DOCTYPE (with its internal subset: where entity bombs live)
# may come before the root element.
_FEED_START = re.compile(
    r"^\s*(<\?xml[^>]*>\s*)?(?:(?:<!--.*?-->|<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>)\s*)*<(rss|feed|rdf:RDF|opml)\b",
    re.DOTALL | re.IGNORECASE,
)
# How far into a text the feed check looks (a DOCTYPE's internal subset may be long).
_SNIFF_CHARS = 64 * 1024


def strip_html(markup: str) -> str:
    """Text of an HTML fragment: scripts dropped, block ends as paragraph breaks, entities decoded."""
    text = _SCRIPT.sub(" ", markup)
    text = _BLOCK_END.sub("\n\n", text)
    text = html.unescape(_TAG.sub(" ", text))
    paragraphs = (" ".join(part.split()) for part in re.split(r"\n\s*\n", text))
    return "\n\n".join(p for p in paragraphs if p)


def iso_date(value: str | None) -> str | None:
    """An RFC 822 (RSS) or ISO 8601 (Atom, JSON Feed) date as ISO ``YYYY-MM-DD[THH:MM:SS±HH:MM]``."""
    if not value or not value.strip():
        return None
    value = value.strip()
    if re.match(r"\d{4}-\d{2}-\d{2}", value):
        return value
    try:
        return parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def parse_xml(text: str, name: str) -> Element:
    """Parse untrusted XML safely: no entity expansion, no external resources."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import ParseError, fromstring

    try:
        return fromstring(text, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise InputError(
            name, f"XML refused: it declares entities or external resources ({type(exc).__name__})"
        ) from None
    except ParseError as exc:
        raise InputError(name, f"invalid XML ({exc})") from None


def _text(element: Element | None) -> str:
    return "".join(element.itertext()).strip() if element is not None else ""


def _record(name: str, fmt: str, title: str, link: str, date: str | None, body: str, feed_title: str) -> Record | None:
    text = strip_html(body)
    if not text and not title:
        return None
    provenance = {"url": f"{fmt}:link", "published": f"{fmt}:date"}
    if feed_title:
        provenance["outlet"] = f"{fmt}:feed title"
    return Record(
        name,
        text or title,
        title=strip_html(title) or None,
        url=link or None,
        outlet=feed_title or None,
        published=iso_date(date),
        input_format=fmt,
        title_provenance=f"{fmt}:title",
        provenance=provenance,
    )


def _rss_field(item: Element, tag: str) -> str:
    found = item.find(tag)
    if found is None and not tag.startswith("{"):  # RSS 1.0 puts its elements in a namespace
        found = item.find(_RSS1 + tag)
    return _text(found)


def _rss_items(root: Element, name: str) -> Iterator[Record]:
    channel = root.find("channel")
    if channel is None:
        channel = root.find(_RSS1 + "channel")
    feed_title = _rss_field(channel, "title") if channel is not None else ""
    items = root.iter("item") if root.tag == "rss" else root.iter(_RSS1 + "item")
    for number, item in enumerate(items, start=1):
        body = _rss_field(item, _CONTENT_ENCODED) or _rss_field(item, "description")
        guid = _rss_field(item, "guid")
        link = _rss_field(item, "link") or (guid if guid.startswith(("http://", "https://")) else "")
        date = _rss_field(item, "pubDate") or _rss_field(item, _DC_DATE)
        record = _record(f"{name}#{number}", "rss", _rss_field(item, "title"), link, date, body, feed_title)
        if record is not None:
            yield record


def _atom_link(entry: Element) -> str:
    for link in entry.findall(f"{_ATOM}link"):
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return link.get("href", "")
    return ""


def _atom_entries(root: Element, name: str) -> Iterator[Record]:
    feed_title = _text(root.find(f"{_ATOM}title"))
    for number, entry in enumerate(root.iter(f"{_ATOM}entry"), start=1):
        body = _text(entry.find(f"{_ATOM}content")) or _text(entry.find(f"{_ATOM}summary"))
        date = _text(entry.find(f"{_ATOM}published")) or _text(entry.find(f"{_ATOM}updated"))
        title = _text(entry.find(f"{_ATOM}title"))
        record = _record(f"{name}#{number}", "atom", title, _atom_link(entry), date, body, feed_title)
        if record is not None:
            yield record


def parse_feed(text: str, name: str) -> Iterator[Record]:
    """An RSS 2.0 / RSS 1.0 (RDF) or Atom feed: one record per entry with text."""
    root = parse_xml(text, name)
    if root.tag == f"{_ATOM}feed":
        records = list(_atom_entries(root, name))
    elif root.tag == "rss" or root.tag.endswith("RDF"):
        records = list(_rss_items(root, name))
    elif root.tag == "opml":
        raise InputError(name, "an OPML list of feeds, not articles: give it to 'newsbrief track'")
    else:
        raise InputError(name, f"not an RSS or Atom feed (root element {root.tag!r})")
    if not records:
        raise InputError(name, "feed holds no entries with text")
    yield from records


def _string(item: dict[str, object], key: str) -> str:
    value = item.get(key)
    return value if isinstance(value, str) else ""


def parse_json_feed(text: str, name: str) -> Iterator[Record]:
    """A JSON Feed (https://jsonfeed.org, versions 1 and 1.1)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(name, f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from None
    if not isinstance(data, dict) or not isinstance(data.get("items"), list):
        raise InputError(name, "not a JSON Feed (no 'items' list)")
    title = data.get("title")
    feed_title = title if isinstance(title, str) else ""
    found = False
    for number, item in enumerate(data["items"], start=1):
        if not isinstance(item, dict):
            continue
        body = _string(item, "content_html") or _string(item, "content_text") or _string(item, "summary")
        date = _string(item, "date_published") or _string(item, "date_modified")
        record = _record(
            f"{name}#{number}", "jsonfeed", _string(item, "title"), _string(item, "url"), date, body, feed_title
        )
        if record is not None:
            found = True
            yield record
    if not found:
        raise InputError(name, "feed holds no entries with text")


def opml_feed_urls(text: str, name: str) -> list[str]:
    """The feed addresses (``xmlUrl``) listed in an OPML file, in document order."""
    root = parse_xml(text, name)
    if root.tag != "opml":
        raise InputError(name, f"not an OPML file (root element {root.tag!r})")
    urls = [outline.get("xmlUrl", "") for outline in root.iter("outline")]
    return [url for url in urls if url]


def looks_like_feed(text: str) -> bool:
    """True when the text starts like an RSS/Atom/RDF feed or an OPML list."""
    return bool(_FEED_START.match(text[:_SNIFF_CHARS]))


def is_opml(text: str) -> bool:
    match = _FEED_START.match(text[:_SNIFF_CHARS])
    return match is not None and match.group(2).lower() == "opml"


def looks_like_json_feed(text: str) -> bool:
    return text.lstrip().startswith("{") and _JSON_FEED_VERSION in text[:2048]
