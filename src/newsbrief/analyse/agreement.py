"""Agreement and conflict across sources.

* **Corroborated facts**: sentences of different sources that state the same fact (the support
  test of :mod:`newsbrief.corroborate`: word overlap *and* compatible numbers, years, names and
  polarity), grouped; each group counts its independent outlets (:mod:`newsbrief.analyse.outlets`:
  two BBC pages are one outlet, republished wire copy is the wire).
* **Single-source claims**: checkable sentences (a number, a date, a quote or reported speech)
  that no other source states, best-ranked first.
* **Conflicts**: *aligned* sentences of different sources (the same event: the support test's word
  overlap, without its compatibility part) that disagree on a count, amount, percentage or age
  ("40,000 troops" vs "20,000 troops"; "tens of thousands of soldiers" vs "40,000 troops" agree)
  of the same counted thing (:func:`newsbrief.quantities.same_thing`: noun, base of a share, what
  a sum is for, place, surrounding words; number pairs align on looser candidates, since the
  binding itself says they are about one thing),
  on the date of the event, or on polarity (one states what the other negates or denies, or they
  judge it oppositely: "constructive" vs "deadlocked"). No topic list: any aligned pair is
  compared. Each side cites its sentence and its source's publication date.

Pairs are never formed over all sentences: candidates must share an informative term (one that
occurs in at most ``MAX_POSTING`` sentences), each sentence keeps its best match per other source,
and conflict buckets are capped, so the work grows roughly linearly with the story's size.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from datetime import date

import numpy as np
from scipy import sparse

from newsbrief.analyse import register, support_threshold
from newsbrief.corroborate import assertion, disjoint_names, judge, name_terms, shared_terms, story_terms
from newsbrief.isodate import bounds
from newsbrief.lexicon import ATTRIBUTION_WORDS, REPORTED_SPEECH_VERBS, alternation
from newsbrief.model import Analysis, Brief, Conflict, ConflictSide, DateMention, Fact, Quote, Sentence, Support
from newsbrief.quantities import AMOUNT_UNITS, UNIT_STEMS, Quantity, conflicting, quantities
from newsbrief.settings import DEFAULT_MIN_SHARED_TERMS
from newsbrief.textsim import STOPWORDS, Cluster, content_terms

MAX_POSTING = 60  # a term in more sentences than this does not make two sentences candidates
INFORMATIVE_SHARE = 0.5
MAX_SINGLE_SOURCE = 200
# Alignment (the same event) for conflicts: cosine and shared context words that are neither
# names, numbers nor counted-thing words. Calibrated on the trust labels' tune half.
ALIGN_SIMILARITY = 0.2
MIN_ALIGNED_CONTEXT_TERMS = 2
# Candidates for number conflicts: sentences that both give figures, at a lower cosine, since
# figures bound to the same counted thing (quantities.same_thing) align two sentences on their
# own. Tune half: 0.2 -> 0.12 raises recall 0.33 -> 0.42 at precision 0.92 -> 0.94; 0.10 adds a
# look-alike.
NUMBER_ALIGN_SIMILARITY = 0.12
DATE_CONFLICT_SIMILARITY = 0.4  # sentences with differing dates must be near-paraphrases
POLARITY_SIMILARITY = 0.5  # a negation flips the claim only of a near-paraphrase
# Share of the two sentences' terms (Jaccard) they must share. 8 DUC 2006 clusters outside the trust
# labels: 15 polarity conflicts flagged, all false; 0.3 / 0.4 / 0.5 leave 10 / 5 / 3; the tune half has
# no polarity pair either way.
POLARITY_OVERLAP = 0.4
# A claim or judgement is of its moment: reports further apart than this (a DUC topic spans years)
# record positions at different times, not a dispute. 4 fresh DUC 2006 clusters outside the labels:
# the 2 claim conflicts left (a polarity pair and a stance pair) were 5 and 18 months apart, both
# false; the example story's reports are days apart.
CLAIM_DAYS = 30
_QUESTION = re.compile(r"\?\W*$|\?[\"'”’]")
STANCE_WINDOW_BEFORE = 16  # words of its clause before a judgement that may name what it judges
STANCE_WINDOW_AFTER = 6
MAX_STANCE_BUCKET = 50  # judgements of one thing compared pairwise
HISTORY_YEARS = 2  # a year this far before a report's publication is another event than the report's


# --- candidate pairs -----------------------------------------------------------------------


def similar_pairs(cluster: Cluster, rows: list[int], threshold: float) -> list[tuple[int, int, float]]:
    """``(row_a, row_b, cosine)`` for sentences of different sources at or above ``threshold``,
    found through informative shared terms only; each sentence keeps its best match per source
    (keeping the 3 best per source was measured for conflicts: on the tune half it adds
    look-alikes only, number conflicts 0.94 -> 0.83 precision at the same recall 0.42)."""
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


def independence_keys(analysis: Analysis) -> dict[int, str]:
    """Source id -> the key independence counts it by (:class:`~newsbrief.model.OutletProfile`)."""
    return {p.source: p.independence for p in analysis.outlets}


# --- facts ---------------------------------------------------------------------------------


MIN_SHARED_NON_NAME_TERMS = 2


def corroborating_pairs(
    cluster: Cluster, pairs: list[tuple[int, int, float]]
) -> list[tuple[int, int, float, float, str]]:
    """``(row_a, row_b, cosine, score, reason)`` for the pairs the support test
    (:func:`newsbrief.corroborate.judge`) accepts that also share words besides names: two
    sentences naming "German Chancellor Angela Merkel" share a name, not a fact."""
    topic = story_terms(cluster)
    accepted = []
    for a, b, c in pairs:
        first, second = cluster.sentences[a], cluster.sentences[b]
        verdict = judge(cluster, first, second, c, 0.0, DEFAULT_MIN_SHARED_TERMS, topic)
        if not verdict.accepted:
            continue
        names = name_terms(first.text) | name_terms(second.text)
        if len(shared_terms(cluster, first, second, topic) - names) >= MIN_SHARED_NON_NAME_TERMS:
            accepted.append((a, b, c, verdict.score, verdict.reason))
    return accepted


def find_facts(
    analysis: Analysis, cluster: Cluster, pairs: list[tuple[int, int, float, float, str]]
) -> tuple[list[Fact], set[int]]:
    """Groups of sentences that state the same thing, at most one per source, and the rows with a match.

    Star grouping, best pairs first: a sentence joins a group only when it is itself paired with
    the group's lead, so chains (A like B, B like C) never merge unrelated statements.
    """
    lead_of: dict[int, int] = {}
    groups: dict[int, list[int]] = {}
    accepted = {(a, b): (c, score, why) for a, b, c, score, why in pairs}
    accepted |= {(b, a): value for (a, b), value in list(accepted.items())}

    for a, b, *_ in sorted(pairs, key=lambda p: -p[2]):
        if a not in lead_of and b not in lead_of:
            lead_of[a] = lead_of[b] = a
            groups[a] = [a, b]
            continue
        for joining, member in ((b, a), (a, b)):
            lead = lead_of.get(member)
            if joining in lead_of or lead is None:
                continue
            docs = {cluster.sentences[r].doc_id for r in groups[lead]}
            if cluster.sentences[joining].doc_id not in docs and (joining, lead) in accepted:
                lead_of[joining] = lead
                groups[lead].append(joining)
    keys = independence_keys(analysis)
    facts = []
    for lead, members in groups.items():
        sentences = [cluster.sentences[r] for r in members]
        sources = [s.doc_id for s in sentences]
        outlets = list(dict.fromkeys(keys.get(s, f"source {s}") for s in sources))
        support = []
        for row, s in zip(members, sentences, strict=True):
            similarity, score, why = accepted.get((lead, row), (1.0, 1.0, "the fact's own sentence"))
            support.append(Support(s.doc_id, s.index, s.start, s.end, round(float(similarity), 4), score, why))
        facts.append(
            Fact(
                text=cluster.sentences[lead].text,
                sources=sources,
                independent_outlets=len(outlets),
                members=support,
                outlets=outlets,
            )
        )
    facts.sort(key=lambda f: (-f.independent_outlets, -len(f.members), f.sources[0]))
    return facts, set(lead_of)


_NUMBER_OR_CLAIM = re.compile(r"\d|\b" + alternation(ATTRIBUTION_WORDS) + r"\b")


def single_source_claims(
    brief: Brief, cluster: Cluster, corroborated: set[int], quoted: set[tuple[int, int]], keys: dict[int, str]
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
            members=[Support(s.doc_id, s.index, s.start, s.end, 1.0, 1.0, "single source")],
            outlets=[keys.get(s.doc_id, f"source {s.doc_id}")],
        )
        for s in claims[:MAX_SINGLE_SOURCE]
    ]


# --- numeric conflicts ---------------------------------------------------------------------


def _side(sentence: Sentence, value: str, published: dict[int, str], attributed_to: str | None = None) -> ConflictSide:
    return ConflictSide(
        sentence.text,
        value,
        sentence.doc_id,
        sentence.index,
        sentence.start,
        sentence.end,
        attributed_to,
        published.get(sentence.doc_id),
    )


def _context_terms(terms: list[str], text: str) -> frozenset[str]:
    """Content terms (``terms``, the sentence's row of the cluster) that are neither names, numbers
    nor counted-thing words: what a number is about."""
    return frozenset(t for t in terms if not t[0].isdigit()) - name_terms(text) - UNIT_STEMS


def aligned_pairs(cluster: Cluster, pairs: list[tuple[int, int, float]]) -> list[tuple[int, int, float]]:
    """Pairs of sentences about the same event: the support test's overlap (similarity, shared
    non-topic terms beyond names and numbers) without its compatibility part, which is what a
    conflict violates."""
    topic = story_terms(cluster)
    aligned = []
    contexts: dict[int, frozenset[str]] = {}  # the cluster's terms, not a second tokenisation

    def context_of(row: int) -> frozenset[str]:
        if row not in contexts:
            contexts[row] = _context_terms(cluster.terms[row], cluster.sentences[row].text)
        return contexts[row]

    for a, b, similarity in pairs:
        if similarity < ALIGN_SIMILARITY:
            continue
        first, second = cluster.sentences[a], cluster.sentences[b]
        context = (context_of(a) & context_of(b)) - topic
        # The same counted thing on the same named day or place ("144 people killed Monday" /
        # "125 people died across Syria on Monday") is one event even with little else shared.
        units = {q.unit for q in quantities(first.text)} & {q.unit for q in quantities(second.text)}
        names = name_terms(first.text) & name_terms(second.text)  # the story's own names count here
        if len(context) >= MIN_ALIGNED_CONTEXT_TERMS or (units and names):
            aligned.append((a, b, similarity))
    return aligned


def different_events(first: Sentence, second: Sentence, published: dict[int, str]) -> bool:
    """Two sentences about different events, whose figures do not contradict each other (a topic
    cluster holds many incidents of one kind): each names people or places and they share none of
    those names ("two boys in Jonesboro" / "four boys arrested in Port Huron"); or they name
    different years; or one names only years at least :data:`HISTORY_YEARS` before the other's
    publication ("In 1990, 13 deaths" / "five confirmed deaths" in a 1999 report)."""
    a, b = assertion(first.text), assertion(second.text)
    if disjoint_names(a, b):
        return True
    if a.years and b.years:
        return not a.years & b.years
    for named, other in ((a, second), (b, first)):
        year = published.get(other.doc_id, "")[:4]
        if named.years and year.isdigit() and max(int(y) for y in named.years) <= int(year) - HISTORY_YEARS:
            return True
    return False


# A running total ("has killed five", "so far this year", "since June") grows between reports: two
# counts of which one is a running total disagree only when written within this many days of each
# other (a count on an event's own day does not grow). 8 DUC 2006 clusters outside the trust labels:
# 66 number conflicts, 42 with 3 days, 43 with 7, 49 with 30; the tune half keeps all its 14.
RUNNING_TOTAL_DAYS = 3
_RUNNING_TOTAL = re.compile(
    r"\b(?:ha(?:s|ve)(?: now| so far)? (?:been|\w+ed)|so far|to date|this year|since|in total|total(?:led|ed)?)\b",
    re.IGNORECASE,
)


def _clause_of(text: str, at: int) -> str:
    """The clause (between , ; : marks) of ``text`` holding offset ``at``."""
    start = max(text.rfind(mark, 0, at) for mark in ",;:") + 1
    end = min((i for mark in ",;:" if (i := text.find(mark, at)) != -1), default=len(text))
    return text[start:end]


def _running_totals_apart(
    first: Sentence, q1: Quantity, second: Sentence, q2: Quantity, published: dict[int, str]
) -> bool:
    """Does either figure's clause give a running total, and were the two reports written days
    apart? The clause, not the sentence: in "since the ferry sank in May, which killed all 40
    aboard and two on the quay" the count is the sinking's, not a total since it (tune half:
    two "four vs five on the ground" disagreements were refused on such a "since")."""
    if not (
        _RUNNING_TOTAL.search(_clause_of(first.text, q1.start))
        or _RUNNING_TOTAL.search(_clause_of(second.text, q2.start))
    ):
        return False
    return _days_apart(first, second, published) > RUNNING_TOTAL_DAYS


def _days_apart(first: Sentence, second: Sentence, published: dict[int, str]) -> int:
    """Days between the two sentences' reports; 0 when either date is unknown."""
    day1, day2 = published.get(first.doc_id, "")[:10], published.get(second.doc_id, "")[:10]
    if len(day1) < 10 or len(day2) < 10:
        return 0
    return abs((date.fromisoformat(day1) - date.fromisoformat(day2)).days)


