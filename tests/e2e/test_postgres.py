"""moatd's command line on PostgreSQL (issue 13, phase 1), against the
throwaway cluster of scripts/pgtest.sh (MOAT_TEST_PG; `make e2e` runs the
suite under it): migrate with --db postgres://... and with MOAT_DB, a second
migrate changing nothing, a newer database refused, user add and token
create, serve taking the database from MOAT_DB, and backup pointing to
pg_dump.
Each test gets a database of its own, dropped at the end."""

import json
import os
import subprocess
import urllib.request

from moat import check, eq, unique

# not run on PostgreSQL (run.py lists it there with this reason)
ONLY_ON = ("sqlite", "makes PostgreSQL databases of its own: once per run is enough")

SERVER = os.environ.get("MOAT_TEST_PG", "")


def _psql(url, sql):
    p = subprocess.run(["psql", url, "-v", "ON_ERROR_STOP=1", "-Atc", sql], capture_output=True,
                       text=True, timeout=30, stdin=subprocess.DEVNULL)
    check(p.returncode == 0, "psql %r: %s" % (sql, p.stderr))
    return p.stdout


class _Database:
    """A fresh database on the test server; its URL in .url."""

    def __init__(self):
        check(SERVER, "MOAT_TEST_PG is not set: run the suite under scripts/pgtest.sh (make e2e does)")
        self.name = unique("moat_e2e").replace("-", "_").lower()
        # ICU's root locale, not the cluster's C.UTF-8, as production's often is
        _psql(SERVER, "CREATE DATABASE %s TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'und'"
              % self.name)
        self.url = SERVER.rsplit("/", 1)[0] + "/" + self.name

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        _psql(SERVER, "DROP DATABASE IF EXISTS %s WITH (FORCE)" % self.name)


def _ok(p, what):
    check(p.returncode == 0, "%s exited %d\nstdout: %s\nstderr: %s" % (what, p.returncode, p.stdout[-500:],
                                                                        p.stderr[-800:]))
    return p


def _versions(url):
    return [int(v) for v in _psql(url, "SELECT version FROM schema_migrations ORDER BY version").split()]


