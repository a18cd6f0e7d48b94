"""Hostile input and faults on `batch`, `cluster` and `brief -o`, through the command line.

Each test is a row of issue 14's table: a poisoned record, an output that is an input, a
full disk, a second writer, a signal. Every one failed (an internal error, data loss, or a
run stopped by one record) before the fixes it checks.
"""

from __future__ import annotations

import errno
import json
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsbrief.batch.output import recover
from newsbrief.cli import main
from newsbrief.fileio import json_line
from test_batch import kill_when_written, results, story_documents, write_benchmark

NEWSBRIEF = [sys.executable, "-m", "newsbrief.cli"]

# Records no stage can use, one of each kind (a line of the batch input each).
POISON = [
    "this line is not JSON at all",
    "[" * 5000 + "]" * 5000,  # valid JSON, nested too deeply to parse
    '["a JSON list, not an object"]',
    json.dumps({"id": "only-furniture", "documents": ["Skip to main content\n\nAdvertisement"]}),
    json.dumps({"id": "neither", "text": "an article without a story"}),
]


def poisoned_corpus(path: Path, stories: int, every: int = 20) -> tuple[list[str], int]:
    """A benchmark file where every ``every``-th line (5 %) is poison; the good ids and the poison count."""
    good, poisoned = [], 0
    with path.open("w", encoding="utf-8") as handle:
        for n in range(stories):
            if n % every == every - 1:
                handle.write(POISON[poisoned % len(POISON)] + "\n")
                poisoned += 1
                continue
            good.append(f"story-{n:03d}")
            handle.write(json.dumps({"id": good[-1], "documents": story_documents(n)}) + "\n")
    return good, poisoned


def newsbrief(*args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*NEWSBRIEF, *args], capture_output=True, text=True, timeout=timeout)


def split_results(path: Path) -> tuple[set[str], set[str]]:
    """Ids briefed and ids failed; also checks that no id is written twice."""
    by_id = results(path)
    return {k for k, v in by_id.items() if "brief" in v}, {k for k, v in by_id.items() if "error" in v}


