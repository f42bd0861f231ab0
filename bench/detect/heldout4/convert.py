#!/usr/bin/env python3
"""raw/ -> cases/ for the fourth held-out corpus (offline, standard library).

Writes cases/<category>/<source>.jsonl in the format of shared/corpus (its
README.md): one object a line, UTF-8, LF, no duplicate within a file, no
empty case. One reader per source format:

  js_array     a JavaScript array literal of string literals (ssrfcheck's
               test data, private-ip's test lists)
  go_tests     the `in:` / `expected:` pairs of Go table tests (bluemonday)
  lines        one case a line (xss-filters' fuzzer seeds, the FAQ questions)
  sanitize_url the calls of sanitize-url's tests that fetch.py recorded
  json_lines   one JSON string a line (the MariaDB test statements that
               fetch.py extracted)

A case that is also a case (any category) of the development set or of the
first three held-out sets is left out: the lists copy from each other.
"""
import argparse
import html
import importlib.util
import ipaddress
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
RAW = os.path.join(HERE, "raw")
CASES = os.path.join(HERE, "cases")


def read(cat, name):
    with open(os.path.join(RAW, cat, name), encoding="utf-8") as f:
        return f.read()


# --- JavaScript string literals ------------------------------------------------

JS_ESC = {"n": "\n", "r": "\r", "t": "\t", "b": "\b", "f": "\f", "v": "\v"}


def js_string(text, i):
    """The JavaScript string literal starting at text[i] (a quote): its value
    and the index after it (ECMAScript escapes; an unknown escape is the
    character itself; no ${} in template literals)."""
    q, i, out = text[i], i + 1, []
    while text[i] != q:
        c = text[i]
        if c != "\\":
            out.append(c)
            i += 1
            continue
        e = text[i + 1]
        i += 2
        if e in JS_ESC:
            out.append(JS_ESC[e])
        elif e == "0" and not text[i].isdigit():
            out.append("\0")
        elif e == "x":
            out.append(chr(int(text[i:i + 2], 16)))
            i += 2
        elif e == "u" and text[i] == "{":
            j = text.index("}", i)
            out.append(chr(int(text[i + 1:j], 16)))
            i = j + 1
        elif e == "u":
            out.append(chr(int(text[i:i + 4], 16)))
            i += 4
        elif e == "\r" and text[i] == "\n":
            i += 1  # line continuation
        elif e in "\n\u2028\u2029":
            pass
        else:
            out.append(e)
    s = "".join(out)
    # surrogate pairs written as two \u escapes
    return s.encode("utf-16", "surrogatepass").decode("utf-16"), i + 1


def js_array(text, var=None):
    """The strings of the array literal assigned to `var` (or the first array
    of the file): string literals separated by commas, // and /* */
    comments and white space allowed."""
    if var:
        m = re.search(r"\b(?:const|let|var)\s+%s\s*=\s*\[" % re.escape(var), text)
        i = m.end()
    else:
        i = text.index("[") + 1
    out = []
    while True:
        while text[i] in " \t\r\n,":
            i += 1
        if text.startswith("//", i):
            i = text.index("\n", i)
            continue
        if text.startswith("/*", i):
            i = text.index("*/", i) + 2
            continue
        if text[i] == "]":
            return out
        if text[i] not in "'\"`":
            raise ValueError("not a string literal at %d: %r" % (i, text[i:i + 40]))
        s, i = js_string(text, i)
        out.append(s)


# --- Go string literals ----------------------------------------------------------

GO_ESC = {"a": 7, "b": 8, "f": 12, "n": 10, "r": 13, "t": 9, "v": 11, "\\": 92, "'": 39, '"': 34}


def _bytes_to_str(b):
    """UTF-8 bytes to text; a byte that is not UTF-8 stays as %XX."""
    s = b.decode("utf-8", "surrogateescape")
    return "".join("%%%02X" % (ord(c) - 0xDC00) if 0xDC80 <= ord(c) <= 0xDCFF else c for c in s)


def go_string(text, i):
    """The Go string literal at text[i] (raw `...` or interpreted "..."):
    its value and the index after it."""
    if text[i] == "`":
        j = text.index("`", i + 1)
        return text[i + 1:j].replace("\r", ""), j + 1
    i += 1
    out = bytearray()
    while text[i] != '"':
        c = text[i]
        if c != "\\":
            out += c.encode("utf-8")
            i += 1
            continue
        e = text[i + 1]
        i += 2
        if e in GO_ESC:
            out.append(GO_ESC[e])
        elif e == "x":
            out.append(int(text[i:i + 2], 16))
            i += 2
        elif e in "01234567":
            out.append(int(text[i - 1:i + 2], 8))
            i += 2
        elif e == "u":
            out += chr(int(text[i:i + 4], 16)).encode("utf-8")
            i += 4
        elif e == "U":
            out += chr(int(text[i:i + 8], 16)).encode("utf-8")
            i += 8
        else:
            raise ValueError("bad Go escape \\%s" % e)
    return _bytes_to_str(bytes(out)), i + 1


