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


# -- a feed lives only as long as its session (issue 8.2)

import hashlib  # noqa: E402


def _user_session(srv, role="viewer"):
    email = moat.unique("watcher") + "@example.com"
    user, pw = srv.create_user(email, role)
    return user, email, pw, srv.login(email, pw)


def _watch(srv, session, slug, agent_token):
    """Opens and subscribes a feed, and proves it delivers an event."""
    feed = _open(srv, _ticket(srv, session, slug))
    feed.send({"type": "subscribe"})
    eq(feed.recv(WAIT)["type"], "subscribed", "subscribe answer")
    ev = _event()
    expect(srv.req("POST", "/api/v1/agent/events", {"events": [ev]}, token=agent_token), 200)
    eq(feed.recv(WAIT)["event"]["id"], ev["id"], "an event before the session ends")
    return feed


def _closed_within(feed, t0, bound, what):
    """The feed gets an error session_ended and closes 4401 within bound
    seconds of t0; no event of a later commit reaches it before that."""
    msgs = []
    deadline = t0 + bound + 2.0
    while True:
        left = deadline - time.monotonic()
        check(left > 0, "%s: the feed was still open %.1fs later (got %r)" % (what, bound + 2.0, msgs))
        try:
            msgs.append(feed.recv(left))
        except Closed as c:
            took = time.monotonic() - t0
            print("    %s: feed closed %.0f ms later" % (what, took * 1000))
            eq(c.code, 4401, "close code (%s)" % what)
            check(took <= bound, "%s: the feed closed after %.2fs, want within %.1fs" % (what, took, bound))
            errs = [m for m in msgs if m.get("type") == "error"]
            check(errs and errs[-1].get("code") == "session_ended",
                  "%s: no error session_ended before the close: %r" % (what, msgs))
            check(not [m for m in msgs if m.get("type") == "event"],
                  "%s: events after the session ended: %r" % (what, msgs))
            return
        except TimeoutError:
            continue


def _post_event(srv, agent_token):
    expect(srv.req("POST", "/api/v1/agent/events", {"events": [_event()]}, token=agent_token), 200)


def _session_row(srv, session):
    return hashlib.sha256(session.cookie.encode()).hexdigest()


def _db_exec(srv, sql):
    eq(srv.sql_change(sql), 1, "rows changed by %s" % sql)


def test_logging_out_closes_the_feed_within_a_second_and_its_unused_tickets_die_with_it(srv):
    slug, agent_token = _setup(srv)
    _, _, _, s = _user_session(srv)
    feed = _watch(srv, s, slug, agent_token)
    spare = _ticket(srv, s, slug)
    try:
        expect(s.req("POST", "/api/v1/auth/logout"), 204)
        t0 = time.monotonic()
        _post_event(srv, agent_token)
        _closed_within(feed, t0, 1.0, "logout")
    finally:
        feed.close()
    check(_refused(lambda: _open(srv, spare)), "a ticket of a session that logged out is refused")


def test_disabling_the_user_closes_the_feed_within_a_second(srv):
    slug, agent_token = _setup(srv)
    user, _, _, s = _user_session(srv, "editor")
    feed = _watch(srv, s, slug, agent_token)
    try:
        expect(srv.req("PATCH", "/api/v1/users/%d" % user["id"], {"disabled": True},
                       token=srv.admin_token()), 200)
        t0 = time.monotonic()
        _post_event(srv, agent_token)
        _closed_within(feed, t0, 1.0, "user disabled")
    finally:
        feed.close()


def test_changing_the_password_closes_the_feeds_of_the_other_sessions(srv):
    slug, agent_token = _setup(srv)
    _, email, pw, changer = _user_session(srv)
    other = srv.login(email, pw)
    kept = _watch(srv, changer, slug, agent_token)
    ended = _watch(srv, other, slug, agent_token)
    try:
        expect(changer.req("POST", "/api/v1/auth/password",
                           {"current_password": pw, "new_password": pw + "-new"}), 204)
        t0 = time.monotonic()
        _closed_within(ended, t0, 1.0, "password changed in another session")
        # the session that changed the password stays signed in, and so does its feed
        ev = _event()
        expect(srv.req("POST", "/api/v1/agent/events", {"events": [ev]}, token=agent_token), 200)
        seen = []
        while ev["id"] not in seen:  # it saw the event posted while the other feed opened too
            seen.append(kept.recv(WAIT)["event"]["id"])
        check(len(seen) <= 2, "the changing session's feed got %r" % seen)
    finally:
        kept.close()
        ended.close()


