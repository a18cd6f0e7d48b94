"""What `batch --resume` costs before it briefs anything: reading the ids of a big output.

Writes a synthetic batch output of about --mb megabytes (lines shaped like real results: the id
first, then a brief of ~--line-kb kilobytes; one line in 20 an error) and times, each in a fresh
process so peak memory is its own:

* ``recover`` (what --resume runs): streams the file, reads each line's id from its head;
* for comparison, what reading the whole file and parsing every line costs (how --resume worked
  before issue 14: 12.5 s and 1.43 GB on a 717 MB output).

    nice .venv/bin/python bench/bench_resume.py
    nice .venv/bin/python bench/bench_resume.py --mb 700
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

MEASURE = """
import json, resource, sys, time
from newsbrief.batch.output import recover  # imported in both: the same baseline memory
path, how = sys.argv[1], sys.argv[2]
start = time.perf_counter()
if how == "recover":
    found = recover(path)
    ids = len(found.briefed) + len(found.failed)
else:
    with open(path, "rb") as handle:
        data = handle.read()
    ids = len({json.loads(line)["id"] for line in data.split(b"\\n") if line})
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"ids": ids, "seconds": seconds, "peak_mib": peak}))
"""


def write_output(path: Path, megabytes: int, line_kb: int) -> int:
    sentence = "The new bridge opened on Monday after six years of building work, officials said. "
    brief = {"schema_version": "1", "summary": [{"text": sentence * (line_kb * 1024 // len(sentence) // 2)}] * 2}
    lines = 0
    with path.open("w", encoding="utf-8") as handle:
        while handle.tell() < megabytes * 1024 * 1024:
            result = {"id": f"story-{lines:07d}"}
            result |= {"error": "NoUsableInput: nothing"} if lines % 20 == 19 else {"brief": brief}
            handle.write(json.dumps(result, ensure_ascii=False) + "\n")
            lines += 1
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=int, default=300, help="size of the synthetic output (default 300)")
    parser.add_argument("--line-kb", type=int, default=20, help="size of one result line (default 20)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "out.jsonl"
        lines = write_output(path, args.mb, args.line_kb)
        size = path.stat().st_size / 1024 / 1024
        print(f"synthetic output: {size:.0f} MiB, {lines} lines of ~{args.line_kb} KB")
        print(f"{'method':<32} {'ids':>8} {'seconds':>8} {'peak MiB':>9}")
        for how, label in (("recover", "recover (batch --resume)"), ("whole", "read whole file, parse lines")):
            run = subprocess.run([sys.executable, "-c", MEASURE, str(path), how], capture_output=True, text=True)
            if run.returncode != 0:
                print(f"{label:<32} failed: {run.stderr.strip().splitlines()[-1]}")
                continue
            result = json.loads(run.stdout)
            print(f"{label:<32} {result['ids']:>8} {result['seconds']:>8.2f} {result['peak_mib']:>9.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
