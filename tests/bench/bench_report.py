#!/usr/bin/python3
"""Turns the raw wrk runs of http-bench.sh into a table and a JSON file.

The shell script does the process juggling; anything that needs arithmetic,
JSON or formatting lives here, because doing those in bash is where bugs
hide. Standard library only.

    bench_report.py bench --manifest M --out F [--set key=value ...]
    bench_report.py soak  --manifest M --out F [--set key=value ...]

The manifest is a TSV written by the shell script, one line per wrk run:
    bench: target route url body_bytes header_bytes wrk_output_file
    soak:  slice start_s end_s rss_kib fds threads wrk_output_file kernel_drops retransmits
A soak line with slice "start" has "-" for the wrk file (RSS before load).
"""
import argparse
import datetime
import json
import os
import platform
import re
import subprocess
import sys

WRK_JSON_PREFIX = "WRK_JSON "


def parse_value(text):
    """--set values arrive as strings; keep numbers numeric in the JSON."""
    for conv in (int, float):
        try:
            return conv(text)
        except ValueError:
            pass
    return text


def parse_sets(pairs):
    out = {}
    for pair in pairs or []:
        key, _, value = pair.partition("=")
        out[key] = parse_value(value)
    return out


def read_wrk_output(path):
    """Returns (stats from wrk-report.lua, full wrk text)."""
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    for line in text.splitlines():
        if line.startswith(WRK_JSON_PREFIX):
            return json.loads(line[len(WRK_JSON_PREFIX):]), text
    raise SystemExit(f"bench_report: no {WRK_JSON_PREFIX.strip()} line in {path}:\n{text}")


def summarize(stats):
    """The handful of numbers the tables show, derived from raw wrk stats."""
    errs = stats["errors"]
    seconds = stats["duration_us"] / 1e6
    lat = stats["latency_us"]
    return {
        "requests": stats["requests"],
        "duration_s": round(seconds, 3),
        "req_per_s": round(stats["requests"] / seconds, 1) if seconds > 0 else 0.0,
        "p50_ms": round(lat["p50"] / 1000, 3),
        "p99_ms": round(lat["p99"] / 1000, 3),
        # wrk counts a response as a status error when its status is >= 400.
        "errors": sum(errs.values()),
        "socket_errors": errs["connect"] + errs["read"] + errs["write"] + errs["timeout"],
        "http_errors": errs["status"],
    }


def first_line_matching(path, pattern):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                m = re.match(pattern, line)
                if m:
                    return m.group(1).strip()
    except OSError:
        pass
    return None


def command_output(argv):
    try:
        r = subprocess.run(argv, capture_output=True, text=True, timeout=10)
        return (r.stdout + r.stderr).strip().splitlines()[0]
    except (OSError, subprocess.SubprocessError, IndexError):
        return None


def git_commit(repo_root):
    """Reads .git directly: the harness must not depend on git being installed."""
    git_dir = os.path.join(repo_root, ".git")
    head = first_line_matching(os.path.join(git_dir, "HEAD"), r"(.*)")
    if not head:
        return None
    if not head.startswith("ref: "):
        return head
    ref = head[5:]
    commit = first_line_matching(os.path.join(git_dir, ref), r"([0-9a-f]{40})")
    if commit:
        return commit
    return first_line_matching(os.path.join(git_dir, "packed-refs"),
                               r"([0-9a-f]{40}) " + re.escape(ref) + r"$")


def machine_info(repo_root):
    mem_kib = first_line_matching("/proc/meminfo", r"MemTotal:\s+(\d+) kB")
    return {
        "nproc": len(os.sched_getaffinity(0)),
        "cpu_model": first_line_matching("/proc/cpuinfo", r"model name\s*:\s*(.*)"),
        "mem_total_mib": round(int(mem_kib) / 1024) if mem_kib else None,
        "kernel": platform.release(),
        "os": first_line_matching("/etc/os-release", r'PRETTY_NAME="?([^"]*)"?'),
        "date_utc": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "wrk_version": command_output(["wrk", "-v"]),
        "nginx_version": command_output(["nginx", "-v"]),
        "git_commit": git_commit(repo_root),
    }


def read_manifest(path):
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f if line.strip()]


def format_table(headers, rows, right_from=2):
    """Plain fixed-width table; columns from right_from on are right-aligned."""
    widths = [max(len(str(x)) for x in col) for col in zip(headers, *rows)]
    def fmt(row):
        cells = [str(c).ljust(w) if i < right_from else str(c).rjust(w)
                 for i, (c, w) in enumerate(zip(row, widths))]
        return "  ".join(cells).rstrip()
    lines = [fmt(headers), fmt(["-" * w for w in widths])]
    lines += [fmt(r) for r in rows]
    return "\n".join(lines)


