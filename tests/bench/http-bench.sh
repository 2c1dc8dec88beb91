#!/usr/bin/env bash
# HTTP benchmark for sbor-server, with nginx as the yardstick.
#
#   tests/bench/http-bench.sh [--server PATH] [--connections N] [--duration S]
#                             [--threads N] [--out FILE.json]
#   tests/bench/http-bench.sh --soak [--connections 1000] [--duration 600]
#                             [--interval 30]
#   tests/bench/http-bench.sh --auth [--bcrypt-cost 12] [--login-connections 4]
#   tests/bench/http-bench.sh --rush [--quota 500]
#
# Bench mode asks: how close does sbor-server get to a static file server
# sending the very same bytes? It starts sbor-server and a private
# single-worker nginx that serves copies of sbor's own /healthz and
# /api/v1/version bodies, then runs wrk against each with identical settings.
#
# Auth mode asks: what does authentication cost? In one run it measures
# /healthz and an authenticated GET /api/v1/users/me next to nginx serving
# the same bytes, sign-in throughput at the configured bcrypt cost, and the
# p99 of GET /api/v1/users/me while a login storm keeps the password hashing
# pool busy (the goal: at most twice its idle p99).
#
# Rush mode asks: how fast are tickets sold, and is a seat ever sold twice? It
# measures POST /api/v1/orders against a quota the run cannot exhaust, next to
# pgbench running the same seat-taking UPDATE on the same PostgreSQL, then a
# sell-out with far more buyers than seats, and checks the counters (oversold
# must be 0; the run fails otherwise).
#
# Soak mode asks: does the server stay healthy under long load? It drives
# GET /readyz (which goes through the DB connection pool) in --interval
# slices and samples the server's RSS, fd count and thread count after each.
#
# Everything listens on and talks to 127.0.0.1 only. All processes and temp
# dirs are cleaned up on exit, error, Ctrl-C or SIGTERM. See README.md.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$SCRIPT_DIR/../.." && pwd)
PYTHON=/usr/bin/python3           # not a pyenv shim: only the stdlib is needed
WRK_LUA="$SCRIPT_DIR/wrk-report.lua"
NGINX_TEMPLATE="$SCRIPT_DIR/nginx.conf.in"
REPORT="$SCRIPT_DIR/bench_report.py"
MIN_FD_LIMIT=4096

# Options. Empty means "the default for the chosen mode", filled in later.
MODE=bench
SERVER="$REPO_ROOT/build/bin/sbor-server"
CONNECTIONS=""
DURATION=""
THREADS=2
INTERVAL=30
SOAK_ROUTE=/readyz
WARMUP=2
WRK_TIMEOUT=2
STARTUP_TIMEOUT=60
LOG_LEVEL=warn
NGINX_WORKERS=1
ACCESS_LOGS=0
OUT=""
SERVER_ARGS=()
BCRYPT_COST=12
RUSH_QUOTA=500
DOOR_TICKETS=10000
LOGIN_CONNECTIONS=4  # within the hashing pool's capacity (its threads + a queue of 4): no 503s
BENCH_EMAIL=bench@example.org
BENCH_PASSWORD="bench password $$"

# Runtime state; cleanup() looks at all of these.
WORK_DIR=""        # logs, wrk outputs, manifest
NGINX_PREFIX=""    # nginx's -p dir: config, html files, logs
DATA_DIR=""        # sbor-server --data-dir (holds its private PostgreSQL)
SERVER_PID=""
NGINX_PID=""
WRK_PID=""
SERVER_EXIT_CODE=""
CLEANED_UP=""
# Also set later: SBOR_PORT LIVE_PORT NGINX_PORT, SERVER_VERSION,
# LOAD_AT_START, SERVER_LOG_COPY, and the per-route arrays CONTENT_TYPE,
# SBOR_HEADER_BYTES, NGINX_HEADER_BYTES.

usage() {
    cat <<EOF
Usage:
  $0 [options]          sbor-server vs nginx on /healthz and /api/v1/version
  $0 --soak [options]   long GET /readyz run, RSS sampled every interval
  $0 --auth [options]   authenticated requests, sign-in throughput, login storm
  $0 --rush [options]   the on-sale rush: orders/s and oversell next to pgbench
  $0 --door [options]   the door: redeems/s of signed codes next to pgbench

Options:
  --server PATH         sbor-server binary (default: build/bin/sbor-server)
  --connections N       wrk connections (default: 100; soak: 1000)
  --duration SECONDS    per target (default: 10); soak: total (default: 600)
  --threads N           wrk threads (default: 2)
  --interval SECONDS    soak slice length (default: 30)
  --soak-route PATH     soak route: /readyz (one SELECT 1 through the pool, default) or
                        /healthz (the engine alone, no database)
  --warmup SECONDS      unrecorded wrk run before each target (default: 2; 0 = off)
  --timeout SECONDS     wrk per-request timeout, counted as error (default: 2)
  --startup-timeout S   wait for GET /healthz 200 (default: 60)
  --log-level LEVEL     sbor-server log level (default: warn, keeps access logs off)
  --nginx-workers N     nginx worker processes (default: 1; the engine issue compares at the core count)
  --access-logs         access logs on on both sides: sbor at --log-level info, nginx to a file
  --server-arg ARG      extra argument for sbor-server (repeatable)
  --bcrypt-cost N        auth: bcrypt cost the server hashes with (default: 12)
  --login-connections N  auth: concurrent sign-ins in the login runs (default: 4)
  --quota N             rush: seats in the sell-out run (default: 500)
  --tickets N           door: tickets issued for the run (default: 10000)
  --out FILE.json       default: build/bench/http-bench.json (soak: http-soak.json,
                        auth: auth-bench.json)
  -h, --help
EOF
}

log() { printf '[http-bench] %s\n' "$*" >&2; }

die() {
    log "error: $*"
    exit 1
}

# --- setup ------------------------------------------------------------------

require_uint() {  # name value
    [[ $2 =~ ^[0-9]+$ ]] || { usage >&2; die "$1 needs a non-negative integer, got '$2'"; }
}

