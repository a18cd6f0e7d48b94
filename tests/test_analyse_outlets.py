"""Independence by outlet: wire copy, copies of one outlet, near-duplicates, the user's outlet table."""

from __future__ import annotations

import json

import pytest

import newsbrief
from newsbrief.analyse import analyse_texts
from newsbrief.duplicates import near_duplicate_groups
from newsbrief.errors import InputError
from newsbrief.ingest.outlets import load_outlet_table, wire_from_text
from newsbrief.model import Article
from newsbrief.render import render

FACT = "The regional council approved a budget of 40 million dollars for new bridges on the coast road."
OTHER = "Fishermen in the northern harbour said the storm had destroyed most of their boats overnight."


def test_wire_credits_and_what_is_not_wire_copy():
    assert wire_from_text("PORTLAND, Maine (AP) — " + FACT).value == "Associated Press"
    assert wire_from_text("LONDON (Reuters) - " + FACT).value == "Reuters"
    assert wire_from_text("By The Associated Press\n\n" + FACT).value == "Associated Press"
    assert wire_from_text(FACT + "\n\nThe Associated Press contributed to this report.") is None
    assert wire_from_text("Officials told the AP on Monday that " + FACT) is None


def test_republished_wire_copy_counts_once_and_says_which_wire():
    texts = [
        "PORTLAND, Maine (AP) — " + FACT + " " + OTHER,
        "PORTLAND, Maine (AP) — " + FACT.replace("approved", "passed") + " Officials expect work to start soon.",
        FACT.replace("for new", "to build new") + " Readers were pleased by it.",
        OTHER + " The harbour master counted the damage on Tuesday morning.",  # not every source states it
    ]
    outlets = ["Yahoo News", "Boston Globe", "Portland Herald", "Harbour Times"]
    analysis = analyse_texts(texts, outlets=outlets).analysis
    assert [p.wire for p in analysis.outlets] == ["Associated Press", "Associated Press", None, None]
    (fact,) = [f for f in analysis.facts if len(f.sources) == 3]
    assert fact.independent_outlets == 2
    assert fact.outlets == ["wire:Associated Press", "Portland Herald"]


def test_a_truncated_copy_is_a_near_duplicate_by_containment():
    long = " ".join(
        f"Sentence {i} tells how the flood reached district {i} and closed road {i * 3}." for i in range(40)
    )
    articles = [Article(id=1, path="a", raw_text=long), Article(id=2, path="b", raw_text=long[: len(long) // 3])]
    assert near_duplicate_groups(articles) == {1: 1, 2: 1}


def test_user_outlet_table_names_the_outlet_and_shows_its_facts(tmp_path):
    table = tmp_path / "outlets.csv"
    table.write_text(
        "domain,name,owner,country,type,lean\nexample.org,Example Post,Example Media,NZ,newspaper,centre\n"
    )
    story = tmp_path / "story.json"
    story.write_text(
        json.dumps(
            [
                {"url": "https://www.example.org/news/1", "text": FACT + " " + OTHER},
                {"url": "https://news.other.net/2", "text": FACT.replace("approved", "passed") + " It was late."},
            ]
        )
    )
    brief = newsbrief.brief([str(story)], newsbrief.Options(outlets_file=str(table)))
    profile = brief.analysis.outlets[0]
    assert (profile.name, profile.owner, profile.country, profile.type, profile.lean) == (
        "Example Post", "Example Media", "NZ", "newspaper", "centre",
    )  # fmt: skip
    text = render(brief, "markdown")
    assert "Example Post (owner Example Media, NZ, newspaper, lean centre)" in text


@pytest.mark.parametrize("content", ["domain,name\n,No domain\n", "[1, 2]", "{not json"])
def test_a_bad_outlet_table_is_an_input_error(tmp_path, content):
    path = tmp_path / ("t.json" if content[:1] in "[{" else "t.csv")
    path.write_text(content)
    load_outlet_table.cache_clear()
    with pytest.raises(InputError, match=path.name):
        load_outlet_table(str(path))