def numeric_conflicts(
    cluster: Cluster, aligned: list[tuple[int, int, float]], published: dict[int, str]
) -> list[Conflict]:
    """Aligned sentences giving ranges of the same counted thing that cannot both hold."""
    conflicts = []
    for a, b, _ in aligned:
        s1, s2 = cluster.sentences[a], cluster.sentences[b]
        if different_events(s1, s2, published):
            continue
        found = conflicting(quantities(s1.text), quantities(s2.text))
        if found is not None:
            q1, q2 = found
            if q1.unit not in AMOUNT_UNITS and _running_totals_apart(s1, q1, s2, q2, published):
                continue
            conflicts.append(
                Conflict(
                    kind="number",
                    topic=q1.unit,
                    sides=[_side(s1, q1.text, published), _side(s2, q2.text, published)],
                    explanation=f"'{q1.text}' and '{q2.text}' cannot both be right",
                )
            )
    return conflicts


# --- date conflicts ------------------------------------------------------------------------


_REPORTING_NEAR = re.compile(r"\b" + alternation(REPORTED_SPEECH_VERBS) + r"\W+(?:\w+\W+)?$", re.IGNORECASE)


def _report_day(sentence: Sentence, mention: DateMention) -> bool:
    """Is the date the day something was said or reported ("a newspaper reported Friday")?"""
    return bool(_REPORTING_NEAR.search(sentence.text[: mention.start - sentence.start]))