def format_ratio(ratio):
    if ratio is None:
        return "-"
    return f"{ratio:.2f}" if ratio >= 0.1 else f"{ratio:.3g}"  # 0.00 says nothing


def bench(args, params):
    runs = []
    for target, route, url, body_bytes, header_bytes, wrk_file in read_manifest(args.manifest):
        stats, text = read_wrk_output(wrk_file)
        runs.append({"target": target, "route": route, "url": url,
                     "body_bytes": int(body_bytes), "header_bytes": int(header_bytes),
                     **summarize(stats), "wrk": stats, "wrk_output": text})

    # The point of the benchmark: sbor's throughput relative to a static
    # file server sending the same body with the same worker budget.
    nginx_rps = {r["route"]: r["req_per_s"] for r in runs if r["target"] == "nginx"}
    for r in runs:
        base = nginx_rps.get(r["route"])
        r["ratio_to_nginx"] = round(r["req_per_s"] / base, 3) if base else None

    headers = ["target", "route", "req/s", "p50 ms", "p99 ms", "errors", "vs nginx"]
    rows = [[r["target"], r["route"], f'{r["req_per_s"]:.0f}', f'{r["p50_ms"]:.2f}',
             f'{r["p99_ms"]:.2f}', r["errors"],
             format_ratio(r["ratio_to_nginx"])]
            for r in runs]
    report = {"kind": "http-bench", "machine": machine_info(args.repo_root),
              "params": params, "results": runs}
    table = format_table(headers, rows)
    # Auth mode: how much a login storm slows authenticated requests (goal: at most 2x).
    idle = {r["route"]: r for r in runs if r["target"] == "sbor"}
    for r in runs:
        if r["target"] == "sbor:during-login-storm" and r["route"] in idle:
            base = idle[r["route"]]["p99_ms"]
            factor = r["p99_ms"] / base if base else None
            report["login_storm"] = {"route": r["route"], "idle_p99_ms": base, "storm_p99_ms": r["p99_ms"],
                                     "factor": round(factor, 2) if factor else None, "goal_factor": 2.0}
            table += (f'\n\n{r["route"]} p99 during the login storm: {r["p99_ms"]:.2f} ms vs '
                      f'{base:.2f} ms idle = {format_ratio(factor)}x (goal: at most 2x)')
    return report, table


def pgbench_summary(path):
    """tps from pgbench's report, p50/p99 from its per-transaction log (latency in µs, column 3)."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    tps = float(re.search(r"tps = ([0-9.]+)", text).group(1))
    latencies = []
    with open(path + ".log", encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 3:
                latencies.append(int(parts[2]))
    latencies.sort()
    pick = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))] / 1000 if latencies else 0.0
    return {"req_per_s": round(tps, 1), "p50_ms": round(pick(0.50), 3), "p99_ms": round(pick(0.99), 3),
            "transactions": len(latencies), "output": text}


def against_pgbench(args, params, kind, ceiling_label):
    """sbor's wrk runs next to a pgbench run of the same core SQL, same PostgreSQL, same run."""
    runs = []
    for target, route, url, body_bytes, header_bytes, wrk_file in read_manifest(args.manifest):
        stats, text = read_wrk_output(wrk_file)
        runs.append({"target": target, "route": route, **summarize(stats), "wrk": stats, "wrk_output": text})
    ceiling = pgbench_summary(args.pgbench)
    headers = ["target", "what", "req/s", "p50 ms", "p99 ms", "errors", "vs pgbench"]
    rows = [["pgbench", ceiling_label, f'{ceiling["req_per_s"]:.0f}', f'{ceiling["p50_ms"]:.2f}',
             f'{ceiling["p99_ms"]:.2f}', 0, "1.00"]]
    for r in runs:
        r["ratio_to_pgbench"] = round(r["req_per_s"] / ceiling["req_per_s"], 3) if ceiling["req_per_s"] else None
        rows.append([r["target"], r["route"], f'{r["req_per_s"]:.0f}', f'{r["p50_ms"]:.2f}', f'{r["p99_ms"]:.2f}',
                     r["errors"], format_ratio(r["ratio_to_pgbench"])])
    report = {"kind": kind, "machine": machine_info(args.repo_root), "params": params,
              "pgbench": ceiling, "results": runs}
    return report, format_table(headers, rows)


