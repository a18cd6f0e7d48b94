"""Agreement and conflict across sources.

* **Corroborated facts**: sentences of different sources that say the same thing (TF-IDF cosine
  at the support threshold), grouped; each group counts its independent outlets (two BBC pages
  are one outlet).
* **Single-source claims**: checkable sentences (a number, a date, a quote or reported speech)
  that no other source states, best-ranked first.
* **Conflicts**: differing numbers for the same quantity ("40,000 troops" vs "20,000 troops";
  "tens of thousands of soldiers" vs "40,000 troops" agree), differing dates for the same event,
  and opposing characterisations ("constructive" vs "deadlock", "legal" vs "illegal") attributed to
  different actors. Each side cites its sentence.

Pairs are never formed over all sentences: candidates must share an informative term (one that
occurs in at most ``MAX_POSTING`` sentences), each sentence keeps its best match per other source,
and conflict buckets are capped, so the work grows roughly linearly with the story's size.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from newsbrief.analyse import register, support_threshold
from newsbrief.corroborate import shared_terms, story_terms, supports
from newsbrief.model import Analysis, Brief, Conflict, ConflictSide, Fact, Quote, Sentence, Support
from newsbrief.settings import DEFAULT_MIN_SHARED_TERMS
from newsbrief.textsim import Cluster, content_terms

MAX_POSTING = 60  # a term in more sentences than this does not make two sentences candidates
INFORMATIVE_SHARE = 0.5
MAX_BUCKET = 200  # sentences per conflict bucket (unit class or topic) compared pairwise
MAX_SINGLE_SOURCE = 200
TOPIC_SIMILARITY = 0.2  # two sentences with numbers are about the same thing from here on (with shared words)
DATE_CONFLICT_SIMILARITY = 0.4  # sentences with differing dates must be near-paraphrases


# --- candidate pairs -----------------------------------------------------------------------


def similar_pairs(cluster: Cluster, rows: list[int], threshold: float) -> list[tuple[int, int, float]]:
    """``(row_a, row_b, cosine)`` for sentences of different sources at or above ``threshold``,
    found through informative shared terms only; each sentence keeps its best match per source."""
    if len(rows) < 2:
        return []
    matrix = cluster.matrix[rows]
    row_frequency = np.asarray((matrix > 0).sum(axis=0)).ravel()
    informative = sparse.diags((row_frequency <= MAX_POSTING).astype(np.float64))
    blocked = (matrix @ informative).tocsr()
    shares = (blocked @ blocked.T).tocoo()  # non-zero only where an informative term is shared
    docs = np.array([cluster.sentences[r].doc_id for r in rows])
    # The informative terms' part of the cosine must already carry half the threshold: a pair whose
    # likeness comes from the story's everyday words fails the corroboration rule anyway.
    mask = (
        (shares.row < shares.col)
        & (docs[shares.row] != docs[shares.col])
        & (shares.data >= threshold * INFORMATIVE_SHARE)
    )
    a, b = shares.row[mask], shares.col[mask]
    if len(a) == 0:
        return []
    cosine = np.asarray(matrix[a].multiply(matrix[b]).sum(axis=1)).ravel()
    best: dict[tuple[int, int], tuple[int, float]] = {}
    for i, j, c in zip(a.tolist(), b.tolist(), cosine.tolist(), strict=True):
        if c < threshold:
            continue
        for x, y in ((i, j), (j, i)):
            key = (x, int(docs[y]))
            if key not in best or c > best[key][1]:
                best[key] = (y, c)
    pairs = {(min(x, y), max(x, y)): c for (x, _), (y, c) in best.items()}
    return [(rows[x], rows[y], c) for (x, y), c in sorted(pairs.items())]


def outlet_key(brief: Brief, source: int) -> str:
    """Outlets decide independence; a source with no known outlet counts on its own."""
    outlet = brief.source(source).outlet_name if brief else None
    return outlet.casefold() if outlet else f"source-{source}"


# --- facts ---------------------------------------------------------------------------------


MIN_SHARED_NON_NAME_TERMS = 2
_CAPITALISED = re.compile(r"(?<=\s)[A-Z][\w'’-]*")


def _name_terms(text: str) -> set[str]:
    """Stemmed capitalised words after the first: names and titles ("German Chancellor Angela Merkel")."""
    return set(content_terms(" ".join(_CAPITALISED.findall(text))))


def corroborating_pairs(cluster: Cluster, pairs: list[tuple[int, int, float]]) -> list[tuple[int, int, float]]:
    """The pairs :func:`newsbrief.corroborate.supports` accepts (enough shared non-topic terms) that
    also share words besides names: two sentences naming "German Chancellor Angela Merkel" share a
    name, not a fact."""
    topic = story_terms(cluster)
    accepted = []
    for a, b, c in pairs:
        first, second = cluster.sentences[a], cluster.sentences[b]
        if not supports(cluster, first, second, c, 0.0, DEFAULT_MIN_SHARED_TERMS, topic):
            continue
        names = _name_terms(first.text) | _name_terms(second.text)
        if len(shared_terms(cluster, first, second, topic) - names) >= MIN_SHARED_NON_NAME_TERMS:
            accepted.append((a, b, c))
    return accepted


def find_facts(brief: Brief, cluster: Cluster, pairs: list[tuple[int, int, float]]) -> tuple[list[Fact], set[int]]:
    """Groups of sentences that state the same thing, at most one per source, and the rows with a match.

    Star grouping, best pairs first: a sentence joins a group only when it is itself paired with
    the group's lead, so chains (A like B, B like C) never merge unrelated statements.
    """
    lead_of: dict[int, int] = {}
    groups: dict[int, list[int]] = {}
    accepted = {(a, b): c for a, b, c in pairs} | {(b, a): c for a, b, c in pairs}

    def matches_lead(row: int, lead: int) -> bool:
        return (row, lead) in accepted

    for a, b, _ in sorted(pairs, key=lambda p: -p[2]):
        if a not in lead_of and b not in lead_of:
            lead_of[a] = lead_of[b] = a
            groups[a] = [a, b]
            continue
        for joining, member in ((b, a), (a, b)):
            lead = lead_of.get(member)
            if joining in lead_of or lead is None:
                continue
            docs = {cluster.sentences[r].doc_id for r in groups[lead]}
            if cluster.sentences[joining].doc_id not in docs and matches_lead(joining, lead):
                lead_of[joining] = lead
                groups[lead].append(joining)
    facts = []
    for lead, members in groups.items():
        sims = [accepted.get((lead, r), 1.0) for r in members]
        sentences = [cluster.sentences[r] for r in members]
        sources = [s.doc_id for s in sentences]
        facts.append(
            Fact(
                text=cluster.sentences[lead].text,
                sources=sources,
                independent_outlets=len({outlet_key(brief, s) for s in sources}),
                members=[
                    Support(s.doc_id, s.index, s.start, s.end, round(float(x), 4))
                    for s, x in zip(sentences, sims, strict=True)
                ],
            )
        )
    facts.sort(key=lambda f: (-f.independent_outlets, -len(f.members), f.sources[0]))
    return facts, set(lead_of)


_NUMBER_OR_CLAIM = re.compile(r"\d|\b(?:said|says|told|according to|claimed|announced|denied)\b")


def single_source_claims(
    brief: Brief, cluster: Cluster, corroborated: set[int], quoted: set[tuple[int, int]]
) -> list[Fact]:
    """Checkable sentences only one source makes, in the summarizer's rank order when it has one."""
    rank = {(s.doc_id, s.sentence): s.rank for s in brief.scores} if brief else {}
    claims = [
        s
        for s in cluster.sentences
        if not s.is_heading
        and cluster.row(s) not in corroborated
        and ((s.doc_id, s.index) in quoted or _NUMBER_OR_CLAIM.search(s.text))
    ]
    claims.sort(key=lambda s: (rank.get((s.doc_id, s.index), math.inf), s.doc_id, s.index))
    return [
        Fact(
            text=s.text,
            sources=[s.doc_id],
            independent_outlets=1,
            members=[Support(s.doc_id, s.index, s.start, s.end, 1.0)],
        )
        for s in claims[:MAX_SINGLE_SOURCE]
    ]


