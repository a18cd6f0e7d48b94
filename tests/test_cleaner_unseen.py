"""Cleaner and segmenter on unseen labelled documents (issue 9), report half.

The floors are the values measured on the integrated cleaner (branch input2, wave 2; the fixture was
made on main at 23e49db, where DUC keep recall was 0.158); they guard against regressions and are
raised as the cleaner improves. Issue 9 asks for keep
precision and recall >= 0.97 and sentence-boundary F1 >= 0.98. Numbers:
``.venv/bin/python tests/cleaner_unseen_eval.py --split report --source multinews`` (or ``duc``).
"""

from __future__ import annotations

import json

import pytest

import unseen_labels
from cleaner_unseen_eval import score

# (keep precision, keep recall, drop precision, drop recall, sentence-boundary F1), as measured
# and rounded down to 3 decimals.
FLOORS = {
    # branch cleanrec: keep recall 0.907 -> 0.978 (a repeat inside a list and a run of unpunctuated
    # lines are the list's, not captions); three promo lines inside such runs are now kept (drop
    # recall 0.615 -> 0.538, keep precision 0.973 -> 0.971), drop precision 0.296 -> 0.617
    # branch cleaner: picture credits ending a caption, wire caption openings, social-link and sign-up
    # promos, bylines (rules from the tune half and Multi-News validation outside the draw): captions
    # right 6/15 -> 10/15; keep precision 0.971 -> 0.977, drop precision 0.617 -> 0.657, recall 0.538 -> 0.641
    "multinews": (0.977, 0.978, 0.657, 0.641, 0.997),
    "duc": (0.976, 1.0, 1.0, 0.333, 1.0),
}
SOURCE_PATHS = {"multinews": unseen_labels.MULTINEWS, "duc": unseen_labels.DUC2006}


def _require(source: str) -> None:
    path = SOURCE_PATHS[source]
    if not path.exists():
        variable = "NEWSBRIEF_EVAL_DATA" if source == "multinews" else "NEWSBRIEF_DUC2006"
        pytest.skip(f"{source} dev data not found at {path} (set {variable} to its path)")


@pytest.mark.parametrize("source", ["multinews", "duc"])
def test_report_half_meets_floors(source: str) -> None:
    _require(source)
    result = score("report", (source,))
    measured = (
        result.precision(unseen_labels.KEEP),
        result.recall(unseen_labels.KEEP),
        result.precision(unseen_labels.DROP),
        result.recall(unseen_labels.DROP),
        result.boundary()[2],
    )
    names = ("keep precision", "keep recall", "drop precision", "drop recall", "sentence F1")
    below = [f"{n} {m:.3f} < {f}" for n, m, f in zip(names, measured, FLOORS[source], strict=True) if m < f]
    assert not below, f"{source} report half below its floors: {'; '.join(below)}"


# The fresh set (a second draw, labelled for writing rules: tests/unseen_labels.py): keep precision, keep
# recall, drop precision, drop recall as measured after the wave-9 rules read off it, rounded down (before
# them: 0.883, 0.977, 0.818, 0.441).
FRESH_FLOORS = (0.993, 0.980, 0.922, 0.972)


def test_fresh_set_meets_floors() -> None:
    _require("multinews")
    result = score(unseen_labels.FRESH, ("multinews",))
    measured = tuple(
        f(label) for label in (unseen_labels.KEEP, unseen_labels.DROP) for f in (result.precision, result.recall)
    )
    names = ("keep precision", "keep recall", "drop precision", "drop recall")
    below = [f"{n} {m:.3f} < {f}" for n, m, f in zip(names, measured, FRESH_FLOORS, strict=True) if m < f]
    assert not below, f"fresh set below its floors: {'; '.join(below)}"
    assert result.boundaries.total() == 0  # its sentences are not labelled, so none are scored


# The wave-10 set (a third draw, 30 Multi-News and 10 DUC 2006 documents): keep precision, keep recall, drop
# precision, drop recall after the wave-10 rules read off it, rounded down (before them: 0.889, 0.980, 0.808,
# 0.412). 28 of its 102 drop paragraphs are one wire budget (a list of the day's stories) that no rule drops.
WAVE10_FLOORS = (0.932, 0.991, 0.943, 0.656)


def test_wave10_set_meets_floors() -> None:
    _require("multinews")
    _require("duc")
    result = score(unseen_labels.WAVE10)
    measured = tuple(
        f(label) for label in (unseen_labels.KEEP, unseen_labels.DROP) for f in (result.precision, result.recall)
    )
    names = ("keep precision", "keep recall", "drop precision", "drop recall")
    below = [f"{n} {m:.3f} < {f}" for n, m, f in zip(names, measured, WAVE10_FLOORS, strict=True) if m < f]
    assert not below, f"wave-10 set below its floors: {'; '.join(below)}"


def test_wave10_set_holds_exactly_its_draw_and_no_earlier_document() -> None:
    _require("multinews")
    _require("duc")
    labelled = {p.stem for p in (unseen_labels.LABELS / unseen_labels.WAVE10).glob("*.json")}
    assert labelled == set(unseen_labels.draw_wave10())
    earlier = {
        p.stem
        for split in (*unseen_labels.SPLITS, unseen_labels.FRESH)
        for p in (unseen_labels.LABELS / split).glob("*.json")
    }
    clusters = {key.split("-")[1] for key in earlier if key.startswith("mn-")}
    assert not labelled & earlier
    assert not clusters & {key.split("-")[1] for key in labelled if key.startswith("mn-")}


def test_fresh_set_holds_exactly_its_draw_and_none_of_the_first() -> None:
    _require("multinews")
    labelled = {p.stem for p in (unseen_labels.LABELS / unseen_labels.FRESH).glob("*.json")}
    assert labelled == set(unseen_labels.draw_fresh())
    first = {key.split("-")[1] for key in unseen_labels.draw(duc=None)}
    assert not first & {key.split("-")[1] for key in labelled}  # no cluster of the first draw


def test_fixture_holds_exactly_the_drawn_documents() -> None:
    _require("multinews")
    duc = unseen_labels.DUC2006 if unseen_labels.DUC2006.exists() else None
    labelled = {p.stem for split in unseen_labels.SPLITS for p in (unseen_labels.LABELS / split).glob("*.json")}
    if duc is None:  # only the Multi-News draw can be checked
        labelled = {key for key in labelled if key.startswith("mn-")}
    assert labelled == set(unseen_labels.draw(duc=duc))
    assert all(unseen_labels.label_path(key).exists() for key in labelled)  # each in the split its hash names


def test_a_label_whose_text_changed_is_an_error(tmp_path) -> None:
    _require("multinews")
    source = next((unseen_labels.LABELS / "tune").glob("mn-*.json"))
    data = json.loads(source.read_text(encoding="utf-8"))
    data["paragraphs"][0]["sha1"] = "0" * 40
    tampered = tmp_path / source.name
    tampered.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(unseen_labels.LabelError, match="sha1"):
        unseen_labels.read_document(tampered)
