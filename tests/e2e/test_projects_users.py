"""Projects, environments, users and the audit log."""

import json
import time
import urllib.parse

import moat
from moat import check, eq, expect, expect_problem, unique

PROJECT_KEYS = {"slug", "name", "archived", "created_at", "environments"}
AUDIT_KEYS = {"id", "ts", "actor", "actor_type", "action", "target", "project", "ip", "request_id", "details"}


def _tok(srv):
    return {"token": srv.admin_token()}


def _get_project(srv, slug):
    return expect(srv.req("GET", "/api/v1/projects/" + slug, **_tok(srv)), 200)


def _list_projects(srv, archived=False):
    path = "/api/v1/projects" + ("?archived=true" if archived else "")
    return expect(srv.req("GET", path, **_tok(srv)), 200)["projects"]


def _audit(srv, query=""):
    return expect(srv.req("GET", "/api/v1/audit" + query, **_tok(srv)), 200)


# -- projects


def test_a_project_is_created_listed_and_read(srv):
    slug = unique("proj")
    r = srv.req("POST", "/api/v1/projects", {"slug": slug, "name": "Shop Front"}, **_tok(srv))
    b = expect(r, 201)
    missing = PROJECT_KEYS - set(b)
    check(not missing, "project lacks %r: %r" % (missing, b))
    eq(b["slug"], slug, "slug")
    eq(b["name"], "Shop Front", "name")
    eq(b["archived"], False, "archived")
    created = moat.parse_time(b["created_at"])
    check(abs(created - time.time()) < 60, "created_at %s is not now" % b["created_at"])
    eq([e["name"] for e in b["environments"]], ["production"], "environments of a new project")
    got = _get_project(srv, slug)
    eq(got, b, "GET equals the created project")
    listed = [p for p in _list_projects(srv) if p["slug"] == slug]
    eq(listed, [b], "listed project")


def test_a_project_is_renamed(srv):
    slug = unique("ren")
    srv.create_project(slug, "Old")
    b = expect(srv.req("PATCH", "/api/v1/projects/" + slug, {"name": "New Name"}, **_tok(srv)), 200)
    eq(b["name"], "New Name", "name after PATCH")
    eq(b["slug"], slug, "slug after PATCH")
    eq(_get_project(srv, slug)["name"], "New Name", "name read back")
    # the slug is not writable
    r = srv.req("PATCH", "/api/v1/projects/" + slug, {"slug": "other-slug"}, **_tok(srv))
    expect_problem(r, 422, "validation_failed", "$.slug")
    eq(_get_project(srv, slug)["slug"], slug, "slug unchanged")


def test_an_archived_project_is_hidden_and_read_only_until_unarchived(srv):
    slug = unique("arch")
    srv.create_project(slug)
    b = expect(srv.req("PATCH", "/api/v1/projects/" + slug, {"archived": True}, **_tok(srv)), 200)
    eq(b["archived"], True, "archived after PATCH")
    check(slug not in [p["slug"] for p in _list_projects(srv)], "archived project in the default list")
    check(slug in [p["slug"] for p in _list_projects(srv, archived=True)], "archived project not in ?archived=true")
    eq(_get_project(srv, slug)["archived"], True, "GET of an archived project")
    t = _tok(srv)
    expect_problem(srv.req("PATCH", "/api/v1/projects/" + slug, {"name": "x"}, **t), 409, "project_archived")
    expect_problem(srv.req("POST", "/api/v1/projects/%s/environments" % slug, {"name": "staging"}, **t),
                   409, "project_archived")
    expect_problem(srv.req("POST", "/api/v1/projects/%s/tokens" % slug, {"kind": "ci", "name": "x"}, **t),
                   409, "project_archived")
    b = expect(srv.req("PATCH", "/api/v1/projects/" + slug, {"archived": False}, **t), 200)
    eq(b["archived"], False, "archived after un-archiving")
    expect(srv.req("POST", "/api/v1/projects/%s/environments" % slug, {"name": "staging"}, **t), 201)
    check(slug in [p["slug"] for p in _list_projects(srv)], "un-archived project not listed")


def test_valid_slugs_are_accepted(srv):
    for slug in ("ab", "a1", "0day", "my-app", "a-b-c", "x" * 40, "9" * 2, "web-shop-2"):
        r = srv.req("POST", "/api/v1/projects", {"slug": slug, "name": "n"}, **_tok(srv))
        eq(expect(r, 201)["slug"], slug, "slug")