# --- numeric conflicts ---------------------------------------------------------------------

# Counted things whose numbers outlets report and contradict. Generic counts ("12 people",
# "21 days") are left out: two sentences rarely count the same people or days.
UNIT_CLASSES = {
    "deaths": "deaths dead killed died fatalities",
    "injured": "injured wounded",
    "troops": "troops soldiers servicemen personnel marines fighters",
    "ships": "ships warships vessels",
    "aircraft": "aircraft planes jets helicopters",
}
_UNIT_OF = {word: unit for unit, words in UNIT_CLASSES.items() for word in words.split()}
_UNIT_STEMS = set(content_terms(" ".join(_UNIT_OF)))
_ANY_UNIT = re.compile(r"\b(?:" + "|".join(sorted(_UNIT_OF)) + r")\b", re.IGNORECASE)
_TAIL_STOP = frozenset("for of in on at to from by with and or than per since after before".split())
_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
}  # fmt: skip
_VAGUE = {
    "dozens": (24, 99),
    "scores": (40, 99),
    "hundreds": (200, 999),
    "thousands": (2_000, 9_999),
    "tens of thousands": (20_000, 99_999),
    "hundreds of thousands": (200_000, 999_999),
    "millions": (2_000_000, 9_999_999),
}
_QUANTITY = re.compile(
    r"(?P<qual>\b(?:more than|over|at least|nearly|almost|about|around|some|roughly|approximately|estimated|"
    r"up to|as many as|fewer than|less than|under)\s+)?"
    r"(?:(?P<vague>tens of thousands|hundreds of thousands|dozens|scores|hundreds|thousands|millions)\s+of"
    r"|(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s*(?P<mult>million|billion|thousand))?"
    r"|(?P<word>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred))"
    r"(?P<tail>(?:\s+[\w-]+[.,;:]?){1,4})",
    re.IGNORECASE,
)


