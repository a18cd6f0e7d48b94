"""Find the stories of a batch input without loading it: an index of line offsets.

Two inputs are understood, line by line (JSONL):

* a benchmark file: each line holds one story, ``{"id": ..., "documents": [...]}``;
* a clustered file (``newsbrief cluster`` output): each line one article with a ``story`` id.
  Articles with ``"story": null`` (no article content) are counted and left out.

Only byte offsets are kept per story, so the index of millions of articles stays small; a
story's lines are read back when its partition is shipped to a worker.
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


def index_stories(path: str) -> StoryIndex:
    """Scan ``path`` once and group its lines into stories (first appearance order)."""
    stories: dict[str, StoryRef] = {}
    index = StoryIndex([])
    if not os.path.isfile(path):
        raise InputError(path, "no such file")
    with open(path, "rb") as handle:
        offset = 0
        for number, raw in enumerate(handle, start=1):
            start, offset = offset, offset + len(raw)
            if not raw.strip():
                continue
            try:  # ingest's JSON edge: depth bounded, lone surrogates replaced (issue 14)
                obj = load_json(raw.decode("utf-8"), f"{path}:{number}", index.warnings)
            except (InputError, UnicodeDecodeError) as exc:
                reason = exc.problem if isinstance(exc, InputError) else exc
                index.warnings.append(f"{path}:{number}: skipped, not a JSON line ({reason})")
                continue
            if not isinstance(obj, dict):
                index.warnings.append(f"{path}:{number}: skipped, not a JSON object")
                continue
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
                raise UsageError(
                    f"{path}:{number}: neither a 'documents' list nor a 'story' field; "
                    "group articles into stories first with 'newsbrief cluster'"
                )
            stories.setdefault(story_id, StoryRef(story_id)).lines.append((number, start))
    index.stories = list(stories.values())
    return index


def load_story(path: str, ref: StoryRef) -> StoryInput:
    """Read one story's lines back from the input."""
    lines = []
    with open(path, "rb") as handle:
        for number, offset in ref.lines:
            handle.seek(offset)
            lines.append((number, handle.readline().decode("utf-8")))
    return StoryInput(ref.id, lines)
