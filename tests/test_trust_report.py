"""Trust on stories the rules were not written on (issue 11): floors on the report half.

The rules and thresholds were tuned on the tune half of the labels only; these floors are the
values measured on the held-back report half (``python tests/trust_eval.py --split report``,
``--dataset multinews`` for the first part), pinned at the measured values rounded to the next
hundredth on the safe side, so that a rule that loses speakers, dates, outlets or citations trips
them. Most are short of the issue's targets; docs/analysis.md gives the targets beside them.

Two parts, so that CI checks what it can:

* **Multi-News only** (the 15 report clusters from ``../shared/eval``, which CI has): support,
  outlets, speakers and dates, with floors of their own. Conflicts are not pinned here: the
  Multi-News report clusters hold 3 labelled disagreements, too few for a rate.
* **All report clusters** (Multi-News and DUC 2006 from ``../devdata``, a developer's machine
  only): every measure, conflicts and DUC years included; skipped, naming the missing path,
  where DUC 2006 is absent.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from trust_eval import ATTRIBUTED, NAMED
from trust_labels import DATASETS, missing_data


@dataclass(frozen=True)
class Floors:
    support_precision: float
    support_recall: float
    outlets_right: float
    speakers_right: float
    speakers_wrong: float  # a ceiling
    named_given: float
    dates_right: float
    dates_wrong: float  # a ceiling


# Measured on the 15 Multi-News report clusters (support with the event-terms, shared-figure and
# verbatim rules of newsbrief.corroborate: 0.842 / 0.656, 20 pairs lose a side to the cleaner),
# outlets 0.912 of 34 facts, speakers (after the quote rules of wave 3: pronoun chains, no speaker
# after a preposition or in brackets, abstention) 0.939 right / 0.030 wrong / 0.658 given, dates
# (after the wave-3 date rules, mostly abstention) 0.952 right / 0.048 wrong. Speakers and dates
# re-measured after the issue-11 rules of branch analysers: 0.960 / 0.020 / 0.664, 0.976 / 0.024;
# after the cleaner's promo rules (a removed "Follow … on Twitter" line joined two quotes) and the
# pronoun-gender rule of analyse.quotes: speakers wrong 0.029 (4 of 136). Wave 10 of corroborate
# (a shared detail, MAX_DETAIL_SENTENCES; datelines, possessives, "No. 250"): support 0.912 (31 of
# 34) / 0.656; fewer false supports make fewer facts: outlets 0.900 of 30 facts (27 right; was 31 of 34).
# Wave 10: trust_eval matches a labelled quote to the found quote sharing most of its words (the
# first overlapping one was often a short nearby quote of someone else, which hid wrong speakers);
# with the wave-10 quote rules: speakers 0.933 (98 of 105) / 0.038 (4) / 0.698 given (104 of 149).
MULTINEWS = Floors(0.91, 0.65, 0.90, 0.93, 0.039, 0.69, 0.97, 0.025)

# Measured on the whole report half (integration with the cleaner and ingest's SGML reader, news-service
# copy credited by its copyright line): support 0.821 / 0.636 (3 of 33 "yes" pairs lose a side to
# the cleaner dropping a photo caption), outlets 0.948, speakers 0.950 right / 0.025 wrong / 0.686
# given (before the wave-3 quote rules: 0.887 / 0.087 / 0.651), dates 0.893 right / 0.107 wrong
# (before: 0.862 / 0.138), DUC yearless dates in their document's year 0.856 (calendar
# expressions only: 0.961); after the issue-11 rules of branch analysers speakers 0.967 / 0.016 /
# 0.691, dates 0.901 / 0.099 (109 right, 12 wrong); after the cleaner's promo rules and the
# pronoun-gender rule: speakers 0.960 / 0.024 / 0.70; after the tense rules of analyse.dates
# (written on 8 DUC 2006 clusters outside the labels): dates 0.909 / 0.091 (110 right, 11 wrong,
# all 11 in DUC: 69 / 11). Conflicts with figures bound to what they count
# (newsbrief.quantities.same_thing): 0.118 (2 of 17 flagged) / 0.133 (2 of 15); the tune half
# 0.94 / 0.42. Before the binding: 0.118 / 0.267 (tune 0.32 / 0.28). The Multi-News report
# clusters alone: 2 of 4 flagged, 2 of 3 found; the DUC report clusters: 0 of 13, 0 of 12. After the
# different-event, running-total, age, date and polarity refusals of analyse.agreement (written on
# 8 DUC 2006 clusters outside the labels; tune half 1.00 / 0.39 with 14 flagged): 0.25 (2 of 8) / 0.13.
# After the wave-7 rules of analyse.dates (written on 6 more DUC 2006 clusters outside the labels:
# scheduling verbs, "could", wire datelines): dates 0.917 / 0.083 (111 right, 10 wrong). After
# wave 8 (6 more, D0601-D0615): 0.925 / 0.075 (111 right, 9 wrong). After wave 9 (publication
# days, weekdays six days back, weekends; written on DUC 2006 outside the trust draw and fresh
# Multi-News stories): 0.933 / 0.067 (111 right, 8 wrong). After wave 10 of corroborate: support
# 0.886 (31 of 35) / 0.636, outlets 0.945 of 400 facts; after wave 10 of quantities the same
# support, outlets 0.95 of 402. After the wave-10 quote rules (written on fresh quotations outside
# the labels, tests/test_quotes_fresh.py): speakers 0.96 / 0.02 / 0.71 given (was 0.70). After
# wave 10 of dates (the weekday pin, pairs of years, days only lend their year, a day close ahead
# not sent to the year before; written on a second fresh Multi-News sample and DUC 2006 outside the
# trust draw): 0.932 / 0.068 (110 right, 8 wrong: one right now abstains); DUC yearless dates in
# their year 0.87 of 526 (calendar 0.97 of 422).
# With the best-overlap quote matcher of wave 10 (above): speakers 0.945 (120 of 127) / 0.031 (4)
# / 0.720 given (126 of 175).
ALL = Floors(0.88, 0.63, 0.94, 0.94, 0.032, 0.72, 0.93, 0.07)
# After wave 9 of analyse.agreement / quantities (ages bound to the named person, "X or Y"
# ranges, changes and differences, stance wordings; written on a fresh Multi-News and DUC sample,
# tests/test_conflicts_fresh.py; tune half 1.00 of 17 / 0.47): 0.22 (2 of 9) / 0.13, one more
# labelled look-alike flagged, no disagreement gained. Wave 10 of quantities / corroborate (an
# opening name counts as a name in common, so fewer pairs are "different events"; tune half 1.00 of
# 18 / 0.50): 0.20 (2 of 10) / 0.13, one look-alike more flagged (a drop, docs/analysis.md).
CONFLICTS_PRECISION, CONFLICTS_RECALL = 0.20, 0.13
DUC_YEARS, DUC_CALENDAR_YEARS = 0.86, 0.96

PARTS = {"multinews": (("multinews",), MULTINEWS), "all": (DATASETS, ALL)}
ACCEPTED = ("yes accepted", "partial accepted", "no accepted")
DATED = ("right", "wrong")
_EVALUATED: dict[str, dict] = {}


def evaluated(name: str) -> dict:
    """The report half's tallies for one part, computed once; skips naming the missing data."""
    datasets, _ = PARTS[name]
    missing = missing_data(datasets)
    if missing:
        pytest.skip(missing if name == "multinews" else f"the all-clusters floors need DUC 2006 as well: {missing}")
    if name not in _EVALUATED:
        from trust_eval import evaluate

        _EVALUATED[name] = evaluate("report", datasets=datasets)
    return _EVALUATED[name]


