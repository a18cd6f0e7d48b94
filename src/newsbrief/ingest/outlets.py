"""Which outlet published a source, and whether its text is wire copy, from furniture, never from
mentions in the body.

Rules are data: add an outlet by adding a row to :data:`OUTLET_RULES` (domain -> outlet, parent
company, kind) or, without touching the code, by giving ``--outlets FILE`` (CSV or JSON rows with
``domain, name, owner, country, type, lean``; :func:`load_outlet_table`). A body sentence such as
"says the BBC's correspondent" must not make a Sky page a BBC article, so text rules only look at
short furniture lines where the outlet is naming itself: a masthead line that is nothing but the
outlet's name ("CBN", "RUSI International") or a copyright/footer line ("BBC © 2014").

Wire copy is recognised by the agency's own marks: a dateline credit at the start of the body
("WASHINGTON (AP) —", "MOSCOW (Reuters) -"), an agency byline ("By The Associated Press"), or the
agency's copyright notice. A credit such as "The Associated Press contributed to this report" is
not wire copy: the outlet wrote the story. Republished wire copy is the agency's report, so
independence counts it once, under the agency.
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlparse

from newsbrief.errors import InputError
from newsbrief.model import Extracted


@dataclass(frozen=True, slots=True)
class OutletRule:
    name: str  # canonical name reported to readers
    domains: tuple[str, ...]  # host suffixes
    mastheads: tuple[str, ...] = ()  # a line holding exactly one of these names the page's outlet
    footer: str = ""  # regex over a short line: copyright or footer wording that names the outlet
    parent: str = ""  # owning company, when it owns several outlets
    kind: str = "news"  # "news", "wire", "broadcaster", "think tank", "aggregator"


OUTLET_RULES: list[OutletRule] = [
    # Wire services first: their names are also what dateline credits say.
    OutletRule("Associated Press", ("apnews.com", "ap.org"), ("Associated Press", "AP"), r"^©.*\bAssociated Press\b",
               kind="wire"),
    OutletRule("Reuters", ("reuters.com",), ("Reuters",), r"^©.*\bReuters\b|^\(Reuters\)", "Thomson Reuters", "wire"),
    OutletRule("Agence France-Presse", ("afp.com",), ("AFP", "Agence France-Presse"), r"^©.*\bAFP\b", kind="wire"),
    OutletRule("United Press International", ("upi.com",), ("UPI",), r"^©.*\bUPI\b", kind="wire"),
    OutletRule("Xinhua", ("xinhuanet.com", "news.cn"), ("Xinhua",), "", kind="wire"),
    OutletRule("BBC", ("bbc.co.uk", "bbc.com"), ("BBC", "BBC News"), r"^BBC\s*©|^©\s*BBC\b", "BBC", "broadcaster"),
    OutletRule("CBN", ("cbn.com",), ("CBN", "CBN News"), r"^©.*\bCBN\b", kind="broadcaster"),
    OutletRule("RUSI", ("rusi.org",), ("RUSI", "RUSI International", "Royal United Services Institute"),
               r"^©.*\bRUSI\b", kind="think tank"),
    OutletRule("Sky News", ("news.sky.com", "sky.com"), ("Sky News",), r"^©.*\bSky\b", "Sky", "broadcaster"),
    OutletRule("The Guardian", ("theguardian.com", "guardian.co.uk"), ("The Guardian",), r"^©.*Guardian News",
               "Guardian Media Group"),
    OutletRule("CNN", ("cnn.com",), ("CNN",), r"^©.*\bCable News Network\b", "Warner Bros. Discovery", "broadcaster"),
    OutletRule("The New York Times", ("nytimes.com",), (), r"^©.*The New York Times Company",
               "The New York Times Company"),
    OutletRule("Al Jazeera", ("aljazeera.com",), ("Al Jazeera",), r"^©.*Al Jazeera", "Al Jazeera Media Network",
               "broadcaster"),
    OutletRule("NBC News", ("nbcnews.com",), ("NBC News",), "", "NBCUniversal", "broadcaster"),
    OutletRule("MSNBC", ("msnbc.com",), ("MSNBC",), "", "NBCUniversal", "broadcaster"),
    OutletRule("CNBC", ("cnbc.com",), ("CNBC",), "", "NBCUniversal", "broadcaster"),
    OutletRule("CBS News", ("cbsnews.com",), ("CBS News",), "", "Paramount", "broadcaster"),
    OutletRule("ABC News", ("abcnews.go.com",), ("ABC News",), "", "Disney", "broadcaster"),
    OutletRule("Fox News", ("foxnews.com",), ("Fox News",), "", "Fox Corporation", "broadcaster"),
    OutletRule("NPR", ("npr.org",), ("NPR",), "", kind="broadcaster"),
    OutletRule("The Washington Post", ("washingtonpost.com",), ("The Washington Post",), ""),
    OutletRule("The Wall Street Journal", ("wsj.com",), ("The Wall Street Journal",), "", "News Corp"),
    OutletRule("USA Today", ("usatoday.com",), ("USA TODAY", "USA Today"), "", "Gannett"),
    OutletRule("Los Angeles Times", ("latimes.com",), ("Los Angeles Times",), ""),
    OutletRule("Bloomberg", ("bloomberg.com",), ("Bloomberg",), ""),
    OutletRule("Politico", ("politico.com",), ("POLITICO", "Politico"), ""),
    OutletRule("The Hill", ("thehill.com",), ("The Hill",), ""),
    OutletRule("HuffPost", ("huffpost.com", "huffingtonpost.com"), ("HuffPost", "The Huffington Post"), ""),
    OutletRule("Yahoo News", ("news.yahoo.com", "yahoo.com"), ("Yahoo News",), "", "Yahoo", "aggregator"),
    OutletRule("The Telegraph", ("telegraph.co.uk",), ("The Telegraph",), ""),
    OutletRule("The Independent", ("independent.co.uk",), ("The Independent",), ""),
    OutletRule("Daily Mail", ("dailymail.co.uk",), ("Daily Mail", "MailOnline"), "", "DMG Media"),
    OutletRule("Time", ("time.com",), ("TIME",), ""),
    OutletRule("Newsweek", ("newsweek.com",), ("Newsweek",), ""),
    OutletRule("The Atlantic", ("theatlantic.com",), ("The Atlantic",), ""),
    OutletRule("Slate", ("slate.com",), ("Slate",), ""),
    OutletRule("Vox", ("vox.com",), ("Vox",), "", "Vox Media"),
    OutletRule("Business Insider", ("businessinsider.com",), ("Business Insider",), ""),
    OutletRule("People", ("people.com",), ("People",), ""),
    OutletRule("TMZ", ("tmz.com",), ("TMZ",), ""),
]  # fmt: skip

_FOOTERS = [(rule, re.compile(rule.footer, re.IGNORECASE)) for rule in OUTLET_RULES if rule.footer]
_MASTHEADS = {alias.casefold(): rule for rule in OUTLET_RULES for alias in rule.mastheads if len(alias) > 2}
_BY_NAME = {rule.name.casefold(): rule for rule in OUTLET_RULES} | {
    alias.casefold(): rule for rule in OUTLET_RULES for alias in rule.mastheads
}
_MAX_FURNITURE_WORDS = 20

# Agencies by the credits their copy carries. Measured on the tune half of the trust labels: the
# dateline credit is the one mark most republished wire copy keeps.
WIRE_CREDITS: dict[str, str] = {
    "AP": "Associated Press",
    "Associated Press": "Associated Press",
    "Reuters": "Reuters",
    "AFP": "Agence France-Presse",
    "Agence France-Presse": "Agence France-Presse",
    "UPI": "United Press International",
    "Xinhua": "Xinhua",
}
_CREDIT = "|".join(sorted(map(re.escape, WIRE_CREDITS), key=len, reverse=True))
# "WASHINGTON (AP) —", "(Reuters) -", "PARIS, March 3 (AFP) –": a credit in parentheses before a dash.
_DATELINE_CREDIT = re.compile(rf"\((?P<wire>{_CREDIT})\)\s*[-—–:]")
_WIRE_BYLINE = re.compile(rf"^(?:By\s+)?(?:The\s+)?(?P<wire>{_CREDIT})(?:\s+(?:Writer|Staff))?\s*$", re.IGNORECASE)
_WIRE_COPYRIGHT = re.compile(
    rf"(?:Copyright|©)\s*(?:\d{{4}}\s+)?(?:The\s+)?(?P<wire>{_CREDIT})\b.{{0,40}}(?:All rights reserved|"
    r"may not be (?:published|reproduced))",
    re.IGNORECASE,
)
_HEAD_CHARS = 400  # a dateline credit stands at the start of the body, after headline and byline


def masthead_outlet(line: str) -> str | None:
    """The outlet a line names when the line is nothing but that outlet's name, else None."""
    return rule.name if (rule := _MASTHEADS.get(" ".join(line.split()).casefold())) else None


