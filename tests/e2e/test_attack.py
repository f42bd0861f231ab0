"""Attack tools nobody here wrote, against build/shop, switched to block live.

Two shop instances (build/shop, protected by libmoatagent) report to this
moatd. With sql_injection in monitor mode, sqlmap (Debian's, installed by
`scripts/deps.sh attack`) finds the injection in the product search's `q`,
and every statement it made the shop run arrives in moatd as an event:
the statement exactly as it would have run, the parameter `query.q`, and
the shop's file, line and function, which this test looks up in the source.
Then a PUT switches the policy to block, as CI would, with no restart: both
instances apply the new version within a second, sqlmap run again from
scratch (a fresh output directory, --flush-session) finds nothing
injectable, and the shop's ordinary pages give the same answers as before.

sqlmap is pinned: --technique=BEU --level=2 --risk=1 (level 2 is the first
that tries the `%'` prefix this LIKE pattern needs), --batch, a time budget
per run, --ignore-proxy and a target on 127.0.0.1 only. Its verdict is read
from the log it writes in its output directory (`Parameter: q (GET)`
blocks) and the results CSV beside it, cross-checked with its console
output; a run that did not finish is a failure, not a verdict. A missing
sqlmap is a failure naming the command that installs it, not a skip.

wapiti (Debian's 3.0.4) crawls the whole shop and attacks it with its
exec, file, xss, permanentxss and sql modules, the crawl and each module
bounded (a scan cut short by its limit is a failure): with every
interceptor in monitor mode it finds the command execution, the path
traversal and the XSS; after the PUT to block, a scan of the other shop
(its own database: no stored XSS from the first scan) finds nothing. Its
sql module is error-based and the shop shows no SQLite error, so only
sqlmap proves the SQL injection. No network beyond 127.0.0.1: an empty
Wappalyzer database keeps wapiti from downloading one, and payloads that
would name wapiti's own server name 127.0.0.1:9.
"""

import csv
import glob
import json
import os
import re
import shutil
import subprocess
import time
import urllib.parse

import moat
import shopctl
from moat import check, eq, expect
from shopctl import all_events, enclosing_function, wait_applied

TEST_TIMEOUT = 300  # run.py: each test of this module gets this long
WAIT = 15.0
APPLY_WITHIN = 1.0  # seconds from the PUT to every instance on the new version
SQLMAP_BUDGET = 150  # seconds per sqlmap run
SQLMAP_PINNED = ["--technique=BEU", "--level=2", "--risk=1"]
# every technique, level 3 and the highest risk: a harder try against block
# (level 5 takes 3,500 requests and half a minute here, and finds nothing more)
SQLMAP_FULL = ["--technique=BEUSTQ", "--level=3", "--risk=3"]
# wapiti: its modules for what the shop's interceptors cover (sql is
# error-based and the shop shows no SQLite error; blindsql has no SQLite
# payload; ssrf needs wapiti's own server on the internet), the crawl and
# each module bounded, and what it must find in monitor mode
WAPITI_MODULES = ["sql", "exec", "file", "xss", "permanentxss"]
WAPITI_CRAWL = 60
WAPITI_MODULE = 90
WAPITI_MONITOR_FINDS = ["Command execution", "Path Traversal", "Cross Site Scripting"]
STATEMENT = re.compile(r"^SELECT\b.*\bFROM products\b", re.S)


# --------------------------------------------------------------------------
# The shop


