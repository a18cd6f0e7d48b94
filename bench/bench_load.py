"""Load test of `newsbrief serve` on loopback: valid and hostile requests from concurrent clients.

Starts the server as a subprocess (default limits, 2 briefings at once), then for --seconds
(default 30) --clients threads (default 20) each send requests drawn with a fixed seed from a
mix of valid ones (a small brief, the health check) and hostile ones (a foreign Host, a foreign
Origin, NaN and over-long numbers, a flood of tiny documents, nesting 100k levels deep, an
oversized body, broken JSON), after --warmup seconds (default 10) of the same load. Prints,
per kind: requests, status codes seen, p50/p95 latency;
the error rate of the valid requests (anything but 200); the server's memory (RSS of the
server process and its fork server) after the warm-up and at the end; and whether the server still
answers afterwards.

    nice .venv/bin/python bench/bench_load.py
    nice .venv/bin/python bench/bench_load.py --seconds 10 --clients 5
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import random
import socket
import subprocess
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STORY = [
    {
        "title": "Bridge opens in Perth",
        "text": "The new bridge in Perth opened on Monday after six years of building work.\n\n"
        "The mayor said the bridge cost 40 million dollars and would carry 20,000 cars a day.",
    },
    {
        "title": "Perth crowds at new bridge",
        "text": "Crowds gathered in Perth as the new bridge opened on Monday.\n\n"
        "Officials said the project ran two years late and over budget.",
    },
]
VALID = {"brief", "health"}


def brief_body(extra: str = "") -> bytes:
    return (json.dumps({"documents": STORY, "words": 60})[:-1] + extra + "}").encode()


def requests(port: int) -> dict[str, tuple[str, str, bytes, dict[str, str]]]:
    """kind -> (method, path, body, headers)."""
    host = {"Host": f"127.0.0.1:{port}", "Content-Type": "application/json"}
    return {
        "brief": ("POST", "/api/brief", brief_body(), host),
        "health": ("GET", "/api/health", b"", host),
        "foreign host": ("GET", "/api/health", b"", {**host, "Host": "evil.example.com"}),
        "foreign origin": ("POST", "/api/brief", brief_body(), {**host, "Origin": "http://evil.example.com"}),
        "NaN / 10^5000": ("POST", "/api/brief", brief_body(', "sentences": NaN, "x": ' + "9" * 5000), host),
        "600k tiny docs": ("POST", "/api/brief", json.dumps({"documents": [{"text": "a"}] * 600_000}).encode(), host),
        "deep nesting": ("POST", "/api/brief", b"[" * 100_000 + b"]" * 100_000, host),
        "11 MB body": ("POST", "/api/brief", b" " * (11 * 1024 * 1024), host),
        "broken JSON": ("POST", "/api/brief", b'{"documents": [{"text": "a"', host),
    }


# Draw weights: valid requests are half the load; a brief is the only expensive one.
WEIGHTS = {
    "brief": 2,
    "health": 8,
    "foreign host": 1,
    "foreign origin": 1,
    "NaN / 10^5000": 1,
    "600k tiny docs": 1,
    "deep nesting": 1,
    "11 MB body": 1,
    "broken JSON": 1,
}


def rss_kb(pid: int) -> int:
    """Resident memory of ``pid`` and its descendants (the fork server; briefings come and go)."""
    total = 0
    for task in [pid, *descendants(pid)]:
        try:
            for line in Path(f"/proc/{task}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total


def descendants(pid: int) -> list[int]:
    found = []
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            for child in (task / "children").read_text().split():
                found += [int(child), *descendants(int(child))]
    except OSError:
        pass
    return found


def send(port: int, method: str, path: str, body: bytes, headers: dict[str, str]) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    try:
        connection.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
        for key, value in headers.items():
            connection.putheader(key, value)
        connection.putheader("Content-Length", str(len(body)))
        connection.endheaders()
        with contextlib.suppress(OSError):  # the server answered (413) and closed early: read that answer
            connection.send(body)
        response = connection.getresponse()
        response.read()
        return response.status
    except (OSError, http.client.HTTPException):
        return 0  # connection refused or reset: counted as a failure
    finally:
        connection.close()


def run_load(
    port: int, catalogue: dict[str, tuple[str, str, bytes, dict[str, str]]], seconds: float, clients: int, seed: int
) -> tuple[dict[str, list[float]], dict[str, dict[int, int]]]:
    """``clients`` threads sending weighted random requests for ``seconds``: latencies and statuses."""
    latencies: dict[str, list[float]] = defaultdict(list)
    statuses: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds
    kinds, weights = list(WEIGHTS), list(WEIGHTS.values())

    def client(number: int) -> None:
        rng = random.Random(seed * 1000 + number)
        while time.monotonic() < stop_at:
            kind = rng.choices(kinds, weights)[0]
            started = time.perf_counter()
            status = send(port, *catalogue[kind])
            elapsed = time.perf_counter() - started
            with lock:
                latencies[kind].append(elapsed)
                statuses[kind][status] += 1

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, statuses


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--warmup", type=float, default=10.0, help="seconds of uncounted load first")
    args = parser.parse_args()

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "newsbrief.cli", "serve", "--port", str(port)],
        stderr=subprocess.DEVNULL,
        cwd=ROOT,
    )
    try:
        deadline = time.monotonic() + 60
        while send(port, *requests(port)["health"]) != 200:
            if time.monotonic() > deadline or server.poll() is not None:
                print("the server did not start", file=sys.stderr)
                return 1
            time.sleep(0.2)
        catalogue = requests(port)
        memory_fresh = rss_kb(server.pid)
        # Warm-up: the same load for --warmup seconds, not counted, so that "memory at start" is the
        # steady state (allocator high-water marks, the fork server's first briefings), and growth
        # after it would be a leak.
        run_load(port, catalogue, args.warmup, args.clients, args.seed + 1)
        memory_start = rss_kb(server.pid)
        latencies, statuses = run_load(port, catalogue, args.seconds, args.clients, args.seed)
        memory_end = rss_kb(server.pid)
        still_answers = send(port, *catalogue["health"]) == 200 and send(port, *catalogue["brief"]) == 200
    finally:
        server.terminate()
        server.wait(30)

    def percentile(values: list[float], q: float) -> float:
        ordered = sorted(values)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")

    print(f"load test: {args.clients} clients for {args.seconds:g} s on 127.0.0.1:{port} (seed {args.seed})")
    print(f"{'request':<16} {'n':>6} {'p50 ms':>8} {'p95 ms':>8}  statuses")
    for kind in WEIGHTS:
        seen = ", ".join(f"{code or 'failed'}: {count}" for code, count in sorted(statuses[kind].items()))
        p50, p95 = percentile(latencies[kind], 0.5) * 1000, percentile(latencies[kind], 0.95) * 1000
        print(f"{kind:<16} {len(latencies[kind]):>6} {p50:>8.1f} {p95:>8.1f}  {seen}")
    valid = sum(sum(statuses[k].values()) for k in VALID)
    valid_errors = sum(count for k in VALID for code, count in statuses[k].items() if code != 200)
    hostile_5xx = sum(count for k in WEIGHTS if k not in VALID for code, count in statuses[k].items() if code >= 500)
    growth = (memory_end - memory_start) / memory_start * 100
    print(f"valid requests: {valid}, errors {valid_errors} ({valid_errors / max(valid, 1):.1%})")
    print(f"hostile requests answered 5xx or dropped: {hostile_5xx}")
    print(
        f"server memory (RSS, server + fork server): {memory_fresh / 1024:.1f} MiB idle at start, "
        f"{memory_start / 1024:.1f} MiB after the warm-up, "
        f"{memory_end / 1024:.1f} MiB at the end ({growth:+.1f} %)"
    )
    print(f"still answering afterwards: {'yes' if still_answers else 'NO'}")
    ok = valid_errors == 0 and hostile_5xx == 0 and growth <= 10 and still_answers
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
