"""Clean already-extracted article text: drop comments and page furniture, keep the article.

Works paragraph by paragraph over ``Article.raw_text``. Paragraphs are rebuilt from physical
lines first: hard-wrapped text (newswire, press releases and e-mails wrapped at ~70 columns) is
joined back, and a blank line, an indented line or a bullet starts a new paragraph; scraped
text, where every line is a paragraph, stays one paragraph per line. The rules then label
whole paragraphs, never wrapped line fragments. Kept paragraphs become ``Article.text``
(joined by blank lines, whitespace collapsed, bullet glyphs stripped); every dropped paragraph
is recorded in ``Article.removed`` with its raw offsets and the rule that dropped it, so nothing
is lost silently. Cleaning never adds text: each paragraph is a whitespace-normalised substring
of the raw text.

HTML input has already been through trafilatura's main-text extraction: there the cleaner
applies only the rules that prove a paragraph is furniture (patterns), not the heuristics
(captions by shape, repeats, trailing short lines), which on trafilatura's evaluation pages
removed more article text than furniture.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, deque
from dataclasses import dataclass

from newsbrief import boilerplate as bp
from newsbrief.ingest.outlets import masthead_outlet
from newsbrief.lexicon import SPACELESS_SCRIPT_CHARS
from newsbrief.model import Article, RemovedSpan

_COMMENT_START = bp.compile_alternation(bp.COMMENT_SECTION_START)


def _by_anchoring(rules: dict[str, list[str]]) -> list[tuple[str, re.Pattern[str] | None, re.Pattern[str] | None]]:
    """Each rule's patterns as two alternations (one regex call each instead of one per pattern):
    those anchored at the paragraph's start, and those that may match anywhere in it (searched in
    the lower-cased paragraph: a case-insensitive search scans several times slower)."""
    result = []
    for name, patterns in rules.items():
        anchored = [p for p in patterns if p.startswith("^")]
        loose = [p for p in patterns if not p.startswith("^")]
        result.append(
            (
                name,
                bp.compile_alternation(anchored) if anchored else None,
                bp.compile_alternation(loose, ignore_case=False) if loose else None,
            )
        )
    return result


_FURNITURE = _by_anchoring({**bp.FURNITURE_LINES, **bp.CREDITS_AND_PROMOS})
# the "footer" patterns that may match inside a paragraph ("©"), for a notice ending one (_trailing_footer)
_LOOSE_FOOTER = bp.compile_alternation([p for p in bp.FURNITURE_LINES["footer"] if not p.startswith("^")], False)
_CREDIT_SENTENCE = bp.compile_rules(bp.CREDITS_AND_PROMOS["credit"])
_CREDIT_CUE = re.compile(bp.TRAILING_CREDIT_CUE, re.IGNORECASE)
_CLICK_HERE = re.compile(bp.CLICK_HERE_SENTENCE, re.IGNORECASE)
_SENTENCE_GAP = re.compile(r"[.!?][\"'”’)]*+\s+")
_LONG_FURNITURE = [(name, bp.compile_rules(patterns)) for name, patterns in bp.LONG_FURNITURE.items()]
_PROMO_LIST_START = bp.compile_alternation(bp.PROMO_LIST_START)
_WEATHER = re.compile(bp.WEATHER_TEMPERATURE, re.IGNORECASE)
_PULL_START = re.compile(bp.PULL_QUOTE_START, re.IGNORECASE)
_PULL_END = re.compile(bp.PULL_QUOTE_END, re.IGNORECASE)
_SPONSOR_START = re.compile(bp.SPONSOR_BLOCK_START, re.IGNORECASE)
_SPONSOR_END = re.compile(bp.SPONSOR_BLOCK_END)
# searched in the lower-cased paragraph, as the loose furniture patterns (several times faster)
_CAPTION_MARKERS_LOOSE = bp.compile_alternation(
    [p for p in bp.CAPTION_MARKERS if not p.startswith("^")], ignore_case=False
)
_CAPTION_CREDIT = bp.compile_alternation(bp.CAPTION_CREDITS, ignore_case=False)
_CAPTION_MARKERS_ANCHORED = bp.compile_alternation([p for p in bp.CAPTION_MARKERS if p.startswith("^")])
_REFERENCE_END = re.compile(bp.SENTENCE_END_WITH_REFERENCES)
_SPACELESS = re.compile(SPACELESS_SCRIPT_CHARS)
_CLIPPED_SENTENCE = re.compile(bp.CLIPPED_SENTENCE)
_NUMBERED_ITEM = re.compile(bp.NUMBERED_ITEM)
_INITIALISM_END = re.compile(bp.INITIALISM_END)
_NOT_UNPUNCTUATED_END = frozenset(bp.SENTENCE_END + bp.CAPTION_NOT_END)

# Input formats whose text a main-text extractor already chose: only proven furniture goes.
EXTRACTED_FORMATS = frozenset({"html"})
# Pattern rules left off for those formats: on the tune half of trafilatura's evaluation pages an
# embedded post (a quoted tweet) is article text by the "with" snippets (1 lost, no "without" one
# removed: python bench/bench_extraction.py ../devdata/trafilatura/tests --half tune --lost); so is an address
# alone (a campaign's contact address there; boilerplate's "address", wave 10).
EXTRACTED_KEEPS = frozenset({"embedded-post", "address"})
# Input formats whose body is a whole scraped page, headline included, with no title field: the
# first paragraph that is not proven furniture may be the headline, whatever its case.
HEADLINE_FIRST_FORMATS = frozenset({"multinews"})


@dataclass(slots=True)
class Line:
    start: int  # offset of the line in the raw text
    end: int
    raw: str
    text: str  # whitespace-normalised, bullet glyph stripped
    is_bullet: bool
    indent: int  # columns of leading whitespace (a tab counts as one)


@dataclass(slots=True)
class Paragraph:
    first: int  # index of its first and last physical line
    last: int
    start: int  # raw offsets: start of the first line, end of the last
    end: int
    text: str  # the lines' texts joined by single spaces
    is_bullet: bool

    @property
    def is_one_line(self) -> bool:
        return self.first == self.last


def _split_lines(raw: str) -> list[Line]:
    lines = []
    offset = 0
    for raw_line in raw.splitlines(keepends=True):
        body = raw_line.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        text = " ".join(body.split())
        if len(text) > 4 and text.startswith("| ") and text.endswith(" |"):
            text = text[2:-2].strip()  # a table row as trafilatura writes it: "| cell | cell |"
        stripped = text.lstrip(bp.BULLET_GLYPHS)
        is_bullet = stripped != text and (stripped[:1] == " " or not text[:1].isalnum())
        if (
            is_bullet
            and (
                (text[:1] in bp.GLUED_NOT_BULLET and not stripped.startswith(" "))
                or text.startswith("--")  # a newswire dash: "-- 53 percent"
                or (text[:1] in bp.DIALOGUE_DASH and stripped.lstrip()[:1] in bp.DIALOGUE_QUOTES)
            )
        ):
            is_bullet = False  # boilerplate.GLUED_NOT_BULLET: "-2 C", "—word", "– „dialogue“"
        indent = len(body) - len(body.lstrip(" \t"))
        lines.append(Line(offset, offset + len(body), body, stripped.strip() if is_bullet else text, is_bullet, indent))
        offset += len(raw_line)
    return lines


def wrap_width(lines: list[Line]) -> int | None:
    """The column a hard-wrapped text was wrapped at, or None when its lines are not wrapped.

    In wrapped text nearly every line followed by another line of its paragraph ends within a
    word's length of one width; scraped text, where each line is a paragraph, has lines of every
    length, most far longer than any wrap width. The width is the window of WRAP_RAGGEDNESS
    columns holding most such lines (a few long lines, a URL or a table row, do not move it)."""
    inner = [len(a.raw.rstrip()) for a, b in itertools.pairwise(lines) if a.text and b.text]
    if len(inner) < bp.WRAP_MIN_LINES:
        return None
    counts = Counter(inner)
    below = list(itertools.accumulate(counts[n] for n in range(bp.WRAP_MAX_WIDTH + 1)))  # lines <= n columns

    def near(width: int) -> int:
        return below[width] - below[max(0, width - bp.WRAP_RAGGEDNESS - 1)]

    width = max(range(bp.WRAP_MIN_WIDTH, bp.WRAP_MAX_WIDTH + 1), key=lambda w: (near(w), -w))
    return width if near(width) / len(inner) >= bp.WRAP_MIN_SHARE else None


def _continues(lines: list[Line], i: int, width: int, body_indent: int) -> bool:
    """Was line ``i`` wrapped onto line ``i + 1``? (Only asked in hard-wrapped text.)"""
    line, following = lines[i], lines[i + 1]
    if not following.text or following.is_bullet or following.indent > body_indent:
        return False  # a blank line, a bullet or an indented first line starts a paragraph
    after = lines[i + 2] if i + 2 < len(lines) else None
    if (
        line.text[-1] in bp.SENTENCE_END
        and following.text[-1] not in bp.SENTENCE_END
        and (after is None or not after.text or after.indent > body_indent)
    ):
        return False  # a sub-heading after a paragraph's last sentence, not its unpunctuated end
    next_word = following.text.split(" ", 1)[0]
    # a wrapping tool breaks a line only when the next word would not fit on it
    return len(line.raw.rstrip()) + 1 + len(next_word) > width - bp.WRAP_RAGGEDNESS


def _paragraphs(lines: list[Line]) -> list[Paragraph]:
    width = wrap_width(lines)
    indents = [line.indent for line in lines if line.text]
    body_indent = min(set(indents), key=lambda n: (-indents.count(n), n)) if width and indents else 0
    paragraphs: list[Paragraph] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.text:
            i += 1
            continue
        last = i
        if width:
            while last + 1 < len(lines) and _continues(lines, last, width, body_indent):
                last += 1
        text = " ".join(lines[k].text for k in range(i, last + 1))
        # newswire lists open each item with an underscore dash ("_ For months, fans have ...");
        # only at a paragraph's start is it a bullet (inside one it is a dash that wrapped)
        is_bullet = line.is_bullet or text.startswith(bp.WIRE_BULLET)
        if text.startswith(bp.WIRE_BULLET):
            text = text[len(bp.WIRE_BULLET) :]
        paragraphs.append(Paragraph(i, last, line.start, lines[last].end, text, is_bullet))
        i = last + 1
    return paragraphs


def is_spaceless(text: str) -> bool:
    """Is ``text`` mostly in a script written without spaces between words (Chinese, Japanese,
    Thai)? Word-count rules were written for spaced scripts and must not fire on it."""
    if not _SPACELESS.search(text):
        return False
    script = len(_SPACELESS.findall(text))
    # some of those script characters are combining signs, not letters (str.isalpha is False)
    letters = sum(ch.isalpha() for ch in text)
    return script / max(letters, script) >= bp.SPACELESS_MIN_SHARE


def furniture_rule(text: str) -> str | None:
    """The name of the furniture rule a paragraph matches, or None."""
    for name, patterns in _LONG_FURNITURE:
        if any(p.search(text) for p in patterns):
            return name
    # a pattern that may match inside a paragraph ("©") proves nothing about a long one: that is prose
    lowered = text.lower() if len(text.split()) <= bp.FURNITURE_MAX_WORDS else None
    for name, anchored, loose in _FURNITURE:
        if (anchored and anchored.match(text)) or (lowered is not None and loose and loose.search(lowered)):
            return name
    return None


def is_title_case(text: str) -> bool:
    """Headlines capitalise most longer words; captions are written as sentences."""
    long_words = [w for w in text.split() if len(w) > 3 and w[0].isalpha()]
    return bool(long_words) and sum(w[0].isupper() for w in long_words) / len(long_words) >= 0.7


def is_caption(paragraph: Paragraph) -> bool:
    return _has_caption_marker(paragraph) or _is_caption_shaped(paragraph)


def _has_caption_marker(paragraph: Paragraph) -> bool:
    text = paragraph.text  # the marker first: most paragraphs have none, and counting words costs more
    return bool(_CAPTION_MARKERS_LOOSE.search(text.lower()) or _CAPTION_MARKERS_ANCHORED.match(text)) and (
        _is_caption_sized(paragraph)
    )


def _ends_in_picture_credit(paragraph: Paragraph) -> bool:
    return bool(_CAPTION_CREDIT.search(paragraph.text.lower())) and _is_caption_sized(paragraph)


def _is_caption_sized(paragraph: Paragraph) -> bool:
    """No bullet, and no longer than a caption (a longer paragraph ending in a credit is text)."""
    return not paragraph.is_bullet and len(paragraph.text.split()) <= bp.CAPTION_MAX_WORDS


def _is_unpunctuated(paragraph: Paragraph) -> bool:
    """Not ending like a sentence, and no longer than a caption."""
    text = paragraph.text
    return (  # cheapest test first: most paragraphs end like a sentence
        text[-1] not in _NOT_UNPUNCTUATED_END
        and len(text.split()) <= bp.CAPTION_MAX_WORDS
        and not is_spaceless(text)
        and not _REFERENCE_END.search(text)
    )


def _is_caption_shaped(paragraph: Paragraph) -> bool:
    text = paragraph.text
    return (
        not paragraph.is_bullet
        and len(text.split()) >= bp.CAPTION_MIN_WORDS
        and _is_unpunctuated(paragraph)
        and not _NUMBERED_ITEM.match(text)
        and not is_title_case(text)
        and not _is_clipped_sentence(text)
    )


def _is_clipped_sentence(text: str) -> bool:
    """Several sentences, the last ending in a lower-case word without its stop (boilerplate.CLIPPED_SENTENCE)."""
    match = _CLIPPED_SENTENCE.search(text)
    return match is not None and len(match.group().split()) - 1 >= bp.CLIPPED_LAST_SENTENCE_MIN_WORDS


def is_headline(paragraph: Paragraph) -> bool:
    """Headline form, whatever its case: one line, short, no full stop at its end."""
    text = paragraph.text
    return (
        paragraph.is_one_line
        and not paragraph.is_bullet
        and len(text.split()) <= bp.HEADLINE_MAX_WORDS
        and len(text) <= bp.HEADLINE_MAX_CHARS
        and text[-1] not in bp.HEADLINE_NOT_END
    )


def _is_link_label(text: str) -> bool:
    """A link's text in a list of links: short, and unpunctuated or a title-case headline."""
    if len(text.split()) > bp.PROMO_LIST_MAX_WORDS:
        return False
    return text[-1] not in '.:;,"”' or is_title_case(text) or bool(_INITIALISM_END.search(text))


