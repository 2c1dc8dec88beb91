#!/usr/bin/env bash
# Builds the fuzz preset (build-fuzz/) and runs the libFuzzer targets of tests/fuzz on copies of
# their seed corpora, so the repository is never written. Fails when a target fails to build or
# finds anything (crash, sanitizer report, leak, timeout, out-of-memory); the inputs that did are
# kept under build-fuzz/fuzz-findings/<target>/ and printed in hex.
#
#   tests/fuzz/run-fuzzers.sh                  the short run CI makes (20 s per target; CTest label fuzz)
#   tests/fuzz/run-fuzzers.sh --long 600       the long run of docs/security.md (10 minutes per target)
#   tests/fuzz/run-fuzzers.sh --seconds 60 --jobs 2 jsonbody wire    some targets, two at a time
#
# Options: --seconds S (per target; a run stops at its first finding), --long S (per target, in
# libFuzzer's fork mode, which goes on after a finding and counts them; ends with a Markdown table
# of the numbers and one line per finding), --jobs N (targets run at once; default 1), --no-build.
# Further libFuzzer flags may be given in SBOR_FUZZ_FLAGS.
set -euo pipefail

source_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build_dir="$source_dir/build-fuzz"
cmake_command="${SBOR_CMAKE:-cmake}"
seconds=20
jobs=1
build=1
table=0
targets=()

while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    --long) seconds="$2"; table=1; shift 2 ;;
    --jobs) jobs="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    -*) echo "run-fuzzers: unknown option $1" >&2; exit 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done