def host_of(url: str) -> str:
    """The URL's lower-cased host; "" for a URL that does not parse ("http://[::1")."""
    try:
        return (urlparse(url).hostname or "").lower()
    except ValueError:
        return ""


def _host_matches(host: str, domain: str) -> bool:
    return host == domain or host.endswith("." + domain)


def rule_for_host(host: str) -> OutletRule | None:
    return next((r for r in OUTLET_RULES if any(_host_matches(host, d) for d in r.domains)), None)


def rule_for_name(name: str) -> OutletRule | None:
    """The built-in row of an outlet name or masthead alias ("BBC News" -> BBC)."""
    return _BY_NAME.get(" ".join(name.split()).casefold())


def outlet_from_url(url: str) -> Extracted[str] | None:
    host = host_of(url)
    rule = rule_for_host(host)
    return Extracted(rule.name, f"url:{host}", 0.95) if rule else None


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


def wire_from_text(text: str) -> Extracted[str] | None:
    """The agency whose copy ``text`` is, from a dateline credit, an agency byline or the agency's
    copyright notice; None for an outlet's own report (even one crediting an agency's help)."""
    head = text[:_HEAD_CHARS]
    if m := _DATELINE_CREDIT.search(head):
        return Extracted(WIRE_CREDITS[m.group("wire")], f"text:dateline '{m.group(0)}'", 0.9)
    for line in head.splitlines()[:6]:
        if m := _WIRE_BYLINE.match(line.strip()):
            return Extracted(_credit(m.group("wire")), f"text:byline '{line.strip()[:40]}'", 0.85)
    if m := _WIRE_COPYRIGHT.search(text[-_HEAD_CHARS:]):
        return Extracted(_credit(m.group("wire")), f"text:copyright '{m.group(0)[:40]}'", 0.85)
    return None


