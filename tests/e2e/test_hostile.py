"""Hostile inputs. Every case asserts the exact status and problem code
(RFC 9457 body: type, title, status, code), that the response headers
were not split, that the server still answers /healthz, and that nothing
stored changed (projects, users, environments, tokens, the audit log) —
or, for input that is legitimately data, that exactly it was stored,
verbatim.
"""

import json

import moat
from moat import check, eq, expect, expect_problem

LIMIT = 65536
P = "hostile-p"
USER_EMAIL = "hostile-user@example.com"
_fx = {}


# --------------------------------------------------------------------------
# fixture and snapshots


def fixture(srv):
    if "P" not in _fx:
        srv.create_project(P, "Hostile target")
        u, _ = srv.create_user(USER_EMAIL, "viewer", name="Hostile User")
        r = srv.req("POST", "/api/v1/projects/%s/tokens" % P, {"kind": "ci", "name": "fixture"},
                    token=srv.admin_token())
        _fx.update(P=P, U=u["id"], T=expect(r, 201)["id"], ci=r.body["token"])
    return _fx


def _strip(items, *keys):
    return [{k: v for k, v in it.items() if k not in keys} for it in items]


def snapshot(srv):
    t = srv.admin_token()

    def get(path, key):
        return expect(srv.req("GET", path, token=t), 200)[key]

    return {
        "projects": sorted(get("/api/v1/projects?archived=true", "projects"), key=lambda p: p["slug"]),
        "users": sorted(_strip(get("/api/v1/users", "users"), "last_login_at"), key=lambda u: u["id"]),
        "envs": get("/api/v1/projects/%s/environments" % P, "environments"),
        "tokens": _strip(get("/api/v1/projects/%s/tokens" % P, "tokens"), "last_used_at"),
        "ptokens": _strip(get("/api/v1/tokens", "tokens"), "last_used_at"),
        "audit": [e for e in get("/api/v1/audit?limit=500", "entries") if not e["action"].startswith("auth.")],
    }


def same_as_before(srv, before, after, resp):
    for k in before:
        eq(after[k], before[k], "stored %s after the hostile request" % k)


def added(kind, key, value, field=None, action=None):
    """The request created exactly one item of kind (found by key == value),
    with field stored verbatim; nothing else changed."""

    def v(srv, before, after, resp):
        if resp.status != 201:
            return same_as_before(srv, before, after, resp)
        new = [x for x in after[kind] if x not in before[kind]]
        eq(len(new), 1, "new %s" % kind)
        eq(new[0][key], value, "stored %s.%s" % (kind, key))
        if field:
            eq(new[0][field[0]], field[1], "stored %s.%s (verbatim)" % (kind, field[0]))
        eq([x for x in after[kind] if x != new[0]], before[kind], "other %s" % kind)
        for k in before:
            if k not in (kind, "audit"):
                eq(after[k], before[k], "stored %s" % k)
        new_audit = [e for e in after["audit"] if e not in before["audit"]]
        eq([e["action"] for e in new_audit], [action], "new audit entries")
    return v


# --------------------------------------------------------------------------
# request builders


def api(method, path, body=None, raw=None, ctype="application/json", auth="admin", headers=None):
    def send(srv):
        fx = fixture(srv)
        p = path.format(**fx)
        kw = {}
        if auth == "admin":
            kw["token"] = srv.admin_token()
        if body is not None:
            data = json.dumps(body).encode("utf-8")
        else:
            data = raw
        return srv.req(method, p, raw_body=data, content_type=ctype if data is not None else None,
                       headers=headers, **kw)
    return send


def raw(head_fmt, body=b"", method="POST", path="/api/v1/projects", head_only=False):
    """A raw request; head_fmt may use {auth} and {len}."""
    def send(srv):
        fixture(srv)
        head = head_fmt.replace(b"{auth}", ("Authorization: Bearer %s\r\n" % srv.admin_token()).encode())
        head = head.replace(b"{len}", str(len(body)).encode())
        r = moat.raw_http(srv.port, head, body, head_only=head_only)
        if r is None:
            return None
        return r.to_resp(method, path)
    return send


