"""The role x route matrix: every route of the contract, every principal.

Principals: anonymous; viewer, editor and admin sessions; the admin's
personal token (CLI); the editor's personal token (API); a ci token of
project P; a ci token of another project Q; an agent token of P.
Each route is one test; it reports every cell that disagrees at once and
checks that refused writes left nothing behind.
"""

import moat
from moat import check, expect, unique

PRINCIPALS = ["anonymous", "viewer", "editor", "admin", "admin_token", "editor_token",
              "ci", "ci_other", "agent"]
USERS = {"viewer", "editor", "admin", "admin_token", "editor_token"}
WRITERS = {"editor", "admin", "admin_token", "editor_token"}
ADMINS = {"admin", "admin_token"}
EVERYONE = set(PRINCIPALS)

_state = {}


def setup(srv):
    """Creates the users, projects and tokens once per server."""
    st = _state.get(id(srv))
    if st is not None:
        return st
    st = {}
    admin_tok = srv.admin_token()
    st["P"] = unique("roles-p")
    st["Q"] = unique("roles-q")
    srv.create_project(st["P"])
    srv.create_project(st["Q"])
    vuser, vpw = srv.create_user(unique("viewer") + "@example.com", "viewer")
    euser, epw = srv.create_user(unique("editor") + "@example.com", "editor")
    st["viewer_user"] = vuser
    st["editor_user"] = euser
    st["dummy_user"] = srv.create_user(unique("dummy") + "@example.com", "viewer")[0]
    viewer = srv.login(vuser["email"], vpw)
    editor = srv.login(euser["email"], epw)
    admin = srv.login(moat.ADMIN_EMAIL, srv.admin_password)
    etok = expect(editor.req("POST", "/api/v1/tokens", {"name": "editor-personal"}), 201)["token"]

    def ptoken(project, kind):
        r = srv.req("POST", "/api/v1/projects/%s/tokens" % project, {"kind": kind, "name": kind + "-tok"},
                    token=admin_tok)
        return expect(r, 201)["token"]

    st["auth"] = {
        "anonymous": {},
        "viewer": {"session": viewer},
        "editor": {"session": editor},
        "admin": {"session": admin},
        "admin_token": {"token": admin_tok},
        "editor_token": {"token": etok},
        "ci": {"token": ptoken(st["P"], "ci")},
        "ci_other": {"token": ptoken(st["Q"], "ci")},
        "agent": {"token": ptoken(st["P"], "agent")},
    }
    _state[id(srv)] = st
    return st


def expected(allowed, ok_status):
    out = {}
    for p in PRINCIPALS:
        if p in allowed:
            out[p] = ok_status
        elif p == "anonymous":
            out[p] = 401
        else:
            out[p] = 403
    return out


def run_row(srv, method, path_fn, body_fn, allowed, ok_status, verify=None):
    st = setup(srv)
    want = expected(allowed, ok_status)
    bad = []
    done = {}
    for p in PRINCIPALS:
        path = path_fn(srv, st, p)
        body = body_fn(st, p) if body_fn else None
        r = srv.req(method, path, body, **st["auth"][p])
        done[p] = (path, body, r)
        if r.status != want[p]:
            bad.append("%s: want %d, got %d %s" % (p, want[p], r.status, r.raw[:160].decode("utf-8", "replace")))
            continue
        if r.status in (401, 403):
            code = "unauthenticated" if r.status == 401 else "forbidden"
            b = r.body if isinstance(r.body, dict) else {}
            if b.get("code") != code:
                bad.append("%s: %d with code %r, want %r" % (p, r.status, b.get("code"), code))
    if verify:
        bad += verify(srv, st, done, allowed)
    check(not bad, "%s %s:\n  %s" % (method, path_fn(srv, st, "anonymous"), "\n  ".join(bad)))


def fixed(path):
    return lambda srv, st, p: path.format(**st)


# -- verifications that refused writes left nothing behind


def verify_projects_created(srv, st, done, allowed):
    bad = []
    for p, (_, body, r) in done.items():
        g = srv.req("GET", "/api/v1/projects/" + body["slug"], token=srv.admin_token())
        exists = g.status == 200
        if exists != (p in allowed):
            bad.append("%s: project %s exists=%s after %d" % (p, body["slug"], exists, r.status))
    return bad


