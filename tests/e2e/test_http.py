"""HTTP plumbing: keep-alive, request ids, health, readiness, metrics."""

import re
import threading
import time

import moat

from moat import check, eq, expect, unique


def _keepalive_sequence(srv, conn, steps):
    """Runs (method, path, kwargs, status) steps on one connection and
    asserts it stayed the same socket, never announced a close."""
    conn.connect()
    sock = conn.sock
    local = sock.getsockname()
    for method, path, kw, status in steps:
        r = srv.req(method, path, conn=conn, **kw)
        check(r.status == status, "%s %s on the kept-alive connection: %s" % (method, path, r.describe()))
        conn_hdr = (r.header("Connection") or "").lower()
        check("close" not in conn_hdr, "%s %s answered Connection: %s" % (method, path, conn_hdr))
        check(conn.sock is sock, "the connection was closed after %s %s" % (method, path))
        eq(conn.sock.getsockname(), local, "local address of the connection")


def test_keep_alive_is_kept_across_api_and_static_requests(srv):
    tok = srv.admin_token()
    slug = unique("ka")
    srv.create_project(slug)
    conn = srv.conn()
    try:
        steps = []
        for _ in range(5):
            steps += [("GET", "/api/v1/projects/" + slug, {"token": tok}, 200),
                      ("GET", "/", {}, 200),
                      ("GET", "/index.html", {}, 200),
                      ("GET", "/healthz", {}, 200)]
        steps.append(("POST", "/api/v1/projects", {"token": tok, "body": {"slug": unique("ka-post"), "name": "x"}}, 201))
        steps.append(("PATCH", "/api/v1/projects/" + slug, {"token": tok, "body": {"name": "kept"}}, 200))
        steps.append(("GET", "/api/v1/projects/" + slug, {"token": tok}, 200))
        _keepalive_sequence(srv, conn, steps)
    finally:
        conn.close()


def test_keep_alive_is_kept_after_error_responses(srv):
    tok = srv.admin_token()
    conn = srv.conn()
    try:
        _keepalive_sequence(srv, conn, [
            ("GET", "/api/v1/projects", {}, 401),
            ("GET", "/api/v1/projects/no-such-project", {"token": tok}, 404),
            ("GET", "/no-such-file.html", {}, 404),
            ("GET", "/api/v1/users", {"token": srv.create_token("ci", unique("ka"), project=_proj(srv))}, 403),
            ("POST", "/api/v1/projects", {"token": tok, "body": {"slug": "-", "name": "x"}}, 422),
            ("GET", "/api/v1/projects", {"token": tok}, 200),
        ])
    finally:
        conn.close()


def _proj(srv):
    if "http_proj" not in srv.cache:
        srv.cache["http_proj"] = unique("http")
        srv.create_project(srv.cache["http_proj"])
    return srv.cache["http_proj"]


def test_a_hundred_requests_share_one_connection(srv):
    tok = srv.admin_token()
    conn = srv.conn()
    try:
        _keepalive_sequence(srv, conn, [("GET", "/api/v1/projects", {"token": tok}, 200)] * 100)
    finally:
        conn.close()


def test_every_response_has_a_distinct_request_id(srv):
    tok = srv.admin_token()
    seen = {}
    reqs = [("GET", "/healthz", {}), ("GET", "/readyz", {}), ("GET", "/metrics", {}), ("GET", "/", {}),
            ("GET", "/no-such-file", {}), ("GET", "/api/v1/projects", {}), ("GET", "/api/v1/projects", {"token": tok}),
            ("GET", "/api/v1/nope", {"token": tok}), ("DELETE", "/api/v1/projects", {"token": tok}),
            ("POST", "/api/v1/projects", {"token": tok, "raw_body": b"{", "content_type": "application/json"}),
            ("POST", "/api/v1/auth/login", {"body": {"email": 1}})]
    for method, path, kw in reqs:
        r = srv.req(method, path, **kw)
        rid = r.header("X-Request-Id")
        check(rid and len(rid) >= 8, "%s %s: X-Request-Id %r" % (method, path, rid))
        check(rid not in seen, "request id %s repeated (%s and %s %s)" % (rid, seen.get(rid), method, path))
        seen[rid] = "%s %s" % (method, path)
        if r.status >= 400 and isinstance(r.body, dict) and "request_id" in r.body:
            eq(r.body["request_id"], rid, "problem request_id vs X-Request-Id")
    r = srv.req("GET", "/", headers={"If-None-Match": srv.req("GET", "/").header("ETag")})
    eq(r.status, 304, "conditional GET")
    check(r.header("X-Request-Id"), "no X-Request-Id on a 304")


