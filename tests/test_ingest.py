"""Ingest: every input format, directories, stdin, outlet inference, and robustness on junk."""

from __future__ import annotations

import contextlib
import io
import json
import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsbrief.errors import InputError, NoUsableInput
from newsbrief.ingest import load_articles
from newsbrief.ingest.formats import FORMATS, detect_format
from newsbrief.ingest.outlets import outlet_from_text, outlet_from_url

BODY = "Kerry and Lavrov met in Paris on Sunday. They agreed to keep talking about Ukraine."

PAGE = """<!doctype html>
<html><head>
<title>Kerry and Lavrov meet in Paris | Example News</title>
<meta property="og:title" content="Kerry and Lavrov meet in Paris">
<meta property="og:url" content="https://www.bbc.co.uk/news/world-europe-26000000">
<meta property="og:site_name" content="BBC News">
<meta name="date" content="2014-03-30">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<header><a href="#main">Skip to main content</a></header>
<article id="main">
<h1>Kerry and Lavrov meet in Paris</h1>
<p>US Secretary of State John Kerry and Russian Foreign Minister Sergei Lavrov met in Paris on Sunday for four hours
of talks about the crisis in Ukraine, the State Department said.</p>
<p>The two men agreed that the crisis requires a diplomatic resolution but failed to break the deadlock over how to
proceed, officials on both sides told reporters after the meeting.</p>
<p>Mr Kerry said the Russian troop buildup on the border was creating a climate of fear and intimidation in
Ukraine, and called for an immediate pullback of the troops.</p>
</article>
<section id="comments" class="comments">
<h2>Comments</h2>
<div class="comment"><p>Putin is right about everything, the West started this whole mess and you all know it.</p></div>
<div class="comment"><p>Kerry should resign immediately, this is a disgrace for the whole country.</p></div>
</section>
<footer><p>Copyright 2014 Example News. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
</body></html>
"""


def load(tmp_path, name: str, content: str | bytes):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return load_articles([str(path)])


def test_text_title_is_the_first_kept_line(tmp_path):
    (article,), warnings = load(tmp_path, "a.txt", "\n\nKerry meets Lavrov\n\n" + BODY)
    assert warnings == []
    assert article.title.value == "Kerry meets Lavrov"
    assert article.title.provenance == "text:first line"
    assert "Kerry meets Lavrov" not in article.raw_text
    assert article.input_format == "text"


def test_text_title_skips_page_furniture_above_the_headline(tmp_path):
    (article,), _ = load(tmp_path, "a.txt", "3.8 C\nNew York\n\nUS And Russia To Hold Talks\n\n" + BODY)
    assert article.title.value == "US And Russia To Hold Talks"
    assert article.title.provenance == "text:line 4"


def test_html_keeps_only_the_article_and_records_metadata_with_provenance(tmp_path):
    (article,), warnings = load(tmp_path, "page.html", PAGE)
    assert warnings == []
    text = article.raw_text
    assert "climate of fear and intimidation" in text and "diplomatic resolution" in text
    for furniture in ("Putin is right", "Kerry should resign", "Copyright", "Privacy", "Skip to main", "Sport"):
        assert furniture not in text, furniture
    assert article.title.value == "Kerry and Lavrov meet in Paris"
    assert article.title.provenance.startswith("html:")
    assert article.url.value == "https://www.bbc.co.uk/news/world-europe-26000000"
    assert article.published.value == "2014-03-30"
    assert article.url.provenance == article.published.provenance == "html:metadata"
    assert article.outlet.value == "BBC"  # og:site_name "BBC News", canonical name
    assert article.outlet.provenance.startswith("html:metadata")
    assert article.input_format == "html"


def test_truncated_html_still_yields_its_text_and_debris_is_refused(tmp_path):
    (article,), _ = load(tmp_path, "cut.html", PAGE[: PAGE.index("Mr Kerry said")])
    assert "diplomatic resolution" in article.raw_text
    with pytest.raises(NoUsableInput, match="no article text found in the HTML"):
        load(tmp_path, "debris.html", "<html><body><div><p>unclosed <b><<<>>> <script>x(</html")


def test_json_object_list_and_documents_cluster(tmp_path):
    record = {"title": "T", "text": BODY, "url": "https://www.cbn.com/x", "published": "2014-03-30"}
    (article,), _ = load(tmp_path, "one.json", json.dumps(record))
    assert (article.title.value, article.published.value, article.input_format) == ("T", "2014-03-30", "json")
    assert article.outlet.value == "CBN" and article.outlet.provenance == "url:www.cbn.com"

    articles, _ = load(tmp_path, "list.json", json.dumps([record, {"text": BODY, "source": "Sky News"}]))
    assert [a.path for a in articles] == [f"{tmp_path}/list.json[1]", f"{tmp_path}/list.json[2]"]
    assert articles[1].outlet.value == "Sky News" and articles[1].outlet.provenance == "metadata:source"

    cluster = {"id": "c1", "documents": [BODY, "", "Second document here. It has text."], "summary": "x"}
    articles, _ = load(tmp_path, "cluster.json", json.dumps(cluster))
    assert [a.path.rsplit("#", 1)[1] for a in articles] == ["1", "3"]
    assert all(a.input_format == "multinews" for a in articles)

    html_record = {"html": PAGE, "source": "Given Outlet"}
    (article,), _ = load(tmp_path, "html.json", json.dumps(html_record))
    assert "climate of fear" in article.raw_text and article.outlet.value == "Given Outlet"
    assert article.outlet.provenance == "metadata:source" and article.url.provenance == "html:metadata"


