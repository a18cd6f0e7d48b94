"""One briefing request, run in its own worker process under a deadline.

The web app never briefs in its own process: a slow or huge input (a pathological HTML page,
a long analysis) must not block the server, and a request past its deadline must really stop.
Each job runs in a process forked from a fork server that has already imported the pipeline
(so starting one costs milliseconds); when the deadline passes the process is terminated and
the caller gets :class:`JobTimeout`; when the caller sets its ``cancel`` event (the web client
went away) the process is terminated too and the caller gets :class:`JobCancelled`.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import threading
import time
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any

from newsbrief.errors import InputError, NewsbriefError, NoUsableInput
from newsbrief.ingest import parse_records, records_to_articles
from newsbrief.ingest.decode import decode
from newsbrief.ingest.formats import Record
from newsbrief.limits import die_with_parent
from newsbrief.pipeline import brief_articles
from newsbrief.render import render
from newsbrief.settings import DEFAULT_MAX_BYTES, DEFAULT_WORDS, Options

# Modules the fork server imports once, so every worker starts with them loaded.
PRELOAD = ["newsbrief.serve.worker", "newsbrief.analyse", "newsbrief.render.html", "newsbrief.render.json"]
_JOIN_S = 2.0
# How often a running job checks whether its caller cancelled it (seconds).
CANCEL_POLL_S = 0.1


@dataclass(slots=True)
class Job:
    """What to brief. ``documents`` are API records (title, text|html, url, source, published);
    ``files`` are uploaded ``(name, bytes)``; ``texts`` are pasted texts (first line = title)."""

    documents: list[dict[str, Any]] = field(default_factory=list)
    files: list[tuple[str, bytes]] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    words: int = DEFAULT_WORDS
    sentences: int | None = None
    analyse: bool = True
    fmt: str = "json"
    max_bytes: int = DEFAULT_MAX_BYTES


class JobTimeout(Exception):
    """The job ran past its deadline and was stopped."""


class JobFailed(Exception):
    """The job crashed (a bug, or the worker was killed): not the user's fault."""


class JobCancelled(Exception):
    """The caller cancelled the job (its client disconnected); the worker was stopped."""


def _records(job: Job, warnings: list[str]) -> list[Record]:
    """Every input parsed by the same parsers the CLI uses; a bad one becomes a warning."""
    inputs: list[tuple[str, str | bytes, str | None]] = []
    # An API document is exactly a .json record, so it goes through the JSON record parser.
    inputs += [(f"documents[{i}]", json.dumps(doc), "json") for i, doc in enumerate(job.documents, start=1)]
    inputs += [(name, data, None) for name, data in job.files]
    inputs += [(f"pasted text {i}", text, None) for i, text in enumerate(job.texts, start=1)]
    records: list[Record] = []
    for name, content, fmt in inputs:
        try:
            if isinstance(content, bytes):
                if len(content) > job.max_bytes:
                    raise InputError(name, f"larger than the {job.max_bytes} byte limit")
                content = decode(content, name)
            found = parse_records(content, name, warnings, fmt)
            if not found:
                raise InputError(name, "holds no article text")
            records += found
        except InputError as exc:
            warnings.append(str(exc))
    return records


def run_job(job: Job) -> str:
    """Brief the job's inputs and render them (runs inside the worker process)."""
    warnings: list[str] = []
    articles = records_to_articles(_records(job, warnings), warnings)
    if not articles:
        detail = "; ".join(warnings) if warnings else "no documents given"
        raise NoUsableInput(f"no usable article in the request ({detail})")
    options = Options(words=job.words, sentences=job.sentences, analyse=job.analyse, max_bytes=job.max_bytes)
    return render(brief_articles(articles, options, warnings), job.fmt)


def _child(connection: Connection, job: Job) -> None:
    die_with_parent(os.getppid())  # the fork server: if it goes (the app was killed), so does this job
    try:
        connection.send(("ok", run_job(job)))
    except NewsbriefError as exc:
        connection.send(("input", str(exc)))
    except Exception as exc:  # reported to the client as a 500 with this one line
        connection.send(("error", f"{type(exc).__name__}: {exc}"))
    finally:
        connection.close()


def _context() -> multiprocessing.context.ForkServerContext:
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)  # takes effect when the fork server starts
    return context


def start_fork_server() -> None:
    """Start the fork server now (it imports :data:`PRELOAD`), so the first request is fast."""
    _context()
    from multiprocessing import forkserver

    forkserver.ensure_running()


def run_with_deadline(job: Job, timeout_s: float, cancel: threading.Event | None = None) -> str:
    """Run ``job`` in a fresh worker process; blocks (call it from a thread in async code).

    Raises :class:`NewsbriefError` for unusable input, :class:`JobTimeout` past ``timeout_s``,
    :class:`JobCancelled` once ``cancel`` is set, and :class:`JobFailed` when the worker crashed.
    """
    context = _context()
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(sender, job), daemon=True)
    process.start()
    sender.close()
    deadline = time.monotonic() + timeout_s
    try:
        while not receiver.poll(max(0.0, min(CANCEL_POLL_S, deadline - time.monotonic()))):
            if cancel is not None and cancel.is_set():
                raise JobCancelled("the client went away; the briefing was stopped")
            if time.monotonic() >= deadline:
                raise JobTimeout(f"briefing took longer than the {timeout_s:g} s limit")
        status, payload = receiver.recv()
    except EOFError:
        raise JobFailed(f"the worker process stopped unexpectedly (exit code {process.exitcode})") from None
    finally:
        if process.is_alive():
            process.terminate()
        process.join(_JOIN_S)
        if process.is_alive():
            process.kill()
            process.join()
        receiver.close()
    if status == "input":
        raise NoUsableInput(payload)
    if status == "error":
        raise JobFailed(payload)
    return payload
