"""Attacks, grouped: GET /api/v1/projects/{p}/events/groups folds the
events that match every filter of the event list into groups of
interceptor + endpoint (+ source address with by=source_ip), newest
activity first, with count, blocked, logged, first and last seen, a trend
of 24 buckets over the range, and the filters that select exactly the
group's events (which bulk triage takes as they are).

Every expected group is computed here, in Python, from the events sent,
and compared exactly (order included)."""

import ipaddress

from moat import check, eq, expect, expect_problem, unique
from test_events import Project, event, iso, now_ms, q, ts_of

HOUR = 3600000


def _match(e, f):
    if "environment" in f and e["_env"] != f["environment"]:
        return False
    for k in ("interceptor", "action", "severity"):
        if k in f and e[k] != f[k]:
            return False
    if "status" in f and e.get("_status", "new") != f["status"]:
        return False
    if "source_ip" in f:
        ip = e.get("source_ip")
        if ip is None:
            return False
        net = ipaddress.ip_network(f["source_ip"], strict=False)
        if ipaddress.ip_address(ip) not in net:
            return False
    if "endpoint" in f:
        ep = e.get("endpoint")
        if ep is None:
            return False
        if f["endpoint"].endswith("*"):
            if not ep.startswith(f["endpoint"][:-1]):
                return False
        elif ep != f["endpoint"]:
            return False
    if "q" in f and f["q"].lower() not in (e.get("payload") or "").lower().split():
        return False
    return f["since"] <= ts_of(e) < f["until"]


