"""LexRank and TextRank peers from the ``sumy`` package, run on our own segmentation.

sumy normally parses text with NLTK's punkt model, which cannot be downloaded here; instead
its document model (``ObjectDocumentModel`` of ``Paragraph`` of ``Sentence``) is built from
the cluster's already cleaned and segmented sentences, with a tokenizer that exposes sumy's
``to_words`` over :func:`newsbrief.textsim.words`. sumy's English stop words and Snowball
stemmer are used as in its own command line (both ship with sumy and NLTK, no downloads).

sumy rates every sentence of the cluster (one document made of all articles' paragraphs,
headings excluded by sumy itself); the budget is then filled in rating order from the same
candidates every summarizer sees.
"""

from __future__ import annotations

import importlib
from typing import Any, ClassVar

from newsbrief.errors import UsageError
from newsbrief.model import SentenceScore
from newsbrief.summarizers import register
from newsbrief.summarizers.base import Budget, Summarizer, is_candidate, rank_and_select
from newsbrief.textsim import Cluster, words


class _WordTokenizer:
    """The one method of sumy's ``Tokenizer`` that its summarizers call."""

    language = "english"

    @staticmethod
    def to_words(sentence: str) -> tuple[str, ...]:
        return tuple(words(sentence))


class SumyPeer(Summarizer):
    """Adapter from a sumy summarizer class to our interface."""

    sumy_module: ClassVar[str]  # e.g. "sumy.summarizers.lex_rank"
    sumy_class: ClassVar[str]

    def _make(self) -> Any:
        try:
            from sumy.nlp.stemmers import Stemmer
            from sumy.utils import get_stop_words
        except ImportError:
            raise UsageError(f"the {self.name} peer needs the sumy package: pip install 'newsbrief[eval]'") from None

        summarizer = getattr(importlib.import_module(self.sumy_module), self.sumy_class)(Stemmer("english"))
        summarizer.stop_words = get_stop_words("english")
        return summarizer

    def summarize(self, cluster: Cluster, budget: Budget) -> list[SentenceScore]:
        summarizer = self._make()  # first: a missing sumy is reported before anything else
        from sumy.models.dom import ObjectDocumentModel, Paragraph
        from sumy.models.dom import Sentence as SumySentence

        tokenizer = _WordTokenizer()
        paragraphs: list[Any] = []
        rows: list[int] = []  # cluster row of each non-heading sentence, in sumy's order
        for article in cluster.articles:
            by_paragraph: dict[int, list[Any]] = {}
            for sentence in article.sentences:
                by_paragraph.setdefault(sentence.paragraph, []).append(
                    SumySentence(sentence.text, tokenizer, is_heading=sentence.is_heading)
                )
                if not sentence.is_heading:
                    rows.append(cluster.row(sentence))
            paragraphs.extend(Paragraph(items) for items in by_paragraph.values())
        if not rows:
            return []
        document = ObjectDocumentModel(paragraphs)

        ranked: list[Any] = []

        def keep_all(infos: list[Any]) -> list[Any]:
            # sumy hands the count callable every sentence sorted by rating: record them all.
            ranked.extend(infos)
            return infos

        summarizer(document, keep_all)
        scored = []
        for info in ranked:
            row = rows[info.order]
            sentence = cluster.sentences[row]
            if is_candidate(sentence.text, sentence.is_heading):
                scored.append((row, float(info.rating), {"rating": float(info.rating)}))
        return rank_and_select(cluster, scored, budget)


@register("lexrank")
class LexRankPeer(SumyPeer):
    """sumy's LexRank (Erkan & Radev 2004): eigenvector centrality of the thresholded cosine graph."""

    sumy_module = "sumy.summarizers.lex_rank"
    sumy_class = "LexRankSummarizer"


@register("textrank")
class TextRankPeer(SumyPeer):
    """sumy's TextRank (Mihalcea & Tarau 2004): PageRank over word-overlap similarity."""

    sumy_module = "sumy.summarizers.text_rank"
    sumy_class = "TextRankSummarizer"