def _only_inferred_years_differ(first: DateMention, second: DateMention) -> bool:
    """The same month and day in two years of which one was inferred, not written: the
    inference is the weaker side ("on October 31, 1999" / "on October 31" read as 2000)."""
    same_day = (first.iso or "")[4:] == (second.iso or "")[4:]
    return same_day and (first.anchor != "explicit" or second.anchor != "explicit")


def date_conflicts(
    analysis: Analysis, cluster: Cluster, aligned: list[tuple[int, int, float]], published: dict[int, str]
) -> list[Conflict]:
    """Aligned sentences that date the same event on days that do not overlap."""
    resolved: dict[tuple[int, int], list[DateMention]] = defaultdict(list)
    for m in analysis.dates:
        if m.iso:
            resolved[(m.source, m.sentence)].append(m)
    # Only sentences with one date (of any precision: "last month" and "Friday" are two), at day
    # level, not borrowed from other sources, and not the day of the report itself ("a newspaper
    # reported Friday"): with two, which one dates the shared event is unknown.
    dated = {
        key: values[0]
        for key, values in resolved.items()
        if len(values) == 1 and len(values[0].iso or "") == 10 and not values[0].anchor.endswith("year:story")
    }
    conflicts = []
    for a, b, similarity in aligned:
        s1, s2 = cluster.sentences[a], cluster.sentences[b]
        m1, m2 = dated.get((s1.doc_id, s1.index)), dated.get((s2.doc_id, s2.index))
        if not m1 or not m2 or similarity < DATE_CONFLICT_SIMILARITY:
            continue
        if _report_day(s1, m1) or _report_day(s2, m2) or _only_inferred_years_differ(m1, m2):
            continue
        (lo1, hi1), (lo2, hi2) = bounds(m1.iso or ""), bounds(m2.iso or "")
        if hi1 < lo2 or hi2 < lo1:
            conflicts.append(
                Conflict(
                    kind="date",
                    topic="date of the same event",
                    sides=[
                        _side(s1, f"{m1.text} ({m1.iso})", published),
                        _side(s2, f"{m2.text} ({m2.iso})", published),
                    ],
                    explanation=f"the sentences match (similarity {similarity:.2f}) but their dates do not overlap",
                )
            )
    return conflicts


