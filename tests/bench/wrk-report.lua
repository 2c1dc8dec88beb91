-- wrk report hook for tests/bench/http-bench.sh.
--
-- wrk's human-readable summary rounds latencies ("1.23ms", "4.56us") and
-- folds non-2xx responses into a separate line that only appears when the
-- count is non-zero, which is awkward to parse. done() sees the raw
-- numbers, so print them once as a single JSON line with a fixed prefix
-- that the harness greps for.
--
-- Deliberately no request()/response() hooks: defining response() makes
-- wrk hand every response to Lua, which costs the load generator enough
-- CPU on a 2-core box to skew the sbor-vs-nginx comparison. The price is
-- that errors.status is wrk's own definition: responses with status >= 400.
-- The harness checks each URL returns 200 before the run to cover the rest.

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRK_JSON {"duration_us":%d,"requests":%d,"bytes":%d,' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
    '"latency_us":{"min":%d,"mean":%.2f,"stdev":%.2f,"max":%d,' ..
    '"p50":%d,"p75":%d,"p90":%d,"p99":%d,"p999":%d}}\n',
    summary.duration, summary.requests, summary.bytes,
    e.connect, e.read, e.write, e.status, e.timeout,
    latency.min, latency.mean, latency.stdev, latency.max,
    latency:percentile(50), latency:percentile(75), latency:percentile(90),
    latency:percentile(99), latency:percentile(99.9)))
end
