"""Output files: never an input, written atomically, one writer at a time.

* :func:`refuse_input_as_output` stops ``brief FOLDER -o FOLDER/article.txt`` (and a batch or
  cluster ``-o`` naming its input) before anything is read or written;
* :func:`write_atomic` replaces a file via a temporary file and a rename, so readers never see
  half a file; the new file gets the mode of the file it replaces, or ``0666 & ~umask`` like any
  new file; a symlink is written through (its target is replaced, the link stays);
* :func:`exclusive_output` holds an ``flock`` on ``OUT.lock`` for the whole run, so a second run
  on the same output fails at once with a clear message instead of interleaving its lines.
"""

from __future__ import annotations

import fcntl
import json
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import BinaryIO

from newsbrief.errors import NewsbriefError, UsageError

STDIN = "-"
LOCK_SUFFIX = ".lock"


class OutputError(NewsbriefError):
    """Writing an output failed (disk full, permission denied, ...); the message says what is safe."""


def _inside(path: str, folder: str) -> bool:
    return os.path.commonpath([path, folder]) == folder


def refuse_input_as_output(output: str, inputs: Iterable[str]) -> None:
    """Raise :class:`UsageError` when ``output`` is one of ``inputs`` or lies inside an input folder.

    Paths are compared after resolving symlinks, and an existing output is also compared by
    inode (a hard link to an input is that input).
    """
    target = os.path.realpath(output)
    for given in inputs:
        if given == STDIN:
            continue
        source = os.path.realpath(given)
        same = target == source
        if not same and os.path.exists(target) and os.path.exists(source):
            same = os.path.samefile(target, source)
        if same:
            raise UsageError(f"-o {output} is the input {given}: refusing to overwrite an input")
        if os.path.isdir(source) and _inside(target, source):
            if os.path.exists(target):
                raise UsageError(f"-o {output} is a file of the input folder {given}: refusing to overwrite an input")
            raise UsageError(f"-o {output} is inside the input folder {given}: choose an output outside it")


# Characters that JSON leaves raw inside strings but that line readers other than "split at \\n" take
# for line ends (Python's str.splitlines, JavaScript before ES2019): escaped so a record stays one line.
_LINE_BREAKS_ESCAPED = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def json_line(obj: object) -> str:
    """``obj`` as one JSON line (no newline) that always encodes as UTF-8 and that no line reader
    splits: text that cannot be encoded (a lone surrogate from a ``\\ud800`` escape in the input) is
    written as JSON escapes instead, and so are the Unicode line and paragraph separators."""
    line = json.dumps(obj, ensure_ascii=False)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(obj, ensure_ascii=True)
    return line.translate(_LINE_BREAKS_ESCAPED)


def _umask() -> int:
    mask = os.umask(0o022)  # the only portable way to read it is to set it (and put it back)
    os.umask(mask)
    return mask


def write_atomic(path: str, text: str) -> None:
    """Write ``text`` to ``path`` via a temporary file in the same folder and a rename.

    A symlink is followed (the file it points to is replaced); a path that exists but is not a
    regular file (``/dev/stdout``, a FIFO) is written directly, as there is nothing to rename over.
    A failure is an :class:`OutputError`; an existing file is then left as it was.
    """
    try:
        _replace(path, text)
    except OSError as exc:
        raise OutputError(
            f"{path}: cannot write the output ({exc.strerror or exc}); nothing was written, "
            "an existing file is unchanged"
        ) from None


def _replace(path: str, text: str) -> None:
    target = os.path.realpath(path)
    try:
        existing = os.stat(target)
    except FileNotFoundError:
        existing = None
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        with open(target, "w", encoding="utf-8") as handle:
            handle.write(text)
        return
    mode = stat.S_IMODE(existing.st_mode) if existing is not None else 0o666 & ~_umask()
    with atomic_replacement(target, mode) as handle:
        handle.write(text.encode("utf-8"))


@contextmanager
def atomic_replacement(target: str, mode: int) -> Iterator[BinaryIO]:
    """A temporary file beside ``target`` that replaces it, with ``mode``, once the block ends
    without error (flushed and fsynced first); on any error it is removed and ``target`` is left
    as it was."""
    fd, tmp = tempfile.mkstemp(prefix=".newsbrief-", suffix=".tmp", dir=os.path.dirname(target))
    try:
        os.fchmod(fd, mode)  # mkstemp makes 0600; give it the mode the output should have
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


@contextmanager
def exclusive_output(path: str) -> Iterator[None]:
    """Hold an exclusive lock for writing ``path``; a second holder gets :class:`UsageError`.

    The lock is ``flock`` on ``<path>.lock`` beside the real output (symlinks resolved); the
    kernel releases it when the process dies, even by ``kill -9``. The lock file is removed on
    release; a run that opened it just before is caught by comparing inodes after locking.
    """
    lock_path = os.path.realpath(path) + LOCK_SUFFIX
    while True:
        try:
            fd = os.open(lock_path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o666)
        except OSError as exc:
            raise UsageError(f"{path}: cannot create the lock file {lock_path} ({exc.strerror})") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise UsageError(
                f"{path} is being written by another newsbrief run (lock {lock_path}); "
                "wait for it to finish or choose another output"
            ) from None
        try:
            same = os.fstat(fd).st_ino == os.stat(lock_path).st_ino
        except FileNotFoundError:
            same = False
        if same:
            break
        os.close(fd)  # the previous holder removed this lock file after we opened it: retry
    try:
        yield
    finally:
        os.unlink(lock_path)
        os.close(fd)
