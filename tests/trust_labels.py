"""Hand labels for trust on unseen stories (issue 11): the reader.

The labels live in ``tests/fixtures/trust_labels/{tune,report}/*.tsv``; the texts they label do
not (Multi-News validation and DUC 2006 are local development data, never committed). Each label
names its place in the development data -- dataset, cluster, document, character span -- and
carries a short excerpt and the sha1 of the labelled text, so loading checks every label against
the data and a mismatch is an error, not a silent drift. DUC rows carry no excerpt: DUC 2006 is
NIST data for local use only, and the span and sha1 identify the text.

The material, drawn once with ``random.Random(SEED)``:

* Multi-News: ``MULTINEWS_CLUSTERS`` clusters sampled from lines 0-149 (0-based) of
  ``multinews-val250.jsonl`` (lines 150-249 are other helpers' development material); a
  document is ``1``..``n`` in the order of the line's ``documents`` list, and spans index that
  document string as stored in the JSON.
* DUC 2006: ``DUC_CLUSTERS`` clusters sampled from D0616-D0650; a document is its DOCNO, and spans
  index the SGML file's text. Sentence-level labels cover ``DUC_LABELLED_DOCUMENTS`` documents
  per cluster (drawn with ``random.Random(f"{SEED}:{cluster}")``); outlets cover all 25.
* Tune / report: by cluster, per dataset, shuffled with ``random.Random(SPLIT_SEED)``; the first
  half (rounded up) is tune. See :func:`split_of`.

Label files (TSV, one row a label; spans are ``start:end`` character offsets):

* ``support.tsv`` -- a sentence of one document and a sentence of another document of the same
  cluster; ``label`` ``yes`` (same event or claim, compatible details), ``partial`` (one states
  part of the other's claim, or the same claim with less detail) or ``no``; ``origin`` says how
  the candidate was generated (``tfidf``: among the most similar sentences; ``newsbrief``: a
  support the pipeline cited).
* ``conflicts.tsv`` -- number/date/name-bearing pairs about one event: ``label`` ``disagree``
  (the two report it differently: ``aspect`` count, amount, date, who, where, polarity) or
  ``agree`` (look alike, say the same thing: "tens of thousands" vs "40,000").
* ``quotes.tsv`` -- a quotation (span inside the marks); ``speaker`` as the text names it, or
  ``unnamed``; ``kind`` person / organisation.
* ``dates.tsv`` -- a date expression; ``iso`` (``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY`` or an
  interval ``a/b``) resolved by reading, given the document's publication date, or ``abstain``.
* ``documents.tsv`` -- each document's ``outlet``, its ``group`` (documents of one cluster with
  the same group are one report: copies of one outlet's page or republished wire copy), the
  ``wire`` it carries if any, its ``published`` date (ISO or ``unknown``) and the evidence.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import random
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from newsbrief.ingest import records_to_articles
from newsbrief.ingest.formats import parse_multinews_document
from newsbrief.ingest.sgml import parse_sgml as read_sgml
from newsbrief.model import Article

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "tests" / "fixtures" / "trust_labels"
EVAL_DATA = Path(os.environ.get("NEWSBRIEF_EVAL_DATA", ROOT.parent / "shared" / "eval" / "multinews-val250.jsonl"))
DUC_DATA = Path(os.environ.get("NEWSBRIEF_DUC2006", ROOT.parent / "devdata" / "duc2006"))

SEED = 11
SPLIT_SEED = 1111
MULTINEWS_LINES = range(0, 150)
MULTINEWS_CLUSTERS = 30
DUC_CANDIDATES = [f"D06{n:02d}" for n in range(16, 51)]
DUC_CLUSTERS = 10
DUC_LABELLED_DOCUMENTS = 4
SPLITS = ("tune", "report")
EXCERPT = 80


class LabelError(ValueError):
    """A label does not match the development data it names."""


DATASETS = ("multinews", "duc")


def missing_data(datasets: tuple[str, ...] = DATASETS) -> str | None:
    """Why the labels of ``datasets`` cannot be checked here (the development data path that is
    absent), or None. Multi-News validation is in ``../shared`` (CI has it); DUC 2006 only in
    ``../devdata``."""
    paths = {"multinews": EVAL_DATA, "duc": DUC_DATA / "duc2006_docs"}
    for path in (paths[d] for d in datasets):
        if not path.exists():
            return f"development data not found at {path} (set NEWSBRIEF_EVAL_DATA / NEWSBRIEF_DUC2006)"
    return None


def normalise(text: str) -> str:
    return " ".join(text.split())


_AMPERSAND = "(?:&|&AMP;|&amp;)"  # the SGML reader unescapes the newswire's &AMP;


def locate(raw: str, text: str, start: int = 0) -> tuple[int, int] | None:
    """Where ``text`` lies in ``raw`` (from ``start``), whitespace aside: how a sentence newsbrief
    segmented is found in the development text."""
    words = (re.escape(w).replace(r"\&", _AMPERSAND) for w in text.split())
    match = re.compile(r"\s+".join(words)).search(raw, start)
    return (match.start(), match.end()) if match else None


def digest(text: str) -> str:
    """sha1 (first 12 hex digits) of the whitespace-normalised text."""
    return hashlib.sha1(normalise(text).encode("utf-8")).hexdigest()[:12]


# --- the draw ------------------------------------------------------------------------------


def multinews_draw() -> list[int]:
    return random.Random(SEED).sample(list(MULTINEWS_LINES), MULTINEWS_CLUSTERS)


def duc_draw() -> list[str]:
    return random.Random(SEED).sample(DUC_CANDIDATES, DUC_CLUSTERS)


def _halves(clusters: list[str]) -> dict[str, str]:
    order = sorted(clusters)
    random.Random(SPLIT_SEED).shuffle(order)
    cut = (len(order) + 1) // 2
    return {c: ("tune" if i < cut else "report") for i, c in enumerate(order)}


@cache
def _split_table() -> dict[tuple[str, str], str]:
    table = {("multinews", c): s for c, s in _halves([str(n) for n in multinews_draw()]).items()}
    table.update({("duc", c): s for c, s in _halves(duc_draw()).items()})
    return table


def split_of(dataset: str, cluster: str) -> str:
    return _split_table()[(dataset, cluster)]


def clusters(split: str, datasets: tuple[str, ...] = DATASETS) -> list[tuple[str, str]]:
    """(dataset, cluster) of one split, Multi-News first, in draw order."""
    drawn = [("multinews", str(n)) for n in multinews_draw()] + [("duc", c) for c in duc_draw()]
    return [key for key in drawn if _split_table()[key] == split and key[0] in datasets]


# --- the development data ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DevDocument:
    """One document of the development data; ``raw`` is the text label spans index."""

    dataset: str
    cluster: str
    doc: str  # "1".."n" for Multi-News, the DOCNO for DUC
    raw: str
    path: str  # file holding it (the DUC SGML file; the jsonl for Multi-News)


@cache
def _multinews_lines() -> list[str]:
    return EVAL_DATA.read_text(encoding="utf-8").splitlines()


def _duc_folder(cluster: str) -> Path:
    docs = DUC_DATA / "duc2006_docs"
    found = [p for p in docs.iterdir() if p.name.upper().startswith(cluster.upper())]
    if len(found) != 1:
        raise LabelError(f"{docs}: no single folder for DUC cluster {cluster}")
    return found[0]


@cache
def documents(dataset: str, cluster: str) -> tuple[DevDocument, ...]:
    """Every document of a cluster, in the order newsbrief reads them."""
    if dataset == "multinews":
        texts = json.loads(_multinews_lines()[int(cluster)])["documents"]
        return tuple(DevDocument(dataset, cluster, str(i), t, str(EVAL_DATA)) for i, t in enumerate(texts, start=1))
    folder = _duc_folder(cluster)
    found = []
    for path in sorted(folder.iterdir()):
        raw = path.read_text(encoding="utf-8", errors="replace")
        docno = re.search(r"<DOCNO>\s*(.*?)\s*</DOCNO>", raw)
        found.append(DevDocument(dataset, cluster, docno.group(1) if docno else path.name, raw, str(path)))
    return tuple(found)


def document(dataset: str, cluster: str, doc: str) -> DevDocument:
    for found in documents(dataset, cluster):
        if found.doc == doc:
            return found
    raise LabelError(f"{dataset}:{cluster}: no document {doc}")


def labelled_documents(dataset: str, cluster: str) -> list[DevDocument]:
    """Documents whose sentences, quotes and dates are labelled (all of Multi-News; a draw of DUC)."""
    docs = list(documents(dataset, cluster))
    if dataset == "duc":
        docs = random.Random(f"{SEED}:{cluster}").sample(docs, min(DUC_LABELLED_DOCUMENTS, len(docs)))
    return docs


def read_articles(dataset: str, cluster_id: str) -> tuple[list[Article], dict[int, DevDocument]]:
    """newsbrief's articles for a cluster, read as ``newsbrief eval`` reads the dataset, and the
    document each article came from."""
    records, origin = [], []
    for doc in documents(dataset, cluster_id):
        if dataset == "multinews":
            found = list(parse_multinews_document(doc.raw, f"multinews:{cluster_id}#{doc.doc}"))
        else:
            found = list(read_sgml(doc.raw, doc.path))
        records += found
        origin += [doc] * len(found)
    articles = records_to_articles(records)
    return articles, {a.id: d for a, d in zip(articles, origin, strict=True)}


# --- labels --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Span:
    """A labelled piece of one document: ``text == document.raw[start:end]``."""

    dataset: str
    cluster: str
    doc: str
    start: int
    end: int
    text: str

    @property
    def document(self) -> DevDocument:
        return document(self.dataset, self.cluster, self.doc)


@dataclass(frozen=True, slots=True)
class SupportPair:
    a: Span
    b: Span
    label: str  # yes / partial / no
    origin: str  # tfidf / newsbrief


@dataclass(frozen=True, slots=True)
class ConflictPair:
    a: Span
    b: Span
    label: str  # disagree / agree
    aspect: str  # count / amount / date / who / where / polarity ("" when they agree)
    note: str


@dataclass(frozen=True, slots=True)
class QuoteLabel:
    quote: Span
    speaker: str  # as the text names the speaker, or "unnamed"
    kind: str  # person / organisation


@dataclass(frozen=True, slots=True)
class DateLabel:
    expression: Span
    iso: str | None  # None: the texts do not decide (abstain)


@dataclass(frozen=True, slots=True)
class OutletLabel:
    dataset: str
    cluster: str
    doc: str
    outlet: str
    group: str  # same group in one cluster = one report (copies, republished wire copy)
    wire: str  # the wire service whose copy it carries, or ""
    published: str | None  # ISO date, or None when the text does not say
    evidence: str


@dataclass(slots=True)
class Labels:
    support: list[SupportPair]
    conflicts: list[ConflictPair]
    quotes: list[QuoteLabel]
    dates: list[DateLabel]
    outlets: list[OutletLabel]

    def counts(self) -> dict[str, int]:
        return {
            "support": len(self.support),
            "support yes": sum(p.label == "yes" for p in self.support),
            "support partial": sum(p.label == "partial" for p in self.support),
            "support no": sum(p.label == "no" for p in self.support),
            "disagreements": sum(p.label == "disagree" for p in self.conflicts),
            "alike but agree": sum(p.label == "agree" for p in self.conflicts),
            "quotes": len(self.quotes),
            "quotes named": sum(q.speaker != "unnamed" for q in self.quotes),
            "dates": len(self.dates),
            "dates abstain": sum(d.iso is None for d in self.dates),
            "documents": len(self.outlets),
            "clusters": len({(o.dataset, o.cluster) for o in self.outlets}),
        }


def read_label_rows(path: Path) -> list[tuple[str, dict[str, str]]]:
    """The rows of a tab-separated label file, each with where it stands (``name:line``)."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [(f"{path.name}:{number}", row) for number, row in enumerate(rows, start=2)]


