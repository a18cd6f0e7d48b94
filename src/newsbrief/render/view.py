"""The one typed view every renderer reads: a :class:`~newsbrief.model.Brief` with its analysis
joined per source (publication estimate, source type, outlet profile) and the choices the
reports share made once (what a key fact is, what only one source contributes).

Renderers decide layout and how many items to show; what an item *is* is decided here, so the
Markdown and the HTML report cannot disagree on it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newsbrief.model import (
    Analysis,
    Article,
    Brief,
    Fact,
    OutletProfile,
    PublicationDate,
    SourceType,
    SummarySentence,
)

# A key fact is a statement made by at least this many independent outlets (syndicated copies
# and wire reprints count once: Fact.independent_outlets). One outlet is a single-source claim.
KEY_FACT_OUTLETS = 2

# (source id, sentence index) pairs: where a statement stands in the source texts.
Places = list[tuple[int, int]]


@dataclass(frozen=True, slots=True)
class SourceView:
    """One source with what the analysis found about it."""

    article: Article
    estimate: PublicationDate | None = None  # the analysis's publication date (metadata or estimate)
    kind: SourceType | None = None
    profile: OutletProfile | None = None

    @property
    def id(self) -> int:
        return self.article.id

    @property
    def label(self) -> str:
        """How the reports name the source: its outlet, else its title, else "Source N"."""
        return self.article.outlet_name or self.article.title_text or f"Source {self.id}"

    @property
    def published(self) -> str | None:
        """The publication day: from metadata, else the analysis's one-day estimate."""
        if self.article.published:
            return self.article.published.value
        return self.estimate.iso if self.estimate else None


@dataclass(frozen=True, slots=True)
class BriefView:
    brief: Brief
    analysis: Analysis  # empty when the brief was made without analysis
    analysed: bool
    sources: list[SourceView] = field(default_factory=list)

    def source(self, source_id: int) -> SourceView | None:
        return next((s for s in self.sources if s.id == source_id), None)

    @property
    def key_facts(self) -> list[Fact]:
        """Statements at least KEY_FACT_OUTLETS independent outlets make, best supported first
        (the agreement analyser's order)."""
        return [f for f in self.analysis.facts if f.independent_outlets >= KEY_FACT_OUTLETS]

    @property
    def published(self) -> dict[int, str]:
        """Source id -> publication day, for the sources that have one."""
        return {s.id: day for s in self.sources if (day := s.published)}

    def only_here(self, source: int) -> list[tuple[str, Places]]:
        """What only ``source`` contributes: its single-source claims, else the summary sentences
        only it supports."""
        claims = [c for c in self.analysis.single_source_claims if c.sources == [source]]
        if claims:
            return [(c.text, [(m.source, m.sentence) for m in c.members]) for c in claims]
        return [(item.text, [(source, item.sentence)]) for item in self.brief.summary if item.sources == [source]]


def summary_places(item: SummarySentence) -> Places:
    """Where a summary sentence stands: its own sentence first, then each supporting one."""
    return [(item.sources[0], item.sentence), *((s.source, s.sentence) for s in item.support)]


def brief_view(brief: Brief) -> BriefView:
    analysis = brief.analysis or Analysis()
    estimates = {p.source: p for p in analysis.publication_dates}
    kinds = {t.source: t for t in analysis.source_types}
    profiles = {p.source: p for p in analysis.outlets}
    sources = [SourceView(a, estimates.get(a.id), kinds.get(a.id), profiles.get(a.id)) for a in brief.sources]
    return BriefView(brief, analysis, brief.analysis is not None, sources)
