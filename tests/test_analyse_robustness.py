"""Any text goes through every analyser, and every offset the analysis reports points at its text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsbrief.analyse import analyse_texts
from newsbrief.errors import NoUsableInput

WORDS = st.sampled_from(
    [
        "Mr", "Kerry", "said", "he", "she", "told", "reporters", "on", "Sunday", "25", "May", "2014", "last", "week",
        "\u201c", "\u201d", "\u2018", "\u2019", '"', "'", ",", ".", ":", "Nato", "U.S.", "40,000", "troops", "killed",
        "talks", "deadlock", "constructive", "illegal", "vote", "according", "to", "48", "hours", "after", "the",
        "Lavrov", "Sergey", "added", "Russia", "in", "November", "\n\n",
    ]
)  # fmt: skip


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.lists(WORDS, min_size=3, max_size=40).map(lambda words: " ".join(words) + "."), min_size=1, max_size=3)
)
def test_analysis_never_fails_and_offsets_point_into_the_text(texts):
    try:
        brief = analyse_texts(texts, ["2014-03-11"] + [None] * (len(texts) - 1))
    except NoUsableInput:  # the cleaner found nothing to brief: a documented outcome, not a failure
        return
    analysis = brief.analysis
    for quote in analysis.quotes:
        text = brief.source(quote.source).text
        assert 0 <= quote.start <= quote.end <= len(text)
    for mention in analysis.dates:
        assert brief.source(mention.source).text[mention.start : mention.end] == mention.text
    for conflict in analysis.conflicts:
        for side in conflict.sides:
            assert brief.source(side.source).text[side.start : side.end] == side.text
    for event in analysis.timeline:
        assert brief.source(event.source).sentences[event.sentence].text == event.text