def test_jsonl_records_and_a_bad_line_named_by_number(tmp_path):
    lines = [json.dumps({"title": "A", "text": BODY}), "", json.dumps({"title": "B", "text": BODY})]
    articles, _ = load(tmp_path, "a.jsonl", "\n".join(lines))
    assert [a.title.value for a in articles] == ["A", "B"]
    assert articles[1].path.endswith("a.jsonl:3")
    # one bad line is skipped with a warning naming it; the good records are kept (issue 9)
    articles, warnings = load(tmp_path, "b.jsonl", json.dumps({"text": BODY}) + "\n{broken\n")
    assert len(articles) == 1
    assert any(re.search(r"b\.jsonl:2: invalid JSON.*skipped", w) for w in warnings)


def test_multinews_separator_and_newline_char(tmp_path):
    line = f"First doc line one.NEWLINE_CHARNEWLINE_CHARFirst doc line two. ||||| {BODY}"
    articles, _ = load(tmp_path, "cluster.src", line + "\n" + BODY + "|||||" + BODY)
    assert len(articles) == 4
    assert articles[0].raw_text == "First doc line one.\n\nFirst doc line two."
    assert [a.path.rsplit(":", 1)[1] for a in articles] == ["1#1", "1#2", "2#1", "2#2"]
    assert detect_format("anything.txt", line) == "multinews"


def test_directories_are_read_recursively_sorted_and_hidden_entries_skipped(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "b" / "2.txt").write_text("Two\n\n" + BODY)
    (tmp_path / "a.txt").write_text("One\n\n" + BODY)
    (tmp_path / "c.txt").write_text("Three\n\n" + BODY)
    (tmp_path / ".secret.txt").write_text("Hidden\n\n" + BODY)
    (tmp_path / ".hidden" / "x.txt").write_text("Hidden\n\n" + BODY)
    articles, warnings = load_articles([str(tmp_path)])
    assert [a.title.value for a in articles] == ["One", "Two", "Three"]
    assert [a.id for a in articles] == [1, 2, 3]
    assert warnings == []


def test_stdin_dash(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(("Title\n\n" + BODY).encode())))
    (article,), _ = load_articles(["-"])
    assert article.path == "<stdin>" and article.title.value == "Title"


def test_outlets_of_the_example_story(example_dir):
    articles, _ = load_articles([str(example_dir)])
    assert [a.outlet_name for a in articles] == ["BBC", "BBC", "CBN", "RUSI", None]
    assert all(a.outlet.provenance.startswith("text:line") for a in articles[:4])
    # the Sky-style page quotes "the BBC's diplomatic correspondent" in its body: no outlet
    assert "the BBC’s diplomatic correspondent" in articles[4].raw_text


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("Body first.\n\nBBC © 2014 The BBC is not responsible", "BBC"),
        ("CBN\n\nBody.", "CBN"),
        ("Body.\n\nRUSI International", "RUSI"),
        ("Says the BBC's correspondent James Reynolds in Simferopol.", None),
        ("BBC News reported that talks had failed in Paris.", None),
        ("The CBN anchor asked about it.", None),
    ],
)
def test_outlet_comes_from_furniture_lines_not_body_mentions(text, outlet):
    found = outlet_from_text(text)
    assert (found.value if found else None) == outlet


def test_outlet_from_url_matches_domains_not_substrings():
    assert outlet_from_url("https://www.bbc.co.uk/news/1").value == "BBC"
    assert outlet_from_url("https://news.sky.com/story/1").value == "Sky News"
    assert outlet_from_url("https://notbbc.co.uk.example.com/x") is None
    assert outlet_from_url("not a url") is None


# --- robustness: parsers raise only InputError, whatever they are given ----------------

RECORD_KEYS = ["title", "text", "html", "url", "source", "published"]
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(["title", "text", "html", "url", "source", "published", "documents", "x"]), inner
        )
    ),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["json", "jsonl"]), json_values)
def test_json_parsers_raise_only_input_error(fmt, value):
    text = json.dumps(value)
    try:
        records = list(FORMATS[fmt](text, "x.json"))
    except InputError:
        return
    assert all(isinstance(r.text, str) and r.text.strip() for r in records)


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(sorted(FORMATS)), st.text(max_size=300))
def test_every_parser_raises_only_input_error_on_arbitrary_text(fmt, text):
    with contextlib.suppress(InputError):
        list(FORMATS[fmt](text, "x"))


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=400), st.sampled_from(["a.txt", "a.html", "a.json", "a.jsonl", "a"]))
def test_arbitrary_bytes_give_articles_or_a_clear_no_usable_input(tmp_path_factory, data, name):
    path = tmp_path_factory.mktemp("bytes") / name
    path.write_bytes(data)
    try:
        articles, _ = load_articles([str(path)])
    except NoUsableInput as exc:
        assert str(path) in str(exc)
        return
    assert articles and all(a.raw_text.strip() for a in articles)
