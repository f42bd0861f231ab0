#!/usr/bin/env python3
"""Turn bench/detect/heldout2/raw/<category>/* into cases/<category>/<name>.jsonl
in the format of shared/corpus (see its README.md): one JSON object a line,
{"input": ...} for attack inputs and benign inputs, {"operation": ...} for
benign operations; no empty case, no duplicate within a category.

    python3 bench/detect/heldout2/convert.py [--shared DIR] [--heldout DIR]

A second held-out set must repeat neither the development set (DIR, default
shared/corpus/cases beside the repository) nor the first held-out set
(bench/detect/heldout/cases): a case whose string is a case of either, in
any category, is left out, and the count of such cases is printed.

Standard library only, no network. Each source format has its own function
below; what each source is and how it is read is in raw/<category>/SOURCES.md.
"""
import argparse
import codecs
import configparser
import json
import math
import os
import re
import sys
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
RAW = os.path.join(HERE, "raw")
CASES = os.path.join(HERE, "cases")
REPO = os.path.normpath(os.path.join(HERE, "..", "..", ".."))

OPERATION = {"benign-sql", "benign-shell", "benign-paths", "benign-urls", "benign-html"}


def _pct(err):
    """Bytes that are not UTF-8 stay as %XX (shared README)."""
    bad = err.object[err.start:err.end]
    return "".join("%%%02X" % b for b in bad), err.end


codecs.register_error("moat_pct", _pct)


def read(cat, name):
    with open(os.path.join(RAW, cat, name), "rb") as f:
        return f.read().decode("utf-8", "moat_pct")


def lines(cat, name):
    return [ln.rstrip("\r") for ln in read(cat, name).split("\n")]


def json_strings(cat, name):
    return [json.loads(ln) for ln in read(cat, name).split("\n") if ln.strip()]


# --- wapiti 3.0.4 -----------------------------------------------------------------
# Its payloads as its attack modules send them (wapitiCore/attack/attack.py,
# Attack.process_line and Mutator.mutate; net/xss_utils.py for XSS), with the
# values of a scan with default options:

WAPITI_TIME = str(int(math.ceil(6.0)) + 1)  # "[TIME]": ceil(--timeout, default 6.0) + 1
XSS_TAINT = "w4p1t1x55"                     # "__XSS__": the random taint of one request
VALUES = {  # "[VALUE]": the parameter's original value, per kind of parameter
    "sqli": "1",                            # an id
    "command-injection": "report.txt",      # a file name handed to a command
    "path-traversal": "docs/report.pdf",    # a relative file path
}


def wapiti_line(s, value):
    """Attack.process_line and Mutator.mutate for one payload line."""
    s = s.strip(" \n")
    s = s.replace("[TAB]", "\t").replace("[LF]", "\n").replace("[FF]", "\f")
    s = s.replace("[TIME]", WAPITI_TIME).replace("[TIMEOUT]", "")
    s = s.replace("\\0", "\0")
    if "[EXTVALUE]" in s:
        s = s.replace("[EXTVALUE]", value.rsplit(".", 1)[-1])
    return s.replace("[VALUE]", value).replace("[DIRVALUE]", value.rsplit("/", 1)[0])


def wapiti_txt(cat, name):
    return [wapiti_line(ln, VALUES[cat]) for ln in lines(cat, name) if ln.strip(" \n")]


def wapiti_php(line):
    """The payloads of mod_exec that it reports as PHP evaluation, not as
    command execution: exit(md5(...)) and the data: include that its
    "PHP evaluation" check looks for, and preg_replace's /e modifier."""
    return "md5(" in line or line.startswith("data:") or line == "/e\\0"


def wapiti_exec(php):
    return [wapiti_line(ln, VALUES["command-injection"]) for ln in lines("command-injection", "wapiti_execPayloads.txt")
            if ln.strip(" \n") and wapiti_php(ln.strip(" \n")) == php]


def _ini(cat, name):
    c = configparser.ConfigParser(interpolation=None)
    c.read_string(read(cat, name))
    return c


def wapiti_files(cat, name):
    """fileHandlingPayloads.ini: every payload but the remote inclusions
    ([EXTERNAL_ENDPOINT]: a URL of the scanner's own server, no traversal)
    and the script's own name ([FILE_NAME]: source disclosure of the page
    itself, not a path from the user)."""
    c = _ini(cat, name)
    out = []
    for sec in c.sections():
        p = c[sec]["payload"]
        if "[EXTERNAL_ENDPOINT]" in p or "[FILE_NAME]" in p or "[FILE_NOEXT]" in p:
            continue
        out.append(wapiti_line(p, VALUES[cat]))
    return out


