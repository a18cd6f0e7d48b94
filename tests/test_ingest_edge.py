"""Issue 9 (malformed variants) and issue 14 (input edge): every bad input is a warning or one
clear error line, never a traceback, and no good record is lost. Property tests for the parsers."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsbrief.cli import main
from newsbrief.errors import InputError
from newsbrief.ingest import load_articles, records_to_articles
from newsbrief.ingest.formats import Record
from newsbrief.ingest.metadata import parse_published, parse_url, valid_text
from newsbrief.ingest.records import MAX_JSON_DEPTH, parse_csv, parse_json, parse_jsonl
from newsbrief.ingest.sgml import parse_sgml

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ingest"
DUC2006 = FIXTURES / "duc2006" / "D0699Z"
BODY = (
    "The council voted on Monday to build a new flood wall along the river. "
    "Work will start in the spring and take three years, the mayor said."
)


def brief(capsys, *args: str) -> tuple[int, dict, str]:
    code = main(["brief", *args, "--format", "json"])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err and "internal error" not in captured.err
    return code, (json.loads(captured.out) if code == 0 else {}), captured.err


def test_truncated_sgml_keeps_what_parses(tmp_path, capsys):
    whole = (DUC2006 / "APW19990707.0181").read_text()
    cut = (DUC2006 / "XIE19990709.0078").read_text()
    cut = cut[: cut.index("The wall will take")]  # ends inside the second <P>, no </TEXT></DOC>
    (tmp_path / "cut").write_text(whole + cut)
    code, out, err = brief(capsys, str(tmp_path / "cut"), "--no-analysis")
    assert code == 0
    assert [s["title"] for s in out["sources"]] == [
        "River Town Votes on New Flood Wall",
        "U.S. Town Approves Flood Defence",
    ]
    assert "document 2 has no </DOC> (truncated file?)" in err
    (tmp_path / "tags-only").write_text("<DOC>\n<DOCNO> APW19990707.0181 </DOCNO>\n</DOC>\n")
    code, _, err = brief(capsys, str(tmp_path / "tags-only"))
    assert code == 2 and err.count("\n") <= 2 and "no <TEXT> text" in err


def test_junk_date_in_markup_falls_back_to_the_docno(tmp_path):
    text = (DUC2006 / "APW19990707.0181").read_text().replace("1999-07-07 08:30:27", "1999-30-07 08:30:27")
    (tmp_path / "APW19990707.0181").write_text(text)
    (article,), warnings = load_articles([str(tmp_path / "APW19990707.0181")])
    assert article.published.value == "1999-07-07" and article.published.provenance.startswith("sgml:DOCNO")
    assert any("<DATE_TIME>" in w and "APW19990707.0181" in w for w in warnings)


def test_csv_without_a_text_column_is_one_clear_error(tmp_path, capsys):
    (tmp_path / "table.csv").write_text("name,score\nalpha,3\n")
    code, _, err = brief(capsys, str(tmp_path / "table.csv"))
    assert code == 2
    assert "table.csv: no text column" in err and "--fields text=COLUMN" in err
    assert len(err.strip().splitlines()) == 1


def test_csv_bad_row_skipped_with_its_line(tmp_path, capsys):
    (tmp_path / "t.csv").write_text(f'title,text\nGood,"{BODY}"\nEmpty,\nAlso good,"{BODY} Again."\n')
    code, out, err = brief(capsys, str(tmp_path / "t.csv"), "--no-analysis")
    assert code == 0 and [s["title"] for s in out["sources"]] == ["Good", "Also good"]
    assert "t.csv:3: record has no article text" in err


def test_jsonl_one_bad_line_and_json_list_one_bad_item(tmp_path, capsys):
    lines = [json.dumps({"title": "A", "text": BODY}), "{broken", json.dumps({"title": "B", "text": BODY + " B."})]
    (tmp_path / "a.jsonl").write_text("\n".join(lines) + "\n")
    (tmp_path / "l.json").write_text(json.dumps([{"title": "C", "text": BODY + " C."}, 7, {"title": "no text"}]))
    code, out, err = brief(capsys, str(tmp_path / "a.jsonl"), str(tmp_path / "l.json"), "--no-analysis")
    assert code == 0 and [s["title"] for s in out["sources"]] == ["A", "B", "C"]
    assert "a.jsonl:2: invalid JSON" in err
    assert "l.json[2]: expected a JSON object, got int; record skipped" in err
    assert "l.json[3]: record has no article text" in err


def test_lone_surrogate_is_replaced_with_a_warning(tmp_path, capsys):
    record = '{"title": "Flood \\ud800 wall", "text": "' + BODY + ' Bad \\udfff end.", "source": "Gazette \\ud83d"}'
    (tmp_path / "s.json").write_text(record)
    code, out, err = brief(capsys, str(tmp_path / "s.json"))
    assert code == 0
    assert "\ufffd" in out["sources"][0]["title"] and "s.json: text is not valid Unicode" in err
    output = tmp_path / "out.json"
    assert main(["brief", str(tmp_path / "s.json"), "-o", str(output), "--format", "html"]) == 0
    assert main(["cluster", str(tmp_path / "s.json"), "-o", str(tmp_path / "c.jsonl"), "-q"]) == 0


def test_deep_json_is_refused_before_parsing(tmp_path, capsys):
    (tmp_path / "deep.json").write_text("[" * 5000 + "]" * 5000)
    (tmp_path / "deep.jsonl").write_text(json.dumps({"text": BODY}) + "\n" + '{"a":' * 3000 + "1" + "}" * 3000 + "\n")
    code, out, err = brief(capsys, str(tmp_path / "deep.json"), str(tmp_path / "deep.jsonl"), "--no-analysis")
    assert code == 0 and len(out["sources"]) == 1
    assert f"deep.json: JSON nested more than {MAX_JSON_DEPTH} levels deep" in err
    assert "deep.jsonl:2: JSON nested more than" in err
    # brackets inside strings are text, not nesting
    (record,) = parse_json(json.dumps({"text": "[" * 1000 + BODY}), "x")
    assert record.text.startswith("[[[")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("None", None),
        ("not a date", None),
        ("0000-01-01", None),
        ("Mon, 18 Nov 2019 14:02:00 +0000", "2019-11-18"),
        ("18 November 2019", "2019-11-18"),
        (1574085720, "2019-11-18"),
    ],
)
def test_junk_and_foreign_dates_never_fail_the_analysis(tmp_path, capsys, value, expected):
    (tmp_path / "d.json").write_text(json.dumps({"title": "Flood wall", "text": BODY, "published": value}))
    code, out, err = brief(capsys, str(tmp_path / "d.json"))  # with the analysis: it used to crash here
    assert code == 0
    assert out["sources"][0]["published"] == expected
    if expected is None:
        assert "d.json: published unknown" in err


def test_bad_url_is_unknown_with_a_warning(tmp_path, capsys):
    (tmp_path / "u.json").write_text(json.dumps({"title": "Flood wall", "text": BODY, "url": "http://[::1"}))
    code, out, err = brief(capsys, str(tmp_path / "u.json"))
    assert code == 0 and out["sources"][0]["url"] is None
    assert "u.json: url unknown: url 'http://[::1' does not parse (Invalid IPv6 URL)" in err
    assert main(["cluster", str(tmp_path / "u.json"), "-o", str(tmp_path / "c.jsonl"), "-q"]) == 0


def test_fifo_as_path_and_inside_a_folder_never_blocks(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Flood wall approved\n\n" + BODY)
    os.mkfifo(folder / "pipe.txt")
    os.mkfifo(tmp_path / "lone-pipe")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "newsbrief.cli",
            "brief",
            str(folder),
            str(tmp_path / "lone-pipe"),
            "/dev/zero",
            "--no-analysis",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "pipe.txt: a FIFO, not a regular file; skipped" in result.stderr
    assert "lone-pipe: a FIFO, not a regular file; skipped" in result.stderr
    assert "/dev/zero: a device or special file, not a regular file; skipped" in result.stderr
    assert "Flood wall approved" in result.stdout


def test_symlink_loops_and_broken_links(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Flood wall approved\n\n" + BODY)
    (folder / "loop").symlink_to(folder / "loop")
    (folder / "up").symlink_to(folder)  # a link to its own folder: not followed by the walk
    (folder / "gone.txt").symlink_to(tmp_path / "missing.txt")
    code, out, err = brief(capsys, str(folder), str(folder / "loop"), "--no-analysis")
    assert code == 0 and len(out["sources"]) == 1
    assert "loop: symbolic link loop; skipped" in err and "gone.txt: " in err and "broken symbolic link" in err


@pytest.mark.skipif(os.geteuid() == 0, reason="running as root: every folder is readable, none can be made unreadable")
def test_unreadable_folder_is_a_warning_naming_it(tmp_path, capsys):
    (tmp_path / "ok.txt").write_text("Flood wall approved\n\n" + BODY)
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text(BODY)
    locked.chmod(0)
    try:
        code, out, err = brief(capsys, str(tmp_path), "--no-analysis")
    finally:
        locked.chmod(0o755)
    assert code == 0 and len(out["sources"]) == 1
    assert f"{locked}: folder cannot be read" in err


def test_unreadable_folder_reported_by_the_walk(tmp_path, monkeypatch):
    """The same through the walk's error hook, so it is covered when the tests run as root."""
    from newsbrief import ingest

    (tmp_path / "ok.txt").write_text("Flood wall approved\n\n" + BODY)
    real_walk = os.walk

    def walk_with_a_denied_folder(top, onerror=None, **kwargs):
        onerror(PermissionError(13, "Permission denied", str(tmp_path / "locked")))
        yield from real_walk(top, onerror=onerror, **kwargs)

    monkeypatch.setattr(ingest.os, "walk", walk_with_a_denied_folder)
    articles, warnings = load_articles([str(tmp_path)])
    assert len(articles) == 1
    assert f"{tmp_path / 'locked'}: folder cannot be read (Permission denied); its files are skipped" in warnings