def padded(obj, size):
    s = json.dumps(obj, separators=(",", ":")).encode()
    check(len(s) <= size, "padding target too small")
    return s + b" " * (size - len(s))


def b62(i):
    digits = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
    out = ""
    while True:
        out = digits[i % 62] + out
        i //= 62
        if i == 0:
            return out


MANY_FIELDS = {"slug": "many-fields", "name": "x"}
MANY_FIELDS.update({"f" + b62(i): 0 for i in range(7000)})
MANY_FIELDS_RAW = json.dumps(MANY_FIELDS, separators=(",", ":")).encode()
assert len(MANY_FIELDS_RAW) < LIMIT
TEN_THOUSAND_RAW = json.dumps(dict({"slug": "tenk", "name": "x"}, **{"f%d" % i: 0 for i in range(10000)}),
                              separators=(",", ":")).encode()
assert len(TEN_THOUSAND_RAW) > LIMIT

SQL = ["' OR '1'='1", "'; DROP TABLE projects; --", "\" OR 1=1 --", "x' UNION SELECT email, password_hash FROM users --",
       "1; DELETE FROM users", "%' --", "\\'; --"]
SQL_NAME = "Robert'); DROP TABLE projects;-- \" OR 1=1 -- UNION SELECT * FROM tokens /*"


def sql_filters_find_nothing(srv, resp):
    """A 200 for an SQL-laden filter must match nothing."""
    if resp.status == 200:
        eq(resp.body.get("entries"), [], "entries matched by an SQL-laden filter")


def login_refused(srv, resp):
    check(moat.session_cookie(resp) is None, "the hostile login got a session cookie")


def allow_has(*methods):
    def c(srv, resp):
        allow = {a.strip().upper() for a in (resp.header("Allow") or "").split(",") if a.strip()}
        check(set(methods) <= allow, "Allow %r lacks %r" % (resp.header("Allow"), methods))
    return c


def verbatim_project(slug, name):
    def c(srv, resp):
        if resp.status == 201:
            eq(resp.body["name"], name, "echoed name")
            got = expect(srv.req("GET", "/api/v1/projects/" + slug, token=srv.admin_token()), 200)
            eq(got["name"], name, "stored name read back")
    return c


# --------------------------------------------------------------------------
# the cases: (name, send, status, code, extra) with options

CASES = []


def case(name, send, status, code, path=None, problem=True, alt=(), changes=same_as_before, extra=None,
         may_close=False):
    CASES.append(dict(name=name, send=send, status=status, code=code, path=path, problem=problem,
                      alt=list(alt), changes=changes, extra=extra, may_close=may_close))


# size limits
big_name = {"slug": "big-cl", "name": "a" * 70000}
case("body_over_64k_announced_by_content_length",
     raw(b"POST /api/v1/projects HTTP/1.1\r\nHost: x\r\n{auth}Content-Type: application/json\r\n"
         b"Content-Length: {len}\r\nConnection: close\r\n\r\n", json.dumps(big_name).encode()),
     413, "body_too_large")
case("body_of_65537_bytes_is_too_large",
     api("POST", "/api/v1/projects", raw=padded({"slug": "bnd-over", "name": "x"}, LIMIT + 1)),
     413, "body_too_large")
case("body_of_exactly_65536_bytes_is_accepted",
     api("POST", "/api/v1/projects", raw=padded({"slug": "bnd-exact", "name": "Boundary"}, LIMIT)),
     201, None, problem=False, changes=added("projects", "slug", "bnd-exact", action="project.create"))
