"""A small RFC 6455 WebSocket client for the end-to-end tests (stdlib only).

It can do what a well-behaved agent does and what a hostile one does:
binary frames, fragments, oversized messages, never reading. Every call
takes a timeout; nothing blocks forever. Every JSON message recv() returns
is checked against agentproto/schema by contract.py, and so are the hello
and events messages this client sent once the server has taken them.
"""
import base64
import hashlib
import json
import os
import socket
import struct
import time

import contract

GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"


class Closed(Exception):
    """The server closed the connection: .code and .reason (None if no close frame)."""

    def __init__(self, code, reason):
        super().__init__("closed %s %r" % (code, reason))
        self.code = code
        self.reason = reason


class HandshakeRefused(Exception):
    def __init__(self, status, head):
        super().__init__("handshake refused: %s" % status)
        self.status = status
        self.head = head


class WS:
    def __init__(self, port, path="/v1/agent", token=None, protocol="moat.agent.v1",
                 host="127.0.0.1", timeout=10, headers=None, rcvbuf=None):
        if rcvbuf:
            # a small receive window (set before connect) makes a reader
            # that never reads fill up quickly
            self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
            self.sock.settimeout(timeout)
            self.sock.connect((host, port))
        else:
            self.sock = socket.create_connection((host, port), timeout=timeout)
        self.sock.settimeout(timeout)
        self.path = path
        self.sent_hello = None
        self.sent_events = {}  # seq -> the events message, until its ack
        self.buf = b""
        key = base64.b64encode(os.urandom(16)).decode()
        lines = ["GET %s HTTP/1.1" % path, "Host: %s:%d" % (host, port), "Upgrade: websocket",
                 "Connection: Upgrade", "Sec-WebSocket-Key: " + key, "Sec-WebSocket-Version: 13"]
        if protocol:
            lines.append("Sec-WebSocket-Protocol: " + protocol)
        if token:
            lines.append("Authorization: Bearer " + token)
        for k, v in (headers or {}).items():
            lines.append("%s: %s" % (k, v))
        self.sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
        head = self._read_until(b"\r\n\r\n").decode("latin-1")
        status = head.split("\r\n", 1)[0]
        if " 101 " not in status + " ":
            self.sock.close()
            raise HandshakeRefused(status, head)
        want = base64.b64encode(hashlib.sha1((key + GUID).encode()).digest()).decode()
        if want not in head:
            raise AssertionError("bad Sec-WebSocket-Accept in %r" % head)
        self.closed = None

    def _read_until(self, marker):
        while marker not in self.buf:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise Closed(None, "eof during handshake")
            self.buf += chunk
        i = self.buf.index(marker) + len(marker)
        out, self.buf = self.buf[:i], self.buf[i:]
        return out

    def _read_n(self, n):
        while len(self.buf) < n:
            chunk = self.sock.recv(max(65536, n - len(self.buf)))
            if not chunk:
                raise Closed(None, "eof")
            self.buf += chunk
        out, self.buf = self.buf[:n], self.buf[n:]
        return out

    def send_frame(self, opcode, payload, fin=True, masked=True):
        """One frame. masked=False sends it as no client may (RFC 6455
        §5.1), to see the server refuse it."""
        head = bytes([(0x80 if fin else 0) | opcode])
        n = len(payload)
        bit = 0x80 if masked else 0
        if n < 126:
            head += bytes([bit | n])
        elif n < 65536:
            head += bytes([bit | 126]) + struct.pack("!H", n)
        else:
            head += bytes([bit | 127]) + struct.pack("!Q", n)
        if not masked:
            self.sock.sendall(head + payload)
            return
        mask = os.urandom(4)
        data = bytes(b ^ mask[i % 4] for i, b in enumerate(payload)) if n < 4096 else \
            _mask_fast(payload, mask)
        self.sock.sendall(head + mask + data)

    def send(self, obj):
        """Sends a dict as one JSON text frame (or a str/bytes as is)."""
        self._remember(obj)
        if isinstance(obj, (dict, list)):
            obj = json.dumps(obj)
        if isinstance(obj, str):
            obj = obj.encode()
        self.send_frame(0x1, obj)

    def _remember(self, obj):
        """Keeps a hello and events batches, so recv() can check them
        against agentproto/schema once the server has taken them."""
        if isinstance(obj, (str, bytes)):
            try:
                obj = json.loads(obj)
            except ValueError:
                return
        if not isinstance(obj, dict):
            return
        if obj.get("type") == "hello":
            self.sent_hello = obj
        elif obj.get("type") == "events" and isinstance(obj.get("seq"), int):
            self.sent_events[obj["seq"]] = obj

    def _taken(self, msg):
        if msg.get("type") == "welcome" and self.sent_hello is not None:
            contract.check_ws_accepted(self.path, self.sent_hello)
            self.sent_hello = None
        elif msg.get("type") == "ack" and msg.get("seq") in self.sent_events:
            contract.check_ws_accepted(self.path, self.sent_events.pop(msg["seq"]))

    def send_binary(self, data):
        self.send_frame(0x2, data)

    def recv_frame(self, timeout=10):
        self.sock.settimeout(timeout)
        b0, b1 = self._read_n(2)
        opcode = b0 & 0x0F
        fin = bool(b0 & 0x80)
        n = b1 & 0x7F
        if n == 126:
            n = struct.unpack("!H", self._read_n(2))[0]
        elif n == 127:
            n = struct.unpack("!Q", self._read_n(8))[0]
        if b1 & 0x80:
            mask = self._read_n(4)
            data = bytes(b ^ mask[i % 4] for i, b in enumerate(self._read_n(n)))
        else:
            data = self._read_n(n)
        return fin, opcode, data

    def recv(self, timeout=10):
        """The next JSON message (dict). Answers pings. Raises Closed on close."""
        deadline = time.monotonic() + timeout
        parts = b""
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("no message within %.1fs" % timeout)
            fin, op, data = self.recv_frame(left)
            if op == 0x9:
                self.send_frame(0xA, data)
                continue
            if op == 0xA:
                continue
            if op == 0x8:
                code = struct.unpack("!H", data[:2])[0] if len(data) >= 2 else None
                reason = data[2:].decode("utf-8", "replace")
                self.closed = (code, reason)
                try:
                    self.send_frame(0x8, data[:2])
                except OSError:
                    pass
                raise Closed(code, reason)
            parts += data
            if fin:
                msg = json.loads(parts.decode())
                contract.check_ws(self.path, msg)
                if isinstance(msg, dict):
                    self._taken(msg)
                return msg

    def recv_type(self, type_, timeout=10):
        """Skips messages until one of the given type arrives."""
        deadline = time.monotonic() + timeout
        while True:
            m = self.recv(max(0.05, deadline - time.monotonic()))
            if m.get("type") == type_:
                return m

    def expect_close(self, timeout=10):
        """Reads until the server closes; returns the close code."""
        deadline = time.monotonic() + timeout
        try:
            while True:
                self.recv(max(0.05, deadline - time.monotonic()))
        except Closed as c:
            return c.code
        except (ConnectionResetError, BrokenPipeError):
            return None

    def close(self, code=1000):
        try:
            self.send_frame(0x8, struct.pack("!H", code))
        except OSError:
            pass
        self.sock.close()


def _mask_fast(payload, mask):
    n = len(payload)
    key = int.from_bytes((mask * (n // 4 + 1))[:n], "big")
    return (int.from_bytes(payload, "big") ^ key).to_bytes(n, "big")


def hello(agent_id="agent-1", environment="production", policy_version=0, **extra):
    m = {"type": "hello", "protocol": 1, "agent_id": agent_id, "hostname": "host-" + agent_id,
         "runtime": "python-test", "agent_version": "e2e 1", "environment": environment,
         "policy_version": policy_version}
    m.update(extra)
    return m
