"""The moatd command line: --version, --help, migrate, user add, token
create, backup, routes, refusing a newer database, environment settings."""

import os
import re
import sqlite3
import subprocess
import tempfile
import time

import moat
from moat import check, eq, expect, expect_problem, unique

# not run on PostgreSQL (run.py lists it there with this reason)
ONLY_ON = ("sqlite",
           "the command line on SQLite files (fresh files, backup, a newer schema); "
           "test_postgres.py runs the command line on PostgreSQL")

SUBCOMMANDS = ("serve", "migrate", "user", "token", "backup")


def _tmp(srv, name):
    d = os.path.join(srv.tmp, "cli")
    os.makedirs(d, exist_ok=True)
    return os.path.join(d, name)


def _ok(p, what):
    check(p.returncode == 0, "%s exited %d\nstdout: %s\nstderr: %s" % (what, p.returncode, p.stdout[-500:],
                                                                        p.stderr[-800:]))
    return p


def _last_line(p):
    lines = [l for l in p.stdout.splitlines() if l.strip()]
    check(lines, "nothing on stdout")
    return lines[-1].strip()


def test_version_prints_the_name_and_a_semantic_version(srv):
    p = _ok(srv.cli("--version"), "moatd --version")
    check(re.match(r"^moatd \d+\.\d+\.\d+\s*$", p.stdout), "--version printed %r" % p.stdout)


def test_help_lists_the_subcommands(srv):
    p = _ok(srv.cli("--help"), "moatd --help")
    for sub in SUBCOMMANDS:
        check(sub in p.stdout, "--help does not mention %s: %r" % (sub, p.stdout[:400]))


def test_every_subcommand_has_help(srv):
    for args in (("serve",), ("migrate",), ("user", "add"), ("token", "create"), ("backup",)):
        p = _ok(srv.cli(*args, "--help"), "moatd %s --help" % " ".join(args))
        out = p.stdout + p.stderr
        check("--db" in out, "moatd %s --help does not mention --db: %r" % (" ".join(args), out[:300]))
    p = _ok(srv.cli("serve", "--help"), "serve --help")
    for flag in ("--listen", "--agent-listen", "--web-root", "--log-level", "--public-url", "--trust-proxy"):
        check(flag in p.stdout, "serve --help lacks %s" % flag)


def test_usage_errors_exit_2(srv):
    for args in (("no-such-command",), ("serve", "--no-such-flag"),
                 ("token", "create", "--db", _tmp(srv, "u.db"), "--name", "x"),
                 ("token", "create", "--db", _tmp(srv, "u.db"), "--kind", "ci", "--name", "x"),
                 ("serve", "--http-threads", "banana")):
        p = srv.cli(*args)
        eq(p.returncode, 2, "exit status of moatd %s" % " ".join(args))
        check(p.stderr.strip(), "moatd %s: no message on stderr" % " ".join(args))


def _tables(path):
    con = sqlite3.connect(path)
    try:
        return {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}, \
            con.execute("SELECT version FROM schema_migrations ORDER BY version").fetchall(), \
            con.execute("PRAGMA journal_mode").fetchone()[0]
    finally:
        con.close()


def test_migrate_creates_a_fresh_database_and_is_idempotent(srv):
    db = _tmp(srv, "fresh.db")
    _ok(srv.cli("migrate", "--db", db), "migrate")
    tables, versions, mode = _tables(db)
    for t in ("users", "sessions", "projects", "environments", "tokens", "audit_log", "schema_migrations"):
        check(t in tables, "table %s missing after migrate (have %r)" % (t, sorted(tables)))
    check(versions and versions[0][0] == 1, "schema_migrations: %r" % versions)
    eq(mode.lower(), "wal", "journal_mode")
    ready = expect(srv.req("GET", "/readyz"), 200)
    eq(versions[-1][0], ready["schema_version"], "latest migration vs /readyz schema_version")
    _ok(srv.cli("migrate", "--db", db), "second migrate")
    eq(_tables(db)[1], versions, "schema_migrations after a second migrate")


def test_user_add_creates_a_user_who_can_log_in(srv):
    email = unique("cli-user") + "@example.com"
    _ok(srv.cli("user", "add", "--db", srv.db, "--email", email, "--role", "editor", "--name", "Cli User",
                env={"MOAT_USER_PASSWORD": "cli-user-password-1"}), "user add")
    s = srv.login(email, "cli-user-password-1")
    eq((s.user["role"], s.user["name"]), ("editor", "Cli User"), "role and name")
    p = srv.cli("user", "add", "--db", srv.db, "--email", email, "--role", "viewer",
                env={"MOAT_USER_PASSWORD": "cli-user-password-2"})
    eq(p.returncode, 1, "exit status of adding a duplicate user")
    check(p.stderr.strip(), "no message for a duplicate user")
    srv.login(email, "cli-user-password-1")