case("huge_content_length_announced_with_a_small_body",
     raw(b"POST /api/v1/projects HTTP/1.1\r\nHost: x\r\n{auth}Content-Type: application/json\r\n"
         b"Content-Length: 99999999999\r\nConnection: close\r\n\r\n", b'{"slug":"huge-cl","name":"x"}'),
     413, "body_too_large")
_chunk0 = b'{"slug":"chunky","name":"x"}'
_chunks = b"".join(b"%x\r\n%s\r\n" % (8192, b" " * 8192) for _ in range(10))
case("chunked_body_over_64k",
     raw(b"POST /api/v1/projects HTTP/1.1\r\nHost: x\r\n{auth}Content-Type: application/json\r\n"
         b"Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n",
         b"%x\r\n%s\r\n" % (len(_chunk0), _chunk0) + _chunks + b"0\r\n\r\n"),
     413, "body_too_large")
case("json_nested_100000_deep_is_over_the_limit",
     api("POST", "/api/v1/projects", raw=b"[" * 100000 + b"]" * 100000), 413, "body_too_large")
case("json_array_nested_30000_deep_under_the_limit",
     api("POST", "/api/v1/projects", raw=b"[" * 30000 + b"]" * 30000), 400, "malformed_json")
case("json_object_nested_10000_deep_under_the_limit",
     api("POST", "/api/v1/projects", raw=b'{"a":' * 10000 + b"1" + b"}" * 10000), 400, "malformed_json")
case("ten_thousand_fields_in_one_object_exceed_the_limit",
     api("POST", "/api/v1/projects", raw=TEN_THOUSAND_RAW), 413, "body_too_large")
case("seven_thousand_unknown_fields_in_one_object",
     api("POST", "/api/v1/projects", raw=MANY_FIELDS_RAW), 422, "validation_failed", path="$.f0")

# malformed JSON
for _n, _raw in [
        ("invalid_utf8_in_a_string", b'{"slug":"utf-bad","name":"\xff\xfe"}'),
        ("overlong_utf8_in_a_string", b'{"slug":"utf-long","name":"\xc0\xaf"}'),
        ("utf8_encoded_surrogate_in_a_string", b'{"slug":"utf-sur","name":"\xed\xa0\x80"}'),
        ("lone_surrogate_escape_in_a_string", b'{"slug":"esc-sur","name":"\\ud800"}'),
        ("invalid_utf8_in_a_key", b'{"slug":"utf-key","name":"x","\xff":1}'),
        ("raw_nul_in_a_string", b'{"slug":"nul-raw","name":"a\x00b"}'),
        ("escaped_nul_in_a_string", b'{"slug":"nul-esc","name":"a\\u0000b"}'),
        ("nul_after_the_document", b'{"slug":"nul-after","name":"x"}\x00'),
        ("raw_control_character_in_a_string", b'{"slug":"ctl-raw","name":"a\x01b"}'),
        ("duplicate_keys", b'{"slug":"dup-key","name":"x","slug":"dup-key-2"}'),
        ("trailing_garbage", b'{"slug":"trail","name":"x"} {"slug":"trail2","name":"y"}'),
        ("single_quoted_json", b"{'slug':'single','name':'x'}"),
        ("json_with_a_comment", b'{"slug":"comment","name":"x" /* hi */}'),
        ("byte_order_mark_before_the_document", b'\xef\xbb\xbf{"slug":"bom","name":"x"}'),
        ("truncated_document", b'{"slug":"trunc","name":"x'),
        ("whitespace_only_body", b"   \r\n\t "),
        ("huge_integer", b'{"slug":"bigint","name":"x","n":123456789012345678901234567890}'),
        ("huge_real", b'{"slug":"bigreal","name":"x","n":1e999}'),
        ("nan_literal", b'{"slug":"nan","name":NaN}')]:
    case(_n, api("POST", "/api/v1/projects", raw=_raw), 400, "malformed_json")
