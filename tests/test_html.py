"""The HTML report without a browser: self-contained, small, citations wired to the right sentences,
analysis sections drawn from the data, and every source string escaped."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import unicodedata
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsbrief
from newsbrief.errors import NoUsableInput
from newsbrief.ingest import load_articles, records_to_articles
from newsbrief.ingest.formats import Record
from newsbrief.model import (
    Analysis,
    Conflict,
    ConflictSide,
    Entity,
    Fact,
    PublicationDate,
    Quote,
    Signal,
    SourceType,
    Support,
    TimelineEvent,
)
from newsbrief.render.html import asset, render, script_hash

MAX_REPORT_BYTES = 300_000
XSS_TITLE = '<img src=x onerror="window.__xss=1"> Headline'
XSS_TEXT = "Officials met on Monday. <script>window.__xss=2</script> They said talks would go on. " * 3


class Page(HTMLParser):
    """Collects tags, attributes, and the text inside every element that has an id."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text_by_id: dict[str, str] = {}
        self._open: list[str | None] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")
        if tag not in {"meta", "br", "line", "circle", "rect", "input"}:
            self._open.append(attributes.get("id"))
            if attributes.get("id"):
                self.text_by_id[attributes["id"]] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag not in {"meta", "br", "line", "circle", "rect", "input"} and self._open:
            self._open.pop()
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data
        for element_id in self._open:
            if element_id:
                self.text_by_id[element_id] += data


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    return page


def brief_of(records: list[Record], analyse: bool = False) -> newsbrief.Brief:
    return newsbrief.brief_articles(records_to_articles(records), newsbrief.Options(words=60, analyse=analyse))


@pytest.fixture(scope="module")
def example(example_dir):
    result = newsbrief.brief([str(example_dir)])
    return result, render(result)


def test_example_report_is_self_contained_and_small(example):
    _, html = example
    assert len(html.encode("utf-8")) <= MAX_REPORT_BYTES
    page = parse(html)
    tags = [tag for tag, _ in page.tags]
    assert not {"link", "img", "iframe", "object", "embed"} & set(tags)
    for tag, attributes in page.tags:
        assert "src" not in attributes, (tag, attributes)  # nothing loads from anywhere
        if tag != "a":
            assert not any((value or "").startswith(("http:", "https:", "//")) for value in attributes.values())
    assert tags.count("script") == 2  # the JSON data block and the report's own script


def test_csp_allows_exactly_the_inline_script(example):
    _, html = example
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
    assert "default-src 'none'" in csp
    assert script_hash(asset("report.js")) in csp


def test_every_citation_highlights_the_sentence_that_supports_it(example):
    result, html = example
    page = parse(html)
    markers = {
        attributes["data-targets"] for tag, attributes in page.tags if tag == "button" and "data-targets" in attributes
    }
    for item in result.summary:
        origin = f"s{item.sources[0]}-{item.sentence}"
        assert page.text_by_id[origin] == item.text
        assert any(origin in m.split() for m in markers)
        for support in item.support:
            anchor = f"s{support.source}-{support.sentence}"
            expected = result.source(support.source).text[support.start : support.end]
            assert page.text_by_id[anchor] == expected
            assert any(anchor in m.split() for m in markers)
    # every anchor any marker points at exists
    for marker in markers:
        for anchor in marker.split():
            assert anchor in page.text_by_id, anchor


def test_embedded_json_is_the_json_output_without_scores(example):
    result, html = example
    page = parse(html)
    data_block = page.scripts[0]
    assert "<" not in data_block
    full = json.loads(newsbrief.render(result, "json"))
    assert full.pop("scores")
    assert json.loads(data_block) == full


def test_source_texts_are_complete(example):
    result, html = example
    page = parse(html)
    for article in result.sources:
        shown = page.text_by_id[f"src-{article.id}"]
        assert " ".join(article.text.split()) in " ".join(shown.split())


