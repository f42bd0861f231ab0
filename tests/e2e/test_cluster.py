"""Several moatd on one PostgreSQL database form one Moat (issue 13,
"Proof"): what one instance writes the others read, sessions included (no
sticky sessions); a policy committed on A reaches an agent connected to B
within 1 s (LISTEN/NOTIFY); a token revoked or a session ended on one
instance is refused by the others within 1 s; the same event batch sent to
A and to B is stored once; A killed with SIGKILL under load loses nothing
it acknowledged, B keeps serving, and A's agents come back through the load
balancer (moat.Balancer, round robin, passing over a backend that refuses)
to B; an agent whose instance died is marked offline by the survivors after
the heartbeat timeout, and an instance starting does not mark the others'
agents offline.

Each test starts its own cluster (moat.cluster: n moatd on one fresh
database, dropped at the end); the module's own server is not used. Bounds
asserted are the issue's (1 s for a push and a revocation; the agents'
reconnect backoff, 500 ms doubling, for a reconnect), with latencies
printed; nothing else is timed.
"""

import datetime
import os
import re
import subprocess
import threading
import time
import urllib.parse
import uuid

import moat
from moat import ADMIN_EMAIL, check, eq, expect, expect_problem, unique
from wsclient import WS, Closed, hello

# `make e2e` selects this module only when it runs the suite on PostgreSQL
# (E2E_ENGINES in the Makefile); on SQLite run.py lists it as not run.
ONLY_ON = ("postgres", "several moatd on one database: PostgreSQL only (issue 13)")
TEST_TIMEOUT = 120

PUSH_BOUND = 1.0    # s: the bound for a push and a revocation to reach another instance
RECONNECT_BOUND = 8.0  # s: 500 ms + 1 s + 2 s + 4 s of backoff (+-20 %), all attempts through the balancer
WAIT = 15.0         # s: for anything else that must happen


def _ts():
    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def _events(n, tag):
    return [{"id": str(uuid.uuid4()), "ts": _ts(), "interceptor": "sql_injection", "action": "blocked",
             "severity": "high", "endpoint": "/cluster/" + tag, "payload": "' OR 1=1 -- %s %d" % (tag, i)}
            for i in range(n)]


def _project(node, tok):
    """A new project made through node's API; returns (slug, agent token)."""
    slug = unique("cl")
    node.create_project(slug, auth={"token": tok})
    t = expect(node.req("POST", "/api/v1/projects/%s/tokens" % slug, {"kind": "agent", "name": "cl"},
                        token=tok), 201)
    return slug, t["token"]


def _stored(node, slug, tok):
    """Every stored event id of the project, read through node (all pages)."""
    ids, cursor, pages = [], None, 0
    while True:
        path = "/api/v1/projects/%s/events?limit=500" % slug
        if cursor:
            path += "&cursor=" + urllib.parse.quote(cursor, safe="")
        b = expect(node.req("GET", path, token=tok), 200)
        ids += [e["id"] for e in b["events"]]
        cursor = b["next_cursor"]
        pages += 1
        check(pages < 200, "pagination does not end")
        if cursor is None:
            return ids


def _agents(node, slug, tok):
    return {a["agent_id"]: a for a in
            expect(node.req("GET", "/api/v1/projects/%s/agents" % slug, token=tok), 200)["agents"]}


def _poll(what, cond, timeout=WAIT, every=0.02):
    """Calls cond() until it returns something true; returns that and the
    seconds it took. Fails with what after timeout."""
    t0 = time.monotonic()
    last = None
    while True:
        last = cond()
        if last:
            return last, time.monotonic() - t0
        if time.monotonic() - t0 > timeout:
            moat.fail("%s: not within %.1f s (last: %r)" % (what, timeout, last))
        time.sleep(every)


def _connect(node, token, agent_id, port=None):
    """An agent (wsclient) on node: hello, welcome, its first policy."""
    ws = WS(port or node.agent_port, token=token)
    ws.send(hello(agent_id, "production", 0))
    ws.recv_type("welcome")
    p = ws.recv_type("policy")
    ws.send({"type": "applied", "version": p["version"], "ok": True})
    return ws, p["version"]


