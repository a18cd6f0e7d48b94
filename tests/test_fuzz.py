"""Fuzzing the parsers and the edges (hypothesis): hostile records, JSON, HTML and feeds, the
`batch` and `cluster` commands, and ``POST /api/brief``.

The contract everywhere: no internal error (a parser raises only ``InputError``; a command
exits 0 or 2; the app never answers 500 and its error bodies are valid JSON), and every good
record next to the hostile ones is kept. Run with ``--hypothesis-show-statistics`` for the
number of cases tried per target (the counts are in docs/report.md).
"""

from __future__ import annotations

import importlib.util
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsbrief.cli import main
from newsbrief.errors import InputError
from newsbrief.fileio import json_line
from newsbrief.ingest.formats import parse_html, parse_json, parse_jsonl, parse_multinews, parse_text
from test_batch import story_documents

FIELDS = ["id", "title", "text", "html", "url", "source", "published", "documents", "story"]
API_FIELDS = ["title", "text", "html", "url", "source", "published"]
# Strings a hostile input carries: lone surrogates, controls, bidi overrides, NULs, huge runs.
HOSTILE_CHARS = st.characters(codec=None, exclude_categories=())
HOSTILE_TEXT = st.one_of(
    st.text(HOSTILE_CHARS, max_size=60),
    st.sampled_from(["\ud800", "\udcff x", "\x00", "\u202e", "." * 3000, "http://[::1", "0000-01-01", "not a date"]),
)
# What a parser of decoded bytes can see: anything but lone surrogates (no decoder produces them;
# they reach us only through JSON escapes, which the JSON targets above cover).
DECODED_TEXT = st.one_of(
    st.text(st.characters(exclude_categories=("Cs",)), max_size=60),
    st.sampled_from(["\x00", "\u202e", "." * 3000, "http://[::1", "0000-01-01", "not a date", "\ufffd"]),
)
NUMBERS = st.one_of(
    st.integers(min_value=-(10**40), max_value=10**40),
    st.floats(allow_nan=True, allow_infinity=True),
    st.just(10**400),
)
JSON_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), NUMBERS, HOSTILE_TEXT),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.one_of(HOSTILE_TEXT, st.sampled_from(FIELDS)), inner, max_size=5),
    ),
    max_leaves=20,
)
RECORDS = st.fixed_dictionaries(
    {},
    optional={name: st.one_of(HOSTILE_TEXT, NUMBERS, st.none(), st.lists(HOSTILE_TEXT, max_size=3)) for name in FIELDS},
)
HOSTILE_LINES = st.one_of(
    st.builds(json.dumps, st.one_of(JSON_VALUES, RECORDS)),
    st.builds(lambda depth: "[" * depth + "]" * depth, st.integers(1, 20_000)),
    st.builds(lambda depth: '{"a":' * depth + "1" + "}" * depth, st.integers(1, 20_000)),
    st.text(max_size=80).map(lambda t: t.replace("\n", " ")),
)
HTML_PIECES = st.one_of(
    st.sampled_from(["<p>", "</p>", "<div>", "</div>", "<script>", "</script>", "<!--", "-->", "<![CDATA[", "&amp;"]),
    st.sampled_from(["&#0;", "&#xD800;", "&nosuch;", "<a href='javascript:x'>", "<meta charset=utf-16>", "<"]),
    st.builds(lambda n: "<p " + " ".join(f"a{i}=x" for i in range(n)) + ">", st.integers(0, 300)),
    HOSTILE_TEXT,
)


def fuzz(examples: int) -> settings:
    """Hypothesis settings for a fuzz target: ``examples`` cases, no per-case deadline."""
    return settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )


def only_input_errors(parser, text: str) -> None:
    try:
        records = list(parser(text, "fuzz"))
    except InputError:
        return
    for record in records:
        assert isinstance(record.text, str)


@fuzz(400)
@given(st.one_of(HOSTILE_LINES, st.builds(json.dumps, st.lists(RECORDS, max_size=3))))
def test_json_record_parser_raises_only_input_errors(text):
    only_input_errors(parse_json, text)


@fuzz(200)
@given(st.lists(HOSTILE_LINES, max_size=6).map("\n".join))
def test_jsonl_parser_raises_only_input_errors(text):
    only_input_errors(parse_jsonl, text)


@fuzz(300)
@given(st.one_of(HOSTILE_TEXT, st.lists(HOSTILE_TEXT, max_size=5).map("|||||".join)))
def test_text_and_multinews_parsers_raise_only_input_errors(text):
    only_input_errors(parse_text, text)
    only_input_errors(parse_multinews, text)


@fuzz(150)
@given(st.lists(HTML_PIECES, max_size=25).map("".join))
def test_html_parser_raises_only_input_errors(text):
    only_input_errors(parse_html, "<html><body>" + text)


