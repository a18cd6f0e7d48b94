"""Report vs opinion on constructed articles."""

from __future__ import annotations

from newsbrief.analyse import analyse_texts

REPORT = (
    "Russian troops took control of the airport on Saturday, officials said.\n\n"
    '"We will respond to any provocation," the defence minister told reporters.\n\n'
    "According to the ministry, 200 soldiers were involved.\n\n"
    "The government said talks would resume next week."
)
OPINION = (
    "The West is wrong to believe that sanctions will change anything.\n\n"
    "Nevertheless, we must be clear: the current policy is certainly a trap, and it will achieve nothing.\n\n"
    "Yet our leaders simply refuse to see it. The fact that they hesitate is in itself a dangerous signal.\n\n"
    "Associate Director, International Security Studies"
)


def test_opinion_and_report_are_told_apart_with_signals():
    types = analyse_texts([REPORT, OPINION]).analysis.source_types
    assert [t.label for t in types] == ["report", "opinion"]
    report, opinion = types
    assert report.score < report.threshold <= opinion.score
    attributed = next(s for s in report.signals if s.name == "attributed_sentence_share")
    assert attributed.value == 1 and attributed.contribution < 0
    evaluative = next(s for s in opinion.signals if s.name == "evaluative_per_100_words")
    assert evaluative.value > 0 and evaluative.contribution > 0
    assert report.reasons()[0].startswith("score") and str(attributed) in report.reasons()


def test_first_person_inside_quotes_is_not_the_writer_arguing():
    quoted = '"We must act and we must act now, our patience is certainly over," the minister said on Monday.'
    (source_type,) = analyse_texts([quoted]).analysis.source_types
    assert source_type.label == "report"