# --------------------------------------------------------------------------


def test_three_moatd_started_together_migrate_once_and_share_one_first_admin(srv):
    with moat.cluster(3, start_together=True) as nodes:
        url = nodes[0].db
        versions = [int(v) for v in moat.psql(url, "SELECT version FROM schema_migrations ORDER BY version")
                    .split()]
        check(versions and versions == list(range(1, len(versions) + 1)),
              "schema_migrations after three concurrent starts: %r" % versions)
        eq(moat.psql(url, "SELECT count(*) FROM users").strip(), "1", "users after three concurrent starts")
        for n in nodes:
            expect(n.req("GET", "/readyz"), 200)
            s = n.login(ADMIN_EMAIL, n.admin_password)
            eq(s.user["email"], ADMIN_EMAIL, "the first admin on every instance")


def test_what_one_instance_writes_another_reads_sessions_and_csrf_included(srv):
    with moat.cluster(2) as (a, b):
        tok = a.admin_token()
        slug = unique("cl")
        a.create_project(slug, "Made on A", auth={"token": tok})
        eq(expect(b.req("GET", "/api/v1/projects/" + slug, token=tok), 200)["name"], "Made on A",
           "the project read on B")
        ci = expect(b.req("POST", "/api/v1/projects/%s/tokens" % slug, {"kind": "ci", "name": "made-on-b"},
                          token=tok), 201)
        expect(a.req("GET", "/api/v1/projects/" + slug, token=ci["token"]), 200)
        names = [t["name"] for t in expect(a.req("GET", "/api/v1/projects/%s/tokens" % slug, token=tok),
                                           200)["tokens"]]
        check("made-on-b" in names, "a token made on B listed on A: %r" % names)
        # a policy version made on B is A's current version, If-Match included
        put = expect(b.req("PUT", "/api/v1/projects/%s/environments/production/policy" % slug,
                           {"interceptors": {"xss": {"mode": "block"}}}, token=tok), 200)
        r = a.req("GET", "/api/v1/projects/%s/environments/production/policy" % slug, token=tok)
        expect(r, 200)
        eq(r.header("ETag"), '"%d"' % put["version"], "A's ETag of the policy made on B")
        r = a.req("PUT", "/api/v1/projects/%s/environments/production/policy" % slug,
                  {"interceptors": {"xss": {"mode": "off"}}}, token=tok,
                  headers={"If-Match": '"%d"' % (put["version"] - 1)})
        expect_problem(r, 412, "precondition_failed")
        # a browser session made on A, used on B (a load balancer without
        # sticky sessions): cookie and CSRF token both
        s = a.login(ADMIN_EMAIL, a.admin_password)
        on_b = moat.Session(b, s.cookie, s.csrf, s.user)
        eq(expect(on_b.req("GET", "/api/v1/auth/me"), 200)["user"]["email"], ADMIN_EMAIL, "A's session on B")
        expect(on_b.req("POST", "/api/v1/projects", {"slug": unique("cl-b"), "name": "by session on B"}), 201)
        expect_problem(on_b.req("POST", "/api/v1/projects", {"slug": unique("cl-b"), "name": "x"}, csrf=False),
                       403, "csrf_failed")