# --- polarity: one states what the other negates, or they judge it oppositely -----------------

# (positive, negative) wordings of one judgement: generic evaluative antonyms, compared only
# within aligned pairs, so no list of topics is needed.
STANCES = {
    "outcome": (
        # "agreement" alone is as often the document itself ("the agreement she signed", "there is
        # no agreement because he did not sign it": 4 of the 5 stance conflicts of a fresh Multi-News
        # sample); an outcome is an agreement reached. "agreed" concurs with a proposition as often
        # as it reports a deal ("groups have agreed that ...", "what is now agreed to have been ..."):
        # the 2 stance conflicts on "agreed" in 10 fresh DUC 2006 clusters.
        r"\b(?:constructive|productive|progress|breakthrough|success(?:ful)?"
        r"|reach(?:ed|es|ing)?\s+(?:an?\s+|the\s+)?agreement|agreement\s+(?:was|has been|is)\s+reached)\b",
        r"\b(?:deadlock(?:ed)?|stalemate|impasse|fail(?:ed|ure)|broke down|collapsed|achieve nothing"
        r"|reach(?:ed)?\s+no\s+agreement|no agreement (?:was|has been) reached)\b",
    ),
    "legality": (
        r"\b(?:legal|legitimate|lawful|based on international law|in line with international law)\b",
        r"\b(?:illegal|illegitimate|unlawful|violat(?:e|es|ion) (?:of )?international law)\b",
    ),
}
_STANCE_RX = {k: (re.compile(p, re.IGNORECASE), re.compile(n, re.IGNORECASE)) for k, (p, n) in STANCES.items()}
# Most sentences judge nothing: one pass over all the wordings rules them out.
_ANY_STANCE = re.compile("|".join(p for pair in STANCES.values() for p in pair), re.IGNORECASE)
_ADJECTIVE_ENDINGS = ("al", "ate", "ful", "ive")  # of the stance adjectives: legal, legitimate, lawful, constructive
# A wording that states a condition judges nothing ("extended to couples where legal", "in places
# where marriage is not legal": the one legality conflict of a fresh Multi-News sample).
_CONDITION = re.compile(r"\b(?:where|if|unless|whether)\b(?:\W+\w+){0,3}\W*$", re.IGNORECASE)
_NEGATOR = re.compile(r"\b(?:not|no|nor|never|without|hardly|little)\b(?:\W+\w+){0,3}\W*$", re.IGNORECASE)


