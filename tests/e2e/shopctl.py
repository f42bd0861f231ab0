"""build/shop (agentproto/examples/shop) for the end-to-end tests: start it
against a moatd (or with the agent off), wait for its `listening` line on
stderr, and talk HTTP to it -- from 127.0.0.1, or from another loopback
address (source="127.0.0.2") to play an attacker with its own address.

SHOP_WRAPPER, when set, is a command line the shop runs under, e.g.
SHOP_WRAPPER="valgrind --leak-check=full --log-file=/tmp/shop-vg.%p.log"
(the start wait grows to 120 s; timing assertions may then fail).
"""

import http.client
import json
import os
import re
import shlex
import subprocess
import threading
import time
import urllib.parse

import moat
from moat import check

START_WAIT = 15.0
LISTENING_RE = re.compile(r"^listening http=127\.0\.0\.1:(\d+)$")


def binary():
    exe = os.path.join(os.path.dirname(os.path.abspath(moat.CONFIG.moatd)), "shop")
    check(os.access(exe, os.X_OK), "%s is not built (make all builds it)" % exe)
    return exe


class Shop:
    """One build/shop process. srv None (or token None): the agent is off."""

    def __init__(self, srv, token, db, agent_id=None, environment=None, extra=None, env=None):
        """env: the process's whole environment (default: ours without MOAT_*)."""
        cmd = [binary(), "--listen", "127.0.0.1:0", "--db", db]
        if srv is not None and token is not None:
            cmd += ["--moat-url", "ws://127.0.0.1:%d/v1/agent" % srv.agent_port, "--token", token]
        if agent_id:
            cmd += ["--id", agent_id]
        if environment:
            cmd += ["--environment", environment]
        cmd += list(extra or [])
        cmd = shlex.split(os.environ.get("SHOP_WRAPPER", "")) + cmd
        if env is None:
            env = {k: v for k, v in os.environ.items() if not k.startswith("MOAT_")}
        self.proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT, start_new_session=True, env=env)
        self.lines = []
        self.port = None
        threading.Thread(target=self._read, daemon=True).start()
        deadline = time.monotonic() + (120.0 if os.environ.get("SHOP_WRAPPER") else START_WAIT)
        while self.port is None and time.monotonic() < deadline:
            check(self.proc.poll() is None, "shop exited: %s" % "\n".join(self.lines))
            time.sleep(0.02)
        check(self.port, "shop never said where it listens: %s" % "\n".join(self.lines))

    def _read(self):
        for raw in iter(self.proc.stdout.readline, b""):
            line = raw.decode("utf-8", "replace").rstrip("\n")
            self.lines.append(line)
            m = LISTENING_RE.match(line)
            if m:
                self.port = int(m.group(1))

    def output(self):
        """The last lines it printed, for failure messages."""
        return "\n".join(self.lines[-20:])

    def request(self, method, path, body=None, headers=None, source=None, timeout=10):
        """(status, text of the body, headers). body: bytes or str."""
        c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout,
                                       source_address=(source, 0) if source else None)
        try:
            if isinstance(body, str):
                body = body.encode()
            c.request(method, path, body=body, headers=headers or {})
            r = c.getresponse()
            return r.status, r.read().decode("utf-8", "replace"), dict(r.getheaders())
        finally:
            c.close()

    def get(self, path, params=None, **kw):
        if params:
            path += "?" + urllib.parse.urlencode(params, quote_via=urllib.parse.quote)
        status, text, _ = self.request("GET", path, **kw)
        return status, text

    def get_raw(self, path_and_query, **kw):
        """A request line written as given (already percent-encoded)."""
        status, text, _ = self.request("GET", path_and_query, **kw)
        return status, text

    def post_form(self, path, fields, **kw):
        body = urllib.parse.urlencode(fields, quote_via=urllib.parse.quote)
        status, text, _ = self.request(
            "POST", path, body,
            {"Content-Type": "application/x-www-form-urlencoded"}, **kw)
        return status, text

    def post_json(self, path, doc, **kw):
        status, text, _ = self.request("POST", path, json.dumps(doc),
                                       {"Content-Type": "application/json"}, **kw)
        return status, text

    def search(self, q, **kw):
        return self.get("/search", {"q": q}, **kw)

    def alive(self):
        return self.proc.poll() is None

    def stop(self):
        """SIGTERM; asserts a clean exit 0 (no crash under attack)."""
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(60 if os.environ.get("SHOP_WRAPPER") else 10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        return self.proc.returncode


# --------------------------------------------------------------------------
# moatd's side: agents, policies, events


def agents(srv, slug):
    resp = srv.req("GET", "/api/v1/projects/%s/agents" % slug, token=srv.admin_token())
    moat.expect(resp, 200)
    return resp.body["agents"]


def put_policy(srv, slug, doc, env="production"):
    """PUTs doc as the environment's policy; returns the new version."""
    resp = srv.req("PUT", "/api/v1/projects/%s/environments/%s/policy" % (slug, env), doc,
                   token=srv.admin_token())
    moat.expect(resp, 200)
    return resp.body["version"]


def wait_applied(srv, slug, agent_ids, version, within):
    """Polls the agents list from now until every agent in agent_ids is
    online and reports version; returns {agent_id: seconds}. Fails when
    one takes longer than `within`."""
    start = time.monotonic()
    took = {}
    while time.monotonic() - start < max(within, 0.05) + 0.5:
        for a in agents(srv, slug):
            if a["online"] and a["policy_version"] == version and a["agent_id"] not in took:
                took[a["agent_id"]] = time.monotonic() - start
        if all(i in took for i in agent_ids):
            break
        time.sleep(0.01)
    for i in agent_ids:
        check(i in took, "%s never reported policy version %d" % (i, version))
        check(took[i] <= within, "%s reported policy version %d after %.3f s, not within %.1f s"
              % (i, version, took[i], within))
    return took


def all_events(srv, slug, **filters):
    """Every event matching the filters, all pages."""
    evs = []
    cursor = None
    for _ in range(50):
        q = dict(filters, limit=500)
        if cursor:
            q["cursor"] = cursor
        resp = srv.req("GET", "/api/v1/projects/%s/events?%s" % (slug, urllib.parse.urlencode(q)),
                       token=srv.admin_token())
        moat.expect(resp, 200)
        evs += resp.body["events"]
        cursor = resp.body.get("next_cursor")
        if not cursor:
            return evs
    moat.fail("more than 50 pages of events")


def enclosing_function(lines, line):
    """The name of the last C function definition at column 0 before line."""
    name = None
    for text in lines[:line]:
        m = re.match(r"^[a-z][\w \*]*?\b(\w+)\(", text)
        if m and not text.startswith(("static const", "return")) and not text.endswith(";"):
            name = m.group(1)
    return name
