"""Harness for Moat's end-to-end tests: a real moatd on loopback.

Moatd starts `moatd serve` on 127.0.0.1 with port 0 (the server reports the
ports it bound on stderr), a database in its own temporary directory and
MOAT_ADMIN_PASSWORD set. Its stderr is drained by a thread into a log file
in that directory; failures quote the tail of it. stop() sends SIGTERM and
asserts a clean exit 0; kill() sends SIGKILL; start() again reuses the same
database. Every response the HTTP helpers receive is checked against
api/openapi.yaml by contract.py (python3-jsonschema and PyYAML, from
scripts/deps.sh); run.py fails the test that made a request the contract
does not describe.

Two engines (issue 13): CONFIG.engine (run.py --engine, or MOAT_E2E_ENGINE)
is "sqlite" (a file in the temporary directory) or "postgres": then every
Moatd without an explicit db gets a fresh database of its own on the
throwaway cluster of scripts/pgtest.sh (MOAT_TEST_PG), created from
template0 with ICU's root locale and dropped by cleanup(). A test or a
module that only makes sense on one engine says so with only_on(); run.py
lists what it did not run and why. Moatd.sql(), sql_change() and
db_contents() look into (and change) the database from outside on either
engine. cluster(n) starts n moatd on one PostgreSQL database, and Balancer
is a round-robin TCP load balancer on loopback in front of them (what
nginx is in docs/DEPLOYMENT.md).

The HTTP helpers use http.client (one connection per request unless a
connection is passed) with a 10 s timeout on every socket operation;
raw_http() talks on a bare socket for requests http.client would normalise.
"""

import glob
import http.client
import json
import os
import re
import select
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
import struct
import zlib

import contract

HOST = "127.0.0.1"
HTTP_TIMEOUT = 10.0
START_TIMEOUT = 15.0
STOP_TIMEOUT = 20.0
CLI_TIMEOUT = 30.0
ADMIN_EMAIL = "admin@localhost"
ADMIN_PASSWORD = "e2e-admin-Passw0rd-long"
SESSION_COOKIE = "moat_session"
LISTENING_RE = re.compile(r"listening http=127\.0\.0\.1:(\d+) agent=127\.0\.0\.1:(\d+)")
UNSAFE_METHODS = ("POST", "PUT", "PATCH", "DELETE")


class Config:
    """Set once by run.py: where the binary and the web root are."""

    moatd = None
    web_root = None
    repo_root = None
    engine = os.environ.get("MOAT_E2E_ENGINE") or "sqlite"


ENGINES = ("sqlite", "postgres")


CONFIG = Config()


class TestFailure(AssertionError):
    pass


def fail(msg):
    raise TestFailure(msg)


def check(cond, msg):
    """Fails the test with msg unless cond holds."""
    if not cond:
        fail(msg)


def eq(actual, expected, what):
    if actual != expected:
        fail("%s: expected %r, got %r" % (what, expected, actual))


# --------------------------------------------------------------------------
# Responses


class Resp:
    """An HTTP response: status, headers (case-insensitive), body (parsed JSON
    for JSON media types, else text), raw bytes. Unpacks as
    (status, headers, body)."""

    def __init__(self, method, path, status, headers, raw):
        self.method = method
        self.path = path
        self.status = status
        self.headers = headers
        self.raw = raw
        self.body = None
        ctype = (headers.get("Content-Type") or "").lower()
        if "json" in ctype and raw:
            try:
                self.body = json.loads(raw.decode("utf-8"))
            except (ValueError, UnicodeDecodeError):
                self.body = raw.decode("utf-8", "replace")
        else:
            self.body = raw.decode("utf-8", "replace")

    def __iter__(self):
        return iter((self.status, self.headers, self.body))

    def header(self, name):
        return self.headers.get(name)

    def describe(self):
        text = self.raw[:600].decode("utf-8", "replace")
        return "%s %s -> %d %s" % (self.method, self.path[:200], self.status, text)


def expect(resp, status):
    """Asserts the status (an int or a tuple of ints); returns the body."""
    ok = resp.status in status if isinstance(status, tuple) else resp.status == status
    if not ok:
        fail("expected %s: %s" % (status, resp.describe()))
    return resp.body


