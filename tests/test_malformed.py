"""Issue 9's malformed summary sentences, measured as bench/bench_malformed.py measures them, for
every registered summarizer, on the first clusters of each development set.

What this can show: on these clusters no summarizer selects a sentence that is short, starts
without a capital, digit or opening quote, ends without terminal punctuation or shows a piece of a
quotation (the shared eligibility rule of ``summarizers/units.py`` and the eval's quotation items).
The full runs are in docs/evaluation.md ("Eligible units"). The Multi-News part runs wherever
``../shared`` is (CI included); the DUC 2006 part needs the local development copy and skips
without it.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest

from newsbrief.eval.datasets import load_dataset
from newsbrief.eval.runner import iter_evaluation
from newsbrief.summarizers import available

ROOT = Path(__file__).resolve().parent.parent
_SPEC = importlib.util.spec_from_file_location("bench_malformed", ROOT / "bench" / "bench_malformed.py")
bench_malformed = importlib.util.module_from_spec(_SPEC)
sys.modules["bench_malformed"] = bench_malformed
_SPEC.loader.exec_module(bench_malformed)

DUC2006 = Path(os.environ.get("NEWSBRIEF_DUC2006", ROOT.parent / "devdata" / "duc2006"))
# Floor: issue 9's target, 1 % of the selected items per summarizer (measured 0.0 % on the first 30
# clusters of each set, docs/evaluation.md).
MAX_MALFORMED_SHARE = 0.01
MULTINEWS_CLUSTERS = 4
DUC_CLUSTERS = 1  # 25 documents each: one cluster keeps the test short


def malformed_shares(clusters) -> dict[str, tuple[float, list[str]]]:
    results = list(iter_evaluation(clusters, available(), bench_malformed.WORDS))
    shares = {}
    for name in available():
        items = [s for per_cluster in results for r in per_cluster if r.summarizer == name for s in r.summary]
        bad = [s for s in items if bench_malformed.faults(s)]
        shares[name] = (len(bad) / max(1, len(items)), bad)
    return shares


def test_no_summarizer_selects_malformed_sentences_on_multinews(eval_data):
    clusters = load_dataset(str(eval_data), limit=MULTINEWS_CLUSTERS)
    for name, (share, bad) in malformed_shares(clusters).items():
        assert share <= MAX_MALFORMED_SHARE, (name, bad)


def test_no_summarizer_selects_malformed_sentences_on_duc2006():
    if not (DUC2006 / "duc2006_docs").is_dir():
        pytest.skip(
            f"DUC 2006 development data not found at {DUC2006} (set NEWSBRIEF_DUC2006; "
            "docs/evaluation.md, section Development data, says how to build it)"
        )
    clusters, _ = bench_malformed.duc_clusters(DUC2006)
    for name, (share, bad) in malformed_shares(clusters[:DUC_CLUSTERS]).items():
        assert share <= MAX_MALFORMED_SHARE, (name, bad)


@pytest.mark.parametrize(
    ("text", "faulty"),
    [
        ("“We’re not making moral judgements about countries.", True),  # a piece of a quotation
        ("“We’re not making moral judgements. We mean something simpler,” the index says.", False),
        ("compiles and manages the Hang Seng Index and many other indices.", True),
        ("Belarus hammer thrower banned for testing positive for a steroid (September 20)", True),
    ],
)
def test_the_measure_and_the_rule_agree(text, faulty):
    from newsbrief.summarizers.units import well_formed

    assert bool(bench_malformed.faults(text)) == faulty
    assert well_formed(text) != faulty