def _credit(found: str) -> str:
    return next(name for credit, name in WIRE_CREDITS.items() if credit.casefold() == found.casefold())


# --- user-supplied outlet facts ------------------------------------------------------------

OUTLET_FIELDS = ("domain", "name", "owner", "country", "type", "lean")


@dataclass(frozen=True, slots=True)
class OutletFacts:
    """One row of a user's outlet table (``--outlets FILE``); empty strings where not given."""

    domain: str
    name: str
    owner: str = ""
    country: str = ""
    type: str = ""
    lean: str = ""


@lru_cache(maxsize=8)
def load_outlet_table(path: str) -> tuple[OutletFacts, ...]:
    """Rows of a CSV (header ``domain,name,owner,country,type,lean``) or JSON file (a list of
    objects with those keys); ``domain`` and ``name`` are required. Raises :class:`InputError`."""
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(path, f"cannot read the outlet table ({exc.__class__.__name__})") from None
    try:
        rows = json.loads(text) if file.suffix.lower() == ".json" else list(csv.DictReader(text.splitlines()))
    except ValueError as exc:
        raise InputError(path, f"not a valid outlet table: {exc}") from None
    if not isinstance(rows, list):
        raise InputError(path, "an outlet table is a list of rows")
    table = []
    for number, row in enumerate(rows, start=1):
        if not isinstance(row, dict) or not all(str(row.get(key) or "").strip() for key in ("domain", "name")):
            raise InputError(path, f"row {number} needs a domain and a name (columns: {', '.join(OUTLET_FIELDS)})")
        table.append(OutletFacts(**{k: str(row.get(k) or "").strip() for k in OUTLET_FIELDS}))
    return tuple(table)


def user_facts(table: tuple[OutletFacts, ...], host: str, name: str | None) -> OutletFacts | None:
    """The user's row for a source: by its URL's host, else by its outlet name."""
    for row in table:
        if host and _host_matches(host, row.domain.lower().removeprefix("www.")):
            return row
    if name:
        return next((row for row in table if row.name.casefold() == name.casefold()), None)
    return None
