#!/usr/bin/env bash
# Start a throwaway PostgreSQL server (Debian's postgresql package) on loopback for the test
# suite, and print its URL. Stop it with: pg_ctl -D "$DIR/data" stop
set -euo pipefail
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$PGBIN" ]; then
  echo "PostgreSQL is not installed: apt-get install -y postgresql" >&2
  exit 1
fi
DIR=${CONFLICTWIRE_PG_DIR:-/tmp/conflictwire-pg}
PORT=${CONFLICTWIRE_PG_PORT:-54329}
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ -f "$DIR/data/postmaster.pid" ]; then as_owner "$PGBIN/pg_ctl" -D "$DIR/data" -m fast stop >/dev/null 2>&1 || true; fi
rm -rf "$DIR"
mkdir -p "$DIR"
if [ "$(id -u)" = 0 ]; then chown postgres "$DIR"; fi
as_owner "$PGBIN/initdb" -D "$DIR/data" -A trust -U postgres >/dev/null
as_owner "$PGBIN/pg_ctl" -D "$DIR/data" -o "-p $PORT -k $DIR -h 127.0.0.1" -l "$DIR/server.log" -w start >/dev/null
"$PGBIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres conflictwire_test
echo "postgresql://postgres@127.0.0.1:$PORT/conflictwire_test"
