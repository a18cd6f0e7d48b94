"""The shared candidate layer: which units every summarizer may select (summarizers/units.py), how
eval shows a quotation, and the brief's superseded statements (summarizers/order.py)."""

from __future__ import annotations

import pytest

from newsbrief.ingest import Record, records_to_articles
from newsbrief.model import Article, Extracted, SummarySentence
from newsbrief.pipeline import prepare
from newsbrief.segment import segment
from newsbrief.summarizers import available, get_summarizer
from newsbrief.summarizers.base import Budget, is_candidate
from newsbrief.summarizers.order import supersede
from newsbrief.summarizers.units import dangles, is_question, quotation_items, selectable_units, well_formed
from newsbrief.textsim import Cluster


def make_cluster(texts: list[str], dates: list[str] | None = None) -> Cluster:
    records = [Record(f"doc{i}", text, input_format="multinews") for i, text in enumerate(texts, start=1)]
    articles = [a for a in prepare(records_to_articles(records)) if a.sentences]
    for article, date in zip(articles, dates or [], strict=False):
        article.published = Extracted(date, "test")
    return Cluster(articles)


@pytest.mark.parametrize(
    ("text", "formed"),
    [
        ("The council approved the plan on Tuesday.", True),
        ("“We have waited long enough. The pier matters,” the mayor said.", True),
        ("“We have waited long enough for this decision.", False),  # opens, never closes
        ("the council approved the plan on Tuesday.", False),
        ("The council approved the plan on Tuesday", False),
        ("``The pier is the heart of this town.'' ``And the harbour too.", False),  # re-opened, not closed
    ],
)
def test_well_formed(text, formed):
    assert well_formed(text) == formed


@pytest.mark.parametrize(
    ("text", "dangling"),
    [
        ("But the meeting ended after only an hour.", True),
        ("He left the talks before noon on Monday.", True),
        ('"I cannot see the upside to this."', True),  # a quotation naming no speaker
        ("I’ve opened myself up and been a little bit exposed.", True),  # first person, no quotation marks
        ('"I cannot see the upside to this," the senator said.', False),
        ("The mayor said the pier would be rebuilt within two years.", False),
        ("Italy's prime minister resigned on Monday after the vote.", False),
    ],
)
def test_dangles(text, dangling):
    assert dangles(text) == dangling


def test_questions_and_transcript_lines():
    assert is_question("Did you approach the owner before kickoff?")
    assert is_question('"Why not?"')
    assert is_question("A: Invested properly, the lump sum can be a good choice.")
    assert not is_question("The owner was approached before kickoff.")


ARTICLE = (
    "Negotiators from both countries met in Geneva on Monday to discuss the ceasefire plan.\n\n"
    "But the meeting ended after only an hour without any agreement.\n\n"
    "Will the two sides ever agree on where the monitors should stand?\n\n"
    "The ceasefire plan would place monitors along the border for six months."
)


def test_a_dangling_unit_is_selectable_only_with_its_antecedent_and_a_question_never():
    cluster = make_cluster([ARTICLE])
    rows = [cluster.row(s) for s in cluster.sentences if is_candidate(s.text, s.is_heading)]
    units = selectable_units(cluster, rows)
    texts = [[cluster.sentences[r].text[:12] for r in unit] for unit in units.members]
    assert ["Negotiators ", "But the meet"] in texts and ["But the meet"] not in texts
    assert ["Negotiators "] in texts  # the antecedent alone stays selectable
    assert not any(t.startswith("Will the") for unit in texts for t in unit)
    assert units.of_row[rows[0]] == texts.index(["Negotiators "])  # a row's own unit first


def test_fallback_keeps_a_brief_from_being_empty():
    cluster = make_cluster(["Did the negotiators from both countries meet in Geneva on Monday?"])
    rows = [cluster.row(s) for s in cluster.sentences]
    assert selectable_units(cluster, rows).members == [(rows[0],)]


@pytest.mark.parametrize("name", [n for n in available() if n != "oracle"])
def test_no_summarizer_shows_a_dangling_sentence_without_its_antecedent(name):
    cluster = make_cluster([ARTICLE, "Farmers in the border region say their harvest has been lost to the fighting."])
    scores = get_summarizer(name).summarize(cluster, Budget(words=1000))
    chosen = {(s.doc_id, s.sentence) for s in scores if s.selected}
    but = next(s for s in cluster.sentences if s.text.startswith("But"))
    assert (but.doc_id, but.index) not in chosen or (but.doc_id, but.index - 1) in chosen
    assert not any(cluster.article(d).sentences[i].text.startswith("Will") for d, i in chosen)


def test_eval_items_join_a_multi_sentence_quotation():
    cluster = make_cluster(
        ["“We have waited long enough for this decision. The pier is the heart of this town,” the mayor said. "
         "Rebuilding the pier will take two years and cost four million dollars."]
    )  # fmt: skip
    items = quotation_items(list(cluster.sentences))
    assert items == [
        "“We have waited long enough for this decision. The pier is the heart of this town,” the mayor said.",
        "Rebuilding the pier will take two years and cost four million dollars.",
    ]


def test_segment_skips_leading_zero_width_characters():
    article = Article(id=1, path="x", raw_text="", text="\u200bCNN is being sued by two medics.\n\n\u200b\u200b")
    sentences = segment(article).sentences
    assert [s.text for s in sentences] == ["CNN is being sued by two medics."]
    assert all(article.text[s.start : s.end] == s.text for s in sentences)


def _summary(cluster: Cluster) -> list[SummarySentence]:
    return [
        SummarySentence(s.text, [s.doc_id], s.index, s.start, s.end, score=1.0 / (k + 1), rank=k + 1)
        for k, s in enumerate(cluster.sentences)
    ]


def test_the_older_of_two_clashing_counts_is_superseded_by_the_later():
    cluster = make_cluster(
        [
            "Police say two people have been stabbed at a rally in the city park on Saturday.",
            "Police said three people were stabbed at the rally in the city park on Saturday.",
        ],
        dates=["2016-02-27", "2016-02-28"],
    )
    kept = supersede(_summary(cluster), cluster)
    assert [item.text[:16] for item in kept] == ["Police said thre"]
    (old,) = kept[0].superseded
    assert old.text.startswith("Police say two") and old.source == 1 and old.published == "2016-02-27"
    assert "two people" in old.reason and "three people" in old.reason


def test_different_amounts_and_unrelated_counts_are_not_superseded():
    cluster = make_cluster(
        [
            "A woman who won a $336 million jackpot in February hid the ticket from her family.",
            "In 2009, one of the tickets he bought at the station hit the $38.5 million jackpot.",
            "Twelve people were arrested after the match between the two rival football clubs.",
            "Three people were treated in hospital for injuries from a storm on the coast.",
        ],
        dates=["2012-03-01", "2012-03-02", "2012-03-03", "2012-03-04"],
    )
    kept = supersede(_summary(cluster), cluster)
    assert len(kept) == 4 and not any(item.superseded for item in kept)