case("empty_body_on_post",
     raw(b"POST /api/v1/projects HTTP/1.1\r\nHost: x\r\n{auth}Content-Type: application/json\r\n"
         b"Content-Length: 0\r\nConnection: close\r\n\r\n"), 400, "malformed_json")
case("escaped_nul_in_a_password",
     api("POST", "/api/v1/users", raw=b'{"email":"nul@example.com","password":"abcdefghijkl\\u0000x","role":"viewer"}'),
     400, "malformed_json")

# validation
case("unknown_field", api("POST", "/api/v1/projects", {"slug": "unk", "name": "x", "admin": True}),
     422, "validation_failed", path="$.admin")
case("unknown_field_in_a_user_patch", api("PATCH", "/api/v1/users/{U}", {"password_hash": "x"}),
     422, "validation_failed", path="$.password_hash")
case("number_for_the_slug", api("POST", "/api/v1/projects", {"slug": 123, "name": "x"}),
     422, "validation_failed", path="$.slug")
case("array_for_the_name", api("POST", "/api/v1/projects", {"slug": "arr-name", "name": ["x"]}),
     422, "validation_failed", path="$.name")
case("object_for_the_name", api("POST", "/api/v1/projects", {"slug": "obj-name", "name": {"$ne": ""}}),
     422, "validation_failed", path="$.name")
case("number_for_the_role", api("POST", "/api/v1/users", {"email": "r@example.com", "password": "long-password-1",
                                                         "role": 1}), 422, "validation_failed", path="$.role")
case("string_for_archived", api("PATCH", "/api/v1/projects/{P}", {"archived": "true"}),
     422, "validation_failed", path="$.archived")
case("string_for_disabled", api("PATCH", "/api/v1/users/{U}", {"disabled": "yes"}),
     422, "validation_failed", path="$.disabled")
case("null_for_the_name", api("PATCH", "/api/v1/projects/{P}", {"name": None}),
     422, "validation_failed", path="$.name")
for _n, _raw in [("array_body", b"[]"), ("string_body", b'"project"'), ("number_body", b"42"),
                 ("null_body", b"null"), ("true_body", b"true")]:
    case(_n, api("POST", "/api/v1/projects", raw=_raw), 422, "validation_failed", path="$")
case("very_long_slug", api("POST", "/api/v1/projects", {"slug": "a" * 5000, "name": "x"}),
     422, "validation_failed", path="$.slug")
case("very_long_name", api("POST", "/api/v1/projects", {"slug": "long-name", "name": "n" * 60000}),
     422, "validation_failed", path="$.name")
case("very_long_email", api("POST", "/api/v1/users", {"email": "a" * 60000 + "@example.com",
                                                       "password": "long-password-1", "role": "viewer"}),
     422, "validation_failed", path="$.email")
case("very_long_unknown_key", api("POST", "/api/v1/projects", {"slug": "long-key", "name": "x", "k" * 60000: 1}),
     422, "validation_failed")
case("long_password_login",
     api("POST", "/api/v1/auth/login", {"email": moat.ADMIN_EMAIL, "password": "p" * 3000}, auth=None),
     401, "invalid_credentials", extra=login_refused)
# login has its own, smaller body limit (4 KiB): a 60 KB password never reaches Argon2
case("very_long_password_login",
     api("POST", "/api/v1/auth/login", {"email": moat.ADMIN_EMAIL, "password": "p" * 60000}, auth=None),
     413, "body_too_large", extra=login_refused)

# media type, method, route
_pj = json.dumps({"slug": "ctype", "name": "x"}).encode()
case("text_plain_content_type", api("POST", "/api/v1/projects", raw=_pj, ctype="text/plain"),
     415, "unsupported_media_type")
case("missing_content_type", api("POST", "/api/v1/projects", raw=_pj, ctype=None), 415, "unsupported_media_type")
case("form_urlencoded_content_type",
     api("POST", "/api/v1/projects", raw=b"slug=form&name=x", ctype="application/x-www-form-urlencoded"),
     415, "unsupported_media_type")