def wapiti_xss(cat, name):
    """xssPayloads.ini as net/xss_utils.py sends it: a payload that closes
    the tag as it is; one that stays in the tag (close_tag = no) as it is sent
    into a double-quoted attribute value: "y", the attributes it requires
    (sorted), then the payload, [ATTR_SEP] and [VALUE_SEP] being '"' (frame
    src payloads as they are). [FF] is a form feed, as in process_line."""
    c = _ini(cat, name)
    out = []
    for sec in c.sections():
        e = c[sec]
        p = e["payload"].strip(" \n").replace("[TAB]", "\t").replace("[LF]", "\n").replace("[FF]", "\f")
        p = p.replace("__XSS__", XSS_TAINT)
        if e.getboolean("close_tag", fallback=True):
            out.append(p)
            continue
        if e["tag"].split(",") == ["frame"] and e["attribute"] == "src":
            out.append(p)
            continue
        pre = "y"
        for r in sorted(e.get("requirements", "").split(",")):
            if not r or "!" in r:
                continue
            a, v = r.split("=", 1) if "=" in r else (r, "z")
            pre += "[ATTR_SEP]%s=[VALUE_SEP]%s" % (a, v)
        out.append((pre + p).replace("[ATTR_SEP]", '"').replace("[VALUE_SEP]", '"'))
    return out


# --- blns 2.0.4 (Big List of Naughty Strings) ------------------------------------

BLNS_ATTACK = {
    "Script Injection": "xss",
    "SQL Injection": "sqli",
    "Server Code Injection": "command-injection",
    "Known CVEs and Vulnerabilities": "command-injection",
    "File Inclusion": "path-traversal",
    "Command Injection (Ruby)": "other",
    "XXE Injection (XML)": "other",
}
# neither attack nor plain text: format strings and $VAR meant to be expanded
# by mistake, and DOS device names (reserved file names)
BLNS_LEFT_OUT = {"Unwanted Interpolation", "MSDOS/Windows Special Filenames"}


def blns_sections(cat, name):
    """(section title, string) pairs: a section starts at '#<tab>Title' after a
    blank line; '#' lines are comments, empty lines separate."""
    out, title, prev_blank = [], None, True
    for ln in lines(cat, name):
        if ln.startswith("#"):
            t = ln[1:].strip()
            if prev_blank and t:
                title = t
            prev_blank = False
            continue
        prev_blank = ln == ""
        if ln != "":
            out.append((title, ln))
    return out


def blns(cat):
    """The strings of blns's sections for category cat: attack sections by
    their titles (strings of one character or only spaces, such as the SQL
    section's "%", "_" and " ", are no injection and are left out), every
    other section but BLNS_LEFT_OUT is benign-user-input."""
    out = []
    for title, s in blns_sections("benign-user-input", "blns.txt"):
        if title in BLNS_LEFT_OUT:
            continue
        c = BLNS_ATTACK.get(title, "benign-user-input")
        if c != cat:
            continue
        if c != "benign-user-input" and len(s.strip()) <= 1:
            continue
        out.append(s)
    return out


def blns_titles():
    return sorted({t for t, _ in blns_sections("benign-user-input", "blns.txt")})



# --- nmap 7.93 (nmap-common): the attack strings of four NSE scripts -----------

LUA_ESC = {"n": "\n", "t": "\t", "r": "\r", "\\": "\\", "'": "'", '"': '"', "0": "\0"}


def _lua_str(body):
    """A Lua short string literal's body, escapes applied."""
    return re.sub(r"\\(.)", lambda m: LUA_ESC[m.group(1)], body)


LUA_TOKEN = re.compile(r"""\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|(\.\.)|(hexify|string\.rep)\(|(\))|(,)|(\d+)|(--[^\n]*))""")


