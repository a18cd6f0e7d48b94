"""The batch output: a JSONL file that a crash can never corrupt.

Results are appended, a group of complete lines per write, each write followed by flush and
fsync. A crash (even ``kill -9`` or power loss) can therefore only leave a torn *last* line;
:func:`recover` cuts it off before a resumed run appends, and returns the ids already done,
so a resumed run neither repeats nor loses a story.
"""

from __future__ import annotations

import json
import os

from newsbrief.errors import UsageError


def _story_id(line: bytes) -> str | None:
    try:
        obj = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return None
    return obj.get("id") if isinstance(obj, dict) and isinstance(obj.get("id"), str) else None


def recover(path: str) -> set[str]:
    """Ids of the complete results in ``path``; a torn last line is truncated away.

    A bad line anywhere but at the end means the file was not written by this runner: it is
    refused rather than silently rewritten.
    """
    if not os.path.exists(path):
        return set()
    with open(path, "r+b") as handle:
        data = handle.read()
        complete = data[: data.rfind(b"\n") + 1].split(b"\n")[:-1]  # bytes after the last newline are torn
        done: set[str] = set()
        end = 0
        for number, line in enumerate(complete, start=1):
            story_id = _story_id(line)
            if story_id is None:
                if number == len(complete):
                    break  # a damaged final line: cut it as well
                raise UsageError(f"{path}:{number}: not a batch result line; refusing to resume into this file")
            done.add(story_id)
            end += len(line) + 1
        if end < len(data):
            handle.truncate(end)
            handle.flush()
            os.fsync(handle.fileno())
    return done


class ResultLog:
    """Append-only writer of complete result lines, durable after each :meth:`append`."""

    def __init__(self, path: str) -> None:
        self._handle = open(path, "ab")  # noqa: SIM115 - a long-lived handle, closed by close()

    def append(self, lines: list[str]) -> None:
        if not lines:
            return
        self._handle.write("".join(line + "\n" for line in lines).encode("utf-8"))
        self._handle.flush()
        os.fsync(self._handle.fileno())

    def close(self) -> None:
        self._handle.close()

    def __enter__(self) -> ResultLog:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
