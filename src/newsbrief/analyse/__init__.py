"""Analysis stages over a brief: outlets, dates, entities, quotes, timeline, agreement, source types.

Each analyser is a function ``(brief, cluster, analysis) -> None`` registered with the fields of
:class:`~newsbrief.model.Analysis` it ``requires`` and the ones it ``assigns`` (as spaCy's
component factories). Registration checks that every required field is assigned by an analyser
registered before, so registration order is a valid run order; ``analyse(..., only=[...])`` runs
the named analysers *and* everything they need, so running quotes alone still finds speakers.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, fields

from newsbrief.model import Analysis, Article, Brief, Extracted
from newsbrief.pipeline import brief_articles
from newsbrief.registry import Registry
from newsbrief.textsim import Cluster

# The cosine an analyser called without a brief (so without corroboration settings) takes two
# sentences to say the same thing at: the value the timeline and agreement analysers were first
# written with, stricter than the calibrated DEFAULT_SUPPORT_THRESHOLD (0.22, newsbrief.settings).
STANDALONE_SUPPORT_THRESHOLD = 0.3

AnalyserFunction = Callable[[Brief, Cluster, Analysis], None]
_FIELDS = frozenset(f.name for f in fields(Analysis))


@dataclass(frozen=True, slots=True)
class Analyser:
    name: str
    function: AnalyserFunction
    requires: tuple[str, ...]  # Analysis fields read
    assigns: tuple[str, ...]  # Analysis fields written


def check_declared(registry: Registry[Analyser], name: str, analyser: Analyser) -> None:
    """Refuse unknown fields and requirements that no analyser registered before assigns."""
    unknown = sorted((set(analyser.requires) | set(analyser.assigns)) - _FIELDS)
    if unknown:
        raise ValueError(f"analyser {name!r}: {', '.join(unknown)} not fields of Analysis")
    assigned = {f for a in registry.registered().values() for f in a.assigns}
    missing = sorted(set(analyser.requires) - assigned)
    if missing:
        raise ValueError(f"analyser {name!r} requires {', '.join(missing)}, which no earlier analyser assigns")


ANALYSERS: Registry[Analyser] = Registry("analyser", check=check_declared)


def register(
    name: str, *, requires: tuple[str, ...] = (), assigns: tuple[str, ...], registry: Registry[Analyser] = ANALYSERS
) -> Callable[[AnalyserFunction], AnalyserFunction]:
    """Register an analyser with the fields it reads and writes (checked: see ``check_declared``)."""

    def decorator(function: AnalyserFunction) -> AnalyserFunction:
        registry.register(name)(Analyser(name, function, tuple(requires), tuple(assigns)))
        return function

    return decorator


def needed(only: list[str]) -> list[str]:
    """The analysers to run for ``only``: those named plus, transitively, the ones assigning what
    they require, in registration order. Unknown names are a usage error naming the known ones."""
    wanted = {ANALYSERS.get(name).name for name in only}  # an unknown name: a usage error listing them
    analysers = ANALYSERS.registered()
    for analyser in reversed(analysers.values()):  # a requirement is always registered earlier
        if analyser.name in wanted:
            wanted |= {a.name for a in analysers.values() if set(a.assigns) & set(analyser.requires)}
    return [name for name in analysers if name in wanted]


def support_threshold(brief: Brief | None) -> float:
    """The cosine at which two sentences say the same thing: the brief's corroboration setting.

    Without a brief (an analyser called on its own) the stricter :data:`STANDALONE_SUPPORT_THRESHOLD`.
    """
    return brief.options.support_threshold if brief else STANDALONE_SUPPORT_THRESHOLD


def analyse(brief: Brief, cluster: Cluster, only: list[str] | None = None) -> Analysis:
    """Run every analyser, or those in ``only`` with what they require, in registration order."""
    analysis = Analysis()
    analysers = ANALYSERS.registered()
    for name in needed(only) if only is not None else list(analysers):
        analysers[name].function(brief, cluster, analysis)
    return analysis


# Modules holding the built-in analysers, imported in an order where each one's requirements are
# registered first (registration checks it): outlets and dates, entities, quotes (need entities),
# the timeline (needs dates), agreement (needs outlets, dates and quotes), source types (quotes).
ANALYSER_MODULES = ("outlets", "dates", "entities", "quotes", "timeline", "agreement", "source_types")
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
