"""Split cleaned article text into sentences with character offsets.

Rule-based on purpose: it needs no model download, runs in microseconds, and handles the
cases news text is full of: "Mr Kerry" and "Mr. Kerry", "U.S.", initials ("John F. Kennedy"),
decimals, quotes closing after the full stop, bullets and headlines without final
punctuation. ``article.text[s.start:s.end] == s.text`` holds for every sentence.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Iterator

from newsbrief.lexicon import SPEECH_TAG_VERBS, alternation
from newsbrief.model import Article, Sentence

# Titles before a name: a full stop after them never ends a sentence ("Mr. Kerry", "Gen. Smith").
TITLES = frozenset(
    """
    mr mrs ms dr prof st gen lt col maj capt sgt cpl adm gov sen rep pres rev hon fr messrs mme mlle
    """.split()
)
# Abbreviations that usually continue the sentence ("U.S. Secretary", "5 p.m. Monday", "Jan. 5")
# but can end one ("He lives in the U.S. He left."): they end it only before a word that
# typically opens a sentence. Dotted acronyms ("U.N.", "a.m.") are treated the same way.
ABBREVIATIONS = frozenset(
    """
    sr jr no nos vs etc approx dept est fig inc corp co ltd plc bros
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    u.s u.k u.n e.u u.s.a d.c a.m p.m e.g i.e al ft mt ave blvd rd
    """.split()
)
# AP state abbreviations that are not also words ("Farmington Hills, Mich."): in a dateline they
# continue ("LOS ANGELES, Calif. (AP) --"); before a capitalised word they end the sentence (a
# sentence going on after a state has a comma or a lower-case word next).
STATES = frozenset(
    "ala ariz ark calif colo conn fla kan kans ky md mass mich minn mont neb nev okla tenn tex vt wis wyo".split()
)
SENTENCE_STARTERS = frozenset(
    """
    a an the this that these those there it its he she they we i you his her their our my
    but and so yet however meanwhile then in on at for as if when while after before it's
    """.split()
)

# A candidate boundary: terminal punctuation, optional closing quotes/brackets (newswire closes
# with ''), whitespace. Never tried from inside a run of punctuation (the lookbehind), and the runs
# are possessive, so a line of 20,000 dots is scanned once, not once per dot (linear time).
_BOUNDARY = re.compile(r"(?<![.!?…])[.!?…]++[\"'”’)\]]*+(?=\s|[\"“‘`]{0,2}[A-Z][a-z])")
# Scrapers lose the space after a full stop ("pegged all wrong.The K-squad"): a stop glued between a
# lower-case word and a capitalised one ends a sentence too (not "Ph.D", "U.S.", "Alt.Sex", "Gov.Smith").
_GLUED_NEXT = re.compile(r"[\"“‘`]{0,2}[A-Z][a-z]")
# '"Oh really?" Ida asks.': a question or exclamation in quotes followed by its speech tag is one sentence.
# ('"…period!" He said liberals …' is a new sentence: a pronoun or a tag that goes on is no tag.)
_SPEECH_TAG = re.compile(
    r"(?!(He|She|They|We|I|It|You) )[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2} (" + alternation(SPEECH_TAG_VERBS) + r")[.,]"
)
# A wire dateline goes on after its place's abbreviation: "RIVERTON, Ore. (AP) -- The bridge ..."
_PLACE_ABBREVIATION_MAX = 6  # "Calif", "Wash", "N.Y" ("(HealthDay)—" after "contends." starts a sentence)
_DATELINE_TAG = re.compile(r"\s+\([A-Z][A-Za-z]{1,12}\)\s*(--|—|–|_)")
# A wire dateline at the start of a story's first sentence: the place in capitals, then optionally its
# region, a date and the agency, then a dash ("CITY, Region (Wire) -- ", "CITY, May 9 (Wire) -- ",
# "CITY _ ", "CITY, Ga. - "). It stays in the sentence (the date analyser reads it there); a summary shows the
# sentence without it (:func:`dateline_end`).
_WIRE_DATELINE = re.compile(
    r"[A-Z][A-Z.'’ -]*[A-Z.](?:, [A-Z][A-Za-z.'’ -]{1,25}?)?(?:,? [A-Z][a-z]{2,8}\.? [0-3]?\d)?"
    r"(?: \([A-Za-z][A-Za-z&.-]{0,15}\))? ?(?:--?|—|–|_) +(?=[\"“`]*[A-Z0-9])"
)
_LOWER_WORD_END = re.compile(r"(?<![\w.])[a-z]{2,}$")
_NEXT_START = re.compile(r"\s++([\"'“‘(\[`]{0,2})([A-Z0-9])")
# Chinese and Japanese end sentences with full-width marks and no space after them; a closing
# quote or bracket after the mark belongs to the sentence.
_CJK_BOUNDARY = re.compile(r"(?<![。！？])[。！？]++[」』”’）)〕】]*+")
_SPACES = re.compile(r"\s*")
_CJK_MARKS = "。！？"
_CJK_OPENING = "「『“‘（(〔【"
_TOKEN_BEFORE = re.compile(r"(?<![A-Za-z.])([A-Za-z][A-Za-z.]*)\.$")
_WORD_AFTER = re.compile(r"\s*[\"'“‘(\[`]{0,2}([A-Za-z’']+)")
_HEADING_MAX_WORDS = 12
_SENTENCE_END = re.compile(r"[.!?…。！？][\"'”’)\]」』`]*\s*$")
_DOTTED_ACRONYM = re.compile(r"([a-z]\.)+[a-z]")  # "u.s", "a.m" (lower-cased, final stop cut off)
# Before a sentence's first visible character: spaces, and invisible format characters scrapers leave
# (zero-width space/joiners, word joiner, byte-order mark: "\u200bCNN is being sued ..."), which are
# no part of the sentence and would hide its capital.
_LEADING = re.compile(r"[\s\u200b-\u200d\u2060\ufeff]*")


def ends_sentence(text: str) -> bool:
    """Does ``text`` end like a sentence? (A quote closing without a full stop does not:
    'Yanukovych: "I will be back in Kiev"' is a caption.)"""
    return bool(_SENTENCE_END.search(text))


def dateline_end(text: str) -> int:
    """Where a sentence's text begins after a leading wire dateline (0: it has none)."""
    match = _WIRE_DATELINE.match(text)
    return match.end() if match else 0


