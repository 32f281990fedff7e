#!/usr/bin/env bash
# Starts (or stops) a private, throw-away PostgreSQL cluster for tests, on loopback only.
#   scripts/pg-private.sh start [PORT]   → prints the connection URL on its last line
#   scripts/pg-private.sh stop DIR
# fsync is off (fast, fine for tests); BAOMI_PG_FSYNC=on starts a durable cluster (fsync on, as
# PostgreSQL ships) for the bench: BAOMI_PG_FSYNC=on scripts/pg-private.sh start 54330
# PostgreSQL refuses to run as root, so as root the cluster is owned and run by 'postgres'.
set -euo pipefail
cmd=${1:-start}
find_bin() {
  for d in /usr/lib/postgresql/*/bin; do [ -x "$d/$1" ] && { echo "$d/$1"; return; }; done
  command -v "$1" || true
}
INITDB=$(find_bin initdb); PGCTL=$(find_bin pg_ctl)
[ -n "$INITDB" ] && [ -n "$PGCTL" ] || { echo "pg-private: initdb/pg_ctl not found (apt-get install postgresql)" >&2; exit 3; }
as_owner() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
fsync=off
[ "${BAOMI_PG_FSYNC:-off}" = on ] && fsync=on
case "$cmd" in
  start)
    port=${2:-54329}
    dir=$(mktemp -d /tmp/baomi-pg.XXXXXX)
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    as_owner "'$INITDB' -D '$dir/data' -A trust -U postgres -E UTF8 --locale=C.UTF-8 >'$dir/initdb.log' 2>&1" \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    as_owner "'$PGCTL' -D '$dir/data' -l '$dir/server.log' -w -o \"-p $port -k '$dir' -c listen_addresses=127.0.0.1 -c fsync=$fsync -c max_connections=200\" start >/dev/null" \
      || { cat "$dir/server.log" >&2; exit 1; }
    echo "$dir"
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    dir=${2:?usage: pg-private.sh stop DIR}
    as_owner "'$PGCTL' -D '$dir/data' -m fast stop >/dev/null" || true
    rm -rf "$dir"
    ;;
  *) echo "usage: pg-private.sh start [PORT] | stop DIR" >&2; exit 2 ;;
esac
