"""Cleaning hard-wrapped newswire: how much of each DUC 2006 body survives, and how fast.

    python bench/bench_clean_newswire.py [DUC2006_DIR]

DUC2006_DIR holds ``duc2006_docs/D06..A/`` (default ``$NEWSBRIEF_DUC2006`` or
``../devdata/duc2006``). Each SGML file is read as ``newsbrief eval`` reads it (``<TEXT>``, ``<P>``
blocks as blank-line separated paragraphs), then cleaned and segmented. Prints the share of body
words kept (nearly all of a wire body is article text: the old line-by-line cleaner kept 27 %,
labelling wrapped lines as captions), the removals by rule, and ingest + clean + segment
throughput on one core (CPU time, so other load on the machine does not count).
"""

from __future__ import annotations

import glob
import os
import sys
import time
from collections import Counter
from pathlib import Path

from newsbrief.clean import clean
from newsbrief.eval.datasets import parse_duc_document
from newsbrief.ingest import records_to_articles
from newsbrief.segment import segment

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DIR = Path(os.environ.get("NEWSBRIEF_DUC2006", ROOT.parent / "devdata" / "duc2006"))


def main(argv: list[str]) -> int:
    directory = Path(argv[0]) if argv else DEFAULT_DIR
    files = sorted(glob.glob(str(directory / "duc2006_docs" / "D06*" / "*")))
    if not files:
        print(f"DUC 2006 documents not found under {directory} (pass DUC2006_DIR)", file=sys.stderr)
        return 2
    texts = [(path, Path(path).read_text(encoding="latin-1")) for path in files]
    words = kept = characters = 0
    rules: Counter[str] = Counter()
    started, cpu_started = time.perf_counter(), time.process_time()
    for path, text in texts:
        for article in records_to_articles(parse_duc_document(text, path)):
            segment(clean(article))
            characters += len(article.raw_text)
            words += len(article.raw_text.split())
            kept += len(article.text.split())
            rules.update(span.rule for span in article.removed)
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
    print(f"DUC 2006: {len(files)} files, {words:,} body words")
    print(f"body words kept: {kept:,} ({kept / words:.1%})")
    print("removed paragraphs by rule: " + ", ".join(f"{rule} {n}" for rule, n in rules.most_common()))
    print(
        f"ingest + clean + segment: {characters / cpu_seconds / 1e6:.2f} MB/s of body text per CPU second "
        f"({cpu_seconds:.2f} s CPU; {characters / seconds / 1e6:.2f} MB/s wall, {seconds:.2f} s, on a shared machine)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
