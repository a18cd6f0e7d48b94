"""Generate the candidates that were labelled by hand into ``tests/fixtures/trust_labels``.

Candidates are picked mechanically, so the labelled pairs are not only the easy ones:

* support: for each sentence of a labelled document, the ``TOP_SIMILAR`` most similar sentences
  of the other labelled documents (a plain TF-IDF cosine written here, not newsbrief's), sampled
  with a fixed seed: ``SUPPORT_BANDS`` spread over the most similar ``HARD_SHARE`` of them and
  ``SUPPORT_RANDOM`` from the rest per cluster; plus up to ``NEWSBRIEF_PER_CLUSTER`` supports
  that the current pipeline cites, so its mistakes are in the sample; then a second round of
  ``SUPPORT_SECOND_ROUND`` more per cluster drawn from the most similar tenth;
* conflicts: cross-document pairs that both carry a number, date or month and share at least
  ``CONFLICT_SHARED`` content words, most similar first; plus (over all documents) pairs that
  count the same thing with different numbers ("144 people" / "125 people") and share
  ``NUMERIC_SHARED`` content words; plus similar pairs where only one side negates or denies
  (``NEGATION``), for polarity; reading keeps those about one event;
* quotes: every quotation (straight, curly, ``DUC ``...''``, single curly, guillemets, low-high)
  in the first ``REGION`` characters of a labelled document's body;
* dates: every weekday, month, year and relative expression in the same region.

``python tests/trust_candidates.py SPLIT OUTDIR`` writes ``OUTDIR/SPLIT/*.cand.tsv`` (numbered
rows with the fixture columns); answers written by reading go in ``*.ans`` (``id<TAB>fields``) and
``python tests/trust_candidates.py --merge SPLIT OUTDIR`` writes the fixture files from them.
Development tool, not library code; OUTDIR must be outside the repository (the candidate
files quote the development data).
"""

from __future__ import annotations

import csv
import itertools
import math
import random
import re
import sys
from collections import Counter
from pathlib import Path

from newsbrief.model import Article
from newsbrief.pipeline import brief_articles, prepare
from newsbrief.settings import Options
from trust_labels import EXCERPT, LABELS, SEED, DevDocument, clusters, digest, labelled_documents, locate, read_articles

TOP_SIMILAR = 3
SUPPORT_BANDS = 8
SUPPORT_RANDOM = 2
HARD_SHARE = 0.3
SUPPORT_SECOND_ROUND = 5
NEWSBRIEF_PER_CLUSTER = 4
CONFLICT_PER_CLUSTER = 6
CONFLICT_SHARED = 2
NUMERIC_PER_CLUSTER = 8
# ranks of the numeric candidates taken per pass; later passes (DUC only: 25 documents) add more
NUMERIC_PASSES = ((0, NUMERIC_PER_CLUSTER), (NUMERIC_PER_CLUSTER, 24))
NUMERIC_LATE_PASSES = ((24, 40),)
NUMERIC_SHARED = 3
NUMERIC_MIN_SIMILARITY = 0.15
REGION = 3500
MIN_WORDS = 6

PAIR_COLUMNS = [
    "dataset",
    "cluster",
    "a_doc",
    "a_span",
    "a_sha1",
    "a_excerpt",
    "b_doc",
    "b_span",
    "b_sha1",
    "b_excerpt",
]
COLUMNS = {
    "support": [*PAIR_COLUMNS, "label", "origin"],
    "conflicts": [*PAIR_COLUMNS, "label", "aspect", "note"],
    "quotes": ["dataset", "cluster", "doc", "span", "sha1", "excerpt", "speaker", "kind"],
    "dates": ["dataset", "cluster", "doc", "span", "sha1", "excerpt", "iso"],
    "documents": ["dataset", "cluster", "doc", "sha1", "outlet", "group", "wire", "published", "evidence"],
}
ANSWERS = {
    "support": ["label"],
    "conflicts": ["label", "aspect", "note"],
    "quotes": ["speaker", "kind"],
    "dates": ["iso"],
    "documents": ["outlet", "group", "wire", "published", "evidence"],
}
# answers that mean "not a label" (a conflict candidate about two different events, a false quote)
SKIP = "skip"

