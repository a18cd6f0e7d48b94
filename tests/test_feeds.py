"""Feed parsing (RSS 2.0, RSS 1.0, Atom, JSON Feed, OPML) and safe XML."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsbrief.cli import main
from newsbrief.errors import InputError
from newsbrief.ingest.feeds import iso_date, opml_feed_urls, parse_feed, parse_json_feed, strip_html
from newsbrief.ingest.formats import FORMATS, detect_format

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Daily Planet</title>
<item><title>Talks fail in Geneva</title><link>https://planet.example/a?utm_source=rss</link>
<pubDate>Mon, 03 Mar 2014 10:00:00 +0000</pubDate><description>short teaser</description>
<content:encoded><![CDATA[<p>The talks failed on Monday after five hours.</p><p>More talks follow.</p>]]>
</content:encoded>
</item>
<item><title>Second &amp; story</title><guid>https://planet.example/b</guid>
<description>&lt;p&gt;A teaser &lt;b&gt;only&lt;/b&gt;.&lt;/p&gt;</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Times</title>
<entry><title>Floods rise</title><link rel="alternate" href="https://atom.example/f"/>
<published>2014-03-04T08:00:00Z</published><content type="html">&lt;p&gt;The river rose overnight.&lt;/p&gt;</content>
</entry></feed>"""

RDF = """<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
 xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Old School</title></channel>
<item><title>One</title><link>https://rdf.example/1</link><description>Text one here.</description>
<dc:date>2014-03-05</dc:date></item></rdf:RDF>"""

JSON_FEED = json.dumps(
    {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Json Post",
        "items": [
            {
                "id": "1",
                "url": "https://json.example/1",
                "title": "Quake",
                "content_text": "A quake hit.",
                "date_published": "2014-03-06T00:00:00Z",
            },
            {"id": "2", "title": "Empty"},
        ],
    }
)

OPML = """<?xml version="1.0"?><opml version="2.0"><head><title>My feeds</title></head><body>
<outline text="News"><outline text="A" type="rss" xmlUrl="https://a.example/feed.xml"/>
<outline text="B" type="rss" xmlUrl="https://b.example/atom"/></outline></body></opml>"""

BOMB = """<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">
<!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">]>
<rss version="2.0"><channel><item><title>&lol2;</title><description>x</description></item></channel></rss>"""

EXTERNAL = """<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><item><title>&x;</title></item></channel></rss>"""


def test_rss_entries_prefer_full_content_and_strip_html() -> None:
    first, second = parse_feed(RSS, "f.xml")
    assert first.title == "Talks fail in Geneva"
    assert first.text == "The talks failed on Monday after five hours.\n\nMore talks follow."
    assert first.published == "2014-03-03T10:00:00+00:00"
    assert first.outlet == "Daily Planet" and first.input_format == "rss"
    assert second.url == "https://planet.example/b"  # a permalink guid stands in for a missing link
    assert second.text == "A teaser only ." and second.title == "Second & story"


def test_atom_rdf_and_json_feed() -> None:
    (atom,) = parse_feed(ATOM, "a.atom")
    assert (atom.title, atom.url, atom.text) == ("Floods rise", "https://atom.example/f", "The river rose overnight.")
    (rdf,) = parse_feed(RDF, "r.rdf")
    assert (rdf.url, rdf.published, rdf.outlet) == ("https://rdf.example/1", "2014-03-05", "Old School")
    records = list(parse_json_feed(JSON_FEED, "j.json"))
    assert [r.title for r in records] == ["Quake", "Empty"]
    assert records[1].text == "Empty"  # an entry with a title only keeps its title as text


def test_opml_lists_feed_urls_and_is_not_briefed() -> None:
    assert opml_feed_urls(OPML, "f.opml") == ["https://a.example/feed.xml", "https://b.example/atom"]
    with pytest.raises(InputError, match="OPML list of feeds"):
        list(parse_feed(OPML, "f.opml"))


@pytest.mark.parametrize("xml", [BOMB, EXTERNAL])
def test_entity_declarations_are_refused_not_expanded(xml: str) -> None:
    with pytest.raises(InputError, match="XML refused"):
        list(parse_feed(xml, "evil.xml"))


def test_detect_format_by_content_and_extension() -> None:
    assert detect_format("feed", RSS) == "feed"
    assert detect_format("x.xml", ATOM) == "feed"
    assert detect_format("feed.json", JSON_FEED) == "jsonfeed"
    assert detect_format("-", JSON_FEED) == "jsonfeed"
    assert detect_format("plain.json", '{"title": "a", "text": "b"}') == "json"
    assert FORMATS["feed"] is parse_feed


def test_brief_reads_one_article_per_feed_entry(tmp_path, capsys) -> None:
    path = tmp_path / "feed.xml"
    path.write_text(RSS, encoding="utf-8")
    assert main(["brief", str(path), "--format", "json", "--no-analysis"]) == 0
    sources = json.loads(capsys.readouterr().out)["sources"]
    assert [s["title"] for s in sources] == ["Talks fail in Geneva", "Second & story"]
    assert sources[0]["url"] == "https://planet.example/a?utm_source=rss"


def test_bomb_gives_one_clear_line(tmp_path, capsys) -> None:
    path = tmp_path / "bomb.xml"
    path.write_text(BOMB, encoding="utf-8")
    assert main(["brief", str(path)]) == 2
    err = capsys.readouterr().err
    assert "XML refused" in err and "Traceback" not in err


def test_iso_date() -> None:
    assert iso_date("Tue, 04 Mar 2014 10:00:00 GMT") == "2014-03-04T10:00:00+00:00"
    assert iso_date("2014-03-04") == "2014-03-04"
    assert iso_date("not a date") is None and iso_date(None) is None


@given(st.text(alphabet=st.characters(blacklist_characters="<>&"), max_size=200))
def test_strip_html_keeps_plain_text_words(text: str) -> None:
    assert strip_html(text).split() == text.split()


@given(st.text(max_size=300))
def test_strip_html_leaves_no_tags(markup: str) -> None:
    out = strip_html(f"<div><p>{markup}</p><script>alert(1)</script></div>")
    assert "<script" not in out
    assert "alert(1)" not in out or "alert(1)" in markup
