"""Token lifecycle: create (secret shown once), list (never the secret),
last used, revoke, expiry, format and checksum, storage as hashes."""

import time

import moat
from moat import check, eq, expect, expect_problem, unique

TOKEN_KEYS = {"id", "kind", "name", "prefix", "project", "created_at", "created_by",
              "expires_at", "last_used_at", "revoked"}


def _project(srv):
    slug = srv.cache.get("tok_project")
    if slug is None:
        slug = unique("tok")
        srv.create_project(slug)
        srv.cache["tok_project"] = slug
    return slug


def _create(srv, slug, kind="ci", name=None, **extra):
    body = {"kind": kind, "name": name or unique("t")}
    body.update(extra)
    r = srv.req("POST", "/api/v1/projects/%s/tokens" % slug, body, token=srv.admin_token())
    return expect(r, 201)


def _list(srv, slug):
    r = srv.req("GET", "/api/v1/projects/%s/tokens" % slug, token=srv.admin_token())
    return r, expect(r, 200)["tokens"]


def test_creating_a_token_shows_the_secret_once(srv):
    slug = _project(srv)
    b = _create(srv, slug, "ci", "deploy")
    missing = TOKEN_KEYS - set(b)
    check(not missing, "created token lacks %r: %r" % (missing, b))
    eq(b["kind"], "ci", "kind")
    eq(b["name"], "deploy", "name")
    eq(b["project"], slug, "project")
    eq(b["revoked"], False, "revoked")
    eq(b["last_used_at"], None, "last_used_at of a new token")
    eq(b["expires_at"], None, "expires_at without expiry")
    check(isinstance(b["id"], int), "id is not an integer: %r" % b["id"])
    moat.parse_time(b["created_at"])
    moat.check_token_format(b["token"], "ci")
    check(b["token"].startswith(b["prefix"]), "prefix %r is not a prefix of the secret" % b["prefix"])
    check(b["prefix"].startswith("moat_ci_"), "prefix %r" % b["prefix"])
    check(len(b["prefix"]) <= len("moat_ci_") + 8, "prefix %r reveals too much of the secret" % b["prefix"])
    eq((srv.req("GET", "/api/v1/projects/%s/tokens" % slug, token=srv.admin_token())
        .header("Cache-Control") or "").lower(), "no-store", "Cache-Control")


def test_listing_tokens_shows_the_prefix_but_never_the_secret(srv):
    slug = _project(srv)
    made = [_create(srv, slug, "ci"), _create(srv, slug, "agent")]
    r, tokens = _list(srv, slug)
    text = r.raw.decode("utf-8")
    for m in made:
        check(m["token"] not in text, "the token list contains a secret")
        check(m["token"][:-6] not in text, "the token list contains the secret without its checksum")
        found = [t for t in tokens if t["id"] == m["id"]]
        eq(len(found), 1, "listed entries for token %d" % m["id"])
        t = found[0]
        check("token" not in t, "a listed token has a 'token' member: %r" % t)
        eq(t["prefix"], m["prefix"], "listed prefix")
        eq(t["kind"], m["kind"], "listed kind")
        missing = TOKEN_KEYS - set(t)
        check(not missing, "listed token lacks %r" % missing)
    # the personal token list neither
    r = srv.req("GET", "/api/v1/tokens", token=srv.admin_token())
    expect(r, 200)
    check(srv.admin_token() not in r.raw.decode("utf-8"), "GET /api/v1/tokens shows a secret")


def test_last_used_at_is_set_when_a_token_is_used(srv):
    slug = _project(srv)
    b = _create(srv, slug, "ci")
    before = time.time()
    expect(srv.req("GET", "/api/v1/projects/" + slug, token=b["token"]), 200)
    _, tokens = _list(srv, slug)
    t = [t for t in tokens if t["id"] == b["id"]][0]
    check(t["last_used_at"] is not None, "last_used_at still null after use")
    used = moat.parse_time(t["last_used_at"])
    check(before - 2 <= used <= time.time() + 2, "last_used_at %s is not now" % t["last_used_at"])


def test_a_revoked_token_is_refused_on_the_next_request(srv):
    slug = _project(srv)
    b = _create(srv, slug, "ci")
    expect(srv.req("GET", "/api/v1/projects/" + slug, token=b["token"]), 200)
    r = srv.req("DELETE", "/api/v1/projects/%s/tokens/%d" % (slug, b["id"]), token=srv.admin_token())
    expect(r, 204)
    eq(r.raw, b"", "204 body")
    expect_problem(srv.req("GET", "/api/v1/projects/" + slug, token=b["token"]), 401, "unauthenticated")
    _, tokens = _list(srv, slug)
    t = [t for t in tokens if t["id"] == b["id"]]
    eq(len(t), 1, "a revoked token stays listed")
    eq(t[0]["revoked"], True, "revoked flag")
    # revoking it again is idempotent and never brings it back
    r = srv.req("DELETE", "/api/v1/projects/%s/tokens/%d" % (slug, b["id"]), token=srv.admin_token())
    check(r.status in (204, 404, 409), "second revoke: %s" % r.describe())
    expect_problem(srv.req("GET", "/api/v1/projects/" + slug, token=b["token"]), 401, "unauthenticated")