def expect_problem(resp, status, code, path=None):
    """Asserts an RFC 9457 problem: status, media type, the members type,
    title, status and code; with path, that errors[] names that JSON path."""
    expect(resp, status)
    ctype = resp.headers.get("Content-Type") or ""
    check(ctype.split(";")[0].strip().lower() == "application/problem+json",
          "%s: Content-Type %r, not application/problem+json" % (resp.describe(), ctype))
    b = resp.body
    check(isinstance(b, dict), "problem body is not an object: %s" % resp.describe())
    for k in ("type", "title", "status", "code"):
        check(k in b, "problem lacks %r: %s" % (k, resp.describe()))
    check(isinstance(b["type"], str) and isinstance(b["title"], str) and b["title"],
          "problem type/title not strings: %s" % resp.describe())
    eq(b["status"], status, "problem status member")
    eq(b["code"], code, "problem code of %s %s" % (resp.method, resp.path[:100]))
    eq(b.get("request_id"), resp.headers.get("X-Request-Id"), "problem request_id vs the X-Request-Id header")
    if code == "malformed_json":
        detail = str(b.get("detail", ""))
        check(("line" in detail and "column" in detail) or "empty" in detail,
              "malformed_json detail does not say where: %r" % detail)
    if path is not None:
        paths = [e.get("path") for e in (b.get("errors") or []) if isinstance(e, dict)]
        check(path in paths, "problem errors[] lacks path %r (has %r): %s"
              % (path, paths[:20], resp.describe()))
        for e in b.get("errors") or []:
            check(isinstance(e.get("message"), str), "error entry without message: %r" % e)
    return b


# --------------------------------------------------------------------------
# The server


