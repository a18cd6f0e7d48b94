"""newsbrief: turn many articles about one story into a faithful, cited briefing.

The public API mirrors the CLI::

    import newsbrief
    result = newsbrief.brief(["examples/kerry-lavrov-2014"], newsbrief.Options(words=200))
    print(newsbrief.render(result, "markdown"))
"""

from __future__ import annotations

__version__ = "0.1.0"

from newsbrief.ingest import load_articles
from newsbrief.model import Article, Brief, Sentence, SummarySentence
from newsbrief.pipeline import brief, brief_articles
from newsbrief.render import render
from newsbrief.settings import Options

__all__ = [
    "Article",
    "Brief",
    "Options",
    "Sentence",
    "SummarySentence",
    "__version__",
    "brief",
    "brief_articles",
    "load_articles",
    "render",
]
