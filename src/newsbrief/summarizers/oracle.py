"""The extractive oracle: greedy selection maximising ROUGE against the reference.

The ceiling for any system that copies whole sentences (Nallapati et al. 2017; Liu & Lapata
2019): starting from nothing, repeatedly add the candidate that most increases
ROUGE-1 F1 + ROUGE-2 F1 against the reference(s) and still fits the budget; stop when no
candidate increases it. Tokens come from ``rouge-score``'s own tokenizer (stemmed), so the
quantity maximised is the one the evaluation reports (n-grams spanning two selected
sentences aside). It needs the reference, so it is built per cluster:
``get_summarizer("oracle", reference=summary_text)``.
"""

from __future__ import annotations

from collections import Counter

from newsbrief.errors import UsageError
from newsbrief.model import SentenceScore
from newsbrief.summarizers import register
from newsbrief.summarizers.base import Budget, Summarizer, is_candidate
from newsbrief.summarizers.units import selectable_units, shown_words
from newsbrief.textsim import Cluster

Grams = list[Counter[tuple[str, ...]]]  # [unigram counts, bigram counts]


def _ngrams(tokens: list[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def _f1(overlap: int, system_total: int, reference_total: int) -> float:
    if overlap == 0:
        return 0.0
    precision, recall = overlap / system_total, overlap / reference_total
    return 2 * precision * recall / (precision + recall)


class _Reference:
    """Unigram and bigram counts of one reference, and the ROUGE-1 + ROUGE-2 F1 of a selection."""

    def __init__(self, tokens: list[str]) -> None:
        self.grams = [_ngrams(tokens, 1), _ngrams(tokens, 2)]
        self.totals = [max(1, sum(g.values())) for g in self.grams]

    def overlaps(self, selection: Grams) -> list[int]:
        return [sum(min(c, self.grams[n][g]) for g, c in selection[n].items() if g in self.grams[n]) for n in range(2)]

    def value_with(self, selection: Grams, overlaps: list[int], candidate: Grams) -> float:
        """F1 sum of ``selection + candidate`` (``overlaps`` from :meth:`overlaps`), in time
        linear in the candidate's size."""
        total = 0.0
        for n in range(2):
            reference, chosen = self.grams[n], selection[n]
            overlap = overlaps[n]
            for gram, count in candidate[n].items():
                if gram in reference:
                    before = chosen.get(gram, 0)
                    overlap += min(before + count, reference[gram]) - min(before, reference[gram])
            system_total = chosen.total() + candidate[n].total()
            total += _f1(overlap, system_total, self.totals[n])
        return total


@register("oracle")
class OracleSummarizer(Summarizer):
    needs_reference = True

    def __init__(self, reference: str | list[str] | None = None) -> None:
        if not reference:
            raise UsageError(
                "the oracle summarizer needs the reference summary (get_summarizer('oracle', reference=...))"
            )
        from rouge_score import tokenizers

        self._tokenize = tokenizers.DefaultTokenizer(use_stemmer=True).tokenize
        texts = [reference] if isinstance(reference, str) else list(reference)
        self._references = [_Reference(self._tokenize(text)) for text in texts]

    def _value(self, selection: Grams, overlaps: list[list[int]], candidate: Grams) -> float:
        values = [ref.value_with(selection, o, candidate) for ref, o in zip(self._references, overlaps, strict=True)]
        return sum(values) / len(values)

    def summarize(self, cluster: Cluster, budget: Budget) -> list[SentenceScore]:
        rows = [cluster.row(s) for s in cluster.sentences if is_candidate(s.text, s.is_heading)]
        grams = {}
        for row in rows:
            tokens = self._tokenize(cluster.sentences[row].text)
            grams[row] = [_ngrams(tokens, 1), _ngrams(tokens, 2)]
        # A candidate's score is its value alone; the greedy gain over whole quotation units decides
        # what is selected (units.py: a piece of a quotation is never shown).
        selection: Grams = [Counter(), Counter()]
        overlaps = [ref.overlaps(selection) for ref in self._references]
        alone = {row: self._value(selection, overlaps, grams[row]) for row in rows}
        units = selectable_units(cluster, rows)
        chosen: list[int] = []
        current, used_words = 0.0, 0
        remaining = set(range(len(units.members)))

        def new_rows(unit: int) -> list[int]:  # a dangling unit's antecedent may be chosen already
            return [row for row in units.members[unit] if row not in chosen]

        while remaining and not budget.is_full(used_words, len(chosen)):
            best_unit, best_value, best_grams = None, current, None
            for unit in sorted(remaining):
                rows_added = new_rows(unit)
                n_words = sum(shown_words(cluster, row) for row in rows_added)
                if not rows_added or not budget.allows(used_words, len(chosen) + len(rows_added) - 1, n_words):
                    continue
                added = [sum((grams[row][n] for row in rows_added), Counter()) for n in range(2)]
                value = self._value(selection, overlaps, added)
                if value > best_value:
                    best_unit, best_value, best_grams = unit, value, added
            if best_unit is None or best_grams is None:
                break
            rows_added = new_rows(best_unit)
            chosen.extend(rows_added)
            remaining.discard(best_unit)
            selection = [selection[0] + best_grams[0], selection[1] + best_grams[1]]
            overlaps = [ref.overlaps(selection) for ref in self._references]
            current = best_value
            used_words += sum(shown_words(cluster, row) for row in rows_added)
        # Rank: selected sentences first in the order chosen, then the rest by their value alone.
        order = chosen + sorted(set(rows) - set(chosen), key=lambda r: (-alone[r], r))
        chosen_set = set(chosen)
        return [
            SentenceScore(
                doc_id=cluster.sentences[row].doc_id,
                sentence=cluster.sentences[row].index,
                score=round(alone[row], 6),
                rank=rank,
                selected=row in chosen_set,
                features={"rouge12_alone": round(alone[row], 4)},
            )
            for rank, row in enumerate(order, start=1)
        ]
