"""Issue 9: containers and scraper records read right, through ``newsbrief brief`` with exit codes.

Each fixture is small and hand-written in the real layout (DUC 2006 folders, TREC/Gigaword and
Reuters-21578 SGML, WARC written with warcio, news-please/newspaper4k/trafilatura/NewsAPI/WCEP
JSON, CSV, multi-line Multi-News ``.src``).
"""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from newsbrief.cli import main
from newsbrief.ingest import load_articles
from newsbrief.ingest.formats import detect_format
from newsbrief.ingest.records import record_from_object
from newsbrief.ingest.sgml import id_metadata, parse_sgml

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ingest"
DUC2006 = FIXTURES / "duc2006" / "D0699Z"
DUC2006_DATA = Path(os.environ.get("NEWSBRIEF_DUC2006", Path(__file__).resolve().parents[2] / "devdata" / "duc2006"))
BODY = (
    "The council voted on Monday to build a new flood wall along the river. "
    "Work will start in the spring and take three years, the mayor said."
)
PAGE = f"""<!doctype html><html><head><title>Council approves flood wall</title>
<meta property="og:site_name" content="Example Gazette"></head>
<body><article><h1>Council approves flood wall</h1><p>{BODY}</p>
<p>Opponents said the money would be better spent on moving homes away from the river.</p></article>
<script>var tracking = "should never be read as text";</script></body></html>"""


def brief_json(capsys, *args: str) -> tuple[int, dict, str]:
    """Run ``newsbrief brief ARGS --format json``: (exit code, parsed output or {}, stderr)."""
    code = main(["brief", *args, "--format", "json"])
    captured = capsys.readouterr()
    return code, (json.loads(captured.out) if code == 0 else {}), captured.err


def sources(output: dict) -> list[dict]:
    return output["sources"]


def test_duc2006_folder_titles_outlets_and_dates_from_markup(capsys):
    code, out, err = brief_json(capsys, str(DUC2006))
    assert code == 0, err
    by_outlet = {s["outlet"]: s for s in sources(out)}
    assert set(by_outlet) == {"Associated Press", "The New York Times", "Xinhua"}
    assert by_outlet["Associated Press"]["title"] == "River Town Votes on New Flood Wall"
    assert by_outlet["The New York Times"]["title"] == "RIVER TOWN APPROVES FLOOD WALL BY NARROW MARGIN"
    assert by_outlet["Associated Press"]["published"] == "1999-07-07"
    assert by_outlet["Xinhua"]["published"] == "1999-07-09"
    for source in sources(out):
        assert source["format"] == "sgml"
        assert source["metadata"]["title"]["provenance"] == "sgml:HEADLINE"
        assert source["metadata"]["published"]["provenance"] == "sgml:DATE_TIME"
        assert source["metadata"]["outlet"]["provenance"].startswith("sgml:DOCNO")
    assert "<DOC>" not in json.dumps(out) and "AP-NY-07-07-99" not in json.dumps(out)  # no markup, no trailer


@pytest.mark.skipif(not (DUC2006_DATA / "duc2006_docs" / "D0601A").is_dir(), reason=f"{DUC2006_DATA} is missing")
def test_real_duc2006_cluster(capsys):
    code, out, err = brief_json(capsys, str(DUC2006_DATA / "duc2006_docs" / "D0601A"), "--no-analysis")
    assert code == 0, err
    assert len(sources(out)) == 25
    wires = {"Associated Press", "The New York Times", "Xinhua"}
    # NYT News Service copy is credited to the member paper its copyright line names.
    for source in sources(out):
        provenance = source["metadata"]["outlet"]["provenance"]
        assert source["outlet"] in wires or provenance.startswith("sgml:copyright"), (source["outlet"], provenance)
    assert {"Associated Press", "The New York Times"} <= {s["outlet"] for s in sources(out)}
    assert all(s["title"] and s["published"] for s in sources(out))


def test_paragraph_boundaries_survive_as_blank_lines():
    (article, *_), _ = load_articles([str(DUC2006 / "APW19990707.0181")])
    paragraphs = article.raw_text.split("\n\n")
    assert len(paragraphs) == 3
    assert "\n" in paragraphs[0]  # the wrapped lines inside a <P> stay as they are (the cleaner joins them)
    assert article.outlet.confidence < 1.0 and article.published.confidence == 1.0


