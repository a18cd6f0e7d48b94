"""Markdown for the terminal: the summary with ``[1][3]`` citation markers, then the analysis
(key facts, who said what, timeline, where sources differ) and the sources with their type.
It renders from the typed view of :mod:`newsbrief.render.view`, as the HTML report does.

Every piece of source text goes through :func:`_escape`: it is untrusted and must not open
links, images or HTML. Long lists are cut to the most supported items; the JSON output carries
everything.
"""

from __future__ import annotations

from collections import defaultdict

from newsbrief.model import Analysis, Article, Brief, OutletProfile, PublicationDate, Quote, SourceType
from newsbrief.render import RENDERERS
from newsbrief.render.view import BriefView, brief_view

MAX_FACTS = 8
MAX_SINGLE_SOURCE = 5
MAX_SPEAKERS = 8
MAX_QUOTES_PER_SPEAKER = 3
MAX_EVENTS = 15
MAX_CONFLICTS = 10


def citation_markers(source_ids: list[int]) -> str:
    return "".join(f"[{i}]" for i in source_ids)


def _published(article: Article, estimate: PublicationDate | None) -> str:
    if article.published:
        return f", {article.published.value}"
    if estimate is None or (estimate.earliest is None and estimate.latest is None):
        return ", date unknown"
    if estimate.iso:
        return f", {estimate.iso} (estimated from the text, confidence {estimate.confidence:.1f})"
    if estimate.earliest and estimate.latest:
        return f", between {estimate.earliest} and {estimate.latest} (estimated from the text)"
    return f", on or after {estimate.earliest} (estimated)" if estimate.earliest else f", before {estimate.latest}"


def _outlet_facts(profile: OutletProfile | None) -> str:
    """ ", Associated Press wire copy; owner Gannett, US, newspaper, lean centre" for a source card."""
    if profile is None:
        return ""
    parts = [f"{profile.wire} wire copy"] if profile.wire else []
    if profile.copy_of is not None:
        parts.append(f"copy of source {profile.copy_of}")
    owner = profile.owner or profile.parent
    facts = [f"owner {owner}" if owner and owner != profile.name else "", profile.country, profile.type]
    facts.append(f"lean {profile.lean}" if profile.lean else "")
    if any(facts):
        parts.append(", ".join(f for f in facts if f))
    return f" ({_escape('; '.join(parts))})" if parts else ""


def source_line(
    article: Article,
    estimate: PublicationDate | None = None,
    kind: SourceType | None = None,
    profile: OutletProfile | None = None,
) -> str:
    title = _escape(article.title_text) or "(untitled)"
    name = profile.name if profile and profile.name else article.outlet_name
    outlet = f" — {_escape(name or '')}{_outlet_facts(profile)}" if name or (profile and profile.wire) else ""
    published = _published(article, estimate) if estimate or article.published else ""
    line = f"{article.id}. {title}{outlet}{published} ({_escape(article.path)})"
    if kind is not None:
        label = "analysis/opinion" if kind.label == "opinion" else "news report"
        reasons = "; ".join(kind.reasons()[:3])
        line += f"\n   - {label} ({reasons})"
    return line


def _escape(text: str) -> str:
    # Source text is untrusted: keep it from opening Markdown links, images, code or HTML.
    return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]").replace("<", "&lt;").replace("`", "\\`")


def _key_facts(view: BriefView) -> list[str]:
    analysis = view.analysis
    lines = ["## Key facts", ""]
    corroborated = view.key_facts[:MAX_FACTS]
    if corroborated:
        lines += [
            f"- {_escape(f.text)} {citation_markers(f.sources)} ({f.independent_outlets} independent outlets)"
            for f in corroborated
        ]
    else:
        lines.append("(no statement is made by two independent outlets)")
    if analysis.single_source_claims:
        lines += ["", "Reported by one source only:", ""]
        lines += [
            f"- {_escape(f.text)} {citation_markers(f.sources)}"
            for f in analysis.single_source_claims[:MAX_SINGLE_SOURCE]
        ]
    return lines