def lua_list(text):
    """The values of a Lua table constructor of string expressions: string
    literals joined by '..', string.rep(s, n) and http-passwd's hexify(s)
    (each '.', '/' and '\\' written %2E, %2F, %5C)."""
    toks, i = [], 0
    while i < len(text):
        m = LUA_TOKEN.match(text, i)
        if not m:
            if text[i:].strip() == "":
                break
            raise SystemExit("nmap: cannot read %r" % text[i:i + 40])
        i = m.end()
        if m.group(8):
            continue  # a comment
        if m.group(1) is not None or m.group(2) is not None:
            toks.append(("s", _lua_str(m.group(1) if m.group(1) is not None else m.group(2))))
        elif m.group(3):
            toks.append(("..", None))
        elif m.group(4):
            toks.append(("f", m.group(4)))
        elif m.group(5):
            toks.append((")", None))
        elif m.group(6):
            toks.append((",", None))
        else:
            toks.append(("n", int(m.group(7))))
    pos = [0]

    def peek():
        return toks[pos[0]][0] if pos[0] < len(toks) else None

    def take(kind):
        t = toks[pos[0]]
        if t[0] != kind:
            raise SystemExit("nmap: expected %s, got %r" % (kind, t))
        pos[0] += 1
        return t[1]

    def term():
        if peek() == "s":
            return take("s")
        f = take("f")
        if f == "string.rep":
            v = expr()
            take(",")
            n = take("n")
            take(")")
            return v * n
        v = expr()
        take(")")
        return v.replace(".", "%2E").replace("/", "%2F").replace("\\", "%5C")

    def expr():
        v = term()
        while peek() == "..":
            take("..")
            v += term()
        return v

    out = []
    while pos[0] < len(toks):
        out.append(expr())
        if peek() == ",":
            take(",")
    return out


def _lua_table(cat, name, var):
    """The items of `local VAR = { ... }`: up to the first '}' outside a
    string literal."""
    t = read(cat, name)
    m = re.search(r"local %s = \{" % re.escape(var), t)
    if not m:
        raise SystemExit("nmap: no table %s in %s" % (var, name))
    i, q = m.end(), None
    while t[i] != "}" or q:
        c = t[i]
        if q and c == "\\":
            i += 1
        elif q and c == q:
            q = None
        elif not q and c in "'\"":
            q = c
        elif not q and t.startswith("--", i):
            i = t.index("\n", i)
            continue
        i += 1
    return lua_list(t[m.end():i])


def nmap_passwd():
    """http-passwd.nse: the request paths of its dirs table (percent-encoded
    as it sends them)."""
    return _lua_table("path-traversal", "nmap_http-passwd.nse", "dirs")


def nmap_waf(cat):
    """http-waf-detect.nse: the values of its attack_vectors_n1 and _n2
    query strings (?p4yl04d=VALUE), percent-decoded as the application reads
    them; by what each does: SELECT or ' OR -> sqli, a tag -> xss, <?php ->
    other, ../ -> path-traversal, a URL (remote inclusion or redirect, no
    internal host) left out, the rest (commands) -> command-injection."""
    out = []
    for var in ("attack_vectors_n1", "attack_vectors_n2"):
        for q in _lua_table("sqli", "nmap_http-waf-detect.nse", var):
            v = urllib.parse.unquote(q.split("=", 1)[1])
            if v.startswith("http://"):
                continue
            if "SELECT" in v or "' OR" in v:
                c = "sqli"
            elif v.startswith("<?php"):
                c = "other"
            elif v.startswith("<"):
                c = "xss"
            elif "../" in v:
                c = "path-traversal"
            else:
                c = "command-injection"
            if c == cat:
                out.append(v)
    return out


def nmap_sql():
    """http-sql-injection.nse appends "' OR sqlspider" to each parameter's
    value (here 1)."""
    m = re.search(r"""qtab\[k\] \.\.\s*"([^"]*)\"""", read("sqli", "nmap_http-sql-injection.nse"))
    return [VALUES["sqli"] + _lua_str(m.group(1))]


def nmap_shellshock():
    """http-shellshock.nse's default probe: "() { :;}; " then its echo
    command with two random 7-letter strings (fixed here)."""
    t = read("command-injection", "nmap_http-shellshock.nse")
    fmt = re.search(r'cmd = \("([^"]*)"\):format\(rnd1, rnd2\)', t).group(1)
    pre = re.search(r'cmd = "([^"]*)" \.\. cmd', t).group(1)
    return [pre + (fmt % ("qzmxwvk", "hjtrplc"))]


# --- the sources --------------------------------------------------------------------

