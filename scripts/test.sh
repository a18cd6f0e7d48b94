#!/usr/bin/env bash
# Run the whole test suite on a fresh clone: create .venv if needed, install the project with
# every extra and the test tools, install Debian's Chromium for the browser tests when it is
# missing and we may (root), then lint, type-check and test. Extra arguments go to pytest.
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

# --- PostgreSQL for the store tests (tests/test_store.py run on SQLite and on PostgreSQL) ---
# A throw-away cluster in a temporary folder, on 127.0.0.1 and a free port, stopped on exit.
# Its URL goes to the tests in NEWSBRIEF_TEST_POSTGRES; when it cannot start, the reason goes in
# NEWSBRIEF_TEST_POSTGRES_UNAVAILABLE and the PostgreSQL variants skip naming it.
start_test_postgres() {
  local bin
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing Debian's postgresql for the store tests" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) \
      || echo "could not install postgresql" >&2
  fi
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  if [ -z "$bin" ]; then
    export NEWSBRIEF_TEST_POSTGRES_UNAVAILABLE="Debian's postgresql package is not installed (initdb not found)"
    return
  fi
  PG_DIR=$(mktemp -d /tmp/newsbrief-pg.XXXXXX)
  local port run_as=()
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  if [ "$(id -u)" = 0 ]; then  # PostgreSQL refuses to run as root: run it as nobody
    chown nobody "$PG_DIR"
    run_as=(runuser -u nobody --)
  fi
  if "${run_as[@]}" "$bin/initdb" -D "$PG_DIR/data" -U newsbrief --auth=trust >"$PG_DIR/initdb.log" 2>&1 \
     && "${run_as[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
          -o "-c listen_addresses=127.0.0.1 -p $port -k $PG_DIR -c fsync=off" start >/dev/null 2>&1; then
    export NEWSBRIEF_TEST_POSTGRES="postgresql://newsbrief@127.0.0.1:$port/postgres"
    trap 'stop_test_postgres' EXIT
  else
    export NEWSBRIEF_TEST_POSTGRES_UNAVAILABLE="the throw-away PostgreSQL server did not start: $(tail -1 "$PG_DIR"/*.log 2>/dev/null | tr '\n' ' ')"
  fi
}
stop_test_postgres() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  if [ "$(id -u)" = 0 ]; then runuser -u nobody -- "$bin/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  else "$bin/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true; fi
  rm -rf "$PG_DIR"
}
if [ -z "${NEWSBRIEF_TEST_POSTGRES:-}" ]; then
  start_test_postgres
fi
# --- end of the PostgreSQL block ---

.venv/bin/ruff check src tests bench
.venv/bin/ruff format --check .  # code and the Python blocks of the Markdown docs
.venv/bin/mypy  # src/newsbrief, configured in pyproject.toml [tool.mypy] (strict flags on the core modules)
bash scripts/check-core-install.sh  # the core install alone (no extras) reads HTML, text and JSON
.venv/bin/python -m pytest "$@"
