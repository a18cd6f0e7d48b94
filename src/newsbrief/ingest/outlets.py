"""Infer the outlet from page furniture or the URL, never from mentions in the body.

Rules are data: add an outlet by adding a row. A body sentence such as "says the BBC's
correspondent" must not make a Sky page a BBC article, so text rules only look at short
furniture lines (a bare outlet line, a copyright line, a footer), where the outlet is
naming itself.
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

from newsbrief.model import Extracted

# (canonical name, domain suffixes, regex over a short furniture line)
OUTLET_RULES: list[tuple[str, tuple[str, ...], str]] = [
    ("BBC", ("bbc.co.uk", "bbc.com"), r"^(BBC\s*©|©\s*BBC|BBC News$|BBC$)"),
    ("CBN", ("cbn.com",), r"^(CBN|CBN News)$|^©.*\bCBN\b"),
    ("RUSI", ("rusi.org",), r"^(RUSI|RUSI International|Royal United Services Institute)$"),
    ("Sky News", ("news.sky.com", "sky.com"), r"^(Sky News$|©.*\bSky\b)"),
    ("Reuters", ("reuters.com",), r"^(Reuters$|©.*\bReuters\b)|^\(Reuters\)"),
    ("Associated Press", ("apnews.com",), r"^(Associated Press$|©.*\bAssociated Press\b)"),
    ("The Guardian", ("theguardian.com", "guardian.co.uk"), r"^(The Guardian$|©.*Guardian News)"),
    ("CNN", ("cnn.com",), r"^(CNN$|©.*\bCable News Network\b)"),
    ("The New York Times", ("nytimes.com",), r"^©.*The New York Times Company"),
    ("Al Jazeera", ("aljazeera.com",), r"^(Al Jazeera$|©.*Al Jazeera)"),
]

_COMPILED = [(name, domains, re.compile(rx, re.IGNORECASE)) for name, domains, rx in OUTLET_RULES]
_MAX_FURNITURE_WORDS = 20


def outlet_from_url(url: str) -> Extracted[str] | None:
    host = (urlparse(url).hostname or "").lower()
    for name, domains, _ in _COMPILED:
        if any(host == d or host.endswith("." + d) for d in domains):
            return Extracted(name, f"url:{host}", 0.95)
    return None


def outlet_from_text(text: str) -> Extracted[str] | None:
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or len(line.split()) > _MAX_FURNITURE_WORDS:
            continue
        for name, _, pattern in _COMPILED:
            if pattern.search(line):
                return Extracted(name, f"text:line {number}: {line[:60]}", 0.8)
    return None