@pytest.fixture(scope="module", params=list(PARTS))
def part(request):
    return evaluated(request.param), PARTS[request.param][1]


@pytest.fixture(scope="module")
def tallies():
    return evaluated("all")


def test_support_on_the_report_half(part):
    tallies, floors = part
    s = tallies["support"]
    assert s.share(("yes accepted", "partial accepted"), ACCEPTED) >= floors.support_precision
    assert s.share("yes accepted", ("yes accepted", "yes rejected", "yes unmapped")) >= floors.support_recall


def test_independent_outlets_on_the_report_half(part):
    tallies, floors = part
    assert tallies["outlets"].share("right", ("right", "wrong")) >= floors.outlets_right


def test_speakers_on_the_report_half(part):
    tallies, floors = part
    q = tallies["speakers"]
    assert q.share(("named right", "unnamed right"), ATTRIBUTED) >= floors.speakers_right
    assert q.share(("named wrong", "unnamed wrong"), ATTRIBUTED) <= floors.speakers_wrong
    assert q.share(NAMED[:3], NAMED) >= floors.named_given


def test_dates_on_the_report_half(part):
    tallies, floors = part
    assert tallies["dates"].share("right", DATED) >= floors.dates_right
    assert tallies["dates"].share("wrong", DATED) <= floors.dates_wrong


def test_conflicts_on_the_report_half(tallies):
    c = tallies["conflicts"]
    flagged = ("disagree flagged", "agree flagged", "different flagged")
    assert c.share("disagree flagged", flagged) >= CONFLICTS_PRECISION
    assert c.share("disagree flagged", ("disagree flagged", "disagree not flagged", "disagree unmapped")) >= (
        CONFLICTS_RECALL
    )


def test_duc_yearless_dates_on_the_report_half(tallies):
    y = tallies["duc_years"]
    assert y.share("in its year", ("in its year", "other year")) >= DUC_YEARS
    assert y.share("calendar in its year", ("calendar in its year", "calendar other year")) >= DUC_CALENDAR_YEARS
