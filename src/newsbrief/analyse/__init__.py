"""Analysis stages over a brief: entities, quotes, dates and timeline, agreement, source types.

Each analyser is a function ``(brief, cluster, analysis) -> None`` that fills its part of
:class:`~newsbrief.model.Analysis`; they run in registration order, so later analysers can
use earlier results (quotes use entities, the timeline uses dates).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from newsbrief.model import Analysis, Article, Brief, Extracted
from newsbrief.pipeline import brief_articles
from newsbrief.settings import DEFAULT_SUPPORT_THRESHOLD
from newsbrief.textsim import Cluster

Analyser = Callable[[Brief, Cluster, Analysis], None]

ANALYSERS: dict[str, Analyser] = {}


def register(name: str) -> Callable[[Analyser], Analyser]:
    def decorator(function: Analyser) -> Analyser:
        ANALYSERS[name] = function
        return function

    return decorator


def support_threshold(brief: Brief | None) -> float:
    """The cosine at which two sentences say the same thing: the brief's corroboration setting.

    Without a brief (an analyser called on its own) the stricter 0.3 these analysers always used.
    """
    if not brief:
        return 0.3
    return float(brief.options.get("support_threshold", DEFAULT_SUPPORT_THRESHOLD))


def analyse(brief: Brief, cluster: Cluster, only: list[str] | None = None) -> Analysis:
    analysis = Analysis()
    for name, analyser in ANALYSERS.items():
        if only is None or name in only:
            analyser(brief, cluster, analysis)
    return analysis


# Registration order is run order: publication dates and date mentions first, then entities,
# quotes (they need entities), the timeline (needs dates), agreement (needs dates and quotes)
# and source types (need quotes). Imported by name so the order is explicit, not import-sorted.
ANALYSER_MODULES = ("dates", "entities", "quotes", "timeline", "agreement", "source_types")
for _module in ANALYSER_MODULES:
    importlib.import_module(f"{__name__}.{_module}")


def analyse_texts(
    texts: list[str], published: list[str | None] | None = None, outlets: list[str | None] | None = None
) -> Brief:
    """Brief and analyse raw article texts, one per source: the shortest way to try the analysers
    (and how the tests build stories). ``published`` and ``outlets`` give metadata per text."""
    articles = []
    for number, text in enumerate(texts, start=1):
        date = published[number - 1] if published else None
        outlet = outlets[number - 1] if outlets else None
        articles.append(
            Article(
                id=number,
                path=f"<text {number}>",
                raw_text=text,
                published=Extracted(date, "metadata:given") if date else None,
                outlet=Extracted(outlet, "metadata:given") if outlet else None,
            )
        )
    return brief_articles(articles)
