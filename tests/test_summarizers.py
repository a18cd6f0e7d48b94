"""Summarizers side by side: word budgets, the oracle as a ceiling, the sumy peers, the default."""

from __future__ import annotations

import numpy as np
import pytest

from newsbrief.eval.datasets import load_dataset
from newsbrief.ingest import records_to_articles
from newsbrief.ingest.formats import Record
from newsbrief.pipeline import prepare
from newsbrief.summarizers import Budget, available, concepts, get_summarizer, summarizer_class
from newsbrief.summarizers.base import is_candidate
from newsbrief.summarizers.concepts import concept_weights, solve_coverage
from newsbrief.summarizers.default import DEFAULT_WEIGHTS, LinearScorer, SalienceSummarizer, depends_on_context
from newsbrief.summarizers.features import FEATURE_NAMES, sentence_features
from newsbrief.summarizers.units import quotation_depth, selectable_units
from newsbrief.textsim import Cluster, word_count

pytest.importorskip("rouge_score", reason="rouge-score (the 'eval' extra) is not installed")
pytest.importorskip("sumy", reason="sumy (the 'eval' extra) is not installed")

from newsbrief.eval.rouge import Rouge

PEERS = ["default", "lead", "lexrank", "textrank"]
CANDIDATES = ["concepts", "concepts-salience", "submodular", "submodular-salience", "salience"]
CANDIDATES = ["concepts", "concepts-salience", "submodular", "submodular-salience", "salience"]

ARTICLES = [
    "The city council approved a new budget on Tuesday that raises spending on schools and buses.\n\n"
    "Council members voted nine to four in favour after a debate that lasted most of the day.\n\n"
    "The weather in the city was mild and dry for the time of year, with a light breeze.\n\n"
    "A local bakery celebrated its fiftieth anniversary with free cakes for all of its customers.",
    "Opponents of the budget said the higher spending would require a rise in local taxes next year.\n\n"
    "The mayor said the budget would be paid for by savings elsewhere and would not raise taxes.\n\n"
    "Traffic on the main bridge was slow in the morning because of repair work on one lane.",
    "The new budget gives schools money for more teachers and buys twenty electric buses for the city.\n\n"
    "Parents at the meeting welcomed the plan for smaller classes in the primary schools of the city.\n\n"
    "The football club announced that its stadium will host a concert by a popular band in June.",
]
REFERENCE = (
    "The council voted nine to four for a budget that raises spending on schools and buses. "
    "Opponents said it would require a rise in local taxes, but the mayor said it would not raise taxes."
)


def make_cluster(texts: list[str]) -> Cluster:
    records = [Record(f"doc{i}", text, input_format="multinews") for i, text in enumerate(texts, start=1)]
    return Cluster([a for a in prepare(records_to_articles(records)) if a.sentences])


def summary_of(cluster: Cluster, name: str, budget: Budget, **kwargs) -> list[str]:
    scores = get_summarizer(name, **kwargs).summarize(cluster, budget)
    chosen = sorted((s for s in scores if s.selected), key=lambda s: (s.doc_id, s.sentence))  # as the eval runner
    return [cluster.article(s.doc_id).sentences[s.sentence].text for s in chosen]


@pytest.fixture(scope="module")
def synthetic() -> Cluster:
    return make_cluster(ARTICLES)


def test_registry_lists_the_peers():
    assert {"default", "lead", "lexrank", "textrank", "oracle"} <= set(available())
    assert summarizer_class("oracle").needs_reference and not summarizer_class("default").needs_reference


@pytest.mark.parametrize("name", PEERS)
@pytest.mark.parametrize("words", [15, 40, 1000])
def test_every_summarizer_respects_the_word_budget(synthetic, name, words):
    chosen = summary_of(synthetic, name, Budget(words=words))
    assert sum(word_count(t) for t in chosen) <= words
    assert chosen, "at least one sentence fits"


def test_oracle_respects_the_word_budget(synthetic):
    for words in (15, 40):
        assert (
            sum(word_count(t) for t in summary_of(synthetic, "oracle", Budget(words=words), reference=REFERENCE))
            <= words
        )


@pytest.mark.parametrize("name", [*PEERS, "oracle"])
def test_scores_cover_every_candidate_with_ranks(synthetic, name):
    kwargs = {"reference": REFERENCE} if name == "oracle" else {}
    scores = get_summarizer(name, **kwargs).summarize(synthetic, Budget(words=40))
    assert sorted(s.rank for s in scores) == list(range(1, len(scores) + 1))
    assert len({(s.doc_id, s.sentence) for s in scores}) == len(scores) >= 8


