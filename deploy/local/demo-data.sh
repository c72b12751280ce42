#!/usr/bin/env bash
# Loads the demo data set (deploy/demo, CONTRACT §9) into a running stack through the same admin routes a real
# deployment uses: the catalog into device-service, the tickets into scan-service (which publishes them on
# entry.catalog.tickets.v1). Dates are placed on today's venue-local date; loading again the same day changes nothing.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

ADMIN_SECRET=${ENTRY_ADMIN_SECRET:-entry-admin-local}
DEMO_JAR=$(ls "$ENTRY_ROOT"/test-support/target/test-support-*.jar 2>/dev/null | grep -v -e sources -e tests | head -n 1)
[ -n "$DEMO_JAR" ] || die "test-support is not built (mvn -B install -DskipTests)"
demo() { java -XX:TieredStopAtLevel=1 -jar "$DEMO_JAR" "$@"; }

post() { # url content-type file
  local code
  code=$(curl -sS -o "$ENTRY_DATA/demo-load.out" -w '%{http_code}' -X POST "$1" \
    -H "Authorization: Bearer $ADMIN_SECRET" -H "Content-Type: $2" --data-binary "@$3")
  [ "$code" -ge 200 ] && [ "$code" -lt 300 ] || { cat "$ENTRY_DATA/demo-load.out" >&2; die "POST $1 answered $code"; }
}

mkdir -p "$ENTRY_DATA"
demo catalog-json > "$ENTRY_DATA/demo-catalog.json"
post "http://127.0.0.1:$ENTRY_DEVICE_PORT/admin/v1/catalog" application/json "$ENTRY_DATA/demo-catalog.json"
log "demo catalog imported (device-service)"
demo tickets-ndjson > "$ENTRY_DATA/demo-tickets.ndjson"
post "http://127.0.0.1:$ENTRY_SCAN_PORT/admin/v1/tickets" application/x-ndjson "$ENTRY_DATA/demo-tickets.ndjson"
log "demo tickets loaded: $(wc -l < "$ENTRY_DATA/demo-tickets.ndjson") (scan-service)"
