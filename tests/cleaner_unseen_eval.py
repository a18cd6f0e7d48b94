"""Score cleaning and sentence segmentation on the unseen labelled documents (issue 9).

Each labelled document (:mod:`unseen_labels`) goes through newsbrief's public pipeline as a
user's input would: ingest records -> articles -> :func:`newsbrief.clean.clean` ->
:func:`newsbrief.segment.segment`. Only ``Article.title``, ``Article.text`` and
``Article.sentences`` are read, so the score keeps working however the cleaner changes.

How an output is compared with the labels (robust to whitespace, rewrapping, dropped entities
or a reordered title): the word tokens (runs of letters and digits, lower-cased) of the gold paragraphs, in order,
are aligned with those of the output (title, then text) by :class:`difflib.SequenceMatcher`.

* A paragraph counts as **kept** when at least :data:`KEPT_COVERAGE` of its word tokens are
  aligned to the output. Precision and recall are reported for both classes (``keep`` is the
  positive class of "keep precision/recall"); paragraphs without a word token ("+", "— —") are
  left out and counted.
* **Sentence boundaries** are scored on paragraphs that are gold ``keep`` and kept: a gold
  boundary is the first word token of each labelled sentence, a predicted boundary is an aligned
  token that is the first word token of an ``Article.sentences`` item (a title is one
  sentence). Only aligned tokens are compared, so a removed word neither helps nor hurts; a
  paragraph's first token counts (two paragraphs run together into one sentence is an error).
  ``inside`` repeats the score without paragraph-initial boundaries.

Run ``.venv/bin/python tests/cleaner_unseen_eval.py --split tune`` (or ``report``) for the table;
``--errors`` lists every wrong paragraph and boundary. ``--split fresh`` scores the second draw
(paragraphs only: its sentences are not labelled).
"""

from __future__ import annotations

import argparse
import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher

import unseen_labels
from cleaner_eval import label_precision, label_recall
from newsbrief.clean import clean
from newsbrief.ingest import FORMATS, records_to_articles
from newsbrief.ingest.formats import Record, detect_format, parse_multinews_documents
from newsbrief.model import Article
from newsbrief.segment import segment
from unseen_labels import DROP, KEEP, Document

# Half the words surviving is the line between "kept, maybe trimmed" and "dropped, a few words
# left in a neighbour"; paragraphs sit near 0 or 1 (--errors prints the coverage of each miss).
KEPT_COVERAGE = 0.5
_WORD = re.compile(r"[^\W_]+")  # letters and digits; "_" is the wire services' dash and "___" a rule


def sgml_records(text: str, name: str) -> list[Record]:
    """A DUC/TREC SGML file as newsbrief reads it: through ingest's container reader."""
    return list(FORMATS[detect_format(name, text)](text, name))


def records(document: Document) -> list[Record]:
    """The document as newsbrief's ingest reads it."""
    if document.source == "multinews":
        return list(parse_multinews_documents([document.raw], document.key))
    return sgml_records(document.raw, document.key)


def process(document: Document) -> list[Article]:
    articles = records_to_articles(records(document))
    for article in articles:
        segment(clean(article))
    return articles


def _output_tokens(articles: list[Article]) -> tuple[list[str], list[bool]]:
    """Word tokens of every article's title and text, and whether each opens a sentence."""
    tokens: list[str] = []
    starts: list[bool] = []
    for article in articles:
        if article.title:
            title = _WORD.findall(article.title.value.lower())
            tokens += title
            starts += [i == 0 for i in range(len(title))]
        sentence_starts = [s.start for s in article.sentences]
        sentence_ends = [s.end for s in article.sentences]
        opened: set[int] = set()
        for match in _WORD.finditer(article.text):
            tokens.append(match.group().lower())
            k = bisect.bisect_right(sentence_starts, match.start()) - 1
            inside = k >= 0 and match.start() < sentence_ends[k]
            starts.append(inside and k not in opened)
            if inside:
                opened.add(k)
    return tokens, starts


