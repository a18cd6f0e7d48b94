"""Online story clustering: sort a stream of articles into stories.

Each article becomes an L2-normalised TF-IDF vector over stemmed content terms (title plus
cleaned text, the same terms :mod:`newsbrief.textsim` uses). Articles are added one at a time:
an article joins the story whose centroid is most similar to it when that cosine reaches
``threshold`` and the story lies within ``window_days`` of the article's date, else it opens a
new story. Only stories sharing one of the article's highest-weighted terms are compared
(an inverted index), and in date order stories that fell out of the window are dropped from
it, so the cost per article stays flat as the stream grows.

Articles without a date pass every window check (benchmark documents have none). Syndicated
copies (see :mod:`newsbrief.duplicates`) join their original's story directly and are
marked ``duplicate_of``. Articles with too little text left after boilerplate removal (archive
notices, tweet widgets, "JavaScript is disabled") get no story and say why.

:func:`cluster_articles` feeds a whole collection in a canonical order (date, then a hash of
the text), so the grouping does not depend on the input order: only articles with the same
date and the same text (exact copies) tie, and those end in the same story anyway. At the end
:meth:`StoryClusterer.consolidate` gives single-article stories a second look against the
final stories (two reports that missed each other online are reunited), and
:meth:`StoryClusterer.attach_short` lets short texts (a teaser, a scrap of an article) follow the
story the usual rule accepts, without opening or shaping one.
"""

from __future__ import annotations

import hashlib
import heapq
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np

from newsbrief.duplicates import DEFAULT_DUPLICATE_THRESHOLD, DuplicateIndex, signature
from newsbrief.ingest.metadata import parse_published
from newsbrief.model import Article
from newsbrief.textsim import content_words, l2_normalised, smoothed_idf, tfidf_weights

# Cosine between an article and a story centroid at which the article joins the story.
# Calibrated on the 250 mixed Multi-News validation clusters (bench/bench_cluster.py --sweep,
# docs/scale.md): 0.2-0.3 give B-cubed F1 within half a point; lower merges stories.
DEFAULT_THRESHOLD = 0.25
DEFAULT_WINDOW_DAYS = 7.0
# Fewer content words than this after cleaning: a notice or widget, not an article.
DEFAULT_MIN_CONTENT_TERMS = 20
# A short text (this many content words, up to the minimum above) opens no story, but joins one
# at the end when the usual rule accepts it: a teaser or a scrap of an article that names its
# story (+0.002 B-cubed F1 on the validation stream, 3 documents, all to their own story).
DEFAULT_SHORT_CONTENT_TERMS = 5
# An article vector keeps its heaviest terms only; story centroids are pruned to a multiple.
VECTOR_TERMS = 150
CENTROID_TERMS = 400
# Candidate stories are those indexed under one of the article's heaviest terms.
QUERY_TERMS = 20
# ... among its distinctive terms: a term found in more documents than this never picks candidates
# (nor indexes a stored story), so one common word cannot make an article meet every story, and a
# store's batch loads the stories of its rare terms only (a term in D documents is in at most D
# stories). Set to bound memory, not tuned for quality: it does not bind on the 690-article
# Multi-News validation stream (so grouping there is unchanged) and excludes bench_store's filler
# words (each in ~60% of its synthetic articles).
QUERY_MAX_DOCUMENTS = 500
# Below ``threshold`` an article still joins its best story when that story is a clear winner:
# cosine at least DEFAULT_CLEAR_THRESHOLD and CLEAR_RATIO times the runner-up's. Short or
# oddly worded reports of a rare story score low against everything but their own story
# (+1 point of B-cubed F1 on the validation stream).
DEFAULT_CLEAR_THRESHOLD = 0.14
CLEAR_RATIO = 1.5


@dataclass(frozen=True, slots=True)
class ClusterSettings:
    """How articles are grouped into stories: the one place the defaults above are applied."""

    threshold: float = DEFAULT_THRESHOLD
    window_days: float | None = DEFAULT_WINDOW_DAYS
    min_content_terms: int = DEFAULT_MIN_CONTENT_TERMS
    duplicate_threshold: float = DEFAULT_DUPLICATE_THRESHOLD
    clear_threshold: float = DEFAULT_CLEAR_THRESHOLD
    short_content_terms: int = DEFAULT_SHORT_CONTENT_TERMS

    def __post_init__(self) -> None:
        if not 0.0 < self.threshold <= 1.0:
            raise ValueError("threshold must be in (0, 1]")
        if self.window_days is not None and self.window_days < 0:
            raise ValueError("window_days must not be negative")


