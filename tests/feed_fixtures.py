"""Fixture feeds on a real HTTP server (127.0.0.1, a free port) for the store's scenario tests.

Ten synthetic stories (each its own made-up vocabulary plus common English filler, fixed seed)
are told by 60 articles over three rounds, spread over three feeds: an RSS 2.0 feed with full
text in ``content:encoded``, an Atom feed whose entries are teasers (the full text is on the
article page), and a JSON Feed. Round ``r`` shows the articles of rounds 1..r, newest first,
with an ETag (a conditional GET answers 304 when nothing changed). Four broken feeds: one that
answers too late (``/slow.xml``), one that returns 500, a gzip bomb and a redirect loop.
"""

from __future__ import annotations

import gzip
import hashlib
import html
import json
import random
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from functools import partial
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

FILLER = (
    "the a of and to in on for with at by from that this was were is are said says officials people "
    "report reports according told week day monday tuesday wednesday thursday friday morning evening "
    "after before during later earlier new first last several many more most other some local national "
    "city country region government group statement spokesman spokeswoman added also still yet however "
    "while when where which who whose whom because although since until over under between among"
).split()
SYLLABLES = "ka lo mi ne ru sa te vo zu pi ga bo fe di hu ja ko li mo nu".split()
STORIES = 10
ROUNDS = 3
PER_ROUND = 20
FEEDS = ("rss", "atom", "json")


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(3, 4)))


@dataclass(frozen=True, slots=True)
class FixtureArticle:
    number: int  # 1..60
    story: int  # the gold story, 0..9
    round: int  # 1..3
    feed: str
    title: str
    text: str
    published: datetime


def build_articles(seed: int = 13) -> list[FixtureArticle]:
    rng = random.Random(seed)
    vocab = [[_word(rng) for _ in range(25)] for _ in range(STORIES)]
    # Stories 0-5 start in round 1, 6-7 in round 2, 8-9 in round 3; older stories keep going.
    active = {1: list(range(6)), 2: list(range(8)), 3: list(range(10))}
    result = []
    for round_ in range(1, ROUNDS + 1):
        stories = active[round_]
        for i in range(PER_ROUND):
            story = stories[i % len(stories)]
            number = len(result) + 1
            words = [rng.choice(vocab[story]) if rng.random() < 0.45 else rng.choice(FILLER) for _ in range(140)]
            sentences = [" ".join(words[k : k + 14]).capitalize() + "." for k in range(0, len(words), 14)]
            title = " ".join(rng.sample(vocab[story], 4)).capitalize()
            published = datetime(2026, 11, 1, tzinfo=UTC) + timedelta(days=round_, minutes=number)
            result.append(
                FixtureArticle(number, story, round_, FEEDS[number % 3], title, " ".join(sentences), published)
            )
    return result


def _link(base: str, article: FixtureArticle) -> str:
    return f"{base}/page/{article.number}.html"


# The two XML dialects the fixture site serves: the document around the entries, and one entry.
XML_FEEDS = {
    "rss": (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Rss Daily</title>'
        "{entries}</channel></rss>",
        "<item><title>{title}</title><link>{link}</link><pubDate>{rfc822_date}</pubDate>"
        "<description>{first_80_chars}</description>"
        "<content:encoded><![CDATA[<p>{text}</p>]]></content:encoded></item>",
    ),
    "atom": (
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Times</title>{entries}</feed>',
        '<entry><title>{title}</title><link rel="alternate" href="{link}"/><id>urn:fixture:{number}</id>'
        "<published>{iso_date}</published><summary>{first_15_words}</summary></entry>",
    ),
}


def xml_feed(dialect: str, base: str, items: list[FixtureArticle]) -> str:
    document, entry = XML_FEEDS[dialect]
    entries = "".join(
        entry.format(
            title=html.escape(a.title),
            link=_link(base, a),
            number=a.number,
            rfc822_date=format_datetime(a.published),
            iso_date=a.published.isoformat(),
            first_80_chars=html.escape(a.text[:80]),
            first_15_words=html.escape(" ".join(a.text.split()[:15])),
            text=a.text,
        )
        for a in items
    )
    return document.format(entries=entries)