def test_invalid_slugs_are_refused_with_the_path(srv):
    bad = ["a", "x" * 41, "-ab", "ab-", "a--b", "My-App", "my_app", "my app", "my.app", "", "caf\u00e9",
           "ab/cd", "..", "a\nb", " ab", "ab ", "\u0430b", "ab\u200b", 123, None, True, ["ab"], {"s": "ab"}]
    before = _list_projects(srv, archived=True)
    for slug in bad:
        r = srv.req("POST", "/api/v1/projects", {"slug": slug, "name": "n"}, **_tok(srv))
        try:
            expect_problem(r, 422, "validation_failed", "$.slug")
        except moat.TestFailure as e:
            moat.fail("slug %r: %s" % (slug, e))
    eq(_list_projects(srv, archived=True), before, "projects after invalid slugs")


def test_a_project_body_reports_every_problem(srv):
    r = srv.req("POST", "/api/v1/projects", {"slug": "-bad-", "name": 5, "colour": "red"}, **_tok(srv))
    b = expect_problem(r, 422, "validation_failed")
    paths = {e["path"] for e in b["errors"]}
    for p in ("$.slug", "$.name", "$.colour"):
        check(p in paths, "errors lack %s (have %r)" % (p, paths))
    expect_problem(srv.req("POST", "/api/v1/projects", {"name": "no slug"}, **_tok(srv)),
                   422, "validation_failed", "$.slug")
    expect_problem(srv.req("POST", "/api/v1/projects", {"slug": unique("noname")}, **_tok(srv)),
                   422, "validation_failed", "$.name")


def test_a_duplicate_slug_is_a_conflict(srv):
    slug = unique("dup")
    srv.create_project(slug, "First")
    r = srv.req("POST", "/api/v1/projects", {"slug": slug, "name": "Second"}, **_tok(srv))
    expect_problem(r, 409, "conflict")
    eq(_get_project(srv, slug)["name"], "First", "the first project is untouched")
    expect(srv.req("PATCH", "/api/v1/projects/" + slug, {"archived": True}, **_tok(srv)), 200)
    r = srv.req("POST", "/api/v1/projects", {"slug": slug, "name": "Third"}, **_tok(srv))
    expect_problem(r, 409, "conflict")


def test_an_unknown_project_is_not_found(srv):
    t = _tok(srv)
    for m, p, b in (("GET", "/api/v1/projects/no-such", None),
                    ("PATCH", "/api/v1/projects/no-such", {"name": "x"}),
                    ("GET", "/api/v1/projects/no-such/environments", None),
                    ("POST", "/api/v1/projects/no-such/environments", {"name": "staging"}),
                    ("GET", "/api/v1/projects/no-such/tokens", None)):
        expect_problem(srv.req(m, p, b, **t), 404, "not_found")


# -- environments


def test_environments_start_with_production_and_can_be_added(srv):
    slug = unique("envs")
    srv.create_project(slug)
    t = _tok(srv)
    envs = expect(srv.req("GET", "/api/v1/projects/%s/environments" % slug, **t), 200)["environments"]
    eq([e["name"] for e in envs], ["production"], "initial environments")
    moat.parse_time(envs[0]["created_at"])
    b = expect(srv.req("POST", "/api/v1/projects/%s/environments" % slug, {"name": "staging"}, **t), 201)
    eq(b["name"], "staging", "created environment")
    moat.parse_time(b["created_at"])
    envs = expect(srv.req("GET", "/api/v1/projects/%s/environments" % slug, **t), 200)["environments"]
    eq(sorted(e["name"] for e in envs), ["production", "staging"], "environments")
    eq(sorted(e["name"] for e in _get_project(srv, slug)["environments"]), ["production", "staging"],
       "project.environments")
    expect_problem(srv.req("POST", "/api/v1/projects/%s/environments" % slug, {"name": "staging"}, **t),
                   409, "conflict")
    expect_problem(srv.req("POST", "/api/v1/projects/%s/environments" % slug, {"name": "production"}, **t),
                   409, "conflict")
    for bad in ("S", "Staging", "a--b", "-x", "x" * 41, "", 7):
        r = srv.req("POST", "/api/v1/projects/%s/environments" % slug, {"name": bad}, **t)
        expect_problem(r, 422, "validation_failed", "$.name")


# -- users


