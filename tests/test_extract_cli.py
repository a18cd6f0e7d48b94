"""``newsbrief extract``: the text the summarizer reads, furniture removed, with provenance."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema

import newsbrief
from newsbrief.render.extraction import ARTICLE_SEPARATOR

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SCHEMA = json.loads((Path(__file__).resolve().parent.parent / "src/newsbrief/schema/brief.schema.json").read_text())
# one extracted article is the schema's "source" object, its $defs resolved against the whole schema
SOURCE_SCHEMA = {**SCHEMA, "$ref": "#/$defs/source", "required": [], "properties": {}}
BRIDGE = FIXTURES / "newswire" / "bridge.txt"
PHOTO_POST = FIXTURES / "html" / "photo-post-copyright.html"


def extract_cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsbrief.cli", "extract", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_text_output_is_title_then_body_without_the_furniture() -> None:
    result = extract_cli(str(BRIDGE))
    assert result.returncode == 0 and result.stderr == ""
    title, blank, *body = result.stdout.splitlines()
    assert title == "Harbor bridge reopens to traffic after two years of repairs" and blank == ""
    text = "\n".join(body)
    assert "contributed to this report" not in text  # the credit line is furniture
    # the hard-wrapped paragraph comes back as one line, whole
    assert any(line.startswith("RIVERTON, Ore. (AP) -- The Harbor Street bridge reopened") for line in body)
    assert text.rstrip().endswith("with the lanes closed to cars for the afternoon.")


def test_text_output_briefs_again_with_the_same_title_and_text(tmp_path: Path) -> None:
    extracted = tmp_path / "bridge.txt"
    assert extract_cli(str(BRIDGE), "-o", str(extracted)).returncode == 0
    again = json.loads(extract_cli(str(extracted), "--format", "jsonl").stdout)
    first = json.loads(extract_cli(str(BRIDGE), "--format", "jsonl").stdout)
    assert again["title"] == first["title"]
    assert again["text"] == first["text"] and again["removed"] == []  # nothing left to remove


def test_jsonl_lines_follow_the_source_schema_and_name_what_was_removed() -> None:
    result = extract_cli(str(PHOTO_POST), str(BRIDGE), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["id"] for line in lines] == [1, 2]
    for line in lines:
        jsonschema.validate(line, SOURCE_SCHEMA, cls=jsonschema.Draft202012Validator)
        for start, end in line["sentence_spans"]:
            assert 0 <= start < end <= len(line["text"])
    photo, bridge = lines
    assert [(r["rule"], r["text"]) for r in photo["removed"]] == [("footer", "Copyright © 2018. All Rights Reserved.")]
    assert "All Rights Reserved" not in photo["text"] and "panoramic camera" in photo["text"]
    assert [r["rule"] for r in bridge["removed"]] == ["credit"]
    assert bridge["metadata"]["title"]["provenance"] and bridge["format"] == "text"


def test_a_folder_gives_one_article_each_separated_by_a_form_feed() -> None:
    result = extract_cli("examples/kerry-lavrov-2014")
    assert result.returncode == 0, result.stderr
    pages = result.stdout.split(ARTICLE_SEPARATOR)
    articles, _ = newsbrief.load_articles(["examples/kerry-lavrov-2014"])
    assert len(pages) == len(articles)
    assert all(page.split("\n", 1)[0] for page in pages)  # every article has a title line


def test_the_api_returns_the_articles_as_brief_reads_them() -> None:
    articles, warnings = newsbrief.extract([str(BRIDGE)])
    brief = newsbrief.brief([str(BRIDGE)], newsbrief.Options(analyse=False))
    assert warnings == []
    assert [a.text for a in articles] == [a.text for a in brief.sources]


def test_stdin_and_an_input_of_furniture_only(tmp_path: Path) -> None:
    result = extract_cli("-", stdin="A headline\n\nA long enough first sentence of the story stands here today.\n")
    assert result.returncode == 0 and result.stdout.startswith("A headline\n\nA long enough first sentence")
    furniture = tmp_path / "furniture.txt"
    furniture.write_text("Share this\n\nCopyright © 2018. All Rights Reserved.\n", encoding="utf-8")
    result = extract_cli(str(furniture), str(BRIDGE), "--format", "jsonl")
    assert result.returncode == 0
    (line,) = [json.loads(line) for line in result.stdout.splitlines()]  # the good input is not lost
    assert line["title"].startswith("Harbor bridge")
    (warning,) = result.stderr.splitlines()  # the furniture-only one is named, not silently dropped
    assert warning.startswith("newsbrief: warning:") and "furniture.txt" in warning


def test_bad_usage_is_one_line_and_exit_2(tmp_path: Path) -> None:
    missing = extract_cli(str(tmp_path / "missing.html"))
    assert missing.returncode == 2 and missing.stdout == ""
    assert missing.stderr.count("\n") == 1 and "no such file" in missing.stderr
    onto_input = extract_cli(str(BRIDGE), "-o", str(BRIDGE))
    assert onto_input.returncode == 2 and "Traceback" not in onto_input.stderr
    assert BRIDGE.read_text(encoding="utf-8").startswith("Harbor bridge")
    assert extract_cli(str(BRIDGE), "--format", "xml").returncode == 2
