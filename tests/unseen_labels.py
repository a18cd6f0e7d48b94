"""Hand-labelled paragraphs and sentence boundaries of unseen Multi-News and DUC 2006 documents.

The texts are development data and are never committed: ``tests/fixtures/unseen_cleaner_labels/``
holds only, per document, its key and per paragraph its index, a sha1 of its whitespace-normalised
text, the first characters, the label (``keep``/``drop``), a category and, for kept paragraphs,
the sentence starts as character offsets into the normalised text. :func:`load` reads the texts
from the dev data and checks every sha1, so a label can never silently drift from its text.

Documents (issue 9, "Development data"), drawn by :func:`draw`:

* 40 Multi-News validation documents: clusters sampled with ``random.Random(9)`` from
  ``multinews-val250.jsonl``, lines 200-250 excluded (read by another helper for development;
  both readings of "lines 200-249" are excluded), then one non-blank document of each cluster;
  a paragraph is each non-blank segment between line breaks (``NEWLINE_CHAR`` in the original
  release, ``\\n`` in the JSONL);
* 20 DUC 2006 documents sampled with a fresh ``random.Random(9)`` from clusters D0616-D0650
  (D0601-D0615 are read by another helper); paragraph 0 is the ``<HEADLINE>`` when there is one
  (category ``title``), then each ``<P>`` block of ``<TEXT>``; where a ``<TEXT>`` has no ``<P>``, a
  paragraph starts at each indented line (tab or two spaces, the wire services' convention) or
  after a blank line.

A second draw, the ``fresh`` set (issue 9, wave 9; :func:`draw_fresh`), holds 40 more Multi-News
validation documents from clusters in neither split nor lines 200-250, sampled with
``random.Random(20261209)`` as above: material for writing cleaner rules after the tune half had
almost no errors left to learn from. Its paragraphs are labelled, its sentences are not (its files
say ``"sentences": false``; kept paragraphs then carry no starts and only paragraphs are scored).

A third draw, the ``wave10`` set (issue 9, wave 10; :func:`draw_wave10`), holds 30 Multi-News validation
documents from clusters in no earlier draw and outside lines 200-250, sampled with ``random.Random(20261210)``
as above, and 10 DUC 2006 documents of clusters D0616-D0650 outside the first draw, sampled with a fresh
``random.Random(20261210)``: labelled because rules fitted to the tune half and the fresh set had not moved
the report half. Like the fresh set, its sentences are not labelled and its files hold no text.

The tune / report split is by hashing the document key (:func:`split_of`). Labels were made by
reading each document: a mechanical pre-split (paragraphs as above, sentence starts after
terminal punctuation) was checked and corrected by hand. A page's title is ``keep``/``title``;
categories of dropped paragraphs: ``caption``, ``credit``, ``promo``, ``comment``,
``navigation``, ``other-furniture``.
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
import random
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "tests" / "fixtures" / "unseen_cleaner_labels"
MULTINEWS = Path(os.environ.get("NEWSBRIEF_EVAL_DATA", ROOT.parent / "shared" / "eval" / "multinews-val250.jsonl"))
DUC2006 = Path(os.environ.get("NEWSBRIEF_DUC2006", ROOT.parent / "devdata" / "duc2006"))
SPLITS = ("tune", "report")
FRESH = "fresh"
WAVE10 = "wave10"
FRESH_SETS = (FRESH, WAVE10)  # labelled for writing rules; their sentences are not labelled
SETS = (*SPLITS, *FRESH_SETS)  # what load() reads: the two halves of the first draw, and the later draws
SEED = 9
FRESH_SEED = 20261209
FRESH_DOCUMENTS = 40
WAVE10_SEED = 20261210
WAVE10_DOCUMENTS = 30
WAVE10_DUC_DOCUMENTS = 10
MULTINEWS_DOCUMENTS = 40
MULTINEWS_EXCLUDED_LINES = range(200, 251)  # 1-based, read by another helper
DUC_DOCUMENTS = 20
DUC_CLUSTERS = ("D0616", "D0650")  # inclusive; D0601-D0615 are read by another helper
KEEP, DROP = "keep", "drop"
CATEGORIES = {
    KEEP: ("title", "body", "heading"),
    DROP: ("caption", "credit", "promo", "comment", "navigation", "other-furniture"),
}
PREFIX_CHARS = 40

_SGML_FIELD = {name: re.compile(rf"<{name}>(.*?)</{name}>", re.DOTALL) for name in ("DOCNO", "HEADLINE", "TEXT")}
_SGML_P = re.compile(r"<P>(.*?)</P>", re.DOTALL)
_INDENTED = re.compile(r"^(\t| {2})\s*\S")


class LabelError(ValueError):
    """A label file does not match the dev data (text changed, paragraph missing, bad field)."""


def normalise(text: str) -> str:
    return " ".join(text.split())


def sha1(text: str) -> str:
    return hashlib.sha1(normalise(text).encode("utf-8")).hexdigest()


@dataclass
class Document:
    """One labelled document: its key, the raw inputs newsbrief reads, and the gold paragraphs."""

    key: str  # "mn-<line>-<document index>" or "duc-<cluster folder>-<DOCNO>"
    source: str  # "multinews" or "duc"
    raw: str  # Multi-News: the document text; DUC: the whole SGML file
    paragraphs: list[Paragraph]
    sentences_labelled: bool = True  # False: kept paragraphs carry no sentence starts (the fresh set)


@dataclass
class Paragraph:
    index: int
    text: str  # whitespace-normalised
    label: str
    category: str
    starts: list[int]  # sentence starts (character offsets into text); [] for dropped paragraphs


def multinews_paragraphs(document: str) -> list[str]:
    return [normalise(p) for p in document.replace("NEWLINE_CHAR", "\n").split("\n") if p.strip()]


def _text_blocks(text: str) -> list[str]:
    """Paragraphs of a ``<TEXT>`` without ``<P>``: a new one at each indented line or after a blank line."""
    blocks: list[list[str]] = []
    fresh = True
    for line in text.splitlines():
        if not line.strip():
            fresh = True
            continue
        if fresh or _INDENTED.match(line):
            blocks.append([])
        blocks[-1].append(line)
        fresh = False
    return ["\n".join(b) for b in blocks]


def duc_headline(sgml: str) -> str:
    headline = _SGML_FIELD["HEADLINE"].search(sgml)
    return normalise(headline.group(1)) if headline else ""


def duc_body(sgml: str) -> list[str]:
    """The TEXT paragraphs, whitespace-normalised."""
    paragraphs = []
    for text in _SGML_FIELD["TEXT"].findall(sgml):
        blocks = _SGML_P.findall(text) or _text_blocks(text)
        paragraphs += [normalise(b) for b in blocks if b.strip()]
    return paragraphs


def duc_paragraphs(sgml: str) -> list[str]:
    """The HEADLINE (when there is one), then the TEXT paragraphs."""
    headline = duc_headline(sgml)
    return ([headline] if headline else []) + duc_body(sgml)


def duc_docno(sgml: str) -> str:
    match = _SGML_FIELD["DOCNO"].search(sgml)
    return match.group(1).strip() if match else ""


@cache
def multinews_lines(path: Path = MULTINEWS) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def duc_files(root: Path = DUC2006) -> list[Path]:
    docs = root / "duc2006_docs"
    low, high = DUC_CLUSTERS
    return sorted(
        Path(f) for d in sorted(os.listdir(docs)) if low <= d[:5] <= high for f in glob.glob(str(docs / d / "*"))
    )


def _draw_multinews(lines: list[dict], candidates: list[int], count: int, rng: random.Random) -> list[str]:
    """``count`` clusters of the candidate line numbers, and one non-blank document of each."""
    keys = []
    for number in rng.sample(candidates, count):
        documents = lines[number - 1]["documents"]
        usable = [k for k, d in enumerate(documents) if multinews_paragraphs(d)]
        keys.append(f"mn-{number}-{rng.choice(usable)}")
    return keys


def draw(multinews: Path = MULTINEWS, duc: Path | None = DUC2006) -> list[str]:
    """The document keys of the fixture, as drawn (Multi-News first, then DUC)."""
    lines = multinews_lines(multinews)
    rng = random.Random(SEED)
    candidates = [n for n in range(1, len(lines) + 1) if n not in MULTINEWS_EXCLUDED_LINES]
    keys = _draw_multinews(lines, candidates, MULTINEWS_DOCUMENTS, rng)
    if duc is not None:
        rng = random.Random(SEED)
        keys += [f"duc-{f.parent.name}-{f.name}" for f in rng.sample(duc_files(duc), DUC_DOCUMENTS)]
    return keys


def draw_fresh(multinews: Path = MULTINEWS) -> list[str]:
    """The fresh set's document keys: Multi-News clusters outside the first draw and lines 200-250."""
    lines = multinews_lines(multinews)
    taken = {int(key.split("-")[1]) for key in draw(multinews, duc=None)}
    candidates = [n for n in range(1, len(lines) + 1) if n not in MULTINEWS_EXCLUDED_LINES and n not in taken]
    return _draw_multinews(lines, candidates, FRESH_DOCUMENTS, random.Random(FRESH_SEED))


