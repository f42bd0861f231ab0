"""Policy as code over REST: the safe default, push and read back, both
forms, validation with JSON paths, If-Match, dry run, identical pushes,
versions and rollback, messages, ETag/304, audit, the role matrix, archived
projects, and the serverless agents' policy route."""

import hashlib
import json
import threading

import moat
from moat import check, eq, expect, expect_problem, unique

INTERCEPTORS = ["sql_injection", "nosql_injection", "xss", "ssrf", "path_traversal",
                "command_injection", "llm_prompt_injection"]
VERSION_KEYS = {"version", "sha256", "author", "message", "rollback_of", "created_at"}


def safe_default():
    ic = {}
    for name in INTERCEPTORS:
        ic[name] = {"mode": "monitor", "notify": False}
    ic["ssrf"]["allow_hosts"] = []
    ic["llm_prompt_injection"]["threshold"] = 0.8
    return {"interceptors": ic, "denylist": {"ips": [], "users": []}, "exclusions": []}


def with_modes(modes=None, notify=None, **rest):
    """The safe default with some interceptors' mode/notify changed."""
    d = safe_default()
    for name, m in (modes or {}).items():
        d["interceptors"][name]["mode"] = m
    for name, n in (notify or {}).items():
        d["interceptors"][name]["notify"] = n
    d.update(rest)
    return d


def canonical(doc):
    return json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def sha(doc):
    return hashlib.sha256(canonical(doc)).hexdigest()


# DESIGN.md's example, as written there
DESIGN_EXAMPLE = {
    "interceptors": {
        "sql_injection": {"mode": "block", "notify": True},
        "nosql_injection": {"mode": "block"},
        "xss": {"mode": "monitor"},
        "ssrf": {"mode": "block", "allow_hosts": ["api.internal"]},
        "path_traversal": {"mode": "block"},
        "command_injection": {"mode": "block", "notify": True},
        "llm_prompt_injection": {"mode": "monitor", "threshold": 0.8},
    },
    "denylist": {"ips": [{"value": "203.0.113.0/24"},
                         {"value": "198.51.100.7", "until": "2099-12-01T00:00:00Z"}],
                 "users": [{"value": "user-4711"}]},
    "exclusions": [{"interceptor": "xss", "endpoint": "/cms/*", "parameter": "body.html",
                    "on_match": "ignore", "reason": "rich text editor"}],
}


def design_example_normalised():
    d = safe_default()
    ic = d["interceptors"]
    ic["sql_injection"] = {"mode": "block", "notify": True}
    ic["nosql_injection"] = {"mode": "block", "notify": False}
    ic["ssrf"] = {"mode": "block", "notify": False, "allow_hosts": ["api.internal"]}
    ic["path_traversal"] = {"mode": "block", "notify": False}
    ic["command_injection"] = {"mode": "block", "notify": True}
    d["denylist"] = {"ips": [{"value": "203.0.113.0/24"},
                             {"value": "198.51.100.7", "until": "2099-12-01T00:00:00Z"}],
                     "users": [{"value": "user-4711"}]}
    d["exclusions"] = [{"interceptor": "xss", "endpoint": "/cms/*", "parameter": "body.html",
                        "on_match": "ignore", "reason": "rich text editor"}]
    return d


# -- helpers


def _tok(srv):
    return {"token": srv.admin_token()}


def ppath(slug, env="production", suffix=""):
    return "/api/v1/projects/%s/environments/%s/policy%s" % (slug, env, suffix)


def new_project(srv, prefix="pol"):
    slug = unique(prefix)
    srv.create_project(slug)
    return slug


def new_env(srv, slug, name=None):
    name = name or unique("env")[:40]
    expect(srv.req("POST", "/api/v1/projects/%s/environments" % slug, {"name": name}, **_tok(srv)), 201)
    return name


def get_policy(srv, slug, env="production", **auth):
    r = srv.req("GET", ppath(slug, env), **(auth or _tok(srv)))
    expect(r, 200)
    return r


def put(srv, slug, env, doc, status=200, headers=None, query="", **auth):
    r = srv.req("PUT", ppath(slug, env) + query, doc, headers=headers, **(auth or _tok(srv)))
    expect(r, status)
    return r


def versions(srv, slug, env="production", query=""):
    return expect(srv.req("GET", ppath(slug, env, "/versions" + query), **_tok(srv)), 200)


def current_version(srv, slug, env="production"):
    return int(get_policy(srv, slug, env).header("X-Moat-Policy-Version"))


def check_document_response(r, version, doc):
    """A GET of the policy: ETag, version and sha256 headers, the bare
    canonical document."""
    eq(r.header("ETag"), '"%d"' % version, "ETag of %s" % r.path)
    eq(r.header("X-Moat-Policy-Version"), str(version), "X-Moat-Policy-Version of %s" % r.path)
    eq(r.body, doc, "document of %s" % r.path)
    eq(r.header("X-Moat-Policy-Sha256"), hashlib.sha256(r.raw).hexdigest(),
       "X-Moat-Policy-Sha256 vs the SHA-256 of the bytes served")
    eq(r.header("X-Moat-Policy-Sha256"), sha(doc), "X-Moat-Policy-Sha256 vs the canonical JSON")


def _audit(srv, query):
    return expect(srv.req("GET", "/api/v1/audit" + query, **_tok(srv)), 200)["entries"]


_roles = {}


def roles(srv):
    """Users, tokens and projects for the role tests (once per server)."""
    st = _roles.get(id(srv))
    if st:
        return st
    st = {"P": new_project(srv, "polr-p"), "Q": new_project(srv, "polr-q")}
    vuser, vpw = srv.create_user(unique("pviewer") + "@example.com", "viewer")
    euser, epw = srv.create_user(unique("peditor") + "@example.com", "editor")

    def ptoken(project, kind):
        return expect(srv.req("POST", "/api/v1/projects/%s/tokens" % project,
                              {"kind": kind, "name": kind + "-" + project}, **_tok(srv)), 201)["token"]

    st["editor_email"] = euser["email"]
    st["auth"] = {
        "anonymous": {},
        "viewer": {"session": srv.login(vuser["email"], vpw)},
        "editor": {"session": srv.login(euser["email"], epw)},
        "admin": {"session": srv.admin()},
        "admin_token": {"token": srv.admin_token()},
        "ci": {"token": ptoken(st["P"], "ci")},
        "ci_other": {"token": ptoken(st["Q"], "ci")},
        "agent": {"token": ptoken(st["P"], "agent")},
    }
    _roles[id(srv)] = st
    return st


