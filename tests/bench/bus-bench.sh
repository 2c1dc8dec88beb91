#!/usr/bin/env bash
# Bus throughput: Sbor's outbox -> relay -> bus -> consumer next to a bare librdkafka pair on the
# same mock cluster, in one run. Starts a private PostgreSQL and librdkafka's mock cluster under
# /tmp, runs build/bin/sbor-bus-bench, stops both. Usage: tests/bench/bus-bench.sh [--messages N]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=${SBOR_BUILD_DIR:-$root/build}/bin
messages=20000
[ "${1:-}" = "--messages" ] && messages=${2:?--messages needs a number}
state=$(mktemp -d /tmp/sbor-bus-bench-XXXXXX)
chmod 755 "$state"
cleanup() {
  "$root/tests/fixtures/kafka-fixture.sh" stop "$state/kafka" >/dev/null 2>&1 || true
  "$root/tests/fixtures/postgres-fixture.sh" stop "$state/pg" >/dev/null 2>&1 || true
  rm -rf "$state"
}
trap cleanup EXIT
"$root/tests/fixtures/postgres-fixture.sh" start "$state/pg" >/dev/null
"$root/tests/fixtures/kafka-fixture.sh" start "$state/kafka" "$bin/sbor-kafka-mock" >/dev/null
mkdir -p "$root/build/bench"
"$bin/sbor-bus-bench" --db "$(cat "$state/pg/url")" --brokers "$(cat "$state/kafka/bootstrap")" \
  --messages "$messages" --out "$root/build/bench/bus-bench.json"