def test_users_are_created_listed_and_read_without_secrets(srv):
    email = unique("alice") + "@example.com"
    r = srv.req("POST", "/api/v1/users",
                {"email": email, "name": "Alice", "password": "alice-password-1", "role": "editor"}, **_tok(srv))
    u = expect(r, 201)
    eq(u["email"], email, "email")
    eq(u["name"], "Alice", "name")
    eq(u["role"], "editor", "role")
    eq(u["disabled"], False, "disabled")
    eq(u["last_login_at"], None, "last_login_at before any login")
    check(isinstance(u["id"], int), "id %r" % u["id"])
    check("alice-password-1" not in r.raw.decode(), "the response echoes the password")
    for k in u:
        check("pass" not in k.lower() and "hash" not in k.lower(), "user exposes %r" % k)
    users = expect(srv.req("GET", "/api/v1/users", **_tok(srv)), 200)["users"]
    eq([x for x in users if x["id"] == u["id"]], [u], "listed user")
    eq(expect(srv.req("GET", "/api/v1/users/%d" % u["id"], **_tok(srv)), 200), u, "GET user")
    expect_problem(srv.req("GET", "/api/v1/users/999999", **_tok(srv)), 404, "not_found")
    s = srv.login(email, "alice-password-1")
    u2 = expect(srv.req("GET", "/api/v1/users/%d" % u["id"], **_tok(srv)), 200)
    check(u2["last_login_at"] is not None, "last_login_at not set by a login")
    eq(s.user["id"], u["id"], "login user id")


def test_user_creation_is_validated(srv):
    t = _tok(srv)
    email = unique("dupe") + "@example.com"
    srv.create_user(email, "viewer")
    expect_problem(srv.req("POST", "/api/v1/users", {"email": email, "password": "another-password-1",
                                                     "role": "viewer"}, **t), 409, "conflict")
    expect_problem(srv.req("POST", "/api/v1/users", {"email": email.upper(), "password": "another-password-1",
                                                     "role": "admin"}, **t), 409, "conflict")
    cases = [({"email": unique("s") + "@example.com", "password": "short", "role": "viewer"}, "$.password"),
             ({"email": unique("s") + "@example.com", "password": "x" * 11, "role": "viewer"}, "$.password"),
             ({"email": unique("r") + "@example.com", "password": "long-enough-pw", "role": "root"}, "$.role"),
             ({"email": "not-an-email", "password": "long-enough-pw", "role": "viewer"}, "$.email"),
             ({"password": "long-enough-pw", "role": "viewer"}, "$.email"),
             ({"email": unique("n") + "@example.com", "role": "viewer"}, "$.password"),
             ({"email": unique("n") + "@example.com", "password": "long-enough-pw"}, "$.role"),
             ({"email": unique("t") + "@example.com", "password": "long-enough-pw", "role": "viewer",
               "disabled": "no", "is_admin": True}, "$.is_admin")]
    before = expect(srv.req("GET", "/api/v1/users", **t), 200)["users"]
    for body, path in cases:
        try:
            expect_problem(srv.req("POST", "/api/v1/users", body, **t), 422, "validation_failed", path)
        except moat.TestFailure as e:
            moat.fail("body %r: %s" % (body, e))
    eq(expect(srv.req("GET", "/api/v1/users", **t), 200)["users"], before, "users after refused creations")


def test_a_role_change_is_saved(srv):
    u, _ = srv.create_user(unique("bob") + "@example.com", "viewer")
    b = expect(srv.req("PATCH", "/api/v1/users/%d" % u["id"], {"role": "editor"}, **_tok(srv)), 200)
    eq(b["role"], "editor", "role after PATCH")
    eq(expect(srv.req("GET", "/api/v1/users/%d" % u["id"], **_tok(srv)), 200)["role"], "editor", "role read back")
    r = srv.req("PATCH", "/api/v1/users/%d" % u["id"], {"role": "superuser"}, **_tok(srv))
    expect_problem(r, 422, "validation_failed", "$.role")
    r = srv.req("PATCH", "/api/v1/users/%d" % u["id"], {"email": "x@example.com"}, **_tok(srv))
    expect_problem(r, 422, "validation_failed", "$.email")


