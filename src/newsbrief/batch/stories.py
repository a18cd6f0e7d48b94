"""Find the stories of a batch input without loading it: an index of line offsets.

Two inputs are understood, line by line (JSONL):

* a benchmark file: each line holds one story, ``{"id": ..., "documents": [...]}``;
* a clustered file (``newsbrief cluster`` output): each line one article with a ``story`` id.
  Articles with ``"story": null`` (no article content) are counted and left out.

Only byte offsets are kept per story, so the index of millions of articles stays small; a
story's lines are read back when its partition is shipped to a worker.

A line that is not a JSON object becomes a failed story ``line-N`` with the reason (the run
goes on and records it); a file in which no line is a JSON object is not a batch input at all.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from newsbrief.errors import InputError, UsageError
from newsbrief.ingest.records import load_json


@dataclass(slots=True)
class StoryRef:
    """Where one story's lines are: ``(line number, byte offset)`` pairs."""

    id: str
    lines: list[tuple[int, int]] = field(default_factory=list)
    error: str | None = None  # set when the input line itself is unusable: nothing to brief


@dataclass(slots=True)
class StoryInput:
    """What a worker gets for one story: its id and its raw JSONL lines, numbered."""

    id: str
    lines: list[tuple[int, str]]


@dataclass(slots=True)
class StoryIndex:
    stories: list[StoryRef]
    articles_without_story: int = 0
    warnings: list[str] = field(default_factory=list)


def _failed_line(stories: dict[str, StoryRef], path: str, number: int, offset: int, problem: str) -> None:
    story_id = f"line-{number}"
    stories.setdefault(story_id, StoryRef(story_id, [(number, offset)], f"InputError: {path}:{number}: {problem}"))


def index_stories(path: str) -> StoryIndex:
    """Scan ``path`` once and group its lines into stories (first appearance order)."""
    stories: dict[str, StoryRef] = {}
    index = StoryIndex([])
    if not os.path.exists(path):
        raise InputError(path, "no such file")
    if not os.path.isfile(path):
        raise InputError(path, "not a regular file (a folder, FIFO or device): batch reads one JSONL file")
    objects = 0
    with open(path, "rb") as handle:
        offset = 0
        for number, raw in enumerate(handle, start=1):
            start, offset = offset, offset + len(raw)
            if not raw.strip():
                continue
            try:  # ingest's JSON edge: depth bounded, lone surrogates replaced (issue 14)
                obj = load_json(raw.decode("utf-8"), f"{path}:{number}", index.warnings)
            except InputError as exc:
                obj, problem = None, f"not a JSON line ({exc.problem})"
            except UnicodeDecodeError as exc:
                obj, problem = None, f"not a JSON line ({exc})"
            else:
                problem = "not a JSON object"
            if not isinstance(obj, dict):
                _failed_line(stories, path, number, start, problem)
                continue
            objects += 1
            if isinstance(obj.get("documents"), list):
                story_id = str(obj.get("id") or f"line-{number}")
                if story_id in stories:
                    index.warnings.append(f"{path}:{number}: skipped, story id {story_id!r} already used")
                    continue
            elif "story" in obj:
                if obj["story"] is None:
                    index.articles_without_story += 1
                    continue
                story_id = str(obj["story"])
            else:
                if objects == 1:  # the very first object: the file is of another kind altogether
                    raise UsageError(
                        f"{path}:{number}: neither a 'documents' list nor a 'story' field; "
                        "group articles into stories first with 'newsbrief cluster'"
                    )
                _failed_line(stories, path, number, start, "neither a 'documents' list nor a 'story' field")
                continue
            stories.setdefault(story_id, StoryRef(story_id)).lines.append((number, start))
    if not objects:
        raise InputError(path, "not a batch input: no line is a JSON object (expected JSONL)")
    index.stories = list(stories.values())
    return index


def load_story(path: str, ref: StoryRef) -> StoryInput:
    """Read one story's lines back from the input."""
    lines = []
    with open(path, "rb") as handle:
        for number, offset in ref.lines:
            handle.seek(offset)
            lines.append((number, handle.readline().decode("utf-8", errors="replace")))
    return StoryInput(ref.id, lines)