@pytest.mark.skipif(
    importlib.util.find_spec("newsbrief.ingest.feeds") is None, reason="no feed parser (newsbrief.ingest.feeds)"
)
@fuzz(150)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(["<rss><channel>", "<item>", "</item>", "<title>", "</title>", "<description>"]),
            st.sampled_from(["</description>", "<link>", "</link>", "<pubDate>", "</pubDate>", "</channel></rss>"]),
            st.sampled_from(['<!DOCTYPE x [<!ENTITY a "aaaa">]>', "&a;", "<feed xmlns='http://www.w3.org/2005/Atom'>"]),
            DECODED_TEXT,
        ),
        max_size=20,
    ).map("".join)
)
def test_feed_parser_raises_only_input_errors(text):
    from newsbrief.ingest.feeds import parse_feed

    only_input_errors(parse_feed, text)


def good_stories(count: int) -> list[dict]:
    return [{"id": f"good-{n}", "documents": story_documents(n)} for n in range(count)]


@fuzz(15)
@given(hostile=st.lists(HOSTILE_LINES, min_size=1, max_size=4))
def test_batch_keeps_every_good_story_among_hostile_lines(tmp_path_factory, hostile):
    folder = tmp_path_factory.mktemp("batch")
    good = good_stories(2)
    lines = [json.dumps(good[0]), *hostile, json.dumps(good[1])]
    (folder / "in.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    code = main(["batch", str(folder / "in.jsonl"), "-o", str(folder / "out.jsonl"), "--workers", "1", "--no-progress"])
    assert code == 0
    out = [json.loads(line) for line in (folder / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    briefed = {line["id"] for line in out if "brief" in line}
    assert {"good-0", "good-1"} <= briefed
    assert len({line["id"] for line in out}) == len(out)


ANY_TEXT = st.text(st.characters(codec=None, exclude_categories=()))  # lone surrogates and separators too
NESTED_TEXT = st.recursive(
    ANY_TEXT, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(ANY_TEXT, inner, max_size=3)
)


@fuzz(300)
@given(value=NESTED_TEXT)
def test_json_line_is_one_line_of_utf8_that_reads_back(value):
    line = json_line(value)
    assert len(line.splitlines()) <= 1  # no line reader splits it (U+2028, U+0085, ...)
    line.encode("utf-8")
    assert json.loads(line) == value


@fuzz(15)
@given(hostile=st.lists(st.one_of(HOSTILE_LINES, st.builds(json.dumps, RECORDS)), min_size=1, max_size=4))
def test_cluster_keeps_every_good_article_among_hostile_lines(tmp_path_factory, hostile):
    folder = tmp_path_factory.mktemp("cluster")
    good = [{"id": f"good-{n}", "title": f"Report {n}", "text": story_documents(n)[0]} for n in range(2)]
    lines = [json.dumps(good[0]), *hostile, json.dumps(good[1])]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    code = main(["cluster", str(folder / "feed.jsonl"), "-o", str(folder / "out.jsonl"), "-q"])
    assert code == 0
    ids = [json.loads(line)["id"] for line in (folder / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {"good-0", "good-1"} <= set(ids)


fastapi = pytest.importorskip("fastapi", reason="the web app needs the 'serve' extra (fastapi)")
from fastapi.testclient import TestClient  # noqa: E402

from newsbrief.serve import Limits, create_app  # noqa: E402


@pytest.fixture(scope="module")
def client():
    app = create_app(Limits(max_body_bytes=200_000, max_documents=5, timeout_s=60, max_workers=2))
    with TestClient(app, base_url="http://127.0.0.1") as test_client:
        yield test_client


JSON = {"content-type": "application/json"}
API_DOCUMENTS = st.fixed_dictionaries({}, optional={name: HOSTILE_TEXT for name in API_FIELDS})
API_BODIES = st.one_of(
    st.builds(lambda v: json.dumps(v), JSON_VALUES),
    st.builds(
        lambda docs, extra: json.dumps({"documents": docs, **extra}),
        st.lists(RECORDS, max_size=6),
        st.dictionaries(st.sampled_from(["words", "sentences", "format", "analysis"]), JSON_VALUES, max_size=3),
    ),
    HOSTILE_LINES,
)


@fuzz(80)
@given(body=API_BODIES)
def test_api_never_answers_500_and_errors_are_json(client, body):
    response = client.post("/api/brief", content=body.encode("utf-8", "surrogatepass"), headers=JSON)
    assert response.status_code in (200, 413, 422), response.text
    if response.status_code != 200:
        error = json.loads(response.text)
        assert isinstance(error["error"], str) and isinstance(error["message"], str)


@fuzz(25)
@given(hostile=st.lists(API_DOCUMENTS, min_size=1, max_size=3))
def test_api_briefs_the_good_documents_next_to_hostile_ones(client, hostile):
    good = [{"title": "Bridge opens", "text": story_documents(n)[0]} for n in range(2)]
    documents = [good[0], *hostile, good[1]]
    response = client.post("/api/brief", content=json.dumps({"documents": documents}).encode(), headers=JSON)
    assert response.status_code == 200, response.text
    assert len(response.json()["sources"]) >= 2  # both good documents briefed