def test_a_revoked_personal_token_is_refused_on_the_next_request(srv):
    s = srv.admin()
    b = expect(s.req("POST", "/api/v1/tokens", {"name": "laptop"}), 201)
    moat.check_token_format(b["token"], "admin")
    eq(b["kind"], "admin", "kind")
    eq(b["project"], None, "project of a personal token")
    me = expect(srv.req("GET", "/api/v1/auth/me", token=b["token"]), 200)
    eq(me["user"]["email"], moat.ADMIN_EMAIL, "the personal token acts as its user")
    listed = expect(s.req("GET", "/api/v1/tokens"), 200)["tokens"]
    check(any(t["id"] == b["id"] for t in listed), "personal token not in GET /api/v1/tokens")
    expect(s.req("DELETE", "/api/v1/tokens/%d" % b["id"]), 204)
    expect_problem(srv.req("GET", "/api/v1/auth/me", token=b["token"]), 401, "unauthenticated")


def test_a_token_cannot_be_revoked_through_another_project(srv):
    slug = _project(srv)
    other = unique("tok-other")
    srv.create_project(other)
    b = _create(srv, slug, "ci")
    r = srv.req("DELETE", "/api/v1/projects/%s/tokens/%d" % (other, b["id"]), token=srv.admin_token())
    expect_problem(r, 404, "not_found")
    expect(srv.req("GET", "/api/v1/projects/" + slug, token=b["token"]), 200)
    _, tokens = _list(srv, other)
    check(all(t["id"] != b["id"] for t in tokens), "project %s lists a token of %s" % (other, slug))


def test_a_user_cannot_see_or_revoke_another_users_personal_token(srv):
    user, pw = srv.create_user(unique("tok-user") + "@example.com", "admin")
    s = srv.login(user["email"], pw)
    mine = expect(srv.admin().req("POST", "/api/v1/tokens", {"name": "admins"}), 201)
    listed = expect(s.req("GET", "/api/v1/tokens"), 200)["tokens"]
    check(all(t["id"] != mine["id"] for t in listed), "another user's personal token is listed")
    r = s.req("DELETE", "/api/v1/tokens/%d" % mine["id"])
    expect_problem(r, 404, "not_found")
    expect(srv.req("GET", "/api/v1/auth/me", token=mine["token"]), 200)


def test_a_token_with_expires_at_in_the_past_is_refused_at_creation(srv):
    slug = _project(srv)
    r = srv.req("POST", "/api/v1/projects/%s/tokens" % slug,
                {"kind": "ci", "name": "old", "expires_at": "2001-01-01T00:00:00Z"}, token=srv.admin_token())
    expect_problem(r, 422, "validation_failed", "$.expires_at")
    r = srv.req("POST", "/api/v1/projects/%s/tokens" % slug,
                {"kind": "ci", "name": "bad", "expires_at": "tomorrow"}, token=srv.admin_token())
    expect_problem(r, 422, "validation_failed", "$.expires_at")


def test_expires_at_null_means_a_token_that_never_expires(srv):
    """8.23: the schema says expires_at is nullable; null is "never"."""
    slug = _project(srv)
    b = _create(srv, slug, "ci", expires_at=None)
    eq(b["expires_at"], None, "expires_at of a project token created with null")
    expect(srv.req("GET", "/api/v1/projects/" + slug, token=b["token"]), 200)
    pb = expect(srv.admin().req("POST", "/api/v1/tokens", {"name": unique("never"), "expires_at": None}), 201)
    eq(pb["expires_at"], None, "expires_at of a personal token created with null")
    expect(srv.req("GET", "/api/v1/projects", token=pb["token"]), 200)
    r = srv.req("POST", "/api/v1/projects/%s/tokens" % slug,
                {"kind": "ci", "name": "num", "expires_at": 0}, token=srv.admin_token())
    expect_problem(r, 422, "validation_failed", "$.expires_at")