def test_oracle_beats_every_summarizer_on_a_synthetic_cluster(synthetic):
    rouge = Rouge()
    budget = Budget(words=60)
    oracle = rouge.score(summary_of(synthetic, "oracle", budget, reference=REFERENCE), [REFERENCE])
    # The oracle maximises ROUGE-1 + ROUGE-2 (greedily), so that is what it must win on.
    for name in PEERS:
        other = rouge.score(summary_of(synthetic, name, budget), [REFERENCE])
        assert oracle["rouge1"] + oracle["rouge2"] > other["rouge1"] + other["rouge2"], (name, oracle, other)


def test_oracle_needs_a_reference():
    from newsbrief.errors import UsageError

    with pytest.raises(UsageError, match="reference"):
        get_summarizer("oracle")


def test_sumy_peers_rank_central_sentences_above_off_topic_ones(synthetic):
    for name in ("lexrank", "textrank"):
        scores = get_summarizer(name).summarize(synthetic, Budget(words=30))
        top = synthetic.article(scores[0].doc_id).sentences[scores[0].sentence].text
        assert "budget" in top or "schools" in top, (name, top)


def test_default_features_and_shipped_weights_agree(synthetic):
    scorer = LinearScorer.load(DEFAULT_WEIGHTS)
    assert set(scorer.features) <= set(FEATURE_NAMES) and scorer.provenance
    rows = [synthetic.row(s) for s in synthetic.sentences]
    features = sentence_features(synthetic, rows)
    assert features.shape == (len(rows), len(FEATURE_NAMES))
    scores = get_summarizer("salience").summarize(synthetic, Budget(words=40))
    assert set(scores[0].features) == set(FEATURE_NAMES)
    scores = get_summarizer("default").summarize(synthetic, Budget(words=40))
    assert set(scores[0].features) == {"concepts", "salience"} and any(s.features["salience"] for s in scores)


def test_default_skips_near_repeats():
    repeated = [*ARTICLES, ARTICLES[0].replace("Tuesday", "Tuesday evening")]
    cluster = make_cluster(repeated)
    chosen = summary_of(cluster, "default", Budget(words=1000))
    assert len(chosen) == len(set(chosen)) < len(cluster.sentences)
    assert not any(a.replace("Tuesday", "Tuesday evening") == b for a in chosen for b in chosen if a != b)


def test_oracle_beats_every_summarizer_on_real_clusters(eval_data):
    rouge = Rouge()
    budget = Budget(words=250)
    # The oracle is a greedy over the same eligible units (summarizers.units) as everyone: on one of
    # these clusters (multinews-val-002) its greedy ends 0.2 ROUGE-2 below the default's exact
    # program, so ROUGE-2 is compared on the mean over the clusters, R1 + R2 on each.
    margins: dict[str, list[float]] = {name: [] for name in PEERS}
    for item in load_dataset(str(eval_data), limit=6):
        cluster = Cluster([a for a in prepare(item.articles()) if a.sentences])
        oracle = rouge.score(summary_of(cluster, "oracle", budget, reference=item.references), item.references)
        for name in PEERS:
            other = rouge.score(summary_of(cluster, name, budget), item.references)
            margins[name].append(oracle["rouge2"] - other["rouge2"])
            assert oracle["rouge1"] + oracle["rouge2"] > other["rouge1"] + other["rouge2"], (item.id, name)
    assert all(sum(m) / len(m) > 1.0 for m in margins.values()), margins


@pytest.mark.parametrize(
    ("text", "dangling"),
    [
        ("But it is not looking too hopeful.", True),
        ('"It certainly does not create the climate that we need for dialogue."', True),
        ("However, the vote went ahead.", True),
        ("They left before noon.", True),
        ("Kerry said the talks would go on.", False),
        ("There are three reasons.", False),
        ("Although talks failed, both sides stayed.", False),
        ("Italy's prime minister resigned.", False),  # "It" only as a prefix
    ],
)
def test_context_openers(text, dangling):
    assert depends_on_context(text) == dangling


CONTEXT_ARTICLES = [
    "Negotiators from both countries met in Geneva on Monday to discuss the ceasefire plan.\n\n"
    "But the meeting ended after only an hour.\n\n"
    "The ceasefire plan would place monitors along the border for six months.",
    "Farmers in the border region say their harvest has been lost to the fighting this year.",
]