class Moatd:
    """One moatd process with its own temporary directory and database."""

    def __init__(self, web_root=None, admin_password=ADMIN_PASSWORD, env=None,
                 extra_args=None, tmpdir=None, db=None):
        """db: a SQLite path or a postgres:// URL that someone else owns;
        without it a database of CONFIG.engine's kind that cleanup() removes."""
        self.moatd = CONFIG.moatd
        self.web_root = web_root or CONFIG.web_root
        self.admin_password = admin_password
        self.env = dict(env or {})
        self.extra_args = list(extra_args or [])
        self.own_tmp = tmpdir is None
        self.tmp = tmpdir or tempfile.mkdtemp(prefix="moat-e2e-")
        self.pgdb = None
        if db is None and CONFIG.engine == "postgres":
            self.pgdb = PgDatabase()
            db = self.pgdb.url
        self.db = db or os.path.join(self.tmp, "moat.db")
        self.engine = "postgres" if is_postgres(self.db) else "sqlite"
        self.log_path = os.path.join(self.tmp, "moatd.log")
        self.proc = None
        self.port = None
        self.agent_port = None
        self.starts = 0
        self.expected_exit = False
        self.cache = {}
        self._reader = None
        self._log_lock = threading.Lock()

    # -- lifecycle

    def base_env(self):
        env = {k: v for k, v in os.environ.items() if not k.startswith("MOAT_")}
        if self.admin_password is not None:
            env["MOAT_ADMIN_PASSWORD"] = self.admin_password
        env.update(self.env)
        return env

    def start(self):
        """Starts moatd and waits for its `listening` line."""
        self.spawn()
        return self.wait_listening()

    def spawn(self):
        """Starts moatd without waiting for it (wait_listening() does):
        cluster(start_together=True) starts several at once this way."""
        check(self.proc is None or self.proc.poll() is not None, "moatd already running")
        self.starts += 1
        self.expected_exit = False
        cmd = [self.moatd, "serve", "--listen", HOST + ":0", "--agent-listen", HOST + ":0",
               "--db", self.db, "--web-root", self.web_root] + self.extra_args
        with self._log_lock, open(self.log_path, "a") as f:
            f.write("=== start %d: %s\n" % (self.starts, " ".join(cmd)))
        self.proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.PIPE, env=self.base_env(),
                                     start_new_session=True)
        found = threading.Event()
        ports = {}

        def drain(proc):
            for line in iter(proc.stderr.readline, b""):
                text = line.decode("utf-8", "replace")
                with self._log_lock, open(self.log_path, "a") as f:
                    f.write(text)
                if not found.is_set():
                    m = LISTENING_RE.search(text)
                    if m:
                        ports["http"] = int(m.group(1))
                        ports["agent"] = int(m.group(2))
                        found.set()
            proc.stderr.close()

        self._reader = threading.Thread(target=drain, args=(self.proc,), daemon=True)
        self._reader.start()
        self._found = found
        self._ports = ports
        return self

    def wait_listening(self):
        """Waits for the `listening` line of the moatd spawn() started;
        sets port and agent_port."""
        found, ports = self._found, self._ports
        deadline = time.monotonic() + START_TIMEOUT
        while not found.wait(0.02):
            if self.proc.poll() is not None:
                self._reader.join(2)
                fail("moatd exited with %d before listening\n%s" % (self.proc.returncode, self.log_tail()))
            if time.monotonic() > deadline:
                self.kill()
                fail("moatd did not print its listening line within %.0fs\n%s"
                     % (START_TIMEOUT, self.log_tail()))
        self.port = ports["http"]
        self.agent_port = ports["agent"]
        return self

    def running(self):
        return self.proc is not None and self.proc.poll() is None

    def set_clock(self, offset):
        """Moves the test clock (server(clock=True)) to the real time plus
        offset seconds; rewritten in place, as moatd maps the file."""
        mode = "r+b" if os.path.exists(self.clock_path) else "wb"
        with open(self.clock_path, mode) as f:
            f.write(struct.pack("<q", int(offset)))

    def stop(self):
        """SIGTERM, wait, and assert a clean exit with status 0."""
        check(self.running(), "stop(): moatd is not running\n" + self.log_tail())
        self.expected_exit = True
        self.proc.send_signal(signal.SIGTERM)
        try:
            rc = self.proc.wait(STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            self.kill()
            fail("moatd did not exit within %.0fs of SIGTERM\n%s" % (STOP_TIMEOUT, self.log_tail()))
        if self._reader:
            self._reader.join(5)
        check(rc == 0, "moatd exited with %d after SIGTERM (want 0)\n%s" % (rc, self.log_tail()))

    def kill(self):
        """SIGKILL, no questions asked."""
        self.expected_exit = True
        if self.running():
            self.proc.kill()
            self.proc.wait(STOP_TIMEOUT)
        if self._reader:
            self._reader.join(5)

    def restart(self):
        self.stop()
        return self.start()

    def cleanup(self):
        """Kills moatd, drops the PostgreSQL database it was given at
        creation (not one passed in as db=) and removes its own directory."""
        self.kill()
        if self.pgdb is not None:
            self.pgdb.drop()
            self.pgdb = None
        if self.own_tmp:
            shutil.rmtree(self.tmp, ignore_errors=True)

    def log(self):
        try:
            with self._log_lock, open(self.log_path, "r", errors="replace") as f:
                return f.read()
        except OSError:
            return ""

    def log_tail(self, n=30):
        lines = self.log().splitlines()[-n:]
        return "--- moatd log tail (%s) ---\n%s" % (self.log_path, "\n".join(lines))

    def sanitizer_reports(self):
        log = self.log()
        hits = [l for l in log.splitlines()
                if "ERROR: AddressSanitizer" in l or "ERROR: LeakSanitizer" in l
                or "runtime error:" in l or "ThreadSanitizer" in l]
        return hits

    # -- the database, from outside (both engines)

    def db_contents(self):
        """Everything the database holds, as bytes, to look for what must
        never be stored (a secret in clear): the SQLite files (database and
        WAL) as they are on disk, or a plain-text pg_dump of the PostgreSQL
        database."""
        if self.engine == "postgres":
            p = subprocess.run(["pg_dump", "--data-only", "--no-owner", "-d", self.db], capture_output=True,
                               timeout=60, stdin=subprocess.DEVNULL)
            check(p.returncode == 0, "pg_dump: %s" % p.stderr[-600:].decode("utf-8", "replace"))
            return p.stdout
        data = b""
        for f in sorted(glob.glob(self.db + "*")):
            try:
                with open(f, "rb") as fh:
                    data += fh.read()
            except OSError:
                pass
        return data

    def sql(self, query):
        """The rows of a read-only query (no parameters: literals only) on
        moatd's database, either engine, as a list of tuples; on PostgreSQL
        (psql) every value is text but for integers."""
        if self.engine == "postgres":
            out = psql(self.db, query)
            rows = []
            for line in out.splitlines():
                rows.append(tuple(int(v) if re.fullmatch(r"-?\d+", v) else v for v in line.split("|")))
            return rows
        import sqlite3
        con = sqlite3.connect("file:%s?mode=ro" % self.db, uri=True, timeout=10)
        try:
            return [tuple(r) for r in con.execute(query).fetchall()]
        finally:
            con.close()

    def sql_change(self, statement):
        """Runs one INSERT, UPDATE or DELETE (literals only) on moatd's
        database behind its back, either engine; returns the rows changed.
        For tests that move time (age a session): moatd must not cache
        what is changed."""
        if self.engine == "postgres":
            out = psql(self.db, statement).split()
            check(len(out) >= 2 and out[-1].isdigit(), "psql's answer to %r: %r" % (statement[:100], out))
            return int(out[-1])
        import sqlite3
        con = sqlite3.connect(self.db, timeout=10)
        try:
            cur = con.execute(statement)
            con.commit()
            return cur.rowcount
        finally:
            con.close()

    # -- HTTP

    def conn(self):
        return http.client.HTTPConnection(HOST, self.port, timeout=HTTP_TIMEOUT)

    def req(self, method, path, body=None, headers=None, token=None, session=None,
            raw_body=None, csrf=True, content_type="application/json", conn=None):
        """One request. body is JSON-encoded; raw_body is sent as is. token
        sends a bearer token; session sends the cookie and, on unsafe
        methods, the CSRF header (unless csrf=False or headers set it)."""
        h = {}
        data = None
        if body is not None:
            data = json.dumps(body).encode("utf-8")
        elif raw_body is not None:
            data = raw_body
        if data is not None and content_type is not None:
            h["Content-Type"] = content_type
        if token is not None:
            h["Authorization"] = "Bearer " + token
        if session is not None:
            h["Cookie"] = "%s=%s" % (SESSION_COOKIE, session.cookie)
            if csrf and method in UNSAFE_METHODS:
                h["X-CSRF-Token"] = session.csrf
        for k, v in (headers or {}).items():
            if v is None:
                h.pop(k, None)
            else:
                h[k] = v
        own = conn is None
        c = conn or self.conn()
        try:
            c.request(method, path, body=data, headers=h)
            r = c.getresponse()
            raw = r.read()
            sent_type = next((v for k, v in h.items() if k.lower() == "content-type"), None)
            contract.check_http(method, path, r.status, r.headers, raw, data, sent_type)
            return Resp(method, path, r.status, r.headers, raw)
        finally:
            if own:
                c.close()

    def login(self, email, password, expect_status=200):
        """Logs in; returns a Session (cookie, csrf, user)."""
        r = self.req("POST", "/api/v1/auth/login", {"email": email, "password": password})
        if expect_status != 200:
            return r
        body = expect(r, 200)
        cookie = session_cookie(r)
        check(cookie is not None, "login set no %s cookie: %r" % (SESSION_COOKIE, r.headers.get_all("Set-Cookie")))
        return Session(self, cookie, body.get("csrf_token"), body.get("user"), r)

    def admin(self):
        """A cached admin session (tests that end it use their own)."""
        s = self.cache.get("admin_session")
        if s is None:
            s = self.login(ADMIN_EMAIL, self.admin_password)
            self.cache["admin_session"] = s
        return s

    def admin_token(self):
        """A cached personal admin token made with the CLI."""
        t = self.cache.get("admin_token")
        if t is None:
            t = self.create_token("admin", "e2e-admin")
            self.cache["admin_token"] = t
        return t

    # -- CLI

    def cli(self, *args, env=None, timeout=CLI_TIMEOUT, input_text=None):
        e = {k: v for k, v in os.environ.items() if not k.startswith("MOAT_")}
        e.update(env or {})
        return subprocess.run([self.moatd] + list(args), env=e, capture_output=True,
                              timeout=timeout, text=True, input=input_text,
                              stdin=None if input_text is not None else subprocess.DEVNULL)

    def create_token(self, kind, name, project=None, user=None, expires_days=None):
        """`moatd token create`; returns the token (the last stdout line)."""
        args = ["token", "create", "--db", self.db, "--kind", kind, "--name", name]
        if project:
            args += ["--project", project]
        if user:
            args += ["--user", user]
        if expires_days is not None:
            args += ["--expires-days", str(expires_days)]
        p = self.cli(*args)
        check(p.returncode == 0, "token create exited %d: %s" % (p.returncode, p.stderr[-800:]))
        lines = [l for l in p.stdout.splitlines() if l.strip()]
        check(lines, "token create printed nothing on stdout")
        return lines[-1].strip()

    # -- convenience for tests

    def create_project(self, slug, name=None, auth=None):
        a = auth or {"token": self.admin_token()}
        r = self.req("POST", "/api/v1/projects", {"slug": slug, "name": name or ("Project " + slug)}, **a)
        return expect(r, 201)

    def create_user(self, email, role, password=None, name=None):
        """Creates a user through the API as admin; returns (user, password)."""
        pw = password or ("pw-" + email.split("@")[0] + "-0123456789")
        body = {"email": email, "password": pw, "role": role}
        if name is not None:
            body["name"] = name
        r = self.req("POST", "/api/v1/users", body, token=self.admin_token())
        return expect(r, 201), pw


class Session:
    """A logged-in browser session: cookie value, CSRF token, user."""

    def __init__(self, srv, cookie, csrf, user, resp=None):
        self.srv = srv
        self.cookie = cookie
        self.csrf = csrf
        self.user = user
        self.login_resp = resp

    def req(self, method, path, body=None, **kw):
        return self.srv.req(method, path, body, session=self, **kw)

    def auth(self):
        return {"session": self}


def session_cookie(resp):
    for sc in resp.headers.get_all("Set-Cookie") or []:
        first = sc.split(";")[0]
        name, _, value = first.partition("=")
        if name.strip() == SESSION_COOKIE and value.strip():
            return value.strip()
    return None


def cookie_attributes(resp):
    """The attributes of the session Set-Cookie header, as a dict with
    lower-case names (flags map to True)."""
    for sc in resp.headers.get_all("Set-Cookie") or []:
        parts = [p.strip() for p in sc.split(";")]
        name = parts[0].partition("=")[0].strip()
        if name != SESSION_COOKIE:
            continue
        attrs = {}
        for p in parts[1:]:
            k, sep, v = p.partition("=")
            attrs[k.strip().lower()] = v.strip() if sep else True
        return attrs
    return None


class server:
    """Context manager for an extra moatd inside one test:
    `with moat.server() as s:` — killed and cleaned up at the end. With
    clock=True its wall clock (expiries, sessions, the audit log) is a test
    clock that s.set_clock(seconds) moves, instead of waiting for it."""

    def __init__(self, clock=False, **kw):
        self.kw = kw
        self.clock = clock
        self.srv = None

    def __enter__(self):
        self.srv = Moatd(**self.kw)
        if self.clock:
            self.srv.clock_path = os.path.join(self.srv.tmp, "clock")
            self.srv.set_clock(0)
            self.srv.extra_args += ["--test-clock-file", self.srv.clock_path]
        try:
            self.srv.start()
        except BaseException:
            self.srv.cleanup()
            raise
        return self.srv

    def __exit__(self, *exc):
        self.srv.cleanup()
        return False


# --------------------------------------------------------------------------
# Engines: PostgreSQL databases, tests for one engine, several moatd


def is_postgres(db):
    return isinstance(db, str) and (db.startswith("postgres://") or db.startswith("postgresql://"))


def pg_server():
    """MOAT_TEST_PG (a superuser URL on the throwaway cluster); fails
    without it: `make e2e` runs the suite under scripts/pgtest.sh."""
    url = os.environ.get("MOAT_TEST_PG", "")
    check(url, "MOAT_TEST_PG is not set: run the suite under scripts/pgtest.sh (make e2e does)")
    return url


def psql(url, sql, timeout=30):
    """Runs sql with psql on url (ON_ERROR_STOP, unaligned, tuples only);
    returns stdout."""
    p = subprocess.run(["psql", url, "-v", "ON_ERROR_STOP=1", "-Atc", sql], capture_output=True,
                       text=True, timeout=timeout, stdin=subprocess.DEVNULL)
    check(p.returncode == 0, "psql %r: %s" % (sql[:200], p.stderr[-600:]))
    return p.stdout


class PgDatabase:
    """A fresh, empty database on the test server (.url names it), created
    from template0 with ICU's root locale (not the cluster's C.UTF-8, as a
    production database's often is, so that an order that depends on the
    locale shows); drop() removes it, connections and all."""

    def __init__(self):
        server = pg_server()
        self.name = ("moat_e2e_%d_%s" % (os.getpid(), unique("d"))).replace("-", "_").lower()
        psql(server, "CREATE DATABASE %s TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'und'"
             % self.name)
        self.url = server.rsplit("/", 1)[0] + "/" + self.name
        self.dropped = False

    def drop(self):
        if not self.dropped:
            self.dropped = True
            psql(pg_server(), "DROP DATABASE IF EXISTS %s WITH (FORCE)" % self.name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.drop()
        return False


def only_on(engine, reason):
    """Marks a test function as meaningful on one engine only, with the
    reason run.py prints when it leaves the test out on the other:
    `@moat.only_on("sqlite", "holds SQLite's write lock from outside")`.
    A module says the same for all its tests with a module-level
    ONLY_ON = ("sqlite", "reason")."""
    check(engine in ENGINES, "only_on: no engine %r" % engine)

    def mark(fn):
        fn.only_on = (engine, reason)
        return fn
    return mark


class cluster:
    """`with moat.cluster(3) as (a, b, c):` -- n moatd on one fresh
    PostgreSQL database (each with its own directory, ports and log, the
    same MOAT_ADMIN_PASSWORD), all killed and the database dropped at the
    end. start_together=True spawns them at once (the migrations and the
    first admin then race, as in a rolling deployment); otherwise one
    after the other. Keyword arguments go to every Moatd."""

    def __init__(self, n, start_together=False, **kw):
        self.n = n
        self.together = start_together
        self.kw = kw
        self.db = None
        self.nodes = []

    def __enter__(self):
        self.db = PgDatabase()
        try:
            self.nodes = [Moatd(db=self.db.url, **self.kw) for _ in range(self.n)]
            if self.together:
                for m in self.nodes:
                    m.spawn()
                for m in self.nodes:
                    m.wait_listening()
            else:
                for m in self.nodes:
                    m.start()
        except BaseException:
            self.__exit__()
            raise
        return self.nodes

    def __exit__(self, *exc):
        if exc and exc[0] is not None:  # the failure's report shows each instance's last lines
            for i, m in enumerate(self.nodes):
                print("    --- instance %d log tail ---\n%s" % (i, m.log_tail(15)))
        for m in self.nodes:
            m.cleanup()
        if self.db is not None:
            self.db.drop()
        return False


class Balancer:
    """A round-robin TCP load balancer on 127.0.0.1 (port in .port), in
    front of the ports that ports() returns at each new connection (so a
    restarted moatd's new port is picked up). A backend that refuses the
    connection is passed over for the next, as nginx's
    proxy_next_upstream does; when a backend closes (or dies), its client
    connection is closed too, so an agent behind it reconnects through
    the balancer. Bytes are copied as they are: WebSocket upgrades pass.
    picked[port] counts the connections each backend got. close() stops
    it and cuts every connection."""

    def __init__(self, ports):
        self.ports = ports
        self.picked = {}
        self.lock = threading.Lock()
        self.next = 0
        self.socks = []
        self.closed = False
        self.ls = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.ls.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.ls.bind((HOST, 0))
        self.ls.listen(128)
        self.port = self.ls.getsockname()[1]
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _connect(self):
        ports = list(self.ports())
        with self.lock:
            first = self.next
            self.next += 1
        for i in range(len(ports)):
            port = ports[(first + i) % len(ports)]
            try:
                up = socket.create_connection((HOST, port), timeout=2)
            except OSError:
                continue
            up.settimeout(None)
            with self.lock:
                self.picked[port] = self.picked.get(port, 0) + 1
            return up
        return None

    def _accept(self):
        while not self.closed:
            try:
                c, _ = self.ls.accept()
            except OSError:
                return
            up = self._connect()
            if up is None:
                c.close()
                continue
            with self.lock:
                self.socks += [c, up]
            for a, b in ((c, up), (up, c)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(src, dst):
        try:
            while True:
                data = src.recv(65536)
                if not data:
                    break
                dst.sendall(data)
        except OSError:
            pass
        for s in (src, dst):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def close(self):
        self.closed = True
        try:
            self.ls.shutdown(socket.SHUT_RDWR)  # wakes the accept()
        except OSError:
            pass
        try:
            self.ls.close()
        except OSError:
            pass
        with self.lock:
            socks, self.socks = self.socks, []
        for s in socks:
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            s.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False


# --------------------------------------------------------------------------
# Raw HTTP on a socket (exact request bytes)


class RawResp:
    def __init__(self, status, reason, headers, body, raw):
        self.status = status
        self.reason = reason
        self.headers = headers  # list of (name, value) in order
        self.body = body
        self.raw = raw

    def header(self, name):
        for k, v in self.headers:
            if k.lower() == name.lower():
                return v
        return None

    def header_names(self):
        return [k.lower() for k, _ in self.headers]

    def json(self):
        try:
            return json.loads(self.body.decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            return None

    def describe(self):
        return "-> %s %s" % (self.status, self.raw[:600].decode("latin-1"))

    def to_resp(self, method, path):
        """The same response as a Resp (JSON parsed, headers case-insensitive)."""
        msg = http.client.HTTPMessage()
        for k, v in self.headers:
            msg[k] = v
        return Resp(method, path, self.status, msg, self.body)


def _decode_chunked(data):
    out = b""
    while True:
        line, sep, rest = data.partition(b"\r\n")
        if not sep:
            return out
        try:
            n = int(line.split(b";")[0].strip() or b"0", 16)
        except ValueError:
            return out
        if n == 0:
            return out
        out += rest[:n]
        data = rest[n + 2:]


def parse_raw_response(raw):
    head, sep, body = raw.partition(b"\r\n\r\n")
    if not sep:
        return None
    lines = head.split(b"\r\n")
    status_line = lines[0].decode("latin-1")
    m = re.match(r"HTTP/\d\.\d (\d{3})\s*(.*)", status_line)
    if not m:
        return None
    headers = []
    for l in lines[1:]:
        k, _, v = l.decode("latin-1").partition(":")
        headers.append((k.strip(), v.strip()))
    r = RawResp(int(m.group(1)), m.group(2), headers, body, raw)
    te = (r.header("Transfer-Encoding") or "").lower()
    if "chunked" in te:
        r.body = _decode_chunked(body)
    else:
        cl = r.header("Content-Length")
        if cl is not None and cl.isdigit():
            r.body = body[:int(cl)]
    return r


def _response_complete(raw, head_only):
    head, sep, body = raw.partition(b"\r\n\r\n")
    if not sep:
        return False
    if head_only:
        return True
    low = head.lower()
    m = re.search(rb"\r\ncontent-length:\s*(\d+)", low)
    if m:
        return len(body) >= int(m.group(1))
    if b"transfer-encoding: chunked" in low or b"transfer-encoding:chunked" in low:
        return body.endswith(b"0\r\n\r\n")
    status = head.split(b" ", 2)[1:2]
    if status and status[0] in (b"204", b"304"):
        return True
    return False


def raw_http(port, head, body=b"", timeout=HTTP_TIMEOUT, body_chunk=16384, head_only=False):
    """Sends head (bytes, the request line and headers, ending with an
    empty line) and then body in chunks on a fresh socket, stopping the
    upload as soon as the server answers or closes. Reads one response
    (until it is complete by its framing, or the connection closes) and
    returns a RawResp, or None when the server closed without a response."""
    s = socket.create_connection((HOST, port), timeout=timeout)
    raw = b""
    try:
        deadline = time.monotonic() + timeout
        try:
            s.sendall(head)
            off = 0
            while off < len(body):
                r, _, _ = select.select([s], [], [], 0)
                if r:
                    break
                s.sendall(body[off:off + body_chunk])
                off += body_chunk
        except (BrokenPipeError, ConnectionResetError):
            pass
        while time.monotonic() < deadline:
            if _response_complete(raw, head_only):
                break
            r, _, _ = select.select([s], [], [], max(0.0, deadline - time.monotonic()))
            if not r:
                break
            try:
                chunk = s.recv(65536)
            except ConnectionResetError:
                break
            if not chunk:
                break
            raw += chunk
    finally:
        s.close()
    if not raw:
        return None
    resp = parse_raw_response(raw)
    if resp is not None and not head_only:
        _check_raw(head, body, resp)
    return resp


def _check_raw(head, body, resp):
    """Hands a raw exchange to contract.py when its request line is one
    http.client could have sent (a mangled request has no operation)."""
    m = re.match(rb"([A-Z]+) (/[^ ]*) HTTP/1\.[01]\r\n", head)
    if not m:
        return
    try:
        method, target = m.group(1).decode("ascii"), m.group(2).decode("utf-8")
    except UnicodeDecodeError:
        return
    ctype = None
    for line in head.split(b"\r\n")[1:]:
        k, _, v = line.partition(b":")
        if k.strip().lower() == b"content-type":
            ctype = v.strip().decode("latin-1")
    msg = http.client.HTTPMessage()
    for k, v in resp.headers:
        msg[k] = v
    contract.check_http(method, target, resp.status, msg, resp.body, body, ctype)


def raw_get(port, target, extra_headers=b"", method=b"GET"):
    if isinstance(target, str):
        target = target.encode("latin-1")
    head = (method + b" " + target + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + extra_headers + b"Connection: close\r\n\r\n")
    return raw_http(port, head)


# --------------------------------------------------------------------------
# Tokens

BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
TOKEN_RE = re.compile(r"^(moat_(?:agt|ci|adm)_)([0-9A-Za-z]{30})([0-9A-Za-z]{6})$")
TOKEN_PREFIX = {"agent": "moat_agt_", "ci": "moat_ci_", "admin": "moat_adm_"}


def base62(n, width=6):
    s = ""
    while n:
        n, r = divmod(n, 62)
        s = BASE62[r] + s
    return s.rjust(width, "0")


def token_checksum(prefix_and_random):
    return base62(zlib.crc32(prefix_and_random.encode("ascii")) & 0xFFFFFFFF)


def check_token_format(tok, kind):
    """Asserts a token's prefix, length, alphabet and CRC32 checksum."""
    m = TOKEN_RE.match(tok or "")
    check(m is not None, "token %r does not match moat_<kind>_ + 30 + 6 base62" % (tok,))
    eq(m.group(1), TOKEN_PREFIX[kind], "token prefix")
    eq(m.group(3), token_checksum(m.group(1) + m.group(2)), "token checksum of %s" % tok)


# --------------------------------------------------------------------------
# Misc

RFC3339_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$")


def parse_time(s):
    """An RFC 3339 UTC string -> Unix seconds (float)."""
    import calendar
    check(isinstance(s, str) and RFC3339_RE.match(s), "not an RFC 3339 UTC time: %r" % (s,))
    base = s[:19]
    frac = s[19:-1]
    t = calendar.timegm(time.strptime(base, "%Y-%m-%dT%H:%M:%S"))
    return t + (float(frac) if frac else 0.0)


def fmt_time(t):
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(t))


_counter = [0]


def unique(prefix="x"):
    """A short unique lower-case name usable as a slug."""
    _counter[0] += 1
    return "%s-%d-%d" % (prefix, os.getpid() % 1000, _counter[0])


def files_contain(paths, needle):
    """True when any of the files contains the bytes needle."""
    if isinstance(needle, str):
        needle = needle.encode("utf-8")
    for p in paths:
        try:
            with open(p, "rb") as f:
                if needle in f.read():
                    return True
        except OSError:
            pass
    return False