def test_a_disabled_user_loses_sessions_and_personal_tokens(srv):
    u, pw = srv.create_user(unique("carol") + "@example.com", "editor")
    s = srv.login(u["email"], pw)
    tok = expect(s.req("POST", "/api/v1/tokens", {"name": "carols"}), 201)["token"]
    expect(srv.req("GET", "/api/v1/projects", token=tok), 200)
    b = expect(srv.req("PATCH", "/api/v1/users/%d" % u["id"], {"disabled": True}, **_tok(srv)), 200)
    eq(b["disabled"], True, "disabled")
    expect_problem(s.req("GET", "/api/v1/auth/me"), 401, "unauthenticated")
    expect_problem(srv.req("GET", "/api/v1/projects", token=tok), 401, "unauthenticated")
    expect_problem(srv.login(u["email"], pw, expect_status=401), 401, "invalid_credentials")
    # a ci token the disabled user made keeps working: it belongs to the project
    expect(srv.req("PATCH", "/api/v1/users/%d" % u["id"], {"disabled": False}, **_tok(srv)), 200)
    s2 = srv.login(u["email"], pw)
    expect(s2.req("GET", "/api/v1/auth/me"), 200)
    expect_problem(s.req("GET", "/api/v1/auth/me"), 401, "unauthenticated")


def test_the_last_admin_cannot_be_demoted_or_disabled(srv):
    t = _tok(srv)
    users = expect(srv.req("GET", "/api/v1/users", **t), 200)["users"]
    me = [u for u in users if u["email"] == moat.ADMIN_EMAIL][0]
    # make sure only admin@localhost is an enabled admin: any other admin gets disabled first
    other, _ = srv.create_user(unique("admin2") + "@example.com", "admin")
    for u in users + [other]:
        if u["role"] == "admin" and u["id"] != me["id"] and not u["disabled"]:
            expect(srv.req("PATCH", "/api/v1/users/%d" % u["id"], {"disabled": True}, **t), 200)
    expect_problem(srv.req("PATCH", "/api/v1/users/%d" % me["id"], {"role": "editor"}, **t), 409, "last_admin")
    expect_problem(srv.req("PATCH", "/api/v1/users/%d" % me["id"], {"disabled": True}, **t), 409, "last_admin")
    got = expect(srv.req("GET", "/api/v1/users/%d" % me["id"], **t), 200)
    eq((got["role"], got["disabled"]), ("admin", False), "the last admin")
    # with a second enabled admin, demoting one of them works
    expect(srv.req("PATCH", "/api/v1/users/%d" % other["id"], {"disabled": False}, **t), 200)
    expect(srv.req("PATCH", "/api/v1/users/%d" % other["id"], {"role": "viewer"}, **t), 200)
    expect_problem(srv.req("PATCH", "/api/v1/users/%d" % me["id"], {"role": "viewer"}, **t), 409, "last_admin")


# -- audit


def _entries_for(srv, request_id):
    es = _audit(srv, "?limit=500")["entries"]
    return [e for e in es if e.get("request_id") == request_id]