# a small environment: wapiti's command injections run `env` in the shop
def _shop_env(db):
    return {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": os.path.dirname(db), "LC_ALL": "C"}


def start_shops(srv, slug, token, n):
    """Starts n shops one after the other; each one's agent_id is the agent
    that came online in moatd after it started."""
    shops = []
    try:
        for i in range(n):
            db = os.path.join(srv.tmp, "%s-%d.db" % (slug, i))
            shop = shopctl.Shop(srv, token, db, env=_shop_env(db))
            shop.agent_id = None
            shops.append(shop)
            known = {s.agent_id for s in shops}
            deadline = time.monotonic() + WAIT
            while shop.agent_id is None and time.monotonic() < deadline:
                for a in shopctl.agents(srv, slug):
                    if a["online"] and a["agent_id"] not in known:
                        shop.agent_id = a["agent_id"]
                time.sleep(0.05)
            check(shop.agent_id, "shop %d never came online in moatd: %s" % (i, shop.output()))
    except BaseException:
        for s in shops:
            s.stop()
        raise
    return shops


# ordinary traffic: (target, what the answer must hold)
def _home(ctype, body):
    return ctype.startswith("text/html") and 'action="/search"' in body


def _brass(ctype, body):
    return ("json" in ctype and '"Brass clock"' in body and '"Brass lamp"' in body
            and "Prototype" not in body)


def _silver(ctype, body):
    return "json" in ctype and '"Silver bracelet"' in body and "Brass" not in body


LEGIT = [("/", _home), ("/search?q=brass", _brass), ("/search?q=silver", _silver),
         ("/search?q=" + urllib.parse.quote("brass lamp"), lambda t, b: '"Brass lamp"' in b)]


def legit_answers(shop, what):
    """GETs every ordinary page: 200 with the right content; returns the bodies."""
    bodies = {}
    for target, ok in LEGIT:
        status, body, headers = shop.request("GET", target)
        ctype = headers.get("Content-Type", "")
        eq(status, 200, "%s: GET %s on %s" % (what, target, shop.agent_id))
        check(ok(ctype, body), "%s: GET %s on %s: wrong content (%s): %s"
              % (what, target, shop.agent_id, ctype, body[:300]))
        bodies[target] = body
    return bodies


# --------------------------------------------------------------------------
# moatd


ALL_INTERCEPTORS = ("sql_injection", "nosql_injection", "xss", "ssrf", "path_traversal",
                    "command_injection", "llm_prompt_injection")


def put_policy(srv, slug, mode, interceptors=("sql_injection",)):
    resp = srv.req("PUT", "/api/v1/projects/%s/environments/production/policy" % slug,
                   {"interceptors": {name: {"mode": mode} for name in interceptors}},
                   token=srv.admin_token())
    expect(resp, 200)
    return resp.body["version"]


def new_project(srv):
    """A project and an agent token for its shops."""
    slug = moat.unique("attack")
    srv.create_project(slug)
    resp = srv.req("POST", "/api/v1/projects/%s/tokens" % slug,
                   {"kind": "agent", "name": "shop"}, token=srv.admin_token())
    expect(resp, 201)
    return slug, resp.body["token"]


def events_with(srv, slug, payloads, **filters):
    """Waits until an event holds each of payloads; returns the events."""
    deadline = time.monotonic() + WAIT
    while True:
        evs = all_events(srv, slug, **filters)
        have = {e["payload"] for e in evs}
        missing = [p for p in payloads if p not in have]
        if not missing or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    check(not missing, "no %s event holds sqlmap's payload(s) %r (%d events)" % (filters, missing, len(evs)))
    return evs


def some_events(srv, slug, **filters):
    """Waits up to WAIT until an event matches filters (the agent sends
    its events after the response, and the writer commits them in
    batches); returns them, empty if none came."""
    deadline = time.monotonic() + WAIT
    while True:
        evs = all_events(srv, slug, **filters)
        if evs or time.monotonic() > deadline:
            return evs
        time.sleep(0.2)


def check_event(ev, action):
    """The event of one statement sqlmap made the shop run: the statement
    holds the payload as sent, the parameter is q, and the location is the
    moat_check_sql call in the shop's source."""
    eq(ev["interceptor"], "sql_injection", "interceptor")
    eq(ev["action"], action, "action of %r" % ev["payload"])
    eq(ev["details"]["parameter"], "query.q", "details.parameter")
    eq(ev["endpoint"], "/search", "endpoint")
    eq(ev["source_ip"], "127.0.0.1", "source_ip")
    check(not ev["operation_truncated"] and not ev["payload_truncated"], "truncated: %r" % ev)
    check(STATEMENT.match(ev["operation"]), "operation is not the search's statement: %r" % ev["operation"])
    check(ev["payload"] in ev["operation"], "operation %r does not hold the payload %r"
          % (ev["operation"], ev["payload"]))
    loc = ev["location"]
    path = os.path.join(moat.CONFIG.repo_root, loc["file"])
    check(os.path.isfile(path), "location.file %r is not a file of this repository" % loc["file"])
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    check(0 < loc["line"] <= len(lines), "location.line %r outside %s" % (loc["line"], loc["file"]))
    near = "\n".join(lines[max(0, loc["line"] - 3):loc["line"]])
    check("moat_check_sql" in near, "%s:%d is not at a moat_check_sql call: %r"
          % (loc["file"], loc["line"], near))
    eq(loc["function"], enclosing_function(lines, loc["line"]),
       "location.function (the function around %s:%d)" % (loc["file"], loc["line"]))


def check_statements(evs):
    """Every event's statement is the same text around its payload: the
    one statement the search builds, exactly as it would have run."""
    shapes = {tuple(e["operation"].split(e["payload"], 1)) for e in evs}
    eq(len(shapes), 1, "statements around the payloads (prefix, suffix)")


def run_tool(tool, name, cmd, home, budget):
    """Runs an attack tool in home with no proxy settings; fails past its
    budget (seconds). Returns (exit status, output, seconds taken)."""
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    env.update(HOME=home, TERM="dumb")
    started = time.monotonic()
    try:
        p = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           env=env, cwd=home, timeout=budget)
    except subprocess.TimeoutExpired as exc:
        moat.fail("%s (%s) ran past its %d s budget: %s" % (
            tool, name, budget, (exc.output or b"").decode("utf-8", "replace")[-1500:]))
    return p.returncode, p.stdout.decode("utf-8", "replace"), time.monotonic() - started