def _judgements(text: str) -> list[tuple[str, bool, re.Match[str]]]:
    """``(judgement, positive, match)`` for each evaluative wording in ``text``, negation applied."""
    found: list[tuple[str, bool, re.Match[str]]] = []
    if not _ANY_STANCE.search(text):
        return found
    for judgement, (positive_rx, negative_rx) in _STANCE_RX.items():
        for positive, rx in ((True, positive_rx), (False, negative_rx)):
            for m in rx.finditer(text):
                if not _classifies(text, m) and not _CONDITION.search(text[: m.start()]):
                    found.append((judgement, positive != bool(_NEGATOR.search(text[: m.start()])), m))
    return found


_NEXT_WORD = re.compile(r"\s+([a-z]+)")
_PREVIOUS_WORD = re.compile(r"([a-z]+)\s+$")


def _classifies(text: str, m: re.Match[str]) -> bool:
    """Is the wording part of a name for a kind of thing rather than a judgement of it: an
    adjective before its noun ("the legal system", "a legitimate question", "a successful
    launch") or "failure" after its modifier ("mechanical failure", "heart failure")? 8 DUC 2006
    clusters outside the trust labels: 12 stance conflicts flagged, all on such wordings."""
    cue = m.group(0).lower()
    if cue.endswith(_ADJECTIVE_ENDINGS):
        following = _NEXT_WORD.match(text, m.end())
        return following is not None and following.group(1) not in STOPWORDS
    if cue == "failure":
        preceding = _PREVIOUS_WORD.search(text, 0, m.start())
        return preceding is not None and preceding.group(1) not in STOPWORDS
    return False