case("multipart_content_type",
     api("POST", "/api/v1/projects", raw=_pj, ctype="multipart/form-data; boundary=x"),
     415, "unsupported_media_type")
case("look_alike_content_type", api("POST", "/api/v1/projects", raw=_pj, ctype="application/jsonx"),
     415, "unsupported_media_type")
case("json_content_type_with_charset_is_accepted",
     api("POST", "/api/v1/projects", raw=json.dumps({"slug": "charset-ok", "name": "x"}).encode(),
         ctype="application/json; charset=utf-8"),
     201, None, problem=False, changes=added("projects", "slug", "charset-ok", action="project.create"))
case("delete_on_the_project_collection", api("DELETE", "/api/v1/projects"),
     405, "method_not_allowed", extra=allow_has("GET", "POST"))
case("put_on_a_user", api("PUT", "/api/v1/users/{U}", {"name": "x"}),
     405, "method_not_allowed", extra=allow_has("GET", "PATCH"))
case("delete_on_a_project", api("DELETE", "/api/v1/projects/{P}"),
     405, "method_not_allowed", extra=allow_has("GET", "PATCH"))
case("post_on_healthz", api("POST", "/healthz", {"x": 1}), 405, "method_not_allowed", extra=allow_has("GET"))
case("unknown_method", raw(b"BREW /api/v1/projects HTTP/1.1\r\nHost: x\r\n{auth}Connection: close\r\n\r\n",
                           method="BREW"),
     405, "method_not_allowed", extra=allow_has("GET", "POST"))
case("unknown_api_route", api("GET", "/api/v1/nope"), 404, "not_found")
case("unknown_api_version", api("GET", "/api/v2/projects"), 404, "not_found")
case("unknown_project_subresource", api("GET", "/api/v1/projects/{P}/secrets"), 404, "not_found")
case("unknown_route_without_credentials", api("GET", "/api/v1/admin/debug", auth=None), 404, "not_found")

# query parameters
case("bad_cursor", api("GET", "/api/v1/audit?cursor=%%%%not-base64%%%%"), 400, "bad_request")
case("cursor_with_sql", api("GET", "/api/v1/audit?cursor=1%27%20OR%20%271%27%3D%271"), 400, "bad_request")
case("limit_with_sql", api("GET", "/api/v1/audit?limit=1%20OR%201%3D1"), 400, "bad_request")
case("huge_limit", api("GET", "/api/v1/audit?limit=99999999999999999999999"), 400, "bad_request")
case("since_with_sql", api("GET", "/api/v1/audit?since=2026-01-01T00:00:00Z%27%20OR%201%3D1--"), 400, "bad_request")
case("actor_filter_with_sql", api("GET", "/api/v1/audit?actor=%27%20OR%20%271%27%3D%271"),
     200, None, problem=False, extra=sql_filters_find_nothing)
case("actor_filter_with_union_select",
     api("GET", "/api/v1/audit?actor=x%27%20UNION%20SELECT%20*%20FROM%20users--"),
     200, None, problem=False, extra=sql_filters_find_nothing)
case("action_filter_with_sql", api("GET", "/api/v1/audit?action=project.create%27%20OR%201%3D1--"),
     200, None, problem=False, extra=sql_filters_find_nothing)
case("project_filter_with_sql", api("GET", "/api/v1/audit?project=%27%3B%20DROP%20TABLE%20audit_log%3B--"),
     200, None, problem=False, extra=sql_filters_find_nothing)
case("archived_filter_with_sql", api("GET", "/api/v1/projects?archived=%27%20OR%201%3D1--"),
     400, "bad_request")

# SQL metacharacters in fields and paths
case("sql_in_a_project_name", api("POST", "/api/v1/projects", {"slug": "sql-name", "name": SQL_NAME}),
     201, None, problem=False, changes=added("projects", "slug", "sql-name", ("name", SQL_NAME), "project.create"),
     extra=verbatim_project("sql-name", SQL_NAME))