def test_a_feed_closes_when_its_session_expires_by_age_or_by_idleness(srv):
    """The session's lifetime is injected through its row (as in
    test_auth.py): it ends two seconds from now, and nothing else changes;
    the feed must close when the clock passes that moment, as /auth/me
    starts answering 401."""
    slug, agent_token = _setup(srv)
    for how in ("expires_at", "last_seen_at"):
        _, _, _, s = _user_session(srv)
        feed = _watch(srv, s, slug, agent_token)
        try:
            now = int(time.time())
            if how == "expires_at":
                end = now + 2
                _db_exec(srv, "UPDATE sessions SET expires_at = %d WHERE token_hash = '%s'"
                         % (end, _session_row(srv, s)))
            else:
                idle = 720 * 60  # the server's default --session-idle-minutes
                end = now + 2
                _db_exec(srv, "UPDATE sessions SET last_seen_at = %d WHERE token_hash = '%s'"
                         % (end - idle - 1, _session_row(srv, s)))
            # still open and delivering until then
            ev = _event()
            expect(srv.req("POST", "/api/v1/agent/events", {"events": [ev]}, token=agent_token), 200)
            eq(feed.recv(WAIT)["event"]["id"], ev["id"], "an event before the session's end (%s)" % how)
            wait = end + 0.05 - time.time()
            if wait > 0:
                time.sleep(wait)  # the session's end, on the wall clock it is measured by
            t0 = time.monotonic()
            _post_event(srv, agent_token)  # committed after the end: never shown
            _closed_within(feed, t0, 1.0, "session expired (%s)" % how)
            expect_problem(s.req("GET", "/api/v1/auth/me"), 401, "unauthenticated")
        finally:
            feed.close()


def test_lowering_a_role_to_viewer_keeps_the_feed_since_viewers_may_watch(srv):
    # every role may read every project, so no role change ends a feed
    # today; the check against the role the feed needs (viewer) is in the sweep
    slug, agent_token = _setup(srv)
    user, _, _, s = _user_session(srv, "admin")
    feed = _watch(srv, s, slug, agent_token)
    try:
        expect(srv.req("PATCH", "/api/v1/users/%d" % user["id"], {"role": "viewer"},
                       token=srv.admin_token()), 200)
        time.sleep(0.6)  # one sweep
        ev = _event()
        expect(srv.req("POST", "/api/v1/agent/events", {"events": [ev]}, token=agent_token), 200)
        eq(feed.recv(WAIT)["event"]["id"], ev["id"], "a viewer's feed still delivers")
    finally:
        feed.close()


# -- tickets: a cap per user, and nobody's pending ticket is pushed out (issue 8.4)

TICKETS_PER_USER = 16


def test_a_user_holds_at_most_16_pending_tickets_and_cannot_push_out_another_users(srv):
    slug, _ = _setup(srv)
    _, _, _, victim = _user_session(srv)
    kept = _ticket(srv, victim, slug)
    _, _, _, flooder = _user_session(srv)
    mine = [_ticket(srv, flooder, slug) for _ in range(TICKETS_PER_USER)]
    refused = 0
    for _ in range(1100):
        r = flooder.req("POST", "/api/v1/live/ticket", {"project": slug})
        if r.status == 201:
            moat.fail("ticket number %d of one user was issued" % (TICKETS_PER_USER + 1 + refused))
        expect_problem(r, 429, "rate_limited")
        retry = r.header("Retry-After")
        check(retry is not None and 1 <= int(retry) <= 30, "Retry-After %r" % retry)
        refused += 1
    # the other user's ticket survived the flood
    feed = _open(srv, kept)
    feed.send({"type": "subscribe"})
    eq(feed.recv(WAIT)["type"], "subscribed", "the victim's ticket still works")
    feed.close()
    # a used ticket no longer counts against its user
    _open(srv, mine[0]).close()
    _ticket(srv, flooder, slug)
    expect_problem(flooder.req("POST", "/api/v1/live/ticket", {"project": slug}), 429,
                   "rate_limited")


def test_an_unmasked_frame_closes_the_feed_with_1002(srv):
    slug, _ = _setup(srv)
    feed = _open(srv, _ticket(srv, srv.admin(), slug))
    try:
        feed.send_frame(0x1, b'{"type":"subscribe"}', masked=False)
        eq(feed.expect_close(WAIT), 1002, "close code for an unmasked subscribe")
    finally:
        feed.close()


def _metric(srv, name):
    import re
    text = srv.req("GET", "/metrics").raw.decode()
    m = re.search(r"^%s (\d+)$" % re.escape(name), text, re.M)
    check(m is not None, "no %s on /metrics" % name)
    return int(m.group(1))


