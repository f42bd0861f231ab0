"""The dashboard's live feed (/v1/live, agentproto/PROTOCOL.md): one-time
tickets for logged-in users, the Origin check, filters, and new events
arriving right after their commit, over REST and the agent WebSocket.
"""

import datetime
import time
import uuid

import moat
from moat import check, eq, expect, expect_problem
from wsclient import WS, Closed, HandshakeRefused, hello

WAIT = 5.0


def _now():
    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def _event(**kw):
    e = {"id": str(uuid.uuid4()), "ts": _now(), "interceptor": "xss", "action": "logged",
         "severity": "high", "payload": "<script>alert(1)</script>", "endpoint": "/search"}
    e.update(kw)
    return e


def _setup(srv):
    slug = moat.unique("live")
    srv.create_project(slug)
    resp = srv.req("POST", "/api/v1/projects/%s/tokens" % slug, {"kind": "agent", "name": "a"},
                   token=srv.admin_token())
    expect(resp, 201)
    return slug, resp.body["token"]


def _ticket(srv, session, slug):
    resp = session.req("POST", "/api/v1/live/ticket", {"project": slug})
    expect(resp, 201)
    eq(resp.body["protocol"], "moat.live.v1", "protocol")
    check(resp.body["expires_in"] <= 30, "short-lived ticket: %r" % resp.body)
    return resp.body["ticket"]


def _open(srv, ticket, origin=None):
    headers = {"Origin": origin if origin is not None else "http://127.0.0.1:%d" % srv.port}
    return WS(srv.agent_port, path="/v1/live?ticket=" + ticket, protocol="moat.live.v1",
              headers=headers)


def _refused(fn):
    try:
        ws = fn()
    except (HandshakeRefused, Closed, ConnectionResetError):
        return True
    ws.close()
    return False


def test_a_subscriber_sees_new_events_within_milliseconds_of_their_commit(srv):
    slug, agent_token = _setup(srv)
    session = srv.admin()
    feed = _open(srv, _ticket(srv, session, slug))
    try:
        feed.send({"type": "subscribe"})
        eq(feed.recv(WAIT)["type"], "subscribed", "subscribe answer")
        ev = _event()
        t0 = time.monotonic()
        expect(srv.req("POST", "/api/v1/agent/events", {"events": [ev]}, token=agent_token), 200)
        m = feed.recv(WAIT)
        print("    live event %.1f ms after the REST post" % ((time.monotonic() - t0) * 1000))
        eq(m["type"], "event", "message type")
        eq(m["event"]["id"], ev["id"], "event id")
        eq(m["event"]["payload"], ev["payload"], "attacker text travels as data")
        eq(m["event"]["status"], "new", "status")
        # the same event again is a duplicate: nothing new to show
        expect(srv.req("POST", "/api/v1/agent/events", {"events": [ev]}, token=agent_token), 200)
        try:
            extra = feed.recv(0.5)
            moat.fail("a duplicate reached the feed: %r" % extra)
        except TimeoutError:
            pass
    finally:
        feed.close()


def test_filters_choose_what_a_subscriber_sees_and_events_from_agents_arrive_too(srv):
    slug, agent_token = _setup(srv)
    session = srv.admin()
    feed = _open(srv, _ticket(srv, session, slug))
    agent = WS(srv.agent_port, token=agent_token)
    try:
        feed.send({"type": "subscribe", "filters": {"severity": ["critical"],
                                                    "interceptor": "sql_injection"}})
        eq(feed.recv(WAIT)["type"], "subscribed", "subscribe answer")
        agent.send(hello("live-agent"))
        agent.recv_type("welcome")
        wanted = _event(interceptor="sql_injection", severity="critical")
        batch = [_event(severity="critical"), _event(interceptor="sql_injection"), wanted]
        agent.send({"type": "events", "seq": 1, "events": batch})
        eq(agent.recv_type("ack")["accepted"], 3, "acknowledged")
        m = feed.recv(WAIT)
        eq(m["event"]["id"], wanted["id"], "only the matching event")
        eq(m["event"]["agent_id"], "live-agent", "agent id")
        try:
            extra = feed.recv(0.5)
            moat.fail("a filtered-out event reached the feed: %r" % extra)
        except TimeoutError:
            pass
    finally:
        feed.close()
        agent.close()


def test_a_subscriber_sees_only_its_own_project(srv):
    slug, _ = _setup(srv)
    other, other_token = _setup(srv)
    feed = _open(srv, _ticket(srv, srv.admin(), slug))
    try:
        feed.send({"type": "subscribe"})
        feed.recv(WAIT)
        expect(srv.req("POST", "/api/v1/agent/events", {"events": [_event()]},
                       token=other_token), 200)
        try:
            extra = feed.recv(0.7)
            moat.fail("another project's event reached the feed: %r" % extra)
        except TimeoutError:
            pass
    finally:
        feed.close()


def test_a_ticket_works_once_and_a_foreign_origin_or_made_up_ticket_is_refused(srv):
    slug, _ = _setup(srv)
    session = srv.admin()
    ticket = _ticket(srv, session, slug)
    feed = _open(srv, ticket)
    feed.close()
    check(_refused(lambda: _open(srv, ticket)), "a used ticket is refused")
    fresh = _ticket(srv, session, slug)
    check(_refused(lambda: _open(srv, fresh, origin="https://evil.example")),
          "a foreign Origin is refused")
    check(_refused(lambda: _open(srv, "x" * 43)), "a made-up ticket is refused")
    check(_refused(lambda: WS(srv.agent_port, path="/v1/live", protocol="moat.live.v1")),
          "no ticket is refused")
    expect(srv.req("GET", "/healthz"), 200)


def test_only_logged_in_users_get_tickets(srv):
    slug, agent_token = _setup(srv)
    # bearer tokens (even an admin's) cannot mint tickets: a browser session only
    expect_problem(srv.req("POST", "/api/v1/live/ticket", {"project": slug},
                           token=srv.admin_token()), 403, "forbidden")
    expect_problem(srv.req("POST", "/api/v1/live/ticket", {"project": slug},
                           token=agent_token), 403, "forbidden")
    expect_problem(srv.req("POST", "/api/v1/live/ticket", {"project": slug}), 401,
                   "unauthenticated")
    session = srv.admin()
    expect_problem(session.req("POST", "/api/v1/live/ticket", {"project": "no-such-project"}),
                   404, "not_found")
    expect_problem(session.req("POST", "/api/v1/live/ticket", {"project": slug, "x": 1}),
                   422, "validation_failed")


def test_a_malformed_subscription_closes_the_feed_with_4400(srv):
    slug, _ = _setup(srv)
    feed = _open(srv, _ticket(srv, srv.admin(), slug))
    feed.send({"type": "subscribe", "filters": {"severity": 7}})
    eq(feed.expect_close(WAIT), 4400, "close code")
    expect(srv.req("GET", "/healthz"), 200)