def _coverage(view: BriefView) -> list[str]:
    """Which independent outlets carry each key fact, and which carry none of them."""
    analysis = view.analysis
    corroborated = view.key_facts[:MAX_FACTS]
    if not corroborated:
        return []
    kinds = {p.independence: p.type for p in analysis.outlets if p.type}
    everyone = list(dict.fromkeys(p.independence for p in analysis.outlets))

    def named(key: str) -> str:
        return _escape(key.removeprefix("wire:") + (" (wire)" if key.startswith("wire:") else "")) + (
            f" [{_escape(kinds[key])}]" if key in kinds and not key.startswith("wire:") else ""
        )

    lines = ["## Coverage", ""]
    for number, fact in enumerate(corroborated, start=1):
        lines.append(f"- fact {number}: {', '.join(named(k) for k in fact.outlets)}")
    carried = {k for f in corroborated for k in f.outlets}
    silent = [k for k in everyone if k not in carried]
    lines.append(
        f"- none of these facts: {', '.join(named(k) for k in silent) if silent else '(every outlet carries one)'}"
    )
    return lines


def _quote_line(quote: Quote) -> str:
    if quote.kind == "direct":
        return f"  - “{_escape(quote.text)}” [{quote.source}]"
    return f"  - (reported) {_escape(quote.text)} [{quote.source}]"


def _who_said_what(analysis: Analysis) -> list[str]:
    lines = ["## Who said what", ""]
    by_speaker: dict[str, list[Quote]] = defaultdict(list)
    for quote in analysis.quotes:
        if not quote.is_fragment and quote.speaker:
            by_speaker[quote.speaker].append(quote)
    if not by_speaker:
        return [*lines, "(no attributed quotes)"]
    ranked = sorted(by_speaker, key=lambda s: (-sum(q.kind == "direct" for q in by_speaker[s]), -len(by_speaker[s]), s))
    for speaker in ranked[:MAX_SPEAKERS]:
        quotes = sorted(by_speaker[speaker], key=lambda q: (q.kind != "direct", q.source, q.start))
        lines.append(f"- **{_escape(speaker)}**")
        lines += [_quote_line(q) for q in quotes[:MAX_QUOTES_PER_SPEAKER]]
    unattributed = sum(1 for q in analysis.quotes if not q.is_fragment and not q.speaker)
    if unattributed:
        lines += ["", f"({unattributed} quote(s) without a speaker the text names)"]
    return lines


def _timeline(analysis: Analysis) -> list[str]:
    lines = ["## Timeline", ""]
    events = analysis.timeline
    if len(events) > MAX_EVENTS:  # keep the best supported, then show them in date order
        keep = sorted(range(len(events)), key=lambda i: (-len(events[i].sources), -events[i].confidence, i))
        events = [events[i] for i in sorted(keep[:MAX_EVENTS])]
    if events:
        lines += [
            f"- **{e.date}** ({_escape(e.date_text)}) {_escape(e.text)} {citation_markers(e.sources)}" for e in events
        ]
    else:
        lines.append("(no dated events)")
    undated = [p.source for p in analysis.publication_dates if p.earliest is None and p.latest is None]
    if undated:
        lines += [
            "",
            f"Sources {', '.join(map(str, undated))} carry no date evidence: their relative dates "
            '("on Tuesday", "last week") are left unplaced rather than guessed.',
        ]
    return lines


def _differences(analysis: Analysis, brief: Brief) -> list[str]:
    lines = ["## Where sources differ", ""]
    if not analysis.conflicts:
        return [*lines, "(no differing numbers, dates or characterisations found)"]
    for conflict in analysis.conflicts[:MAX_CONFLICTS]:
        lines.append(f"- **{_escape(conflict.topic)}** ({conflict.kind}): {_escape(conflict.explanation)}")
        for side in conflict.sides:
            who = side.attributed_to or brief.source(side.source).outlet_name or f"source {side.source}"
            when = f", published {side.published}" if side.published else ""
            lines.append(f"  - {_escape(who)}{when}: “{_escape(side.value)}” — {_escape(side.text)} [{side.source}]")
    return lines


@RENDERERS.register("markdown")
def render(brief: Brief) -> str:
    lines = ["## Summary", ""]
    if brief.summary:
        for item in brief.summary:
            lines.append(f"{_escape(item.text)} {citation_markers(item.sources)}")
            for old in item.superseded:
                when = f", published {old.published}" if old.published else ""
                lines.append(f"  (superseded: “{_escape(old.text)}” [{old.source}]{when})")
    else:
        lines.append("(no sentence could be selected)")
    view = brief_view(brief)
    if view.analysed:
        for section in (
            _key_facts(view),
            _coverage(view),
            _who_said_what(view.analysis),
            _timeline(view.analysis),
            _differences(view.analysis, brief),
        ):
            if section:
                lines += ["", *section]
    lines += ["", "## Sources", ""]
    lines += [source_line(s.article, s.estimate, s.kind, s.profile) for s in view.sources]
    return "\n".join(lines) + "\n"