def _is_place_abbreviation(text: str, end: int) -> bool:
    """Is the full stop at ``text[end-1]`` the end of a short capitalised abbreviation ("Ore.", "Wash.")?"""
    match = _TOKEN_BEFORE.search(text[max(0, end - 12) : end])
    return match is not None and match.group(1)[0].isupper() and len(match.group(1)) <= _PLACE_ABBREVIATION_MAX


def _is_abbreviation(text: str, end: int) -> bool:
    """Is the full stop at ``text[end-1]`` part of an abbreviation or an initial (not a sentence end)?"""
    match = _TOKEN_BEFORE.search(text[max(0, end - 12) : end])
    if not match:
        return False
    token = match.group(1).lower()
    if token in TITLES or len(token) == 1:  # single initials: "John F. Kennedy"
        return True
    if token in STATES:
        return text[end : end + 2] in (" (", " -", ", ")  # a dateline: "LOS ANGELES, Calif. (AP) --"
    if token in ABBREVIATIONS or _DOTTED_ACRONYM.fullmatch(token):
        following = _WORD_AFTER.match(text, end)
        return not (following and following.group(1).lower() in SENTENCE_STARTERS)
    return False


def split_paragraph(text: str) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` spans of sentences inside one paragraph."""
    start = 0
    boundaries: Iterator[tuple[int, int]] = _boundaries(text)
    if any(mark in text for mark in _CJK_MARKS):  # its regex, led by a look-behind, tries every position
        boundaries = heapq.merge(boundaries, _cjk_boundaries(text))
    for end, following in boundaries:
        if end <= start:
            continue
        if text[start:end].strip():
            yield start, end
        start = following
    if text[start:].strip():
        yield start, len(text.rstrip())


def _boundaries(text: str) -> Iterator[tuple[int, int]]:
    """``(end, next_start)`` of each boundary after Latin-script punctuation, in order."""
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        punct_end = match.start() + len(match.group(0).rstrip("\"'”’)]"))
        if end < len(text) and not text[end].isspace():  # glued: "wrong.The"
            before = text[max(0, match.start() - 30) : match.start()]
            if not (_LOWER_WORD_END.search(before) and _GLUED_NEXT.match(text, end)):
                continue
            next_start = end
        else:
            following = _NEXT_START.match(text, end)
            if not following:
                continue
            next_start = following.start(1) if following.group(1) else following.start(2)
            if punct_end < end and text[punct_end - 1] in "?!" and _SPEECH_TAG.match(text, following.start(2)):
                continue
            if _DATELINE_TAG.match(text, end) and _is_place_abbreviation(text, punct_end):
                continue
        if text[punct_end - 1] == "." and _is_abbreviation(text, punct_end):
            continue
        yield end, next_start


def _cjk_boundaries(text: str) -> Iterator[tuple[int, int]]:
    """Full-width marks end a sentence wherever text follows (there is no space to wait for); after a
    closing quote only before a space or another quotation (「…。」と言った goes on)."""
    for match in _CJK_BOUNDARY.finditer(text):
        end = match.end()
        following = _SPACES.match(text, end).end()  # type: ignore[union-attr]  # \s* always matches
        if following == len(text):
            continue
        closes_quote = text[end - 1] not in _CJK_MARKS
        if closes_quote and following == end and text[end] not in _CJK_OPENING:
            continue
        yield end, following


def _paragraphs(text: str) -> Iterator[tuple[int, str]]:
    offset = 0
    for block in text.split("\n\n"):
        if block.strip():
            yield offset, block
        offset += len(block) + 2


def segment(article: Article) -> Article:
    """Fill ``article.sentences`` from ``article.text``."""
    sentences: list[Sentence] = []
    for paragraph_index, (offset, block) in enumerate(_paragraphs(article.text)):
        spans = list(split_paragraph(block))
        heading = len(spans) == 1 and len(block.split()) <= _HEADING_MAX_WORDS and not ends_sentence(block)
        for start, end in spans:
            lead = _LEADING.match(block, start).end() - start  # type: ignore[union-attr]  # * always matches
            if start + lead >= end:
                continue
            sentences.append(
                Sentence(
                    doc_id=article.id,
                    index=len(sentences),
                    start=offset + start + lead,
                    end=offset + end,
                    text=block[start + lead : end],
                    paragraph=paragraph_index,
                    is_heading=heading,
                )
            )
    article.sentences = sentences
    return article