def test_one_duc_file_with_two_documents(tmp_path, capsys):
    both = (DUC2006 / "APW19990707.0181").read_text() + (DUC2006 / "XIE19990709.0078").read_text()
    (tmp_path / "two").write_text(both)
    code, out, err = brief_json(capsys, str(tmp_path / "two"), "--no-analysis")
    assert code == 0, err
    assert [s["path"].rsplit("#", 1)[1] for s in sources(out)] == ["APW19990707.0181", "XIE19990709.0078"]
    assert "&AMP;" not in (DUC2006 / "NYT19990708.0248").read_text().replace("&AMP;", "")  # fixture sanity
    (nyt,), _ = load_articles([str(DUC2006 / "NYT19990708.0248")])
    assert "recount & a" in nyt.raw_text and "&" + "QL;" not in nyt.raw_text


def test_trec_and_gigaword_dates_and_outlets_from_the_id(tmp_path, capsys):
    trec = (
        "<DOC>\n<DOCNO> AP880212-0001 </DOCNO>\n<FILEID>AP-NR-02-12-88 2344EST</FILEID>\n"
        f"<HEAD>Council Votes for Flood Wall</HEAD>\n<TEXT>\n   {BODY}\n</TEXT>\n</DOC>\n"
    )
    (tmp_path / "ap880212").write_text(trec)
    code, out, err = brief_json(capsys, str(tmp_path / "ap880212"), str(FIXTURES / "gigaword.sgml"), "--no-analysis")
    assert code == 0, err
    trec_source, afp, apw = sources(out)
    assert (trec_source["outlet"], trec_source["published"]) == ("Associated Press", "1988-02-12")
    assert trec_source["title"] == "Council Votes for Flood Wall"
    assert (afp["outlet"], afp["published"], afp["title"]) == (
        "Agence France-Presse",
        "2005-01-10",
        "Storm closes ports along northern coast",
    )
    assert afp["metadata"]["published"]["provenance"] == "sgml:DOCNO AFP_ENG_20050110.0001"
    assert apw["outlet"] == "Associated Press"


def test_id_metadata_table():
    assert id_metadata("APW19981016.0240") == ("Associated Press", "1998-10-16")
    assert id_metadata("NYT19990707.0001") == ("The New York Times", "1999-07-07")
    assert id_metadata("XIE19990707.0012") == ("Xinhua", "1999-07-07")
    assert id_metadata("LTW19990101.0001")[0] == "Los Angeles Times/Washington Post"
    assert id_metadata("FT911-1") == ("Financial Times", None)
    assert id_metadata("ZZZ-not-an-id") == (None, None)


@pytest.mark.parametrize(
    ("slug", "date_time", "published"),
    [
        # filed the evening before the paper of the 22nd: its "today" is the 22nd
        ("BC-DEATH-GRAHAM0622-COX", "2000-06-21 22:40", "2000-06-22"),
        ("BC-YOUNG-POLITICS0702", "2000-06-30 18:01", "2000-07-02"),
        ("BC-NEWYEAR0101-NYT", "1999-12-31 19:00", "2000-01-01"),
        # word counts and take markers are no day; nor a day before filing or weeks after it
        ("BC-MED-Wonder Drugs,1053", "2000-06-21 22:40", "2000-06-21"),
        ("BC-ARTHRITIS-TREATMENT-1200(2Takes)-TEX", "2000-06-21 22:40", "2000-06-21"),
        ("BC-DEATH-GRAHAM0620-COX", "2000-06-21 22:40", "2000-06-21"),
        ("BC-DEATH-GRAHAM0722-COX", "2000-06-21 22:40", "2000-06-21"),
    ],
)
def test_a_story_filed_for_the_next_paper_is_dated_by_its_slug(slug, date_time, published):
    doc = (
        f"<DOC><DOCNO> NYT20000621.0001 </DOCNO><DATE_TIME> {date_time} </DATE_TIME><BODY><SLUG> {slug} </SLUG>"
        "<TEXT><P>The family said today that the funeral would be held on Friday.</P></TEXT></BODY></DOC>"
    )
    (record,) = parse_sgml(doc, "nyt.sgml")
    assert record.published == published
    assert ("SLUG" in record.provenance["published"]) == (published != date_time[:10])


