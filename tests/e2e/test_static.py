"""The dashboard's static files: content, types, ETag/304, caching and
security headers; and no request ever escapes the web root.

The server of this module serves a temporary copy of the web root with a
few extra files and symlinks pointing outside it; next to the root lies
a secret file no request may reveal. The chart library (--chart-js) is
a file outside the root, as Debian's libjs-chart.js installs it.
"""

import os
import shutil

import moat
from moat import check, eq, expect

SECRET = "MOAT-E2E-SECRET-0f1e2d3c4b5a"
_paths = {}
CHART = "/*! Chart.js stand-in */ window.Chart = function () {};\n"
DEBIAN_CHART = "/usr/share/javascript/chart.js/chart.min.js"


def server_kwargs(tmpdir):
    root = os.path.join(tmpdir, "webroot")
    shutil.copytree(moat.CONFIG.web_root, root, symlinks=False)
    outside = os.path.join(tmpdir, "outside")
    os.makedirs(outside)
    for p in (os.path.join(tmpdir, "secret.txt"), os.path.join(outside, "secret.txt")):
        with open(p, "w") as f:
            f.write(SECRET + "\n")
    files = {"e2e.js": "export const x = 1;\n", "e2e.css": "body { color: #123; }\n",
             "e2e.svg": '<svg xmlns="http://www.w3.org/2000/svg"/>\n', "e2e.json": '{"a": 1}\n',
             "e2e.bin": "\x00\x01binary", "assets/e2e-inner.txt": "inner file\n"}
    for name, content in files.items():
        p = os.path.join(root, name)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "w") as f:
            f.write(content)
    os.symlink(os.path.join(tmpdir, "secret.txt"), os.path.join(root, "escape.txt"))
    os.symlink(outside, os.path.join(root, "outdir"))
    os.symlink("/etc/passwd", os.path.join(root, "passwd"))
    os.symlink("/etc", os.path.join(root, "etc"))
    os.symlink("../secret.txt", os.path.join(root, "assets", "up.txt"))
    chart = os.path.join(outside, "chart.min.js")
    with open(chart, "w") as f:
        f.write(CHART)
    _paths["root"] = root
    return {"web_root": root, "extra_args": ["--chart-js", chart]}


def _file(name):
    with open(os.path.join(_paths["root"], name), "rb") as f:
        return f.read()


def _csp_directives(value):
    out = {}
    for part in (value or "").split(";"):
        words = part.split()
        if words:
            out[words[0].lower()] = words[1:]
    return out


def test_root_serves_index_html_with_security_headers(srv):
    check(os.path.exists(os.path.join(moat.CONFIG.web_root, "index.html")), "the web root has no index.html")
    r = srv.req("GET", "/")
    expect(r, 200)
    eq(r.raw, _file("index.html"), "GET / body")
    eq((r.header("Content-Type") or "").split(";")[0].strip().lower(), "text/html", "Content-Type of /")
    check(r.header("Cache-Control"), "no Cache-Control on /")
    eq((r.header("X-Content-Type-Options") or "").lower(), "nosniff", "X-Content-Type-Options")
    eq((r.header("Referrer-Policy") or "").lower(), "no-referrer", "Referrer-Policy")
    csp = r.header("Content-Security-Policy")
    check(csp, "no Content-Security-Policy on /")
    d = _csp_directives(csp)
    eq(d.get("frame-ancestors"), ["'none'"], "CSP frame-ancestors")
    check("unsafe-inline" not in csp and "unsafe-eval" not in csp, "CSP allows inline/eval: %r" % csp)
    script = d.get("script-src", d.get("default-src"))
    eq(script, ["'self'"], "CSP script-src")
    eq(d.get("object-src"), ["'none'"], "CSP object-src")
    eq(d.get("base-uri"), ["'none'"], "CSP base-uri")
    check("*" not in csp.split(), "CSP has a wildcard source: %r" % csp)
    r2 = srv.req("GET", "/index.html")
    expect(r2, 200)
    eq(r2.raw, r.raw, "/index.html body")


def test_the_placeholder_page_has_no_inline_script(srv):
    html = _file("index.html").decode("utf-8", "replace").lower()
    import re
    for m in re.finditer(r"<script\b([^>]*)>(.*?)</script>", html, re.S):
        check("src=" in m.group(1) and not m.group(2).strip(), "inline <script> in index.html: %r" % m.group(0)[:200])
    check(not re.search(r"\son[a-z]+\s*=", html), "inline event handler attribute in index.html")