def test_a_revoked_token_and_an_ended_session_are_refused_by_every_instance_within_a_second(srv):
    with moat.cluster(3) as nodes:
        a, b, c = nodes
        tok = a.admin_token()
        slug, _ = _project(a, tok)
        ci = expect(a.req("POST", "/api/v1/projects/%s/tokens" % slug, {"kind": "ci", "name": "gone"},
                          token=tok), 201)
        for n in nodes:  # every instance has seen (and may have cached) it
            expect(n.req("GET", "/api/v1/projects/" + slug, token=ci["token"]), 200)
        expect(a.req("DELETE", "/api/v1/projects/%s/tokens/%d" % (slug, ci["id"]), token=tok), 204)
        t0 = time.monotonic()
        for n in (b, c):
            _, took = _poll("the revoked token refused by another instance",
                            lambda n=n: n.req("GET", "/api/v1/projects/" + slug, token=ci["token"]).status == 401,
                            timeout=PUSH_BOUND + 2)
            print("    token revoked on A refused by an instance %.0f ms after the DELETE's response"
                  % ((time.monotonic() - t0) * 1000))
            check(time.monotonic() - t0 <= PUSH_BOUND,
                  "a token revoked on A still worked on another instance %.2f s later" % (time.monotonic() - t0))
        # an agent connected to C, its token revoked through A: C closes it
        agent = expect(a.req("POST", "/api/v1/projects/%s/tokens" % slug, {"kind": "agent", "name": "cut"},
                             token=tok), 201)
        ws, _ = _connect(c, agent["token"], "cl-cut")
        try:
            expect(a.req("DELETE", "/api/v1/projects/%s/tokens/%d" % (slug, agent["id"]), token=tok), 204)
            t0 = time.monotonic()
            eq(ws.expect_close(PUSH_BOUND + 5), 4401, "close code of an agent whose token was revoked elsewhere")
            took = time.monotonic() - t0
            print("    agent on C closed %.0f ms after its token was revoked on A" % (took * 1000))
            check(took <= PUSH_BOUND, "an agent whose token was revoked on A stayed on C %.2f s" % took)
        finally:
            ws.close()
        s = b.login(ADMIN_EMAIL, b.admin_password)
        for n in nodes:
            expect(moat.Session(n, s.cookie, s.csrf, s.user).req("GET", "/api/v1/auth/me"), 200)
        expect(s.req("POST", "/api/v1/auth/logout"), 204)
        t0 = time.monotonic()
        for n in (a, c):
            _poll("the ended session refused by another instance",
                  lambda n=n: moat.Session(n, s.cookie, s.csrf, s.user).req("GET", "/api/v1/auth/me").status == 401,
                  timeout=PUSH_BOUND + 2)
            check(time.monotonic() - t0 <= PUSH_BOUND,
                  "a session ended on B still worked on another instance %.2f s later" % (time.monotonic() - t0))


def test_a_policy_committed_on_one_instance_reaches_agents_on_the_others_within_a_second(srv):
    with moat.cluster(3) as nodes:
        tok = nodes[0].admin_token()
        slug, agent_tok = _project(nodes[0], tok)
        socks = []
        try:
            for i, n in enumerate(nodes):
                ws, v0 = _connect(n, agent_tok, "cl-agent-%d" % i)
                socks.append(ws)
            for rnd, committer in enumerate((0, 1, 2, 0)):
                mode = ("block", "monitor")[rnd % 2]
                r = nodes[committer].req("PUT", "/api/v1/projects/%s/environments/production/policy" % slug,
                                         {"interceptors": {"xss": {"mode": mode}}}, token=tok)
                put = expect(r, 200)
                t0 = time.monotonic()
                for i, ws in enumerate(socks):
                    m = ws.recv_type("policy", timeout=PUSH_BOUND + 5)
                    took = time.monotonic() - t0
                    eq((m["version"], m["sha256"]), (put["version"], put["sha256"]),
                       "the version the agent on instance %d got" % i)
                    ws.send({"type": "applied", "version": m["version"], "ok": True})
                    if i != committer:
                        print("    version %d committed on instance %d reached the agent on %d %.1f ms after "
                              "the PUT's response" % (put["version"], committer, i, took * 1000))
                        check(took <= PUSH_BOUND, "version %d committed on instance %d reached the agent on "
                              "instance %d only %.2f s after the PUT" % (put["version"], committer, i, took))
            # what the agents applied, in the one inventory every instance reads
            want = {"cl-agent-%d" % i: put["version"] for i in range(3)}
            for n in nodes:
                _poll("every agent's applied version on every instance",
                      lambda n=n: {k: v["policy_version"] for k, v in _agents(n, slug, tok).items()} == want)
        finally:
            for ws in socks:
                ws.close()