def test_batch_with_five_percent_poison_briefs_every_good_story_then_survives_kill_and_resume(tmp_path):
    good, poisoned = poisoned_corpus(tmp_path / "in.jsonl", 100)
    out = tmp_path / "out.jsonl"
    done = newsbrief("batch", str(tmp_path / "in.jsonl"), "-o", str(out), "--workers", "1", "--no-progress")
    assert done.returncode == 0, done.stderr
    briefed, failed = split_results(out)
    assert briefed == set(good) and len(failed) == poisoned
    assert any("nested more than" in line["error"] for line in results(out).values() if "error" in line)

    # The same run killed with SIGKILL mid-way and resumed gives the same result.
    killed = tmp_path / "killed.jsonl"
    command = [*NEWSBRIEF, "batch", str(tmp_path / "in.jsonl"), "-o", str(killed), "--workers", "1", "--no-progress"]
    kill_when_written([*command, "--partition-size", "1"], killed, lines=10)
    resumed = subprocess.run([*command, "--resume"], capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    assert split_results(killed) == (briefed, failed)


def test_invalid_unicode_dates_and_urls_never_stop_batch_or_cluster(tmp_path):
    """A lone surrogate, dates and URLs that do not parse: each story gets a line, the run finishes."""
    base = story_documents(4)
    records = [
        {"id": "surrogate", "documents": [base[0] + " \ud800", base[1]]},
        {"id": "good", "documents": story_documents(5)},
    ]
    articles = [
        {"id": "a1", "text": base[0], "published": "not a date", "url": "http://[::1"},
        {"id": "a2", "text": base[1], "published": "0000-01-01", "title": "\udcff broken"},
        {"id": "a3", "text": story_documents(6)[0], "published": "Tue, 4 Mar 2014 10:00:00 +0000"},
    ]
    corpus = tmp_path / "in.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    done = newsbrief("batch", str(corpus), "-o", str(tmp_path / "out.jsonl"), "--workers", "1", "--no-progress")
    assert done.returncode == 0, done.stderr
    assert set(results(tmp_path / "out.jsonl")) == {"surrogate", "good"}
    assert "brief" in results(tmp_path / "out.jsonl")["good"]
    resumed = newsbrief("batch", str(corpus), "-o", str(tmp_path / "out.jsonl"), "--resume", "--no-progress")
    assert resumed.returncode == 0 and "2 already done" in resumed.stderr

    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    clustered = newsbrief("cluster", str(feed), "-o", str(tmp_path / "clustered.jsonl"), "-q")
    assert clustered.returncode == 0, clustered.stderr
    lines = [json.loads(line) for line in (tmp_path / "clustered.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == ["a1", "a2", "a3"]  # every article kept, errors included
    assert all(("error" in line) or line["story"] for line in lines)


def test_resume_retries_nothing_silently_and_retry_failed_retries_errors(tmp_path):
    corpus, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_benchmark(corpus, 3)
    lines = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()]
    # story-001 failed in an earlier run (say, a time limit); story-002 was never reached
    out.write_text(
        json.dumps({"id": "story-000", "brief": {}}) + "\n" + json.dumps({"id": "story-001", "error": "X: y"}) + "\n",
        encoding="utf-8",
    )
    resumed = newsbrief("batch", str(corpus), "-o", str(out), "--resume", "--workers", "1", "--no-progress")
    assert resumed.returncode == 0, resumed.stderr
    assert "1 failed earlier, not retried" in resumed.stderr
    assert results(out)["story-001"] == {"id": "story-001", "error": "X: y"}
    assert "brief" in results(out)["story-002"]
    retried = newsbrief(
        "batch", str(corpus), "-o", str(out), "--resume", "--retry-failed", "--workers", "1", "--no-progress"
    )
    assert retried.returncode == 0, retried.stderr
    assert "(1 earlier failures retried)" in retried.stderr
    assert sorted(results(out)) == [line["id"] for line in lines]  # no id twice: the error line is gone
    assert "brief" in results(out)["story-001"]
    # through a symlink: the link stays a link, its target is what gets rewritten
    link = tmp_path / "link.jsonl"
    link.symlink_to(out)
    out.write_text(out.read_text(encoding="utf-8") + json.dumps({"id": "story-009", "error": "X: y"}) + "\n")
    again = newsbrief("batch", str(corpus), "-o", str(link), "--resume", "--retry-failed", "--no-progress")
    assert again.returncode == 0, again.stderr
    assert link.is_symlink() and "story-009" not in results(out)


@pytest.mark.parametrize("content", ["just some text\nover two lines\n", "", "<html><p>a page</p></html>"])
def test_batch_on_a_file_that_is_not_jsonl_is_a_clear_error(tmp_path, content):
    source = tmp_path / "notes.txt"
    source.write_text(content, encoding="utf-8")
    done = newsbrief("batch", str(source), "-o", str(tmp_path / "out.jsonl"))
    assert done.returncode == 2
    assert done.stderr.strip().splitlines()[-1].startswith(f"newsbrief: error: {source}: not a batch input")
    assert not (tmp_path / "out.jsonl").exists()


def test_an_output_that_is_an_input_is_refused_before_anything_is_written(tmp_path, example_dir):
    folder = tmp_path / "story"
    folder.mkdir()
    for path in example_dir.iterdir():
        (folder / path.name).write_bytes(path.read_bytes())
    article = sorted(folder.iterdir())[0]
    before = article.read_bytes()
    done = newsbrief("brief", str(folder), "-o", str(article))
    assert done.returncode == 2 and "refusing to overwrite an input" in done.stderr
    assert article.read_bytes() == before
    inside = newsbrief("brief", str(folder), "-o", str(folder / "brief.md"))
    assert inside.returncode == 2 and "inside the input folder" in inside.stderr
    assert not (folder / "brief.md").exists()
    link = tmp_path / "link.txt"
    link.symlink_to(article)
    via_link = newsbrief("brief", str(article), "-o", str(link))
    assert via_link.returncode == 2 and article.read_bytes() == before

    corpus = tmp_path / "in.jsonl"
    write_benchmark(corpus, 2)
    corpus_before = corpus.read_bytes()
    for command in (["batch", str(corpus), "-o", str(corpus), "--resume"], ["cluster", str(corpus), "-o", str(corpus)]):
        refused = newsbrief(*command)
        assert refused.returncode == 2 and "refusing to overwrite an input" in refused.stderr, refused.stderr
        assert corpus.read_bytes() == corpus_before


class FullDisk:
    """``os.write`` on the output fails with ENOSPC after ``good`` writes, having written half."""

    def __init__(self, output: Path, good: int) -> None:
        self.output = str(output)
        self.good = good
        self.real_write = os.write
        self.fds: set[int] = set()

    def write(self, fd: int, data: bytes) -> int:
        if fd in self.fds:
            if self.good == 0:
                self.real_write(fd, bytes(data[: len(data) // 2]))  # a torn line
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            self.good -= 1
        return self.real_write(fd, data)


def test_disk_full_ends_with_one_clear_line_and_resume_continues(tmp_path, monkeypatch, capsys):
    corpus, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    ids = write_benchmark(corpus, 6)
    disk = FullDisk(out, good=2)
    real_open = os.open

    def tracking_open(path, flags, *args, **kwargs):
        fd = real_open(path, flags, *args, **kwargs)
        if str(path) == str(out):
            disk.fds.add(fd)
        return fd

    monkeypatch.setattr(os, "open", tracking_open)
    monkeypatch.setattr(os, "write", disk.write)
    args = ["batch", str(corpus), "-o", str(out), "--workers", "1", "--partition-size", "1", "--no-progress"]
    assert main(args) == 2
    message = capsys.readouterr().err.strip().splitlines()[-1]
    assert "No space left on device" in message and "2 results are safely written" in message
    assert "--resume" in message
    assert out.read_bytes().count(b"\n") == 2 and out.read_bytes().endswith(b"\n")  # no torn line
    monkeypatch.undo()
    assert main([*args, "--resume"]) == 0
    assert sorted(results(out)) == ids


def test_output_removed_mid_run_or_not_writable_is_a_clear_error(tmp_path, monkeypatch, capsys):
    corpus, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_benchmark(corpus, 4)
    real_fsync = os.fsync

    def remove_then_fsync(fd: int) -> None:
        if out.exists():
            out.unlink()
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", remove_then_fsync)
    args = ["batch", str(corpus), "-o", str(out), "--workers", "1", "--partition-size", "1", "--no-progress"]
    assert main(args) == 2
    assert "the output was removed during the run" in capsys.readouterr().err
    monkeypatch.undo()

    real_open = os.open

    def denied(path, flags, *rest, **kwargs):
        if str(path) == str(out):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real_open(path, flags, *rest, **kwargs)

    monkeypatch.setattr(os, "open", denied)
    assert main(args) == 2
    assert f"{out}: cannot open the output (Permission denied)" in capsys.readouterr().err


def holds_flock(pid: int, path: Path) -> bool:
    """Whether process ``pid`` holds a ``flock`` on ``path`` (Linux's /proc/locks: "1: FLOCK
    ADVISORY WRITE <pid> <major>:<minor>:<inode> 0 EOF")."""
    try:
        inode = str(path.stat().st_ino)
        lines = Path("/proc/locks").read_text().splitlines()
    except FileNotFoundError:
        return False
    fields = [line.split() for line in lines]
    return any(f[1] == "FLOCK" and f[4] == str(pid) and f[5].rsplit(":", 1)[-1] == inode for f in fields if len(f) > 5)


def test_two_concurrent_batch_runs_on_one_output_one_fails_clearly_no_duplicates(tmp_path):
    corpus, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    ids = write_benchmark(corpus, 40)
    command = [*NEWSBRIEF, "batch", str(corpus), "-o", str(out), "--workers", "1", "--partition-size", "1"]
    first = subprocess.Popen([*command, "--no-progress"], stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    # The lock file exists a moment before it is locked: wait until the first run holds the lock.
    while not holds_flock(first.pid, Path(f"{out}.lock")) and time.monotonic() < deadline:
        time.sleep(0.005)
    # Freeze the first run while it holds the lock, so the second one really runs during it
    # however fast or loaded the machine is; it goes on once the second has been refused.
    os.kill(first.pid, signal.SIGSTOP)
    try:
        second = subprocess.run([*command, "--resume", "--no-progress"], capture_output=True, text=True, timeout=120)
    finally:
        os.kill(first.pid, signal.SIGCONT)
    assert first.wait(timeout=300) == 0, first.stderr.read() if first.stderr else ""
    assert second.returncode == 2, second.stderr
    assert "is being written by another newsbrief run" in second.stderr
    assert sorted(results(out)) == ids  # results() fails on any id written twice
    assert not Path(f"{out}.lock").exists()


def test_outputs_honour_the_umask_keep_modes_and_write_through_symlinks(tmp_path, example_dir):
    old = os.umask(0o022)
    try:
        new = tmp_path / "new.md"
        assert newsbrief("brief", str(example_dir), "-o", str(new), "--no-analysis").returncode == 0
        assert stat.S_IMODE(new.stat().st_mode) == 0o644
        kept = tmp_path / "kept.md"
        kept.write_text("old", encoding="utf-8")
        kept.chmod(0o640)
        assert newsbrief("brief", str(example_dir), "-o", str(kept), "--no-analysis").returncode == 0
        assert stat.S_IMODE(kept.stat().st_mode) == 0o640 and kept.read_text(encoding="utf-8") != "old"
        link = tmp_path / "link.md"
        link.symlink_to(kept)
        assert newsbrief("brief", str(example_dir), "-o", str(link), "--format", "json").returncode == 0
        assert link.is_symlink() and link.resolve() == kept
        assert json.loads(kept.read_text(encoding="utf-8"))["summary"]  # the new brief went to the target
        assert stat.S_IMODE(kept.stat().st_mode) == 0o640
        corpus = tmp_path / "in.jsonl"
        write_benchmark(corpus, 1)
        assert newsbrief("batch", str(corpus), "-o", str(tmp_path / "b.jsonl"), "--workers", "1").returncode == 0
        assert stat.S_IMODE((tmp_path / "b.jsonl").stat().st_mode) == 0o644
    finally:
        os.umask(old)


def children_of(pid: int) -> set[int]:
    """Every descendant of ``pid`` (from /proc)."""
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            parents.setdefault(int(fields[1]), []).append(int(entry.name))
    found, todo = set(), [pid]
    while todo:
        for child in parents.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc (Linux)")
@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGKILL])
def test_no_worker_outlives_a_terminated_or_killed_batch(tmp_path, how):
    corpus, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_benchmark(corpus, 60)
    command = [*NEWSBRIEF, "batch", str(corpus), "-o", str(out), "--workers", "2", "--partition-size", "1"]
    process = subprocess.Popen([*command, "--no-progress"], stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not (out.exists() and out.read_bytes().count(b"\n") >= 2):
        time.sleep(0.01)
    workers = children_of(process.pid)
    assert len(workers) >= 3, "expected two pool workers and the resource tracker"
    process.send_signal(how)
    process.wait(timeout=60)
    if how == signal.SIGTERM:
        assert process.returncode == 130
        assert process.stderr is not None and "interrupted" in process.stderr.read()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and any(alive(pid) for pid in workers):
        time.sleep(0.05)
    assert not [pid for pid in workers if alive(pid)]
    assert out.read_bytes().endswith(b"\n")


def test_timeout_stops_a_brief_and_a_batch_story_inside_worker_processes(tmp_path, example_dir):
    slow = newsbrief("brief", str(example_dir), "--timeout", "0.001")
    assert slow.returncode == 2 and "took longer than the 0.001 s time limit" in slow.stderr
    # 20,000 attributes on one tag: seconds in the HTML extractor, which falls back on any
    # Exception; the limit still stops it.
    page = tmp_path / "attributes.html"
    attributes = " ".join(f'a{i}="x"' for i in range(20_000))
    page.write_text(f"<html><body><p {attributes}>Some text about what happened in the city.</p></body></html>")
    stuck = newsbrief("brief", str(page), "--timeout", "0.3")
    assert stuck.returncode == 2 and "took longer than the 0.3 s time limit" in stuck.stderr, stuck.stderr
    corpus, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    ids = write_benchmark(corpus, 4)
    done = newsbrief("batch", str(corpus), "-o", str(out), "--workers", "2", "--timeout", "0.001", "--no-progress")
    assert done.returncode == 0, done.stderr
    assert sorted(results(out)) == ids
    assert all("TimeLimitExceeded" in line["error"] for line in results(out).values())


def test_disk_full_on_brief_or_cluster_output_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch, capsys):
    corpus, out = tmp_path / "in.jsonl", tmp_path / "out" / "result.jsonl"
    out.parent.mkdir()
    out.write_text("the previous result\n", encoding="utf-8")
    write_benchmark(corpus, 2)

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    for command in (["cluster", str(corpus), "-q"], ["brief", str(corpus), "--no-analysis"]):
        assert main([*command, "-o", str(out)]) == 2
        message = capsys.readouterr().err.strip().splitlines()[-1]
        assert "No space left on device" in message and "an existing file is unchanged" in message
        assert out.read_text(encoding="utf-8") == "the previous result\n"
        assert sorted(p.name for p in out.parent.iterdir()) == ["result.jsonl"]  # no temporary file left


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ids=st.lists(st.text(max_size=20), min_size=1, max_size=6, unique=True), failed=st.sets(st.integers(0, 5)))
def test_resume_reads_any_id_from_the_line_head(tmp_path, ids, failed):
    """The ids --resume reads without parsing the brief are exactly the ids written, whatever they
    hold (quotes, backslashes, lone surrogates, any script)."""
    out = tmp_path / "out.jsonl"
    results_ = [
        {"id": i, "error": "X: y"} if n in failed else {"id": i, "brief": {"a": [i]}} for n, i in enumerate(ids)
    ]
    out.write_text("".join(json_line(r) + "\n" for r in results_), encoding="utf-8")
    found = recover(str(out))
    assert found.briefed == {r["id"] for r in results_ if "brief" in r}
    assert found.failed == {r["id"] for r in results_ if "error" in r}
