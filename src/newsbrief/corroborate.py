"""Find, for each summary sentence, the other sources that state the same fact.

A sentence in another source supports a summary sentence when

* the TF-IDF cosine of the two reaches ``threshold`` (:data:`~newsbrief.settings.DEFAULT_SUPPORT_THRESHOLD`),
* they share at least ``min_shared_terms`` stemmed content words that are *not* in every
  article of the story (:data:`~newsbrief.settings.DEFAULT_MIN_SHARED_TERMS`),
* the two are **compatible** (:func:`compatible`): where both give numbers, some number agrees
  (a count, an amount, a percentage, an age; reporters' rounding allowed) and none of the
  same counted thing contradicts; where both name years, they overlap; where both name people,
  places or organisations, they share one; where both say "N years ago", they say the same N;
  and they do not differ in polarity (one negates or denies what the other states);
* they share a detail: a term that neither article repeats in more than
  :data:`MAX_DETAIL_SENTENCES` sentences (words an article keeps repeating are its subject); and
* the other source has no sentence at least :data:`BETTER_MATCH_RATIO` times as similar (unless
  the two agree on a figure): a source tells a fact in its closest sentence, and a far weaker
  match shares the topic's words, not the fact.

Word overlap finds candidates; the compatibility test is what makes "same words" mean "same
fact": "921 cases … between December 2013 and September" shares words with "40 near-misses … in
the U.K. last year" but not a number, and "killed more than 10,000 people" is not supported by
"7,000 people were killed". Each accepted support carries a ``score`` (the share of the shorter
sentence's informative terms the two share, 0..1) and the ``reason`` the test accepted it.

Each source is cited once, by its most similar sentence. Cost per summary sentence: one sparse
row-times-matrix product plus a set intersection and a few regexes per candidate above the threshold.
"""

from __future__ import annotations

import re
from collections.abc import Set
from dataclasses import dataclass
from functools import lru_cache

from newsbrief.lexicon import DESCRIBED_SPEAKER_VERBS, NEGATIONS
from newsbrief.model import Sentence, Support
from newsbrief.quantities import Quantity, contradicting, overlap, quantities
from newsbrief.segment import dateline_end
from newsbrief.settings import DEFAULT_MIN_SHARED_TERMS
from newsbrief.textsim import Cluster, content_terms


def story_terms(cluster: Cluster) -> frozenset[str]:
    """Content terms found in every article of a story of three or more articles (its topic words:
    "Kerry", "Russia", "Ukraine"); sharing them says nothing about sharing a fact. Two articles
    share too little for this to mean anything, so then the set is empty."""
    if len(cluster.articles) < 3:
        return frozenset()
    return frozenset.intersection(*cluster.article_terms)


def shared_terms(cluster: Cluster, a: Sentence, b: Sentence, ignore: frozenset[str] = frozenset()) -> set[str]:
    """Stemmed content terms two sentences have in common, minus ``ignore``."""
    return (set(cluster.terms[cluster.row(a)]) & set(cluster.terms[cluster.row(b)])) - ignore


# --- what a sentence asserts: figures, years, names, polarity ---------------------------------