for _i, _s in enumerate(SQL[:4]):
    case("sql_in_the_slug_%d" % _i, api("POST", "/api/v1/projects", {"slug": _s, "name": "x"}),
         422, "validation_failed", path="$.slug")
case("sql_in_an_environment_name", api("POST", "/api/v1/projects/{P}/environments", {"name": SQL[1]}),
     422, "validation_failed", path="$.name")
case("sql_in_a_token_name", api("POST", "/api/v1/projects/{P}/tokens", {"kind": "ci", "name": SQL[3]}),
     201, None, problem=False, changes=added("tokens", "name", SQL[3], action="token.create"))
case("sql_in_a_token_kind", api("POST", "/api/v1/projects/{P}/tokens", {"kind": "ci' OR '1'='1", "name": "x"}),
     422, "validation_failed", path="$.kind")
case("sql_in_a_user_email", api("POST", "/api/v1/users", {"email": "x' OR '1'='1@example.com",
                                                         "password": "long-password-1", "role": "viewer"}),
     422, "validation_failed", path="$.email")
case("sql_in_a_user_name", api("POST", "/api/v1/users", {"email": "sqlname@example.com", "name": SQL[2],
                                                        "password": "long-password-1", "role": "viewer"}),
     201, None, problem=False, changes=added("users", "email", "sqlname@example.com", ("name", SQL[2]),
                                             "user.create"))
case("sql_in_a_user_role", api("POST", "/api/v1/users", {"email": "sqlrole@example.com",
                                                        "password": "long-password-1", "role": "admin' --"}),
     422, "validation_failed", path="$.role")
case("sql_in_the_login_email", api("POST", "/api/v1/auth/login", {"email": "' OR '1'='1' --", "password": "x"},
                                   auth=None),
     401, "invalid_credentials", extra=login_refused)
case("sql_in_the_login_password", api("POST", "/api/v1/auth/login",
                                      {"email": moat.ADMIN_EMAIL, "password": "' OR '1'='1' --"}, auth=None),
     401, "invalid_credentials", extra=login_refused)
case("sql_in_the_project_path", api("GET", "/api/v1/projects/%27%20OR%20%271%27%3D%271"), 404, "not_found")
case("sql_in_the_user_id_path", api("GET", "/api/v1/users/1%20OR%201%3D1"), 404, "not_found")
case("sql_in_the_token_id_path", api("DELETE", "/api/v1/projects/{P}/tokens/{T}%20OR%201%3D1"), 404, "not_found")
case("sql_in_a_patched_name", api("PATCH", "/api/v1/users/{U}", {"name": SQL[4]}),
     200, None, problem=False,
     changes=lambda srv, b, a, r: (eq([u for u in a["users"] if u["email"] == USER_EMAIL][0]["name"], SQL[4],
                                      "patched name"), eq(a["projects"], b["projects"], "projects")))
case("overflowing_user_id", api("GET", "/api/v1/users/99999999999999999999999"), 404, "not_found")
case("negative_token_id", api("DELETE", "/api/v1/projects/{P}/tokens/-1"), 404, "not_found")

# header injection
CRLF_NAME = "evil\r\nX-Injected: 1\r\nSet-Cookie: moat_session=attacker"


def no_split_headers(srv, resp):
    names = [k.lower() for k in resp.headers.keys()]
    check("x-injected" not in names, "response headers were split: %r" % names)
    for sc in resp.headers.get_all("Set-Cookie") or []:
        check("attacker" not in sc, "injected Set-Cookie: %r" % sc)
    if resp.status == 201:
        g = srv.req("GET", "/api/v1/projects/crlf-name", token=srv.admin_token())
        eq(expect(g, 200)["name"], CRLF_NAME, "stored CRLF name")
        check("x-injected" not in [k.lower() for k in g.headers.keys()], "GET response headers were split")


