"""Retention end to end (issue 4): moatd --retention-days 2 purges the
events received more than two days ago, in chunks of 500, while it keeps
serving; search, free-text search and statistics agree with what is left,
and the free-text index stays sound.

Events cannot be received in the past over the API, so the test stores
them through the API, stops moatd, moves the received_at of some of them
three days back in the database (the only thing it writes behind moatd's
back), and starts moatd again.
"""

import sqlite3
import time
import urllib.parse
import uuid

from moat import check, eq, expect, unique

# not run on PostgreSQL (run.py lists it there with this reason)
ONLY_ON = ("sqlite", "moves events' received_at back in the SQLite file behind moatd's back")

OLD, KEPT = 1200, 100   # more than two purge chunks of 500, and a few kept
DAY = 86400000


def server_kwargs(tmp):
    return {"extra_args": ["--retention-days", "2"]}


def _iso(ms):
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(ms / 1000)) + ".%03dZ" % (ms % 1000)


def _events(n, word, t0):
    return [{"id": str(uuid.uuid4()), "ts": _iso(t0 + i), "interceptor": "sql_injection",
             "action": "blocked", "severity": "high", "endpoint": "/ret/%s" % word,
             "payload": "' OR 1=1 -- %s %d" % (word, i)} for i in range(n)]


def _count(srv, slug, query):
    """Events of a search, every page."""
    n, cursor = 0, None
    for _ in range(100):
        qs = query + ("&cursor=" + urllib.parse.quote(cursor) if cursor else "")
        b = expect(srv.req("GET", "/api/v1/projects/%s/events?limit=500&%s" % (slug, qs),
                           token=srv.admin_token()), 200)
        n += len(b["events"])
        cursor = b["next_cursor"]
        if cursor is None:
            return n
    raise AssertionError("pagination does not end")


def test_events_past_retention_are_purged_in_chunks_and_the_rest_stays(srv):
    slug = unique("ret")
    srv.create_project(slug)
    tok = expect(srv.req("POST", "/api/v1/projects/%s/tokens" % slug,
                         {"kind": "agent", "name": "ret"}, token=srv.admin_token()), 201)["token"]
    t0 = int(time.time() * 1000) - 3600000
    old, kept = _events(OLD, "oldword", t0), _events(KEPT, "keptword", t0 + 100000)
    for batch in (old[:500], old[500:1000], old[1000:], kept):
        b = expect(srv.req("POST", "/api/v1/agent/events", {"events": batch}, token=tok), 200)
        eq((b["accepted"], b["rejected"]), (len(batch), []), "stored")
    eq(_count(srv, slug, "q=oldword"), OLD, "old events found before the purge")

    srv.stop()
    con = sqlite3.connect(srv.db, timeout=10)
    try:
        with con:
            moved = con.execute("UPDATE events SET received_at = received_at - 3 * ? WHERE endpoint = ?",
                                (DAY, "/ret/oldword")).rowcount
    finally:
        con.close()
    eq(moved, OLD, "events moved three days back")
    srv.start()

    # 1,200 events are three chunks; the writer goes on at once while idle,
    # so they are gone within seconds, not minutes
    deadline = time.monotonic() + 15
    left = OLD
    while time.monotonic() < deadline:
        left = _count(srv, slug, "endpoint=" + urllib.parse.quote("/ret/oldword"))
        if left == 0:
            break
        time.sleep(0.2)
    eq(left, 0, "events past retention left after 15 s")
    eq(_count(srv, slug, "endpoint=" + urllib.parse.quote("/ret/keptword")), KEPT, "recent events kept")
    eq(_count(srv, slug, "q=oldword"), 0, "free-text search after the purge")
    eq(_count(srv, slug, "q=keptword"), KEPT, "free-text search of the kept events")
    since, until = _iso(t0 - 60000), _iso(t0 + 3600000)
    s = expect(srv.req("GET", "/api/v1/projects/%s/stats?since=%s&until=%s"
                       % (slug, urllib.parse.quote(since), urllib.parse.quote(until)),
                       token=srv.admin_token()), 200)
    eq(s["total"], KEPT, "statistics count only what is left")
    eq([(t["endpoint"], t["count"]) for t in s["top_endpoints"]], [("/ret/keptword", KEPT)],
       "top endpoints after the purge")
    con = sqlite3.connect(srv.db, timeout=10)
    try:
        con.execute("INSERT INTO events_fts(events_fts) VALUES('integrity-check')")
        eq(con.execute("SELECT count(*) FROM events_fts WHERE events_fts MATCH 'oldword'").fetchone()[0], 0,
           "purged events left in the free-text index")
    finally:
        con.close()
    check(srv.running(), "moatd still runs")


