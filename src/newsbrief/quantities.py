"""Counted things in a sentence and the range of values their wording allows.

Shared by corroboration (two sentences giving incompatible figures for the same counted thing do
not state the same fact) and conflict detection (aligned sentences that do). "At least 40,000
troops" allows 40,000 and up; "tens of thousands of soldiers" 20,000 to 99,999; "some 20,000
troops" 17,000 to 23,000. Years and days of the month are dates, not counts.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from newsbrief.lexicon import NUMBER_WORDS, alternation
from newsbrief.textsim import content_terms

# Synonyms of counted things, so "deaths" and "killed" are one quantity; any other counted noun
# is its own unit ("12 people", "$5 million" -> dollars, "3 percent", "19" after a name -> age).
# Generic news vocabulary, not one story's: checked on the trust labels' tune half.
UNIT_CLASSES = {
    "deaths": "deaths dead killed died fatalities lives",
    "injured": "injured wounded hurt",
    "troops": "troops soldiers servicemen personnel marines fighters",
    "people": "people persons residents individuals",
    "percent": "percent per cent %",
    "dollars": "dollars $",
    "pounds": "pounds £",
    "euros": "euros €",
    "years old": "year-old years-old",
}
_UNIT_OF = {word: unit for unit, words in UNIT_CLASSES.items() for word in words.split()}
UNIT_STEMS = set(content_terms(" ".join(_UNIT_OF)))
# Durations ("five years", "10 days") measure different spans in sentences that look alike (a
# sentence, a wait, an age of a building): on the tune half they were look-alikes, not conflicts.
DURATION_STEMS = frozenset(content_terms("years months weeks days hours minutes year month week day hour minute"))
_VERB_BEFORE = re.compile(r"\b(killed|wounded|injured)\s+(?:at least\s+|more than\s+|about\s+)?$", re.IGNORECASE)
_TAIL_STOP = frozenset(
    "for of in on at to from by with and or than per since after before was were is are had has have who that".split()
)
_SKIP_IN_TAIL = frozenset("more most other additional new some of about nearly".split())
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
    r"|(?P<currency>[$£€])?(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s*(?P<mult>million|billion|thousand))?"
    r"(?P<pct>\s*(?:%|percent\b|per cent\b))?"
    r"|\b(?P<word>" + alternation(tuple(NUMBER_WORDS)) + r")(?:\s+(?P<wmult>million|billion|thousand)\b)?)"
    r"(?P<tail>(?:[\s-]+(?![\d$£€])[\w$%-]+[.,;:]?){0,4})",  # not "$1.2" in "pounds, or about $1.2 billion"
    re.IGNORECASE,
)
_ANY_NUMBER = re.compile(
    r"\d|\b(?:" + alternation(tuple(NUMBER_WORDS)) + r"|dozens|scores|hundreds|thousands|millions)\b", re.IGNORECASE
)
_YEARISH = re.compile(r"^(?:1[89]|20)\d\d$")
_AGE_AFTER_NAME = re.compile(r"[A-Z][\w'’-]+,\s+(?P<age>\d{1,3}),")


@dataclass(frozen=True, slots=True)
class Quantity:
    unit: str
    low: float
    high: float
    text: str
    start: int  # offset in the sentence


def _range(value: float, qual: str) -> tuple[float, float]:
    """Values a figure allows given its qualifier; reporters round by a few percent."""
    if qual in ("more than", "over", "at least"):
        return value, math.inf
    if qual in ("up to", "as many as", "fewer than", "less than", "under"):
        return 0, value
    if qual in ("nearly", "almost"):
        return value * 0.85, value
    if qual:
        return value * 0.85, value * 1.15
    return value * 0.95, value * 1.05


@lru_cache(maxsize=1 << 16)
def quantities(text: str) -> tuple[Quantity, ...]:
    """Counted things in a sentence with the range of values the wording allows; the unit is the
    counted noun (its synonym class when it has one). Years and days of the month are not counts."""
    if not _ANY_NUMBER.search(text):  # most sentences count nothing: skip the full pattern
        return ()
    found = []
    for m in _QUANTITY.finditer(text):
        if m.group("num") and _YEARISH.match(m.group("num")) and not m.group("currency"):
            continue
        tail_words = list(re.finditer(r"[^\s-]+", m.group("tail")))
        tail = [w.group(0).lower().strip(".,;:") for w in tail_words]
        if m.group("pct"):
            unit, position = "percent", -1
        elif m.group("currency"):
            unit, position = {"$": "dollars", "£": "pounds", "€": "euros"}[m.group("currency")], -1
        else:
            # "66,000 for 21 days": the counted noun comes before any preposition or other number.
            stop = next((i for i, w in enumerate(tail) if w in _TAIL_STOP or w[:1].isdigit()), len(tail))
            if tail[:2] == ["year", "old"] or tail[:1] == ["year-old"]:
                unit, position = "years old", 0
            else:
                # The counted noun is the head of the phrase: a known unit, else the first plural,
                # else the phrase's last word ("40,000 Russian troops", "12 people", "a lone man").
                phrase = [(i, w) for i, w in enumerate(tail[:stop]) if w.isalpha() and w not in _SKIP_IN_TAIL]
                head = next((i for i, w in phrase if w in _UNIT_OF), None)
                head = head if head is not None else next((i for i, w in phrase if w.endswith("s")), None)
                if head is None and phrase and stop < len(tail):
                    head = phrase[-1][0]
                verb = _VERB_BEFORE.search(text[: m.start()])
                if head is None and verb:  # "killed two and wounded 30": the verb says what is counted
                    unit, position = _UNIT_OF[verb.group(1).lower()], -1
                elif head is None:
                    continue
                else:
                    position = head
                    stems = content_terms(tail[position])
                    unit = _UNIT_OF.get(tail[position]) or (stems[0] if stems else "")
                if not unit or unit in DURATION_STEMS:
                    continue
                # "three people were killed" counts deaths, as "killed three" does.
                if unit == "people":
                    verbs = [_UNIT_OF[verb.group(1).lower()]] if verb else []
                    verbs += [_UNIT_OF[w] for w in tail[position + 1 :] if _UNIT_OF.get(w) in ("deaths", "injured")]
                    unit = verbs[0] if verbs else unit
        qual = (m.group("qual") or "").strip().lower()
        low: float
        high: float
        if m.group("vague"):
            low, high = _VAGUE[m.group("vague").lower()]
        else:
            if m.group("num"):
                value = float(m.group("num").replace(",", ""))
                value *= {"million": 1e6, "billion": 1e9, "thousand": 1e3}.get((m.group("mult") or "").lower(), 1)
            else:
                value = NUMBER_WORDS[m.group("word").lower()]
                value *= {"million": 1e6, "billion": 1e9, "thousand": 1e3}.get((m.group("wmult") or "").lower(), 1)
            low, high = _range(value, qual)
        if position >= 0 and not (m.group("pct") or m.group("currency")) and tail_words:
            end = m.start("tail") + tail_words[position].end()
        else:
            end = max(m.end(group) for group in ("num", "mult", "pct", "word", "wmult", "vague") if m.group(group))
        found.append(Quantity(unit, low, high, text[m.start() : end].strip(), m.start()))
    for m in _AGE_AFTER_NAME.finditer(text):  # "Saeed, 19, a student": an age by apposition
        value = float(m.group("age"))
        found.append(Quantity("years old", value, value, text[m.start() : m.end() - 1], m.start()))
    return tuple(found)


def contradicting(first: tuple[Quantity, ...], second: tuple[Quantity, ...]) -> tuple[Quantity, Quantity] | None:
    """A figure of ``first`` and one of ``second`` for the same counted thing that cannot both hold,
    when no figure of that thing agrees across the two; else None."""
    for q1 in first:
        rivals = [q2 for q2 in second if q2.unit == q1.unit]
        same_unit = [q for q in first if q.unit == q1.unit]
        if rivals and not any(overlap(a, b) for a in same_unit for b in rivals):
            return q1, rivals[0]
    return None


def overlap(a: Quantity, b: Quantity) -> bool:
    return not (a.high < b.low or b.high < a.low)