def _label(paragraphs: list[Paragraph], input_format: str, headline_first: bool) -> list[str | None]:
    """For each paragraph, the rule that drops it, or None to keep it. With ``headline_first``
    the text starts with its headline: the first paragraph that is not proven furniture is
    kept when it has a headline's form (a sentence-case headline is no caption)."""
    extracted = input_format in EXTRACTED_FORMATS
    labels: list[str | None] = [None] * len(paragraphs)
    in_pull_quote = in_promo_list = False
    awaiting_headline = headline_first
    shaped: list[int] = []  # caption-shaped paragraphs: captions unless they stand in a list
    repeats: list[int] = []  # paragraphs repeating an earlier one: dropped unless in a list
    seen: set[str] = set()
    for i, paragraph in enumerate(paragraphs):
        text = paragraph.text
        if _COMMENT_START.search(text):
            for j in range(i, len(paragraphs)):
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
            following = paragraphs[i + 1] if i + 1 < len(paragraphs) else None
            if following is not None and len(following.text.split()) <= bp.WEATHER_PLACE_MAX_WORDS:
                labels[i + 1] = "weather"
            continue
        if paragraph.is_bullet and _SPONSOR_START.match(text):
            _label_sponsor_block(paragraphs, i, labels)
        if labels[i]:
            continue
        if in_promo_list and _is_link_label(text):
            labels[i] = "promo"
            continue
        in_promo_list = bool(_PROMO_LIST_START.match(text))
        if in_promo_list:
            labels[i] = "promo"
            continue
        rule = furniture_rule(text) or ("masthead" if masthead_outlet(text) else None)
        if rule == "footer" and _trailing_notice(paragraph) is not None:
            rule = None  # text ending in a footer notice: clean_text cuts the notice off
        if extracted and rule in EXTRACTED_KEEPS:
            rule = None
        if rule:
            labels[i] = rule
            continue  # proven furniture: the headline may still follow
        if awaiting_headline and not extracted and _ends_in_picture_credit(paragraph):
            labels[i] = "caption"  # headline-shaped, but it ends in a picture credit
            continue
        if not (awaiting_headline and is_headline(paragraph)) and not extracted:
            if _has_caption_marker(paragraph):
                labels[i] = "caption"
            elif _is_caption_shaped(paragraph):
                shaped.append(i)
            elif text.lower() in seen:
                repeats.append(i)
        seen.add(text.lower())
        awaiting_headline = False
    if not extracted:
        in_list = _in_unpunctuated_runs(paragraphs, labels)
        for i in shaped:
            if not in_list[i]:
                labels[i] = "caption"
        # a paragraph the page repeats (a gallery's caption and credit, a heading) goes; an item
        # repeated inside a list (the list under a second heading) is the list's
        for i in repeats:
            if not in_list[i]:
                labels[i] = "duplicate-line"
        _label_trailing_furniture(paragraphs, labels)
    return labels


