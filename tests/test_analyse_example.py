"""The analysis on the bundled example story, against the hand-labelled fixture.

The floors are pinned at the measured values (bench/bench_analyse.py prints them): a change that
loses a speaker or a date fails here. The labels were written by reading the five articles, and
the analysers were developed on this story, so these numbers measure fit to it; the constructed
cases in the other test_analyse_* files check the same rules on unseen sentences.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

import newsbrief
from analysis_labels import load_labels, score_dates, score_entities, score_quotes
from newsbrief.analyse import analyse_texts
from newsbrief.analyse.dates import start_date
from newsbrief.render import render
from newsbrief.render.json import brief_to_dict

LABELS = Path(__file__).parent / "fixtures" / "example_labels"
SCHEMA = Path(newsbrief.__file__).parent / "schema" / "brief.schema.json"
SPEAKER_FLOOR = 13 / 13
DATE_FLOOR = 32 / 32
DETERMINED_DATE_FLOOR = 14 / 14


@pytest.fixture(scope="module")
def brief(example_dir):
    return newsbrief.brief([str(example_dir)])


def source_id(brief, prefix: str) -> int:
    return next(a.id for a in brief.sources if Path(a.path).name.startswith(prefix))


def test_speaker_accuracy_on_labelled_quotes(brief):
    speakers, fragments = score_quotes(brief, load_labels(LABELS)[0])
    assert speakers.total == 13
    assert speakers.accuracy >= SPEAKER_FLOOR, speakers.misses
    assert fragments.accuracy == 1.0, fragments.misses


def test_date_accuracy_on_labelled_expressions(brief):
    overall, determined, abstain = score_dates(brief, load_labels(LABELS)[1])
    assert overall.total == 32 and determined.total == 14
    assert overall.accuracy >= DATE_FLOOR, overall.misses
    assert determined.accuracy >= DETERMINED_DATE_FLOOR, determined.misses
    assert abstain.accuracy == 1.0, abstain.misses  # never a guessed date


def test_entities_match_the_gold_list_and_aliases_are_merged(brief):
    gold = json.loads((LABELS / "entities.json").read_text(encoding="utf-8"))
    quality = score_entities(brief.analysis.entities, gold)
    assert quality["recall"] >= 0.95 and quality["precision"] >= 0.95
    assert quality["split_entities"] == 0
    names = {e.name: e for e in brief.analysis.entities}
    assert {"Sergey Lavrov", "Lavrov", "Mr Lavrov"} <= set(names["Sergei Lavrov"].aliases)
    assert {"US", "U.S."} <= set(names["United States"].aliases)
    assert "Nato" in names["NATO"].aliases
    all_names = [n for e in brief.analysis.entities for n in (e.name, *e.aliases)]
    assert len(all_names) == len(set(all_names)), "an alias belongs to two entities"


def test_publication_dates_are_estimated_only_as_far_as_the_evidence_goes(brief):
    estimates = {p.source: p for p in brief.analysis.publication_dates}
    bbc_analysis, bbc_news = estimates[source_id(brief, "000")], estimates[source_id(brief, "001")]
    assert (bbc_analysis.iso, bbc_analysis.earliest, bbc_analysis.latest) == (None, "2014-03-09", "2014-03-15")
    assert bbc_news.iso == "2014-03-11" and bbc_news.evidence
    assert estimates[source_id(brief, "002")].earliest == "2014-03-16"
    for undated in ("003", "004"):
        assert estimates[source_id(brief, undated)].iso is None


def test_timeline_orders_events_across_publication_days(brief):
    timeline = brief.analysis.timeline
    starts = [start_date(e.date) for e in timeline]
    assert starts == sorted(starts)
    dates = {e.date for e in timeline}
    assert "2014-03-16" in dates  # the referendum, "on Sunday" / "planned for Sunday"
    assert "2014-05-25" in dates  # the presidential election, "25 May"
    assert {"2013-11", "2014-03-10", "2014-03-14"} <= dates
    sources = {s for e in timeline for s in e.sources}
    assert len(sources) >= 3  # events from articles written on different days


def test_every_difference_is_between_sources_and_cited_on_both_sides(brief):
    # The example's two claim conflicts came from a topic list ("the talks", "the vote") that
    # named this story; without it, no pair of its sentences is aligned and disagrees (issue 11).
    for conflict in brief.analysis.conflicts:
        assert len({s.source for s in conflict.sides}) == len(conflict.sides) >= 2
        for side in conflict.sides:
            assert brief.source(side.source).text[side.start : side.end] == side.text
            assert side.value in side.text


def test_statements_that_agree_are_not_reported_as_conflicts(brief):
    for conflict in brief.analysis.conflicts:
        values = " ".join(s.value for s in conflict.sides)
        # "tens of thousands of Russian soldiers" [CBN] and "estimated 40,000 ... troops" [RUSI] agree,
        # as do "25 May" and "in May", and "March 16" and "on Sunday".
        assert not ("40,000" in values and "tens of thousands" in values)
        assert conflict.kind != "date"


def test_rusi_commentary_is_opinion_and_the_rest_are_reports(brief):
    labels = {t.source: t for t in brief.analysis.source_types}
    rusi = source_id(brief, "003")
    assert labels[rusi].label == "opinion"
    assert all(t.label == "report" for s, t in labels.items() if s != rusi)
    assert all(t.signals and t.reasons()[0].startswith("score") for t in labels.values())


def test_markdown_shows_every_section_and_escapes_source_text(brief):
    text = render(brief, "markdown")
    for heading in ("## Summary", "## Key facts", "## Who said what", "## Timeline", "## Where sources differ"):
        assert heading in text
    assert "analysis/opinion" in text and "news report" in text
    assert "**2014-03-16**" in text and "**2014-05-25**" in text


def test_json_output_validates_against_the_schema(brief):
    document = json.loads(render(brief, "json"))
    jsonschema.validate(document, json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert document["analysis"]["timeline"] and document["analysis"]["outlets"]
    assert brief_to_dict(brief)["analysis"]["source_types"][0]["signals"]


def test_markdown_escapes_hostile_quotes():
    hostile = analyse_texts(
        ['Mr Smith said: "Click [here](http://evil.example) <script>alert(1)</script> to learn more today."'],
        ["2014-03-11"],
    )
    text = render(hostile, "markdown")
    assert "[here](http" not in text and "<script>" not in text
