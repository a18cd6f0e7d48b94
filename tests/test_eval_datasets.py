"""Dataset readers: JSONL benchmark format, original Multi-News .src/.tgt, DUC-style folders."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsbrief.errors import InputError, UsageError
from newsbrief.eval.datasets import detect_reader, load_dataset
from newsbrief.ingest.sgml import parse_sgml

DUC = Path(__file__).parent / "fixtures" / "duc"


def test_jsonl_reader(tmp_path):
    path = tmp_path / "clusters.jsonl"
    rows = [
        {
            "id": "a",
            "documents": ["First doc. NEWLINE_CHAR NEWLINE_CHAR Second paragraph.", "Other doc."],
            "summary": "S.",
        },
        {"documents": ["Only doc."], "summaries": ["R1.", "R2."]},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n", encoding="utf-8")
    clusters = load_dataset(str(path))
    assert [c.id for c in clusters] == ["a", "2"]
    assert [len(c.records) for c in clusters] == [2, 1]
    assert clusters[0].records[0].text == "First doc. \n \n Second paragraph."
    assert clusters[1].references == ["R1.", "R2."]
    assert [a.id for a in clusters[0].articles()] == [1, 2]
    assert len(load_dataset(str(path), limit=1)) == 1


def test_jsonl_reader_reports_bad_lines(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"documents": ["x"], "summary": "y"}\n{not json}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"bad.jsonl:2"):
        load_dataset(str(path))
    path.write_text('{"documents": ["x"]}\n', encoding="utf-8")
    with pytest.raises(InputError, match="summary"):
        load_dataset(str(path))


def test_multinews_reader_pairs_src_with_tgt(tmp_path):
    (tmp_path / "val.src").write_text(
        "Doc one of A. NEWLINE_CHAR More. ||||| Doc two of A.\nDoc one of B.\n", encoding="utf-8"
    )
    (tmp_path / "val.tgt").write_text("– Summary A.\n– Summary B.\n", encoding="utf-8")
    clusters = load_dataset(str(tmp_path / "val.src"))
    assert [len(c.records) for c in clusters] == [2, 1]
    assert [c.references for c in clusters] == [["– Summary A."], ["– Summary B."]]
    assert clusters[0].records[1].text == "Doc two of A."


def test_multinews_reader_with_explicit_references_and_mismatch(tmp_path):
    (tmp_path / "test.src.cleaned").write_text("A doc.\nB doc.\n", encoding="utf-8")
    (tmp_path / "summaries.txt").write_text("Only one.\n", encoding="utf-8")
    with pytest.raises(UsageError, match="not found"):
        load_dataset(str(tmp_path / "test.src.cleaned"))
    with pytest.raises(InputError, match="different numbers of lines"):
        load_dataset(str(tmp_path / "test.src.cleaned"), references=str(tmp_path / "summaries.txt"))


def test_duc_reader_reads_text_only_and_every_reference():
    clusters = load_dataset(str(DUC))
    assert [c.id for c in clusters] == ["D30001", "D30002"]
    flood, budget = clusters
    assert len(flood.records) == 2 and len(budget.records) == 2  # one file holds two <DOC>s
    assert len(flood.references) == 2 and len(budget.references) == 2
    body = flood.records[0].text
    assert "The river burst its banks" in body
    assert "AP-NY" not in body and "DOCNO" not in body and "<P>" not in body
    assert flood.records[0].title == "River floods town after week of rain"
    assert flood.records[0].name.endswith("#APW19981016.0240")


def test_duc_reader_needs_references(tmp_path):
    (tmp_path / "d1t").mkdir()
    (tmp_path / "d1t" / "doc").write_text("<DOC><TEXT>Some text here.</TEXT></DOC>", encoding="utf-8")
    with pytest.raises(InputError, match="no reference summaries"):
        load_dataset(str(tmp_path))


def test_parse_sgml_without_doc_wrapper():
    records = list(parse_sgml("<TEXT>Plain body.</TEXT>", "x"))
    assert [r.text for r in records] == ["Plain body."]


def test_detect_reader(tmp_path):
    assert detect_reader(str(DUC)) == "duc"
    assert detect_reader("a/val.jsonl") == "jsonl"
    assert detect_reader("a/train.src.cleaned") == "multinews"
    with pytest.raises(UsageError, match="--format"):
        detect_reader("a/data.csv")
    with pytest.raises(UsageError, match="no such file"):
        load_dataset(str(tmp_path / "missing.jsonl"))


DUC2006 = Path(__file__).parent / "fixtures" / "duc2006"
TAC2008 = Path(__file__).parent / "fixtures" / "tac2008"


def _blocks(text: str) -> list[str]:
    """A record's paragraphs (blank-line separated), each with its hard wraps undone."""
    return [" ".join(block.split()) for block in text.split("\n\n") if block.strip()]