def test_an_agent_that_missed_a_notification_gets_the_version_on_reconnect_to_any_instance(srv):
    with moat.cluster(2) as (a, b):
        tok = a.admin_token()
        slug, agent_tok = _project(a, tok)
        ws, v0 = _connect(b, agent_tok, "cl-late")
        ws.close()
        put = expect(a.req("PUT", "/api/v1/projects/%s/environments/production/policy" % slug,
                           {"interceptors": {"xss": {"mode": "block"}}}, token=tok), 200)
        ws = WS(b.agent_port, token=agent_tok)
        try:
            ws.send(hello("cl-late", "production", v0))
            ws.recv_type("welcome")
            eq(ws.recv_type("policy")["version"], put["version"], "the version B pushes after hello")
        finally:
            ws.close()


def _post(node, token, events, seq=1):
    r = node.req("POST", "/api/v1/agent/events", {"seq": seq, "events": events}, token=token)
    return expect(r, 200)


def test_the_same_batch_sent_to_two_instances_is_stored_once(srv):
    with moat.cluster(2) as (a, b):
        tok = a.admin_token()
        slug, agent_tok = _project(a, tok)
        # one after the other, over REST
        first = _events(50, "seq")
        ra, rb = _post(a, agent_tok, first), _post(b, agent_tok, first)
        eq((ra["accepted"], ra["duplicates"], rb["accepted"], rb["duplicates"]), (50, 0, 0, 50),
           "accepted and duplicates on A, then on B")
        # at the same moment, over REST, several times
        together = []
        for rnd in range(5):
            evs = _events(200, "rest%d" % rnd)
            together += evs
            out = {}
            go = threading.Barrier(2)

            def send(node, key, evs=evs):
                go.wait(10)
                out[key] = _post(node, agent_tok, evs, seq=rnd + 2)

            ts = [threading.Thread(target=send, args=(n, k)) for n, k in ((a, "a"), (b, "b"))]
            for t in ts:
                t.start()
            for t in ts:
                t.join(30)
            eq(sorted(out), ["a", "b"], "both answers of round %d" % rnd)
            eq(out["a"]["accepted"] + out["b"]["accepted"], 200, "accepted on A and B together, round %d" % rnd)
            eq(out["a"]["duplicates"] + out["b"]["duplicates"], 200, "duplicates, round %d" % rnd)
        # over the agent WebSocket, one agent on each, the same batches
        wa, _ = _connect(a, agent_tok, "cl-dup-a")
        wb, _ = _connect(b, agent_tok, "cl-dup-b")
        ws_events = []
        try:
            for seq in range(1, 4):
                evs = _events(100, "ws%d" % seq)
                ws_events += evs
                wa.send({"type": "events", "seq": seq, "events": evs})
                wb.send({"type": "events", "seq": seq, "events": evs})
                aa, ab = wa.recv_type("ack", 20), wb.recv_type("ack", 20)
                eq((aa["seq"], ab["seq"]), (seq, seq), "acked seqs")
                eq(aa["accepted"] + ab["accepted"], 100, "WebSocket batch %d accepted on A and B together" % seq)
        finally:
            wa.close()
            wb.close()
        want = sorted(e["id"] for e in first + together + ws_events)
        for n in (a, b):
            got = _stored(n, slug, tok)
            eq(len(got), len(want), "events stored (read through each instance)")
            eq(sorted(got), want, "the stored ids, each once")


class _Demo:
    """moat-agent-demo (libmoatagent: resends, backoff) on a URL."""

    def __init__(self, port, token, agent_id):
        exe = os.path.join(os.path.dirname(moat.CONFIG.moatd), "moat-agent-demo")
        check(os.access(exe, os.X_OK), "%s is not built (make all builds it)" % exe)
        self.proc = subprocess.Popen([exe, "--url", "ws://127.0.0.1:%d/v1/agent" % port, "--token", token,
                                      "--env", "production", "--id", agent_id],
                                     stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT, start_new_session=True)
        self.lines = []
        self.lock = threading.Lock()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for raw in iter(self.proc.stdout.readline, b""):
            with self.lock:
                self.lines.append(raw.decode("utf-8", "replace").rstrip("\n"))

    def count(self, pattern):
        rx = re.compile(pattern)
        with self.lock:
            return len([l for l in self.lines if rx.search(l)])

    def tail(self):
        with self.lock:
            return "\n".join(self.lines[-10:])

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)


