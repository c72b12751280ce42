#!/usr/bin/env bash
# Starts and stops the four Entry services as fast-jars (built by `mvn package`), in the dev profile, against the
# stack chosen by ENTRY_STACK (see env.sh). Usage: services.sh start|stop|status|wait-ready
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

SERVICES="auth-service:$ENTRY_AUTH_PORT device-service:$ENTRY_DEVICE_PORT scan-service:$ENTRY_SCAN_PORT offline-ingest-service:$ENTRY_OFFLINE_PORT"
JVM_OPTS=${ENTRY_SERVICE_JVM_OPTS:-"-Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k"}
export ENTRY_JWT_SIGNING_KEY_LOCATION=${ENTRY_JWT_SIGNING_KEY_LOCATION:-$ENTRY_ROOT/deploy/demo/keys/signing-key.pem}
export ENTRY_JWKS_URL=${ENTRY_JWKS_URL:-http://127.0.0.1:$ENTRY_AUTH_PORT/.well-known/jwks.json}

start() {
  mkdir -p "$ENTRY_DATA/services"
  for entry in $SERVICES; do
    local name=${entry%%:*} port=${entry#*:} pidf="$ENTRY_DATA/services/${entry%%:*}.pid"
    local jar="$ENTRY_ROOT/$name/target/quarkus-app/quarkus-run.jar"
    if pid_alive "$pidf"; then log "$name already running on $port"; continue; fi
    port_open "$port" && die "port $port is taken by another process"
    [ -f "$jar" ] || die "$jar is missing: build first (mvn -B package -DskipTests)"
    # shellcheck disable=SC2086
    QUARKUS_PROFILE=${ENTRY_SERVICE_PROFILE:-dev} nohup java $JVM_OPTS -jar "$jar" >"$ENTRY_DATA/services/$name.log" 2>&1 &
    echo $! > "$pidf"
    log "$name starting on 127.0.0.1:$port (log: $ENTRY_DATA/services/$name.log)"
  done
}

wait_live() { # every service answers /q/health/live
  for entry in $SERVICES; do
    local name=${entry%%:*} port=${entry#*:} i=0
    until curl -fsS "http://127.0.0.1:$port/q/health/live" >/dev/null 2>&1; do
      i=$((i + 1))
      if [ $i -gt 240 ] || ! pid_alive "$ENTRY_DATA/services/$name.pid"; then
        tail -n 40 "$ENTRY_DATA/services/$name.log" >&2; die "$name did not start"
      fi
      sleep 0.5
    done
  done
  log "services live"
}

wait_ready() { # every service reports /q/health/ready UP
  for entry in $SERVICES; do
    local name=${entry%%:*} port=${entry#*:} i=0
    until curl -fsS "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1; do
      i=$((i + 1))
      if [ $i -gt 240 ]; then
        curl -sS "http://127.0.0.1:$port/q/health/ready" >&2 || true
        tail -n 40 "$ENTRY_DATA/services/$name.log" >&2; die "$name is not ready"
      fi
      sleep 0.5
    done
  done
  log "services ready"
}

stop() {
  for entry in $SERVICES; do stop_pid "$ENTRY_DATA/services/${entry%%:*}.pid" "${entry%%:*}"; done
}

status() {
  for entry in $SERVICES; do
    local name=${entry%%:*} port=${entry#*:}
    printf '%-24s %s\n' "$name" "$(curl -s "http://127.0.0.1:$port/q/health/ready" 2>/dev/null | tr -d '\n ' | head -c 200 || echo down)"
  done
}

case "${1:-}" in
  start) start; wait_live ;;
  stop) stop ;;
  status) status ;;
  wait-ready) wait_ready ;;
  *) die "usage: $0 start|stop|status|wait-ready" ;;
esac
