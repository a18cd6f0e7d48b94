"""The web app's story pages over a store (``newsbrief serve --db PATH``).

``/stories`` lists the stories, newest activity first; ``/stories/{id}`` shows the story's
brief (the HTML report) under its coverage over time (articles per day, by when the store
fetched them, and the sources in order). ``/api/stories`` and ``/api/stories/{id}`` give the
JSON of ``newsbrief stories`` and ``newsbrief story``. The pages only read the store: nothing
here fetches anything, so private-address fetching cannot be switched on from the web.
Everything from the store is escaped.
"""

from __future__ import annotations

import asyncio
import re
from collections import Counter
from html import escape
from typing import Any

from fastapi import FastAPI, HTTPException
from fastapi.responses import HTMLResponse, JSONResponse

from newsbrief.errors import NewsbriefError
from newsbrief.render import render
from newsbrief.settings import Options
from newsbrief.store import list_stories, open_store, story_view
from newsbrief.store.queries import StoryView, view_to_dict

STORY_ID = re.compile(r"^s\d{6,}$")
LIST_LIMIT = 500  # stories on the list page (the newest); the JSON API takes ?limit=
PAGE_STYLE = (
    "body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}"
    "table{border-collapse:collapse}td,th{padding:.2rem .6rem;border-bottom:1px solid #ddd;text-align:left}"
    ".bar{background:#4a7;height:.8rem;display:inline-block}"
)


def _page(title: str, body: str) -> str:
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title>'
        f"<style>{PAGE_STYLE}</style></head><body>{body}</body></html>"
    )


def list_page(rows: list[dict[str, Any]]) -> str:
    items = "".join(
        f'<tr><td><a href="/stories/{escape(r["id"])}">{escape(r["title"] or r["id"])}</a></td>'
        f"<td>{r['articles']}</td><td>{r['outlets']}</td><td>{escape(r['last_seen'][:16].replace('T', ' '))}</td></tr>"
        for r in rows
    )
    table = (
        "<table><thead><tr><th>story</th><th>articles</th><th>outlets</th><th>last seen (UTC)</th></tr></thead>"
        f"<tbody>{items}</tbody></table>"
        if rows
        else "<p>No stories yet: fill the store with <code>newsbrief track SOURCE --db PATH</code>.</p>"
    )
    return _page("Stories", f"<h1>Stories</h1><p>Newest activity first.</p>{table}")


def coverage_html(view: StoryView) -> str:
    """Articles per day (when the store fetched them) and the sources in order."""
    days = Counter(source["fetched_at"][:10] for source in view.sources)
    most = max(days.values(), default=1)
    rows = "".join(
        f'<tr><td>{escape(day)}</td><td>{count}</td><td><span class="bar" style="width:{12 * count / most:.1f}rem">'
        "</span></td></tr>"
        for day, count in sorted(days.items())
    )
    sources = "".join(
        f"<li>[{s['citation']}] {escape(s['title'] or '(untitled)')} — {escape(s['outlet'] or 'unknown outlet')}"
        f" <small>(fetched {escape(s['fetched_at'][:16].replace('T', ' '))})</small></li>"
        for s in view.sources
    )
    story = view.story
    return (
        f'<p><a href="/stories">All stories</a></p><h1>{escape(story["title"] or story["id"])}</h1>'
        f"<h2>Coverage over time</h2><table><thead><tr><th>day (UTC)</th><th>articles</th><th></th></tr></thead>"
        f"<tbody>{rows}</tbody></table><ol>{sources}</ol>"
    )


def add_story_routes(app: FastAPI, db: str) -> None:
    """Add the story pages and their JSON API to ``app`` (the store is opened once, read only)."""
    store = open_store(db)
    options = Options()

    def view_or_404(story_id: str) -> StoryView:
        if not STORY_ID.match(story_id):
            raise HTTPException(404, "no such story")
        try:
            return story_view(store, story_id, options)
        except NewsbriefError as exc:
            raise HTTPException(404, str(exc)) from None

    @app.get("/stories", response_class=HTMLResponse, summary="The stored stories, newest activity first")
    async def stories_page() -> HTMLResponse:
        return HTMLResponse(list_page(await asyncio.to_thread(list_stories, store, LIST_LIMIT)))

    @app.get("/stories/{story_id}", response_class=HTMLResponse, summary="A story's brief and coverage over time")
    async def story_page(story_id: str) -> HTMLResponse:
        view = await asyncio.to_thread(view_or_404, story_id)
        report = render(view.brief, "html")
        # The report is a whole page: the coverage section goes at the top of its body.
        head, _, rest = report.partition("<body>")
        body = f"{head}<body><section class='coverage'>{coverage_html(view)}</section>{rest}" if rest else report
        return HTMLResponse(body)

    @app.get("/api/stories", summary="The stored stories (as `newsbrief stories --format json`)")
    async def stories_api(limit: int | None = None) -> JSONResponse:
        return JSONResponse({"stories": await asyncio.to_thread(list_stories, store, limit)})

    @app.get("/api/stories/{story_id}", summary="One story (as `newsbrief story ID --format json`)")
    async def story_api(story_id: str) -> JSONResponse:
        return JSONResponse(view_to_dict(await asyncio.to_thread(view_or_404, story_id)))
