"""Notifications (issue 9): Slack and signed webhooks delivered from the
outbox to a real HTTP receiver on loopback that the test starts
(http.server in a thread), retried, throttled into digests, and never sent
to a private address without --allow-private-webhooks.

The receiver answers each request with the next scripted behaviour (a
status with headers, or a hang) and records what it got. Waits poll with
a deadline; nothing asserts a count after a sleep: what was written to the
outbox is read from the delivery log (GET …/channels/{id}/deliveries).
"""

import hashlib
import hmac
import http.server
import json
import re
import threading
import time
import uuid

import moat
from moat import check, eq, expect, expect_problem, unique

WAIT = 30.0  # for anything that should happen within a few seconds


def server_kwargs(tmp):
    return {"extra_args": ["--allow-private-webhooks", "--public-url",
                           "https://moat.example.com", "--notify-seed", "7"]}


class Receiver:
    """An HTTP receiver on 127.0.0.1: script() sets the answers in order
    (then 200 forever); requests are kept with their arrival time."""

    def __init__(self):
        self.lock = threading.Lock()
        self.cond = threading.Condition(self.lock)
        self.requests = []
        self.plan = []
        self.release = threading.Event()
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # headers and body written apart

            def log_message(self, *a):
                pass

            def do_POST(self):
                n = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(n)
                with outer.cond:
                    outer.requests.append({"t": time.monotonic(), "path": self.path,
                                           "headers": {k.lower(): v for k, v in
                                                       self.headers.items()},
                                           "body": body})
                    step = outer.plan.pop(0) if outer.plan else (200, {})
                    outer.cond.notify_all()
                if step == "hang":
                    outer.release.wait(20)
                    return
                if step[0] == "slow":  # ("slow", seconds): then 200
                    outer.release.wait(step[1])
                    step = (200, {})
                status, headers = step
                payload = b"ok" if status < 300 else b"no"
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path):
        return "http://127.0.0.1:%d%s" % (self.port, path)

    def script(self, *steps):
        with self.lock:
            self.plan = list(steps)

    def wait_for(self, n, path=None, timeout=WAIT):
        """The first n requests (to path), waiting for them with a deadline."""
        deadline = time.monotonic() + timeout
        with self.cond:
            while True:
                got = [r for r in self.requests if path is None or r["path"] == path]
                if len(got) >= n:
                    return got[:n]
                left = deadline - time.monotonic()
                if left <= 0:
                    moat.fail("receiver: %d request(s) to %s within %.0f s, got %d"
                              % (n, path, timeout, len(got)))
                self.cond.wait(left)

    def close(self):
        self.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()


def _events(n, interceptor="sql_injection", payload="' OR 1=1 --", endpoint="/login", offset=0):
    ts = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(time.time() + offset)) + ".000Z"
    return [{"id": str(uuid.uuid4()), "ts": ts, "interceptor": interceptor,
             "action": "blocked", "severity": "high", "payload": payload,
             "method": "POST", "endpoint": endpoint, "source_ip": "203.0.113.%d" % (i % 250 + 1),
             "location": {"file": "app/views.py", "line": 42, "function": "login"}}
            for i in range(n)]


def _project(srv, notify=True):
    """A project whose production policy notifies on every interceptor;
    returns (slug, admin token, agent token)."""
    slug = unique("ntf")
    srv.create_project(slug)
    admin = srv.admin_token()
    names = ["sql_injection", "nosql_injection", "xss", "ssrf", "path_traversal",
             "command_injection", "llm_prompt_injection"]
    policy = {"interceptors": {n: {"mode": "block", "notify": notify} for n in names}}
    expect(srv.req("PUT", "/api/v1/projects/%s/environments/production/policy" % slug,
                   policy, token=admin), 200)
    agent = expect(srv.req("POST", "/api/v1/projects/%s/tokens" % slug,
                           {"kind": "agent", "name": "a"}, token=admin), 201)["token"]
    return slug, admin, agent


def _channel(srv, slug, admin, kind, url, **extra):
    body = {"kind": kind, "name": unique("ch"), "url": url}
    body.update(extra)
    return expect(srv.req("POST", "/api/v1/projects/%s/channels" % slug, body, token=admin), 201)


def _post(srv, agent, events):
    for i in range(0, len(events), 500):
        expect(srv.req("POST", "/api/v1/agent/events", {"events": events[i:i + 500]},
                       token=agent), 200)


