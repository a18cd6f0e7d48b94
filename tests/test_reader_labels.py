"""The default brief read as a reader would: labels of 30 Multi-News briefs (bench/reader_check.py).

What this can show: the current briefs of those 30 clusters are made only of sentences someone
has read and labelled, and the shares measured from those labels stay at the floors pinned
here. It cannot judge a sentence nobody has read: a change that brings new sentences fails
``test_every_brief_sentence_is_labelled`` until they are labelled (``python
bench/reader_check.py --dump`` prints them). The mechanical dangling-opener count is checked on
its own, since it needs no labels.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_SPEC = importlib.util.spec_from_file_location("reader_check", ROOT / "bench" / "reader_check.py")
reader_check = importlib.util.module_from_spec(_SPEC)
sys.modules["reader_check"] = reader_check  # dataclasses look their module up there
_SPEC.loader.exec_module(reader_check)

LABELS = json.loads(reader_check.LABELS.read_text(encoding="utf-8"))

# Floors measured on the labelled briefs (docs/evaluation.md, "Reader-side check"), all 30; the
# issue's targets (main event first in >= 80 %, 0 contradictions, <= 3 % dangling) are NOT met.
# Before the shared eligibility rule and supersede (summarizers/units.py, order.py): 18 / 5 /
# 26.5 % / 8.2 % / 5.3 %; then 20 / 1 / 17.3 % / 0.0 % / 4.4 %. Wave 5's cleaner rules moved two
# briefs' first sentence: one story's main-event sentence is a photo caption ("… which are 100%
# edible. (Photo: …)"), now removed as one; now 18 / 1 / 17.9 % / 0.0 % / 4.7 %. Wave 10 (datelines
# not shown; the wave-10 cleaner): 19 / 1 / 17.6 % / 0.0 % / 4.1 % (13 of 318).
MIN_MAIN_EVENT_FIRST = 19  # of 30 briefs
MAX_CONTRADICTIONS = 1
MAX_DANGLING_SHARE = 0.18  # judged (measured 17.6 %)
MAX_MECHANICAL_DANGLING_SHARE = 0.0  # measured 0: a dangling opener is only ever shown after its antecedent
MAX_FILLER_SHARE = 0.042  # measured 4.1 % (13 of 318)


def test_labels_are_well_formed():
    assert len(LABELS) == reader_check.N_CLUSTERS
    tune = reader_check.tune_half(list(LABELS))
    assert len(tune) == reader_check.N_CLUSTERS // 2 and tune < set(LABELS)
    for cluster_id, label in LABELS.items():
        sentences = label["sentences"]
        assert sentences, cluster_id
        for key, judged in sentences.items():
            assert len(key) == 12 and {"main_event", "dangling", "filler", "excerpt"} <= set(judged), (cluster_id, key)
            assert all(isinstance(judged[k], bool) for k in ("main_event", "dangling", "filler"))
        for pair in label["contradictions"]:
            assert len(pair) == 2 and all(k in sentences for k in pair), (cluster_id, pair)


@pytest.fixture(scope="module")
def briefs(eval_data):
    return {
        cluster.id: reader_check.brief_sentences(cluster) for cluster in reader_check.sample_clusters(str(eval_data))
    }


def test_every_brief_sentence_is_labelled(briefs):
    report = reader_check.check(briefs, LABELS)
    assert not report.unlabelled, "read and label these (bench/reader_check.py --dump):\n" + "\n".join(
        report.unlabelled
    )


def test_judged_reader_floors(briefs):
    report = reader_check.check(briefs, LABELS)
    assert report.counts["briefs"] == reader_check.N_CLUSTERS
    assert report.counts["main_event_first"] >= MIN_MAIN_EVENT_FIRST
    assert report.counts["contradictions"] <= MAX_CONTRADICTIONS
    assert report.share("dangling", "sentences") <= MAX_DANGLING_SHARE
    assert report.share("filler", "sentences") <= MAX_FILLER_SHARE


def test_mechanical_dangling_openers(briefs):
    sentences = [s for brief in briefs.values() for s in brief]
    assert sum(s.mechanically_dangling for s in sentences) / len(sentences) <= MAX_MECHANICAL_DANGLING_SHARE
