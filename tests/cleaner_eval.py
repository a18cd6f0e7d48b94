"""Score the cleaner against the hand-labelled example articles (tests/fixtures/cleaner_labels).

Each TSV row is one non-blank raw line: ``line`` (1-based, as ``str.splitlines``), ``label``
(``keep``/``drop``, decided by reading the page as an editor would), ``category`` (why) and the
whitespace-normalised ``text`` (checked, so labels cannot drift from the articles).

Run ``python tests/cleaner_eval.py`` to print the precision/recall table.
"""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from newsbrief.clean import line_labels

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "tests" / "fixtures" / "cleaner_labels"
EXAMPLE = ROOT / "examples" / "kerry-lavrov-2014"


def label_precision(pairs: Counter[tuple[str, str]], label: str) -> float:
    """Of the items predicted ``label`` (counts of (gold, predicted) pairs), the share that are; 1 when none."""
    predicted = sum(n for (_, p), n in pairs.items() if p == label)
    return pairs[(label, label)] / predicted if predicted else 1.0


def label_recall(pairs: Counter[tuple[str, str]], label: str) -> float:
    """Of the items whose gold label is ``label``, the share predicted so; 1 when none."""
    gold = sum(n for (g, _), n in pairs.items() if g == label)
    return pairs[(label, label)] / gold if gold else 1.0


@dataclass
class Score:
    # counts of (gold, predicted) pairs over labelled lines
    pairs: Counter[tuple[str, str]] = field(default_factory=Counter)
    # gold drop category -> (caught, total)
    categories: dict[str, list[int]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def precision(self, label: str) -> float:
        return label_precision(self.pairs, label)

    def recall(self, label: str) -> float:
        return label_recall(self.pairs, label)


def load(tsv: Path) -> list[dict[str, str]]:
    with tsv.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def score() -> Score:
    result = Score()
    for tsv in sorted(LABELS.glob("*.tsv")):
        raw = (EXAMPLE / f"{tsv.stem}.txt").read_text(encoding="utf-8")
        lines = raw.splitlines()
        predicted = line_labels(raw)
        for row in load(tsv):
            index = int(row["line"]) - 1
            if " ".join(lines[index].split()) != row["text"]:
                raise ValueError(f"{tsv.name}:{row['line']}: label text does not match the article line")
            gold = row["label"]
            guess = "keep" if predicted[index] is None else "drop"
            result.pairs[(gold, guess)] += 1
            if gold == "drop":
                caught = result.categories.setdefault(row["category"], [0, 0])
                caught[0] += guess == "drop"
                caught[1] += 1
            if gold != guess:
                result.errors.append(f"{tsv.stem}:{row['line']} gold={gold}/{row['category']} got={predicted[index]}")
    return result


def table(result: Score) -> str:
    rows = [
        f"lines labelled: {sum(result.pairs.values())} "
        f"(keep {result.pairs[('keep', 'keep')] + result.pairs[('keep', 'drop')]}, "
        f"drop {result.pairs[('drop', 'drop')] + result.pairs[('drop', 'keep')]})",
        f"{'class':6} {'precision':>9} {'recall':>7}",
    ]
    rows += [f"{label:6} {result.precision(label):9.3f} {result.recall(label):7.3f}" for label in ("drop", "keep")]
    rows.append("drop recall by category:")
    rows += [f"  {name:18} {c}/{n}" for name, (c, n) in sorted(result.categories.items())]
    rows += ["errors:"] + [f"  {e}" for e in result.errors] if result.errors else ["errors: none"]
    return "\n".join(rows)


if __name__ == "__main__":
    print(table(score()))
