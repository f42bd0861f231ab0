"""Text that enters (issue 8, item 3): valid UTF-8 or refused with 422,
headers included; limits cut only at character boundaries; a row that
cannot be encoded is a 500 with the request id and a log line, never a
silent omission; nothing is stored when the answer is an error."""

import json
import sqlite3
import time
import uuid

import moat
from moat import check, eq, expect, expect_problem, unique
from wsclient import WS, Closed, hello

from test_events import Project, event, now_ms


def _tok(srv):
    return {"token": srv.admin_token()}


def _strict_json(resp):
    """The body decoded as strict UTF-8 and parsed (fails on a lone byte)."""
    try:
        text = resp.raw.decode("utf-8", "strict")
    except UnicodeDecodeError as e:
        moat.fail("%s: the body is not valid UTF-8 (%s)" % (resp.describe(), e))
    return json.loads(text)


def _is_char_prefix(cut, whole):
    """cut is whole, or whole cut at a character boundary (never empty)."""
    return bool(cut) and whole.startswith(cut)


def _audit(srv, query):
    r = srv.req("GET", "/api/v1/audit?" + query, **_tok(srv))
    expect(r, 200)
    return _strict_json(r)["entries"]


def test_a_failed_login_with_a_long_non_ascii_address_is_in_the_audit_list(srv):
    # rows before it, so that limit=3 has three to return
    srv.create_project(unique("tx"))
    srv.create_project(unique("tx"))
    email = "a@b" + "\U0001F600" * 74
    r = srv.req("POST", "/api/v1/auth/login", {"email": email, "password": "wrong"})
    expect_problem(r, 401, "invalid_credentials")
    rows = _audit(srv, "limit=3")
    eq(len(rows), 3, "audit rows with limit=3 (the failed login must not be left out)")
    eq(rows[0]["action"], "auth.login_failed", "newest audit action")
    check(_is_char_prefix(rows[0]["actor"], email),
          "actor %r is not the attempted address cut at a character" % rows[0]["actor"])
    eq(rows[0]["actor"], email, "the actor of the failed login (fits whole)")
    rows = _audit(srv, "action=auth.login_failed&limit=10")
    check(any(e["actor"] == email for e in rows), "failed login missing from the filtered list")


@moat.only_on("sqlite", "stores invalid UTF-8 behind moatd's back, which SQLite keeps and PostgreSQL refuses")
def test_an_audit_row_that_cannot_be_encoded_is_a_500_not_an_omission(srv):
    # text stored by an older moatd (before it refused such input) is still
    # read: the list must then fail visibly, not leave the row out
    slug = unique("tx")
    srv.create_project(slug)
    db = sqlite3.connect(srv.db, timeout=10)
    try:
        db.execute("INSERT INTO audit_log(ts, actor_type, actor, action, target, project, ip,"
                   " request_id, details) VALUES (strftime('%s','now'), 'user',"
                   " CAST(X'61c3' AS TEXT), 'test.bad_text', '', NULL, '', '', '{}')")
        db.commit()
    finally:
        db.close()
    r = srv.req("GET", "/api/v1/audit?limit=5", **_tok(srv))
    b = expect_problem(r, 500, "internal")
    rid = b["request_id"]
    # the request's lines may be written just after its answer went out
    deadline = time.monotonic() + 5
    while not (rid and rid in srv.log() and "encode" in srv.log()) and time.monotonic() < deadline:
        time.sleep(0.05)
    check(rid and rid in srv.log(), "no log line names request %r\n%s" % (rid, srv.log_tail()))
    check("encode" in srv.log(), "the log does not say what could not be encoded\n%s" % srv.log_tail())


# -- policy commit messages


def _ppath(slug, rest=""):
    return "/api/v1/projects/%s/environments/production/policy%s" % (slug, rest)


def _versions(srv, slug):
    r = srv.req("GET", _ppath(slug, "/versions"), **_tok(srv))
    expect(r, 200)
    return _strict_json(r)["versions"]


def _put(srv, slug, doc, message_header):
    return srv.req("PUT", _ppath(slug), doc, headers={"X-Moat-Message": message_header}, **_tok(srv))