if [ ${#targets[@]} -eq 0 ]; then
  for source in "$source_dir"/tests/fuzz/fuzz_*.cpp; do
    name="$(basename "$source" .cpp)"
    targets+=("${name#fuzz_}")
  done
fi

if [ "$build" -eq 1 ]; then
  started=$SECONDS
  mkdir -p "$build_dir"
  (cd "$source_dir" && "$cmake_command" --preset fuzz >"$build_dir/configure.log" 2>&1) || {
    cat "$build_dir/configure.log" >&2; echo "run-fuzzers: configuring the fuzz preset failed" >&2; exit 1; }
  # Two compilers at most: the machine may be building or testing something else meanwhile.
  (cd "$source_dir" && "$cmake_command" --build --preset fuzz --parallel 2) || {
    echo "run-fuzzers: building the fuzz preset failed" >&2; exit 1; }
  echo "run-fuzzers: built in $((SECONDS - started)) s"
fi

work_dir="$(mktemp -d "${TMPDIR:-/tmp}/sbor-fuzz.XXXXXX")"
trap 'rm -rf "$work_dir"' EXIT
# Interrupted: end the fuzzers this run started (their PIDs are in <work>/<target>/pid), then the
# shells waiting for them. (In fork mode a running job ends by itself within seconds.)
stop_fuzzers() {
  local pid_file
  for pid_file in "$work_dir"/*/pid; do
    [ -f "$pid_file" ] && kill "$(cat "$pid_file")" 2>/dev/null
  done
  local job
  for job in $(jobs -p); do
    kill "$job" 2>/dev/null
  done
  exit 130
}
trap stop_fuzzers INT TERM

# abort_on_error: a report ends the run at once, as a crash libFuzzer saves the input of.
export ASAN_OPTIONS="${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1:allocator_may_return_null=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

# run_target <name>: fuzzes one target; writes <work>/<name>.log and <work>/<name>.result.
run_target() {
  local name="$1" binary="$build_dir/bin/fuzz_$1" dir="$work_dir/$1"
  mkdir -p "$dir/corpus" "$dir/artifacts"
  rm -rf "$build_dir/fuzz-findings/$name" # what an earlier run found
  if [ ! -x "$binary" ]; then
    echo "missing" >"$work_dir/$name.result"
    return
  fi
  if [ -d "$source_dir/tests/fuzz/corpus/$name" ]; then
    cp "$source_dir/tests/fuzz/corpus/$name"/* "$dir/corpus/" 2>/dev/null || true
  fi
  local flags=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
               -artifact_prefix="$dir/artifacts/")
  if [ -f "$source_dir/tests/fuzz/$name.dict" ]; then
    flags+=(-dict="$source_dir/tests/fuzz/$name.dict")
  fi
  if [ "$table" -eq 1 ]; then
    # One child process at a time that libFuzzer restarts after a finding, so one bug does not end
    # ten minutes of fuzzing; the findings are counted and kept all the same.
    flags+=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
  fi
  local status=0 began=$SECONDS
  # shellcheck disable=SC2086 # SBOR_FUZZ_FLAGS is a list of flags
  "$binary" "${flags[@]}" ${SBOR_FUZZ_FLAGS:-} "$dir/corpus" >"$work_dir/$name.log" 2>&1 &
  echo $! >"$dir/pid"
  wait $! || status=$?
  local elapsed=$((SECONDS - began)) executions speed coverage features findings corpus
  if [ "$table" -eq 1 ]; then
    # Fork mode's status lines: "#<executions>: cov: C ft: F corp: N exec/s E oom/timeout/crash: a/b/c time: Ts …"
    local last
    last="$(grep -E '^#[0-9]+: cov:' "$work_dir/$name.log" | tail -1 || true)"
    executions="$(sed -E 's/^#([0-9]+):.*/\1/' <<<"$last")"
    elapsed="$(sed -nE 's/.* time: ([0-9]+)s.*/\1/p' <<<"$last")"
    speed=$(( ${executions:-0} / (${elapsed:-0} > 0 ? ${elapsed:-1} : 1) ))
  else
    executions="$(sed -n 's/^stat::number_of_executed_units: *//p' "$work_dir/$name.log" | tail -1)"
    speed="$(sed -n 's/^stat::average_exec_per_sec: *//p' "$work_dir/$name.log" | tail -1)"
  fi
  coverage="$(grep -o 'cov: [0-9]*' "$work_dir/$name.log" | tail -1 | cut -d' ' -f2 || true)"
  features="$(grep -o 'ft: [0-9]*' "$work_dir/$name.log" | tail -1 | cut -d' ' -f2 || true)"
  corpus="$(find "$dir/corpus" -type f | wc -l)"
  findings="$(find "$dir/artifacts" -type f | wc -l)"
  if [ "$status" -ne 0 ] && [ "$findings" -eq 0 ]; then
    findings=1 # it died without saving an input (e.g. during start-up): still a failure
  fi
  echo "$status ${executions:-0} ${speed:-0} ${coverage:-0} ${features:-0} $corpus $findings ${elapsed:-0}" >"$work_dir/$name.result"
}

# signature <target> <input>: what the input does to the target, in one line (the sanitizer's or
# exception's message, and the first place in our code outside the fuzz targets).
signature() {
  local report
  report="$("$build_dir/bin/fuzz_$1" -runs=1 "$2" 2>&1 || true)"
  local what frame
  what="$(grep -m1 -oE 'runtime error: .*|ERROR: (AddressSanitizer|LeakSanitizer): [^ ]+( [^ ]+)?|what\(\): .*|deadly signal' <<<"$report" || true)"
  frame="$(grep -E '^ +#[0-9]+ .* in ' <<<"$report" | grep -oE "$source_dir/[^ ]+\.(cpp|h):[0-9]+" | grep -v "/tests/fuzz/" |
           head -1 | sed "s|$source_dir/||" || true)"
  echo "${what:-no report} @ ${frame:-no frame in our code}"
}

started=$SECONDS
running=0
for name in "${targets[@]}"; do
  run_target "$name" &
  running=$((running + 1))
  if [ "$running" -ge "$jobs" ]; then
    wait -n || true
    running=$((running - 1))
  fi
done
wait || true

failed=0
rows=()
for name in "${targets[@]}"; do
  read -r result <"$work_dir/$name.result"
  if [ "$result" = "missing" ]; then
    echo "run-fuzzers: fuzz_$name was not built" >&2
    failed=1
    continue
  fi
  read -r status executions speed coverage features corpus findings elapsed <<<"$result"
  echo "fuzz_$name: $elapsed s, $executions executions ($speed/s), cov $coverage, ft $features, corpus $corpus, findings $findings"
  rows+=("| fuzz_$name | $elapsed | $executions | $speed | $coverage | $features | $findings |")
  if [ "$findings" -ne 0 ]; then
    failed=1
    keep="$build_dir/fuzz-findings/$name"
    mkdir -p "$keep"
    cp "$work_dir/$name/artifacts"/* "$keep/" 2>/dev/null || true
    echo "---- fuzz_$name found something (exit status $status)" >&2
    if [ "$table" -eq 0 ]; then
      grep -v '^INFO:\|^#[0-9]\|^ *NEW_FUNC\|^MS:\|^base64:' "$work_dir/$name.log" | tail -40 >&2 || true
    fi
    for artifact in "$work_dir/$name/artifacts"/*; do
      [ -f "$artifact" ] || continue
      echo "---- input $(basename "$artifact") (kept in $keep): $(signature "$name" "$artifact")" >&2
      od -An -tx1 -v "$artifact" | head -8 >&2 || true
    done
  fi
done

echo "run-fuzzers: ${#targets[@]} targets in $((SECONDS - started)) s"
if [ "$table" -eq 1 ]; then
  echo
  echo "| target | seconds | executions | exec/s | cov | ft | crashes |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
  printf '%s\n' "${rows[@]}"
fi
exit "$failed"
