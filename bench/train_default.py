"""Fit the learned salience weights and report held-out (cross-validated) and cross-domain ROUGE.

    python bench/train_default.py [DATASET ...] [--folds 5] [--words 250] [--write] [--ablation]
                                  [--summarizer default|salience] [--cross]

The weights are the salience inside the default summarizer (concept coverage + salience,
:mod:`newsbrief.summarizers.concepts`) and the whole of the ``salience`` summarizer;
``--summarizer`` picks which one is scored. With several datasets (Multi-News validation and
DUC 2006) the weights are fitted on all of them together; ``--cross`` prints the
cross-domain table: fitted on each set and tested on the other, and fitted on both
(held-out folds) tested on each.

For every candidate sentence of every cluster the target is its overlap with the human
summary: the mean of its unigram and bigram precision against the reference (averaged over
the references where there are several) (rouge-score
tokens, stemmed), i.e. how much of the sentence the summary also says, plus
``ORACLE_BONUS`` when the greedy oracle picks the sentence at this budget (this mix
scored best on held-out folds, see docs/evaluation.md). A ridge regression over
:data:`newsbrief.summarizers.features.FEATURE_NAMES` (standardised) predicts it.

Scores are reported on held-out folds only: clusters are split into ``--folds`` groups, each
group is summarized with weights fitted on the others. ``--ablation`` repeats this with each
feature group and each selection component switched off. ``--write`` fits on every cluster
and writes ``src/newsbrief/summarizers/data/default_weights.json``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

from newsbrief.eval.datasets import load_dataset
from newsbrief.eval.rouge import METRICS, Rouge
from newsbrief.fileio import write_atomic
from newsbrief.pipeline import prepare
from newsbrief.summarizers import Budget
from newsbrief.summarizers.base import Summarizer, is_candidate
from newsbrief.summarizers.concepts import DefaultSummarizer
from newsbrief.summarizers.default import DEFAULT_WEIGHTS, LinearScorer, SalienceSummarizer
from newsbrief.summarizers.features import FEATURE_NAMES, sentence_features
from newsbrief.summarizers.oracle import OracleSummarizer
from newsbrief.textsim import Cluster

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "eval" / "multinews-val250.jsonl"
RIDGE = 1.0
ORACLE_BONUS = 0.3
SEED = 13

FEATURE_GROUPS: dict[str, tuple[str, ...]] = {
    "position": ("position", "first", "second", "early", "relative_position", "paragraph"),
    "length": ("log_words", "short", "long"),
    "centrality": ("centrality", "cross_centrality", "term_probability"),
    "support": ("support",),
    "style": ("quote", "question", "first_person", "number", "capitalised"),
    "article": ("article_share", "article_centrality"),
}


def _ngrams(tokens: list[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


class Example:
    """One cluster: prepared text, candidate rows, their features and targets."""

    def __init__(
        self, cluster_id: str, articles: list, references: list[str], tokenize, words: int, dataset: str = ""
    ) -> None:
        self.id = cluster_id
        self.dataset = dataset
        self.references = references
        self.cluster = Cluster(articles)
        self.rows = [self.cluster.row(s) for s in self.cluster.sentences if is_candidate(s.text, s.is_heading)]
        self.features = sentence_features(self.cluster, self.rows)
        reference_grams = [[_ngrams(tokenize(reference), n) for n in (1, 2)] for reference in references]
        targets = []
        for row in self.rows:
            tokens = tokenize(self.cluster.sentences[row].text)
            precisions = []
            for per_reference in reference_grams:
                for n, reference in zip((1, 2), per_reference, strict=True):
                    grams = _ngrams(tokens, n)
                    overlap = sum(min(c, reference[g]) for g, c in grams.items() if g in reference)
                    precisions.append(overlap / max(1, sum(grams.values())))
            targets.append(sum(precisions) / len(precisions))
        oracle = OracleSummarizer(reference=references).summarize(self.cluster, Budget(words=words))
        picked = {(s.doc_id, s.sentence) for s in oracle if s.selected}
        for i, row in enumerate(self.rows):
            sentence = self.cluster.sentences[row]
            targets[i] += ORACLE_BONUS * ((sentence.doc_id, sentence.index) in picked)
        self.targets = np.asarray(targets)


def load_examples(path: str, limit: int | None, words: int) -> list[Example]:
    from rouge_score import tokenizers

    tokenize = tokenizers.DefaultTokenizer(use_stemmer=True).tokenize
    examples = []
    for item in load_dataset(path, limit=limit, words=words):
        articles = [a for a in prepare(item.articles()) if a.sentences]
        if articles:
            examples.append(Example(item.id, articles, item.references, tokenize, words, Path(path).name))
    return examples


def fit(examples: list[Example], features: tuple[str, ...], provenance: str = "") -> LinearScorer:
    """Weighted ridge regression: every dataset weighs the same in total (DUC 2006's 50 clusters hold
    more candidate sentences than Multi-News's 250), every sentence the same within its dataset."""
    columns = [FEATURE_NAMES.index(f) for f in features]
    x = np.vstack([e.features[:, columns] for e in examples])
    y = np.concatenate([e.targets for e in examples])
    datasets = np.concatenate([[e.dataset] * len(e.targets) for e in examples])
    names, counts = np.unique(datasets, return_counts=True)
    per_sentence = dict(zip(names, len(y) / (len(names) * counts), strict=True))
    w = np.array([per_sentence[d] for d in datasets])
    mean = np.average(x, axis=0, weights=w)
    scale = np.sqrt(np.average((x - mean) ** 2, axis=0, weights=w))
    scale[scale == 0] = 1.0
    z = (x - mean) / scale
    y_mean = float(np.average(y, weights=w))
    weights = np.linalg.solve((z * w[:, None]).T @ z + RIDGE * np.eye(len(columns)), (z * w[:, None]).T @ (y - y_mean))
    return LinearScorer(features, mean, scale, weights, y_mean, provenance)


def make_summarizer(name: str, scorer: LinearScorer, **options: float | bool) -> Summarizer:
    """The summarizer being trained, with the given weights."""
    return SalienceSummarizer(scorer=scorer, **options) if name == "salience" else DefaultSummarizer(scorer=scorer)


def evaluate(examples: list[Example], summarizer: Summarizer, words: int, rouge: Rouge) -> dict[str, float]:
    totals = dict.fromkeys(METRICS, 0.0)
    for example in examples:
        scores = summarizer.summarize(example.cluster, Budget(words=words))
        chosen = sorted((s for s in scores if s.selected), key=lambda s: (s.doc_id, s.sentence))
        texts = [example.cluster.article(s.doc_id).sentences[s.sentence].text for s in chosen]
        for metric, value in rouge.score(texts, example.references).items():
            totals[metric] += value
    return {m: totals[m] / len(examples) for m in METRICS}


def cross_validate(
    examples: list[Example],
    features: tuple[str, ...],
    folds: int,
    words: int,
    rouge: Rouge,
    name: str = "default",
    report: list[Example] | None = None,
    **options: float | bool,
) -> dict[str, float]:
    """Mean ROUGE over the ``report`` clusters (default: all), each summarized with weights fitted
    without its fold."""
    order = np.random.default_rng(SEED).permutation(len(examples))
    report_ids = {id(e) for e in (report or examples)}
    totals = dict.fromkeys(METRICS, 0.0)
    n = 0
    for fold in range(folds):
        held_out = {int(i) for i in order[fold::folds]}
        train = [e for i, e in enumerate(examples) if i not in held_out]
        test = [e for i, e in enumerate(examples) if i in held_out and id(e) in report_ids]
        if not test:
            continue
        summarizer = make_summarizer(name, fit(train, features), **options)
        for metric, value in evaluate(test, summarizer, words, rouge).items():
            totals[metric] += value * len(test)
        n += len(test)
    return {m: totals[m] / max(1, n) for m in METRICS}


def cross_domain(sets: dict[str, list[Example]], words: int, rouge: Rouge, name: str, folds: int) -> None:
    """Fit on each set, test on every other; fit on all sets (held-out folds), test on each."""
    everything = [e for examples in sets.values() for e in examples]
    for test_name, test in sets.items():
        scores = cross_validate(test, FEATURE_NAMES, folds, words, rouge, name)
        print(_row(f"fit {test_name} (folds) -> {test_name}", scores), flush=True)
    for train_name, train in sets.items():
        scorer = fit(train, FEATURE_NAMES)
        for test_name, test in sets.items():
            if test_name != train_name:
                scores = evaluate(test, make_summarizer(name, scorer), words, rouge)
                print(_row(f"fit {train_name} -> {test_name}", scores), flush=True)
    for test_name, test in sets.items():
        scores = cross_validate(everything, FEATURE_NAMES, folds, words, rouge, name, report=test)
        print(_row(f"fit all (folds) -> {test_name}", scores), flush=True)


def _row(name: str, scores: dict[str, float]) -> str:
    return f"| {name:<44} | " + " | ".join(f"{scores[m]:6.2f}" for m in METRICS) + " |"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("datasets", nargs="*", default=[str(DEFAULT_DATA)], metavar="DATASET")
    parser.add_argument("--summarizer", choices=("default", "salience"), default="default")
    parser.add_argument("--cross", action="store_true", help="print the cross-domain table (several datasets)")
    parser.add_argument("--folds", type=int, default=5, help="cross-validation folds (0: none, e.g. with --write)")
    parser.add_argument("--words", type=int, default=250)
    parser.add_argument("--limit", type=int)
    parser.add_argument("--ablation", action="store_true", help="also score each component switched off")
    parser.add_argument("--write", action="store_true", help=f"fit on all clusters and write {DEFAULT_WEIGHTS}")
    args = parser.parse_args(argv)
    missing = [d for d in args.datasets if not Path(d).exists()]
    if missing:
        print(f"dataset not found: {', '.join(missing)} (pass its path)", file=sys.stderr)
        return 2

    started = time.perf_counter()
    sets = {Path(d).name: load_examples(d, args.limit, args.words) for d in args.datasets}
    examples = [e for items in sets.values() for e in items]
    print(
        f"{len(examples)} clusters, {sum(len(e.rows) for e in examples)} candidate sentences "
        f"({time.perf_counter() - started:.1f} s to prepare)",
        file=sys.stderr,
    )
    rouge = Rouge()
    print(
        f"| {'held-out folds (' + str(args.folds) + '), ' + str(args.words) + ' words':<44} | "
        + " | ".join(f"{m:>6}" for m in METRICS)
        + " |"
    )
    print("|" + "-" * 46 + "|" + "|".join("-" * 8 for _ in METRICS) + "|")
    name = args.summarizer
    if args.folds > 1:
        scores = cross_validate(examples, FEATURE_NAMES, args.folds, args.words, rouge, name)
        print(_row(f"{name}, full model", scores), flush=True)
    if args.cross and len(sets) > 1:
        cross_domain(sets, args.words, rouge, name, args.folds)
    if args.ablation:
        for group, names in FEATURE_GROUPS.items():
            kept = tuple(f for f in FEATURE_NAMES if f not in names)
            print(
                _row(f"without {group} features", cross_validate(examples, kept, args.folds, args.words, rouge, name)),
                flush=True,
            )
        no_redundancy = cross_validate(
            examples, FEATURE_NAMES, args.folds, args.words, rouge, "salience", redundancy_threshold=1.01
        )
        print(_row("without redundancy filter", no_redundancy), flush=True)
        plain_words = cross_validate(
            examples, FEATURE_NAMES, args.folds, args.words, rouge, "salience", paraphrases=False
        )
        print(_row("redundancy without paraphrase classes", plain_words), flush=True)
        alone = cross_validate(examples, FEATURE_NAMES, args.folds, args.words, rouge, "salience", keep_context=False)
        print(_row("context-dependent sentences alone", alone), flush=True)
        for threshold in (0.2, 0.4, 0.5):
            scores = cross_validate(
                examples, FEATURE_NAMES, args.folds, args.words, rouge, "salience", redundancy_threshold=threshold
            )
            print(_row(f"redundancy threshold {threshold}", scores), flush=True)
    if args.write:
        provenance = (
            f"ridge regression (alpha {RIDGE}) on {len(examples)} clusters of {' + '.join(sets)}, "
            "each dataset weighted equally in total, each candidate sentence equally within its dataset, "
            f"target: mean unigram+bigram precision of each sentence against the references + {ORACLE_BONUS} if the "
            f"greedy oracle picks it at {args.words} words; "
            "made by bench/train_default.py --write"
        )
        scorer = fit(examples, FEATURE_NAMES, provenance)
        DEFAULT_WEIGHTS.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(str(DEFAULT_WEIGHTS), json.dumps(scorer.to_dict(), indent=2) + "\n")
        print(f"wrote {DEFAULT_WEIGHTS}", file=sys.stderr)
    print(f"total {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
