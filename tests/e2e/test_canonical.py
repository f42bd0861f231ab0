"""The canonical policy (issue 8, item 5): one text per document, checked
against a second, independent encoder (Python's json with sorted keys and
compact separators, which shares no code with jansson); -0 is 0; the
denylist refuses what it cannot mean (a prefix with a leading zero, an
`until` already past) with 422 and the JSON path."""

import hashlib
import json
import os
import time

from moat import check, eq, expect, expect_problem, unique

VECTORS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "agentproto",
                       "vectors", "canonical.json")


def _tok(srv):
    return {"token": srv.admin_token()}


def _path(slug, env="production", rest=""):
    return "/api/v1/projects/%s/environments/%s/policy%s" % (slug, env, rest)


def _python_canonical(doc):
    """The independent encoder: RFC 8259 JSON, keys sorted by code point
    (= UTF-8 byte order), no whitespace, UTF-8 unescaped; reals as Python's
    shortest round-trip repr (thresholds have at most three decimals)."""
    return json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      allow_nan=False).encode("utf-8")


def _far_until():
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() + 400 * 86400))


def _extra_documents():
    llm = lambda t: {"interceptors": {"llm_prompt_injection": {"mode": "monitor", "threshold": t}}}
    return [
        llm(0), llm(-0.0), llm(0.0), llm(1), llm(0.1), llm(0.333), llm(0.0005), llm(0.9999),
        {"interceptors": {"xss": {"mode": "block"}},
         "exclusions": [{"interceptor": "xss", "endpoint": "/a</script>/*",
                         "reason": "line\u2028sep\u2029 </script> \u00e9 \U0001F600 \"q\" \\"}]},
        {"denylist": {"ips": [{"value": "10.1.2.3/8"}, {"value": "2001:DB8::1/32"}],
                      "users": [{"value": "\u00c4\u00d6\u00dc", "until": _far_until()}]}},
        {"Interceptors": ["SqlInjection", "XSS"], "ThreatAction": "BlockAndAlert"},
    ]


def test_the_canonical_text_matches_an_independent_encoder(srv):
    slug = unique("canon")
    srv.create_project(slug)
    with open(VECTORS, encoding="utf-8") as f:
        vec = json.load(f)
    docs = [d["document"] for d in vec["documents"] if d.get("policy")] + _extra_documents()
    bad = []
    for i, d in enumerate(docs):
        env = "c%d" % i
        expect(srv.req("POST", "/api/v1/projects/%s/environments" % slug, {"name": env}, **_tok(srv)), 201)
        r = srv.req("PUT", _path(slug, env), d, **_tok(srv))
        b = expect(r, 200)
        g = srv.req("GET", _path(slug, env), **_tok(srv))
        expect(g, 200)
        mine = _python_canonical(json.loads(g.raw.decode("utf-8")))
        if g.raw != mine:
            bad.append("document %d: moatd %r, python %r" % (i, g.raw[:300], mine[:300]))
        sha = hashlib.sha256(mine).hexdigest()
        if (b["sha256"], g.header("X-Moat-Policy-Sha256")) != (sha, sha):
            bad.append("document %d: sha256 %s / %s, python %s" % (i, b["sha256"], g.header("X-Moat-Policy-Sha256"), sha))
        if b"-0.0" in g.raw or b":-0" in g.raw:
            bad.append("document %d: negative zero in %r" % (i, g.raw[:300]))
    check(not bad, "canonical texts:\n  " + "\n  ".join(bad))


def test_minus_zero_is_the_same_policy_as_zero(srv):
    slug = unique("canon")
    srv.create_project(slug)
    llm = lambda t: {"interceptors": {"llm_prompt_injection": {"mode": "monitor", "threshold": t}}}
    first = expect(srv.req("PUT", _path(slug), llm(0), **_tok(srv)), 200)
    eq(first["changed"], True, "changed by threshold 0")
    for t in (-0.0, 0.0, 0.0004, -0.0004 + 0.0004):
        r = expect(srv.req("PUT", _path(slug), llm(t), **_tok(srv)), 200)
        eq((r["changed"], r["version"], r["sha256"]), (False, first["version"], first["sha256"]),
           "push of threshold %r after 0" % t)
    # raw text, so that no client library turns -0.0 into something else
    raw = b'{"interceptors":{"llm_prompt_injection":{"mode":"monitor","threshold":-0.0}}}'
    r = expect(srv.req("PUT", _path(slug, rest="?dry_run=true"), raw_body=raw, **_tok(srv)), 200)
    eq((r["changed"], r["sha256"]), (False, first["sha256"]), "dry run of -0.0")


def test_the_denylist_refuses_a_prefix_with_a_leading_zero_and_a_past_until(srv):
    slug = unique("canon")
    srv.create_project(slug)
    before = expect(srv.req("GET", _path(slug, rest="/versions"), **_tok(srv)), 200)["versions"]
    past = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() - 60))
    cases = [
        ({"denylist": {"ips": [{"value": "1.2.3.4/08"}]}}, "$.denylist.ips[0].value"),
        ({"denylist": {"ips": [{"value": "2001:db8::/032"}]}}, "$.denylist.ips[0].value"),
        ({"denylist": {"ips": [{"value": "1.2.3.4/8"}, {"value": "1.2.3.4/00"}]}}, "$.denylist.ips[1].value"),
        ({"denylist": {"ips": [{"value": "1.2.3.4", "until": past}]}}, "$.denylist.ips[0].until"),
        ({"denylist": {"users": [{"value": "u-1", "until": "2001-01-01T00:00:00Z"}]}},
         "$.denylist.users[0].until"),
    ]
    for doc, path in cases:
        for q in ("", "?dry_run=true"):
            r = srv.req("PUT", _path(slug, rest=q), doc, **_tok(srv))
            expect_problem(r, 422, "validation_failed", path=path)
    after = expect(srv.req("GET", _path(slug, rest="/versions"), **_tok(srv)), 200)["versions"]
    eq(after, before, "versions after refused denylists")
    # what is still accepted: /0, /8 and a future until
    ok = {"denylist": {"ips": [{"value": "1.2.3.4/8"}, {"value": "0.0.0.0/0"},
                               {"value": "1.2.3.4", "until": _far_until()}]}}
    b = expect(srv.req("PUT", _path(slug), ok, **_tok(srv)), 200)
    eq(b["changed"], True, "a valid denylist is a new version")
    doc = expect(srv.req("GET", _path(slug), **_tok(srv)), 200)
    eq([e["value"] for e in doc["denylist"]["ips"]], ["1.0.0.0/8", "0.0.0.0/0", "1.2.3.4"], "normalised ips")
