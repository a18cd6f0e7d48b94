"""Infer the outlet from page furniture or the URL, never from mentions in the body.

Rules are data: add an outlet by adding a row. A body sentence such as "says the BBC's
correspondent" must not make a Sky page a BBC article, so text rules only look at short
furniture lines where the outlet is naming itself: a masthead line that is nothing but the
outlet's name ("CBN", "RUSI International") or a copyright/footer line ("BBC © 2014").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlparse

from newsbrief.model import Extracted


@dataclass(frozen=True, slots=True)
class OutletRule:
    name: str  # canonical name reported to readers
    domains: tuple[str, ...]  # host suffixes
    mastheads: tuple[str, ...]  # a line holding exactly one of these names the page's outlet
    footer: str  # regex over a short line: copyright or footer wording that names the outlet


OUTLET_RULES: list[OutletRule] = [
    OutletRule("BBC", ("bbc.co.uk", "bbc.com"), ("BBC", "BBC News"), r"^BBC\s*©|^©\s*BBC\b"),
    OutletRule("CBN", ("cbn.com",), ("CBN", "CBN News"), r"^©.*\bCBN\b"),
    OutletRule(
        "RUSI", ("rusi.org",), ("RUSI", "RUSI International", "Royal United Services Institute"), r"^©.*\bRUSI\b"
    ),
    OutletRule("Sky News", ("news.sky.com", "sky.com"), ("Sky News",), r"^©.*\bSky\b"),
    OutletRule("Reuters", ("reuters.com",), ("Reuters",), r"^©.*\bReuters\b|^\(Reuters\)"),
    OutletRule("Associated Press", ("apnews.com",), ("Associated Press",), r"^©.*\bAssociated Press\b"),
    OutletRule("The Guardian", ("theguardian.com", "guardian.co.uk"), ("The Guardian",), r"^©.*Guardian News"),
    OutletRule("CNN", ("cnn.com",), ("CNN",), r"^©.*\bCable News Network\b"),
    OutletRule("The New York Times", ("nytimes.com",), (), r"^©.*The New York Times Company"),
    OutletRule("Al Jazeera", ("aljazeera.com",), ("Al Jazeera",), r"^©.*Al Jazeera"),
]

_FOOTERS = [(rule, re.compile(rule.footer, re.IGNORECASE)) for rule in OUTLET_RULES]
_MASTHEADS = {alias.casefold(): rule for rule in OUTLET_RULES for alias in rule.mastheads}
_MAX_FURNITURE_WORDS = 20


def masthead_outlet(line: str) -> str | None:
    """The outlet a line names when the line is nothing but that outlet's name, else None."""
    return rule.name if (rule := _MASTHEADS.get(" ".join(line.split()).casefold())) else None


def outlet_from_url(url: str) -> Extracted[str] | None:
    host = (urlparse(url).hostname or "").lower()
    for rule in OUTLET_RULES:
        if any(host == d or host.endswith("." + d) for d in rule.domains):
            return Extracted(rule.name, f"url:{host}", 0.95)
    return None


def outlet_from_text(text: str) -> Extracted[str] | None:
    """The outlet named by the first masthead or footer line of ``text``, else None."""
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or len(line.split()) > _MAX_FURNITURE_WORDS:
            continue
        name = masthead_outlet(line) or next((rule.name for rule, rx in _FOOTERS if rx.search(line)), None)
        if name:
            return Extracted(name, f"text:line {number}: {line[:60]}", 0.8)
    return None