def test_content_types_follow_the_extension(srv):
    want = {"/e2e.js": ("text/javascript", "application/javascript"), "/e2e.css": ("text/css",),
            "/e2e.svg": ("image/svg+xml",), "/e2e.json": ("application/json",),
            "/e2e.bin": ("application/octet-stream",), "/assets/e2e-inner.txt": ("text/plain",)}
    for path, types in want.items():
        r = srv.req("GET", path)
        expect(r, 200)
        eq(r.raw, _file(path[1:]), "body of " + path)
        ct = (r.header("Content-Type") or "").split(";")[0].strip().lower()
        check(ct in types, "%s: Content-Type %r, want one of %r" % (path, ct, types))
        eq((r.header("X-Content-Type-Options") or "").lower(), "nosniff", "nosniff on " + path)
        check(r.header("Content-Security-Policy"), "no CSP on " + path)


def test_etag_and_if_none_match_give_304(srv):
    r = srv.req("GET", "/e2e.css")
    expect(r, 200)
    etag = r.header("ETag")
    check(etag and etag.startswith('"') and etag.endswith('"') and len(etag) > 2, "ETag not quoted: %r" % etag)
    r2 = srv.req("GET", "/e2e.css", headers={"If-None-Match": etag})
    expect(r2, 304)
    eq(r2.raw, b"", "304 body")
    eq(r2.header("ETag"), etag, "ETag on 304")
    r3 = srv.req("GET", "/e2e.css", headers={"If-None-Match": '"something-else"'})
    expect(r3, 200)
    eq(r3.raw, _file("e2e.css"), "body with a stale If-None-Match")
    r4 = srv.req("GET", "/e2e.css", headers={"If-None-Match": '"other", ' + etag})
    expect(r4, 304)
    other = srv.req("GET", "/e2e.js").header("ETag")
    check(other and other != etag, "two files share the ETag %r" % etag)
    root = srv.req("GET", "/")
    expect(srv.req("GET", "/", headers={"If-None-Match": root.header("ETag")}), 304)


def test_head_gives_the_headers_without_a_body(srv):
    g = srv.req("GET", "/e2e.js")
    r = moat.raw_http(srv.port, b"HEAD /e2e.js HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
                      head_only=True)
    check(r is not None, "no response to HEAD")
    eq(r.status, 200, "HEAD status")
    eq(r.body, b"", "HEAD body")
    eq(r.header("Content-Length"), str(len(g.raw)), "HEAD Content-Length")
    eq(r.header("ETag"), g.header("ETag"), "HEAD ETag")


def test_a_missing_file_is_not_found(srv):
    for path in ("/nope.html", "/assets/nope.js", "/e2e.css/", "/e2e.css/x"):
        r = srv.req("GET", path)
        check(r.status == 404, "%s: %s" % (path, r.describe()))


def test_a_directory_is_never_listed(srv):
    for path in ("/assets", "/assets/"):
        r = srv.req("GET", path)
        check(r.status in (301, 302, 308, 403, 404), "%s: %s" % (path, r.describe()))
        check(b"e2e-inner.txt" not in r.raw, "%s lists the directory" % path)


def test_a_wrong_method_on_a_static_file_is_405(srv):
    for m in ("POST", "PUT", "DELETE"):
        r = srv.req(m, "/index.html", raw_body=b"x", content_type="text/plain")
        moat.expect_problem(r, 405, "method_not_allowed")
        allow = [a.strip().upper() for a in (r.header("Allow") or "").split(",")]
        check("GET" in allow and "HEAD" in allow, "Allow %r" % r.header("Allow"))


TRAVERSALS = [
    "/../etc/passwd",
    "/../../../../../../etc/passwd",
    "/../secret.txt",
    "/%2e%2e/secret.txt",
    "/%2e%2e/%2e%2e/etc/passwd",
    "/%2E%2E/%2E%2E/%2E%2E/%2E%2E/etc/passwd",
    "/.%2e/secret.txt",
    "/%2e./secret.txt",
    "/%252e%252e/etc/passwd",
    "/%252e%252e/secret.txt",
    "/%25252e%25252e/secret.txt",
    "/..%2fetc/passwd",
    "/..%2f..%2f..%2f..%2fetc%2fpasswd",
    "/..%2Fsecret.txt",
    "/assets/..%2f..%2fsecret.txt",
    "/assets/../../secret.txt",
    "/./../secret.txt",
    "/..\\..\\etc\\passwd",
    "/..\\secret.txt",
    "/%5c..%5cetc",
    "/%5c..%5csecret.txt",
    "/..%5c..%5cetc%5cpasswd",
    "/..%5csecret.txt",
    "/index.html%00.png",
    "/index.html%00",
    "/..%00/secret.txt",
    "/%c0%ae%c0%ae/secret.txt",
    "/%c0%af..%c0%afsecret.txt",
    "/..%c0%afsecret.txt",
    "//etc/passwd",
    "/%2fetc%2fpasswd",
    "/escape.txt",
    "/outdir/secret.txt",
    "/passwd",
    "/etc/passwd",
    "/etc/hostname",
    "/assets/up.txt",
    "/outdir/",
    "/outdir",
]


