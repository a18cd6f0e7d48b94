"""Did a change to a summarizer change what it selects? Its output per cluster, written and compared.

    python bench/selection_check.py DATASET [DATASET ...] --out FILE [--summarizer default] [--limit N] [--words 250]
    python bench/selection_check.py --compare OLD NEW

The first form writes one JSON line per cluster: the selected sentences (``[doc_id, index]``) and every
candidate's rank, score and features, exactly as ``summarize`` returns them. Run it with the old code's
interpreter (a second worktree at the old commit) and with the new one, then ``--compare`` the two
files: it prints the clusters whose selection or scores differ and exits 1 when any does.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

from newsbrief.eval.datasets import load_dataset
from newsbrief.pipeline import prepare
from newsbrief.summarizers import Budget, get_summarizer
from newsbrief.textsim import Cluster


def write_selections(datasets: list[str], out: Path, summarizer: str, limit: int | None, words: int) -> None:
    lines = []
    for dataset in datasets:
        for item in load_dataset(dataset, limit=limit, words=words):
            articles = [a for a in prepare(item.articles()) if a.sentences]
            scores = get_summarizer(summarizer).summarize(Cluster(articles), Budget(words=words)) if articles else []
            selected = sorted([s.doc_id, s.sentence] for s in scores if s.selected)
            record = {"id": item.id, "selected": selected, "scores": [asdict(s) for s in scores]}
            lines.append(json.dumps(record, sort_keys=True))
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} clusters written to {out}")


def compare(old: Path, new: Path) -> int:
    before = [json.loads(line) for line in old.read_text(encoding="utf-8").splitlines()]
    after = [json.loads(line) for line in new.read_text(encoding="utf-8").splitlines()]
    if [r["id"] for r in before] != [r["id"] for r in after]:
        print("the two files hold different clusters")
        return 1
    other_selection = [a["id"] for a, b in zip(before, after, strict=True) if a["selected"] != b["selected"]]
    other_scores = [a["id"] for a, b in zip(before, after, strict=True) if a["scores"] != b["scores"]]
    print(f"{len(before)} clusters: selection differs in {len(other_selection)}, scores in {len(other_scores)}")
    for cluster_id in other_selection or other_scores:
        print(f"  differs: {cluster_id}")
    return 1 if other_selection or other_scores else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("datasets", nargs="*")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("OLD", "NEW"))
    parser.add_argument("--summarizer", default="default")
    parser.add_argument("--limit", type=int, help="the first N clusters of each dataset")
    parser.add_argument("--words", type=int, default=250)
    args = parser.parse_args(argv)
    if args.compare:
        return compare(*args.compare)
    if not args.datasets or args.out is None:
        parser.error("give DATASET(s) and --out, or --compare OLD NEW")
    missing = [d for d in args.datasets if not Path(d).exists()]
    if missing:
        print(f"dataset not found: {', '.join(missing)} (pass its path)", file=sys.stderr)
        return 2
    write_selections(args.datasets, args.out, args.summarizer, args.limit, args.words)
    return 0


if __name__ == "__main__":
    sys.exit(main())
