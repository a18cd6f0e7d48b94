"""The one data model every stage reads and extends.

Flow: ingest -> clean -> segment -> select -> corroborate -> analyse -> render (each stage
imports only from earlier ones: tests/test_architecture.py, docs/architecture.md).

* ingest creates :class:`Article` objects (``raw_text`` plus metadata fields);
* clean fills ``Article.text`` and records what it removed in ``Article.removed``;
* segment fills ``Article.sentences`` with character offsets into ``Article.text``;
* a summarizer ranks sentences (:class:`SentenceScore`) and picks :class:`SummarySentence` items;
* corroboration attaches each summary sentence's :class:`Support` from other sources;
* analyse fills :class:`Analysis` on the :class:`Brief`;
* renderers turn a :class:`Brief` into Markdown, JSON or HTML.

Everything is a plain dataclass so it can be pickled for worker processes and turned into JSON
with :func:`dataclasses.asdict`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Generic, Literal, TypeVar

from newsbrief.settings import Options

T = TypeVar("T")


@dataclass(slots=True)
class Extracted(Generic[T]):
    """A metadata value together with where it came from and how sure we are.

    ``provenance`` is a short human-readable origin such as ``"metadata:published"``,
    ``"url:bbc.co.uk"`` or ``"text:line 3"``; ``confidence`` is 1.0 for values given
    explicitly and lower for guesses.
    """

    value: T
    provenance: str
    confidence: float = 1.0


@dataclass(slots=True)
class RemovedSpan:
    """A piece of the raw text that the cleaner dropped, and the rule that dropped it."""

    start: int
    end: int
    rule: str
    text: str


@dataclass(slots=True)
class Sentence:
    """One sentence of a cleaned article; ``text == article.text[start:end]``."""

    doc_id: int
    index: int
    start: int
    end: int
    text: str
    paragraph: int = 0
    is_heading: bool = False

    @property
    def key(self) -> str:
        """Stable id ``"<doc>:<index>"`` used in JSON and HTML anchors."""
        return f"{self.doc_id}:{self.index}"


@dataclass(slots=True)
class Article:
    """One source document. ``id`` is the 1-based citation number shown to readers."""

    id: int
    path: str
    raw_text: str
    title: Extracted[str] | None = None
    url: Extracted[str] | None = None
    outlet: Extracted[str] | None = None
    published: Extracted[str] | None = None  # ISO date ``YYYY-MM-DD``
    input_format: str = "text"
    text: str = ""  # cleaned body text
    removed: list[RemovedSpan] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def title_text(self) -> str:
        return self.title.value if self.title else ""

    @property
    def outlet_name(self) -> str | None:
        return self.outlet.value if self.outlet else None


@dataclass(frozen=True, slots=True)
class Support:
    """A sentence in some source that states the same content as a summary sentence.

    ``similarity`` is the TF-IDF cosine; ``score`` the support test's confidence that the two state
    the same fact (0..1) and ``reason`` why it accepted them ("4 shared terms: ceasefir, …; numbers
    agree: 40,000"). Members of a fact's group other than its lead carry the same fields."""

    source: int
    sentence: int  # index into that article's ``sentences``
    start: int
    end: int
    similarity: float
    score: float = 0.0
    reason: str = ""


@dataclass(slots=True)
class SentenceScore:
    """A summarizer's score for one candidate sentence; exposed so users can see why."""

    doc_id: int
    sentence: int
    score: float
    rank: int
    selected: bool = False
    features: dict[str, float] = field(default_factory=dict)


@dataclass(slots=True)
class Superseded:
    """A chosen sentence left out of the brief because a later source's sentence (the one holding
    this record) gives another figure for the same thing: the outdated statement, kept so render can
    show it as superseded."""

    text: str
    source: int
    sentence: int
    published: str | None  # its source's date (ISO); None when unknown
    reason: str  # e.g. "two people / three people"


@dataclass(slots=True)
class SummarySentence:
    """A sentence of the brief.

    ``sources`` lists every supporting source id: first the one ``text`` was taken from
    (verbatim, at ``start:end`` of that article's cleaned text), then corroborating ones.
    """

    text: str
    sources: list[int]
    sentence: int
    start: int
    end: int
    score: float
    rank: int
    support: list[Support] = field(default_factory=list)
    # chosen sentences this one replaced: same counted thing, a figure that cannot also hold, from an
    # older (or undated) source (summarizers.order.supersede)
    superseded: list[Superseded] = field(default_factory=list)


# --- analysis (issue: story understanding) -------------------------------------------


@dataclass(slots=True)
class Entity:
    """A canonical entity merged across sources (``"Sergei Lavrov"`` + ``"Mr Lavrov"`` …)."""

    id: str
    name: str
    label: Literal["PERSON", "ORG", "PLACE", "OTHER"]
    aliases: list[str] = field(default_factory=list)
    mentions_per_source: dict[int, int] = field(default_factory=dict)
    provenance: str = ""
    confidence: float = 1.0

    @property
    def mention_count(self) -> int:
        return sum(self.mentions_per_source.values())


@dataclass(slots=True)
class Quote:
    text: str
    speaker: str | None  # canonical entity name, or a description ("police") when no entity is named
    speaker_entity: str | None  # Entity.id
    source: int
    sentence: int
    start: int
    end: int
    kind: Literal["direct", "reported"] = "direct"
    is_fragment: bool = False
    cue: str = ""  # the attribution cue that decided the speaker ("told reporters", "he said")
    confidence: float = 1.0
    speaker_type: Literal["person", "organisation"] | None = None  # None: no speaker, or a description


@dataclass(slots=True)
class DateMention:
    text: str
    # normalised ``YYYY-MM-DD`` (or ``YYYY-MM`` / ``YYYY``, or an ISO interval ``YYYY-MM-DD/YYYY-MM-DD`` for
    # "last week"), or None when the text does not determine it
    iso: str | None
    source: int
    sentence: int
    start: int
    end: int
    anchor: str = ""  # what it was resolved against: "explicit", "published:metadata", …
    confidence: float = 1.0


@dataclass(slots=True)
class TimelineEvent:
    date: str
    text: str
    sources: list[int]
    source: int
    sentence: int
    date_text: str = ""
    confidence: float = 1.0


@dataclass(slots=True)
class Fact:
    """A statement several outlets make (or only one, when ``len(sources) == 1``)."""

    text: str
    sources: list[int]
    independent_outlets: int
    members: list[Support] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)  # the independent outlets, as OutletProfile.independence