def test_user_add_without_a_password_prints_a_generated_one(srv):
    email = unique("cli-gen") + "@example.com"
    p = _ok(srv.cli("user", "add", "--db", srv.db, "--email", email, "--role", "viewer"), "user add")
    pw = _last_line(p)
    check(len(pw) >= 12 and " " not in pw, "generated password %r" % pw)
    eq(srv.login(email, pw).user["role"], "viewer", "role")
    check(pw not in srv.log(), "the generated password reached the server log")


def test_user_add_refuses_a_short_password_and_a_bad_role(srv):
    p = srv.cli("user", "add", "--db", srv.db, "--email", unique("short") + "@example.com", "--role", "viewer",
                env={"MOAT_USER_PASSWORD": "short"})
    check(p.returncode in (1, 2) and p.stderr.strip(), "short password: exit %d %r" % (p.returncode, p.stderr))
    p = srv.cli("user", "add", "--db", srv.db, "--email", unique("role") + "@example.com", "--role", "root",
                env={"MOAT_USER_PASSWORD": "long-enough-password"})
    check(p.returncode in (1, 2) and p.stderr.strip(), "bad role: exit %d %r" % (p.returncode, p.stderr))


def test_token_create_prints_a_working_admin_token(srv):
    p = _ok(srv.cli("token", "create", "--db", srv.db, "--kind", "admin", "--name", unique("cli-adm")),
            "token create")
    tok = _last_line(p)
    moat.check_token_format(tok, "admin")
    me = expect(srv.req("GET", "/api/v1/auth/me", token=tok), 200)
    eq((me["auth"], me.get("role")), ("token", "admin"), "token identity")
    expect(srv.req("GET", "/api/v1/users", token=tok), 200)
    check(tok not in p.stderr, "the token is also on stderr")


def test_token_create_for_a_user_acts_as_that_user(srv):
    email = unique("cli-for") + "@example.com"
    srv.create_user(email, "viewer")
    tok = srv.create_token("admin", unique("for"), user=email)
    me = expect(srv.req("GET", "/api/v1/auth/me", token=tok), 200)
    eq(me["user"]["email"], email, "user of the token")
    expect_problem(srv.req("POST", "/api/v1/projects", {"slug": unique("v"), "name": "x"}, token=tok), 403, "forbidden")


def test_token_create_for_a_project_and_its_expiry(srv):
    slug = unique("cli-proj")
    other = unique("cli-other")
    srv.create_project(slug)
    srv.create_project(other)
    ci = srv.create_token("ci", unique("ci"), project=slug, expires_days=2)
    moat.check_token_format(ci, "ci")
    expect(srv.req("GET", "/api/v1/projects/" + slug, token=ci), 200)
    expect_problem(srv.req("GET", "/api/v1/projects/" + other, token=ci), 403, "forbidden")
    agent = srv.create_token("agent", unique("agt"), project=slug)
    moat.check_token_format(agent, "agent")
    tokens = expect(srv.req("GET", "/api/v1/projects/%s/tokens" % slug, token=srv.admin_token()), 200)["tokens"]
    mine = [t for t in tokens if ci.startswith(t["prefix"]) and t["kind"] == "ci"]
    eq(len(mine), 1, "listed CLI ci token")
    exp = moat.parse_time(mine[0]["expires_at"])
    check(abs(exp - (time.time() + 2 * 86400)) < 120, "expires_at %s is not 2 days ahead" % mine[0]["expires_at"])
    p = srv.cli("token", "create", "--db", srv.db, "--kind", "ci", "--project", "no-such-project", "--name", "x")
    eq(p.returncode, 1, "exit status for an unknown project")
    check(not moat.TOKEN_RE.match(_last_line(p) if p.stdout.strip() else ""), "a token was printed anyway")
    check("no-such-project" in p.stderr, "the message does not name the project: %r" % p.stderr)