def test_every_state_change_is_audited_with_actor_address_and_request_id(srv):
    t = _tok(srv)
    slug = unique("aud")
    email = unique("audu") + "@example.com"
    steps = []

    forged = {"X-Forwarded-For": "198.51.100.23", "X-Real-IP": "198.51.100.24", "Forwarded": "for=198.51.100.25"}

    def do(action, method, path, body=None, **auth):
        r = srv.req(method, path, body, headers=forged, **(auth or t))
        check(r.status < 300, "%s: %s" % (action, r.describe()))
        rid = r.header("X-Request-Id")
        check(rid, "no X-Request-Id on %s %s" % (method, path))
        steps.append((action, rid, r))
        return r

    do("project.create", "POST", "/api/v1/projects", {"slug": slug, "name": "Audited"})
    do("project.update", "PATCH", "/api/v1/projects/" + slug, {"name": "Audited 2"})
    do("environment.create", "POST", "/api/v1/projects/%s/environments" % slug, {"name": "staging"})
    tr = do("token.create", "POST", "/api/v1/projects/%s/tokens" % slug, {"kind": "ci", "name": "audited"})
    do("token.revoke", "DELETE", "/api/v1/projects/%s/tokens/%d" % (slug, tr.body["id"]))
    ur = do("user.create", "POST", "/api/v1/users", {"email": email, "password": "audited-pass-123", "role": "editor"})
    do("user.update", "PATCH", "/api/v1/users/%d" % ur.body["id"], {"role": "viewer"})
    lr = do("auth.login", "POST", "/api/v1/auth/login", {"email": email, "password": "audited-pass-123"})
    s = moat.Session(srv, moat.session_cookie(lr), lr.body["csrf_token"], lr.body["user"])
    do("user.password", "POST", "/api/v1/auth/password",
       {"current_password": "audited-pass-123", "new_password": "audited-pass-456"}, session=s)
    do("auth.logout", "POST", "/api/v1/auth/logout", session=s)
    entries = _audit(srv, "?limit=500")["entries"]
    token_name = None
    for action, rid, r in steps:
        mine = [e for e in entries if e.get("request_id") == rid]
        check(len(mine) == 1, "%s: %d audit entries with request_id %s" % (action, len(mine), rid))
        e = mine[0]
        missing = AUDIT_KEYS - set(e)
        check(not missing, "%s: entry lacks %r: %r" % (action, missing, e))
        eq(e["action"], action, "audit action for request %s" % rid)
        eq(e["ip"], "127.0.0.1", "%s: ip (X-Forwarded-For must count only with --trust-proxy)" % action)
        ts = moat.parse_time(e["ts"])
        check(abs(ts - time.time()) < 120, "%s: ts %s is not now" % (action, e["ts"]))
        check(isinstance(e["details"], dict), "%s: details is not an object" % action)
        check(isinstance(e["target"], str) and e["target"], "%s: empty target" % action)
        if action in ("project.create", "project.update"):
            eq(e["target"], slug, "%s: target" % action)
        if action in ("user.create", "user.update"):
            eq(e["target"], email, "%s: target" % action)
        if action.startswith(("project.", "environment.", "token.")):
            eq(e["project"], slug, "%s: project" % action)
        if action in ("auth.login", "user.password", "auth.logout"):
            eq((e["actor"], e["actor_type"]), (email, "user"), "%s: actor" % action)
        else:
            eq(e["actor_type"], "token", "%s: actor_type (done with an admin token)" % action)
            token_name = token_name or e["actor"]
            eq(e["actor"], token_name, "%s: actor" % action)
    text = json.dumps(entries)
    for secret in ("audited-pass-123", "audited-pass-456", tr.body["token"]):
        check(secret not in text, "the audit log contains a secret")


def test_reads_and_refused_writes_are_not_audited(srv):
    t = _tok(srv)
    before = _audit(srv, "?limit=500")["entries"]
    expect(srv.req("GET", "/api/v1/projects", **t), 200)
    expect(srv.req("GET", "/api/v1/users", **t), 200)
    expect_problem(srv.req("POST", "/api/v1/projects", {"slug": "-", "name": "x"}, **t), 422, "validation_failed")
    expect_problem(srv.req("POST", "/api/v1/projects", {"slug": unique("na"), "name": "x", "bogus": 1}, **t),
                   422, "validation_failed", "$.bogus")
    expect_problem(srv.req("POST", "/api/v1/projects", {"slug": unique("na"), "name": "x"}), 401, "unauthenticated")
    after = _audit(srv, "?limit=500")["entries"]
    eq(after, before, "audit entries after reads and refused writes")


def test_the_audit_log_filters_by_action_actor_project_and_time(srv):
    with moat.server(clock=True) as s:
        _audit_filters(s)


def _audit_filters(srv):
    t = _tok(srv)
    p1, p2 = unique("flt-a"), unique("flt-b")
    srv.create_project(p1)
    srv.create_project(p2)
    email = unique("flt") + "@example.com"
    _, pw = srv.create_user(email, "editor")
    s = srv.login(email, pw)
    expect(s.req("PATCH", "/api/v1/projects/" + p1, {"name": "by editor"}), 200)
    # time boundaries: A before s1, B after it (the test clock moves 100 s)
    expect(srv.req("POST", "/api/v1/projects/%s/environments" % p2, {"name": "env-a"}, **t), 201)
    s1 = int(time.time()) + 50
    srv.set_clock(100)
    rb = srv.req("POST", "/api/v1/projects/%s/environments" % p2, {"name": "env-b"}, **t)
    expect(rb, 201)

    es = _audit(srv, "?action=project.create&limit=500")["entries"]
    check(es and all(e["action"] == "project.create" for e in es), "action filter: %r" % [e["action"] for e in es])
    check({p1, p2} <= {e["project"] for e in es}, "action filter lost entries")

    es = _audit(srv, "?actor=" + urllib.parse.quote(email) + "&limit=500")["entries"]
    eq(sorted(e["action"] for e in es), ["auth.login", "project.update"], "actions of the editor")
    check(all(e["actor"] == email for e in es), "actor filter")

    es = _audit(srv, "?project=%s&limit=500" % p2)["entries"]
    eq(sorted(e["action"] for e in es), ["environment.create", "environment.create", "project.create"],
       "entries of project %s" % p2)

    since = moat.fmt_time(s1)
    es = _audit(srv, "?project=%s&since=%s" % (p2, since))["entries"]
    eq([e["request_id"] for e in es], [rb.header("X-Request-Id")], "entries since %s" % since)
    es = _audit(srv, "?project=%s&until=%s" % (p2, since))["entries"]
    eq(sorted(e["action"] for e in es), ["environment.create", "project.create"], "entries until %s" % since)
    check(rb.header("X-Request-Id") not in [e["request_id"] for e in es], "until included a later entry")

    es = _audit(srv, "?project=%s&action=environment.create&actor=nobody@example.com" % p2)["entries"]
    eq(es, [], "combined filters matching nothing")


