"""Each source's outlet, the wire whose copy it carries, and the key independence counts by.

Independence is by outlet, not by document: two pages of one outlet are one voice, republished
wire copy is the agency's one report wherever it appears, and a near-duplicate copy is the text it
copies. The outlet comes from ingest (metadata, URL, masthead, DOCNO) and the user's outlet table
(``--outlets FILE``) when it knows the source's domain; the wire from the source's own credits
(:func:`newsbrief.ingest.outlets.wire_from_text`). A source nothing names counts on its own.
"""

from __future__ import annotations

from newsbrief.analyse import register
from newsbrief.duplicates import near_duplicate_groups
from newsbrief.ingest.outlets import (
    OutletFacts,
    host_of,
    load_outlet_table,
    rule_for_host,
    rule_for_name,
    user_facts,
    wire_from_text,
)
from newsbrief.model import Analysis, Article, Brief, OutletProfile
from newsbrief.textsim import Cluster


def profile(article: Article, table: tuple[OutletFacts, ...]) -> OutletProfile:
    """The outlet facts of one source (before near-duplicate copies are folded in)."""
    host = host_of(article.url.value) if article.url else ""
    name = article.outlet_name
    provenance = article.outlet.provenance if article.outlet else ""
    facts = user_facts(table, host, name)
    if facts is not None and (not name or facts.name.casefold() != name.casefold()):
        name, provenance = facts.name, f"outlets file: {facts.domain}"
    rule = (rule_for_name(name) if name else None) or (rule_for_host(host) if host else None)
    if rule is not None and not name:
        name, provenance = rule.name, f"url:{host}"
    wire = wire_from_text(article.raw_text)
    if wire is None and rule is not None and rule.kind == "wire":
        wire_name: str | None = rule.name
    else:
        wire_name = wire.value if wire else None
    independence = f"wire:{wire_name}" if wire_name else name or f"source {article.id}"
    return OutletProfile(
        source=article.id,
        name=name,
        independence=independence,
        wire=wire_name,
        parent=rule.parent if rule else "",
        owner=facts.owner if facts else (rule.parent if rule else ""),
        country=facts.country if facts else "",
        type=facts.type if facts and facts.type else (rule.kind if rule else ""),
        lean=facts.lean if facts else "",
        provenance="; ".join(p for p in (provenance, wire.provenance if wire else "") if p),
    )


def outlet_table(brief: Brief | None) -> tuple[OutletFacts, ...]:
    path = brief.options.outlets_file if brief else None
    return load_outlet_table(path) if path else ()


def outlet_profiles(articles: list[Article], table: tuple[OutletFacts, ...] = ()) -> list[OutletProfile]:
    profiles = {a.id: profile(a, table) for a in articles}
    for source, original in near_duplicate_groups(articles).items():
        if source != original:
            profiles[source].copy_of = original
            profiles[source].independence = profiles[original].independence
    return [profiles[a.id] for a in articles]


@register("outlets", assigns=("outlets",))
def analyse_outlets(brief: Brief, cluster: Cluster, analysis: Analysis) -> None:
    analysis.outlets = outlet_profiles(cluster.articles, outlet_table(brief))
