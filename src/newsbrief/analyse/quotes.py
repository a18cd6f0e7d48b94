"""Who said what: direct quotes and reported speech with their speakers.

Quote marks are paired per paragraph (straight and curly, double and single; an apostrophe
inside a word such as "Ukraine’s" never closes a quote; nested quotes stay inside the outer one;
a quote still open at the paragraph end closes there). The speaker comes from the attribution
cue nearest the quote: right after it (``”, he said`` / ``’, added Mr Lavrov``), before it
(``Mr Kerry claims ‘…’``, ``according to``, ``Yanukovych: "…"``), or, for a sentence that is all
quote, from the previous quote (a continuation). Pronouns resolve to the speaker of a quote in
the previous two sentences, else to the nearest preceding named person (never one the article
titles for the other gender, "Ms Bouvier" for "he"); "it"/"they" to the subject of the previous
sentence. A role as subject ("the minister said") is the one person the article titles so.
Quotes of one or two words are kept as fragments (scare quotes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from newsbrief.analyse import register
from newsbrief.analyse.entities import NOT_NAMES, AliasIndex, lowercase_vocabulary
from newsbrief.lexicon import (
    DESCRIBED_SPEAKER_VERBS,
    DESCRIPTION_HEADS,
    INVERTED_SPEECH_VERBS,
    NAME_MARKING_SPEECH_VERBS,
    NOT_SPEAKER_NAME_WORDS,
    REPORTING_VERBS,
    ROLES,
    SPEECH_VERBS,
    alternation,
)
from newsbrief.model import Analysis, Article, Brief, Entity, Quote, Sentence
from newsbrief.textsim import Cluster

FRAGMENT_MAX_WORDS = 2
PRONOUN_WINDOW = 3  # sentences back in which "he"/"she" looks for its person
_CHAIN_DEPTH = 8  # earlier "he"/"she" a resolution follows back (bounds the recursion on long texts)
# Sentences back in which an all-quote sentence finds the quote it continues. Tune half of the
# trust labels: two sentences back gave 39 right / 6 wrong continuations, one back fewer wrong.
CONTINUATION_WINDOW = 1
CUE_VERBS = alternation(SPEECH_VERBS)
# "…,'' housewife Chan Lee Kit-ho was quoted as telling the Post": the passive names the speaker
# (the active "X quoted the letter as saying" names the one who relays it: not a cue).
_CUE = re.compile(rf"\b{CUE_VERBS}\b|\b[Aa]ccording to\b|\b(?:was|were) quoted as (?:saying|telling)\b")
# Reported speech: only verbs that introduce what someone said (not "called", "wants").
_REPORTING = re.compile(rf"\b{alternation(REPORTING_VERBS)}\b")
_PRONOUN = re.compile(r"\b(?:he|she|He|She|it|It|they|They)\b")
_INDIRECT_OBJECT = re.compile(r"^\s*(?:that\s+|reporters\s+|journalists\s+|him\s+|her\s+|them\s+|MPs\s+)*(?:that\s+)?")
# "warned Moscow they would …", "told the Kremlin he was …": the addressee (a capitalised name of up
# to three words) before a clause that opens with a subject pronoun is not part of what was said.
_ADDRESSEE_BEFORE_CLAUSE = re.compile(r"^\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){1,3}(?=(?:they|he|she|it|we|I)\s)")
_ADDRESSING_VERBS = ("told", "tells", "warned", "warns")
# Marks: straight and curly, ``newswire'' pairs, «guillemets» and „low-high“ quotes.
_QUOTE_MARK = re.compile(r"``|''|[\"'“”‘’«»„]")
_CLOSES = {"”": "“", "»": "«"}  # closing mark -> the opening mark it closes
_OPEN_CONTEXT = re.compile(r"(?:^|[\s(\[—–:-])$")
_SUBJECT_WINDOW = 6  # words between a subject and its verb ("Mr Kerry merely noted")
_AFTER_WINDOW = 6  # words after a closing quote in which ", he said" is looked for
_NEAR_BEFORE = 8  # a cue this close before a quote owns it ("Mr Lavrov claimed that the talks were ‘…’")
# Words that may stand between a subject and its verb besides -ly adverbs and titles.
_BETWEEN_OK = frozenset(
    """has have had also then was is were are did does do would will may might could can not later again once
    still earlier himself herself itself spokeswoman spokesman correspondent official officials department
    chief""".split()
)
# "US officials say …", "A Foreign Ministry spokesman said …": a body's unnamed speakers.
_BODY_OFFICIALS = re.compile(
    r"(?:^|\b[Tt]he\s+|\b[Aa]n?\s+)((?:[A-Z][\w.’'-]*\s+){1,4}(?:officials?|spokes(?:man|woman|person)))\s+$"
)
_ROLE_WORDS = frozenset("spokeswoman spokesman correspondent official officials".split())
_PARTICIPLE = re.compile(r",\s*(saying|adding|writing|noting|arguing)(?:\s+(?:that|he|she|had|was|would)){0,3}[\s,:]*$")
_LEADING_TITLES = re.compile(r"(?:\b[A-Z][a-z]{0,3}\.\s*|\b[A-Z][a-z]+\s+)*$")  # "Mr. ", "Sen. ", "President "
_PARENTHETICAL = re.compile(r",[^,]{0,80},")
# Asides between name and verb: "Mitch McConnell (R-Ky.) said", "Celli went on to say that".
_ASIDE = re.compile(r"\([^()]{1,30}\)|\b(?:went|goes|go) on to\b")
# "the presidency quoted Eichmann's letter as saying": the subject relays someone else's words, so a
# pronoun after it ("he adds") does not know whose; it abstains rather than take the relay.
_RELAY = re.compile(r"\bquot(?:ed|es|ing)\b[^.]{0,80}\bas (?:saying|telling|writing)\b")
_DESCRIBED_SPEAKER = re.compile(
    rf"^\W*((?:the |a |an )?[a-z][\w-]*(?: [a-z][\w-]*){{0,2}}) ({alternation(DESCRIBED_SPEAKER_VERBS)})\b"
)
# A capitalised name the entity finder did not keep, right by the cue after a quotation
# ("…,” Burns said. / “…,” said Burns.): the text names the speaker, so it is not left unnamed.
_NAME = r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2}"
_NAMED_AFTER = re.compile(
    rf"^\W*(?:(?P<before>{_NAME}) {alternation(SPEECH_VERBS)}\b|{alternation(SPEECH_VERBS)} (?P<after>{_NAME}))"
)
_PARTY_TAG = re.compile(r"^[RDI]-[A-Z]")
# How the text has a bare name speak or act ("Antonsson said", "…, said Burns.", "Ehlis has declined"):
# what follows the name, what precedes it, and a verb after a name that opens its sentence.
# Wave 10: a description between name and verb ("Mason Silveira, a PhD candidate at …, said"; "Lt.
# Gen. Thomas Bergeson, the … commander, explained"), and a description between an inverted verb and
# the name ("said the study's lead author, Mason Silveira,").
# A description's characters: no clause punctuation, but the periods of "U.S." and "Adm.".
_IN_DESCRIPTION = r"(?:[^,;:.]|(?<=[A-Z])\.|(?<=\b[A-Z][a-z])\.)"
_DESCRIPTION = rf",\s*(?:an?|the)\s{_IN_DESCRIPTION}{{0,120}}(?:,{_IN_DESCRIPTION}{{0,80}})?,\s*"
_SPEAKS_AFTER, _SPOKEN_BEFORE, _SUBJECT_VERB = (
    re.compile(rf"\s*(?:\([^()]{{1,30}}\)\s*|,\s*\d{{1,3}},\s*|{_DESCRIPTION})?{CUE_VERBS}\b"),  # "Harding, 18, says"
    re.compile(
        r"\b" + alternation(NAME_MARKING_SPEECH_VERBS) + rf"\s+(?:(?:the|a|an)\s{_IN_DESCRIPTION}{{0,60}},\s*)?$"
    ),
    re.compile(rf" (?:has|had|did|also|then|later|\w+ed)\b|{_DESCRIPTION}\w+ed\b"),
)
_PREPOSITION_BEFORE = re.compile(r"\b(?:in|at|from|of|for|to|with|near|by)\s+(?:the\s+)?$")
# Before a colon, "echoed by AshLee Strong, spokeswoman for …:" names its speaker after "by".
_PLACE_PREPOSITION_BEFORE = re.compile(r"\b(?:in|at|from|of|for|to|with|near)\s+(?:the\s+)?$")
_INVERTED = re.compile(alternation(INVERTED_SPEECH_VERBS))
_INVERTED_TAG = re.compile(rf"\W*{alternation(INVERTED_SPEECH_VERBS)}\b")  # a sentence opening '"…," said
_DASH_NAME = re.compile(rf"^\s*[—–]\s*(?P<before>{_NAME})(?:,|$)(?P<after>)")
# "Saeed, 19, a student from Damascus, called …": an apposition between a person and the verb (up to
# 120 characters since wave 10: "X, a professor of physiology at … School of Medicine in Chicago, said").
# "Amadou, 35, from Mauritania told AFP": an age, then where the person is from, before the verb;
# "Ted Deutch, Democrat of Florida, wrote": a role of a place or body.
_APPOSITION = re.compile(
    rf"^,\s*(?:(?:\d{{1,3}}|an?|the|[a-z]){_IN_DESCRIPTION}{{0,120}}(?:,{_IN_DESCRIPTION}{{0,60}})?,"
    r"|\d{1,3},\s*(?:from|of)\s[^,;:.]{0,40}"
    r"|[A-Z][a-z]+ (?:of|for|from) [^,;:.]{1,40},)\s*$"
)
# "the minister said": a role as the subject right before the cue; "Law Minister Ram Jethamalani":
# the title word right before a name. Tune half of the trust labels (python tests/trust_eval.py
# --split tune): 3 named speakers given, none wrong.
_ROLE_SUBJECT = re.compile(rf"(?:^|(?<=[\s,]))[Tt]he ({alternation(ROLES)})\s+(?:\w+ly\s+)?$")
_TITLE_BEFORE = re.compile(r"\b([A-Z][a-z]+)\s+$")
# Tune half: 2 named speakers given ("he" after "Ms Bouvier"), none wrong.
_GENDER_TITLE = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+$")
_GENDER_TITLES = {"Mr": "he", "Mrs": "she", "Ms": "she", "Miss": "she"}
_CLAUSE_PRONOUN_SUBJECT = re.compile(r"\s*(?:he|she|they|it|we|i)\s+(?:\w+ly\s+)?\w+\s*$", re.I)  # " he responded"
_HIM = re.compile(r"\bhim\b")  # an object "him" ("her" may be a possessive: not used)
_NOT_SPEAKERS = frozenset("he she they it we i you and but who which that this then also".split())


@dataclass(slots=True)
class QuoteSpan:
    """Offsets of a quotation's content (without the marks) in some text."""

    start: int
    end: int


