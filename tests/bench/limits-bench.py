#!/usr/bin/python3
"""What hostile clients cost sbor-server: memory and time, measured (issue 14).

    tests/bench/limits-bench.py [--server build/bin/sbor-server] [--idle 10000] [--out FILE.json]

Starts sbor-server (embedded PostgreSQL, private data dir, loopback only) and, one scenario at a
time, sends what a stranger may send without an account: a 1 GB body with Content-Length and one
chunked, a 64 MiB request line, a 64 MiB header, ten of each at once, a slowloris client, and
--idle connections held open while /healthz is timed. For each it prints the answer, the time to
it, and how much the server's resident memory grew at its peak (VmHWM after resetting it through
/proc/PID/clear_refs). Goals (docs/benchmarks.md): each refused with < 4 MiB growth, slowloris cut
at the header deadline, /healthz p99 < 10 ms with 10,000 idle connections.

Only the standard library; everything talks to 127.0.0.1 and stops by itself.
"""
import argparse
import json
import os
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
GIB = 1024 ** 3
MIB = 1024 ** 2


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_kib(pid, field):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def reset_peak(pid):
    with open(f"/proc/{pid}/clear_refs", "w") as refs:
        refs.write("5")


def status_of(answer):
    try:
        return int(answer.split(b" ", 2)[1]) if answer.startswith(b"HTTP/1.") else 0
    except (IndexError, ValueError):
        return 0


def stream(port, head, body_piece, total, chunked):
    """Sends `head`, then `total` bytes of body in pieces, until the server answers or closes."""
    started = time.monotonic()
    answer = b""
    sent = 0
    with socket.create_connection(("127.0.0.1", port), timeout=30) as s:
        s.setblocking(True)
        s.settimeout(0.0)
        try:
            s.sendall(head)
        except BlockingIOError:
            s.settimeout(30)
            s.sendall(head)
        s.settimeout(0.0)
        piece = (b"%x\r\n" % len(body_piece) + body_piece + b"\r\n") if chunked else body_piece
        deadline = started + 60
        while sent < total and time.monotonic() < deadline:
            try:
                more = s.recv(65536)
                if not more:
                    break  # closed by the server
                answer += more
            except BlockingIOError:
                pass
            except (ConnectionResetError, BrokenPipeError):
                break
            if status_of(answer):
                break
            try:
                sent += s.send(piece)
            except BlockingIOError:
                time.sleep(0.001)
            except (ConnectionResetError, BrokenPipeError):
                break
        s.settimeout(5)
        try:
            while not status_of(answer):
                more = s.recv(65536)
                if not more:
                    break
                answer += more
        except (socket.timeout, ConnectionResetError):
            pass
    return status_of(answer), time.monotonic() - started, sent


def scenario_body(port, chunked):
    head = (b"POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n" +
            (b"Transfer-Encoding: chunked\r\n\r\n" if chunked else b"Content-Length: %d\r\n\r\n" % GIB))
    return stream(port, head, b"x" * 65536, GIB, chunked)


def scenario_request_line(port):
    return stream(port, b"GET /api/v1/events/", b"a" * 65536, 64 * MIB, False)


