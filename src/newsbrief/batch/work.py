"""What a worker does with a partition of stories: brief each, catching per-story failures.

Module-level functions of plain data, so the same code runs in-process, in a local process
pool and on Dask workers (which import ``newsbrief`` themselves).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from newsbrief.batch.stories import StoryInput
from newsbrief.errors import NoUsableInput
from newsbrief.fileio import json_line
from newsbrief.ingest import records_to_articles
from newsbrief.ingest.formats import parse_json
from newsbrief.limits import time_limit
from newsbrief.pipeline import brief_articles
from newsbrief.render.json import brief_to_dict
from newsbrief.settings import Options


def brief_story(story: StoryInput, options: Options, source: str) -> dict[str, Any]:
    """``{"id", "brief"}`` for a story, or ``{"id", "error"}`` saying why it failed. Ingest's
    warnings about the story's records are in the brief's ``warnings``, as ``newsbrief brief``
    prints them."""
    warnings: list[str] = []  # what ingest says about a record (a skipped one, a junk date) reaches the brief
    try:
        with time_limit(options.timeout_s, f"story {story.id!r}"):
            records = [
                record
                for number, line in story.lines
                for record in parse_json(line, f"{source}:{number}", fields=options.fields, warnings=warnings)
            ]
            articles = records_to_articles(records, warnings)
            if not articles:
                detail = f" ({'; '.join(warnings)})" if warnings else ""
                raise NoUsableInput(f"the story has no usable article{detail}")
            return {"id": story.id, "brief": brief_to_dict(brief_articles(articles, options, warnings))}
    except Exception as exc:  # one bad story must never stop the run: record it and go on
        return {"id": story.id, "error": f"{type(exc).__name__}: {exc}"}


@dataclass(slots=True)
class PartitionResult:
    lines: list[str]  # one JSON result per story, without the newline
    failed: int  # how many of them are errors


def brief_partition(partition: list[StoryInput], options: Options, source: str) -> PartitionResult:
    """The results of every story in the partition."""
    results = [brief_story(story, options, source) for story in partition]
    return PartitionResult([json_line(result) for result in results], sum("error" in result for result in results))
