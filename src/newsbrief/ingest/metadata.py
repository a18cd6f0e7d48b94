"""The one tolerant parser for metadata read from input: dates, URLs and text fields.

Every function here takes whatever a scraper wrote (a string, a number, ``null``, an object)
and returns the value, or ``None`` with the reason it is unknown. Nothing here raises: a junk
date or a URL that does not parse makes that field unknown (the caller warns, naming the
record), never the whole input unusable. Every reader of input metadata (JSON records, CSV,
SGML, feeds, the web API) goes through these functions, so the analysers downstream only ever
see an ISO ``YYYY-MM-DD`` date and a URL that ``urllib`` can split.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from email.utils import parsedate_tz
from typing import Any
from urllib.parse import urlsplit

from newsbrief import lexicon
from newsbrief.model import Extracted

# Publication dates outside this range are junk in news metadata ("0000-01-01", "9999-12-31",
# a counter read as an epoch), not dates: no news archive we read predates 1800.
MIN_YEAR = 1800
MAX_YEAR = 2100
# An epoch above this many seconds (year 5138) must be milliseconds (JavaScript's Date.now()).
_EPOCH_MS_ABOVE = 10**11
# Strings scrapers write for "no date"; the comparison is case-insensitive.
NO_VALUE_WORDS = frozenset({"none", "null", "nil", "nan", "n/a", "na", "unknown", "undefined", "-", "false"})

MONTHS = {name.lower(): number for name, number in lexicon.MONTHS.items()}  # matched case-insensitively
_MONTH = "(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?"
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T ]\d)")
_SLASHED = re.compile(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b")
# "08/12/1998 13:29:00": month first, as the US newswire (LDC's APW DATE_TIME) and US sites write
# it; when the first number cannot be a month (18/11/2019) it is the day.
_US_SLASHED = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})\b")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:$|T\d)")
# "18 November 2019", "Monday, 18 Nov. 2019", Reuters-21578's "26-FEB-1987 15:01:01.79"
_DAY_MONTH_YEAR = re.compile(
    rf"^{_WEEKDAY}(\d{{1,2}})(?:st|nd|rd|th)?(?:\s+|-){_MONTH},?(?:\s+|-)(\d{{4}})\b", re.IGNORECASE
)
_MONTH_DAY_YEAR = re.compile(rf"^{_WEEKDAY}{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.IGNORECASE)
_NUMBER = re.compile(r"^\d+(\.\d+)?$")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_URL_FORBIDDEN = re.compile(r"[\x00-\x20\x7f]")

Parsed = tuple[Extracted[str] | None, str]  # (value, why it is unknown: "" when known or absent)


def _day(year: int, month: int, day: int) -> tuple[str | None, str]:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None, f"year {year} is outside {MIN_YEAR}-{MAX_YEAR}"
    try:
        return date(year, month, day).isoformat(), ""
    except ValueError as exc:
        return None, str(exc)


def _from_epoch(seconds: float) -> tuple[str | None, str]:
    if seconds > _EPOCH_MS_ABOVE:
        seconds /= 1000
    try:
        moment = datetime.fromtimestamp(seconds, UTC)
    except (OverflowError, OSError, ValueError):
        return None, f"epoch {seconds:g} is out of range"
    return _day(moment.year, moment.month, moment.day)


def _from_string(text: str) -> tuple[str | None, str]:
    if _NUMBER.match(text) and len(text) != 8:  # an epoch; eight digits are a compact date
        return _from_epoch(float(text))
    for pattern in (_ISO, _SLASHED, _COMPACT):
        if match := pattern.match(text):
            return _day(*(int(group) for group in match.groups()))
    if match := _US_SLASHED.match(text):
        first, second, year = (int(group) for group in match.groups())
        return _day(year, first, second) if first <= 12 else _day(year, second, first)
    if match := _DAY_MONTH_YEAR.match(text):
        day_text, month_name, year_text = match.groups()
        return _day(int(year_text), MONTHS[month_name.lower()], int(day_text))
    if match := _MONTH_DAY_YEAR.match(text):
        month_name, day_text, year_text = match.groups()
        return _day(int(year_text), MONTHS[month_name.lower()], int(day_text))
    parts = parsedate_tz(text)  # RFC 2822: "Mon, 18 Nov 2019 14:02:00 +0000"
    if parts is not None and parts[0]:
        return _day(parts[0], parts[1], parts[2])
    return None, "not a date"


def parse_published(value: object, provenance: str = "metadata:published") -> Parsed:
    """A publication date as ISO ``YYYY-MM-DD`` (the day as the publisher wrote it, time zone
    ignored), from ISO dates and timestamps, RFC 2822, "18 November 2019", "Nov. 18, 2019",
    ``YYYYMMDD`` or epoch seconds/milliseconds. ``(None, "")`` when absent, ``(None, reason)``
    for junk ("None", "not a date", "0000-01-01")."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, ""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None, f"a {type(value).__name__} is not a date"
    if isinstance(value, int | float):
        if value != value or value in (float("inf"), float("-inf")):
            return None, f"{value} is not a date"
        if isinstance(value, int) and abs(value) > _EPOCH_MS_ABOVE * 1e6:  # float() would overflow
            return None, f"{str(value)[:40]}...: a number far too large to be a date"
        iso, reason = _from_epoch(float(value))
    else:
        text = " ".join(value.split())
        if text.lower() in NO_VALUE_WORDS:
            return None, f"{value!r} is not a date"
        iso, reason = _from_string(text)
    if iso is None:
        return None, f"{str(value)[:40]!r}: {reason}"
    return Extracted(iso, provenance), ""


def parse_url(value: object, provenance: str = "metadata:url") -> Parsed:
    """An absolute URL (scheme and host) that ``urllib`` splits without error, else why not."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, ""
    if not isinstance(value, str):
        return None, f"a {type(value).__name__} is not a URL"
    url = value.strip()
    if _URL_FORBIDDEN.search(url):
        return None, f"{url[:60]!r} holds spaces or control characters"
    try:
        parts = urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018 -- raises ValueError on a bad port ("http://a:x/")
    except ValueError as exc:
        return None, f"{url[:60]!r} does not parse ({exc})"
    if not parts.scheme or not host:
        return None, f"{url[:60]!r} is not an absolute URL"
    return Extracted(url, provenance), ""


def valid_text(value: str) -> tuple[str, bool]:
    """``value`` as valid Unicode: lone surrogates (valid JSON ``"\\ud800"``, not encodable) become
    U+FFFD. Returns the text and whether anything was replaced."""
    fixed = _SURROGATE.sub("\ufffd", value)
    return fixed, fixed != value


def valid_value(value: Any) -> tuple[Any, bool]:
    """A parsed JSON value with :func:`valid_text` applied to every string in it (keys too)."""
    if isinstance(value, str):
        return valid_text(value)
    if isinstance(value, list):
        items = [valid_value(item) for item in value]
        return [item for item, _ in items], any(changed for _, changed in items)
    if isinstance(value, dict):
        pairs = [(valid_text(key), valid_value(item)) for key, item in value.items()]
        return {key: item for (key, _), (item, _) in pairs}, any(a or b for (_, a), (_, b) in pairs)
    return value, False


def text_field(value: object) -> tuple[str | None, str]:
    """A free-text field (title, outlet name): strings as they are, numbers as text, else why not."""
    if value is None:
        return None, ""
    if isinstance(value, str):
        return value, ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value), ""
    return None, f"a {type(value).__name__} is not text"