@dataclass(slots=True)
class ArticleFeatures:
    """What clustering needs of one article (the text itself is not kept)."""

    key: str
    terms: Counter[str]
    published: date | None
    text_hash: str
    content_terms: int
    signature: np.ndarray | None = None  # MinHash of the cleaned text, for near-duplicates
    surface: dict[str, str] = field(default_factory=dict)  # stem -> a word it came from


@dataclass(slots=True)
class Assignment:
    """Where one article went. ``similarity`` is its cosine to the story it joined (1.0 when it
    opened the story); ``story`` is None with a ``reason`` when it has no article content."""

    key: str
    story: str | None
    similarity: float | None = None
    duplicate_of: str | None = None
    duplicate_similarity: float | None = None
    reason: str | None = None


@dataclass(slots=True)
class Story:
    id: str
    members: list[str] = field(default_factory=list)
    centroid: dict[str, float] = field(default_factory=dict)  # sum of member unit vectors
    first: date | None = None
    last: date | None = None
    norm: float = 0.0

    def top_terms(self, n: int) -> list[str]:
        return [t for t, _ in sorted(self.centroid.items(), key=lambda kv: (-kv[1], kv[0]))[:n]]


def parse_date(value: str | None) -> date | None:
    """The calendar date of a publication date, read by ingest's one tolerant metadata parser
    (ISO, RFC 2822, "18 November 2019", epoch …); None when absent or unreadable."""
    parsed, _ = parse_published(value)
    return date.fromisoformat(parsed.value) if parsed else None


def article_features(key: str, article: Article) -> ArticleFeatures:
    """The clustering features of a cleaned ``article`` (title and ``Article.text``; the caller
    runs the cleaner, as the pipeline does, so features never change the article)."""
    surface: dict[str, str] = {}
    terms: Counter[str] = Counter()
    body_terms = 0
    for part, is_body in ((article.title_text, False), (article.text, True)):
        for term, word in content_words(part):
            terms[term] += 1
            surface.setdefault(term, word)
            body_terms += is_body
    published = parse_date(article.published.value) if article.published else None
    digest = hashlib.blake2b(f"{article.title_text}\n{article.text}".encode(), digest_size=12).hexdigest()
    return ArticleFeatures(key, terms, published, digest, body_terms, signature(article.text), surface)