def test_duc2006_layout_keeps_one_block_per_paragraph():
    """D0601A/ folders and D0601.M.250.A.A references; <P> blocks and indented blocks stay
    separate paragraphs (the cleaner undoes the hard wraps inside each)."""
    (cluster,) = load_dataset(str(DUC2006))
    assert cluster.id == "D0601"
    assert len(cluster.references) == 2 and "north pier" in cluster.references[0]
    first, second = cluster.records
    assert first.title == "Council Approves Harbour Plan"
    assert _blocks(first.text)[0] == (
        "PORT TOWN (AP) -- The harbour council approved a plan on Tuesday to rebuild the old north pier, "
        "which storms damaged last winter."
    )
    # without <P> markup the paragraphs are the indented lines, which the cleaner splits
    assert _blocks(second.text) == [
        "Rebuilding the north pier will take two years and cost about four million dollars, engineers told the "
        "harbour council. Fishing boats will use the south dock until the work is done."
    ]


def test_tac_update_layout_reads_each_set_as_a_cluster():
    """D0801A/D0801A-A/ and D0801A-B/ folders, references D0801-A.M.100.A.A: one cluster per update set."""
    clusters = load_dataset(str(TAC2008))
    assert [c.id for c in clusters] == ["D0801-A", "D0801-B"]
    assert [len(c.records) for c in clusters] == [1, 1]
    assert (
        "closed on Saturday" in clusters[0].records[0].text
        and clusters[0].records[0].title == "Bridge closed after flood"
    )
    assert "reopen next month" in clusters[1].references[0]


def test_duc_reader_prefers_references_nearest_the_budget(tmp_path):
    (tmp_path / "d061j").mkdir()
    (tmp_path / "d061j" / "AP880911-0016").write_text("<DOC><TEXT>A storm hit the coast.</TEXT></DOC>")
    for length in (50, 100, 200):
        (tmp_path / f"D061.M.{length}.J.A").write_text(f"{length} words")
    assert load_dataset(str(tmp_path), words=100)[0].references == ["100 words"]
    assert load_dataset(str(tmp_path), words=180)[0].references == ["200 words"]
    assert len(load_dataset(str(tmp_path))[0].references) == 3


def test_duc_reader_reads_references_from_the_models_folder_of_a_nist_kit(tmp_path):
    # NISTeval holds ROUGE/models (assessors), ROUGE/peers (systems 1-35 and the assessors again, for
    # jackknifing) and BE/BEmodels (basic-element tuples), all with the same file names
    (tmp_path / "D0601A").mkdir()
    (tmp_path / "D0601A" / "APW19990101.0001").write_text("<DOC><TEXT>A storm hit the coast.</TEXT></DOC>")
    files = [
        ("ROUGE/models", "A", "summary by A"),
        ("ROUGE/models", "B", "summary by B"),
        ("ROUGE/peers", "A", "summary by A"),
        ("ROUGE/peers", "23", "a system's summary"),
        ("BE/BEmodels", "A", "storm|coast|hit"),
    ]
    for folder, assessor, text in files:
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
        (tmp_path / folder / f"D0601.M.250.A.{assessor}").write_text(text)
    assert load_dataset(str(tmp_path))[0].references == ["summary by A", "summary by B"]
    # without a models folder, a system's numbered summary is still never a reference
    (tmp_path / "ROUGE" / "models").rename(tmp_path / "refs")
    assert "a system's summary" not in load_dataset(str(tmp_path))[0].references