# --------------------------------------------------------------------------
# sqlmap


class SqlmapRun:
    def __init__(self, rc, out, log, rows, seconds):
        self.rc = rc
        self.out = out
        self.log = log
        self.rows = rows
        self.seconds = seconds
        # the log's injection points: "Parameter: q (GET)" then "Payload: q=..."
        self.params = set(re.findall(r"^Parameter: (\S+) \(", log, re.M))
        self.payloads = [p for p in re.findall(r"^\s*Payload: q=(.*)$", log, re.M)]
        self.csv_params = {r.get("Parameter") for r in rows if r.get("Parameter")}
        m = re.search(r"with a total of (\d+) HTTP\(s\) requests", log)
        self.requests = int(m.group(1)) if m else None
        self.codes = {int(c): int(n) for c, n in re.findall(r"\b(\d{3}) \([A-Za-z ]+\) - (\d+) times", out)}

    def tail(self):
        return "\n".join(self.out.strip().split("\n")[-15:])


def sqlmap(srv, shop, name, options):
    """Runs sqlmap from scratch against shop's search; returns a SqlmapRun."""
    exe = shutil.which("sqlmap")
    check(exe, "sqlmap is not installed: `sh scripts/deps.sh attack` installs Debian's sqlmap "
               "(`make e2e` and `make test` run it)")
    home = os.path.join(srv.tmp, "sqlmap-" + name)
    outdir = os.path.join(home, "output")
    os.makedirs(outdir)
    cmd = [exe, "-u", "http://127.0.0.1:%d/search?q=brass" % shop.port, "-p", "q",
           "--batch", "--flush-session", "--output-dir", outdir, "--disable-coloring",
           "--ignore-proxy", "--timeout=10", "--retries=1", "--threads=1"] + options
    rc, out, seconds = run_tool("sqlmap", name, cmd, home, SQLMAP_BUDGET)
    check(rc == 0 and "[*] ending @" in out,
          "sqlmap (%s) did not finish (exit %d): %s" % (name, rc, out[-1500:]))
    log = ""
    logs = glob.glob(os.path.join(outdir, "127.0.0.1", "log"))
    if logs:
        with open(logs[0], encoding="utf-8", errors="replace") as f:
            log = f.read()
    rows = []
    for path in glob.glob(os.path.join(outdir, "results-*.csv")):
        with open(path, newline="", encoding="utf-8", errors="replace") as f:
            rows += list(csv.DictReader(f))
    run = SqlmapRun(rc, out, log, rows, seconds)
    # the log, the CSV and the console agree, or the parsing is wrong
    if rows or glob.glob(os.path.join(outdir, "results-*.csv")):
        eq(run.csv_params, run.params, "sqlmap (%s): the CSV's parameters vs the log's" % name)
    said_no = "all tested parameters do not appear to be injectable" in out
    check(said_no != bool(run.params), "sqlmap (%s): its log (%r) and its console disagree: %s"
          % (name, sorted(run.params), run.tail()))
    return run


