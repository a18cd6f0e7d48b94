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
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsbrief.textsim import Cluster, word_count

# A quotation that has not closed after this many sentences is taken to be a stray mark, and its
# sentences are not selectable. Multi-sentence quotations in the Multi-News validation sample and in
# DUC 2006 run 2-4 sentences; 8 words-budget-sized sentences exceed any 250-word summary anyway.
MAX_QUOTATION_SENTENCES = 8

_MARK = re.compile(r"``|''|[\"“”]")
_OPENS_WORD = re.compile(r"(?:^|(?<=[\s(\[—–-]))\"(?=\S)")


def quotation_depth(text: str, depth: int = 0) -> tuple[int, bool]:
    """The number of quotations still open after ``text`` when ``depth`` were open before it, and
    whether ``text`` closes a quotation that was not open."""
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
        return sum(word_count(cluster.sentences[row].text) for row in self.members[unit])


def selectable_units(cluster: Cluster, rows: list[int]) -> Units:
    """Units over the candidate ``rows``; a quotation that runs through a sentence that is not a
    candidate (a heading, a very short sentence) gives no unit."""
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
    return Units(members, {row: u for u, unit in enumerate(members) for row in unit})
