"""Persistence: a graceful restart keeps everything (sessions included);
SIGKILL loses nothing that was acknowledged."""

import sqlite3
import threading
import time

import moat
from moat import check, eq, expect, expect_problem, unique


def _snapshot(srv, tok):
    projects = expect(srv.req("GET", "/api/v1/projects?archived=true", token=tok), 200)["projects"]
    users = expect(srv.req("GET", "/api/v1/users", token=tok), 200)["users"]
    audit = expect(srv.req("GET", "/api/v1/audit?limit=500", token=tok), 200)["entries"]
    tokens = {}
    for p in projects:
        tokens[p["slug"]] = expect(srv.req("GET", "/api/v1/projects/%s/tokens" % p["slug"], token=tok),
                                   200)["tokens"]
    return {"projects": projects, "users": users, "audit": audit, "tokens": tokens}


def test_data_and_sessions_survive_a_graceful_restart(srv):
    tok = srv.admin_token()
    slug = unique("keep")
    srv.create_project(slug, "Kept")
    expect(srv.req("PATCH", "/api/v1/projects/" + slug, {"name": "Kept renamed"}, token=tok), 200)
    expect(srv.req("POST", "/api/v1/projects/%s/environments" % slug, {"name": "staging"}, token=tok), 201)
    archived = unique("keep-arch")
    srv.create_project(archived)
    expect(srv.req("PATCH", "/api/v1/projects/" + archived, {"archived": True}, token=tok), 200)
    live = expect(srv.req("POST", "/api/v1/projects/%s/tokens" % slug, {"kind": "ci", "name": "live"}, token=tok), 201)
    dead = expect(srv.req("POST", "/api/v1/projects/%s/tokens" % slug, {"kind": "ci", "name": "dead"}, token=tok), 201)
    expect(srv.req("DELETE", "/api/v1/projects/%s/tokens/%d" % (slug, dead["id"]), token=tok), 204)
    expect(srv.req("GET", "/api/v1/projects/" + slug, token=live["token"]), 200)
    user, pw = srv.create_user(unique("keeper") + "@example.com", "editor")
    s = srv.login(user["email"], pw)
    ended = srv.login(user["email"], pw)
    expect(ended.req("POST", "/api/v1/auth/logout"), 204)
    ready = expect(srv.req("GET", "/readyz"), 200)
    before = _snapshot(srv, tok)

    srv.restart()

    after = _snapshot(srv, tok)
    eq(after["projects"], before["projects"], "projects after restart")
    eq(after["users"], before["users"], "users after restart")
    eq(after["tokens"], before["tokens"], "tokens after restart")
    by_id = {e["id"]: e for e in after["audit"]}
    eq([by_id.get(e["id"]) for e in before["audit"]], before["audit"], "audit entries after restart")
    eq(expect(srv.req("GET", "/readyz"), 200), ready, "readyz after restart (same schema version)")
    me = expect(s.req("GET", "/api/v1/auth/me"), 200)
    eq(me["user"]["email"], user["email"], "session user after restart")
    eq(me.get("csrf_token"), s.csrf, "CSRF token after restart")
    expect(s.req("POST", "/api/v1/projects", {"slug": unique("post-restart"), "name": "x"}), 201)
    expect_problem(ended.req("GET", "/api/v1/auth/me"), 401, "unauthenticated")
    expect(srv.req("GET", "/api/v1/projects/" + slug, token=live["token"]), 200)
    expect_problem(srv.req("GET", "/api/v1/projects/" + slug, token=dead["token"]), 401, "unauthenticated")


def test_the_admin_password_variable_does_not_reset_an_existing_admin(srv):
    old = srv.admin_password
    srv.stop()
    srv.admin_password = "a-different-admin-password"
    try:
        srv.start()
        expect_problem(srv.login(moat.ADMIN_EMAIL, srv.admin_password, expect_status=401), 401,
                       "invalid_credentials")
        srv.login(moat.ADMIN_EMAIL, old)
        users = expect(srv.req("GET", "/api/v1/users", token=srv.admin_token()), 200)["users"]
        eq(len([u for u in users if u["email"] == moat.ADMIN_EMAIL]), 1, "admin@localhost users")
    finally:
        srv.admin_password = old


def _write_until_stopped(srv, stopper, prefix):
    """Four writers create projects; stopper(srv) ends the server once 60
    are acknowledged. Returns (acked slugs, refused (slug, status))."""
    tok = srv.admin_token()
    acked = []
    refused = []
    stop = threading.Event()
    lock = threading.Lock()

    def writer(n):
        i = 0
        while not stop.is_set() and i < 400:
            slug = "%s-%d-%d" % (prefix, n, i)
            i += 1
            try:
                r = srv.req("POST", "/api/v1/projects", {"slug": slug, "name": "acked " + slug}, token=tok)
            except (OSError, moat.http.client.HTTPException):
                return  # the server is gone; this write was never acknowledged
            with lock:
                if r.status == 201:
                    acked.append(slug)
                else:
                    refused.append((slug, r.status))

    threads = [threading.Thread(target=writer, args=(n,), daemon=True) for n in range(4)]
    for t in threads:
        t.start()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        with lock:
            if len(acked) >= 60:
                break
        time.sleep(0.01)
    try:
        stopper(srv)  # while the writers are still writing
    finally:
        stop.set()
        for t in threads:
            t.join(15)
    check(len(acked) >= 20, "too few acknowledged writes before the stop: %d" % len(acked))
    check(not [x for x in refused if x[1] >= 500 and x[1] != 503], "writes failed: %r" % refused[:5])
    return acked, refused


def _check_acked(srv, acked):
    tok = srv.admin_token()
    projects = expect(srv.req("GET", "/api/v1/projects?archived=true", token=tok), 200)["projects"]
    have = {p["slug"]: p for p in projects}
    lost = [s for s in acked if s not in have]
    check(not lost, "%d acknowledged projects lost: %r" % (len(lost), lost[:10]))
    for s in acked:
        eq(have[s]["name"], "acked " + s, "name of %s" % s)
    audit = expect(srv.req("GET", "/api/v1/audit?action=project.create&limit=500", token=tok), 200)["entries"]
    audited = {e["project"] for e in audit}
    missing = [s for s in acked if s not in audited]
    check(not missing, "acknowledged creations without audit entries: %r" % missing[:10])


def test_a_sigterm_during_writes_exits_0_and_keeps_every_acknowledged_write(srv):
    acked, _ = _write_until_stopped(srv, lambda s: s.stop(), "term")
    srv.start()
    _check_acked(srv, acked)


@moat.only_on("sqlite", "checks the SQLite file's integrity after SIGKILL")
def test_every_acknowledged_write_survives_sigkill(srv):
    acked, _ = _write_until_stopped(srv, lambda s: s.kill(), "kill")
    # the database is intact
    con = sqlite3.connect(srv.db)
    try:
        eq(con.execute("PRAGMA integrity_check").fetchone()[0], "ok", "integrity_check after SIGKILL")
    finally:
        con.close()
    srv.start()
    _check_acked(srv, acked)