# --- property tests --------------------------------------------------------------------------

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=20,
)
WORDS = st.lists(st.sampled_from("flood wall river council vote mayor town spring".split()), min_size=3, max_size=12)
GOOD_TEXT = WORDS.map(lambda w: " ".join(w).capitalize() + ".")


@settings(max_examples=300, deadline=None)
@given(JSON_VALUES)
def test_metadata_parsers_never_raise(value):
    for parse in (parse_published, parse_url):
        parsed, reason = parse(value)
        assert parsed is None or not reason
    if isinstance(value, str):
        fixed, _ = valid_text(value)
        fixed.encode("utf-8")


@settings(max_examples=200, deadline=None)
@given(st.datetimes(), st.sampled_from(["%Y-%m-%d", "%d %B %Y", "%b %d, %Y", "%a, %d %b %Y %H:%M:%S +0000", "%Y%m%d"]))
def test_parse_published_reads_every_written_form(moment, form):
    parsed, _ = parse_published(moment.strftime(form))
    if 1800 <= moment.year <= 2100:
        assert parsed is not None and parsed.value == moment.date().isoformat()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(GOOD_TEXT.map(lambda t: {"text": t}), JSON_VALUES), max_size=8))
def test_json_list_keeps_every_good_record(items):
    warnings: list[str] = []
    try:
        records = list(parse_json(json.dumps(items), "x.json", warnings=warnings))
    except InputError:
        return
    good = [item["text"] for item in items if isinstance(item, dict) and set(item) == {"text"}]
    assert [r.text for r in records if r.text in good][: len(good)] == good


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(GOOD_TEXT, st.text(max_size=40)), max_size=8))
def test_jsonl_keeps_every_good_line(lines):
    encoded = [json.dumps({"text": line}) if line.endswith(".") and line[:1].isupper() else line for line in lines]
    warnings: list[str] = []
    records = list(parse_jsonl("\n".join(encoded), "x.jsonl", warnings=warnings))
    good = [line for line in lines if line.endswith(".") and line[:1].isupper() and line.strip()]
    assert [r.text for r in records if r.text in good] == good


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(GOOD_TEXT, GOOD_TEXT), min_size=1, max_size=5), st.text(max_size=60), st.booleans())
def test_sgml_never_raises_and_keeps_every_document(docs, junk, truncate):
    markup = "".join(
        f"<DOC>\n<DOCNO> APW1999070{n}.0001 </DOCNO>\n<HEADLINE> {title} </HEADLINE>\n"
        f"<TEXT>\n<P>\n{body}\n</P>\n</TEXT>\n</DOC>\n"
        for n, (title, body) in enumerate(docs)
    )
    text = junk.replace("<", "") + markup
    if truncate:
        text = text[: text.rindex("</P>")]
    warnings: list[str] = []
    records = list(parse_sgml(text, "x", warnings=warnings))
    assert [r.text for r in records] == [body for _, body in docs]
    assert [r.title for r in records] == [title for title, _ in docs]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_parsers_raise_only_input_error(text):
    for parser in (parse_sgml, parse_csv, parse_json, parse_jsonl):
        with contextlib.suppress(InputError):
            list(parser(text, "x", warnings=[]))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(GOOD_TEXT, st.text(max_size=20)), min_size=1, max_size=6))