class _Writer:
    """Posts batches of events to one instance until stopped (or the
    instance is gone); .acked holds the ids of every batch answered 200."""

    def __init__(self, node, token, tag):
        self.node, self.token, self.tag = node, token, tag
        self.acked, self.errors, self.batches = [], [], 0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self):
        seq = 0
        while not self.stop.is_set() and seq < 2000:
            seq += 1
            evs = _events(20, "%s-%d" % (self.tag, seq))
            try:
                r = self.node.req("POST", "/api/v1/agent/events", {"seq": seq, "events": evs}, token=self.token)
            except (OSError, moat.http.client.HTTPException):
                if self.node.expected_exit:
                    return  # killed (kill() sets it first): this batch was never acknowledged
                self.errors.append("connection error while the instance runs")
                continue
            if r.status == 200:
                self.acked += [e["id"] for e in evs]
                self.batches += 1
            elif r.status != 503:
                self.errors.append(r.describe())

    def finish(self):
        self.stop.set()
        self.thread.join(20)
        check(not self.thread.is_alive(), "a writer did not stop")


def test_an_instance_killed_with_sigkill_loses_nothing_acknowledged_and_its_agents_move_over(srv):
    with moat.cluster(2) as (a, b), moat.Balancer(lambda: [a.agent_port, b.agent_port]) as lb:
        tok = a.admin_token()
        slug, agent_tok = _project(a, tok)
        demos = []
        try:
            for i in range(4):  # round robin: A, B, A, B
                d = _Demo(lb.port, agent_tok, "cl-move-%d" % i)
                demos.append(d)
                _poll("demo %d connected through the balancer" % i, lambda d=d: d.count(r"^connected$") >= 1)
            eq(lb.picked.get(a.agent_port), 2, "agents the balancer gave A")
            on_a = [d for d in demos[0::2]]
            writers = [_Writer(a, agent_tok, "a%d" % i) for i in range(3)] + [_Writer(b, agent_tok, "b0")]
            _poll("batches acknowledged by A", lambda: sum(w.batches for w in writers[:3]) >= 30)
            a.kill()  # SIGKILL, while the writers write
            killed = time.monotonic()
            time.sleep(0.5)
            expect(b.req("GET", "/readyz"), 200)
            before = writers[3].batches
            _poll("B acknowledging batches after A died", lambda: writers[3].batches >= before + 5)
            for w in writers:
                w.finish()
                check(not w.errors, "writer errors: %r" % w.errors[:3])
            # A's agents reconnect through the balancer, to B, within their backoff
            for d in on_a:
                _, took = _poll("an agent of A reconnected", lambda d=d: d.count(r"^connected$") >= 2,
                                timeout=RECONNECT_BOUND + 5)
                took = time.monotonic() - killed
                print("    agent of A connected again through the balancer %.2f s after the SIGKILL" % took)
                check(took <= RECONNECT_BOUND, "an agent of A reconnected only %.1f s after the kill:\n%s"
                      % (took, d.tail()))
            check(lb.picked.get(b.agent_port, 0) >= 4,
                  "connections the balancer gave B (its own two and A's two): %r" % lb.picked)
            _poll("all four agents online in B's inventory",
                  lambda: sorted(k for k, v in _agents(b, slug, tok).items() if v["online"])
                  == ["cl-move-%d" % i for i in range(4)])
            # B keeps serving writes, and everything acknowledged (by A too) is there
            b.create_project(unique("after-kill"), auth={"token": tok})
            acked = [i for w in writers for i in w.acked]
            stored = _stored(b, slug, tok)
            eq(len(stored), len(set(stored)), "stored events are unique")
            lost = set(acked) - set(stored)
            check(not lost, "%d acknowledged events lost with A (of %d acknowledged)" % (len(lost), len(acked)))
            print("    %d events acknowledged (%d by A) all stored" % (len(acked), sum(len(w.acked)
                                                                                  for w in writers[:3])))
        finally:
            for d in demos:
                d.stop()