# Words that start a sentence or stand capitalised without naming anyone.
_NOT_NAME_WORDS = frozenset(
    """A An The This That These Those There Their They He She It Its His Her We Our I You But And Or So Yet If In
    On At By Of To From With As However When Where What Which Who Why How Many Most Some All No Not Mr Mrs Ms Dr
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August
    September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec""".split()
)
_CAPITALISED = re.compile(r"(?<![\w'’-])[A-Z][\w-]*")
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_MONTH_DAY = re.compile(
    r"\b(?P<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(?P<day>[0-3]?\d)\b(?!,\d)"
    r"|\b(?P<day2>[0-3]?\d)\s+(?P<month2>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b"
)
_NEGATION_WORDS = frozenset(w.lower() for w in NEGATIONS)
_TOKEN = re.compile(r"[\w'’-]+")
# "No. 250", "No 1": the number sign, not a negation (it made "fluctuating between No. 250 and No.
# 500" deny what "between #250 and 500" states; wave-10 dev pairs).
_NUMBER_SIGN = re.compile(r"\bNo\.?\s*(?=\d)")
_POSSESSIVE = re.compile(r"[’']s?$")
NEGATION_SCOPE = 4  # a negation governs the next few words ("did not immediately return")
# Two sentences naming different people or places share no name; below this cosine that means two
# different events ("in the U.K." vs "in the US"), above it one event told with other names
# (title vs surname). Calibrated on the tune half of the trust labels.
DISJOINT_NAMES_SIMILARITY = 0.3
# Two sentences that share only names, topic words and a speech verb ("Rami Abdel Rahman, head of
# the Observatory, said …") share a speaker, not a fact: the same event needs this many shared
# content terms that are none of those (what happened, to what). With the shared-figure rule of
# compatible(), tune half of the trust labels: precision 0.94 -> 0.98 at recall 0.67 (unchanged);
# the example's own pairs 0.45 -> 0.71 at recall 0.24; report half 0.72 / 0.61 -> 0.82 / 0.64
# with VERBATIM_SIMILARITY (docs/analysis.md).
MIN_EVENT_TERMS = 2
# A sentence repeated nearly word for word ("I'm the victor, but I was the victim too.") states
# one thing even when all its words are the story's topic words; at this cosine the shared-term
# rules do not apply (the compatibility test still does). Tune half: no pair changes.
VERBATIM_SIMILARITY = 0.9
# Verbs that only attribute ("said", "told", "according to"); "denied", "warned", "accused" state
# what happened and count as event terms.
SPEECH_TERMS = frozenset(content_terms(" ".join(DESCRIBED_SPEAKER_VERBS) + " according statement"))
# The attribution after a closing quote ('…,'' said Rich Tafel, executive director of …' / '…," Sanders
# said.'): it says who spoke, not what was said, so its words are not event terms. Two quotes of
# one speaker share the speaker's name and role ("executive director"), not a fact. Fresh pairs
# drawn for wave 7 (docs/analysis.md): 2 false accepts of 90 had only such words in common.
_SAID = "|".join(DESCRIBED_SPEAKER_VERBS)
_ATTRIBUTION_TAIL = re.compile(rf"(?<=[,.?!])\s*(?:''|[\"”’])\s*[^\"“”]{{0,120}}?\b(?:{_SAID})\b.*$", re.S)
# A source states a fact in the sentence most like it; another sentence of that source this many
# times less similar, agreeing on no figure, tells another detail or event on the topic ("a voltage
# applied across the electrodes of a conventional cell" beside the source's own account of the
# experiment). Fresh pairs drawn for wave 9 (docs/analysis.md): 6 of the 60 dev pairs, all "no",
# and 1 "yes" (which agrees on a figure, hence the exemption); tune half: no pair changes.
BETTER_MATCH_RATIO = 2.0
# A fact has a detail of its own; a word that one of the two articles repeats in more than this many
# sentences is that article's subject ("hunger", "fertility", "the confidence vote" in a two-article
# story, where no word is in every article yet), and two sentences sharing only such words tell two
# things about one subject. The pair needs one shared term (a name, a figure or a word) at most this
# frequent in each article. Fresh pairs drawn for wave 10 (docs/analysis.md), dev10: precision
# 0.717 -> 0.82, no "yes" lost; at 2, a tune-half "yes" is lost; tune half unchanged at 3.
MAX_DETAIL_SENTENCES = 3
# "around 100,000 years ago" and "around 50,000 years ago" date one event differently (wave-9 dev
# pairs: 2 "no", one pair both ways; tune half: no pair changes).
_AGO = re.compile(r"\b(\d[\d,.]*)\s+(years?|months?|weeks?|days?)\s+ago\b", re.I)


# (for, against) wordings of a position: one sentence that opposes what the other favours takes
# the other side ("the platform opposes gay marriage" / "the group favours marriage rights").
# Fresh wave-7 pairs: 1 false accept of 90 took opposite sides; tune half: no pair changes.
POSITIONS = (
    re.compile(r"\b(?:favou?rs?|favou?red|favou?ring|supports?|supported|supporting|endorse[sd]?)\b", re.I),
    re.compile(r"\b(?:oppos(?:e|es|ed|ing)|against)\b", re.I),
)


