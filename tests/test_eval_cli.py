"""``newsbrief eval`` end to end on tiny datasets: table, --json format, per-cluster JSONL."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsbrief.cli import main
from newsbrief.eval.datasets import load_dataset

pytest.importorskip("rouge_score", reason="rouge-score (the 'eval' extra) is not installed")
pytest.importorskip("sumy", reason="sumy (the 'eval' extra) is not installed")

DUC = Path(__file__).parent / "fixtures" / "duc"
SUMMARIZERS = ["default", "lead", "lexrank", "textrank", "oracle"]


@pytest.fixture()
def tiny_jsonl(tmp_path) -> Path:
    """The DUC fixture's clusters rewritten in the JSONL benchmark format (first reference only)."""
    path = tmp_path / "tiny.jsonl"
    lines = [
        json.dumps({"id": c.id, "documents": [r.text for r in c.records], "summary": c.references[0]})
        for c in load_dataset(str(DUC))
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_eval_cli_writes_json_and_scores(tiny_jsonl, tmp_path):
    out_json, out_scores = tmp_path / "summary.json", tmp_path / "scores.jsonl"
    result = subprocess.run(
        [sys.executable, "-m", "newsbrief.cli", "eval", str(tiny_jsonl), "--summarizers", ",".join(SUMMARIZERS),
         "--words", "40", "--jobs", "2", "--json", str(out_json), "--scores-out", str(out_scores)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    table = result.stdout.splitlines()
    assert "2 clusters" in table[0] and "40 words" in table[0]
    assert [line.split()[0] for line in table[3:]] == SUMMARIZERS
    assert "eval" in result.stderr  # the progress bar
    assert "Traceback" not in result.stderr  # the workers exit on their own, not by a SIGTERM traceback

    summary = json.loads(out_json.read_text())
    assert set(summary) == {"n", "words", "summarizers"}
    assert (summary["n"], summary["words"]) == (2, 40)
    assert list(summary["summarizers"]) == SUMMARIZERS
    for scores in summary["summarizers"].values():
        assert set(scores) == {"rouge1", "rouge2", "rougeLsum"}
        assert all(0.0 <= v <= 100.0 for v in scores.values())
    assert summary["summarizers"]["oracle"]["rouge1"] > summary["summarizers"]["textrank"]["rouge1"]

    rows = [json.loads(line) for line in out_scores.read_text().splitlines()]
    assert len(rows) == 2 * len(SUMMARIZERS)
    assert {r["id"] for r in rows} == {"D30001", "D30002"}
    assert all(r["words"] <= 40 and r["words"] == sum(len(t.split()) for t in r["summary"]) for r in rows)
    for name in SUMMARIZERS:  # the JSON means are the means of the per-cluster scores
        mine = [r["rouge2"] for r in rows if r["summarizer"] == name]
        assert summary["summarizers"][name]["rouge2"] == pytest.approx(sum(mine) / len(mine), abs=1e-3)


def test_eval_cli_on_duc_folder_in_process(capsys):
    assert (
        main(["eval", str(DUC), "--summarizers", "lead,oracle", "--words", "30", "--jobs", "1", "--no-progress"]) == 0
    )
    out = capsys.readouterr().out
    assert "2 clusters" in out and "lead" in out and "oracle" in out


def test_eval_cli_rejects_unknown_summarizer(tiny_jsonl, capsys):
    assert main(["eval", str(tiny_jsonl), "--summarizers", "default,nosuch"]) == 2
    assert "nosuch" in capsys.readouterr().err


def test_eval_cli_limit_and_multinews(tmp_path, capsys):
    (tmp_path / "val.src").write_text(
        "The river flooded the town after a week of heavy rain on Friday. ||||| Boats rescued families "
        "from upper floors, the mayor said on Friday.\n"
        "The council approved a budget for schools and buses on Tuesday.\n",
        encoding="utf-8",
    )
    (tmp_path / "val.tgt").write_text("– The river flooded the town.\n– The council approved a budget.\n")
    assert main(["eval", str(tmp_path / "val.src"), "--summarizers", "lead", "--limit", "1", "--no-progress"]) == 0
    assert "1 clusters" in capsys.readouterr().out