def test_the_purge_keeps_the_hourly_groups_equal_to_the_events_left(srv):
    """The purge subtracts what it deletes from event_groups_hour (schema
    009), event_sources_hour and event_groups_minute (010) and recomputes the first and last ts
    of the rows left: here the oldest and the newest event of one group's
    hour are purged."""
    HOUR = 3600000
    slug = unique("retg")
    srv.create_project(slug)
    tok = expect(srv.req("POST", "/api/v1/projects/%s/tokens" % slug,
                         {"kind": "agent", "name": "retg"}, token=srv.admin_token()), 201)["token"]
    h = (int(time.time() * 1000) - 3 * HOUR) // HOUR * HOUR
    evs = [{"id": str(uuid.uuid4()), "ts": _iso(h + 60000 * (i + 1) + i), "interceptor": "xss",
            "action": "blocked" if i % 2 else "logged", "severity": "low", "endpoint": "/ret/grp",
            "source_ip": "192.0.2.%d" % (1 + i % 3), "payload": "x"} for i in range(6)]
    b = expect(srv.req("POST", "/api/v1/agent/events", {"events": evs}, token=tok), 200)
    eq(b["accepted"], 6, "stored")
    # the first and the last event of each action go (i = 0, 1, 4, 5)
    doomed = [evs[i]["id"] for i in (0, 1, 4, 5)]
    srv.stop()
    con = sqlite3.connect(srv.db, timeout=10)
    try:
        with con:
            con.executemany("UPDATE events SET received_at = received_at - 3 * ? WHERE event_uid = ?",
                            [(DAY, u) for u in doomed])
    finally:
        con.close()
    srv.start()
    since, until = h - 12 * HOUR, h + 12 * HOUR
    path = "/api/v1/projects/%s/events/groups?since=%s&until=%s" % (
        slug, urllib.parse.quote(_iso(since)), urllib.parse.quote(_iso(until)))
    deadline = time.monotonic() + 15
    g = None
    while time.monotonic() < deadline:
        g = expect(srv.req("GET", path, token=srv.admin_token()), 200)["groups"]
        if g and g[0]["count"] == 2:
            break
        time.sleep(0.2)
    eq([(x["endpoint"], x["count"], x["blocked"], x["first_seen"], x["last_seen"]) for x in g],
       [("/ret/grp", 2, 1, evs[2]["ts"], evs[3]["ts"])], "the group after the purge")
    # by source address (event_sources_hour): events 2 and 3 are left
    g = expect(srv.req("GET", path + "&by=source_ip", token=srv.admin_token()), 200)["groups"]
    eq([(x["source_ip"], x["count"], x["blocked"], x["first_seen"], x["last_seen"]) for x in g],
       [("192.0.2.1", 1, 1, evs[3]["ts"], evs[3]["ts"]), ("192.0.2.3", 1, 0, evs[2]["ts"], evs[2]["ts"])],
       "the groups by source after the purge")
    con = sqlite3.connect(srv.db, timeout=10)
    try:
        rows = con.execute("SELECT environment_id, hour, interceptor, has_endpoint, endpoint, action, n,"
                           " first_ts, last_ts FROM event_groups_hour ORDER BY 1, 2, 3, 4, 5, 6").fetchall()
        want = con.execute("SELECT environment_id, (ts - (ts < 0) * 3599999) / 3600000, interceptor,"
                           " endpoint IS NOT NULL, coalesce(endpoint, ''), action, count(*), min(ts), max(ts)"
                           " FROM events GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6").fetchall()
        srows = con.execute("SELECT environment_id, hour, interceptor, has_endpoint, endpoint, has_source,"
                            " source_ip, action, n, first_ts, last_ts FROM event_sources_hour"
                            " ORDER BY 1, 2, 3, 4, 5, 6, 7, 8").fetchall()
        swant = con.execute("SELECT environment_id, (ts - (ts < 0) * 3599999) / 3600000, interceptor,"
                            " endpoint IS NOT NULL, coalesce(endpoint, ''), source_ip IS NOT NULL,"
                            " coalesce(source_ip, ''), action, count(*), min(ts), max(ts)"
                            " FROM events GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8").fetchall()
        mrows = con.execute("SELECT environment_id, minute, interceptor, has_endpoint, endpoint, action, n,"
                            " first_ts, last_ts FROM event_groups_minute ORDER BY 1, 2, 3, 4, 5, 6").fetchall()
        mwant = con.execute("SELECT environment_id, (ts - (ts < 0) * 59999) / 60000, interceptor,"
                            " endpoint IS NOT NULL, coalesce(endpoint, ''), action, count(*), min(ts), max(ts)"
                            " FROM events GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6").fetchall()
    finally:
        con.close()
    eq(mrows, mwant, "event_groups_minute equals the events left")
    eq(rows, want, "event_groups_hour equals the events left")
    eq(srows, swant, "event_sources_hour equals the events left")