def _label_sponsor_block(paragraphs: list[Paragraph], start: int, labels: list[str | None]) -> None:
    """A sponsor's message opening at ``start``: through the paragraph that closes it (boilerplate.SPONSOR_BLOCK_*)."""
    block = paragraphs[start : start + bp.SPONSOR_BLOCK_MAX_PARAGRAPHS]
    end = next((k for k, p in enumerate(block) if _SPONSOR_END.search(p.text)), 0)
    labels[start : start + end + 1] = ["promo"] * (end + 1)


def _in_unpunctuated_runs(paragraphs: list[Paragraph], labels: list[str | None]) -> list[bool]:
    """Which paragraphs stand in a run of at least CAPTION_LIST_MIN_RUN kept, unpunctuated
    paragraphs in a row: the lines of a list, a verse or a timeline, not captions. (Bullets are
    kept anyway and break a run: a caption after a bulleted list is still a caption.)"""
    result = [False] * len(paragraphs)
    start = 0
    for end in range(len(paragraphs) + 1):
        paragraph = paragraphs[end] if end < len(paragraphs) else None
        if paragraph and labels[end] is None and not paragraph.is_bullet and _is_unpunctuated(paragraph):
            continue
        if end - start >= bp.CAPTION_LIST_MIN_RUN:
            result[start:end] = [True] * (end - start)
        start = end + 1
    return result