def test_an_expired_token_is_refused(srv):
    """On a test clock: valid 5 s before expires_at, refused 5 s after, with
    no wait (the tokens expire in an hour of real time)."""
    with moat.server(clock=True) as s:
        slug = _project(s)
        exp = int(time.time()) + 3600
        b = _create(s, slug, "ci", expires_at=moat.fmt_time(exp))
        eq(moat.parse_time(b["expires_at"]), exp, "expires_at echoed")
        pb = expect(s.admin().req("POST", "/api/v1/tokens", {"name": "short", "expires_at": moat.fmt_time(exp)}),
                    201)
        s.set_clock(exp - 5 - int(time.time()))
        expect(s.req("GET", "/api/v1/projects/" + slug, token=b["token"]), 200)
        expect(s.req("GET", "/api/v1/projects", token=pb["token"]), 200)
        s.set_clock(exp + 5 - int(time.time()))
        expect_problem(s.req("GET", "/api/v1/projects/" + slug, token=b["token"]), 401, "unauthenticated")
        expect_problem(s.req("GET", "/api/v1/projects", token=pb["token"]), 401, "unauthenticated")


def test_token_format_has_kind_prefix_and_a_crc32_base62_checksum(srv):
    slug = _project(srv)
    seen = set()
    for kind in ("ci", "agent", "ci", "agent"):
        t = _create(srv, slug, kind)["token"]
        moat.check_token_format(t, kind)
        seen.add(t)
    for kind in ("admin", "ci", "agent"):
        t = srv.create_token(kind, unique("cli"), project=None if kind == "admin" else slug)
        moat.check_token_format(t, kind)
        seen.add(t)
    t = expect(srv.admin().req("POST", "/api/v1/tokens", {"name": "fmt"}), 201)["token"]
    moat.check_token_format(t, "admin")
    seen.add(t)
    eq(len(seen), 8, "distinct tokens")
    # the random parts differ in many positions (no counter, no timestamp)
    rnd = sorted(x.split("_")[-1][:30] for x in seen)
    for a, b in zip(rnd, rnd[1:]):
        same = sum(1 for x, y in zip(a, b) if x == y)
        check(same < 12, "two tokens share %d of 30 random characters: %s %s" % (same, a, b))


def test_a_token_with_a_wrong_checksum_or_unknown_secret_is_refused(srv):
    slug = _project(srv)
    good = _create(srv, slug, "ci")["token"]
    body, check6 = good[:-6], good[-6:]
    flipped = check6[:-1] + ("0" if check6[-1] != "0" else "1")
    for bad in (body + flipped,                                   # checksum does not match
                good[:-7] + ("a" if good[-7] != "a" else "b") + check6,   # random part changed
                "moat_ci_" + "A" * 30 + moat.token_checksum("moat_ci_" + "A" * 30),  # valid form, unknown
                good.replace("moat_ci_", "moat_adm_"),             # other kind prefix
                good + "x", good[:-1], good.lower()):
        expect_problem(srv.req("GET", "/api/v1/projects/" + slug, token=bad), 401, "unauthenticated")
    expect(srv.req("GET", "/api/v1/projects/" + slug, token=good), 200)


def test_secrets_are_stored_only_as_hashes_and_never_logged(srv):
    slug = _project(srv)
    api_tok = _create(srv, slug, "agent")["token"]
    cli_tok = srv.create_token("ci", unique("hash"), project=slug)
    user, pw = srv.create_user(unique("hashuser") + "@example.com", "viewer")
    s = srv.login(user["email"], pw)
    expect(srv.req("GET", "/api/v1/projects/" + slug, token=cli_tok), 200)
    stored = srv.db_contents()
    check(slug.encode() in stored, "the database contents (%d bytes) lack the project %s" % (len(stored), slug))
    for name, secret in (("agent token", api_tok), ("ci token", cli_tok), ("password", pw),
                         ("admin password", srv.admin_password), ("session cookie", s.cookie)):
        check(secret.encode() not in stored, "the database stores the %s in clear" % name)
        check(secret not in srv.log(), "the server log contains the %s" % name)
    check(s.csrf not in srv.log(), "the server log contains the CSRF token")
    r = srv.req("GET", "/api/v1/audit?limit=500", token=srv.admin_token())
    text = expect(r, 200) and r.raw.decode("utf-8")
    for secret in (api_tok, cli_tok, pw, s.cookie):
        check(secret not in text, "the audit log contains a secret")


def test_token_creation_validates_kind_and_name(srv):
    slug = _project(srv)
    tok = srv.admin_token()
    p = "/api/v1/projects/%s/tokens" % slug
    expect_problem(srv.req("POST", p, {"kind": "admin", "name": "x"}, token=tok), 422, "validation_failed", "$.kind")
    expect_problem(srv.req("POST", p, {"kind": "root", "name": "x"}, token=tok), 422, "validation_failed", "$.kind")
    expect_problem(srv.req("POST", p, {"name": "x"}, token=tok), 422, "validation_failed", "$.kind")
    expect_problem(srv.req("POST", p, {"kind": "ci"}, token=tok), 422, "validation_failed", "$.name")
    expect_problem(srv.req("POST", "/api/v1/projects/no-such-project/tokens", {"kind": "ci", "name": "x"}, token=tok),
                   404, "not_found")
