"""Threat events as the dashboard and CI read them: search with every
filter and keyset pagination, one event, the streamed CSV and NDJSON export,
statistics, triage (one, bulk, a false positive that becomes a policy
exclusion pushed to a connected agent), hostile filter values and the role
matrix.

Events are reported over POST /api/v1/agent/events (an agent token) and,
for some, over the agent WebSocket. Every expected result is computed here
from the events sent, in Python, and compared exactly (order included).
"""

import csv
import io
import ipaddress
import json
import re
import time
import urllib.parse
import uuid

import moat
from moat import check, eq, expect, expect_problem, unique
from wsclient import WS, hello

INTERCEPTORS = ["sql_injection", "nosql_injection", "xss", "ssrf", "path_traversal",
                "command_injection", "llm_prompt_injection"]
SEVERITIES = ["low", "medium", "high", "critical"]
STATUSES = ["new", "acknowledged", "false_positive", "resolved"]
FILTERS = ["environment", "interceptor", "action", "severity", "status", "agent", "source_ip",
           "endpoint", "since", "until", "q"]
EVENT_KEYS = {"id", "ts", "received_at", "environment", "agent_id", "interceptor", "action",
              "severity", "confidence", "source_ip", "method", "endpoint", "payload",
              "payload_length", "payload_truncated", "operation", "operation_length",
              "operation_truncated", "location", "rule", "details", "status"}
CSV_HEADER = ["id", "ts", "received_at", "environment", "agent_id", "interceptor", "action",
              "severity", "confidence", "source_ip", "method", "endpoint", "payload",
              "payload_length", "payload_truncated", "operation", "operation_length",
              "operation_truncated", "file", "line", "function", "rule", "details", "status"]


# -- helpers


def _tok(srv):
    return {"token": srv.admin_token()}


def now_ms():
    return int(time.time() * 1000)


