"""Corroborated facts, single-source claims and conflicts on constructed stories."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsbrief.analyse import analyse_texts
from newsbrief.quantities import quantities


def test_differing_troop_numbers_are_a_conflict_with_both_sides_cited():
    brief = analyse_texts(
        [
            "At least 40,000 Russian troops are massed on the Ukrainian border, Western officials said on Monday.",
            "Some 20,000 Russian troops are massed on the Ukrainian border, Western officials said on Monday.",
        ]
    )
    (conflict,) = [c for c in brief.analysis.conflicts if c.kind == "number"]
    assert conflict.topic == "troops"
    assert [(s.source, s.value) for s in conflict.sides] == [
        (1, "At least 40,000 Russian troops"),
        (2, "Some 20,000 Russian troops"),
    ]
    for side in conflict.sides:
        assert brief.source(side.source).text[side.start : side.end] == side.text


def test_quantity_ranges():
    (more,) = quantities("more than 90 deaths were reported")
    assert (more.unit, more.low) == ("deaths", 90) and more.high == float("inf")
    (vague,) = quantities("tens of thousands of Russian soldiers")
    assert (vague.unit, vague.low, vague.high) == ("troops", 20_000, 99_999)
    assert quantities("the 2014 referendum") == ()
    (age,) = quantities("Saeed, 19, a student from Damascus, said")
    assert (age.unit, age.low) == ("years old", 19)
    (share,) = quantities("turnout was 83 percent")
    assert share.unit == "percent"


TWO_REPORT_CASES = json.loads((Path(__file__).parent / "fixtures" / "two_report_conflicts.json").read_text())["cases"]


@pytest.mark.parametrize("case", TWO_REPORT_CASES, ids=[case["case"] for case in TWO_REPORT_CASES])
def test_two_reports_of_one_thing(case):
    brief = analyse_texts(case["reports"], **case["keywords"])
    found = [c for c in brief.analysis.conflicts if all(getattr(c, k) == v for k, v in case["conflict"].items())]
    if case["expect"] is None:
        assert not found
        return
    (conflict,) = found
    for field, value in case["expect"].items():
        if field == "sides":
            for side_field, values in value.items():
                assert [getattr(side, side_field) for side in conflict.sides] == values
        else:
            assert getattr(conflict, field) == value


SENTENCE = "Kerry handed Lavrov a paper saying any solution must respect Ukraine's territorial integrity and borders."


def test_corroborated_fact_counts_independent_outlets():
    texts = [SENTENCE, SENTENCE.replace("handed", "gave"), "Markets in Tokyo rose sharply on Tuesday, traders said."]
    independent = analyse_texts(texts, outlets=["BBC", "CBN", "Reuters"]).analysis
    (fact,) = independent.facts
    assert fact.sources == [1, 2] and fact.independent_outlets == 2
    same_outlet = analyse_texts(texts, outlets=["BBC", "BBC", "Reuters"]).analysis
    assert same_outlet.facts[0].independent_outlets == 1
    assert [c.sources for c in independent.single_source_claims] == [[3]]


def test_a_figure_is_bound_to_what_it_counts():
    (share,) = quantities("Between 2 and 7 percent of adult drivers fail the test.")
    assert (share.unit, share.low, share.high, share.of, share.is_range) == ("percent", 2, 7, "driver", True)
    (spread,) = quantities("from 5 percent to 9 percent of all rural voters")
    assert (spread.low, spread.high, spread.of, spread.is_range) == (5, 9, "voter", True)
    # A change is not a range; a day of the month and a one-day length are no counts.
    assert [q.is_range for q in quantities("prices rose from 3 percent to 5 percent")] == [False, False]
    assert quantities("after the storm of March 12 and a one-day closure") == ()
    # ... a month name as written, not a word that starts like one ("Decatur 40" is a figure)
    assert [q.unit for q in quantities("In Decatur 40 people were arrested on Sept. 12.")] == ["people"]
    aboard, ground = quantities("The fire killed all 30 people aboard and two on the pier.")
    assert (aboard.unit, aboard.scope) == ("deaths", "aboard")
    assert (ground.unit, ground.low, ground.scope) == ("deaths", 1.9, "pier")
    (aid,) = quantities("The council approved $4.5 million in grants.")
    assert (aid.unit, aid.of) == ("dollars", "grant")


def test_conflicting_figures_need_the_same_counted_thing():
    from newsbrief.quantities import conflicting

    def clash(a: str, b: str):
        return conflicting(quantities(a), quantities(b))

    assert clash(
        "The fire killed all 30 people aboard and two on the pier.",
        "All 30 people aboard died, and three on the pier were killed too.",
    )
    # Two estimates of one share as ranges disagree; ranges with a common end agree.
    assert clash("Between 4 and 12 percent of drivers fail.", "Between 2 and 3 percent of drivers fail.")
    assert not clash("Between 2 and 7 percent of drivers fail.", "Between 2 and 6 percent of drivers fail.")
    # A share of nothing named, sums for different things, and a part of a whole are not rivals.
    assert not clash("Sixty percent said yes.", "Forty percent of the members said yes.")
    assert not clash("The club paid $2 million in fees.", "The club got $1 million in grants.")
    assert not clash("The court jailed four men this week.", "The court jailed 40 men last year.")
