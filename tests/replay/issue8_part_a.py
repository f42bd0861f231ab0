#!/usr/bin/env python3
"""Replays the attacks of issue 8, part A, from outside against a fresh `moatd serve`.

    python3 tests/replay/issue8_part_a.py build/moatd

Starts the given binary on loopback (port 0, a temporary database) and
tries each attack the outside test found, as a client would: login
throttle, live feed after logout, UTF-8 cuts, live tickets, canonical
policy, slow client, log bytes, unmasked frames and stale seq. Prints
HOLDS or BROKEN per attack and a closing count; about 40 s (the slow
client waits for the 30 s request deadline). Not part of `make test`:
each attack has its own e2e test; this is the replay of the whole list
against any binary (the one before the fixes reports every line BROKEN).
"""
import http.client, json, os, re, shutil, socket, subprocess, sys, tempfile, threading, time
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "e2e"))
import wsclient
from wsclient import WS

M = sys.argv[1]
d = tempfile.mkdtemp()
env = dict(os.environ, MOAT_ADMIN_PASSWORD="correct-horse-battery")
log = open(d + "/log", "w+b")
p = subprocess.Popen([M, "serve", "--listen", "127.0.0.1:0", "--agent-listen", "127.0.0.1:0", "--db", d + "/db",
                      "--log-level", "info", "--web-root", os.path.join(HERE, "..", "..", "web")], stderr=log, env=env)
for _ in range(100):
    log.seek(0); t = log.read().decode("latin-1")
    m = re.search(r"listening http=127.0.0.1:(\d+) agent=127.0.0.1:(\d+)", t)
    if m: break
    time.sleep(0.1)
H, A = int(m.group(1)), int(m.group(2))
results = []
def res(name, ok, detail=""):
    results.append((name, ok)); print(("HOLDS " if ok else "BROKEN") + " " + name + ("  -- " + detail if detail else ""), flush=True)

def req(method, path, body=None, headers=None, raw=None):
    c = http.client.HTTPConnection("127.0.0.1", H, timeout=10)
    h = dict(headers or {})
    data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
    if data is not None: h.setdefault("Content-Type", "application/json")
    c.request(method, path, body=data, headers=h)
    r = c.getresponse(); b = r.read()
    try: j = json.loads(b) if b else None
    except Exception: j = None
    return r.status, j, r.getheaders()

def login(email, pw):
    st, j, hs = req("POST", "/api/v1/auth/login", {"email": email, "password": pw})
    ck = [v.split(";")[0] for k, v in hs if k.lower() == "set-cookie"]
    return st, (ck[0] if ck else None), (j or {}).get("csrf_token")

# admin session + token for setup
st, ck, csrf = login("admin@localhost", "correct-horse-battery")
S = {"Cookie": ck, "X-CSRF-Token": csrf}
req("POST", "/api/v1/projects", {"slug": "shop", "name": "Shop"}, S)
st, j, _ = req("POST", "/api/v1/projects/shop/tokens", {"kind": "agent", "name": "a"}, S)
AGENT = j["token"]

# A3 first (before the throttle locks 127.0.0.1 out): failed login with a@b + 74 x U+1F600, then audit limit=3
req("POST", "/api/v1/auth/login", {"email": "a@b" + "\U0001F600" * 74, "password": "x"})
st, j, _ = req("GET", "/api/v1/audit?limit=3", headers=S)
res("A3 audit lists a failed login with a long emoji actor", st == 200 and len(j.get("entries", j.get("audit", [])) if isinstance(j, dict) else []) == 3, "status %s, %s" % (st, list(j.keys()) if isinstance(j, dict) else j))
st, j, _ = req("PUT", "/api/v1/projects/shop/environments/production/policy", {"interceptors": {"xss": {"mode": "block"}}},
               dict(S, **{"X-Moat-Message": "\xff\xfe bad"}))
st2, j2, _ = req("GET", "/api/v1/projects/shop/environments/production/policy/versions", headers=S)
res("A3 X-Moat-Message invalid UTF-8 refused, nothing committed", st == 422 and len(j2["versions"]) == 1, "PUT %s, versions %d" % (st, len(j2["versions"])))
st, j, _ = req("PUT", "/api/v1/projects/shop/environments/production/policy", {"interceptors": {"xss": {"mode": "block"}}},
               dict(S, **{"X-Moat-Message": "a" * 1022 + "\xe9"}))
st2, j2, _ = req("GET", "/api/v1/projects/shop/environments/production/policy/versions", headers=S)
vs = [v["version"] for v in j2["versions"]]
st3 = req("GET", "/api/v1/projects/shop/environments/production/policy/versions/%d" % max(vs), headers=S)[0]
res("A3 1,022 x a + e-acute: refused, or listed and readable", (st == 422 and len(vs) == 1) or (st == 200 and len(vs) == 2 and st3 == 200), "PUT %s, versions %s, GET latest %s" % (st, vs, st3))
for aid in ["\xe9" * 128, "a/b", "../x", "caf\xe9"]:
    st, j, _ = req("POST", "/api/v1/agent/events", {"seq": 1, "agent_id": aid, "events": []}, {"Authorization": "Bearer " + AGENT})
    res("A3 REST agent_id %r refused like hello" % aid[:12], st == 422, "status %s" % st)
st, j, _ = req("POST", "/api/v1/projects/shop/tokens", {"kind": "ci", "name": "\xe9" * 100}, S)
st2, j2, _ = req("GET", "/api/v1/projects/shop/tokens", headers=S)
names = [t["name"] for t in j2["tokens"]]
res("A3 token named 100 x e-acute shown once and listed", st == 201 and "token" in j and "\xe9" * 100 in names, "status %s" % st)