def quote_spans(text: str) -> list[QuoteSpan]:
    """Top-level quotations in one paragraph of text."""
    spans: list[QuoteSpan] = []
    stack: list[tuple[str, int]] = []  # (opening mark, offset after it)
    for mark in _QUOTE_MARK.finditer(text):
        i, ch = mark.start(), mark.group(0)
        prev = text[i - 1] if i else " "
        nxt = text[mark.end()] if mark.end() < len(text) else " "
        closes = None
        if ch in _CLOSES:
            closes = _CLOSES[ch]
        elif ch == "''":  # closes ``newswire'' quotes, and straight ones typed "like this''
            closes = next((m for m, _ in reversed(stack) if m in ("``", '"')), "``")
        elif ch == "“" and any(m == "„" for m, _ in stack):
            closes = "„"
        elif ch == "’" and not (prev.isalnum() and nxt.isalpha()):
            closes = "‘"
        elif ch == '"' and any(mark == '"' for mark, _ in stack):
            closes = '"'
        elif ch == "'" and not (prev.isalnum() and nxt.isalpha()) and any(m == "'" for m, _ in stack):
            closes = "'"
        if closes and any(mark == closes for mark, _ in stack):
            while stack:
                opener, start = stack.pop()
                if opener == closes:
                    break
            if not stack:
                spans.append(QuoteSpan(start, i))
            continue
        if (
            ch in ("“", "‘", '"', "'", "``", "«", "„")
            and _OPEN_CONTEXT.search(text[:i][-1:] or " ")
            and not nxt.isspace()
        ):
            if ch in "‘'" and prev.isalnum():
                continue
            stack.append((ch, mark.end()))
    if stack and stack[0][0] in ('"', "“", "``", "«", "„"):  # runs to the paragraph end (the next one reopens)
        spans.append(QuoteSpan(stack[0][1], len(text.rstrip())))
    return spans


