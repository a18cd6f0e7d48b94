"""Evaluation datasets: clusters of raw documents with one or more reference summaries.

Readers are registered by name in :data:`READERS` (add one with ``READERS["name"] = fn``);
:func:`load_dataset` picks one from the path when none is named:

* ``jsonl`` — one JSON object per line: ``id``, ``documents`` (raw article texts) and
  ``summary`` (a string) or ``summaries`` (a list), as ``multinews-val250.jsonl``;
* ``multinews`` — the original Multi-News release: ``val.src`` holds one cluster per line,
  documents joined by ``|||||``, and ``val.tgt`` the summary of the same line;
* ``duc`` — a folder holding one sub-folder per cluster (``d30001t/``) of SGML documents
  (only ``<TEXT>`` is article body) and reference files named ``D30001.M.100.T.A``
  anywhere under the same root.

A cluster's documents stay raw here: turning them into articles is the pipeline's job.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import zip_longest

from newsbrief.errors import InputError, UsageError
from newsbrief.ingest import records_to_articles
from newsbrief.ingest.formats import MULTINEWS_NEWLINE, MULTINEWS_SEPARATOR, Record, parse_multinews_documents
from newsbrief.ingest.sgml import parse_sgml
from newsbrief.model import Article
from newsbrief.settings import DEFAULT_MAX_BYTES


@dataclass(slots=True)
class EvalCluster:
    """One story: raw documents (as :class:`Record` objects) and its reference summaries."""

    id: str
    records: list[Record]
    references: list[str]
    source: str = ""  # where it was read from ("val.jsonl:3", "d30001t/")
    warnings: list[str] = field(default_factory=list)

    def articles(self) -> list[Article]:
        return records_to_articles(self.records)


Reader = Callable[..., Iterator[EvalCluster]]


def _utf8_size(text: str) -> int:
    return len(text.encode("utf-8", "replace"))


def _check_size(n_bytes: int, name: str, max_bytes: int) -> None:
    if n_bytes > max_bytes:
        raise InputError(name, f"cluster larger than {max_bytes} bytes; refused")


def read_jsonl(path: str, max_bytes: int = DEFAULT_MAX_BYTES, **_: object) -> Iterator[EvalCluster]:
    """``{"id", "documents", "summary"|"summaries"}`` per line; line numbers name clusters without an id."""
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            name = f"{path}:{number}"
            _check_size(_utf8_size(line), name, max_bytes)
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(name, f"invalid JSON: {exc.msg}") from None
            documents = obj.get("documents") if isinstance(obj, dict) else None
            if not isinstance(documents, list):
                raise InputError(name, "expected an object with a 'documents' list")
            references = obj.get("summaries") or [obj.get("summary")]
            references = [r for r in references if isinstance(r, str) and r.strip()]
            if not references:
                raise InputError(name, "no 'summary' or 'summaries' to score against")
            cluster_id = str(obj.get("id", number))
            yield EvalCluster(cluster_id, list(parse_multinews_documents(documents, name)), references, source=name)


def multinews_references_path(src_path: str) -> str:
    """``val.src`` -> ``val.tgt`` (also ``val.src.cleaned`` -> ``val.tgt.cleaned`` or ``val.tgt``)."""
    directory, base = os.path.split(src_path)
    if ".src" not in base:
        raise UsageError(f"{src_path}: cannot guess the summary file (name has no '.src'); pass --references FILE")
    stem, _, suffix = base.rpartition(".src")
    candidates = [f"{stem}.tgt{suffix}", f"{stem}.tgt"]
    for candidate in candidates:
        if os.path.exists(os.path.join(directory, candidate)):
            return os.path.join(directory, candidate)
    raise UsageError(f"{src_path}: summary file {candidates[0]} not found next to it; pass --references FILE")


def read_multinews(
    path: str, references: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES, **_: object
) -> Iterator[EvalCluster]:
    """Line ``k`` of the ``.src`` file pairs with line ``k`` of the ``.tgt`` file."""
    references = references or multinews_references_path(path)
    with open(path, encoding="utf-8") as sources, open(references, encoding="utf-8") as targets:
        for number, (line, target) in enumerate(zip_longest(sources, targets), start=1):
            if line is None or target is None:
                raise InputError(references, f"{path} and {references} have different numbers of lines")
            name = f"{path}:{number}"
            _check_size(_utf8_size(line), name, max_bytes)
            summary = target.replace(MULTINEWS_NEWLINE, "\n").strip()
            if not summary:
                raise InputError(f"{references}:{number}", "empty reference summary")
            records = list(parse_multinews_documents(line.rstrip("\n").split(MULTINEWS_SEPARATOR), name))
            yield EvalCluster(str(number), records, [summary], source=name)


_DUC_CLUSTER_DIR = re.compile(r"^(d\d+)[a-z]$", re.IGNORECASE)
_DUC_REFERENCE = re.compile(r"^(d\d+)\.m\.\d+\.t\.[a-z]+$", re.IGNORECASE)


def read_duc(path: str, max_bytes: int = DEFAULT_MAX_BYTES, **_: object) -> Iterator[EvalCluster]:
    """Cluster folders (``d30001t``) and reference files (``D30001.M.100.T.A``) anywhere under ``path``."""
    folders: dict[str, str] = {}
    references: dict[str, list[str]] = {}
    for root, dirs, files in os.walk(path):
        dirs.sort()
        for directory in dirs:
            match = _DUC_CLUSTER_DIR.match(directory)
            if match:
                folders[match.group(1).upper()] = os.path.join(root, directory)
        for file_name in sorted(files):
            match = _DUC_REFERENCE.match(file_name)
            if match:
                references.setdefault(match.group(1).upper(), []).append(os.path.join(root, file_name))
    if not folders:
        raise InputError(path, "no DUC cluster folders (named like d30001t) found")
    for cluster_id in sorted(folders):
        folder = folders[cluster_id]
        if cluster_id not in references:
            raise InputError(folder, f"no reference summaries named {cluster_id}.M.*.T.* under {path}")
        records: list[Record] = []
        warnings: list[str] = []
        total = 0
        for file_name in sorted(os.listdir(folder)):
            file_path = os.path.join(folder, file_name)
            if file_name.startswith(".") or not os.path.isfile(file_path):
                continue
            with open(file_path, encoding="utf-8", errors="replace") as handle:
                text = handle.read()
            total += _utf8_size(text)
            _check_size(total, folder, max_bytes)
            try:
                records.extend(parse_sgml(text, file_path, warnings=warnings))
            except InputError as exc:
                warnings.append(str(exc))
        summaries = []
        for reference in references[cluster_id]:
            with open(reference, encoding="utf-8", errors="replace") as handle:
                summaries.append(handle.read().strip())
        yield EvalCluster(cluster_id, records, [s for s in summaries if s], source=folder, warnings=warnings)


READERS: dict[str, Reader] = {"jsonl": read_jsonl, "multinews": read_multinews, "duc": read_duc}


def detect_reader(path: str) -> str:
    if os.path.isdir(path):
        return "duc"
    base = os.path.basename(path).lower()
    if base.endswith((".jsonl", ".ndjson", ".json")):
        return "jsonl"
    if ".src" in base:
        return "multinews"
    raise UsageError(f"{path}: cannot tell the dataset format from the name; pass --format {'/'.join(READERS)}")


def load_dataset(
    path: str,
    reader: str | None = None,
    references: str | None = None,
    limit: int | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> list[EvalCluster]:
    """The first ``limit`` clusters of the dataset at ``path`` (all when ``limit`` is None)."""
    if not os.path.exists(path):
        raise UsageError(f"{path}: no such file or directory")
    name = reader or detect_reader(path)
    if name not in READERS:
        raise UsageError(f"unknown dataset format {name!r}; available: {', '.join(READERS)}")
    if references is not None and name != "multinews":
        raise UsageError("--references applies only to the Multi-News .src/.tgt format")
    clusters: list[EvalCluster] = []
    for cluster in READERS[name](path, references=references, max_bytes=max_bytes):
        if limit is not None and len(clusters) >= limit:
            break
        clusters.append(cluster)
    if not clusters:
        raise InputError(path, "the dataset holds no clusters")
    return clusters
