"""The interceptors end to end: build/shop (agentproto/examples/shop/, its
SQL-injectable product search protected by libmoatagent) takes its policy
from this moatd, blocks an injection at the exact SQL statement while a
blog-post-like search about SQL passes, and the event -- interceptor,
rule, payload, the statement, the shop's file/line/function, the
parameter -- is stored and searchable. In monitor mode the same attack is
let through and logged.
"""

import os
import time

import moat
from moat import check, eq, expect
from shopctl import Shop

WAIT = 15.0
ATTACK = "' OR 1=1 -- "


def _setup(srv, mode):
    slug = moat.unique("shop")
    srv.create_project(slug)
    resp = srv.req("POST", "/api/v1/projects/%s/tokens" % slug,
                   {"kind": "agent", "name": "shop"}, token=srv.admin_token())
    expect(resp, 201)
    token = resp.body["token"]
    resp = srv.req("PUT", "/api/v1/projects/%s/environments/production/policy" % slug,
                   {"interceptors": {"sql_injection": {"mode": mode}}}, token=srv.admin_token())
    expect(resp, 200)
    return slug, token, resp.body["version"]


def _wait_applied(srv, slug, agent_id, version):
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        resp = srv.req("GET", "/api/v1/projects/%s/agents" % slug, token=srv.admin_token())
        expect(resp, 200)
        for a in resp.body["agents"]:
            if a["agent_id"] == agent_id and a["online"] and a["policy_version"] == version:
                return
        time.sleep(0.05)
    moat.fail("the shop's agent never applied version %d" % version)


def _events(srv, slug, want):
    deadline = time.monotonic() + WAIT
    evs = []
    while time.monotonic() < deadline:
        resp = srv.req("GET", "/api/v1/projects/%s/events?interceptor=sql_injection" % slug,
                       token=srv.admin_token())
        expect(resp, 200)
        evs = resp.body["events"]
        if len(evs) >= want:
            return evs
        time.sleep(0.1)
    moat.fail("%d sql_injection events stored, want %d" % (len(evs), want))


def test_the_shop_blocks_an_injection_at_its_sql_and_the_event_says_where(srv):
    slug, token, version = _setup(srv, "block")
    shop = Shop(srv, token, os.path.join(srv.tmp, "shop.db"), "shop-block")
    try:
        _wait_applied(srv, slug, "shop-block", version)
        status, body = shop.search("brass")
        eq(status, 200, "an ordinary search")
        check("Brass clock" in body and "Prototype" not in body, "results: %s" % body)
        status, body = shop.search("How UNION SELECT, OR 1=1 -- and ; DROP TABLE work: a post about SQL")
        eq(status, 200, "a search about SQL, inside the literal")
        status, body = shop.search(ATTACK)
        eq(status, 403, "the injection")
        evs = _events(srv, slug, 1)
        eq(len(evs), 1, "events: only the attack")
        ev = evs[0]
        eq(ev["action"], "blocked", "action")
        eq(ev["rule"], "sqli.boolean", "rule")
        eq(ev["payload"], ATTACK, "payload: the input as sent")
        check(ATTACK in ev["operation"] and ev["operation"].startswith("SELECT id, name"),
              "operation: the exact statement: %r" % ev["operation"])
        check(ev["location"]["file"].endswith("shop/search.c") and ev["location"]["line"] > 0
              and ev["location"]["function"] == "search", "location: %r" % ev["location"])
        eq(ev["details"]["parameter"], "query.q", "details.parameter")
        eq(ev["endpoint"], "/search", "endpoint")
        eq(ev["source_ip"], "127.0.0.1", "source_ip")
    finally:
        shop.stop()


def test_in_monitor_mode_the_attack_runs_and_is_logged(srv):
    slug, token, version = _setup(srv, "monitor")
    shop = Shop(srv, token, os.path.join(srv.tmp, "shop-m.db"), "shop-monitor")
    try:
        _wait_applied(srv, slug, "shop-monitor", version)
        status, body = shop.search(ATTACK)
        eq(status, 200, "monitor lets it through")
        check("Prototype" in body, "and the injection worked (the hidden row): %s" % body)
        ev = _events(srv, slug, 1)[0]
        eq(ev["action"], "logged", "action")
    finally:
        shop.stop()
