"""Sentence features for salience: position, length, centrality, cross-source support, style.

One row per candidate sentence, one column per name in :data:`FEATURE_NAMES`. The default
summarizer combines them linearly with weights fitted on benchmark data
(``summarizers/data/default_weights.json``, produced by ``bench/train_default.py``); the
features are exposed on every :class:`~newsbrief.model.SentenceScore` so a user can see why
a sentence was chosen.
"""

from __future__ import annotations

import math
import re
from collections import Counter

import numpy as np
from scipy import sparse

from newsbrief.textsim import Cluster

# Two sentences from different sources at or above this TF-IDF cosine state much the same.
SUPPORT_SIMILARITY = 0.3
# Support is computed for this many of the most central sentences (all of them in every
# Multi-News cluster); it bounds the pairwise work on very large stories.
SUPPORT_POOL = 2000
_CHUNK = 256
# Word-count bounds of the ``short`` and ``long`` features.
SHORT_WORDS = 12
LONG_WORDS = 40

_QUOTE_MARK = re.compile('["“”]')
_FIRST_PERSON = re.compile(r"\b(I|I'm|I've|we|We|my|My|our|Our|me)\b")
_NUMBER = re.compile(r"\d")

FEATURE_NAMES: tuple[str, ...] = (
    "position",  # 1 / sqrt(1 + index of the sentence in its article)
    "first",  # the article's first sentence
    "relative_position",  # index / number of sentences in the article
    "paragraph",  # 1 / sqrt(1 + paragraph index)
    "log_words",
    "short",  # fewer than 12 words
    "long",  # more than 40 words
    "centrality",  # cosine to the cluster's TF-IDF centroid
    "cross_centrality",  # mean cosine to the sentences of the other articles
    "support",  # share of other articles with a sentence saying much the same
    "term_probability",  # mean cluster frequency of the sentence's content terms (SumBasic)
    "quote",  # share of the sentence inside quotation marks
    "question",
    "first_person",
    "number",
    "capitalised",  # share of capitalised words after the first (names, places)
    "article_share",  # the article's share of the cluster's sentences
    "article_centrality",  # cosine of the sentence's article to the cluster centroid (off-topic pages score low)
    "second",  # the article's second sentence
    "early",  # among the article's first five sentences
)


def _quote_share(text: str) -> float:
    """Characters between an opening and its closing quotation mark, as a share of the text (a straight
    mark toggles; the span between two marks is counted in one step, not character by character)."""
    inside = 0
    open_quote = False
    after_mark = 0
    for mark in _QUOTE_MARK.finditer(text):
        if open_quote:
            inside += mark.start() - after_mark
        open_quote = not open_quote if mark.group() == '"' else mark.group() == "“"
        after_mark = mark.end()
    if open_quote:
        inside += len(text) - after_mark
    return inside / max(1, len(text))


def _style(text: str) -> list[float]:
    tokens = text.split()
    capitalised = sum(1 for t in tokens[1:] if t[:1].isupper()) / max(1, len(tokens) - 1)
    return [
        _quote_share(text),
        float(text.rstrip("\"'”’) ").endswith("?")),
        float(bool(_FIRST_PERSON.search(text))),
        float(bool(_NUMBER.search(text))),
        capitalised,
    ]


def _document_sums(matrix: sparse.csr_matrix, doc_index: np.ndarray, n_docs: int) -> np.ndarray:
    """The sum of each document's rows (one dense row per document): one product with a document x row
    indicator matrix, which adds a document's rows in row order as ``matrix[own].sum(axis=0)`` does."""
    n_rows = len(doc_index)
    indicator = sparse.csr_matrix((np.ones(n_rows), (doc_index, np.arange(n_rows))), shape=(n_docs, n_rows))
    sums: np.ndarray = (indicator @ matrix).toarray()
    return sums


def _cross_centrality(matrix: sparse.csr_matrix, doc_index: np.ndarray, doc_sums: np.ndarray) -> np.ndarray:
    """Mean cosine of each sentence to the sentences of the other articles, in linear time:
    the sum of those cosines is the dot product with (sum of all rows - sum of own article's rows)."""
    total = np.asarray(matrix.sum(axis=0)).ravel()
    n_other = len(doc_index) - np.bincount(doc_index, minlength=len(doc_sums))[doc_index]
    to_others = matrix @ (total - doc_sums).T  # each sentence against every article's "others" sum
    own = to_others[np.arange(len(doc_index)), doc_index]
    return np.where(n_other > 0, own / np.maximum(n_other, 1), 0.0)


