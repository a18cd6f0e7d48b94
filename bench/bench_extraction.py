"""HTML extraction on trafilatura's evaluation pages: what newsbrief summarises vs trafilatura.

    python bench/bench_extraction.py [EVAL_DIR] [--half tune|report] [--limit N] [--lost]

EVAL_DIR is trafilatura's ``tests`` folder (``evaldata.json`` plus the pages under ``cache/``;
default ``$NEWSBRIEF_TRAFILATURA_EVAL`` or ``../devdata/trafilatura/tests``). Pages whose file
is not there are left out and counted. Scored as trafilatura's own ``tests/eval_common.py``
does: for each page, every ``with`` snippet found in the output (whitespace-normalised substring)
is a true positive, else a false negative; every ``without`` snippet found is a false positive,
else a true negative; counts are summed over pages; a crash or a refusal is an empty output.
``--half`` keeps one half of the pages: their file names sorted, shuffled with SPLIT_SEED, the
first half "tune" (rules are written on it), the rest "report" (measured, never tuned on).

Rows, all from one run over the same pages:

* ``trafilatura extract`` -- ``trafilatura.extract`` with the evaluation's canonical settings
  (``fast=False``, no comments, tables, no formatting), plain text;
* ``newsbrief ingest`` -- the text newsbrief's HTML reader hands on (``Article.raw_text``), i.e.
  trafilatura as newsbrief calls it;
* ``newsbrief text`` -- ``Article.text`` after :func:`newsbrief.clean.clean`, what is summarised;
* ``newsbrief sentences`` -- the ``Article.sentences`` after :func:`newsbrief.segment.segment`.

Then the pages newsbrief refuses (no article, or no sentence left) although trafilatura extracts
text, and with ``--lost`` each ``with`` snippet present after ingest but removed by the cleaner,
with the cleaner rules whose removed spans overlap it.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from newsbrief.clean import clean
from newsbrief.ingest import iter_records, records_to_articles
from newsbrief.model import Article
from newsbrief.segment import segment
from newsbrief.settings import Options

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DIR = Path(os.environ.get("NEWSBRIEF_TRAFILATURA_EVAL", ROOT.parent / "devdata" / "trafilatura" / "tests"))
# trafilatura's eval_common.EXTRACT_OPTS with fast=False: the "trafilatura" row of its benchmark
TRAFILATURA_OPTS = {"fast": False, "include_comments": False, "include_tables": True, "include_formatting": False}
# the tune/report split of the pages (docs/unseen-input.md, "Wave 7: HTML margin")
SPLIT_SEED = 20261206
ROWS = ("trafilatura extract", "newsbrief ingest", "newsbrief text", "newsbrief sentences")


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@dataclass
class Matrix:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    empty: int = 0

    def add(self, item: dict, output: str) -> None:
        found = norm(output)
        tp = sum(norm(w) in found for w in item["with"])
        fp = sum(norm(w) in found for w in item["without"])
        self.tp, self.fp = self.tp + tp, self.fp + fp
        self.fn += len(item["with"]) - tp
        self.tn += len(item["without"]) - fp
        self.empty += not found

    def scores(self) -> tuple[float, float, float, float]:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        total = self.tp + self.fp + self.fn + self.tn
        accuracy = (self.tp + self.tn) / total if total else 0.0
        f1 = 2 * self.tp / (2 * self.tp + self.fp + self.fn) if self.tp + self.fp + self.fn else 0.0
        return precision, recall, accuracy, f1


def half_of(files: list[str], half: str) -> set[str]:
    """The page files of one half: sorted, shuffled with SPLIT_SEED, the first half "tune"."""
    shuffled = sorted(files)
    random.Random(SPLIT_SEED).shuffle(shuffled)
    middle = len(shuffled) // 2
    return set(shuffled[:middle] if half == "tune" else shuffled[middle:])


def page_file(directory: Path, name: str) -> Path | None:
    """As eval_common.resolve: the page under cache/ or eval/."""
    for sub in ("cache", "eval"):
        if (directory / sub / name).is_file():
            return directory / sub / name
    return None


def newsbrief_articles(path: Path) -> tuple[list[Article], list[str]]:
    """The page read as ``newsbrief brief PAGE`` reads it: ingest, clean, segment."""
    warnings: list[str] = []
    articles = records_to_articles(iter_records([str(path)], Options(), warnings))
    for article in articles:
        segment(clean(article))
    return articles, warnings


def rules_over(article: Article, snippet: str) -> set[str]:
    """Cleaner rules whose removed text overlaps ``snippet`` (shares a 30-character piece)."""
    wanted = norm(snippet)
    pieces = [wanted[i : i + 30] for i in range(0, max(1, len(wanted) - 29), 15)]
    return {
        span.rule
        for span in article.removed
        if (text := norm(span.text)) and (text in wanted or any(p in text for p in pieces))
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("directory", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--half", choices=("tune", "report"), help="only one half of the pages (SPLIT_SEED)")
    parser.add_argument("--limit", type=int, help="only the first N pages (sorted by URL)")
    parser.add_argument("--lost", action="store_true", help="list the snippets the cleaner removed")
    args = parser.parse_args(argv)
    evaldata_path = args.directory / "evaldata.json"
    if not evaldata_path.is_file():
        print(f"trafilatura evaluation data not found: {evaldata_path} (pass EVAL_DIR)", file=sys.stderr)
        return 2
    import trafilatura  # deferred: only this bench needs it directly

    evaldata = json.loads(evaldata_path.read_text(encoding="utf-8"))
    pages = [(url, item, page_file(args.directory, item["file"])) for url, item in sorted(evaldata.items())]
    if args.half:
        kept = half_of([item["file"] for item in evaldata.values()], args.half)
        pages = [page for page in pages if page[1]["file"] in kept]
    missing = sum(path is None for _, _, path in pages)
    pages = [(url, item, path) for url, item, path in pages if path is not None][: args.limit]
    matrices = {row: Matrix() for row in ROWS}
    seconds = Counter[str]()
    refused: list[str] = []
    lost: list[str] = []
    lost_rules = Counter[str]()
    for _, item, path in pages:
        started = time.perf_counter()
        try:
            extracted = trafilatura.extract(path.read_bytes(), **TRAFILATURA_OPTS) or ""
        except Exception:  # as eval_common.run_and_count: a crash is a full miss
            extracted = ""
        seconds["trafilatura extract"] += time.perf_counter() - started
        started = time.perf_counter()
        articles, warnings = newsbrief_articles(path)
        seconds["newsbrief"] += time.perf_counter() - started
        raw = "\n".join(a.raw_text for a in articles)
        text = "\n".join(a.text for a in articles if a.sentences)
        sentences = " ".join(s.text for a in articles for s in a.sentences)
        for row, output in zip(ROWS, (extracted, raw, text, sentences), strict=True):
            matrices[row].add(item, output)
        if not sentences and norm(extracted):
            reason = "; ".join(warnings) or "no sentence left after cleaning"
            refused.append(f"{item['file']}: {reason}")
        for snippet in item["with"]:
            if norm(snippet) in norm(raw) and norm(snippet) not in norm(text):
                rules = set().union(*(rules_over(a, snippet) for a in articles)) or {"(unattributed)"}
                lost_rules.update(rules)
                lost.append(f"{item['file']}: [{', '.join(sorted(rules))}] {norm(snippet)[:90]!r}")

    half = f", {args.half} half" if args.half else ""
    print(f"{len(pages)} pages of {len(evaldata)} in evaldata.json{half} ({missing} without their file left out)\n")
    print(f"| {'output':<20} | {'precision':>9} | {'recall':>6} | {'accuracy':>8} | {'F1':>5} | {'empty':>5} |")
    print(f"|{'-' * 22}|{'-' * 11}|{'-' * 8}|{'-' * 10}|{'-' * 7}|{'-' * 7}|")
    for row, matrix in matrices.items():
        p, r, a, f = matrix.scores()
        print(f"| {row:<20} | {p:>9.3f} | {r:>6.3f} | {a:>8.3f} | {f:>5.3f} | {matrix.empty:>5} |")
    margin = matrices["newsbrief text"].scores()[3] - matrices["trafilatura extract"].scores()[3]
    counts = ", ".join(f"{row} {m.tp}/{m.fp}/{m.fn}/{m.tn}" for row, m in matrices.items())
    print(f"\nF1 of newsbrief text minus trafilatura extract: {margin:+.5f} (tp/fp/fn/tn: {counts})")
    print(
        f"\nseconds: trafilatura extract {seconds['trafilatura extract']:.1f}, "
        f"newsbrief ingest + clean + segment {seconds['newsbrief']:.1f}"
    )
    print(f"\npages newsbrief refuses that trafilatura extracts: {len(refused)}")
    for line in refused:
        print(f"  {line}")
    print(f"\n'with' snippets kept by ingest but removed by the cleaner: {len(lost)}; by rule: {dict(lost_rules)}")
    if args.lost:
        for line in lost:
            print(f"  {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
