"""A self-contained HTML report: one file, inline CSS and JS, no network, every source string escaped.

The page is built on the server side from the typed view of :mod:`newsbrief.render.view`, the
one the Markdown renders from too (the embedded "Download JSON" is
:func:`newsbrief.render.json.brief_to_dict`). All markup is produced here with :func:`html.escape`;
the inline script only toggles CSS classes and reads ``data-targets`` attributes, so untrusted
article text never reaches ``innerHTML``. A Content-Security-Policy that allows only the
report's own script (by hash) is a second line of defence.

Sentence anchors are ``s<source>-<index>`` (the ``Sentence.key`` ``"<source>:<index>"``); a
citation marker lists the anchors it highlights in ``data-targets``.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import itertools
import json
import math
from collections import defaultdict
from functools import cache
from html import escape
from importlib import resources
from typing import Any

from newsbrief.isodate import parse_start
from newsbrief.model import Brief, ConflictSide, Quote, TimelineEvent
from newsbrief.render import RENDERERS
from newsbrief.render.json import brief_to_dict
from newsbrief.render.view import BriefView, Places, SourceView, brief_view, summary_places
from newsbrief.textsim import word_count

PALETTE_SIZE = 8  # CSS defines colours .c1 ... .c8; source ids cycle through them
MATRIX_ROWS = 15  # the coverage matrix shows the most corroborated facts first
ONLY_HERE_ITEMS = 3  # "what only it contributes" lines per source card
ENTITY_CHIPS = 24
QUOTES_SHOWN = 3  # per speaker; the rest fold into "N more"
TIMELINE_WIDTH = 720
LABEL_CHAR_PX = 6.2  # width of one character of an 11 px axis label
TIMELINE_STACK = 6  # dots stacked above one day before a "+N"


@cache
def asset(name: str) -> str:
    """A text file shipped next to this module (``report.css``, ``report.js`` …)."""
    return resources.files("newsbrief.render").joinpath(name).read_text(encoding="utf-8")


def script_hash(script: str) -> str:
    """The CSP source expression that allows exactly this inline script."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def json_for_script(data: Any) -> str:
    """JSON safe inside ``<script type="application/json">``: no ``<`` can close the element."""
    return (
        json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        .replace("<", "\\u003c")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _e(value: Any) -> str:
    return escape(str(value), quote=True)


def _anchor(source: int, sentence: int) -> str:
    return f"s{source}-{sentence}"


def _colour(source: int) -> str:
    return f"c{(source - 1) % PALETTE_SIZE + 1}"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _safe_url(url: str | None) -> str | None:
    """Only plain web links become ``href``s (never ``javascript:`` or ``data:``)."""
    if url and url.lower().startswith(("http://", "https://")):
        return url
    return None


def _cite(source: int, anchors: list[str], label: str | None = None) -> str:
    """A citation marker: a button that highlights ``anchors`` in source ``source``."""
    text = _e(label if label is not None else source)
    return (
        f'<button type="button" class="cite {_colour(source)}" data-targets="{_e(" ".join(anchors))}" '
        f'title="Show in source {source}">{text}</button>'
    )


def _cites_for(pairs: list[tuple[int, int]]) -> str:
    """Markers for (source, sentence) pairs, one per source, in first-seen order."""
    by_source: dict[int, list[str]] = {}
    for source, sentence in pairs:
        anchors = by_source.setdefault(source, [])
        if (anchor := _anchor(source, sentence)) not in anchors:
            anchors.append(anchor)
    return '<span class="cites">' + "".join(_cite(s, a) for s, a in by_source.items()) + "</span>"


class _Report:
    """Builds the page section by section; each section is omitted when it has no data."""

    def __init__(self, view: BriefView) -> None:
        self.view = view
        self.brief = view.brief
        self.analysis = view.analysis
        self.published = view.published  # metadata first, else the analysis's one-day estimate
        self.nav: list[tuple[str, str]] = []

    def section(self, anchor: str, title: str, body: str, intro: str = "") -> str:
        self.nav.append((anchor, title))
        intro_html = f'<p class="intro">{intro}</p>' if intro else ""
        return f'<section id="{anchor}"><h2>{_e(title)}</h2>{intro_html}{body}</section>'

    def source_label(self, source: int) -> str:
        found = self.view.source(source)
        return found.label if found else f"Source {source}"

    # --- sections ---------------------------------------------------------------------

    def summary(self) -> str:
        items = self.brief.summary
        if not items:
            return self.section("summary", "Summary", '<p class="empty">No sentence could be selected.</p>')
        rows = []
        for number, item in enumerate(items, start=1):
            pairs = summary_places(item)
            every = " ".join(_anchor(s, i) for s, i in pairs)
            # An outdated statement this sentence replaced (summarizers.order.supersede), shown, not hidden.
            superseded = "".join(
                f'<p class="superseded">Superseded: “{_e(old.text)}” {_cites_for([(old.source, old.sentence)])}'
                f"{_e(f', published {old.published}' if old.published else '')} ({_e(old.reason)})</p>"
                for old in item.superseded
            )
            rows.append(
                f'<li id="sum-{number}"><span class="sum-text" data-targets="{_e(every)}" tabindex="0">'
                f"{_e(item.text)}</span> {_cites_for(pairs)}{superseded}</li>"
            )
        intro = "Click or hover a source number to see the sentence it comes from, highlighted in the source texts."
        return self.section("summary", "Summary", f'<ol class="summary">{"".join(rows)}</ol>', intro)

    def coverage(self) -> str:
        """Key facts × sources: a filled cell links to the sentence where that source says it."""
        facts = self.view.key_facts
        rows: list[tuple[str, Places, list[int], int]]
        if facts:
            rows = [
                (fact.text, [(m.source, m.sentence) for m in fact.members], fact.sources, fact.independent_outlets)
                for fact in facts
            ][:MATRIX_ROWS]
            title, intro = "Key facts", "Statements several outlets make; # counts independent outlets."
        else:
            rows = [
                (item.text, summary_places(item), item.sources, len(set(item.sources))) for item in self.brief.summary
            ]
            title, intro = "Coverage", "Which sources support each summary sentence; # counts them."
        if not rows:
            return ""
        head = "".join(
            f'<th scope="col" class="{_colour(s.id)}"><span class="badge">{s.id}</span>'
            f'<span class="col-name">{_e(_shorten(s.label, 14))}</span></th>'
            for s in self.view.sources
        )
        body = []
        for text, pairs, sources, count in rows:
            anchors: dict[int, list[str]] = defaultdict(list)
            for source, sentence in pairs:
                anchors[source].append(_anchor(source, sentence))
            cells = []
            for s in self.view.sources:
                sid = s.id
                if anchors.get(sid):
                    cells.append(f'<td class="hit">{_cite(sid, anchors[sid], "●")}</td>')
                elif sid in sources:
                    cells.append(f'<td class="hit"><span class="dot {_colour(sid)}" title="source {sid}">●</span></td>')
                else:
                    cells.append('<td class="miss"><span class="sr">not in this source</span></td>')
            body.append(
                f'<tr><th scope="row">{_e(_shorten(text, 160))}</th>{"".join(cells)}<td class="count">{count}</td></tr>'
            )
        table = (
            f'<div class="scroll-x"><table class="matrix"><thead><tr><th scope="col">Statement</th>{head}'
            f'<th scope="col" title="how many outlets">#</th></tr></thead><tbody>{"".join(body)}</tbody></table></div>'
        )
        return self.section("coverage", title, table, intro)

    def timeline(self) -> str:
        events = sorted(
            (e for e in self.analysis.timeline if parse_start(e.date)), key=lambda e: (e.date, e.source, e.sentence)
        )
        if not events:
            return ""
        chart = _timeline_svg(events, self.published)
        items = []
        for event in events:
            cites = _cites_for([(event.source, event.sentence)])
            # other sources reporting the same event: named, not linked (the analysis gives no sentence)
            others = "".join(
                f'<span class="also {_colour(s)}" title="also reported by source {s}">{s}</span>'
                for s in event.sources
                if s != event.source
            )
            when = _e(_date_label(event.date)) + (
                f' <span class="muted">“{_e(event.date_text)}”</span>' if event.date_text else ""
            )
            items.append(
                f'<li><time datetime="{_e(event.date)}">{when}</time>'
                f'<div><span class="event-text">{_e(_shorten(event.text, 280))}</span> {cites}{others}</div></li>'
            )
        body = f'<figure class="chart">{chart}</figure><ol class="events">{"".join(items)}</ol>'
        intro = "Dated events, oldest first: ● an event, coloured by its source; ◇ a source's publication date."
        return self.section("timeline", "Timeline", body, intro)

    def quotes(self) -> str:
        quotes = self.analysis.quotes
        statements = [q for q in quotes if not q.is_fragment]
        if not statements:
            return ""
        groups: dict[str, list[Quote]] = defaultdict(list)
        for quote in statements:
            groups[quote.speaker or "Unattributed"].append(quote)
        order = sorted(groups, key=lambda name: (name == "Unattributed", -len(groups[name]), name))
        blocks = []
        for speaker in order:
            rows = []
            # their own words first, then reported speech; each in story order
            for quote in sorted(groups[speaker], key=lambda q: (q.kind != "direct", q.source, q.sentence)):
                kind = "" if quote.kind == "direct" else '<span class="kind-note">reported:</span> '
                cue = f' <span class="muted">({_e(quote.cue)})</span>' if quote.cue else ""
                cites = _cites_for([(quote.source, quote.sentence)])
                rows.append(f"<li>{kind}<q>{_e(quote.text)}</q>{cue} {cites}</li>")
            more = ""
            if len(rows) > QUOTES_SHOWN:
                more = (
                    f'<details><summary>{len(rows) - QUOTES_SHOWN} more</summary><ul class="quotes">'
                    f"{''.join(rows[QUOTES_SHOWN:])}</ul></details>"
                )
            blocks.append(
                f'<div class="speaker"><h3>{_e(speaker)} <span class="muted">{len(groups[speaker])}</span></h3>'
                f'<ul class="quotes">{"".join(rows[:QUOTES_SHOWN])}</ul>{more}</div>'
            )
        fragments = len(quotes) - len(statements)
        note = (
            f'<p class="muted">{_count(fragments, "scare-quoted fragment")} not shown as statements.</p>'
            if fragments
            else ""
        )
        return self.section("quotes", "Who said what", f'<div class="speakers">{"".join(blocks)}</div>{note}')

    def conflicts(self) -> str:
        conflicts = self.analysis.conflicts
        if not conflicts:
            return ""
        blocks = []
        for conflict in conflicts:
            sides = "".join(
                f'<div class="side {_colour(side.source)}"><div class="value">{_e(side.value)}</div>'
                f"<p>{_e(_shorten(side.text, 320))}</p>"
                f'<div class="side-source">{_cite(side.source, [_anchor(side.source, side.sentence)])} '
                f"{_e(self.source_label(side.source))}{_attributed(side)}</div></div>"
                for side in conflict.sides
            )
            explanation = f'<p class="muted">{_e(conflict.explanation)}</p>' if conflict.explanation else ""
            blocks.append(
                f'<div class="conflict"><h3><span class="tag">{_e(conflict.kind)}</span> {_e(conflict.topic)}'
                f'</h3>{explanation}<div class="sides">{sides}</div></div>'
            )
        return self.section("conflicts", "Where sources differ", "".join(blocks))

    def entities(self) -> str:
        entities = sorted(self.analysis.entities, key=lambda e: (-e.mention_count, e.name))[:ENTITY_CHIPS]
        if not entities:
            return ""
        chips = []
        for entity in entities:
            counts = entity.mentions_per_source
            aliases = [a for a in entity.aliases if a != entity.name]
            alias_text = f' <span class="muted">also “{_e("”, “".join(aliases[:4]))}”</span>' if aliases else ""
            per_source = " · ".join(f"{_e(s)}: {n}" for s, n in sorted(counts.items(), key=lambda kv: int(kv[0])))
            chips.append(
                f'<li class="entity {_e(entity.label.lower())}" title="mentions per source — {per_source}">'
                f'<span class="tag">{_e(entity.label)}</span> {_e(entity.name)} '
                f'<span class="muted">×{entity.mention_count}</span>{alias_text}</li>'
            )
        return self.section("entities", "Who and where", f'<ul class="entities">{"".join(chips)}</ul>')

    def date_html(self, source: SourceView) -> str:
        """The source's date: from metadata, or estimated (one day or a range) with its evidence."""
        if source.article.published:
            day = source.article.published.value
            return f'<time datetime="{_e(day)}">{_e(day)}</time>'
        estimate = source.estimate
        if not estimate:
            return ""
        if estimate.iso:
            when = f'<time datetime="{_e(estimate.iso)}">{_e(estimate.iso)}</time>'
        elif estimate.earliest and estimate.latest:
            when = f"between {_e(estimate.earliest)} and {_e(estimate.latest)}"
        elif estimate.earliest:
            when = f"on or after {_e(estimate.earliest)}"
        elif estimate.latest:
            when = f"by {_e(estimate.latest)}"
        else:
            return ""
        evidence = "; ".join(estimate.evidence) or estimate.provenance
        return (
            f'{when} <span class="muted" title="{_e(evidence)}">(estimated from the text, '
            f"{estimate.confidence:.0%})</span>"
        )

    def source_cards(self) -> str:
        cards = []
        for s in self.view.sources:
            sid, article = s.id, s.article
            url = _safe_url(article.url.value if article.url else None)
            title = _e(article.title_text or "(untitled)")
            title_html = f'<a href="{_e(url)}" rel="noopener noreferrer nofollow">{title}</a>' if url else title
            facts = [_count(word_count(article.text), "word"), _count(len(article.sentences), "sentence")]
            date_html = self.date_html(s)
            if date_html:
                facts.insert(0, date_html)
            profile = s.profile
            if profile is not None:
                if profile.wire:
                    facts.append(f"{_e(profile.wire)} wire copy")
                if profile.copy_of is not None:
                    facts.append(f"copy of source {profile.copy_of}")
                facts += [_e(value) for value in (profile.owner, profile.country, profile.type) if value]
                if profile.lean:
                    facts.append(f"lean {_e(profile.lean)}")
            kind = s.kind
            kind_html = ""
            if kind:
                signals = "".join(f"<li>{_e(reason)}</li>" for reason in kind.reasons())
                kind_html = (
                    f'<details class="kind {_e(kind.label)}"><summary><span class="tag">{_e(kind.label)}</span> '
                    f'<span class="muted">{kind.confidence:.0%} sure</span></summary><ul>{signals}</ul></details>'
                )
            unique = self.view.only_here(sid)[:ONLY_HERE_ITEMS]
            unique_html = ""
            if unique:
                lines = "".join(f"<li>{_e(_shorten(text, 200))} {_cites_for(pairs)}</li>" for text, pairs in unique)
                unique_html = f'<div class="only"><h4>Only here</h4><ul>{lines}</ul></div>'
            cards.append(
                f'<article class="card {_colour(sid)}"><header><span class="badge">{sid}</span> '
                f'<span class="outlet">{_e(article.outlet_name or "unknown outlet")}</span>{kind_html}</header>'
                f'<h3>{title_html}</h3><p class="facts">{" · ".join(facts)}</p>{unique_html}</article>'
            )
        return self.section("sources", "Sources", f'<div class="cards">{"".join(cards)}</div>')

    def texts(self) -> str:
        columns = []
        for s in self.view.sources:
            sid, text = s.id, s.article.text
            parts, position = [], 0
            for index, sentence in enumerate(s.article.sentences):
                start, end = sentence.start, sentence.end
                parts.append(_e(text[position:start]))
                parts.append(f'<span class="s" id="{_anchor(sid, index)}">{_e(text[start:end])}</span>')
                position = end
            parts.append(_e(text[position:]))
            columns.append(
                f'<article class="src {_colour(sid)}" id="src-{sid}"><h3><span class="badge">{sid}</span> '
                f'{_e(_shorten(s.label, 40))}</h3><div class="text">{"".join(parts)}</div></article>'
            )
        self.nav.append(("texts", "Source texts"))
        return (
            '<aside id="texts" aria-label="Source texts"><h2>Source texts</h2>'
            f'<div class="columns">{"".join(columns)}</div></aside>'
        )

    def warnings(self) -> str:
        if not self.brief.warnings:
            return ""
        items = "".join(f"<li>{_e(w)}</li>" for w in self.brief.warnings)
        return self.section("warnings", "Warnings", f"<ul>{items}</ul>")


def _attributed(side: ConflictSide) -> str:
    return f' <span class="muted">according to {_e(side.attributed_to)}</span>' if side.attributed_to else ""


def _timeline_day(value: str) -> dt.date:
    """A day on the timeline axis: only days that parse are placed there (events and publications are filtered)."""
    day = parse_start(value)
    if day is None:
        raise ValueError(f"timeline day {value!r} is not an ISO date")
    return day


def _date_label(iso: str) -> str:
    """Short axis label: an interval within one year as ``2014-03-03/03-09``."""
    start, _, end = iso.partition("/")
    return f"{start}/{end[5:]}" if end and end[:4] == start[:4] else iso


def _timeline_svg(events: list[TimelineEvent], published_on: dict[int, str]) -> str:
    """Events on a date axis (one dot per event, stacked by day) and publication dates as diamonds.

    Distinct days are spaced by ``1 + log(1 + days between)``: a history date years back stays on
    the chart without squeezing a week of news into one point; order and relative gaps survive.
    """
    dated: dict[str, list[TimelineEvent]] = defaultdict(list)
    for event in events:
        dated[event.date].append(event)
    published: dict[str, list[int]] = defaultdict(list)
    for sid, day in sorted(published_on.items()):
        if parse_start(day):
            published[day].append(sid)
    days = sorted(set(dated) | set(published), key=lambda d: (parse_start(d), d))
    offsets = [0.0]
    for before, after in itertools.pairwise(days):
        offsets.append(offsets[-1] + 1 + math.log1p(max((_timeline_day(after) - _timeline_day(before)).days, 0)))
    left, right, step = 50, TIMELINE_WIDTH - 50, 15
    stack = min(max((len(v) for v in dated.values()), default=1), TIMELINE_STACK)
    axis_y = 24 + stack * step
    label_rows = [-1e9] * 3  # right end of the last label in each row, so labels do not overlap

    def x_of(index: int) -> float:
        return (left + right) / 2 if offsets[-1] == 0 else left + (right - left) * offsets[index] / offsets[-1]

    parts = [f'<line class="axis" x1="{left - 20}" y1="{axis_y}" x2="{right + 20}" y2="{axis_y}"/>']
    for index, day in enumerate(days):
        x = x_of(index)
        parts.append(f'<line class="tick" x1="{x:.1f}" y1="{axis_y - 4}" x2="{x:.1f}" y2="{axis_y + 4}"/>')
        label = _date_label(day)
        half = len(label) * LABEL_CHAR_PX / 2
        label_x = min(max(x, half), TIMELINE_WIDTH - half)
        row = next((r for r, end in enumerate(label_rows) if label_x - half >= end + 6), None)
        if row is None:
            row = label_rows.index(min(label_rows))
        label_rows[row] = label_x + half
        parts.append(f'<text class="label" x="{label_x:.1f}" y="{axis_y + 18 + row * 13}">{_e(label)}</text>')
        day_events = dated.get(day, [])
        for level, event in enumerate(day_events[:TIMELINE_STACK]):
            tip = f"{day}: {_shorten(event.text, 160)} (source {event.source})"
            parts.append(
                f'<circle class="ev {_colour(event.source)}" cx="{x:.1f}" cy="{axis_y - 12 - level * step}" r="6">'
                f"<title>{_e(tip)}</title></circle>"
            )
        if len(day_events) > TIMELINE_STACK:
            parts.append(
                f'<text class="label" x="{x + 12:.1f}" y="{axis_y - 8 - (TIMELINE_STACK - 1) * step}">'
                f"+{len(day_events) - TIMELINE_STACK}</text>"
            )
        for level, sid in enumerate(published.get(day, [])):
            px, y = x + level * 13, axis_y + 62
            parts.append(
                f'<rect class="pub {_colour(sid)}" x="{px - 5:.1f}" y="{y - 5}" width="10" height="10" '
                f'transform="rotate(45 {px:.1f} {y})"><title>source {sid} published {_e(day)}</title></rect>'
            )
    height = axis_y + (75 if published else 60)
    return (
        f'<svg viewBox="0 0 {TIMELINE_WIDTH} {height}" role="img" aria-label="Timeline of dated events">'
        f"{''.join(parts)}</svg>"
    )


@RENDERERS.register("html")
def render(brief: Brief) -> str:
    """The report page, rendered from the typed view (:mod:`newsbrief.render.view`) as the Markdown is."""
    report = _Report(brief_view(brief))
    main = "".join(
        [
            report.summary(),
            report.coverage(),
            report.timeline(),
            report.quotes(),
            report.conflicts(),
            report.entities(),
            report.source_cards(),
            report.warnings(),
        ]
    )
    texts = report.texts()
    # The embedded JSON ("Download JSON") is the --format json output without the source texts
    # (they are in the page already) and without the per-sentence scores, the largest part and
    # debugging data rather than reading matter (the example: 67 of 230 KB).
    embedded = {k: v for k, v in brief_to_dict(brief).items() if k != "scores"}
    outlets = sorted({name for a in brief.sources if (name := a.outlet_name)})
    dates = sorted(report.published.values())
    subtitle = _count(len(brief.sources), "source")
    if outlets:
        subtitle += ": " + ", ".join(outlets)
    if dates:
        subtitle += f" · {dates[0]}" + (f" to {dates[-1]}" if dates[-1] != dates[0] else "")
    nav = "".join(f'<a href="#{a}">{_e(t)}</a>' for a, t in report.nav)
    script = asset("report.js")
    csp = (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        f"script-src {script_hash(script)}; base-uri 'none'; form-action 'none'"
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">'  # our constant: no quotes to escape
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="generator" content="newsbrief">'
        f"<title>Briefing — {_e(subtitle)}</title><style>{asset('report.css')}</style></head>"
        '<body><header class="top"><div><h1>Briefing</h1>'
        f'<p class="subtitle">{_e(subtitle)} · {_count(brief.word_count, "word")} · '
        f"summarizer {_e(brief.summarizer)}</p></div>"
        f'<nav aria-label="Sections">{nav}</nav>'
        '<div class="tools"><button type="button" id="download-json" '
        'title="The brief as JSON, without per-sentence scores (newsbrief brief --format json has them)">'
        "Download JSON</button>"
        '<button type="button" id="print">Print</button></div></header>'
        f'<div class="layout"><main>{main}</main>{texts}</div>'
        f'<script type="application/json" id="brief-data">{json_for_script(embedded)}</script>'
        f"<script>{script}</script></body></html>\n"
    )
