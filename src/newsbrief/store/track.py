"""``track``: read the sources a user names, store what is new, update the stories.

A source is a feed or page URL, an OPML list (file or URL) of feeds, a file of URLs (one a
line), or any file or folder ``brief`` reads (feeds included). URLs are fetched with
:class:`~newsbrief.fetch.Fetcher` (several at once); a feed entry that carries only a teaser
is completed from its article page. Each source's articles and its conditional-GET state are
committed in one transaction, and clustering runs in its own (see
:mod:`newsbrief.store.stories`): a run killed at any point loses nothing that the next run
does not pick up, and stores nothing twice.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from sqlalchemy import select

from newsbrief.cluster.source import JSONL_EXTENSIONS, read_unique_items
from newsbrief.cluster.stories import ClusterSettings
from newsbrief.errors import InputError, NoUsableInput
from newsbrief.fetch import Fetcher, FetchPolicy, Response
from newsbrief.ingest.decode import decode, read_path
from newsbrief.ingest.feeds import is_opml, opml_feed_urls
from newsbrief.ingest.formats import FORMATS, Record, detect_format
from newsbrief.settings import Options
from newsbrief.store.articles import add_records, canonical_url
from newsbrief.store.db import Store, utc_now
from newsbrief.store.schema import article_links, articles, feeds
from newsbrief.store.stories import ClusterReport, cluster_pending

# A feed entry with fewer words than this is a teaser: its article page is fetched for the full
# text. Feeds that carry whole articles put hundreds of words in content:encoded; summaries
# and descriptions are one to three sentences (under ~60 words), and the clusterer needs
# DEFAULT_MIN_CONTENT_TERMS (20) content words to open a story at all.
TEASER_WORDS = 80

# How much of a file is read to tell an OPML list or a URL list from an article file.
_SNIFF_BYTES = 64 * 1024

Progress = Callable[[str], None]


def _is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


@dataclass(slots=True)
class TrackReport:
    sources_read: int = 0
    added: int = 0
    updated: int = 0  # stored articles whose text changed (a new version)
    linked: int = 0
    not_modified: int = 0
    warnings: list[str] = field(default_factory=list)
    clustering: ClusterReport = field(default_factory=ClusterReport)


@dataclass(slots=True)
class _Batch:
    """What one source gave: records with their own ids, and the conditional-GET state to save."""

    source: str
    records: list[tuple[Record, str | None]]
    extraction: str
    response: Response | None = None
    unchanged: set[str] = field(default_factory=set)  # canonical URLs whose entry is a teaser of a stored page


def _url_list(text: str) -> list[str] | None:
    lines = [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    return lines if lines and all(_is_url(line) and " " not in line for line in lines) else None


class _Reader:
    def __init__(self, store: Store, fetcher: Fetcher, options: Options, warnings: list[str]) -> None:
        self.store, self.fetcher, self.options, self.warnings = store, fetcher, options, warnings

    def _state(self, url: str) -> tuple[str | None, str | None]:
        with self.store.read() as conn:
            row = conn.execute(select(feeds.c.etag, feeds.c.last_modified).where(feeds.c.url == url)).first()
        return (row.etag, row.last_modified) if row else (None, None)

    def _stored(self, urls: list[str]) -> set[str]:
        """The canonical URLs among ``urls`` that the store already holds (their pages are not fetched again)."""
        with self.store.read() as conn:
            found = set(
                conn.execute(select(articles.c.canonical_url).where(articles.c.canonical_url.in_(urls))).scalars()
            )
            found |= set(conn.execute(select(article_links.c.url).where(article_links.c.url.in_(urls))).scalars())
        return found

    def _complete_teasers(self, records: list[Record]) -> tuple[list[tuple[Record, str]], set[str]]:
        """Replace teaser texts by their article page's text (fetched concurrently); also return the
        canonical URLs of teasers whose page is stored already (not fetched: their text is no new version)."""
        stored = self._stored([url for r in records if (url := canonical_url(r.url))])
        unchanged = {
            url for r in records if (url := canonical_url(r.url)) in stored and len(r.text.split()) < TEASER_WORDS
        }

        def complete(record: Record) -> tuple[Record, str]:
            short = len(record.text.split()) < TEASER_WORDS
            if not short or not record.url or not _is_url(record.url) or canonical_url(record.url) in stored:
                return record, f"{record.input_format}:entry"
            try:
                page = self.fetcher.get(record.url)
                full = next(FORMATS["html"](decode(page.body, record.url), record.url))
            except InputError as exc:
                self.warnings.append(f"{exc} (kept the feed's teaser)")
                return record, f"{record.input_format}:entry (teaser; page unavailable)"
            if len(full.text.split()) <= len(record.text.split()):
                return record, f"{record.input_format}:entry"
            record.text = full.text
            record.published = record.published or full.published
            return record, "page:html (trafilatura)"

        with ThreadPoolExecutor(self.fetcher.policy.concurrency) as pool:
            return list(pool.map(complete, records)), unchanged

    def fetch_url(self, url: str) -> list[_Batch]:
        etag, modified = self._state(url)
        response = self.fetcher.get(url, etag, modified)
        if response.not_modified:
            return [_Batch(url, [], "", response)]
        text = decode(response.body, url)
        if is_opml(text):
            return [batch for feed in opml_feed_urls(text, url) for batch in self.fetch_url_safely(feed)]
        fmt = detect_format(url, text)
        if "html" in response.content_type and fmt not in ("feed", "jsonfeed"):
            fmt = "html"
        records = list(FORMATS[fmt](text, url))
        if fmt in ("feed", "jsonfeed"):
            completed, unchanged = self._complete_teasers(records)
            batches = [(record, record.url) for record, _ in completed]
            extraction = ", ".join(sorted({how for _, how in completed}))
            return [_Batch(url, batches, extraction, response, unchanged)]
        for record in records:
            record.url = record.url or response.url
        return [_Batch(url, [(r, r.url) for r in records], f"{fmt}:page", response)]

    def fetch_url_safely(self, url: str) -> list[_Batch]:
        try:
            return self.fetch_url(url)
        except InputError as exc:
            self.warnings.append(str(exc))
            return []

    def expand_path(self, path: str) -> tuple[list[str], list[str]]:
        """(URLs to fetch, paths to read) of one path argument: an OPML file or a URL list gives
        URLs; anything else (files, folders, JSONL streams of any size) is read as articles."""
        if not os.path.isfile(path) or path.lower().endswith(JSONL_EXTENSIONS):
            return [], [path]
        with open(path, "rb") as handle:
            head = handle.read(_SNIFF_BYTES).decode("utf-8", "replace")
        if not (path.lower().endswith(".opml") or is_opml(head) or _url_list(head) is not None):
            return [], [path]
        try:
            text = decode(read_path(path, self.options.max_bytes), path, self.options.encoding)
            urls = opml_feed_urls(text, path) if is_opml(text) or path.lower().endswith(".opml") else _url_list(text)
        except InputError as exc:
            self.warnings.append(str(exc))
            return [], []
        return (urls, []) if urls is not None else ([], [path])

    def read_paths(self, paths: Sequence[str]) -> Iterator[_Batch]:
        for path in paths:
            items: list[tuple[Record, str | None]] = [
                (item.record, item.key) for item in read_unique_items([path], self.options, self.warnings)
            ]
            if items:
                yield _Batch(path, items, "file")


def track(
    store: Store,
    sources: Sequence[str],
    policy: FetchPolicy | None = None,
    options: Options | None = None,
    settings: ClusterSettings | None = None,
    progress: Progress | None = None,
) -> TrackReport:
    """Add what is new in ``sources`` to ``store`` and update its stories."""
    report = TrackReport()
    say = progress or (lambda _message: None)
    reader = _Reader(store, Fetcher(policy or FetchPolicy()), options or Options(), report.warnings)
    urls, paths = [], []
    for source in sources:
        if _is_url(source):
            urls.append(source)
        else:
            found_urls, found_paths = reader.expand_path(source)
            urls += found_urls
            paths += found_paths

    def save(batch: _Batch) -> None:
        now = utc_now()
        with store.write() as conn:
            result = add_records(store, conn, batch.records, batch.source, now, batch.extraction, batch.unchanged)
            if batch.response is not None:
                state = {"etag": batch.response.etag, "last_modified": batch.response.last_modified, "checked_at": now}
                if not batch.response.not_modified:
                    conn.execute(
                        store.insert(feeds)
                        .values(url=batch.source, **state)
                        .on_conflict_do_update(index_elements=[feeds.c.url], set_=state)
                    )
        report.sources_read += 1
        report.added += len(result.added)
        report.updated += len(result.updated)
        report.linked += result.linked
        report.not_modified += bool(batch.response and batch.response.not_modified)
        status = "not modified" if batch.response and batch.response.not_modified else f"{len(result.added)} new"
        status += f", {len(result.updated)} updated" if result.updated else ""
        say(f"{batch.source}: {status} ({len(batch.records)} read, {result.linked} already stored)")

    for batch in reader.read_paths(paths):
        save(batch)
    with ThreadPoolExecutor(max(1, (policy or FetchPolicy()).concurrency)) as pool:
        for batches in pool.map(reader.fetch_url_safely, urls):
            for batch in batches:
                save(batch)
    if report.sources_read == 0:
        detail = "; ".join(report.warnings) if report.warnings else "no sources given"
        raise NoUsableInput(f"nothing usable in the sources ({detail})")
    report.clustering = cluster_pending(store, settings, utc_now())
    return report