def test_a_feed_cut_off_for_reading_too_slowly_stops_counting_as_a_watcher(srv):
    # issue 8.10: a live connection whose send queue overflowed went to
    # closing without leaving the watcher count, so the writer serialised
    # every event for nobody from then on
    slug, agent_token = _setup(srv)
    session = srv.admin()
    base = _metric(srv, "moat_live_watchers")
    slow = WS(srv.agent_port, path="/v1/live?ticket=" + _ticket(srv, session, slug),
              protocol="moat.live.v1", headers={"Origin": "http://127.0.0.1:%d" % srv.port},
              rcvbuf=4096)
    try:
        slow.send({"type": "subscribe"})
        eq(slow.recv(WAIT)["type"], "subscribed", "subscribe answer")
        eq(_metric(srv, "moat_live_watchers"), base + 1, "watchers with the feed subscribed")
        # from here on the feed never reads: big events until it is cut off
        # (about 8 KB a message: past the kernel's buffers and the 2 MiB queue)
        payload = "<script>" + "x" * 7900 + "</script>"
        closed = False
        for _ in range(200):
            evs = [_event(payload=payload) for _ in range(100)]
            expect(srv.req("POST", "/api/v1/agent/events", {"events": evs}, token=agent_token), 200)
            if _metric(srv, "moat_live_watchers") == base:
                break
        # the server closed the connection: reading drains to its end
        deadline = time.monotonic() + WAIT * 4
        slow.sock.settimeout(WAIT)
        while time.monotonic() < deadline:
            try:
                if not slow.sock.recv(1 << 20):
                    closed = True
                    break
            except (ConnectionResetError, OSError):
                closed = True
                break
        check(closed, "the slow feed was not cut off")
        eq(_metric(srv, "moat_live_watchers"), base, "watchers after the slow feed was cut off")
    finally:
        slow.sock.close()


def _connect_src(csp):
    for part in csp.split(";"):
        words = part.split()
        if words and words[0] == "connect-src":
            return words[1:]
    return None


def test_the_dashboard_learns_where_the_feed_is_and_its_csp_lets_it_connect(srv):
    # Without --public-url the feed is on the agent port of the host the
    # dashboard was loaded from (127.0.0.1 or localhost, the origins the
    # feed accepts): the ticket names that port and the page's CSP allows
    # exactly those two WebSocket origins besides 'self'.
    slug, _ = _setup(srv)
    resp = srv.admin().req("POST", "/api/v1/live/ticket", {"project": slug})
    expect(resp, 201)
    eq(resp.body.get("port"), srv.agent_port, "the feed's port in the ticket")
    csp = srv.req("GET", "/").header("Content-Security-Policy")
    eq(_connect_src(csp), ["'self'", "ws://127.0.0.1:%d" % srv.agent_port, "ws://localhost:%d" % srv.agent_port],
       "connect-src of the dashboard")
    eq(srv.req("GET", "/api/v1/auth/me").header("Content-Security-Policy"),
       "default-src 'none'; frame-ancestors 'none'", "the API's CSP is unchanged")
    # Behind --public-url the feed is on the dashboard's own origin (the
    # proxy routes /v1/live): no port, and 'self' alone.
    with moat.server(extra_args=["--public-url", "https://moat.example.com"]) as s:
        slug2 = moat.unique("live")
        s.create_project(slug2)
        r = s.admin().req("POST", "/api/v1/live/ticket", {"project": slug2})
        expect(r, 201)
        eq(r.body.get("port", "absent"), None, "no port behind --public-url")
        eq(_connect_src(s.req("GET", "/").header("Content-Security-Policy")), ["'self'"], "connect-src")


# -- agent and policy notes ("notes": true): the dashboard's overview keeps
# agents and rollout current without polling

def _notes_feed(srv, slug, notes=True):
    feed = _open(srv, _ticket(srv, srv.admin(), slug))
    sub = {"type": "subscribe"}
    if notes is not None:
        sub["notes"] = notes
    feed.send(sub)
    eq(feed.recv(WAIT)["type"], "subscribed", "subscribe answer")
    return feed


def _agents(srv, slug):
    return expect(srv.req("GET", "/api/v1/projects/%s/agents" % slug, token=srv.admin_token()), 200)


def _note(feed, type_):
    """The next message, which must be a note of type_."""
    m = feed.recv(WAIT)
    eq(m.get("type"), type_, "note type of %r" % m)
    return m


