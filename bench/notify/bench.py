#!/usr/bin/env python3
"""Notification benchmark (issue 9, "Benchmark"); run by bench/notify/run.sh.

  latency   one event at a time (REST, 5 per second) to a project with one
            webhook channel (throttle 0) on a fast receiver on loopback:
            from the POST (the commit happens before its answer) to the
            receiver reading the message; p50/p99/max
  isolation the same with a second channel whose receiver never answers
            (every attempt runs into --notify-timeout-ms): the fast
            channel's latency beside the hung one
  ingest    ws_load (bench/ingest) against a fresh moatd with no channel,
            then with five webhook channels (default throttle, 60 s) on the
            fast receiver; events per second of each and their ratio
  drain     10,000 deliveries written pending while moatd is stopped, then
            moatd started: the time until the receiver has all of them;
            deliveries per second

Numbers only: the exit status says whether the benchmark ran, never
whether a goal was met.
"""

import argparse
import http.client
import http.server
import json
import os
import re
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid

ADMIN_PW = "bench-admin-password-not-secret"


class Receiver:
    """Counts requests and keeps each one's arrival time by event id."""

    def __init__(self, hang=False):
        self.lock = threading.Lock()
        self.arrivals = {}
        self.count = 0
        self.stop = threading.Event()
        outer = self

        class H(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *a):
                pass

            def do_POST(self):
                n = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(n)
                t = time.time()
                if hang:
                    outer.stop.wait(60)
                    return
                try:
                    evs = json.loads(body).get("events") or []
                except ValueError:
                    evs = []
                with outer.lock:
                    outer.count += 1
                    for e in evs:
                        outer.arrivals.setdefault(e.get("id"), t)
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), H)
        self.httpd.daemon_threads = True
        # moatd stopping closes its kept-alive connections: not an error
        self.httpd.handle_error = lambda *a: None
        self.url = "http://127.0.0.1:%d/hook" % self.httpd.server_address[1]
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.stop.set()
        self.httpd.shutdown()


class Moatd:
    def __init__(self, moatd, tmp, name, args):
        self.db = os.path.join(tmp, name + ".db")
        self.log = open(os.path.join(tmp, name + ".log"), "ab")
        self.cmd = [moatd, "serve", "--listen", "127.0.0.1:0", "--agent-listen", "127.0.0.1:0",
                    "--db", self.db, "--log-level", "warn", "--allow-private-webhooks"] + args
        self.proc = None

    def start(self):
        env = dict(os.environ, MOAT_ADMIN_PASSWORD=ADMIN_PW)
        self.proc = subprocess.Popen(self.cmd, stdin=subprocess.DEVNULL,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
        deadline = time.time() + 20
        line = b""
        while time.time() < deadline:
            line = self.proc.stderr.readline()
            self.log.write(line)
            m = re.search(rb"listening http=127\.0\.0\.1:(\d+) agent=127\.0\.0\.1:(\d+)", line)
            if m:
                self.port, self.agent_port = int(m.group(1)), int(m.group(2))
                threading.Thread(target=self._drain, daemon=True).start()
                return
            if not line and self.proc.poll() is not None:
                break
        sys.exit("bench: moatd did not start (%s)" % line)

    def _drain(self):
        for line in self.proc.stderr:
            self.log.write(line)

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()

    def req(self, method, path, body=None, token=None):
        c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        h = {"Content-Type": "application/json"}
        if token:
            h["Authorization"] = "Bearer " + token
        c.request(method, path, json.dumps(body) if body is not None else None, h)
        r = c.getresponse()
        data = r.read()
        c.close()
        return r.status, (json.loads(data) if data else None)

    def setup(self, moatd):
        out = subprocess.run([moatd, "token", "create", "--db", self.db, "--kind", "admin",
                              "--name", "bench"], capture_output=True, text=True, check=True)
        self.admin = out.stdout.strip().splitlines()[-1]
        st, _ = self.req("POST", "/api/v1/projects", {"slug": "bench", "name": "Bench"},
                         self.admin)
        assert st == 201, st
        names = ["sql_injection", "nosql_injection", "xss", "ssrf", "path_traversal",
                 "command_injection", "llm_prompt_injection"]
        st, _ = self.req("PUT", "/api/v1/projects/bench/environments/production/policy",
                         {"interceptors": {n: {"mode": "block", "notify": True} for n in names}},
                         self.admin)
        assert st == 200, st
        st, tok = self.req("POST", "/api/v1/projects/bench/tokens",
                           {"kind": "agent", "name": "x"}, self.admin)
        assert st == 201, st
        self.agent = tok["token"]

    def channel(self, url, **extra):
        body = {"kind": "webhook", "name": "c" + uuid.uuid4().hex[:8], "url": url}
        body.update(extra)
        st, ch = self.req("POST", "/api/v1/projects/bench/channels", body, self.admin)
        assert st == 201, (st, ch)
        return ch


def event():
    ts = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime()) + ".000Z"
    return {"id": str(uuid.uuid4()), "ts": ts, "interceptor": "sql_injection",
            "action": "blocked", "severity": "high", "payload": "' OR 1=1 --",
            "endpoint": "/login"}


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100.0 * (len(xs) - 1))))]


