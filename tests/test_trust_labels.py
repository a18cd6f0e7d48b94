"""The trust labels (issue 11) load, match the development data they name, and keep the split clean.

The label files are committed; the texts they label are not (Multi-News validation, DUC 2006),
so every test that reads them skips, naming the missing path, where the data is absent.
"""

from __future__ import annotations

import csv
import shutil

import pytest

import trust_labels
from trust_labels import EXCERPT, LABELS, SPLITS, LabelError, clusters, duc_draw, load, missing_data, multinews_draw

needs_data = pytest.mark.skipif(missing_data() is not None, reason=missing_data() or "")


def test_draw_is_fixed_and_split_by_cluster() -> None:
    # the draw and the split are functions of the seeds alone: no data needed
    assert len(multinews_draw()) == len(set(multinews_draw())) == trust_labels.MULTINEWS_CLUSTERS
    assert all(0 <= n < 150 for n in multinews_draw())  # lines 150-249 belong to other helpers
    assert len(set(duc_draw())) == trust_labels.DUC_CLUSTERS
    assert all("D0616" <= c <= "D0650" for c in duc_draw())
    tune, report = (set(clusters(s)) for s in SPLITS)
    assert not tune & report
    assert len(tune) + len(report) == trust_labels.MULTINEWS_CLUSTERS + trust_labels.DUC_CLUSTERS
    for half in (tune, report):
        assert {dataset for dataset, _ in half} == {"multinews", "duc"}


def test_label_files_hold_short_excerpts_only() -> None:
    # the fixtures may quote the development data only in short excerpts
    for path in LABELS.glob("*/*.tsv"):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
                for column, value in row.items():
                    if column.endswith("excerpt"):
                        assert len(value) <= EXCERPT, f"{path.name}: {column} longer than {EXCERPT} characters"


@needs_data
@pytest.mark.parametrize("split", SPLITS)
def test_labels_load_and_verify_against_the_data(split: str) -> None:
    labels = load(split)  # raises LabelError on any label that no longer matches its text
    counts = labels.counts()
    assert counts["support"] and counts["quotes"] and counts["dates"] and counts["documents"]
    assert {p.label for p in labels.support} <= {"yes", "partial", "no"}
    assert {p.label for p in labels.conflicts} <= {"disagree", "agree", "different"}
    assert all(p.aspect for p in labels.conflicts if p.label == "disagree")
    assert {q.kind for q in labels.quotes} <= {"person", "organisation"}
    assert all(d.iso is None or d.iso[:1] in "12" for d in labels.dates)
    for pair in labels.support:
        assert pair.a.text.strip() and pair.b.text.strip()


@needs_data
def test_a_label_that_no_longer_matches_its_text_is_an_error(tmp_path, monkeypatch) -> None:
    shutil.copytree(LABELS, tmp_path / "trust_labels")
    quotes = tmp_path / "trust_labels" / "tune" / "quotes.tsv"
    lines = quotes.read_text(encoding="utf-8").splitlines()
    header, first = lines[0].split("\t"), lines[1].split("\t")
    span = header.index("span")
    start, end = map(int, first[span].split(":"))
    first[span] = f"{start + 1}:{end}"  # the span moved by one character: the sha1 no longer matches
    quotes.write_text("\n".join([lines[0], "\t".join(first), *lines[2:]]) + "\n", encoding="utf-8")
    monkeypatch.setattr(trust_labels, "LABELS", tmp_path / "trust_labels")
    with pytest.raises(LabelError, match="no longer holds the labelled text"):
        load("tune")


@needs_data
def test_a_label_filed_under_the_wrong_split_is_an_error(tmp_path, monkeypatch) -> None:
    shutil.copytree(LABELS, tmp_path / "trust_labels")
    tune, report = tmp_path / "trust_labels" / "tune", tmp_path / "trust_labels" / "report"
    report.mkdir(exist_ok=True)
    shutil.copy(tune / "dates.tsv", report / "dates.tsv")
    monkeypatch.setattr(trust_labels, "LABELS", tmp_path / "trust_labels")
    with pytest.raises(LabelError, match="belongs to the other split"):
        load("report")


@needs_data
def test_the_scorer_judges_every_label_of_a_cluster() -> None:
    # every support pair and conflict pair of one cluster ends in exactly one outcome, every
    # quotation and date label too (found or not): no label is silently dropped by the scorer
    import trust_eval

    dataset, cluster = next(key for key in clusters("tune") if key[0] == "multinews")
    labels = load("tune")
    story = trust_eval.run_story(dataset, cluster)
    here = [p for p in labels.support if (p.a.dataset, p.a.cluster) == (dataset, cluster)]
    tally = trust_eval.Tally()
    trust_eval._score_support(story, here, tally)
    assert here and tally.counts.total() == len(here)
    quotes = [q for q in labels.quotes if (q.quote.dataset, q.quote.cluster) == (dataset, cluster)]
    tally = trust_eval.Tally()
    trust_eval._score_speakers(story, quotes, tally)
    assert quotes and tally.counts.total() == len(quotes)
    dates = [d for d in labels.dates if (d.expression.dataset, d.expression.cluster) == (dataset, cluster)]
    tally = trust_eval.Tally()
    trust_eval._score_dates(story, dates, tally)
    assert dates and tally.counts.total() == len(dates)
