"""The story store, on SQLite and on PostgreSQL (the same tests, parametrized).

The PostgreSQL variants need a server: ``scripts/test.sh`` starts a throw-away one and passes
its URL in ``NEWSBRIEF_TEST_POSTGRES``; each test gets a database of its own.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import uuid
from collections import defaultdict
from pathlib import Path

import pytest
from sqlalchemy import func, select

from feed_fixtures import FeedServer, build_articles
from newsbrief.cli import main
from newsbrief.cluster.run import cluster_inputs
from newsbrief.fetch import FetchPolicy
from newsbrief.settings import Options
from newsbrief.store import list_stories, open_store, story_view, track
from newsbrief.store.db import utc_now
from newsbrief.store.schema import article_bands, articles, stories

FAST = FetchPolicy(timeout_s=1.0, retries=1, backoff_s=0.05, allow_private=True, max_bytes=1024 * 1024)
ROOT = Path(__file__).resolve().parent.parent


def _postgres_server() -> str:
    url = os.environ.get("NEWSBRIEF_TEST_POSTGRES")
    if not url:
        why = os.environ.get(
            "NEWSBRIEF_TEST_POSTGRES_UNAVAILABLE",
            "NEWSBRIEF_TEST_POSTGRES is not set (scripts/test.sh starts a throw-away PostgreSQL server)",
        )
        pytest.skip(f"PostgreSQL store tests skipped: {why}")
    return url


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path):
    """A fresh, empty store location: a SQLite file, or a new database on the test server."""
    if request.param == "sqlite":
        yield str(tmp_path / "store.db")
        return
    server = _postgres_server()
    psycopg = pytest.importorskip("psycopg", reason="the 'postgres' extra (psycopg) is not installed")
    name = f"nb_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    yield server.rsplit("/", 1)[0] + f"/{name}"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def _partition(groups: dict[str, str | None]) -> set[frozenset[str]]:
    members: dict[str, set[str]] = defaultdict(set)
    for key, story in groups.items():
        if story is not None:
            members[story].add(key)
    return {frozenset(m) for m in members.values()}


def _stored(db: str) -> list:
    store = open_store(db)
    try:
        with store.read() as conn:
            return conn.execute(select(articles).order_by(articles.c.id)).all()
    finally:
        store.close()


def _one_shot(rows: list, tmp_path: Path) -> set[frozenset[str]]:
    """The grouping a one-shot `newsbrief cluster` gives the same article texts."""
    stream = tmp_path / "one-shot.jsonl"
    lines = [
        json.dumps({"id": str(r.id), "title": r.title, "text": r.raw_text, "published": r.published, "url": r.url})
        for r in rows
    ]
    stream.write_text("\n".join(lines) + "\n", encoding="utf-8")
    run = cluster_inputs([str(stream)], Options())
    return _partition({key: a.story for key, a in run.assignments.items()})


def _write_jsonl(path: Path, items: list) -> None:
    lines = [
        json.dumps({"id": f"fx-{a.number}", "title": a.title, "text": a.text, "published": a.published.isoformat()})
        for a in items
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_one_round_equals_one_shot_cluster_and_rerun_adds_nothing(db: str, tmp_path: Path) -> None:
    path = tmp_path / "articles.jsonl"
    _write_jsonl(path, build_articles())
    store = open_store(db)
    try:
        report = track(store, [str(path)])
        assert (report.added, report.clustering.clustered) == (60, 60)
        again = track(store, [str(path)])
        assert (again.added, again.linked, again.clustering.clustered) == (0, 60, 0)
    finally:
        store.close()
    rows = _stored(db)
    assert len(rows) == 60 and {r.record_id for r in rows} == {f"fx-{n}" for n in range(1, 61)}
    stored = _partition({str(r.id): r.story for r in rows})
    assert stored == _one_shot(rows, tmp_path)
    assert len(stored) == 10  # the ten fixture stories, recovered


def _story_of_each(rows: list) -> dict[str, str]:
    return {r.url: r.story for r in rows}


def test_scenario_three_rounds_of_feeds(db: str, tmp_path: Path) -> None:
    """3 feeds, 60 articles over 3 rounds, teasers completed from the page, 4 broken feeds."""
    with FeedServer(slow_s=3.0) as site:
        store = open_store(db)
        try:
            before: dict[str, str] = {}
            for round_ in (1, 2, 3):
                site.round = round_
                started = utc_now()
                report = track(store, site.feed_urls + site.broken_urls, FAST)
                # One clear warning per broken feed, naming it; the three good feeds were read.
                assert len(report.warnings) == 4, report.warnings
                for url in site.broken_urls:
                    assert sum(w.startswith(url + ":") for w in report.warnings) == 1
                assert report.sources_read == 3 and report.added == 20
                rows = _stored(db)
                after = _story_of_each(rows)
                assert len(after) == 20 * round_
                # Stories keep their ids: every earlier article is still in the story it was in.
                assert {url: after[url] for url in before} == before
                # `story --since` lists exactly what this round added, story by story.
                added = {r.id for r in rows if r.url not in before}
                listed = set()
                for story in {after[url] for url in after}:
                    view = story_view(store, story, Options(analyse=False, sentences=1), since=started)
                    listed |= {s["id"] for s in view.changes["new_sources"]}
                assert listed == added
                before = after
            # Teasers were completed from the article page; full-text entries were not fetched again.
            atom_rows = [r for r in rows if r.source.endswith("/feed.atom")]
            assert atom_rows and all(len(r.raw_text.split()) > 100 for r in atom_rows)
            assert all("page:html" in json.loads(r.provenance)["text"] for r in atom_rows)
            pages = [path for path, _ in site.requests if path.startswith("/page/")]
            assert len(pages) == len(set(pages)) == 20
            # Nothing new: conditional GETs answer 304 and nothing is stored twice.
            quiet = track(store, site.feed_urls, FAST)
            assert (quiet.added, quiet.not_modified) == (0, 3)
        finally:
            store.close()
    rows = _stored(db)
    assert _partition({str(r.id): r.story for r in rows}) == _one_shot(rows, tmp_path)


def _count(db: str) -> tuple[int, int, int, int]:
    store = open_store(db)
    try:
        with store.read() as conn:
            total = conn.execute(select(func.count()).select_from(articles)).scalar()
            pending = conn.execute(select(func.count()).where(articles.c.status == "pending")).scalar()
            bands = conn.execute(select(func.count()).select_from(article_bands)).scalar()
            in_stories = conn.execute(select(func.coalesce(func.sum(stories.c.articles), 0))).scalar()
        return total, pending, bands, in_stories
    finally:
        store.close()


def _track_cli(db: str, urls: list[str], timeout_s: int = 1) -> subprocess.Popen:
    command = [sys.executable, "-m", "newsbrief.cli", "track", *urls, "--db", db, "--allow-private"]
    command += ["--timeout", str(timeout_s), "--retries", "0"]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_kill_9_mid_round_loses_and_duplicates_nothing(db: str) -> None:
    with FeedServer() as site:
        site.round = 3
        site.delay["/feed.json"] = 30.0  # the run is stuck on this feed after storing the others
        # ... for the whole delay (a 1 s timeout gave up on it within a second: under load the
        # run could finish, clustering included, before the poll below saw the 40 articles)
        process = _track_cli(db, site.feed_urls, timeout_s=60)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if os.path.exists(db) or "postgresql" in db:
                try:
                    if _count(db)[0] >= 40:
                        break
                except Exception:  # the store is still being created
                    pass
            time.sleep(0.2)
        process.send_signal(signal.SIGKILL)
        process.wait()
        total, pending, _, _ = _count(db)
        assert total == 40 and pending == 40  # two feeds stored, nothing clustered yet
        site.delay.pop("/feed.json")
        finished = _track_cli(db, site.feed_urls)
        _, err = finished.communicate(timeout=120)
        assert finished.returncode == 0, err
    total, pending, bands, in_stories = _count(db)
    assert (total, pending, in_stories) == (60, 0, 60)
    rows = _stored(db)
    assert len({r.canonical_url for r in rows}) == 60 and len({r.content_hash for r in rows}) == 60
    assert bands == 60 * 16  # every text's LSH bands indexed once


def test_two_track_processes_on_one_postgresql_database(tmp_path: Path) -> None:
    server = _postgres_server()
    psycopg = pytest.importorskip("psycopg", reason="the 'postgres' extra (psycopg) is not installed")
    name = f"nb_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    db = server.rsplit("/", 1)[0] + f"/{name}"
    try:
        items = build_articles()
        first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
        _write_jsonl(first, items[:40])
        _write_jsonl(second, items[20:])  # 20 articles in both inputs
        runs = [
            subprocess.Popen(
                [sys.executable, "-m", "newsbrief.cli", "track", str(path), "--db", db, "-q"],
                stderr=subprocess.PIPE,
                text=True,
            )
            for path in (first, second, first)
        ]
        for run in runs:
            _, err = run.communicate(timeout=180)
            assert run.returncode == 0, err
        total, pending, bands, in_stories = _count(db)
        assert (total, pending, in_stories, bands) == (60, 0, 60, 60 * 16)
        rows = _stored(db)
        assert len({r.content_hash for r in rows}) == 60
        assert len(_partition({str(r.id): r.story for r in rows})) == 10
    finally:
        with psycopg.connect(server, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def test_commands_and_exports(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pd = pytest.importorskip("pandas", reason="the 'export' extra (pandas) is not installed")
    pytest.importorskip("pyarrow", reason="the 'export' extra (pyarrow) is not installed")
    import newsbrief

    example = ROOT / "examples" / "kerry-lavrov-2014"
    assert main(["track", str(example), "--db", db, "-q"]) == 0
    assert main(["stories", "--db", db, "--format", "json"]) == 0
    listing = json.loads(capsys.readouterr().out)
    assert list(listing) == ["stories"] and listing["stories"]
    for story in listing["stories"]:
        assert list(story) == ["id", "title", "articles", "outlets", "first_seen", "last_seen"]
        assert isinstance(story["articles"], int) and story["articles"] >= 1
    biggest = max(listing["stories"], key=lambda s: s["articles"])
    assert main(["story", biggest["id"], "--db", db, "--format", "json", "--since", "2000-01-01"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert [s["citation"] for s in shown["sources"]] == list(range(1, biggest["articles"] + 1))
    assert {s["id"] for s in shown["changes"]["new_sources"]} == {s["id"] for s in shown["sources"]}
    assert shown["brief"]["summary"]
    for table in ("articles", "stories", "quotes", "facts", "timeline", "conflicts"):
        for fmt in ("csv", "parquet", "jsonl"):
            out = tmp_path / f"{table}.{fmt}"
            assert main(["export", "--db", db, "--table", table, "--format", fmt, "-o", str(out)]) == 0
    articles_csv = pd.read_csv(tmp_path / "articles.csv")
    assert {"id", "story"} <= set(articles_csv.columns) and len(articles_csv) == 5
    articles_parquet = pd.read_parquet(tmp_path / "articles.parquet")
    assert articles_parquet["id"].tolist() == articles_csv["id"].tolist()
    quotes = newsbrief.export(db, "quotes")
    assert isinstance(quotes, pd.DataFrame) and len(quotes) > 0
    assert pd.read_parquet(tmp_path / "quotes.parquet").shape == quotes.shape
    assert set(quotes["source"]) <= set(articles_csv["id"])


def test_bad_usage_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "s.db")
    assert main(["story", "s999999", "--db", db]) == 2
    assert "no story 's999999'" in capsys.readouterr().err
    assert main(["track", str(tmp_path / "missing.xml"), "--db", db]) == 2
    assert "no such file" in capsys.readouterr().err
    assert main(["stories", "--db", str(tmp_path / "no" / "such" / "s.db")]) == 2
    assert main(["story", "s1", "--db", db, "--since", "yesterday"]) == 2
    assert "not an ISO date" in capsys.readouterr().err
    assert list_stories(open_store(db)) == []


def test_multinews_in_three_rounds(eval_data: Path, tmp_path: Path) -> None:
    """Story quality of the store on the 250 mixed Multi-News validation clusters fed in three
    rounds (bench/bench_store.py --quality prints the table)."""
    from cluster_eval import store_rounds, write_mixed_stream
    from newsbrief.cluster import bcubed

    stream = tmp_path / "stream.jsonl"
    write_mixed_stream(eval_data, 0, stream)
    gold, stored = store_rounds(stream, 3, str(tmp_path / "three.db"), tmp_path)
    # Measured 0.863 in wave 10 (0.868 in wave 3, before later cleaner changes; one-shot `cluster`:
    # 0.874); the 0.90 is not met (docs/follow.md).
    assert bcubed(stored, gold).f1 >= 0.85


def test_opml_and_url_list_sources(tmp_path: Path) -> None:
    with FeedServer() as site:
        opml = tmp_path / "feeds.opml"
        outlines = "".join(f'<outline text="f" type="rss" xmlUrl="{url}"/>' for url in site.feed_urls[:2])
        opml.write_text(f'<?xml version="1.0"?><opml version="2.0"><body>{outlines}</body></opml>', encoding="utf-8")
        urls = tmp_path / "urls.txt"
        urls.write_text(f"# article pages\n{site.base}/page/3.html\n{site.feed_urls[2]}\n", encoding="utf-8")
        store = open_store(str(tmp_path / "s.db"))
        try:
            report = track(store, [str(opml), str(urls)], FAST)
            assert report.warnings == [] and report.sources_read == 4
            # Round 1 has 20 articles over the three feeds; page 3 is one of them (stored once).
            assert (report.added, report.linked) == (20, 1)
        finally:
            store.close()


def test_second_every_loop_on_a_store_fails_at_once(db: str, tmp_path: Path) -> None:
    """`track --every` holds the store's follow lock: a second loop exits 2 with one line, a one-off
    `track` still runs, and the lock goes with the first loop (killed with SIGKILL)."""
    source = tmp_path / "articles.jsonl"
    _write_jsonl(source, build_articles()[:6])
    command = [sys.executable, "-m", "newsbrief.cli", "track", str(source), "--db", db, "-q"]
    first = subprocess.Popen([*command, "--every", "1h"], stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:  # until the loop's first run is done (it holds the lock)
            try:
                if _count(db)[3] == 6:
                    break
            except Exception:  # the store is still being created
                pass
            time.sleep(0.2)
        second = subprocess.run([*command, "--every", "1h"], capture_output=True, text=True, timeout=60)
        assert second.returncode == 2
        assert len(second.stderr.strip().splitlines()) == 1 and "another" in second.stderr
        once = subprocess.run(command, capture_output=True, text=True, timeout=60)
        assert once.returncode == 0, once.stderr
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait()
    # The kernel (SQLite's flock) or the server (PostgreSQL's session lock) released it.
    again = subprocess.Popen([*command, "--every", "1h"], stderr=subprocess.PIPE, text=True)
    try:
        with pytest.raises(subprocess.TimeoutExpired):
            again.wait(timeout=5)  # still looping: it took the lock
    finally:
        again.send_signal(signal.SIGKILL)
        again.wait()


def test_common_terms_pick_no_candidates(tmp_path: Path) -> None:
    """A word in more than QUERY_MAX_DOCUMENTS documents neither indexes a stored story nor picks
    candidates, so a batch loads only the stories of its distinctive terms."""
    from newsbrief.cluster.stories import QUERY_MAX_DOCUMENTS, StoryClusterer
    from newsbrief.store.schema import story_terms
    from newsbrief.textsim import stem

    common = "zorbex"  # an invented word, heavy in every article below

    def word(n: int) -> str:  # invented, unique per n: letters only
        return "qu" + "".join("bcdfghjklmnprstvz"[int(d)] for d in str(n))

    def text(n: int) -> str:
        return " ".join(f"The {common} council said {word(n * 100 + k)} met on Monday." for k in range(25))

    items = [{"id": f"a{n}", "text": text(n)} for n in range(QUERY_MAX_DOCUMENTS + 1)]
    path = tmp_path / "articles.jsonl"
    path.write_text("\n".join(json.dumps(item) for item in items) + "\n", encoding="utf-8")
    db = str(tmp_path / "store.db")
    store = open_store(db)
    try:
        track(store, [str(path)])
        with store.read() as conn:
            indexed = set(conn.execute(select(story_terms.c.term).distinct()).scalars())
    finally:
        store.close()
    assert stem(common) not in indexed and len(indexed) > 1000
    clusterer = StoryClusterer()
    clusterer.df.counts[stem(common)] = QUERY_MAX_DOCUMENTS + 1
    clusterer.df.counts["rare"] = QUERY_MAX_DOCUMENTS
    assert clusterer.query_terms({stem(common): 0.9, "rare": 0.1}) == ["rare"]


def _write_pages(path: Path, items: list, changed: dict[int, str] | None = None, extra: list | None = None) -> None:
    """Articles with URLs (one page each); ``changed`` replaces the text of some article numbers."""
    lines = [
        json.dumps(
            {
                "id": f"fx-{a.number}",
                "title": a.title,
                "text": (changed or {}).get(a.number, a.text),
                "published": a.published.isoformat(),
                "url": f"https://news.example/story/{a.number}",
            }
        )
        for a in items
    ]
    path.write_text("\n".join(lines + [json.dumps(e) for e in extra or []]) + "\n", encoding="utf-8")


UPDATE = ' "We will reopen the northern bridge on Friday," said the mayor, Olaf Brennick, late on Tuesday.'


def test_changed_page_is_a_new_version_listed_by_story_since(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A store made by schema version 1 is migrated; a changed text at a stored URL becomes the
    article's new version: the brief uses it, `story --since` lists it with what changed, and
    syndicated copies (of the new or the old text) are linked, not stored."""
    from newsbrief.store import schema
    from newsbrief.store.articles import canonical_url, content_hash
    from newsbrief.store.schema import article_links, article_versions, migrations_table

    items = build_articles()[:6]
    first = second = tmp_path / "pages.jsonl"  # the same source, read again later
    _write_pages(first, items)
    old_text = items[0].text
    url = f"https://news.example/story/{items[0].number}"
    with monkeypatch.context() as patch:  # a version-1 store holding one pending article
        patch.setattr(schema, "SCHEMA_VERSION", 1)
        store = open_store(db)
        with store.write() as conn:
            assert not store.engine.dialect.has_table(conn, "article_versions")
            conn.execute(
                articles.insert().values(
                    record_id=f"fx-{items[0].number}", canonical_url=canonical_url(url), url=url,
                    content_hash=content_hash(old_text), title=items[0].title, raw_text=old_text,
                    published=items[0].published.isoformat(), input_format="json", provenance="{}",
                    source=str(first), fetched_at=utc_now(), status="pending",
                )
            )  # fmt: skip
        store.close()
    assert main(["track", str(first), "--db", db]) == 0  # migrated to version 2, then tracked
    assert "5 new articles, 0 updated (1 already stored" in capsys.readouterr().err
    new_text = old_text + UPDATE
    copies = [  # another outlet's copy of the new text, and of the old text, under other URLs
        {"id": "copy-new", "text": new_text, "url": "https://other.example/a"},
        {"id": "copy-old", "text": old_text, "url": "https://other.example/b"},
    ]
    _write_pages(second, items, {items[0].number: new_text}, copies)
    since = utc_now()
    assert main(["track", str(second), "--db", db]) == 0
    assert "0 new articles, 1 updated (7 already stored" in capsys.readouterr().err
    assert main(["track", str(second), "--db", db]) == 0  # the same again: nothing new, no new version
    assert "0 new articles, 0 updated (8 already stored" in capsys.readouterr().err
    elsewhere = tmp_path / "elsewhere.jsonl"  # another source's (another extraction's) text of a stored URL
    _write_pages(elsewhere, items[1:2], {items[1].number: items[1].text + " Another extraction's footer."})
    assert main(["track", str(elsewhere), "--db", db]) == 0
    assert "0 new articles, 0 updated (1 already stored" in capsys.readouterr().err

    store = open_store(db)
    try:
        with store.read() as conn:
            assert max(conn.execute(select(migrations_table.c.version)).scalars()) == schema.SCHEMA_VERSION == 2
            rows = conn.execute(select(articles).order_by(articles.c.id)).all()
            versions = conn.execute(select(article_versions)).all()
            links = dict(conn.execute(select(article_links.c.url, article_links.c.article)).all())
    finally:
        store.close()
    updated = next(r for r in rows if r.record_id == f"fx-{items[0].number}")
    assert len(rows) == 6 and updated.raw_text == new_text
    assert [(v.article, v.version, v.raw_text) for v in versions] == [(updated.id, 1, old_text)]
    assert links == {"https://other.example/a": updated.id, "https://other.example/b": updated.id}

    assert main(["story", updated.story, "--db", db, "--format", "json", "--since", since]) == 0
    shown = json.loads(capsys.readouterr().out)
    changes = shown["changes"]
    assert changes["new_sources"] == []
    [entry] = changes["updated_sources"]
    assert (entry["id"], entry["version"], entry["removed"]) == (updated.id, 2, [])
    assert entry["added"] == [" ".join(UPDATE.split())]
    # The brief is made from the latest text: the new quote is in it, and listed as new.
    assert any("northern bridge" in q["text"] for q in shown["brief"]["analysis"]["quotes"])
    assert [q["source"] for q in changes["new_quotes"]] == [updated.id]
    assert all("northern bridge" in q["text"] for q in changes["new_quotes"])
    assert main(["story", updated.story, "--db", db, "--since", since]) == 0
    markdown = capsys.readouterr().out
    assert "Updated sources (1):" in markdown and "version 2" in markdown and "northern bridge" in markdown
    # Asked about a time before the update's round, the story lists no update.
    assert main(["story", updated.story, "--db", db, "--format", "json", "--since", utc_now()]) == 0
    assert json.loads(capsys.readouterr().out)["changes"]["updated_sources"] == []


def test_a_stub_page_that_gets_its_article_joins_a_story(db: str, tmp_path: Path) -> None:
    """An article stored without a story (too little text: a stub page) is clustered again when
    its page gets a real text, and joins its story."""
    items = build_articles()[:20]  # round 1: six stories, each told by several articles
    pages = tmp_path / "pages.jsonl"
    _write_pages(pages, items, {items[0].number: "Updating."})
    store = open_store(db)
    try:
        first = track(store, [str(pages)])
        assert (first.added, first.clustering.no_story) == (20, 1)
        _write_pages(pages, items)
        second = track(store, [str(pages)])
        assert (second.added, second.updated, second.clustering.clustered) == (0, 1, 1)
        assert (second.clustering.no_story, second.clustering.joined) == (0, 1)
    finally:
        store.close()
    rows = _stored(db)
    assert all(r.story is not None and r.status == "clustered" for r in rows)
    gold = {f"fx-{a.number}": a.story for a in items}
    assert _partition({r.record_id: r.story for r in rows}) == _partition({k: str(v) for k, v in gold.items()})