# -- the safe default


def test_a_new_project_production_starts_at_version_1_with_the_safe_default(srv):
    slug = new_project(srv)
    r = get_policy(srv, slug)
    check_document_response(r, 1, safe_default())
    eq(r.raw, canonical(safe_default()), "the document is served as canonical JSON")
    vs = versions(srv, slug)
    eq([v["version"] for v in vs["versions"]], [1], "versions of a new environment")
    v = vs["versions"][0]
    check(VERSION_KEYS <= set(v), "version entry lacks %r: %r" % (VERSION_KEYS - set(v), v))
    eq(v["sha256"], sha(safe_default()), "sha256 of version 1")
    eq(v["rollback_of"], None, "rollback_of of version 1")
    moat.parse_time(v["created_at"])
    eq(vs["next_before"], None, "next_before with one version")


def test_a_new_environment_starts_at_version_1_with_the_safe_default(srv):
    slug = new_project(srv)
    put(srv, slug, "production", with_modes({"xss": "block"}))
    env = new_env(srv, slug, "staging")
    check_document_response(get_policy(srv, slug, env), 1, safe_default())
    eq([v["version"] for v in versions(srv, slug, env)["versions"]], [1], "versions of the new environment")
    eq(current_version(srv, slug), 2, "production is untouched by the new environment")


def test_an_unknown_project_or_environment_is_not_found(srv):
    slug = new_project(srv)
    for method, path, body in (
            ("GET", ppath(slug, "nope"), None),
            ("PUT", ppath(slug, "nope"), safe_default()),
            ("GET", ppath(slug, "nope", "/versions"), None),
            ("GET", ppath(slug, "nope", "/versions/1"), None),
            ("POST", ppath(slug, "nope", "/rollback"), {"version": 1}),
            ("GET", ppath("no-such-project", "production"), None),
            ("PUT", ppath("no-such-project", "production"), safe_default()),
            ("GET", ppath(slug, "production", "/versions/2"), None),
            ("GET", ppath(slug, "production", "/versions/0"), None),
            ("GET", ppath(slug, "production", "/versions/abc"), None)):
        expect_problem(srv.req(method, path, body, **_tok(srv)), 404, "not_found")


# -- push and read back


def test_a_pushed_policy_is_read_back_normalised_with_its_version_and_sha256(srv):
    slug = new_project(srv)
    r = put(srv, slug, "production", DESIGN_EXAMPLE)
    want = design_example_normalised()
    eq(r.body, {"version": 2, "sha256": sha(want), "changed": True}, "PUT response")
    eq(r.header("ETag"), '"2"', "ETag of the PUT response")
    g = get_policy(srv, slug)
    check_document_response(g, 2, want)
    one = expect(srv.req("GET", ppath(slug, "production", "/versions/2"), **_tok(srv)), 200)
    eq(one["document"], want, "versions/2 document")
    eq(one["version"], 2, "versions/2 version")
    eq(one["sha256"], sha(want), "versions/2 sha256")
    check(VERSION_KEYS <= set(one), "versions/2 lacks %r" % (VERSION_KEYS - set(one)))
    old = expect(srv.req("GET", ppath(slug, "production", "/versions/1"), **_tok(srv)), 200)
    eq(old["document"], safe_default(), "versions/1 is still the safe default")


def test_values_are_normalised_cidrs_times_thresholds_and_defaults(srv):
    slug = new_project(srv)
    doc = {
        "interceptors": {"llm_prompt_injection": {"mode": "block", "threshold": 0.12345},
                         "ssrf": {"mode": "off"}},
        "denylist": {"ips": [{"value": "203.0.113.77/24"}, {"value": "2001:DB8::1/32"},
                             {"value": "10.1.2.3"},
                             {"value": "192.0.2.1", "until": "2099-12-01T01:00:00+01:00"}],
                     "users": [{"value": "user-1", "until": "2099-01-01T00:00:00Z"}]},
        "exclusions": [{"interceptor": "sql_injection", "endpoint": "/search", "source": "10.9.8.7/8"},
                       {"interceptor": "ssrf", "endpoint": "*", "on_match": "monitor"}],
    }
    r = put(srv, slug, "production", doc)
    want = safe_default()
    want["interceptors"]["llm_prompt_injection"] = {"mode": "block", "notify": False, "threshold": 0.123}
    want["interceptors"]["ssrf"] = {"mode": "off", "notify": False, "allow_hosts": []}
    want["denylist"] = {"ips": [{"value": "203.0.113.0/24"}, {"value": "2001:db8::/32"},
                                {"value": "10.1.2.3"},
                                {"value": "192.0.2.1", "until": "2099-12-01T00:00:00Z"}],
                        "users": [{"value": "user-1", "until": "2099-01-01T00:00:00Z"}]}
    want["exclusions"] = [{"interceptor": "sql_injection", "endpoint": "/search", "source": "10.0.0.0/8",
                           "on_match": "ignore"},
                          {"interceptor": "ssrf", "endpoint": "*", "on_match": "monitor"}]
    eq(r.body["sha256"], sha(want), "sha256 of the normalised document")
    check_document_response(get_policy(srv, slug), r.body["version"], want)


