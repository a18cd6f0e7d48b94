"""JSON output following ``schema/brief.schema.json`` (validated in the tests)."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from newsbrief.model import Analysis, Article, Brief, Extracted
from newsbrief.render import RENDERERS
from newsbrief.settings import Options
from newsbrief.textsim import word_count

SCHEMA_VERSION = "1.0"


def _field(value: Extracted[Any] | None) -> dict[str, Any] | None:
    return (
        None
        if value is None
        else {"value": value.value, "provenance": value.provenance, "confidence": value.confidence}
    )


def source_to_dict(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "title": article.title_text or None,
        "outlet": article.outlet_name,
        "path": article.path,
        "url": article.url.value if article.url else None,
        "published": article.published.value if article.published else None,
        "format": article.input_format,
        "metadata": {
            "title": _field(article.title),
            "outlet": _field(article.outlet),
            "url": _field(article.url),
            "published": _field(article.published),
        },
        "words": word_count(article.text),
        "sentences": len(article.sentences),
        "removed": [{"start": r.start, "end": r.end, "rule": r.rule} for r in article.removed],
    }


def source_text_fields(article: Article) -> dict[str, Any]:
    """A source's cleaned text and its sentences' offsets into it (schema ``source``)."""
    return {"text": article.text, "sentence_spans": [[s.start, s.end] for s in article.sentences]}


def extraction_to_dict(article: Article) -> dict[str, Any]:
    """One line of ``newsbrief extract --format jsonl``: the schema's ``source`` with its text, and
    each removed span with the raw text it held (what was dropped, and by which rule)."""
    entry = source_to_dict(article) | source_text_fields(article)
    entry["removed"] = [{"start": r.start, "end": r.end, "rule": r.rule, "text": r.text} for r in article.removed]
    return entry


# The options a brief reports (schema ``options``): its budgets and corroboration settings.
REPORTED_OPTIONS = ("words", "sentences", "support_threshold", "min_shared_terms", "outlets_file")


def options_to_dict(options: Options) -> dict[str, Any]:
    return {name: getattr(options, name) for name in REPORTED_OPTIONS}


def analysis_to_dict(analysis: Analysis) -> dict[str, Any]:
    """The analysis as the schema has it; a source type's signals are the reasons as text
    (``"evaluative_per_100_words=2.38 (+1.90)"``, after the score line)."""
    result = asdict(analysis)
    result["source_types"] = [
        {"source": kind.source, "label": kind.label, "confidence": kind.confidence, "signals": kind.reasons()}
        for kind in analysis.source_types
    ]
    return result


def brief_to_dict(brief: Brief, include_text: bool = False) -> dict[str, Any]:
    """The JSON-ready form of a brief. ``include_text`` adds each source's cleaned text and
    sentence offsets (the HTML report and the web app need them)."""
    sources = [source_to_dict(a) for a in brief.sources]
    if include_text:
        for entry, article in zip(sources, brief.sources, strict=True):
            entry.update(source_text_fields(article))
    return {
        "schema_version": SCHEMA_VERSION,
        "summarizer": brief.summarizer,
        "options": options_to_dict(brief.options),
        "words": brief.word_count,
        "sources": sources,
        "summary": [
            {
                "text": item.text,
                "sources": item.sources,
                "sentence": item.sentence,
                "start": item.start,
                "end": item.end,
                "score": round(item.score, 6),
                "rank": item.rank,
                "support": [asdict(s) for s in item.support],
                "superseded": [asdict(s) for s in item.superseded],
            }
            for item in brief.summary
        ],
        "scores": [asdict(s) for s in brief.scores],
        "analysis": analysis_to_dict(brief.analysis) if brief.analysis else None,
        "warnings": brief.warnings,
    }


@RENDERERS.register("json")
def render(brief: Brief) -> str:
    return json.dumps(brief_to_dict(brief), ensure_ascii=False, indent=2) + "\n"
