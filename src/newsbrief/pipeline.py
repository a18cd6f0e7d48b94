"""The briefing pipeline: ingest -> clean -> segment -> select -> corroborate -> analyse -> render.

:func:`brief` is the public entry point; :func:`brief_articles` starts from articles
already in memory (the batch runner and the web app use it); :func:`extract` stops after
segmenting and returns the articles as the summarizer would read them.
"""

from __future__ import annotations

from collections.abc import Iterable

from newsbrief import textsim
from newsbrief.clean import clean
from newsbrief.corroborate import find_support
from newsbrief.duplicates import copy_warnings, independent_support, near_duplicate_groups
from newsbrief.errors import NoUsableInput
from newsbrief.ingest import load_articles
from newsbrief.ingest.outlets import load_outlet_table
from newsbrief.model import Article, Brief, SummarySentence
from newsbrief.segment import segment
from newsbrief.settings import Options
from newsbrief.summarizers import Budget, get_summarizer
from newsbrief.summarizers.order import reader_order
from newsbrief.summarizers.units import shown_text
from newsbrief.textsim import Cluster


def prepare(articles: list[Article]) -> list[Article]:
    """Clean and segment articles in place (idempotent: cleaning starts from raw text)."""
    for article in articles:
        segment(clean(article))
    return articles


def empty_warnings(articles: list[Article]) -> list[str]:
    """One warning per prepared article that cleaning left without a sentence."""
    return [f"{a.path}: no article text left after removing boilerplate" for a in articles if not a.sentences]


def extract(paths: Iterable[str], options: Options | None = None) -> tuple[list[Article], list[str]]:
    """The articles at ``paths`` as :func:`brief` reads them: ingested, cleaned and segmented, each
    with its metadata's provenance and the spans the cleaner removed (each naming its rule). An
    article that cleaning leaves empty is kept, with a warning: nothing is dropped silently.
    Returns ``(articles, warnings)``; no usable input at all raises :class:`NoUsableInput`."""
    articles, warnings = load_articles(paths, options or Options())
    prepare(articles)
    return articles, [*warnings, *empty_warnings(articles)]


def brief_articles(articles: list[Article], options: Options | None = None, warnings: list[str] | None = None) -> Brief:
    """Brief articles that are already loaded (raw text set; cleaning happens here)."""
    options = options or Options()
    if options.outlets_file:  # a bad table is a usage error before any work, not a late traceback
        load_outlet_table(options.outlets_file)
    prepare(articles)
    usable = [a for a in articles if a.sentences]
    skipped = empty_warnings(articles)
    if not usable:  # as load_articles: exit 2 when nothing usable remains, not an empty brief
        raise NoUsableInput(f"no usable article in the input ({'; '.join([*(warnings or []), *skipped])})")
    cluster = Cluster(usable)
    copies = near_duplicate_groups(usable)  # syndicated copies are one report, not corroboration
    summarizer = get_summarizer(options.summarizer)
    scores = summarizer.summarize(cluster, Budget(words=options.words, sentences=options.sentences))
    summary: list[SummarySentence] = []
    for score in scores:
        if not score.selected:
            continue
        sentence = cluster.article(score.doc_id).sentences[score.sentence]
        support = independent_support(
            find_support(cluster, sentence, options.support_threshold, options.min_shared_terms),
            sentence.doc_id,
            copies,
        )
        summary.append(
            SummarySentence(
                text=shown_text(sentence),
                sources=[sentence.doc_id] + [s.source for s in support],
                sentence=sentence.index,
                start=sentence.end - len(shown_text(sentence)),
                end=sentence.end,
                score=score.score,
                rank=score.rank,
                support=support,
            )
        )
    result = Brief(
        sources=articles,
        summary=reader_order(summary, cluster),
        summarizer=summarizer.name,
        scores=scores,
        warnings=list(warnings or []) + skipped + copy_warnings(copies),
        options=options,
    )
    result.warnings += [
        f"{a.path}: not English; the summary is made, but the analysers (quotes, dates, entities, "
        "source types) read English only, so their sections may be empty or wrong"
        for a in usable
        if textsim.is_foreign(a.text)
    ]
    if options.analyse:
        from newsbrief.analyse import analyse  # deferred: analysis pulls in heavier modules

        result.analysis = analyse(result, cluster)
    return result


def brief(paths: Iterable[str], options: Options | None = None) -> Brief:
    """Brief the articles found at ``paths`` (files, directories, ``"-"`` for stdin)."""
    options = options or Options()
    articles, warnings = load_articles(paths, options)
    return brief_articles(articles, options, warnings)