def _judged_terms(text: str, m: re.Match[str]) -> set[str]:
    """Content terms near a judgement, within its clause: what is being judged ("four hours of
    talks … failed"); names are who judges or is named, not the thing judged."""
    clause_start = max(text.rfind(mark, 0, m.start()) for mark in ",;:—") + 1
    clause_end = min((i for mark in ",;:—." if (i := text.find(mark, m.end())) != -1), default=len(text))
    before = text[clause_start : m.start()].split()[-STANCE_WINDOW_BEFORE:]
    after = text[m.end() : clause_end].split()[:STANCE_WINDOW_AFTER]
    window = " ".join(before + after)
    return set(content_terms(window)) - set(content_terms(m.group(0))) - name_terms(window, skip_first=False)


def _speaker_at(offset: int, quotes: list[Quote]) -> str | None:
    """Who a word at ``offset`` (article offset) is attributed to: the quote or reported speech holding it."""
    return next((q.speaker for q in quotes if q.start <= offset < q.end and q.speaker), None)


def claim_conflicts(
    cluster: Cluster, analysis: Analysis, aligned: list[tuple[int, int, float]], published: dict[int, str]
) -> list[Conflict]:
    """Opposite polarity about one thing: aligned near-paraphrases of which one negates or denies
    what the other states, and opposite judgements (:data:`STANCES`) of the same judged thing (a
    term both judgements stand next to, found in the text, not listed) by different actors."""
    quotes: dict[tuple[int, int], list[Quote]] = defaultdict(list)
    for q in analysis.quotes:
        if q.speaker and not q.is_fragment:
            quotes[(q.source, q.sentence)].append(q)
    conflicts = []
    for a, b, similarity in aligned:
        s1, s2 = cluster.sentences[a], cluster.sentences[b]
        shared = set(cluster.terms[a]) & set(cluster.terms[b])
        claim1, claim2 = assertion(s1.text), assertion(s2.text)
        flipped = (claim1.negated ^ claim2.negated) & shared
        # One negates and the other does not: with negations on both sides ("pleaded no contest"
        # in each; "no treatment and no vaccine" / "no vaccine exists") their parity says nothing.
        one_sided = bool(claim1.negated) != bool(claim2.negated)
        # A near-paraphrase but for the negation: most of both sentences' terms shared (a long
        # sentence that repeats a short one and adds a negated clause says both); a question
        # asserts nothing.
        overlap = len(shared) / max(1, len(set(cluster.terms[a]) | set(cluster.terms[b])))
        asks = _QUESTION.search(s1.text) or _QUESTION.search(s2.text)
        if (
            similarity >= POLARITY_SIMILARITY
            and _days_apart(s1, s2, published) <= CLAIM_DAYS
            and overlap >= POLARITY_OVERLAP
            and flipped
            and one_sided
            and not asks
            and claim1.negative != claim2.negative
        ):
            negative, positive = (s1, s2) if claim1.negative else (s2, s1)
            conflicts.append(
                Conflict(
                    kind="claim",
                    topic="polarity",
                    sides=[_side(s1, s1.text, published), _side(s2, s2.text, published)],
                    explanation=f"source {negative.doc_id} negates or denies what source {positive.doc_id} states",
                )
            )
    buckets: dict[tuple[str, str], list[tuple[Sentence, bool, str, str]]] = defaultdict(list)
    for sentence in cluster.sentences:
        if sentence.is_heading:
            continue
        for judgement, is_positive, m in _judgements(sentence.text):
            actor = _speaker_at(sentence.start + m.start(), quotes[(sentence.doc_id, sentence.index)])
            actor = actor or cluster.article(sentence.doc_id).outlet_name or f"source {sentence.doc_id}"
            for term in _judged_terms(sentence.text, m):
                bucket = buckets[(judgement, term)]
                if len(bucket) < MAX_STANCE_BUCKET:
                    bucket.append((sentence, is_positive, actor, m.group(0)))
    seen: set[tuple[tuple[int, int], ...]] = set()
    for (judgement, term), items in sorted(buckets.items(), key=lambda kv: -len(kv[1])):
        for i, (s1, p1, who1, cue1) in enumerate(items):
            for s2, p2, who2, cue2 in items[i + 1 :]:
                key = (*sorted([(s1.doc_id, s1.index), (s2.doc_id, s2.index)]),)
                if p1 == p2 or s1.doc_id == s2.doc_id or who1 == who2 or key in seen:
                    continue
                if _days_apart(s1, s2, published) > CLAIM_DAYS:
                    continue
                seen.add(key)
                first, second = ((s1, cue1, who1), (s2, cue2, who2)) if p1 else ((s2, cue2, who2), (s1, cue1, who1))
                conflicts.append(
                    Conflict(
                        kind="claim",
                        topic=f"{judgement} of '{term}'",
                        sides=[
                            _side(first[0], first[1], published, first[2]),
                            _side(second[0], second[1], published, second[2]),
                        ],
                        explanation=f"{first[2]} calls it '{first[1]}'; {second[2]}: '{second[1]}'",
                    )
                )
    return conflicts