QUOTE = re.compile(
    r"``(.{3,600}?)''|\"([^\"\n]{3,600}?)(?:\"|'')|“([^”]{3,600}?)”"
    r"|‘([^’]{3,600}?)’(?!\w)|«([^»]{3,600}?)»|„([^“”]{3,600}?)[“”]",
    re.S,
)
MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
DATE = re.compile(
    rf"\b(?:{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{MONTH}(?:\s+\d{{4}})?|{MONTH}(?:\s+\d{{4}})?"
    rf"|(?:last|next|this|on|early|late)?\s*{WEEKDAY}(?:\s+(?:morning|afternoon|evening|night))?"
    r"|(?:in|since|by|until|of|from)\s+(?:19|20)\d\d|(?:19|20)\d\ds"
    r"|yesterday|today|tomorrow|tonight|last night|this (?:week|month|year|morning|weekend)"
    r"|(?:last|next|earlier this|later this|the previous|the following)"
    r" (?:week|month|year|weekend|spring|summer|fall|autumn|winter)"
    r"|(?:\w+|\d+) (?:days|weeks|months|years) ago)\b"
)
# a number and the word it counts: "144 people", "$1.2 billion", "three journalists"
COUNTED = re.compile(
    r"(\$?\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds|thousands)"
    r"\s+(?:more\s+|other\s+)?([a-z]+)",
    re.I,
)
NUMBER = re.compile(
    r"\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|dozen|dozens|hundreds?|thousands?|millions?|billions?)\b",
    re.I,
)
WORD = re.compile(r"[a-z][a-z'-]+")
STOP = frozenset(
    """the a an and or of to in on at for with by from as is was were be been has have had that this it
    its he she they his her their said says say not but who which will would could about after over than
    more""".split()
)


def articles(dataset: str, cluster: str) -> tuple[list[DevDocument], list[Article]]:
    """The cluster's documents and newsbrief's articles for them (same order, same reader as eval)."""
    found, doc_of = read_articles(dataset, cluster)
    return [doc_of[a.id] for a in found], found


def excerpt(text: str) -> str:
    return normalise_tsv(text)[:EXCERPT]


def normalise_tsv(text: str) -> str:
    return " ".join(text.replace("\t", " ").split())


_ABBREVIATION = re.compile(
    r"(?:\b[A-Z]|Mr|Mrs|Ms|Dr|Gov|Gen|Sen|Rep|Lt|Col|Sgt|St|Jr|Sr|Inc|Corp|Co|No|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|vs)\.$"
)
_DUC_PARAGRAPH = re.compile(r"\n\s*\n|\n(?=[\t ])|</?P>", re.I)
_MARKUP_AT_START = re.compile(r"(?:\s|</?P>)*", re.I)
_MARKUP_AT_END = re.compile(r"(?:\s|</?P>)*$", re.I)
_SENTENCE_END = re.compile(r"(?<=[.!?])(?:''|[\"'’”])?\s+(?=[A-Z`\"“(])")