def _leaks(body):
    return SECRET.encode() in body or b"root:" in body or b"secret.txt" in body


def test_no_request_escapes_the_web_root(srv):
    bad = []
    for target in TRAVERSALS:
        r = moat.raw_get(srv.port, target)
        if r is None:
            bad.append("%s: connection closed without a response" % target)
            continue
        if _leaks(r.body) or _leaks(r.raw):
            bad.append("%s: LEAKED the file (%d)" % (target, r.status))
        elif r.status not in (400, 404):
            bad.append("%s: status %d, want 400 or 404" % (target, r.status))
    check(not bad, "traversal attempts:\n  " + "\n  ".join(bad))
    expect(srv.req("GET", "/healthz"), 200)


def test_traversal_in_the_request_target_forms_is_refused(srv):
    """Targets http.client would never send: no leading slash, absolute form,
    a raw backslash and a raw NUL in the request line."""
    bad = []
    for target in (b"../secret.txt", b"http://127.0.0.1/../secret.txt", b"\\..\\secret.txt",
                   b"/index.html\x00.png", b"/..;/secret.txt", b"/.../secret.txt"):
        r = moat.raw_get(srv.port, target)
        if r is None:
            continue  # closing the connection is a refusal too
        if _leaks(r.raw):
            bad.append("%r: LEAKED the file (%d)" % (target, r.status))
        elif r.status not in (400, 404):
            bad.append("%r: status %d" % (target, r.status))
    check(not bad, "\n  ".join(bad))
    expect(srv.req("GET", "/healthz"), 200)


def test_a_query_string_does_not_change_the_file(srv):
    r = srv.req("GET", "/e2e.js?v=123")
    expect(r, 200)
    eq(r.raw, _file("e2e.js"), "body of /e2e.js?v=123")


def test_the_chart_library_is_served_from_outside_the_web_root(srv):
    r = srv.req("GET", "/vendor/chart.js")
    expect(r, 200)
    eq(r.raw, CHART.encode(), "body of /vendor/chart.js")
    eq((r.header("Content-Type") or "").split(";")[0].strip().lower(), "text/javascript", "its Content-Type")
    eq((r.header("X-Content-Type-Options") or "").lower(), "nosniff", "nosniff on the chart library")
    cc = r.header("Cache-Control") or ""
    import re
    m = re.search(r"max-age=(\d+)", cc)
    check(m and int(m.group(1)) >= 86400 and "public" in cc, "a long cache lifetime: %r" % cc)
    etag = r.header("ETag")
    check(etag, "no ETag on the chart library")
    expect(srv.req("GET", "/vendor/chart.js", headers={"If-None-Match": etag}), 304)
    # the rest of the library's directory is not served, nor the file under its own name
    for path in ("/vendor/", "/vendor/chart.min.js", "/chart.min.js", "/outside/chart.min.js"):
        check(srv.req("GET", path).status == 404, "%s is served" % path)


def test_a_missing_chart_library_is_a_clear_404_and_a_log_line(srv):
    with moat.server(extra_args=["--chart-js", "/nonexistent/chart.min.js"]) as s:
        r = s.req("GET", "/vendor/chart.js")
        moat.expect_problem(r, 404, "not_found")
        check("chart library" in (r.body.get("detail") or ""), "the 404 says why: %s" % r.describe())
        check("chart library not found" in s.log() and "/nonexistent/chart.min.js" in s.log(),
              "no log line names the missing file: %s" % s.log_tail())
        expect(s.req("GET", "/"), 200)


def test_by_default_the_debian_package_file_is_served(srv):
    check(os.path.exists(DEBIAN_CHART), "libjs-chart.js is not installed (scripts/deps.sh installs it)")
    with moat.server() as s:
        r = s.req("GET", "/vendor/chart.js")
        expect(r, 200)
        with open(DEBIAN_CHART, "rb") as f:
            eq(r.raw, f.read(), "/vendor/chart.js is the package's chart.min.js")
        head = r.raw[:200].decode("utf-8", "replace")
        check("Chart.js v3." in head, "not Chart.js 3: %r" % head)