def _published(analysis: Analysis) -> dict[int, str]:
    """Source -> its publication date, or the earliest it can be, for the conflict sides."""
    return {p.source: value for p in analysis.publication_dates if (value := p.iso or p.earliest)}


@register(
    "agreement",
    requires=("outlets", "dates", "quotes"),
    assigns=("facts", "single_source_claims", "conflicts"),
)
def analyse_agreement(brief: Brief, cluster: Cluster, analysis: Analysis) -> None:
    threshold = support_threshold(brief)
    rows = [cluster.row(s) for s in cluster.sentences if not s.is_heading]
    candidates = similar_pairs(cluster, rows, min(threshold, ALIGN_SIMILARITY))
    supported = [pair for pair in candidates if pair[2] >= threshold]
    facts, corroborated = find_facts(analysis, cluster, corroborating_pairs(cluster, supported))
    analysis.facts = facts
    quoted = {(q.source, q.sentence) for q in analysis.quotes if not q.is_fragment}
    keys = independence_keys(analysis)
    analysis.single_source_claims = single_source_claims(brief, cluster, corroborated, quoted, keys)
    analysis.conflicts = find_conflicts(brief, cluster, analysis, candidates)


def find_conflicts(
    brief: Brief, cluster: Cluster, analysis: Analysis, candidates: list[tuple[int, int, float]] | None = None
) -> list[Conflict]:
    """Aligned sentences of different sources that disagree (numbers, dates, polarity).
    ``candidates`` are :func:`similar_pairs` at the alignment threshold when the caller has them."""
    if candidates is None:
        rows = [cluster.row(s) for s in cluster.sentences if not s.is_heading]
        threshold = min(support_threshold(brief), ALIGN_SIMILARITY)
        candidates = similar_pairs(cluster, rows, threshold)
    aligned = aligned_pairs(cluster, candidates)
    published = _published(analysis)
    # Figures bound to the same counted thing (quantities.same_thing) align two sentences on
    # their own: numbers are compared over looser candidates than dates and polarity.
    rows = [cluster.row(s) for s in cluster.sentences if not s.is_heading and quantities(s.text)]
    numeric = similar_pairs(cluster, rows, NUMBER_ALIGN_SIMILARITY)
    return (
        numeric_conflicts(cluster, numeric, published)
        + date_conflicts(analysis, cluster, aligned, published)
        + claim_conflicts(cluster, analysis, aligned, published)
    )