@dataclass(slots=True)
class ConflictSide:
    text: str
    value: str
    source: int
    sentence: int
    start: int
    end: int
    attributed_to: str | None = None  # who the side's statement is attributed to, when the text says
    published: str | None = None  # the side's source's publication date (ISO), so a reader sees which is later


@dataclass(slots=True)
class Conflict:
    """Two aligned sentences (the same event by the support test) that disagree on one thing:
    a count or amount ("number"), a date, or polarity ("claim": one says it happened, one denies)."""

    kind: Literal["number", "date", "claim"]
    topic: str
    sides: list[ConflictSide]
    explanation: str = ""


@dataclass(frozen=True, slots=True)
class Signal:
    """One measured cue of a source's type: its ``value`` and the ``weight`` it is scored with."""

    name: str  # "evaluative_per_100_words"
    value: float
    weight: float

    @property
    def contribution(self) -> float:
        return self.weight * self.value

    def __str__(self) -> str:
        return f"{self.name}={self.value:g} ({self.contribution:+.2f})"


@dataclass(slots=True)
class SourceType:
    """News report or opinion: ``score`` (the sum of the signals' contributions) against
    ``threshold`` decides; ``signals`` are ranked by the size of their contribution."""

    source: int
    label: Literal["report", "opinion"]
    confidence: float
    score: float = 0.0
    threshold: float = 0.0
    signals: list[Signal] = field(default_factory=list)

    def reasons(self) -> list[str]:
        """The score, then each signal with its value and contribution, as the reports show them."""
        return [f"score {self.score:.2f} (opinion at >= {self.threshold})", *map(str, self.signals)]


@dataclass(slots=True)
class PublicationDate:
    """When a source was published: from metadata, or estimated from its text (dated captions,
    weekday + date agreement). ``iso`` is set only when the evidence pins one day; otherwise
    ``earliest``/``latest`` bound it (either may be None)."""

    source: int
    iso: str | None
    earliest: str | None = None
    latest: str | None = None
    provenance: str = ""
    confidence: float = 0.0
    evidence: list[str] = field(default_factory=list)


@dataclass(slots=True)
class OutletProfile:
    """Who published a source, and what that means for independence.

    ``independence`` is the key sources are counted by: the wire for republished wire copy, else
    the outlet, else the source itself; near-duplicate copies take the key of the text they copy.
    ``owner``/``country``/``type``/``lean`` come from the built-in table or the user's
    ``--outlets`` file (empty when neither says)."""

    source: int
    name: str | None
    independence: str
    wire: str | None = None
    copy_of: int | None = None  # the source whose text this one copies (near-duplicate)
    parent: str = ""
    owner: str = ""
    country: str = ""
    type: str = ""
    lean: str = ""
    provenance: str = ""


@dataclass(slots=True)
class Analysis:
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    timeline: list[TimelineEvent] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    single_source_claims: list[Fact] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    source_types: list[SourceType] = field(default_factory=list)
    publication_dates: list[PublicationDate] = field(default_factory=list)
    outlets: list[OutletProfile] = field(default_factory=list)


@dataclass(slots=True)
class Brief:
    """The result of briefing a set of articles."""

    sources: list[Article]
    summary: list[SummarySentence]
    summarizer: str
    scores: list[SentenceScore] = field(default_factory=list)
    analysis: Analysis | None = None
    warnings: list[str] = field(default_factory=list)
    options: Options = field(default_factory=Options)  # what it was made with

    def source(self, source_id: int) -> Article:
        return self.sources[source_id - 1]

    @property
    def word_count(self) -> int:
        return sum(len(s.text.split()) for s in self.summary)
