"""Paraphrase classes in the redundancy check: same act in other words is redundant, shared names alone are not."""

from __future__ import annotations

import json

import pytest

from newsbrief.ingest import records_to_articles
from newsbrief.ingest.formats import Record
from newsbrief.pipeline import prepare
from newsbrief.summarizers import Budget
from newsbrief.summarizers.default import REDUNDANCY_THRESHOLD, SalienceSummarizer
from newsbrief.summarizers.paraphrase import PARAPHRASES, canonical_terms, paraphrase_classes, paraphrase_space
from newsbrief.textsim import Cluster, content_terms, stem

# (a sentence naming the story's actors, found in every article, sentence A, sentence B)
SAME_THING = [
    (
        "The mayor of Springfield has led the city since 2010.",
        "Police arrested the mayor of Springfield after a long corruption investigation.",
        "The mayor of Springfield was detained following a lengthy probe into bribes.",
    ),
    (
        "The convoy was travelling near Kandahar.",
        "Three soldiers were killed when their convoy was attacked near Kandahar.",
        "An ambush on the convoy near Kandahar left three troops dead.",
    ),
    (
        "Acme and Globex make software for banks.",
        "Acme has bought its rival Globex, the company said on Tuesday.",
        "Acme acquired Globex in a purchase worth two billion dollars.",
    ),
    (
        "Senator Smith faced protesters at the Capitol.",
        "Senator Smith declined to meet the protesters outside the Capitol.",
        "Senator Smith refused talks with the protesters at the Capitol.",
    ),
    (
        "Initech is a chip maker whose chief executive founded it.",
        "Shares in Initech fell sharply after its chief executive resigned.",
        "Initech's stock dropped when the chief executive quit.",
    ),
    (
        "The minister spoke about fuel taxes and the election.",
        "The minister pledged to cut fuel taxes before the election.",
        "The minister promised lower fuel taxes ahead of the vote.",
    ),
]
# Same actors (and sometimes a word of one class), different facts: must stay non-redundant.
SAME_NAMES_ONLY = [
    (
        "Senator Smith faced protesters at the Capitol.",
        "Senator Smith met the protesters at the Capitol on Monday.",
        "Senator Smith was arrested in 1998 for drunk driving.",
    ),
    (
        "Acme's chief executive is Jane Doe.",
        "Acme chief executive Jane Doe announced record profits for the year.",
        "Jane Doe was sued by a former employee of Acme over unpaid wages.",
    ),
    (
        "The soldiers were based near Kandahar.",
        "Three soldiers were killed near Kandahar on Tuesday.",
        "Soldiers near Kandahar opened a new school for girls.",
    ),
    (
        "President Obama and Chancellor Merkel are allies.",
        "President Obama met Chancellor Merkel in Berlin to discuss trade.",
        "President Obama warned Chancellor Merkel that sanctions on Iran must stay.",
    ),
    (
        "Police in Springfield patrol Main Street.",
        "Police in Springfield arrested two men after a bank robbery on Main Street.",
        "Police in Springfield warned drivers that Main Street will close for repairs.",
    ),
    (
        "Kerry, Lavrov and Putin are at the centre of the crisis.",
        "Kerry refused to meet Putin until Russia engages with US proposals.",
        "Lavrov said Putin had offered to meet Kerry in Sochi next week.",
    ),
]


def story(background: str, a: str, b: str) -> tuple[Cluster, int, int]:
    """Three articles sharing the actors' sentence (so names are the story's common words, as in real
    stories); A is in the first, B in the second, the third is filler."""
    texts = [
        f"{background}\n\n{a}",
        f"{background}\n\n{b}",
        f"{background}\n\nThe weather was mild for the time of year and the roads were quiet.",
    ]
    records = [Record(f"doc{i}", text, input_format="multinews") for i, text in enumerate(texts, start=1)]
    cluster = Cluster([x for x in prepare(records_to_articles(records)) if x.sentences])
    row = {s.text: cluster.row(s) for s in cluster.sentences}
    return cluster, row[a], row[b]


def similarities(case: tuple[str, str, str]) -> tuple[float, float]:
    """(plain cosine, cosine over paraphrase classes) of A and B."""
    cluster, a, b = story(*case)
    return float(cluster.similarity([a], [b])[0, 0]), float(paraphrase_space(cluster).similarity([a], [b])[0, 0])


@pytest.mark.parametrize("case", SAME_THING, ids=lambda c: c[1][:30])
def test_paraphrases_are_redundant(case):
    assert similarities(case)[1] >= REDUNDANCY_THRESHOLD


def test_plain_word_overlap_misses_most_paraphrases():
    # the reason the classes exist: most pairs above are under the threshold without them
    plain = [similarities(case)[0] for case in SAME_THING]
    assert sum(p < REDUNDANCY_THRESHOLD for p in plain) >= len(SAME_THING) / 2, plain


@pytest.mark.parametrize("case", SAME_NAMES_ONLY, ids=lambda c: c[1][:30])
def test_shared_names_alone_are_not_redundant(case):
    plain, para = similarities(case)
    assert para < REDUNDANCY_THRESHOLD, (plain, para)


def test_default_summarizer_keeps_one_of_a_paraphrase_pair():
    def picked(case: tuple[str, str, str], paraphrases: bool) -> int:
        cluster, a, b = story(*case)
        summarizer = SalienceSummarizer(paraphrases=paraphrases)
        scores = summarizer.summarize(cluster, Budget(words=1000))  # room for every sentence
        chosen = {cluster.row(cluster.article(s.doc_id).sentences[s.sentence]) for s in scores if s.selected}
        return len({a, b} & chosen)

    # where plain word overlap lets both in (in the others the actors' sentence already blocks them)
    both_without = [case for case in SAME_THING if picked(case, paraphrases=False) == 2]
    assert len(both_without) >= 3
    assert [picked(case, paraphrases=True) for case in both_without] == [1] * len(both_without)


def test_canonical_terms_replace_listed_words_only():
    assert canonical_terms("Kerry refused talks") == canonical_terms("Kerry rejected meetings")
    assert canonical_terms("Kerry refused talks") != canonical_terms("Kerry offered talks")
    assert canonical_terms("The weather was mild") == content_terms("The weather was mild")


def test_lexicon_classes_do_not_overlap():
    # a stem in two classes would silently join them
    classes = json.loads(PARAPHRASES.read_text(encoding="utf-8"))["classes"]
    owner: dict[str, str] = {}
    for name, members in classes.items():
        for word in members:
            assert owner.setdefault(stem(word), name) == name, (word, owner[stem(word)], name)
    assert set(classes) <= set(paraphrase_classes().values())


def test_irregular_forms_meet_their_verb():
    assert canonical_terms("The vote goes ahead") == canonical_terms("The vote went ahead")
    assert canonical_terms("Talks were held") == canonical_terms("Talks hold")


def test_paraphrase_space_terms_are_canonical_terms_of_each_sentence():
    # the space maps the cluster's term lists rather than tokenizing again: the result must be the same
    cluster, _, _ = story(*SAME_THING[3])
    assert paraphrase_space(cluster).terms == [canonical_terms(s.text) for s in cluster.sentences]
