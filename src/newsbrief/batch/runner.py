"""Brief every story of a corpus: index -> partitions -> engine -> durable JSONL output.

Each output line is ``{"id": <story id>, "brief": <brief --format json>}`` or, when that
story failed, ``{"id": ..., "error": "<type>: <message>"}``; a failure never stops the run.
Lines are written in completion order. With ``resume`` the ids already in the output are
skipped (after cutting a torn last line), so an interrupted run, even by ``kill -9``,
continues with nothing lost and nothing duplicated.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial

from newsbrief.batch.engines import Engine, LocalEngine
from newsbrief.batch.output import ResultLog, recover
from newsbrief.batch.stories import StoryInput, StoryRef, index_stories, load_story
from newsbrief.batch.work import brief_partition
from newsbrief.errors import UsageError
from newsbrief.settings import Options

# Stories per partition: big enough that shipping and scheduling cost little next to the
# briefs (a story takes tens of milliseconds and up), small enough to balance the workers.
DEFAULT_PARTITION_SIZE = 4


@dataclass(slots=True)
class BatchReport:
    stories: int = 0  # stories in the input
    already_done: int = 0  # found in the output when resuming
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
) -> BatchReport:
    """Brief every story in ``input_path`` into ``output_path`` (JSONL)."""
    options = options or Options()
    if partition_size < 1:
        raise UsageError("partition size must be at least 1")
    if os.path.exists(output_path) and not resume:
        raise UsageError(f"{output_path} exists: pass --resume to continue it, or remove it")
    index = index_stories(input_path)
    report = BatchReport(
        stories=len(index.stories), articles_without_story=index.articles_without_story, warnings=index.warnings
    )
    done = recover(output_path) if resume else set()
    pending = [ref for ref in index.stories if ref.id not in done]
    report.already_done = report.stories - len(pending)
    task = partial(brief_partition, options=options, source=input_path)

    try:
        from tqdm import tqdm  # the progress bar (rate and ETA) goes to stderr
    except ImportError:
        raise UsageError("newsbrief batch needs the 'scale' extra: pip install 'newsbrief[scale]'") from None

    bar = tqdm(total=report.stories, initial=report.already_done, unit="story", file=sys.stderr, disable=not progress)
    engine = engine or LocalEngine()
    try:
        with engine, ResultLog(output_path) as log:  # engine first: a failed start leaves no file
            for result in engine.map_unordered(task, _partitions(input_path, pending, partition_size)):
                log.append(result.lines)
                report.failed += result.failed
                report.briefed += len(result.lines) - result.failed
                bar.update(len(result.lines))
    finally:
        bar.close()
    return report
