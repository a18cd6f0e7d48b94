"""The ISO forms the analysis writes for a date (``DateMention.iso``, ``TimelineEvent.date``,
``PublicationDate``): a day ``YYYY-MM-DD``, a month ``YYYY-MM``, a year ``YYYY``, or an interval
of days ``YYYY-MM-DD/YYYY-MM-DD`` ("last week"). The one reader of that grammar: the date
analyser, the timeline, the date conflicts and the HTML timeline all read dates through it.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

_FORM = re.compile(r"^\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?$")


def _first_and_last(part: str) -> tuple[date, date]:
    if not _FORM.match(part):
        raise ValueError(f"{part!r} is not an ISO day, month or year")
    numbers = [int(p) for p in part.split("-")]
    year, month = numbers[0], numbers[1] if len(numbers) > 1 else None
    if month is None:
        return date(year, 1, 1), date(year, 12, 31)
    if len(numbers) == 2:
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    day = date(year, month, numbers[2])
    return day, day


def start_date(iso: str) -> date:
    """The first day an ISO value (day, month, year or interval) covers; used to order events."""
    return _first_and_last(iso.split("/")[0])[0]


def bounds(iso: str) -> tuple[str, str]:
    """The first and last day an ISO value covers, as ISO days (comparable as strings)."""
    first, _, last = iso.partition("/")
    return _first_and_last(first)[0].isoformat(), _first_and_last(last or first)[1].isoformat()


def parse_start(value: object) -> date | None:
    """:func:`start_date` of ``value``, or None when it is not a date in this grammar."""
    if not isinstance(value, str):
        return None
    try:
        return start_date(value)
    except ValueError:
        return None


def specificity(iso: str) -> int:
    """3 for a day, 2 for an interval (week, weekend), 1 for a month, 0 for a year."""
    if "/" in iso:
        return 2
    return {10: 3, 7: 1}.get(len(iso), 0)
