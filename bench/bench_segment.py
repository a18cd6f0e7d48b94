"""Cleaning and segmentation time on pathological one-line inputs: it must grow linearly.

Each input is one line of N characters built from a repeating unit that stresses a rule of the
cleaner or the segmenter (a run of dots once made the boundary regex quadratic: 20,000 dots took
5.8 s). Prints seconds per input and the ratio to the 10k time; linear time shows ratios near
10 and 100.

    .venv/bin/python bench/bench_segment.py
"""

from __future__ import annotations

import time

from newsbrief.clean import clean_text
from newsbrief.model import Article
from newsbrief.segment import segment

# (each unit also passes through the cleaner's rules: the capitalised words once sent the credit
# rules' name patterns into exponential backtracking)
UNITS = {
    "dots": ".",
    "question marks and quotes": "?'",
    "dot space": ". ",
    "initials": "A. ",
    "capitalised words": "".join(f"{a}{b} " for a in "ABCDEF" for b in "aeiou"),  # 30 names, no repeat
    "lower-case run then a stop": "a" * 5000 + ". ",
    "dotted acronyms": "U.S.",
    "closing quotes": "''",
    "full-width stops": "。",
    "cjk text": "中文句子。",
    "spaces and a dot": "      .",
    "hard-wrapped lines (many lines)": "word " * 13 + "\n",
}
SIZES = (10_000, 100_000, 1_000_000)


def run(text: str) -> float:
    started = time.perf_counter()
    cleaned, _ = clean_text(text)
    segment(Article(id=1, path="bench", raw_text=text, text=cleaned))
    return time.perf_counter() - started


def main() -> None:
    print(
        f"| {'input (one line of N characters)':<34} | " + " | ".join(f"{n:>9,} chars" for n in SIZES) + " | ratios |"
    )
    print(f"|{'-' * 36}|" + "|".join("-" * 17 for _ in SIZES) + "|--------|")
    for name, unit in UNITS.items():
        times = [run((unit * (n // len(unit) + 1))[:n]) for n in SIZES]
        ratios = "/".join(f"{t / times[0]:.0f}" for t in times[1:])
        print(f"| {name:<34} | " + " | ".join(f"{t:>13.3f} s" for t in times) + f" | {ratios} |")


if __name__ == "__main__":
    main()
