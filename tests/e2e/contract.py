"""Checks every answer the e2e suite sees against Moat's written contracts.

The HTTP helpers of moat.py call check_http() for every response and
wsclient.py calls check_ws() for every message the server sends; run.py
calls reset() before each test and fails the test with the violations it
collected (taken()), so an undocumented status, media type or body shape
fails the test that made the request.

- REST: api/openapi.yaml (OpenAPI 3.0). The HTTP library's own answers
  (no X-Request-Id, a status of x-moat-http-layer-statuses) are left
  alone, as the conventions say. The request's path and method select
  the operation (a path outside /api/ that no other operation matches is
  a static file, /{file}); a request no operation takes must get one of
  the answers of x-moat-unmatched. The status must be one the operation
  lists, the Content-Type one of that response's media types (no body
  when it lists none, or for HEAD, 204 and 304), a JSON body must match
  the schema and every header the response marks `required` must be
  there. When the server answered 2xx, the JSON request body and the
  query parameters must match the operation's schemas too: a validating
  client or proxy (Prism) would have refused what the server accepted.
- WebSocket: agentproto/schema/*.json (JSON Schema 2020-12): on
  /v1/agent the server's welcome, policy, ack and error messages, on
  /v1/live the feed's messages (live.json); and, as for REST bodies, the
  agent's hello once the server answered it with welcome and an events
  batch once it was acknowledged.

The validator is python3-jsonschema (Debian; scripts/deps.sh installs it)
with PyYAML. OpenAPI 3.0's schema dialect is converted to JSON Schema
draft 4 (nullable -> a null type; $ref resolved in place); x-max-bytes,
a string limit in bytes of UTF-8, is checked as a keyword. Formats are
checked as strict clients check them: date-time (RFC 3339), uuid, ipv4,
ipv6, and email as ajv-formats' full mode (what Prism uses) does.
"""

import copy
import ipaddress
import json
import os
import re
import threading
import urllib.parse

import jsonschema
import yaml

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
OPENAPI = os.path.join(ROOT, "api", "openapi.yaml")
AGENT_SCHEMAS = os.path.join(ROOT, "agentproto", "schema")

_lock = threading.Lock()
_violations = []
checked = [0]  # answers checked so far (test_contract.py asserts the hooks run)
seen = set()  # (METHOD, path template) of every operation an answer came from


def reset():
    with _lock:
        del _violations[:]


def taken():
    """The violations recorded since reset(), and forgets them."""
    with _lock:
        out = list(_violations)
        del _violations[:]
    return out


def _count():
    with _lock:
        checked[0] += 1


def _record(msg):
    with _lock:
        if len(_violations) < 50:
            _violations.append(msg)


# --------------------------------------------------------------------------
# Formats as strict validators check them

_EMAIL_RE = re.compile(r"^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                       r"@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$",
                       re.I)
_DATE_TIME_RE = re.compile(r"^\d{4}-[01]\d-[0-3]\d[tT ](?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?"
                           r"(?:[zZ]|[+-]\d\d:\d\d)$")
_UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.I)


def _ip(version):
    def chk(s):
        if not isinstance(s, str):
            return True
        try:
            return ipaddress.ip_address(s).version == version
        except ValueError:
            return False
    return chk


FORMATS = jsonschema.FormatChecker(formats=())
for _name, _fn in (("email", lambda s: not isinstance(s, str) or bool(_EMAIL_RE.match(s))),
                   ("date-time", lambda s: not isinstance(s, str) or bool(_DATE_TIME_RE.match(s))),
                   ("uuid", lambda s: not isinstance(s, str) or bool(_UUID_RE.match(s))),
                   ("ipv4", _ip(4)), ("ipv6", _ip(6))):
    FORMATS.checks(_name)(_fn)


def _max_bytes(validator, limit, instance, schema):
    """x-max-bytes: a string limit in bytes of UTF-8 (PROTOCOL.md, and the
    conventions of api/openapi.yaml), which JSON Schema cannot say."""
    if isinstance(instance, str) and len(instance.encode("utf-8", "surrogatepass")) > limit:
        yield jsonschema.ValidationError("%r is longer than %d bytes of UTF-8" % (instance[:40], limit))


OAS_VALIDATOR = jsonschema.validators.extend(jsonschema.Draft4Validator, {"x-max-bytes": _max_bytes})
PROTO_VALIDATOR = jsonschema.validators.extend(jsonschema.Draft202012Validator, {"x-max-bytes": _max_bytes})