def duc_sentences(doc: DevDocument) -> list[tuple[int, int, str]]:
    """Sentences of a DUC document's ``<TEXT>``, written here: newswire lines are hard-wrapped and
    the paragraphs are tab-indented, so sentences are cut at end marks within paragraphs."""
    body_start = doc.raw.find("<TEXT>") + len("<TEXT>")
    body_end = doc.raw.find("</TEXT>", body_start)
    found = []
    cuts = [body_start, *(m.start() for m in _DUC_PARAGRAPH.finditer(doc.raw, body_start, body_end)), body_end]
    for start, end in itertools.pairwise(cuts):
        cursor = start
        for mark in [*_SENTENCE_END.finditer(doc.raw, start, end), None]:
            stop = mark.start() if mark else end
            if mark and _ABBREVIATION.search(doc.raw[max(cursor, stop - 6) : stop]):
                continue
            piece = doc.raw[cursor:stop]
            lead = _MARKUP_AT_START.match(piece).end()  # type: ignore[union-attr]
            text = _MARKUP_AT_END.sub("", piece[lead:])
            if len(text.split()) >= MIN_WORDS:
                found.append((cursor + lead, cursor + lead + len(text), text))
            cursor = mark.end() if mark else end
    return found


def sentences(doc: DevDocument, article: Article) -> list[tuple[int, int, str]]:
    if doc.dataset == "duc":
        return duc_sentences(doc)
    found, cursor = [], 0
    for sentence in article.sentences:
        span = locate(doc.raw, sentence.text, cursor)
        if span and len(sentence.text.split()) >= MIN_WORDS and not sentence.is_heading:
            found.append((span[0], span[1], doc.raw[span[0] : span[1]]))
            cursor = span[1]
    return found


def _tfidf(texts: list[str]) -> list[dict[str, float]]:
    bags = [Counter(w for w in WORD.findall(t.lower()) if w not in STOP) for t in texts]
    df = Counter(w for bag in bags for w in bag)
    vectors = []
    for bag in bags:
        vector = {w: c * math.log((1 + len(bags)) / (1 + df[w])) for w, c in bag.items()}
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        vectors.append({w: v / norm for w, v in vector.items()})
    return vectors


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    return sum(v * b.get(w, 0.0) for w, v in a.items())


def _pair_row(dataset: str, cluster: str, a: tuple[str, int, int, str], b: tuple[str, int, int, str]) -> dict[str, str]:
    row = {"dataset": dataset, "cluster": cluster}
    for prefix, (doc, start, end, text) in (("a_", a), ("b_", b)):
        row |= {
            f"{prefix}doc": doc,
            f"{prefix}span": f"{start}:{end}",
            f"{prefix}sha1": digest(text),
            f"{prefix}excerpt": excerpt(text),
        }
    return row