def trend_of(since, until):
    """(start, bucket_ms, buckets) of the trend: the range / 24 rounded up
    to a whole minute (a whole hour from 24 hours on), aligned."""
    rng = until - since
    width = -(-rng // 24)
    unit = HOUR if rng >= 24 * HOUR else 60000
    width = -(-width // unit) * unit
    start = since // width * width
    return start, width, -(-(until - start) // width)


def expected_groups(sent, f, by_source=False):
    """The groups the server must answer for filters f (since and until in
    ms), in its order, without the filters member."""
    start, width, nb = trend_of(f["since"], f["until"])
    groups = {}
    for e in sent:
        if not _match(e, f):
            continue
        key = (e["interceptor"], e.get("endpoint")) + ((e.get("source_ip"),) if by_source else ())
        g = groups.setdefault(key, {"count": 0, "blocked": 0, "first": None, "last": None,
                                    "trend": [0] * nb})
        t = ts_of(e)
        g["count"] += 1
        g["blocked"] += e["action"] == "blocked"
        g["first"] = t if g["first"] is None else min(g["first"], t)
        g["last"] = t if g["last"] is None else max(g["last"], t)
        g["trend"][(t - start) // width] += 1
    out = []
    for key, g in groups.items():
        d = {"interceptor": key[0], "endpoint": key[1], "count": g["count"], "blocked": g["blocked"],
             "logged": g["count"] - g["blocked"], "first_seen": iso(g["first"]),
             "last_seen": iso(g["last"]), "trend": g["trend"]}
        if by_source:
            d["source_ip"] = key[2]
        out.append((g["last"], key, d))
    out.sort(key=lambda x: (-x[0], x[1][0], (x[1][1] is not None, x[1][1] or ""),
                            (len(x[1]) < 3 or x[1][2] is not None, x[1][2] if len(x[1]) > 2 and x[1][2] else "")))
    return [d for _, _, d in out]


def dataset(srv):
    """A project whose events form known groups over three hours, plus one
    event two days old (outside the default range)."""
    p = Project(srv, "evgr")
    h0 = (now_ms() - 5 * HOUR) // HOUR * HOUR
    evs, staging = [], []
    # a long sqlmap run on /login from two addresses, mixed actions
    for j in range(40):
        evs.append(event(h0 + j * 240000 + 7, interceptor="sql_injection", endpoint="/login",
                         action="blocked" if j % 3 else "logged", severity="high",
                         source_ip="203.0.113.%d" % (1 + j % 2), payload="UNION select %d" % j))
    # xss on /search, the newest activity
    for j in range(9):
        evs.append(event(h0 + 2 * HOUR + j * 300000 + 11, interceptor="xss", endpoint="/search",
                         action="logged", severity="medium", source_ip="198.51.100.9",
                         payload="script alert"))
    # sql_injection on /search and /search/advanced (a prefix filter)
    for j in range(6):
        evs.append(event(h0 + HOUR + j * 60000 + 13, interceptor="sql_injection",
                         endpoint="/search" if j % 2 else "/search/advanced", action="blocked",
                         severity="critical", source_ip="2001:db8::%d" % (j + 1), payload="sleep"))
    # no endpoint, no source address
    evs.append(event(h0 + 30 * 60000 + 17, interceptor="ssrf", action="blocked", severity="low"))
    # two days old: outside the default 24 hours
    evs.append(event(now_ms() - 48 * HOUR, interceptor="sql_injection", endpoint="/login",
                     action="blocked", severity="high", source_ip="203.0.113.1"))
    for j in range(4):
        staging.append(event(h0 + j * 600000 + 19, interceptor="sql_injection", endpoint="/login",
                             action="blocked", severity="high", source_ip="192.0.2.5"))
    p.send(evs)
    p.send(staging, "staging")
    return p, h0


def groups(p, query, **auth):
    r = p.srv.req("GET", p.path("/events/groups?" + query), **(auth or {"token": p.srv.admin_token()}))
    return expect(r, 200)


def strip(gs):
    return [{k: v for k, v in g.items() if k != "filters"} for g in gs]


def test_groups_count_first_last_trend_and_order_exactly_under_every_filter(srv):
    """Ranges: whole hours (all from the hourly rollup when the filters
    allow it), a range with partial hours at both edges (rollup and events),
    and a short one (events only); filters the rollup answers and filters
    only the events answer."""
    p, h0 = dataset(srv)
    for since, until in ((h0, h0 + 24 * HOUR), (h0 + 30 * 60000 + 1, h0 + 25 * HOUR + 30 * 60000 + 1),
                         (h0 + 20 * 60000, h0 + 2 * HOUR + 7 * 60000), (h0 - 2 * HOUR, h0 + 7 * 24 * HOUR)):
        _check_range(p, since, until)
    # the default range is the last 24 hours: the two-day-old event is out
    b = groups(p, "interceptor=sql_injection&endpoint=/login&environment=production")
    eq([(g["count"], g["first_seen"]) for g in b["groups"]], [(40, iso(h0 + 7))],
       "default range leaves out the old event")
    # limit: the first groups in order; total counts them all
    since, until = h0, h0 + 24 * HOUR
    b = groups(p, "since=%s&until=%s&limit=2" % (q(iso(since)), q(iso(until))))
    want = expected_groups(p.sent, {"since": since, "until": until})
    eq((strip(b["groups"]), b["total"], b["limit"]), (want[:2], len(want), 2), "limit=2")


def _check_range(p, since, until):
    rng = "since=%s&until=%s" % (q(iso(since)), q(iso(until)))
    cases = [
        {},
        {"environment": "staging"},
        {"environment": "production"},
        {"interceptor": "sql_injection"},
        {"action": "blocked"},
        {"severity": "critical"},
        {"source_ip": "203.0.113.0/24"},
        {"source_ip": "2001:db8::/64"},
        {"endpoint": "/search"},
        {"endpoint": "/search*"},
        {"q": "union"},
        {"interceptor": "sql_injection", "action": "logged", "source_ip": "203.0.113.1"},
        {"interceptor": "xss", "action": "logged", "endpoint": "/search", "environment": "production"},
        {"environment": "nowhere"},
    ]
    for f in cases:
        query = rng + "".join("&%s=%s" % (k, q(v)) for k, v in f.items())
        for by_source in (False, True):
            b = groups(p, query + ("&by=source_ip" if by_source else ""))
            want = expected_groups(p.sent, dict(f, since=since, until=until), by_source)
            eq(strip(b["groups"]), want, "groups of %r by_source=%s in [%s, %s)"
               % (f, by_source, iso(since), iso(until)))
            eq((b["total"], b["complete"], b["since"], b["until"]),
               (len(want), True, iso(since), iso(until)), "totals of %r" % f)
            eq(b["group_by"], ["interceptor", "endpoint"] + (["source_ip"] if by_source else []),
               "group_by")
            start, width, nb = trend_of(since, until)
            eq((b["trend"]["start"], b["trend"]["bucket_ms"], b["trend"]["buckets"]),
               (iso(start), width, nb), "trend buckets")


def test_a_groups_filters_select_exactly_its_events_and_triage_them_all(srv):
    p, h0 = dataset(srv)
    tok = {"token": srv.admin_token()}
    b = groups(p, "by=source_ip&interceptor=sql_injection&environment=production")
    login = [g for g in b["groups"] if g["endpoint"] == "/login" and g["source_ip"] == "203.0.113.2"]
    eq(len(login), 1, "the /login group of 203.0.113.2")
    g = login[0]
    f = g["filters"]
    eq({k: f[k] for k in ("interceptor", "endpoint", "source_ip", "environment")},
       {"interceptor": "sql_injection", "endpoint": "/login", "source_ip": "203.0.113.2",
        "environment": "production"}, "the group's filters")
    # the list with those filters shows exactly the group's events
    qs = "&".join("%s=%s" % (k, q(v)) for k, v in f.items())
    listed = p.list(qs, limit=7)
    eq(len(listed), g["count"], "the group's events in the list")
    check(all(e["endpoint"] == "/login" and e["source_ip"] == "203.0.113.2" for e in listed),
          "only the group's events")
    # bulk triage takes the filters as they are
    r = expect(srv.req("POST", p.path("/events/triage"), {"status": "resolved", "filters": f}, **tok), 200)
    eq((r["updated"], r["more"]), (g["count"], False), "triage of the whole group")
    for e in p.sent:
        if e.get("endpoint") == "/login" and e.get("source_ip") == "203.0.113.2" and e["_env"] == "production" \
                and ts_of(e) >= h0 - HOUR:
            e["_status"] = "resolved"
    eq(len(p.list("status=resolved", limit=50)), g["count"], "resolved events")
    # the group is gone from the new events and is all of the resolved ones
    b2 = groups(p, "by=source_ip&status=new&interceptor=sql_injection&environment=production")
    check(not [x for x in b2["groups"] if x["endpoint"] == "/login" and x["source_ip"] == "203.0.113.2"],
          "the triaged group left the new events")
    b3 = groups(p, "by=source_ip&status=resolved")
    eq([(x["endpoint"], x["source_ip"], x["count"]) for x in b3["groups"]],
       [("/login", "203.0.113.2", g["count"])], "the resolved groups")
    # a group with no endpoint cannot be named by the filters: null
    b4 = groups(p, "interceptor=ssrf")
    eq([(x["endpoint"], x["count"], x["filters"]) for x in b4["groups"]], [(None, 1, None)],
       "the group without an endpoint")


def test_groups_stay_in_their_project_follow_the_roles_and_refuse_bad_parameters(srv):
    p, h0 = dataset(srv)
    other = Project(srv, "evgo")
    other.send([event(h0 + 5, interceptor="xss", endpoint="/other", source_ip="192.0.2.77")])
    b = groups(other, "")
    eq([(g["interceptor"], g["endpoint"], g["count"]) for g in b["groups"]], [("xss", "/other", 1)],
       "the other project sees only its own events")
    vuser, vpw = srv.create_user(unique("gviewer") + "@example.com", "viewer")
    auth = {
        "anonymous": ({}, 401),
        "viewer": ({"session": srv.login(vuser["email"], vpw)}, 200),
        "ci": ({"token": p.new_token("ci")}, 200),
        "ci_other": ({"token": other.new_token("ci")}, 403),
        "agent": ({"token": p.token}, 403),
    }
    for who, (a, want) in auth.items():
        r = srv.req("GET", p.path("/events/groups"), **a)
        eq(r.status, want, "GET groups as %s" % who)
    tok = {"token": srv.admin_token()}
    bad = ["by=agent", "by=", "limit=0", "limit=501", "limit=x", "interceptor=sqli",
           "action=allowed", "source_ip=not-an-ip", "since=yesterday",
           "since=%s&until=%s" % (q(iso(h0 + HOUR)), q(iso(h0)))]
    for query in bad:
        expect_problem(srv.req("GET", p.path("/events/groups?" + query), **tok), 400, "bad_request")
    expect_problem(srv.req("GET", "/api/v1/projects/%s/events/groups" % unique("nope"), **tok), 404,
                   "not_found")
