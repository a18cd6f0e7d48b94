"""End to end in a real browser: Debian's Chromium, headless, driven by Playwright, with every
request that is not a local file or the local test server blocked (the report needs no network)."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from chromium import CHROMIUM, CHROMIUM_ARGS

if not CHROMIUM.exists():
    pytest.skip(
        f"Debian's Chromium is not installed at {CHROMIUM} (scripts/test.sh installs it with apt-get)",
        allow_module_level=True,
    )
sync_api = pytest.importorskip("playwright.sync_api", reason="browser tests need playwright (test extra)")

import newsbrief  # noqa: E402
from newsbrief.ingest import records_to_articles  # noqa: E402
from newsbrief.ingest.formats import Record  # noqa: E402
from newsbrief.render.html import render  # noqa: E402

XSS_TITLE = '<img src=x onerror="window.__xss=1">Payload headline'
XSS_BODY = (
    "The mayor opened the bridge on Monday. <script>window.__xss=2</script> "
    'Traffic was light. <img src=y onerror="window.__xss=3"> Officials said the bridge cost 10 million.'
)


@pytest.fixture(scope="module")
def browser() -> Iterator[sync_api.Browser]:
    with sync_api.sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield instance
        instance.close()


class Watch:
    """Console errors, page errors and blocked network requests of one page."""

    def __init__(self) -> None:
        self.errors: list[str] = []
        self.blocked: list[str] = []


@pytest.fixture
def page(browser) -> Iterator[tuple[sync_api.Page, Watch]]:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    watch = Watch()

    def guard(route: sync_api.Route) -> None:
        url = route.request.url
        if url.startswith(("file://", "http://127.0.0.1:", "data:", "blob:")):
            route.continue_()
        else:
            watch.blocked.append(url)
            route.abort()

    context.route("**/*", guard)
    new_page = context.new_page()
    new_page.on("console", lambda message: watch.errors.append(message.text) if message.type == "error" else None)
    new_page.on("pageerror", lambda error: watch.errors.append(str(error)))
    yield new_page, watch
    context.close()


@pytest.fixture(scope="module")
def example_report(example_dir, tmp_path_factory) -> tuple[newsbrief.Brief, Path]:
    result = newsbrief.brief([str(example_dir)])
    path = tmp_path_factory.mktemp("report") / "example.html"
    path.write_text(render(result), encoding="utf-8")
    return result, path


def test_example_report_loads_offline_without_console_errors(page, example_report):
    tab, watch = page
    _, path = example_report
    tab.goto(path.as_uri())
    tab.wait_for_load_state("load")
    assert tab.locator("h1").inner_text() == "Briefing"
    assert tab.locator(".summary li").count() > 0
    assert watch.errors == []
    assert watch.blocked == []


def _supported_item(result: newsbrief.Brief) -> tuple[int, newsbrief.SummarySentence]:
    """The first summary sentence another source corroborates (else the first one)."""
    for number, item in enumerate(result.summary, start=1):
        if item.support:
            return number, item
    return 1, result.summary[0]


def test_clicking_a_citation_highlights_the_supporting_sentence(page, example_report):
    tab, watch = page
    result, path = example_report
    tab.goto(path.as_uri())
    number, item = _supported_item(result)
    # the marker of the last citing source: a corroborating one when there is any
    if item.support:
        support = item.support[-1]
        source, sentence, expected = (
            support.source,
            support.sentence,
            result.source(support.source).text[support.start : support.end],
        )
    else:
        source, sentence, expected = item.sources[0], item.sentence, item.text
    marker = tab.locator(f"#sum-{number} .cite", has_text=str(source))
    marker.click()
    highlighted = tab.locator(".s.hl")
    assert highlighted.count() >= 1
    target = tab.locator(f"#s{source}-{sentence}")
    assert "hl" in (target.get_attribute("class") or "").split()
    assert " ".join(target.inner_text().split()) == " ".join(expected.split())
    # only sentences of the clicked source light up, and the first one is scrolled into its column's view
    for index in range(highlighted.count()):
        assert highlighted.nth(index).get_attribute("id").startswith(f"s{source}-")
    visible = tab.evaluate(
        """(id) => {
            const s = document.getElementById(id).getBoundingClientRect();
            const box = document.getElementById(id).closest('.text').getBoundingClientRect();
            return s.top >= box.top - 1 && s.top <= box.bottom && s.top >= 0 && s.top < window.innerHeight;
        }""",
        f"s{source}-{sentence}",
    )
    assert visible
    assert watch.errors == []


def test_hovering_a_citation_previews_its_sentence(page, example_report):
    tab, _ = page
    result, path = example_report
    tab.goto(path.as_uri())
    item = result.summary[0]
    tab.locator("#sum-1 .cite").first.hover()
    assert tab.locator(".s.hov").first.get_attribute("id") == f"s{item.sources[0]}-{item.sentence}"


def test_keyboard_selects_a_summary_sentence_and_all_its_sources(page, example_report):
    tab, _ = page
    result, path = example_report
    tab.goto(path.as_uri())
    number, item = _supported_item(result)
    tab.focus(f"#sum-{number} .sum-text")
    tab.keyboard.press("Enter")
    lit = {tab.locator(".s.hl").nth(i).get_attribute("id") for i in range(tab.locator(".s.hl").count())}
    expected = {f"s{item.sources[0]}-{item.sentence}"} | {f"s{s.source}-{s.sentence}" for s in item.support}
    assert lit == expected


def test_print_layout_shows_whole_texts_without_controls(page, example_report):
    tab, _ = page
    _, path = example_report
    tab.goto(path.as_uri())
    tab.emulate_media(media="print")
    styles = tab.evaluate(
        """() => ({
            nav: getComputedStyle(document.querySelector('header.top nav')).display,
            tools: getComputedStyle(document.querySelector('.tools')).display,
            overflow: getComputedStyle(document.querySelector('.src .text')).overflowY,
            columns: getComputedStyle(document.querySelector('.columns')).display,
        })"""
    )
    assert styles == {"nav": "none", "tools": "none", "overflow": "visible", "columns": "block"}


def test_report_is_readable_at_phone_width(browser, example_report):
    _, path = example_report
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    tab = context.new_page()
    tab.goto(path.as_uri())
    overflow = tab.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    font = tab.evaluate("parseFloat(getComputedStyle(document.querySelector('.summary li')).fontSize)")
    context.close()
    assert overflow <= 1  # no sideways scrolling of the page itself
    assert font >= 13


def test_report_xss_payload_shows_as_text(page, tmp_path):
    tab, watch = page
    records = [
        Record("a.txt", XSS_BODY, title=XSS_TITLE, outlet="<b>Outlet</b>"),
        Record("b.txt", XSS_BODY.replace("Monday", "Tuesday"), title="Second", url="javascript:window.__xss=4"),
    ]
    result = newsbrief.brief_articles(records_to_articles(records), newsbrief.Options(words=60))
    path = tmp_path / "xss.html"
    path.write_text(render(result), encoding="utf-8")
    tab.goto(path.as_uri())
    for link in tab.locator("a[href]").all():
        assert not (link.get_attribute("href") or "").startswith("javascript:")
    tab.locator(".cite").first.click()
    assert tab.evaluate("window.__xss") is None
    assert tab.locator("img").count() == 0
    body = tab.locator("body").inner_text()
    assert XSS_TITLE in body and "<script>window.__xss=2</script>" in body and "<b>Outlet</b>" in body
    assert watch.errors == []


# --- the web app, on a real uvicorn server --------------------------------------------


def _free_port() -> int:
    with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    pytest.importorskip("uvicorn", reason="the web app needs the 'serve' extra (uvicorn)")
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    process = subprocess.Popen(
        [sys.executable, "-m", "newsbrief.cli", "serve", "--port", str(port), "--max-documents", "10"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"{base}/api/health", timeout=1) as response:
                    if response.status == 200:
                        break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"newsbrief serve did not start: {process.stderr.read().decode()}") from None
                time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        process.stderr.close()


def test_web_form_turns_the_dropped_example_files_into_a_report(page, server, example_dir):
    tab, watch = page
    tab.goto(server + "/")
    # drop the five files on the drop zone, as a person dragging them from a file manager would
    files = [[p.name, p.read_text(encoding="utf-8")] for p in sorted(example_dir.iterdir())]
    tab.evaluate(
        """(files) => {
            const transfer = new DataTransfer();
            for (const [name, text] of files) transfer.items.add(new File([text], name, {type: "text/plain"}));
            const drop = new DragEvent("drop", {dataTransfer: transfer, bubbles: true, cancelable: true});
            document.getElementById("drop").dispatchEvent(drop);
        }""",
        files,
    )
    assert tab.locator("#file-list li").count() == 5
    assert tab.evaluate("document.getElementById('files').files.length") == 5
    with tab.expect_navigation():
        tab.click("#submit")
    assert tab.locator("h1").inner_text() == "Briefing"
    assert tab.locator(".summary li").count() > 0
    assert tab.locator(".src").count() == 5
    tab.locator(".summary .cite").first.click()
    assert tab.locator(".s.hl").count() >= 1
    assert watch.errors == [] and watch.blocked == []


def test_web_form_pasted_xss_payload_does_not_run(page, server):
    tab, watch = page
    tab.goto(server + "/")
    tab.fill("#texts textarea", XSS_TITLE + "\n" + XSS_BODY)
    tab.click("#add-text")
    tab.locator("#texts textarea").nth(1).fill("Second report\n" + XSS_BODY.replace("Monday", "Tuesday"))
    with tab.expect_navigation():
        tab.click("#submit")
    assert tab.locator("h1").inner_text() == "Briefing"
    assert tab.evaluate("window.__xss") is None
    assert tab.locator("img").count() == 0
    body = tab.locator("body").inner_text()
    assert XSS_TITLE in body and "<script>window.__xss=2</script>" in body
    assert watch.errors == []