def test_example_report_shows_the_analysis_it_has(example):
    """Whatever the analysis finds on the example appears: a section per non-empty part, every item in it."""
    result, html = example
    assert result.analysis is not None  # analysis is on by default
    page = parse(html)
    analysis = result.analysis
    sections = {"quotes": "quotes", "timeline": "timeline", "conflicts": "conflicts", "entities": "entities"}
    for field, section in sections.items():
        assert (section in page.text_by_id) == bool(getattr(analysis, field)), field
    statements = [q for q in analysis.quotes if not q.is_fragment]
    for quote in statements:
        assert quote.text in page.text_by_id["quotes"]
    for event in analysis.timeline:
        assert event.date in page.text_by_id["timeline"]
    for conflict in analysis.conflicts:
        for side in conflict.sides:
            assert side.value in page.text_by_id["conflicts"]
    for kind in analysis.source_types:
        assert kind.label in page.text_by_id["sources"]
    if any(f.independent_outlets >= 2 for f in analysis.facts):
        assert "Key facts" in page.text_by_id["coverage"]


def test_untrusted_strings_are_escaped():
    records = [
        Record("a.txt", XSS_TEXT, title=XSS_TITLE, url="javascript:window.__xss=3", outlet="<b>Evil</b> News"),
        Record("b.txt", XSS_TEXT.replace("Monday", "Tuesday"), title="Plain", url="https://example.org/x"),
    ]
    html = render(brief_of(records))
    assert "<script>window" not in html and "<img" not in html and "<b>Evil" not in html
    assert "javascript:" not in html.split('id="brief-data"')[0]  # never an href; only as escaped JSON text
    assert "&lt;img src=x onerror=&quot;window.__xss=1&quot;&gt; Headline" in html
    assert 'href="https://example.org/x"' in html
    assert html.count("</script>") == 2


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    title=st.text(alphabet=st.sampled_from(list("<>&\"'/=ab ")), max_size=30),
    noise=st.text(alphabet=st.sampled_from(list("<>&\"'/=scriptonerr ")), min_size=1, max_size=40),
)
def test_no_source_string_becomes_markup(title, noise):
    text = f"The council voted {noise} on the plan. Members said {noise} the plan would pass next year."
    html = render(brief_of([Record("x.txt", text, title=title or None, outlet=noise)]))
    page = parse(html)
    allowed = {
        "html",
        "head",
        "meta",
        "title",
        "style",
        "body",
        "header",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "p",
        "nav",
        "a",
    }
    allowed |= {"button", "main", "section", "ol", "ul", "li", "span", "table", "thead", "tbody", "tr", "th", "td"}
    allowed |= {"article", "aside", "script", "details", "summary", "time", "q", "figure", "svg", "line", "text"}
    allowed |= {"circle", "rect", "title"}
    assert {tag for tag, _ in page.tags} <= allowed
    assert not any(name.startswith("on") for _, attributes in page.tags for name in attributes)
    assert html.count("<script") == 2


def _analysed_brief() -> newsbrief.Brief:
    records = [
        Record(
            "a.txt",
            "Troops massed at the border on Monday. About 20,000 soldiers were there.",
            title="A",
            outlet="Alpha",
        ),
        Record(
            "b.txt",
            "Troops gathered at the border on Monday. Some 40,000 soldiers were seen.",
            title="B",
            outlet="Beta",
        ),
    ]
    result = brief_of(records)
    members = [Support(1, 0, 0, 38, 1.0), Support(2, 0, 0, 41, 0.8)]
    result.analysis = Analysis(
        entities=[
            Entity(
                "e1",
                "Sergei Lavrov",
                "PERSON",
                aliases=["Sergei Lavrov", "Sergey Lavrov"],
                mentions_per_source={1: 2, 2: 1},
            )
        ],
        quotes=[
            Quote("We will not back down from this", "Sergei Lavrov", "e1", 1, 1, 0, 10, cue="he said"),
            Quote("deadlock", None, None, 2, 0, 0, 8, is_fragment=True),
        ],
        timeline=[
            TimelineEvent("2014-03-10", "Troops massed at the border.", [1, 2], 1, 0, date_text="on Monday"),
            TimelineEvent("2014-03-16", "A referendum is held.", [2], 2, 1, date_text="Sunday"),
        ],
        facts=[Fact("Troops massed at the border on Monday.", [1, 2], 2, members=members)],
        conflicts=[
            Conflict(
                "number",
                "soldiers at the border",
                [
                    ConflictSide("About 20,000 soldiers", "20,000", 1, 1, 39, 70),
                    ConflictSide("Some 40,000", "40,000", 2, 1, 42, 70),
                ],
            )
        ],
        source_types=[
            SourceType(1, "report", 0.9, -1.0, 1.0, [Signal("first_person_per_100_words", 0.0, 0.5)]),
            SourceType(2, "opinion", 0.7, 2.0, 1.0, [Signal("think_tank_byline", 4.0, 0.5)]),
        ],
        publication_dates=[
            PublicationDate(1, "2014-03-11", provenance="estimated:text", confidence=0.6, evidence=["'on Tuesday'"]),
            PublicationDate(2, None, earliest="2014-03-09", latest="2014-03-15", confidence=0.3),
        ],
    )
    return result


