"""``newsbrief story ID --db PATH [--since TIME]``: one stored story's brief, or what changed."""

from __future__ import annotations

import argparse
import json
from contextlib import closing
from typing import Any

from newsbrief.commands.arguments import add_brief_arguments, add_db_argument, write_output
from newsbrief.errors import EXIT_OK
from newsbrief.render import render
from newsbrief.settings import Options
from newsbrief.store import open_store, parse_since, story_view
from newsbrief.store.queries import view_to_dict

HELP = "one stored story: its brief, and with --since what changed"
DESCRIPTION = """\
Brief one story of the store from all its articles (each article's latest text). With --since,
also list what changed after that time: new sources (store id, title, outlet), updated sources
(stored articles whose page text changed: the version, the sentences added and removed), new
key facts, new quotes, new conflicts, and earlier statements that later reports contradict
(superseded).

JSON output: {"story": {id, title, articles, outlets, first_seen, last_seen},
"sources": [{citation, id, record_id, title, outlet, url, published, fetched_at, joined_at}],
"brief": <the 'brief --format json' object; its source numbers are the citations>,
"changes": {since, new_sources, updated_sources, new_facts, new_quotes, new_conflicts, superseded}
(with --since; an updated source is a source entry plus version, updated_at, added, removed)}.

examples:
  newsbrief story s000012 --db news.db
  newsbrief story s000012 --db news.db --since 2026-12-01T08:00Z --format json
  newsbrief story s000012 --db news.db --format html -o story.html

exit codes: 0 success, 2 bad usage, unknown story or no usable article, 1 internal error."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("story", metavar="ID", help="a story id from 'newsbrief stories'")
    add_db_argument(parser)
    parser.add_argument("--since", metavar="ISO-TIME", help="also show what changed after this time (UTC if no zone)")
    parser.add_argument(
        "--format", "-f", choices=("markdown", "json", "html"), default="markdown", help="default markdown"
    )
    parser.add_argument("--output", "-o", metavar="FILE", help="write to FILE (atomically) instead of stdout")
    add_brief_arguments(parser)


def changes_markdown(changes: dict[str, Any]) -> str:
    lines = [f"## Since {changes['since']}", ""]
    sources = changes["new_sources"]
    lines.append(f"New sources ({len(sources)}):" if sources else "No new sources.")
    lines += [
        f"- [{s['citation']}] {s['title'] or '(untitled)'} — {s['outlet'] or 'unknown outlet'} (id {s['id']})"
        for s in sources
    ]
    updated = changes["updated_sources"]
    if updated:
        lines += ["", f"Updated sources ({len(updated)}):"]
        for s in updated:
            lines.append(
                f"- [{s['citation']}] {s['title'] or '(untitled)'} — {s['outlet'] or 'unknown outlet'} "
                f"(id {s['id']}, version {s['version']}, {s['updated_at']}): "
                f"{len(s['added'])} sentences added, {len(s['removed'])} removed"
            )
            lines += [f"  + {sentence}" for sentence in s["added"]] + [f"  − {sentence}" for sentence in s["removed"]]
    for key, label in (("new_facts", "New key facts"), ("new_quotes", "New quotes")):
        if changes[key]:
            lines += ["", f"{label}:"] + [f"- {item['text']}" for item in changes[key]]
    if changes["new_conflicts"]:
        lines += ["", "New conflicts:"]
        lines += [
            f"- {c['topic']}: " + " vs ".join(side["value"] for side in c["sides"]) for c in changes["new_conflicts"]
        ]
    if changes["superseded"]:
        lines += ["", "Superseded by later reports:"]
        lines += [f"- {s['earlier']['text']} (id {s['earlier']['source']})" for s in changes["superseded"]]
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace) -> int:
    options = Options(
        words=args.words, sentences=args.sentences, summarizer=args.summarizer, analyse=not args.no_analysis
    )
    since = parse_since(args.since) if args.since else None
    with closing(open_store(args.db)) as store:
        view = story_view(store, args.story, options, since)
    if args.format == "json":
        text = json.dumps(view_to_dict(view), ensure_ascii=False, indent=2) + "\n"
    else:
        text = render(view.brief, args.format)
        if view.changes is not None and args.format == "markdown":
            text += "\n" + changes_markdown(view.changes)
    write_output(text, args.output)
    return EXIT_OK