def verify_users_created(srv, st, done, allowed):
    users = expect(srv.req("GET", "/api/v1/users", token=srv.admin_token()), 200)["users"]
    emails = {u["email"] for u in users}
    return ["%s: user %s exists=%s" % (p, body["email"], body["email"] in emails)
            for p, (_, body, _) in done.items() if (body["email"] in emails) != (p in allowed)]


def verify_environments_created(srv, st, done, allowed):
    envs = expect(srv.req("GET", "/api/v1/projects/%s/environments" % st["P"], token=srv.admin_token()), 200)
    names = {e["name"] for e in envs["environments"]}
    return ["%s: environment %s exists=%s" % (p, body["name"], body["name"] in names)
            for p, (_, body, _) in done.items() if (body["name"] in names) != (p in allowed)]


def verify_name_from_allowed(kind):
    def v(srv, st, done, allowed):
        if kind == "project":
            cur = expect(srv.req("GET", "/api/v1/projects/" + st["P"], token=srv.admin_token()), 200)["name"]
        else:
            cur = expect(srv.req("GET", "/api/v1/users/%d" % st["dummy_user"]["id"],
                                 token=srv.admin_token()), 200)["name"]
        last_allowed = [p for p in moat_order(done) if p in allowed][-1]
        want = done[last_allowed][1]["name"]
        return [] if cur == want else ["%s name is %r, want %r (set by %s)" % (kind, cur, want, last_allowed)]
    return v


def moat_order(done):
    return [p for p in PRINCIPALS if p in done]


def verify_tokens_revoked(srv, st, done, allowed):
    bad = []
    for p, (path, _, r) in done.items():
        tok = st["victims"][path]
        g = srv.req("GET", "/api/v1/projects/" + st["P"], token=tok)
        alive = g.status == 200
        if alive == (p in allowed):
            bad.append("%s: token %s alive=%s after %d" % (p, path, alive, r.status))
    return bad


# -- path factories for deletes


def project_token_victim(srv, st, p):
    key = ("ptv", p)
    if key not in st:
        r = srv.req("POST", "/api/v1/projects/%s/tokens" % st["P"], {"kind": "ci", "name": "victim-" + p},
                    token=srv.admin_token())
        b = expect(r, 201)
        path = "/api/v1/projects/%s/tokens/%s" % (st["P"], b["id"])
        st[key] = path
        st.setdefault("victims", {})[path] = b["token"]
    return st[key]


def personal_token_victim(srv, st, p):
    """Users delete a token of their own; others try an admin's token."""
    key = ("pers", p)
    if key not in st:
        auth = st["auth"][p] if p in USERS else {"token": srv.admin_token()}
        b = expect(srv.req("POST", "/api/v1/tokens", {"name": "victim-" + p}, **auth), 201)
        st[key] = ("/api/v1/tokens/%s" % b["id"], b["token"])
    return st[key][0]


def verify_personal_tokens(srv, st, done, allowed):
    bad = []
    for p in done:
        path, tok = st[("pers", p)]
        alive = srv.req("GET", "/api/v1/projects", token=tok).status == 200
        if alive == (p in allowed):
            bad.append("%s: personal token %s alive=%s" % (p, path, alive))
    return bad


# -- the matrix