def test_a_client_request_id_cannot_inject_into_the_logs_or_headers(srv):
    r = srv.req("GET", "/api/v1/projects", token=srv.admin_token(),
                headers={"X-Request-Id": "evil value with spaces\" level=error msg=forged"})
    expect(r, 200)
    rid = r.header("X-Request-Id")
    check(rid and " " not in rid and '"' not in rid, "X-Request-Id echoes unsafe client input: %r" % rid)
    check("msg=forged" not in srv.log(), "the client's request id reached the log unescaped")


def test_healthz_answers_ok(srv):
    r = srv.req("GET", "/healthz")
    eq(expect(r, 200), {"status": "ok"}, "/healthz body")
    check((r.header("Content-Type") or "").startswith("application/json"), "/healthz Content-Type")


def test_readyz_reports_the_schema_version(srv):
    b = expect(srv.req("GET", "/readyz"), 200)
    eq(b.get("status"), "ready", "/readyz status")
    check(isinstance(b.get("schema_version"), int) and b["schema_version"] >= 1, "schema_version %r" % b)


def test_api_responses_are_not_cached_and_are_json(srv):
    for path, kw in (("/api/v1/projects", {"token": srv.admin_token()}), ("/api/v1/projects", {}),
                     ("/api/v1/auth/me", {"token": srv.admin_token()})):
        r = srv.req("GET", path, **kw)
        eq((r.header("Cache-Control") or "").lower(), "no-store", "Cache-Control of %s (%d)" % (path, r.status))
        want = "application/json" if r.status == 200 else "application/problem+json"
        eq((r.header("Content-Type") or "").split(";")[0].strip().lower(), want, "Content-Type of %s" % path)
        eq((r.header("X-Content-Type-Options") or "").lower(), "nosniff", "nosniff on %s" % path)


def test_error_answers_are_never_cached(srv):
    """8.27: 404 and 405 (and 400 for an undecodable target), API or
    static, carry Cache-Control: no-store like every other API answer."""
    cases = (("GET", b"/api/v1/no-such-route", 404),
             ("DELETE", b"/api/v1/projects", 405),
             ("POST", b"/healthz", 405),
             ("GET", b"/no-such-file.html", 404),
             ("POST", b"/index.html", 405),
             ("GET", b"/api/v1/projects/a%00b", 400))
    for method, target, status in cases:
        head = (method.encode() + b" " + target + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                b"Content-Length: 0\r\nConnection: close\r\n\r\n")
        r = moat.raw_http(srv.port, head)
        check(r is not None, "no answer to %s %r" % (method, target))
        eq(r.status, status, "status of %s %r" % (method, target))
        eq((r.header("Cache-Control") or "").lower(), "no-store",
           "Cache-Control of %s %r (%d)" % (method, target, r.status))
        if status == 405:
            check(r.header("Allow"), "405 without Allow for %s %r" % (method, target))


def test_head_is_answered_on_every_get_api_route_like_get(srv):
    """8.27: the contract documents HEAD wherever GET is; the server answers
    HEAD with GET's status and headers and no body."""
    tok = srv.admin_token()
    for path in ("/api/v1/projects", "/api/v1/auth/me", "/healthz", "/readyz", "/metrics",
                 "/api/v1/audit?limit=1"):
        g = srv.req("GET", path, token=tok)
        hd = (b"HEAD " + path.encode() + b" HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
              + tok.encode() + b"\r\nConnection: close\r\n\r\n")
        h = moat.raw_http(srv.port, hd, head_only=True)
        check(h is not None, "no answer to HEAD %s" % path)
        eq(h.status, g.status, "HEAD %s status" % path)
        eq(h.body, b"", "HEAD %s body" % path)
        eq((h.header("Content-Type") or "").split(";")[0], (g.header("Content-Type") or "").split(";")[0],
           "HEAD %s Content-Type" % path)
        eq((h.header("Cache-Control") or "").lower(), "no-store", "HEAD %s Cache-Control" % path)


