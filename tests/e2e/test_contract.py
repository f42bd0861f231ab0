"""The written contracts say what the server accepts and answers (issue 8,
part D). contract.py checks every answer of the whole suite against
api/openapi.yaml and agentproto/schema; these tests drive the cases where
the contracts and the server disagreed: a batch with one bad event, the
first admin's address, string limits in bytes, the live feed's errors and
its Origin rule.
"""

import datetime
import json
import os
import re
import urllib.parse
import uuid

import contract
import moat
from moat import check, eq, expect
from wsclient import WS, Closed, HandshakeRefused, hello

WAIT = 5.0
_fx = {}


def _now():
    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def _event(**kw):
    e = {"id": str(uuid.uuid4()), "ts": _now(), "interceptor": "xss", "action": "logged", "severity": "high"}
    e.update(kw)
    return e


def _project(srv):
    if "slug" not in _fx:
        slug = moat.unique("contract")
        srv.create_project(slug)
        r = srv.req("POST", "/api/v1/projects/%s/tokens" % slug, {"kind": "agent", "name": "a"},
                    token=srv.admin_token())
        _fx.update(slug=slug, agent=expect(r, 201)["token"])
    return _fx["slug"], _fx["agent"]


def _schema(name):
    with open(os.path.join(contract.AGENT_SCHEMAS, name)) as f:
        return json.load(f)


