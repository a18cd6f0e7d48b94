"""The batch output: a JSONL file that a crash or a full disk can never corrupt.

Results are appended, a group of complete lines per write, each write followed by fsync. A
crash (even ``kill -9`` or power loss) can therefore only leave a torn *last* line;
:func:`recover` cuts it off before a resumed run appends, and returns the ids already done,
so a resumed run neither repeats nor loses a story. A write that fails (disk full, the file
removed mid-run) is cut back to the last complete line and ends the run with
:class:`OutputError`, which says how many results are safely written.

:func:`recover` streams the file and keeps only ids: a resume over gigabytes of briefs holds
one line at a time.
"""

from __future__ import annotations

import json
import os
import re
import stat
from dataclasses import dataclass, field

from newsbrief.errors import UsageError
from newsbrief.fileio import OutputError, atomic_replacement

# json.dumps writes the id first: the id and the kind of line are read without parsing the brief.
_LINE_HEAD = re.compile(rb'\{"id": ("(?:[^"\\]|\\.)*"), "(brief|error)": ')


@dataclass(slots=True)
class Recovered:
    """What an existing output already holds: ids briefed and ids that failed."""

    briefed: set[str] = field(default_factory=set)
    failed: set[str] = field(default_factory=set)


def _line_kind(line: bytes) -> tuple[str, str] | None:
    """``(id, "brief" | "error")`` of a complete result line, or None if it is not one."""
    head = _LINE_HEAD.match(line)
    if head is not None and line.rstrip().endswith(b"}"):
        return json.loads(head.group(1)), head.group(2).decode()
    try:  # a line written some other way (another JSON writer): parse it whole
        obj = json.loads(line)
    except (ValueError, RecursionError):
        return None
    if not isinstance(obj, dict) or not isinstance(obj.get("id"), str):
        return None
    kind = "brief" if "brief" in obj else "error" if "error" in obj else None
    return (obj["id"], kind) if kind else None


def recover(path: str) -> Recovered:
    """Ids of the complete results in ``path``; a torn last line is truncated away.

    A bad line anywhere but at the end means the file was not written by this runner: it is
    refused rather than silently rewritten.
    """
    found = Recovered()
    if not os.path.exists(path):
        return found
    with open(path, "r+b") as handle:
        end = 0  # byte offset after the last good line
        bad_line: int | None = None
        for number, line in enumerate(handle, start=1):
            if bad_line is not None:
                raise UsageError(f"{path}:{bad_line}: not a batch result line; refusing to resume into this file")
            kind = _line_kind(line) if line.endswith(b"\n") else None
            if kind is None:
                bad_line = number  # acceptable only as the last line (torn by a crash)
                continue
            (found.failed if kind[1] == "error" else found.briefed).add(kind[0])
            end += len(line)
        if bad_line is not None:
            handle.truncate(end)
            handle.flush()
            os.fsync(handle.fileno())
    found.failed -= found.briefed
    return found


def drop_errors(path: str) -> int:
    """Rewrite ``path`` without its error lines (atomically, same mode, through a symlink);
    returns how many went."""
    path = os.path.realpath(path)
    dropped = 0
    with open(path, "rb") as source, atomic_replacement(path, stat.S_IMODE(os.stat(path).st_mode)) as copy:
        for line in source:
            kind = _line_kind(line)
            if kind is not None and kind[1] == "error":
                dropped += 1
                continue
            copy.write(line)
    return dropped


def _describe(exc: OSError) -> str:
    return exc.strerror or str(exc)


class ResultLog:
    """Append-only writer of complete result lines, durable after each :meth:`append`."""

    def __init__(self, path: str, already: int = 0) -> None:
        self.path = path
        self.written = 0  # lines appended by this run, all durable
        self._already = already
        try:
            self._fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_CLOEXEC, 0o666)
        except OSError as exc:
            raise OutputError(f"{path}: cannot open the output ({_describe(exc)})") from None
        self._size = os.fstat(self._fd).st_size

    def _failed(self, problem: str) -> OutputError:
        safe = self._already + self.written
        return OutputError(
            f"{self.path}: {problem}; {safe} results are safely written "
            f"({self.written} by this run); run again with --resume to continue"
        )

    def append(self, lines: list[str]) -> None:
        if not lines:
            return
        data = "".join(line + "\n" for line in lines).encode("utf-8")
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(self._fd, view) :]
            os.fsync(self._fd)
        except OSError as exc:
            try:  # cut the partial group away: only complete lines stay
                os.ftruncate(self._fd, self._size)
                os.fsync(self._fd)
            except OSError:
                pass  # recover() cuts a torn last line on --resume
            raise self._failed(f"cannot write the output ({_describe(exc)})") from None
        if os.fstat(self._fd).st_nlink == 0:
            raise OutputError(
                f"{self.path}: the output was removed during the run, with the {self.written} results this run "
                "wrote into it; start again (--resume continues from whatever output is there)"
            )
        self._size += len(data)
        self.written += len(lines)

    def close(self) -> None:
        os.close(self._fd)

    def __enter__(self) -> ResultLog:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