METRIC_RE = re.compile(r'^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})?\s+(\S+)(\s+\d+)?$')
LABEL_RE = re.compile(r'([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"')


def _metrics(srv):
    r = srv.req("GET", "/metrics")
    expect(r, 200)
    ct = (r.header("Content-Type") or "").replace(" ", "").lower()
    check(ct.startswith("text/plain") and "version=0.0.4" in ct, "/metrics Content-Type %r" % ct)
    samples = []
    for line in r.body.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        m = METRIC_RE.match(line)
        check(m, "unparseable metrics line %r" % line)
        labels = dict(LABEL_RE.findall(m.group(3) or ""))
        samples.append((m.group(1), labels, float(m.group(4))))
    return r.body, samples


def _value(samples, name, **labels):
    return sum(v for n, l, v in samples if n == name and all(l.get(k) == x for k, x in labels.items()))


def test_metrics_count_requests_by_route_and_status(srv):
    tok = srv.admin_token()
    slug = _proj(srv)
    _, s0 = _metrics(srv)
    route_labels = {l.get("route") for n, l, v in s0 if n == "moat_http_requests_total"}
    for _ in range(5):
        expect(srv.req("GET", "/api/v1/projects", token=tok), 200)
    for _ in range(3):
        expect(srv.req("GET", "/api/v1/projects/" + slug, token=tok), 200)
    for _ in range(2):
        expect(srv.req("GET", "/api/v1/projects"), 401)
    text, s1 = _metrics(srv)
    check("moat_http_requests_total" in text, "no moat_http_requests_total")
    d = _value(s1, "moat_http_requests_total", route="/api/v1/projects", method="GET", status="200") - \
        _value(s0, "moat_http_requests_total", route="/api/v1/projects", method="GET", status="200")
    eq(d, 5, "growth of requests_total{route=/api/v1/projects,method=GET,status=200}")
    d = _value(s1, "moat_http_requests_total", route="/api/v1/projects", method="GET", status="401") - \
        _value(s0, "moat_http_requests_total", route="/api/v1/projects", method="GET", status="401")
    eq(d, 2, "growth of requests_total{route=/api/v1/projects,status=401}")
    routes = {l.get("route") for n, l, v in s1 if n == "moat_http_requests_total"}
    check(slug not in " ".join(r or "" for r in routes), "a raw path is used as a route label: %r" % routes)
    pattern_routes = [r for r in routes if r and r.startswith("/api/v1/projects/") and "{" in r]
    check(pattern_routes, "no route pattern label for /api/v1/projects/{slug}: %r" % routes)
    check(route_labels <= routes, "route labels disappeared")


def test_metrics_do_not_grow_a_label_per_unknown_path(srv):
    marker = unique("zzcardinality")
    for i in range(5):
        srv.req("GET", "/api/v1/%s-%d" % (marker, i))
        srv.req("GET", "/%s-%d.html" % (marker, i))
    text, _ = _metrics(srv)
    check(marker not in text, "unknown paths became metric labels")


