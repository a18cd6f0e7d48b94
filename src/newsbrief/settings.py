"""One options object instead of long argument lists (as trafilatura's ``settings.py``).

Every default here is a documented, tested choice; the CLI exposes the same fields.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# The summary length in words when none is asked for (API, CLI and a bare summarizer Budget).
DEFAULT_WORDS = 150

# Inputs above this size are refused before they are read, so a stray 50 MB dump costs
# neither memory nor minutes. Real news articles are far below 2 MB even as HTML.
DEFAULT_MAX_BYTES = 5 * 1024 * 1024

# Two sentences are taken to state the same fact (corroboration) when the cosine of their TF-IDF
# vectors over stemmed content words reaches this value, they share at least
# DEFAULT_MIN_SHARED_TERMS content words that are not in every article of the story, and their
# figures, dates, names, subjects and polarity are compatible (newsbrief.corroborate). Calibrated
# on the tune half of the trust labels (tests/fixtures/trust_labels: Multi-News and DUC 2006
# stories other than the example; `python tests/trust_eval.py --split tune`): at 0.22 / 2 terms
# precision 0.90 (yes or partial) at recall 0.63 (of yes pairs); 0.22 / 3 gives 0.93 / 0.58 and
# 0.30 leaves no summary sentence of the example corroborated. The example's own 136 pairs (the
# earlier calibration, 0.18 / 3): 0.45 / 0.24 at these defaults; see docs/analysis.md.
DEFAULT_SUPPORT_THRESHOLD = 0.22
DEFAULT_MIN_SHARED_TERMS = 2


@dataclass(frozen=True, slots=True)
class Options:
    """What to brief and how. ``words`` and ``sentences`` are budgets; ``sentences`` wins.

    Frozen: the brief keeps the options it was made with (``Brief.options``), and the analysers
    read their settings from there."""

    words: int = DEFAULT_WORDS
    sentences: int | None = None
    summarizer: str = "default"
    support_threshold: float = DEFAULT_SUPPORT_THRESHOLD
    min_shared_terms: int = DEFAULT_MIN_SHARED_TERMS
    max_bytes: int = DEFAULT_MAX_BYTES
    encoding: str | None = None
    analyse: bool = True
    timeout_s: float | None = None  # per briefing (a batch story); see newsbrief.limits.time_limit
    # record keys to read article fields from, beyond the known scraper shapes (``--fields
    # text=body,published=date``): {"text": "body", "published": "date"}
    fields: dict[str, str] = field(default_factory=dict)
    outlets_file: str | None = None  # the user's outlet table (newsbrief.ingest.outlets.load_outlet_table)

    def __post_init__(self) -> None:
        if self.words < 1:
            raise ValueError("words must be a positive number")
        if self.sentences is not None and self.sentences < 1:
            raise ValueError("sentences must be a positive number")
        if not 0.0 < self.support_threshold <= 1.0:
            raise ValueError("support_threshold must be in (0, 1]")
        if self.min_shared_terms < 0:
            raise ValueError("min_shared_terms must be 0 or more")
        if self.timeout_s is not None and not self.timeout_s > 0:
            raise ValueError("timeout_s must be above 0")
        if not all(isinstance(k, str) and isinstance(v, str) and v for k, v in self.fields.items()):
            raise ValueError("fields maps article fields to record keys, e.g. {'text': 'body'}")