def _doc(threshold):
    return {"interceptors": {"llm_prompt_injection": {"mode": "monitor", "threshold": threshold}}}


def test_a_policy_message_header_that_is_not_utf8_is_refused_and_nothing_commits(srv):
    slug = unique("tx")
    srv.create_project(slug)
    before = _versions(srv, slug)
    for i, bad in enumerate([b"caf\xe9", b"\xc3", b"a\xed\xa0\x80b", b"\xf8\x88\x80\x80\x80"]):
        r = _put(srv, slug, _doc(0.5 + i / 100), bad)
        expect_problem(r, 422, "validation_failed", path="header X-Moat-Message")
    eq(_versions(srv, slug), before, "versions after refused messages")


def test_a_policy_message_header_over_the_limit_is_refused_not_cut(srv):
    slug = unique("tx")
    srv.create_project(slug)
    before = _versions(srv, slug)
    r = _put(srv, slug, _doc(0.6), ("a" * 1022 + "\u00e9").encode("utf-8"))
    expect_problem(r, 422, "validation_failed", path="header X-Moat-Message")
    eq(_versions(srv, slug), before, "versions after a refused message")
    msg = "\u00e9" * 500  # 500 characters, 1,000 bytes: within the limit either way
    b = expect(_put(srv, slug, _doc(0.7), msg.encode("utf-8")), 200)
    vs = _versions(srv, slug)
    eq(vs[0]["version"], b["version"], "the new version is listed first")
    eq(vs[0]["message"], msg, "message of the new version")
    r = srv.req("GET", _ppath(slug, "/versions/%d" % b["version"]), **_tok(srv))
    expect(r, 200)
    eq(_strict_json(r)["message"], msg, "message of the version read by number")


# -- agent ids


BAD_AGENT_IDS = ["\u00e9" * 128, "a/b", "../x", "\u00e9", "agent 1", "", "x" * 129]
GOOD_AGENT_IDS = ["x" * 128, "a.b_c:d-1"]


def test_rest_and_websocket_accept_and_refuse_the_same_agent_ids(srv):
    p = Project(srv, "txa")
    for aid in BAD_AGENT_IDS:
        body = {"seq": 1, "agent_id": aid, "events": [event(now_ms())]}
        r = srv.req("POST", "/api/v1/agent/events", body, token=p.token)
        expect_problem(r, 422, "validation_failed", path="$.agent_id")
        ws = WS(srv.agent_port, token=p.token)
        try:
            ws.send(hello(aid, "production", 0))
            eq(ws.expect_close(5), 4400, "WebSocket close code of a hello with agent_id %r" % aid)
        finally:
            ws.close()
    r = srv.req("GET", p.path("/events"), **_tok(srv))
    eq(_strict_json(r)["events"], [], "events stored from refused batches")
    for aid in GOOD_AGENT_IDS:
        e = event(now_ms())
        body = {"seq": 1, "agent_id": aid, "events": [e]}
        b = expect(srv.req("POST", "/api/v1/agent/events", body, token=p.token), 200)
        eq(b["accepted"], 1, "accepted with agent_id %r" % aid)
        r = srv.req("GET", p.path("/events/" + e["id"]), **_tok(srv))
        expect(r, 200)
        eq(_strict_json(r)["agent_id"], aid, "agent_id read back")
        ws = WS(srv.agent_port, token=p.token)
        try:
            ws.send(hello(aid, "production", 0))
            eq(ws.recv_type("welcome", 5)["agent_id"], aid, "welcome of agent_id %r" % aid)
        finally:
            ws.close()


# -- token names


