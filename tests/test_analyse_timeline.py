"""Timeline ordering and merging on constructed stories."""

from __future__ import annotations

from newsbrief.analyse import analyse_texts


def test_events_from_articles_of_different_days_are_ordered_oldest_first():
    brief = analyse_texts(
        [
            "Kerry and Lavrov agreed on Sunday to keep talking about the crisis in Ukraine.",
            "Crimea voted on Sunday in a referendum on joining Russia.\n\nUnrest began in November in Kiev.",
        ],
        published=["2014-03-30", "2014-03-17"],
    )
    timeline = brief.analysis.timeline
    assert [e.date for e in timeline] == ["2013-11", "2014-03-16", "2014-03-30"]
    assert [e.sources for e in timeline] == [[2], [2], [1]]


def test_same_event_on_the_same_date_cites_every_source_once():
    sentence = "The referendum on Crimea joining Russia will be held on 16 March 2014, the regional parliament said."
    brief = analyse_texts([sentence, sentence.replace("regional parliament", "local assembly")])
    (event,) = brief.analysis.timeline
    assert event.date == "2014-03-16" and event.sources == [1, 2]


def test_headings_and_unresolved_dates_make_no_events():
    brief = analyse_texts(["Talks on Tuesday\n\nThe ministers met on Tuesday and agreed to meet again."])
    assert brief.analysis.timeline == []
