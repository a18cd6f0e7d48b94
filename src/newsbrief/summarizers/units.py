"""Selectable units: a summary takes whole quotations, never a piece of one.

A quotation often runs over several sentences (“In light of the leak of my financial
disclosure info which is a felony. I will be releasing it myself.”). Shown alone, its first
sentence opens a quotation that never closes and its last closes one that never opened. So
every summarizer selects *units*: a sentence whose quotation marks balance is a unit by
itself; the sentences from one that opens a quotation to the one that closes it (in the same
article, consecutive) are one unit, taken whole when it fits the budget or not at all; a
sentence that closes a quotation it did not open, or one whose quotation never closes, is in
no unit and is never selected.

Quotation marks: “ ” and `` '' (the DUC/TREC newswire convention) say which way they point;
a straight " opens when it stands at the start of a word (after a space, an opening bracket or
the start) and closes otherwise. Single quotes are left alone: ’ is far more often an
apostrophe. Newswire continues a quotation over paragraphs by opening each new paragraph
again without closing the last one; a unit follows that convention, and a quotation still open
at the end of a paragraph that the next one does not re-open never closed.

**Eligibility**, one rule for every summarizer's pool (issue 9's malformed sentence and issue 12's
dangling one; the peers get it too, so the comparison stays fair):

* a unit's text, its sentences joined, must be *well formed*: it starts with a capital, a digit or
  an opening quotation mark, ends in terminal punctuation (closing quotes or brackets may follow),
  and its quotation marks balance (a newswire quotation re-opened at each paragraph does not, shown
  alone: it is left out);
* a question, or a transcript's "Q:" / "A:" line, is not selectable (it states no fact);
* a unit that *dangles* (:func:`dangles`) is selectable only together with the unit just before it
  in its article (one unit, both taken or neither), when that one is eligible and does not dangle
  itself; else not at all. It dangles when its first sentence opens with a connective or pronoun
  pointing back (:data:`~newsbrief.lexicon.DANGLING_OPENERS`: "But it is not looking too
  hopeful."), when it is one quotation naming no speaker, or when it speaks in the first person
  (:data:`~newsbrief.lexicon.FIRST_PERSON`) outside quotation marks. Calibrated on the tune half of
  the reader labels (bench/reader_check.py): of its labelled sentences, the three cues flag 7 + 9
  + 6 judged-dangling ones against 14 + 0 + 0 not judged dangling (most of those 14 follow their
  own antecedent in the brief, as the joined unit now makes them); a pronoun among the first six
  words, tried too, flagged 6 against 12 and was left out;
* fallback: when no unit of the cluster passes, the well-formed ones are used, and when none of
  those either, every unit, so that no brief is empty because of the rule.

The antecedent unit stays selectable on its own too, so a row can be in two units (``A`` and
``A+B``); ``of_row`` gives each row the first unit it is in, and a summarizer adds only the rows
it has not chosen yet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsbrief.lexicon import DANGLING_OPENERS, FIRST_PERSON, alternation
from newsbrief.model import Sentence
from newsbrief.segment import dateline_end
from newsbrief.textsim import Cluster, word_count

# A quotation that has not closed after this many sentences is taken to be a stray mark, and its
# sentences are not selectable. Multi-sentence quotations in the Multi-News validation sample and in
# DUC 2006 run 2-4 sentences; 8 words-budget-sized sentences exceed any 250-word summary anyway.
MAX_QUOTATION_SENTENCES = 8

_MARK = re.compile(r"``|''|[\"“”]")
_OPENS_WORD = re.compile(r"(?:^|(?<=[\s(\[—–-]))\"(?=\S)")
_OPENING_WORD = re.compile(r"[\"'“‘(\[\s`]*([A-Za-z]+)")
# Issue 9's form of a summary sentence: how it may start and end.
_STARTS = "\"'“‘`«„"  # an opening quotation mark may stand before the capital
_ENDS = re.compile(r"[.!?…][\"'”’»)\]]*$")


def shown_text(sentence: Sentence) -> str:
    """The sentence as a summary shows it: without a leading wire dateline ("CITY (Wire) -- "), words
    that tell a reader nothing in a brief that cites its sources (and cost a 100-word budget some 3 %)."""
    return sentence.text[dateline_end(sentence.text) :]


def shown_words(cluster: Cluster, row: int) -> int:
    """The budget's words of a row: those of its :func:`shown_text`."""
    return word_count(shown_text(cluster.sentences[row]))


def depends_on_context(text: str) -> bool:
    """Does the sentence open with a connective or a pronoun that points at an earlier sentence?"""
    match = _OPENING_WORD.match(text)
    return match is not None and match.group(1).lower() in DANGLING_OPENERS


_FIRST_PERSON = re.compile(r"(?<![\w’'])" + alternation(FIRST_PERSON) + r"(?![\w’'])", re.IGNORECASE)
_ANY_QUOTE = re.compile(r"[\"“”]|``|''")
_INTERVIEW_TAG = re.compile(r"\s*[QA]:")


def dangles(text: str) -> bool:
    """Does the text lean on the sentence before it? It opens with a connective or pronoun
    (:func:`depends_on_context`), is one quotation with no speaker named, or speaks in the first
    person outside any quotation marks (an unnamed speaker)."""
    if depends_on_context(text):
        return True
    stripped = text.strip()
    if stripped[:1] in ('"', "“", "`") and quotation_depth(stripped[:2]) == (1, False):  # '"I': it opens
        closing = max(stripped.rfind("”"), stripped.rfind('"'), stripped.rfind("''"))
        if closing > 0 and not stripped[closing:].strip("\"”' "):  # nothing after the closing mark
            return True
    return not _ANY_QUOTE.search(text) and bool(_FIRST_PERSON.search(text))


