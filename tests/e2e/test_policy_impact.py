"""The impact of a policy dry run: PUT …/policy?dry_run=true also answers
what the pushed document would have done to the environment's events of
the last impact_days days (default 7): per interceptor, the logged events
it would now block, the blocked ones it would only log, the ones it would
silence (interceptor off, or an ignore exclusion) and the ones its
denylist would refuse, with their top endpoints and the events search
that selects them.

One constructed data set (production, staging, and events 30 hours old),
exact figures for every kind of change, environment isolation, the window,
and bad parameters."""

import time
import urllib.parse
import uuid

import moat
from moat import eq, expect, expect_problem, unique

INTERCEPTORS = ["sql_injection", "nosql_injection", "xss", "ssrf", "path_traversal",
                "command_injection", "llm_prompt_injection"]
KINDS = ["would_block", "would_log_only", "silenced", "denied"]


def now_ms():
    return int(time.time() * 1000)


def iso(ms):
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(ms // 1000)) + ".%03dZ" % (ms % 1000)


def ev(ts, interceptor, action, endpoint, ip=None):
    e = {"id": str(uuid.uuid4()), "ts": iso(ts), "interceptor": interceptor, "action": action,
         "severity": "high", "endpoint": endpoint}
    if ip:
        e["source_ip"] = ip
    return e


_state = {}


def data(srv):
    """The project (once per module): see the module's docstring."""
    if "slug" in _state:
        return _state["slug"]
    tok = srv.admin_token()
    slug = unique("imp")
    srv.create_project(slug)
    expect(srv.req("POST", "/api/v1/projects/%s/environments" % slug, {"name": "staging"},
                   token=tok), 201)
    agent = expect(srv.req("POST", "/api/v1/projects/%s/tokens" % slug,
                           {"kind": "agent", "name": unique("a")}, token=tok), 201)["token"]
    t = now_ms() - 60000
    old = now_ms() - 30 * 3600 * 1000
    prod = []
    prod += [ev(t - i, "sql_injection", "logged", "/api/login", "192.0.2.%d" % (i + 1)) for i in range(5)]
    prod += [ev(t - 10 - i, "sql_injection", "logged", "/api/search") for i in range(2)]
    prod += [ev(t - 20 - i, "sql_injection", "blocked", "/api/login") for i in range(3)]
    prod += [ev(t - 30 - i, "xss", "blocked", "/cms/page/%d" % (i % 2)) for i in range(4)]
    prod += [ev(t - 40 - i, "xss", "blocked", "/api/comment") for i in range(2)]
    prod += [ev(t - 50 - i, "ssrf", "logged", "/fetch") for i in range(3)]
    prod += [ev(t - 60, "path_traversal", "logged", "/files", "203.0.113.5"),
             ev(t - 61, "path_traversal", "logged", "/files", "203.0.113.5"),
             ev(t - 62, "path_traversal", "logged", "/files/a", "203.0.113.200"),
             ev(t - 63, "path_traversal", "logged", "/files", "198.51.100.9"),
             ev(t - 64, "path_traversal", "logged", "/files", "198.51.100.9"),
             ev(t - 65, "path_traversal", "logged", "/files", "198.51.100.9")]
    prod += [ev(t - 70 - i, "nosql_injection", "logged", "/api/x", "192.0.2.1") for i in range(2)]
    # 30 hours old: inside the default 7 days, outside impact_days=1
    prod += [ev(old - i, "sql_injection", "logged", "/api/login") for i in range(4)]
    stag = [ev(t - 100 - i, "sql_injection", "logged", "/api/login", "203.0.113.9") for i in range(7)]
    for env, evs in (("production", prod), ("staging", stag)):
        b = expect(srv.req("POST", "/api/v1/agent/events",
                           {"seq": 1, "events": evs, "environment": env}, token=agent), 200)
        eq((b["accepted"], b["rejected"]), (len(evs), []), "ingest")
    _state["slug"] = slug
    return slug


def doc(modes=None, denylist=None, exclusions=None):
    ic = {name: {"mode": "monitor"} for name in INTERCEPTORS}
    for k, v in (modes or {}).items():
        ic[k]["mode"] = v
    return {"interceptors": ic, "denylist": denylist or {"ips": [], "users": []},
            "exclusions": exclusions or []}


def dry(srv, slug, body, query="", env="production", status=200):
    r = srv.req("PUT", "/api/v1/projects/%s/environments/%s/policy?dry_run=true%s" % (slug, env, query),
                body, token=srv.admin_token())
    return expect(r, status)


def figures(impact):
    """{interceptor: {kind: count}} without the zeros."""
    out = {}
    for name in INTERCEPTORS:
        for k in KINDS:
            n = impact["interceptors"][name][k]["count"]
            if n:
                out.setdefault(name, {})[k] = n
    return out


def tops(impact, name, kind):
    return [(t["endpoint"], t["count"]) for t in impact["interceptors"][name][kind]["top_endpoints"]]


def search_count(srv, link):
    """The number of events the link's search selects (every page)."""
    n, cursor = 0, None
    while True:
        r = srv.req("GET", link + "&limit=500" + ("&cursor=" + urllib.parse.quote(cursor) if cursor else ""),
                    token=srv.admin_token())
        b = expect(r, 200)
        n += len(b["events"])
        cursor = b["next_cursor"]
        if not cursor:
            return n


# xss events were blocked and the document leaves xss in monitor: they
# would only be logged, in every document below that keeps xss in monitor
XSS_LOG_ONLY = {"xss": {"would_log_only": 6}}


def test_monitor_to_block_counts_the_logged_events_it_would_have_blocked(srv):
    slug = data(srv)
    im = dry(srv, slug, doc({"sql_injection": "block"}))["impact"]
    eq(im["days"], 7, "default window")
    eq(im["approximate"], False, "exact")
    eq(figures(im), dict(XSS_LOG_ONLY, sql_injection={"would_block": 11}), "figures (7 days)")
    eq(tops(im, "sql_injection", "would_block"), [("/api/login", 9), ("/api/search", 2)], "top endpoints")
    eq(im["totals"], {"would_block": 11, "would_log_only": 6, "silenced": 0, "denied": 0}, "totals")
    eq(im["interceptors"]["sql_injection"]["logged"], 11, "logged sql_injection events")
    eq(im["interceptors"]["sql_injection"]["blocked"], 3, "blocked sql_injection events")
    wb = im["interceptors"]["sql_injection"]["would_block"]
    eq(wb["events_exact"], True, "the link selects exactly these events")
    eq(search_count(srv, wb["events"]), 11, "events the link selects")
    eq(search_count(srv, wb["top_endpoints"][1]["events"]), 2, "events of one endpoint's link")


def test_the_window_is_impact_days(srv):
    slug = data(srv)
    im = dry(srv, slug, doc({"sql_injection": "block"}), "&impact_days=1")["impact"]
    eq(im["days"], 1, "days")
    eq(figures(im), dict(XSS_LOG_ONLY, sql_injection={"would_block": 7}), "figures (1 day)")
    eq(tops(im, "sql_injection", "would_block"), [("/api/login", 5), ("/api/search", 2)], "top endpoints")
    eq(search_count(srv, im["interceptors"]["sql_injection"]["would_block"]["events"]), 7, "link")
    b = dry(srv, slug, doc({"sql_injection": "block"}), "&impact_days=0")
    eq("impact" in b, False, "impact_days=0 answers no impact")


def test_block_to_monitor_and_off(srv):
    slug = data(srv)
    im = dry(srv, slug, doc({"xss": "block", "sql_injection": "monitor", "ssrf": "off"}))["impact"]
    eq(figures(im), {"sql_injection": {"would_log_only": 3}, "ssrf": {"silenced": 3}}, "figures")
    eq(tops(im, "ssrf", "silenced"), [("/fetch", 3)], "silenced endpoints")
    eq(tops(im, "sql_injection", "would_log_only"), [("/api/login", 3)], "log-only endpoints")


def test_exclusions_silence_or_downgrade_what_they_match(srv):
    slug = data(srv)
    im = dry(srv, slug, doc({"xss": "block", "sql_injection": "block"}, exclusions=[
        {"interceptor": "xss", "endpoint": "/cms/*", "on_match": "ignore"},
        {"interceptor": "sql_injection", "endpoint": "/api/search", "on_match": "monitor"}]))["impact"]
    eq(figures(im), {"xss": {"silenced": 4}, "sql_injection": {"would_block": 9}}, "figures")
    eq(tops(im, "xss", "silenced"), [("/cms/page/0", 2), ("/cms/page/1", 2)], "silenced endpoints")
    eq(tops(im, "sql_injection", "would_block"), [("/api/login", 9)], "blocked endpoints")
    eq(im["interceptors"]["sql_injection"]["would_block"]["events_exact"], False,
       "the link selects more than the figure")
    eq(im["approximate"], False, "exact")
    # an exclusion with a parameter is matched as if every parameter did
    im = dry(srv, slug, doc({"xss": "block"}, exclusions=[
        {"interceptor": "xss", "endpoint": "/cms/*", "parameter": "body.html"}]))["impact"]
    eq(figures(im)["xss"], {"silenced": 4}, "parameter exclusion")
    eq(im["approximate"], True, "said to be approximate")
    eq(len(im["notes"]), 1, "one note")


def test_a_denylist_net_refuses_its_sources_events_first(srv):
    slug = data(srv)
    im = dry(srv, slug, doc({"path_traversal": "block"},
                            denylist={"ips": [{"value": "203.0.113.0/24"}], "users": []}))["impact"]
    eq(figures(im), dict(XSS_LOG_ONLY, sql_injection={"would_log_only": 3},
                         path_traversal={"denied": 3, "would_block": 3}), "figures")
    d = im["interceptors"]["path_traversal"]["denied"]
    eq(tops(im, "path_traversal", "denied"), [("/files", 2), ("/files/a", 1)], "denied endpoints")
    eq(d["events_exact"], True, "one net: the link selects them")
    eq(search_count(srv, d["events"]), 3, "events the denied link selects")
    # a single address, and an entry whose until has passed is not enforced
    im = dry(srv, slug, doc(denylist={"ips": [{"value": "192.0.2.1"}], "users": []}))["impact"]
    eq(figures(im), dict(XSS_LOG_ONLY, sql_injection={"denied": 1, "would_log_only": 3},
                         nosql_injection={"denied": 2}), "one address")
    im = dry(srv, slug, doc(denylist={"ips": [], "users": [{"value": "user-1"}]}))["impact"]
    eq(im["approximate"], True, "users are not counted, and it says so")


def test_other_environments_events_do_not_count(srv):
    slug = data(srv)
    im = dry(srv, slug, doc({"sql_injection": "block"}), env="staging")["impact"]
    eq(figures(im), {"sql_injection": {"would_block": 7}}, "staging alone")
    im = dry(srv, slug, doc({"sql_injection": "block"},
                            denylist={"ips": [{"value": "203.0.113.0/24"}], "users": []}),
             env="staging")["impact"]
    eq(figures(im), {"sql_injection": {"denied": 7}}, "staging's denied")
    slug2 = unique("imp")
    srv.create_project(slug2)
    im = dry(srv, slug2, doc({"sql_injection": "block"}))["impact"]
    eq(figures(im), {}, "another project has no events")


def test_bad_impact_days_are_422(srv):
    slug = data(srv)
    for v in ["31", "-1", "abc", "1.5", "", "+3", "99999999999999999999"]:
        r = srv.req("PUT", "/api/v1/projects/%s/environments/production/policy?dry_run=true&impact_days=%s"
                    % (slug, urllib.parse.quote(v)), doc(), token=srv.admin_token())
        expect_problem(r, 422, "validation_failed", "query impact_days")


def test_past_the_read_budget_the_figures_are_scaled_estimates_and_say_so(srv):
    # 12,000 events match the exclusion (or the net): 10,000 are read and
    # scaled to the 12,000 that event_top counts at those endpoints/sources
    tok = srv.admin_token()
    slug = unique("impcap")
    srv.create_project(slug)
    agent = expect(srv.req("POST", "/api/v1/projects/%s/tokens" % slug,
                           {"kind": "agent", "name": unique("a")}, token=tok), 201)["token"]
    t = now_ms() - 60000
    evs = [ev(t - i, "nosql_injection", "logged", "/api/v2/%d" % (i % 3), "203.0.113.%d" % (i % 200))
           for i in range(12000)]
    for i in range(0, len(evs), 500):
        b = expect(srv.req("POST", "/api/v1/agent/events",
                           {"seq": 1, "events": evs[i:i + 500], "environment": "production"},
                           token=agent), 200)
        eq(b["accepted"], 500, "ingest")
    im = dry(srv, slug, doc({"nosql_injection": "block"}, exclusions=[
        {"interceptor": "nosql_injection", "endpoint": "/api/v2/*", "on_match": "ignore"}]))["impact"]
    eq(figures(im), {"nosql_injection": {"silenced": 12000}}, "scaled exclusion")
    eq((im["approximate"], im["events_read"], len(im["notes"])), (True, 10000, 1), "said to be an estimate")
    im = dry(srv, slug, doc({"nosql_injection": "block"},
                            denylist={"ips": [{"value": "203.0.113.0/24"}], "users": []}))["impact"]
    eq(figures(im), {"nosql_injection": {"denied": 12000}}, "scaled net")
    eq(im["approximate"], True, "said to be an estimate")
    eq(im["interceptors"]["nosql_injection"]["denied"]["events_exact"], False, "not exact")