def _label_trailing_furniture(paragraphs: list[Paragraph], labels: list[str | None]) -> None:
    """Drop short unpunctuated lines after the article's last sentence (author boxes, link labels)."""
    kept = [i for i, label in enumerate(labels) if label is None]
    for i in reversed(kept[1:]):  # never the first kept paragraph: it is the title or the only text
        paragraph = paragraphs[i]
        too_long = len(paragraph.text.split()) > bp.TRAILING_FURNITURE_MAX_WORDS
        if paragraph.is_bullet or too_long or is_spaceless(paragraph.text) or paragraph.text[-1] in bp.SENTENCE_END:
            return
        labels[i] = "trailing-furniture"


def line_labels(raw: str, input_format: str = "text") -> list[str | None]:
    """For each line of ``raw.splitlines()``: the rule that drops its paragraph (``"blank"`` for
    empty lines), or None when the cleaner keeps it. The labelled-fixture evaluations use this."""
    lines = _split_lines(raw)
    paragraphs = _paragraphs(lines)
    result: list[str | None] = ["blank"] * len(lines)
    for paragraph, label in zip(paragraphs, _label(paragraphs, input_format, False), strict=True):
        result[paragraph.first : paragraph.last + 1] = [label] * (paragraph.last - paragraph.first + 1)
    return result