def _first_error(validator, instance):
    errs = sorted(validator.iter_errors(instance), key=lambda e: len(list(e.absolute_path)))
    if not errs:
        return None
    e = errs[0]
    where = "/" + "/".join(str(p) for p in e.absolute_path)
    return "%s: %s" % (where, e.message[:300])


# --------------------------------------------------------------------------
# OpenAPI 3.0 -> JSON Schema


class _Spec:
    def __init__(self, path):
        with open(path) as f:
            self.doc = yaml.safe_load(f)
        self._schemas = {}
        self._validators = {}
        self.ops = []  # (regex, template, path item), most literal first
        for tmpl, item in self.doc["paths"].items():
            parts = tmpl.strip("/").split("/") if tmpl != "/" else []
            rx = "^/" + "/".join("[^/]+" if p.startswith("{") else re.escape(p) for p in parts) + "$"
            params = sum(1 for p in parts if p.startswith("{"))
            self.ops.append((params, -len(parts), re.compile(rx), tmpl, item))
        self.ops.sort(key=lambda t: (t[0], t[1]))

    def deref(self, node):
        while isinstance(node, dict) and "$ref" in node:
            node = self.pointer(node["$ref"])
        return node

    def pointer(self, ref):
        if not ref.startswith("#/"):
            raise ValueError("external $ref %r" % ref)
        node = self.doc
        for part in ref[2:].split("/"):
            node = node[part.replace("~1", "/").replace("~0", "~")]
        return node

    def to_json_schema(self, node, stack=()):
        """OpenAPI 3.0 schema -> draft 4 JSON Schema, refs inlined."""
        if isinstance(node, list):
            return [self.to_json_schema(n, stack) for n in node]
        if not isinstance(node, dict):
            return node
        if "$ref" in node:
            ref = node["$ref"]
            if ref in stack:
                return {}  # a recursive schema: not followed twice
            if ref not in self._schemas:
                self._schemas[ref] = self.to_json_schema(self.pointer(ref), stack + (ref,))
            return self._schemas[ref]
        out = {}
        for k, v in node.items():
            if k in ("properties", "patternProperties", "definitions"):
                out[k] = {pk: self.to_json_schema(pv, stack) for pk, pv in v.items()}
            elif k in ("items", "additionalProperties", "not", "allOf", "anyOf", "oneOf"):
                out[k] = self.to_json_schema(v, stack)
            elif k in ("nullable", "example", "discriminator", "xml", "externalDocs", "deprecated",
                       "readOnly", "writeOnly") or (k.startswith("x-") and k != "x-max-bytes"):
                continue
            else:
                out[k] = copy.deepcopy(v)
        if node.get("nullable") is True:
            if "type" in out:
                out["type"] = [out["type"], "null"]
                if "enum" in out and None not in out["enum"]:
                    out["enum"] = out["enum"] + [None]
            else:
                out = {"anyOf": [{"type": "null"}, out]}
        return out

    def validator(self, key, schema):
        v = self._validators.get(key)
        if v is None:
            js = self.to_json_schema(schema)
            jsonschema.Draft4Validator.check_schema(js)
            v = OAS_VALIDATOR(js, format_checker=FORMATS)
            self._validators[key] = v
        return v

    def find(self, path):
        for _, _, rx, tmpl, item in self.ops:
            if rx.match(path):
                return tmpl, item
        # /{file}'s parameter may hold slashes (a file in a subdirectory of
        # the web root, as its description says): any other path outside
        # the API is a static file
        if not path.startswith("/api/") and "/{file}" in self.doc["paths"]:
            return "/{file}", self.doc["paths"]["/{file}"]
        return None, None


_spec = None
_spec_lock = threading.Lock()


def spec():
    global _spec
    with _spec_lock:
        if _spec is None:
            _spec = _Spec(OPENAPI)
        return _spec


def _media(ctype):
    return (ctype or "").split(";")[0].strip().lower()


def _media_matches(got, listed):
    listed = _media(listed)
    if listed == "*/*" or listed == got:
        return True
    if listed.endswith("/*"):
        return got.startswith(listed[:-1])
    return False


def _is_json(media):
    return media == "application/json" or media.endswith("+json")


def _query_value(schema, v):
    """A query string value as the parameter's schema type would hold it."""
    t = schema.get("type")
    if t == "integer" and re.match(r"^-?\d+$", v):
        return int(v)
    if t == "boolean" and v in ("true", "false"):
        return v == "true"
    return v