def json_feed(base: str, items: list[FixtureArticle]) -> str:
    return json.dumps(
        {
            "version": "https://jsonfeed.org/version/1.1",
            "title": "Json Post",
            "items": [
                {
                    "id": str(a.number),
                    "url": _link(base, a),
                    "title": a.title,
                    "content_html": f"<p>{a.text}</p>",
                    "date_published": a.published.isoformat(),
                }
                for a in items
            ],
        }
    )


def page(article: FixtureArticle) -> str:
    paragraphs = "".join(f"<p>{html.escape(s.strip())}.</p>" for s in article.text.split(".") if s.strip())
    return (
        f"<!doctype html><html><head><title>{html.escape(article.title)}</title></head><body>"
        f"<nav>Home | World | Sport</nav><article><h1>{html.escape(article.title)}</h1>{paragraphs}</article>"
        "<footer>Copyright Atom Times</footer></body></html>"
    )


class FeedServer:
    """The fixture site. Set ``round`` (1..3) to choose what the feeds show; ``delay`` maps a
    path to seconds to wait before answering (the slow feed, or a feed slowed to kill a run)."""

    BROKEN = ("/slow.xml", "/error.xml", "/bomb.xml", "/loop.xml")

    def __init__(self, slow_s: float = 3.0) -> None:
        self.articles = build_articles()
        self.round = 1
        self.delay: dict[str, float] = {"/slow.xml": slow_s}
        self.requests: list[tuple[str, str | None]] = []  # (path, user agent)
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:  # quiet
                pass

            def do_GET(self) -> None:
                server.requests.append((self.path, self.headers.get("User-Agent")))
                time.sleep(server.delay.get(self.path, 0.0))
                status, headers, body = server.answer(self.path, self.headers.get("If-None-Match"))
                try:
                    self.send_response(status)
                    for key, value in headers.items():
                        self.send_header(key, value)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self._bomb = gzip.compress(b"<rss>" + b" " * (64 * 1024 * 1024), compresslevel=9)

    def __enter__(self) -> FeedServer:
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    @property
    def feed_urls(self) -> list[str]:
        return [f"{self.base}/feed.rss", f"{self.base}/feed.atom", f"{self.base}/feed.json"]

    @property
    def broken_urls(self) -> list[str]:
        return [self.base + path for path in self.BROKEN]

    def shown(self, feed: str) -> list[FixtureArticle]:
        items = [a for a in self.articles if a.feed == feed and a.round <= self.round]
        return sorted(items, key=lambda a: a.published, reverse=True)

    def answer(self, path: str, etag: str | None) -> tuple[int, dict[str, str], bytes]:
        makers = {
            "/feed.rss": ("rss", partial(xml_feed, "rss")),
            "/feed.atom": ("atom", partial(xml_feed, "atom")),
            "/feed.json": ("json", json_feed),
        }
        if path in makers:
            feed, make = makers[path]
            body = make(self.base, self.shown(feed)).encode()
            tag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
            if etag == tag:
                return 304, {"ETag": tag}, b""
            return 200, {"Content-Type": "application/xml; charset=utf-8", "ETag": tag}, body
        if path.startswith("/page/"):
            number = int(path.removeprefix("/page/").removesuffix(".html"))
            return 200, {"Content-Type": "text/html; charset=utf-8"}, page(self.articles[number - 1]).encode()
        if path == "/robots.txt":
            return 200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow: /private/\n"
        if path == "/slow.xml":
            return 200, {"Content-Type": "application/xml"}, xml_feed("rss", self.base, []).encode()
        if path == "/error.xml":
            return 500, {"Content-Type": "text/plain"}, b"internal error"
        if path == "/bomb.xml":
            return 200, {"Content-Type": "application/xml", "Content-Encoding": "gzip"}, self._bomb
        if path in ("/loop.xml", "/loop2.xml"):
            return 302, {"Location": "/loop2.xml" if path == "/loop.xml" else "/loop.xml"}, b""
        return 404, {"Content-Type": "text/plain"}, b"not found"