@dataclass(frozen=True, slots=True)
class Assertion:
    """What a sentence commits to, for the compatibility test."""

    quantities: tuple[Quantity, ...]
    years: frozenset[str]
    days: frozenset[tuple[str, int]]  # (month, day) of the dates it names ("Oct. 18")
    names: frozenset[str]  # stemmed capitalised words after the first
    # the stemmed first word when it may be a name ("Kuisis told …"): capitalised by position too,
    # so it counts for a name in common, never as a name of its own ("Officials said …")
    opening: frozenset[str]
    negated: frozenset[str]  # stemmed terms in the scope of a negation
    negative: bool  # an odd number of negations: the sentence as a whole denies
    ago: frozenset[tuple[str, float]]  # (unit, amount) of the times it gives as "N years ago"


@lru_cache(maxsize=1 << 16)
def name_terms(text: str, skip_first: bool = True) -> frozenset[str]:
    """Stemmed capitalised words after the first (the first is capitalised by position; with
    ``skip_first`` false, of a fragment, it counts), less function words and calendar words: the
    names a sentence gives (cached)."""
    words = _CAPITALISED.findall(text)[1 if skip_first else 0 :]
    return frozenset(content_terms(" ".join(w for w in words if w not in _NOT_NAME_WORDS)))


@lru_cache(maxsize=1 << 16)
def assertion(text: str) -> Assertion:
    """Figures, years, names and negation scope of ``text`` (cached: sentences are compared with many)."""
    names = name_terms(text)
    tokens = _TOKEN.findall(_NUMBER_SIGN.sub("#", text))
    negated: set[str] = set()
    negations = 0
    for i, token in enumerate(tokens):
        lowered = token.lower()
        if lowered in _NEGATION_WORDS or lowered.endswith(("n't", "n’t")):
            negations += 1
            negated |= set(content_terms(" ".join(tokens[i + 1 : i + 1 + NEGATION_SCOPE])))
    days = frozenset(
        (m.group("month") or m.group("month2"), int(m.group("day") or m.group("day2")))
        for m in _MONTH_DAY.finditer(text)
    )
    ago = frozenset((m.group(2).lower().rstrip("s"), float(m.group(1).replace(",", ""))) for m in _AGO.finditer(text))
    word = _opening_word(text)
    opening = frozenset(content_terms(word)) if word else frozenset()
    return Assertion(
        quantities(text),
        frozenset(_YEAR.findall(text)),
        days,
        names,
        opening,
        frozenset(negated),
        negations % 2 == 1,
        ago,
    )


def common_names(first: Assertion, second: Assertion, ignore: frozenset[str] = frozenset()) -> frozenset[str]:
    """Names two sentences share (``ignore`` aside), a sentence's opening word counting as one of
    its names: "Kuisis told …" and "… signed by Kuisis" name one person."""
    return ((first.names | first.opening) & (second.names | second.opening)) - ignore


def disjoint_names(first: Assertion, second: Assertion) -> bool:
    """Do both sentences name people, places or organisations and share none (:func:`common_names`)?"""
    return bool(first.names and second.names and not common_names(first, second))


@lru_cache(maxsize=1 << 16)
def term_set(text: str) -> frozenset[str]:
    """:func:`~newsbrief.textsim.content_terms` of a sentence as a set (cached: pairs share sentences)."""
    return frozenset(content_terms(text))


def attribution_terms(a: str, b: str) -> set[str]:
    """Terms that one of two sentences has only in its attribution after a quote (the speaker's
    name and role), so not in what the two assert."""
    said: set[str] = set()
    for text in (a, b):
        tail = _ATTRIBUTION_TAIL.search(text)
        if tail:
            said |= term_set(tail.group(0)) - term_set(text[: tail.start()])
    return said


@lru_cache(maxsize=8)
def _lowercase_words(cluster: Cluster) -> frozenset[str]:
    """Words the story writes in lower case somewhere: capitalised at a sentence start they are
    ordinary words ("Researchers"), not names."""
    return frozenset(w for s in cluster.sentences for w in _TOKEN.findall(s.text) if w.islower())


