"""Word statistics shared by summarizers, corroboration and analysis.

A :class:`Cluster` holds the segmented articles of one story and, computed once on demand,
an L2-normalised TF-IDF matrix over stemmed content words (one row per sentence). Cosine
similarity between two sentences is then a sparse dot product.
"""

from __future__ import annotations

import importlib.util
import math
import re
import sys
import types
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import cached_property, lru_cache

import numpy as np
from scipy import sparse

from newsbrief.lexicon import SPACELESS_SCRIPT_CHARS
from newsbrief.model import Article, Sentence

STOPWORDS = frozenset(
    """
    a about above after again against all also am an and any are aren't as at be because been
    before being below between both but by can could did do does doing down during each few
    for from further had has have having he her here hers herself him himself his how i if in
    into is it its itself just let me more most my myself no nor not now of off on once only or
    other our ours ourselves out over own same she should so some such than that the their
    theirs them themselves then there these they this those through to too under until up very
    was we were what when where which while who whom why will with would you your yours
    yourself yourselves said says say says told mr mrs ms one two also us
    """.split()
)

# Chinese and Japanese have no spaces: each Han or kana character is a term of its own.
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]|\d+(?:[.,]\d+)*|[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
_SPACELESS = re.compile(SPACELESS_SCRIPT_CHARS)
# Words in Chinese and Japanese news text average about two characters, so a word budget and a
# minimum sentence length mean about the same amount of text in every script.
SPACELESS_CHARS_PER_WORD = 2


def _load_porter_stemmer() -> type:
    """NLTK's PorterStemmer without running ``nltk/__init__.py``.

    ``import nltk`` pulls in nltk.collocations -> scipy.stats and costs ~1.4 s, most of a CLI
    run (measured with ``python -X importtime``); the Porter module itself needs only
    nltk.redos, nltk.termsec and nltk.stem.api. So the two packages are stood in for while it
    loads and sys.modules is restored afterwards, leaving a later ``import nltk`` untouched.
    Any surprise (another nltk layout) falls back to the plain import.
    """
    spec = importlib.util.find_spec("nltk")
    if spec is None or not spec.submodule_search_locations or "nltk" in sys.modules:
        from nltk.stem.porter import PorterStemmer

        plain: type = PorterStemmer  # nltk ships no types: name the class type for callers
        return plain
    root = next(iter(spec.submodule_search_locations))
    saved = {name: module for name, module in sys.modules.items() if name.startswith("nltk.")}
    try:
        for name, folder in (("nltk", root), ("nltk.stem", f"{root}/stem")):
            package = types.ModuleType(name)
            package.__path__ = [folder]
            sys.modules[name] = package
        from nltk.stem.porter import PorterStemmer as fast
    except Exception:
        fast = None
    finally:
        for name in [name for name in sys.modules if name == "nltk" or name.startswith("nltk.")]:
            del sys.modules[name]
        sys.modules.update(saved)
    if fast is not None:
        loaded: type = fast
        return loaded
    from nltk.stem.porter import PorterStemmer

    fallback: type = PorterStemmer
    return fallback


_STEMMER = _load_porter_stemmer()()


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Porter stem of a lower-cased word (cached: news vocabulary repeats)."""
    stemmed: str = _STEMMER.stem(word)
    return stemmed


def words(text: str) -> list[str]:
    """Lower-cased word tokens (letters, apostrophes inside words, numbers)."""
    # lower-cased and normalised in one pass over the joined tokens (none holds a space)
    return " ".join(_WORD.findall(text)).lower().replace("’", "'").split()


def is_content_word(word: str) -> bool:
    """A token of two or more characters that is not a stop word: what similarity counts."""
    return word not in STOPWORDS and len(word) > 1


def content_words(text: str) -> Iterator[tuple[str, str]]:
    """``(term, word)`` for each non-stopword token of two or more letters: its Porter stem (the
    vocabulary of similarity) and the lower-cased word it came from."""
    for word in words(text):
        if is_content_word(word):
            yield stem(word), word


def content_terms(text: str) -> list[str]:
    """Stemmed non-stopword tokens: the vocabulary of similarity."""
    return [term for term, _ in content_words(text)]


def content_stems(tokens: list[str], stems: list[str]) -> list[str]:
    """:func:`content_terms` of a text already split by :func:`words` and stemmed word by word."""
    return [term for word, term in zip(tokens, stems, strict=True) if is_content_word(word)]


# --- TF-IDF: the one weighting behind sentence similarity (Cluster) and story clustering ---------


def smoothed_idf(documents: int, document_frequency: int) -> float:
    """IDF with add-one smoothing (scikit-learn's ``smooth_idf``): log((1 + n) / (1 + df)) + 1."""
    return math.log((1 + documents) / (1 + document_frequency)) + 1.0


def tfidf_weights(counts: Mapping[str, int], idf: Callable[[str], float]) -> dict[str, float]:
    """Sublinear term frequency times IDF, ``(1 + log count) * idf(term)``, per term."""
    return {term: (1.0 + math.log(count)) * idf(term) for term, count in counts.items()}


def l2_normalised(weights: Iterable[tuple[str, float]]) -> dict[str, float]:
    """The weights scaled to unit length (unchanged when all are zero)."""
    pairs = list(weights)
    norm = math.sqrt(sum(w * w for _, w in pairs)) or 1.0
    return {term: w / norm for term, w in pairs}


# The analysers (quotes, dates, entities, source types) and the summarizer's trained weights read
# English. English news prose has 35-50 % of its words in STOPWORDS (the example story 0.42-0.47,
# Multi-News validation lines 200-249: lowest 0.22 on a 9-word document, otherwise >= 0.31); German,
# French and Spanish news paragraphs 0.03-0.05, Chinese and Japanese 0.
ENGLISH_MIN_STOPWORD_SHARE = 0.15
# Below this many words the share says little (a syndication notice, a one-line wire item).
LANGUAGE_MIN_WORDS = 30


def is_foreign(text: str) -> bool:
    """Is ``text`` clearly not English, by the share of English function words among its words
    (scripts without spaces count a term per character)?"""
    tokens = words(text)
    if len(tokens) < LANGUAGE_MIN_WORDS:
        return False
    return sum(t in STOPWORDS for t in tokens) / len(tokens) < ENGLISH_MIN_STOPWORD_SHARE


def word_count(text: str) -> int:
    """Whitespace-separated words, the unit of every word budget; in scripts written without
    spaces, every SPACELESS_CHARS_PER_WORD characters count as one word."""
    spaceless = len(_SPACELESS.findall(text))
    if not spaceless:
        return len(text.split())
    spaced = sum(1 for token in text.split() if not _SPACELESS.search(token))
    return spaced + math.ceil(spaceless / SPACELESS_CHARS_PER_WORD)


class Cluster:
    """The sentences of one story's articles, with a TF-IDF space over them.

    ``term_function`` turns a sentence into its terms (default :func:`content_terms`); another
    one gives another space over the same sentences (the summarizer's paraphrase classes).
    """

    def __init__(self, articles: list[Article], term_function: Callable[[str], list[str]] = content_terms) -> None:
        self.articles = articles
        self.term_function = term_function
        self.sentences: list[Sentence] = [s for a in articles for s in a.sentences]
        self._row = {(s.doc_id, s.index): i for i, s in enumerate(self.sentences)}
        self._by_id = {a.id: a for a in articles}

    def row(self, sentence: Sentence) -> int:
        return self._row[(sentence.doc_id, sentence.index)]

    def article(self, doc_id: int) -> Article:
        return self._by_id[doc_id]

    @cached_property
    def tokens(self) -> list[list[str]]:
        """:func:`words` of each sentence, split once for every feature that counts or pairs them."""
        return [words(s.text) for s in self.sentences]

    @cached_property
    def stems(self) -> list[list[str]]:
        """The :func:`stem` of each token, stop words too (the concept bigrams pair them)."""
        return [list(map(stem, tokens)) for tokens in self.tokens]

    @cached_property
    def terms(self) -> list[list[str]]:
        if self.term_function is content_terms:  # from the stems, not by splitting every sentence again
            return [content_stems(tokens, stems) for tokens, stems in zip(self.tokens, self.stems, strict=True)]
        return [self.term_function(s.text) for s in self.sentences]

    @cached_property
    def article_terms(self) -> list[frozenset[str]]:
        """The distinct terms of each article, in ``articles`` order."""
        return [frozenset(t for s in article.sentences for t in self.terms[self.row(s)]) for article in self.articles]

    @cached_property
    def term_sentences(self) -> dict[int, Counter[str]]:
        """For each article id, how many of its sentences hold each term: a word an article keeps
        repeating is its subject, not a detail of one sentence."""
        return {a.id: Counter(t for s in a.sentences for t in set(self.terms[self.row(s)])) for a in self.articles}

    @cached_property
    def idf(self) -> dict[str, float]:
        """Smoothed IDF with documents (articles), not sentences, as the unit."""
        doc_freq: Counter[str] = Counter()
        for seen in self.article_terms:
            doc_freq.update(seen)
        n = len(self.articles)
        return {t: smoothed_idf(n, df) for t, df in doc_freq.items()}

    @cached_property
    def vocabulary(self) -> dict[str, int]:
        return {t: i for i, t in enumerate(sorted(self.idf))}

    def vectorize(self, term_lists: list[list[str]]) -> sparse.csr_matrix:
        """L2-normalised TF-IDF rows for arbitrary token lists (unknown terms ignored)."""
        vocabulary, idf = self.vocabulary, self.idf.__getitem__
        indptr, cols, vals = [0], [], []
        for terms in term_lists:
            counts = {t: n for t, n in Counter(terms).items() if t in vocabulary}
            for t, w in l2_normalised(tfidf_weights(counts, idf).items()).items():
                cols.append(vocabulary[t])
                vals.append(w)
            indptr.append(len(cols))
        shape = (len(term_lists), len(vocabulary))
        matrix = sparse.csr_matrix((vals, cols, indptr), shape=shape, dtype=np.float64)
        matrix.sort_indices()  # column order within a row fixes the order of every dot product's sum
        return matrix

    @cached_property
    def matrix(self) -> sparse.csr_matrix:
        return self.vectorize(self.terms)

    def similarity(self, rows_a: list[int], rows_b: list[int] | None = None) -> np.ndarray:
        """Dense cosine matrix between two sets of sentence rows."""
        a = self.matrix[rows_a]
        b = a if rows_b is None else self.matrix[rows_b]
        dense: np.ndarray = (a @ b.T).toarray()
        return dense
