"""Brief every story of a corpus: index -> partitions -> engine -> durable JSONL output.

Each output line is ``{"id": <story id>, "brief": <brief --format json>}`` or, when that
story failed, ``{"id": ..., "error": "<type>: <message>"}``; a failure never stops the run.
Lines are written in completion order. With ``resume`` the ids already in the output are
skipped (after cutting a torn last line), so an interrupted run, even by ``kill -9``,
continues with nothing lost and nothing duplicated; stories that failed are not retried
unless ``retry_failed`` says so (their error lines are then dropped from the output first).

One run writes an output at a time (an exclusive lock), and the output may never be the input.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial

from newsbrief.batch.engines import Engine, LocalEngine
from newsbrief.batch.output import ResultLog, drop_errors, recover
from newsbrief.batch.stories import StoryInput, StoryRef, index_stories, load_story
from newsbrief.batch.work import brief_partition
from newsbrief.errors import UsageError
from newsbrief.fileio import exclusive_output, json_line, refuse_input_as_output
from newsbrief.settings import Options

# Stories per partition: big enough that shipping and scheduling cost little next to the
# briefs (a story takes tens of milliseconds and up), small enough to balance the workers.
DEFAULT_PARTITION_SIZE = 4


@dataclass(slots=True)
class BatchReport:
    stories: int = 0  # stories in the input
    already_done: int = 0  # found in the output when resuming (briefed or failed)
    not_retried: int = 0  # of those, failures left as they are (no retry_failed)
    retried: int = 0  # failures briefed again (retry_failed)
    briefed: int = 0
    failed: int = 0
    articles_without_story: int = 0
    warnings: list[str] = field(default_factory=list)


def _partitions(path: str, refs: list[StoryRef], size: int) -> Iterator[list[StoryInput]]:
    for start in range(0, len(refs), size):
        yield [load_story(path, ref) for ref in refs[start : start + size]]


def run_batch(
    input_path: str,
    output_path: str,
    options: Options | None = None,
    engine: Engine | None = None,
    resume: bool = False,
    partition_size: int = DEFAULT_PARTITION_SIZE,
    progress: bool = True,
    retry_failed: bool = False,
) -> BatchReport:
    """Brief every story in ``input_path`` into ``output_path`` (JSONL)."""
    options = options or Options()
    if partition_size < 1:
        raise UsageError("partition size must be at least 1")
    if retry_failed and not resume:
        raise UsageError("--retry-failed retries the failed stories of an output: use it with --resume")
    refuse_input_as_output(output_path, [input_path])
    with exclusive_output(output_path):
        return _run_locked(input_path, output_path, options, engine, resume, partition_size, progress, retry_failed)


def _run_locked(
    input_path: str,
    output_path: str,
    options: Options,
    engine: Engine | None,
    resume: bool,
    partition_size: int,
    progress: bool,
    retry_failed: bool,
) -> BatchReport:
    if os.path.exists(output_path) and not resume:
        raise UsageError(f"{output_path} exists: pass --resume to continue it, or remove it")
    index = index_stories(input_path)
    report = BatchReport(
        stories=len(index.stories), articles_without_story=index.articles_without_story, warnings=index.warnings
    )
    done = recover(output_path) if resume else None
    if done is not None and retry_failed and done.failed:
        drop_errors(output_path)
        report.retried, done.failed = len(done.failed), set()
    skip = done.briefed | done.failed if done is not None else set()
    pending = [ref for ref in index.stories if ref.id not in skip]
    report.already_done = report.stories - len(pending)
    report.not_retried = sum(ref.id in done.failed for ref in index.stories) if done is not None else 0
    unreadable = [ref for ref in pending if ref.error is not None]  # nothing to ship to a worker
    pending = [ref for ref in pending if ref.error is None]
    task = partial(brief_partition, options=options, source=input_path)

    try:
        from tqdm import tqdm  # the progress bar (rate and ETA) goes to stderr
    except ImportError:
        raise UsageError("newsbrief batch needs the 'scale' extra: pip install 'newsbrief[scale]'") from None

    bar = tqdm(total=report.stories, initial=report.already_done, unit="story", file=sys.stderr, disable=not progress)
    engine = engine or LocalEngine()
    try:
        with engine, ResultLog(output_path, already=report.already_done) as log:  # a failed start leaves no file
            if unreadable:
                log.append([json_line({"id": ref.id, "error": ref.error}) for ref in unreadable])
                report.failed += len(unreadable)
                bar.update(len(unreadable))
            for result in engine.map_unordered(task, _partitions(input_path, pending, partition_size)):
                log.append(result.lines)
                report.failed += result.failed
                report.briefed += len(result.lines) - result.failed
                bar.update(len(result.lines))
    finally:
        bar.close()
    return report
