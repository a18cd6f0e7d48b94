"""Batch runs: output durability and resume, per-story failures, kill -9 mid-run, and the
Dask engine (a real LocalCluster on 127.0.0.1, two worker processes) against the local one."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsbrief.batch import DaskEngine, LocalEngine, run_batch
from newsbrief.batch.output import recover
from newsbrief.batch.stories import index_stories
from newsbrief.errors import UsageError
from newsbrief.settings import Options

PLACES = ["Lagos", "Quito", "Hanoi", "Tbilisi", "Perth", "Bergen", "Cusco", "Dakar", "Osaka", "Tunis"]
THINGS = ["bridge", "harbour", "library", "stadium", "tramway", "reservoir", "museum", "airport"]


def story_documents(n: int) -> list[str]:
    """Two or three short reports of one made-up local story, different per ``n``."""
    place, thing = PLACES[n % len(PLACES)], THINGS[n % len(THINGS)]
    year = 1990 + n
    lead = f"The new {thing} in {place} opened on Monday after {n + 3} years of building work."
    reports = [
        f"{lead}\n\nThe mayor of {place} said the {thing} cost {n + 12} million dollars.\n\n"
        f"Residents queued from dawn to see the {thing}, which replaces one built in {year}.",
        f"Crowds gathered in {place} as the {thing} opened its doors.\n\n"
        f"Officials said the project ran {n % 5 + 1} years late and over budget.\n\n"
        f"The old {thing}, built in {year}, will be demolished next spring.",
    ]
    if n % 3 == 0:
        reports.append(f"{lead}\n\nCritics in {place} said the money should have gone to schools.")
    return reports


def write_benchmark(path: Path, stories: int, broken: tuple[int, ...] = ()) -> list[str]:
    """A benchmark-format file; stories in ``broken`` hold only page furniture (they fail)."""
    ids = []
    with path.open("w", encoding="utf-8") as handle:
        for n in range(stories):
            documents = ["Skip to main content\n\nAdvertisement"] if n in broken else story_documents(n)
            ids.append(f"story-{n:03d}")
            handle.write(json.dumps({"id": ids[-1], "documents": documents, "summary": ""}) + "\n")
    return ids


def kill_when_written(command: list[str], out: Path, lines: int) -> None:
    """Start a batch process and kill it with SIGKILL once ``out`` holds ``lines`` lines."""
    process = subprocess.Popen(command, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        if out.exists() and out.read_bytes().count(b"\n") >= lines:
            break
        time.sleep(0.005)
    assert process.poll() is None, "the batch finished before it could be killed: make the input bigger"
    os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL


def results(path: Path) -> dict[str, dict]:
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    by_id = {line["id"]: line for line in lines}
    assert len(by_id) == len(lines), "a story was written twice"
    return by_id


def test_run_batch_writes_one_result_per_story_and_records_failures(tmp_path: Path) -> None:
    ids = write_benchmark(tmp_path / "in.jsonl", 6, broken=(2,))
    report = run_batch(str(tmp_path / "in.jsonl"), str(tmp_path / "out.jsonl"), Options(), LocalEngine(1))
    out = results(tmp_path / "out.jsonl")
    assert sorted(out) == ids
    assert "error" in out["story-002"] and "no usable article" in out["story-002"]["error"]
    assert out["story-000"]["brief"]["summary"]  # the same shape as `brief --format json`
    assert out["story-000"]["brief"]["schema_version"]
    assert (report.briefed, report.failed) == (5, 1)


def test_existing_output_needs_resume(tmp_path: Path) -> None:
    write_benchmark(tmp_path / "in.jsonl", 1)
    (tmp_path / "out.jsonl").write_text("", encoding="utf-8")
    with pytest.raises(UsageError, match="--resume"):
        run_batch(str(tmp_path / "in.jsonl"), str(tmp_path / "out.jsonl"), progress=False)


def test_recover_cuts_a_torn_last_line_and_refuses_foreign_files(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_bytes(b'{"id": "a", "brief": {}}\n{"id": "b", "error": "x"}\n{"id": "c", "bri')
    found = recover(str(out))
    assert (found.briefed, found.failed) == ({"a"}, {"b"})
    assert out.read_bytes().endswith(b'"x"}\n')
    out.write_bytes(b"not json\n" + b'{"id": "a", "brief": {}}\n')
    with pytest.raises(UsageError, match="refusing"):
        recover(str(out))


def test_clustered_input_groups_articles_by_story(tmp_path: Path) -> None:
    lines = [
        {"id": "a1", "text": story_documents(1)[0], "story": "s1"},
        {"id": "b1", "text": story_documents(2)[0], "story": "s2"},
        {"id": "a2", "text": story_documents(1)[1], "story": "s1"},
        {"id": "junk", "text": "Advertisement", "story": None, "story_reason": "no article content"},
    ]
    source = tmp_path / "clustered.jsonl"
    source.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    index = index_stories(str(source))
    assert [(ref.id, len(ref.lines)) for ref in index.stories] == [("s1", 2), ("s2", 1)]
    assert index.articles_without_story == 1
    run_batch(str(source), str(tmp_path / "out.jsonl"), Options(analyse=False), LocalEngine(1), progress=False)
    out = results(tmp_path / "out.jsonl")
    assert len(out["s1"]["brief"]["sources"]) == 2


def test_ingest_warnings_of_a_story_reach_its_brief(tmp_path: Path) -> None:
    """A junk date is unknown with a warning, as ``newsbrief brief`` says it, not silently."""
    lines = [
        {"id": "a1", "text": story_documents(1)[0], "story": "s1", "published": "None"},
        {"id": "a2", "text": story_documents(1)[1], "story": "s1", "published": "2019-11-18"},
    ]
    source = tmp_path / "clustered.jsonl"
    source.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    run_batch(str(source), str(tmp_path / "out.jsonl"), Options(analyse=False), LocalEngine(1), progress=False)
    warnings = results(tmp_path / "out.jsonl")["s1"]["brief"]["warnings"]
    assert [w for w in warnings if "published unknown" in w and ":1" in w], warnings


def test_batch_killed_with_sigkill_then_resumed_has_exactly_one_result_per_story(tmp_path: Path) -> None:
    """A real `newsbrief batch` process is killed with SIGKILL mid-run; `--resume` finishes it."""
    ids = write_benchmark(tmp_path / "in.jsonl", 80)
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "newsbrief.cli", "batch", str(tmp_path / "in.jsonl"), "-o", str(out)]
    command += ["--workers", "1", "--partition-size", "1", "--no-progress"]
    kill_when_written(command, out, lines=5)
    written = out.read_bytes().count(b"\n")
    assert 5 <= written < len(ids)
    # What a write torn by the kill would leave behind (a write of one line can be cut anywhere).
    with out.open("ab") as handle:
        handle.write(b'{"id": "story-079", "brief": {"schema_ver')
    resumed = subprocess.run([*command, "--resume"], capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    assert f"{written} already done" in resumed.stderr
    out_by_id = results(out)  # every line parses, no id twice
    assert sorted(out_by_id) == ids
    assert all("brief" in line for line in out_by_id.values())


def test_dask_local_cluster_gives_the_same_results_as_local_processes(tmp_path: Path) -> None:
    pytest.importorskip("distributed", reason="the Dask engine needs the 'scale' extra (dask[distributed])")
    ids = write_benchmark(tmp_path / "in.jsonl", 8, broken=(5,))
    options = Options()  # with the analysis: entities, quotes, dates... must match too
    run_batch(str(tmp_path / "in.jsonl"), str(tmp_path / "local.jsonl"), options, LocalEngine(1), progress=False)
    engine = DaskEngine(workers=2)
    report = run_batch(
        str(tmp_path / "in.jsonl"), str(tmp_path / "dask.jsonl"), options, engine, partition_size=2, progress=False
    )
    assert engine._cluster is None and engine._client is None  # closed again
    assert report.briefed == 7 and engine.workers == 2
    local, dask = results(tmp_path / "local.jsonl"), results(tmp_path / "dask.jsonl")
    assert sorted(dask) == ids
    assert dask == local


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    texts=st.lists(st.text(max_size=30), min_size=1, max_size=8),
    cut=st.floats(min_value=0.0, max_value=1.0),
)
def test_recover_after_a_crash_at_any_byte(tmp_path: Path, texts: list[str], cut: float) -> None:
    """Whatever byte a crash stops the output at, recovery keeps exactly the complete lines."""
    lines = [json.dumps({"id": f"s{n}", "brief": {"text": text}}, ensure_ascii=False) for n, text in enumerate(texts)]
    data = "".join(line + "\n" for line in lines).encode("utf-8")
    size = int(cut * len(data))
    out = tmp_path / "out.jsonl"
    out.write_bytes(data[:size])
    complete = data[:size].count(b"\n")
    assert recover(str(out)).briefed == {f"s{n}" for n in range(complete)}
    kept = out.read_bytes()
    assert kept == data[: len(kept)] and (not kept or kept.endswith(b"\n"))
    assert kept.count(b"\n") == complete


def test_cli_progress_bar_shows_rate_and_eta(tmp_path: Path) -> None:
    write_benchmark(tmp_path / "in.jsonl", 3)
    command = [sys.executable, "-m", "newsbrief.cli", "batch", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "o")]
    result = subprocess.run([*command, "--workers", "1"], capture_output=True, text=True, check=True, timeout=120)
    assert "3/3" in result.stderr and "story/s" in result.stderr  # tqdm: count, rate ...
    assert "<00:00" in result.stderr  # ... and elapsed<remaining (the ETA)
    assert "3 briefed, 0 failed" in result.stderr


def test_cli_runs_on_an_existing_dask_scheduler(tmp_path: Path) -> None:
    """`--scheduler tcp://HOST:PORT`: a separately started cluster, as on Kubernetes or SLURM."""
    distributed = pytest.importorskip("distributed", reason="needs the 'scale' extra (dask[distributed])")
    ids = write_benchmark(tmp_path / "in.jsonl", 4)
    out = tmp_path / "out.jsonl"
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    ) as cluster:
        command = [sys.executable, "-m", "newsbrief.cli", "batch", str(tmp_path / "in.jsonl"), "-o", str(out)]
        command += ["--scheduler", cluster.scheduler_address, "--no-progress", "--no-analysis"]
        result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "engine dask with 2 workers" in result.stderr
    assert sorted(results(out)) == ids
