#!/usr/bin/env bash
# A high-availability Baomi on one machine, for trying and testing failover (issue 14, docs/deployment.md):
#   one etcd member (the DCS), two PostgreSQL 15 instances managed by Patroni with synchronous
#   replication, HAProxy sending database connections to whichever is primary (Patroni's REST check
#   GET /primary) and HTTP to two `baomi serve` nodes, everything on 127.0.0.1 in one directory.
#
#   scripts/ha-lab.sh up       install patroni/etcd-server/haproxy when absent (apt-get), start everything
#   scripts/ha-lab.sh status   who is primary, which processes run, the addresses
#   scripts/ha-lab.sh down     stop everything and remove the directory (nothing is left running)
#   scripts/ha-lab.sh start-node N   (re)start Baomi node N (1 or 2), e.g. after the failover test killed it
#
# Directory: $BAOMI_HA_DIR (default /tmp/baomi-ha-lab). As root, every daemon runs as the unprivileged
# user $BAOMI_HA_USER (default postgres: PostgreSQL refuses root). Addresses (127.0.0.1):
#   etcd 23790 (peer 23800) · PostgreSQL pg1 55461, pg2 55462 · Patroni REST 58008, 58009
#   HAProxy: primary PostgreSQL 55460, Baomi HTTP 58080, stats 58090 · Baomi nodes 58081, 58082
# scripts/ha-failover.ts drives the failover test against this lab.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
LAB=${BAOMI_HA_DIR:-/tmp/baomi-ha-lab}
RUNAS=${BAOMI_HA_USER:-postgres}
PGBIN=${BAOMI_HA_PGBIN:-$(ls -d /usr/lib/postgresql/15/bin 2>/dev/null || ls -d /usr/lib/postgresql/*/bin | tail -n 1)}
ETCD_PORT=23790 ETCD_PEER=23800 PG_FRONT=55460 HTTP_FRONT=58080 STATS=58090
PG_PORTS=(55461 55462) REST_PORTS=(58008 58009) NODE_PORTS=(58081 58082)

as_user() { if [ "$(id -u)" = 0 ]; then runuser -u "$RUNAS" -- "$@"; else "$@"; fi; }
log() { echo "ha-lab: $*" >&2; }
alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

install_packages() {
  local need=()
  command -v patroni >/dev/null || need+=(patroni)
  command -v etcd >/dev/null || need+=(etcd-server)
  command -v haproxy >/dev/null || need+=(haproxy)
  ls "$PGBIN/initdb" >/dev/null 2>&1 || need+=(postgresql)
  [ ${#need[@]} -eq 0 ] && return
  [ "$(id -u)" = 0 ] || { log "please install: ${need[*]} (apt-get, as root)"; exit 3; }
  log "installing ${need[*]} …"
  apt-get update -qq
  # policy-rc.d keeps Debian from starting the packaged services: the lab runs its own.
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  PGBIN=$(ls -d /usr/lib/postgresql/15/bin 2>/dev/null || ls -d /usr/lib/postgresql/*/bin | tail -n 1)
}

# Starts "$@" in the background as the lab user, output to $LAB/<name>.log, pid in $LAB/<name>.pid.
spawn() {
  local name=$1
  shift
  if [ "$(id -u)" = 0 ]; then
    setsid runuser -u "$RUNAS" -- "$@" >"$LAB/$name.log" 2>&1 < /dev/null &
  else
    setsid "$@" >"$LAB/$name.log" 2>&1 < /dev/null &
  fi
  echo $! >"$LAB/$name.pid"
}

wait_for() { # description, seconds, command…
  local what=$1 secs=$2
  shift 2
  for _ in $(seq 1 $((secs * 4))); do "$@" >/dev/null 2>&1 && return 0; sleep 0.25; done
  log "timed out waiting for $what"
  return 1
}

secret() { head -c 18 /dev/urandom | base64 | tr -d '/+=' ; }