case("crlf_in_a_project_name", api("POST", "/api/v1/projects", {"slug": "crlf-name", "name": CRLF_NAME}),
     422, "validation_failed", path="$.name", extra=no_split_headers)
case("crlf_in_the_path", api("GET", "/api/v1/projects/a%0d%0aX-Injected:%201"), 400, "bad_request",
     extra=no_split_headers)
case("crlf_in_a_query_filter", api("GET", "/api/v1/audit?actor=a%0d%0aX-Injected:%201"),
     400, "bad_request", extra=no_split_headers)

# credentials
for _n, _h in [("authorization_bearer_without_token", "Bearer"),
               ("authorization_bearer_space_only", "Bearer "),
               ("authorization_basic_scheme", "Basic YWRtaW5AbG9jYWxob3N0OnBhc3N3b3Jk"),
               ("authorization_token_without_scheme", "@TOKEN@"),
               ("authorization_token_with_trailing_garbage", "Bearer @TOKEN@x"),
               ("authorization_two_tokens", "Bearer @TOKEN@ @TOKEN@"),
               ("authorization_token_with_a_sql_suffix", "Bearer @TOKEN@' OR '1'='1"),
               ("authorization_very_long_bearer", "Bearer " + "A" * 6000)]:
    def _send(srv, _h=_h):
        return srv.req("GET", "/api/v1/projects",
                       headers={"Authorization": _h.replace("@TOKEN@", srv.admin_token())})
    case(_n, _send, 401, "unauthenticated")
case("session_cookie_with_sql",
     api("GET", "/api/v1/projects", auth=None, headers={"Cookie": "moat_session=' OR '1'='1"}),
     401, "unauthenticated")
case("ci_token_presented_as_a_cookie",
     lambda srv: srv.req("GET", "/api/v1/projects/" + P, headers={"Cookie": "moat_session=" + fixture(srv)["ci"]}),
     401, "unauthenticated")

# protocol abuse (answers from the HTTP library itself are not problem documents)
case("overlong_header_value",
     raw(b"GET /api/v1/projects HTTP/1.1\r\nHost: x\r\n{auth}X-Long: " + b"a" * 100000 + b"\r\n"
         b"Connection: close\r\n\r\n", method="GET"), 431, None, problem=False)
case("overlong_request_target",
     raw(b"GET /api/v1/projects/" + b"a" * 100000 + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
         method="GET"), 414, None, problem=False)
case("thousands_of_headers",
     raw(b"GET /api/v1/projects HTTP/1.1\r\nHost: x\r\n{auth}"
         + b"".join(b"X-H%d: v\r\n" % i for i in range(5000)) + b"Connection: close\r\n\r\n", method="GET"),
     431, None, problem=False)
