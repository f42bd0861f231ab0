"""SIGTERM under load (issue 8.11): agents sending over the WebSocket,
REST batches, and a search suspended while it waits for the free-text
index, while the database refuses writes (SQLite's write lock held from
outside, as a long checkpoint or a stuck disk would).

The search must be answered by its own deadline even though the writer is
stuck retrying a commit (before, waiters were only expired after a
commit, so a database refusing writes kept the request suspended past the
35 s shutdown drain and MHD stopped with it still suspended). Once the
database takes writes again moatd exits 0, and every batch that was
acknowledged — a WebSocket ack or a REST 200 — is stored.

No timing is asserted except upper bounds on what must happen anyway.
"""

import re
import sqlite3
import threading
import time
import uuid

from moat import check, eq, expect, unique
from wsclient import WS, Closed, hello

# not run on PostgreSQL (run.py lists it there with this reason)
ONLY_ON = ("sqlite", "holds SQLite's write lock from outside to refuse writes")

WAIT = 20.0
AGENTS = 3


def _events(n, tag):
    ts = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime()) + ".000Z"
    return [{"id": str(uuid.uuid4()), "ts": ts, "interceptor": "xss", "action": "logged",
             "severity": "high", "payload": "<script>%s %d</script>" % (tag, i)}
            for i in range(n)]


def _metric(srv, name):
    text = srv.req("GET", "/metrics").raw.decode()
    m = re.search(r"^%s (\d+)$" % re.escape(name), text, re.M)
    check(m is not None, "no %s on /metrics" % name)
    return int(m.group(1))


class Load:
    """Agents and a REST client sending until the server goes away; what
    was acknowledged is kept in acked (event ids)."""

    def __init__(self, srv, token):
        self.srv, self.token = srv, token
        self.acked, self.lock = set(), threading.Lock()
        self.stop = threading.Event()
        self.errors = []
        self.threads = [threading.Thread(target=self._agent, args=(i,), daemon=True)
                        for i in range(AGENTS)]
        self.threads.append(threading.Thread(target=self._rest, daemon=True))
        for t in self.threads:
            t.start()

    def _ack(self, ids):
        with self.lock:
            self.acked.update(ids)

    def _agent(self, i):
        try:
            ws = WS(self.srv.agent_port, token=self.token)
            ws.send(hello("shut-%d" % i, "production"))
            ws.recv_type("welcome", WAIT)
            sent, seq = {}, 0
            while not self.stop.is_set():
                while len(sent) < 4:
                    seq += 1
                    evs = _events(50, "ws%d-%d" % (i, seq))
                    sent[seq] = [e["id"] for e in evs]
                    ws.send({"type": "events", "seq": seq, "events": evs})
                m = ws.recv_type("ack", 60)
                self._ack(sent.pop(m["seq"]))
        except (Closed, OSError, TimeoutError):
            pass  # closed by the shutdown (1001) or the server is gone
        except Exception as exc:  # noqa: BLE001 - reported by the test
            self.errors.append("agent %d: %r" % (i, exc))

    def _rest(self):
        n = 0
        while not self.stop.is_set():
            n += 1
            evs = _events(20, "rest-%d" % n)
            try:
                r = self.srv.req("POST", "/api/v1/agent/events", {"events": evs}, token=self.token)
            except OSError:
                return  # the server is gone
            if r.status == 200:
                self._ack(e["id"] for e in evs)
            elif r.status != 503:
                self.errors.append("REST answered %d" % r.status)
                return

    def join(self):
        self.stop.set()
        for t in self.threads:
            t.join(WAIT * 3)
            check(not t.is_alive(), "a load thread did not finish")


def _begin_immediate(con, deadline):
    """Takes the write lock. SQLite's busy handler sleeps and retries
    without a queue, so beside a writer that commits back to back (moatd
    under ASan with this load) one wait can lose every round of its
    timeout; try again until the test's deadline."""
    while True:
        try:
            con.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError as exc:
            check("locked" in str(exc) and time.monotonic() < deadline,
                  "the write lock was not had: %s" % exc)


def test_sigterm_under_load_with_writes_refused_answers_the_waiting_search_and_loses_nothing(srv):
    slug = unique("shut")
    srv.create_project(slug)
    admin = srv.admin_token()
    tok = expect(srv.req("POST", "/api/v1/projects/%s/tokens" % slug,
                         {"kind": "agent", "name": "s"}, token=admin), 201)["token"]
    # both tokens used once: their last-used times need no write later
    expect(srv.req("POST", "/api/v1/agent/events", {"events": _events(1, "warm")}, token=tok), 200)
    expect(srv.req("GET", "/api/v1/projects/%s" % slug, token=admin), 200)

    load = Load(srv, tok)
    deadline = time.monotonic() + WAIT
    while len(load.acked) < 1000:
        check(time.monotonic() < deadline, "the load was not acknowledged: %r" % load.errors)
        time.sleep(0.05)

    # the database refuses writes from here, with acknowledged events not
    # yet in the free-text index (so a search with text must wait)
    con = sqlite3.connect(srv.db, timeout=10, isolation_level=None)
    locked = False
    try:
        deadline = time.monotonic() + WAIT
        while True:
            _begin_immediate(con, deadline)
            locked = True
            if _metric(srv, "moat_ingest_text_index_lag_events") > 0:
                break
            con.execute("ROLLBACK")
            locked = False
            check(time.monotonic() < deadline, "the free-text index never lagged under load")
            time.sleep(0.02)
        # batches keep arriving and queue up behind the lock
        time.sleep(0.3)
        result = {}

        def search():
            try:
                result["resp"] = srv.req("GET", "/api/v1/projects/%s/events?q=script" % slug,
                                         token=admin)
            except Exception as exc:  # noqa: BLE001 - reported below
                result["error"] = repr(exc)
            result["at"] = time.monotonic()

        t = threading.Thread(target=search, daemon=True)
        t.start()
        time.sleep(0.3)
        check(t.is_alive(), "the search was answered at once although the index lags: %r" % result)
        srv.expected_exit = True
        srv.proc.send_signal(15)
        t0 = time.monotonic()
        # the search is answered by its deadline (2 s, checked at the
        # writer's next retry) while the database still refuses writes
        t.join(WAIT)
        check(not t.is_alive(), "the waiting search was not answered while writes are refused")
        check("error" not in result, "the search failed: %s" % result.get("error"))
        expect(result["resp"], 200)
        print("    search answered %.1f s after SIGTERM, writes still refused" % (result["at"] - t0))
        check(srv.running(), "moatd exited while REST batches wait for their commit")
    finally:
        if locked:
            con.execute("ROLLBACK")
        con.close()
    eq(srv.proc.wait(60), 0, "moatd's exit status after SIGTERM")
    load.join()
    check(not load.errors, "load errors: %r" % load.errors[:5])

    con = sqlite3.connect(srv.db, timeout=10)
    try:
        stored = {r[0] for r in con.execute(
            "SELECT e.event_uid FROM events e JOIN projects p ON p.id = e.project_id WHERE p.slug = ?",
            (slug,))}
    finally:
        con.close()
    lost = load.acked - stored
    print("    %d events acknowledged, %d stored" % (len(load.acked), len(stored)))
    check(not lost, "%d acknowledged events lost, e.g. %r" % (len(lost), sorted(lost)[:3]))
    srv.start()  # the harness expects a running server after the test