SOURCES = [
    # (category, output name, function returning the cases)
    ("sqli", "wapiti_blindSQLPayloads", lambda: wapiti_txt("sqli", "wapiti_blindSQLPayloads.txt")),
    ("sqli", "blns_sql_injection", lambda: blns("sqli")),
    ("sqli", "nmap_nse", lambda: nmap_waf("sqli") + nmap_sql()),
    ("xss", "wapiti_xssPayloads", lambda: wapiti_xss("xss", "wapiti_xssPayloads.ini")),
    ("xss", "blns_script_injection", lambda: blns("xss")),
    ("xss", "nmap_nse", lambda: nmap_waf("xss")),
    ("command-injection", "wapiti_execPayloads", lambda: wapiti_exec(False)),
    ("command-injection", "blns_code_injection", lambda: blns("command-injection")),
    ("command-injection", "nmap_nse", lambda: nmap_waf("command-injection") + nmap_shellshock()),
    ("path-traversal", "wapiti_fileHandlingPayloads",
     lambda: wapiti_files("path-traversal", "wapiti_fileHandlingPayloads.ini")),
    ("path-traversal", "blns_file_inclusion", lambda: blns("path-traversal")),
    ("path-traversal", "nmap_nse", lambda: nmap_passwd() + nmap_waf("path-traversal")),
    ("other", "wapiti_execPayloads_php", lambda: wapiti_exec(True)),
    ("other", "blns_ruby_xxe", lambda: blns("other")),
    ("other", "nmap_nse", lambda: nmap_waf("other")),
    ("benign-user-input", "blns", lambda: blns("benign-user-input")),
    ("benign-user-input", "debian-reference_paragraphs",
     lambda: lines("benign-user-input", "debian-reference_paragraphs.txt")),
    ("benign-sql", "pgdoc_statements", lambda: json_strings("benign-sql", "pgdoc_statements.jsonl")),
    ("benign-shell", "screen_commands", lambda: lines("benign-shell", "screen_commands.txt")),
    ("benign-html", "pgdoc_fragments", lambda: json_strings("benign-html", "pgdoc_fragments.jsonl")),
    ("benign-html", "pgdoc_pages", lambda: json_strings("benign-html", "pgdoc_pages.jsonl")),
    ("benign-urls", "package_doc_urls", lambda: lines("benign-urls", "package_doc_urls.txt")),
    ("benign-paths", "package_files", lambda: lines("benign-paths", "package_files.txt")),
]


def strings_of(d):
    """Every case string of a corpus folder, any category."""
    seen = set()
    if not d or not os.path.isdir(d):
        return seen
    for cat in sorted(os.listdir(d)):
        p = os.path.join(d, cat)
        if not os.path.isdir(p):
            continue
        for fn in sorted(os.listdir(p)):
            if fn.endswith(".jsonl"):
                with open(os.path.join(p, fn), encoding="utf-8") as f:
                    for ln in f:
                        o = json.loads(ln)
                        v = o.get("input", o.get("operation"))
                        if isinstance(v, str):
                            seen.add(v)
    return seen


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=os.path.normpath(os.path.join(REPO, "..", "shared", "corpus", "cases")),
                    help="development set to leave out (%(default)s)")
    ap.add_argument("--heldout", default=os.path.join(REPO, "bench", "detect", "heldout", "cases"),
                    help="first held-out set to leave out (%(default)s)")
    a = ap.parse_args()
    for d in (a.shared, a.heldout):
        if not os.path.isdir(d):
            sys.exit("no corpus folder %s (give it with --shared / --heldout)" % d)
    others = strings_of(a.shared) | strings_of(a.heldout)
    unknown = set(blns_titles()) - set(BLNS_ATTACK) - BLNS_LEFT_OUT
    print("blns sections read as benign-user-input: %s" % "; ".join(sorted(unknown)))
    if os.path.isdir(CASES):
        for cat in os.listdir(CASES):
            for fn in os.listdir(os.path.join(CASES, cat)):
                os.remove(os.path.join(CASES, cat, fn))
            os.rmdir(os.path.join(CASES, cat))
    seen = {}
    for cat, name, fn in SOURCES:
        key = "operation" if cat in OPERATION else "input"
        mine = seen.setdefault(cat, set())
        kept, dropped, dup = [], 0, 0
        for s in fn():
            if not s:
                continue
            if s in others:
                dropped += 1
            elif s in mine:
                dup += 1
            else:
                mine.add(s)
                kept.append(s)
        print("%-18s %-32s %5d cases (%d in the other sets left out, %d repeated)" %
              (cat, name, len(kept), dropped, dup))
        if not kept:
            continue
        os.makedirs(os.path.join(CASES, cat), exist_ok=True)
        with open(os.path.join(CASES, cat, name + ".jsonl"), "w", encoding="utf-8") as o:
            for s in kept:
                o.write(json.dumps({key: s}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