def text_quote_spans(text: str) -> list[QuoteSpan]:
    """Top-level quotations of a whole text (offsets in it): marks pair within a paragraph only."""
    spans: list[QuoteSpan] = []
    offset = 0
    for block in text.split("\n\n"):
        spans += [QuoteSpan(offset + s.start, offset + s.end) for s in quote_spans(block)]
        offset += len(block) + 2
    return spans


def mask_quotes(text: str, spans: list[QuoteSpan]) -> str:
    """``text`` with quoted content blanked (same length), so cues and names inside quotes are ignored."""
    chars = list(text)
    for span in spans:
        chars[span.start : span.end] = " " * (span.end - span.start)
    return "".join(chars)


def word_count(text: str) -> int:
    """Word tokens; unlike :func:`newsbrief.textsim.word_count` a lone mark or dash is no word."""
    return len(re.findall(r"[\w’'-]+", text))


@dataclass(slots=True)
class _Mention:
    start: int  # article offsets
    end: int
    entity: Entity | None
    pronoun: str | None = None


class _ArticleQuotes:
    """Quote finding and attribution for one article."""

    def __init__(self, article: Article, index: AliasIndex) -> None:
        self.article = article
        self.index = index
        self.spans = text_quote_spans(article.text)
        self.masked = mask_quotes(article.text, self.spans)
        self.mentions: dict[int, list[_Mention]] = {}
        for sentence in article.sentences:
            text = self.masked[sentence.start : sentence.end]
            found = [
                _Mention(s, e, entity)
                for s, e, entity in index.mentions(sentence, text)
                if not _PARTY_TAG.match(entity.name)  # "(R-Ky.)" says which party, not who speaks
                # nor does any name in brackets ("Marsha Blackburn (R-Tenn.)", "(AP)") speak
                and text.count("(", 0, s - sentence.start) <= text.count(")", 0, s - sentence.start)
            ]
            found += [
                _Mention(sentence.start + m.start(), sentence.start + m.end(), None, m.group(0).lower())
                for m in _PRONOUN.finditer(text)
            ]
            self.mentions[sentence.index] = sorted(found, key=lambda m: m.start)
        # Entity id -> "he" or "she" where the article titles the person "Mr" or "Ms"/"Mrs"/"Miss".
        self.gender = {
            m.entity.id: _GENDER_TITLES[title.group(1)]
            for ms in self.mentions.values()
            for m in ms
            if m.entity is not None and (title := _GENDER_TITLE.search(self.masked, max(0, m.start - 6), m.start))
        }
        self.speakers: dict[int, Entity] = {}  # sentence index -> speaker of a quote there
        self.described: dict[int, str] = {}  # sentence index -> described speaker ("police") of a quote there
        self.resolved: dict[int, Entity | None] = {}  # offset of a "he"/"she" -> the person it stands for
        # Entity id -> "he" or "she": the pronoun the text first used for the person (as resolved).
        self.pronoun_gender: dict[str, str] = {}
        self.depth = 0  # how many earlier pronouns the resolution now running has followed back
        self.speaking = self._speaking_names()

    def sentence_at(self, offset: int) -> Sentence:
        for sentence in self.article.sentences:
            if sentence.start <= offset < sentence.end or offset < sentence.start:
                return sentence
        return self.article.sentences[-1]

    # --- speaker resolution ---------------------------------------------------------------

    def _speaking_names(self) -> set[str]:
        """Bare names (entities the gazetteer could not type) that the article has speak or act as a
        sentence's subject: "Antonsson said", "…, said Burns.", "Ehlis has declined comment". In news
        such a name is mostly a person, so a later "he" may stand for it (or, with another person
        in play, make it ambiguous)."""
        speaking: set[str] = set()
        for sentence in self.article.sentences:
            for m in self.mentions[sentence.index]:
                if m.entity is None or m.entity.label != "OTHER":
                    continue
                opening = _LEADING_TITLES.sub("", self.masked[sentence.start : m.start])  # "Lt. Gen. "
                subject = not opening.strip() and _SUBJECT_VERB.match(self.masked, m.end)
                inverted = _SPOKEN_BEFORE.search(self.masked[max(sentence.start, m.start - 80) : m.start])
                ends_clause = re.match(r"\s*[,.]", self.masked[m.end : m.end + 2])
                if subject or _SPEAKS_AFTER.match(self.masked, m.end) or (inverted and ends_clause):
                    speaking.add(m.entity.id)
        return speaking

    def _person(self, mention: _Mention, sentence: Sentence) -> Entity | None:
        """The person a mention names: a person or a speaking bare name, or the person an earlier
        "he"/"she" was resolved to (so "Ehlis … He is back home. '…,' he said" chains)."""
        if mention.entity is not None:
            person_like = mention.entity.label == "PERSON" or mention.entity.id in self.speaking
            # "the Concorde", "the Hague": a name after "the" is a thing or a place, not a "he".
            after_the = self.masked[max(0, mention.start - 4) : mention.start].lower() == "the "
            return mention.entity if person_like and not after_the else None
        if mention.pronoun in ("he", "she"):
            if mention.start not in self.resolved and self.depth < _CHAIN_DEPTH:
                self.depth += 1
                self.resolved[mention.start] = self.resolve_pronoun(mention, sentence)
                self.depth -= 1
            return self.resolved.get(mention.start)
        return None

    def resolve_pronoun(self, mention: _Mention, sentence: Sentence) -> Entity | None:
        person = self._resolve_pronoun(mention, sentence)
        if person is not None and mention.pronoun in ("he", "she"):
            self.pronoun_gender.setdefault(person.id, mention.pronoun)
        return person

    def _resolve_pronoun(self, mention: _Mention, sentence: Sentence) -> Entity | None:
        if mention.pronoun in ("he", "she"):
            # The nearest compatible person, when the text leaves one: the speaker of a quote in
            # the previous two sentences, else the one person named (or referred to by a resolved
            # "he"/"she") nearby. With two people in play ("Farrow praised McHugh … he said") the
            # text does not decide: abstain. So it does after a relay ("X quoted the letter as
            # saying"), where the subject is not the one whose words follow.
            back_to = max(0, sentence.index - PRONOUN_WINDOW + 1)
            for earlier in self.article.sentences[back_to : sentence.index + 1]:
                end = min(earlier.end, mention.start)
                if earlier.index >= sentence.index - 2 and _RELAY.search(self.masked, earlier.start, end):
                    return None
            spoke_at, speaker = next(
                (
                    (sentence.index - back, s)
                    for back in (1, 2)
                    if (s := self.speakers.get(sentence.index - back)) and s.label == "PERSON"
                ),
                (back_to - 1, None),
            )
            # With a speaker, only people named since its quote compete with it ("…,' said Dr.
            # Joseph Biederman of Massachusetts General Hospital. It is published … '…,' he said").
            # Tune half of the trust labels: 3 named speakers given, none wrong.
            people: list[Entity] = []
            for index in range(sentence.index, spoke_at, -1):
                earlier = self.article.sentences[index]
                found = [
                    person
                    for m in self.mentions.get(index, [])
                    if m.start < mention.start
                    and (person := self._person(m, earlier)) is not None
                    # In the pronoun's own sentence, who acts on "him" is not "he" ("Asked why
                    # Northwestern gave him a scholarship, he responded"), nor is a name after a
                    # preposition ("In an e-mail to Mayor Tim Flaherty …, she wrote"). Wave 10.
                    and not (index == sentence.index and self._not_the_subject(m, mention, earlier))
                ]
                people += reversed(found)
                if found and speaker is None:
                    break
            candidates = {e.id: e for e in [*([speaker] if speaker else []), *people]}
            # '"…," she said, pointing … "There's a state drink?" he asked': the person the text has
            # called "she" is not the next "he" (nor the reverse); with no one else left, abstain.
            # Found on a report-half regression (2 wrong speakers once the cleaner removed a promo
            # line between two quotes); tune half unchanged (0.99 right / 0.01 wrong / 0.86 given).
            contradicted = {k for k in candidates if self.pronoun_gender.get(k, mention.pronoun) != mention.pronoun}
            if contradicted:
                candidates = {k: e for k, e in candidates.items() if k not in contradicted}
                if not candidates:
                    return None
            # "Sarkozy's statement that Ms Bouvier had reached safety … He later withdrew it": a
            # "he" is not the one the article calls "Ms".
            agreeing = {k: e for k, e in candidates.items() if self.gender.get(k, mention.pronoun) == mention.pronoun}
            candidates = agreeing or candidates
            # "Stefan Antonsson" and a later bare "Antonsson" the entity finder kept apart are one person.
            surnames = {e.name.split()[-1] for e in candidates.values()}
            if len(surnames) == 1 and len(candidates) > 1:
                return max(candidates.values(), key=lambda e: len(e.name))
            return next(iter(candidates.values())) if len(candidates) == 1 else None
        # "it"/"they": the subject (first named mention) of the previous sentence.
        previous = self.mentions.get(sentence.index - 1, [])
        subjects = [m.entity for m in previous if m.entity is not None and m.entity.label in ("ORG", "PLACE")]
        return subjects[0] if subjects else None

    def entity_of(self, mention: _Mention, sentence: Sentence) -> Entity | None:
        """The speaker a mention names; None for a name that is no speaker ("the North Carolina
        Republican"), so that the other cues are tried."""
        entity = mention.entity if mention.pronoun is None else self.resolve_pronoun(mention, sentence)
        return entity if entity is not None and is_speaker_name(entity.name) else None

    def _not_the_subject(self, name: _Mention, pronoun: _Mention, sentence: Sentence) -> bool:
        """Whether a name before a subject pronoun of its sentence cannot be the pronoun's person."""
        if pronoun.pronoun == "he" and _HIM.search(self.masked, name.end, pronoun.start):
            return True
        before = _LEADING_TITLES.sub("", self.masked[max(sentence.start, name.start - 30) : name.start])
        return _PREPOSITION_BEFORE.search(before) is not None

    def _pronoun_before_colon(self, sentence: Sentence, limit: int) -> _Mention | None:
        """The pronoun subject of the clause that the sentence's colon ends ("…, he responded:")."""
        colon = self.masked.rfind(":", sentence.start, min(sentence.end, limit))
        clause_start = max(sentence.start, self.masked.rfind(",", sentence.start, colon) + 1)
        if colon == -1 or not _CLAUSE_PRONOUN_SUBJECT.match(self.masked[clause_start:colon]):
            return None
        return next((m for m in self.mentions[sentence.index] if m.pronoun and m.start >= clause_start), None)

    def _names_no_one(self, sentence: Sentence) -> bool:
        """No person, bare name or "he"/"she" in the sentence (outside quotes)."""
        return not any(
            m.pronoun in ("he", "she") or (m.entity is not None and m.entity.label in ("PERSON", "OTHER"))
            for m in self.mentions[sentence.index]
        )

    def _titled(self, role: str, sentence: Sentence) -> Entity | None:
        """The one person the article names with ``role`` as a title up to ``sentence`` ("the
        minister" after "Law Minister Ram Jethamalani"); None with none, or two ("the president"
        where two presidents are named)."""
        people = {
            m.entity.id: m.entity
            for index in range(sentence.index + 1)
            for m in self.mentions[index]
            if m.entity is not None
            and m.entity.label == "PERSON"
            and (title := _TITLE_BEFORE.search(self.masked, max(0, m.start - 40), m.start)) is not None
            and title.group(1).lower() == role
        }
        return next(iter(people.values())) if len(people) == 1 else None

    def subject_before(self, sentence: Sentence, position: int) -> _Mention | None:
        """The name or pronoun just before ``position`` (a cue verb), at most a few words back."""
        role = _ROLE_SUBJECT.search(self.masked, sentence.start, position)
        if role is not None and (person := self._titled(role.group(1).lower(), sentence)) is not None:
            # "the minister said": the person the article titled so ("Foreign Minister Walid Moallem").
            return _Mention(sentence.start + role.start(), sentence.start + role.end(), person)
        candidates = [m for m in self.mentions[sentence.index] if m.end <= position]
        if not candidates:
            return None
        mention = candidates[-1]
        appositive = next(
            (
                m
                for m in reversed(candidates)
                if m.entity is not None
                and m.entity.label in ("PERSON", "OTHER")
                # "Marsha Blackburn (R-Tenn.), another TSA critic, said": past the bracketed aside
                and _APPOSITION.match(_ASIDE.sub("", self.masked[m.end : position]).lstrip())
                and not _PREPOSITION_BEFORE.search(self.masked[max(sentence.start, m.start - 12) : m.start])
            ),
            None,
        )
        if appositive is not None:
            return appositive  # "Saeed, 19, a student from Damascus, called": Saeed, never the place
        if (
            mention.entity is not None
            and mention.entity.label in ("PERSON", "OTHER")
            and self.masked[mention.end : position].strip() == ","
            and _LEADING_TITLES.sub("", self.masked[sentence.start : mention.start]).rstrip().endswith(",")
        ):
            # "an import and export worker, Li Huamin, was quoted as telling": the name in apposition.
            # Tune half: 2 named speakers given, none wrong.
            return mention
        if re.search(r"[\"“”‘’]", self.article.text[mention.end : position]):
            return None
        if _PREPOSITION_BEFORE.search(self.masked[max(sentence.start, mention.start - 12) : mention.start]):
            return None  # "a diplomat in New York said": the place is where, not who
        # "Mr Putin, who initiated the call, asserted": skip the appositive.
        between = _PARENTHETICAL.sub(" ", self.masked[mention.end : position]).replace("’s", "").replace("'s", "")
        between = _ASIDE.sub(" ", between)
        words = re.findall(r"[\w-]+", between)
        if (
            "," in between
            or len(words) > _SUBJECT_WINDOW
            or not all(w.endswith("ly") or w.lower() in _BETWEEN_OK for w in words)
        ):
            return None
        if mention.entity is not None and mention.entity.label != "PERSON" and _ROLE_WORDS & set(words):
            return None  # "a White House official said": the body qualifies an unnamed speaker
        return mention

    def _inverted_subject(self, sentence: Sentence, position: int) -> _Mention | None:
        """The speaker named right after an inverted cue: a person if one is named, else the first name."""
        end = self.masked.find(",", position, sentence.end)
        end = sentence.end if end == -1 else end
        named = [m for m in self.mentions[sentence.index] if position <= m.start < end and m.entity is not None]
        people = [m for m in named if m.entity is not None and m.entity.label == "PERSON"]
        return people[0] if people else named[-1] if named else None

    def subject_after(self, sentence: Sentence, position: int) -> _Mention | None:
        """The name right after a cue ("said Mr Lavrov"); when a title names an organisation first
        ("said CNN senior political analyst David Gergen"), the person of that clause."""
        candidates = [m for m in self.mentions[sentence.index] if m.start >= position]
        if not candidates or word_count(self.masked[position : candidates[0].start]) > 3:
            return None
        end = self.masked.find(",", position, sentence.end)
        clause = [
            m
            for m in candidates
            if (end == -1 or m.start < end)
            and word_count(self.masked[position : m.start]) <= _SUBJECT_WINDOW
            and self.masked.count("(", position, m.start) <= self.masked.count(")", position, m.start)
        ]  # a name in brackets is a tag ("Chuck Schumer (D-N.Y.)"), not the speaker
        person = next((m for m in clause if m.entity is not None and m.entity.label == "PERSON"), None)
        # A bare name the gazetteer does not know: the last of the clause is its head ("Harvard
        # law professor Jack Goldsmith", "CNN senior political analyst David Gergen").
        # …never a name after a preposition ("Representative Joseph Crowley of Queens": not Queens).
        bare = next(
            (
                m
                for m in reversed(clause)
                if m.entity is not None
                and m.entity.label == "OTHER"
                and not _PREPOSITION_BEFORE.search(self.masked[max(position, m.start - 12) : m.start])
            ),
            None,
        )
        return person or bare or candidates[0]

    def attribute(self, span: QuoteSpan) -> tuple[Entity | str | None, str, float]:
        """Speaker (an entity, or a description such as "police" when the text names none), cue and
        confidence for a quotation."""
        first = self.sentence_at(span.start)
        last = self.sentence_at(max(span.start, span.end - 1))
        previous_end = max([s.end + 1 for s in self.spans if first.start <= s.end < span.start], default=first.start)
        opener = span.start - (2 if self.article.text.startswith("``", span.start - 2) else 1)  # the mark's start
        near = self.masked[previous_end:opener]
        # 0. A cue just before the quote, in the same clause: "Mr Kerry claims ‘…’".
        cues = list(_CUE.finditer(near))
        if cues and word_count(near[cues[-1].end() :]) <= _NEAR_BEFORE and cues[-1].group(0).lower() != "according to":
            mention = self.subject_before(first, previous_end + cues[-1].start())
            if mention is not None and (entity := self.entity_of(mention, first)) is not None:
                return entity, cues[-1].group(0), 0.85
        # 1. Right after the quote: "…,” he said" / "…’, added Mr Lavrov".
        after = self.masked[span.end + 1 : last.end]
        if not after.strip() and self.article.text[span.end - 1 : span.end] in ("?", "!"):
            # '“Isn’t this a little small?” Hiddleston asks her.': after a question or an exclamation
            # the segmenter starts a sentence at the tag; in the same paragraph it is the quote's.
            # Wave 10 (fresh labels).
            tag = next((t for t in self.article.sentences if t.start >= span.end), None)
            if tag is not None and "\n\n" not in self.article.text[span.end : tag.start]:
                last, after = tag, self.masked[span.end + 1 : tag.end]
        cue = _CUE.search(after)
        if cue and word_count(after[: cue.start()]) <= _AFTER_WINDOW:
            position = span.end + 1 + cue.start()
            only_punctuation = not re.search(r"\w", after[: cue.start()])
            mention = (
                self.subject_after(last, span.end + 1 + cue.end()) if only_punctuation else None
            ) or self.subject_before(last, position)
            if mention is not None:
                entity = self.entity_of(mention, last)
                if entity is not None:
                    return entity, cue.group(0) if mention.pronoun is None else f"{mention.pronoun} {cue.group(0)}", 0.9
        # 2. Before the quote: "Mr Kerry claims ‘…’", "according to X, '…'", "X: '…'".
        before = self.masked[first.start : opener]
        cues = list(_CUE.finditer(before))
        for cue in reversed(cues):
            position = first.start + cue.start()
            if cue.group(0).lower() == "according to":
                mention = self.subject_after(first, first.start + cue.end())
            else:
                mention = self.subject_before(first, position)
                # Inverted only with a verb of saying ("…, said Mr Lavrov, '…'"); after "called" or
                # "accused" the name that follows is who is criticised, never the speaker.
                if (
                    mention is None
                    and before[: cue.start()].rstrip().endswith(",")
                    and _INVERTED.fullmatch(cue.group(0))
                ):
                    mention = self.subject_after(first, first.start + cue.end())
            if mention is not None and (entity := self.entity_of(mention, first)) is not None:
                return entity, cue.group(0).lower(), 0.85
        participle = _PARTICIPLE.search(before)
        if participle is not None:
            # "He blamed Congress, saying, ``…''", "Farrow praised McHugh, saying he had “…”": the
            # speaker is the subject of the clause the participle hangs on, its first person.
            # Only a subject that opens the sentence or its main clause: in "The network criticised
            # Bishop Finn, saying '…'" the one the quote criticises is no speaker.
            persons = [
                (m, person)
                for m in self.mentions[first.index]
                if m.end <= first.start + participle.start() and (person := self._person(m, first)) is not None
            ]
            opening = _LEADING_TITLES.sub("", self.masked[first.start : persons[0][0].start]) if persons else "-"
            subject = persons[0][1] if not opening.strip() or opening.rstrip().endswith(",") else None
            # '"…," said Representative Joseph Crowley of Queens, adding, "…"': the inverted
            # attribution's subject is the clause's. Wave 10 (fresh labels).
            inverted_tag = _INVERTED_TAG.match(self.masked, first.start, first.start + participle.start())
            if subject is None and inverted_tag is not None:
                mention = self.subject_after(first, inverted_tag.end())
                subject = self.entity_of(mention, first) if mention is not None else None
            if subject is not None:
                return subject, participle.group(1), 0.75
        introduced = first
        if not before.strip() and first.index > 0:
            # "Chairman Richard Burr raised reasonable objections:" then the quote as its own paragraph
            previous = self.article.sentences[first.index - 1]
            introduced = previous if self.masked[previous.start : previous.end].rstrip().endswith(":") else first
        if (before if introduced is first else self.masked[introduced.start : introduced.end]).rstrip().endswith(":"):
            # "Yanukovych: '…'", "Jon Huntsman stuck to Twitter: '…'": the person before the colon.
            # Never a place ("cited violence in Homs and Hama and asked:") or a name after a
            # preposition ("spokeswoman for House Speaker Paul Ryan:"); a pronoun subject abstains.
            named = [
                m.entity
                for m in self.mentions[introduced.index]
                if m.entity is not None
                and m.end <= span.start
                and m.entity.label != "PLACE"
                and not _PLACE_PREPOSITION_BEFORE.search(self.masked[max(introduced.start, m.start - 12) : m.start])
                and is_speaker_name(m.entity.name)
            ]
            people = [e for e in named if e.label in ("PERSON", "OTHER")]
            opens_with_pronoun = _PRONOUN.match(self.masked[introduced.start : introduced.end].lstrip())
            clause_pronoun = self._pronoun_before_colon(introduced, span.start)
            if clause_pronoun is not None and not opens_with_pronoun:
                # "Asked why Northwestern gave him a scholarship, he responded:": the pronoun subject
                # of the clause before the colon speaks (when it resolves), no name earlier in the
                # sentence. Wave 10 (fresh labels).
                person = (
                    self.resolve_pronoun(clause_pronoun, introduced)
                    if clause_pronoun.pronoun in ("he", "she")
                    else None
                )
                if person is not None and is_speaker_name(person.name):
                    return person, f"{clause_pronoun.pronoun} colon", 0.7
            elif (people or named) and not opens_with_pronoun:
                return (people or named)[-1 if not people else 0], "colon", 0.8
            # "She cited the violence in Homs and asked: '…'": the subject pronoun, when it resolves.
            # Tune half: 1 named speaker given, none wrong.
            pronoun = next(iter(self.mentions[introduced.index]), None)  # the opening pronoun
            if opens_with_pronoun and pronoun is not None and pronoun.pronoun in ("he", "she"):
                person = self.resolve_pronoun(pronoun, introduced)
                if person is not None and is_speaker_name(person.name):
                    return person, f"{pronoun.pronoun} colon", 0.7
        # 3. A cue later in the sentence ("…" is what Lavrov told reporters).
        for cue in _CUE.finditer(after):
            mention = self.subject_before(last, span.end + 1 + cue.start())
            if mention is not None and (entity := self.entity_of(mention, last)) is not None:
                return entity, cue.group(0), 0.7
            if mention is not None and mention.pronoun in ("he", "she"):
                break  # the quote's own tag ("…?" he asked, before she told him …) names no one: abstain
        # 4. A sentence that is all quote continues the previous quote.
        outside = self.masked[first.start : first.end]
        # …unless a described speaker says it where it ends ("…,” the spokesperson told …").
        described = _DESCRIBED_SPEAKER.match(after)
        described_after = described is not None and described.group(1).split()[0] not in _NOT_SPEAKERS
        if word_count(outside) <= 2 and not described_after:
            for back in range(1, CONTINUATION_WINDOW + 1):
                speaker = self.speakers.get(first.index - back)
                if speaker is not None:
                    return speaker, "continuation", 0.6
                # '“…,” a company spokesperson told Recode. “…”': a described speaker goes on too
                # (no entity: the text names no one). Wave 10 (fresh labels).
                description = self.described.get(first.index - back)
                if description is not None:
                    return description, "continuation", 0.45
            # "'…,' said Rep. Mark Meadows. Meadows was last seen … '…'": across one sentence
            # about the speaker, whose subject it is. Tune half: 1 named speaker given, none wrong.
            between = self.article.sentences[first.index - 1] if first.index > 1 else None
            speaker = self.speakers.get(first.index - 2)
            leading = next(iter(self.mentions[between.index]), None) if between is not None else None
            if speaker is not None and leading is not None and leading.entity is speaker:
                assert between is not None
                if not self.masked[between.start : leading.start].strip():
                    return speaker, "continuation", 0.55
            # '"…," McTiernan said. Alcohol increases estrogen … "…"': in one paragraph, across a
            # sentence that names no one, the paragraph's speaker goes on. Wave 10 (fresh labels).
            if (
                speaker is not None
                and between is not None
                and self._names_no_one(between)
                and "\n\n" not in self.article.text[self.article.sentences[first.index - 2].end : first.start]
            ):
                return speaker, "continuation", 0.55
        # 5. A capitalised name by the cue right after the quote that no entity covers ("…,” Burns said).
        name_match = _NAMED_AFTER.match(after) or _DASH_NAME.match(after)
        if name_match:
            name = name_match.group("before") or name_match.group("after")
            if name.split()[0] not in NOT_NAMES and name.split()[0].lower() not in _NOT_SPEAKERS:
                return name, "named", 0.6
        # 6. No named speaker: a described one right after the quote (“…,” police said / the lawsuit said).
        if described is not None and described_after:
            return described.group(1), described.group(2), 0.5
        return None, "", 0.3

    # --- extraction -------------------------------------------------------------------------

    def quotes(self) -> list[Quote]:
        """Direct and reported quotes, sentence by sentence (so pronouns see earlier speakers)."""
        by_sentence: dict[int, list[list[QuoteSpan]]] = {}
        for group in self._merge_split(self.spans):
            by_sentence.setdefault(self.sentence_at(group[0].start).index, []).append(group)
        found: list[Quote] = []
        for sentence in self.article.sentences:
            groups = by_sentence.get(sentence.index, [])
            direct = [quote for group in groups if (quote := self._direct(sentence, group)) is not None]
            found += direct
            if not sentence.is_heading and all(q.is_fragment for q in direct):  # no statement quoted here
                reported = self._reported(sentence)
                if reported is not None:
                    found.append(reported)
        return found

    def _direct(self, sentence: Sentence, group: list[QuoteSpan]) -> Quote | None:
        first, last = group[0], group[-1]
        text = " … ".join(self.article.text[s.start : s.end].strip(" ,") for s in group).rstrip(",")
        if not text.strip():
            return None
        speaker, cue, confidence = self.attribute(last)
        if speaker is None and len(group) > 1:
            speaker, cue, confidence = self.attribute(first)
        if isinstance(speaker, Entity) and not is_speaker_name(speaker.name):
            speaker, cue, confidence = None, "", 0.0
        fragment = word_count(text) <= FRAGMENT_MAX_WORDS
        # A short quote that opens its sentence ("“I'm flabbergasted,” said X.") is an utterance, not a
        # scare quote: the next all-quote sentence continues it.
        opens = not self.masked[sentence.start : first.start].strip(" \"“‘'`«„")
        if isinstance(speaker, Entity) and (not fragment or opens):
            self.speakers[sentence.index] = speaker
            self.speakers[self.sentence_at(max(first.start, last.end - 1)).index] = speaker
        elif isinstance(speaker, str) and cue != "named" and not fragment:
            self.described[self.sentence_at(max(first.start, last.end - 1)).index] = speaker
        return Quote(
            text=text,
            speaker=speaker.name if isinstance(speaker, Entity) else speaker,
            speaker_entity=speaker.id if isinstance(speaker, Entity) else None,
            source=self.article.id,
            sentence=sentence.index,
            start=first.start,
            end=last.end,
            kind="direct",
            is_fragment=fragment,
            cue=cue,
            confidence=confidence if speaker else 0.0,
            speaker_type=speaker_type(speaker, cue),
        )

    def _merge_split(self, spans: list[QuoteSpan]) -> list[list[QuoteSpan]]:
        """'“It is clear,” he said, “that …”' is one quote split by its attribution."""
        groups: list[list[QuoteSpan]] = []
        for span in spans:
            if groups:
                previous = groups[-1][-1]
                between = self.article.text[previous.end + 1 : span.start - 1]
                if (
                    self.sentence_at(previous.start).index == self.sentence_at(span.start).index
                    and word_count(between) <= 5
                    and _CUE.search(between)
                    and not re.search(r"[.;]", between)
                ):
                    groups[-1].append(span)
                    continue
            groups.append([span])
        return groups

    def _reported(self, sentence: Sentence) -> Quote | None:
        """'Lavrov said (that) …' with a named or resolvable subject."""
        text = self.masked[sentence.start : sentence.end]
        for cue in _REPORTING.finditer(text):
            mention = self.subject_before(sentence, sentence.start + cue.start())
            if mention is None and text[: cue.start()].rstrip().endswith(","):
                # Inverted: "…, says the BBC's Christian Fraser" / "Russia, said Mr Putin, reserved …".
                mention = self._inverted_subject(sentence, sentence.start + cue.end())
                clause_end = text.find(",", cue.end())
                content = text[: text[: cue.start()].rstrip().rfind(",")]
                content += " " + text[clause_end + 1 :] if clause_end != -1 else ""
                content = " ".join(content.split()).rstrip(".")
                rest_start = 0
            else:
                rest = text[cue.end() :]
                that = re.match(r"^(?:\s+\S+){0,8}?\s+that\s", rest) if cue.group(0) in ("told", "tells") else None
                # _INDIRECT_OBJECT matches the empty string, so it always matches
                indirect = _INDIRECT_OBJECT.match(rest)
                assert indirect is not None
                addressee = _ADDRESSEE_BEFORE_CLAUSE.match(rest) if cue.group(0) in _ADDRESSING_VERBS else None
                skipped = that.end() if that else addressee.end() if addressee else indirect.end()
                rest_start = cue.end() + skipped
                content = sentence.text[rest_start:].strip().rstrip(".")
            entity = self.entity_of(mention, sentence) if mention is not None else None
            trailing = mention is not None and text[: mention.start - sentence.start].rstrip().endswith(",")
            if entity is not None and trailing and word_count(content) < 4:
                # "The lakes are … 30 miles down, Niebur said.": the speaker of the paragraph, whom a
                # next all-quote sentence continues. Wave 10 (fresh labels).
                self.speakers.setdefault(sentence.index, entity)
            # "US officials say …": a body's unnamed officials, kept as a description (no entity).
            body = _BODY_OFFICIALS.search(text[: cue.start()]) if mention is None or entity is None else None
            if word_count(content) < 4 or (body is None and (mention is None or entity is None)):
                continue
            if body is not None:
                speaker, speaker_id, how, confidence = body.group(1), None, cue.group(0), 0.5
            else:
                assert mention is not None and entity is not None
                self.speakers.setdefault(sentence.index, entity)
                speaker, speaker_id = entity.name, entity.id
                how = cue.group(0) if mention.pronoun is None else f"{mention.pronoun} {cue.group(0)}"
                confidence = 0.7 if mention.pronoun is None else 0.55
            return Quote(
                text=content,
                speaker=speaker,
                speaker_entity=speaker_id,
                source=self.article.id,
                sentence=sentence.index,
                start=sentence.start + rest_start,
                end=sentence.end,
                kind="reported",
                is_fragment=False,
                cue=how,
                confidence=confidence,
                speaker_type=None if body is not None else speaker_type(entity, ""),
            )
        return None


