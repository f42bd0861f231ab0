"""Replays the agent protocol's test vectors (agentproto/vectors/) against
a real moatd and asserts the reaction each one documents.

Every case of protocol.json becomes one test, test_vector_<its name>;
every entry of events.json becomes one too (a batch of that single event,
acknowledged as accepted or rejected by its field). Every case runs;
E2E_VECTOR_SKIP_TAGS=a,b skips the cases with those tags (e.g. "slow"
for a quick local run, or "events" against a server without events).

The format is agentproto/vectors/README.md; test_the_vector_files_are_well_formed
checks that every step kind, auth and placeholder is one this runner
understands, so a new one fails loudly instead of being ignored.
canonical.json: every entry with "policy": true is pushed (dry run and
for real) and must come back with the same canonical bytes and SHA-256.
"""

import binascii
import json
import os
import re
import secrets
import socket
import time
import uuid

import moat
from moat import check, eq, expect, unique
from wsclient import WS, Closed, HandshakeRefused

HERE = os.path.dirname(os.path.abspath(__file__))
VECTORS = os.path.join(HERE, "..", "..", "agentproto", "vectors")
PROTOCOL_FILE = os.path.join(VECTORS, "protocol.json")
EVENTS_FILE = os.path.join(VECTORS, "events.json")
CANONICAL_FILE = os.path.join(VECTORS, "canonical.json")

SKIP_TAGS = {t for t in os.environ.get("E2E_VECTOR_SKIP_TAGS", "").split(",") if t}

STEP_KINDS = {"send", "send_text", "send_binary_hex", "send_events", "expect", "expect_no", "sleep_ms",
              "reconnect", "open_second"}
STEP_EXTRA = {"within_ms", "steps"}
CASE_KEYS = {"name", "steps", "end", "connect", "tags", "note"}
SEND_VALUES = {"$ENV", "$AGENT_ID", "$PROJECT", "$POLICY_VERSION", "$AGENT_TOKEN", "$CI_TOKEN",
               "$BOGUS_AGENT_TOKEN", "$REVOKED_AGENT_TOKEN", "$UUID", "$NOW", "$NOW_PLUS_0200", "$TS_OLD",
               "$TS_FUTURE"}
EXPECT_VALUES = SEND_VALUES | {"$ANY", "$PREFIX"}
# only whole placeholders: "$UUIDX" is not "$UUID" followed by "X"
PLACEHOLDER = re.compile(r"\$(?:AGENT_TOKEN|CI_TOKEN|BOGUS_AGENT_TOKEN|REVOKED_AGENT_TOKEN|PROJECT|ENV|"
                         r"POLICY_VERSION|AGENT_ID|UUID(?::[A-Za-z0-9_.\-]+)?|NOW_PLUS_0200|NOW|TS_OLD|TS_FUTURE)"
                         r"(?![A-Za-z0-9_])")
ANY_PLACEHOLDER = re.compile(r"\$[A-Z][A-Z0-9_]*(?::[A-Za-z0-9_.\-]+)?")  # for the well-formedness check
OPEN_GRACE = 0.3  # seconds an "open" connection must stay open at the end (README: 300 ms)
EXPECT_TIMEOUT = 5.0  # README: expect waits 5 s
CLOSE_TIMEOUT = 7.0  # README: the close comes within 7 s of the last step (10 s for sleep_ms cases)
CLOSE_TIMEOUT_SLEEP = 10.0


def _load(path):
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        return json.load(f)


PROTOCOL = _load(PROTOCOL_FILE)
EVENTS = _load(EVENTS_FILE)
CANONICAL = _load(CANONICAL_FILE)


def _event_cases():
    """events.json entries as protocol cases: one event in one batch."""
    out = []
    hello = {"type": "hello", "protocol": 1, "agent_id": "$AGENT_ID", "environment": "$ENV", "policy_version": 0}
    for e in (EVENTS or {}).get("events", []):
        if e.get("valid"):
            ack = {"type": "ack", "seq": 1, "accepted": 1, "duplicates": 0, "rejected": []}
        else:
            ack = {"type": "ack", "seq": 1, "accepted": 0, "duplicates": 0,
                   "rejected": [{"index": 0, "reason": "$PREFIX:" + e.get("field", "")}]}
        out.append({"name": "event " + e["name"], "tags": ["events"],
                    "steps": [{"send": hello}, {"expect": {"type": "welcome"}},
                              {"send": {"type": "events", "seq": 1, "events": [e["event"]]}}, {"expect": ack}],
                    "end": {"open": True}})
    return out


