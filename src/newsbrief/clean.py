"""Clean already-extracted article text: drop comments and page furniture, keep the article.

Works line by line over ``Article.raw_text``. Kept lines become paragraphs of
``Article.text`` (joined by blank lines, whitespace collapsed, bullet glyphs stripped); every
dropped line is recorded in ``Article.removed`` with the rule that dropped it, so nothing is
lost silently. Cleaning never adds text: each paragraph is a whitespace-normalised
substring of one raw line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsbrief import boilerplate as bp
from newsbrief.ingest.outlets import masthead_outlet
from newsbrief.model import Article, RemovedSpan

_COMMENT_START = bp.compile_rules(bp.COMMENT_SECTION_START)
_FURNITURE = [(name, bp.compile_rules(patterns)) for name, patterns in bp.FURNITURE_LINES.items()]
_WEATHER = re.compile(bp.WEATHER_TEMPERATURE, re.IGNORECASE)
_PULL_START = re.compile(bp.PULL_QUOTE_START, re.IGNORECASE)
_PULL_END = re.compile(bp.PULL_QUOTE_END, re.IGNORECASE)
_CAPTION_MARKERS = bp.compile_rules(bp.CAPTION_MARKERS)
_REFERENCE_END = re.compile(bp.SENTENCE_END_WITH_REFERENCES)
_SPACES = re.compile(r"\s+")


@dataclass(slots=True)
class Line:
    start: int  # offset of the line in the raw text
    end: int
    raw: str
    text: str  # whitespace-normalised, bullet glyph stripped
    is_bullet: bool


def _split_lines(raw: str) -> list[Line]:
    lines = []
    offset = 0
    for raw_line in raw.splitlines(keepends=True):
        body = raw_line.rstrip("\r\n")
        text = _SPACES.sub(" ", body).strip()
        stripped = text.lstrip(bp.BULLET_GLYPHS)
        is_bullet = stripped != text and (stripped[:1] == " " or not text[:1].isalnum())
        if is_bullet and text[:1] in "-–—" and not stripped.startswith(" "):
            is_bullet = False  # "-2 C" or "—word" is not a bullet
        lines.append(Line(offset, offset + len(body), body, stripped.strip() if is_bullet else text, is_bullet))
        offset += len(raw_line)
    return lines


def furniture_rule(text: str) -> str | None:
    """The name of the furniture rule a single line matches, or None."""
    for name, patterns in _FURNITURE:
        if any(p.search(text) for p in patterns):
            return name
    return None


def is_title_case(text: str) -> bool:
    """Headlines capitalise most longer words; captions are written as sentences."""
    long_words = [w for w in text.split() if len(w) > 3 and w[0].isalpha()]
    return bool(long_words) and sum(w[0].isupper() for w in long_words) / len(long_words) >= 0.7


def is_caption(line: Line) -> bool:
    if line.is_bullet:
        return False
    if any(p.search(line.text) for p in _CAPTION_MARKERS):
        return True
    return (
        bp.CAPTION_MIN_WORDS <= len(line.text.split()) <= bp.CAPTION_MAX_WORDS
        and line.text[-1] not in bp.SENTENCE_END
        and not _REFERENCE_END.search(line.text)
        and not is_title_case(line.text)
    )


def _label_lines(lines: list[Line]) -> list[str | None]:
    """For each line, the rule that drops it, or None to keep it."""
    labels: list[str | None] = [None] * len(lines)
    seen: set[str] = set()
    in_pull_quote = False
    for i, line in enumerate(lines):
        text = line.text
        if not text:
            labels[i] = "blank"
            continue
        if any(p.search(text) for p in _COMMENT_START):
            for j in range(i, len(lines)):
                labels[j] = "comments"
            break
        if _PULL_START.match(text):
            in_pull_quote = True
        if in_pull_quote:
            labels[i] = "pull-quote"
            in_pull_quote = not _PULL_END.match(text)
            continue
        if _WEATHER.match(text):
            labels[i] = "weather"
            following = next((k for k in range(i + 1, len(lines)) if lines[k].text), None)
            if following is not None and len(lines[following].text.split()) <= bp.WEATHER_PLACE_MAX_WORDS:
                labels[following] = "weather"
            continue
        if labels[i]:
            continue
        rule = furniture_rule(text)
        if rule:
            labels[i] = rule
        elif masthead_outlet(text):
            labels[i] = "masthead"
        elif is_caption(line):
            labels[i] = "caption"
        elif text.lower() in seen:
            labels[i] = "duplicate-line"
        else:
            seen.add(text.lower())
    _label_trailing_furniture(lines, labels)
    return labels


def _label_trailing_furniture(lines: list[Line], labels: list[str | None]) -> None:
    """Drop short unpunctuated lines after the article's last sentence (author boxes, link labels)."""
    kept = [i for i, label in enumerate(labels) if label is None]
    for i in reversed(kept[1:]):  # never the first kept line: it is the title or the only text
        line = lines[i]
        too_long = len(line.text.split()) > bp.TRAILING_FURNITURE_MAX_WORDS
        if line.is_bullet or too_long or line.text[-1] in bp.SENTENCE_END:
            return
        labels[i] = "trailing-furniture"


def line_labels(raw: str) -> list[str | None]:
    """For each line of ``raw.splitlines()``: the rule that drops it (``"blank"`` for empty
    lines), or None when the cleaner keeps it. The labelled-fixture evaluation uses this."""
    return _label_lines(_split_lines(raw))


def first_kept_line(raw: str) -> int | None:
    """Index (in ``raw.splitlines()``) of the first line the cleaner keeps, or None."""
    return next((i for i, label in enumerate(line_labels(raw)) if label is None), None)


def clean_text(raw: str) -> tuple[str, list[RemovedSpan]]:
    """Return ``(cleaned_text, removed_spans)`` for one raw article body."""
    lines = _split_lines(raw)
    labels = _label_lines(lines)
    kept: list[str] = []
    removed: list[RemovedSpan] = []
    for line, label in zip(lines, labels, strict=True):
        if label is None:
            kept.append(line.text)
        elif label != "blank":
            removed.append(RemovedSpan(line.start, line.end, label, line.raw))
    return "\n\n".join(kept), removed


def clean(article: Article) -> Article:
    """Fill ``article.text`` and ``article.removed`` from ``article.raw_text``."""
    article.text, article.removed = clean_text(article.raw_text)
    return article
