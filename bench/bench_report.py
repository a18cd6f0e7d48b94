"""Size and load time of the HTML report, and (optionally) its screenshot for the docs.

    python bench/bench_report.py [STORY_DIR] [--runs 10] [--screenshot docs/screenshot-report.png]

Briefs the story (the bundled example by default), renders ``--format html``, and prints a
table: file size, render time, and page timings in Debian's headless Chromium (Playwright)
over ``--runs`` fresh page loads from ``file://`` with every network request blocked:
DOMContentLoaded, load, and the time from a click on a citation marker to the highlight.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import newsbrief
from newsbrief.render.html import render

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402  (shared with the browser tests)

CLICK_TO_HIGHLIGHT_JS = """() => {
    const marker = document.querySelector('.summary .cite');
    const start = performance.now();
    marker.click();
    const lit = document.querySelectorAll('.s.hl').length;
    return {ms: performance.now() - start, lit};
}"""


def measure(story: Path, runs: int, screenshot: Path | None) -> list[tuple[str, str]]:
    from playwright.sync_api import sync_playwright

    started = time.perf_counter()
    result = newsbrief.brief([str(story)])
    brief_s = time.perf_counter() - started
    started = time.perf_counter()
    html = render(result)
    render_s = time.perf_counter() - started
    size = len(html.encode("utf-8"))
    rows = [
        ("story", str(story.relative_to(ROOT) if story.is_relative_to(ROOT) else story)),
        ("sources / summary sentences", f"{len(result.sources)} / {len(result.summary)}"),
        ("report size", f"{size:,} bytes ({size / 1024:.1f} KiB)"),
        ("brief (incl. analysis), first in process", f"{brief_s * 1000:.0f} ms"),
        ("render html", f"{render_s * 1000:.1f} ms"),
    ]
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        path = Path(folder) / "report.html"
        path.write_text(html, encoding="utf-8")
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        content_loaded, loaded, clicks, errors = [], [], [], []
        for _ in range(runs):
            context = browser.new_context(viewport={"width": 1400, "height": 900})
            context.route(
                "**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort()
            )
            page = context.new_page()
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.goto(path.as_uri(), wait_until="load")
            timing = page.evaluate("JSON.parse(JSON.stringify(performance.getEntriesByType('navigation')[0]))")
            content_loaded.append(timing["domContentLoadedEventEnd"])
            loaded.append(timing["loadEventEnd"])
            click = page.evaluate(CLICK_TO_HIGHLIGHT_JS)
            if not click["lit"]:
                errors.append("a citation click highlighted nothing")
            clicks.append(click["ms"])
            context.close()
        if screenshot:
            context = browser.new_context(viewport={"width": 1400, "height": 860}, device_scale_factor=1)
            page = context.new_page()
            page.goto(path.as_uri(), wait_until="load")
            # show a corroborated sentence: the first summary sentence cited by two or more sources
            corroborated = page.locator(".summary li").filter(has=page.locator(".cite >> nth=1"))
            target = corroborated.first if corroborated.count() else page.locator(".summary li").first
            target.locator(".sum-text").click()
            page.screenshot(path=str(screenshot))
            context.close()
        browser.close()
    rows += [
        (f"DOMContentLoaded, median of {runs}", f"{statistics.median(content_loaded):.1f} ms"),
        (f"load event, median of {runs}", f"{statistics.median(loaded):.1f} ms (max {max(loaded):.1f})"),
        ("citation click -> highlight, median", f"{statistics.median(clicks):.2f} ms"),
        ("page errors", str(len(errors))),
    ]
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("story", nargs="?", type=Path, default=ROOT / "examples" / "kerry-lavrov-2014")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--screenshot", type=Path, help="also save a 1400x860 screenshot of the report here")
    args = parser.parse_args(argv)
    if not CHROMIUM.exists():
        print(f"bench_report: {CHROMIUM} not found (apt-get install chromium)", file=sys.stderr)
        return 2
    rows = measure(args.story.resolve(), args.runs, args.screenshot)
    width = max(len(name) for name, _ in rows)
    print(f"{'measure':<{width}}  value")
    print(f"{'-' * width}  {'-' * 30}")
    for name, value in rows:
        print(f"{name:<{width}}  {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