def iso(ms):
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(ms // 1000)) + ".%03dZ" % (ms % 1000)


def q(s):
    return urllib.parse.quote(s, safe="")


class Project:
    """A fresh project with a staging environment and an agent token."""

    def __init__(self, srv, prefix="ev"):
        self.srv = srv
        self.slug = unique(prefix)
        srv.create_project(self.slug)
        expect(srv.req("POST", "/api/v1/projects/%s/environments" % self.slug, {"name": "staging"},
                       **_tok(srv)), 201)
        self.token = self.new_token("agent")
        self.sent = []  # every event sent, with "_env" and "_agent" added

    def new_token(self, kind):
        return expect(self.srv.req("POST", "/api/v1/projects/%s/tokens" % self.slug,
                                   {"kind": kind, "name": unique(kind)}, **_tok(self.srv)), 201)["token"]

    def path(self, rest=""):
        return "/api/v1/projects/%s%s" % (self.slug, rest)

    def send(self, events, env="production"):
        """Reports events over REST (no agent_id: the events' agent_id is
        ""); all must be accepted."""
        agent_id = ""
        for i in range(0, len(events), 500):
            chunk = events[i:i + 500]
            body = {"seq": 1, "events": chunk, "environment": env}
            r = self.srv.req("POST", "/api/v1/agent/events", body, token=self.token)
            b = expect(r, 200)
            eq((b["accepted"], b["duplicates"], b["rejected"]), (len(chunk), 0, []), "ingest of %d events" % len(chunk))
        for e in events:
            self.sent.append(dict(e, _env=env, _agent=agent_id))

    def send_ws(self, events, env="production", agent_id="agent-ws"):
        """Reports events over the agent WebSocket; waits for the ack."""
        ws = WS(self.srv.agent_port, token=self.token)
        try:
            ws.send(hello(agent_id, env, 0))
            eq(ws.recv_type("welcome", 5)["type"], "welcome", "welcome")
            ws.send({"type": "events", "seq": 1, "events": events})
            ack = ws.recv_type("ack", 10)
            eq((ack["seq"], ack["accepted"], ack["rejected"]), (1, len(events), []), "ack of the WS batch")
        finally:
            ws.close()
        for e in events:
            self.sent.append(dict(e, _env=env, _agent=agent_id))

    def list(self, query="", auth=None, limit=None):
        """Every page of a search; returns the events (dicts) in order."""
        out, cursor, seen = [], None, 0
        while True:
            qs = query
            if limit:
                qs += "&limit=%d" % limit
            if cursor:
                qs += "&cursor=" + q(cursor)
            r = self.srv.req("GET", self.path("/events?" + qs.lstrip("&")), **(auth or _tok(self.srv)))
            b = expect(r, 200)
            out += b["events"]
            cursor = b["next_cursor"]
            seen += 1
            check(seen < 1000, "pagination does not end")
            if cursor is None:
                return out

    def ids(self, query="", limit=7):
        return [e["id"] for e in self.list(query, limit=limit)]


def event(ts, **kw):
    e = {"id": str(uuid.uuid4()), "ts": iso(ts), "interceptor": "sql_injection", "action": "blocked",
         "severity": "high"}
    e.update(kw)
    return {k: v for k, v in e.items() if v is not None}


def ts_of(e):
    return int(moat.parse_time(e["ts"]) * 1000 + 0.5)


def newest_first(events):
    return [e["id"] for e in sorted(events, key=lambda e: -ts_of(e))]


# -- free text as FTS5 sees it (unicode61 on ASCII data)


def _tokens(s):
    return re.findall(r"[0-9a-z]+", (s or "").lower())


def _phrase_in(words, text):
    t = _tokens(text)
    n = len(words)
    return any(t[i:i + n] == words for i in range(len(t) - n + 1))


def fts_match(e, text):
    terms = [_tokens(p) for p in text.split()]
    if not terms:
        return True
    if all(not w for w in terms):
        return False
    return all(not w or _phrase_in(w, e.get("payload")) or _phrase_in(w, e.get("operation"))
               for w in terms)


def expected(sent, **f):
    """The ids the search with filters f must return, newest first."""
    out = []
    for e in sent:
        if "environment" in f and e["_env"] != f["environment"]:
            continue
        if "interceptor" in f and e["interceptor"] != f["interceptor"]:
            continue
        if "action" in f and e["action"] != f["action"]:
            continue
        if "severity" in f and e["severity"] != f["severity"]:
            continue
        if "status" in f and e.get("_status", "new") != f["status"]:
            continue
        if "agent" in f and e["_agent"] != f["agent"]:
            continue
        if "source_ip" in f:
            ip = e.get("source_ip")
            if ip is None:
                continue
            net = ipaddress.ip_network(f["source_ip"], strict=False)
            addr = ipaddress.ip_address(ip)
            if addr.version != net.version or addr not in net:
                continue
        if "endpoint" in f:
            ep = e.get("endpoint")
            if ep is None:
                continue
            if f["endpoint"].endswith("*"):
                if not ep.startswith(f["endpoint"][:-1]):
                    continue
            elif ep != f["endpoint"]:
                continue
        if "since" in f and ts_of(e) < f["since"]:
            continue
        if "until" in f and ts_of(e) >= f["until"]:
            continue
        if "q" in f and not fts_match(e, f["q"]):
            continue
        out.append(e)
    return newest_first(out)


def query_of(**f):
    parts = []
    for k, v in f.items():
        if k in ("since", "until"):
            v = iso(v)
        parts.append("%s=%s" % (k, q(v)))
    return "&".join(parts)


PAYLOADS = ["' OR 1=1 -- user%d", "<script>alert(%d)</script>", "curl http://169.254.169.254/%d",
            "ignore previous instructions %d"]
ENDPOINTS = ["/api/login", "/api/search", "/cms/page/%d", "/files/download", None]


def dataset(srv, n=48):
    """A project with n events that vary in every filtered field (distinct
    times, newest i = 0), over REST (two environments) and the WebSocket
    (every eighth event, from two agents)."""
    p = Project(srv, "evf")
    base = now_ms() - 120000
    rest = {}
    ws = {}
    for i in range(n):
        if i % 6 == 0:
            ip = None
        elif i % 6 == 1:
            ip = "2001:db8:%x::%x" % (i % 2, i + 1)
        elif i % 6 == 2:
            ip = "203.0.113.%d" % (i * 5 % 256)
        else:
            ip = "198.51.%d.%d" % (100 + i % 3, i)
        ep = ENDPOINTS[i % 5]
        e = event(base - i * 1000, interceptor=INTERCEPTORS[i % 7],
                  action="logged" if i % 3 == 0 else "blocked", severity=SEVERITIES[i % 4],
                  source_ip=ip, endpoint=ep % i if ep and "%" in ep else ep, method="POST",
                  payload=PAYLOADS[i % 4] % i,
                  operation="SELECT * FROM t WHERE id = '%d'" % i if i % 2 else None,
                  rule="rule.%d" % (i % 3), confidence=0.5 + (i % 5) / 10)
        if i % 8 == 7:
            ws.setdefault(("production", "agent-ws-a") if i % 16 == 7 else ("staging", "agent-ws-b"),
                          []).append(e)
        else:
            rest.setdefault("staging" if i % 5 == 3 else "production", []).append(e)
    for env, evs in sorted(rest.items()):
        p.send(evs, env)
    for (env, agent), evs in sorted(ws.items()):
        p.send_ws(evs, env, agent)
    return p


# -- search


def test_every_filter_returns_exactly_the_matching_events_newest_first(srv):
    p = dataset(srv)
    times = sorted(ts_of(e) for e in p.sent)
    cases = [
        {},
        {"environment": "staging"}, {"environment": "production"}, {"environment": "nowhere"},
        {"interceptor": "xss"}, {"interceptor": "llm_prompt_injection"},
        {"action": "logged"}, {"action": "blocked"},
        {"severity": "critical"}, {"severity": "low"},
        {"status": "new"}, {"status": "resolved"},
        {"agent": "agent-ws-a"}, {"agent": "agent-ws-b"}, {"agent": "nobody"},
        {"source_ip": "203.0.113.10"}, {"source_ip": "2001:db8:1::8"},
        {"source_ip": "203.0.113.0/24"}, {"source_ip": "198.51.100.0/23"},
        {"source_ip": "198.51.101.7/31"}, {"source_ip": "0.0.0.0/0"},
        {"source_ip": "2001:db8::/32"}, {"source_ip": "2001:db8:1::/48"}, {"source_ip": "::/0"},
        {"endpoint": "/api/login"}, {"endpoint": "/api/*"}, {"endpoint": "/cms/page/*"},
        {"endpoint": "/cms/page/2"}, {"endpoint": "*"}, {"endpoint": "/nothing*"},
        {"since": times[10]}, {"until": times[30]}, {"since": times[5], "until": times[20]},
        {"q": "alert"}, {"q": "1=1"}, {"q": "SELECT"}, {"q": "previous instructions"},
        {"q": "169.254.169.254"}, {"q": "script alert"}, {"q": "nothing-like-this"},
        {"q": "!!!"}, {"q": "alert !!!"},
        # words inside a URL, a host and tags, found alike on both engines
        {"q": "254"}, {"q": "http"}, {"q": "script"}, {"q": "169.254.169.254/6"},
        {"q": "curl http://169.254.169.254"}, {"q": "<script>alert(9)"},
        {"interceptor": "xss", "environment": "production", "action": "blocked"},
        {"severity": "high", "source_ip": "198.51.0.0/16", "endpoint": "/api/*"},
        {"q": "instructions", "agent": "agent-ws-b", "since": times[3]},
        {"environment": "staging", "agent": "agent-ws-b", "severity": "critical"},
    ]
    for f in cases:
        want = expected(p.sent, **f)
        for limit in (5, 500):
            got = p.ids(query_of(**f), limit=limit)
            eq(got, want, "events for %r (limit %d)" % (f, limit))
    # the IPv6 address in another spelling is the same address
    eq(p.ids("source_ip=" + q("2001:DB8:1:0::8")), expected(p.sent, source_ip="2001:db8:1::8"),
       "a non-canonical IPv6 spelling")


def test_an_event_reads_back_whole_by_its_id(srv):
    p = Project(srv)
    t = now_ms() - 5000
    e = event(t, interceptor="command_injection", action="logged", severity="critical",
              confidence=0.97, source_ip="2001:DB8::0:7", method="PUT", endpoint="/api/run",
              payload="; cat /etc/passwd", operation="sh -c 'ls ; cat /etc/passwd'",
              location={"file": "app/run.py", "line": 42, "function": "run"}, rule="cmd.chain",
              details={"user": "u-1", "nested": {"a": [1, 2]}, "html": "</script>"})
    big = event(t - 1, payload="A" * 9000, operation="B" * 10)
    p.send_ws([e], "staging", "agent-7")
    p.send([big], "staging")
    got = expect(srv.req("GET", p.path("/events/" + e["id"]), **_tok(srv)), 200)
    eq(set(got), EVENT_KEYS, "the event's keys")
    want = {"id": e["id"], "ts": iso(t), "environment": "staging", "agent_id": "agent-7",
            "interceptor": "command_injection", "action": "logged", "severity": "critical",
            "confidence": 0.97, "source_ip": "2001:db8::7", "method": "PUT", "endpoint": "/api/run",
            "payload": e["payload"], "payload_length": len(e["payload"]), "payload_truncated": False,
            "operation": e["operation"], "operation_length": len(e["operation"]),
            "operation_truncated": False, "location": e["location"], "rule": "cmd.chain",
            "details": e["details"], "status": "new"}
    for k, v in want.items():
        eq(got[k], v, "field %s" % k)
    check(moat.RFC3339_RE.match(got["received_at"]) and "." in got["received_at"],
          "received_at with milliseconds: %r" % got["received_at"])
    # the list shows the same object
    eq([x for x in p.list() if x["id"] == e["id"]], [got], "the event in the list")
    # a cut payload keeps its length and flag; absent fields are null
    b = expect(srv.req("GET", p.path("/events/" + big["id"].upper()), **_tok(srv)), 200)
    eq((len(b["payload"]), b["payload_length"], b["payload_truncated"]), (8192, 9000, True), "truncated payload")
    eq((b["source_ip"], b["endpoint"], b["confidence"], b["location"], b["rule"], b["details"]),
       (None, None, None, {"file": None, "line": None, "function": None}, None, {}), "absent fields")
    # unknown, malformed, and another project's ids are 404
    other = Project(srv)
    for path in (p.path("/events/" + str(uuid.uuid4())), p.path("/events/not-a-uuid"),
                 p.path("/events/" + q("' OR 1=1 --")), other.path("/events/" + e["id"])):
        expect_problem(srv.req("GET", path, **_tok(srv)), 404, "not_found")


def test_pages_stay_stable_while_newer_events_arrive(srv):
    p = Project(srv)
    base = now_ms() - 200000
    first = [event(base + i * 1000) for i in range(25)]
    # five events share one time: pages must cut between them cleanly
    first += [event(base + 30000) for _ in range(5)]
    p.send(first)
    want = newest_first(first)
    # ties: the API orders equal times by arrival, newest first; take it as is
    got_all = p.ids(limit=500)
    eq(sorted(got_all), sorted(want), "the set of events")
    eq(got_all[5:], want[5:], "order below the tie")
    seen, cursor, k = [], None, 0
    while True:
        path = p.path("/events?limit=4" + ("&cursor=" + q(cursor) if cursor else ""))
        b = expect(srv.req("GET", path, **_tok(srv)), 200)
        seen += [e["id"] for e in b["events"]]
        cursor = b["next_cursor"]
        if cursor is None:
            break
        # newer events arrive between pages
        k += 1
        p.send([event(now_ms() - 10 + j) for j in range(3)])
    eq(seen, got_all, "pages across inserts (no repeats, no gaps)")
    check(len(set(seen)) == len(seen), "repeated events across pages")
    check(k >= 7, "pagination took %d pages" % k)
    # a cursor keeps its place with filters too
    ids = p.ids("since=" + q(iso(base + 3000)) + "&until=" + q(iso(base + 20000)), limit=3)
    eq(ids, newest_first([e for e in first if base + 3000 <= ts_of(e) < base + 20000]), "filtered pages")


# -- export


TRICKY = ["=1+1", "+SUM(A1)", "-2", "@cmd", "\tTAB first", "\rCR first", "plain words",
          'has "quotes", and commas', "multi\nline\r\nvalue", "unicode caf\u00e9 \U0001F6E1",
          "=HYPERLINK(\"http://evil\",\"x\")", "a=1 inside", ""]


def _csv_cell(v):
    return "'" + v if v and v[0] in "=+-@\t\r" else v


def test_csv_export_is_rfc_4180_and_neutralises_formulas(srv):
    p = Project(srv, "evcsv")
    base = now_ms() - 60000
    evs = [event(base + i, payload=t, endpoint="/x/" + str(i) if i % 2 else "=evil()",
                 rule="-rule" if i == 3 else "r", details={"k": t})
           for i, t in enumerate(TRICKY)]
    p.send(evs)
    r = srv.req("GET", p.path("/events/export?format=csv"), **_tok(srv))
    expect(r, 200)
    eq(r.header("Content-Type"), "text/csv; charset=utf-8", "content type")
    eq(r.header("Content-Disposition"), 'attachment; filename="events-%s.csv"' % p.slug, "disposition")
    eq((r.header("Transfer-Encoding") or "").lower(), "chunked", "streamed")
    text = r.raw.decode("utf-8")
    check(text.endswith("\r\n"), "records end with CRLF")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    eq(rows[0], CSV_HEADER, "header row")
    body = rows[1:]
    eq(len(body), len(evs), "one record per event")
    by_id = {row[0]: dict(zip(CSV_HEADER, row)) for row in body}
    eq([row[0] for row in body], newest_first(evs), "records newest first")
    for i, e in enumerate(evs):
        row = by_id[e["id"]]
        eq(row["payload"], _csv_cell(e["payload"]), "payload cell of %r" % e["payload"])
        eq(row["endpoint"], _csv_cell(e["endpoint"]), "endpoint cell")
        eq(row["rule"], _csv_cell(e["rule"]), "rule cell")
        eq(json.loads(row["details"]), e["details"], "details cell is the JSON object")
        eq((row["ts"], row["interceptor"], row["status"], row["payload_length"], row["payload_truncated"]),
           (e["ts"], "sql_injection", "new", str(len(e["payload"].encode())), "false"), "other cells")
        eq((row["source_ip"], row["line"], row["confidence"]), ("", "", ""), "absent values are empty")
        for cell in row.values():
            check(not cell or cell[0] not in "=+-@\t\r", "a cell a spreadsheet would run: %r" % cell)
    # filters apply; an empty result is the header alone
    r = srv.req("GET", p.path("/events/export?format=csv&q=" + q("HYPERLINK")), **_tok(srv))
    rows = list(csv.reader(io.StringIO(expect(r, 200), newline="")))
    eq(len(rows), 2, "one record for q=HYPERLINK")
    r = srv.req("GET", p.path("/events/export?interceptor=xss"), **_tok(srv))
    eq(r.raw, (",".join(CSV_HEADER) + "\r\n").encode(), "csv is the default; no match is the header alone")
    expect_problem(srv.req("GET", p.path("/events/export?format=xml"), **_tok(srv)), 400, "bad_request")
    expect_problem(srv.req("GET", p.path("/events/export?format=csv&source_ip=x"), **_tok(srv)), 400,
                   "bad_request")


def test_ndjson_export_is_one_api_event_per_line(srv):
    p = dataset(srv, 30)
    for query in ("", "&interceptor=xss", "&q=alert&environment=production"):
        r = srv.req("GET", p.path("/events/export?format=ndjson" + query), **_tok(srv))
        expect(r, 200)
        eq(r.header("Content-Type"), "application/x-ndjson", "content type")
        eq(r.header("Content-Disposition"), 'attachment; filename="events-%s.ndjson"' % p.slug, "disposition")
        text = r.raw.decode("utf-8")
        check(text == "" or text.endswith("\n"), "lines end with LF")
        lines = [json.loads(line) for line in text.splitlines()]
        eq(lines, p.list(query.lstrip("&"), limit=500), "ndjson lines vs the search %r" % query)


def test_an_export_of_thousands_of_events_streams_to_the_end(srv):
    p = Project(srv, "evbig")
    base = now_ms() - 3600000
    evs = [event(base + i * 100, interceptor=INTERCEPTORS[i % 7], payload="p%d %s" % (i, "x" * 200),
                 endpoint="/e/%d" % (i % 50)) for i in range(3000)]
    p.send(evs)
    t0 = time.monotonic()
    r = moat.raw_get(srv.port, p.path("/events/export?format=csv"),
                     b"Authorization: Bearer " + srv.admin_token().encode() + b"\r\n")
    dt = time.monotonic() - t0
    check(r is not None, "no response")
    eq(r.status, 200, "status")
    eq((r.header("Transfer-Encoding") or "").lower(), "chunked", "chunked transfer")
    check(r.header("Content-Length") is None, "no Content-Length on a stream")
    check(r.raw.endswith(b"0\r\n\r\n"), "the stream ends with the last chunk")
    rows = list(csv.reader(io.StringIO(r.body.decode("utf-8"), newline="")))
    eq(len(rows), 3001, "header + 3000 records")
    eq([row[0] for row in rows[1:]], newest_first(evs), "every event once, newest first")
    print("export of 3000 events (csv, %d bytes): %.0f ms" % (len(r.body), dt * 1000))
    r = srv.req("GET", p.path("/events/export?format=ndjson&interceptor=xss"), **_tok(srv))
    lines = expect(r, 200).splitlines()
    eq(len(lines), len([e for e in evs if e["interceptor"] == "xss"]), "ndjson lines for xss")


# -- statistics


def test_stats_count_exactly_per_bucket_interceptor_action_severity_and_top_lists(srv):
    p = Project(srv, "evst")
    hour = 3600000
    h0 = (now_ms() - 5 * hour) // hour * hour
    evs, staging = [], []
    k = 0
    for h in range(3):
        for j in range(10 + 5 * h):
            k += 1
            e = event(h0 + h * hour + j * 60000 + 500, interceptor=INTERCEPTORS[k % 3],
                      action="blocked" if k % 4 else "logged", severity=SEVERITIES[k % 4],
                      endpoint="/ep/%d" % (k % 12 if k % 12 < 6 else 0),
                      source_ip="192.0.2.%d" % (k % 13), rule="rule.%d" % (k % 11))
            (staging if k % 7 == 0 else evs).append(e)
    p.send(evs)
    p.send(staging, "staging")
    allev = evs + staging
    since, until = h0, h0 + 3 * hour

    def stats(query):
        return expect(srv.req("GET", p.path("/stats?" + query), **_tok(srv)), 200)

    s = stats("since=%s&until=%s&bucket=hour" % (q(iso(since)), q(iso(until))))
    eq((s["since"], s["until"], s["bucket"], s["environment"]), (iso(since), iso(until), "hour", None), "range")
    eq(s["total"], len(allev), "total")
    eq(s["by_action"], {"blocked": sum(e["action"] == "blocked" for e in allev),
                        "logged": sum(e["action"] == "logged" for e in allev)}, "by_action")
    eq(s["by_severity"], {v: sum(e["severity"] == v for e in allev) for v in SEVERITIES}, "by_severity")
    eq(s["by_interceptor"], {v: sum(e["interceptor"] == v for e in allev) for v in INTERCEPTORS},
       "by_interceptor (every interceptor listed)")
    eq(len(s["buckets"]), 3, "three hour buckets")
    for h, b in enumerate(s["buckets"]):
        inb = [e for e in allev if h0 + h * hour <= ts_of(e) < h0 + (h + 1) * hour]
        eq(b["start"], iso(h0 + h * hour), "bucket start")
        eq((b["total"], b["blocked"]), (len(inb), sum(e["action"] == "blocked" for e in inb)), "bucket %d" % h)
        want = {}
        for e in inb:
            want[e["interceptor"]] = want.get(e["interceptor"], 0) + 1
        eq(b["by_interceptor"], want, "bucket %d per interceptor" % h)

    def top(key, field):
        c = {}
        for e in allev:
            c[e[key]] = c.get(e[key], 0) + 1
        return [{field: k, "count": n} for k, n in sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))][:10]

    eq(s["top_endpoints"], top("endpoint", "endpoint"), "top endpoints")
    eq(s["top_sources"], top("source_ip", "source_ip"), "top sources")
    eq(s["top_rules"], top("rule", "rule"), "top rules")
    # one environment; minute buckets from an unaligned since
    s = stats("since=%s&until=%s&bucket=minute&environment=staging" % (q(iso(since + 90500)), q(iso(until))))
    st = [e for e in staging if ts_of(e) >= since + 90500]
    eq((s["total"], s["environment"]), (len(st), "staging"), "staging total")
    eq(s["buckets"][0]["start"], iso(since + 60000), "the first minute bucket starts at or before since")
    eq(len(s["buckets"]), (until - since - 60000) // 60000, "minute buckets")
    eq(sum(b["total"] for b in s["buckets"]), len(st), "minute buckets add up")
    # the default range is the last 24 hours, in hours
    s = stats("")
    eq((s["total"], s["bucket"]), (len(allev), "hour"), "default range and bucket")
    check(len(s["buckets"]) in (24, 25), "24 hour buckets by default, got %d" % len(s["buckets"]))
    eq(stats("environment=nowhere")["total"], 0, "an unknown environment counts nothing")
    for bad in ("bucket=week", "since=yesterday", "since=%s&until=%s" % (q(iso(until)), q(iso(since))),
                "bucket=minute&since=%s" % q(iso(now_ms() - 3 * 86400000))):
        expect_problem(srv.req("GET", p.path("/stats?" + bad), **_tok(srv)), 400, "bad_request")


# -- triage


def _audit(srv, query):
    return expect(srv.req("GET", "/api/v1/audit?" + query, **_tok(srv)), 200)["entries"]


def test_triage_one_and_in_bulk_is_audited(srv):
    p = dataset(srv, 40)
    e = p.sent[0]
    r = srv.req("PATCH", p.path("/events/" + e["id"]), {"status": "acknowledged", "reason": "looking"},
                **_tok(srv))
    b = expect(r, 200)
    eq((b["event"]["id"], b["event"]["status"], b["policy"]), (e["id"], "acknowledged", None), "patched")
    e["_status"] = "acknowledged"
    eq(expect(srv.req("GET", p.path("/events/" + e["id"]), **_tok(srv)), 200)["status"], "acknowledged",
       "read back")
    eq(p.ids("status=acknowledged"), [e["id"]], "status filter")
    entries = [x for x in _audit(srv, "action=event.status&project=" + p.slug)]
    eq([(x["action"], x["target"], x["project"]) for x in entries], [("event.status", e["id"], p.slug)],
       "audit of the single change")
    eq(entries[0]["details"], {"status": "acknowledged", "previous": "new", "reason": "looking"}, "its details")
    eq(entries[0]["request_id"], r.header("X-Request-Id"), "the audit names the request")
    # the same status again changes nothing and adds no audit entry
    expect(srv.req("PATCH", p.path("/events/" + e["id"]), {"status": "acknowledged"}, **_tok(srv)), 200)
    eq(len(_audit(srv, "action=event.status&project=" + p.slug)), 1, "no entry for a no-op")

    # bulk by filter
    f = {"interceptor": "xss", "environment": "production"}
    want = expected(p.sent, **f)
    check(len(want) >= 3, "enough xss events")
    r = srv.req("POST", p.path("/events/triage"), {"status": "resolved", "filters": f, "reason": "fixed"},
                **_tok(srv))
    eq(expect(r, 200), {"status": "resolved", "updated": len(want), "more": False, "max": 10000}, "bulk result")
    for x in p.sent:
        if x["id"] in want:
            x["_status"] = "resolved"
    eq(p.ids("status=resolved"), want, "resolved events")
    eq(p.ids("status=new"), expected(p.sent, status="new"), "the others stay new")
    entries = _audit(srv, "action=event.status&project=" + p.slug)
    eq(len(entries), 2, "one audit entry per bulk call")
    eq((entries[0]["target"], entries[0]["details"]),
       ("events", {"status": "resolved", "count": len(want), "filters": f, "reason": "fixed"}), "bulk audit")
    # again: nothing left to change, nothing audited
    r = srv.req("POST", p.path("/events/triage"), {"status": "resolved", "filters": f}, **_tok(srv))
    eq(expect(r, 200)["updated"], 0, "a repeated bulk call")
    eq(len(_audit(srv, "action=event.status&project=" + p.slug)), 2, "no entry for a no-op bulk call")
    # bulk with a network and free text
    f2 = {"source_ip": "198.51.100.0/24", "q": "instructions"}
    want2 = expected(p.sent, **f2)
    check(want2, "events for the CIDR and q")
    r = srv.req("POST", p.path("/events/triage"), {"status": "false_positive", "filters": f2}, **_tok(srv))
    eq(expect(r, 200)["updated"], len(want2), "bulk with a CIDR and q")
    for x in p.sent:
        if x["id"] in want2:
            x["_status"] = "false_positive"
    eq(p.ids("status=false_positive"), want2, "the CIDR/q events are false positives")
    # every event of the project, with no filters
    triaged = [x for x in p.sent if x.get("_status", "new") != "new"]
    r = srv.req("POST", p.path("/events/triage"), {"status": "new"}, **_tok(srv))
    eq(expect(r, 200)["updated"], len(triaged), "reset to new")
    eq(len(p.ids("status=new")), len(p.sent), "all new again")


def test_triage_refuses_bad_input_and_archived_projects(srv):
    p = dataset(srv, 8)
    e = p.sent[0]
    path = p.path("/events/" + e["id"])
    expect_problem(srv.req("PATCH", path, {"status": "closed"}, **_tok(srv)), 422, "validation_failed", "$.status")
    expect_problem(srv.req("PATCH", path, {}, **_tok(srv)), 422, "validation_failed", "$.status")
    expect_problem(srv.req("PATCH", path, {"status": "new", "colour": 1}, **_tok(srv)), 422,
                   "validation_failed", "$.colour")
    expect_problem(srv.req("PATCH", path, {"status": "resolved", "create_exclusion": True}, **_tok(srv)), 422,
                   "validation_failed", "$.create_exclusion")
    expect_problem(srv.req("PATCH", path, {"status": "resolved", "reason": "x" * 501}, **_tok(srv)), 422,
                   "validation_failed", "$.reason")
    expect_problem(srv.req("PATCH", p.path("/events/" + str(uuid.uuid4())), {"status": "new"}, **_tok(srv)),
                   404, "not_found")
    t = p.path("/events/triage")
    expect_problem(srv.req("POST", t, {"status": "new", "filters": {"colour": "red"}}, **_tok(srv)), 422,
                   "validation_failed", "$.filters.colour")
    expect_problem(srv.req("POST", t, {"status": "new", "filters": {"source_ip": "999.1.1.1"}}, **_tok(srv)),
                   422, "validation_failed", "$.filters.source_ip")
    expect_problem(srv.req("POST", t, {"status": "new", "filters": {"severity": 3}}, **_tok(srv)), 422,
                   "validation_failed", "$.filters.severity")
    expect_problem(srv.req("POST", t, {"status": "new", "filters": []}, **_tok(srv)), 422,
                   "validation_failed", "$.filters")
    r = srv.req("POST", t, {"status": "false_positive", "create_exclusion": True}, **_tok(srv))
    expect_problem(r, 422, "validation_failed", "$.create_exclusion")
    check("one event at a time" in r.body["errors"][0]["message"],
          "bulk says where exclusions are made: %r" % r.body["errors"])
    eq(len(_audit(srv, "action=event.status&project=" + p.slug)), 0, "nothing changed")
    expect(srv.req("PATCH", p.path(), {"archived": True}, **_tok(srv)), 200)
    expect_problem(srv.req("PATCH", path, {"status": "resolved"}, **_tok(srv)), 409, "project_archived")
    expect_problem(srv.req("POST", t, {"status": "resolved"}, **_tok(srv)), 409, "project_archived")
    eq(len(p.list()), 8, "an archived project's events can still be read")


def _policy(srv, p, env="production"):
    r = srv.req("GET", p.path("/environments/%s/policy" % env), **_tok(srv))
    return int(r.header("ETag").strip('"')), expect(r, 200)


def test_a_false_positive_becomes_an_exclusion_pushed_to_connected_agents(srv):
    p = Project(srv, "evfp")
    t = now_ms() - 30000
    e1 = event(t, interceptor="xss", endpoint="/api/search", payload="<b>bold</b>")
    e2 = event(t + 1, interceptor="xss", endpoint="/api/search", payload="<i>it</i>")
    e3 = event(t + 2, interceptor="sql_injection", endpoint=None, payload="x")
    e4 = event(t + 3, interceptor="ssrf", endpoint="/fetch", payload="http://x")
    e5 = event(t + 4, interceptor="xss", endpoint="/wild/*", payload="y")
    p.send([e1, e2, e3, e5])
    p.send([e4], "staging")
    v0, _ = _policy(srv, p)
    ws = WS(srv.agent_port, token=p.token)
    try:
        ws.send(hello("fp-agent", "production", v0))
        eq(ws.recv(5)["type"], "welcome", "welcome")
        r = srv.req("PATCH", p.path("/events/" + e1["id"]),
                    {"status": "false_positive", "create_exclusion": True, "reason": "search box echoes"},
                    **_tok(srv))
        b = expect(r, 200)
        eq(b["event"]["status"], "false_positive", "the event's status")
        pol = b["policy"]
        eq((pol["environment"], pol["version"], pol["changed"]), ("production", v0 + 1, True), "new version")
        excl = {"interceptor": "xss", "endpoint": "/api/search", "on_match": "ignore",
                "reason": "search box echoes"}
        eq(pol["exclusion"], excl, "the answer names the exclusion (endpoint-wide: no parameter)")
        m = ws.recv_type("policy", 5)
        eq((m["version"], m["sha256"]), (v0 + 1, pol["sha256"]), "the pushed version")
        check(excl in m["document"]["exclusions"], "pushed exclusions: %r" % m["document"]["exclusions"])
        v1, doc = _policy(srv, p)
        eq(v1, v0 + 1, "current version")
        check(excl in doc["exclusions"], "the stored policy has the exclusion")
        eq(doc["interceptors"], _policy_at(srv, p, v0)["interceptors"], "nothing else changed")
        ent = _audit(srv, "action=policy.update&project=" + p.slug)
        eq([x["details"]["version"] for x in ent], [v0 + 1], "audited as a policy update")
        # the same interceptor and endpoint again: no new version, nothing pushed
        b = expect(srv.req("PATCH", p.path("/events/" + e2["id"]),
                           {"status": "false_positive", "create_exclusion": True}, **_tok(srv)), 200)
        eq((b["policy"]["version"], b["policy"]["changed"]), (v0 + 1, False), "an identical exclusion")
        eq(b["policy"]["exclusion"], excl, "the answer names the exclusion already there")
        try:
            m = ws.recv(0.5)
            check(m.get("type") != "policy", "a policy was pushed for an identical exclusion: %r" % m)
        except TimeoutError:
            pass
    finally:
        ws.close()
    eq(_policy(srv, p)[0], v0 + 1, "still one new version")
    # an event without an endpoint, or whose endpoint would be a glob, cannot be excluded
    for e in (e3, e5):
        expect_problem(srv.req("PATCH", p.path("/events/" + e["id"]),
                               {"status": "false_positive", "create_exclusion": True}, **_tok(srv)),
                       422, "validation_failed", "$.create_exclusion")
        eq(expect(srv.req("GET", p.path("/events/" + e["id"]), **_tok(srv)), 200)["status"], "new",
           "a refused exclusion changes nothing")
    # a staging event's exclusion goes to staging's policy only
    s0, _ = _policy(srv, p, "staging")
    b = expect(srv.req("PATCH", p.path("/events/" + e4["id"]),
                       {"status": "false_positive", "create_exclusion": True}, **_tok(srv)), 200)
    eq((b["policy"]["environment"], b["policy"]["version"]), ("staging", s0 + 1), "staging version")
    _, sdoc = _policy(srv, p, "staging")
    eq(sdoc["exclusions"], [{"interceptor": "ssrf", "endpoint": "/fetch", "on_match": "ignore",
                             "reason": "false positive (event %s)" % e4["id"]}], "staging exclusions")
    eq(_policy(srv, p)[0], v0 + 1, "production untouched")
    # without create_exclusion a false positive touches no policy
    expect(srv.req("PATCH", p.path("/events/" + e2["id"]), {"status": "false_positive"}, **_tok(srv)), 200)
    eq(_policy(srv, p)[0], v0 + 1, "no version without create_exclusion")


def test_a_false_positive_on_a_parameter_excludes_that_parameter_only(srv):
    p = Project(srv, "evparam")
    t = now_ms() - 30000

    def xss(i, parameter, endpoint="/reviews"):
        d = {"parameter": parameter, "input_kind": "form"} if parameter is not None else None
        return event(t + i, interceptor="xss", endpoint=endpoint, payload="<img src=x>", details=d)

    text1, text2, author = xss(0, "body.text"), xss(1, "body.text"), xss(2, "body.author")
    ctx_free, other, cookie = xss(3, None), xss(4, "query.page"), xss(5, "cookie.theme", "/account")
    too_long, not_text = xss(6, "body." + "x" * 300), xss(7, 5)
    p.send([text1, text2, author, ctx_free, other, cookie, too_long, not_text])
    v0, _ = _policy(srv, p)

    def fp(e, reason=None):
        body = {"status": "false_positive", "create_exclusion": True}
        if reason:
            body["reason"] = reason
        return srv.req("PATCH", p.path("/events/" + e["id"]), body, **_tok(srv))

    # the event's parameter narrows the exclusion to it
    b = expect(fp(text1, "reviews may hold photos"), 200)
    x_text = {"interceptor": "xss", "endpoint": "/reviews", "parameter": "body.text", "on_match": "ignore",
              "reason": "reviews may hold photos"}
    eq((b["policy"]["version"], b["policy"]["changed"], b["policy"]["exclusion"]), (v0 + 1, True, x_text),
       "the exclusion made")
    eq(_policy(srv, p)[1]["exclusions"], [x_text], "the policy holds the parameter")
    # the same parameter again: no new version, the answer names the one there
    b = expect(fp(text2), 200)
    eq((b["policy"]["version"], b["policy"]["changed"], b["policy"]["exclusion"]), (v0 + 1, False, x_text),
       "an equal exclusion")
    eq(b["event"]["status"], "false_positive", "the status still changes")
    # another parameter of the same endpoint: a second exclusion, a new version
    b = expect(fp(author), 200)
    x_author = {"interceptor": "xss", "endpoint": "/reviews", "parameter": "body.author", "on_match": "ignore",
                "reason": "false positive (event %s)" % author["id"]}
    eq((b["policy"]["version"], b["policy"]["changed"], b["policy"]["exclusion"]), (v0 + 2, True, x_author),
       "a second parameter's exclusion")
    eq(_policy(srv, p)[1]["exclusions"], [x_text, x_author], "two exclusions")
    # a cookie keeps its name as the agent reports it
    b = expect(fp(cookie), 200)
    eq((b["policy"]["version"], b["policy"]["exclusion"]["endpoint"], b["policy"]["exclusion"]["parameter"]),
       (v0 + 3, "/account", "cookie.theme"), "a cookie's exclusion")
    # an event without a parameter: the whole endpoint, as before
    b = expect(fp(ctx_free), 200)
    x_all = {"interceptor": "xss", "endpoint": "/reviews", "on_match": "ignore",
             "reason": "false positive (event %s)" % ctx_free["id"]}
    eq((b["policy"]["version"], b["policy"]["changed"], b["policy"]["exclusion"]), (v0 + 4, True, x_all),
       "an endpoint-wide exclusion for an event without a parameter")
    # the endpoint-wide one covers every parameter of that endpoint
    b = expect(fp(other), 200)
    eq((b["policy"]["version"], b["policy"]["changed"], b["policy"]["exclusion"]), (v0 + 4, False, x_all),
       "an endpoint-wide exclusion already covers a parameter")
    # a parameter an exclusion cannot hold is refused, and nothing changes
    for e in (too_long, not_text):
        r = fp(e)
        expect_problem(r, 422, "validation_failed", "$.create_exclusion")
        eq(expect(srv.req("GET", p.path("/events/" + e["id"]), **_tok(srv)), 200)["status"], "new",
           "a refused exclusion changes nothing")
    eq(_policy(srv, p)[0], v0 + 4, "no version for a refused exclusion")


def test_an_endpoint_wide_exclusion_already_there_means_no_new_version_for_a_parameter(srv):
    p = Project(srv, "evcover")
    e = event(now_ms() - 1000, interceptor="xss", endpoint="/reviews", payload="<b>x</b>",
              details={"parameter": "body.text"})
    p.send([e])
    wide = {"interceptor": "xss", "endpoint": "/reviews", "on_match": "ignore", "reason": "reviews are HTML"}
    narrow_src = {"interceptor": "xss", "endpoint": "/reviews", "source": "10.0.0.0/8", "on_match": "ignore",
                  "reason": "the office"}
    v0 = expect(_put_policy(srv, p, {"exclusions": [narrow_src, wide]}), 200)["version"]
    b = expect(srv.req("PATCH", p.path("/events/" + e["id"]),
                       {"status": "false_positive", "create_exclusion": True}, **_tok(srv)), 200)
    eq((b["policy"]["version"], b["policy"]["changed"], b["policy"]["exclusion"]), (v0, False, wide),
       "covered by the endpoint-wide exclusion (not by the one limited to a source)")
    eq(b["event"]["status"], "false_positive", "the status changed")
    eq(_policy(srv, p)[0], v0, "no new version")


def _policy_at(srv, p, version):
    r = srv.req("GET", p.path("/environments/production/policy/versions/%d" % version), **_tok(srv))
    return expect(r, 200)["document"]


def _put_policy(srv, p, doc, dry_run=False, env="production"):
    """PUTs doc compactly (a near-limit policy must fit the 1 MiB body)."""
    raw = json.dumps(doc, separators=(",", ":")).encode("utf-8")
    return srv.req("PUT", p.path("/environments/%s/policy%s" % (env, "?dry_run=true" if dry_run else "")),
                   raw_body=raw, **_tok(srv))


def _canonical_len(doc):
    """The bytes of doc's canonical form (compact, sorted keys; ASCII here)."""
    return len(json.dumps(doc, sort_keys=True, separators=(",", ":")).encode("utf-8"))


POLICY_PUSH_MAX = (1 << 20) - 1024  # PROTOCOL.md: a normalised policy is at most 1 MiB - 1 KiB


def test_an_exclusion_past_the_policy_size_limit_is_refused_as_a_put_is_and_changes_nothing(srv):
    p = Project(srv, "evbig")
    e = event(now_ms() - 1000, interceptor="xss", endpoint="/api/search", payload="<b>x</b>")
    p.send([e])
    # a policy 60 bytes under the limit (the exclusion needs ~130): the
    # server's normalised document of a smaller one, then longer reasons
    doc = {"exclusions": [{"interceptor": "ssrf", "endpoint": "/f/%04d/%s" % (i, "e" * 480),
                           "on_match": "monitor", "reason": "r"} for i in range(999)]}
    doc = expect(_put_policy(srv, p, doc, dry_run=True), 200)["document"]
    grow = POLICY_PUSH_MAX - 60 - _canonical_len(doc)
    for x in doc["exclusions"]:
        add = min(grow, 511)
        x["reason"] += "r" * add
        grow -= add
    eq(grow, 0, "the filler could grow enough")
    eq(_canonical_len(doc), POLICY_PUSH_MAX - 60, "the filler's size")
    v0 = expect(_put_policy(srv, p, doc), 200)["version"]
    audits = len(_audit(srv, "project=" + p.slug))
    # the exclusion would push it over: the same refusal a PUT gets
    r = srv.req("PATCH", p.path("/events/" + e["id"]),
                {"status": "false_positive", "create_exclusion": True}, **_tok(srv))
    expect_problem(r, 422, "validation_failed", "$")
    same = dict(doc)
    same["exclusions"] = doc["exclusions"] + [{"interceptor": "xss", "endpoint": "/api/search",
                                               "on_match": "ignore",
                                               "reason": "false positive (event %s)" % e["id"]}]
    put = _put_policy(srv, p, same)
    expect_problem(put, 422, "validation_failed", "$")
    eq(r.body["detail"], put.body["detail"], "the exclusion's refusal is the PUT's")
    eq(r.body["errors"], put.body["errors"], "the same errors")
    # and nothing changed: the status, the policy, the audit log
    eq(expect(srv.req("GET", p.path("/events/" + e["id"]), **_tok(srv)), 200)["status"], "new",
       "the event's status after a refused exclusion")
    eq(_policy(srv, p)[0], v0, "no new policy version")
    eq(len(_audit(srv, "project=" + p.slug)), audits, "nothing audited")


def test_an_exclusion_the_policy_refuses_leaves_the_status_unchanged(srv):
    p = Project(srv, "evmax")
    e = event(now_ms() - 1000, interceptor="xss", endpoint="/api/search", payload="<b>x</b>")
    p.send([e])
    doc = {"exclusions": [{"interceptor": "ssrf", "endpoint": "/f/%d" % i} for i in range(1000)]}
    v0 = expect(_put_policy(srv, p, doc), 200)["version"]
    r = srv.req("PATCH", p.path("/events/" + e["id"]),
                {"status": "false_positive", "create_exclusion": True, "reason": "echo"}, **_tok(srv))
    expect_problem(r, 422, "validation_failed", "$.exclusions")
    eq(expect(srv.req("GET", p.path("/events/" + e["id"]), **_tok(srv)), 200)["status"], "new",
       "the event's status after a refused exclusion (all or nothing)")
    eq(_policy(srv, p)[0], v0, "no new policy version")
    eq(len(_audit(srv, "action=event.status&project=" + p.slug)), 0, "no status change audited")


# -- hostile input


HOSTILE = ["'", '"', "' OR 1=1 --", "\\", "%", "_", "*", "**", "NEAR(a b)", "a OR b", "a AND", "col:x",
           "^x", "-x", "(", ")", "{}", "[]", ";", "--", "/*", "*/", "\u00e9", "a\"b'c", "x" * 900,
           "1.2.3.4/99", "::/", "/", "'; DROP TABLE events; --", "\u2028", "0", "-1", "9" * 30,
           "2026-13-45T99:99:99Z", "MTo", "=cmd|' /C calc'!A0", "%00"]


def test_metacharacters_in_every_filter_give_200_or_400_never_500(srv):
    p = dataset(srv, 12)
    bad = []
    for name in FILTERS + ["cursor", "limit"]:
        for v in HOSTILE:
            for route in ("/events?", "/events/export?format=ndjson&", "/stats?"):
                if route == "/stats?" and name not in ("since", "until", "environment"):
                    continue
                r = srv.req("GET", p.path(route + name + "=" + q(v)), **_tok(srv))
                if r.status not in (200, 400):
                    bad.append("%s%s=%r -> %s" % (route, name, v, r.describe()))
    # raw bytes the URL may carry: a NUL, bad escapes, invalid UTF-8
    for raw in ("q=%00", "q=%C3%28", "endpoint=%FF", "q=%", "q=%zz", "source_ip=1.2.3.4%00"):
        r = srv.req("GET", p.path("/events?" + raw), **_tok(srv))
        if r.status != 400:
            bad.append("%s -> %s" % (raw, r.describe()))
    for v in HOSTILE:
        r = srv.req("POST", p.path("/events/triage"), {"status": "acknowledged", "filters": {"q": v, "endpoint": v}},
                    **_tok(srv))
        if r.status not in (200, 422):
            bad.append("triage filters %r -> %s" % (v, r.describe()))
        r = srv.req("GET", p.path("/events/" + q(v)), **_tok(srv))
        if r.status not in (400, 404):
            bad.append("event id %r -> %s" % (v, r.describe()))
        r = srv.req("PATCH", p.path("/events/" + p.sent[0]["id"]), {"status": v}, **_tok(srv))
        if r.status != 422:
            bad.append("status %r -> %s" % (v, r.describe()))
    check(not bad, "hostile values:\n  " + "\n  ".join(bad[:30]))
    check(srv.running(), "moatd is still running")
    eq(len(p.list()), 12, "every event is still there")


def test_limits_and_cursors_are_validated(srv):
    p = dataset(srv, 6)
    for query in ("limit=0", "limit=501", "limit=abc", "limit=", "limit=-1", "cursor=abc",
                  "cursor=" + q("MToy="), "since=" + q(iso(now_ms())) + "&until=" + q(iso(now_ms() - 1000))):
        expect_problem(srv.req("GET", p.path("/events?" + query), **_tok(srv)), 400, "bad_request")
    eq(len(expect(srv.req("GET", p.path("/events?limit=500"), **_tok(srv)), 200)["events"]), 6, "limit 500")
    b = expect(srv.req("GET", p.path("/events?limit=6"), **_tok(srv)), 200)
    eq(b["next_cursor"], None, "a page that holds the last event has no cursor")
    b = expect(srv.req("GET", p.path("/events?limit=5"), **_tok(srv)), 200)
    check(isinstance(b["next_cursor"], str), "a full page with more has a cursor")
    b2 = expect(srv.req("GET", p.path("/events?limit=5&cursor=" + q(b["next_cursor"])), **_tok(srv)), 200)
    eq((len(b2["events"]), b2["next_cursor"]), (1, None), "the last page")
    expect_problem(srv.req("GET", "/api/v1/projects/no-such-project/events", **_tok(srv)), 404, "not_found")


# -- roles


def test_the_event_routes_follow_the_role_matrix(srv):
    p = dataset(srv, 6)
    other = Project(srv, "evro")
    vuser, vpw = srv.create_user(unique("eviewer") + "@example.com", "viewer")
    euser, epw = srv.create_user(unique("eeditor") + "@example.com", "editor")
    auth = {
        "anonymous": {},
        "viewer": {"session": srv.login(vuser["email"], vpw)},
        "editor": {"session": srv.login(euser["email"], epw)},
        "admin": {"session": srv.admin()},
        "admin_token": {"token": srv.admin_token()},
        "ci": {"token": p.new_token("ci")},
        "ci_other": {"token": other.new_token("ci")},
        "agent": {"token": p.token},
    }
    readers = {"viewer", "editor", "admin", "admin_token", "ci"}
    writers = {"editor", "admin", "admin_token"}
    eid = p.sent[0]["id"]
    routes = [
        ("GET", p.path("/events"), None, readers),
        ("GET", p.path("/events/" + eid), None, readers),
        ("GET", p.path("/events/export?format=csv"), None, readers),
        ("GET", p.path("/stats"), None, readers),
        ("PATCH", p.path("/events/" + eid), {"status": "acknowledged"}, writers),
        ("POST", p.path("/events/triage"), {"status": "resolved", "filters": {"agent": "x"}}, writers),
    ]
    bad = []
    for who, a in auth.items():
        for method, path, body, allowed in routes:
            r = srv.req(method, path, body, **a)
            want = 200 if who in allowed else 401 if who == "anonymous" else 403
            if r.status != want:
                bad.append("%s %s as %s: want %d, got %s" % (method, path, who, want, r.describe()))
            elif want in (401, 403):
                code = "unauthenticated" if want == 401 else "forbidden"
                if not isinstance(r.body, dict) or r.body.get("code") != code:
                    bad.append("%s %s as %s: code %r" % (method, path, who, r.body))
    # a cookie session needs the CSRF header to triage
    r = srv.req("PATCH", p.path("/events/" + eid), {"status": "new"}, session=auth["editor"]["session"], csrf=False)
    if r.status != 403 or r.body.get("code") != "csrf_failed":
        bad.append("PATCH without CSRF: %s" % r.describe())
    # the other project's ci token reads its own events
    expect(srv.req("GET", other.path("/events"), **auth["ci_other"]), 200)
    check(not bad, "role matrix:\n  " + "\n  ".join(bad))
