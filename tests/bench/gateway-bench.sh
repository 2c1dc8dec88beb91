#!/usr/bin/env bash
# What does the gateway hop cost in the distributed mode? Starts the distributed set
# (installers/distributed/start-cluster.sh: one process per service, the gateway in front) and a
# private single-worker nginx as a reverse proxy to the same events process, then runs wrk with
# the same settings against the events process directly, through nginx (the ceiling for one
# proxy hop) and through the gateway. GET /api/v1/events: a public list answered from PostgreSQL.
#
#   tests/bench/gateway-bench.sh [--connections 64] [--duration 10] [--threads 2]
#
# Needs wrk, curl, nginx-light and a built build/bin/sbor-server; uses ports 8080–8107 and 8190.
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
connections=64 duration=10 threads=2
while [ $# -gt 0 ]; do
  case "$1" in
    --connections) connections=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    *) echo "usage: $0 [--connections N] [--duration S] [--threads N]" >&2; exit 2 ;;
  esac
done

work=$(mktemp -d /tmp/sbor-gateway-bench.XXXXXX)
chmod 755 "$work"
cluster_pid="" nginx_pid=""
cleanup() {
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true
  # TERM, not INT: a background job of a script ignores SIGINT, and its trap cannot catch it.
  if [ -n "$cluster_pid" ]; then kill -TERM "$cluster_pid" 2>/dev/null || true; wait "$cluster_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

# No per-client rate limit (one client sends everything) and warn-level logs, as in http-bench.sh.
SBOR_HTTP_RATE_LIMIT_PER_SECOND=0 SBOR_LOG_LEVEL=warn SBOR_CLUSTER_DIR="$work/cluster" "$repo/installers/distributed/start-cluster.sh" >"$work/cluster.out" 2>&1 &
cluster_pid=$!
for _ in $(seq 1 900); do
  grep -q "is running" "$work/cluster.out" 2>/dev/null && break
  kill -0 "$cluster_pid" 2>/dev/null || { cat "$work/cluster.out" >&2; exit 1; }
  sleep 0.1
done
grep -q "is running" "$work/cluster.out" || { echo "the cluster did not start" >&2; exit 1; }

mkdir -p "$work/nginx/logs"
cat >"$work/nginx/nginx.conf" <<NGINX
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  upstream events { server 127.0.0.1:8102; keepalive 64; }
  server {
    listen 127.0.0.1:8190;
    location / {
      proxy_pass http://events;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header X-Forwarded-For \$remote_addr;
    }
  }
}
NGINX
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -g "daemon off;" &
nginx_pid=$!
sleep 0.5

measure() { # label, url
  curl -fsS "$2" >/dev/null || { echo "$1: $2 does not answer 200" >&2; exit 1; }
  wrk -t"$threads" -c"$connections" -d2s "$2" >/dev/null # warm-up
  local out
  out=$(wrk -t"$threads" -c"$connections" -d"${duration}s" --latency "$2")
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  errors=$(awk '/Non-2xx/ {n += $NF} /Socket errors/ {gsub(",", ""); n += $4 + $6 + $8 + $10} END {print n + 0}' <<<"$out")
  printf "%-22s %10s %10s %10s %8s\n" "$1" "$rps" "$p50" "$p99" "${errors:-0}"
}

printf "%-22s %10s %10s %10s %8s\n" "path to events" "req/s" "p50" "p99" "errors"
printf "%-22s %10s %10s %10s %8s\n" "----------------------" "-----" "---" "---" "------"
measure "direct" "http://127.0.0.1:8102/api/v1/events?limit=20"
measure "nginx (ceiling)" "http://127.0.0.1:8190/api/v1/events?limit=20"
measure "sbor gateway" "http://127.0.0.1:8080/api/v1/events?limit=20"
echo "($connections connections, $threads wrk threads, ${duration}s each, after a 2 s warm-up; no rate limit, warn-level logs)"