def test_analysis_sections_show_their_data():
    html = render(_analysed_brief())
    page = parse(html)
    assert "Who said what" in html and "We will not back down from this" in html and "Sergei Lavrov" in html
    assert "deadlock" not in page.text_by_id["quotes"]  # a scare-quoted fragment is not a statement
    assert "1 scare-quoted fragment not shown" in page.text_by_id["quotes"]
    timeline = page.text_by_id["timeline"]
    assert timeline.index("2014-03-10") < timeline.index("2014-03-16")
    assert sum(1 for tag, _ in page.tags if tag == "circle") == 2
    conflicts = page.text_by_id["conflicts"]
    assert "20,000" in conflicts and "40,000" in conflicts
    assert "Key facts" in page.text_by_id["coverage"]
    matrix_targets = [
        a["data-targets"] for t, a in page.tags if t == "button" and a.get("class", "").startswith("cite")
    ]
    assert "s1-0" in matrix_targets and "s2-0" in matrix_targets
    sources = page.text_by_id["sources"]
    assert "opinion" in sources and "think_tank_byline=4 (+2.00)" in sources
    assert "Sergey Lavrov" in page.text_by_id["entities"]
    assert "2014-03-11 (estimated from the text, 60%)" in sources
    assert "between 2014-03-09 and 2014-03-15 (estimated from the text, 30%)" in sources


def test_sections_without_data_are_left_out():
    result = _analysed_brief()
    result.analysis = None
    page = parse(render(result))
    for section in ("quotes", "timeline", "conflicts", "entities"):
        assert section not in page.text_by_id
    assert "Coverage" in page.text_by_id["coverage"]  # falls back to summary sentences × sources