def test_sqlmap_finds_the_injection_in_monitor_and_nothing_once_a_put_switches_both_shops_to_block(srv):
    slug, token = new_project(srv)
    v1 = put_policy(srv, slug, "monitor")
    shops = start_shops(srv, slug, token, 2)
    a, b = shops
    try:
        wait_applied(srv, slug, [s.agent_id for s in shops], v1, WAIT)
        before = {s.agent_id: legit_answers(s, "before the attack") for s in shops}

        # monitor: sqlmap finds it; every statement it ran is an event
        run = sqlmap(srv, a, "monitor", SQLMAP_PINNED)
        eq(run.params, {"q"}, "sqlmap in monitor mode: injectable parameters (log: %r)\n%s"
           % (run.log[:800], run.tail()))
        check(run.payloads, "sqlmap reported no payload: %r" % run.log[:800])
        logged = events_with(srv, slug, run.payloads, agent=a.agent_id,
                             interceptor="sql_injection", action="logged")
        for ev in logged:
            check_event(ev, "logged")
        check_statements(logged)
        for s in shops:
            eq(legit_answers(s, "after sqlmap in monitor mode"), before[s.agent_id],
               "the ordinary pages of %s after sqlmap in monitor mode" % s.agent_id)

        # the switch, as CI would do it: one PUT, no restart
        switched = time.time()
        v2 = put_policy(srv, slug, "block")
        took = wait_applied(srv, slug, [s.agent_id for s in shops], v2, APPLY_WITHIN)
        print("     applied v%d in %s" % (v2, ", ".join("%s %.0f ms" % (k, t * 1000)
                                                   for k, t in sorted(took.items()))))
        for s in shops:
            status, _ = s.get_raw("/search?q=" + urllib.parse.quote("brass%' OR 1=1 -- "))
            eq(status, 403, "a hand-made injection on %s right after the switch" % s.agent_id)

        # block: sqlmap from scratch finds nothing, pinned on one and at
        # full strength on the other
        runs = {a.agent_id: sqlmap(srv, a, "block", SQLMAP_PINNED),
                b.agent_id: sqlmap(srv, b, "block-full", SQLMAP_FULL)}
        for agent_id, r in runs.items():
            eq(r.params, set(), "sqlmap in block mode against %s: injectable parameters\n%s"
               % (agent_id, r.tail()))
            check(r.codes.get(403, 0) > 0, "sqlmap against %s was never answered 403: %r\n%s"
                  % (agent_id, r.codes, r.tail()))
            blocked = all_events(srv, slug, agent=agent_id, interceptor="sql_injection", action="blocked")
            check(blocked, "no blocked event from %s" % agent_id)
            for ev in blocked:
                check_event(ev, "blocked")
            check_statements(blocked)
        since = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(switched)) + ".%03dZ" % (switched % 1 * 1000)
        late = all_events(srv, slug, interceptor="sql_injection", action="logged", since=since)
        eq(late, [], "logged (let through) events after the switch")
        for s in shops:
            eq(legit_answers(s, "after sqlmap in block mode"), before[s.agent_id],
               "the ordinary pages of %s after sqlmap in block mode" % s.agent_id)
        print("     sqlmap: monitor %.1f s %s requests, injectable %s; block %s" % (
            run.seconds, run.requests, sorted(run.params),
            "; ".join("%s %.1f s, codes %r" % (k, r.seconds, r.codes) for k, r in sorted(runs.items()))))
    finally:
        for s in shops:
            s.stop()


# --------------------------------------------------------------------------
# wapiti


class WapitiRun:
    def __init__(self, out, report, seconds):
        self.out = out
        self.seconds = seconds
        # (category, path, parameter) of every vulnerability in the JSON report
        self.findings = sorted({(cat, v.get("path"), v.get("parameter"))
                                for cat, vs in report.get("vulnerabilities", {}).items() for v in vs})
        self.anomalies = sorted({(cat, v.get("path"), v.get("parameter"))
                                 for cat, vs in report.get("anomalies", {}).items() for v in vs})
        self.categories = {f[0] for f in self.findings}
        self.urls = report.get("infos", {}).get("crawled_pages_nbr")

    def tail(self):
        return "\n".join(self.out.strip().split("\n")[-15:])