ROWS = [
    ("GET", "/healthz", None, EVERYONE, 200, None),
    ("GET", "/readyz", None, EVERYONE, 200, None),
    ("GET", "/metrics", None, EVERYONE, 200, None),
    ("GET", "/api/v1/auth/me", None, USERS, 200, None),
    ("GET", "/api/v1/users", None, ADMINS, 200, None),
    ("POST", "/api/v1/users",
     lambda st, p: {"email": unique("new-" + p.replace("_", "-")) + "@example.com",
                    "password": "a-long-password-123", "role": "viewer"},
     ADMINS, 201, verify_users_created),
    ("GET", "/api/v1/users/{viewer_user[id]}", None, ADMINS, 200, None),
    ("PATCH", "/api/v1/users/{dummy_user[id]}", lambda st, p: {"name": "renamed by " + p},
     ADMINS, 200, verify_name_from_allowed("user")),
    ("GET", "/api/v1/projects", None, USERS, 200, None),
    ("POST", "/api/v1/projects", lambda st, p: {"slug": unique("m-" + p.replace("_", "-")), "name": "by " + p},
     WRITERS, 201, verify_projects_created),
    ("GET", "/api/v1/projects/{P}", None, USERS | {"ci"}, 200, None),
    ("PATCH", "/api/v1/projects/{P}", lambda st, p: {"name": "renamed by " + p},
     WRITERS, 200, verify_name_from_allowed("project")),
    ("GET", "/api/v1/projects/{P}/environments", None, USERS | {"ci"}, 200, None),
    ("POST", "/api/v1/projects/{P}/environments", lambda st, p: {"name": unique("env-" + p.replace("_", "-"))},
     WRITERS, 201, verify_environments_created),
    ("GET", "/api/v1/projects/{P}/tokens", None, WRITERS, 200, None),
    ("POST", "/api/v1/projects/{P}/tokens", lambda st, p: {"kind": "ci", "name": "made by " + p},
     WRITERS, 201, None),
    ("DELETE", project_token_victim, None, WRITERS, 204, verify_tokens_revoked),
    ("GET", "/api/v1/tokens", None, USERS, 200, None),
    ("POST", "/api/v1/tokens", lambda st, p: {"name": "personal of " + p}, USERS, 201, None),
    ("DELETE", personal_token_victim, None, USERS, 204, verify_personal_tokens),
    ("GET", "/api/v1/audit", None, ADMINS, 200, None),
]


def _make(method, path, body_fn, allowed, ok_status, verify):
    path_fn = path if callable(path) else fixed(path)

    def t(srv):
        run_row(srv, method, path_fn, body_fn, allowed, ok_status, verify)
    return t


def _name(method, path):
    if callable(path):
        label = "api_v1_projects_p_tokens_id" if path is project_token_victim else "api_v1_tokens_id"
    else:
        label = path.strip("/").replace("/", "_").replace("{", "").replace("}", "")
        label = label.replace("viewer_user[id]", "id").replace("dummy_user[id]", "id")
        label = label.replace("_P", "_p") or "root"
    return "test_role_matrix_%s_%s" % (method.lower(), label.lower())


for _row in ROWS:
    _fn = _make(*_row)
    _fn.__name__ = _name(_row[0], _row[1])
    _fn.__module__ = __name__
    globals()[_fn.__name__] = _fn


def test_a_role_change_applies_to_existing_sessions_and_tokens(srv):
    user, pw = srv.create_user(unique("demoted") + "@example.com", "editor")
    s = srv.login(user["email"], pw)
    tok = expect(s.req("POST", "/api/v1/tokens", {"name": "t"}), 201)["token"]
    expect(s.req("POST", "/api/v1/projects", {"slug": unique("before"), "name": "x"}), 201)
    expect(srv.req("PATCH", "/api/v1/users/%d" % user["id"], {"role": "viewer"}, token=srv.admin_token()), 200)
    slug = unique("after")
    moat.expect_problem(s.req("POST", "/api/v1/projects", {"slug": slug, "name": "x"}), 403, "forbidden")
    moat.expect_problem(srv.req("POST", "/api/v1/projects", {"slug": slug, "name": "x"}, token=tok),
                        403, "forbidden")
    expect(srv.req("GET", "/api/v1/projects", token=tok), 200)


def test_a_ci_token_cannot_reach_another_projects_tokens_or_environments(srv):
    st = setup(srv)
    ci = st["auth"]["ci"]
    for path in ("/api/v1/projects/%s" % st["Q"], "/api/v1/projects/%s/tokens" % st["Q"],
                 "/api/v1/projects/%s/environments" % st["Q"], "/api/v1/projects/%s/tokens" % st["P"]):
        moat.expect_problem(srv.req("GET", path, **ci), 403, "forbidden")
    moat.expect_problem(srv.req("PATCH", "/api/v1/projects/%s" % st["P"], {"archived": True}, **ci),
                        403, "forbidden")
    b = expect(srv.req("GET", "/api/v1/projects/" + st["P"], token=srv.admin_token()), 200)
    check(b["archived"] is False, "a ci token archived its project")