def _counted(text: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for value, unit in COUNTED.findall(text):
        found.setdefault(unit.lower(), set()).add(value.lower().rstrip(".,"))
    return found


def numeric_candidates(dataset: str, cluster: str, seen: set[tuple[str, str]]) -> list[dict[str, str]]:
    """Cross-document pairs over all documents that count one thing with different numbers."""
    docs, arts = articles(dataset, cluster)
    prepare(arts)
    units = [(d.doc, *s) for d, a in zip(docs, arts, strict=True) for s in sentences(d, a)]
    vectors = _tfidf([u[3] for u in units])
    counted = [_counted(u[3]) for u in units]
    words = [set(WORD.findall(u[3].lower())) - STOP for u in units]
    found = []
    for i, j in itertools.combinations(range(len(units)), 2):
        if units[i][0] == units[j][0] or not counted[i] or not counted[j]:
            continue
        if not any(counted[i][k] != counted[j][k] for k in counted[i].keys() & counted[j].keys()):
            continue
        if len(words[i] & words[j]) < NUMERIC_SHARED:
            continue
        similarity = _cosine(vectors[i], vectors[j])
        key = (f"{units[i][0]}:{units[i][1]}", f"{units[j][0]}:{units[j][1]}")
        if similarity >= NUMERIC_MIN_SIMILARITY and key not in seen:
            found.append((similarity, i, j))
    found.sort(reverse=True)
    return [
        _pair_row(dataset, cluster, units[i], units[j]) | {"similarity": f"{similarity:.2f}", "origin": "numeric"}
        for similarity, i, j in found
    ]


NEGATION = re.compile(r"\b(?:not|no|never|denied|denies|deny|n't|without|refused|rejected|false)\b", re.I)
NEGATION_PER_CLUSTER = 4
NEGATION_MIN_SIMILARITY = 0.2


def negation_candidates(dataset: str, cluster: str, seen: set[tuple[str, str]]) -> list[dict[str, str]]:
    """Similar cross-document pairs where one sentence negates or denies and the other does not."""
    docs, arts = articles(dataset, cluster)
    prepare(arts)
    labelled = {d.doc for d in labelled_documents(dataset, cluster)}
    units = [(d.doc, *s) for d, a in zip(docs, arts, strict=True) if d.doc in labelled for s in sentences(d, a)]
    vectors = _tfidf([u[3] for u in units])
    negated = [bool(NEGATION.search(u[3])) for u in units]
    found = []
    for i, j in itertools.combinations(range(len(units)), 2):
        if units[i][0] == units[j][0] or negated[i] == negated[j]:
            continue
        key = (f"{units[i][0]}:{units[i][1]}", f"{units[j][0]}:{units[j][1]}")
        similarity = _cosine(vectors[i], vectors[j])
        if similarity >= NEGATION_MIN_SIMILARITY and key not in seen:
            found.append((similarity, i, j))
    found.sort(reverse=True)
    return [
        _pair_row(dataset, cluster, units[i], units[j]) | {"similarity": f"{similarity:.2f}", "origin": "negation"}
        for similarity, i, j in found[:NEGATION_PER_CLUSTER]
    ]


def cluster_candidates(dataset: str, cluster: str) -> dict[str, list[dict[str, str]]]:
    docs, arts = articles(dataset, cluster)
    prepare(arts)
    labelled = {d.doc for d in labelled_documents(dataset, cluster)}
    units = [(d.doc, *s) for d, a in zip(docs, arts, strict=True) if d.doc in labelled for s in sentences(d, a)]
    vectors = _tfidf([u[3] for u in units])
    rng = random.Random(f"{SEED}:{dataset}:{cluster}")
    ranked: dict[tuple[int, int], float] = {}
    for i, unit in enumerate(units):
        others = sorted(
            ((_cosine(vectors[i], vectors[j]), j) for j, other in enumerate(units) if other[0] != unit[0]), reverse=True
        )
        for similarity, j in others[:TOP_SIMILAR]:
            ranked[(min(i, j), max(i, j))] = similarity
    by_similarity = sorted(ranked, key=lambda k: -ranked[k])
    # most candidates from the most similar ``HARD_SHARE`` of pairs (where deciding is hard),
    # spread over equal bands of it; the rest at random from the other pairs
    top = by_similarity[: max(SUPPORT_BANDS, int(len(by_similarity) * HARD_SHARE))]
    bands = [top[k * len(top) // SUPPORT_BANDS : (k + 1) * len(top) // SUPPORT_BANDS] for k in range(SUPPORT_BANDS)]
    chosen = [rng.choice(band) for band in bands if band]
    rest = [k for k in by_similarity if k not in set(chosen)]
    chosen += rng.sample(rest, min(SUPPORT_RANDOM, len(rest)))
    support = [
        _pair_row(dataset, cluster, units[i], units[j]) | {"origin": "tfidf", "similarity": f"{ranked[(i, j)]:.2f}"}
        for i, j in chosen
    ]
    # the supports newsbrief cites today
    docs_by_id = {a.id: d for d, a in zip(docs, arts, strict=True)}
    brief = brief_articles(arts, Options(analyse=False))
    cited = []
    for item in brief.summary:
        source = brief.source(item.sources[0])
        for s in item.support:
            other = brief.source(s.source)
            da, db = docs_by_id[source.id], docs_by_id[other.id]
            if da.doc not in labelled or db.doc not in labelled:
                continue
            sa, sb = locate(da.raw, item.text), locate(db.raw, other.text[s.start : s.end])
            if sa and sb:
                cited.append(
                    _pair_row(
                        dataset, cluster, (da.doc, *sa, da.raw[sa[0] : sa[1]]), (db.doc, *sb, db.raw[sb[0] : sb[1]])
                    )
                    | {"origin": "newsbrief", "similarity": f"{s.similarity:.2f}"}
                )
    support += rng.sample(cited, min(NEWSBRIEF_PER_CLUSTER, len(cited)))
    # a second round (appended after every cluster's first, see write_candidates): more pairs from
    # the most similar tenth, where same-fact pairs and look-alikes are both common
    close = [k for k in by_similarity[: max(SUPPORT_SECOND_ROUND, len(by_similarity) // 10)] if k not in set(chosen)]
    second = [
        _pair_row(dataset, cluster, units[i], units[j]) | {"origin": "tfidf", "similarity": f"{ranked[(i, j)]:.2f}"}
        for i, j in rng.sample(close, min(SUPPORT_SECOND_ROUND, len(close)))
    ]
    conflicts = []
    for (i, j), similarity in sorted(ranked.items(), key=lambda kv: -kv[1]):
        a, b = units[i], units[j]
        if not (NUMBER.search(a[3]) or DATE.search(a[3])) or not (NUMBER.search(b[3]) or DATE.search(b[3])):
            continue
        shared = (set(WORD.findall(a[3].lower())) & set(WORD.findall(b[3].lower()))) - STOP
        if len(shared) >= CONFLICT_SHARED:
            conflicts.append(_pair_row(dataset, cluster, a, b) | {"similarity": f"{similarity:.2f}"})
        if len(conflicts) >= CONFLICT_PER_CLUSTER:
            break
    quotes, dates = [], []
    for doc in docs:
        if doc.doc not in labelled:
            continue
        body = doc.raw.find("<TEXT>") if dataset == "duc" else 0
        region = (max(body, 0), max(body, 0) + REGION)
        for match in QUOTE.finditer(doc.raw, *region):
            group = next(g for g in range(1, 7) if match.group(g) is not None)
            start, end = match.start(group), match.end(group)
            context = doc.raw[max(0, match.start() - 150) : min(len(doc.raw), match.end() + 150)]
            quotes.append(
                {
                    "dataset": dataset,
                    "cluster": cluster,
                    "doc": doc.doc,
                    "span": f"{start}:{end}",
                    "sha1": digest(doc.raw[start:end]),
                    "excerpt": excerpt(doc.raw[start:end]),
                    "context": normalise_tsv(context),
                }
            )
        for match in DATE.finditer(doc.raw, *region):
            start, end = match.start(), match.end()
            text = match.group(0).strip()
            start += len(match.group(0)) - len(match.group(0).lstrip())
            context = doc.raw[max(0, start - 120) : min(len(doc.raw), end + 60)]
            dates.append(
                {
                    "dataset": dataset,
                    "cluster": cluster,
                    "doc": doc.doc,
                    "span": f"{start}:{end}",
                    "sha1": digest(text),
                    "excerpt": excerpt(text),
                    "context": normalise_tsv(context),
                }
            )
    docs_rows = [
        {
            "dataset": dataset,
            "cluster": cluster,
            "doc": d.doc,
            "sha1": digest(d.raw[:200]),
            "head": normalise_tsv(d.raw[:700] if dataset == "multinews" else d.raw[: d.raw.find("<TEXT>") + 400]),
        }
        for d in docs
    ]
    return {
        "support": support,
        "support_second": second,
        "conflicts": conflicts,
        "quotes": quotes,
        "dates": dates,
        "documents": docs_rows,
    }


def write_candidates(split: str, out: Path) -> None:
    folder = out / split
    folder.mkdir(parents=True, exist_ok=True)
    tables: dict[str, list[dict[str, str]]] = {name: [] for name in COLUMNS}
    second: list[dict[str, str]] = []
    for dataset, cluster in clusters(split):
        found = cluster_candidates(dataset, cluster)
        second += found.pop("support_second")
        for name, rows in found.items():
            tables[name] += rows
    # appended after every cluster's other candidates, one pass per slice of the ranking, so the
    # numbering of earlier candidates stays put when a pass is added
    numeric = {}
    for dataset, cluster in clusters(split):
        seen = {
            (f"{r['a_doc']}:{r['a_span'].split(':')[0]}", f"{r['b_doc']}:{r['b_span'].split(':')[0]}")
            for r in tables["conflicts"]
            if r["cluster"] == cluster
        }
        numeric[cluster] = numeric_candidates(dataset, cluster, seen)
    for start, stop in NUMERIC_PASSES:
        for dataset, cluster in clusters(split):
            tables["conflicts"] += numeric[cluster][
                start : stop if dataset == "duc" else min(stop, NUMERIC_PER_CLUSTER)
            ]
    for dataset, cluster in clusters(split):
        seen = {
            (f"{r['a_doc']}:{r['a_span'].split(':')[0]}", f"{r['b_doc']}:{r['b_span'].split(':')[0]}")
            for r in tables["conflicts"]
            if r["cluster"] == cluster
        }
        tables["conflicts"] += negation_candidates(dataset, cluster, seen)
    for start, stop in NUMERIC_LATE_PASSES:  # appended after the negation pass: numbering stays put
        for dataset, cluster in clusters(split):
            if dataset == "duc":
                tables["conflicts"] += numeric[cluster][start:stop]
    tables["support"] += second
    for name, rows in tables.items():
        extra = sorted({k for r in rows for k in r} - set(COLUMNS[name]))
        with (folder / f"{name}.cand.tsv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, delimiter="\t", quoting=csv.QUOTE_NONE, quotechar=None, escapechar="\\")
            writer.writerow(["id", *COLUMNS[name], *extra])
            for number, row in enumerate(rows, start=1):
                writer.writerow([number, *(row.get(c, "") for c in COLUMNS[name]), *(row.get(c, "") for c in extra)])
        print(f"{split} {name}: {len(rows)} candidates")


def _fixture_cell(row: dict[str, str], column: str) -> str:
    """A fixture cell. DUC 2006 is NIST data for local use only, so its rows keep no excerpt (the
    span and sha1 identify the text; the reader shows it from the local copy)."""
    if column.endswith("excerpt") and row["dataset"] == "duc":
        return ""
    return normalise_tsv(row[column])


def merge(split: str, out: Path) -> None:
    target = LABELS / split
    target.mkdir(parents=True, exist_ok=True)
    for name, columns in COLUMNS.items():
        answers_path = out / split / f"{name}.ans"
        if not answers_path.exists():
            continue
        with (out / split / f"{name}.cand.tsv").open(encoding="utf-8", newline="") as handle:
            candidates = {
                r["id"]: r
                for r in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE, quotechar=None, escapechar="\\")
            }
        rows = []
        for line in answers_path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            number, *fields = line.split("\t")
            if fields[0] == SKIP:
                continue
            row = dict(candidates[number])
            row.update(dict(zip(ANSWERS[name], fields + [""] * (len(ANSWERS[name]) - len(fields)), strict=True)))
            rows.append(row)
        with (target / f"{name}.tsv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(
                handle, delimiter="\t", quoting=csv.QUOTE_NONE, quotechar=None, escapechar="\\", lineterminator="\n"
            )
            writer.writerow(columns)
            for row in rows:
                writer.writerow([_fixture_cell(row, c) for c in columns])
        print(f"{split} {name}: {len(rows)} labels")


if __name__ == "__main__":
    if sys.argv[1] == "--merge":
        merge(sys.argv[2], Path(sys.argv[3]))
    else:
        write_candidates(sys.argv[1], Path(sys.argv[2]))
