#!/usr/bin/env bash
# Run the whole test suite on a fresh clone: create .venv if needed, install the project with
# every extra and the test tools, install Debian's Chromium for the browser tests when it is
# missing and we may (root), then lint and test. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
# torch (pulled in by nothing by default) is never installed here; see README "Dependencies".
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[all,test]'

if ! command -v chromium >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing Debian's chromium for the browser tests" >&2
  (apt-get update -qq && apt-get install -y -qq chromium >/dev/null) || echo "could not install chromium; browser tests will skip" >&2
fi

.venv/bin/ruff check src tests bench
bash scripts/check-core-install.sh  # the core install alone (no extras) reads HTML, text and JSON
.venv/bin/python -m pytest "$@"
