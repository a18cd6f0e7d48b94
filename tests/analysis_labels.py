"""Score an analysis against hand labels (``tests/fixtures/example_labels``).

Test and bench support, not library code: used by the tests (with pinned floors) and by
``bench/bench_analyse.py`` (which prints the numbers). Matching is by text, not offsets, so a
cleaner change that shifts offsets does not break the labels: a labelled quote is found when its
words and a detected quote's words contain one another; a labelled date when a detected
expression overlaps it in the sentence holding the label's context snippet.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsbrief.model import Article, Brief, DateMention, Entity, Quote


def normalise(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"').lower()
    return " ".join(re.findall(r"[\w']+", text))


@dataclass(slots=True)
class Score:
    """``correct`` of ``total`` labels; ``found`` were detected at all; ``misses`` explain the rest."""

    name: str
    correct: int = 0
    total: int = 0
    found: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0


def load_labels(directory: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    return (
        json.loads((directory / "quotes.json").read_text(encoding="utf-8")),
        json.loads((directory / "dates.json").read_text(encoding="utf-8")),
    )


def _article(brief: Brief, file: str) -> Article:
    return next(a for a in brief.sources if Path(a.path).name == file)


def _contains_either(a: str, b: str) -> bool:
    a, b = normalise(a), normalise(b)
    return bool(a and b) and (a in b or b in a)


def score_quotes(brief: Brief, labels: dict[str, Any]) -> tuple[Score, Score]:
    """Speaker accuracy over labelled quotes (a quote not found counts as wrong), and the share of
    labelled scare quotes flagged as fragments."""
    assert brief.analysis is not None
    speakers = Score("speaker")
    for label in labels["quotes"]:
        article = _article(brief, label["file"])
        candidates: list[Quote] = [
            q
            for q in brief.analysis.quotes
            if q.source == article.id and q.kind == "direct" and _contains_either(q.text, label["quote"])
        ]
        speakers.total += 1
        speakers.found += bool(candidates)
        if any(q.speaker == label["speaker"] for q in candidates):
            speakers.correct += 1
        else:
            got = candidates[0].speaker if candidates else "not found"
            speakers.misses.append(f"{label['file']}: '{label['quote'][:40]}' -> {got} (want {label['speaker']})")
    fragments = Score("fragment")
    for label in labels["fragments"]:
        article = _article(brief, label["file"])
        flagged = [
            q
            for q in brief.analysis.quotes
            if q.source == article.id and normalise(q.text) == normalise(label["quote"]) and q.is_fragment
        ]
        fragments.total += 1
        fragments.found += bool(flagged)
        fragments.correct += bool(flagged)
        if not flagged:
            fragments.misses.append(f"{label['file']}: '{label['quote']}' not flagged as a fragment")
    return speakers, fragments


def score_dates(brief: Brief, labels: dict[str, Any]) -> tuple[Score, Score, Score]:
    """Date accuracy over all labels, over those the texts determine, and over those where the
    right answer is to abstain (``iso`` null)."""
    assert brief.analysis is not None
    overall, resolvable, abstain = Score("date"), Score("date (determined by the texts)"), Score("date (abstain)")
    used: set[int] = set()
    for label in labels["dates"]:
        article = _article(brief, label["file"])
        sentences = [s for s in article.sentences if normalise(label["context"]) in normalise(s.text)]
        candidates: list[DateMention] = [
            m
            for m in brief.analysis.dates
            if m.source == article.id
            and any(m.sentence == s.index for s in sentences)
            and _contains_either(m.text, label["text"])
            and id(m) not in used
        ]
        mention = candidates[0] if candidates else None
        if mention is not None:
            used.add(id(mention))
        right = mention is not None and mention.iso == label["iso"]
        for score in (overall, resolvable if label["iso"] is not None else abstain):
            score.total += 1
            score.found += mention is not None
            score.correct += right
            if not right:
                got = mention.iso if mention else "not found"
                score.misses.append(f"{label['file']}: '{label['context']}' -> {got} (want {label['iso']})")
    return overall, resolvable, abstain


def score_entities(entities: list[Entity], gold: dict[str, Any]) -> dict[str, float]:
    """Precision and recall of canonical entities, label accuracy, and how many gold entities are
    split over several system entities (an alias not merged)."""

    def keys(names: list[str]) -> set[str]:
        return {normalise(n.removeprefix("The ").removeprefix("the ")) for n in names}

    gold_keys = [keys([g["name"], *g["aliases"]]) for g in gold["entities"]]
    optional = keys(gold["optional"])
    matched_gold: dict[int, int] = {}
    true_positive = false_positive = right_label = 0
    for entity in entities:
        names = keys([entity.name, *entity.aliases])
        hit = next((i for i, g in enumerate(gold_keys) if names & g), None)
        if hit is None:
            false_positive += not (names & optional)
            continue
        true_positive += 1
        matched_gold[hit] = matched_gold.get(hit, 0) + 1
        right_label += entity.label == gold["entities"][hit]["label"]
    return {
        "precision": true_positive / max(1, true_positive + false_positive),
        "recall": len(matched_gold) / len(gold_keys),
        "label_accuracy": right_label / max(1, true_positive),
        "split_entities": float(sum(1 for count in matched_gold.values() if count > 1)),
    }
