"""Corroboration: calibrated on labelled pairs, and the rules that keep it honest."""

from __future__ import annotations

from newsbrief.corroborate import (
    Verdict,
    assertion,
    best_in_source,
    compatible,
    find_support,
    judge,
    story_terms,
)
from newsbrief.model import Article, Sentence
from newsbrief.pipeline import prepare
from newsbrief.quantities import overlap, quantities
from newsbrief.textsim import Cluster
from support_eval import precision_recall


def test_defaults_meet_the_floors_on_the_labelled_pairs():
    # The defaults are now calibrated on the trust labels' tune half (other stories); on the
    # example's own pairs (0.22 / 2 terms, with the compatibility test, two shared event terms and
    # a shared figure): precision 0.71 (5/7), recall 0.24 (before the event-terms rule 0.45 (5/11)
    # / 0.24; the earlier 0.18 / 3 without the compatibility test: 0.47 / 0.33; docs/design.md).
    # Wave 10's detail rule (MAX_DETAIL_SENTENCES) removes one false accept: 0.83 (5/6), 0.24.
    precision, recall, _, accepted = precision_recall()
    assert precision >= 0.83 and recall >= 0.23 and accepted >= 6


def test_the_shared_terms_rule_is_what_lifts_precision():
    with_rule, _, _, _ = precision_recall(threshold=0.18, min_shared_terms=3)
    without_rule, _, _, _ = precision_recall(threshold=0.18, min_shared_terms=0)
    assert with_rule > without_rule + 0.2


def cluster_of(*texts: str) -> Cluster:
    articles = [Article(id=i, path=f"{i}.txt", raw_text=t) for i, t in enumerate(texts, start=1)]
    return Cluster(prepare(articles))


def test_paraphrase_in_another_source_supports_and_each_source_is_cited_once():
    cluster = cluster_of(
        "Nato will deploy Awacs surveillance planes over Poland and Romania to monitor Ukraine. Talks went on.",
        "Awacs surveillance planes will be deployed by Nato over Poland and Romania. Awacs planes fly over Romania.",
        "The weather in Paris was mild on Sunday.",
    )
    sentence = cluster.article(1).sentences[0]
    support = find_support(cluster, sentence, threshold=0.18)
    assert [s.source for s in support] == [2]
    assert support[0].sentence == 0  # the best of source 2's two matching sentences
    text = cluster.article(2).text
    assert text[support[0].start : support[0].end] == cluster.article(2).sentences[0].text


def test_short_sentences_and_topic_words_alone_do_not_corroborate():
    cluster = cluster_of(
        "Kerry met Lavrov about Ukraine. But it is not looking too hopeful.",
        "Kerry and Lavrov discussed Ukraine. The ousted president looked confident at first.",
        "Kerry, Lavrov and Ukraine again. Nothing else here.",
    )
    assert {"kerri", "lavrov", "ukrain"} <= story_terms(cluster)
    hopeful = cluster.article(1).sentences[1]
    assert find_support(cluster, hopeful, threshold=0.01) == []  # shares only "look"
    assert find_support(cluster, cluster.article(1).sentences[0], threshold=0.01) == []  # only topic words


def test_two_article_stories_have_no_topic_words_to_discount():
    cluster = cluster_of(
        "Russia tested an intercontinental ballistic missile on Tuesday.", "Russia tested a ballistic missile."
    )
    assert story_terms(cluster) == frozenset()
    assert [s.source for s in find_support(cluster, cluster.article(1).sentences[0], threshold=0.18)] == [2]


def test_sharing_a_speaker_is_not_sharing_a_fact():
    # Same speaker, same organisation, same speech verb; what they report differs.
    cluster = cluster_of(
        "Rami Abdel Rahman of the Syrian Observatory said at least 18 guards were wounded.",
        "Rami Abdel Rahman of the Syrian Observatory said the convoy reached the border.",
        "The weather in Paris was mild on Sunday.",
    )
    verdict = judge_pair(cluster, cluster.article(1).sentences[0], cluster.article(2).sentences[0])
    assert not verdict.accepted and "names or speech only" in verdict.reason