def headline_lines(raw: str) -> tuple[int, int] | None:
    """The first and last line (indices in ``raw.splitlines()``) of the first paragraph the
    cleaner keeps when ``raw`` starts with its headline, or None when it keeps nothing."""
    paragraphs = _paragraphs(_split_lines(raw))
    labels = _label(paragraphs, "text", True)
    first = next((p for p, label in zip(paragraphs, labels, strict=True) if label is None), None)
    return (first.first, first.last) if first else None


def clean_text(raw: str, input_format: str = "text") -> tuple[str, list[RemovedSpan]]:
    """Return ``(cleaned_text, removed_spans)`` for one raw article body."""
    paragraphs = _paragraphs(_split_lines(raw))
    kept: list[str] = []
    removed: list[RemovedSpan] = []
    headline_first = input_format in HEADLINE_FIRST_FORMATS
    for paragraph, label in zip(paragraphs, _label(paragraphs, input_format, headline_first), strict=True):
        if label is not None:
            removed.append(RemovedSpan(paragraph.start, paragraph.end, label, raw[paragraph.start : paragraph.end]))
            continue
        notice = _trailing_notice(paragraph)
        raw_cut = None if notice is None else _raw_offset(raw, paragraph, notice[0])
        if notice is None or raw_cut is None:
            kept.append(paragraph.text)
        else:
            cut, rule = notice
            kept.append(paragraph.text[:cut].rstrip())
            removed.append(RemovedSpan(raw_cut, paragraph.end, rule, raw[raw_cut : paragraph.end]))
    return "\n\n".join(kept), removed