@dataclass(slots=True)
class Quantity:
    unit: str
    low: float
    high: float
    text: str
    start: int  # offset in the sentence


def quantities(text: str) -> list[Quantity]:
    """Counted things in a sentence with the range of values the wording allows."""
    if not _ANY_UNIT.search(text):  # most sentences count nothing the conflicts compare
        return []
    found = []
    for m in _QUANTITY.finditer(text):
        tail = [w.lower().strip(".,;:") for w in m.group("tail").split()]
        # "66,000 for 21 days": the counted noun comes before any preposition or other number.
        stop = next((i for i, w in enumerate(tail) if w in _TAIL_STOP or w[:1].isdigit()), len(tail))
        position = next((i for i, w in enumerate(tail[:stop]) if w in _UNIT_OF), None)
        if position is None:
            continue
        unit = _UNIT_OF[tail[position]]
        qual = (m.group("qual") or "").strip().lower()
        if m.group("vague"):
            low, high = _VAGUE[m.group("vague").lower()]
        else:
            if m.group("num"):
                value = float(m.group("num").replace(",", ""))
                value *= {"million": 1e6, "billion": 1e9, "thousand": 1e3}.get((m.group("mult") or "").lower(), 1)
            else:
                value = _WORD_NUMBERS[m.group("word").lower()]
            low, high = value * 0.95, value * 1.05  # reporters round
            if qual in ("more than", "over", "at least"):
                low, high = value, math.inf
            elif qual in ("up to", "as many as", "fewer than", "less than", "under"):
                low, high = 0, value
            elif qual in ("nearly", "almost"):
                low, high = value * 0.85, value
            elif qual:
                low, high = value * 0.85, value * 1.15
        tail_words = list(re.finditer(r"\S+", m.group("tail")))
        end = m.start("tail") + tail_words[position].end()
        found.append(Quantity(unit, low, high, text[m.start() : end].strip(), m.start()))
    return found


def _side(sentence: Sentence, value: str, attributed_to: str | None = None) -> ConflictSide:
    return ConflictSide(
        sentence.text, value, sentence.doc_id, sentence.index, sentence.start, sentence.end, attributed_to
    )


def _context_terms(text: str) -> set[str]:
    """Content terms that are neither names, numbers nor counted-thing words: what a number is about."""
    return {t for t in content_terms(text) if not t[0].isdigit()} - _name_terms(text) - _UNIT_STEMS