def test_cli_writes_html_report(example_dir, tmp_path):
    out = tmp_path / "brief.html"
    run = subprocess.run(
        [sys.executable, "-m", "newsbrief.cli", "brief", str(example_dir), "--format", "html", "-o", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    text = out.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and text.rstrip().endswith("</html>")
    assert json.loads(parse(text).scripts[0])["summary"]


def test_markdown_and_html_show_the_same_key_facts(example):
    """Both render from one typed view, so they agree on what a key fact is: a statement of two or
    more independent outlets (syndicated copies count once)."""
    from newsbrief.render import render
    from newsbrief.render.view import KEY_FACT_OUTLETS, brief_view

    result, html = example
    facts = brief_view(result).key_facts
    assert facts and all(f.independent_outlets >= KEY_FACT_OUTLETS for f in facts)
    single_outlet = [f for f in result.analysis.facts if f.independent_outlets < KEY_FACT_OUTLETS]
    coverage = parse(html).text_by_id["coverage"]
    markdown = render(result, "markdown").split("## Key facts", 1)[1].split("\n## ", 1)[0]
    for fact in facts:
        assert fact.text[:100] in coverage and fact.text[:100] in markdown
    for fact in single_outlet:
        assert fact.text[:100] not in coverage and fact.text[:100] not in markdown


def test_a_page_with_stray_bytes_is_read_as_a_browser_reads_it_with_a_warning(tmp_path):
    body = "Der Stadtrat hat am Montag den Bau einer neuen Hochwasserschutzmauer am Fluss beschlossen. " * 3
    page = f"<html><head><title>Stadtrat</title></head><body><article><h1>Stadtrat</h1><p>{body}</p>"
    page += "<p>Die Arbeiten beginnen im Frühjahr, sagte der Bürgermeister.</p></article></body></html>"
    for name, data, how in (
        ("undeclared.html", page.encode("cp1252"), "windows-1252"),
        ("declared.html", page.replace("<head>", '<head><meta charset="utf-8">').encode("cp1252"), "declared utf-8"),
    ):
        (tmp_path / name).write_bytes(data)
        (article,), warnings = load_articles([str(tmp_path / name)])
        assert "Hochwasserschutzmauer" in article.raw_text
        (warning,) = warnings
        assert name in warning and "not valid UTF-8" in warning and how in warning
    # a text file is still refused with the one clear line: only a web page is read leniently
    (tmp_path / "latin1.txt").write_bytes(body.replace("am", "ä").encode("cp1252"))
    with pytest.raises(NoUsableInput, match="not valid UTF-8"):
        load_articles([str(tmp_path / "latin1.txt")])


def test_a_page_saved_in_a_wrapper_that_declares_utf8_is_read_in_its_own_declared_charset(tmp_path):
    # an archive's frame declares UTF-8 above the original page's own "gb2312": the bytes are not
    # UTF-8, so the declaration that decodes every byte is the page's encoding, read without a
    # warning (the first declaration with bad bytes replaced turned the Chinese text into U+FFFD)
    body = "河北农业大学的毕业生十五年来一直资助一位同学的家庭，这个故事在全省各地巡回演出。" * 3
    page = '<html><head><meta charset="utf-8"><meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
    page += f"<title>信守约定</title></head><body><article><p>{body}</p><p>{body}</p></article></body></html>"
    # the dash is byte pair A1 AA, which browsers (WHATWG: gb2312 is read as GBK) show as U+2014
    (tmp_path / "wrapped.html").write_bytes(page.replace("一位同学", "一位同学\u2015\u2015").encode("gb2312"))
    (article,), warnings = load_articles([str(tmp_path / "wrapped.html")])
    assert "巡回演出" in article.raw_text and "\ufffd" not in article.raw_text
    assert "同学\u2014\u2014" in article.raw_text
    assert warnings == []


def test_a_page_in_decomposed_letters_is_read_composed(tmp_path):
    # "u" + combining diaeresis (as some editors save it) is the same word as "ü": the text is
    # composed (NFC), as trafilatura.extract hands it on, so it matches and dedups as written
    body = "Der Stadtrat hat am Montag die neue Brücke über den Fluss eröffnet, sagte der Bürgermeister. " * 3
    decomposed = unicodedata.normalize("NFD", body)
    page = f"<html><head><title>Brücke</title></head><body><article><p>{decomposed}</p></article></body></html>"
    (tmp_path / "nfd.html").write_text(unicodedata.normalize("NFD", page), encoding="utf-8")
    (article,), _ = load_articles([str(tmp_path / "nfd.html")])
    assert "Brücke über den Fluss" in article.raw_text and article.title.value == "Brücke"


def test_a_short_japanese_page_is_read_not_taken_for_debris(tmp_path):
    # four Japanese sentences have no space, so "fewer than 5 words" must count characters there
    body = "親が子どもをたたく体罰を禁止する法律ができました。児童相談所の力を強くしました。"
    page = f"<html><head><title>法律</title></head><body><article><p>{body}</p><p>{body}</p></article></body></html>"
    (tmp_path / "ja.html").write_text(page, encoding="utf-8")
    (article,), _ = load_articles([str(tmp_path / "ja.html")])
    assert "児童相談所" in article.raw_text
    (tmp_path / "debris.html").write_text("<html><body><p>unclosed <<<>>></p></body></html>", encoding="utf-8")
    with pytest.raises(NoUsableInput, match="no article text"):
        load_articles([str(tmp_path / "debris.html")])


def test_a_superseded_statement_is_shown_under_the_sentence_that_replaced_it_escaped():
    from newsbrief.model import Superseded

    brief = brief_of(
        [
            Record("a.txt", "Police say two people were stabbed at a rally in the city park on Saturday.", title="A"),
            Record("b.txt", "Police said three people were stabbed at the rally in the park on Saturday.", title="B"),
        ]
    )
    old = Superseded(text="Two <b>people</b> were hurt.", source=1, sentence=0, published="2016-02-27",
                     reason="two people / three people")  # fmt: skip
    brief.summary[0].superseded.append(old)
    page = parse(render(brief))
    summary = page.text_by_id["sum-1"]
    assert "Superseded: “Two <b>people</b> were hurt.”" in summary
    assert "published 2016-02-27 (two people / three people)" in summary
    assert ("b", {}) not in page.tags  # the source's markup is text, never a tag
    assert "Superseded" not in render(brief_of([Record("c.txt", brief.summary[0].text, title="A")]))
