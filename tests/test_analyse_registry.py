"""Analysers declare what they need; running one alone brings its requirements along."""

from __future__ import annotations

import pytest

from newsbrief.analyse import ANALYSERS, analyse, analyse_texts, check_declared, needed, register
from newsbrief.errors import UsageError
from newsbrief.registry import Registry
from newsbrief.textsim import Cluster

TEXT = '"The allegations were found to be credible," Bishop John Burns told reporters on Monday.'


def test_quotes_alone_still_find_their_speaker():
    brief = analyse_texts([TEXT])
    analysis = analyse(brief, Cluster([a for a in brief.sources if a.sentences]), only=["quotes"])
    assert [q.speaker for q in analysis.quotes] == ["John Burns"]
    assert analysis.entities and not analysis.timeline  # entities ran, the timeline did not


def test_requirements_are_pulled_in_transitively_in_run_order():
    assert needed(["agreement"]) == ["outlets", "dates", "entities", "quotes", "agreement"]
    assert needed(["timeline"]) == ["dates", "timeline"]


def test_an_unknown_analyser_is_a_usage_error_naming_the_known_ones():
    with pytest.raises(UsageError, match="quotes"):
        needed(["speakers"])


def test_registration_refuses_unknown_fields_and_unmet_requirements():
    with pytest.raises(ValueError, match="not fields of Analysis"):
        register("later", requires=("speakers",), assigns=())(lambda *_: None)
    fresh = Registry("analyser", check=check_declared)
    with pytest.raises(ValueError, match="no earlier analyser assigns"):
        register("quotes_first", requires=("entities",), assigns=("quotes",), registry=fresh)(lambda *_: None)
    register("entities_first", assigns=("entities",), registry=fresh)(lambda *_: None)
    register("quotes_after", requires=("entities",), assigns=("quotes",), registry=fresh)(lambda *_: None)
    assert list(fresh) == ["entities_first", "quotes_after"]
    assert "later" not in ANALYSERS and "quotes_first" not in ANALYSERS


def test_analysers_are_one_registry_in_run_order():
    assert list(ANALYSERS)[:2] == ["outlets", "dates"] and ANALYSERS["quotes"].requires == ("entities",)