def test_sentences_giving_figures_must_share_one():
    cluster = cluster_of(
        "Officials said 921 cases of the disease were recorded in the northern province last year.",
        "Officials said 40 cases of the disease were recorded in the northern province last year.",
        "Officials said cases of the disease were recorded in the northern province last year.",
        "The weather in Paris was mild on Sunday.",
    )
    first, other, plain = (cluster.article(i).sentences[0] for i in (1, 2, 3))
    assert not judge_pair(cluster, first, other).accepted
    verdict = judge_pair(cluster, first, plain)  # one side gives no figure: nothing to compare
    assert verdict.accepted and 0 < verdict.score <= 1 and "shared terms" in verdict.reason


def test_one_amount_in_two_currencies_is_one_figure():
    found = quantities("It agreed to buy the company for 896 million pounds, or about $1.2 billion, on Tuesday.")
    assert [q.unit for q in found] == ["pounds", "dollars"]
    first, second = assertion("It agreed to buy the company for $1.2 billion.").quantities, found
    assert any(overlap(a, b) for a in first for b in second)


def judge_pair(cluster: Cluster, a: Sentence, b: Sentence) -> Verdict:
    similarity = float(cluster.similarity([cluster.row(a)], [cluster.row(b)])[0, 0])
    return judge(cluster, a, b, similarity, 0.1, 2, story_terms(cluster), best_in_source(cluster, a, b.doc_id))


def test_a_sentence_repeated_word_for_word_supports_even_in_topic_words():
    cluster = cluster_of(
        "Dunn spoke to reporters. “I’m the victor, but I was the victim too.”",
        'Dunn spoke again. "I\'m the victor but I was the victim too." He left.',
        "Dunn was the victor and the victim, reporters said.",
    )
    assert {"victor", "victim"} <= story_terms(cluster)  # every article has them
    verdict = judge_pair(cluster, cluster.article(1).sentences[1], cluster.article(2).sentences[1])
    assert verdict.accepted and verdict.score == 1.0 and "the same words" in verdict.reason


def test_two_times_ago_that_differ_are_two_events():
    claim = "The first settlers crossed the strait around 20,000 years ago, the study found."
    for other, same in (
        ("Settlers crossed the strait for the first time around 15,000 years ago.", False),
        ("Settlers crossed the strait for the first time around 20,000 years ago.", True),
    ):
        cluster = cluster_of(claim, other)  # two articles: no topic words
        verdict = judge_pair(cluster, cluster.article(1).sentences[0], cluster.article(2).sentences[0])
        assert verdict.accepted is same and ("times differ" in verdict.reason) is not same, verdict


def test_a_sentence_its_source_says_better_elsewhere_tells_another_detail():
    # Source 2 tells the experiment in its first sentence; its second shares only the apparatus words.
    cluster = cluster_of(
        "The team applied a voltage to the copper electrodes and turned the gas into fuel within hours.",
        "The team applied a voltage to copper electrodes, turning the gas into fuel within hours. "
        "In an ordinary battery the copper electrodes slowly corrode when a voltage is applied, engineers warn.",
    )
    first, (told, detail) = cluster.article(1).sentences[0], cluster.article(2).sentences[:2]
    verdict = judge_pair(cluster, first, detail)
    assert not verdict.accepted and "better elsewhere" in verdict.reason, verdict
    assert judge_pair(cluster, first, told).accepted
    # on its own (no better sentence in its source) the detail would pass the word rules
    alone = cluster_of(first.text, detail.text)
    assert judge_pair(alone, alone.article(1).sentences[0], alone.article(2).sentences[0]).accepted


def test_a_name_that_opens_a_sentence_is_one_of_its_names():
    # "Kuisis" is capitalised by position in the first sentence and named mid-sentence in the
    # second: the two share a name, while "Moreno" is another person.
    claim = "Kuisis told the Senate panel that the contract was signed in secret."
    for other, same in (
        ("The contract was signed in secret by Kuisis, officials said.", True),
        ("The contract was signed in secret by Moreno, officials said.", False),
    ):
        ok, why = compatible(claim, other, similarity=0.2)
        assert ok is same and ("different names" in why) is not same, (other, why)