def rush(args, params):
    report, table = against_pgbench(args, params, "rush-bench", "seat-taking UPDATE only")
    table += (f'\n\nsell-out: {params.get("sellout_sold")} seats sold of {params.get("rush_quota")} '
              f'({params.get("sellout_orders")} order lines); oversold: {params.get("oversold_throughput_run")} '
              f'(throughput run), {params.get("oversold_sellout_run")} (sell-out run)')
    return report, table


def door(args, params):
    report, table = against_pgbench(args, params, "door-bench", "ticket lock + scan insert only")
    table += (f'\n\nscans: {params.get("admitted")} admitted, {params.get("already_redeemed")} already_redeemed, '
              f'{params.get("other_results")} other; tickets admitted twice: {params.get("admitted_twice")} (must be 0)')
    return report, table


def soak(args, params):
    start_rss = None
    slices = []
    for name, start_s, end_s, rss_kib, fds, threads, wrk_file, drops, retransmits in read_manifest(args.manifest):
        sample = {"rss_mib": round(int(rss_kib) / 1024, 1), "fds": int(fds),
                  "threads": int(threads)}
        if name == "start":
            start_rss = sample
            continue
        stats, _ = read_wrk_output(wrk_file)
        slices.append({"slice": int(name), "start_s": int(start_s), "end_s": int(end_s),
                       **summarize(stats), "timeouts": stats["errors"]["timeout"], **sample,
                       "kernel_drops": int(drops), "retransmits": int(retransmits), "wrk": stats})

    headers = ["interval", "req/s", "p99 ms", "errors", "timeouts", "RSS MiB", "fds", "threads",
               "kernel drops", "retransmits"]
    rows = []
    if start_rss:
        rows.append(["start", "-", "-", "-", "-", f'{start_rss["rss_mib"]:.1f}',
                     start_rss["fds"], start_rss["threads"], "-", "-"])
    for s in slices:
        rows.append([f'{s["slice"]} ({s["start_s"]}-{s["end_s"]}s)', f'{s["req_per_s"]:.0f}',
                     f'{s["p99_ms"]:.2f}', s["errors"], s["timeouts"], f'{s["rss_mib"]:.1f}',
                     s["fds"], s["threads"], s["kernel_drops"], s["retransmits"]])
    total_req = sum(s["requests"] for s in slices)
    summary = {
        "requests": total_req,
        "errors": sum(s["errors"] for s in slices),
        "timeouts": sum(s["timeouts"] for s in slices),
        "kernel_drops": sum(s["kernel_drops"] for s in slices),
        "retransmits": sum(s["retransmits"] for s in slices),
        "worst_p99_ms": max((s["p99_ms"] for s in slices), default=None),
        "rss_start_mib": start_rss["rss_mib"] if start_rss else None,
        "rss_end_mib": slices[-1]["rss_mib"] if slices else None,
    }
    if summary["rss_start_mib"] is not None and summary["rss_end_mib"] is not None:
        summary["rss_growth_mib"] = round(summary["rss_end_mib"] - summary["rss_start_mib"], 1)
    report = {"kind": "http-soak", "machine": machine_info(args.repo_root),
              "params": params, "start": start_rss, "slices": slices, "summary": summary}
    table = format_table(headers, rows, right_from=1)
    table += (f'\n\ntotal {total_req} requests, {summary["errors"]} errors '
              f'({summary["timeouts"]} timeouts), worst p99 {summary["worst_p99_ms"]} ms, '
              f'{summary["kernel_drops"]} packets dropped by the kernel, '
              f'{summary["retransmits"]} retransmitted, RSS {summary["rss_start_mib"]}'
              f' -> {summary["rss_end_mib"]} MiB')
    return report, table


def main():
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("mode", choices=["bench", "soak", "rush", "door"])
    p.add_argument("--pgbench", help="rush, door: pgbench's output (and its per-transaction log at FILE.log)")
    p.add_argument("--manifest", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--repo-root", default=".")
    p.add_argument("--set", action="append", metavar="KEY=VALUE",
                   help="recorded under params in the JSON")
    p.add_argument("--note", action="append", default=[],
                   help="printed above the table and stored under notes")
    args = p.parse_args()

    params = parse_sets(args.set)
    report, table = {"bench": bench, "soak": soak, "rush": rush, "door": door}[args.mode](args, params)
    report["notes"] = args.note

    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    tmp = args.out + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(report, f, indent=2)
        f.write("\n")
    os.replace(tmp, args.out)  # never leave a half-written report behind

    for note in args.note:
        print(f"# {note}")
    if args.note:
        print()
    print(table)
    print(f"\nJSON written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