def is_question(text: str) -> bool:
    """A question (an interview's, or rhetorical) or a transcript's "Q:" / "A:" line: it states no fact."""
    return text.rstrip("\"'”’) ").endswith("?") or bool(_INTERVIEW_TAG.match(text))


def well_formed(text: str) -> bool:
    """Starts with a capital, a digit or an opening quotation mark; ends in terminal punctuation;
    its quotation marks balance (issue 9: a summary sentence that is none of these is malformed)."""
    text = text.strip()
    if not text or not (text[0].isupper() or text[0].isdigit() or text[0] in _STARTS):
        return False
    return bool(_ENDS.search(text)) and quotation_depth(text) == (0, False)


def quotation_depth(text: str, depth: int = 0) -> tuple[int, bool]:
    """The number of quotations still open after ``text`` when ``depth`` were open before it, and
    whether ``text`` closes a quotation that was not open."""
    if not _MARK.search(text):  # most sentences hold no quotation mark
        return depth, False
    stray_close = False
    openers = {m.start() for m in _OPENS_WORD.finditer(text)}
    for match in _MARK.finditer(text):
        mark = match.group()
        opens = mark in ("“", "``") or (mark == '"' and match.start() in openers)
        if opens:
            depth += 1
        elif depth:
            depth -= 1
        else:
            stray_close = True
    return depth, stray_close


@dataclass(frozen=True, slots=True)
class Units:
    """``members[u]``: the cluster rows of unit ``u`` in article order; ``of_row[row]``: the unit of a
    selectable row (rows in no unit are absent)."""

    members: list[tuple[int, ...]]
    of_row: dict[int, int]

    def words(self, unit: int, cluster: Cluster) -> int:
        return sum(shown_words(cluster, row) for row in self.members[unit])


def unit_text(cluster: Cluster, unit: tuple[int, ...]) -> str:
    return " ".join(cluster.sentences[row].text for row in unit)


def eligible_units(cluster: Cluster, members: list[tuple[int, ...]]) -> list[tuple[int, ...]]:
    """The units the eligibility rule keeps, with a dangling unit joined to its antecedent (module
    docstring), in article order; the fallback when none passes."""
    shaped = [unit for unit in members if well_formed(text := unit_text(cluster, unit)) and not is_question(text)]
    ending_at = {unit[-1]: unit for unit in shaped}
    kept = []
    for unit in shaped:
        if not dangles(unit_text(cluster, unit)):
            kept.append(unit)
            continue
        first = cluster.sentences[unit[0]]
        before = ending_at.get(unit[0] - 1) if first.index else None  # row - 1 is in the same article
        if before is not None and not dangles(unit_text(cluster, before)):
            kept.append(before + unit)
    return kept or shaped or members


def quotation_items(sentences: list[Sentence]) -> list[str]:
    """Selected sentences (in article order) as the items a reader sees: the sentences of one
    multi-sentence quotation joined into one, every other sentence alone."""
    items: list[str] = []
    depth = 0
    previous: Sentence | None = None
    for sentence in sentences:
        follows = previous is not None and (previous.doc_id, previous.index + 1) == (sentence.doc_id, sentence.index)
        if depth and follows:
            items[-1] += " " + shown_text(sentence)
        else:
            items.append(shown_text(sentence))
            depth = 0
        depth, stray = quotation_depth(sentence.text, depth)
        depth = 0 if stray else depth
        previous = sentence
    return items


def selectable_units(cluster: Cluster, rows: list[int], eligible: bool = True) -> Units:
    """Units over the candidate ``rows``; a quotation that runs through a sentence that is not a
    candidate (a heading, a very short sentence) gives no unit. ``eligible``: apply the shared
    eligibility rule (module docstring); False gives the plain quotation units."""
    candidates = set(rows)
    members: list[tuple[int, ...]] = []
    for article in cluster.articles:
        pending: list[int] = []  # rows of an open quotation
        depth = 0
        previous_paragraph = -1
        for sentence in article.sentences:
            row = cluster.row(sentence)
            if pending and sentence.paragraph != previous_paragraph:
                # A quotation continues into a new paragraph only by opening it again (newswire convention);
                # otherwise it never closed and its sentences are in no unit.
                if sentence.text.lstrip()[:1] not in ('"', "“", "`"):
                    pending = []
                depth = 0
            previous_paragraph = sentence.paragraph
            depth, stray_close = quotation_depth(sentence.text, depth)
            if not pending:
                if stray_close:
                    depth = 0
                elif depth:
                    pending = [row]
                else:
                    members.append((row,))
                continue
            pending.append(row)
            if not depth:
                members.append(tuple(pending))
                pending = []
            elif len(pending) >= MAX_QUOTATION_SENTENCES:
                pending, depth = [], 0
    members = [unit for unit in members if all(row in candidates for row in unit)]
    if eligible:
        members = eligible_units(cluster, members)
    of_row: dict[int, int] = {}
    for u, unit in enumerate(members):
        for row in unit:
            of_row.setdefault(row, u)
    return Units(members, of_row)
