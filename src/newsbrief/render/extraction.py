"""What ``newsbrief extract`` writes: the articles as the summarizer reads them.

* ``text``: per article its title on the first line, a blank line, then the cleaned body, its
  paragraphs separated by blank lines: the form a ``.txt`` input has, so the output can be briefed
  again. Articles are separated by a line holding a form feed (``\\f``), the page break of plain text.
* ``jsonl``: one JSON object per article, the JSON schema's ``source`` (``schema/brief.schema.json``)
  with its text, sentence offsets, every metadata field's provenance and confidence, and each span
  the cleaner removed with its rule and text.
"""

from __future__ import annotations

from newsbrief.fileio import json_line
from newsbrief.model import Article
from newsbrief.render.json import extraction_to_dict

ARTICLE_SEPARATOR = "\f\n"


def as_text(articles: list[Article]) -> str:
    pages = [f"{article.title_text}\n\n{article.text.strip()}\n" for article in articles]
    return ARTICLE_SEPARATOR.join(pages)


def as_jsonl(articles: list[Article]) -> str:
    return "".join(json_line(extraction_to_dict(article)) + "\n" for article in articles)


EXTRACTION_RENDERERS = {"text": as_text, "jsonl": as_jsonl}
EXTRACTION_FORMATS = tuple(EXTRACTION_RENDERERS)


def render_extraction(articles: list[Article], fmt: str) -> str:
    if fmt not in EXTRACTION_RENDERERS:
        raise ValueError(f"unknown extraction format {fmt!r}; choose from {', '.join(EXTRACTION_FORMATS)}")
    return EXTRACTION_RENDERERS[fmt](articles)
