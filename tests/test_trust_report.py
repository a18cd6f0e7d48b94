"""Trust on stories the rules were not written on (issue 11): floors on the report half.

The rules and thresholds were tuned on the tune half of the labels only; these floors are the
values measured on the held-back report half (``python tests/trust_eval.py --split report``),
pinned a point below so that a change in how the DUC SGML files are read (ingest) does not trip
them, while a rule that loses speakers, dates or citations does. Most are short of the issue's
targets; docs/analysis.md gives the targets beside them.
"""

from __future__ import annotations

import pytest

from trust_labels import missing_data

pytestmark = pytest.mark.skipif(missing_data() is not None, reason=missing_data() or "")

# Measured on the report half (this branch's DUC reader): support 0.70 / 0.70, outlets 0.87,
# speakers 0.80 right / 0.17 wrong / 0.59 given, dates 0.86 right / 0.14 wrong (with ingest's SGML
# reader: outlets 0.86, dates 0.85 / 0.15).
SUPPORT_PRECISION, SUPPORT_RECALL = 0.69, 0.69
OUTLETS_RIGHT = 0.85
SPEAKERS_RIGHT, SPEAKERS_WRONG, NAMED_GIVEN = 0.79, 0.18, 0.57
DATES_RIGHT, DATES_WRONG = 0.84, 0.16


@pytest.fixture(scope="module")
def tallies():
    from trust_eval import evaluate

    return evaluate("report")


def test_support_on_the_report_half(tallies):
    s = tallies["support"]
    accepted = ("yes accepted", "partial accepted", "no accepted")
    assert s.share(("yes accepted", "partial accepted"), accepted) >= SUPPORT_PRECISION
    assert s.share("yes accepted", ("yes accepted", "yes rejected", "yes unmapped")) >= SUPPORT_RECALL


def test_independent_outlets_on_the_report_half(tallies):
    assert tallies["outlets"].share("right", ("right", "wrong")) >= OUTLETS_RIGHT


def test_speakers_on_the_report_half(tallies):
    q = tallies["speakers"]
    attributed = ("named right", "named wrong", "named described", "unnamed right", "unnamed wrong")
    named = ("named right", "named wrong", "named described", "named none", "named not found")
    assert q.share(("named right", "unnamed right"), attributed) >= SPEAKERS_RIGHT
    assert q.share(("named wrong", "unnamed wrong"), attributed) <= SPEAKERS_WRONG
    assert q.share(named[:3], named) >= NAMED_GIVEN


def test_dates_on_the_report_half(tallies):
    d = tallies["dates"]
    assert d.share("right", ("right", "wrong")) >= DATES_RIGHT
    assert d.share("wrong", ("right", "wrong")) <= DATES_WRONG