def _text_of_bytes(n):
    """A string of exactly n bytes of UTF-8, mostly two-byte characters:
    fewer characters than bytes, so a limit in characters would take it."""
    return "\u00e9" * (n // 2) + "a" * (n % 2)


# --------------------------------------------------------------------------
# the checker itself: it runs on every answer and it catches drift


def test_the_contract_checker_runs_on_every_answer_and_refuses_undocumented_ones(srv):
    _, agent = _project(srv)
    n = contract.checked[0]
    r = srv.req("GET", "/api/v1/projects", token=srv.admin_token())
    expect(r, 200)
    check(contract.checked[0] == n + 1, "srv.req's answer was checked")
    ws = WS(srv.agent_port, token=agent)
    try:
        ws.send(hello("checker-1"))
        eq(ws.recv(WAIT)["type"], "welcome", "welcome")
    finally:
        ws.close()
    check(contract.checked[0] == n + 3, "the welcome and the hello it answered were checked")
    json_h = {"Content-Type": "application/json", "X-Request-Id": "1"}
    body = json.dumps(r.body).encode()
    eq(contract.problems_http("GET", "/api/v1/projects", 200, r.headers, r.raw), [], "the real answer")
    undocumented = [
        ("a status the operation does not list", ("GET", "/api/v1/projects", 418, json_h, body)),
        ("another media type", ("GET", "/api/v1/projects", 200, {"Content-Type": "text/plain"}, b"x")),
        ("a body without a required member", ("GET", "/api/v1/projects", 200, json_h, b"{}")),
        ("a member of the wrong type", ("GET", "/api/v1/projects", 200, json_h, b'{"projects":7}')),
        ("a path no operation has, answered 200", ("GET", "/api/v1/nope", 200, json_h, b"{}")),
        ("a body on HEAD", ("HEAD", "/healthz", 200, json_h, b'{"status":"ok"}')),
        ("an answer without X-Request-Id", ("GET", "/api/v1/projects", 200, {"Content-Type": "application/json"},
                                            body)),
        ("a 2xx to a request body the schema refuses",
         ("POST", "/api/v1/users", 201, json_h, b"{}", b'{"email":"x","role":"god"}', "application/json")),
    ]
    for what, args in undocumented:
        check(contract.problems_http(*args), "the checker lets through %s" % what)
    for path, msg in (("/v1/agent", {"type": "welcome"}), ("/v1/agent", {"type": "nope"}),
                      ("/v1/live", {"type": "error", "code": "bad_filters"}),
                      ("/v1/live", {"type": "event", "event": {"id": 1}})):
        check(contract.problems_ws(path, msg), "the checker lets through %r on %s" % (msg, path))
    check(contract.problems_ws_accepted("/v1/agent", hello("x", environment="e" * 41)),
          "the checker lets through a hello whose environment is over 40 bytes")
    check(contract.problems_ws_accepted("/v1/agent", hello("x", hostname="\u00e9" * 128)),
          "the checker lets through a hostname of 256 bytes in 128 characters (x-max-bytes)")


# --------------------------------------------------------------------------
# 8.24: what a validating client or proxy refuses must be what the server does


def test_a_batch_with_one_bad_event_is_a_request_the_contract_takes(srv):
    """The server takes such a batch (200, the bad event rejected alone), so
    the batch schema must not refuse it: contract.py checks every 2xx
    request body against the operation's schema."""
    _, agent = _project(srv)
    good = _event()
    r = srv.req("POST", "/api/v1/agent/events", {"events": [good, {"id": "not-a-uuid"}, 7]}, token=agent)
    b = expect(r, 200)
    eq(b["accepted"], 1, "accepted")
    eq([x["index"] for x in b["rejected"]], [1, 2], "rejected indexes")
    eq(b["rejected"][1]["reason"], "event: must be a JSON object", "reason of a non-object")
    batch = contract.spec().doc["components"]["schemas"]["AgentEventBatch"]
    v = contract.spec().validator(("test", "AgentEventBatch"), batch)
    eq(contract._first_error(v, {"events": [good, {"id": "not-a-uuid"}, 7]}), None,
       "AgentEventBatch on a batch the server takes")


def test_the_first_admin_and_a_localhost_user_match_the_user_schema(srv):
    """admin@localhost is the first admin: the User schema must take it (the
    common `email` format wants a dot in the domain)."""
    me = expect(srv.req("GET", "/api/v1/auth/me", session=srv.admin()), 200)
    eq(me["user"]["email"], moat.ADMIN_EMAIL, "the first admin")
    users = contract.spec().doc["components"]["schemas"]
    for name, value in (("User", me["user"]),):
        v = contract.spec().validator(("test", name), users[name])
        eq(contract._first_error(v, value), None, "%s schema on the first admin" % name)
    u, _ = srv.create_user("ops@localhost", "viewer")
    eq(u["email"], "ops@localhost", "a user at a dotless domain")
    v = contract.spec().validator(("test", "UserCreate"), users["UserCreate"])
    eq(contract._first_error(v, {"email": "ops@localhost", "password": "x" * 12, "role": "viewer"}), None,
       "UserCreate on an address the server takes")
    for bad in ("no-at-sign", "a@b@c", "a b@c", "@c", "a@"):
        r = srv.req("POST", "/api/v1/users", {"email": bad, "password": "x" * 12, "role": "viewer"},
                    token=srv.admin_token())
        eq(r.status, 422, "the server refuses %r" % bad)
        check(contract._first_error(v, {"email": bad, "password": "x" * 12, "role": "viewer"}) is not None,
              "UserCreate refuses %r as the server does" % bad)


# --------------------------------------------------------------------------
# 8.25: string limits of the agent protocol are bytes of UTF-8, one rule


EVENT_BYTE_FIELDS = {("method",): 16, ("endpoint",): 2048, ("rule",): 128,
                     ("location", "file"): 512, ("location", "function"): 256}


def _byte_limits(props, prefix=()):
    out = {}
    for k, v in props.items():
        if "x-max-bytes" in v:
            out[prefix + (k,)] = v
        if "properties" in v:
            out.update(_byte_limits(v["properties"], prefix + (k,)))
    return out


def _with(path, value):
    e = _event()
    if len(path) == 2:
        e[path[0]] = {path[1]: value}
    else:
        e[path[0]] = value
    return e


def test_every_event_string_limit_is_bytes_in_the_schemas_the_reasons_and_the_server(srv):
    _, agent = _project(srv)
    limits = _byte_limits(_schema("event.json")["properties"])
    eq({k: v["x-max-bytes"] for k, v in limits.items()}, EVENT_BYTE_FIELDS, "x-max-bytes in event.json")
    oas = _byte_limits(contract.spec().doc["components"]["schemas"]["AgentEvent"]["properties"])
    eq({k: v["x-max-bytes"] for k, v in oas.items()}, EVENT_BYTE_FIELDS,
       "x-max-bytes of AgentEvent in api/openapi.yaml")
    for path, n in EVENT_BYTE_FIELDS.items():
        for where, sch in (("event.json", limits[path]), ("openapi", oas[path])):
            eq(sch.get("maxLength", n), n, "%s maxLength of %s (the byte limit bounds it)" % (where, path))
        name = ".".join(path)
        at, over = _text_of_bytes(n), _text_of_bytes(n + 1)
        check(len(over) <= n, "the test's text over the limit is within it in characters")
        r = srv.req("POST", "/api/v1/agent/events", {"events": [_with(path, at), _with(path, over)]}, token=agent)
        b = expect(r, 200)
        eq(b["accepted"], 1, "%s of %d bytes accepted" % (name, n))
        eq(b["rejected"], [{"index": 1, "reason": "%s: at most %d bytes" % (name, n)}],
           "%s of %d bytes (%d characters)" % (name, n + 1, len(over)))
    text = open(os.path.join(moat.CONFIG.repo_root, "agentproto", "PROTOCOL.md")).read()
    check(not re.search(r"\u2264 [\d,]+ characters", text), "PROTOCOL.md still states a limit in characters")


HELLO_LIMITS = {"agent_id": 128, "hostname": 255, "runtime": 64, "agent_version": 64, "environment": 40,
                "token": 64}


def _hello_outcome(srv, agent, field, value):
    """welcome, or the close code, of a hello with field set to value."""
    h = hello("limits-" + uuid.uuid4().hex[:8])
    h[field] = value
    ws = WS(srv.agent_port, token=None if field == "token" else agent)
    try:
        ws.send(h)
        m = ws.recv(WAIT)
        if m.get("type") == "welcome":
            return "welcome"
        return ws.expect_close(WAIT)
    except Closed as c:
        return c.code
    finally:
        ws.close()


def test_every_hello_string_limit_is_bytes_in_the_schema_and_the_server(srv):
    _, agent = _project(srv)
    props = _schema("hello.json")["properties"]
    got = {k: v.get("x-max-bytes") for k, v in props.items() if v.get("type") == "string"}
    eq(got, HELLO_LIMITS, "x-max-bytes of hello.json's strings")
    for k, n in HELLO_LIMITS.items():
        eq(props[k].get("maxLength"), n, "hello.json maxLength of %s" % k)
    # at the limit: taken (an unknown but well-formed environment is 4404,
    # a made-up token 4401); one byte over: malformed (4400)
    at_limit = {"agent_id": ("a" * 128, "welcome"), "hostname": (_text_of_bytes(255), "welcome"),
                "runtime": (_text_of_bytes(64), "welcome"), "agent_version": (_text_of_bytes(64), "welcome"),
                "environment": ("e" * 40, 4404), "token": ("x" * 64, 4401)}
    for k, (value, want) in at_limit.items():
        eq(_hello_outcome(srv, agent, k, value), want, "hello with %s of %d bytes" % (k, HELLO_LIMITS[k]))
        over = value + "a" if k in ("agent_id", "environment", "token") else _text_of_bytes(HELLO_LIMITS[k] + 1)
        eq(_hello_outcome(srv, agent, k, over), 4400, "hello with %s of %d bytes" % (k, HELLO_LIMITS[k] + 1))


# --------------------------------------------------------------------------
# 8.26: the live feed's errors and its Origin rule


def _ticket(srv, slug):
    r = srv.admin().req("POST", "/api/v1/live/ticket", {"project": slug})
    return expect(r, 201)["ticket"]


def _live(srv, ticket, headers):
    return WS(srv.agent_port, path="/v1/live?ticket=" + ticket, protocol="moat.live.v1", headers=headers)


def _origin(srv):
    return {"Origin": "http://127.0.0.1:%d" % srv.port}


def _live_codes():
    text = open(os.path.join(moat.CONFIG.repo_root, "agentproto", "PROTOCOL.md")).read()
    live = text[text.index("## The dashboard's live feed"):]
    return set(re.findall(r"`([a-z_]+)`", live))


def test_each_live_feed_error_has_a_documented_code_and_a_message(srv):
    slug, _ = _project(srv)
    documented = _live_codes()
    for bad, code in (({"type": "subscribe", "filters": {"severity": 7}}, "bad_filters"),
                      ({"type": "subscribe", "filters": []}, "bad_filters"),
                      ({"type": "subscribe", "filters": {"action": ["x"] * 9}}, "bad_filters"),
                      ({"type": "hello"}, "bad_message")):
        feed = _live(srv, _ticket(srv, slug), _origin(srv))
        try:
            feed.send(bad)
            m = feed.recv(WAIT)
            eq(m.get("type"), "error", "answer to %r" % bad)
            eq(m.get("code"), code, "error code for %r" % bad)
            check(isinstance(m.get("message"), str) and m["message"], "error %s has a message: %r" % (code, m))
            check(code in documented, "PROTOCOL.md's live feed section names the code %s" % code)
            eq(feed.expect_close(WAIT), 4400, "close code after %s" % code)
        finally:
            feed.close()


def test_a_live_feed_upgrade_without_origin_is_refused(srv):
    """The feed is the dashboard's: a browser always sends Origin on a
    WebSocket upgrade, so an upgrade without one is refused like a foreign
    one (and does not use up the ticket)."""
    slug, _ = _project(srv)
    ticket = _ticket(srv, slug)
    try:
        ws = _live(srv, ticket, {})
        ws.close()
        moat.fail("an upgrade without Origin was accepted")
    except (HandshakeRefused, Closed, ConnectionResetError):
        pass
    feed = _live(srv, ticket, _origin(srv))
    try:
        feed.send({"type": "subscribe"})
        eq(feed.recv(WAIT)["type"], "subscribed", "the same ticket with the dashboard's Origin")
    finally:
        feed.close()


def test_the_endpoint_filter_takes_what_an_event_endpoint_holds_in_bytes(srv):
    """An event's endpoint holds up to 2048 bytes, so its filter must take
    one that long (the contract said 1000 characters); one byte more is
    400 with a reason in bytes."""
    slug, agent = _project(srv)
    ep = "/" + _text_of_bytes(2047)
    b = expect(srv.req("POST", "/api/v1/agent/events", {"events": [_event(endpoint=ep)]}, token=agent), 200)
    eq(b["accepted"], 1, "an event with an endpoint of 2048 bytes")
    path = "/api/v1/projects/%s/events?endpoint=" % slug
    r = srv.req("GET", path + urllib.parse.quote(ep), token=srv.admin_token())
    eq([e["endpoint"] for e in expect(r, 200)["events"]], [ep], "the filter finds it")
    r = srv.req("GET", path + urllib.parse.quote(ep + "a"), token=srv.admin_token())
    b = moat.expect_problem(r, 400, "bad_request")
    check("2048 bytes" in b.get("detail", ""), "the reason says the limit in bytes: %r" % b.get("detail"))
    param = contract.spec().doc["components"]["parameters"]["EventEndpoint"]["schema"]
    eq((param.get("maxLength"), param.get("x-max-bytes")), (2048, 2048), "EventEndpoint's limit")


# --------------------------------------------------------------------------
# HEAD: every GET operation has its HEAD (the conventions); the checker sees
# both answers


def test_head_answers_every_get_operation_as_its_get_does(srv):
    slug, agent = _project(srv)
    ev = _event()
    expect(srv.req("POST", "/api/v1/agent/events", {"events": [ev]}, token=agent), 200)
    tok = expect(srv.req("GET", "/api/v1/projects/%s/tokens" % slug, token=srv.admin_token()), 200)["tokens"][0]
    values = {"slug": slug, "env": "production", "n": "1", "id": "1", "agent_id": "no-such-agent",
              "file": "index.html"}
    special = {"/api/v1/projects/{slug}/events/{id}": {"id": ev["id"]},
               "/api/v1/projects/{slug}/tokens/{id}": {"id": str(tok["id"])},
               "/api/v1/agent/policy": {"?": "environment=production"}}
    heads = sorted(t for m, t in contract.operations() if m == "HEAD")
    check(heads, "api/openapi.yaml lists HEAD operations")
    for tmpl in heads:
        v = dict(values, **special.get(tmpl, {}))
        path = re.sub(r"\{([a-z_]+)\}", lambda m: v[m.group(1)], tmpl)
        if "?" in v:
            path += "?" + v["?"]
        auth = {"token": agent} if tmpl.startswith("/api/v1/agent/") else {"token": srv.admin_token()}
        g = srv.req("GET", path, **auth)
        h = srv.req("HEAD", path, **auth)
        eq(h.status, g.status, "HEAD %s answers as its GET" % path)
        eq(h.raw, b"", "HEAD %s has no body" % path)
    check(not (set(("HEAD", t) for t in heads) - contract.seen), "every HEAD operation was answered")