def test_survivors_mark_a_dead_instances_agents_offline_and_a_starting_instance_leaves_others_alone(srv):
    with moat.cluster(2, extra_args=["--agent-heartbeat", "1"]) as (a, b):
        tok = a.admin_token()
        slug, agent_tok = _project(a, tok)
        on_a, _ = _connect(a, agent_tok, "cl-on-a")
        on_b, _ = _connect(b, agent_tok, "cl-on-b")
        stop = threading.Event()

        def pong(ws):  # answers pings so that the heartbeat keeps it online
            while not stop.is_set():
                try:
                    ws.recv(0.2)
                except TimeoutError:
                    continue
                except (Closed, OSError):
                    return

        ts = [threading.Thread(target=pong, args=(w,), daemon=True) for w in (on_a, on_b)]
        for t in ts:
            t.start()
        try:
            _poll("both agents online", lambda: all(v["online"] for v in _agents(b, slug, tok).values())
                  and len(_agents(b, slug, tok)) == 2)
            # an instance starting does not take the others' agents offline
            b.restart()
            on_b.close()
            time.sleep(3.5)  # past 3 heartbeats: a wrong offline mark would have been made by now
            ag = _agents(b, slug, tok)
            check(ag["cl-on-a"]["online"], "A's agent after B restarted: %r" % ag["cl-on-a"])
            # A dies, and its agent cannot come back: B marks it offline
            a.kill()
            on_a.close()
            t0 = time.monotonic()
            _poll("A's agent marked offline by B", lambda: not _agents(b, slug, tok)["cl-on-a"]["online"],
                  timeout=WAIT)
            print("    A's agent marked offline by B %.1f s after A died (heartbeat 1 s)" % (time.monotonic() - t0))
        finally:
            stop.set()
            on_a.close()
            on_b.close()


def test_three_notifiers_on_one_outbox_deliver_each_notification_once(srv):
    from test_notify import Receiver  # the same loopback receiver
    rx = Receiver()
    try:
        with moat.cluster(3, extra_args=["--allow-private-webhooks"]) as nodes:
            a = nodes[0]
            tok = a.admin_token()
            slug, agent_tok = _project(a, tok)
            expect(a.req("PUT", "/api/v1/projects/%s/environments/production/policy" % slug,
                         {"interceptors": {"sql_injection": {"mode": "block", "notify": True}}}, token=tok), 200)
            ch = expect(a.req("POST", "/api/v1/projects/%s/channels" % slug,
                              {"kind": "webhook", "name": "cl", "url": rx.url("/hook"), "throttle_seconds": 0},
                              token=tok), 201)
            # throttle_seconds 0: every event is a delivery of its own (60), none waits
            # for a digest window, so the three notifiers have many to claim at once
            # events reach every instance, so every instance's writer fills
            # the one outbox and every notifier claims from it
            for i, n in enumerate(nodes * 4):
                _post(n, agent_tok, _events(5, "ntf%d" % i), seq=i + 1)
            path = "/api/v1/projects/%s/channels/%s/deliveries" % (slug, ch["id"])
            ds, _ = _poll("every delivery delivered",
                          lambda: (lambda d: d if d and all(x["status"] == "delivered" for x in d) else None)(
                              expect(nodes[1].req("GET", path, token=tok), 200)["deliveries"]))
            time.sleep(1.0)  # a second claim of one delivery would arrive by now
            with rx.lock:
                ids = [r["headers"].get("x-moat-delivery") for r in rx.requests]
            eq(len(ids), len(set(ids)), "requests per delivery id (a delivery sent twice?)")
            eq(len(set(ids)), len(ds), "deliveries received against the delivery log")
    finally:
        rx.close()