def _trailing_notice(paragraph: Paragraph) -> tuple[int, str] | None:
    """Where a credit or a footer notice ending a longer paragraph starts (an offset in the
    paragraph's text), with the rule's name: the earlier of the two when both are found (a
    credit may follow a notice); None when there is none."""
    if paragraph.is_bullet:
        return None
    cuts = [(cut, rule) for rule, find in _TRAILING_NOTICES if (cut := find(paragraph.text)) is not None]
    return min(cuts, default=None)


def _sentence_starts(text: str, last: int) -> deque[int]:
    """The offsets where the last ``last`` sentences after the first begin."""
    return deque((m.end() for m in _SENTENCE_GAP.finditer(text)), maxlen=last)


def _trailing_credit(text: str) -> int | None:
    """Where a credit sentence ending a longer paragraph starts ("… he said. Josh Dawsey contributed
    to this report."); None when there is none."""
    if not _CREDIT_CUE.search(text[-bp.TRAILING_CREDIT_MAX_CHARS :]):
        return None
    starts = _sentence_starts(text, bp.TRAILING_CREDIT_MAX_SENTENCES)
    return next((start for start in starts if any(p.search(text[start:]) for p in _CREDIT_SENTENCE)), None)


def _trailing_footer(text: str) -> int | None:
    """Where a footer notice ending a paragraph of text starts ("… to our readers. Copyright © 2018.
    All Rights Reserved."): the sentence of the first loose "footer" match, when it is one of the last
    TRAILING_FOOTER_MAX_SENTENCES and the text before it is long enough and no furniture; else None."""
    if len(text.split()) > bp.FURNITURE_MAX_WORDS:
        return None  # the loose patterns prove nothing in a long paragraph (furniture_rule)
    lowered = text.lower()
    match = _LOOSE_FOOTER.search(lowered) if len(lowered) == len(text) else None  # else offsets differ
    if match is None:
        return None
    # the start of the match's sentence, if it is one of the last sentences (and not the first)
    starts = [start for start in _sentence_starts(text, bp.TRAILING_FOOTER_MAX_SENTENCES) if start <= match.start()]
    if not starts:
        return None
    cut = starts[-1]
    head = text[:cut].rstrip()
    if len(head.split()) < bp.TRAILING_FOOTER_MIN_KEPT_WORDS or furniture_rule(head) or masthead_outlet(head):
        return None
    return cut


def _trailing_link_prompt(text: str) -> int | None:
    """Where a one-sentence link prompt ending a paragraph starts ("… in the ring. To learn more
    about her, click here."); None when the last sentence is none."""
    starts = _sentence_starts(text, 1)
    return starts[0] if starts and _CLICK_HERE.match(text[starts[0] :]) else None


_TRAILING_NOTICES = (("credit", _trailing_credit), ("footer", _trailing_footer), ("promo", _trailing_link_prompt))


def _raw_offset(raw: str, paragraph: Paragraph, cut: int) -> int | None:
    """The offset in ``raw`` of offset ``cut`` of the paragraph's normalised text (whose
    non-space characters are those of its raw lines, less any stripped bullet glyph or table
    marker); None when they cannot be lined up."""
    source = raw[paragraph.start : paragraph.end]
    skipped = "".join(source.split()).find("".join(paragraph.text.split()))  # a stripped glyph or marker
    if skipped < 0:
        return None
    wanted = skipped + len("".join(paragraph.text[:cut].split()))  # non-space characters before the cut
    seen = 0
    for offset, char in enumerate(source):
        if not char.isspace():
            if seen == wanted:
                return paragraph.start + offset
            seen += 1
    return None


def clean(article: Article) -> Article:
    """Fill ``article.text`` and ``article.removed`` from ``article.raw_text``."""
    article.text, article.removed = clean_text(article.raw_text, article.input_format)
    return article