def _opening_word(text: str) -> str | None:
    """The first word of a sentence after any dateline, when it may be a name: capitalised,
    alphabetic and not a function word."""
    # a wire dateline ("ROME —", "PARIS (AP) —") names the place of filing, not the subject
    # (wave-10 dev pairs: "ROME" vs "Italian" refused one event)
    match = _TOKEN.match(text[dateline_end(text) :].lstrip("“\"‘'( "))
    if not match:
        return None
    word = _POSSESSIVE.sub("", match.group(0))
    return word if word[:1].isupper() and word.isalpha() and word not in _NOT_NAME_WORDS else None


def opening_name(text: str, cluster: Cluster) -> str | None:
    """The name a sentence opens with ("Kuisis, who …", "Hernandez has been charged"): its subject,
    when the word may be a name (:func:`_opening_word`) and the story never writes it in lower case."""
    word = _opening_word(text)
    return None if word is None or word.lower() in _lowercase_words(cluster) else word


def figure_agrees(a: str, b: str) -> bool:
    """Do the two sentences give one figure in common (rounding allowed)?"""
    return any(overlap(x, y) for x in assertion(a).quantities for y in assertion(b).quantities)


def best_in_source(cluster: Cluster, a: Sentence, source: int) -> float:
    """The highest cosine of ``a`` to a sentence of article ``source``."""
    rows = [cluster.row(s) for s in cluster.article(source).sentences if not s.is_heading]
    return float(cluster.similarity([cluster.row(a)], rows).max()) if rows else 0.0


def compatible(
    a: str, b: str, similarity: float, topic: frozenset[str] = frozenset(), shared: Set[str] | None = None
) -> tuple[bool, str]:
    """Can ``a`` and ``b`` state the same fact? ``(verdict, reason)``; see the module docstring.
    ``shared`` is their common content terms minus ``topic`` when the caller has them."""
    first, second = assertion(a), assertion(b)
    notes = []
    if clash := contradicting(first.quantities, second.quantities):
        return False, f"figures differ: '{clash[0].text}' vs '{clash[1].text}'"
    if first.quantities and second.quantities:
        # Both give figures: one fact told twice repeats one of them (rounded, or in another
        # unit of the same amount); none in common means two details ("18 troops wounded" /
        # "four rebels killed"). Tune half: no "yes" pair lost, 9 "no" pairs rejected.
        if not figure_agrees(a, b):
            q1, q2 = first.quantities[0], second.quantities[0]
            return False, f"no figure in common: '{q1.text}' vs '{q2.text}'"
        notes.append("a figure agrees")
    if first.years and second.years:
        if not first.years & second.years:
            return False, f"years differ: {', '.join(sorted(first.years))} vs {', '.join(sorted(second.years))}"
        notes.append(f"years agree: {', '.join(sorted(first.years & second.years))}")
    if first.days and second.days and not first.days & second.days:
        return False, "dates differ: " + " vs ".join(
            ", ".join(f"{m} {d}" for m, d in sorted(side.days)) for side in (first, second)
        )
    units = {unit for unit, _ in first.ago} & {unit for unit, _ in second.ago}
    if units and not first.ago & second.ago:
        return False, "times differ: " + " vs ".join(
            ", ".join(f"{n:g} {u}s ago" for u, n in sorted(side.ago) if u in units) for side in (first, second)
        )
    sides = [tuple(bool(rx.search(text)) for rx in POSITIONS) for text in (a, b)]
    if sides[0] != sides[1] and all(sum(side) == 1 for side in sides):
        return False, "positions differ: one favours what the other opposes"
    names_a, names_b = first.names - topic, second.names - topic
    if names_a and names_b:
        if common := common_names(first, second, topic):
            notes.append(f"names agree: {', '.join(sorted(common))}")
        elif similarity < DISJOINT_NAMES_SIMILARITY:
            return False, f"different names: {', '.join(sorted(names_a))} vs {', '.join(sorted(names_b))}"
    if shared is None:
        shared = (term_set(a) & term_set(b)) - topic
    flipped = (first.negated ^ second.negated) & shared
    if flipped:
        return False, f"polarity differs: '{sorted(flipped)[0]}' negated in one sentence only"
    return True, "; ".join(notes)


@dataclass(frozen=True, slots=True)
class Verdict:
    accepted: bool
    score: float
    reason: str