def _deliveries(srv, slug, admin, ch):
    return expect(srv.req("GET", "/api/v1/projects/%s/channels/%s/deliveries" % (slug, ch["id"]),
                          token=admin), 200)["deliveries"]


def _wait_delivery(srv, slug, admin, ch, pred, what, timeout=WAIT):
    deadline = time.monotonic() + timeout
    while True:
        ds = _deliveries(srv, slug, admin, ch)
        if pred(ds):
            return ds
        if time.monotonic() > deadline:
            moat.fail("delivery log: %s within %.0f s; it says %r" % (what, timeout, ds))
        time.sleep(0.1)


def _metric(srv, name):
    text = srv.req("GET", "/metrics").raw.decode()
    m = re.search(r"^%s (\d+)$" % re.escape(name), text, re.M)
    check(m is not None, "no %s on /metrics" % name)
    return int(m.group(1))


def _all_strings(v, out):
    if isinstance(v, str):
        out.append(v)
    elif isinstance(v, list):
        for x in v:
            _all_strings(x, out)
    elif isinstance(v, dict):
        for x in v.values():
            _all_strings(x, out)
    return out


def verify_signature(secret, header, body, now, tolerance=300):
    """How a receiver checks X-Moat-Signature (README): t within the
    tolerance, v1 = HMAC-SHA256(secret, "<t>.<body>"), compared in
    constant time."""
    parts = dict(p.split("=", 1) for p in header.split(","))
    t = int(parts["t"])
    if abs(now - t) > tolerance:
        return False
    mac = hmac.new(secret.encode(), str(t).encode() + b"." + body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(mac, parts["v1"])


def test_slack_and_webhook_bodies_have_their_shapes_and_the_signature_verifies(srv):
    rx = Receiver()
    try:
        slug, admin, agent = _project(srv)
        slack = _channel(srv, slug, admin, "slack", rx.url("/slack"))
        hook = _channel(srv, slug, admin, "webhook", rx.url("/hook"))
        secret = hook["secret"]
        check(secret and "…" not in secret, "the webhook's secret is shown at creation")
        ev = _events(1)
        _post(srv, agent, ev)
        s = json.loads(rx.wait_for(1, "/slack")[0]["body"])
        h = rx.wait_for(1, "/hook")[0]
        # Slack: Block Kit with every field and a link to the event
        eq(s["blocks"][0]["type"], "header", "the first block")
        text = "\n".join(_all_strings(s, []))
        for want in ("Project", slug, "Environment", "production", "sql_injection", "blocked",
                     "high", "POST /login", "203.0.113.1", "app/views.py:42 in login",
                     "' OR 1=1 --",
                     "<https://moat.example.com/#/projects/%s/events/%s|" % (slug, ev[0]["id"])):
            check(want in text, "the Slack message says %r: %s" % (want, text))
        # the webhook: JSON with the delivery id, the event, and a signature
        body = json.loads(h["body"])
        eq(body["type"], "event", "webhook type")
        eq(body["project"], slug, "webhook project")
        eq(h["headers"]["x-moat-delivery"], body["delivery_id"], "X-Moat-Delivery")
        eq([e["id"] for e in body["events"]], [ev[0]["id"]], "the webhook's events")
        eq(body["events"][0]["payload"], "' OR 1=1 --", "the event's payload")
        check(verify_signature(secret, h["headers"]["x-moat-signature"], h["body"], time.time()),
              "the signature verifies: %r" % h["headers"]["x-moat-signature"])
        check(not verify_signature("whsec_other", h["headers"]["x-moat-signature"], h["body"],
                                   time.time()), "another secret does not verify")
        check(not verify_signature(secret, h["headers"]["x-moat-signature"], h["body"] + b" ",
                                   time.time()), "another body does not verify")
        ds = _wait_delivery(srv, slug, admin, hook, lambda d: d and d[0]["status"] == "delivered",
                            "delivered")
        eq(ds[0]["attempts"], 1, "attempts")
        eq(ds[0]["response_code"], 200, "response_code")
        eq(ds[0]["id"], body["delivery_id"], "the log's delivery id is the one the receiver saw")
    finally:
        rx.close()


def test_500_500_200_is_retried_to_success_with_one_delivery_id(srv):
    rx = Receiver()
    try:
        slug, admin, agent = _project(srv)
        hook = _channel(srv, slug, admin, "webhook", rx.url("/hook"))
        rx.script((500, {}), (500, {}), (200, {}))
        _post(srv, agent, _events(1))
        got = rx.wait_for(3, "/hook")
        eq(len({r["headers"]["x-moat-delivery"] for r in got}), 1, "one delivery id")
        # backoff: the first retry after 0.5-1 s, the second after 1-2 s
        check(got[1]["t"] - got[0]["t"] >= 0.45, "first retry waited")
        check(got[2]["t"] - got[1]["t"] >= 0.95, "second retry waited longer")
        ds = _wait_delivery(srv, slug, admin, hook, lambda d: d and d[0]["status"] == "delivered",
                            "delivered")
        eq(ds[0]["attempts"], 3, "attempts")
        eq(len(ds), 1, "one delivery in the log")
    finally:
        rx.close()


def test_a_hang_hits_the_timeout_and_is_retried(srv):
    rx = Receiver()
    try:
        with moat.server(extra_args=["--allow-private-webhooks", "--notify-timeout-ms", "1000"]) as s:
            slug, admin, agent = _project(s)
            hook = _channel(s, slug, admin, "webhook", rx.url("/hook"))
            rx.script("hang", (200, {}))
            _post(s, agent, _events(1))
            ds = _wait_delivery(s, slug, admin, hook,
                                lambda d: d and d[0]["status"] == "failed", "failed once")
            check("timeout" in (ds[0]["last_error"] or ""), "last_error says timeout: %r" % ds[0])
            ds = _wait_delivery(s, slug, admin, hook,
                                lambda d: d and d[0]["status"] == "delivered", "delivered")
            eq(ds[0]["attempts"], 2, "attempts")
            got = rx.wait_for(2, "/hook")
            eq(got[0]["headers"]["x-moat-delivery"], got[1]["headers"]["x-moat-delivery"],
               "the retry has the same delivery id")
    finally:
        rx.close()


def test_429_with_retry_after_is_honoured(srv):
    rx = Receiver()
    try:
        slug, admin, agent = _project(srv)
        slack = _channel(srv, slug, admin, "slack", rx.url("/slack"))
        rx.script((429, {"Retry-After": "3"}), (200, {}))
        _post(srv, agent, _events(1))
        got = rx.wait_for(2, "/slack")
        # the backoff alone would retry within a second
        check(got[1]["t"] - got[0]["t"] >= 2.9,
              "the retry waited for Retry-After: %.2f s" % (got[1]["t"] - got[0]["t"]))
        ds = _wait_delivery(srv, slug, admin, slack,
                            lambda d: d and d[0]["status"] == "delivered", "delivered")
        eq(ds[0]["attempts"], 2, "attempts")
    finally:
        rx.close()


def test_a_burst_of_1000_events_in_one_window_gives_one_digest(srv):
    rx = Receiver()
    try:
        slug, admin, agent = _project(srv)
        hook = _channel(srv, slug, admin, "webhook", rx.url("/hook"), throttle_seconds=3)
        evs = _events(400, "sql_injection") + _events(300, "xss", endpoint="/search") + \
            _events(300, "ssrf", endpoint="/fetch")
        _post(srv, agent, evs)
        got = rx.wait_for(2, "/hook", timeout=WAIT)
        first, digest = json.loads(got[0]["body"]), json.loads(got[1]["body"])
        eq(first["type"], "event", "the quiet channel's first event goes at once")
        eq(first["events"][0]["id"], evs[0]["id"], "the first event")
        eq(digest["type"], "digest", "the rest is one digest")
        eq(digest["digest"]["count"], 999, "the digest counts the rest")
        eq(digest["digest"]["by_interceptor"],
           {"sql_injection": 399, "xss": 300, "ssrf": 300}, "counts by interceptor")
        eq(digest["digest"]["endpoints"]["/login"], 399, "endpoint counts")
        check(got[1]["t"] - got[0]["t"] >= 2.0, "the digest waited for the window's end")
        ds = _wait_delivery(srv, slug, admin, hook,
                            lambda d: all(x["status"] == "delivered" for x in d) and len(d) == 2,
                            "two delivered")
        eq(sorted(x["kind"] for x in ds), ["digest", "event"], "what the outbox holds")
    finally:
        rx.close()


def test_a_payload_full_of_slack_control_sequences_arrives_escaped(srv):
    rx = Receiver()
    try:
        slug, admin, agent = _project(srv)
        _channel(srv, slug, admin, "slack", rx.url("/slack"))
        hostile = "<!channel> <@U024BE7LH> <https://evil.example/|click me> & ```*bold*``` `x`"
        _post(srv, agent, _events(1, payload=hostile, endpoint="/a<!here>b"))
        s = json.loads(rx.wait_for(1, "/slack")[0]["body"])
        strings = _all_strings(s, [])
        joined = "\n".join(strings)
        for bad in ("<!channel>", "<!here>", "<@U024BE7LH>", "<https://evil.example/", "```*bold*"):
            check(bad not in joined, "%r reached Slack unescaped: %s" % (bad, joined))
        check("&lt;!channel&gt;" in joined and "&amp;" in joined, "escaped: %s" % joined)
        # our own link is the only "<" in the message
        eq(joined.count("<"), 1, "angle brackets in the message")
    finally:
        rx.close()


def test_moatd_killed_during_retries_delivers_after_restart(srv):
    rx = Receiver()
    try:
        with moat.server(extra_args=["--allow-private-webhooks"]) as s:
            slug, admin, agent = _project(s)
            hook = _channel(s, slug, admin, "webhook", rx.url("/hook"))
            rx.script((500, {}), (500, {}), (500, {}), (500, {}))
            _post(s, agent, _events(1))
            _wait_delivery(s, slug, admin, hook,
                           lambda d: d and d[0]["status"] == "failed", "failed once")
            s.kill()
            rx.script()  # 200 from now on
            n_before = len(rx.requests)
            s.start()
            ds = _wait_delivery(s, slug, admin, hook,
                                lambda d: d and d[0]["status"] == "delivered",
                                "delivered after the restart")
            got = rx.wait_for(n_before + 1, "/hook")
            eq(len({r["headers"]["x-moat-delivery"] for r in got}), 1, "one delivery id")
            check(ds[0]["attempts"] >= 2, "attempts counted across the restart")
    finally:
        rx.close()


def test_a_private_target_is_refused_without_the_flag(srv):
    rx = Receiver()
    try:
        with moat.server() as s:
            slug, admin, agent = _project(s)
            # plainly private: refused at creation
            expect_problem(s.req("POST", "/api/v1/projects/%s/channels" % slug,
                                 {"kind": "webhook", "name": "p", "url": rx.url("/hook")},
                                 token=admin), 422, "validation_failed")
            # created while the operator allowed it, sent after a restart
            # without the flag: refused on the address connected to
            s.stop()
            s.extra_args += ["--allow-private-webhooks"]
            s.start()
            hook = _channel(s, slug, admin, "webhook", rx.url("/hook"))
            s.stop()
            s.extra_args.remove("--allow-private-webhooks")
            s.start()
            _post(s, agent, _events(1))
            ds = _wait_delivery(s, slug, admin, hook, lambda d: d and d[0]["status"] == "dead",
                                "dead")
            check("refused" in ds[0]["last_error"] and "127.0.0.1" in ds[0]["last_error"],
                  "last_error says why: %r" % ds[0]["last_error"])
            eq(ds[0]["attempts"], 1, "no retry can help")
            eq(len(rx.requests), 0, "the receiver heard nothing")
    finally:
        rx.close()


def test_the_test_route_sends_now_and_answers_the_receivers_status(srv):
    rx = Receiver()
    try:
        slug, admin, agent = _project(srv)
        hook = _channel(srv, slug, admin, "webhook", rx.url("/hook"))
        rx.script((503, {}))
        r = expect(srv.req("POST", "/api/v1/projects/%s/channels/%s/test" % (slug, hook["id"]),
                           {}, token=admin), 200)
        eq(r["response_code"], 503, "the receiver's status")
        eq(r["delivered"], False, "not delivered")
        got = rx.wait_for(1, "/hook")
        body = json.loads(got[0]["body"])
        eq(body["type"], "test", "a test message")
        check(verify_signature(hook["secret"], got[0]["headers"]["x-moat-signature"],
                               got[0]["body"], time.time()), "signed like any delivery")
    finally:
        rx.close()


def test_a_hung_receiver_delays_no_other_channel(srv):
    rx, hung = Receiver(), Receiver()
    try:
        slug, admin, agent = _project(srv)
        hung.script(*(["hang"] * 10))
        stuck = _channel(srv, slug, admin, "webhook", hung.url("/stuck"), throttle_seconds=0)
        _channel(srv, slug, admin, "webhook", rx.url("/fast"), throttle_seconds=0)
        # the hung channel's attempts wait for their 10 s timeout, four at
        # once; more of its deliveries are due meanwhile. The other
        # channel's messages arrive, one per batch
        for i in range(6):
            _post(srv, agent, _events(1))
        hung.wait_for(4, "/stuck", timeout=5)
        empty0 = _metric(srv, "moat_notify_claims_empty_total")
        t0 = time.monotonic()
        for i in range(3):
            _post(srv, agent, _events(1))
            rx.wait_for(6 + i + 1, "/fast", timeout=5)
        check(time.monotonic() - t0 < 8, "the fast channel was served while the other hangs")
        # and the notifier waits for a slot rather than claiming in a loop
        # (it once spun on the hung channel's due deliveries, holding the
        # write lock against the writer): a claim that takes nothing is
        # followed by a wait for a wake-up, a transfer's end or a second.
        # The spin made thousands a second; every commit and transfer end
        # may make one, and under load (ASan, a busy machine) they bunch,
        # so the bound is generous: 11 were seen once against 10 + 3/s
        empty = _metric(srv, "moat_notify_claims_empty_total") - empty0
        check(empty <= 50 + 10 * (time.monotonic() - t0),
              "%d empty claims in %.1f s" % (empty, time.monotonic() - t0))
        ds = _deliveries(srv, slug, admin, stuck)
        check(all(d["status"] in ("pending", "failed") for d in ds),
              "the hung channel's deliveries are still to send: %r" % ds)
    finally:
        hung.close()
        rx.close()


def test_operators_hear_when_protection_stops(srv):
    import test_agents as ta
    rx = Receiver()
    try:
        with moat.server(extra_args=["--allow-private-webhooks", "--notify-alert-scan-ms", "200",
                                     "--notify-offline-grace", "1"]) as s:
            proj = ta.Project(s)
            slug, admin = proj.slug, s.admin_token()
            hook = _channel(s, slug, admin, "webhook", rx.url("/ops"), rollout_stall_seconds=1,
                            notify_on={"threats": False})
            with ta.Sockets() as socks:
                ws, _, _ = ta.connect(s, proj, "ops-1", socks=socks)
                # an agent that could not apply a new policy
                b = proj.push("production")
                m = ws.recv(5)
                eq(m.get("type"), "policy", "the push")
                ws.send({"type": "applied", "version": b["version"], "ok": False,
                         "error": "unknown interceptor"})

                def kinds():
                    with rx.lock:
                        got = [json.loads(r["body"]) for r in rx.requests]
                    return {g["alert"]["kind"]: g for g in got if g["type"] == "alert"}
                ta.wait_until(lambda: "policy_failed" in kinds(), "policy_failed alert", WAIT)
                a = kinds()["policy_failed"]["alert"]
                eq(a["environment"], "production", "the alert's environment")
                check("ops-1" in a["message"] and "unknown interceptor" in a["message"],
                      "the alert says which agent and why: %r" % a["message"])
                # the online agent never applied that version: the rollout stalls
                ta.wait_until(lambda: "rollout_stalled" in kinds(), "rollout_stalled alert", WAIT)
                ws.close()
            # every agent of production offline past the grace
            ta.wait_until(lambda: "env_offline" in kinds(), "env_offline alert", WAIT)
            ds = _wait_delivery(s, slug, admin, hook,
                                lambda d: len(d) == 3 and all(x["status"] == "delivered"
                                                              for x in d), "three alerts")
            eq(sorted(x["kind"] for x in ds), ["alert"] * 3, "alerts only (threats are off)")
    finally:
        rx.close()


@moat.only_on("sqlite", "writes 10,000 deliveries into the SQLite file behind moatd's back")
def test_pending_deliveries_are_drained_after_a_restart_without_stalling(srv):
    import sqlite3
    rx = Receiver()
    try:
        with moat.server(extra_args=["--allow-private-webhooks"]) as s:
            slug, admin, agent = _project(s)
            hook = _channel(s, slug, admin, "webhook", rx.url("/hook"))
            s.stop()
            con = sqlite3.connect(s.db)
            now = int(time.time() * 1000)
            con.executemany(
                "INSERT INTO deliveries(uuid, channel_id, kind, body, next_attempt_at,"
                " created_at) VALUES (?, ?, 'alert', ?, ?, ?)",
                [(str(uuid.uuid4()), hook["id"], json.dumps({"kind": "test", "message": "m%d" % i}),
                  now, now) for i in range(10000)])
            con.commit()
            con.close()
            s.start()
            # 4 at a time on one channel: 2,500 rounds (about 2 s here). Each
            # round follows the last one's answers at once (the notifier once
            # waited a second after rounds whose claim found the channel
            # full: 33 s for these 10,000)
            deadline = time.monotonic() + 25
            while len(rx.requests) < 10000 and time.monotonic() < deadline:
                time.sleep(0.05)
            eq(len(rx.requests), 10000, "requests within 25 s")
            ds = _wait_delivery(s, slug, admin, hook,
                                lambda d: all(x["status"] == "delivered" for x in d), "delivered")
            eq(len({r["headers"]["x-moat-delivery"] for r in rx.requests}), 10000,
               "each delivery once")
    finally:
        rx.close()


def test_a_channel_hears_only_what_its_filters_and_the_policy_let_through(srv):
    rx = Receiver()
    try:
        slug, admin, agent = _project(srv)
        # the policy notifies on everything but ssrf
        names = ["sql_injection", "nosql_injection", "xss", "ssrf", "path_traversal",
                 "command_injection", "llm_prompt_injection"]
        expect(srv.req("PUT", "/api/v1/projects/%s/environments/production/policy" % slug,
                       {"interceptors": {n: {"mode": "block", "notify": n != "ssrf"}
                                         for n in names}}, token=admin), 200)
        xss = _channel(srv, slug, admin, "webhook", rx.url("/xss"), interceptors=["xss"],
                       throttle_seconds=0)
        every = _channel(srv, slug, admin, "webhook", rx.url("/all"), throttle_seconds=0)
        expect(srv.req("POST", "/api/v1/projects/%s/environments" % slug, {"name": "staging"},
                       token=admin), 201)
        staging = _channel(srv, slug, admin, "webhook", rx.url("/staging"),
                           environments=["staging"], throttle_seconds=0)
        evs = _events(2, "sql_injection") + _events(3, "xss") + _events(4, "ssrf")
        _post(srv, agent, evs)

        def by_type(path):
            # both are due at once and may arrive in either order
            got = [json.loads(r["body"]) for r in rx.wait_for(2, path)]
            return {g["type"]: g for g in got}
        # each channel: the first event now, the rest as one digest (window 0)
        got = by_type("/xss")
        eq(got["event"]["events"][0]["interceptor"], "xss", "the xss channel's first event")
        eq(got["digest"]["digest"]["by_interceptor"], {"xss": 2}, "the xss channel's digest")
        got = by_type("/all")
        eq(got["event"]["events"][0]["interceptor"], "sql_injection", "the first candidate")
        eq(got["digest"]["digest"]["by_interceptor"], {"sql_injection": 1, "xss": 3},
           "the unfiltered channel: no ssrf (policy)")
        eq(_deliveries(srv, slug, admin, staging), [], "another environment's channel")
        eq(len(_deliveries(srv, slug, admin, xss)), 2, "the xss channel's deliveries")
        eq(len(_deliveries(srv, slug, admin, every)), 2, "the unfiltered channel's deliveries")
    finally:
        rx.close()


def test_a_delivery_answered_during_shutdown_is_recorded_not_sent_again(srv):
    rx = Receiver()
    try:
        with moat.server(extra_args=["--allow-private-webhooks"]) as s:
            slug, admin, agent = _project(s)
            hook = _channel(s, slug, admin, "webhook", rx.url("/hook"))
            rx.script(("slow", 1.0))
            _post(s, agent, _events(1))
            rx.wait_for(1, "/hook")  # the receiver has it and answers in 1 s
            s.stop()                 # SIGTERM meanwhile
            s.start()
            # recorded before moatd exited: not left to a lease that would
            # send it again after the restart
            ds = _deliveries(s, slug, admin, hook)
            eq([(d["status"], d["attempts"]) for d in ds], [("delivered", 1)],
               "the delivery log after the restart")
    finally:
        rx.close()


def test_the_delivery_log_keeps_what_retention_keeps(srv):
    rx = Receiver()
    try:
        with moat.server(clock=True, extra_args=["--allow-private-webhooks", "--retention-days",
                                                 "30", "--notify-alert-scan-ms", "200"]) as s:
            slug, admin, agent = _project(s)
            hook = _channel(s, slug, admin, "webhook", rx.url("/hook"))
            _post(s, agent, _events(1))
            _wait_delivery(s, slug, admin, hook, lambda d: d and d[0]["status"] == "delivered",
                           "delivered")
            s.set_clock(29 * 86400)
            _post(s, agent, _events(1, offset=29 * 86400))  # a quiet channel again
            _wait_delivery(s, slug, admin, hook, lambda d: len(d) == 2, "two deliveries")
            # 31 days after the first: it leaves the log, the second stays
            s.set_clock(31 * 86400)
            _wait_delivery(s, slug, admin, hook, lambda d: len(d) == 1, "the first purged")
    finally:
        rx.close()