def test_csv_keeps_every_row_with_text(rows):
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["text", "title"])
    writer.writerows(rows)
    records = list(parse_csv(buffer.getvalue(), "x.csv", warnings=[]))
    assert [r.text for r in records] == [text for text, _ in rows]


def test_batch_deep_json_and_lone_surrogate_lines(tmp_path, capsys):
    lines = [
        json.dumps({"story": "s1", "text": BODY}),
        '{"a":' * 3000 + "1" + "}" * 3000,
        '{"story": "s\\ud800", "text": "Bad \\udfff text. ' + BODY + '"}',
    ]
    (tmp_path / "in.jsonl").write_text("\n".join(lines) + "\n")
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(tmp_path / "in.jsonl"), "-o", str(out), "--no-progress", "--workers", "1"]) == 0
    assert "internal error" not in capsys.readouterr().err
    results = {r["id"]: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert sorted(results) == ["line-2", "s1", "s\ufffd"]
    assert "brief" in results["s1"] and "brief" in results["s\ufffd"]
    # the unusable line is recorded as a failed story (issue 14: never skipped silently)
    assert "in.jsonl:2: not a JSON line (JSON nested more than" in results["line-2"]["error"]


@pytest.mark.parametrize("gzipped", [False, True])
def test_truncated_or_broken_warc(tmp_path, capsys, gzipped):
    from test_ingest_formats import write_warc

    path = tmp_path / ("crawl.warc.gz" if gzipped else "crawl.warc")
    write_warc(path, gzipped)
    whole = path.read_bytes()
    path.write_bytes(whole + whole[: len(whole) // 3])  # a second crawl cut short
    code, out, err = brief(capsys, str(path), "--no-analysis")
    assert code == 0 and out["sources"][0]["url"] == "https://gazette.example/flood-wall"
    path.write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nbroken")
    code, _, err = brief(capsys, str(path))
    assert code == 2 and "no HTML response with article text in the WARC" in err


def test_gzipped_inputs_and_a_gzip_bomb(tmp_path, capsys):
    import gzip

    (tmp_path / "afp_eng_200501.gz").write_bytes(gzip.compress((FIXTURES / "gigaword.sgml").read_bytes()))
    (tmp_path / "bomb.txt.gz").write_bytes(gzip.compress(b"a" * (6 * 1024 * 1024)))
    code, out, err = brief(capsys, str(tmp_path / "afp_eng_200501.gz"), str(tmp_path / "bomb.txt.gz"), "--no-analysis")
    assert code == 0
    assert [s["path"].rsplit("#", 1)[1] for s in out["sources"]] == ["AFP_ENG_20050110.0001", "APW_ENG_20050110.0002"]
    assert "bomb.txt.gz: uncompressed larger than the 5.0 MB limit" in err


def test_api_brief_validates_input_at_the_same_edge():
    pytest.importorskip("fastapi", reason="the web app needs the 'serve' extra (fastapi)")
    from fastapi.testclient import TestClient

    from newsbrief.serve import Limits, create_app

    document = (
        '{"title": "Flood \\ud800 wall", "text": "' + BODY + '", "published": "not a date", "url": "http://[::1"}'
    )
    app = create_app(Limits(max_body_bytes=100_000, max_documents=4, timeout_s=60, max_workers=1))
    with TestClient(app, base_url="http://127.0.0.1") as client:  # the app answers loopback names only
        response = client.post(
            "/api/brief", content='{"documents": [' + document + "]}", headers={"content-type": "application/json"}
        )
    assert response.status_code == 200, response.text
    data = response.json()
    assert data["sources"][0]["title"] == "Flood \ufffd wall" and data["sources"][0]["url"] is None
    assert any("not valid Unicode" in w for w in data["warnings"])
    assert any("published unknown" in w for w in data["warnings"])


def test_read_path_refuses_a_fifo_without_blocking(tmp_path):
    """The check inside the read itself: a FIFO swapped in after the walk checked the path."""
    from newsbrief.ingest.decode import read_path

    os.mkfifo(tmp_path / "swapped")
    with pytest.raises(InputError, match="not a regular file"):
        read_path(str(tmp_path / "swapped"), 1000)


ANY_TEXT = st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=40)


@settings(max_examples=300, deadline=None)
@given(
    st.builds(
        Record,
        name=ANY_TEXT,
        text=ANY_TEXT,
        title=st.none() | ANY_TEXT,
        url=st.none() | ANY_TEXT | st.just("http://[::1"),
        outlet=st.none() | ANY_TEXT,
        published=st.none() | ANY_TEXT | st.sampled_from(["0000-01-01", "None", "2019-11-18", "18 November 2019"]),
    )
)
def test_the_article_edge_never_raises_and_leaves_only_valid_values(record):
    warnings: list[str] = []
    (article,) = records_to_articles([record], warnings)
    for value in (article.path, article.raw_text, article.title_text, article.outlet_name or "", *warnings):
        value.encode("utf-8")
    if article.published is not None:
        date.fromisoformat(article.published.value)
    if article.url is not None:
        assert urlsplit(article.url.value).hostname


def test_news_service_copy_is_credited_to_the_paper_its_copyright_line_names():
    from newsbrief.ingest.sgml import parse_sgml

    def doc(docno: str, credit: str) -> str:
        return (
            f"<DOC>\n<DOCNO> {docno} </DOCNO>\n<BODY>\n<HEADLINE>\nA HEADLINE\n</HEADLINE>\n{credit}\n"
            "<TEXT>\n<P>\n   The council voted on Tuesday.\n</P>\n</TEXT>\n</BODY>\n</DOC>\n"
        )

    text = (
        doc("NYT19980626.0365", "By JANE ROE c.1998 Fort Worth Star-Telegram")
        + doc("NYT19980627.0001", " c.1998 N.Y. Times News Service ")
        + doc("NYT19980628.0002", "By JOHN DOE")
    )
    papers = [(r.outlet, r.provenance["outlet"]) for r in parse_sgml(text, "nyt")]
    assert papers == [
        ("Fort Worth Star-Telegram", "sgml:copyright Fort Worth Star-Telegram"),
        ("The New York Times", "sgml:copyright N.Y. Times News Service"),
        ("The New York Times", "sgml:DOCNO NYT19980628.0002"),
    ]
