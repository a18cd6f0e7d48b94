"""Near-duplicate detection (syndicated copies, wire stories reprinted by several outlets).

Each text is reduced to a MinHash signature over word 5-shingles; locality-sensitive hashing
(bands of the signature) finds candidate pairs without comparing every pair, and a pair is a
near-duplicate when the signatures agree on at least ``threshold`` of their positions (the
estimate of the shingle-set Jaccard similarity). Hashes are seeded constants, so signatures
are the same in every process and on every run (Python's ``hash`` is not).
"""

from __future__ import annotations

import zlib
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from newsbrief.model import Article, Support
from newsbrief.textsim import words

SHINGLE_WORDS = 5
NUM_PERMUTATIONS = 64
BANDS = 16  # 16 bands of 4 rows: pairs above ~0.5 Jaccard almost always share a band
# A reprint with its own headline, byline and footer still shares most 5-word shingles with
# the original; two different reports of one event share far fewer than half.
DEFAULT_DUPLICATE_THRESHOLD = 0.7

_PRIME = np.uint64(4294967311)  # smallest prime above 2**32: shingle hashes are 32-bit
_RNG = np.random.default_rng(20141)
_A = _RNG.integers(1, 2**31, size=NUM_PERMUTATIONS, dtype=np.uint64)
_B = _RNG.integers(0, 2**32, size=NUM_PERMUTATIONS, dtype=np.uint64)


# Cached: the pipeline finds a story's copies and the outlets analyser asks again for the same texts.
@lru_cache(maxsize=4096)
def signature(text: str) -> np.ndarray | None:
    """The MinHash signature of ``text``, or None when it has fewer words than a shingle (read only)."""
    tokens = words(text)
    if len(tokens) < SHINGLE_WORDS:
        return None
    shingles = {" ".join(tokens[i : i + SHINGLE_WORDS]) for i in range(len(tokens) - SHINGLE_WORDS + 1)}
    hashes = np.fromiter((zlib.crc32(s.encode("utf-8")) for s in shingles), dtype=np.uint64, count=len(shingles))
    # (a * x + b) mod p for every permutation at once: a < 2**31 and x < 2**32 keep it in uint64.
    permuted = (_A[:, None] * hashes[None, :] + _B[:, None]) % _PRIME
    return permuted.min(axis=1)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of the two shingle sets."""
    return float(np.count_nonzero(a == b)) / NUM_PERMUTATIONS


@dataclass
class DuplicateIndex:
    """An LSH index that answers, for each new text, which earlier text it copies (if any)."""

    threshold: float = DEFAULT_DUPLICATE_THRESHOLD
    _buckets: dict[tuple[int, bytes], list[str]] = field(default_factory=lambda: defaultdict(list))
    _signatures: dict[str, np.ndarray] = field(default_factory=dict)

    def add(self, key: str, sig: np.ndarray | None) -> tuple[str, float] | None:
        """Index a text's :func:`signature` under ``key``; return ``(earlier key, similarity)``
        of its best near-duplicate among the texts added before, or None."""
        if sig is None:
            return None
        rows = NUM_PERMUTATIONS // BANDS
        bands = [(b, sig[b * rows : (b + 1) * rows].tobytes()) for b in range(BANDS)]
        candidates = {other for band in bands for other in self._buckets.get(band, ())}
        best: tuple[str, float] | None = None
        for other in sorted(candidates):  # sorted: ties go to the same original every run
            score = similarity(sig, self._signatures[other])
            if score >= self.threshold and (best is None or score > best[1]):
                best = (other, score)
        for band in bands:
            self._buckets[band].append(key)
        self._signatures[key] = sig
        return best


# A copy cut short (a page scraped without its second half, a wire story trimmed by the outlet that
# reprints it) shares few shingles with the full text by Jaccard but nearly all of its own: the
# smaller text's shingles found in the larger ("containment"). Two different reports of one event
# contain well under a fifth of each other's 5-word shingles; the floor on Jaccard keeps a short
# text that merely quotes a long one from counting as its copy.
DEFAULT_CONTAINMENT_THRESHOLD = 0.8
MIN_COPY_JACCARD = 0.15
_PAIR_CHUNK = 256  # signature rows compared at once (keeps the n x n x 64 comparison in memory)


def shingle_count(text: str) -> int:
    return max(0, len(words(text)) - SHINGLE_WORDS + 1)


def containment(jaccard: float, size_a: int, size_b: int) -> float:
    """Share of the smaller set inside the larger, from their Jaccard estimate and sizes:
    |A∩B| = J (|A| + |B|) / (1 + J)."""
    if min(size_a, size_b) == 0:
        return 0.0
    return min(1.0, jaccard * (size_a + size_b) / ((1 + jaccard) * min(size_a, size_b)))


def near_duplicate_groups(articles: list[Article], threshold: float = DEFAULT_DUPLICATE_THRESHOLD) -> dict[int, int]:
    """Map every article id to the id of the first article (lowest id) its text copies.

    An article that copies nobody maps to itself, so ``groups[a] == groups[b]`` means "the same
    text, syndicated": corroboration must count such a group once. A pair is a copy at Jaccard
    ``threshold``, or when the shorter text is contained in the longer
    (:data:`DEFAULT_CONTAINMENT_THRESHOLD`). Every pair of one story is compared (a story is
    small; :class:`DuplicateIndex` serves streams). Uses the cleaned text (``Article.text``) when
    present, else the raw text.
    """
    ordered = sorted(articles, key=lambda a: a.id)
    texts = [a.text or a.raw_text for a in ordered]
    signed = [(i, sig) for i, text in enumerate(texts) if (sig := signature(text)) is not None]
    parent = list(range(len(ordered)))

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    if len(signed) > 1:
        index = [i for i, _ in signed]
        sigs = np.stack([sig for _, sig in signed])
        sizes = [shingle_count(texts[i]) for i in index]
        for lo in range(0, len(sigs), _PAIR_CHUNK):
            agree = (sigs[lo : lo + _PAIR_CHUNK, None, :] == sigs[None, :, :]).mean(axis=2)
            for a, b in zip(*np.nonzero(agree >= MIN_COPY_JACCARD), strict=True):
                x, y = lo + int(a), int(b)
                if x >= y:
                    continue
                jaccard = float(agree[a, b])
                if jaccard >= threshold or containment(jaccard, sizes[x], sizes[y]) >= DEFAULT_CONTAINMENT_THRESHOLD:
                    rx, ry = root(index[x]), root(index[y])
                    parent[max(rx, ry)] = min(rx, ry)  # the earlier article is the original
    return {article.id: ordered[root(i)].id for i, article in enumerate(ordered)}


def independent_support(support: list[Support], origin: int, groups: dict[int, int]) -> list[Support]:
    """``support`` without syndicated copies: a source whose text copies the origin sentence's
    source, or copies a source already kept, is the same report again and corroborates nothing.
    ``groups`` is :func:`near_duplicate_groups` of the story's articles."""
    seen = {groups.get(origin, origin)}
    kept = []
    for item in support:
        group = groups.get(item.source, item.source)
        if group not in seen:
            seen.add(group)
            kept.append(item)
    return kept


def copy_warnings(groups: dict[int, int]) -> list[str]:
    """One line per syndicated copy, for :attr:`Brief.warnings`."""
    return [
        f"source {source} is a near-duplicate of source {original} (syndicated copy): not counted as corroboration"
        for source, original in sorted(groups.items())
        if source != original
    ]
