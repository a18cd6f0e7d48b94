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

import pytest

from trust_labels import missing_data

# Measured on the 15 Multi-News report clusters (support with the event-terms, shared-figure and
# verbatim rules of newsbrief.corroborate: 0.842 / 0.656, 20 pairs lose a side to the cleaner),
# outlets 0.912 of 34 facts, speakers 0.862 right / 0.106 wrong / 0.624 given, dates 0.877 right /
# 0.123 wrong.
MULTINEWS_SUPPORT_PRECISION, MULTINEWS_SUPPORT_RECALL = 0.84, 0.65
MULTINEWS_OUTLETS_RIGHT = 0.91
MULTINEWS_SPEAKERS_RIGHT, MULTINEWS_SPEAKERS_WRONG, MULTINEWS_NAMED_GIVEN = 0.86, 0.11, 0.62
MULTINEWS_DATES_RIGHT, MULTINEWS_DATES_WRONG = 0.87, 0.13

# Measured on the whole report half (integration with the cleaner and ingest's SGML reader, news-service
# copy credited by its copyright line): support 0.821 / 0.636 (3 of 33 "yes" pairs lose a side to
# the cleaner dropping a photo caption), outlets 0.948, speakers 0.887 right / 0.087 wrong / 0.651
# given, dates 0.862 right / 0.138 wrong, conflicts 0.118 / 0.267, DUC yearless dates in their
# document's year 0.859 (calendar expressions only: 0.964).
SUPPORT_PRECISION, SUPPORT_RECALL = 0.82, 0.63
OUTLETS_RIGHT = 0.94
SPEAKERS_RIGHT, SPEAKERS_WRONG, NAMED_GIVEN = 0.88, 0.09, 0.65
DATES_RIGHT, DATES_WRONG = 0.86, 0.14
CONFLICTS_PRECISION, CONFLICTS_RECALL = 0.11, 0.26
DUC_YEARS, DUC_CALENDAR_YEARS = 0.85, 0.96

ACCEPTED = ("yes accepted", "partial accepted", "no accepted")
ATTRIBUTED = ("named right", "named wrong", "named described", "unnamed right", "unnamed wrong")
NAMED = ("named right", "named wrong", "named described", "named none", "named not found")
DATED = ("right", "wrong")


@pytest.fixture(scope="module")
def multinews():
    missing = missing_data(("multinews",))
    if missing:
        pytest.skip(missing)
    from trust_eval import evaluate

    return evaluate("report", datasets=("multinews",))


@pytest.fixture(scope="module")
def tallies():
    missing = missing_data()
    if missing:
        pytest.skip(f"the all-clusters floors need DUC 2006 as well: {missing}")
    from trust_eval import evaluate

    return evaluate("report")


def support_rates(tallies) -> tuple[float, float]:
    s = tallies["support"]
    return s.share(("yes accepted", "partial accepted"), ACCEPTED), s.share(
        "yes accepted", ("yes accepted", "yes rejected", "yes unmapped")
    )


def speaker_rates(tallies) -> tuple[float, float, float]:
    q = tallies["speakers"]
    right = q.share(("named right", "unnamed right"), ATTRIBUTED)
    return right, q.share(("named wrong", "unnamed wrong"), ATTRIBUTED), q.share(NAMED[:3], NAMED)


def date_rates(tallies) -> tuple[float, float]:
    d = tallies["dates"]
    return d.share("right", DATED), d.share("wrong", DATED)


# --- Multi-News report clusters (CI) -----------------------------------------------------------


def test_support_on_the_multinews_report_clusters(multinews):
    precision, recall = support_rates(multinews)
    assert precision >= MULTINEWS_SUPPORT_PRECISION and recall >= MULTINEWS_SUPPORT_RECALL


def test_independent_outlets_on_the_multinews_report_clusters(multinews):
    assert multinews["outlets"].share("right", ("right", "wrong")) >= MULTINEWS_OUTLETS_RIGHT


def test_speakers_on_the_multinews_report_clusters(multinews):
    right, wrong, given = speaker_rates(multinews)
    assert right >= MULTINEWS_SPEAKERS_RIGHT and wrong <= MULTINEWS_SPEAKERS_WRONG and given >= MULTINEWS_NAMED_GIVEN


def test_dates_on_the_multinews_report_clusters(multinews):
    right, wrong = date_rates(multinews)
    assert right >= MULTINEWS_DATES_RIGHT and wrong <= MULTINEWS_DATES_WRONG


# --- all report clusters (Multi-News and DUC 2006) ---------------------------------------------


def test_support_on_the_report_half(tallies):
    precision, recall = support_rates(tallies)
    assert precision >= SUPPORT_PRECISION and recall >= SUPPORT_RECALL


def test_independent_outlets_on_the_report_half(tallies):
    assert tallies["outlets"].share("right", ("right", "wrong")) >= OUTLETS_RIGHT


def test_speakers_on_the_report_half(tallies):
    right, wrong, given = speaker_rates(tallies)
    assert right >= SPEAKERS_RIGHT and wrong <= SPEAKERS_WRONG and given >= NAMED_GIVEN


def test_dates_on_the_report_half(tallies):
    right, wrong = date_rates(tallies)
    assert right >= DATES_RIGHT and wrong <= DATES_WRONG


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
