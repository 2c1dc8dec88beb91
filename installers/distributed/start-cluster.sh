#!/usr/bin/env bash
# Starts Sbor in distributed mode on this machine: one sbor-server process per service, the
# gateway in front on 127.0.0.1:8080 and the live WebSocket on 127.0.0.1:8081, over Kafka (the
# librdkafka mock cluster unless KAFKA_BROKERS names real brokers) and one PostgreSQL (a private
# one under the run folder unless DATABASE_URL names one). Ctrl-C stops everything.
#
#   installers/distributed/start-cluster.sh            (after cmake --build --preset default)
#
# Settings (environment): SBOR_BIN_DIR (default build/bin), SBOR_CLUSTER_DIR (default
# /tmp/sbor-cluster: logs, data, the private PostgreSQL), DATABASE_URL, KAFKA_BROKERS,
# SBOR_CLUSTER_TOKEN (default: random per run). Stop it with Ctrl-C in its terminal, or SIGTERM
# (a script started in the background ignores SIGINT).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
bin=${SBOR_BIN_DIR:-$repo/build/bin}
run=${SBOR_CLUSTER_DIR:-/tmp/sbor-cluster}
config="$here/sbor-cluster.yml"
server="$bin/sbor-server"
[ -x "$server" ] || { echo "start-cluster: $server not found; build first (cmake --preset default && cmake --build --preset default)" >&2; exit 1; }

# service → its HTTP port (the addresses in sbor-cluster.yml)
services=(auth:8101 events:8102 tickets:8103 payments:8104 notifications:8105 live:8106 logs:8107
  analytics:8108 admin:8109 support:8110)
mkdir -p "$run/logs" "$run/data"
chmod 755 "$run" # the private PostgreSQL runs as `postgres` and must reach its folder
pids=()
started_postgres=false
started_kafka=false

stop_all() {
  trap - INT TERM EXIT
  echo "start-cluster: stopping"
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  $started_kafka && "$repo/tests/fixtures/kafka-fixture.sh" stop "$run/kafka" >/dev/null || true
  $started_postgres && "$repo/tests/fixtures/postgres-fixture.sh" stop "$run/postgres" >/dev/null || true
}
trap stop_all INT TERM EXIT

database_url=${DATABASE_URL:-}
if [ -z "$database_url" ]; then
  "$repo/tests/fixtures/postgres-fixture.sh" start "$run/postgres" >/dev/null
  started_postgres=true
  # It trusts whoever reaches its socket: only its owner (and root, who runs the servers) may.
  chmod 700 "$run/postgres/run"
  database_url=$(cat "$run/postgres/url")
fi
brokers=${KAFKA_BROKERS:-}
if [ -z "$brokers" ]; then
  "$repo/tests/fixtures/kafka-fixture.sh" start "$run/kafka" "$bin/sbor-kafka-mock" >/dev/null
  started_kafka=true
  brokers=$(cat "$run/kafka/bootstrap")
fi
token=${SBOR_CLUSTER_TOKEN:-$(head -c 24 /dev/urandom | base64 | tr '+/' '-_')}

declare -A pid_of
launch() { # name, extra arguments…
  local name=$1; shift
  env -u SBOR_BIN_DIR -u SBOR_CLUSTER_DIR \
    SBOR_CLUSTER_TOKEN="$token" SBOR_KAFKA_BROKERS="$brokers" SBOR_DATABASE_URL="$database_url" SBOR_DATA_DIR="$run/data" \
    "$server" --config "$config" --target "$name" "$@" >"$run/logs/$name.out" 2>"$run/logs/$name.log" &
  pids+=("$!")
  pid_of[$name]=$!
}

wait_healthy() { # name, port
  for _ in $(seq 1 600); do
    # Ours, not something else on that port: the process must still run and have said "listening".
    kill -0 "${pid_of[$1]}" 2>/dev/null || break
    grep -q "listening on" "$run/logs/$1.out" 2>/dev/null && curl -fsS "http://127.0.0.1:$2/healthz" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "start-cluster: $1 did not come up; its log:" >&2
  tail -n 20 "$run/logs/$1.log" >&2
  exit 1
}

for entry in "${services[@]}"; do
  name=${entry%%:*} port=${entry##*:}
  if [ "$name" = live ]; then launch "$name" --http "127.0.0.1:$port" --live 127.0.0.1:8081
  else launch "$name" --http "127.0.0.1:$port"; fi
done
# The gateway's workers only wait on the services, so it gets more than a service (whose workers
# beyond database.pool_size only queue for connections: 64 of them on 16 made 1-5 s stalls).
SBOR_HTTP_WORKERS=${SBOR_HTTP_WORKERS:-32} launch gateway --http 127.0.0.1:8080
for entry in "${services[@]}" gateway:8080; do wait_healthy "${entry%%:*}" "${entry##*:}"; done

echo "Sbor (distributed) is running:"
echo "  API       http://127.0.0.1:8080/api/v1   (the gateway)"
echo "  live      ws://127.0.0.1:8081/api/v1/live"
echo "  services  ${services[*]}"
echo "  Kafka     $brokers"
echo "  logs      $run/logs/<service>.log"
echo "Ctrl-C stops everything."
wait -n "${pids[@]}" || true
echo "start-cluster: a process ended; see $run/logs" >&2
exit 1 # a supervisor must see that the set is no longer whole (the trap stops the rest)