def test_the_compact_form_is_normalised_in_both_spellings(srv):
    slug = new_project(srv)
    env = new_env(srv, slug)
    # the CamelCase spelling, BlockAndAlert: the named ones block and notify, the rest are off
    r = put(srv, slug, env, {"Interceptors": ["SqlInjection", "XSS", "CommandInjection", "SSRF",
                                              "LLMPromptInjection"], "ThreatAction": "BlockAndAlert"})
    want = safe_default()
    for name in INTERCEPTORS:
        want["interceptors"][name]["mode"] = "off"
    for name in ("sql_injection", "xss", "command_injection", "ssrf", "llm_prompt_injection"):
        want["interceptors"][name]["mode"] = "block"
        want["interceptors"][name]["notify"] = True
    eq(r.body, {"version": 2, "sha256": sha(want), "changed": True}, "PUT of the CamelCase compact form")
    check_document_response(get_policy(srv, slug, env), 2, want)

    # the kebab-case spelling, every interceptor, BlockAndLog
    r = put(srv, slug, env, {"Interceptors": ["sql", "nosql", "xss", "ssrf", "path-traversal",
                                              "command-injection", "llm-prompt-injection"],
                             "ThreatAction": "BlockAndLog"})
    want = with_modes({n: "block" for n in INTERCEPTORS})
    eq(r.body, {"version": 3, "sha256": sha(want), "changed": True}, "PUT of the kebab-case compact form")
    check_document_response(get_policy(srv, slug, env), 3, want)

    # LogOnly with every interceptor is exactly the safe default
    d = expect(srv.req("PUT", ppath(slug, env) + "?dry_run=true",
                       {"Interceptors": ["sql", "nosql", "xss", "ssrf", "path-traversal",
                                         "command-injection", "llm-prompt-injection"],
                        "ThreatAction": "LogOnly"}, **_tok(srv)), 200)
    eq(d["document"], safe_default(), "LogOnly with every interceptor")

    # the same policy in the full form is the same document: no new version
    r = put(srv, slug, env, with_modes({n: "block" for n in INTERCEPTORS}))
    eq(r.body, {"version": 3, "sha256": sha(want), "changed": False}, "the full form of the same policy")


# -- validation


VALIDATION_CASES = [
    ("unknown interceptor", {"interceptors": {"sqli": {"mode": "block"}}}, "$.interceptors.sqli"),
    ("bad mode", {"interceptors": {"xss": {"mode": "deny"}}}, "$.interceptors.xss.mode"),
    ("mode missing", {"interceptors": {"xss": {"notify": True}}}, "$.interceptors.xss.mode"),
    ("mode not a string", {"interceptors": {"xss": {"mode": 1}}}, "$.interceptors.xss.mode"),
    ("interceptor not an object", {"interceptors": {"xss": "block"}}, "$.interceptors.xss"),
    ("notify not a boolean", {"interceptors": {"xss": {"mode": "block", "notify": "yes"}}},
     "$.interceptors.xss.notify"),
    ("unknown interceptor field", {"interceptors": {"xss": {"mode": "block", "threshold": 0.5}}},
     "$.interceptors.xss.threshold"),
    ("threshold above 1", {"interceptors": {"llm_prompt_injection": {"mode": "block", "threshold": 1.5}}},
     "$.interceptors.llm_prompt_injection.threshold"),
    ("threshold below 0", {"interceptors": {"llm_prompt_injection": {"mode": "block", "threshold": -0.1}}},
     "$.interceptors.llm_prompt_injection.threshold"),
    ("threshold not a number", {"interceptors": {"llm_prompt_injection": {"mode": "block", "threshold": "high"}}},
     "$.interceptors.llm_prompt_injection.threshold"),
    ("allow_hosts not a list", {"interceptors": {"ssrf": {"mode": "block", "allow_hosts": "a.b"}}},
     "$.interceptors.ssrf.allow_hosts"),
    ("allow_hosts entry with a slash", {"interceptors": {"ssrf": {"mode": "block", "allow_hosts": ["ok", "a/b"]}}},
     "$.interceptors.ssrf.allow_hosts[1]"),
    ("interceptors not an object", {"interceptors": ["xss"]}, "$.interceptors"),
    ("bad IPv4 address", {"denylist": {"ips": [{"value": "300.1.2.3"}]}}, "$.denylist.ips[0].value"),
    ("CIDR prefix too long", {"denylist": {"ips": [{"value": "10.0.0.0/24"}, {"value": "10.0.0.0/33"}]}},
     "$.denylist.ips[1].value"),
    ("IPv6 prefix too long", {"denylist": {"ips": [{"value": "2001:db8::/129"}]}}, "$.denylist.ips[0].value"),
    ("CIDR without prefix", {"denylist": {"ips": [{"value": "10.0.0.0/"}]}}, "$.denylist.ips[0].value"),
    ("host name as an IP", {"denylist": {"ips": [{"value": "example.com"}]}}, "$.denylist.ips[0].value"),
    ("ip value missing", {"denylist": {"ips": [{"until": "2099-12-01T00:00:00Z"}]}}, "$.denylist.ips[0].value"),
    ("ip entry not an object", {"denylist": {"ips": ["10.0.0.1"]}}, "$.denylist.ips[0]"),
    ("bad until", {"denylist": {"ips": [{"value": "10.0.0.1", "until": "tomorrow"}]}}, "$.denylist.ips[0].until"),
    ("until not a string", {"denylist": {"users": [{"value": "u", "until": 1767225600}]}},
     "$.denylist.users[0].until"),
    ("until without a zone", {"denylist": {"users": [{"value": "u", "until": "2026-12-01 00:00:00"}]}},
     "$.denylist.users[0].until"),
    ("unknown denylist entry field", {"denylist": {"users": [{"value": "u", "note": "x"}]}},
     "$.denylist.users[0].note"),
    ("empty user id", {"denylist": {"users": [{"value": ""}]}}, "$.denylist.users[0].value"),
    ("unknown denylist field", {"denylist": {"emails": []}}, "$.denylist.emails"),
    ("denylist not an object", {"denylist": []}, "$.denylist"),
    ("ips not a list", {"denylist": {"ips": {"value": "10.0.0.1"}}}, "$.denylist.ips"),
    ("exclusion with an unknown interceptor", {"exclusions": [{"interceptor": "csrf", "endpoint": "/x"}]},
     "$.exclusions[0].interceptor"),
    ("exclusion without an endpoint", {"exclusions": [{"interceptor": "xss"}]}, "$.exclusions[0].endpoint"),
    ("exclusion endpoint not a path", {"exclusions": [{"interceptor": "xss", "endpoint": "cms/*"}]},
     "$.exclusions[0].endpoint"),
    ("exclusion with a bad on_match", {"exclusions": [{"interceptor": "xss", "endpoint": "/x", "on_match": "drop"}]},
     "$.exclusions[0].on_match"),
    ("exclusion with a bad source", {"exclusions": [{"interceptor": "xss", "endpoint": "/x", "source": "10.0.0.0/40"}]},
     "$.exclusions[0].source"),
    ("exclusion with an unknown field", {"exclusions": [{"interceptor": "xss", "endpoint": "/x", "path": "/y"}]},
     "$.exclusions[0].path"),
    ("exclusion not an object", {"exclusions": [{"interceptor": "xss", "endpoint": "/x"}, "xss"]},
     "$.exclusions[1]"),
    ("exclusions not a list", {"exclusions": {"interceptor": "xss"}}, "$.exclusions"),
    ("unknown top-level field", {"interceptors": {}, "colour": "red"}, "$.colour"),
    ("compact form with an unknown name", {"Interceptors": ["sql", "csrf"], "ThreatAction": "LogOnly"},
     "$.Interceptors[1]"),
    ("compact form with a bad action", {"Interceptors": ["sql"], "ThreatAction": "Ignore"}, "$.ThreatAction"),
    ("compact form without a list", {"ThreatAction": "LogOnly"}, "$.Interceptors"),
    ("compact form with an unknown field", {"Interceptors": ["sql"], "ThreatAction": "LogOnly", "Mode": 1},
     "$.Mode"),
    ("a list instead of an object", [{"interceptors": {}}], "$"),
    ("a string instead of an object", "block everything", "$"),
    ("message not a string", {"interceptors": {}, "message": 42}, "$.message"),
    ("message too long", {"interceptors": {}, "message": "m" * 1001}, "$.message"),
]


