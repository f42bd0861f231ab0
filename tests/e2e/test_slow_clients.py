"""Slow clients (8.6): a request's header and body must arrive within
--request-timeout seconds of the connection's start or of the previous
answer on it, however steadily the bytes trickle in; and one client
address holds at most --max-connections-per-ip connections.

The module's server runs with a 2 s deadline and a cap of 4 connections
per address; every wait below is bounded."""

import re
import socket
import time

import moat
from moat import HOST, check, eq

DEADLINE = 2
PER_IP = 4


def server_kwargs(tmpdir):
    return {"extra_args": ["--request-timeout", str(DEADLINE), "--max-connections-per-ip", str(PER_IP)]}


def _drip(srv, first, drip, every=0.25, limit=8.0):
    """Sends first, then one byte of drip every `every` seconds; returns
    the seconds from connect until the server closed the connection, or
    None when it was still open after `limit` seconds (or drip ran out)."""
    s = socket.create_connection((HOST, srv.port), timeout=moat.HTTP_TIMEOUT)
    t0 = time.monotonic()
    try:
        s.sendall(first)
        s.settimeout(every)
        for i in range(len(drip)):
            if time.monotonic() - t0 > limit:
                return None
            try:
                s.sendall(drip[i:i + 1])
            except (BrokenPipeError, ConnectionResetError):
                return time.monotonic() - t0
            try:
                data = s.recv(4096)
                if not data:
                    return time.monotonic() - t0
                # an answer before the request was complete would be a bug
                check(False, "an answer to an incomplete request: %r" % data[:200])
            except socket.timeout:
                pass
            except ConnectionResetError:
                return time.monotonic() - t0
        return None
    finally:
        s.close()


def test_a_header_sent_one_byte_at_a_time_is_cut_off_at_the_deadline(srv):
    took = _drip(srv, b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n", b"X-Slow: " + b"a" * 200)
    check(took is not None, "a header trickling in for 8 s kept its connection (deadline %d s)" % DEADLINE)
    check(DEADLINE - 0.3 <= took <= DEADLINE + 1.5,
          "the connection was closed after %.2f s, the deadline is %d s" % (took, DEADLINE))
    m = re.search(r"^moat_http_request_deadline_closed_total (\d+)$", srv.req("GET", "/metrics").body, re.M)
    check(m and int(m.group(1)) >= 1, "/metrics does not count the closed connection: %r" % (m and m.group(0)))


def test_a_request_line_sent_one_byte_at_a_time_is_cut_off_at_the_deadline(srv):
    took = _drip(srv, b"G", b"ET /healthz" + b"x" * 200)
    check(took is not None, "a request line trickling in for 8 s kept its connection")
    check(took <= DEADLINE + 1.5, "closed after %.2f s, the deadline is %d s" % (took, DEADLINE))


def test_a_body_sent_one_byte_at_a_time_is_cut_off_at_the_deadline(srv):
    head = (b"POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Content-Type: application/json\r\nContent-Length: 200\r\n\r\n")
    took = _drip(srv, head, b"{" + b" " * 198 + b"}")
    check(took is not None, "a body trickling in for 8 s kept its connection")
    check(took <= DEADLINE + 1.5, "closed after %.2f s, the deadline is %d s" % (took, DEADLINE))


def test_a_kept_alive_connection_gets_a_fresh_deadline_per_request(srv):
    """Three requests over 3.6 s on one connection, each well inside its
    own deadline: all answered on the same socket."""
    conn = srv.conn()
    try:
        conn.connect()
        sock = conn.sock
        for i in range(3):
            if i:
                time.sleep(1.2)
            r = srv.req("GET", "/healthz", conn=conn)
            eq(r.status, 200, "request %d on the kept-alive connection" % i)
            check(conn.sock is sock, "the connection was replaced before request %d" % i)
    finally:
        conn.close()


def _answers(sock):
    """True when a GET /healthz on sock gets an HTTP answer."""
    try:
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        data = sock.recv(4096)
        return data.startswith(b"HTTP/1.1 200")
    except (ConnectionResetError, BrokenPipeError, socket.timeout):
        return False


def test_one_address_holds_at_most_the_configured_connections(srv):
    socks = []
    try:
        for i in range(PER_IP):
            s = socket.create_connection((HOST, srv.port), timeout=2)
            socks.append(s)
            check(_answers(s), "connection %d of %d was not served" % (i + 1, PER_IP))
        extra = socket.create_connection((HOST, srv.port), timeout=2)
        check(not _answers(extra), "connection %d from one address was served (cap %d)" % (PER_IP + 1, PER_IP))
        extra.close()
        socks.pop().close()
        deadline = time.monotonic() + 5
        served = False
        while not served and time.monotonic() < deadline:
            s = socket.create_connection((HOST, srv.port), timeout=2)
            served = _answers(s)
            if served:
                socks.append(s)
            else:
                s.close()
                time.sleep(0.05)
        check(served, "no connection was served after one of the %d was closed" % PER_IP)
    finally:
        for s in socks:
            s.close()