def test_a_token_named_in_non_ascii_is_stored_whole_listed_and_audited(srv):
    slug = unique("tx")
    srv.create_project(slug)
    name = "\u00e9" * 100
    r = srv.req("POST", "/api/v1/projects/%s/tokens" % slug, {"kind": "ci", "name": name},
                **_tok(srv))
    expect(r, 201)
    b = _strict_json(r)
    eq(b["name"], name, "name of the created token")
    moat.check_token_format(b["token"], "ci")
    r = srv.req("GET", "/api/v1/projects/%s/tokens" % slug, **_tok(srv))
    expect(r, 200)
    listed = [t for t in _strict_json(r)["tokens"] if t["id"] == b["id"]]
    eq([t["name"] for t in listed], [name], "the token in the list")
    rows = _audit(srv, "action=token.create&project=%s" % slug)
    eq(len(rows), 1, "audit rows of the token's creation")
    # one character more is refused, and nothing is created
    r = srv.req("POST", "/api/v1/projects/%s/tokens" % slug, {"kind": "ci", "name": name + "e"},
                **_tok(srv))
    expect_problem(r, 422, "validation_failed", path="$.name")
    r = srv.req("GET", "/api/v1/projects/%s/tokens" % slug, **_tok(srv))
    eq(len(_strict_json(r)["tokens"]), 1, "tokens after a refused name")


def test_a_user_agent_that_is_not_utf8_does_not_reach_the_store(srv):
    r = srv.req("POST", "/api/v1/auth/login",
                {"email": moat.ADMIN_EMAIL, "password": srv.admin_password},
                headers={"User-Agent": b"curl\xff/8"})
    expect_problem(r, 422, "validation_failed", path="header User-Agent")


def test_a_problem_document_escapes_the_client_keys_it_echoes(srv):
    # the errors' paths quote client keys: the one output path escapes them
    # like every string ("</" and U+2028 never appear raw in a response)
    key = "</script><script>x()</script>\u2028"
    r = srv.req("POST", "/api/v1/projects", {"slug": unique("tx"), "name": "n", key: 1}, **_tok(srv))
    b = expect_problem(r, 422, "validation_failed")
    check(b"</" not in r.raw, "a problem document carries a raw '</': %r" % r.raw[:300])
    check("\u2028".encode("utf-8") not in r.raw, "a raw U+2028 in %r" % r.raw[:300])
    paths = [e["path"] for e in b["errors"]]
    # $[<the key as a JSON string>]
    named = [p for p in paths if p.startswith("$[") and json.loads(p[2:-1]) == key]
    check(named, "the unknown key is not named in %r" % paths)


def _odd_key():
    return "a" + "\u00e9" * 150  # its 200-byte prefix ends inside a character


def test_an_unknown_policy_key_is_named_in_the_problem_cut_at_a_character(srv):
    slug = unique("tx")
    srv.create_project(slug)
    key = _odd_key()
    r = srv.req("PUT", _ppath(slug), {"interceptors": {key: {"mode": "block"}}}, **_tok(srv))
    b = expect_problem(r, 422, "validation_failed")
    paths = [e["path"] for e in b.get("errors") or []]
    check(any(p.startswith("$.interceptors.a\u00e9") for p in paths),
          "the unknown interceptor is missing from errors %r" % paths)
    check(all(_is_char_prefix(p[len("$.interceptors."):], key) for p in paths if p.startswith("$.interceptors.")),
          "a path is not the key cut at a character: %r" % paths)


def test_an_unknown_triage_filter_is_named_in_the_problem_cut_at_a_character(srv):
    p = Project(srv, "txf")
    key = "a" + "\u00e9" * 40  # its 60-byte prefix ends inside a character
    r = srv.req("POST", p.path("/events/triage"), {"status": "resolved", "filters": {key: "x"}},
                **_tok(srv))
    b = expect_problem(r, 422, "validation_failed")
    paths = [e["path"] for e in b.get("errors") or []]
    check(any(x.startswith("$.filters.a\u00e9") for x in paths), "the filter is missing from errors %r" % paths)


def test_an_unknown_agent_message_type_is_named_in_valid_utf8(srv):
    p = Project(srv, "txw")
    ws = WS(srv.agent_port, token=p.token)
    try:
        ws.send(hello("agent-odd", "production", 0))
        ws.recv_type("welcome", 5)
        ws.send({"type": "a" + "\u00e9" * 40})  # 64 bytes end inside a character
        err = ws.recv_type("error", 5)
        eq(err["code"], "bad_message", "error code")
        check("a\u00e9" in err.get("message", ""), "the type is not named in %r" % err)
        eq(ws.expect_close(5), 4400, "close code")
    finally:
        ws.close()