def wapiti(srv, shop, name, modules):
    """Crawls and attacks the whole shop with wapiti's modules; returns a
    WapitiRun. A crawl or module cut short by its time limit is a failure:
    its silence would prove nothing."""
    exe = shutil.which("wapiti")
    check(exe, "wapiti is not installed: `sh scripts/deps.sh attack` installs Debian's wapiti "
               "(`make e2e` and `make test` run it)")
    home = os.path.join(srv.tmp, "wapiti-" + name)
    config = os.path.join(home, "config")
    os.makedirs(config)
    # wapiti 3.0.4 loads every module at start, and its wapp module
    # downloads the Wappalyzer database when the config folder lacks it:
    # an empty one keeps it off the network
    with open(os.path.join(config, "apps.json"), "w") as f:
        f.write("{}\n")
    report_path = os.path.join(home, "report.json")
    cmd = [exe, "-u", "http://127.0.0.1:%d/" % shop.port, "--scope", "folder",
           "-m", ",".join(modules), "--flush-session", "--store-session", os.path.join(home, "session"),
           "--store-config", config, "-f", "json", "-o", report_path, "-v", "1", "-t", "10",
           "--max-scan-time", str(WAPITI_CRAWL), "--max-attack-time", str(WAPITI_MODULE),
           # payloads that name wapiti's own server (remote file inclusion)
           # name a closed port here instead
           "--endpoint", "http://127.0.0.1:9/"]
    rc, out, seconds = run_tool("wapiti", name, cmd, home, WAPITI_CRAWL + WAPITI_MODULE * len(modules) + 60)
    check(rc == 0 and os.path.isfile(report_path),
          "wapiti (%s) did not finish (exit %d): %s" % (name, rc, out[-1500:]))
    check("was reached" not in out, "wapiti (%s) was cut short by its time limit: %s"
          % (name, [l for l in out.split("\n") if "was reached" in l]))
    check("Launching module" in out, "wapiti (%s) launched no module: %s" % (name, out[-1500:]))
    with open(report_path, encoding="utf-8") as f:
        report = json.load(f)
    return WapitiRun(out, report, seconds)


def test_wapiti_finds_injections_in_monitor_and_none_in_block(srv):
    slug, token = new_project(srv)
    v1 = put_policy(srv, slug, "monitor", ALL_INTERCEPTORS)
    shops = start_shops(srv, slug, token, 2)
    a, b = shops  # each scan gets a shop of its own: stored XSS stays in a's database
    try:
        wait_applied(srv, slug, [s.agent_id for s in shops], v1, WAIT)
        before = {s.agent_id: legit_answers(s, "before the scan") for s in shops}

        mon = wapiti(srv, a, "monitor", WAPITI_MODULES)
        for cat in WAPITI_MONITOR_FINDS:
            check(cat in mon.categories, "wapiti in monitor mode found no %r; it found %r\n%s"
                  % (cat, mon.findings, mon.tail()))
        for interceptor in ("command_injection", "path_traversal", "xss"):
            evs = some_events(srv, slug, agent=a.agent_id, interceptor=interceptor, action="logged")
            check(evs, "no logged %s event from wapiti's scan in monitor mode" % interceptor)

        v2 = put_policy(srv, slug, "block", ALL_INTERCEPTORS)
        wait_applied(srv, slug, [s.agent_id for s in shops], v2, APPLY_WITHIN)
        blk = wapiti(srv, b, "block", WAPITI_MODULES)
        eq(blk.findings, [], "wapiti's findings in block mode\n%s" % blk.tail())
        check(some_events(srv, slug, agent=b.agent_id, action="blocked"), "no blocked event from %s" % b.agent_id)
        eq(legit_answers(b, "after wapiti in block mode"), before[b.agent_id],
           "the ordinary pages of %s after wapiti in block mode" % b.agent_id)
        print("     wapiti: monitor %.0f s, %d findings %s; block %.0f s, %d findings, anomalies %r" % (
            mon.seconds, len(mon.findings), ", ".join("%s %s %s" % f for f in mon.findings),
            blk.seconds, len(blk.findings), blk.anomalies))
    finally:
        for s in shops:
            s.stop()
