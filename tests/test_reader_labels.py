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

# Floors measured on the labelled briefs (docs/evaluation.md, "Reader-side check"); the issue's
# targets (main event first in >= 80 %, 0 contradictions, <= 3 % dangling) are NOT met.
MIN_MAIN_EVENT_FIRST = 18  # of 30 briefs
MAX_CONTRADICTIONS = 5
# judged (measured 26.5 %; 27.1 % after branch cleanrec's cleaner, which keeps text it used to drop as
# captions: 11 new brief sentences in 5 briefs, 4 of them dangling, e.g. an interview's questions)
MAX_DANGLING_SHARE = 0.271
MAX_MECHANICAL_DANGLING_SHARE = 0.09
MAX_FILLER_SHARE = 0.054  # measured 5.3 %


def test_labels_are_well_formed():
    assert len(LABELS) == reader_check.N_CLUSTERS
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
    assert report.briefs == reader_check.N_CLUSTERS
    assert report.main_event_first >= MIN_MAIN_EVENT_FIRST
    assert report.contradictions <= MAX_CONTRADICTIONS
    assert report.dangling / report.sentences <= MAX_DANGLING_SHARE
    assert report.filler / report.sentences <= MAX_FILLER_SHARE


def test_mechanical_dangling_openers(briefs):
    sentences = [s for brief in briefs.values() for s in brief]
    assert sum(s.mechanically_dangling for s in sentences) / len(sentences) <= MAX_MECHANICAL_DANGLING_SHARE