def _query_problems(sp, op, op_key, target, what):
    """A 2xx answer to query parameters their schemas refuse."""
    out = []
    query = target.split("?", 1)[1].split("#", 1)[0] if "?" in target else ""
    if not query:
        return out
    params = {}
    for p in op.get("parameters") or []:
        p = sp.deref(p)
        if p.get("in") == "query" and "schema" in p:
            params[p["name"]] = p
    for name, v in urllib.parse.parse_qsl(query, keep_blank_values=True):
        p = params.get(name)
        if p is None:
            continue
        schema = sp.deref(p["schema"])
        err = _first_error(sp.validator(("query",) + op_key + (name,), p["schema"]), _query_value(schema, v))
        if err is not None:
            out.append("%s: the server accepted a query parameter the contract refuses: %s=%r: %s"
                       % (what, name, v[:80], err))
    return out


def operations():
    """Every (METHOD, path template) api/openapi.yaml lists."""
    return {(m.upper(), t) for t, item in spec().doc["paths"].items() for m in item
            if m in ("get", "head", "post", "put", "patch", "delete")}


def problems_http(method, target, status, headers, raw, req_body=None, req_ctype=None):
    """The ways one HTTP exchange breaks api/openapi.yaml (a list of str).
    headers: a mapping with case-insensitive get(); raw: the body bytes."""
    sp = spec()
    path = target.split("?", 1)[0].split("#", 1)[0]
    method = method.upper()
    what = "%s %s -> %d" % (method, target[:120], status)
    out = []
    media = _media(headers.get("Content-Type"))
    body = None
    if _is_json(media) and raw:
        try:
            body = json.loads(raw.decode("utf-8"))
        except (ValueError, UnicodeDecodeError) as e:
            return ["%s: the %s body is not JSON (%s)" % (what, media, e)]

    if status in (sp.doc.get("x-moat-http-layer-statuses") or []) and headers.get("X-Request-Id") is None:
        # answered by the HTTP library before any route (the conventions)
        return []
    tmpl, item = sp.find(path)
    op = item.get(method.lower()) if item is not None else None
    if op is None:
        # no operation: the answers x-moat-unmatched names (404 for an
        # unknown path, 405 for a known one, 400 for a target that does
        # not decode)
        unmatched = (sp.doc.get("x-moat-unmatched") or {}).get("responses") or {}
        resp = unmatched.get(str(status))
        if resp is None:
            return ["%s: %s, and x-moat-unmatched lists no %d"
                    % (what, "no operation has this path" if item is None
                       else "%s has no %s operation" % (tmpl, method), status)]
        op_key = ("unmatched", str(status))
    else:
        responses = op.get("responses") or {}
        resp = responses.get(str(status)) or responses.get("%dXX" % (status // 100)) or responses.get("default")
        if resp is None:
            return ["%s: status %d is not listed for %s %s (lists %s)"
                    % (what, status, method, tmpl, ", ".join(sorted(responses)))]
        op_key = (method, tmpl, str(status))
        with _lock:
            seen.add((method, tmpl))
        if 200 <= status < 300:
            out += _query_problems(sp, op, op_key, target, what)
        # a 2xx answer to a JSON request body the contract refuses
        rb = sp.deref(op.get("requestBody") or {})
        rschema = ((rb.get("content") or {}).get("application/json") or {}).get("schema")
        if 200 <= status < 300 and rschema is not None and req_body is not None \
                and _is_json(_media(req_ctype)):
            try:
                sent = json.loads(req_body.decode("utf-8") if isinstance(req_body, bytes) else req_body)
            except (ValueError, UnicodeDecodeError):
                sent = None
                out.append("%s: the server accepted a request body that is not JSON" % what)
            if sent is not None:
                err = _first_error(sp.validator(("request",) + op_key, rschema), sent)
                if err is not None:
                    out.append("%s: the server accepted a request body the contract refuses: %s"
                               % (what, err))

    resp = sp.deref(resp)
    for hname, h in (resp.get("headers") or {}).items():
        h = sp.deref(h)
        if h.get("required") and headers.get(hname) is None:
            out.append("%s: required header %s is missing" % (what, hname))
    content = resp.get("content")
    if method == "HEAD" or status in (204, 304):
        if raw:
            out.append("%s: a body (%d bytes) where none is allowed" % (what, len(raw)))
        return out
    if not content:
        if raw:
            out.append("%s: a %s body (%d bytes) where the contract lists none"
                       % (what, media or "untyped", len(raw)))
        return out
    listed = None
    for mt in content:
        if _media_matches(media, mt.lower()):
            listed = mt
            break
    if listed is None:
        out.append("%s: Content-Type %r is not one of %s" % (what, media, ", ".join(content)))
        return out
    schema = (content[listed] or {}).get("schema")
    if schema is not None and _is_json(media) and _is_json(_media(listed)):
        err = _first_error(sp.validator(op_key + (listed,), schema), body)
        if err is not None:
            out.append("%s: the body does not match the contract: %s" % (what, err))
    return out


def check_http(method, target, status, headers, raw, req_body=None, req_ctype=None):
    """Records every way this exchange breaks the contract."""
    _count()
    try:
        found = problems_http(method, target, status, headers, raw, req_body, req_ctype)
    except Exception as e:  # noqa: BLE001 - a broken contract file is a violation too
        found = ["%s %s: the contract checker failed: %r" % (method, target[:120], e)]
    for m in found:
        _record(m)


# --------------------------------------------------------------------------
# The agent protocol's JSON Schemas


class _AgentSchemas:
    # server -> agent on /v1/agent, and server -> dashboard on /v1/live
    AGENT = {"welcome": "welcome.json", "policy": "policy.json", "ack": "ack.json", "error": "error.json"}
    LIVE = {"subscribed": "live.json", "event": "live.json", "error": "live.json", "dropped": "live.json",
            "agents": "live.json", "policy": "live.json"}

    def __init__(self, directory):
        self.raw = {}
        for name in os.listdir(directory):
            if name.endswith(".json"):
                with open(os.path.join(directory, name)) as f:
                    self.raw[name] = json.load(f)
        self._validators = {}

    def inline(self, node, base):
        if isinstance(node, list):
            return [self.inline(n, base) for n in node]
        if not isinstance(node, dict):
            return node
        if "$ref" in node and not node["$ref"].startswith("#"):
            ref = node["$ref"]
            name = ref.rsplit("/", 1)[-1]
            target = {k: v for k, v in self.raw[name].items() if k not in ("$schema", "$id")}
            rest = {k: v for k, v in node.items() if k != "$ref"}
            inl = self.inline(target, name)
            return dict(rest, allOf=[inl]) if rest else inl
        return {k: self.inline(v, base) for k, v in node.items()}

    def validator(self, name):
        v = self._validators.get(name)
        if v is None:
            schema = self.inline(self.raw[name], name)
            jsonschema.Draft202012Validator.check_schema(schema)
            v = PROTO_VALIDATOR(schema, format_checker=FORMATS)
            self._validators[name] = v
        return v


_agent = None


def agent_schemas():
    global _agent
    with _spec_lock:
        if _agent is None:
            _agent = _AgentSchemas(AGENT_SCHEMAS)
        return _agent


def problems_ws(path, msg):
    """The ways one server WebSocket message breaks agentproto/schema."""
    sch = agent_schemas()
    live = path.split("?", 1)[0] == "/v1/live"
    table = sch.LIVE if live else sch.AGENT
    where = "WebSocket %s: %s" % ("/v1/live" if live else "/v1/agent", json.dumps(msg)[:200])
    if not isinstance(msg, dict) or msg.get("type") not in table:
        return ["%s: a server message of no documented type (%s)" % (where, ", ".join(table))]
    err = _first_error(sch.validator(table[msg["type"]]), msg)
    if err is not None:
        return ["%s: does not match %s: %s" % (where, table[msg["type"]], err)]
    if live and msg["type"] == "event":
        # the same object as the REST event list's items
        ev = spec().doc["components"]["schemas"]["Event"]
        err = _first_error(spec().validator(("live", "Event"), ev), msg["event"])
        if err is not None:
            return ["%s: its event does not match the Event schema of api/openapi.yaml: %s"
                    % (where, err)]
    return []


def problems_ws_accepted(path, sent):
    """The ways an agent message the server took (a hello answered with
    welcome, an events batch answered with its ack) breaks its schema: a
    validating agent would not have sent it."""
    sch = agent_schemas()
    name = {"hello": "hello.json", "events": "events.json", "applied": "applied.json"}.get(sent.get("type"))
    if path.split("?", 1)[0] == "/v1/live" or name is None:
        return []
    err = _first_error(sch.validator(name), sent)
    if err is not None:
        return ["WebSocket /v1/agent: the server took %s, which %s refuses: %s"
                % (json.dumps(sent)[:200], name, err)]
    return []


def check_ws_accepted(path, sent):
    _count()
    try:
        found = problems_ws_accepted(path, sent)
    except Exception as e:  # noqa: BLE001
        found = ["WebSocket %s: the contract checker failed: %r" % (path, e)]
    for m in found:
        _record(m)


def check_ws(path, msg):
    _count()
    try:
        found = problems_ws(path, msg)
    except Exception as e:  # noqa: BLE001
        found = ["WebSocket %s: the contract checker failed: %r" % (path, e)]
    for m in found:
        _record(m)