def numeric_conflicts(cluster: Cluster) -> list[Conflict]:
    buckets: dict[str, list[tuple[Sentence, Quantity]]] = defaultdict(list)
    for sentence in cluster.sentences:
        for q in quantities(sentence.text):
            if len(buckets[q.unit]) < MAX_BUCKET:
                buckets[q.unit].append((sentence, q))
    conflicts = []
    for unit, items in buckets.items():
        rows = [cluster.row(s) for s, _ in items]
        sims = cluster.similarity(rows) if len(rows) > 1 else np.zeros((1, 1))
        context = [_context_terms(s.text) for s, _ in items]
        for i, (s1, q1) in enumerate(items):
            for j in range(i + 1, len(items)):
                s2, q2 = items[j]
                if s1.doc_id == s2.doc_id or sims[i, j] < TOPIC_SIMILARITY:
                    continue
                if len(context[i] & context[j]) < MIN_SHARED_NON_NAME_TERMS:
                    continue
                if q1.high < q2.low or q2.high < q1.low:
                    conflicts.append(
                        Conflict(
                            kind="number",
                            topic=unit,
                            sides=[_side(s1, q1.text), _side(s2, q2.text)],
                            explanation=f"'{q1.text}' and '{q2.text}' cannot both be right",
                        )
                    )
    return conflicts


# --- date conflicts ------------------------------------------------------------------------


def _date_range(iso: str) -> tuple[str, str]:
    """First and last day an ISO value covers, as comparable strings."""
    if "/" in iso:
        first, last = iso.split("/")
        return first, last
    if len(iso) == 4:
        return f"{iso}-01-01", f"{iso}-12-31"
    if len(iso) == 7:
        return f"{iso}-01", f"{iso}-31"
    return iso, iso


def date_conflicts(analysis: Analysis, cluster: Cluster, pairs: list[tuple[int, int, float]]) -> list[Conflict]:
    """Sentences that state the same event (a fact pair) with dates that do not overlap."""
    resolved: dict[tuple[int, int], list[tuple[str, str]]] = defaultdict(list)
    for m in analysis.dates:
        # Day-level values only, and not ones whose year was borrowed from other sources.
        if m.iso and len(m.iso) == 10 and not m.anchor.endswith("year:story"):
            resolved[(m.source, m.sentence)].append((m.iso, m.text))
    # Only sentences with one date: with two, which one dates the shared event is unknown.
    dated = {key: values[0] for key, values in resolved.items() if len(values) == 1}
    conflicts = []
    for a, b, similarity in pairs:
        s1, s2 = cluster.sentences[a], cluster.sentences[b]
        d1, d2 = dated.get((s1.doc_id, s1.index)), dated.get((s2.doc_id, s2.index))
        if not d1 or not d2 or similarity < DATE_CONFLICT_SIMILARITY:
            continue
        (lo1, hi1), (lo2, hi2) = _date_range(d1[0]), _date_range(d2[0])
        if hi1 < lo2 or hi2 < lo1:
            conflicts.append(
                Conflict(
                    kind="date",
                    topic="date of the same event",
                    sides=[_side(s1, f"{d1[1]} ({d1[0]})"), _side(s2, f"{d2[1]} ({d2[0]})")],
                    explanation=f"the sentences match (similarity {similarity:.2f}) but their dates do not overlap",
                )
            )
    return conflicts


# --- opposing characterisations --------------------------------------------------------------

TOPICS = {
    "the talks": r"\b(?:talks|negotiations?|meeting|discussions?|dialogue|summit)\b",
    "the vote": r"\b(?:vote|referendum|poll|ballot|decision to stage)\b",
}
# (positive, negative) wordings of one judgement.
STANCES = {
    "outcome": (
        r"\b(?:constructive|productive|progress|breakthrough|success(?:ful)?|agreed|agreement)\b",
        r"\b(?:deadlock(?:ed)?|stalemate|impasse|fail(?:ed|ure)|broke down|collapsed|achieve nothing)\b",
    ),
    "legality": (
        r"\b(?:legal|legitimate|lawful|based on international law|in line with international law)\b",
        r"\b(?:illegal|illegitimate|unlawful|violat(?:e|es|ion) (?:of )?international law)\b",
    ),
}
_NEGATOR = re.compile(r"\b(?:not|no|nor|never|without|hardly|little)\b(?:\W+\w+){0,3}\W*$", re.IGNORECASE)
_TOPIC_RX = {topic: re.compile(rx, re.IGNORECASE) for topic, rx in TOPICS.items()}
_STANCE_RX = {k: (re.compile(p, re.IGNORECASE), re.compile(n, re.IGNORECASE)) for k, (p, n) in STANCES.items()}


@dataclass(slots=True)
class Stance:
    sentence: Sentence
    topic: str
    judgement: str
    positive: bool
    actor: str
    cue: str


def _actor_at(offset: int, quotes: list[Quote], fallback: str) -> str:
    """Who a word at ``offset`` (article offset) is attributed to: the quote or reported speech holding it."""
    for q in quotes:
        if q.start <= offset < q.end and q.speaker:
            return q.speaker
    return fallback