def test_reuters_21578_one_record_per_reuters_element(capsys):
    code, out, err = brief_json(capsys, str(FIXTURES / "reuters.sgm"), "--no-analysis")
    assert code == 0, err
    first, second = sources(out)
    assert first["title"] == "COCOA GROWERS EXPECT A LARGER CROP" and first["outlet"] == "Reuters"
    assert first["published"] == "1987-02-26" and second["published"] == "1987-02-26"
    assert first["path"].endswith("#1") and second["path"].endswith("#2")
    assert "lewis" not in json.dumps(out).lower()
    (article, _), _ = load_articles([str(FIXTURES / "reuters.sgm")])
    assert "<below 1,900 dlrs>" in article.raw_text and "\x03" not in article.raw_text


def write_warc(path: Path, gzipped: bool) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=gzipped)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        for uri, content_type, payload in (
            ("https://gazette.example/flood-wall", "text/html; charset=utf-8", PAGE.encode()),
            ("https://gazette.example/app.js", "application/javascript", b"var x = 1;" * 50),
        ):
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(uri, "response", payload=io.BytesIO(payload), http_headers=headers)
            writer.write_record(record)


@pytest.mark.parametrize("gzipped", [False, True])
def test_warc_one_article_per_html_response(tmp_path, capsys, gzipped):
    path = tmp_path / ("crawl.warc.gz" if gzipped else "crawl.warc")
    write_warc(path, gzipped)
    code, out, err = brief_json(capsys, str(path), "--no-analysis")
    assert code == 0, err
    (source,) = sources(out)
    assert source["url"] == "https://gazette.example/flood-wall" and source["format"] == "warc"
    assert source["title"] == "Council approves flood wall"
    assert "tracking" not in json.dumps(out)
    assert "non-HTML WARC records skipped (1 warcinfo, 1 response application/javascript)" in err
    assert "Traceback" not in err


def test_uncompressed_warc_detected_without_extension(tmp_path):
    write_warc(tmp_path / "crawl.warc", gzipped=False)
    (tmp_path / "crawl.warc").rename(tmp_path / "crawl")
    (article,), _ = load_articles([str(tmp_path / "crawl")])
    assert article.input_format == "warc"


SCRAPER_RECORDS = {
    "news-please": {
        "title": "Council approves flood wall",
        "maintext": BODY,
        "date_publish": "2019-11-18 14:02:00",
        "url": "https://www.bbc.co.uk/news/flood-wall",
        "source_domain": "www.bbc.co.uk",
    },
    "newspaper4k": {
        "title": "Council approves flood wall",
        "text": BODY,
        "publish_date": "2019-11-18T14:02:00+00:00",
        "authors": ["A Reporter"],
        "url": "https://gazette.example/a",
        "meta_site_name": "Example Gazette",
    },
    "trafilatura": {  # trafilatura.extract(..., output_format="json", with_metadata=True)
        "title": "Council approves flood wall",
        "text": BODY,
        "raw_text": BODY,
        "date": "2019-11-18",
        "hostname": "gazette.example",
        "source": "https://gazette.example/flood-wall",
        "source-hostname": "Example Gazette",
        "excerpt": "Short teaser.",
    },
    "newsapi": {
        "source": {"id": "bbc-news", "name": "BBC News"},
        "title": "Council approves flood wall",
        "description": "Short teaser.",
        "content": BODY + " … [+2210 chars]",
        "publishedAt": "2019-11-18T14:02:00Z",
        "url": "https://www.bbc.co.uk/news/flood-wall",
    },
    "generic-body": {
        "headline": "Council approves flood wall",
        "body": BODY,
        "published": "Mon, 18 Nov 2019 14:02:00 +0000",
    },
    "generic-article": {"article": BODY, "date": "18 November 2019"},
    "generic-content": {"content": BODY, "date": "Nov. 18, 2019"},
    "epoch-seconds": {"text": BODY, "published": 1574085720},
    "epoch-ms": {"text": BODY, "published": 1574085720000},
}


@pytest.mark.parametrize("shape", sorted(SCRAPER_RECORDS))
def test_scraper_record_shapes(tmp_path, capsys, shape):
    (tmp_path / "record.json").write_text(json.dumps(SCRAPER_RECORDS[shape]))
    code, out, err = brief_json(capsys, str(tmp_path / "record.json"))
    assert code == 0, err
    (source,) = sources(out)
    assert source["published"] == "2019-11-18"
    if "title" in SCRAPER_RECORDS[shape] or "headline" in SCRAPER_RECORDS[shape]:
        assert source["title"] == "Council approves flood wall"
    outlets = {
        "news-please": "BBC",
        "newsapi": "BBC",
        "trafilatura": "Example Gazette",
        "newspaper4k": "Example Gazette",
    }
    expected_outlet = outlets.get(shape)
    if expected_outlet:
        assert source["outlet"] == expected_outlet
    if shape == "trafilatura":
        assert source["url"] == "https://gazette.example/flood-wall"
    assert "chars]" not in json.dumps(out) and "warning" not in err