class DocumentFrequency:
    """Document frequencies for IDF. Learned from the stream as it goes, or filled up front
    from a whole collection and then frozen (what :func:`cluster_articles` does)."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.documents = 0
        self.frozen = False

    def observe(self, terms: Counter[str]) -> None:
        if not self.frozen:
            self.counts.update(terms.keys())
            self.documents += 1

    def idf(self, term: str) -> float:
        return smoothed_idf(self.documents, self.counts[term])


class StoryClusterer:
    """Incremental clustering; call :meth:`add` with articles in date order."""

    def __init__(
        self,
        settings: ClusterSettings | None = None,
        document_frequency: DocumentFrequency | None = None,
        first_story_number: int = 1,
    ) -> None:
        settings = settings or ClusterSettings()
        self.threshold = settings.threshold
        self.clear_threshold = min(settings.clear_threshold, settings.threshold)
        self.window = None if settings.window_days is None else timedelta(days=settings.window_days)
        self.min_content_terms = settings.min_content_terms
        self.short_content_terms = settings.short_content_terms
        self.df = document_frequency or DocumentFrequency()
        self.duplicates = DuplicateIndex(settings.duplicate_threshold)
        self.stories: dict[str, Story] = {}
        self.story_of: dict[str, str] = {}
        self.surface: dict[str, str] = {}
        self._postings: dict[str, set[str]] = {}
        self._expiry: list[tuple[date, str]] = []  # (last date, story) heap for the time window
        # New stories are numbered from here; a store continuing earlier runs starts past its last id.
        self.next_story_number = first_story_number

    def vector(self, features: ArticleFeatures) -> dict[str, float]:
        weights = tfidf_weights(features.terms, self.df.idf)
        return l2_normalised(sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:VECTOR_TERMS])

    def distinctive(self, term: str) -> bool:
        """Whether ``term`` may pick candidate stories (see QUERY_MAX_DOCUMENTS)."""
        return self.df.counts[term] <= QUERY_MAX_DOCUMENTS

    def query_terms(self, vector: dict[str, float]) -> list[str]:
        """The heaviest distinctive terms of ``vector``: the stories indexed under them are its candidates."""
        return sorted((t for t in vector if self.distinctive(t)), key=lambda t: (-vector[t], t))[:QUERY_TERMS]

    def _in_window(self, story: Story, when: date | None) -> bool:
        if self.window is None or when is None or story.first is None or story.last is None:
            return True
        return story.first - self.window <= when <= story.last + self.window

    def _expire(self, now: date) -> None:
        """Unindex stories whose newest article is older than the window (date-order input)."""
        while self.window is not None and self._expiry and self._expiry[0][0] + self.window < now:
            last, story_id = heapq.heappop(self._expiry)
            story = self.stories.get(story_id)
            # Gone (merged by consolidate) or grown since this entry was pushed: nothing to do.
            if story is not None and story.last == last:
                self._unindex(story)

    def _index(self, story: Story) -> None:
        for term in story.centroid:
            self._postings.setdefault(term, set()).add(story.id)

    def _unindex(self, story: Story) -> None:
        for term in story.centroid:
            self._postings.get(term, set()).discard(story.id)

    def restore_story(self, story: Story) -> None:
        """Put back a story kept from an earlier run (a store's), so new articles can join it."""
        self.stories[story.id] = story
        for key in story.members:
            self.story_of[key] = story.id
        self._index(story)
        if story.last is not None:
            heapq.heappush(self._expiry, (story.last, story.id))

    def restore_signature(self, key: str, sig: np.ndarray | None) -> None:
        """Index an earlier article's MinHash so a new copy of it is recognised as a copy."""
        self.duplicates.add(key, sig)

    def _accepts(self, score: float, runner_up: float) -> bool:
        """Join when similar enough, or when the best story is a clear winner."""
        clear_winner = score >= self.clear_threshold and score >= CLEAR_RATIO * max(runner_up, 0.01)
        return score >= self.threshold or clear_winner

    def _best_story(self, vector: dict[str, float], when: date | None) -> tuple[Story | None, float, float]:
        """The most similar story in the window, its cosine, and the runner-up's cosine."""
        candidates = sorted({s for t in self.query_terms(vector) for s in self._postings.get(t, ())})
        best, best_score, second_score = None, -1.0, 0.0
        for story_id in candidates:
            story = self.stories[story_id]
            if not self._in_window(story, when):
                continue
            score = sum(w * story.centroid.get(t, 0.0) for t, w in vector.items()) / (story.norm or 1.0)
            if score > best_score:  # candidates are sorted: ties go to the older story id
                best, best_score, second_score = story, score, max(best_score, second_score)
            else:
                second_score = max(second_score, score)
        return best, best_score, second_score

    def _join(self, story: Story, key: str, vector: dict[str, float], when: date | None) -> None:
        story.members.append(key)
        for term, weight in vector.items():
            story.centroid[term] = story.centroid.get(term, 0.0) + weight
        if len(story.centroid) > 2 * CENTROID_TERMS:  # keep centroids (and the index) small
            kept = dict(sorted(story.centroid.items(), key=lambda kv: (-kv[1], kv[0]))[:CENTROID_TERMS])
            for term in story.centroid.keys() - kept.keys():
                self._postings.get(term, set()).discard(story.id)
            story.centroid = kept
        story.norm = float(np.sqrt(sum(w * w for w in story.centroid.values())))
        for term in vector:
            if term in story.centroid:
                self._postings.setdefault(term, set()).add(story.id)
        if when is not None:
            story.first = when if story.first is None else min(story.first, when)
            story.last = when if story.last is None else max(story.last, when)
            heapq.heappush(self._expiry, (story.last, story.id))
        self.story_of[key] = story.id

    def add(self, features: ArticleFeatures) -> Assignment:
        """Assign one article to a story (an existing one or a new one)."""
        self.df.observe(features.terms)
        for term, word in features.surface.items():
            self.surface.setdefault(term, word)
        if features.content_terms < self.min_content_terms:
            return Assignment(
                features.key,
                None,
                reason=f"no article content: {features.content_terms} content words left after removing "
                f"boilerplate (fewer than {self.min_content_terms})",
            )
        if features.published is not None:
            self._expire(features.published)
        vector = self.vector(features)
        copy = self.duplicates.add(features.key, features.signature)
        if copy is not None and copy[0] in self.story_of:
            story = self.stories[self.story_of[copy[0]]]
            if self._in_window(story, features.published):
                self._join(story, features.key, vector, features.published)
                return Assignment(features.key, story.id, 1.0, copy[0], copy[1])
        found, score, runner_up = self._best_story(vector, features.published)
        if found is None or not self._accepts(score, runner_up):
            found, score = Story(f"s{self.next_story_number:06d}"), 1.0
            self.next_story_number += 1
            self.stories[found.id] = found
        story = found
        self._join(story, features.key, vector, features.published)
        duplicate = (copy[0], copy[1]) if copy else (None, None)
        return Assignment(features.key, story.id, round(score, 4), *duplicate)

    def attach_short(self, features: ArticleFeatures) -> Assignment | None:
        """Put a short text (too short for :meth:`add`) into the story the usual rule accepts, if any.

        It never opens a story and does not move the story's centroid: a few words are weak
        evidence, so they may follow a story but not shape it. Returns None when it stays out.
        """
        if not self.short_content_terms <= features.content_terms < self.min_content_terms:
            return None
        story, score, runner_up = self._best_story(self.vector(features), features.published)
        if story is None or not self._accepts(score, runner_up):
            return None
        story.members.append(features.key)
        self.story_of[features.key] = story.id
        return Assignment(features.key, story.id, round(score, 4))

    def consolidate(self) -> dict[str, tuple[str, float]]:
        """Give every single-article story a second look against the stories as they are now.

        Online, an article only sees the stories that exist when it arrives: two reports of one
        event can each open a story and miss each other when the second one's best match at that
        moment was elsewhere. Each single-article story (in id order) joins its best other story
        when :meth:`add`'s rule accepts it. Returns ``{article key: (story id, cosine)}`` for the
        articles moved. Call it at the end of a batch, or periodically on a stream.
        """
        moved: dict[str, tuple[str, float]] = {}
        singles = sorted(story.id for story in self.stories.values() if len(story.members) == 1)
        for story_id in singles:
            story = self.stories[story_id]
            if len(story.members) != 1:  # another single joined it meanwhile
                continue
            self._unindex(story)
            target, score, runner_up = self._best_story(story.centroid, story.first)
            if target is None or not self._accepts(score, runner_up):
                self._index(story)
                continue
            key = story.members[0]
            del self.stories[story_id]
            self._join(target, key, story.centroid, story.first)
            moved[key] = (target.id, round(score, 4))
        return moved


def canonical_order(features: ArticleFeatures) -> tuple[str, str, str]:
    """Date first (undated before dated), then the text hash: independent of input order."""
    return (features.published.isoformat() if features.published else "", features.text_hash, features.key)


def cluster_articles(
    features: list[ArticleFeatures], settings: ClusterSettings | None = None
) -> tuple[dict[str, Assignment], StoryClusterer]:
    """Cluster a whole collection: IDF from all of it, articles fed in canonical order.

    Returns the assignment of every article (by key) and the clusterer (its ``stories``).
    """
    df = DocumentFrequency()
    for item in features:
        df.observe(item.terms)
    df.frozen = True
    clusterer = StoryClusterer(settings, document_frequency=df)
    return assign_in_order(clusterer, features), clusterer


def assign_in_order(clusterer: StoryClusterer, features: list[ArticleFeatures]) -> dict[str, Assignment]:
    """Feed ``features`` to ``clusterer`` in canonical order, then consolidate single-article
    stories and attach short texts: one batch, as :func:`cluster_articles` and the store run it."""
    ordered = sorted(features, key=canonical_order)
    assignments = {item.key: clusterer.add(item) for item in ordered}
    for key, (story_id, score) in clusterer.consolidate().items():
        if key in assignments:
            assignments[key].story, assignments[key].similarity = story_id, score
        else:  # an article of an earlier batch (a store's) whose single-article story merged
            assignments[key] = Assignment(key, story_id, score)
    for item in ordered:
        if assignments[item.key].story is None and (attached := clusterer.attach_short(item)) is not None:
            assignments[item.key] = attached
    return assignments