def stances(cluster: Cluster, analysis: Analysis) -> list[Stance]:
    quotes_by_sentence: dict[tuple[int, int], list[Quote]] = defaultdict(list)
    for q in analysis.quotes:
        quotes_by_sentence[(q.source, q.sentence)].append(q)
    found = []
    for article in cluster.articles:
        outlet = article.outlet_name or f"source {article.id}"
        for sentence in article.sentences:
            if sentence.is_heading:
                continue
            previous = article.sentences[sentence.index - 1].text if sentence.index else ""
            context = previous + " " + sentence.text  # "Putin defended the decision to stage the referendum. '…'"
            topics = [t for t, rx in _TOPIC_RX.items() if rx.search(context)]
            if not topics:
                continue
            quotes = quotes_by_sentence.get((sentence.doc_id, sentence.index), [])
            for judgement, (positive_rx, negative_rx) in _STANCE_RX.items():
                for positive, rx in ((True, positive_rx), (False, negative_rx)):
                    for m in rx.finditer(sentence.text):
                        negated = bool(_NEGATOR.search(sentence.text[: m.start()]))
                        actor = _actor_at(sentence.start + m.start(), quotes, outlet)
                        for topic in topics:
                            found.append(Stance(sentence, topic, judgement, positive != negated, actor, m.group(0)))
    return found


def claim_conflicts(cluster: Cluster, analysis: Analysis) -> list[Conflict]:
    """One conflict per (topic, judgement): the best-supported opposite pair from different actors,
    preferring pairs from different sources and sentences that are about the same thing."""
    buckets: dict[tuple[str, str], list[Stance]] = defaultdict(list)
    for stance in stances(cluster, analysis):
        bucket = buckets[(stance.topic, stance.judgement)]
        if len(bucket) < MAX_BUCKET:
            bucket.append(stance)
    conflicts = []
    for (topic, judgement), items in sorted(buckets.items()):
        # An actor's stance in a sentence is the majority of its wordings; a tie is no clear stance
        # ("agreed ... but failed to break a deadlock" is negative, 1 against 2).
        balance: dict[tuple[int, int, str], int] = defaultdict(int)
        for s in items:
            balance[(s.sentence.doc_id, s.sentence.index, s.actor)] += 1 if s.positive else -1
        clear = [
            s
            for s in items
            if (b := balance[(s.sentence.doc_id, s.sentence.index, s.actor)]) != 0 and (b > 0) == s.positive
        ]
        positives = [s for s in clear if s.positive]
        negatives = [s for s in clear if not s.positive]
        if not positives or not negatives:
            continue
        sims = cluster.similarity(
            [cluster.row(p.sentence) for p in positives], [cluster.row(n.sentence) for n in negatives]
        )
        best = None
        for i, p in enumerate(positives):
            for j, n in enumerate(negatives):
                if p.actor == n.actor:
                    continue
                similarity = float(sims[i, j])
                key = (p.sentence.doc_id != n.sentence.doc_id, similarity)
                if best is None or key > best[0]:
                    best = (key, p, n)
        if best is None:
            continue
        (_, similarity), p, n = best
        conflicts.append(
            Conflict(
                kind="claim",
                topic=f"{judgement} of {topic}",
                sides=[_side(p.sentence, p.cue, p.actor), _side(n.sentence, n.cue, n.actor)],
                explanation=f"{p.actor} calls it '{p.cue}'; {n.actor}: '{n.cue}'",
            )
        )
    return conflicts


@register("agreement")
def analyse_agreement(brief: Brief, cluster: Cluster, analysis: Analysis) -> None:
    threshold = support_threshold(brief)
    rows = [cluster.row(s) for s in cluster.sentences if not s.is_heading]
    pairs = corroborating_pairs(cluster, similar_pairs(cluster, rows, threshold))
    facts, corroborated = find_facts(brief, cluster, pairs)
    analysis.facts = facts
    quoted = {(q.source, q.sentence) for q in analysis.quotes if not q.is_fragment}
    analysis.single_source_claims = single_source_claims(brief, cluster, corroborated, quoted)
    analysis.conflicts = (
        numeric_conflicts(cluster) + date_conflicts(analysis, cluster, pairs) + claim_conflicts(cluster, analysis)
    )
