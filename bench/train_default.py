"""Fit the default summarizer's salience weights and report held-out (cross-validated) ROUGE.

    python bench/train_default.py [DATASET] [--folds 5] [--words 250] [--write] [--ablation]

For every candidate sentence of every cluster the target is its overlap with the human
summary: the mean of its unigram and bigram precision against the reference (rouge-score
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
from newsbrief.summarizers.base import is_candidate
from newsbrief.summarizers.default import DEFAULT_WEIGHTS, DefaultSummarizer, LinearScorer
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

    def __init__(self, cluster_id: str, articles: list, references: list[str], tokenize, words: int) -> None:
        self.id = cluster_id
        self.references = references
        self.cluster = Cluster(articles)
        self.rows = [self.cluster.row(s) for s in self.cluster.sentences if is_candidate(s.text, s.is_heading)]
        self.features = sentence_features(self.cluster, self.rows)
        reference_grams = [_ngrams(tokenize(references[0]), n) for n in (1, 2)]
        targets = []
        for row in self.rows:
            tokens = tokenize(self.cluster.sentences[row].text)
            precisions = []
            for n, reference in zip((1, 2), reference_grams, strict=True):
                grams = _ngrams(tokens, n)
                overlap = sum(min(c, reference[g]) for g, c in grams.items() if g in reference)
                precisions.append(overlap / max(1, sum(grams.values())))
            targets.append(sum(precisions) / 2)
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
    for item in load_dataset(path, limit=limit):
        articles = [a for a in prepare(item.articles()) if a.sentences]
        if articles:
            examples.append(Example(item.id, articles, item.references, tokenize, words))
    return examples


def fit(examples: list[Example], features: tuple[str, ...], provenance: str = "") -> LinearScorer:
    columns = [FEATURE_NAMES.index(f) for f in features]
    x = np.vstack([e.features[:, columns] for e in examples])
    y = np.concatenate([e.targets for e in examples])
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    z = (x - mean) / scale
    weights = np.linalg.solve(z.T @ z + RIDGE * np.eye(len(columns)), z.T @ (y - y.mean()))
    return LinearScorer(features, mean, scale, weights, float(y.mean()), provenance)


def evaluate(examples: list[Example], summarizer: DefaultSummarizer, words: int, rouge: Rouge) -> dict[str, float]:
    totals = dict.fromkeys(METRICS, 0.0)
    for example in examples:
        scores = summarizer.summarize(example.cluster, Budget(words=words))
        chosen = sorted((s for s in scores if s.selected), key=lambda s: (s.doc_id, s.sentence))
        texts = [example.cluster.article(s.doc_id).sentences[s.sentence].text for s in chosen]
        for metric, value in rouge.score(texts, example.references).items():
            totals[metric] += value
    return {m: totals[m] / len(examples) for m in METRICS}


def cross_validate(
    examples: list[Example], features: tuple[str, ...], folds: int, words: int, rouge: Rouge, **options: float | bool
) -> dict[str, float]:
    """Mean ROUGE over all clusters, each summarized with weights fitted without its fold."""
    order = np.random.default_rng(SEED).permutation(len(examples))
    totals = dict.fromkeys(METRICS, 0.0)
    for fold in range(folds):
        held_out = {int(i) for i in order[fold::folds]}
        train = [e for i, e in enumerate(examples) if i not in held_out]
        test = [e for i, e in enumerate(examples) if i in held_out]
        summarizer = DefaultSummarizer(scorer=fit(train, features), **options)
        for metric, value in evaluate(test, summarizer, words, rouge).items():
            totals[metric] += value * len(test)
    return {m: totals[m] / len(examples) for m in METRICS}


def _row(name: str, scores: dict[str, float]) -> str:
    return f"| {name:<34} | " + " | ".join(f"{scores[m]:6.2f}" for m in METRICS) + " |"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dataset", nargs="?", default=str(DEFAULT_DATA))
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--words", type=int, default=250)
    parser.add_argument("--limit", type=int)
    parser.add_argument("--ablation", action="store_true", help="also score each component switched off")
    parser.add_argument("--write", action="store_true", help=f"fit on all clusters and write {DEFAULT_WEIGHTS}")
    args = parser.parse_args(argv)
    if not Path(args.dataset).exists():
        print(f"dataset not found: {args.dataset} (pass its path)", file=sys.stderr)
        return 2

    started = time.perf_counter()
    examples = load_examples(args.dataset, args.limit, args.words)
    print(
        f"{len(examples)} clusters, {sum(len(e.rows) for e in examples)} candidate sentences "
        f"({time.perf_counter() - started:.1f} s to prepare)",
        file=sys.stderr,
    )
    rouge = Rouge()
    print(
        f"| {'held-out folds (' + str(args.folds) + '), ' + str(args.words) + ' words':<34} | "
        + " | ".join(f"{m:>6}" for m in METRICS)
        + " |"
    )
    print("|" + "-" * 36 + "|" + "|".join("-" * 8 for _ in METRICS) + "|")
    print(_row("full model", cross_validate(examples, FEATURE_NAMES, args.folds, args.words, rouge)), flush=True)
    if args.ablation:
        for group, names in FEATURE_GROUPS.items():
            kept = tuple(f for f in FEATURE_NAMES if f not in names)
            print(
                _row(f"without {group} features", cross_validate(examples, kept, args.folds, args.words, rouge)),
                flush=True,
            )
        no_redundancy = cross_validate(
            examples, FEATURE_NAMES, args.folds, args.words, rouge, redundancy_threshold=1.01
        )
        print(_row("without redundancy filter", no_redundancy), flush=True)
        plain_words = cross_validate(examples, FEATURE_NAMES, args.folds, args.words, rouge, paraphrases=False)
        print(_row("redundancy without paraphrase classes", plain_words), flush=True)
        alone = cross_validate(examples, FEATURE_NAMES, args.folds, args.words, rouge, keep_context=False)
        print(_row("context-dependent sentences alone", alone), flush=True)
        for threshold in (0.2, 0.4, 0.5):
            scores = cross_validate(
                examples, FEATURE_NAMES, args.folds, args.words, rouge, redundancy_threshold=threshold
            )
            print(_row(f"redundancy threshold {threshold}", scores), flush=True)
    if args.write:
        provenance = (
            f"ridge regression (alpha {RIDGE}) on {len(examples)} clusters of {Path(args.dataset).name}, "
            f"target: mean unigram+bigram precision of each sentence against the reference + {ORACLE_BONUS} if the "
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