def draw_wave10(multinews: Path = MULTINEWS, duc: Path | None = DUC2006) -> list[str]:
    """The wave-10 set's document keys: Multi-News clusters in no earlier draw and outside lines 200-250,
    then DUC 2006 documents of clusters D0616-D0650 outside the first draw (Multi-News first)."""
    lines = multinews_lines(multinews)
    taken = {int(key.split("-")[1]) for key in (*draw(multinews, duc=None), *draw_fresh(multinews))}
    candidates = [n for n in range(1, len(lines) + 1) if n not in MULTINEWS_EXCLUDED_LINES and n not in taken]
    keys = _draw_multinews(lines, candidates, WAVE10_DOCUMENTS, random.Random(WAVE10_SEED))
    if duc is not None:
        drawn = set(draw(multinews, duc))
        files = [f for f in duc_files(duc) if f"duc-{f.parent.name}-{f.name}" not in drawn]
        rng = random.Random(WAVE10_SEED)
        keys += [f"duc-{f.parent.name}-{f.name}" for f in rng.sample(files, WAVE10_DUC_DOCUMENTS)]
    return keys


def split_of(key: str) -> str:
    """tune or report, fixed by the key's hash (so adding documents never moves old ones)."""
    return SPLITS[hashlib.sha1(key.encode("utf-8")).digest()[0] % 2]


