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


def signature(text: str) -> np.ndarray | None:
    """The MinHash signature of ``text``, or None when it has fewer words than a shingle."""
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


def near_duplicate_groups(articles: list[Article], threshold: float = DEFAULT_DUPLICATE_THRESHOLD) -> dict[int, int]:
    """Map every article id to the id of the first article (lowest id) its text copies.

    An article that copies nobody maps to itself, so ``groups[a] == groups[b]`` means "the same
    text, syndicated": corroboration must count such a group once. Uses the cleaned text
    (``Article.text``) when present, else the raw text.
    """
    index = DuplicateIndex(threshold)
    groups: dict[int, int] = {}
    for article in sorted(articles, key=lambda a: a.id):
        match = index.add(str(article.id), signature(article.text or article.raw_text))
        groups[article.id] = groups[int(match[0])] if match else article.id
    return groups


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