patroni_yml() { # index (0|1)
  local i=$1
  local n=$((i + 1))
  cat <<EOF
scope: baomi
name: pg$n
restapi:
  listen: 127.0.0.1:${REST_PORTS[$i]}
  connect_address: 127.0.0.1:${REST_PORTS[$i]}
etcd3:
  hosts: 127.0.0.1:$ETCD_PORT
bootstrap:
  dcs:
    ttl: 12
    loop_wait: 2
    retry_timeout: 5
    maximum_lag_on_failover: 1048576
    # A commit is acknowledged only once the synchronous standby has it; only that standby may be
    # promoted, so a failover loses no acknowledged transaction.
    synchronous_mode: true
    # A crashed primary is not restarted in place: fail over at once (safe with synchronous_mode).
    primary_start_timeout: 0
    master_start_timeout: 0
    postgresql:
      use_pg_rewind: true
      use_slots: true
      parameters:
        wal_level: replica
        hot_standby: 'on'
        wal_log_hints: 'on'
        max_connections: 100
        max_wal_senders: 5
        max_replication_slots: 5
        wal_keep_size: 128MB
  initdb:
    - encoding: UTF8
    - locale: C.UTF-8
    - data-checksums
postgresql:
  listen: 127.0.0.1:${PG_PORTS[$i]}
  connect_address: 127.0.0.1:${PG_PORTS[$i]}
  data_dir: $LAB/pg$n/data
  bin_dir: $PGBIN
  pgpass: $LAB/pg$n/pgpass
  remove_data_directory_on_rewind_failure: true
  authentication:
    superuser:
      username: postgres
      password: $SUPER_PW
    replication:
      username: replicator
      password: $REPL_PW
  parameters:
    unix_socket_directories: $LAB/pg$n
  pg_hba:
    - local all all trust
    - host replication replicator 127.0.0.1/32 scram-sha-256
    - host all all 127.0.0.1/32 scram-sha-256
EOF
}

haproxy_cfg() {
  cat <<EOF
global
  maxconn 400
  pidfile $LAB/haproxy.pid
defaults
  timeout connect 2s
  timeout client 30m
  timeout server 30m
  timeout check 1s
# PostgreSQL: only the node whose Patroni answers 200 on GET /primary takes connections; when it is
# marked down, its sessions are cut so that the pools reconnect to the new primary at once.
listen postgres_primary
  mode tcp
  bind 127.0.0.1:$PG_FRONT
  option httpchk GET /primary
  http-check expect status 200
  default-server inter 1s fall 2 rise 2 on-marked-down shutdown-sessions
  server pg1 127.0.0.1:${PG_PORTS[0]} maxconn 100 check port ${REST_PORTS[0]}
  server pg2 127.0.0.1:${PG_PORTS[1]} maxconn 100 check port ${REST_PORTS[1]}
# Baomi: any node that is ready (database reachable, migrations current). A request is sent again
# to the other node only when its connection failed (never a request a node may have processed).
listen baomi_http
  mode http
  bind 127.0.0.1:$HTTP_FRONT
  option httpchk GET /api/ready
  option forwardfor
  option redispatch
  retries 2
  retry-on conn-failure
  errorfile 503 $LAB/503.http
  default-server inter 1s fall 2 rise 2
  server b1 127.0.0.1:${NODE_PORTS[0]} check
  server b2 127.0.0.1:${NODE_PORTS[1]} check
listen stats
  mode http
  bind 127.0.0.1:$STATS
  stats enable
  stats uri /
EOF
}

