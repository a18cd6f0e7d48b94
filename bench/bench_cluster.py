"""Story clustering quality on a mixed stream: all Multi-News validation clusters shuffled together.

Every benchmark cluster is one gold story. Its documents become articles (``"<id>#<n>"``,
no dates: the time window admits undated articles), all of them are shuffled into one
stream, clustered, and scored with B-cubed precision/recall/F1 and the adjusted Rand index.
Articles given no story (no article content) count as singleton stories.

    .venv/bin/python bench/bench_cluster.py                     # the defaults
    .venv/bin/python bench/bench_cluster.py --sweep             # a threshold table
    .venv/bin/python bench/bench_cluster.py --data PATH --seed 3
    .venv/bin/python bench/bench_cluster.py --data ../devdata/duc2006/duc2006_docs   # unseen: DUC 2006 topics
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from newsbrief.cluster import adjusted_rand_index, bcubed
from newsbrief.cluster.run import cluster_inputs
from newsbrief.cluster.stories import ClusterSettings
from newsbrief.settings import Options

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from cluster_eval import gold_and_predicted, write_stream  # noqa: E402  (shared with the tests)

# The settings this bench varies: flag -> ClusterSettings field. Texts with fewer content words
# than --short-content-words never join a story; at or above it and below --min-content-words they
# may join but not open one (>= --min-content-words: off).
TUNED = {
    "--threshold": "threshold",
    "--clear-threshold": "clear_threshold",
    "--min-content-words": "min_content_terms",
    "--short-content-words": "short_content_terms",
}

DEFAULT_DATA = ROOT.parent / "shared" / "eval" / "multinews-val250.jsonl"


def score(stream: Path, settings: ClusterSettings) -> dict[str, float]:
    started = time.perf_counter()
    run = cluster_inputs([str(stream)], Options(), settings)
    elapsed = time.perf_counter() - started
    gold, predicted = gold_and_predicted(run)
    b3 = bcubed(predicted, gold)
    return {
        "articles": len(gold),
        "gold": len(set(gold)),
        "stories": len(run.clusterer.stories),
        "no_story": sum(p is None for p in predicted),
        "copies": sum(a.duplicate_of is not None for a in run.assignments.values()),
        "precision": b3.precision,
        "recall": b3.recall,
        "f1": b3.f1,
        "ari": adjusted_rand_index(predicted, gold),
        "seconds": elapsed,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--seed", type=int, default=0, help="shuffle seed")
    defaults = ClusterSettings()
    for flag, name in TUNED.items():  # the library's defaults, with the library's types
        value = getattr(defaults, name)
        parser.add_argument(flag, type=type(value), default=value, help=f"ClusterSettings.{name} (default {value})")
    parser.add_argument("--sweep", action="store_true", help="also try a range of thresholds")
    args = parser.parse_args()
    if not args.data.exists():
        print(f"benchmark data not found at {args.data} (pass --data PATH)", file=sys.stderr)
        return 2
    print(f"# {' '.join([Path(sys.executable).name, *sys.argv])}")
    with tempfile.TemporaryDirectory() as folder:
        stream = Path(folder) / "mixed.jsonl"
        count = write_stream(args.data, args.seed, stream)
        print(f"{count} articles from {args.data.name}, shuffled with seed {args.seed}")
        grid = [(args.threshold, args.clear_threshold, args.min_content_words, args.short_content_words)]
        if args.sweep:
            short = args.short_content_words
            grid += [(t, c, m, short) for t in (0.15, 0.2, 0.25, 0.3) for c in (0.1, 0.14, 1.0) for m in (10, 20, 30)]
            grid += [(args.threshold, args.clear_threshold, args.min_content_words, s) for s in (3, 10, 1000)]
        print("threshold clear min_words short | stories no_story copies | B3-P   B3-R   B3-F1  ARI    | seconds")
        for threshold, clear, min_words, short_words in grid:
            settings = ClusterSettings(
                threshold=threshold,
                clear_threshold=clear,
                min_content_terms=min_words,
                window_days=7.0,
                short_content_terms=short_words,
            )
            r = score(stream, settings)
            short_label = str(short_words) if short_words < min_words else "off"
            print(
                f"{threshold:9.2f} {clear:5.2f} {min_words:9d} {short_label:>5} | "
                f"{r['stories']:7d} {r['no_story']:8d} {r['copies']:6d} | "
                f"{r['precision']:.4f} {r['recall']:.4f} {r['f1']:.4f} {r['ari']:.4f} | {r['seconds']:7.2f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