def test_each_validation_problem_is_reported_with_its_json_path(srv):
    slug = new_project(srv)
    bad = []
    for what, doc, path in VALIDATION_CASES:
        r = srv.req("PUT", ppath(slug), doc, **_tok(srv))
        b = r.body if isinstance(r.body, dict) else {}
        paths = [e.get("path") for e in b.get("errors") or [] if isinstance(e, dict)]
        if r.status != 422 or b.get("code") != "validation_failed":
            bad.append("%s: want 422 validation_failed, got %s" % (what, r.describe()))
        elif paths != [path]:
            bad.append("%s: want errors at [%r], got %r" % (what, path, paths))
        else:
            expect_problem(r, 422, "validation_failed", path)
        # the same through a dry run
        d = srv.req("PUT", ppath(slug) + "?dry_run=true", doc, **_tok(srv))
        if d.status != 422:
            bad.append("%s (dry run): want 422, got %s" % (what, d.describe()))
    check(not bad, "validation:\n  " + "\n  ".join(bad))
    eq([v["version"] for v in versions(srv, slug)["versions"]], [1], "versions after invalid pushes")
    check_document_response(get_policy(srv, slug), 1, safe_default())


def test_every_problem_of_a_document_is_reported_at_once(srv):
    slug = new_project(srv)
    doc = {
        "interceptors": {"sqli": {"mode": "block"}, "xss": {"mode": "deny"},
                         "llm_prompt_injection": {"mode": "block", "threshold": 2}},
        "denylist": {"ips": [{"value": "10.0.0.0/33"}, {"value": "10.0.0.1", "until": "soon"}],
                     "users": [{"value": "u-1", "until": "2026-13-01T00:00:00Z"}]},
        "exclusions": [{"interceptor": "xss"}, {"interceptor": "nope", "endpoint": "/a", "on_match": "x"}],
        "colour": "red",
    }
    want = ["$.interceptors.sqli", "$.interceptors.xss.mode", "$.interceptors.llm_prompt_injection.threshold",
            "$.denylist.ips[0].value", "$.denylist.ips[1].until", "$.denylist.users[0].until",
            "$.exclusions[0].endpoint", "$.exclusions[1].interceptor", "$.exclusions[1].on_match", "$.colour"]
    r = srv.req("PUT", ppath(slug), doc, **_tok(srv))
    b = expect_problem(r, 422, "validation_failed")
    paths = [e["path"] for e in b["errors"]]
    eq(sorted(paths), sorted(want), "every problem's path")
    for e in b["errors"]:
        check(isinstance(e.get("message"), str) and e["message"], "error without a message: %r" % e)
    eq(current_version(srv, slug), 1, "version after an invalid push")


def test_a_malformed_body_is_refused_and_saves_nothing(srv):
    slug = new_project(srv)
    r = srv.req("PUT", ppath(slug), raw_body=b'{"interceptors": {', **_tok(srv))
    expect_problem(r, 400, "malformed_json")
    r = srv.req("PUT", ppath(slug), raw_body=b'{"interceptors": {}, "interceptors": {}}', **_tok(srv))
    expect(r, (400, 422))
    eq(current_version(srv, slug), 1, "version after malformed pushes")


