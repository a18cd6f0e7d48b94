"""Cleaning and segmentation through ``newsbrief brief``: real-world text in, whole sentences out."""

from __future__ import annotations

import json
from pathlib import Path

from test_cli_brief import run_cli

FIXTURES = Path(__file__).resolve().parent / "fixtures"
TERMINAL = (".", "!", "?", "'", '"', "”", "’", "。", "！", "？", "」")


def brief_json(*paths: Path) -> tuple[dict, str]:
    result = run_cli(*map(str, paths), "--format", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout), result.stderr


def test_hard_wrapped_crlf_newswire_briefs_whole_sentences_and_drops_its_credit_line():
    brief, stderr = brief_json(FIXTURES / "newswire" / "bridge.txt")
    assert stderr == ""
    (source,) = brief["sources"]
    assert source["title"] == "Harbor bridge reopens to traffic after two years of repairs"
    assert [r["rule"] for r in source["removed"]] == ["credit"]
    summary = [s["text"] for s in brief["summary"]]
    assert len(summary) >= 5
    for sentence in summary:  # no wrapped-line fragments: whole sentences only
        assert sentence.endswith(TERMINAL) and len(sentence.split()) >= 6, sentence
    # the wire dateline ("RIVERTON, Ore. (AP) -- ") stays in the sentence but is not shown in the summary
    assert summary[0].startswith("The Harbor Street bridge reopened")


def test_a_sentence_case_headline_of_many_words_is_the_title(tmp_path):
    headline = "Russia and the United States agree to keep talking about the future of Ukraine"
    body = "Kerry and Lavrov met in Paris on Sunday for four hours.\n\nThey agreed to meet again next week in Geneva."
    path = tmp_path / "story.txt"
    path.write_text(headline + "\n\n" + body, encoding="utf-8")
    brief, _ = brief_json(path)
    assert brief["sources"][0]["title"] == headline
    assert brief["summary"][0]["text"].startswith("Kerry and Lavrov met in Paris")


def test_chinese_and_japanese_articles_get_a_summary_and_a_language_warning():
    brief, stderr = brief_json(FIXTURES / "cjk")
    titles = sorted(s["title"] for s in brief["sources"])
    assert titles == ["北京宣布新的空气污染治理计划", "新しい鉄道路線、来春に開業へ"]
    assert all(source["removed"] == [] for source in brief["sources"])  # no body text taken for furniture
    summary = [s["text"] for s in brief["summary"]]
    assert len(summary) >= 4 and {s["sources"][0] for s in brief["summary"]} == {1, 2}
    for sentence in summary:  # split on 。！？, each a whole sentence
        assert sentence.endswith(TERMINAL) and sentence.count("。") <= 2, sentence
    assert stderr.count("not English") == 2


def test_a_page_laid_out_in_tables_in_its_declared_latin_1_is_briefed():
    # trafilatura with tables excluded and precision favoured found nothing here, and the page's
    # own charset declaration was not read: the page was refused
    brief, stderr = brief_json(FIXTURES / "html" / "table-layout-latin1.html")
    (source,) = brief["sources"]
    assert source["title"] == "Alte Schule wird Kulturzentrum"
    summary = [s["text"] for s in brief["summary"]]
    assert (
        summary[0]
        == "Der Gemeinderat hat am Dienstag beschlossen, die alte Schule am Marktplatz in ein Kulturzentrum umzubauen."
    )
    assert not any("|" in sentence for sentence in summary)  # table-cell markers are no text
    assert "Bürgermeisterin" in " ".join(summary) or "Rücklagen" in " ".join(summary)
    assert "not English" in stderr


def test_a_photo_post_ending_in_a_copyright_line_keeps_its_text_and_loses_the_notice():
    # one short paragraph of text that ends in the site's copyright notice: the notice goes, as a
    # span named by its rule, and the post's sentences are briefed (the whole paragraph was dropped
    # as a footer before, and the page refused)
    path = FIXTURES / "html" / "photo-post-copyright.html"
    brief, _ = brief_json(path)
    (source,) = brief["sources"]
    (removed,) = source["removed"]
    assert removed["rule"] == "footer"
    summary = " ".join(s["text"] for s in brief["summary"])
    assert "Cameras: a panoramic camera and a small compact." in summary
    assert "The order of exposure was Anna, then Tom." in summary
    assert "Copyright" not in summary and "©" not in summary and "Rights Reserved" not in summary