# A5 canonical policy
doc = {"interceptors": {"llm_prompt_injection": {"mode": "monitor", "threshold": 0}}}
req("PUT", "/api/v1/projects/shop/environments/production/policy", doc, S)
st, j, _ = req("PUT", "/api/v1/projects/shop/environments/production/policy", None, S,
               raw=b'{"interceptors":{"llm_prompt_injection":{"mode":"monitor","threshold":-0.0}}}')
res("A5 -0.0 after 0 makes no new version", st == 200 and j.get("changed") is False, "status %s %s" % (st, j))
st, j, _ = req("PUT", "/api/v1/projects/shop/environments/production/policy", {"denylist": {"ips": [{"value": "1.2.3.4/08"}]}}, S)
res("A5 CIDR /08 refused with 422", st == 422, "status %s" % st)
st, j, _ = req("PUT", "/api/v1/projects/shop/environments/production/policy", {"denylist": {"ips": [{"value": "1.2.3.4", "until": "2020-01-01T00:00:00Z"}]}}, S)
res("A5 until in the past refused with 422", st == 422, "status %s" % st)

# A4 tickets: 1,100 tickets for one user, then another user's ticket still works
st, j, _ = req("POST", "/api/v1/users", {"email": "v@example.com", "name": "v", "password": "another-long-password", "role": "viewer"}, S)
st, ck2, csrf2 = login("v@example.com", "another-long-password")
S2 = {"Cookie": ck2, "X-CSRF-Token": csrf2}
st, j, _ = req("POST", "/api/v1/live/ticket", {"project": "shop"}, S2)
victim = j["ticket"]
codes = {}
for i in range(1100):
    s_, _, _ = req("POST", "/api/v1/live/ticket", {"project": "shop"}, S)
    codes[s_] = codes.get(s_, 0) + 1
try:
    w = WS(A, path="/v1/live?ticket=" + victim, protocol="moat.live.v1", headers={"Origin": "http://127.0.0.1:%d" % H}); ok = True; w.close()
except Exception as e:
    ok = False
res("A4 1,100 tickets by one user: capped, another user's ticket still valid", ok and codes.get(201, 0) <= 16, "codes %s" % codes)

# A2 live feed closes within 1 s of logout
st, j, _ = req("POST", "/api/v1/live/ticket", {"project": "shop"}, S2)
w = WS(A, path="/v1/live?ticket=" + j["ticket"], protocol="moat.live.v1", headers={"Origin": "http://127.0.0.1:%d" % H})
t0 = time.time()
req("POST", "/api/v1/auth/logout", {}, S2)
try:
    while True:
        w.recv(timeout=3)
except wsclient.Closed as e:
    res("A2 live feed closed after logout", time.time() - t0 < 1.0, "closed %.3f s after, code %s" % (time.time() - t0, e.code))
except Exception as e:
    res("A2 live feed closed after logout", False, repr(e))

# A7 logs: bytes >= 0x80 in the request line
s = socket.create_connection(("127.0.0.1", H)); s.sendall(b"GET /api/v1/\xc3\xa9\xff HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"); s.recv(4096); s.close()
time.sleep(0.3)
log.seek(0); raw = log.read()
res("A7 every log line is valid UTF-8 (ASCII)", all(b < 0x80 for b in raw), "%d bytes of log" % len(raw))

# A8 unmasked frame and stale seq
w = WS(A, token=AGENT); w.send(wsclient.hello("ag-1")); w.recv_type("welcome")
w.send_frame(1, b'{"type":"applied","version":1,"ok":true}', masked=False)
try:
    w.recv(timeout=3); code = None
    while True: w.recv(timeout=3)
except wsclient.Closed as e: code = e.code
except Exception as e: code = repr(e)
res("A8 unmasked frame closes with 1002", code == 1002, "code %s" % code)
w = WS(A, token=AGENT); w.send(wsclient.hello("ag-2")); w.recv_type("welcome")
ev = {"type": "events", "seq": 5, "events": []}
w.send(ev)
try:
    w.recv_type("ack", timeout=5)
    w.send({"type": "events", "seq": 3, "events": []})
    while True: w.recv(timeout=3)
except wsclient.Closed as e: code = e.code
except Exception as e: code = repr(e)
res("A8 a seq that goes backwards closes with 4400", code == 4400, "code %s" % code)

# A1 throttle: 20 parallel wrong logins for admin -> at most 5 judged
outs = []
def wrong():
    outs.append(req("POST", "/api/v1/auth/login", {"email": "admin@localhost", "password": "wrong-password"})[0])
ts = [threading.Thread(target=wrong) for _ in range(20)]
[t.start() for t in ts]; [t.join() for t in ts]
res("A1 20 parallel wrong logins: at most 5 judged", outs.count(401) <= 5, "401 x %d, 429 x %d" % (outs.count(401), outs.count(429)))

# A6 slow client: one header byte every 10 s
s = socket.create_connection(("127.0.0.1", H)); t0 = time.time(); closed = None
for ch in b"GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Slow: " + b"a" * 20:
    try:
        s.send(bytes([ch])); s.settimeout(10)
        if s.recv(1) == b"": closed = time.time() - t0; break
    except socket.timeout: continue
    except OSError: closed = time.time() - t0; break
res("A6 a header trickled one byte per 10 s is cut off", closed is not None and closed < 45, "closed after %s s" % (None if closed is None else round(closed, 1)))

p.terminate(); p.wait()
shutil.rmtree(d, ignore_errors=True)
broken = sum(1 for _, o in results if not o)
print("replay: %d hold, %d broken" % (len(results) - broken, broken))
sys.exit(1 if broken else 0)