start_node() { # index
  local i=$1
  local n=$((i + 1))
  mkdir -p "$LAB/b$n"
  # Its settings in a file only the lab user reads (not on a command line, where ps shows them).
  cat >"$LAB/b$n/env" <<EOF
PATH=$PATH
HOME=$LAB/b$n
DATABASE_URL=postgres://baomi_app:$APP_PW@127.0.0.1:$PG_FRONT/baomi
BAOMI_MIGRATE_URL=postgres://baomi_owner:$OWNER_PW@127.0.0.1:$PG_FRONT/baomi
BAOMI_SECRET_KEY=$SECRET_KEY
BAOMI_DATA_DIR=$LAB/b$n
BAOMI_TRUST_PROXY=127.0.0.1
EOF
  chmod 600 "$LAB/b$n/env"
  [ "$(id -u)" = 0 ] && chown -R "$RUNAS" "$LAB/b$n"
  spawn "baomi$n" env -i bash -c "set -a; . '$LAB/b$n/env'; set +a; exec node '$ROOT/packages/server/bin/baomi.mjs' serve --port ${NODE_PORTS[$i]} --host 127.0.0.1"
}

up() {
  if alive "$LAB/etcd.pid"; then log "already up ($LAB); run: $0 down"; exit 1; fi
  install_packages
  rm -rf "$LAB"
  mkdir -p "$LAB"
  chmod 700 "$LAB"
  SUPER_PW=$(secret) REPL_PW=$(secret) APP_PW=$(secret) OWNER_PW=$(secret)
  SECRET_KEY=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
  # Both nodes share the second-factor key (a TOTP secret sealed by one node is read by the other).
  cat >"$LAB/env" <<EOF
SUPER_PW=$SUPER_PW
REPL_PW=$REPL_PW
APP_PW=$APP_PW
OWNER_PW=$OWNER_PW
SECRET_KEY=$SECRET_KEY
PG_FRONT=$PG_FRONT
HTTP_FRONT=$HTTP_FRONT
EOF
  chmod 600 "$LAB/env"
  printf 'HTTP/1.0 503 Service Unavailable\r\nContent-Type: application/json\r\nRetry-After: 2\r\nCache-Control: no-store\r\n\r\n{"error":{"code":"unavailable","zh":"服务暂不可用，请稍后重试","en":"The service is temporarily unavailable; please try again"}}\n' >"$LAB/503.http"
  for n in 1 2; do mkdir -p "$LAB/pg$n"; done
  for i in 0 1; do patroni_yml "$i" >"$LAB/pg$((i + 1))/patroni.yml"; done
  haproxy_cfg >"$LAB/haproxy.cfg"
  [ "$(id -u)" = 0 ] && chown -R "$RUNAS" "$LAB"

  log "etcd (one member) …"
  spawn etcd etcd --name lab --data-dir "$LAB/etcd" \
    --listen-client-urls "http://127.0.0.1:$ETCD_PORT" --advertise-client-urls "http://127.0.0.1:$ETCD_PORT" \
    --listen-peer-urls "http://127.0.0.1:$ETCD_PEER" --initial-advertise-peer-urls "http://127.0.0.1:$ETCD_PEER" \
    --initial-cluster "lab=http://127.0.0.1:$ETCD_PEER" --initial-cluster-state new
  wait_for etcd 20 curl -sf "http://127.0.0.1:$ETCD_PORT/health"

  log "Patroni pg1 (bootstraps the primary) …"
  spawn patroni1 patroni "$LAB/pg1/patroni.yml"
  wait_for "pg1 primary" 60 curl -sf "http://127.0.0.1:${REST_PORTS[0]}/primary"
  log "Patroni pg2 (a copy of pg1, the synchronous standby) …"
  spawn patroni2 patroni "$LAB/pg2/patroni.yml"
  wait_for "pg2 replica" 90 curl -sf "http://127.0.0.1:${REST_PORTS[1]}/replica"
  wait_for "pg2 synchronous" 60 curl -sf "http://127.0.0.1:${REST_PORTS[1]}/sync"

  log "HAProxy …"
  as_user haproxy -c -q -f "$LAB/haproxy.cfg"
  spawn haproxy haproxy -f "$LAB/haproxy.cfg" -db
  wait_for "HAProxy → primary" 20 as_user "$PGBIN/pg_isready" -h 127.0.0.1 -p "$PG_FRONT"

  log "roles and database (owner for migrations, least-privileged runtime role) …"
  as_user "$PGBIN/psql" -q -v ON_ERROR_STOP=1 -h "$LAB/pg1" -p "${PG_PORTS[0]}" -U postgres -d postgres <<EOF
CREATE ROLE baomi_owner LOGIN PASSWORD '$OWNER_PW';
CREATE ROLE baomi_app LOGIN PASSWORD '$APP_PW';
CREATE DATABASE baomi OWNER baomi_owner;
EOF

  log "Baomi node 1 (migrates, creates the three administrators) …"
  start_node 0
  wait_for "Baomi node 1" 120 curl -sf "http://127.0.0.1:${NODE_PORTS[0]}/api/ready"
  log "Baomi node 2 …"
  start_node 1
  wait_for "Baomi node 2" 120 curl -sf "http://127.0.0.1:${NODE_PORTS[1]}/api/ready"
  wait_for "HAProxy → Baomi" 20 curl -sf "http://127.0.0.1:$HTTP_FRONT/api/ready"
  grep -A6 '三员账号' "$LAB/baomi1.log" >"$LAB/bootstrap.txt" || true
  chmod 600 "$LAB/bootstrap.txt"
  status
}

