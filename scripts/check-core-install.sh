#!/usr/bin/env bash
# The core install alone (`pip install -e .`, no extras) must brief an HTML page, a text file and
# a JSON record (issue 9: an extra used to pull in lxml_html_clean by chance). Runs in its own
# venv, .venv-core, created once and reused; pip runs again only when pyproject.toml changes.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=.venv-core
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
fi
stamp=$(sha256sum pyproject.toml | cut -d' ' -f1)
if [ "$(cat "$VENV/.pyproject.sha256" 2>/dev/null)" != "$stamp" ]; then
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -e .
  echo "$stamp" > "$VENV/.pyproject.sha256"
fi
core=tests/fixtures/ingest/core
for input in "$core/page.html" "$core/story.txt" "$core/record.json"; do
  if ! out=$("$VENV/bin/newsbrief" brief "$input" --no-analysis 2>&1); then
    echo "core install: 'newsbrief brief $input' failed:" >&2
    echo "$out" >&2
    exit 1
  fi
done
echo "core install (no extras) briefs HTML, text and JSON: ok"
