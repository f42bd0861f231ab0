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
    slug, token = _agent_token(srv)
    ws = WS(srv.agent_port, token=token)
    try:
        ws.send(hello("pinged"))
        eq(ws.recv_type("welcome")["heartbeat_s"], 1, "heartbeat in welcome")
        pings = 0
        deadline = time.monotonic() + 4.5
        while time.monotonic() < deadline:
            try:
                _, op, data = ws.recv_frame(0.2)
            except TimeoutError:
                continue
            if op == 0x9:  # ping: answer it, as every WebSocket client does
                pings += 1
                ws.send_frame(0xA, data)
        check(pings >= 2, "pinged at least twice in 4.5 s of silence (got %d)" % pings)
        eq(_online(srv, slug, "pinged"), True, "still online")
    finally:
        ws.close()


def test_an_agent_that_never_answers_is_dropped_after_three_heartbeats(srv):
    slug, token = _agent_token(srv)
    ws = WS(srv.agent_port, token=token)
    ws.send(hello("silent"))
    ws.recv_type("welcome")
    t0 = time.monotonic()
    gone = None
    while time.monotonic() - t0 < 8:
        try:
            ws.recv_frame(0.2)  # read, but never answer a ping
        except TimeoutError:
            continue
        except (Closed, ConnectionResetError, OSError):
            gone = time.monotonic() - t0
            break
    check(gone is not None, "the silent agent was never dropped")
    print("    dropped %.1f s after its last message" % gone)
    check(2.5 <= gone <= 5.0, "dropped after about three heartbeats, got %.1f s" % gone)
    deadline = time.monotonic() + 3
    while _online(srv, slug, "silent") and time.monotonic() < deadline:
        time.sleep(0.05)
    eq(_online(srv, slug, "silent"), False, "offline in the inventory")