def test_metrics_have_a_latency_histogram(srv):
    tok = srv.admin_token()
    for _ in range(3):
        expect(srv.req("GET", "/api/v1/projects", token=tok), 200)
    text, samples = _metrics(srv)
    name = "moat_http_request_duration_seconds"
    buckets = [(l, v) for n, l, v in samples if n == name + "_bucket" and l.get("route") == "/api/v1/projects"]
    check(buckets, "no %s_bucket for route /api/v1/projects" % name)
    check(all("le" in l for l, v in buckets), "a bucket without le")
    # per label set (other than le), buckets are cumulative and end at +Inf == _count
    groups = {}
    for l, v in buckets:
        key = tuple(sorted((k, x) for k, x in l.items() if k != "le"))
        groups.setdefault(key, []).append((float("inf") if l["le"] == "+Inf" else float(l["le"]), v))
    for key, bs in groups.items():
        bs.sort()
        check(len(bs) >= 5, "only %d buckets" % len(bs))
        eq(bs[-1][0], float("inf"), "last bucket le")
        vals = [v for _, v in bs]
        check(vals == sorted(vals), "buckets are not cumulative: %r" % bs)
        labels = dict(key)
        count = _value(samples, name + "_count", **labels)
        eq(bs[-1][1], count, "+Inf bucket vs _count for %r" % (labels,))
        check(any(n == name + "_sum" and all(l.get(k) == x for k, x in labels.items()) for n, l, v in samples),
              "no _sum for %r" % (labels,))
    total = sum(bs[-1][1] for bs in groups.values())
    check(total >= 3, "the histogram counted %s requests of /api/v1/projects" % total)


def test_concurrent_requests_are_all_answered(srv):
    tok = srv.admin_token()
    errors = []

    def worker():
        try:
            conn = srv.conn()
            for i in range(25):
                r = srv.req("GET", "/api/v1/projects" if i % 2 else "/index.html",
                            token=tok if i % 2 else None, conn=conn)
                if r.status != 200:
                    errors.append(r.describe())
            conn.close()
        except Exception as e:  # reported below
            errors.append(repr(e))

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    check(not errors, "%d failures, first: %s" % (len(errors), errors[:1]))


def test_the_request_log_is_logfmt_with_id_method_route_status_and_duration(srv):
    r = srv.req("GET", "/api/v1/projects", token=srv.admin_token())
    rid = r.header("X-Request-Id")
    deadline = time.monotonic() + 5  # the line is written when the request completes
    lines = []
    while not lines and time.monotonic() < deadline:
        lines = [l for l in srv.log().splitlines() if rid in l and "status=" in l]
        time.sleep(0.02)
    check(lines, "no log line carries request id %s" % rid)
    line = lines[-1]
    kv = dict(re.findall(r'(\w+)=("(?:[^"\\]|\\.)*"|\S+)', line))
    for k in ("method", "route", "status"):
        check(k in kv, "log line lacks %s=: %r" % (k, line))
    eq(kv["method"], "GET", "logged method")
    eq(kv["status"], "200", "logged status")
    eq(kv["route"].strip('"'), "/api/v1/projects", "logged route")
    check(any(k.startswith("dur") or k in ("ms", "elapsed", "latency") for k in kv), "no duration in %r" % line)
    check(srv.admin_token() not in srv.log(), "the log contains a bearer token")


def _log_line_of(srv, rid):
    deadline = time.monotonic() + 5  # the line is written when the request completes
    while time.monotonic() < deadline:
        lines = [l for l in srv.log().splitlines() if rid in l and "status=" in l]
        if lines:
            return lines[-1]
        time.sleep(0.02)
    check(False, "no log line carries request id %s" % rid)


def test_bytes_above_ascii_in_the_request_line_are_escaped_in_the_log(srv):
    """8.7: a request line with UTF-8 and with invalid bytes is logged as
    ASCII escapes, so that every log line is valid UTF-8 (the harness
    decodes moatd's stderr as UTF-8 and would show U+FFFD for a raw byte)."""
    for method, target in ((b"GET", b"/caf\xc3\xa9\xff\x80/x"),
                           (b"GET", b"/api/v1/caf\xc3\xa9\xfe"),
                           (b"G\xc3\xa9T", b"/api/v1/projects")):
        r = moat.raw_get(srv.port, target, method=method)
        check(r is not None, "no answer to %r %r" % (method, target))
        rid = r.header("X-Request-Id")
        check(rid, "no X-Request-Id: %r" % (r.raw[:200],))
        line = _log_line_of(srv, rid)
        check(all(0x20 <= ord(c) < 0x7f for c in line),
              "the log line holds raw bytes >= 0x80 or control bytes: %r" % line)
        if b"caf" in target:
            check("caf\\xc3\\xa9" in line, "the path's UTF-8 is not escaped: %r" % line)
        else:
            check("G\\xc3\\xa9T" in line, "the method's UTF-8 is not escaped: %r" % line)