def go_expr(text, i):
    """A string expression `lit + lit ...` at text[i] (white space skipped):
    its value and the index after it, or None when it is not made of literals."""
    parts = []
    while True:
        while text[i] in " \t\r\n":
            i += 1
        if text[i] not in "`\"":
            return None, i
        s, i = go_string(text, i)
        parts.append(s)
        j = i
        while text[j] in " \t\r\n":
            j += 1
        if text[j] != "+":
            return "".join(parts), i
        i = j + 1


def go_tests(text):
    """(test function, in, expected) for every `in: ..., expected: ...` pair
    of literals in a Go test file."""
    funcs = [(m.start(), m.group(1)) for m in re.finditer(r"^func (\w+)\(", text, re.M)]
    out = []
    for m in re.finditer(r"\bin:", text):
        fn = [name for pos, name in funcs if pos < m.start()][-1]
        v, i = go_expr(text, m.end())
        if v is None:
            continue
        e = re.compile(r"\s*,\s*expected:").match(text, i)
        if not e:
            continue
        x, _ = go_expr(text, e.end())
        if x is not None:
            out.append((fn, v, x))
    return out


# --- SSRF: which hosts are internal --------------------------------------------

V4_INTERNAL = [ipaddress.ip_network(n) for n in
               ("127.0.0.0/8", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16",
                "0.0.0.0/32")]
V6_INTERNAL = [ipaddress.ip_network(n) for n in ("::1/128", "::/128", "fe80::/10", "fc00::/7")]


def internal(hostname):
    """The issue's internal addresses: loopback, private, link-local (cloud
    metadata included), unique-local, the unspecified address (the local host
    on Linux), and IPv4-mapped IPv6 forms of these; `localhost` and names
    under it. hostname is as a WHATWG parser serialises it."""
    h = hostname.lower().rstrip(".")
    if h == "localhost" or h.endswith(".localhost"):
        return True
    try:
        a = ipaddress.ip_address(h[1:-1] if h.startswith("[") else h)
    except ValueError:
        return False
    if a.version == 6 and a.ipv4_mapped is not None:
        a = a.ipv4_mapped
    nets = V4_INTERNAL if a.version == 4 else V6_INTERNAL
    return any(a in n for n in nets)


def hosts():
    with open(os.path.join(RAW, "ssrf", "whatwg_hosts.jsonl"), encoding="utf-8") as f:
        return {o["input"]: o for o in map(json.loads, f)}


# --- sources ------------------------------------------------------------------------

def ssrf_list(name, var=None):
    """Entries of a URL/address list whose host, read by a WHATWG parser, is
    internal; the others (public or multicast addresses, reserved and
    documentation ranges, NAT64 and other IPv6 forms that are not mapped,
    strings no parser reads as a URL with a host) are counted apart."""
    h = hosts()
    kept, other = [], 0
    for s in js_array(read("ssrf", name), var):
        o = h[s]
        if not o.get("failure") and internal(o["hostname"]):
            kept.append(s)
        else:
            other += 1
    return kept, other


def benign_urls():
    """ssrfcheck's URLs that must pass, when a WHATWG parser reads them as
    they are as an http(s) URL with a host that is not internal."""
    h = hosts()
    kept, other = [], 0
    for s in js_array(read("benign-urls", "ssrfcheck_should-pass.js")):
        o = h[s]
        if (not o.get("failure") and o["url"] == s and o["protocol"] in ("http:", "https:")
                and not internal(o["hostname"])):
            kept.append(s)
        else:
            other += 1
    return kept, other


def bluemonday():
    """TestXSS's inputs -> xss (OWASP XSS filter evasion vectors, whatever the
    policy makes of them); every other test's input that holds a tag and
    that its policy keeps exactly as it is -> benign-html."""
    tests = go_tests(read("xss", "bluemonday_sanitize_test.go"))
    xss = [v for fn, v, _ in tests if fn == "TestXSS"]
    kept = [v for fn, v, x in tests if fn != "TestXSS" and v == x and re.search(r"<[A-Za-z]", v)]
    return xss, kept