def test_a_denylist_of_10000_entries_is_accepted_and_10001_are_refused(srv):
    slug = new_project(srv)
    ips = [{"value": "10.%d.%d.1" % (i // 256, i % 256)} for i in range(10001)]
    r = srv.req("PUT", ppath(slug), {"denylist": {"ips": ips}}, **_tok(srv))
    expect_problem(r, 422, "validation_failed", "$.denylist.ips")
    r = put(srv, slug, "production", {"denylist": {"ips": ips[:10000]}})
    eq((r.body["version"], r.body["changed"]), (2, True), "a denylist of 10000 addresses")
    eq(len(get_policy(srv, slug).body["denylist"]["ips"]), 10000, "addresses read back")


def test_a_policy_too_big_for_one_agent_message_is_refused(srv):
    # PROTOCOL.md: one message is at most 1 MiB (welcome.limits.max_message_bytes,
    # libmoatagent's MA_MAX_MESSAGE "one message, both directions"). The PUT
    # body is capped at 1 MiB, but normalisation adds defaults (on_match,
    # notify, the interceptors not named), so a body under the cap can become
    # a policy message no agent can take.
    slug = new_project(srv)
    doc = {"exclusions": [{"interceptor": "xss", "endpoint": "/x%d" % i} for i in range(1000)],
           "denylist": {"users": []}}
    # grown item by item up to just under the cap; the size is kept up to
    # date instead of dumping the whole document at every step (quadratic:
    # 50 s of the test's minute went there)
    size, i = len(json.dumps(doc, separators=(",", ":"))), 0
    while size < (1 << 20) - 400:
        item = {"value": ("u%05d" % i) + "x" * 240}
        doc["denylist"]["users"].append(item)
        size += len(json.dumps(item, separators=(",", ":"))) + (1 if i else 0)
        i += 1
    body = json.dumps(doc, separators=(",", ":")).encode()
    eq(len(body), size, "the body's size as counted while it grew")
    check(len(body) < 1 << 20, "the body is under the 1 MiB body limit")
    d = srv.req("PUT", ppath(slug) + "?dry_run=true", raw_body=body, **_tok(srv))
    message = 0
    if d.status == 200:
        message = len(b'{"type":"policy","version":2,"sha256":"%s","document":' % d.body["sha256"].encode()) \
            + len(canonical(d.body["document"])) + 1
    r = srv.req("PUT", ppath(slug), raw_body=body, **_tok(srv))
    check(r.status == 422, "a %d-byte body whose policy message would be %d bytes (over 1 MiB) was accepted: %s"
          % (len(body), message, r.describe()[:200]))
    expect_problem(r, 422, "validation_failed")
    eq(current_version(srv, slug), 1, "version after the refused push")


def test_concurrent_pushes_get_distinct_versions_and_one_if_match_wins(srv):
    slug = new_project(srv)
    results = []
    lock = threading.Lock()

    def push(i, if_match):
        h = {"If-Match": if_match} if if_match else None
        r = srv.req("PUT", ppath(slug), with_modes(denylist={"ips": [], "users": [{"value": "c-%d" % i}]}),
                    headers=h, **_tok(srv))
        with lock:
            results.append((r.status, r.body.get("version") if isinstance(r.body, dict) else None,
                            r.body.get("code") if isinstance(r.body, dict) else r.raw[:100]))

    threads = [threading.Thread(target=push, args=(i, '"1"')) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    ok = [x for x in results if x[0] == 200]
    eq(len(results), 8, "responses to eight racing If-Match pushes")
    eq([x[1] for x in ok], [2], "the one racing If-Match push that wins")
    eq(sorted(x[2] for x in results if x[0] != 200), ["precondition_failed"] * 7, "the ones that lose")
    results.clear()
    threads = [threading.Thread(target=push, args=(100 + i, None)) for i in range(12)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    eq(sorted(x[0] for x in results), [200] * 12, "statuses of twelve concurrent pushes")
    eq(sorted(x[1] for x in results), list(range(3, 15)), "versions of twelve concurrent pushes")
    eq([v["version"] for v in versions(srv, slug)["versions"]], list(range(14, 0, -1)), "stored versions")


# -- If-Match, dry run, identical content


def test_if_match_on_a_stale_version_is_412_and_on_the_current_one_succeeds(srv):
    slug = new_project(srv)
    put(srv, slug, "production", with_modes({"xss": "block"}))  # version 2
    r = srv.req("PUT", ppath(slug), with_modes({"xss": "off"}), headers={"If-Match": '"1"'}, **_tok(srv))
    expect_problem(r, 412, "precondition_failed")
    eq(current_version(srv, slug), 2, "version after a 412")
    eq(get_policy(srv, slug).body, with_modes({"xss": "block"}), "document after a 412")
    r = put(srv, slug, "production", with_modes({"xss": "off"}), headers={"If-Match": '"2"'})
    eq((r.body["version"], r.body["changed"]), (3, True), "PUT with the current If-Match")
    # an ETag straight from a GET works as If-Match
    etag = get_policy(srv, slug).header("ETag")
    r = put(srv, slug, "production", with_modes({"xss": "monitor", "ssrf": "block"}), headers={"If-Match": etag})
    eq(r.body["version"], 4, "PUT with the ETag of a GET")
    # the old ETag is stale now
    expect_problem(srv.req("PUT", ppath(slug), safe_default(), headers={"If-Match": etag}, **_tok(srv)),
                   412, "precondition_failed")
    expect_problem(srv.req("PUT", ppath(slug), safe_default(), headers={"If-Match": '"99"'}, **_tok(srv)),
                   412, "precondition_failed")
    expect_problem(srv.req("PUT", ppath(slug), safe_default(), headers={"If-Match": "latest"}, **_tok(srv)),
                   400, "bad_request")
    eq(current_version(srv, slug), 4, "version after refused pushes")


def test_a_dry_run_returns_the_document_and_diff_and_saves_nothing(srv):
    slug = new_project(srv)
    put(srv, slug, "production", with_modes({"xss": "block"}))  # version 2
    before_versions = versions(srv, slug)
    before_get = get_policy(srv, slug)
    before_audit = _audit(srv, "?project=%s&limit=500" % slug)
    new = with_modes({"xss": "block", "sql_injection": "block"}, {"sql_injection": True})
    new["denylist"] = {"ips": [{"value": "203.0.113.9"}], "users": []}
    r = srv.req("PUT", ppath(slug) + "?dry_run=true", new, **_tok(srv))
    b = expect(r, 200)
    eq(b["dry_run"], True, "dry_run")
    eq(b["changed"], True, "changed")
    eq(b["current_version"], 2, "current_version")
    eq(b["document"], new, "the normalised document")
    eq(b["sha256"], sha(new), "sha256 of the normalised document")
    diff = sorted(b["diff"], key=lambda d: d["path"])
    eq(diff, [
        {"path": "$.denylist.ips", "op": "change", "old": [], "new": [{"value": "203.0.113.9"}]},
        {"path": "$.interceptors.sql_injection.mode", "op": "change", "old": "monitor", "new": "block"},
        {"path": "$.interceptors.sql_injection.notify", "op": "change", "old": False, "new": True},
    ], "diff")
    # nothing saved
    eq(versions(srv, slug), before_versions, "versions after a dry run")
    after = get_policy(srv, slug)
    eq((after.header("ETag"), after.raw), (before_get.header("ETag"), before_get.raw), "GET after a dry run")
    eq(_audit(srv, "?project=%s&limit=500" % slug), before_audit, "audit after a dry run")
    # a dry run of the current document: unchanged, empty diff
    d = expect(srv.req("PUT", ppath(slug) + "?dry_run=true", with_modes({"xss": "block"}), **_tok(srv)), 200)
    eq((d["changed"], d["diff"], d["current_version"]), (False, [], 2), "dry run of the current document")
    # dry_run=false is a real push, and it stores what the dry run predicted
    p = put(srv, slug, "production", new, query="?dry_run=false")
    eq(p.body, {"version": 3, "sha256": b["sha256"], "changed": True}, "the real push after the dry run")
    expect_problem(srv.req("PUT", ppath(slug) + "?dry_run=maybe", new, **_tok(srv)), 400, "bad_request")


def test_a_dry_run_reports_added_and_removed_fields(srv):
    slug = new_project(srv)
    base = safe_default()
    base["exclusions"] = [{"interceptor": "xss", "endpoint": "/cms/*", "on_match": "ignore", "reason": "editor"}]
    put(srv, slug, "production", base)
    new = safe_default()
    d = expect(srv.req("PUT", ppath(slug) + "?dry_run=1", new, **_tok(srv)), 200)
    eq(d["diff"], [{"path": "$.exclusions", "op": "change", "old": base["exclusions"], "new": []}],
       "diff of a removed exclusion")
    eq(d["dry_run"], True, "?dry_run=1 is a dry run")


def test_an_identical_push_changes_nothing_and_creates_no_version(srv):
    slug = new_project(srv)
    first = put(srv, slug, "production", DESIGN_EXAMPLE).body
    n_audit = len(_audit(srv, "?project=%s&action=policy.update&limit=500" % slug))
    # the same content again, and the same content spelled differently
    again = put(srv, slug, "production", DESIGN_EXAMPLE, headers={"X-Moat-Message": "again"}).body
    eq(again, {"version": first["version"], "sha256": first["sha256"], "changed": False}, "identical push")
    respelled = json.loads(json.dumps(design_example_normalised()))
    respelled["denylist"]["ips"][0]["value"] = "203.0.113.200/24"  # the same network
    eq(put(srv, slug, "production", respelled).body["changed"], False, "the same policy, spelled differently")
    eq([v["version"] for v in versions(srv, slug)["versions"]], [2, 1], "versions after identical pushes")
    eq(len(_audit(srv, "?project=%s&action=policy.update&limit=500" % slug)), n_audit,
       "policy.update entries after identical pushes")
    # and the safe default pushed onto a fresh environment is identical to version 1
    env = new_env(srv, slug)
    eq(put(srv, slug, env, safe_default()).body, {"version": 1, "sha256": sha(safe_default()), "changed": False},
       "the safe default pushed onto a new environment")


# -- versions, rollback, messages


def test_versions_are_listed_newest_first_and_paginated(srv):
    slug = new_project(srv)
    docs = {1: safe_default()}
    for i, name in enumerate(INTERCEPTORS[:5]):
        d = with_modes({name: "block"})
        v = put(srv, slug, "production", d).body["version"]
        eq(v, i + 2, "version of push %d" % (i + 1))
        docs[v] = d
    allv = versions(srv, slug)
    eq([v["version"] for v in allv["versions"]], [6, 5, 4, 3, 2, 1], "all versions, newest first")
    eq(allv["next_before"], None, "next_before of a full page")
    for v in allv["versions"]:
        eq(v["sha256"], sha(docs[v["version"]]), "sha256 of version %d" % v["version"])
        moat.parse_time(v["created_at"])
    # page by page
    seen, before, pages = [], None, 0
    while True:
        q = "?limit=2" + ("&before=%d" % before if before else "")
        page = versions(srv, slug, query=q)
        pages += 1
        check(len(page["versions"]) <= 2, "a page of limit 2 has %d entries" % len(page["versions"]))
        seen += [v["version"] for v in page["versions"]]
        before = page["next_before"]
        if before is None:
            break
        eq(before, page["versions"][-1]["version"], "next_before is the last version of the page")
        check(pages < 10, "pagination does not end")
    eq(seen, [6, 5, 4, 3, 2, 1], "versions collected page by page")
    eq([v["version"] for v in versions(srv, slug, query="?before=4")["versions"]], [3, 2, 1], "?before=4")
    eq([v["version"] for v in versions(srv, slug, query="?limit=1")["versions"]], [6], "?limit=1")
    for q in ("?limit=0", "?limit=501", "?limit=x", "?before=0", "?before=x"):
        expect_problem(srv.req("GET", ppath(slug, "production", "/versions" + q), **_tok(srv)), 400, "bad_request")
    for n, d in docs.items():
        one = expect(srv.req("GET", ppath(slug, "production", "/versions/%d" % n), **_tok(srv)), 200)
        eq(one["document"], d, "versions/%d document" % n)


def test_a_rollback_creates_a_new_version_equal_to_the_old_one(srv):
    slug = new_project(srv)
    v2 = with_modes({"xss": "block"})
    put(srv, slug, "production", v2)
    put(srv, slug, "production", with_modes({"xss": "off", "ssrf": "block"}))  # version 3
    r = srv.req("POST", ppath(slug, "production", "/rollback"), {"version": 2}, **_tok(srv))
    b = expect(r, 200)
    eq(b, {"version": 4, "sha256": sha(v2), "changed": True, "rollback_of": 2}, "rollback response")
    check_document_response(get_policy(srv, slug), 4, v2)
    meta = expect(srv.req("GET", ppath(slug, "production", "/versions/4"), **_tok(srv)), 200)
    eq((meta["rollback_of"], meta["document"]), (2, v2), "versions/4 rollback_of and document")
    eq(meta["message"], "rollback to version 2", "default rollback message")
    eq([v["version"] for v in versions(srv, slug)["versions"]], [4, 3, 2, 1], "versions after a rollback")
    # with a message; to the safe default
    b = expect(srv.req("POST", ppath(slug, "production", "/rollback"), {"version": 1, "message": "back to default"},
                       **_tok(srv)), 200)
    eq((b["version"], b["changed"], b["rollback_of"]), (5, True, 1), "rollback to version 1")
    meta = expect(srv.req("GET", ppath(slug, "production", "/versions/5"), **_tok(srv)), 200)
    eq((meta["message"], meta["document"]), ("back to default", safe_default()), "versions/5")
    # rolling back to what is current already changes nothing
    b = expect(srv.req("POST", ppath(slug, "production", "/rollback"), {"version": 1}, **_tok(srv)), 200)
    eq((b["version"], b["changed"]), (5, False), "rollback to the current document")
    eq(len(versions(srv, slug)["versions"]), 5, "versions after a no-op rollback")


def test_a_rollback_to_an_unknown_version_or_with_a_bad_body_is_refused(srv):
    slug = new_project(srv)
    for body, path in (({"version": 9}, "$.version"), ({"version": 0}, "$.version"), ({"version": "1"}, "$.version"),
                       ({}, "$.version"), ({"version": 1, "extra": 1}, "$.extra"),
                       ({"version": 1, "message": 5}, "$.message")):
        expect_problem(srv.req("POST", ppath(slug, "production", "/rollback"), body, **_tok(srv)),
                       422, "validation_failed", path)
    eq(current_version(srv, slug), 1, "version after refused rollbacks")


def test_the_message_comes_from_the_body_or_the_header_and_the_author_is_stored(srv):
    st = roles(srv)
    slug = new_project(srv)
    editor = st["auth"]["editor"]["session"]
    put(srv, slug, "production", dict(with_modes({"xss": "block"}), message="from the body"), session=editor)
    put(srv, slug, "production", with_modes({"xss": "off"}), headers={"X-Moat-Message": "from the header"},
        session=editor)
    put(srv, slug, "production", with_modes({"ssrf": "off"}))
    vs = versions(srv, slug)["versions"]
    eq([v["message"] for v in vs[:3]], ["", "from the header", "from the body"], "messages, newest first")
    eq(vs[1]["author"], st["editor_email"], "author of a session push")
    eq(vs[2]["author"], st["editor_email"], "author of a session push")
    check(vs[0]["author"], "author of a token push is empty")
    # the message key is not part of the document
    eq(expect(srv.req("GET", ppath(slug, "production", "/versions/2"), **_tok(srv)), 200)["document"],
       with_modes({"xss": "block"}), "the document of a push with a message")


def test_the_etag_gives_304_on_if_none_match(srv):
    slug = new_project(srv)
    r = get_policy(srv, slug)
    etag = r.header("ETag")
    n = srv.req("GET", ppath(slug), headers={"If-None-Match": etag}, **_tok(srv))
    eq(n.status, 304, "If-None-Match with the current ETag")
    eq(n.raw, b"", "a 304 has no body")
    eq(n.header("ETag"), etag, "ETag on the 304")
    eq(srv.req("GET", ppath(slug), headers={"If-None-Match": 'W/"1"'}, **_tok(srv)).status, 304, "weak ETag")
    put(srv, slug, "production", with_modes({"xss": "block"}))
    r2 = srv.req("GET", ppath(slug), headers={"If-None-Match": etag}, **_tok(srv))
    expect(r2, 200)
    eq(r2.header("ETag"), '"2"', "new ETag after a push")
    eq(r2.body, with_modes({"xss": "block"}), "document after a push")


def test_if_none_match_with_a_star_or_a_list_of_etags_follows_rfc_9110(srv):
    # RFC 9110 13.1.2: "*" matches any current representation, and the
    # field may list several entity tags; either gives 304 on a GET.
    slug = new_project(srv)
    put(srv, slug, "production", with_modes({"xss": "block"}))
    bad = []
    for inm in ('*', '"1", "2"', '"2", "7"', 'W/"1", W/"2"'):
        r = srv.req("GET", ppath(slug), headers={"If-None-Match": inm}, **_tok(srv))
        if r.status != 304:
            bad.append("If-None-Match: %s -> %d, want 304" % (inm, r.status))
    for inm in ('"1", "3"',):
        r = srv.req("GET", ppath(slug), headers={"If-None-Match": inm}, **_tok(srv))
        if r.status != 200:
            bad.append("If-None-Match: %s -> %d, want 200" % (inm, r.status))
    check(not bad, "conditional GET of the policy:\n  " + "\n  ".join(bad))


def test_pushes_and_rollbacks_are_audited(srv):
    slug = new_project(srv)
    r1 = put(srv, slug, "production", with_modes({"xss": "block"}),
             headers={"X-Moat-Message": "tighten xss"})
    r2 = srv.req("POST", ppath(slug, "production", "/rollback"), {"version": 1}, **_tok(srv))
    expect(r2, 200)
    es = _audit(srv, "?project=%s&limit=500" % slug)
    by_rid = {e["request_id"]: e for e in es}
    e1 = by_rid.get(r1.header("X-Request-Id"))
    check(e1 is not None, "no audit entry for the push")
    eq((e1["action"], e1["target"], e1["project"]), ("policy.update", slug + "/production", slug), "push entry")
    eq(e1["details"], {"version": 2, "sha256": sha(with_modes({"xss": "block"})), "message": "tighten xss"},
       "push entry details")
    e2 = by_rid.get(r2.header("X-Request-Id"))
    check(e2 is not None, "no audit entry for the rollback")
    eq((e2["action"], e2["target"]), ("policy.rollback", slug + "/production"), "rollback entry")
    eq(e2["details"].get("rollback_of"), 1, "rollback entry rollback_of")
    eq(e2["details"].get("version"), 3, "rollback entry version")
    # refused and no-op pushes add nothing
    n = len(es)
    srv.req("PUT", ppath(slug), {"colour": 1}, **_tok(srv))
    srv.req("PUT", ppath(slug), safe_default(), headers={"If-Match": '"1"'}, **_tok(srv))
    put(srv, slug, "production", safe_default())
    put(srv, slug, "production", with_modes({"xss": "off"}), query="?dry_run=true")
    eq(len(_audit(srv, "?project=%s&limit=500" % slug)), n, "audit entries after refused and no-op pushes")


# -- roles, archived projects


def test_the_policy_routes_follow_the_role_matrix(srv):
    st = roles(srv)
    P = st["P"]
    readers = {"viewer", "editor", "admin", "admin_token", "ci"}
    writers = {"editor", "admin", "admin_token", "ci"}
    bad = []

    def want(allowed, who, ok):
        if who in allowed:
            return ok
        return 401 if who == "anonymous" else 403

    k = [0]

    def doc():
        k[0] += 1
        return with_modes({INTERCEPTORS[k[0] % 7]: ["block", "off"][k[0] % 2]},
                          {INTERCEPTORS[(k[0] + 1) % 7]: True})

    for who, auth in st["auth"].items():
        cur = current_version(srv, P)
        for method, path, body, allowed, ok in (
                ("GET", ppath(P), None, readers, 200),
                ("GET", ppath(P, "production", "/versions"), None, readers, 200),
                ("GET", ppath(P, "production", "/versions/1"), None, readers, 200),
                ("PUT", ppath(P), doc(), writers, 200),
                ("PUT", ppath(P) + "?dry_run=true", doc(), writers, 200),
                ("POST", ppath(P, "production", "/rollback"), {"version": 1}, writers, 200)):
            r = srv.req(method, path, body, **auth)
            w = want(allowed, who, ok)
            if r.status != w:
                bad.append("%s %s as %s: want %d, got %s" % (method, path, who, w, r.describe()))
            elif w in (401, 403):
                code = "unauthenticated" if w == 401 else "forbidden"
                if not isinstance(r.body, dict) or r.body.get("code") != code:
                    bad.append("%s %s as %s: code %r, want %r" % (method, path, who, r.body, code))
        after = current_version(srv, P)
        if who in writers and after != cur + 2:
            bad.append("%s: version %d -> %d, want two new versions (push, rollback)" % (who, cur, after))
        if who not in writers and after != cur:
            bad.append("%s: version %d -> %d after refused writes" % (who, cur, after))
    # the ci token of another project cannot touch P even for reading, and can use its own
    Q = st["Q"]
    expect(srv.req("GET", ppath(Q), **st["auth"]["ci_other"]), 200)
    expect(srv.req("PUT", ppath(Q), with_modes({"xss": "block"}), **st["auth"]["ci_other"]), 200)
    check(not bad, "role matrix:\n  " + "\n  ".join(bad))


def test_a_ci_token_push_is_authored_by_the_token(srv):
    st = roles(srv)
    P = st["P"]
    put(srv, P, "production", with_modes({"path_traversal": "block", "xss": "block", "ssrf": "block"}),
        headers={"X-Moat-Message": "from ci"}, **st["auth"]["ci"])
    v = versions(srv, P)["versions"][0]
    eq(v["message"], "from ci", "message of a ci push")
    eq(v["author"], "token:ci-" + P, "author of a ci push")


def test_an_archived_project_refuses_pushes_and_rollbacks(srv):
    slug = new_project(srv)
    put(srv, slug, "production", with_modes({"xss": "block"}))
    expect(srv.req("PATCH", "/api/v1/projects/" + slug, {"archived": True}, **_tok(srv)), 200)
    expect_problem(srv.req("PUT", ppath(slug), with_modes({"xss": "off"}), **_tok(srv)), 409, "project_archived")
    expect_problem(srv.req("POST", ppath(slug, "production", "/rollback"), {"version": 1}, **_tok(srv)),
                   409, "project_archived")
    # reads still work
    check_document_response(get_policy(srv, slug), 2, with_modes({"xss": "block"}))
    eq(len(versions(srv, slug)["versions"]), 2, "versions of the archived project")
    expect(srv.req("PATCH", "/api/v1/projects/" + slug, {"archived": False}, **_tok(srv)), 200)
    eq(put(srv, slug, "production", with_modes({"xss": "off"})).body["version"], 3, "push after unarchiving")


# -- the serverless agents' route


def test_the_serverless_agent_policy_route_serves_its_projects_policy_with_etag(srv):
    st = roles(srv)
    slug = new_project(srv)
    env = new_env(srv, slug, "staging")
    agent = expect(srv.req("POST", "/api/v1/projects/%s/tokens" % slug, {"kind": "agent", "name": "fn"},
                           **_tok(srv)), 201)["token"]
    doc = with_modes({"sql_injection": "block"})
    pv = put(srv, slug, "production", doc).body
    r = srv.req("GET", "/api/v1/agent/policy?environment=production", token=agent)
    b = expect(r, 200)
    eq(b, {"version": pv["version"], "sha256": pv["sha256"], "document": doc}, "agent policy body")
    eq(r.header("ETag"), '"%d"' % pv["version"], "ETag")
    # production is the default environment
    eq(expect(srv.req("GET", "/api/v1/agent/policy", token=agent), 200)["version"], pv["version"],
       "without ?environment")
    n = srv.req("GET", "/api/v1/agent/policy?environment=production", headers={"If-None-Match": r.header("ETag")},
                token=agent)
    eq(n.status, 304, "If-None-Match with the current version")
    eq(n.raw, b"", "a 304 has no body")
    eq(srv.req("GET", "/api/v1/agent/policy?environment=production", headers={"If-None-Match": '"1"'},
               token=agent).status, 200, "If-None-Match with an old version")
    s = expect(srv.req("GET", "/api/v1/agent/policy?environment=" + env, token=agent), 200)
    eq((s["version"], s["document"]), (1, safe_default()), "the staging policy")
    expect_problem(srv.req("GET", "/api/v1/agent/policy?environment=nope", token=agent), 404, "not_found")
    # another project's agent token sees its own project, not this one
    other = expect(srv.req("GET", "/api/v1/agent/policy", **st["auth"]["agent"]), 200)
    eq(other["version"], current_version(srv, st["P"]), "the other project's agent token")
    # only agent tokens
    for who in ("ci", "admin_token", "viewer", "editor"):
        expect_problem(srv.req("GET", "/api/v1/agent/policy", **st["auth"][who]), 403, "forbidden")
    expect_problem(srv.req("GET", "/api/v1/agent/policy"), 401, "unauthenticated")
    ci = expect(srv.req("POST", "/api/v1/projects/%s/tokens" % slug, {"kind": "ci", "name": "ci"}, **_tok(srv)),
                201)["token"]
    expect_problem(srv.req("GET", "/api/v1/agent/policy", token=ci), 403, "forbidden")
    # and the agent token cannot use the project routes
    for method, path, body in (("GET", ppath(slug), None), ("PUT", ppath(slug), doc),
                               ("GET", ppath(slug, "production", "/versions"), None),
                               ("POST", ppath(slug, "production", "/rollback"), {"version": 1})):
        expect_problem(srv.req(method, path, body, token=agent), 403, "forbidden")