def test_migrate_on_postgres_applies_every_migration_once(srv):
    with _Database() as d:
        p = _ok(srv.cli("migrate", "--db", d.url), "migrate --db postgres://")
        versions = _versions(d.url)
        check(versions and versions == list(range(1, len(versions) + 1)), "schema_migrations %r" % versions)
        eq(p.stdout.strip(), "schema version %d" % versions[-1], "migrate's answer")
        tables = set(_psql(d.url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'").split())
        for t in ("users", "projects", "tokens", "events", "channels", "deliveries", "event_groups_minute"):
            check(t in tables, "table %s missing after migrate (have %r)" % (t, sorted(tables)))
        applied = _psql(d.url, "SELECT version, applied_at FROM schema_migrations ORDER BY version")
        # again, through MOAT_DB this time: nothing changes
        p = _ok(srv.cli("migrate", env={"MOAT_DB": d.url}), "migrate with MOAT_DB")
        eq(p.stdout.strip(), "schema version %d" % versions[-1], "second migrate's answer")
        eq(_psql(d.url, "SELECT version, applied_at FROM schema_migrations ORDER BY version"), applied,
           "schema_migrations after a second migrate")


def test_a_postgres_database_newer_than_moatd_is_refused(srv):
    with _Database() as d:
        _ok(srv.cli("migrate", "--db", d.url), "migrate")
        latest = _versions(d.url)[-1]
        _psql(d.url, "INSERT INTO schema_migrations VALUES (%d, '999_future', 0)" % (latest + 1))
        p = srv.cli("migrate", "--db", d.url)
        eq(p.returncode, 1, "exit status of migrate on a newer database")
        check("newer than this moatd" in p.stderr, "migrate's message: %r" % p.stderr)


def test_serve_through_moat_db_alone_and_backup_points_to_pg_dump(srv):
    """serve takes postgres:// from MOAT_DB as from --db (the rest of the
    suite starts it with --db when run with --engine postgres); backup, which
    copies SQLite's file, explains pg_dump instead and writes nothing."""
    with _Database() as d:
        env = dict(os.environ, MOAT_DB=d.url, MOAT_LISTEN="127.0.0.1:0", MOAT_AGENT_LISTEN="127.0.0.1:0",
                   MOAT_ADMIN_PASSWORD="long-enough-password")
        p = subprocess.Popen([srv.moatd, "serve", "--web-root", srv.web_root], env=env,
                             stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                             text=True)
        try:
            line, seen = "", []
            while "listening http=" not in line:
                line = p.stderr.readline()
                check(line, "serve with MOAT_DB=postgres:// ended before listening: %r" % seen[-5:])
                seen.append(line)
            port = int(line.split("http=127.0.0.1:")[1].split()[0])
            body = urllib.request.urlopen("http://127.0.0.1:%d/readyz" % port, timeout=10).read()
            check(json.loads(body).get("status") == "ready", "readyz on PostgreSQL: %r" % body)
        finally:
            p.terminate()
            p.wait(timeout=30)
        eq(p.returncode, 0, "exit status of serve on SIGTERM")
        # the first admin was created in PostgreSQL, not in a file
        check(_psql(d.url, "SELECT email FROM users").split() == ["admin@localhost"], "users on PostgreSQL")
        out = os.path.join(srv.tmp, "pg-backup.db")
        p = srv.cli("backup", "--db", d.url, out)
        eq(p.returncode, 1, "exit status of backup on PostgreSQL")
        check("pg_dump" in p.stderr, "backup's message: %r" % p.stderr)
        check(not os.path.exists(out), "backup wrote a file")


def test_user_add_and_token_create_on_postgres(srv):
    with _Database() as d:
        p = _ok(srv.cli("user", "add", "--db", d.url, "--email", "Ann@Example.com", "--role", "admin",
                        "--name", "Ann", env={"MOAT_USER_PASSWORD": "long-enough-password"}), "user add")
        check("created user 1 Ann@Example.com (admin)" in p.stdout, "user add's answer: %r" % p.stdout)
        # e-mails are unique whatever their case, as on SQLite
        p = srv.cli("user", "add", "--db", d.url, "--email", "ann@example.COM", "--role", "viewer",
                    env={"MOAT_USER_PASSWORD": "long-enough-password"})
        eq(p.returncode, 1, "exit status of adding the same e-mail again")
        check("that e-mail exists" in p.stderr, "message: %r" % p.stderr)
        eq(_psql(d.url, "SELECT email, role, name, password_hash LIKE '$argon2id$%' FROM users"),
           "Ann@Example.com|admin|Ann|t\n", "the stored user")

        p = _ok(srv.cli("token", "create", "--db", d.url, "--kind", "admin", "--name", "ops",
                        "--user", "ANN@example.com", "--expires-days", "7"), "token create --kind admin")
        tok = p.stdout.strip().splitlines()[-1]
        check(tok.startswith("moat_adm_"), "admin token %r" % tok)
        eq(_psql(d.url, "SELECT kind, name, user_id, expires_at - created_at, position(prefix in '%s') = 1,"
                        " token_hash = encode(sha256(convert_to('%s', 'UTF8')), 'hex') FROM tokens" % (tok, tok)),
           "admin|ops|1|604800|t|t\n", "the stored admin token (only its hash and display prefix)")

        # an agent token needs the project: none yet, then one
        p = srv.cli("token", "create", "--db", d.url, "--kind", "agent", "--project", "shop", "--name", "a1")
        eq(p.returncode, 1, "exit status of token create for a missing project")
        check("no project shop" in p.stderr, "message: %r" % p.stderr)
        _psql(d.url, "INSERT INTO projects(slug, name, created_at, updated_at) VALUES ('shop', 'Shop', 1, 1)")
        p = _ok(srv.cli("token", "create", "--db", d.url, "--kind", "agent", "--project", "shop", "--name", "a1"),
                "token create --kind agent")
        check(p.stdout.strip().splitlines()[-1].startswith("moat_agt_"), "agent token %r" % p.stdout)
        eq(_psql(d.url, "SELECT t.kind, p.slug FROM tokens t JOIN projects p ON p.id = t.project_id"),
           "agent|shop\n", "the stored agent token")
        # every change has its audit row, written in the same transaction
        eq(_psql(d.url, "SELECT action || ':' || target FROM audit_log ORDER BY id"),
           "user.create:Ann@Example.com\ntoken.create:ops\ntoken.create:a1\n", "the audit log")


def test_an_unreachable_postgres_is_an_error_without_the_url(srv):
    url = "postgres://moat:s3cret-pw@127.0.0.1:1/none"
    p = srv.cli("migrate", "--db", url)
    eq(p.returncode, 1, "exit status of migrate with no server")
    check("cannot connect to PostgreSQL" in p.stderr, "message: %r" % p.stderr)
    check("s3cret-pw" not in p.stderr + p.stdout, "the password was printed")