def raw_text(key: str, multinews: Path = MULTINEWS, duc: Path = DUC2006) -> tuple[str, list[str], dict]:
    """``(raw input, normalised paragraphs, identifying fields)`` of a document key."""
    source, rest = key.split("-", 1)
    if source == "mn":
        number, index = map(int, rest.split("-"))
        obj = multinews_lines(multinews)[number - 1]
        raw = obj["documents"][index]
        return raw, multinews_paragraphs(raw), {"line": number, "id": obj["id"], "document": index}
    folder, docno = rest.split("-", 1)
    path = duc / "duc2006_docs" / folder / docno
    raw = path.read_text(encoding="utf-8", errors="replace")
    if duc_docno(raw) != docno:
        raise LabelError(f"{path}: DOCNO is {duc_docno(raw)!r}, expected {docno!r}")
    return raw, duc_paragraphs(raw), {"cluster": folder, "docno": docno}


def label_path(key: str) -> Path:
    return LABELS / split_of(key) / f"{key}.json"


def read_document(path: Path, multinews: Path = MULTINEWS, duc: Path = DUC2006) -> Document:
    """One label file joined with its text; raises :class:`LabelError` on any mismatch."""
    data = json.loads(path.read_text(encoding="utf-8"))
    key = data["key"]
    raw, texts, ident = raw_text(key, multinews, duc)
    for name, value in ident.items():
        if data.get(name) != value:
            raise LabelError(f"{path.name}: {name} is {value!r} in the data, {data.get(name)!r} in the label")
    if len(data["paragraphs"]) != len(texts):
        raise LabelError(f"{path.name}: {len(data['paragraphs'])} labelled paragraphs, the text has {len(texts)}")
    sentences_labelled = data.get("sentences", True)
    paragraphs = []
    for row, text in zip(data["paragraphs"], texts, strict=True):
        where = f"{path.name} paragraph {row['index']}"
        if sha1(text) != row["sha1"]:
            raise LabelError(f"{where}: text does not match its sha1 (labels drifted from the data)")
        if row["category"] not in CATEGORIES.get(row["label"], ()):
            raise LabelError(f"{where}: category {row['category']!r} is not one of {row['label']!r}")
        starts = row.get("sentences", [])
        if not sentences_labelled and starts:
            raise LabelError(f"{where}: sentence starts in a file whose sentences are not labelled")
        if (
            sentences_labelled
            and row["label"] == KEEP
            and (not starts or starts[0] != 0 or starts != sorted(set(starts)))
        ):
            raise LabelError(f"{where}: sentence starts must begin at 0 and increase")
        if any(not 0 <= s < len(text) for s in starts):
            raise LabelError(f"{where}: sentence start outside the paragraph")
        paragraphs.append(Paragraph(row["index"], text, row["label"], row["category"], starts))
    source = "multinews" if key.startswith("mn-") else "duc"
    return Document(key, source, raw, paragraphs, sentences_labelled)


def load(split: str, sources: tuple[str, ...] = ("multinews", "duc")) -> list[Document]:
    """The labelled documents of one split (``tune`` or ``report``) or of the fresh set, from the given sources."""
    if split not in SETS:
        raise ValueError(f"unknown split {split!r}; choose from {', '.join(SETS)}")
    prefixes = tuple({"multinews": "mn-", "duc": "duc-"}[s] for s in sources)
    return [read_document(p) for p in sorted((LABELS / split).glob("*.json")) if p.name.startswith(prefixes)]


def sizes() -> str:
    """Documents, paragraphs (kept) and labelled sentences per split and source."""
    rows = [f"{'split':7} {'source':10} {'documents':>9} {'paragraphs':>10} {'kept':>5} {'sentences':>9}"]
    for split in SETS:
        for source in ("multinews", "duc"):
            documents = load(split, (source,))
            paragraphs = [p for d in documents for p in d.paragraphs]
            kept = [p for p in paragraphs if p.label == KEEP]
            sentences = sum(len(p.starts) for p in kept)
            rows.append(f"{split:7} {source:10} {len(documents):9} {len(paragraphs):10} {len(kept):5} {sentences:9}")
    return "\n".join(rows)


if __name__ == "__main__":
    print(sizes())
