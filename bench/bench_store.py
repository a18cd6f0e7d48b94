"""The story store at scale: fill a store with N synthetic articles, then time `stories` and
adding a batch of new articles, and report the store's size on disk and peak memory.

Synthetic articles (fixed seed): stories of 2-14 articles, each story with its own made-up
vocabulary mixed into common English filler, dated over a year so the clustering time window
matters, 50 outlets, unique URLs. The timed commands run as child processes pinned to one
core (``newsbrief stories`` and ``newsbrief track``), so their wall time and peak RSS are
their own, not the filling's.

    nice .venv/bin/python bench/bench_store.py                   # 100,000 articles + 1,000 new
    nice .venv/bin/python bench/bench_store.py --articles 5000   # quicker, on a shared machine
    nice .venv/bin/python bench/bench_store.py --quality         # Multi-News fed in rounds: B-cubed
    nice .venv/bin/python bench/bench_store.py --quality --halves  # ... on the tune / report halves
    nice .venv/bin/python bench/bench_store.py --quality --data ../devdata/duc2006/duc2006_docs  # unseen
    .venv/bin/python bench/bench_store.py --db postgresql://user@127.0.0.1:5432/bench
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from newsbrief.store import list_stories, open_store, track

FILLER = (
    "the a of and to in on for with at by from that this was were is are said says officials people report "
    "according told week day morning evening after before during later earlier new first last several many "
    "more most other some local national city country region government group statement added also still "
    "however while when where which who because although since until over under between among"
).split()
SYLLABLES = "ka lo mi ne ru sa te vo zu pi ga bo fe di hu ja ko li mo nu ta re".split()
ROOT = Path(__file__).resolve().parent.parent
CHUNK = 10_000  # articles per fill run (one JSONL file each)


def articles(n: int, seed: int, first_story: int = 0) -> Iterator[dict]:
    """``n`` synthetic articles, story by story."""
    rng = random.Random(seed)
    made, story = 0, first_story
    start = date(2025, 1, 1)
    while made < n:
        vocab = ["".join(rng.choice(SYLLABLES) for _ in range(4)) for _ in range(20)]
        day = start + timedelta(days=rng.randrange(365))
        for _ in range(min(rng.randint(2, 14), n - made)):
            words = [rng.choice(vocab) if rng.random() < 0.4 else rng.choice(FILLER) for _ in range(130)]
            made += 1
            yield {
                "id": f"bench-{seed}-{made}",
                "title": " ".join(rng.sample(vocab, 4)).capitalize(),
                "text": ". ".join(" ".join(words[k : k + 13]).capitalize() for k in range(0, 130, 13)) + ".",
                "url": f"https://outlet{rng.randrange(50)}.example/{seed}/{made}",
                "published": (day + timedelta(days=rng.randrange(3))).isoformat(),
            }
        story += 1


def write_jsonl(path: Path, items: Iterator[dict]) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for item in items:
            handle.write(json.dumps(item) + "\n")


def timed_child(args: list[str]) -> tuple[float, int]:
    """Run ``newsbrief ARGS`` on one core; return (wall seconds, peak RSS in MiB)."""
    # VmHWM is the peak of this process's own memory since its exec; ru_maxrss would also count the
    # (large, after filling) bench process the child was forked from.
    code = (
        "import re, sys\nfrom newsbrief.cli import main\ntry:\n    rc = main(sys.argv[1:])\n"
        "except SystemExit as exc:\n    rc = exc.code\n"
        "status = open('/proc/self/status').read()\n"
        "print('peak_kib', re.search(r'VmHWM:\\s+(\\d+)', status).group(1), file=sys.stderr)\nsys.exit(rc)"
    )
    pin = (
        (lambda: os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})) if hasattr(os, "sched_setaffinity") else None
    )
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, preexec_fn=pin, check=False
    )
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"newsbrief {' '.join(args)} failed: {done.stderr.strip()}")
    rss_kib = int(done.stderr.strip().splitlines()[-1].split()[-1])
    return elapsed, rss_kib // 1024


def disk_size(db: str) -> int | None:
    if "://" in db:
        return None
    return sum(os.path.getsize(db + suffix) for suffix in ("", "-wal", "-shm") if os.path.exists(db + suffix))


def quality(data: Path, halves: bool) -> int:
    """B-cubed of the stored stories when the mixed Multi-News stream (or a DUC docs folder's)
    arrives in 1, 2 or 3 rounds (with ``halves``: on the Multi-News tune half, the report half and
    all clusters, 3 rounds only)."""
    sys.path.insert(0, str(ROOT / "tests"))
    from cluster_eval import gold_and_predicted, split_halves, store_rounds, write_stream
    from newsbrief.cluster import bcubed
    from newsbrief.cluster.run import cluster_inputs
    from newsbrief.settings import Options

    print("| clusters | run | B-cubed P | B-cubed R | **B-cubed F1** |\n| --- | --- | --- | --- | --- |")
    with tempfile.TemporaryDirectory(prefix="newsbrief-bench-quality-") as tmp:
        folder = Path(tmp)
        for label, part in split_halves(data, folder) if halves else [("all", data)]:
            stream = folder / "stream.jsonl"
            write_stream(part, 0, stream)
            gold, predicted = gold_and_predicted(cluster_inputs([str(stream)], Options()))
            runs = [("one-shot `newsbrief cluster`", bcubed(predicted, gold))]
            for rounds in (3,) if halves else (1, 2, 3):
                db = folder / f"{label.split()[0]}-{rounds}.db"
                gold, stored = store_rounds(stream, rounds, str(db), folder)
                runs.append((f"store, {rounds} round{'s' if rounds > 1 else ''}", bcubed(stored, gold)))
            for name, score in runs:
                print(f"| {label} | {name} | {score.precision:.3f} | {score.recall:.3f} | **{score.f1:.3f}** |")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=100_000, help="articles stored before the timing")
    parser.add_argument("--new", type=int, default=1_000, help="new articles added in the timed run")
    parser.add_argument("--db", help="store to fill (default: a SQLite file in a temporary folder)")
    parser.add_argument(
        "--measure-only", action="store_true", help="time an existing --db store of --articles articles, no fill"
    )
    parser.add_argument("--quality", action="store_true", help="instead: Multi-News stories fed in rounds (B-cubed)")
    parser.add_argument(
        "--halves", action="store_true", help="with --quality: the tune half, the report half and all clusters"
    )
    parser.add_argument(
        "--data",
        type=Path,
        default=ROOT.parent / "shared" / "eval" / "multinews-val250.jsonl",
        help="with --quality: a Multi-News JSONL file or a DUC docs folder (one folder per topic)",
    )
    args = parser.parse_args()
    if args.quality:
        if not args.data.exists():
            raise SystemExit(f"benchmark data not found at {args.data} (give --data PATH)")
        if args.halves and args.data.is_dir():
            raise SystemExit("--halves splits the Multi-News clusters; a DUC folder is scored whole")
        return quality(args.data, args.halves)
    with tempfile.TemporaryDirectory(prefix="newsbrief-bench-store-") as tmp:
        folder = Path(tmp)
        db = args.db or str(folder / "store.db")
        store = open_store(db)
        started = time.perf_counter()
        for number, offset in enumerate(range(0, 0 if args.measure_only else args.articles, CHUNK)):
            part = folder / f"fill-{number}.jsonl"
            write_jsonl(part, articles(min(CHUNK, args.articles - offset), seed=number + 1))
            track(store, [str(part)])
            part.unlink()
            print(
                f"filled {min(offset + CHUNK, args.articles)} articles, {time.perf_counter() - started:.0f} s",
                file=sys.stderr,
            )
        fill_s = time.perf_counter() - started
        store.close()
        stories_s, stories_mib = timed_child(["stories", "--db", db, "--format", "json"])
        new = folder / "new.jsonl"
        write_jsonl(new, articles(args.new, seed=10_000))
        add_s, add_mib = timed_child(["track", str(new), "--db", db, "-q"])
        startup_s, _ = timed_child(["--version"])
        store = open_store(db)
        query_started = time.perf_counter()
        stories = len(json.dumps({"stories": list_stories(store)}))
        query_s = time.perf_counter() - query_started
        stories = len(list_stories(store))
        store.close()
        size = disk_size(db)
        rows = [
            ("stored articles", f"{args.articles:,}"),
            ("stories", f"{stories:,}"),
            ("fill time (in-process, all cores)", f"{fill_s:.0f} s"),
            ("stories query + JSON (in-process, the `stories` answer)", f"{query_s:.3f} s"),
            (
                "`newsbrief stories --format json` (one core, whole process)",
                f"{stories_s:.2f} s, peak {stories_mib} MiB",
            ),
            ("(of which the CLI's start-up, `newsbrief --version`)", f"{startup_s:.2f} s"),
            (f"`newsbrief track` of {args.new:,} new articles (one core)", f"{add_s:.1f} s, peak {add_mib} MiB"),
            (
                "store size on disk",
                f"{size / 2**20:.0f} MiB ({size / args.articles / 1024:.1f} KiB per article)"
                if size
                else "n/a (PostgreSQL)",
            ),
        ]
        print("| measure | value |\n| --- | --- |")
        for name, value in rows:
            print(f"| {name} | {value} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