parse_args() {
    while (($#)); do
        case $1 in
            --soak) MODE=soak ;;
            --auth) MODE=auth ;;
            --rush) MODE=rush ;;
            --door) MODE=door ;;
            --tickets) DOOR_TICKETS=${2:-}; require_uint "$1" "$DOOR_TICKETS"; shift ;;
            --quota) RUSH_QUOTA=${2:-}; require_uint "$1" "$RUSH_QUOTA"; shift ;;
            --bcrypt-cost) BCRYPT_COST=${2:-}; require_uint "$1" "$BCRYPT_COST"; shift ;;
            --login-connections) LOGIN_CONNECTIONS=${2:-}; require_uint "$1" "$LOGIN_CONNECTIONS"; shift ;;
            --server) SERVER=${2:?--server needs a path}; shift ;;
            --connections) CONNECTIONS=${2:-}; require_uint "$1" "$CONNECTIONS"; shift ;;
            --duration) DURATION=${2:-}; require_uint "$1" "$DURATION"; shift ;;
            --threads) THREADS=${2:-}; require_uint "$1" "$THREADS"; shift ;;
            --interval) INTERVAL=${2:-}; require_uint "$1" "$INTERVAL"; shift ;;
            --soak-route)
                SOAK_ROUTE=${2:-}
                [[ $SOAK_ROUTE == /readyz || $SOAK_ROUTE == /healthz ]] || die "--soak-route must be /readyz or /healthz"
                shift ;;
            --warmup) WARMUP=${2:-}; require_uint "$1" "$WARMUP"; shift ;;
            --timeout) WRK_TIMEOUT=${2:-}; require_uint "$1" "$WRK_TIMEOUT"; shift ;;
            --startup-timeout) STARTUP_TIMEOUT=${2:-}; require_uint "$1" "$STARTUP_TIMEOUT"; shift ;;
            --log-level) LOG_LEVEL=${2:?--log-level needs a value}; shift ;;
            --nginx-workers) NGINX_WORKERS=${2:-}; require_uint "$1" "$NGINX_WORKERS"; shift ;;
            --access-logs) ACCESS_LOGS=1; LOG_LEVEL=info ;;
            --server-arg) SERVER_ARGS+=("${2?--server-arg needs a value}"); shift ;;
            --out) OUT=${2:?--out needs a file}; shift ;;
            -h|--help) usage; exit 0 ;;
            *) usage >&2; die "unknown option '$1'" ;;
        esac
        shift
    done

    if [[ $MODE == soak ]]; then
        : "${CONNECTIONS:=1000}" "${DURATION:=600}" "${OUT:=$REPO_ROOT/build/bench/http-soak.json}"
    elif [[ $MODE == auth ]]; then
        : "${CONNECTIONS:=100}" "${DURATION:=10}" "${OUT:=$REPO_ROOT/build/bench/auth-bench.json}"
    elif [[ $MODE == rush ]]; then
        : "${CONNECTIONS:=100}" "${DURATION:=10}" "${OUT:=$REPO_ROOT/build/bench/rush-bench.json}"
    elif [[ $MODE == door ]]; then
        : "${CONNECTIONS:=100}" "${DURATION:=10}" "${OUT:=$REPO_ROOT/build/bench/door-bench.json}"
    else
        : "${CONNECTIONS:=100}" "${DURATION:=10}" "${OUT:=$REPO_ROOT/build/bench/http-bench.json}"
    fi
    ((THREADS >= 1)) || die "--threads must be at least 1"
    ((CONNECTIONS >= THREADS)) || die "wrk needs --connections >= --threads"
    ((DURATION >= 1)) || die "--duration must be at least 1"
    ((INTERVAL >= 1)) || die "--interval must be at least 1"
    ((WRK_TIMEOUT >= 1)) || die "--timeout must be at least 1"
}

require_tools() {
    local tool
    for tool in wrk curl "$PYTHON" $([[ $MODE == rush || $MODE == door ]] && echo psql pgbench); do
        command -v "$tool" >/dev/null || die "'$tool' not found (apt-get install wrk curl python3)"
    done
    if [[ $MODE != soak ]]; then
        command -v nginx >/dev/null || die "'nginx' not found (apt-get install nginx-light)"
    fi
    [[ -x $SERVER ]] || die "server binary '$SERVER' is missing or not executable; build it first or pass --server"
    # Absolute, so the JSON records an unambiguous path.
    SERVER=$(cd "$(dirname "$SERVER")" && pwd)/$(basename "$SERVER")
}

# Each open connection costs an fd in wrk and one in the server; 1000-
# connection soaks blow through the usual soft limit of 1024.
raise_fd_limit() {
    local want=$((CONNECTIONS * 2 + 1024))
    ((want >= MIN_FD_LIMIT)) || want=$MIN_FD_LIMIT
    if (($(ulimit -Hn) < want)) && ! ulimit -Hn "$want" 2>/dev/null; then
        die "hard fd limit $(ulimit -Hn) < $want and cannot be raised (run as root or raise it)"
    fi
    (($(ulimit -Sn) >= want)) || ulimit -Sn "$want"
}

# Ask the kernel for free ports by binding to port 0; all sockets are held
# open together so the ports are distinct. There is a small window before
# the servers bind them, which the readiness checks would catch.
pick_free_ports() {  # count
    "$PYTHON" - "$1" <<'EOF'
import socket, sys
socks = []
for _ in range(int(sys.argv[1])):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    socks.append(s)
print(" ".join(str(s.getsockname()[1]) for s in socks))
EOF
}

make_temp_dirs() {
    # Explicitly under /tmp (not $TMPDIR): when run as root, sbor-server's
    # PostgreSQL runs as the postgres user and must be able to reach its dir.
    WORK_DIR=$(mktemp -d -p /tmp sbor-bench-work.XXXXXX)
    DATA_DIR=$(mktemp -d -p /tmp sbor-bench-data.XXXXXX)
    if ((EUID == 0)); then
        chmod 0711 "$DATA_DIR"   # mktemp's 0700 would stop postgres at the door
    fi
    if [[ $MODE != soak ]]; then
        NGINX_PREFIX=$(mktemp -d -p /tmp sbor-bench-nginx.XXXXXX)
        # A root master runs its worker as nobody, which must read the files.
        chmod 0755 "$NGINX_PREFIX"
        mkdir -p "$NGINX_PREFIX"/{html/api/v1,logs,tmp}
    fi
    : >"$WORK_DIR/manifest.tsv"
}

# --- processes ------------------------------------------------------------

is_running() {  # pid; a zombie counts as gone
    local state
    [[ -n $1 ]] || return 1
    state=$(awk '/^State:/ {print $2}' "/proc/$1/status" 2>/dev/null) || return 1
    [[ -n $state && $state != Z ]]
}

wait_gone() {  # pid timeout_seconds -> 0 if the process is gone in time
    local pid=$1 ticks=$(($2 * 10))
    while ((ticks-- > 0)); do
        is_running "$pid" || return 0
        sleep 0.1
    done
    ! is_running "$pid"
}

# SIGTERM (or another signal), wait, then SIGKILL; prints nothing, returns
# the exit status when it is our child, 137 if it had to be killed.
stop_process() {  # pid name signal timeout
    local pid=$1 name=$2 sig=$3 timeout=$4 rc=0
    is_running "$pid" || { wait "$pid" 2>/dev/null || rc=$?; return "$rc"; }
    kill "-$sig" "$pid" 2>/dev/null || true
    if ! wait_gone "$pid" "$timeout"; then
        log "$name (pid $pid) ignored SIG$sig for ${timeout}s; sending SIGKILL"
        kill -KILL "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || rc=$?
    return "$rc"
}

child_pids() {  # pid
    pgrep -P "$1" 2>/dev/null || true
}