@dataclass
class Score:
    paragraphs: Counter[tuple[str, str]] = field(default_factory=Counter)  # (gold, predicted) -> n
    categories: dict[str, list[int]] = field(default_factory=dict)  # gold category -> [right, total]
    boundaries: Counter[str] = field(default_factory=Counter)  # tp / fp / fn, and inside_* alike
    sentences: int = 0  # gold sentences in scored paragraphs
    unscorable: int = 0
    documents: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)

    def precision(self, label: str) -> float:
        return label_precision(self.paragraphs, label)

    def recall(self, label: str) -> float:
        return label_recall(self.paragraphs, label)

    def boundary(self, prefix: str = "") -> tuple[float, float, float]:
        tp, fp, fn = (self.boundaries[prefix + k] for k in ("tp", "fp", "fn"))
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_document(document: Document, result: Score) -> None:
    gold_tokens: list[str] = []
    owner: list[int] = []  # paragraph position of each gold token
    gold_start: list[bool] = []
    for position, paragraph in enumerate(document.paragraphs):
        matches = list(_WORD.finditer(paragraph.text.lower()))
        token_starts = [m.start() for m in matches]
        first_tokens = {bisect.bisect_left(token_starts, s) for s in paragraph.starts}
        for i, match in enumerate(matches):
            gold_tokens.append(match.group())
            owner.append(position)
            gold_start.append(i in first_tokens)
    out_tokens, out_start = _output_tokens(process(document))
    aligned: dict[int, int] = {}
    matcher = SequenceMatcher(None, gold_tokens, out_tokens, autojunk=False)
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            aligned[block.a + k] = block.b + k
    per_paragraph: dict[int, list[int]] = {}
    for g, position in enumerate(owner):
        per_paragraph.setdefault(position, []).append(g)
    result.documents[document.source] += 1
    for position, paragraph in enumerate(document.paragraphs):
        tokens = per_paragraph.get(position, [])
        where = f"{document.key} paragraph {paragraph.index}"
        if not tokens:
            result.unscorable += 1
            continue
        coverage = sum(g in aligned for g in tokens) / len(tokens)
        predicted = KEEP if coverage >= KEPT_COVERAGE else DROP
        result.paragraphs[(paragraph.label, predicted)] += 1
        right = result.categories.setdefault(paragraph.category, [0, 0])
        right[0] += predicted == paragraph.label
        right[1] += 1
        if predicted != paragraph.label:
            result.errors.append(
                f"{where} [{paragraph.label}/{paragraph.category}] kept {coverage:.0%}: {paragraph.text[:70]!r}"
            )
        if paragraph.label != KEEP or predicted != KEEP or not document.sentences_labelled:
            continue
        result.sentences += len(paragraph.starts)
        first = tokens[0]
        for g in tokens:
            if g not in aligned:
                continue
            gold, guess = gold_start[g], out_start[aligned[g]]
            kinds = ("", "inside_") if g != first else ("",)
            for kind in kinds:
                if gold and guess:
                    result.boundaries[kind + "tp"] += 1
                elif gold or guess:
                    result.boundaries[kind + ("fn" if gold else "fp")] += 1
            if gold != guess:
                context = " ".join(gold_tokens[max(first, g - 4) : g + 4])
                result.errors.append(f"{where} {'missed' if gold else 'extra'} sentence start at: ...{context}...")


def score(split: str, sources: tuple[str, ...] = ("multinews", "duc")) -> Score:
    result = Score()
    for document in unseen_labels.load(split, sources):
        score_document(document, result)
    return result


def table(result: Score, errors: bool = False) -> str:
    pairs = result.paragraphs
    gold = Counter(g for (g, _), n in pairs.items() for _ in range(n))
    rows = [
        f"documents: {dict(result.documents)}; paragraphs scored: {sum(pairs.values())} "
        f"(keep {gold[KEEP]}, drop {gold[DROP]}; {result.unscorable} without a word left out)",
        f"{'paragraphs':10} {'precision':>9} {'recall':>7}",
        *(f"{label:10} {result.precision(label):9.3f} {result.recall(label):7.3f}" for label in (KEEP, DROP)),
        "right by gold category: " + ", ".join(f"{c} {r}/{n}" for c, (r, n) in sorted(result.categories.items())),
        f"sentence boundaries ({result.sentences} gold sentences in kept paragraphs):",
        f"{'':10} {'precision':>9} {'recall':>7} {'F1':>6}",
    ]
    for name, prefix in (("all", ""), ("inside", "inside_")):
        p, r, f = result.boundary(prefix)
        rows.append(f"{name:10} {p:9.3f} {r:7.3f} {f:6.3f}")
    if errors:
        rows += ["errors:"] + [f"  {e}" for e in result.errors] if result.errors else ["errors: none"]
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=unseen_labels.SETS, default="tune", help="fresh: the second draw")
    parser.add_argument("--source", choices=("multinews", "duc"), action="append", help="default: both")
    parser.add_argument("--errors", action="store_true", help="list every wrong paragraph and boundary")
    args = parser.parse_args()
    print(table(score(args.split, tuple(args.source or ("multinews", "duc"))), errors=args.errors))


if __name__ == "__main__":
    main()
