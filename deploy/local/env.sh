# Shared settings of the local stack. Source it; every value can be overridden from the environment.
# ENTRY_STACK=dev (the run command) or test (the test command): the test stack has its own ports and data,
# so running the tests never touches a running dev stack.
ENTRY_ROOT=${ENTRY_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
ENTRY_STACK=${ENTRY_STACK:-dev}
if [ "$ENTRY_STACK" = test ]; then
  : "${ENTRY_PG_PORT:=15432}" "${ENTRY_KAFKA_PORT:=19092}" "${ENTRY_KAFKA_CONTROLLER_PORT:=19093}"
  : "${ENTRY_S3_PORT:=19000}" "${ENTRY_GATEWAY_PORT:=18080}"
  : "${ENTRY_AUTH_PORT:=18081}" "${ENTRY_DEVICE_PORT:=18082}" "${ENTRY_SCAN_PORT:=18083}" "${ENTRY_OFFLINE_PORT:=18084}"
else
  : "${ENTRY_PG_PORT:=5432}" "${ENTRY_KAFKA_PORT:=9092}" "${ENTRY_KAFKA_CONTROLLER_PORT:=9093}"
  : "${ENTRY_S3_PORT:=9000}" "${ENTRY_GATEWAY_PORT:=8080}"
  : "${ENTRY_AUTH_PORT:=8081}" "${ENTRY_DEVICE_PORT:=8082}" "${ENTRY_SCAN_PORT:=8083}" "${ENTRY_OFFLINE_PORT:=8084}"
fi
: "${ENTRY_DATA:=$ENTRY_ROOT/.local/$ENTRY_STACK}"
: "${ENTRY_TOOLS:=$ENTRY_ROOT/.local/tools}"
: "${ENTRY_PG_USER:=entry}" "${ENTRY_PG_PASSWORD:=entry}"
: "${ENTRY_S3_ACCESS_KEY:=entry-local}" "${ENTRY_S3_SECRET_KEY:=entry-local-secret}"
: "${ENTRY_S3_BUCKET:=entry-offline-scans}"
ENTRY_DATABASES="auth device scan offline_ingest"
export ENTRY_ROOT ENTRY_STACK ENTRY_DATA ENTRY_TOOLS ENTRY_PG_PORT ENTRY_KAFKA_PORT ENTRY_KAFKA_CONTROLLER_PORT \
  ENTRY_S3_PORT ENTRY_GATEWAY_PORT ENTRY_AUTH_PORT ENTRY_DEVICE_PORT ENTRY_SCAN_PORT ENTRY_OFFLINE_PORT \
  ENTRY_PG_USER ENTRY_PG_PASSWORD ENTRY_S3_ACCESS_KEY ENTRY_S3_SECRET_KEY ENTRY_S3_BUCKET

# Topics of CONTRACT §7: name partitions compacted?
ENTRY_TOPICS="entry.scan-events.v1:12:no
entry.scan-events.v1.dlq:1:no
entry.scan-reconciliations.v1:12:no
entry.device-sessions.v1:3:no
entry.device-telemetry.v1:3:no
entry.api-clients.v1:1:yes
entry.catalog.venues.v1:3:yes
entry.catalog.events.v1:3:yes
entry.catalog.layouts.v1:3:yes
entry.catalog.tickets.v1:12:yes"

log() { printf '[entry %s] %s\n' "$ENTRY_STACK" "$*"; }
die() { printf '[entry %s] ERROR: %s\n' "$ENTRY_STACK" "$*" >&2; exit 1; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_port() { # port seconds name
  local i=0
  while ! port_open "$1"; do
    i=$((i + 1)); [ "$i" -gt $(( $2 * 4 )) ] && return 1; sleep 0.25
  done
}

pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

stop_pid() { # pidfile name
  if pid_alive "$1"; then
    local pid; pid=$(cat "$1"); kill "$pid" 2>/dev/null
    for _ in $(seq 1 80); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$pid" 2>/dev/null || true
    log "stopped $2"
  fi
  rm -f "$1"
}
