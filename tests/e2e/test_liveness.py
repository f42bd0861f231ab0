"""Agent liveness (agentproto/PROTOCOL.md, "Liveness"), with a one-second
heartbeat so it can be watched: a quiet agent is pinged; one that answers
stays; one that never answers is dropped after three heartbeats and shows
offline in the inventory.
"""

import time

import moat
from moat import check, eq, expect
from wsclient import WS, Closed, hello


def server_kwargs(tmp):
    return {"extra_args": ["--agent-heartbeat", "1"]}


def _agent_token(srv):
    slug = moat.unique("live")
    srv.create_project(slug)
    resp = srv.req("POST", "/api/v1/projects/%s/tokens" % slug, {"kind": "agent", "name": "a"},
                   token=srv.admin_token())
    expect(resp, 201)
    return slug, resp.body["token"]


def _online(srv, slug, agent_id):
    resp = srv.req("GET", "/api/v1/projects/%s/agents" % slug, token=srv.admin_token())
    for a in resp.body["agents"]:
        if a["agent_id"] == agent_id:
            return a["online"]
    return None


def test_a_quiet_agent_is_pinged_and_stays_while_it_answers(srv):
    """Pinged when quiet, at most once a heartbeat, and kept past three
    heartbeats (when a silent one is dropped) because it answers. Polled
    with a deadline, bounds only where a slow server cannot break them."""
    slug, token = _agent_token(srv)
    ws = WS(srv.agent_port, token=token)
    try:
        ws.send(hello("pinged"))
        eq(ws.recv_type("welcome")["heartbeat_s"], 1, "heartbeat in welcome")
        t0 = time.monotonic()
        pings = []
        deadline = t0 + 20
        while len(pings) < 4 or time.monotonic() - t0 < 3.5:
            check(time.monotonic() < deadline, "only %d pings in 20 s of quiet" % len(pings))
            try:
                _, op, data = ws.recv_frame(0.2)
            except TimeoutError:
                continue
            if op == 0x9:  # ping: answer it, as every WebSocket client does
                pings.append(time.monotonic())
                ws.send_frame(0xA, data)
        gaps = [b - a for a, b in zip(pings, pings[1:])]
        print("    gaps between pings: %s s" % " ".join("%.2f" % g for g in gaps))
        check(min(gaps) > 0.75, "pings closer than a heartbeat allows: %r" % gaps)
        eq(_online(srv, slug, "pinged"), True, "still online after %.1f s (> 3 heartbeats)"
           % (time.monotonic() - t0))
        ws.send_frame(0x9, b"x")  # and the connection itself is still open
        while True:
            _, op, data = ws.recv_frame(5)
            if op == 0xA:
                break
            if op == 0x9:
                ws.send_frame(0xA, data)
    finally:
        ws.close()


def test_an_agent_that_never_answers_is_dropped_after_three_heartbeats(srv):
    slug, token = _agent_token(srv)
    ws = WS(srv.agent_port, token=token)
    ws.send(hello("silent"))
    ws.recv_type("welcome")
    t0 = time.monotonic()
    gone = None
    while time.monotonic() - t0 < 15:
        try:
            ws.recv_frame(0.2)  # read, but never answer a ping
        except TimeoutError:
            continue
        except (Closed, ConnectionResetError, OSError):
            gone = time.monotonic() - t0
            break
    check(gone is not None, "the silent agent was not dropped within 15 s")
    print("    dropped %.1f s after its last message" % gone)
    # never before three heartbeats (a lower bound a slow server cannot
    # break); the upper bound is only the deadline above
    check(gone >= 2.5, "dropped after %.1f s, before three heartbeats" % gone)
    deadline = time.monotonic() + 3
    while _online(srv, slug, "silent") and time.monotonic() < deadline:
        time.sleep(0.05)
    eq(_online(srv, slug, "silent"), False, "offline in the inventory")
