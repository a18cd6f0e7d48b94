"""The mixed-stream clustering benchmark: every Multi-News cluster is one gold story, and all
their documents are shuffled into one stream of articles (``"<cluster id>#<n>"``, undated).

Test and bench support: ``tests/test_cluster.py`` checks floors on it, ``bench/bench_cluster.py``
prints the table.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from newsbrief.cluster.run import ClusterRun


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


def gold_and_predicted(run: ClusterRun) -> tuple[list[str], list[str | None]]:
    """Gold story (the cluster id) and predicted story of every article, in key order."""
    keys = sorted(run.assignments)
    return [key.rsplit("#", 1)[0] for key in keys], [run.assignments[key].story for key in keys]