def _support(matrix: sparse.csr_matrix, doc_index: np.ndarray, centrality: np.ndarray) -> np.ndarray:
    """Share of other articles holding a sentence at or above SUPPORT_SIMILARITY.

    Pairwise similarity stays sparse and is computed in row chunks for the SUPPORT_POOL most
    central sentences only, so memory and time grow linearly with the cluster (a dense
    sentence x sentence matrix took 2.7 GiB for a 500-article story); the rest score 0.
    """
    n_articles = int(doc_index.max()) + 1 if len(doc_index) else 0
    support = np.zeros(len(doc_index))
    if n_articles < 2:
        return support
    pool = np.argsort(-centrality, kind="stable")[:SUPPORT_POOL]
    transposed = matrix.T.tocsc()
    for start in range(0, len(pool), _CHUNK):
        chunk = pool[start : start + _CHUNK]
        block = (matrix[chunk] @ transposed).tocsr()
        close = block.data >= SUPPORT_SIMILARITY
        sentence = np.repeat(np.arange(len(chunk)), np.diff(block.indptr))[close]  # position in chunk
        article = doc_index[block.indices[close]]
        other = article != doc_index[chunk][sentence]
        # distinct (sentence, other article) pairs, counted per sentence
        pairs = np.unique(sentence[other] * n_articles + article[other])
        support[chunk] = np.bincount(pairs // n_articles, minlength=len(chunk)) / (n_articles - 1)
    return support


def sentence_features(cluster: Cluster, rows: list[int]) -> np.ndarray:
    """Feature matrix ``(len(rows), len(FEATURE_NAMES))`` for the given cluster rows."""
    if not rows:
        return np.zeros((0, len(FEATURE_NAMES)))
    matrix = cluster.matrix[rows]
    centroid = np.asarray(matrix.sum(axis=0)).ravel()
    centroid /= np.linalg.norm(centroid) or 1.0
    centrality = matrix @ centroid

    docs = np.array([cluster.sentences[r].doc_id for r in rows])
    doc_ids, doc_index = np.unique(docs, return_inverse=True)
    doc_sums = _document_sums(matrix, doc_index, len(doc_ids))
    cross_centrality = _cross_centrality(matrix, doc_index, doc_sums)
    support = _support(matrix, doc_index, centrality)

    frequency = Counter(term for row in rows for term in cluster.terms[row])
    total_terms = max(1, sum(frequency.values()))
    mean_frequency = [
        sum(frequency[t] for t in terms) / max(1, len(terms)) for terms in (cluster.terms[r] for r in rows)
    ]
    term_probability = np.array(mean_frequency) / total_terms * 100.0
    article_centrality = np.array([vector @ centroid / (np.linalg.norm(vector) or 1.0) for vector in doc_sums])
    article_sentences = np.array([len(cluster.article(int(doc)).sentences) for doc in doc_ids])[doc_index]

    # Column by column over all rows; each value is computed with the same floating-point operations
    # as one row at a time would (math.log kept: numpy's log may differ in the last bit).
    sentences = [cluster.sentences[row] for row in rows]
    index = np.array([s.index for s in sentences], dtype=float)
    paragraph = np.array([s.paragraph for s in sentences], dtype=float)
    n_words = np.array([len(cluster.tokens[row]) for row in rows])
    columns = [
        1.0 / np.sqrt(1 + index),
        index == 0,
        index / np.maximum(1, article_sentences),
        1.0 / np.sqrt(1 + paragraph),
        np.array([math.log(1 + n) for n in n_words.tolist()]),
        n_words < SHORT_WORDS,
        n_words > LONG_WORDS,
        centrality,
        cross_centrality,
        support,
        term_probability,
        *np.array([_style(s.text) for s in sentences]).T,
        article_sentences / max(1, len(cluster.sentences)),
        article_centrality[doc_index],
        index == 1,
        index < 5,
    ]
    return np.column_stack(columns)
