"""The story store: followed sources, stored articles, stories that update over time.

    store = open_store("news.db")                  # or "postgresql://user@host/db"
    track(store, ["https://example.org/feed.xml"])  # fetch, store what is new, update stories
    list_stories(store)                             # newest activity first
    story_view(store, "s000001", since="2026-12-01T00:00:00+00:00")

See docs/follow.md.
"""

from newsbrief.store.db import Store, open_store
from newsbrief.store.export import TABLES, table_rows
from newsbrief.store.queries import StoryView, list_stories, parse_since, story_view
from newsbrief.store.track import TrackReport, track

__all__ = [
    "TABLES",
    "Store",
    "StoryView",
    "TrackReport",
    "list_stories",
    "open_store",
    "parse_since",
    "story_view",
    "table_rows",
    "track",
]
