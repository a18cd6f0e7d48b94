"""Wall time and peak memory of ``newsbrief brief`` on a story (the bundled example by default).

    python bench/bench_brief.py [STORY_DIR] [--runs 5] [--warm-runs 20] [--compile]

Prints one table:

* cold: a new Python process runs the CLI (``newsbrief.cli.main(["brief", STORY])``), the
  median of ``--runs`` runs; peak RSS (VmHWM) of that child process;
* warm: ``newsbrief.brief()`` in this process, median of ``--warm-runs`` runs after one
  warm-up run; peak RSS of this process after them;
* each with and without ``--no-analysis``;
* the 50 MB refused input: a new process briefing a 50 MB text file (refused by size before
  it is read), its peak RSS next to the CLI's peak on a tiny file for comparison.

Also printed: the median CPU seconds of the cold runs (less sensitive than wall time to a loaded
machine), the load average, and whether newsbrief's bytecode was cached (``--compile`` writes it
first, as a pip install does; without it an editable install under PYTHONDONTWRITEBYTECODE=1
compiles every module on every cold start).

Targets (issue 2): cold <= 3 s, warm <= 1 s on a 2-core machine; issue 9: the example brief
<= 0.5 s cold.
"""

from __future__ import annotations

import argparse
import compileall
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import newsbrief

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "kerry-lavrov-2014"
LARGE_BYTES = 50 * 1024 * 1024


# The child reports its own peak: the kernel's VmHWM of its address space, read from /proc at
# exit. (rusage ru_maxrss of a child started by vfork/exec also counts the parent's pages from
# before the exec, which would charge this benchmark's memory to the CLI.)
PROBE = """
import atexit, sys
from newsbrief.cli import main

def report():
    with open("/proc/self/status") as status:
        peak = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
    with open(sys.argv[1], "w") as out:
        out.write(peak)

atexit.register(report)
sys.exit(main(["brief", *sys.argv[2:]]))
"""


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_child(args: list[str]) -> tuple[float, float, int, float]:
    """Run the CLI in a new process: (wall seconds, peak RSS MiB, exit code, CPU seconds)."""
    with tempfile.NamedTemporaryFile("r", suffix=".peak") as peak_file:
        cpu = _children_cpu()
        start = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-c", PROBE, peak_file.name, *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        wall = time.perf_counter() - start
        peak_kib = int(peak_file.read() or 0)
    return wall, peak_kib / 1024, result.returncode, _children_cpu() - cpu


def cold(story: str, extra: list[str], runs: int) -> tuple[float, float, float]:
    """Median wall seconds, peak RSS MiB and median CPU seconds (user + system) of new processes."""
    results = [run_child([story, *extra]) for _ in range(runs)]
    if any(code != 0 for _, _, code, _ in results):
        raise SystemExit(f"newsbrief brief {story} {' '.join(extra)} failed")
    walls, peaks, _, cpus = zip(*results, strict=True)
    return statistics.median(walls), max(peaks), statistics.median(cpus)


def bytecode_cached() -> bool:
    """Whether newsbrief's modules have compiled bytecode next to them (a pip install writes it;
    an editable install under PYTHONDONTWRITEBYTECODE=1 never does, and every cold start then
    compiles newsbrief's sources, ~0.1-0.2 s)."""
    package = Path(newsbrief.__file__).parent
    return all((package / sub / "__pycache__").is_dir() for sub in ("", "analyse", "ingest"))


def warm(story: str, analyse: bool, runs: int) -> float:
    options = newsbrief.Options(analyse=analyse)
    newsbrief.brief([story], options)  # warm-up: imports, caches
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        newsbrief.brief([story], options)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def self_peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("story", nargs="?", default=str(EXAMPLE))
    parser.add_argument("--runs", type=int, default=5, help="cold runs (median reported)")
    parser.add_argument("--warm-runs", type=int, default=20, help="warm runs after one warm-up (median reported)")

    parser.add_argument(
        "--compile", action="store_true", help="first write newsbrief's bytecode (python -m compileall), as pip does"
    )
    args = parser.parse_args()

    if args.compile:
        compileall.compile_dir(str(Path(newsbrief.__file__).parent), quiet=1)
    load_before = os.getloadavg()[0]
    rows = []
    cpu_rows = []
    for label, extra in (("--no-analysis", ["--no-analysis"]), ("default (analysis)", [])):
        wall, peak, cpu = cold(args.story, extra, args.runs)
        rows.append((f"cold CLI, {label}", wall, peak))
        cpu_rows.append((f"cold CLI, {label}", cpu))
    # warm: without analysis first, so the peak RSS after it is that mode's own peak
    wall = warm(args.story, analyse=False, runs=args.warm_runs)
    rows.append(("warm in-process, --no-analysis", wall, self_peak_mib()))
    wall = warm(args.story, analyse=True, runs=args.warm_runs)
    rows.append(("warm in-process, default (analysis)", wall, self_peak_mib()))

    with tempfile.TemporaryDirectory() as tmp:
        large = Path(tmp) / "large.txt"
        with large.open("wb") as handle:
            line = b"Talks in Paris failed again today, officials said.\n"
            handle.write(line * (LARGE_BYTES // len(line) + 1))
        tiny = Path(tmp) / "tiny.txt"
        tiny.write_text("Talks fail\n\nTalks in Paris failed again today, officials said.\n")
        wall, peak, code, _ = run_child([str(large), "--no-analysis"])
        rows.append((f"50 MB text file, refused (exit {code})", wall, peak))
        wall, peak, code, _ = run_child([str(tiny), "--no-analysis"])
        rows.append((f"tiny text file, for comparison (exit {code})", wall, peak))

    print(f"story: {args.story}  python {sys.version.split()[0]}  cpus: {os.cpu_count()}")
    print(f"{'case':48} {'wall s':>8} {'peak RSS MiB':>13}")
    for name, seconds, peak in rows:
        print(f"{name:48} {seconds:8.3f} {peak:13.1f}")
    for name, cpu in cpu_rows:
        print(f"{name + ': CPU s (user + system)':48} {cpu:8.3f}")
    print(f"cold = median of {args.runs} new processes; warm = median of {args.warm_runs} runs after a warm-up")
    print(
        f"load average (1 min) before / after: {load_before:.2f} / {os.getloadavg()[0]:.2f}; "
        f"newsbrief bytecode cached: {'yes' if bytecode_cached() else 'no (see --compile)'}"
    )
    print("warm peak RSS is this process's peak so far (includes the benchmark's own imports)")


if __name__ == "__main__":
    main()
