#!/usr/bin/env bash
# Starts and stops the real servers of the local stack: PostgreSQL, Kafka (KRaft), S3Proxy and the nginx gateway.
# Usage: infra.sh install|start|stop|status [component...]   components: postgres kafka s3 gateway (default: all)
# ENTRY_STACK=dev|test chooses the ports and the data folder (see env.sh). Idempotent: start twice is harmless.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

JAVA_SMALL="-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k"

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

apt_install() { # packages...
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing ${missing[*]} (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null || true
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  # Debian's postinst may start its own cluster on 5432; ours runs from our data folder.
  if command -v pg_lsclusters >/dev/null; then
    pg_lsclusters -h 2>/dev/null | awk '$4=="online"{print $1, $2}' | while read -r v c; do pg_ctlcluster "$v" "$c" stop || true; done
  fi
}

install() {
  apt_install postgresql nginx-light kcat jq curl
  if [ ! -f "$ENTRY_TOOLS/s3proxy/s3proxy.jar" ] || [ ! -d "$ENTRY_TOOLS/kafka/lib" ]; then
    log "fetching Kafka and S3Proxy from Maven Central"
    mvn -B -q -f "$ENTRY_ROOT/deploy/local/tools-pom.xml" package -Dtools.dir="$ENTRY_TOOLS"
  fi
}

# ---------------------------------------------------------------- PostgreSQL
start_postgres() {
  local dir="$ENTRY_DATA/pg" bin; bin=$(pg_bin)
  [ -n "$bin" ] || die "PostgreSQL is not installed (run: $0 install)"
  if port_open "$ENTRY_PG_PORT"; then
    pid_alive "$dir/data/postmaster.pid" 2>/dev/null || [ -f "$dir/data/postmaster.pid" ] || die "port $ENTRY_PG_PORT is taken by another PostgreSQL"
    log "postgres already running on $ENTRY_PG_PORT"
  else
    mkdir -p "$dir"; chown postgres:postgres "$dir"
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      printf '%s\n' "$ENTRY_PG_PASSWORD" > "$dir/pwfile"; chown postgres "$dir/pwfile"
      runuser -u postgres -- "$bin/initdb" -D "$dir/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
        --pwfile="$dir/pwfile" -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log"; die "initdb failed"; }
      rm -f "$dir/pwfile"
    fi
    runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 \
      -o "-p $ENTRY_PG_PORT -k $dir -c listen_addresses=127.0.0.1 -c max_connections=300 -c shared_buffers=256MB -c fsync=on" \
      start >/dev/null
    log "postgres started on 127.0.0.1:$ENTRY_PG_PORT"
  fi
  local psql=(runuser -u postgres -- "$bin/psql" -h "$dir" -p "$ENTRY_PG_PORT" -U postgres -d postgres -qtAX -v ON_ERROR_STOP=1)
  "${psql[@]}" -c "DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$ENTRY_PG_USER') THEN
      CREATE ROLE \"$ENTRY_PG_USER\" LOGIN PASSWORD '$ENTRY_PG_PASSWORD'; END IF; END \$\$;" >/dev/null
  for db in $ENTRY_DATABASES ${ENTRY_EXTRA_DATABASES:-}; do
    echo "SELECT 'CREATE DATABASE \"$db\" OWNER \"$ENTRY_PG_USER\"' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$db')\\gexec" \
      | "${psql[@]}" >/dev/null
  done
}

stop_postgres() {
  local dir="$ENTRY_DATA/pg" bin; bin=$(pg_bin)
  if [ -n "$bin" ] && [ -f "$dir/data/postmaster.pid" ]; then
    runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    log "stopped postgres"
  fi
}

# ---------------------------------------------------------------- Kafka (KRaft, broker + controller in one JVM)
start_kafka() {
  local dir="$ENTRY_DATA/kafka"
  [ -d "$ENTRY_TOOLS/kafka/lib" ] || die "Kafka is not installed (run: $0 install)"
  mkdir -p "$dir"
  if pid_alive "$dir/kafka.pid"; then
    log "kafka already running on $ENTRY_KAFKA_PORT"
  else
    port_open "$ENTRY_KAFKA_PORT" && die "port $ENTRY_KAFKA_PORT is taken by another process"
    cat > "$dir/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$ENTRY_KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$ENTRY_KAFKA_PORT,CONTROLLER://127.0.0.1:$ENTRY_KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$ENTRY_KAFKA_PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$dir/data
num.partitions=3
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
log.cleaner.min.compaction.lag.ms=0
PROPS
    if [ ! -f "$dir/data/meta.properties" ]; then
      local id; id=$(java -cp "$ENTRY_TOOLS/kafka/lib/*" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1)
      java -cp "$ENTRY_TOOLS/kafka/lib/*" kafka.tools.StorageTool format -t "$id" -c "$dir/server.properties" >"$dir/format.log" 2>&1 \
        || { cat "$dir/format.log"; die "kafka storage format failed"; }
    fi
    nohup java -Xmx384m $JAVA_SMALL -cp "$ENTRY_TOOLS/kafka/lib/*" kafka.Kafka "$dir/server.properties" >"$dir/kafka.log" 2>&1 &
    echo $! > "$dir/kafka.pid"
    wait_port "$ENTRY_KAFKA_PORT" 60 || { tail -n 30 "$dir/kafka.log"; die "kafka did not start"; }
    log "kafka started on 127.0.0.1:$ENTRY_KAFKA_PORT"
  fi
  # shellcheck disable=SC2086
  java $JAVA_SMALL -cp "$ENTRY_TOOLS/kafka/lib/*" "$ENTRY_ROOT/deploy/local/CreateTopics.java" "127.0.0.1:$ENTRY_KAFKA_PORT" \
    $(echo "$ENTRY_TOPICS" | tr '\n' ' ') 2>>"$dir/topics.log" | sed "s/^/[entry $ENTRY_STACK] /"
}

stop_kafka() { stop_pid "$ENTRY_DATA/kafka/kafka.pid" kafka; }

# ---------------------------------------------------------------- S3Proxy (filesystem backend)
start_s3() {
  local dir="$ENTRY_DATA/s3"
  [ -f "$ENTRY_TOOLS/s3proxy/s3proxy.jar" ] || die "S3Proxy is not installed (run: $0 install)"
  mkdir -p "$dir/buckets/$ENTRY_S3_BUCKET"
  if pid_alive "$dir/s3proxy.pid"; then
    log "s3proxy already running on $ENTRY_S3_PORT"; return
  fi
  port_open "$ENTRY_S3_PORT" && die "port $ENTRY_S3_PORT is taken by another process"
  cat > "$dir/s3proxy.properties" <<PROPS
s3proxy.endpoint=http://127.0.0.1:$ENTRY_S3_PORT
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$ENTRY_S3_ACCESS_KEY
s3proxy.credential=$ENTRY_S3_SECRET_KEY
jclouds.provider=filesystem-nio2
jclouds.filesystem.basedir=$dir/buckets
PROPS
  nohup java -Xmx256m $JAVA_SMALL -jar "$ENTRY_TOOLS/s3proxy/s3proxy.jar" --properties "$dir/s3proxy.properties" >"$dir/s3proxy.log" 2>&1 &
  echo $! > "$dir/s3proxy.pid"
  wait_port "$ENTRY_S3_PORT" 60 || { tail -n 30 "$dir/s3proxy.log"; die "s3proxy did not start"; }
  log "s3proxy started on 127.0.0.1:$ENTRY_S3_PORT (bucket $ENTRY_S3_BUCKET)"
}

stop_s3() { stop_pid "$ENTRY_DATA/s3/s3proxy.pid" s3proxy; }

# ---------------------------------------------------------------- gateway (nginx)
start_gateway() {
  local dir="$ENTRY_DATA/gateway"
  command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || die "nginx is not installed (run: $0 install)"
  mkdir -p "$dir/tmp" "$dir/logs"
  sed -e "s#@GATEWAY_PORT@#$ENTRY_GATEWAY_PORT#g" -e "s#@AUTH_PORT@#$ENTRY_AUTH_PORT#g" \
      -e "s#@DEVICE_PORT@#$ENTRY_DEVICE_PORT#g" -e "s#@SCAN_PORT@#$ENTRY_SCAN_PORT#g" \
      -e "s#@OFFLINE_PORT@#$ENTRY_OFFLINE_PORT#g" -e "s#@DIR@#$dir#g" \
      "$ENTRY_ROOT/deploy/local/gateway.conf.template" > "$dir/nginx.conf"
  if pid_alive "$dir/nginx.pid"; then
    /usr/sbin/nginx -p "$dir" -c "$dir/nginx.conf" -s reload 2>/dev/null
    log "gateway reloaded on $ENTRY_GATEWAY_PORT"; return
  fi
  port_open "$ENTRY_GATEWAY_PORT" && die "port $ENTRY_GATEWAY_PORT is taken by another process"
  /usr/sbin/nginx -p "$dir" -c "$dir/nginx.conf"
  wait_port "$ENTRY_GATEWAY_PORT" 20 || die "gateway did not start (see $dir/logs/error.log)"
  log "gateway started on http://127.0.0.1:$ENTRY_GATEWAY_PORT"
}

stop_gateway() {
  local dir="$ENTRY_DATA/gateway"
  if pid_alive "$dir/nginx.pid"; then
    /usr/sbin/nginx -p "$dir" -c "$dir/nginx.conf" -s quit 2>/dev/null || kill "$(cat "$dir/nginx.pid")"
    for _ in $(seq 1 40); do pid_alive "$dir/nginx.pid" || break; sleep 0.25; done
    log "stopped gateway"
  fi
}

status() {
  for c in "postgres:$ENTRY_PG_PORT" "kafka:$ENTRY_KAFKA_PORT" "s3:$ENTRY_S3_PORT" "gateway:$ENTRY_GATEWAY_PORT"; do
    if port_open "${c#*:}"; then echo "${c%%:*} up (${c#*:})"; else echo "${c%%:*} down (${c#*:})"; fi
  done
}

cmd=${1:-start}; shift || true
components=${*:-postgres kafka s3 gateway}
case "$cmd" in
  install) install ;;
  start) install; for c in $components; do "start_$c"; done ;;
  stop) for c in $(echo "$components" | tr ' ' '\n' | tac); do "stop_$c"; done ;;
  status) status ;;
  *) die "usage: $0 install|start|stop|status [postgres kafka s3 gateway]" ;;
esac
