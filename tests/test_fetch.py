"""The fetcher's limits, against the fixture site on 127.0.0.1."""

from __future__ import annotations

import pytest

from feed_fixtures import FeedServer
from newsbrief.fetch import USER_AGENT, Fetcher, FetchError, FetchPolicy

FAST = FetchPolicy(timeout_s=0.5, retries=1, backoff_s=0.05, allow_private=True, max_bytes=1024 * 1024)


@pytest.fixture(scope="module")
def site():
    with FeedServer(slow_s=2.0) as server:
        yield server


def test_private_addresses_are_refused_by_default(site: FeedServer) -> None:
    with pytest.raises(FetchError, match=r"non-public address \(127\.0\.0\.1\)"):
        Fetcher().get(site.feed_urls[0])


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/feed.xml", "gopher://x/"])
def test_only_http_and_https(url: str) -> None:
    with pytest.raises(FetchError, match="only http and https"):
        Fetcher(FAST).get(url)


def test_feed_fetch_and_conditional_get(site: FeedServer) -> None:
    fetcher = Fetcher(FAST)
    first = fetcher.get(site.feed_urls[0])
    assert first.status == 200 and b"<rss" in first.body and first.etag
    again = fetcher.get(site.feed_urls[0], etag=first.etag)
    assert again.not_modified and again.body == b""


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/slow.xml", r"timed out after 0.5 s \(tried 2 times\)"),
        ("/error.xml", r"HTTP 500 .*\(tried 2 times\)"),
        ("/bomb.xml", "once decompressed"),
        ("/loop.xml", "more than 5 redirects"),
        ("/private/page.html", "robots.txt"),
    ],
)
def test_broken_sources_fail_with_one_clear_reason(site: FeedServer, path: str, message: str) -> None:
    with pytest.raises(FetchError, match=message) as caught:
        Fetcher(FAST).get(site.base + path)
    assert str(caught.value).startswith(site.base + path)


def test_raw_size_cap(site: FeedServer) -> None:
    with pytest.raises(FetchError, match="larger than 100 bytes"):
        Fetcher(FetchPolicy(allow_private=True, max_bytes=100)).get(site.feed_urls[0])


def test_user_agent_names_newsbrief_and_robots_txt_is_read(site: FeedServer) -> None:
    Fetcher(FAST).get(site.feed_urls[1])
    assert USER_AGENT.startswith("newsbrief/")
    assert {agent for _, agent in site.requests} == {USER_AGENT}
    assert "/robots.txt" in {path for path, _ in site.requests}