def test_wcep_articles_list(tmp_path, capsys):
    event = {
        "id": 42,
        "date": "2019-11-18",
        "summary": "A council approved a flood wall.",
        "articles": [
            {"title": "Flood wall approved", "text": BODY, "url": "https://a.example/1", "time": "2019-11-18 10:00:00"},
            {"title": "Town backs wall", "text": BODY.replace("Monday", "Tuesday"), "url": "https://b.example/2"},
        ],
    }
    (tmp_path / "wcep.jsonl").write_text(json.dumps(event) + "\n")
    code, out, err = brief_json(capsys, str(tmp_path / "wcep.jsonl"), "--no-analysis")
    assert code == 0, err
    assert [s["title"] for s in sources(out)] == ["Flood wall approved", "Town backs wall"]
    assert sources(out)[0]["published"] == "2019-11-18"
    # a NewsAPI response envelope holds its articles the same way
    envelope = {"status": "ok", "totalResults": 1, "articles": [SCRAPER_RECORDS["newsapi"]]}
    (tmp_path / "newsapi.json").write_text(json.dumps(envelope))
    code, out, err = brief_json(capsys, str(tmp_path / "newsapi.json"), "--no-analysis")
    assert code == 0, err
    assert [(s["outlet"], s["published"]) for s in sources(out)] == [("BBC", "2019-11-18")]


def test_field_map_option(tmp_path, capsys):
    record = {"headline_text": "Council approves flood wall", "story": {"body": BODY}, "when": "2019-11-18"}
    (tmp_path / "odd.json").write_text(json.dumps(record))
    assert main(["brief", str(tmp_path / "odd.json"), "--no-analysis"]) == 2
    assert "no article text" in capsys.readouterr().err
    code, out, err = brief_json(
        capsys, str(tmp_path / "odd.json"), "--fields", "text=story.body,title=headline_text,published=when"
    )
    assert code == 0, err
    assert sources(out)[0]["title"] == "Council approves flood wall" and sources(out)[0]["published"] == "2019-11-18"
    for bad in ("text", "colour=red", "text="):
        with pytest.raises(SystemExit) as exit_info:
            main(["brief", str(tmp_path / "odd.json"), "--fields", bad])
        assert exit_info.value.code == 2
        assert "--fields" in capsys.readouterr().err


def test_csv_and_tsv_with_a_text_column(tmp_path, capsys):
    body = BODY.replace(",", ";")
    (tmp_path / "articles.csv").write_text(
        f'Title,Text,Date\nFlood wall approved,"{body}",2019-11-18\nTown backs wall,"{body} More.",18 Nov 2019\n'
    )
    (tmp_path / "articles.tsv").write_text(f"headline\tcontent\nTab separated\t{body}\n")
    code, out, err = brief_json(capsys, str(tmp_path / "articles.csv"), str(tmp_path / "articles.tsv"))
    assert code == 0, err
    assert [s["title"] for s in sources(out)] == ["Flood wall approved", "Town backs wall", "Tab separated"]
    assert [s["published"] for s in sources(out)] == ["2019-11-18", "2019-11-18", None]
    assert sources(out)[0]["path"].endswith("articles.csv:2")
    (tmp_path / "other.csv").write_text(f'name,words\nx,"{body}"\n')
    code, out, err = brief_json(capsys, str(tmp_path / "other.csv"), "--fields", "text=words,title=name")
    assert code == 0, err
    assert sources(out)[0]["title"] == "x"


def test_multiline_src_one_story_per_line_with_a_warning(tmp_path, capsys):
    second = "Ferries sailed again on Tuesday after the storm. Ports reopened along the coast."
    (tmp_path / "val.src").write_text(f"{BODY} ||||| {BODY} More.\n{second} ||||| {second} Again.\n")
    code, out, err = brief_json(capsys, str(tmp_path / "val.src"), "--no-analysis")
    assert code == 0, err
    assert len(sources(out)) == 4
    assert "holds 2 stories" in err and "newsbrief batch" in err
    articles, _ = load_articles([str(tmp_path / "val.src")])
    assert [a.extra["input_story"].rsplit(":", 1)[1] for a in articles] == ["1", "1", "2", "2"]
    (tmp_path / "one.src").write_text(f"{BODY} ||||| {BODY} More.\n")
    code, out, err = brief_json(capsys, str(tmp_path / "one.src"), "--no-analysis")
    assert code == 0 and "stories" not in err


