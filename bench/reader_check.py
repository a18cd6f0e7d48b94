"""Reader-side check of the default brief, beyond ROUGE, on 30 labelled Multi-News clusters.

    python bench/reader_check.py [DATASET] [--dump]

30 clusters of the Multi-News validation sample are drawn with a fixed seed (:data:`SEED`);
each is briefed as ``newsbrief brief`` does (default summarizer, 250 words, reader order).
``tests/fixtures/reader_labels/labels.json`` holds, per cluster id, labels given BY READING
that brief: pairs of sentences that contradict each other, and per sentence (keyed by
:func:`sentence_key`, a hash of its text, with a short excerpt to read it by) whether it
states the story's main event (who did what; the brief's first sentence should), whether it
is *dangling* (leans on context the brief does not give: a pronoun or connective without its
antecedent, an unattributed quotation, a reply to an unseen question) and whether it is
*filler* (says nothing a reader needs: captions, promotion, credits, corrections notices).
Labels are of sentences, not positions, so the reading order can change without relabelling
(except that "dangling" was judged in the order read).

It prints the shares, a mechanical dangling count (an opening connective or pronoun,
``summarizers.default.depends_on_context``, whose article's preceding sentence is not right
before it in the brief) next to the judged one, and lists sentences without a label.
``--dump`` prints every brief with sentence keys, for labelling.

What it can show: how *these* briefs read to one reader. A label belongs to one sentence
text; when the summarizer or the cleaner changes what is chosen, new sentences are unlabelled
and must be read and labelled before the numbers mean anything (tests/test_reader_labels.py
fails until they are).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from newsbrief.eval.datasets import load_dataset
from newsbrief.pipeline import brief_articles
from newsbrief.settings import Options
from newsbrief.summarizers.default import depends_on_context

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "eval" / "multinews-val250.jsonl"
LABELS = ROOT / "tests" / "fixtures" / "reader_labels" / "labels.json"
SEED = 20261202
N_CLUSTERS = 30
# The labelled clusters are split in two halves with this seed (:func:`tune_half`): rules and
# thresholds of the brief (summarizers.units, summarizers.order) are calibrated on the tune half
# only, and the report half says whether they hold.
SPLIT_SEED = 20261203
WORDS = 250


def sentence_key(text: str) -> str:
    return hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()[:12]


@dataclass
class BriefSentence:
    key: str
    text: str
    mechanically_dangling: bool


@dataclass
class Report:
    """Tallies of one reader check: ``counts`` holds briefs, sentences and each judged property."""

    counts: Counter[str] = field(default_factory=Counter)
    unlabelled: list[str] = field(default_factory=list)

    def share(self, name: str, of: str) -> float:
        return self.counts[name] / self.counts[of] if self.counts[of] else float("nan")


def sample_clusters(path: str) -> list:
    clusters = load_dataset(path)
    picked = np.random.default_rng(SEED).choice(len(clusters), size=min(N_CLUSTERS, len(clusters)), replace=False)
    return [clusters[int(i)] for i in sorted(picked)]


def tune_half(cluster_ids: list[str]) -> set[str]:
    """The tune half of the labelled clusters: 15 of the 30 ids (sorted), drawn with :data:`SPLIT_SEED`."""
    ids = sorted(cluster_ids)
    picked = np.random.default_rng(SPLIT_SEED).permutation(len(ids))[: len(ids) // 2]
    return {ids[int(i)] for i in picked}


def brief_sentences(cluster) -> list[BriefSentence]:
    """The default brief of one evaluation cluster, in reader order."""
    result = brief_articles(cluster.articles(), Options(words=WORDS, analyse=False))
    shown = [(item.sources[0], item.sentence) for item in result.summary]
    sentences = []
    for k, item in enumerate(result.summary):
        after_predecessor = k > 0 and shown[k - 1] == (item.sources[0], item.sentence - 1)
        dangling = depends_on_context(item.text) and not after_predecessor
        sentences.append(BriefSentence(sentence_key(item.text), item.text, dangling))
    return sentences


def check(briefs: dict[str, list[BriefSentence]], labels: dict) -> Report:
    report = Report()
    counts = report.counts
    for cluster_id, sentences in briefs.items():
        label = labels.get(cluster_id)
        if label is None:
            report.unlabelled.append(f"{cluster_id}: brief not labelled")
            continue
        counts["briefs"] += 1
        keys = {s.key for s in sentences}
        counts["contradictions"] += sum(1 for a, b in label.get("contradictions", []) if a in keys and b in keys)
        first = label["sentences"].get(sentences[0].key) if sentences else None
        counts["main_event_first"] += bool(first and first["main_event"])
        for sentence in sentences:
            counts["sentences"] += 1
            counts["mechanical_dangling"] += sentence.mechanically_dangling
            judged = label["sentences"].get(sentence.key)
            if judged is None:
                report.unlabelled.append(f"{cluster_id} {sentence.key}: {sentence.text[:70]}")
                continue
            counts["dangling"] += bool(judged["dangling"])
            counts["filler"] += bool(judged["filler"])
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dataset", nargs="?", default=str(DEFAULT_DATA))
    parser.add_argument("--dump", action="store_true", help="print the briefs with sentence keys, for labelling")
    args = parser.parse_args(argv)
    if not Path(args.dataset).exists():
        print(f"dataset not found: {args.dataset} (pass its path)", file=sys.stderr)
        return 2
    briefs = {cluster.id: brief_sentences(cluster) for cluster in sample_clusters(args.dataset)}
    if args.dump:
        for cluster_id, sentences in briefs.items():
            print(f"== {cluster_id}")
            for s in sentences:
                print(f"{s.key} {'D' if s.mechanically_dangling else '-'} {s.text}")
        return 0
    labels = json.loads(LABELS.read_text(encoding="utf-8")) if LABELS.exists() else {}
    tune = tune_half(list(labels) or list(briefs))
    halves = {
        "tune half": {k: v for k, v in briefs.items() if k in tune},
        "report half": {k: v for k, v in briefs.items() if k not in tune},
        "all": briefs,
    }
    reports = {name: check(part, labels) for name, part in halves.items()}
    heads = [f"{name} ({r.counts['briefs']} briefs, {r.counts['sentences']} sentences)" for name, r in reports.items()]
    print("| reader check | " + " | ".join(heads) + " |")
    print("|---|" + "---|" * len(reports))
    # (title, count, of what): a share when "of what" is given, else the count itself
    rows = [
        ("main event in the first sentence", "main_event_first", "briefs"),
        ("contradicting sentence pairs", "contradictions", None),
        ("dangling sentences (judged)", "dangling", "sentences"),
        ("dangling openers (mechanical)", "mechanical_dangling", "sentences"),
        ("filler sentences (judged)", "filler", "sentences"),
    ]

    def cell(report: Report, name: str, of: str | None) -> str:
        if of is None:
            return str(report.counts[name])
        return f"{report.share(name, of):.0%}" if of == "briefs" else f"{report.share(name, of):.1%}"

    for title, name, of in rows:
        print(f"| {title} | " + " | ".join(cell(r, name, of) for r in reports.values()) + " |")
    print("| unlabelled | " + " | ".join(str(len(r.unlabelled)) for r in reports.values()) + " |")
    for line in reports["all"].unlabelled:
        print(f"  unlabelled: {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