start_server() {  # port live_port
    log "starting $SERVER on 127.0.0.1:$1 (data dir $DATA_DIR)"
    # sbor-server reads SBOR_* from the environment (SBOR_DATABASE_URL,
    # SBOR_CONFIG, ...); a stray one would point the benchmark at another
    # database or config. Only flags given here and via --server-arg count.
    local var unset_args=()
    for var in $(compgen -e); do
        [[ $var == SBOR_* ]] && unset_args+=(-u "$var")
    done
    ((${#unset_args[@]} == 0)) || log "ignoring environment: ${unset_args[*]}"
    # stdin from /dev/null: a benchmark must never block on a terminal.
    env "${unset_args[@]}" "$SERVER" --data-dir "$DATA_DIR" --http "127.0.0.1:$1" --live "127.0.0.1:$2" \
        --log-level "$LOG_LEVEL" "${SERVER_ARGS[@]}" \
        </dev/null >"$WORK_DIR/sbor-server.log" 2>&1 &
    SERVER_PID=$!
}

show_server_log() {
    [[ -s $WORK_DIR/sbor-server.log ]] || { log "(sbor-server log is empty)"; return 0; }
    log "last lines of the sbor-server log:"
    tail -n 40 "$WORK_DIR/sbor-server.log" >&2
}

# The server owns its PostgreSQL child and stops it on SIGTERM. Only when the
# server had to be SIGKILLed can a postmaster be orphaned; find it by the
# pid file in our private data dir and check that its cwd really is that data
# dir (PostgreSQL chdirs into it) so a recycled pid is never hit.
stop_orphan_postmasters() {
    local pidfile pid pgdata
    [[ -n $DATA_DIR && -d $DATA_DIR ]] || return 0
    while IFS= read -r pidfile; do
        { read -r pid; read -r pgdata; } <"$pidfile" || continue
        [[ $pid =~ ^[0-9]+$ ]] || continue
        [[ $(readlink "/proc/$pid/cwd" 2>/dev/null) == "$pgdata" ]] || continue
        log "stopping orphaned postmaster pid $pid ($pgdata)"
        kill -INT "$pid" 2>/dev/null || true   # PostgreSQL's "fast" shutdown
        wait_gone "$pid" 15 || kill -KILL "$pid" 2>/dev/null || true
    done < <(find "$DATA_DIR" -maxdepth 4 -name postmaster.pid 2>/dev/null)
}

stop_server() {
    [[ -n $SERVER_PID ]] || return 0
    local rc=0 what="exited with status %s after SIGTERM (expected 0)"
    is_running "$SERVER_PID" || what="had already exited, status %s"
    # 30 s: the server drains connections and then shuts PostgreSQL down.
    stop_process "$SERVER_PID" sbor-server TERM 30 || rc=$?
    SERVER_EXIT_CODE=$rc
    SERVER_PID=""
    # shellcheck disable=SC2059  # $what is one of the two formats above
    ((rc == 0)) || log "warning: sbor-server $(printf "$what" "$rc")"
    stop_orphan_postmasters
}

start_nginx() {
    log "starting nginx ($NGINX_WORKERS worker(s)) on 127.0.0.1:$NGINX_PORT, prefix $NGINX_PREFIX"
    # -e: the compiled-in early error log is stderr; keep it in the prefix.
    nginx -p "$NGINX_PREFIX" -c "$NGINX_PREFIX/nginx.conf" -e "$NGINX_PREFIX/logs/error.log" \
        </dev/null >"$WORK_DIR/nginx.log" 2>&1 &
    NGINX_PID=$!
}

stop_nginx() {
    [[ -n $NGINX_PID ]] || return 0
    # Note the worker first: if the master has to be SIGKILLed, its worker
    # would otherwise be left behind.
    local workers
    workers=$(child_pids "$NGINX_PID")
    stop_process "$NGINX_PID" nginx TERM 10 || true
    local w
    for w in $workers; do
        if is_running "$w"; then kill -KILL "$w" 2>/dev/null || true; fi
    done
    NGINX_PID=""
}

# Safety net for every exit path: normal end, die(), set -e, Ctrl-C, SIGTERM.
cleanup() {
    [[ -z $CLEANED_UP ]] || return 0
    CLEANED_UP=1
    set +e
    if [[ -n $WRK_PID ]]; then
        stop_process "$WRK_PID" wrk TERM 5
        WRK_PID=""
    fi
    stop_nginx
    stop_server
    local dir
    for dir in "$WORK_DIR" "$NGINX_PREFIX" "$DATA_DIR"; do
        # Belt and braces for an rm -rf running as root.
        [[ $dir == /tmp/sbor-bench-* ]] && rm -rf -- "$dir"
    done
}

# --- HTTP checks ---------------------------------------------------------------

http_status() {  # url -> prints the status code, 000 if no answer
    curl --noproxy '*' -s -o /dev/null --max-time 2 -w '%{http_code}' "$1" || true
}

wait_for_status_200() {  # url timeout_seconds pid name
    local url=$1 deadline=$((SECONDS + $2)) pid=$3 name=$4 status
    log "waiting up to ${2}s for GET $url -> 200"
    while :; do
        status=$(http_status "$url")
        [[ $status == 200 ]] && return 0
        if ! is_running "$pid"; then
            [[ $name == sbor-server ]] && show_server_log
            [[ $name == nginx ]] && { cat "$WORK_DIR/nginx.log" "$NGINX_PREFIX/logs/error.log" >&2 || true; }
            die "$name exited before GET $url answered 200"
        fi
        if ((SECONDS >= deadline)); then
            [[ $name == sbor-server ]] && show_server_log
            die "GET $url did not answer 200 within ${2}s (last status $status)"
        fi
        sleep 0.2
    done
}

# Fetches url into body_file; prints "header_bytes content_type". Fails
# unless the status is 200, since wrk alone would not notice a 3xx.
fetch_response() {  # url body_file [request header]
    local out status header_bytes content_type header_args=()
    [[ -z ${3:-} ]] || header_args=(-H "$3")
    out=$(curl --noproxy '*' -sS --max-time 5 "${header_args[@]}" -o "$2" \
        -w '%{http_code} %{size_header} %{content_type}' "$1") || die "GET $1 failed"
    read -r status header_bytes content_type <<<"$out"
    [[ $status == 200 ]] || die "GET $1 returned $status, expected 200"
    printf '%s %s\n' "$header_bytes" "$content_type"
}

# --- nginx baseline --------------------------------------------------------------

nginx_safe_value() {  # value -> value, or a neutral type if it would break the config
    local plain='^[A-Za-z0-9./+ ;=_-]+$'   # nothing that ends a quoted string or sed's s|||
    if [[ $1 =~ $plain ]]; then
        printf '%s' "$1"
    else
        log "warning: content type '$1' cannot go into nginx.conf as is; using application/octet-stream"
        printf 'application/octet-stream'
    fi
}

# Copies sbor's bodies into nginx's html dir so both send identical bytes,
# and remembers sbor's header sizes for the report.
mirror_sbor_responses() {
    local route info
    declare -gA SBOR_HEADER_BYTES=() CONTENT_TYPE=()
    for route in "${MIRRORED_ROUTES[@]}"; do
        mkdir -p "$(dirname "$NGINX_PREFIX/html$route")"
        info=$(fetch_response "http://127.0.0.1:$SBOR_PORT$route" "$NGINX_PREFIX/html$route" "${ROUTE_HEADER[$route]:-}")
        SBOR_HEADER_BYTES[$route]=${info%% *}
        CONTENT_TYPE[$route]=${info#* }
        chmod 0644 "$NGINX_PREFIX/html$route"
        log "sbor $route: $(stat -c %s "$NGINX_PREFIX/html$route") body bytes, ${CONTENT_TYPE[$route]:-no content type}"
    done
    chmod -R a+rX "$NGINX_PREFIX/html"
}

write_nginx_config() {
    local nofile worker_connections=$((CONNECTIONS + 256))
    nofile=$(ulimit -Sn)
    ((worker_connections >= 1024)) || worker_connections=1024
    sed -e "s|@PREFIX@|$NGINX_PREFIX|g" \
        -e "s|@PORT@|$NGINX_PORT|g" \
        -e "s|@NOFILE@|$nofile|g" \
        -e "s|@WORKER_CONNECTIONS@|$worker_connections|g" \
        -e "s|@WORKERS@|$NGINX_WORKERS|g" \
        -e "s|@ACCESS_LOG@|$(if ((ACCESS_LOGS)); then echo "$NGINX_PREFIX/logs/access.log"; else echo off; fi)|g" \
        -e "s|@HEALTHZ_CONTENT_TYPE@|$(nginx_safe_value "${CONTENT_TYPE[/healthz]:-application/octet-stream}")|g" \
        -e "s|@VERSION_CONTENT_TYPE@|$(nginx_safe_value "${CONTENT_TYPE[/api/v1/version]:-application/octet-stream}")|g" \
        -e "s|@USERS_ME_CONTENT_TYPE@|$(nginx_safe_value "${CONTENT_TYPE[/api/v1/users/me]:-application/octet-stream}")|g" \
        "$NGINX_TEMPLATE" >"$NGINX_PREFIX/nginx.conf"
}

# nginx must send byte-for-byte what sbor sent, or the comparison is void.
verify_nginx_mirror() {
    local route info
    declare -gA NGINX_HEADER_BYTES=()
    for route in "${MIRRORED_ROUTES[@]}"; do
        info=$(fetch_response "http://127.0.0.1:$NGINX_PORT$route" "$WORK_DIR/nginx-check.body")
        NGINX_HEADER_BYTES[$route]=${info%% *}
        cmp -s "$WORK_DIR/nginx-check.body" "$NGINX_PREFIX/html$route" ||
            die "nginx's $route body differs from sbor's"
    done
}

# --- wrk -----------------------------------------------------------------

# Runs wrk in the background and waits, so that a SIGTERM to this script is
# handled at once instead of after the run. Output goes to out_file.
# WRK_CONNECTIONS, WRK_SCRIPT, WRK_HEADER and WRK_REQUEST_TIMEOUT override the defaults for one call.
run_wrk() {  # url seconds out_file
    start_wrk "$@"
    finish_wrk "$WRK_PID" "$1" "$3"
    WRK_PID=""
}

start_wrk() {  # url seconds out_file; sets WRK_PID
    local header_args=()
    [[ -z ${WRK_HEADER:-} ]] || header_args=(--header "$WRK_HEADER")
    wrk --threads "$THREADS" --connections "${WRK_CONNECTIONS:-$CONNECTIONS}" --duration "${2}s" \
        --timeout "${WRK_REQUEST_TIMEOUT:-$WRK_TIMEOUT}s" --latency --script "${WRK_SCRIPT:-$WRK_LUA}" "${header_args[@]}" "$1" \
        </dev/null >"$3" 2>&1 &
    WRK_PID=$!
}

finish_wrk() {  # pid url out_file
    local rc=0
    wait "$1" || rc=$?
    if ((rc != 0)) || ! grep -q '^WRK_JSON ' "$3"; then
        cat "$3" >&2
        die "wrk against $2 failed (exit $rc)"
    fi
}

# One recorded measurement, preceded by an unrecorded warm-up so that lazy
# initialisation and TCP slow start are not billed to the first target.
bench_target() {  # target route url body_bytes header_bytes
    local target=$1 route=$2 url=$3 out="$WORK_DIR/wrk-$1-${2//\//_}.txt"
    if ((WARMUP > 0)); then
        log "warm-up ${WARMUP}s: $target $route"
        run_wrk "$url" "$WARMUP" "$WORK_DIR/warmup.txt"
    fi
    log "measuring ${DURATION}s: $target $route (${WRK_CONNECTIONS:-$CONNECTIONS} connections, $THREADS threads)"
    run_wrk "$url" "$DURATION" "$out"
    if [[ -n $SERVER_PID ]] && ! is_running "$SERVER_PID"; then
        show_server_log
        die "sbor-server died during the run"
    fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$target" "$route" "$url" "$4" "$5" "$out" \
        >>"$WORK_DIR/manifest.tsv"
}

# --- reporting -------------------------------------------------------------

load_average() { cut -d' ' -f1 /proc/loadavg; }

# The server shares 2 CPUs with wrk; a parallel build makes numbers useless.
warn_if_busy() {
    local load=$1
    if awk -v l="$load" -v n="$(nproc)" 'BEGIN { exit !(l > n / 2) }'; then
        log "warning: load average is $load on $(nproc) CPUs; results will be noisy"
    fi
}

# Keeps a copy of the server's log (warnings at --log-level warn) beside
# the JSON: the temp dir is about to go.
save_server_log() {
    SERVER_LOG_COPY="${OUT%.json}.server.log"
    mkdir -p "$(dirname "$OUT")"
    cp "$WORK_DIR/sbor-server.log" "$SERVER_LOG_COPY" 2>/dev/null || SERVER_LOG_COPY=""
}

write_report() {  # mode, then --set/--note args for bench_report.py
    local mode=$1
    shift
    save_server_log
    "$PYTHON" "$REPORT" "$mode" --manifest "$WORK_DIR/manifest.tsv" --out "$OUT" \
        --repo-root "$REPO_ROOT" \
        --set "server=$SERVER" --set "server_args=${SERVER_ARGS[*]}" \
        --set "server_version=$SERVER_VERSION" \
        --set "server_log_level=$LOG_LEVEL" --set "server_exit_code=$SERVER_EXIT_CODE" \
        --set "server_log=$SERVER_LOG_COPY" \
        --set "wrk_threads=$THREADS" --set "wrk_connections=$CONNECTIONS" \
        --set "wrk_timeout_s=$WRK_TIMEOUT" --set "fd_limit=$(ulimit -Sn)" \
        --set "load_avg_at_start=$LOAD_AT_START" \
        "$@"
}

# --- modes -------------------------------------------------------------------

# The routes nginx serves copies of, and a request header needed to fetch a route from sbor.
MIRRORED_ROUTES=(/healthz /api/v1/version)
declare -A ROUTE_HEADER=()

run_bench() {
    local ports
    ports=$(pick_free_ports 3)
    read -r SBOR_PORT LIVE_PORT NGINX_PORT <<<"$ports"

    # Every wrk connection comes from 127.0.0.1 and would share one per-client budget on /api/:
    # measured here, /api/v1/version was mostly 429s before this.
    printf 'http:\n  rate_limit_per_second: 0\n' >"$WORK_DIR/sbor.yml"
    SERVER_ARGS+=(--config "$WORK_DIR/sbor.yml")
    start_server "$SBOR_PORT" "$LIVE_PORT"
    wait_for_status_200 "http://127.0.0.1:$SBOR_PORT/healthz" "$STARTUP_TIMEOUT" "$SERVER_PID" sbor-server

    mirror_sbor_responses
    write_nginx_config
    start_nginx
    wait_for_status_200 "http://127.0.0.1:$NGINX_PORT/healthz" 10 "$NGINX_PID" nginx
    verify_nginx_mirror

    local route size
    for route in /healthz /api/v1/version; do
        size=$(stat -c %s "$NGINX_PREFIX/html$route")
        bench_target sbor "$route" "http://127.0.0.1:$SBOR_PORT$route" "$size" "${SBOR_HEADER_BYTES[$route]}"
        bench_target nginx "$route" "http://127.0.0.1:$NGINX_PORT$route" "$size" "${NGINX_HEADER_BYTES[$route]}"
    done

    stop_nginx
    stop_server
    write_report bench \
        --set "duration_s=$DURATION" --set "warmup_s=$WARMUP" \
        --set "nginx_worker_processes=$NGINX_WORKERS" --set "access_logs=$ACCESS_LOGS" \
        --note "sbor-server runs with --log-level $LOG_LEVEL ($(if ((ACCESS_LOGS)); then echo 'access log on, written by its own thread'; else echo 'access logs off'; fi))" \
        --note "nginx: worker_processes $NGINX_WORKERS, access_log $(if ((ACCESS_LOGS)); then echo 'to a file'; else echo off; fi), keepalive_requests 1e9, open_file_cache on; same body bytes and Content-Type as sbor" \
        --note "wrk: $THREADS threads, $CONNECTIONS connections, ${DURATION}s per target after a ${WARMUP}s warm-up; errors = socket errors + HTTP status >= 400" \
        --note "wrk and the servers share this machine's $(nproc) CPUs (load average at start: $LOAD_AT_START)"
    ((SERVER_EXIT_CODE == 0)) || exit 1
}

# sbor.yml for auth mode: the bcrypt cost under test, and no general per-client
# limit (every wrk connection comes from 127.0.0.1 and would share one budget).
write_auth_config() {
    cat >"$WORK_DIR/sbor.yml" <<EOF
http:
  rate_limit_per_second: 0
auth:
  bcrypt_cost: $BCRYPT_COST
EOF
    SERVER_ARGS+=(--config "$WORK_DIR/sbor.yml")
}

# The benchmark's account (role $1, attendee by default), made the way an operator makes one:
# beside the running server.
create_bench_user() {
    local var unset_args=()
    for var in $(compgen -e); do
        [[ $var == SBOR_* ]] && unset_args+=(-u "$var")
    done
    printf '%s\n' "$BENCH_PASSWORD" | env "${unset_args[@]}" "$SERVER" user create --data-dir "$DATA_DIR" \
        --config "$WORK_DIR/sbor.yml" --email "$BENCH_EMAIL" --name Bench --role "${1:-attendee}" \
        >"$WORK_DIR/user-create.log" 2>&1 || { cat "$WORK_DIR/user-create.log" >&2; die "sbor-server user create failed"; }
}

login_body() { printf '{"email":"%s","password":"%s"}' "$BENCH_EMAIL" "$BENCH_PASSWORD"; }

sign_in() {  # -> prints the access token
    curl --noproxy '*' -sS --max-time 10 -H 'Content-Type: application/json' --data "$(login_body)" \
        "http://127.0.0.1:$SBOR_PORT/api/v1/auth/login" |
        "$PYTHON" -c 'import json, sys; print(json.load(sys.stdin)["access_token"])' ||
        die "signing in as $BENCH_EMAIL failed"
}

# wrk script for POST /api/v1/auth/login: the request, then the usual report hook.
write_login_script() {
    {
        printf 'wrk.method = "POST"\n'
        printf 'wrk.body = [[%s]]\n' "$(login_body)"
        printf 'wrk.headers["Content-Type"] = "application/json"\n'
        cat "$WRK_LUA"
    } >"$WORK_DIR/login.lua"
}

run_auth() {
    local ports route size token login_url me_url storm_pid storm_out
    ports=$(pick_free_ports 3)
    read -r SBOR_PORT LIVE_PORT NGINX_PORT <<<"$ports"

    write_auth_config
    start_server "$SBOR_PORT" "$LIVE_PORT"
    wait_for_status_200 "http://127.0.0.1:$SBOR_PORT/healthz" "$STARTUP_TIMEOUT" "$SERVER_PID" sbor-server
    create_bench_user
    token=$(sign_in)
    MIRRORED_ROUTES=(/healthz /api/v1/users/me)
    ROUTE_HEADER[/api/v1/users/me]="Authorization: Bearer $token"

    mirror_sbor_responses
    write_nginx_config
    start_nginx
    wait_for_status_200 "http://127.0.0.1:$NGINX_PORT/healthz" 10 "$NGINX_PID" nginx
    verify_nginx_mirror
    write_login_script

    for route in "${MIRRORED_ROUTES[@]}"; do
        size=$(stat -c %s "$NGINX_PREFIX/html$route")
        WRK_HEADER=${ROUTE_HEADER[$route]:-} bench_target sbor "$route" "http://127.0.0.1:$SBOR_PORT$route" "$size" "${SBOR_HEADER_BYTES[$route]}"
        bench_target nginx "$route" "http://127.0.0.1:$NGINX_PORT$route" "$size" "${NGINX_HEADER_BYTES[$route]}"
    done

    login_url="http://127.0.0.1:$SBOR_PORT/api/v1/auth/login"
    me_url="http://127.0.0.1:$SBOR_PORT/api/v1/users/me"
    # No warm-up for sign-ins: wrk abandons its requests when a run ends, the server still
    # hashes them, and the next run would find the pool full of the last one's work.
    WARMUP=0 WRK_CONNECTIONS=$LOGIN_CONNECTIONS WRK_SCRIPT="$WORK_DIR/login.lua" WRK_REQUEST_TIMEOUT=10 \
        bench_target "sbor:login(cost $BCRYPT_COST)" /api/v1/auth/login "$login_url" 0 0
    sleep 3 # let the abandoned sign-ins finish

    # The storm: sign-ins keep the hashing pool busy while users/me is measured.
    log "measuring ${DURATION}s: /api/v1/users/me during a login storm ($LOGIN_CONNECTIONS sign-ins at a time)"
    storm_out="$WORK_DIR/wrk-storm-login.txt"
    WRK_CONNECTIONS=$LOGIN_CONNECTIONS WRK_SCRIPT="$WORK_DIR/login.lua" WRK_REQUEST_TIMEOUT=10 start_wrk "$login_url" $((DURATION + 2)) "$storm_out"
    storm_pid=$WRK_PID
    sleep 1
    WRK_HEADER="Authorization: Bearer $token" run_wrk "$me_url" "$DURATION" "$WORK_DIR/wrk-storm-me.txt"
    WRK_PID=$storm_pid
    finish_wrk "$storm_pid" "$login_url" "$storm_out"
    WRK_PID=""
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "sbor:during-login-storm" /api/v1/users/me "$me_url" 0 0 "$WORK_DIR/wrk-storm-me.txt" \
        "sbor:login-storm" /api/v1/auth/login "$login_url" 0 0 "$storm_out" >>"$WORK_DIR/manifest.tsv"

    stop_nginx
    stop_server
    write_report bench \
        --set "duration_s=$DURATION" --set "warmup_s=$WARMUP" --set "bcrypt_cost=$BCRYPT_COST" \
        --set "login_connections=$LOGIN_CONNECTIONS" --set "nginx_worker_processes=1" \
        --note "sbor-server runs with --log-level $LOG_LEVEL, bcrypt cost $BCRYPT_COST, hashing on its own pool (half the CPUs, nice 10)" \
        --note "users/me: a valid access token on every request (signature check + session standing, cached 2 s) and a profile read from PostgreSQL" \
        --note "nginx serves the same /healthz and users/me bytes from files: a ceiling, not a like-for-like server" \
        --note "login runs: $LOGIN_CONNECTIONS concurrent POST /api/v1/auth/login; the storm runs them beside the users/me measurement" \
        --note "wrk and the servers share this machine's $(nproc) CPUs (load average at start: $LOAD_AT_START)"
    ((SERVER_EXIT_CODE == 0)) || exit 1
}

# --- rush mode: the on-sale rush against a pgbench ceiling ------------------------

psql_sbor() {  # sql -> prints the single value
    psql -X -A -t -q "host=$DATA_DIR/run user=postgres dbname=sbor" -c "$1"
}

api() {  # method path token [body] -> prints the body; dies unless 2xx
    local out status
    out=$(curl --noproxy '*' -sS --max-time 10 -X "$1" -H 'Content-Type: application/json' -H "Authorization: Bearer $3" \
        ${4:+--data "$4"} -w '\n%{http_code}' "http://127.0.0.1:$SBOR_PORT$2") || die "$1 $2 failed"
    status=${out##*$'\n'}
    [[ $status == 2* ]] || die "$1 $2 answered $status: ${out%$'\n'*}"
    printf '%s' "${out%$'\n'*}"
}

json_field() { "$PYTHON" -c 'import json, sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }

# An organizer made by the CLI, an event on sale with one ticket type of `quota` seats.
prepare_sale() {  # quota -> sets RUSH_EVENT RUSH_TYPE
    local starts ends
    starts=$(date -u -d '+30 days' +%Y-%m-%dT%H:%M:%SZ)
    ends=$(date -u -d '+30 days 3 hours' +%Y-%m-%dT%H:%M:%SZ)
    RUSH_EVENT=$(api POST /api/v1/events "$TOKEN" "{\"title\":\"Rush\",\"venue\":\"Arena\",\"starts_at\":\"$starts\",\"ends_at\":\"$ends\",\"timezone\":\"Europe/Moscow\",\"category_id\":1}" | json_field id)
    RUSH_TYPE=$(api POST "/api/v1/events/$RUSH_EVENT/ticket-types" "$TOKEN" "{\"name\":\"Standing\",\"price\":250000,\"currency\":\"RUB\",\"quota\":$1,\"sales_start\":\"$(date -u -d '-1 day' +%Y-%m-%dT%H:%M:%SZ)\",\"sales_end\":\"$starts\",\"max_per_order\":10}" | json_field id)
    api POST "/api/v1/events/$RUSH_EVENT/publish" "$TOKEN" >/dev/null
}

write_order_script() {  # event type -> $WORK_DIR/order.lua
    {
        printf 'wrk.method = "POST"\n'
        printf 'wrk.body = [[{"event_id":"%s","items":[{"ticket_type_id":"%s","quantity":1,"attendees":[{"name":"Fan","email":"fan@example.org"}]}]}]]\n' "$1" "$2"
        printf 'wrk.headers["Content-Type"] = "application/json"\n'
        cat "$WRK_LUA"
    } >"$WORK_DIR/order.lua"
}

oversold() {  # type -> seats sold beyond the quota (must be 0), checked three ways
    psql_sbor "SELECT greatest(
        (SELECT coalesce(sum(sold), 0) FROM tickets.quota_shards WHERE ticket_type_id = '$1') - (SELECT quota FROM tickets.ticket_types WHERE id = '$1'),
        (SELECT coalesce(sum(quantity), 0) FROM tickets.order_items WHERE ticket_type_id = '$1') - (SELECT quota FROM tickets.ticket_types WHERE id = '$1'),
        (SELECT count(*) FROM tickets.quota_shards WHERE sold > capacity), 0)"
}

# pgbench runs the seat-taking statement sbor runs, with the same connection count as sbor's
# pool, against the same PostgreSQL: the ceiling for any order path built on it.
run_pgbench_ceiling() {  # type out_file
    cat >"$WORK_DIR/rush.sql" <<EOF
UPDATE tickets.quota_shards SET sold = sold + 1 WHERE (ticket_type_id, shard) = (
  SELECT ticket_type_id, shard FROM tickets.quota_shards WHERE ticket_type_id = '$1' AND capacity - sold >= 1
  ORDER BY random() LIMIT 1 FOR UPDATE SKIP LOCKED) AND sold + 1 <= capacity RETURNING shard;
EOF
    run_pgbench rush.sql "$2"
}

# pgbench with sbor's pool size against the server's PostgreSQL; per-transaction log at out.log.
run_pgbench() {  # script out_file
    (cd "$WORK_DIR" && pgbench -n -c 16 -j "$THREADS" -T "$DURATION" -f "$1" -l --log-prefix=pgbench-log \
        "host=$DATA_DIR/run user=postgres dbname=sbor" >"$2" 2>&1) || { cat "$2" >&2; die "pgbench failed"; }
    cat "$WORK_DIR"/pgbench-log.* >"$2.log"
}

# sbor-server on free ports with an organizer signed in: sets SBOR_PORT LIVE_PORT TOKEN.
start_as_organizer() {
    local ports
    ports=$(pick_free_ports 2)
    read -r SBOR_PORT LIVE_PORT <<<"$ports"
    write_auth_config
    start_server "$SBOR_PORT" "$LIVE_PORT"
    wait_for_status_200 "http://127.0.0.1:$SBOR_PORT/healthz" "$STARTUP_TIMEOUT" "$SERVER_PID" sbor-server
    BENCH_EMAIL=organizer@example.org
    create_bench_user organizer
    TOKEN=$(sign_in)
}

run_rush() {
    local order_url
    start_as_organizer
    order_url="http://127.0.0.1:$SBOR_PORT/api/v1/orders"

    # Throughput: a quota the run cannot exhaust.
    prepare_sale 10000000
    write_order_script "$RUSH_EVENT" "$RUSH_TYPE"
    WRK_HEADER="Authorization: Bearer $TOKEN" WRK_SCRIPT="$WORK_DIR/order.lua" \
        bench_target "sbor" "POST /api/v1/orders (quota 10M)" "$order_url" 0 0
    RUSH_OVERSOLD_BIG=$(oversold "$RUSH_TYPE")
    log "pgbench ceiling: the same seat-taking UPDATE, 16 connections, ${DURATION}s"
    run_pgbench_ceiling "$RUSH_TYPE" "$WORK_DIR/pgbench.txt"

    # Sell-out: far more buyers than seats.
    prepare_sale "$RUSH_QUOTA"
    write_order_script "$RUSH_EVENT" "$RUSH_TYPE"
    WARMUP=0 WRK_HEADER="Authorization: Bearer $TOKEN" WRK_SCRIPT="$WORK_DIR/order.lua" \
        bench_target "sbor" "POST /api/v1/orders (quota $RUSH_QUOTA, sells out)" "$order_url" 0 0
    RUSH_SOLD=$(psql_sbor "SELECT coalesce(sum(sold), 0) FROM tickets.quota_shards WHERE ticket_type_id = '$RUSH_TYPE'")
    RUSH_ORDERS=$(psql_sbor "SELECT count(*) FROM tickets.order_items WHERE ticket_type_id = '$RUSH_TYPE'")
    RUSH_OVERSOLD_SMALL=$(oversold "$RUSH_TYPE")

    stop_server
    write_report rush \
        --pgbench "$WORK_DIR/pgbench.txt" \
        --set "duration_s=$DURATION" --set "rush_quota=$RUSH_QUOTA" --set "sellout_sold=$RUSH_SOLD" --set "sellout_orders=$RUSH_ORDERS" \
        --set "oversold_throughput_run=$RUSH_OVERSOLD_BIG" --set "oversold_sellout_run=$RUSH_OVERSOLD_SMALL" \
        --note "sbor: POST /api/v1/orders, one ticket each, $CONNECTIONS connections; every order checks the event, the type's window and limits, takes a seat from one of 16 quota shards, writes the order, its attendee, its seat hold and an order.created outbox row in one transaction" \
        --note "pgbench: only the seat-taking UPDATE (the part that serialises buyers), 16 connections = sbor's pool, same PostgreSQL" \
        --note "sell-out run: quota $RUSH_QUOTA; status errors are the sold_out answers after the last seat" \
        --note "wrk, pgbench, sbor-server and PostgreSQL share this machine's $(nproc) CPUs (load average at start: $LOAD_AT_START)"
    ((SERVER_EXIT_CODE == 0)) || exit 1
    [[ $RUSH_OVERSOLD_BIG == 0 && $RUSH_OVERSOLD_SMALL == 0 ]] || die "OVERSOLD: $RUSH_OVERSOLD_BIG / $RUSH_OVERSOLD_SMALL"
}

# --- door mode: redeeming signed codes against a pgbench ceiling -------------------

# Free tickets with real codes, bought through the API in orders of 50: codes one per line.
issue_door_tickets() {  # event type count out_file
    "$PYTHON" - "$SBOR_PORT" "$TOKEN" "$1" "$2" "$3" "$4" <<'PY' || die "issuing tickets failed"
import json, sys, urllib.request
port, token, event, ticket_type, count, out = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]), sys.argv[6]
codes = []
while len(codes) < count:
    n = min(50, count - len(codes))
    body = {"event_id": event, "items": [{"ticket_type_id": ticket_type, "quantity": n,
            "attendees": [{"name": f"Guest {len(codes) + i}", "email": f"guest{len(codes) + i}@example.org"} for i in range(n)]}]}
    request = urllib.request.Request(f"http://127.0.0.1:{port}/api/v1/orders", data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(request, timeout=30) as response:
        codes += [ticket["code"] for ticket in json.load(response)["tickets"]]
with open(out, "w") as f:
    f.write("\n".join(codes) + "\n")
PY
}

# Each request scans the next code of this thread's share, with a fresh scan_id.
write_redeem_script() {  # list codes_file -> $WORK_DIR/redeem.lua
    {
        printf 'local list, codes_file = "%s", "%s"\n' "$1" "$2"
        cat <<'LUA'
local next_thread = 0
function setup(thread)
  thread:set("thread_number", next_thread)
  next_thread = next_thread + 1
end
local codes, counter = {}, 0
function init(args)
  for line in io.lines(codes_file) do codes[#codes + 1] = line end
end
function request()
  counter = counter + 1
  local code = codes[((thread_number * 7919 + counter) % #codes) + 1]
  local body = '{"code":"' .. code .. '","list_id":"' .. list .. '","scan_id":"w' .. thread_number .. '-' .. counter .. '"}'
  return wrk.format("POST", nil, nil, body)
end
wrk.headers["Content-Type"] = "application/json"
LUA
        cat "$WRK_LUA"
    } >"$WORK_DIR/redeem.lua"
}

# pgbench runs the core of a redeem (lock the ticket's row, store the scan) in one transaction,
# with sbor's pool size, against the same PostgreSQL.
run_door_pgbench() {  # event list out_file
    psql_sbor "CREATE TABLE public.bench_ticket_ids AS SELECT row_number() OVER (ORDER BY id) AS n, id FROM tickets.tickets WHERE event_id = '$1';
               ALTER TABLE public.bench_ticket_ids ADD PRIMARY KEY (n)" >/dev/null
    cat >"$WORK_DIR/door.sql" <<EOF
\set n random(1, $DOOR_TICKETS)
BEGIN;
SELECT id, code, status, blocked, valid_from, valid_until FROM tickets.tickets WHERE id = (SELECT id FROM public.bench_ticket_ids WHERE n = :n) FOR NO KEY UPDATE;
INSERT INTO tickets.scans (scan_id, event_id, list_id, ticket_id, code, kind, result, user_id, scanned_at)
  SELECT 'pg-' || gen_random_uuid(), '$1', '$2', id, 'X', 'entry', 'ok', gen_random_uuid(), now() FROM public.bench_ticket_ids WHERE n = :n;
COMMIT;
EOF
    run_pgbench door.sql "$3"
}

run_door() {
    local redeem_url starts ends event type list
    start_as_organizer

    # An event starting in 12 hours (codes admit from a day before), one free ticket type.
    starts=$(date -u -d '+12 hours' +%Y-%m-%dT%H:%M:%SZ)
    ends=$(date -u -d '+15 hours' +%Y-%m-%dT%H:%M:%SZ)
    event=$(api POST /api/v1/events "$TOKEN" "{\"title\":\"Door\",\"venue\":\"Arena\",\"starts_at\":\"$starts\",\"ends_at\":\"$ends\",\"timezone\":\"Europe/Moscow\",\"category_id\":1}" | json_field id)
    type=$(api POST "/api/v1/events/$event/ticket-types" "$TOKEN" "{\"name\":\"Entry\",\"price\":0,\"currency\":\"RUB\",\"quota\":$DOOR_TICKETS,\"sales_start\":\"$(date -u -d '-1 day' +%Y-%m-%dT%H:%M:%SZ)\",\"sales_end\":\"$(date -u -d '+11 hours' +%Y-%m-%dT%H:%M:%SZ)\",\"max_per_order\":50}" | json_field id)
    api POST "/api/v1/events/$event/publish" "$TOKEN" >/dev/null
    list=$(api POST "/api/v1/events/$event/checkin-lists" "$TOKEN" '{"name":"Main gate"}' | json_field id)
    log "issuing $DOOR_TICKETS tickets"
    issue_door_tickets "$event" "$type" "$DOOR_TICKETS" "$WORK_DIR/codes.txt"

    redeem_url="http://127.0.0.1:$SBOR_PORT/api/v1/checkin/redeem"
    write_redeem_script "$list" "$WORK_DIR/codes.txt"
    WARMUP=0 WRK_HEADER="Authorization: Bearer $TOKEN" WRK_SCRIPT="$WORK_DIR/redeem.lua" \
        bench_target "sbor" "POST /api/v1/checkin/redeem" "$redeem_url" 0 0
    DOOR_OK=$(psql_sbor "SELECT count(*) FROM tickets.scans WHERE list_id = '$list' AND result = 'ok'")
    DOOR_ALREADY=$(psql_sbor "SELECT count(*) FROM tickets.scans WHERE list_id = '$list' AND result = 'already_redeemed'")
    DOOR_OTHER=$(psql_sbor "SELECT count(*) FROM tickets.scans WHERE list_id = '$list' AND result NOT IN ('ok', 'already_redeemed')")
    DOOR_TWICE=$(psql_sbor "SELECT count(*) FROM (SELECT ticket_id FROM tickets.scans WHERE list_id = '$list' AND result = 'ok' GROUP BY ticket_id HAVING count(*) > 1) twice")
    log "pgbench ceiling: lock the ticket + insert the scan, 16 connections, ${DURATION}s"
    run_door_pgbench "$event" "$list" "$WORK_DIR/pgbench.txt"

    stop_server
    write_report door \
        --pgbench "$WORK_DIR/pgbench.txt" \
        --set "duration_s=$DURATION" --set "tickets=$DOOR_TICKETS" --set "admitted=$DOOR_OK" --set "already_redeemed=$DOOR_ALREADY" \
        --set "other_results=$DOOR_OTHER" --set "admitted_twice=$DOOR_TWICE" \
        --note "sbor: POST /api/v1/checkin/redeem, $CONNECTIONS connections, each a fresh scan_id; the code is parsed and its Ed25519 signature checked against the event's keys, the ticket row locked, its earlier admissions read, the scan and (when admitted) a ticket.checkin outbox row written in one transaction" \
        --note "codes are taken in turn from $DOOR_TICKETS issued tickets: the first scan of each admits, later ones answer already_redeemed (both are 200 answers of the door)" \
        --note "pgbench: only the ticket lock and the scan insert, 16 connections = sbor's pool, same PostgreSQL" \
        --note "wrk, pgbench, sbor-server and PostgreSQL share this machine's $(nproc) CPUs (load average at start: $LOAD_AT_START)"
    ((SERVER_EXIT_CODE == 0)) || exit 1
    [[ $DOOR_TWICE == 0 && $DOOR_OTHER == 0 ]] || die "DOOR: $DOOR_TWICE tickets admitted twice, $DOOR_OTHER unexpected results"
}

rss_sample() {  # pid -> "rss_kib<TAB>fds<TAB>threads", manifest-ready
    local rss threads fds
    rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$1/status")
    threads=$(awk '/^Threads:/ {print $2}' "/proc/$1/status")
    fds=$(find "/proc/$1/fd" -mindepth 1 -maxdepth 1 2>/dev/null | wc -l)
    printf '%s\t%s\t%s\n' "$rss" "$fds" "$threads"
}

# "packets_dropped<TAB>segments_retransmitted", both since boot: the kernel drops loopback
# packets when a CPU's backlog (net.core.netdev_max_backlog) is full, and each drop costs a TCP
# retransmission timeout (200 ms, doubling), which a soak of 1000 connections sees as a stall.
kernel_network_counters() {
    local dropped=0 retransmitted drops
    while read -r _ drops _; do
        dropped=$((dropped + 16#$drops))
    done </proc/net/softnet_stat
    retransmitted=$(awk '/^Tcp:/ { if (!names) { for (i = 1; i <= NF; i++) if ($i == "RetransSegs") column = i; names = 1 } else print $column }' /proc/net/snmp)
    printf '%s\t%s\n' "$dropped" "$retransmitted"
}

run_soak() {
    local ports url sample slice=0 elapsed=0 len server_died=0 counters_before counters_after
    ports=$(pick_free_ports 2)
    read -r SBOR_PORT LIVE_PORT <<<"$ports"

    start_server "$SBOR_PORT" "$LIVE_PORT"
    wait_for_status_200 "http://127.0.0.1:$SBOR_PORT/healthz" "$STARTUP_TIMEOUT" "$SERVER_PID" sbor-server
    url="http://127.0.0.1:$SBOR_PORT$SOAK_ROUTE"
    # /healthz can be up before the database is; the soak is about /readyz.
    wait_for_status_200 "http://127.0.0.1:$SBOR_PORT/readyz" "$STARTUP_TIMEOUT" "$SERVER_PID" sbor-server

    sample=$(rss_sample "$SERVER_PID")
    printf 'start\t0\t0\t%s\t-\t-\t-\n' "$sample" >>"$WORK_DIR/manifest.tsv"
    log "soak: GET $SOAK_ROUTE, $CONNECTIONS connections, ${DURATION}s in ${INTERVAL}s slices; RSS at start $((${sample%%$'\t'*} / 1024)) MiB"

    while ((elapsed < DURATION)); do
        len=$((DURATION - elapsed < INTERVAL ? DURATION - elapsed : INTERVAL))
        slice=$((slice + 1))
        counters_before=$(kernel_network_counters)
        run_wrk "$url" "$len" "$WORK_DIR/wrk-soak-$slice.txt"
        counters_after=$(kernel_network_counters)
        if ! is_running "$SERVER_PID"; then
            # The most interesting soak outcome: keep what was measured.
            log "error: sbor-server died during slice $slice"
            show_server_log
            server_died=1
            break
        fi
        sample=$(rss_sample "$SERVER_PID")
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$slice" "$elapsed" "$((elapsed + len))" \
            "$sample" "$WORK_DIR/wrk-soak-$slice.txt" \
            "$((${counters_after%%$'\t'*} - ${counters_before%%$'\t'*}))" \
            "$((${counters_after##*$'\t'} - ${counters_before##*$'\t'}))" >>"$WORK_DIR/manifest.tsv"
        elapsed=$((elapsed + len))
        log "slice $slice done (${elapsed}/${DURATION}s), RSS $((${sample%%$'\t'*} / 1024)) MiB"
    done

    ((server_died)) || stop_server
    write_report soak \
        --set "duration_s=$DURATION" --set "interval_s=$INTERVAL" --set "route=$SOAK_ROUTE" \
        --set "server_died=$server_died" \
        --note "sbor-server runs with --log-level $LOG_LEVEL (access logs off the hot path)" \
        --note "wrk: $THREADS threads, $CONNECTIONS connections against GET $SOAK_ROUTE; errors = socket errors + HTTP status >= 400" \
        --note "RSS/fds/threads are the sbor-server process only (not its PostgreSQL), sampled after each slice" \
        --note "kernel drops: packets the kernel dropped in the slice because a CPU's backlog was full (/proc/net/softnet_stat); retransmits: TCP segments sent again (/proc/net/snmp), machine-wide" \
        --note "wrk and the server share this machine's $(nproc) CPUs (load average at start: $LOAD_AT_START)"
    ((server_died == 0)) || exit 1
    [[ $SERVER_EXIT_CODE == 0 ]] || exit 1
}

main() {
    parse_args "$@"
    require_tools
    raise_fd_limit
    trap cleanup EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    trap 'exit 129' HUP
    LOAD_AT_START=$(load_average)
    SERVER_VERSION=$("$SERVER" --version 2>&1 </dev/null | head -n 1) || SERVER_VERSION=unknown
    warn_if_busy "$LOAD_AT_START"
    make_temp_dirs
    case $MODE in
        soak) run_soak ;;
        auth) run_auth ;;
        rush) run_rush ;;
        door) run_door ;;
        *) run_bench ;;
    esac
}

main "$@"