status() {
  [ -d "$LAB" ] || { echo "ha-lab: not up ($LAB does not exist)"; return 0; }
  echo "directory: $LAB"
  for p in etcd patroni1 patroni2 haproxy baomi1 baomi2; do
    if alive "$LAB/$p.pid"; then printf '  %-9s running (pid %s)\n' "$p" "$(cat "$LAB/$p.pid")"
    else printf '  %-9s stopped\n' "$p"; fi
  done
  for i in 0 1; do
    local role
    role=$(curl -s --max-time 2 "http://127.0.0.1:${REST_PORTS[$i]}/patroni" | sed -n 's/.*"role": *"\([a-z_]*\)".*/\1/p')
    printf '  pg%s       127.0.0.1:%s  %s\n' $((i + 1)) "${PG_PORTS[$i]}" "${role:-down}"
  done
  echo "  PostgreSQL (primary, via HAProxy): 127.0.0.1:$PG_FRONT"
  echo "  Baomi (via HAProxy): http://127.0.0.1:$HTTP_FRONT  nodes: ${NODE_PORTS[*]}"
  [ -s "$LAB/bootstrap.txt" ] && echo "  first-start administrator passwords: $LAB/bootstrap.txt"
  return 0
}

stop_pid() { # name, signal
  local f="$LAB/$1.pid"
  alive "$f" || return 0
  # Each was started with setsid: signal its whole process group (runuser and the daemon under it).
  kill -"${2:-TERM}" -- -"$(cat "$f")" 2>/dev/null || kill -"${2:-TERM}" "$(cat "$f")" 2>/dev/null || true
  for _ in $(seq 1 60); do alive "$f" || return 0; sleep 0.25; done
  kill -KILL -- -"$(cat "$f")" 2>/dev/null || true
}

down() {
  [ -d "$LAB" ] || { log "nothing to stop"; return 0; }
  for p in baomi1 baomi2 haproxy patroni2 patroni1 etcd; do stop_pid "$p"; done
  # A postmaster whose Patroni was killed outright: stop it by its data directory.
  for n in 1 2; do
    if [ -f "$LAB/pg$n/data/postmaster.pid" ]; then
      as_user "$PGBIN/pg_ctl" -D "$LAB/pg$n/data" -m immediate stop >/dev/null 2>&1 || true
    fi
  done
  rm -rf "$LAB"
  log "down; nothing left running"
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  start-node)
    n=${2:?usage: $0 start-node 1|2}
    set -a; . "$LAB/env"; set +a
    stop_pid "baomi$n"
    start_node $((n - 1))
    wait_for "Baomi node $n" 120 curl -sf "http://127.0.0.1:${NODE_PORTS[$((n - 1))]}/api/ready"
    log "Baomi node $n serving"
    ;;
  *) echo "usage: $0 up|down|status|start-node N" >&2; exit 2 ;;
esac