def _nyt_document(header: str) -> str:
    return (
        "<DOC>\n<DOCNO> NYT19990406.0038 </DOCNO>\n<DATE_TIME> 1999-04-06 </DATE_TIME>\n<BODY>\n"
        f"<SLUG> BC-FLOOD-WALL-NYT </SLUG>\n<HEADLINE>\n&HT;   \n</HEADLINE>\n{header}\n"
        f"<TEXT>\n<P>\n{BODY}\n</P>\n</TEXT>\n</BODY>\n</DOC>\n"
    )


def test_an_empty_headline_falls_back_to_the_headline_line_before_the_text():
    # NYT News Service files (98 of DUC 2006's 1,250 documents have an empty <HEADLINE>) set the
    # headline on a tab-led line before the byline, maybe wrapped onto a second line
    header = (
        " &HT;    EDS: Embargoed for Sunday.\n &HT;    Council approves a new flood wall\nalong the river\n"
        " &HT;    By JANE DOE\n &HT;    c.1999 Example Gazette"
    )
    (record,) = parse_sgml(_nyt_document(header), "f")
    assert record.title == "Council approves a new flood wall along the river"
    assert "no <HEADLINE>" in record.title_provenance
    # take markers, slugs and notices are no headlines: the document stays untitled, not titled by its lead
    for header in (
        "  \n BERLIN: your place. \n",
        "\n BC-AZR-BUDGET-AZR(a) \n",
        "\n &HT; (For use by N.Y. Times News Service clients)\n",
    ):
        (record,) = parse_sgml(_nyt_document(header), "f")
        assert record.title is None, header


def test_detect_format_by_content():
    assert detect_format("APW19981016.0240", "\n<DOC>\n<DOCNO> APW19981016.0240 </DOCNO>") == "sgml"
    assert detect_format("x", '<!DOCTYPE lewis SYSTEM "lewis.dtd">\n<REUTERS NEWID="1">') == "sgml"
    assert detect_format("a.csv", "title,text\n") == "csv"
    assert detect_format("a.sgm", "anything") == "sgml"
    # a page whose packed script holds Multi-News's separator is still a page (one of trafilatura's
    # evaluation pages was read as 3,574 one-line stories)
    page = "<!DOCTYPE html>\n<html><script>var t='|||length|||||title'.split('|')</script><p>Text.</p></html>"
    assert detect_format("page.html", page) == "html"
    assert detect_format("page", page) == "html"
    assert detect_format("a.txt", "First story. ||||| Second story.") == "multinews"


def test_scraper_fields_have_provenance():
    parsed = record_from_object(SCRAPER_RECORDS["news-please"], "r")
    assert parsed.provenance == {
        "outlet": "metadata:source_domain",
        "url": "metadata:url",
        "published": "metadata:date_publish",
    }
    assert parsed.title_provenance == "metadata:title"


def test_field_map_in_cluster_and_batch(tmp_path, capsys):
    lines = [
        {"id": "a", "story": "s1", "headline_text": "Flood wall approved", "words": BODY},
        {"id": "b", "story": "s1", "headline_text": "Town backs wall", "words": BODY.replace("Monday", "Tuesday")},
    ]
    (tmp_path / "odd.jsonl").write_text("".join(json.dumps(line) + "\n" for line in lines))
    fields = ["--fields", "text=words,title=headline_text"]
    assert main(["cluster", str(tmp_path / "odd.jsonl"), "-o", str(tmp_path / "c.jsonl"), "-q"]) == 2
    assert "odd.jsonl:1: record has no article text (no 'text', 'maintext'" in capsys.readouterr().err
    assert main(["cluster", str(tmp_path / "odd.jsonl"), "-o", str(tmp_path / "c.jsonl"), "-q", *fields]) == 0
    assert "warning" not in capsys.readouterr().err
    out = tmp_path / "b.jsonl"
    assert main(["batch", str(tmp_path / "odd.jsonl"), "-o", str(out), "--no-progress", "--workers", "1", *fields]) == 0
    (result,) = [json.loads(line) for line in out.read_text().splitlines()]
    assert [s["title"] for s in result["brief"]["sources"]] == ["Flood wall approved", "Town backs wall"]