def test_backup_while_serving_contains_the_data(srv):
    slug = unique("backup")
    srv.create_project(slug, "Backed up")
    out = _tmp(srv, "backup-%s.db" % slug)
    # the server keeps serving during the backup
    p = subprocess.Popen([srv.moatd, "backup", "--db", srv.db, out], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
    for _ in range(20):
        expect(srv.req("GET", "/api/v1/projects/" + slug, token=srv.admin_token()), 200)
    stdout, stderr = p.communicate(timeout=30)
    eq(p.returncode, 0, "backup exit status (%s)" % stderr[-300:])
    con = sqlite3.connect("file:%s?mode=ro" % out, uri=True)
    try:
        eq(con.execute("PRAGMA integrity_check").fetchone()[0], "ok", "integrity_check of the backup")
        names = [r[0] for r in con.execute("SELECT name FROM projects WHERE slug = ?", (slug,))]
        eq(names, ["Backed up"], "the project in the backup")
    finally:
        con.close()
    # a server started on the backup serves the same data to the same token
    with moat.server(db=out) as s2:
        b = expect(s2.req("GET", "/api/v1/projects/" + slug, token=srv.admin_token()), 200)
        eq(b["name"], "Backed up", "project served from the backup")


def _insert_future_version(db, version=999):
    con = sqlite3.connect(db)
    try:
        cols = con.execute("PRAGMA table_info(schema_migrations)").fetchall()
        names, values = [], []
        for _, name, ctype, notnull, default, pk in cols:
            if name == "version":
                names.append(name)
                values.append(version)
            elif notnull and default is None:
                names.append(name)
                values.append(0 if "INT" in (ctype or "").upper() else "999_from_the_future")
        con.execute("INSERT INTO schema_migrations (%s) VALUES (%s)" % (", ".join(names), ", ".join("?" * len(names))),
                    values)
        con.commit()
    finally:
        con.close()


def test_a_database_newer_than_moatd_is_refused(srv):
    db = _tmp(srv, "future.db")
    _ok(srv.cli("migrate", "--db", db), "migrate")
    _insert_future_version(db)
    p = subprocess.run([srv.moatd, "serve", "--listen", "127.0.0.1:0", "--agent-listen", "127.0.0.1:0",
                        "--db", db, "--web-root", moat.CONFIG.web_root],
                       capture_output=True, text=True, timeout=20,
                       env=dict(os.environ, MOAT_ADMIN_PASSWORD="whatever-password-1"))
    check(p.returncode != 0, "moatd served a database with schema version 999")
    check("listening" not in p.stderr, "moatd started listening on a newer database")
    check(re.search(r"newer|999", p.stderr, re.I), "no clear message about the newer database: %r" % p.stderr[-400:])
    p = srv.cli("migrate", "--db", db)
    check(p.returncode != 0, "migrate accepted a database with schema version 999")
    check(re.search(r"newer|999", p.stderr, re.I), "migrate: no clear message: %r" % p.stderr[-400:])


def test_a_first_start_without_admin_password_prints_a_generated_one_once(srv):
    with moat.server(admin_password=None) as s:
        m = re.search(r"password=(\S+)", s.log())
        check(m, "no generated admin password on stderr:\n" + s.log_tail())
        pw = m.group(1)
        s.admin_password = pw
        s.login(moat.ADMIN_EMAIL, pw)
        s.restart()
        eq(s.log().count(pw), 1, "times the generated password was printed over two starts")
        s.login(moat.ADMIN_EMAIL, pw)


def test_settings_come_from_moat_environment_variables(srv):
    d = tempfile.mkdtemp(prefix="moat-e2e-env-", dir=srv.tmp)
    db = os.path.join(d, "env.db")
    env = {"MOAT_LISTEN": "127.0.0.1:0", "MOAT_AGENT_LISTEN": "127.0.0.1:0", "MOAT_DB": db,
           "MOAT_WEB_ROOT": moat.CONFIG.web_root, "MOAT_ADMIN_PASSWORD": "env-admin-password-1"}
    p = subprocess.Popen([srv.moatd, "serve"], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL,
                         env=dict({k: v for k, v in os.environ.items() if not k.startswith("MOAT_")}, **env),
                         text=True)
    try:
        port = None
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            line = p.stderr.readline()
            if not line:
                break
            m = moat.LISTENING_RE.search(line)
            if m:
                port = int(m.group(1))
                break
        check(port, "moatd configured through the environment did not listen")
        check(os.path.exists(db), "MOAT_DB was not used")
        import http.client
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        c.request("GET", "/healthz")
        eq(c.getresponse().status, 200, "/healthz")
        c.close()
    finally:
        p.terminate()
        eq(p.wait(20), 0, "exit status after SIGTERM")


def test_a_port_in_use_is_a_clear_startup_error(srv):
    """A second moatd must not share the port of a running one (with
    SO_REUSEPORT the kernel would split the traffic between the two)."""
    p = subprocess.Popen([srv.moatd, "serve", "--listen", "127.0.0.1:%d" % srv.port, "--agent-listen",
                          "127.0.0.1:0", "--db", _tmp(srv, "port.db"), "--web-root", moat.CONFIG.web_root],
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                         env=dict(os.environ, MOAT_ADMIN_PASSWORD="whatever-password-1"))
    err = ""
    try:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            line = p.stderr.readline()
            if not line:
                break
            err += line
            check(not moat.LISTENING_RE.search(line),
                  "a second moatd started listening on port %d, which the first one holds" % srv.port)
        eq(p.wait(10) != 0, True, "a non-zero exit for a port in use")
    finally:
        if p.poll() is None:
            p.kill()
            p.wait()
    check(str(srv.port) in err or "in use" in err.lower(), "unclear message: %r" % err[-300:])


CONTRACT_ROUTES = {
    ("GET", "/healthz"), ("GET", "/readyz"), ("GET", "/metrics"),
    ("POST", "/api/v1/auth/login"), ("POST", "/api/v1/auth/logout"), ("GET", "/api/v1/auth/me"),
    ("POST", "/api/v1/auth/password"),
    ("GET", "/api/v1/users"), ("POST", "/api/v1/users"), ("GET", "/api/v1/users/{}"), ("PATCH", "/api/v1/users/{}"),
    ("GET", "/api/v1/projects"), ("POST", "/api/v1/projects"), ("GET", "/api/v1/projects/{}"),
    ("PATCH", "/api/v1/projects/{}"), ("GET", "/api/v1/projects/{}/environments"),
    ("POST", "/api/v1/projects/{}/environments"), ("GET", "/api/v1/projects/{}/tokens"),
    ("POST", "/api/v1/projects/{}/tokens"), ("DELETE", "/api/v1/projects/{}/tokens/{}"),
    ("GET", "/api/v1/tokens"), ("POST", "/api/v1/tokens"), ("DELETE", "/api/v1/tokens/{}"),
    ("GET", "/api/v1/audit"),
}


def _norm(path):
    return re.sub(r"\{[^}]*\}|:[a-zA-Z_]+|<[^>]*>", "{}", path.strip())


def _router_routes(srv):
    p = _ok(srv.cli("routes"), "moatd routes")
    routes = set()
    for line in p.stdout.splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[0].isupper():
            routes.add((parts[0], _norm(parts[1])))
    return routes


def test_routes_lists_every_route_of_the_contract(srv):
    routes = _router_routes(srv)
    missing = CONTRACT_ROUTES - routes
    check(not missing, "moatd routes lacks %r" % sorted(missing))


def _openapi_routes(path):
    text = open(path).read()
    prefix = ""
    m = re.search(r"^servers:\s*\n(?:\s+-\s*url:\s*['\"]?([^'\"\n]+))", text, re.M)
    if m and m.group(1).rstrip("/").endswith("/api/v1"):
        prefix = "/api/v1"
    routes = set()
    in_paths = False
    current = None
    for line in text.splitlines():
        if re.match(r"^paths:\s*$", line):
            in_paths = True
            continue
        if in_paths and re.match(r"^\S", line):
            in_paths = False
        if not in_paths:
            continue
        m = re.match(r"^  (['\"]?)(/[^'\":]*)\1:\s*$", line)
        if m:
            current = m.group(2)
            continue
        m = re.match(r"^    (get|post|put|patch|delete|head|options):\s*$", line)
        if m and current:
            p = current if current.startswith("/api/") or current in ("/healthz", "/readyz", "/metrics") \
                else prefix + current
            routes.add((m.group(1).upper(), _norm(p)))
    return routes


def test_every_route_is_in_openapi_and_the_reverse(srv):
    spec = os.path.join(moat.CONFIG.repo_root, "api", "openapi.yaml")
    check(os.path.exists(spec), "api/openapi.yaml does not exist")
    # the static files are the router's fallback, not routes of its table
    def dynamic(rs):
        return {r for r in rs if r[0] != "HEAD" and r[1].startswith(("/api/", "/healthz", "/readyz", "/metrics"))}
    documented = dynamic(_openapi_routes(spec))
    routes = dynamic(_router_routes(srv))
    check(documented, "no paths parsed from api/openapi.yaml")
    check(not routes - documented, "routes missing from openapi.yaml: %r" % sorted(routes - documented))
    check(not documented - routes, "openapi.yaml documents routes the router lacks: %r" % sorted(documented - routes))


def test_log_level_warn_drops_the_request_lines(srv):
    with moat.server(extra_args=["--log-level", "warn"]) as s:
        for _ in range(3):
            expect(s.req("GET", "/healthz"), 200)
        expect_problem(s.req("GET", "/api/v1/projects"), 401, "unauthenticated")
        s.stop()
        check("msg=request" not in s.log() and "level=info" not in s.log(),
              "info lines with --log-level warn:\n" + s.log_tail(5))
