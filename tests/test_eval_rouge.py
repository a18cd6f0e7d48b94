"""The ROUGE wrapper against hand-computed rouge-score values, Lsum sentence splitting, bootstrap."""

from __future__ import annotations

import math

import pytest

pytest.importorskip("rouge_score", reason="rouge-score (the 'eval' extra) is not installed")

from newsbrief.eval.rouge import Rouge, bootstrap, split_sentences


@pytest.fixture(scope="module")
def rouge() -> Rouge:
    return Rouge()


def test_known_rouge1_and_rouge2_values(rouge):
    # 6 of 8 system unigrams match 9 reference unigrams; 2 of 7 bigrams match 8.
    scores = rouge.score(["The quick brown dog jumps on the log."], ["The quick brown fox jumps over the lazy dog"])
    assert scores["rouge1"] == pytest.approx(100 * 2 * (6 / 8) * (6 / 9) / (6 / 8 + 6 / 9))
    assert scores["rouge2"] == pytest.approx(100 * 4 / 15)


def test_stemming_is_on(rouge):
    scores = rouge.score(["Officials warned of flooding."], ["The official warns of floods."])
    assert scores["rouge1"] == pytest.approx(100 * 2 * (4 / 4) * (4 / 5) / (4 / 4 + 4 / 5))


def test_lsum_uses_sentences_from_our_splitter(rouge):
    # Union LCS per reference sentence finds every token: 100. With the system as one sentence,
    # "the dog ran" keeps only 2 of its 3 tokens in order: 5 of 6.
    system = ["The cat ran.", "The dog sat."]
    assert rouge.score(system, ["The cat sat. The dog ran."])["rougeLsum"] == pytest.approx(100.0)
    assert rouge.score(["The cat ran. The dog sat."], ["The cat sat. The dog ran."])["rougeLsum"] == pytest.approx(
        100 * 5 / 6
    )


def test_several_references_are_averaged(rouge):
    one = rouge.score(["a b c d"], ["a b c d"])["rouge1"]
    other = rouge.score(["a b c d"], ["e f g h"])["rouge1"]
    both = rouge.score(["a b c d"], ["a b c d", "e f g h"])["rouge1"]
    assert (one, other, both) == (pytest.approx(100.0), pytest.approx(0.0), pytest.approx(50.0))


def test_split_sentences_handles_lines_and_abbreviations():
    text = "– Mr. Smith went to Washington. He met the U.S. envoy.\nThen he left."
    assert split_sentences(text) == ["– Mr. Smith went to Washington.", "He met the U.S. envoy.", "Then he left."]


def test_bootstrap_interval_brackets_the_mean():
    values = [float(v % 7) for v in range(200)]
    interval = bootstrap(values, samples=500)
    assert interval.low < interval.mean < interval.high
    assert interval.mean == pytest.approx(sum(values) / len(values))
    constant = bootstrap([3.0] * 10)
    assert (constant.low, constant.mean, constant.high) == (3.0, 3.0, 3.0)
    assert math.isnan(bootstrap([]).mean)
