"""Bounds on the work itself, for the library and not only the server.

* :func:`time_limit` stops a briefing that runs past its deadline (``--timeout``). It uses a
  real-time interval timer (``signal.setitimer``) whose ``SIGALRM`` raises :class:`TimeLimitExceeded`
  in the middle of whatever Python code is running, so it works in the CLI's process and in the
  main thread of a local batch worker process (where each story runs). Python only delivers
  signals to the main thread: elsewhere (a Dask worker's task thread) no limit can be enforced
  this way and the briefing runs unbounded.
* :func:`die_with_parent` makes a worker process die when the process that started it dies,
  even by ``kill -9`` (Linux ``PR_SET_PDEATHSIG``), and leaves Ctrl-C to that parent.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from newsbrief.errors import NewsbriefError

_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


class TimeLimitExceeded(NewsbriefError):
    """The briefing ran past its time limit and was stopped."""


class _Expired(BaseException):
    """What the alarm raises: a BaseException, so that library code's ``except Exception`` (an
    extractor falling back on any error) cannot swallow it; turned into
    :class:`TimeLimitExceeded` where the limit was set."""


# After the deadline the alarm repeats this often, in case code swallowed it anyway (bare except).
REPEAT_S = 0.05


@contextmanager
def time_limit(seconds: float | None, what: str = "briefing") -> Iterator[None]:
    """Raise :class:`TimeLimitExceeded` in the block once ``seconds`` have passed (None: no limit).

    A long call into C (lxml parsing one huge tag) cannot be interrupted: the limit takes effect
    when it returns to Python.
    """
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expired(signum: int, frame: object) -> None:
        raise _Expired

    previous = signal.signal(signal.SIGALRM, expired)
    try:
        try:
            signal.setitimer(signal.ITIMER_REAL, seconds, REPEAT_S)
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    except _Expired:
        raise TimeLimitExceeded(f"{what} took longer than the {seconds:g} s time limit (--timeout)") from None
    finally:
        signal.signal(signal.SIGALRM, previous)


def die_with_parent(parent_pid: int) -> None:
    """Initializer of a worker process: killed with its parent; Ctrl-C is the parent's business
    (it stops the workers itself, without a traceback from each)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent_pid:  # the parent died before prctl took effect
        os._exit(1)
