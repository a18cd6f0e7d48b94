"""News report or analysis/opinion, per source, with the signals that decided it.

Signals are counted in the source's own voice (quoted words are masked out, so a quoted "we must"
is not the writer's argument):

* first-person writing ("I", "we", "our") and evaluative or argumentative wording ("wrong",
  "certainly", "must", "Nevertheless", "the fact that") per 100 words;
* predictions in the writer's voice ("will achieve nothing", "is unlikely to");
* think-tank / op-ed markers in the byline, title or outlet ("Associate Director", "Fellow",
  "Opinion", "Comment", a research institute);
* attribution: the share of sentences that quote or report someone. News reports attribute most
  claims; commentary argues them. This signal counts against opinion.

Each signal adds a weighted amount to a score; a source scores as opinion at
``OPINION_THRESHOLD`` and above. The score and every signal with its value are reported.
"""

from __future__ import annotations

import re
from typing import Literal

from newsbrief.analyse import register
from newsbrief.analyse.quotes import mask_quotes, text_quote_spans
from newsbrief.lexicon import REPORTING_ATTRIBUTION_WORDS, alternation
from newsbrief.model import Analysis, Article, Brief, Quote, Signal, SourceType
from newsbrief.textsim import Cluster

OPINION_THRESHOLD = 1.0
_FIRST_PERSON = re.compile(r"\b(?:I|me|my|mine|we|our|ours|us)\b")
_EVALUATIVE = re.compile(
    r"\b(?:wrong|dead-wrong|worst|unacceptable|certainly|clearly|obviously|simply|surely|must|should|ought|"
    r"merely|mere|indeed|undoubtedly|stark|impotent|dangerous|fundamental|ultimate|naive|misguided|foolish|"
    r"absurd|remarkable|the fact that|in itself|precisely|allegedly|guaranteed to|highly unlikely|"
    r"it is difficult to see|arguably|frankly|sadly|regrettably|disastrous|shameful|naively)\b",
    re.IGNORECASE,
)
_ARGUMENT_START = re.compile(
    r"^(?:Nevertheless|Yet|So,|For,|For it|Still,|Thus|Therefore|Hence|Indeed|Moreover|Given|That['’]s why|"
    r"In short|In other words|Of course)\b"
)
_PREDICTION = re.compile(r"\b(?:will (?:not |never |only )?\w+|is (?:highly )?(?:un)?likely to|are (?:un)?likely to)\b")
_ATTRIBUTION = re.compile(r"\b" + alternation(REPORTING_ATTRIBUTION_WORDS) + r"\b")
_BYLINE_MARKERS = re.compile(
    r"\b(?:Associate Director|Director|Research|Fellow|Professor|Institute|Opinion|Comment(?:ary)?|Op-?Ed|"
    r"Columnist|Analysis|Editorial|Think tank|Strategic|Partnerships|View profile)\b",
    re.IGNORECASE,
)
_THINK_TANKS = frozenset(
    "rusi chatham house brookings carnegie rand heritage foundation cato institute iiss ecfr csis".split()
)
WEIGHTS = {
    "first_person_per_100_words": 0.5,
    "evaluative_per_100_words": 0.8,
    "argument_openers_share": 3.0,
    "predictions_per_100_words": 0.5,
    "byline_or_outlet_markers": 0.5,
    "attributed_sentence_share": -2.0,
}


def own_voice(article: Article) -> str:
    """The article text with quoted words blanked out."""
    return mask_quotes(article.text, text_quote_spans(article.text))


def signals(article: Article, quotes: list[Quote]) -> dict[str, float]:
    text = own_voice(article)
    words = max(1, len(text.split()))
    body = [s for s in article.sentences if not s.is_heading]
    quoted_sentences = {q.sentence for q in quotes if not q.is_fragment}
    attributed = sum(1 for s in body if s.index in quoted_sentences or _ATTRIBUTION.search(text[s.start : s.end]))
    furniture = [s.text for s in article.sentences if s.is_heading] + [
        r.text for r in article.removed if r.rule in ("byline", "navigation", "author", "author-box")
    ]
    markers = sum(len(_BYLINE_MARKERS.findall(line)) for line in furniture)
    outlet = (article.outlet_name or "").casefold()
    markers += 2 * any(name in outlet for name in _THINK_TANKS)
    return {
        "first_person_per_100_words": round(100 * len(_FIRST_PERSON.findall(text)) / words, 2),
        "evaluative_per_100_words": round(100 * len(_EVALUATIVE.findall(text)) / words, 2),
        "argument_openers_share": round(sum(1 for s in body if _ARGUMENT_START.match(s.text)) / max(1, len(body)), 2),
        "predictions_per_100_words": round(100 * len(_PREDICTION.findall(text)) / words, 2),
        "byline_or_outlet_markers": float(min(markers, 4)),
        "attributed_sentence_share": round(attributed / max(1, len(body)), 2),
    }


def classify(article: Article, quotes: list[Quote]) -> SourceType:
    measured = [Signal(name, value, WEIGHTS[name]) for name, value in signals(article, quotes).items()]
    score = sum(signal.contribution for signal in measured)
    label: Literal["report", "opinion"] = "opinion" if score >= OPINION_THRESHOLD else "report"
    confidence = min(0.95, 0.5 + abs(score - OPINION_THRESHOLD) / 4)
    ranked = sorted(measured, key=lambda signal: -abs(signal.contribution))
    return SourceType(article.id, label, round(confidence, 2), score, OPINION_THRESHOLD, ranked)


@register("source_types", requires=("quotes",), assigns=("source_types",))
def analyse_source_types(brief: Brief, cluster: Cluster, analysis: Analysis) -> None:
    analysis.source_types = [
        classify(article, [q for q in analysis.quotes if q.source == article.id]) for article in cluster.articles
    ]
