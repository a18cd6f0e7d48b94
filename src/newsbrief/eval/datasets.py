"""Evaluation datasets: clusters of raw documents with one or more reference summaries.

Readers are registered by name in the :class:`~newsbrief.registry.Registry` :data:`READERS` (add
one with ``READERS.register("name")(fn)``);
:func:`load_dataset` picks one from the path when none is named:

* ``jsonl`` — one JSON object per line: ``id``, ``documents`` (raw article texts) and
  ``summary`` (a string) or ``summaries`` (a list), as ``multinews-val250.jsonl``;
* ``multinews`` — the original Multi-News release: ``val.src`` holds one cluster per line,
  documents joined by ``|||||``, and ``val.tgt`` the summary of the same line;
* ``duc`` — a folder holding one sub-folder per cluster of SGML documents (only ``<TEXT>``
  is article body) and reference files anywhere under the same root, in every DUC and TAC
  layout: DUC 2001–2004 (``d30001t/``, ``D30001.M.100.T.A``), DUC 2005–2007 (``D0601A/``,
  ``D0601.M.250.A.A``) and the update task of DUC 2007 / TAC 2008–2011 (``D0801A-A/``, often
  inside ``D0801A/``; ``D0801-A.M.100.A.A``). The id is the cluster number plus the update
  set letter (``D30001``, ``D0601``, ``D0801-A``).

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
from newsbrief.registry import Registry
from newsbrief.settings import DEFAULT_MAX_BYTES


@dataclass(slots=True)
class EvalItem:
    """One item of an evaluation dataset: a story's raw documents (as :class:`Record` objects) and
    its reference summaries. (Named apart from ``textsim.Cluster``, a story's sentence space, and
    from the ``cluster`` package, which sorts articles into stories.)"""

    id: str
    records: list[Record]
    references: list[str]
    source: str = ""  # where it was read from ("val.jsonl:3", "d30001t/")
    warnings: list[str] = field(default_factory=list)

    def articles(self) -> list[Article]:
        return records_to_articles(self.records)


Reader = Callable[..., Iterator[EvalItem]]


def _utf8_size(text: str) -> int:
    return len(text.encode("utf-8", "replace"))


def _check_size(n_bytes: int, name: str, max_bytes: int) -> None:
    if n_bytes > max_bytes:
        raise InputError(name, f"cluster larger than {max_bytes} bytes; refused")


def read_jsonl(path: str, max_bytes: int = DEFAULT_MAX_BYTES, **_: object) -> Iterator[EvalItem]:
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
            yield EvalItem(cluster_id, list(parse_multinews_documents(documents, name)), references, source=name)


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
) -> Iterator[EvalItem]:
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
            yield EvalItem(str(number), records, [summary], source=name)


# Cluster folders: d30001t (DUC 2001-2004), D0601A (2005-2007), D0801A-A (update sets, TAC):
# the cluster number, the assessor letter, and the update set letter if any.
_DUC_CLUSTER_DIR = re.compile(r"^(d\d+)[a-z](?:-([a-z]))?$", re.IGNORECASE)
# References: D30001.M.100.T.A, D0601.M.250.A.A, D0801-A.M.100.A.A (cluster[-set].M.length.letter.assessor).
# NIST names human assessors by letter and systems by number: D0601.M.250.A.12 (NISTeval/ROUGE/peers,
# shipped beside the models) is a system's summary, never a reference.
_DUC_REFERENCE = re.compile(r"^(d\d+)(?:-([a-z]))?\.m\.(\d+)\.[a-z]\.[a-z]$", re.IGNORECASE)


def _duc_id(number: str, update_set: str | None) -> str:
    return number.upper() + (f"-{update_set.upper()}" if update_set else "")


def _nearest_length(references: list[tuple[int, str]], words: int | None) -> list[str]:
    """References of the length closest to the word budget (DUC 2002 has 10- to 400-word ones
    for each cluster); all of them when no budget is given."""
    if words is None:
        return [path for _, path in references]
    best = min(abs(length - words) for length, _ in references)
    return [path for length, path in references if abs(length - words) == best]


def read_duc(
    path: str, max_bytes: int = DEFAULT_MAX_BYTES, words: int | None = None, **_: object
) -> Iterator[EvalItem]:
    """Cluster folders and reference files in any DUC/TAC layout anywhere under ``path`` (module
    docstring); with several reference lengths, those nearest ``words`` are used."""
    folders: dict[str, str] = {}
    references: dict[str, list[tuple[int, str]]] = {}
    for root, dirs, files in os.walk(path):
        dirs.sort()
        for directory in dirs:
            match = _DUC_CLUSTER_DIR.match(directory)
            if match:
                folders[_duc_id(match.group(1), match.group(2))] = os.path.join(root, directory)
        for file_name in sorted(files):
            match = _DUC_REFERENCE.match(file_name)
            if match:
                cluster_id = _duc_id(match.group(1), match.group(2))
                references.setdefault(cluster_id, []).append((int(match.group(3)), os.path.join(root, file_name)))
    # A TAC topic folder (D0801A) holding its update sets (D0801A-A, D0801A-B) is not a cluster itself.
    folders = {
        cluster_id: folder
        for cluster_id, folder in folders.items()
        if cluster_id in references or not any(other.startswith(cluster_id + "-") for other in folders)
    }
    # NIST's evaluation kits ship each reference several times (NISTeval/ROUGE/models, ROUGE/peers for
    # jackknifing, BE/BEmodels as basic-element tuples): where a "models" folder holds references,
    # only those are the references.
    in_models = {
        cluster_id: [(length, file) for length, file in found if _is_models_folder(os.path.dirname(file))]
        for cluster_id, found in references.items()
    }
    if any(in_models.values()):
        references = {cluster_id: found for cluster_id, found in in_models.items() if found}
    if not folders:
        raise InputError(path, "no DUC/TAC cluster folders (named like d30001t, D0601A or D0801A-A) found")
    for cluster_id in sorted(folders):
        folder = folders[cluster_id]
        if cluster_id not in references:
            raise InputError(folder, f"no reference summaries named {cluster_id}.M.* under {path}")
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
        for reference in _nearest_length(references[cluster_id], words):
            with open(reference, encoding="utf-8", errors="replace") as handle:
                summaries.append(handle.read().strip())
        yield EvalItem(cluster_id, records, [s for s in summaries if s], source=folder, warnings=warnings)


def _is_models_folder(folder: str) -> bool:
    return os.path.basename(folder).lower() == "models"


READERS: Registry[Reader] = Registry("dataset format")
_BUILTIN_READERS: dict[str, Reader] = {"jsonl": read_jsonl, "multinews": read_multinews, "duc": read_duc}
for _name, _reader in _BUILTIN_READERS.items():
    READERS.register(_name)(_reader)


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
    words: int | None = None,
) -> list[EvalItem]:
    """The first ``limit`` clusters of the dataset at ``path`` (all when ``limit`` is None); ``words``,
    the summary budget, picks among references of several lengths where a dataset has them."""
    if not os.path.exists(path):
        raise UsageError(f"{path}: no such file or directory")
    name = reader or detect_reader(path)
    read = READERS.get(name)  # an unknown name: a usage error listing the readers
    if references is not None and name != "multinews":
        raise UsageError("--references applies only to the Multi-News .src/.tgt format")
    clusters: list[EvalItem] = []
    for cluster in read(path, references=references, max_bytes=max_bytes, words=words):
        if limit is not None and len(clusters) >= limit:
            break
        clusters.append(cluster)
    if not clusters:
        raise InputError(path, "the dataset holds no clusters")
    return clusters
