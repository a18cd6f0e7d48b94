"""Score corroboration against hand-labelled sentence pairs of the example story.

``tests/fixtures/support_pairs.tsv`` holds every cross-source pair of non-heading sentences
with TF-IDF cosine >= 0.15, plus the same-content pairs found below that by reading the
articles; ``same`` says (by reading) whether the two state the same fact. Keys are
``doc:sentence`` as segmented today; the text columns catch drift.

Run ``python tests/support_eval.py`` for the precision/recall grid behind the defaults.
"""

from __future__ import annotations

import csv
from pathlib import Path

from newsbrief.corroborate import best_in_source, judge, story_terms
from newsbrief.ingest import load_articles
from newsbrief.model import Sentence
from newsbrief.pipeline import prepare
from newsbrief.settings import DEFAULT_MIN_SHARED_TERMS, DEFAULT_SUPPORT_THRESHOLD
from newsbrief.textsim import Cluster

ROOT = Path(__file__).resolve().parent.parent
PAIRS = ROOT / "tests" / "fixtures" / "support_pairs.tsv"
EXAMPLE = ROOT / "examples" / "kerry-lavrov-2014"


def labelled_pairs() -> tuple[Cluster, list[tuple[Sentence, Sentence, float, bool]]]:
    articles, _ = load_articles([str(EXAMPLE)])
    cluster = Cluster(prepare(articles))

    def sentence(key: str, text: str) -> Sentence:
        doc, index = map(int, key.split(":"))
        found = cluster.article(doc).sentences[index]
        if not found.text.startswith(text):
            raise ValueError(f"{key}: pair label no longer matches the segmented sentence")
        return found

    pairs = []
    with PAIRS.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            a, b = sentence(row["a"], row["a_text"]), sentence(row["b"], row["b_text"])
            similarity = float(cluster.similarity([cluster.row(a)], [cluster.row(b)])[0, 0])
            pairs.append((a, b, similarity, row["same"] == "yes"))
    return cluster, pairs


def precision_recall(
    threshold: float = DEFAULT_SUPPORT_THRESHOLD, min_shared_terms: int = DEFAULT_MIN_SHARED_TERMS
) -> tuple[float, float, int, int]:
    """(precision, recall, true positives, accepted) over the labelled pairs."""
    cluster, pairs = labelled_pairs()
    topic = story_terms(cluster)
    accepted = [
        same
        for a, b, sim, same in pairs
        if judge(cluster, a, b, sim, threshold, min_shared_terms, topic, best_in_source(cluster, a, b.doc_id)).accepted
    ]
    true_pairs = sum(same for *_, same in pairs)
    hits = sum(accepted)
    return (hits / len(accepted) if accepted else 1.0), hits / true_pairs, hits, len(accepted)


if __name__ == "__main__":
    _, pairs = labelled_pairs()
    print(f"pairs {len(pairs)}, same-content {sum(p[3] for p in pairs)}; cells: precision/recall (right/accepted)")
    thresholds = (0.15, 0.18, 0.20, 0.22, 0.25, 0.30)
    print("min terms " + "".join(f"{t:>19.2f}" for t in thresholds))
    for k in (0, 1, 2, 3, 4):
        cells = []
        for t in thresholds:
            p, r, hits, n = precision_recall(t, k)
            cells.append(f"{p:.2f}/{r:.2f} ({hits}/{n})".rjust(19))
        print(f"{k:>9} " + "".join(cells))