# keep_context=False no longer frees it: the shared eligibility rule (summarizers.units) ties every
# dangling opener to its antecedent, for every summarizer.
@pytest.mark.parametrize(("words", "keep_context", "expected"), [(40, True, 2), (12, True, 0), (12, False, 0)])
def test_short_context_dependent_sentence_comes_with_its_predecessor(words, keep_context, expected):
    cluster = make_cluster(CONTEXT_ARTICLES)
    rows = [cluster.row(s) for s in cluster.sentences if is_candidate(s.text, s.is_heading)]
    dangling = next(i for i, r in enumerate(rows) if cluster.sentences[r].text.startswith("But"))
    before = dangling - 1
    ranking = np.array([dangling] + [i for i in range(len(rows)) if i != dangling])  # as if it scored best
    chosen = SalienceSummarizer(keep_context=keep_context)._select(cluster, rows, ranking, Budget(words=words))
    # 12 words: room for the short sentence alone, not with its predecessor
    assert len({dangling, before} & chosen) == expected


@pytest.mark.parametrize(
    ("text", "needs"),
    [
        ("But it is not looking too hopeful.", True),
        ('"It certainly does not create the climate that we need for dialogue."', True),  # bare quote, 12 words
        ("It is clear that this long sentence names its subject again in enough words.", False),
        ('"It is a long quote," the minister said, adding that the talks would go on.', False),  # speaker named
        ("Kerry said it was not looking too hopeful.", False),
    ],
)
def test_which_sentences_need_their_predecessor(text, needs):
    assert SalienceSummarizer().needs_predecessor(text) == needs
    assert not SalienceSummarizer(keep_context=False).needs_predecessor(text)


@pytest.mark.parametrize(
    ("text", "depth", "stray"),
    [
        ("“In light of the leak of my financial disclosure info which is a felony.", 1, False),
        ("I will be releasing it myself.”", 0, True),
        ('"We will rebuild," the mayor said.', 0, False),
        ('The sign read: "Welcome.', 1, False),
        ("``Remember our treaties,'' the sign read.", 0, False),
        ("The council's plan passed.", 0, False),
    ],
)
def test_quotation_depth(text, depth, stray):
    assert quotation_depth(text) == (depth, stray)


QUOTATION_ARTICLES = [
    "The harbour council approved a plan on Tuesday to rebuild the storm-damaged north pier.\n\n"
    "“We have waited long enough for this decision. The pier is the heart of this town and its harbour. "
    "Without it the fishing boats have nowhere to land,” the mayor said after the council vote.\n\n"
    "Rebuilding the north pier of the harbour will take two years and cost four million dollars.",
    "Engineers told the harbour council that rebuilding the pier would take two years of work.\n\n"
    "“The pier is the heart of this town and the council knows it.\n\n"
    "Work on the harbour pier will start in the spring when the storms are over, officials said.",
]


def test_multi_sentence_quotation_is_one_unit_and_an_unclosed_one_none():
    cluster = make_cluster(QUOTATION_ARTICLES)
    rows = [cluster.row(s) for s in cluster.sentences if is_candidate(s.text, s.is_heading)]
    units = selectable_units(cluster, rows)
    texts = [[cluster.sentences[r].text for r in unit] for unit in units.members]
    quotation = next(unit for unit in texts if unit[0].startswith("“We have"))
    assert len(quotation) == 3 and quotation[-1].endswith("the council vote.")
    assert not any(t.startswith("“The pier is the heart of this town and the council") for unit in texts for t in unit)
    assert sum(len(unit) for unit in units.members) == len(rows) - 1


QUOTATION = (
    "“We have waited long enough for this decision.",
    "The pier is the heart of this town and its harbour.",
    "Without it the fishing boats have nowhere to land,” the mayor said after the council vote.",
)


@pytest.mark.parametrize("name", [*PEERS, *CANDIDATES, "oracle"])
@pytest.mark.parametrize("words", [15, 40, 200])
def test_no_summarizer_shows_part_of_a_quotation(name, words):
    cluster = make_cluster(QUOTATION_ARTICLES)
    kwargs = {"reference": ["“The pier is the heart of this town,” the mayor said of the harbour plan."]}
    chosen = summary_of(cluster, name, Budget(words=words), **(kwargs if name == "oracle" else {}))
    assert chosen
    assert len(set(QUOTATION) & set(chosen)) in (0, 3), chosen  # all of the quotation or none of it
    assert all(quotation_depth(text) == (0, False) for text in chosen if text not in QUOTATION)
    assert not any(t.startswith("“The pier is the heart of this town and the council") for t in chosen)
    assert sum(word_count(t) for t in chosen) <= words