case("garbage_request_line", raw(b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03 garbage\r\n\r\n", method="?"),
     400, None, problem=False)
case("negative_content_length",
     raw(b"POST /api/v1/projects HTTP/1.1\r\nHost: x\r\n{auth}Content-Type: application/json\r\n"
         b"Content-Length: -5\r\nConnection: close\r\n\r\n", b'{"slug":"neg","name":"x"}'),
     400, None, problem=False)


# --------------------------------------------------------------------------


def run_case(srv, c):
    fixture(srv)
    before = snapshot(srv)
    resp = c["send"](srv)
    if resp is None and c["may_close"]:
        # closing such a connection without a word is a refusal too
        eq(srv.req("GET", "/healthz").status, 200, "/healthz after the hostile request")
        return c["changes"](srv, before, snapshot(srv), None)
    check(resp is not None, "the server closed the connection without any response")
    accepted = [(c["status"], c["code"])] + c["alt"]
    got = (resp.status, resp.body.get("code") if isinstance(resp.body, dict) else None)
    match = [a for a in accepted if a[0] == resp.status]
    check(match, "status %d, want %s: %s" % (resp.status, " or ".join(str(a[0]) for a in accepted),
                                              resp.describe()))
    want_code = match[0][1]
    if want_code is not None:
        expect_problem(resp, resp.status, want_code,
                       c["path"] if resp.status == c["status"] else None)
    elif c["problem"] and resp.status >= 400:
        expect_problem(resp, resp.status, got[1])
    check(resp.status < 500, "server error: %s" % resp.describe())
    names = [k.lower() for k in resp.headers.keys()]
    check("x-injected" not in names, "response headers were split")
    if resp.status >= 400 and c["problem"]:
        check(resp.header("X-Request-Id"), "no X-Request-Id on the error response")
    if c["extra"]:
        c["extra"](srv, resp)
    h = srv.req("GET", "/healthz")
    eq(h.status, 200, "/healthz after the hostile request")
    after = snapshot(srv)
    c["changes"](srv, before, after, resp)


def _make(c):
    def t(srv):
        run_case(srv, c)
    t.__name__ = "test_hostile_" + c["name"]
    t.__module__ = __name__
    return t


for _c in CASES:
    _t = _make(_c)
    globals()[_t.__name__] = _t


def _must_fail(srv, c, why):
    """run_case(c) must fail, with a message holding why."""
    try:
        run_case(srv, c)
    except moat.TestFailure as e:
        check(why in str(e), "the harness failed, but not for %r: %s" % (why, e))
        return
    moat.fail("the harness passed a server that misbehaved (%s)" % why)


def _refusal(srv):
    """A real 422 problem from the server, nothing stored."""
    return srv.req("POST", "/api/v1/projects", {"slug": "-", "name": "x"}, token=srv.admin_token())


def test_the_hostile_harness_fails_a_server_that_misbehaves(srv):
    """Each check of run_case can fail: a case is only worth its run if a
    server that changed data, answered 500, let a header through or gave
    another status or code would fail it. Misbehaviour is simulated by
    changing a real answer (or the data) behind the harness's back."""
    fixture(srv)
    base = dict(name="self_test", path=None, problem=True, alt=[], changes=same_as_before, extra=None,
                may_close=False)

    def stores_too(srv):
        expect(srv.req("POST", "/api/v1/projects/%s/environments" % P, {"name": moat.unique("sneak")},
                       token=srv.admin_token()), 201)
        return _refusal(srv)
    _must_fail(srv, dict(base, send=stores_too, status=422, code="validation_failed"),
               "stored projects after the hostile request")

    def server_error(srv):
        r = _refusal(srv)
        r.status = r.body["status"] = 500
        r.body["code"] = "internal"
        return r
    _must_fail(srv, dict(base, send=server_error, status=500, code="internal"), "server error")

    def split(srv):
        r = _refusal(srv)
        r.headers["X-Injected"] = "1"
        return r
    _must_fail(srv, dict(base, send=split, status=422, code="validation_failed"), "headers were split")

    _must_fail(srv, dict(base, send=_refusal, status=400, code="bad_request"), "status 422, want 400")
    _must_fail(srv, dict(base, send=_refusal, status=422, code="conflict"), "problem code")
    _must_fail(srv, dict(base, send=_refusal, status=422, code="validation_failed", path="$.name"),
               "errors[] lacks path")

    def closes(srv):
        return None
    _must_fail(srv, dict(base, send=closes, status=422, code="validation_failed"),
               "closed the connection without any response")
    # and the same refusal, described truly, passes
    run_case(srv, dict(base, send=_refusal, status=422, code="validation_failed", path="$.slug"))


def test_every_hostile_case_runs_as_its_own_test(srv):
    """A repeated name would replace an earlier case's test function."""
    names = ["test_hostile_" + c["name"] for c in CASES]
    eq(len(set(names)), len(names), "distinct case names")
    for c, n in zip(CASES, names):
        check(globals()[n].__name__ == n, "%s is not bound to its case" % n)