def test_the_audit_log_pages_with_limit_and_cursor(srv):
    for i in range(7):
        srv.create_project(unique("page"))
    full = _audit(srv, "?limit=500")["entries"]
    check(len(full) >= 8, "too few entries to page: %d" % len(full))
    ids = [e["id"] for e in full]
    eq(len(set(ids)), len(ids), "distinct ids")
    check(ids == sorted(ids, reverse=True) or ids == sorted(ids), "entries are not ordered by id")
    first = _audit(srv, "?limit=3")
    eq(len(first["entries"]), 3, "page size")
    check(isinstance(first["next_cursor"], str) and first["next_cursor"], "no next_cursor on a full page")
    got = list(first["entries"])
    cursor = first["next_cursor"]
    pages = 1
    while cursor:
        page = _audit(srv, "?limit=3&cursor=" + urllib.parse.quote(cursor, safe=""))
        check(len(page["entries"]) <= 3, "page larger than limit")
        got += page["entries"]
        cursor = page["next_cursor"]
        pages += 1
        check(pages < 200, "the cursor never ends")
    eq([e["id"] for e in got], ids, "the pages concatenated equal the whole log")
    last = _audit(srv, "?limit=500")
    eq(last["next_cursor"], None, "next_cursor when everything fits")


def test_the_audit_log_refuses_bad_filters(srv):
    t = _tok(srv)
    for q in ("limit=0", "limit=501", "limit=abc", "limit=-1", "limit=1.5", "since=yesterday",
              "until=2026-13-45T00:00:00Z", "cursor=not-a-cursor", "cursor=%27%20OR%201%3D1--", "since=2026-01-01"):
        r = srv.req("GET", "/api/v1/audit?" + q, **t)
        try:
            expect_problem(r, 400, "bad_request")
        except moat.TestFailure as e:
            moat.fail("?%s: %s" % (q, e))


def test_forwarded_address_and_scheme_count_only_with_trust_proxy(srv):
    with moat.server(extra_args=["--trust-proxy"]) as s:
        slug = unique("proxied")
        r = s.req("POST", "/api/v1/projects", {"slug": slug, "name": "x"}, token=s.admin_token(),
                  headers={"X-Forwarded-For": "203.0.113.9"})
        expect(r, 201)
        es = expect(s.req("GET", "/api/v1/audit?action=project.create", token=s.admin_token()), 200)["entries"]
        mine = [e for e in es if e["request_id"] == r.header("X-Request-Id")]
        eq([e["ip"] for e in mine], ["203.0.113.9"], "audit ip behind a trusted proxy")
        # the proxy's scheme decides the Secure flag of the session cookie
        r = s.req("POST", "/api/v1/auth/login", {"email": moat.ADMIN_EMAIL, "password": s.admin_password},
                  headers={"X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.9"})
        check(moat.cookie_attributes(r).get("secure") is True, "no Secure cookie behind an https proxy")
        r = s.req("POST", "/api/v1/auth/login", {"email": moat.ADMIN_EMAIL, "password": s.admin_password})
        check("secure" not in moat.cookie_attributes(r), "Secure cookie on plain HTTP")
    # without --trust-proxy the header changes nothing
    r = srv.req("POST", "/api/v1/auth/login", {"email": moat.ADMIN_EMAIL, "password": srv.admin_password},
                headers={"X-Forwarded-Proto": "https"})
    check("secure" not in moat.cookie_attributes(r), "X-Forwarded-Proto honoured without --trust-proxy")
