"""Every queue is bounded, and its bound loses nothing acknowledged (issue
8.18). The writer's queue holds at most 100,000 events: a WebSocket batch
read while it is full is kept by its connection (which stops reading) and
handed over once the backlog is under half, so nothing is refused to the
agent and everything is acknowledged after its commit. Before, the
WebSocket path queued without a bound (each connection could add a batch
past it).

The writer is held still by taking SQLite's write lock from outside, so
the queue fills without a race; the lock is then released and every batch
must be acknowledged and stored exactly once.
"""

import json
import re
import sqlite3
import threading
import time
import uuid

from moat import check, eq, expect, unique
from wsclient import WS, hello

# not run on PostgreSQL (run.py lists it there with this reason)
ONLY_ON = ("sqlite", "holds SQLite's write lock from outside to fill the writer's queue")

WAIT = 30.0
AGENTS = 26
BATCHES = 8   # the protocol's window
EVENTS = 500  # the protocol's batch maximum
BOUND = 100000


def _metrics(srv):
    return srv.req("GET", "/metrics").raw.decode()


def _metric(text, name):
    m = re.search(r"^%s (\d+)$" % re.escape(name), text, re.M)
    check(m is not None, "no %s on /metrics" % name)
    return int(m.group(1))


def _batch(seq, tag):
    ts = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime()) + ".000Z"
    evs = [{"id": str(uuid.uuid4()), "ts": ts, "interceptor": "sql_injection",
            "action": "blocked", "severity": "high", "payload": "%s %d" % (tag, i)}
           for i in range(EVENTS)]
    return json.dumps({"type": "events", "seq": seq, "events": evs})


def test_a_full_writer_queue_keeps_websocket_batches_in_their_connections_and_loses_none(srv):
    slug = unique("bound")
    srv.create_project(slug)
    admin = srv.admin_token()
    tok = expect(srv.req("POST", "/api/v1/projects/%s/tokens" % slug,
                         {"kind": "agent", "name": "b"}, token=admin), 201)["token"]
    socks = []
    for i in range(AGENTS):
        ws = WS(srv.agent_port, token=tok, timeout=WAIT * 2)
        ws.send(hello("bound-%d" % i, "production"))
        ws.recv_type("welcome", WAIT)
        socks.append(ws)
    payloads = [[_batch(s + 1, "a%d-%d" % (i, s)) for s in range(BATCHES)] for i in range(AGENTS)]
    acks = [[] for _ in range(AGENTS)]
    errors = []

    def agent(i):
        ws = socks[i]
        try:
            for p in payloads[i]:
                ws.send_frame(0x1, p.encode())
            while len(acks[i]) < BATCHES:
                acks[i].append(ws.recv_type("ack", WAIT * 2))
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append("agent %d: %r" % (i, exc))

    con = sqlite3.connect(srv.db, timeout=10, isolation_level=None)
    con.execute("BEGIN IMMEDIATE")  # the writer cannot commit now
    threads = [threading.Thread(target=agent, args=(i,), daemon=True) for i in range(AGENTS)]
    try:
        for t in threads:
            t.start()
        # 104,000 events are sent; the queue takes 100,000 at most
        deadline = time.monotonic() + WAIT
        while True:
            text = _metrics(srv)
            queued = _metric(text, "moat_ingest_queue_events")
            check(queued <= BOUND, "%d events queued for the writer: over its bound" % queued)
            m = re.search(r'^moat_ingest_refused_total\{job="events"\} (\d+)$', text, re.M)
            if m and int(m.group(1)) > 0 and queued > BOUND - EVENTS * BATCHES:
                break
            check(time.monotonic() < deadline,
                  "the queue never filled to its bound (%d queued)" % queued)
            time.sleep(0.05)
        print("    %d events queued at the bound; the rest wait in their connections" % queued)
    finally:
        con.execute("ROLLBACK")
        con.close()
    for t in threads:
        t.join(WAIT * 3)
    check(not errors, "agents: %r" % errors[:3])
    for i in range(AGENTS):
        eq(sorted(a["seq"] for a in acks[i]), list(range(1, BATCHES + 1)), "acks of agent %d" % i)
        eq(sum(a["accepted"] for a in acks[i]), BATCHES * EVENTS, "accepted for agent %d" % i)
    for ws in socks:
        ws.close()
    con = sqlite3.connect(srv.db, timeout=10)
    try:
        n = con.execute("SELECT count(*) FROM events e JOIN projects p ON p.id = e.project_id"
                        " WHERE p.slug = ?", (slug,)).fetchone()[0]
    finally:
        con.close()
    eq(n, AGENTS * BATCHES * EVENTS, "events stored")