def is_speaker_name(name: str) -> bool:
    """Whether a recognised name can be a speaker: not a lone letter ("Y"), a photo credit run
    into a name ("AP Photo Trump") or a description ("North Carolina Republican")."""
    words = name.split()
    return (
        any(len(w.strip(".")) > 1 for w in words)
        and not any(w in NOT_SPEAKER_NAME_WORDS for w in words)
        and words[-1] not in DESCRIPTION_HEADS
    )


def speaker_type(speaker: Entity | str | None, cue: str) -> Literal["person", "organisation"] | None:
    """A person for people (and bare names by a cue), an organisation for organisations and the
    places that speak for governments ("Russia said"); None for no speaker or a description."""
    if isinstance(speaker, Entity):
        # A bare name the gazetteer does not know ("Burns", "Saeed") speaking is, in news, a person.
        return "person" if speaker.label in ("PERSON", "OTHER") else "organisation"
    return "person" if speaker and cue == "named" else None


def find_quotes(article: Article, index: AliasIndex) -> list[Quote]:
    return _ArticleQuotes(article, index).quotes()


@register("quotes", requires=("entities",), assigns=("quotes",))
def analyse_quotes(brief: Brief, cluster: Cluster, analysis: Analysis) -> None:
    index = AliasIndex(analysis.entities, lowercase_vocabulary(cluster))
    analysis.quotes = [q for article in cluster.articles for q in find_quotes(article, index)]