CASES = list((PROTOCOL or {}).get("cases", [])) + _event_cases()


# -- context: project, tokens, placeholders


_ctx = {}


def context(srv):
    c = _ctx.get(id(srv))
    if c:
        return c
    slug = unique("vec")
    srv.create_project(slug)

    def tok(kind):
        b = expect(srv.req("POST", "/api/v1/projects/%s/tokens" % slug, {"kind": kind, "name": unique(kind)},
                           token=srv.admin_token()), 201)
        return b["token"], b["id"]

    agent, _ = tok("agent")
    ci, _ = tok("ci")
    revoked, rid = tok("agent")
    expect(srv.req("DELETE", "/api/v1/projects/%s/tokens/%d" % (slug, rid), token=srv.admin_token()), 204)
    body = "moat_agt_" + "".join(secrets.choice(moat.BASE62) for _ in range(30))
    bogus = body + moat.token_checksum(body)  # well formed, checksum right, unknown to the server
    c = {"$PROJECT": slug, "$ENV": "production", "$AGENT_TOKEN": agent, "$CI_TOKEN": ci,
         "$REVOKED_AGENT_TOKEN": revoked, "$BOGUS_AGENT_TOKEN": bogus}
    _ctx[id(srv)] = c
    return c


def _rfc3339(t, offset_min=0):
    lt = time.gmtime(t + offset_min * 60)
    ms = int((t % 1) * 1000)
    zone = "Z" if offset_min == 0 else "%+03d:%02d" % (offset_min // 60, abs(offset_min) % 60)
    return time.strftime("%Y-%m-%dT%H:%M:%S", lt) + ".%03d" % ms + zone


class Values:
    """Placeholder values for one case run."""

    def __init__(self, srv, case_no):
        self.srv = srv
        self.base = context(srv)
        self.agent_id = "vec-%d-%s" % (case_no, secrets.token_hex(3))
        self.labels = {}

    def policy_version(self):
        r = self.srv.req("GET", "/api/v1/projects/%s/environments/production/policy" % self.base["$PROJECT"],
                         token=self.srv.admin_token())
        expect(r, 200)
        return int(r.header("X-Moat-Policy-Version"))

    def value(self, ph):
        """The value of one placeholder (typed: $POLICY_VERSION is an int)."""
        name, _, label = ph.partition(":")
        if name in self.base:
            return self.base[name]
        if name == "$AGENT_ID":
            return self.agent_id
        if name == "$POLICY_VERSION":
            return self.policy_version()
        if name == "$UUID":
            if not label:
                return str(uuid.uuid4())
            return self.labels.setdefault(label, str(uuid.uuid4()))
        now = time.time()
        if name == "$NOW":
            return _rfc3339(now)
        if name == "$NOW_PLUS_0200":
            return _rfc3339(now, 120)
        if name == "$TS_OLD":
            return _rfc3339(now - 8 * 86400)
        if name == "$TS_FUTURE":
            return _rfc3339(now + 3600)
        moat.fail("unknown placeholder %s" % ph)

    def fill(self, v):
        """Replaces placeholders in a value to send."""
        if isinstance(v, dict):
            return {k: self.fill(x) for k, x in v.items()}
        if isinstance(v, list):
            return [self.fill(x) for x in v]
        if isinstance(v, str):
            m = PLACEHOLDER.fullmatch(v)
            if m:
                return self.value(v)
            return PLACEHOLDER.sub(lambda mm: str(self.value(mm.group(0))), v)
        return v

    def matches(self, want, got, path="$"):
        """'' when got matches the expectation want, else why not."""
        if isinstance(want, str) and want == "$ANY":
            return ""
        if isinstance(want, str) and want.startswith("$PREFIX:"):
            p = want[len("$PREFIX:"):]
            ok = isinstance(got, str) and got.startswith(p)
            return "" if ok else "%s: %r does not start with %r" % (path, got, p)
        if isinstance(want, str):
            want = self.fill(want)
        if isinstance(want, dict):
            if not isinstance(got, dict):
                return "%s: want an object, got %r" % (path, got)
            for k, w in want.items():
                if k not in got:
                    return "%s.%s: missing" % (path, k)
                why = self.matches(w, got[k], "%s.%s" % (path, k))
                if why:
                    return why
            return ""
        if isinstance(want, list):
            if not isinstance(got, list) or len(got) != len(want):
                return "%s: want a list of %d, got %r" % (path, len(want), str(got)[:300])
            for i, (w, g) in enumerate(zip(want, got)):
                why = self.matches(w, g, "%s[%d]" % (path, i))
                if why:
                    return why
            return ""
        if want != got or isinstance(want, bool) != isinstance(got, bool):
            return "%s: want %r, got %r" % (path, want, got)
        return ""


# -- running a case


class Conn:
    def __init__(self, srv, vals, connect):
        self.ws = None
        self.closed = None  # (code, reason) once the server has closed
        self.msgs = []  # messages read while looking for something else
        auth = (connect or {}).get("auth", "header")
        token, headers = None, {}
        if auth == "header":
            token = vals.base["$AGENT_TOKEN"]
        elif auth == "none":
            pass
        elif isinstance(auth, dict) and "bearer" in auth:
            token = vals.fill(auth["bearer"])
        elif isinstance(auth, dict) and "authorization" in auth:
            headers["Authorization"] = vals.fill(auth["authorization"])
        else:
            moat.fail("unknown connect.auth %r" % (auth,))
        self.ws = WS(srv.agent_port, token=token, headers=headers)

    def send_frame(self, op, data, fin=True):
        if self.closed:
            return
        try:
            self.ws.send_frame(op, data, fin)
        except OSError as e:  # the server may have closed first (e.g. a bad header token)
            self.closed = self.closed or (None, "send failed: %r" % e)

    def recv(self, timeout):
        """The next message, or None when the connection closed."""
        if self.closed:
            return None
        try:
            return self.ws.recv(timeout)
        except Closed as c:
            self.closed = (c.code, c.reason)
        except (ConnectionResetError, BrokenPipeError):
            self.closed = (None, "reset")
        return None

    def close(self):
        if self.ws:
            self.ws.close()


def _events_message(vals, spec):
    seq, count, event = spec["seq"], spec.get("count", 1), spec["event"]
    msg = {"type": "events", "seq": seq, "events": [vals.fill(event) for _ in range(count)]}
    pad = spec.get("pad_to_bytes")
    if pad:
        first = msg["events"][0]
        first["payload"] = first.get("payload", "")
        n = len(json.dumps(msg, separators=(",", ":")).encode())
        check(n <= pad, "send_events: the message is %d bytes before padding, over pad_to_bytes %d" % (n, pad))
        first["payload"] += "x" * (pad - n)
    data = json.dumps(msg, separators=(",", ":")).encode()
    if pad:
        eq(len(data), pad, "send_events: padded message size")
    return data


def run_steps(srv, vals, conn, steps, connect, where):
    """Runs steps on conn; returns the connection in use at the end (a
    reconnect replaces it) and the second connection, if one was opened."""
    second = None
    for i, step in enumerate(steps):
        at = "%s step %d (%s)" % (where, i, ", ".join(sorted(step)))
        if "send" in step:
            conn.send_frame(0x1, json.dumps(vals.fill(step["send"]), separators=(",", ":")).encode())
        elif "send_text" in step:
            conn.send_frame(0x1, vals.fill(step["send_text"]).encode())
        elif "send_binary_hex" in step:
            conn.send_frame(0x2, binascii.unhexlify(step["send_binary_hex"]))
        elif "send_events" in step:
            spec = step["send_events"]
            data = _events_message(vals, spec)
            frag = spec.get("fragment_bytes")
            if frag:
                parts = [data[o:o + frag] for o in range(0, len(data), frag)]
                for k, part in enumerate(parts):
                    conn.send_frame(0x1 if k == 0 else 0x0, part, fin=k == len(parts) - 1)
            else:
                conn.send_frame(0x1, data)
        elif "expect" in step:
            want = step["expect"]
            deadline = time.monotonic() + EXPECT_TIMEOUT
            while True:
                left = deadline - time.monotonic()
                check(left > 0, "%s: nothing matching %r within %.0fs" % (at, want, EXPECT_TIMEOUT))
                try:
                    m = conn.recv(left)
                except (socket.timeout, TimeoutError):
                    continue
                check(m is not None, "%s: the server closed %r instead of sending %r" % (at, conn.closed, want))
                # README: policy messages are skipped unless the pattern asks for one
                if m.get("type") == "policy" and not (isinstance(want, dict) and want.get("type") == "policy"):
                    continue
                break
            why = vals.matches(want, m)
            check(not why, "%s: %s\n    got %s" % (at, why, json.dumps(m)[:500]))
        elif "expect_no" in step:
            deadline = time.monotonic() + step.get("within_ms", 500) / 1000.0
            while True:
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                try:
                    m = conn.recv(left)
                except (socket.timeout, TimeoutError):
                    break
                check(m is not None, "%s: the server closed %r" % (at, conn.closed))
                check(vals.matches(step["expect_no"], m), "%s: got %s" % (at, json.dumps(m)[:300]))
        elif "sleep_ms" in step:
            time.sleep(step["sleep_ms"] / 1000.0)
        elif "reconnect" in step:
            conn.close()
            conn = Conn(srv, vals, connect)
        elif "open_second" in step:
            second = Conn(srv, vals, connect)
            run_steps(srv, vals, second, step.get("steps", []), connect, where + " (second connection)")
        else:
            moat.fail("%s: unknown step %r" % (at, step))
    return conn, second


def check_end(conn, end, where, vals, timeout=CLOSE_TIMEOUT):
    if end.get("open"):
        deadline = time.monotonic() + OPEN_GRACE
        while time.monotonic() < deadline:
            try:
                m = conn.recv(max(0.01, deadline - time.monotonic()))
            except (socket.timeout, TimeoutError):
                break
            check(m is not None, "%s: want the connection open, the server closed it %r (messages %r)"
                  % (where, conn.closed, conn.msgs[-3:]))
            conn.msgs.append(m)
        return
    deadline = time.monotonic() + timeout
    while not conn.closed:
        left = deadline - time.monotonic()
        check(left > 0, "%s: no close %s within %ds (messages %r)" % (where, end.get("close"), timeout,
                                                                      [json.dumps(m)[:120] for m in conn.msgs[-3:]]))
        try:
            m = conn.recv(left)
        except (socket.timeout, TimeoutError):
            continue
        if m is not None:
            conn.msgs.append(m)
    eq(conn.closed[0], end["close"], "%s: close code (reason %r)" % (where, conn.closed[1]))
    if "error" in end:
        check(conn.msgs, "%s: no message before the close, want an error" % where)
        last = conn.msgs[-1]
        eq(last.get("type"), "error", "%s: type of the last message before the close (%s)"
           % (where, json.dumps(last)[:200]))
        why = vals.matches(end["error"], last)
        check(not why, "%s: error message %s: %s" % (where, json.dumps(last), why))


def run_case(srv, case, case_no):
    vals = Values(srv, case_no)
    connect = case.get("connect")
    where = "vector %r" % case["name"]
    try:
        conn = Conn(srv, vals, connect)
    except HandshakeRefused as e:
        moat.fail("%s: the upgrade was refused: %s" % (where, e.status))
    second = None
    try:
        conn, second = run_steps(srv, vals, conn, case["steps"], connect, where)
        slow = any("sleep_ms" in st for st in case["steps"])
        check_end(conn, case["end"], where, vals, CLOSE_TIMEOUT_SLEEP if slow else CLOSE_TIMEOUT)
        if second is not None:
            check_end(second, {"open": True}, where + " (second connection)", vals)
    finally:
        conn.close()
        if second is not None:
            second.close()
    r = srv.req("GET", "/healthz")
    eq(r.status, 200, "%s: /healthz afterwards" % where)


# -- the tests


def _slug(name):
    s = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")
    return s[:120]


def _skipped(case):
    return bool(set(case.get("tags") or []) & SKIP_TAGS)


def _placeholders(v, out):
    if isinstance(v, dict):
        for x in v.values():
            _placeholders(x, out)
    elif isinstance(v, list):
        for x in v:
            _placeholders(x, out)
    elif isinstance(v, str):
        for m in ANY_PLACEHOLDER.finditer(v):
            out.add(m.group(0).split(":")[0])


def _check_steps(steps, where, bad, depth=0):
    if not isinstance(steps, list) or not steps:
        bad.append("%s: steps must be a non-empty list" % where)
        return
    for i, s in enumerate(steps):
        kinds = set(s) & STEP_KINDS if isinstance(s, dict) else set()
        if len(kinds) != 1:
            bad.append("%s step %d: want exactly one of %s, has %r" % (where, i, sorted(STEP_KINDS), s))
            continue
        extra = set(s) - STEP_KINDS - STEP_EXTRA
        if extra:
            bad.append("%s step %d: unknown keys %r" % (where, i, sorted(extra)))
        if "open_second" in s:
            if depth:
                bad.append("%s step %d: open_second inside open_second" % (where, i))
            _check_steps(s.get("steps"), "%s step %d" % (where, i), bad, depth + 1)
        used = set()
        _placeholders({k: v for k, v in s.items() if k != "steps"}, used)
        allowed = EXPECT_VALUES if ("expect" in s or "expect_no" in s) else SEND_VALUES
        if "send_text" in s:
            used = {u for u in used if PLACEHOLDER.fullmatch(u) or u in allowed}
        if used - allowed:
            bad.append("%s step %d: unknown placeholders %r" % (where, i, sorted(used - allowed)))


def test_the_vector_files_are_well_formed(srv):
    check(PROTOCOL is not None, "no %s" % os.path.relpath(PROTOCOL_FILE))
    eq(PROTOCOL.get("protocol"), 1, "protocol.json protocol")
    bad = []
    names = set()
    for c in CASES:
        where = "case %r" % c.get("name")
        if set(c) - CASE_KEYS:
            bad.append("%s: unknown keys %r" % (where, sorted(set(c) - CASE_KEYS)))
        if not isinstance(c.get("name"), str) or not c["name"]:
            bad.append("%s: no name" % where)
        elif _slug(c["name"]) in names:
            bad.append("%s: two cases with the same name" % where)
        names.add(_slug(c.get("name") or ""))
        _check_steps(c.get("steps"), where, bad)
        end = c.get("end")
        if not isinstance(end, dict) or not (end == {"open": True} or (isinstance(end.get("close"), int)
                                                                       and set(end) <= {"close", "error"})):
            bad.append("%s: end must be {open: true} or {close: CODE, error?}, is %r" % (where, end))
        auth = (c.get("connect") or {}).get("auth", "header")
        if not (auth in ("header", "none") or (isinstance(auth, dict) and len(auth) == 1
                                               and set(auth) <= {"bearer", "authorization"})):
            bad.append("%s: unknown connect.auth %r" % (where, auth))
    for e in (EVENTS or {}).get("events", []):
        if not isinstance(e.get("valid"), bool) or (not e["valid"] and not e.get("field")):
            bad.append("event %r: needs valid, and field when invalid" % e.get("name"))
    check(not bad, "vector files:\n  " + "\n  ".join(bad))
    run = [c for c in CASES if not _skipped(c)]
    print("     %d vectors: %d run, %d skipped (tags %s)" % (len(CASES), len(run), len(CASES) - len(run),
                                                          ",".join(sorted(SKIP_TAGS)) or "-"))


def _canonical_docs():
    return [d for d in (CANONICAL or {}).get("documents", []) if d.get("policy")]


def test_canonical_policies_come_back_with_the_same_bytes_and_sha256(srv):
    check(CANONICAL is not None, "no %s" % os.path.relpath(CANONICAL_FILE))
    docs = _canonical_docs()
    check(docs, "canonical.json has no policy documents")
    slug = context(srv)["$PROJECT"]
    tok = srv.admin_token()
    env = unique("canon")[:40]
    expect(srv.req("POST", "/api/v1/projects/%s/environments" % slug, {"name": env}, token=tok), 201)
    path = "/api/v1/projects/%s/environments/%s/policy" % (slug, env)
    bad = []
    for d in docs:
        r = srv.req("PUT", path + "?dry_run=true", d["document"], token=tok)
        if r.status != 200:
            bad.append("%s: dry run -> %s" % (d["name"], r.describe()[:300]))
            continue
        if r.body["document"] != d["document"]:
            bad.append("%s: normalising it again changed it: %s" % (d["name"], json.dumps(r.body["document"])[:300]))
        if r.body["sha256"] != d["sha256"]:
            bad.append("%s: dry-run sha256 %s, want %s" % (d["name"], r.body["sha256"], d["sha256"]))
        p = srv.req("PUT", path, d["document"], token=tok)
        if p.status != 200:
            bad.append("%s: PUT -> %s" % (d["name"], p.describe()[:300]))
            continue
        g = srv.req("GET", path, token=tok)
        if g.raw != d["canonical"].encode("utf-8"):
            bad.append("%s: GET served %r, want %r" % (d["name"], g.raw[:200], d["canonical"][:200]))
        if (p.body["sha256"], g.header("X-Moat-Policy-Sha256")) != (d["sha256"], d["sha256"]):
            bad.append("%s: PUT sha256 %s, X-Moat-Policy-Sha256 %s, want %s"
                       % (d["name"], p.body["sha256"], g.header("X-Moat-Policy-Sha256"), d["sha256"]))
    check(not bad, "canonical.json (%d policies):\n  %s" % (len(docs), "\n  ".join(bad)))


def _make(case, no):
    def test(srv):
        run_case(srv, case, no)
    return test


for _no, _case in enumerate(CASES):
    if not isinstance(_case, dict) or not isinstance(_case.get("name"), str) or _skipped(_case):
        continue
    _fn = _make(_case, _no)
    _fn.__name__ = "test_vector_" + _slug(_case["name"])
    globals()[_fn.__name__] = _fn
