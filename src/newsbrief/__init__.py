"""newsbrief: turn many articles about one story into a faithful, cited briefing.

The public API mirrors the CLI::

    import newsbrief
    result = newsbrief.brief(["examples/kerry-lavrov-2014"], newsbrief.Options(words=200))
    print(newsbrief.render(result, "markdown"))
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

from newsbrief.ingest import load_articles
from newsbrief.model import Article, Brief, Sentence, SummarySentence
from newsbrief.pipeline import brief, brief_articles, extract
from newsbrief.render import render
from newsbrief.settings import Options


def export(db: str, table: str, options: Options | None = None) -> Any:
    """One table of the story store at ``db`` (``"articles"``, ``"stories"``, ``"facts"``, ``"quotes"``,
    ``"timeline"``, ``"conflicts"``) as a pandas DataFrame; needs the ``export`` extra."""
    from newsbrief.store import open_store, table_rows
    from newsbrief.store.export import dataframe

    store = open_store(db)
    try:
        return dataframe(table_rows(store, table, options))
    finally:
        store.close()


__all__ = [
    "Article",
    "Brief",
    "Options",
    "Sentence",
    "SummarySentence",
    "__version__",
    "brief",
    "brief_articles",
    "export",
    "extract",
    "load_articles",
    "render",
]