def latency(m, rx, n, label):
    sent = {}
    for _ in range(n):
        e = event()
        sent[e["id"]] = time.time()
        st, _ = m.req("POST", "/api/v1/agent/events", {"events": [e]}, m.agent)
        assert st == 200, st
        time.sleep(0.2)
    deadline = time.time() + 30
    while time.time() < deadline:
        with rx.lock:
            if all(k in rx.arrivals for k in sent):
                break
        time.sleep(0.05)
    with rx.lock:
        lat = [(rx.arrivals[k] - t) * 1000 for k, t in sent.items() if k in rx.arrivals]
    print("%s events=%d received=%d p50_ms=%.1f p99_ms=%.1f max_ms=%.1f" % (
        label, n, len(lat), pct(lat, 50), pct(lat, 99), max(lat)), flush=True)
    return lat


def ws_load(tool, m, seconds, warmup):
    out = subprocess.run([tool, "--host", "127.0.0.1", "--port", str(m.agent_port), "--token",
                          m.agent, "--agents", "20", "--batch", "500", "--seconds", str(seconds),
                          "--warmup", str(warmup)], capture_output=True, text=True)
    line = out.stdout.strip().splitlines()[-1] if out.stdout.strip() else ""
    mm = re.search(r"run_events_per_s=([0-9.]+)", line)
    if out.returncode != 0 or not mm:
        sys.exit("bench: ws_load failed: %s %s" % (out.stdout, out.stderr))
    return float(mm.group(1)), line


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--moatd", default="build/moatd")
    ap.add_argument("--ws-load", default="build/bench/ws_load")
    ap.add_argument("--seconds", type=int, default=15)
    ap.add_argument("--warmup", type=int, default=2)
    ap.add_argument("--events", type=int, default=200)
    ap.add_argument("--drain", type=int, default=10000)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--keep", action="store_true")
    a = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="moat-bench-notify.")
    fast, hung = Receiver(), Receiver(hang=True)
    try:
        # latency, then isolation
        m = Moatd(a.moatd, tmp, "latency", ["--notify-timeout-ms", "10000"])
        m.start()
        m.setup(a.moatd)
        m.channel(fast.url, throttle_seconds=0)
        latency(m, fast, a.events, "latency")
        m.channel(hung.url, throttle_seconds=0)
        latency(m, fast, a.events, "isolation_beside_hung_channel")
        m.stop()

        # ingest with no channel and with five, alternating, --rounds each
        rates = {0: [], 5: []}
        for r in range(a.rounds):
            for n in (0, 5):
                m = Moatd(a.moatd, tmp, "ingest%d_%d" % (n, r), [])
                m.start()
                m.setup(a.moatd)
                for _ in range(n):
                    m.channel(fast.url)
                rate, line = ws_load(a.ws_load, m, a.seconds, a.warmup)
                rates[n].append(rate)
                print("ingest channels=%d round=%d %s" % (n, r + 1, line), flush=True)
                m.stop()
        med = {n: statistics.median(v) for n, v in rates.items()}
        print("ingest_ratio five_channels_vs_none=%.3f (median run_events_per_s %.0f vs %.0f)"
              % (med[5] / med[0], med[5], med[0]), flush=True)

        # drain after a restart
        m = Moatd(a.moatd, tmp, "drain", [])
        m.start()
        m.setup(a.moatd)
        ch = m.channel(fast.url)
        m.stop()
        con = sqlite3.connect(m.db)
        now = int(time.time() * 1000)
        body = json.dumps({"kind": "bench", "message": "pending before the restart"})
        con.executemany(
            "INSERT INTO deliveries(uuid, channel_id, kind, body, next_attempt_at, created_at)"
            " VALUES (?, ?, 'alert', ?, ?, ?)",
            [(str(uuid.uuid4()), ch["id"], body, now, now) for _ in range(a.drain)])
        con.commit()
        con.close()
        with fast.lock:
            before = fast.count
        t0 = time.time()
        m.start()
        deadline = t0 + 600
        while time.time() < deadline:
            with fast.lock:
                if fast.count - before >= a.drain:
                    break
            time.sleep(0.05)
        took = time.time() - t0
        with fast.lock:
            got = fast.count - before
        m.stop()
        print("drain pending=%d received=%d seconds=%.2f per_s=%.0f" % (
            a.drain, got, took, got / took), flush=True)
    finally:
        fast.close()
        hung.close()
        if a.keep:
            print("bench: kept %s" % tmp, file=sys.stderr)
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
