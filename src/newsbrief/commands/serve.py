"""``newsbrief serve``: the local web app (drop files, get the report) and its JSON API."""

from __future__ import annotations

import argparse
import ipaddress
import sys

from newsbrief.commands.arguments import add_db_argument, positive_float, positive_int
from newsbrief.errors import EXIT_OK, UsageError

HELP = "run the local web app and JSON API (needs the 'serve' extra)"
DESCRIPTION = """\
Start a small web app: open the printed address, drop article files or paste texts, and get
the same HTML report as `newsbrief brief --format html`. The JSON API is POST /api/brief,
described at /openapi.json. It listens on 127.0.0.1 (this computer only) unless --host says
otherwise. It answers only requests addressed to 127.0.0.1, localhost, [::1], the --host
address and the names given with --allow-host (others get 421: a web page that points its own
name at 127.0.0.1 cannot read the app), and refuses state-changing requests sent by another
site's page (403). See docs/report.md, "Security".

examples:
  newsbrief serve
  newsbrief serve --port 8080 --max-documents 20 --timeout 30
  curl -s localhost:8000/api/brief -H 'content-type: application/json' \\
       -d '{"documents": [{"title": "A", "text": "..."}, {"title": "B", "text": "..."}]}'

With --db PATH the app also shows a story store filled by 'newsbrief track': /stories lists
the stories (newest activity first) and /stories/ID shows a story's brief and its coverage
over time; the JSON is at /api/stories and /api/stories/ID. The app only reads the store.

examples with a store:
  newsbrief serve --db news.db        (then open http://127.0.0.1:8000/stories)

exit codes: 0 after a clean stop (Ctrl-C), 2 bad usage or missing 'serve' extra."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: local only)")
    parser.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    parser.add_argument(
        "--allow-host",
        action="append",
        default=[],
        metavar="NAME",
        help="also answer requests whose Host is NAME (e.g. the machine's name with --host 0.0.0.0); repeatable",
    )
    parser.add_argument(
        "--max-body-bytes", type=positive_int, default=10 * 1024 * 1024, help="largest request body (default 10 MiB)"
    )
    parser.add_argument(
        "--max-documents", type=positive_int, default=50, help="most documents per request (default 50)"
    )
    parser.add_argument("--timeout", type=positive_float, default=60.0, help="seconds per briefing (default 60)")
    parser.add_argument("--workers", type=positive_int, default=2, help="briefings running at once (default 2)")
    add_db_argument(parser, required=False)


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def run(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from newsbrief.serve import Limits, create_app
        from newsbrief.serve.guard import allowed_hosts
    except ImportError as exc:
        raise UsageError(f"the web app needs the 'serve' extra: pip install 'newsbrief[serve]' ({exc})") from None
    if not 0 < args.port < 65536:
        raise UsageError(f"--port {args.port} is not a valid port")
    if not _is_loopback(args.host):
        print(
            f"newsbrief: warning: listening on {args.host}: anyone who can reach this address can use the app",
            file=sys.stderr,
        )
    limits = Limits(
        max_body_bytes=args.max_body_bytes,
        max_documents=args.max_documents,
        timeout_s=args.timeout,
        max_workers=args.workers,
    )
    print(f"newsbrief: serving on http://{args.host}:{args.port}/ (Ctrl-C to stop)", file=sys.stderr)
    app = create_app(limits, allowed_hosts(args.host, args.allow_host))
    if args.db:
        from newsbrief.serve.stories import add_story_routes

        add_story_routes(app, args.db)
        print(f"newsbrief: stories of {args.db} at http://{args.host}:{args.port}/stories", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return EXIT_OK