def labelled_span(row: dict[str, str], prefix: str, where: str) -> Span:
    """The span a label row names (columns ``{prefix}doc``, ``{prefix}span``, ``{prefix}sha1``),
    checked against the development text (:class:`LabelError` when it no longer holds it)."""
    doc = row[f"{prefix}doc"]
    start, end = map(int, row[f"{prefix}span"].split(":"))
    text = document(row["dataset"], row["cluster"], doc).raw[start:end]
    if digest(text) != row[f"{prefix}sha1"]:
        raise LabelError(
            f"{where}: {row['dataset']}:{row['cluster']}#{doc} {start}:{end} no longer holds the labelled text"
        )
    return Span(row["dataset"], row["cluster"], doc, start, end, text)


def _rows(split: str, name: str, datasets: tuple[str, ...] = DATASETS) -> list[tuple[str, dict[str, str]]]:
    path = LABELS / split / name
    if not path.exists():
        return []
    found = []
    for where, row in read_label_rows(path):
        where = f"{split}/{where}"
        if row["dataset"] not in datasets:
            continue
        if split_of(row["dataset"], row["cluster"]) != split:
            raise LabelError(f"{where}: cluster {row['dataset']}:{row['cluster']} belongs to the other split")
        found.append((where, row))
    return found


def load(split: str, datasets: tuple[str, ...] = DATASETS) -> Labels:
    """Every label of one split (of ``datasets``), each checked against the development data
    (:class:`LabelError`)."""
    if split not in SPLITS:
        raise ValueError(f"split must be one of {SPLITS}, not {split!r}")
    support = [
        SupportPair(labelled_span(r, "a_", w), labelled_span(r, "b_", w), r["label"], r["origin"])
        for w, r in _rows(split, "support.tsv", datasets)
    ]
    conflicts = [
        ConflictPair(labelled_span(r, "a_", w), labelled_span(r, "b_", w), r["label"], r["aspect"], r["note"])
        for w, r in _rows(split, "conflicts.tsv", datasets)
    ]
    quotes = [
        QuoteLabel(labelled_span(r, "", w), r["speaker"], r["kind"]) for w, r in _rows(split, "quotes.tsv", datasets)
    ]
    dates = [
        DateLabel(labelled_span(r, "", w), None if r["iso"] == "abstain" else r["iso"])
        for w, r in _rows(split, "dates.tsv", datasets)
    ]
    outlets = []
    for where, r in _rows(split, "documents.tsv", datasets):
        doc = document(r["dataset"], r["cluster"], r["doc"])
        if digest(doc.raw[:200]) != r["sha1"]:
            raise LabelError(f"{where}: {r['dataset']}:{r['cluster']}#{r['doc']} is not the labelled document")
        published = None if r["published"] == "unknown" else r["published"]
        outlets.append(
            OutletLabel(
                r["dataset"], r["cluster"], r["doc"], r["outlet"], r["group"], r["wire"], published, r["evidence"]
            )
        )
    for pair in [*support, *conflicts]:
        if (pair.a.dataset, pair.a.cluster) != (pair.b.dataset, pair.b.cluster) or pair.a.doc == pair.b.doc:
            raise LabelError(f"pair {pair.a.doc}/{pair.b.doc}: a pair joins two documents of one cluster")
    return Labels(support, conflicts, quotes, dates, outlets)


if __name__ == "__main__":
    for name in SPLITS:
        print(name, ", ".join(f"{k} {v}" for k, v in load(name).counts().items()))