def scenario_header(port):
    return stream(port, b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ", b"b" * 65536, 64 * MIB, False)


def slowloris(port, header_timeout_s):
    started = time.monotonic()
    with socket.create_connection(("127.0.0.1", port), timeout=5) as s:
        s.sendall(b"GET /healthz HTTP/1.1\r\n")
        while time.monotonic() - started < header_timeout_s * 3 + 5:
            try:
                s.sendall(b"X")
            except (BrokenPipeError, ConnectionResetError):
                return time.monotonic() - started
            s.settimeout(1.0)
            try:
                if s.recv(4096) == b"":
                    return time.monotonic() - started
            except socket.timeout:
                pass
            except ConnectionResetError:
                return time.monotonic() - started
    return None


def healthz_latencies(port, count):
    latencies = []
    with socket.create_connection(("127.0.0.1", port), timeout=5) as s:
        s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        request = b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"
        for _ in range(count):
            started = time.perf_counter()
            s.sendall(request)
            answer = b""
            while b"\r\n\r\n" not in answer or not answer.endswith(b"}"):
                more = s.recv(65536)
                if not more:
                    raise RuntimeError("connection closed during /healthz")
                answer += more
            latencies.append((time.perf_counter() - started) * 1000)
    return latencies


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--server", default=os.path.join(ROOT, "build", "bin", "sbor-server"))
    parser.add_argument("--idle", type=int, default=10000, help="idle connections held open")
    parser.add_argument("--out", help="write the results as JSON here too")
    options = parser.parse_args()

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    if hard < options.idle + 200:
        sys.exit(f"the hard fd limit {hard} is below --idle {options.idle} + 200")

    data_dir = tempfile.mkdtemp(prefix="sbor-bench-limits-")
    os.chmod(data_dir, 0o755)
    port, live = free_port(), free_port()
    log = open(os.path.join(data_dir, "server.log"), "w")
    env = dict(os.environ, SBOR_HTTP_MAX_CONNECTIONS=str(options.idle + 1000), SBOR_HTTP_IDLE_TIMEOUT_MS="600000")
    server = subprocess.Popen([options.server, "--data-dir", data_dir, "--http", f"127.0.0.1:{port}", "--live", f"127.0.0.1:{live}",
                               "--log-level", "warn"], stdout=log, stderr=log, env=env)
    results = []
    try:
        for _ in range(600):
            try:
                if urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1).status == 200:
                    break
            except OSError:
                time.sleep(0.1)
        else:
            sys.exit("sbor-server did not start")
        pid = server.pid
        baseline = rss_kib(pid, "VmRSS")
        print(f"sbor-server pid {pid}, RSS at rest {baseline / 1024:.1f} MiB")

        def measure(name, run, copies=1):
            reset_peak(pid)
            before = rss_kib(pid, "VmRSS")
            outcomes = []
            threads = [threading.Thread(target=lambda: outcomes.append(run())) for _ in range(copies)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            peak = rss_kib(pid, "VmHWM")
            statuses = sorted({o[0] for o in outcomes})
            seconds = max(o[1] for o in outcomes)
            sent = sum(o[2] for o in outcomes)
            growth = (peak - before) / 1024
            results.append({"scenario": name, "copies": copies, "status": statuses, "seconds": round(seconds, 3),
                            "client_sent_mib": round(sent / MIB, 1), "rss_growth_mib": round(growth, 2)})
            print(f"| {name:<32} | {copies:>2} | {','.join(map(str, statuses)):>7} | {seconds:7.3f} | {sent / MIB:9.1f} | {growth:8.2f} |")

        print("\n| scenario                         | ×  | answer  | s       | sent MiB  | RSS +MiB |")
        print("| --- | ---: | ---: | ---: | ---: | ---: |")
        for copies in (1, 10):
            measure("1 GB body, Content-Length", lambda: scenario_body(port, False), copies)
            measure("1 GB body, chunked", lambda: scenario_body(port, True), copies)
            measure("64 MiB request line", lambda: scenario_request_line(port), copies)
            measure("64 MiB header", lambda: scenario_header(port), copies)

        cut = slowloris(port, 10)
        results.append({"scenario": "slowloris (1 byte/s)", "cut_after_s": cut})
        print(f"\nslowloris (one header byte a second): disconnected after {cut:.1f} s" if cut else "\nslowloris: NOT disconnected")

        quiet = healthz_latencies(port, 2000)
        held = []
        started = time.monotonic()
        for _ in range(options.idle):
            s = socket.socket()
            s.connect(("127.0.0.1", port))
            held.append(s)
        opened = time.monotonic() - started
        time.sleep(1)
        rss_idle = rss_kib(pid, "VmRSS")
        busy = healthz_latencies(port, 2000)
        results.append({"scenario": f"{options.idle} idle connections", "open_s": round(opened, 2),
                        "healthz_p50_ms_before": round(percentile(quiet, 50), 3), "healthz_p99_ms_before": round(percentile(quiet, 99), 3),
                        "healthz_p50_ms": round(percentile(busy, 50), 3), "healthz_p99_ms": round(percentile(busy, 99), 3),
                        "rss_mib": round(rss_idle / 1024, 1), "rss_mib_at_rest": round(baseline / 1024, 1)})
        print(f"{options.idle} idle connections (opened in {opened:.1f} s): /healthz p50 {percentile(busy, 50):.3f} ms, "
              f"p99 {percentile(busy, 99):.3f} ms (without them: p50 {percentile(quiet, 50):.3f}, p99 {percentile(quiet, 99):.3f}); "
              f"RSS {rss_idle / 1024:.1f} MiB")
        for s in held:
            s.close()
        alive = urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5).status
        print(f"afterwards /healthz answers {alive}")
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
        shutil.rmtree(data_dir, ignore_errors=True)
    if options.out:
        with open(options.out, "w") as out:
            json.dump(results, out, indent=1)


if __name__ == "__main__":
    main()