C0_OR_SPACE = "".join(chr(i) for i in range(0x21))


def script_url(href):
    """Whether an href attribute value is a javascript: URL as a browser
    reads it: character references decoded (the HTML tokenizer, once), then
    the WHATWG URL parser's first steps (leading and trailing C0 controls
    and spaces stripped, every tab and newline removed, the scheme read up to
    the first ':' and lower-cased)."""
    s = re.sub(r"[\t\n\r]", "", html.unescape(href).strip(C0_OR_SPACE))
    m = re.match(r"([A-Za-z][A-Za-z0-9+.-]*):", s)
    return bool(m) and m.group(1).lower() == "javascript"


def sanitize_url():
    """The strings that sanitize-url's tests expect it to blank and that a
    browser runs as javascript: URLs in an href; the others (percent-encoded
    or doubly encoded schemes, zero-width characters inside the name, data:
    and vbscript:, which no current browser runs from a link) are counted
    apart."""
    kept, other = [], 0
    for o in json_lines("xss", "braintree-sanitize-url_calls.jsonl"):
        if o.get("expected") != "about:blank" or not o["input"]:
            continue
        if script_url(o["input"]):
            kept.append(o["input"])
        else:
            other += 1
    return kept, other


def json_lines(cat, name):
    return [json.loads(ln) for ln in read(cat, name).splitlines() if ln.strip()]


def text_lines(cat, name):
    return [s for s in read(cat, name).split("\n") if s.strip()]


def seed_lines():
    return [s for s in read("xss", "xss-filters_seed.xss").split("\n") if s.strip()]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=os.path.normpath(os.path.join(REPO, "..", "shared", "corpus", "cases")),
                    help="development set to leave out (%(default)s)")
    a = ap.parse_args()
    spec = importlib.util.spec_from_file_location("heldout2_convert", os.path.join(HERE, "..", "heldout2", "convert.py"))
    h2 = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(h2)
    strings_of = h2.strings_of  # every case string of a corpus folder, any category
    others = set()
    for d in (a.shared,) + tuple(os.path.join(REPO, "bench", "detect", h, "cases")
                                 for h in ("heldout", "heldout2", "heldout3")):
        if not os.path.isdir(d):
            sys.exit("no corpus folder %s (give the development set with --shared)" % d)
        others |= strings_of(d)

    bm_xss, bm_kept = bluemonday()
    ssrf_a, ssrf_a_out = ssrf_list("ssrfcheck_should-not-pass.js")
    ssrf_b, ssrf_b_out = ssrf_list("private-ip_test.js", "priv_ips")
    urls, urls_out = benign_urls()
    su, su_out = sanitize_url()
    outputs = [
        ("ssrf", "ssrfcheck_should-not-pass", "input", ssrf_a, ssrf_a_out),
        ("ssrf", "private-ip_test", "input", ssrf_b, ssrf_b_out),
        ("benign-urls", "ssrfcheck_should-pass", "operation", urls, urls_out),
        ("xss", "xss-filters_seed", "input", seed_lines(), 0),
        ("xss", "bluemonday_TestXSS", "input", bm_xss, 0),
        ("xss", "braintree-sanitize-url", "input", su, su_out),
        ("benign-html", "bluemonday_kept", "operation", bm_kept, 0),
        ("benign-prompts", "debian-faq_questions", "input", text_lines("benign-prompts", "debian-faq_questions.txt"), 0),
        ("benign-prompts", "python-faq_questions", "input", text_lines("benign-prompts", "python-faq_questions.txt"), 0),
        ("benign-sql", "mariadb_test_statements", "operation", json_lines("benign-sql", "mariadb_test_statements.jsonl"), 0),
    ]
    for cat, name, key, items, apart in outputs:
        kept, dup, dropped, mine = [], 0, 0, set()
        for s in items:
            if not s:
                continue
            if s in others:
                dropped += 1
            elif s in mine:
                dup += 1
            else:
                mine.add(s)
                kept.append(s)
        os.makedirs(os.path.join(CASES, cat), exist_ok=True)
        with open(os.path.join(CASES, cat, name + ".jsonl"), "w", encoding="utf-8") as o:
            for s in kept:
                o.write(json.dumps({key: s}, ensure_ascii=False) + "\n")
        print("%-12s %-28s %4d cases (%d in the other sets left out, %d repeated, %d not of the category)"
              % (cat, name, len(kept), dropped, dup, apart))


if __name__ == "__main__":
    main()
