#!/usr/bin/python3
"""Stand-in for build/bin/sbor-server, for testing http-bench.sh itself.

It speaks just enough of the sbor-server contract (flags, /healthz, /readyz,
/api/v1/version, JSON log lines on stderr, SIGTERM -> exit 0) to exercise
the harness before the real server builds, or on a machine without it:

    tests/bench/http-bench.sh --server tests/bench/fake-sbor-server.py -d 3

It is slow (one Python thread per connection): its numbers mean nothing.

To exercise the harness's cleanup paths it also starts a child process and
records it in <data-dir>/pg/postmaster.pid, like the real server's private
PostgreSQL. FAKE_SBOR_IGNORE_SIGTERM=1 makes it ignore SIGTERM so the
harness has to fall back to SIGKILL and stop the orphaned "postmaster".
"""
import argparse
import json
import os
import signal
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LEVELS = {"trace": 0, "debug": 1, "info": 2, "warn": 3, "error": 4}


def log(level, msg, min_level, **fields):
    if LEVELS.get(level, 2) >= LEVELS.get(min_level, 2):
        rec = {"ts": time.time(), "level": level, "msg": msg, **fields}
        sys.stderr.write(json.dumps(rec) + "\n")
        sys.stderr.flush()


def make_handler(min_level):
    bodies = {
        "/healthz": b'{"status":"ok"}',
        "/readyz": b'{"status":"ready","db":"ok"}',
        "/api/v1/version": b'{"name":"sbor","version":"0.0.0-fake","commit":"fake"}',
    }

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, like a real server
        disable_nagle_algorithm = True  # headers and body go out as 2 writes

        def do_GET(self):
            body = bodies.get(self.path)
            status = 200 if body is not None else 404
            body = body if body is not None else b'{"error":"not found"}'
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, fmt, *args):
            log("info", "access", min_level, line=fmt % args)

    return Handler


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # wrk resets its connections when a run ends; that is not news.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--config")
    p.add_argument("--data-dir", required=True)
    p.add_argument("--db-url")
    p.add_argument("--http", default="127.0.0.1:8080")
    p.add_argument("--live", default="127.0.0.1:8081")
    p.add_argument("--target")
    p.add_argument("--list-targets", action="store_true")
    p.add_argument("--log-level", default="info")
    a = p.parse_args()

    # The fake "postmaster": a child that outlives us if we are SIGKILLed.
    pg_dir = os.path.abspath(os.path.join(a.data_dir, "pg"))
    os.makedirs(pg_dir, exist_ok=True)
    child = subprocess.Popen(["sleep", "3600"], cwd=pg_dir, start_new_session=True)
    with open(os.path.join(pg_dir, "postmaster.pid"), "w") as f:
        f.write(f"{child.pid}\n{pg_dir}\n")

    time.sleep(0.5)  # pretend to run initdb
    host, port = a.http.rsplit(":", 1)
    httpd = Server((host, int(port)), make_handler(a.log_level))

    def on_term(signum, frame):
        log("info", "shutting down", a.log_level, signal=signum)
        threading.Thread(target=httpd.shutdown).start()

    if os.environ.get("FAKE_SBOR_IGNORE_SIGTERM") == "1":
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
    else:
        signal.signal(signal.SIGTERM, on_term)
    signal.signal(signal.SIGINT, on_term)

    log("warn", "fake sbor-server listening", a.log_level, http=a.http)
    httpd.serve_forever()
    child.terminate()
    child.wait()
    os.unlink(os.path.join(pg_dir, "postmaster.pid"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