def random_unit_concepts(rng: np.random.Generator, n_units: int, n_concepts: int) -> list[set[int]]:
    """A random coverage problem's units: each covers one to three of the concepts."""
    return [set(rng.choice(n_concepts, size=rng.integers(1, 4), replace=False).tolist()) for _ in range(n_units)]


def test_concept_coverage_is_solved_exactly():
    """HiGHS finds the best-covering set within the budget (checked against every subset)."""
    rng = np.random.default_rng(3)
    for _ in range(20):
        n_units, n_concepts = 7, 9
        unit_concepts = random_unit_concepts(rng, n_units, n_concepts)
        concept_value = rng.uniform(0.1, 1.0, n_concepts)
        unit_words = rng.integers(5, 30, n_units).astype(float)
        chosen = solve_coverage(
            unit_concepts, concept_value, np.zeros(n_units), unit_words, np.ones(n_units), Budget(words=50)
        )

        def value(units, unit_concepts=unit_concepts, concept_value=concept_value):
            covered = set().union(*(unit_concepts[u] for u in units)) if units else set()
            return sum(concept_value[j] for j in covered)

        best = max(
            value([u for u in range(n_units) if mask >> u & 1])
            for mask in range(1 << n_units)
            if sum(unit_words[u] for u in range(n_units) if mask >> u & 1) <= 50
        )
        assert sum(unit_words[u] for u in chosen) <= 50
        assert value(chosen) == pytest.approx(best, rel=0.011)  # within the solver's 1 % gap


def test_concept_coverage_finds_the_known_optimum_that_greedy_misses():
    """Three units of 6, 5 and 1 words each cover one concept worth 5, 4.5 and 1, budget 11 words: the
    greedy summary (best value per word first) takes the 1-word unit and the 5-word one (worth 5.5) and
    then cannot fit the 6-word one; the optimum is the 6- and 5-word units (worth 9.5), which only
    branch and bound finds (the LP relaxation's bound, 1 + 4.5 + 5 * 5/6, is far above 5.5)."""
    problem = ([{0}, {1}, {2}], np.array([5.0, 4.5, 1.0]), np.zeros(3), np.array([6.0, 5.0, 1.0]), np.ones(3))
    assert concepts._greedy_coverage(*problem[:3], problem[3], 11.0, (), ()) == [1, 2]
    assert solve_coverage(*problem, Budget(words=11)) == [0, 1]
    # with the 6- and 5-word units exclusive, the best is the 6-word one and the 1-word one (worth 6);
    # with a word more, all three fit
    assert solve_coverage(*problem, Budget(words=11), excludes=[(0, 1)]) == [0, 2]
    assert solve_coverage(*problem, Budget(words=12)) == [0, 1, 2]


def test_concept_coverage_keeps_pair_rules_and_budget():
    """Whether the greedy summary or the MIP's is returned, "u only with v" and "not both" hold."""
    rng = np.random.default_rng(5)
    for _ in range(30):
        n_units, n_concepts = 8, 10
        unit_concepts = random_unit_concepts(rng, n_units, n_concepts)
        unit_words = rng.integers(5, 30, n_units).astype(float)
        requires, excludes = [(0, 1), (2, 3)], [(4, 5), (1, 6)]
        chosen = set(
            solve_coverage(
                unit_concepts,
                rng.uniform(0.1, 1.0, n_concepts),
                rng.uniform(0.0, 0.2, n_units),
                unit_words,
                np.ones(n_units),
                Budget(words=60),
                requires,
                excludes,
            )
        )
        assert sum(unit_words[u] for u in chosen) <= 60
        assert all(v in chosen for u, v in requires if u in chosen)
        assert not any(a in chosen and b in chosen for a, b in excludes)


def test_concepts_need_two_documents_and_a_document_share():
    cluster = make_cluster([*ARTICLES, ARTICLES[0]])
    rows = [cluster.row(s) for s in cluster.sentences if is_candidate(s.text, s.is_heading)]
    _, weights = concept_weights(cluster, rows)
    assert weights and min(weights.values()) >= 2
    assert ("citi", "council") in weights or ("city", "council") in weights or any("council" in g for g in weights)
