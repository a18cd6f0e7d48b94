"""Malformed summary sentences per summarizer, and ROUGE-2 from SGML folders vs joined JSONL.

    python bench/bench_malformed.py [--multinews FILE] [--duc DIR] [--limit N] [--examples K]

Runs ``newsbrief eval``'s machinery (:func:`newsbrief.eval.runner.iter_evaluation`, every
summarizer, 250-word budget) on

* the Multi-News validation file (default ``$NEWSBRIEF_EVAL_DATA`` or
  ``../shared/eval/multinews-val250.jsonl``), and
* the DUC 2006 folders as they are (default ``$NEWSBRIEF_DUC2006`` or ``../devdata/duc2006``:
  ``duc2006_docs/D0601A/…`` and references ``NISTeval/ROUGE/models/D0601.M.250.A.A``). When
  ``newsbrief eval``'s DUC reader does not read this layout yet, the clusters are built here from
  the folders with newsbrief's own SGML reader and the reference files.

A selected sentence is **malformed** (issue 9) when it has fewer than :data:`MIN_WORDS` words,
does not start with a capital, a digit or an opening quote, does not end in terminal punctuation
(closing quotes or brackets may follow it), or has unbalanced quotation marks (straight ``"``
odd in number, curly “ ” or TeX-style ``…'' unpaired). The table gives the share of selected
sentences with at least one fault, and how many have each.

Then the check "each peer scores the same ROUGE-2 (± 0.2) from the SGML folders as from a JSONL
of the same documents with paragraphs already joined": the DUC bodies are rewritten into a
temporary JSONL, one line per cluster, each paragraph (``<P>`` block, or indented-line block)
joined into one line, paragraphs separated by a blank line, and lead, lexrank and textrank are
scored on both.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

from newsbrief.errors import InputError
from newsbrief.eval.datasets import EvalItem, load_dataset
from newsbrief.eval.runner import aggregate, iter_evaluation
from newsbrief.summarizers import available
from newsbrief.textsim import word_count

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from cleaner_unseen_eval import sgml_records  # noqa: E402  (test support: the SGML reader of this checkout)
from unseen_labels import duc_body  # noqa: E402  (test support: paragraphs as labelled)

MULTINEWS = Path(os.environ.get("NEWSBRIEF_EVAL_DATA", ROOT.parent / "shared" / "eval" / "multinews-val250.jsonl"))
DUC2006 = Path(os.environ.get("NEWSBRIEF_DUC2006", ROOT.parent / "devdata" / "duc2006"))
WORDS = 250
MIN_WORDS = 6  # issue 9: "fewer than 6 words"
PEERS = ("lead", "lexrank", "textrank")
ROUGE2_TOLERANCE = 0.2  # ROUGE-2 F1 points
OPENING = "\"'“‘`«„"  # opening quotation marks (issue 9: "capital, digit or opening quote")
_TERMINAL = re.compile(r"[.!?…][\"'”’»)\]]*$")
_REFERENCE = re.compile(r"^(D\d{4})\.M\.\d+\.[A-Z]\.[A-Z]$")


def faults(sentence: str) -> list[str]:
    """The malformation checks a selected sentence fails (empty when it is well formed)."""
    text = sentence.strip()
    found = []
    if word_count(text) < MIN_WORDS:
        found.append("short")
    if not text or not (text[0].isupper() or text[0].isdigit() or text[0] in OPENING):
        found.append("bad start")
    if not _TERMINAL.search(text):
        found.append("no end")
    if not quotes_balance(text):
        found.append("unbalanced quotes")
    return found


def quotes_balance(text: str) -> bool:
    """Can the double quotation marks pair up? “ and `` open, ” and '' close, and a straight "
    may do either (sources mix them: "We won,'' he said)."""
    opening = text.count("“") + text.count("``")
    closing = text.count("”") + text.count("''")
    straight = text.replace("''", "").count('"')
    as_opening = closing - opening + straight  # twice the straight quotes that must open
    return as_opening % 2 == 0 and 0 <= as_opening // 2 <= straight


def duc_clusters(root: Path) -> tuple[list[EvalItem], str]:
    """The DUC 2006 clusters through ``newsbrief eval``'s reader, or built here when it refuses
    the layout; returns the clusters and which of the two was used."""
    try:
        return load_dataset(str(root), reader="duc"), "newsbrief eval's DUC reader"
    except InputError as exc:
        reason = str(exc)
    models = root / "NISTeval" / "ROUGE" / "models"
    references: dict[str, list[str]] = {}
    for path in sorted(models.iterdir()):
        match = _REFERENCE.match(path.name)
        if match:
            references.setdefault(match.group(1), []).append(path.read_text(encoding="utf-8", errors="replace"))
    clusters = []
    for folder in sorted((root / "duc2006_docs").iterdir()):
        records = []
        for path in sorted(folder.iterdir()):
            records += sgml_records(path.read_text(encoding="utf-8", errors="replace"), str(path))
        refs = [r.strip() for r in references.get(folder.name[:5], []) if r.strip()]
        clusters.append(EvalItem(folder.name[:5], records, refs, source=str(folder)))
    return clusters, f"built here (newsbrief eval refused the layout: {reason})"


def joined_jsonl(root: Path, clusters: list[EvalItem], path: Path) -> None:
    """The same documents as one JSONL line per cluster, paragraphs already joined (no headline:
    in the SGML path it is the title, not body text)."""
    with path.open("w", encoding="utf-8") as out:
        for cluster in clusters:
            folder = next((root / "duc2006_docs").glob(f"{cluster.id}*"))
            documents = []
            for file in sorted(folder.iterdir()):
                documents.append("\n\n".join(duc_body(file.read_text(encoding="utf-8", errors="replace"))))
            out.write(json.dumps({"id": cluster.id, "documents": documents, "summaries": cluster.references}) + "\n")


def malformed_table(name: str, clusters: list[EvalItem], summarizers: list[str], examples: int) -> dict:
    results = list(iter_evaluation(clusters, summarizers, WORDS))
    print(f"\n{name}: {len(clusters)} clusters, budget {WORDS} words")
    kinds = ("short", "bad start", "no end", "unbalanced quotes")
    widths = (10, 9, 9, 6, *(len(k) for k in kinds))
    cells = ("summarizer", "sentences", "malformed", "share", *kinds)
    print("| " + " | ".join(f"{c:>{w}}" for c, w in zip(cells, widths, strict=True)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    shown = []
    for summarizer in summarizers:
        sentences = [s for cluster in results for r in cluster if r.summarizer == summarizer for s in r.summary]
        bad = [(s, faults(s)) for s in sentences]
        bad = [(s, f) for s, f in bad if f]
        per_kind = Counter(k for _, f in bad for k in f)
        share = len(bad) / len(sentences) if sentences else 0.0
        print(
            f"| {summarizer:>10} | {len(sentences):>9} | {len(bad):>9} | {share:>6.1%} | "
            + " | ".join(f"{per_kind[k]:>{len(k)}}" for k in kinds)
            + " |"
        )
        shown += [f"  {summarizer}: [{', '.join(f)}] {s[:110]!r}" for s, f in bad[:examples]]
    if shown:
        print("examples:\n" + "\n".join(shown))
    return aggregate(results, summarizers, samples=200)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--multinews", type=Path, default=MULTINEWS)
    parser.add_argument("--duc", type=Path, default=DUC2006)
    parser.add_argument("--limit", type=int, help="only the first N clusters of each dataset")
    parser.add_argument("--examples", type=int, default=3, help="malformed sentences shown per summarizer")
    args = parser.parse_args(argv)
    summarizers = available()
    ran = False
    if args.multinews.exists():
        clusters = load_dataset(str(args.multinews), limit=args.limit)
        malformed_table(f"Multi-News ({args.multinews})", clusters, summarizers, args.examples)
        ran = True
    else:
        print(f"Multi-News data not found at {args.multinews}: skipped (set NEWSBRIEF_EVAL_DATA)")
    if not (args.duc / "duc2006_docs").is_dir():
        print(f"DUC 2006 data not found at {args.duc}: skipped (set NEWSBRIEF_DUC2006)")
        return 0 if ran else 2
    clusters, how = duc_clusters(args.duc)
    clusters = clusters[: args.limit]
    print(f"\nDUC 2006 clusters: {how}")
    sgml = malformed_table(f"DUC 2006 SGML folders ({args.duc})", clusters, summarizers, args.examples)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "duc2006-joined.jsonl"
        joined_jsonl(args.duc, clusters, path)
        jsonl = malformed_table("DUC 2006 as JSONL, paragraphs joined", load_dataset(str(path)), list(PEERS), 0)
    print(f"\nROUGE-2 F1, SGML folders vs joined JSONL (same within ± {ROUGE2_TOLERANCE}):")
    print(f"| {'peer':<10} | {'SGML':>6} | {'JSONL':>6} | {'diff':>6} | {'same':>4} |")
    print(f"|{'-' * 12}|{'-' * 8}|{'-' * 8}|{'-' * 8}|{'-' * 6}|")
    for peer in PEERS:
        a, b = sgml[peer]["rouge2"].mean, jsonl[peer]["rouge2"].mean
        same = "yes" if abs(a - b) <= ROUGE2_TOLERANCE else "no"
        print(f"| {peer:<10} | {a:>6.2f} | {b:>6.2f} | {a - b:>+6.2f} | {same:>4} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