def judge(
    cluster: Cluster,
    a: Sentence,
    b: Sentence,
    similarity: float,
    threshold: float,
    min_shared_terms: int = DEFAULT_MIN_SHARED_TERMS,
    topic: frozenset[str] = frozenset(),
    best: float | None = None,
) -> Verdict:
    """Do ``a`` and ``b`` (cosine ``similarity``) state the same fact? ``topic`` is
    :func:`story_terms` of the cluster, passed in so it is computed once per summary sentence.
    ``best`` is :func:`best_in_source` of ``a`` in ``b``'s article; without it the better-match
    test is skipped (the agreement stage's candidates are each one's best match in the other
    source already, and a similarity per pair there would cost 0.4 s on a 200-document story)."""
    if similarity < threshold:
        return Verdict(False, 0.0, f"similarity {similarity:.2f} below {threshold:.2f}")
    shared = shared_terms(cluster, a, b, topic)
    if similarity >= VERBATIM_SIMILARITY:  # one statement in the same words, topic words and all
        ok, why = compatible(a.text, b.text, similarity, topic, shared)
        return Verdict(
            ok, 1.0 if ok else 0.0, f"the same words (similarity {similarity:.2f})" + (f"; {why}" if why else "")
        )
    if len(shared) < min_shared_terms:
        return Verdict(False, 0.0, f"{len(shared)} shared terms, {min_shared_terms} needed")
    names = name_terms(a.text) | name_terms(b.text)  # stems of bare words: "Attorney’s" gives "attorney"
    event = {t for t in shared if t.rstrip("'") not in names} - SPEECH_TERMS - attribution_terms(a.text, b.text)
    if len(event) < MIN_EVENT_TERMS:
        return Verdict(False, 0.0, f"shares names or speech only ({', '.join(sorted(shared)[:4])})")
    ok, why = compatible(a.text, b.text, similarity, topic, shared)
    if not ok:
        return Verdict(False, 0.0, why)
    first, second = opening_name(a.text, cluster), opening_name(b.text, cluster)
    if first and second and first != second and first not in b.text and second not in a.text:
        return Verdict(False, 0.0, f"different subjects: {first} vs {second}")
    counts = cluster.term_sentences
    if not any(max(counts[a.doc_id][t], counts[b.doc_id][t]) <= MAX_DETAIL_SENTENCES for t in shared):
        return Verdict(False, 0.0, f"shares only words its sources repeat ({', '.join(sorted(shared)[:4])})")
    if best is not None and best >= BETTER_MATCH_RATIO * similarity and not figure_agrees(a.text, b.text):
        return Verdict(False, 0.0, f"its source says it better elsewhere (similarity {best:.2f})")
    own = [set(cluster.terms[cluster.row(s)]) - topic for s in (a, b)]
    score = len(shared) / max(1, min(len(t) for t in own))
    reason = f"{len(shared)} shared terms: {', '.join(sorted(shared)[:6])}" + (f"; {why}" if why else "")
    return Verdict(True, round(min(1.0, score), 4), reason)


def find_support(
    cluster: Cluster, sentence: Sentence, threshold: float, min_shared_terms: int = DEFAULT_MIN_SHARED_TERMS
) -> list[Support]:
    """Best-matching sentence of every *other* source that supports ``sentence``, best first."""
    others = [s for s in cluster.sentences if s.doc_id != sentence.doc_id and not s.is_heading]
    if not others:
        return []
    sims = cluster.similarity([cluster.row(sentence)], [cluster.row(s) for s in others])[0]
    topic = story_terms(cluster) if min_shared_terms > 0 else frozenset()
    closest: dict[int, float] = {}  # source -> the highest cosine of ``sentence`` to one of its sentences
    for other, similarity in zip(others, sims, strict=True):
        closest[other.doc_id] = max(closest.get(other.doc_id, 0.0), float(similarity))
    best: dict[int, Support] = {}
    for other, similarity in zip(others, sims, strict=True):
        if other.doc_id in best and similarity <= best[other.doc_id].similarity:
            continue
        verdict = judge(
            cluster, sentence, other, float(similarity), threshold, min_shared_terms, topic, closest[other.doc_id]
        )
        if not verdict.accepted:
            continue
        similarity = round(float(similarity), 4)
        best[other.doc_id] = Support(
            other.doc_id, other.index, other.start, other.end, similarity, verdict.score, verdict.reason
        )
    return sorted(best.values(), key=lambda s: (-s.similarity, s.source))