def test_notes_tell_the_dashboard_of_agents_and_policy_versions_after_their_commit(srv):
    slug, agent_token = _setup(srv)
    feed = _notes_feed(srv, slug)
    agent = WS(srv.agent_port, token=agent_token)
    try:
        agent.send(hello("note-agent", policy_version=0))
        agent.recv_type("welcome")
        m = _note(feed, "agents")
        eq(m["changes"], [{"agent_id": "note-agent", "change": "connected", "policy_version": 0}],
           "connected")
        eq(m["more"], 0, "more")
        # sent after the commit: the API already shows what the note says
        a = [x for x in _agents(srv, slug)["agents"] if x["agent_id"] == "note-agent"]
        check(a and a[0]["online"], "online in the inventory when the note arrives: %r" % a)
        pol = agent.recv_type("policy")
        agent.send({"type": "applied", "version": pol["version"], "ok": True})
        m = _note(feed, "agents")
        eq(m["changes"], [{"agent_id": "note-agent", "change": "applied",
                           "policy_version": pol["version"], "ok": True}], "applied")
        ro = [r for r in _agents(srv, slug)["rollout"] if r["environment"] == "production"]
        eq((ro[0]["on_latest"], ro[0]["online"]), (1, 1), "rollout when the note arrives")
        # a new version: a policy note, then the agent's answer
        put = expect(srv.req("PUT", "/api/v1/projects/%s/environments/production/policy" % slug,
                             {"interceptors": {"xss": {"mode": "block"}}}, token=srv.admin_token()), 200)
        m = _note(feed, "policy")
        eq((m["environment"], m["version"]), ("production", put["version"]), "policy note")
        pushed = agent.recv_type("policy")
        eq(pushed["version"], put["version"], "the agent got the new version")
        agent.send({"type": "applied", "version": put["version"], "ok": False, "error": "nope"})
        m = _note(feed, "agents")
        eq(m["changes"][0]["ok"], False, "a refused version is told too")
        # the same document again is no new version: no note
        expect(srv.req("PUT", "/api/v1/projects/%s/environments/production/policy" % slug,
                       {"interceptors": {"xss": {"mode": "block"}}}, token=srv.admin_token()), 200)
        agent.close()
        agent = None
        m = _note(feed, "agents")
        eq(m["changes"], [{"agent_id": "note-agent", "change": "disconnected"}], "disconnected")
        a = [x for x in _agents(srv, slug)["agents"] if x["agent_id"] == "note-agent"]
        check(a and not a[0]["online"], "offline in the inventory when the note arrives: %r" % a)
    finally:
        feed.close()
        if agent:
            agent.close()


def test_notes_come_only_when_asked_for_and_only_for_the_feeds_project(srv):
    slug, agent_token = _setup(srv)
    other, _ = _setup(srv)
    plain = _notes_feed(srv, slug, notes=None)
    off = _notes_feed(srv, slug, notes=False)
    elsewhere = _notes_feed(srv, other)
    mine = _notes_feed(srv, slug)
    agent = WS(srv.agent_port, token=agent_token)
    try:
        agent.send(hello("quiet-agent"))
        agent.recv_type("welcome")
        expect(srv.req("PUT", "/api/v1/projects/%s/environments/production/policy" % slug,
                       {"interceptors": {"ssrf": {"mode": "block"}}}, token=srv.admin_token()), 200)
        # The agent's note comes from the writer's commit of its state, the
        # policy note from the HTTP thread after its own commit: two
        # separate commits, so either may come first.
        notes = {}
        for _ in range(2):
            m = mine.recv(WAIT)
            check(m.get("type") in ("agents", "policy") and m["type"] not in notes,
                  "one agents and one policy note, in either order: %r" % m)
            notes[m["type"]] = m
        eq(notes["agents"]["changes"][0]["agent_id"], "quiet-agent", "the asking feed hears")
        eq(notes["policy"]["environment"], "production", "the policy note")
        ev = _event()
        expect(srv.req("POST", "/api/v1/agent/events", {"events": [ev]}, token=agent_token), 200)
        for f, what in ((plain, "no notes member"), (off, "notes: false")):
            eq(f.recv(WAIT)["event"]["id"], ev["id"], "%s: events only, the first is the event" % what)
        eq(mine.recv(WAIT)["event"]["id"], ev["id"], "notes and events together")
        try:
            extra = elsewhere.recv(0.5)
            moat.fail("another project's feed got %r" % extra)
        except TimeoutError:
            pass
    finally:
        for f in (plain, off, elsewhere, mine, agent):
            f.close()


def test_notes_must_be_a_boolean(srv):
    slug, _ = _setup(srv)
    feed = _open(srv, _ticket(srv, srv.admin(), slug))
    feed.send({"type": "subscribe", "notes": "yes"})
    m = feed.recv(WAIT)
    eq((m["type"], m["code"]), ("error", "bad_message"), "error message")
    eq(feed.expect_close(WAIT), 4400, "close code")
