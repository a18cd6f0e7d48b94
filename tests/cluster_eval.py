"""The mixed-stream clustering benchmark: every Multi-News cluster is one gold story, and all
their documents are shuffled into one stream of articles (``"<cluster id>#<n>"``, undated).
The unseen check does the same with the DUC 2006 topic folders (``"<topic>#<document id>"``,
headline as title, undated: a topic's documents span years, so a time window would split it).

Test and bench support: ``tests/test_cluster.py`` checks floors on it, ``bench/bench_cluster.py``
prints the table.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from newsbrief.cluster.run import ClusterRun
from newsbrief.ingest import FORMATS
from newsbrief.ingest.formats import detect_format


def write_mixed_stream(data: Path, seed: int, target: Path) -> int:
    """Write every document of every cluster as one article line, shuffled; return the count."""
    lines = []
    for raw in data.read_text(encoding="utf-8").splitlines():
        record = json.loads(raw)
        for number, document in enumerate(record["documents"], start=1):
            if document.strip():
                lines.append(json.dumps({"id": f"{record['id']}#{number}", "text": document}))
    random.Random(seed).shuffle(lines)
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


def write_duc_stream(folder: Path, seed: int, target: Path) -> int:
    """Write every document of a DUC docs folder (one folder per topic, SGML files) as one article
    line, as ingest's container reader parses it (title and text, no date), shuffled; return the count."""
    lines = []
    for topic in sorted(path for path in folder.iterdir() if path.is_dir()):
        for path in sorted(topic.iterdir()):
            text = path.read_text(encoding="latin-1")
            for record in FORMATS[detect_format(path.name, text)](text, path.name):
                document = record.name.rpartition("#")[2]  # "<file>#<document id>"
                fields = {"id": f"{topic.name}#{document}", "title": record.title, "text": record.text}
                lines.append(json.dumps({k: v for k, v in fields.items() if v}))
    random.Random(seed).shuffle(lines)
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


def write_stream(data: Path, seed: int, target: Path) -> int:
    """The mixed stream of a benchmark: a DUC docs folder, or a Multi-News JSONL file."""
    return write_duc_stream(data, seed, target) if data.is_dir() else write_mixed_stream(data, seed, target)


# The fixed split of the benchmark's clusters into a tune half and a report half: settings are
# chosen on the tune half only, and what is kept must hold on the report half.
SPLIT_SEED = 2026


def split_halves(data: Path, folder: Path, seed: int = SPLIT_SEED) -> list[tuple[str, Path]]:
    """Write the tune half and the report half of the benchmark's clusters (a seeded sample of
    half the cluster ids) as benchmark files; return them with the whole file, labelled."""
    records = data.read_text(encoding="utf-8").splitlines()
    ids = sorted(json.loads(raw)["id"] for raw in records)
    tune = set(random.Random(seed).sample(ids, len(ids) // 2))
    halves = []
    for label, keep in (("tune half", True), ("report half", False)):
        path = folder / f"{label.split()[0]}.jsonl"
        path.write_text("\n".join(r for r in records if (json.loads(r)["id"] in tune) == keep) + "\n", encoding="utf-8")
        halves.append((f"{label} ({sum((json.loads(r)['id'] in tune) == keep for r in records)} clusters)", path))
    return [*halves, (f"all {len(ids)} clusters", data)]


def gold_and_predicted(run: ClusterRun) -> tuple[list[str], list[str | None]]:
    """Gold story (the cluster id) and predicted story of every article, in key order."""
    keys = sorted(run.assignments)
    return [key.rsplit("#", 1)[0] for key in keys], [run.assignments[key].story for key in keys]


def store_rounds(stream: Path, rounds: int, db: str, work: Path) -> tuple[list[str], list[str | None]]:
    """Feed a mixed stream to a story store in ``rounds`` equal parts (one ``track`` each) and
    return gold and stored story of every input line. A line whose text was already stored
    (Multi-News repeats some documents) gets the story of the stored copy."""
    from sqlalchemy import select

    from newsbrief.store import open_store, track
    from newsbrief.store.articles import content_hash
    from newsbrief.store.schema import articles

    lines = stream.read_text(encoding="utf-8").splitlines()
    size = -(-len(lines) // rounds)
    store = open_store(db)
    try:
        for number in range(rounds):
            part = work / f"round-{number + 1}.jsonl"
            part.write_text("\n".join(lines[number * size : (number + 1) * size]) + "\n", encoding="utf-8")
            track(store, [str(part)])
        with store.read() as conn:
            story_of = dict(conn.execute(select(articles.c.content_hash, articles.c.story)).all())
    finally:
        store.close()
    records = [json.loads(line) for line in lines]
    return [r["id"].rsplit("#", 1)[0] for r in records], [story_of[content_hash(r["text"])] for r in records]
