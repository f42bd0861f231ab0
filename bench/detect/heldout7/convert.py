#!/usr/bin/env python3
"""raw/ -> cases/ for the seventh held-out corpus (offline, standard library).

Writes cases/<category>/<source>.jsonl in the format of shared/corpus (its
README.md): one object a line, UTF-8, LF, no duplicate within a category, no
empty case; {"input": ...} for attack inputs, {"operation": ...} for benign
operations. One reader per source format:

  payload_lines  one payload a line (payloadbox's Intruder lists), with the
                 lines that are not attack inputs of the category left out
                 (comments, truncated lines, probes; see the function)
  plain_lines    one payload a line, as the list spells it (payloadbox's
                 NoSQL and XSS lists, cr0hn's NoSQL list)
  nuclei         the `payloads:` lists of a nuclei DAST template (YAML
                 scalars), placeholders filled with concrete values
  sql_lines      one statement a line (vitess's log of Django's queries)
  cheat_commands the command lines of a cheat.sh sheet (chubin/cheat.sheets)
  ghauri         ghauri's payload table (Python): prefix + payload + suffix
  go_blocked_ips the addresses safeurl's tests expect it to block (Go)
  js_valid_urls  the `valid:` lists of validator.js's isURL tests, public hosts only
  bleach_kept    bleach's clean() tests whose expected output is the input (Python, ast)
  js_strings     the string items of a faker-js locale list

A case that is also a case (any category, exact string) of the development
set or of another held-out set (bench/detect/heldout*/cases) is left out:
the lists copy from each other. What each source is: raw/<category>/SOURCES.md.

    python3 bench/detect/heldout7/convert.py [--shared DIR]
"""
import argparse
import ast
import glob
import ipaddress
import json
import os
import re
import sys
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "heldout2"))
from convert import strings_of  # noqa: E402  (every case string of a corpus folder)

REPO = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
RAW = os.path.join(HERE, "raw")
CASES = os.path.join(HERE, "cases")

OPERATION = {"benign-sql", "benign-shell", "benign-paths", "benign-urls", "benign-html"}

# concrete values for the placeholders, as the shared README asks
SLEEP = "5"                           # fuzzdb's __TIME__, nuclei's [SLEEPTIME]: seconds of delay
OAST = "c4f1k2r9a7b3.oast.fun"        # nuclei's {{interactsh-url}}: its out-of-band callback host


def read(cat, name):
    with open(os.path.join(RAW, cat, name), encoding="utf-8") as f:
        return f.read()


# --- payloadbox's Intruder lists ---------------------------------------------------

TRUNCATED = re.compile(r"\.\.\.\s*$")                  # "declare @s ... select @s = 0x73656c6 ..."
LDAP = re.compile(r"\(\|\(|%28%7C%28", re.I)          # "*(|(objectclass=*))": LDAP filters
MARKER = re.compile(r"sqlvuln|sqlattempt", re.I)       # fuzzdb's marker strings
WORDS = re.compile(r"[\w%.+@ ]+")                       # "update", "order by", "21%", "3.10E+17", "%7C"
CSV = re.compile(r'"""|""\w+""')                   # CSV-doubled quotes: 'hi"""") or (""""a""""='
BREAKS = re.compile(r"""['"`].*[-&^*|=#;/+<>]|[-&^*|=#;/+<>].*['"`]""")


def payload_lines(cat, name):
    """(sqli, command-injection) of a one-payload-a-line SQL list; CR/LF
    stripped, other spaces kept. Left out: empty lines; `#` comment lines
    (fuzzdb's convention: "# from wapiti", "#NAME?"); lines cut short with
    "..."; lines whose double quotes a CSV export doubled (a word between two
    pairs of them, or three in a row); LDAP filters; the lists' marker strings (sqlvuln, sqlattempt);
    probes of one or two words with no quote, operator or comment (SQL
    keywords alone, numbers, "%7C"); punctuation with no letter or digit
    unless a quote and an operator or comment mark make it break out of a
    string ("'-'", "' --"; not "'" or "*/*"). A line that runs a shell command
    substitution (`$(`) is command injection, not SQL."""
    sqli, cmd = [], []
    for ln in read(cat, name).split("\n"):
        ln = ln.rstrip("\r")
        s = ln.strip()
        if (not s or s.startswith("#") or TRUNCATED.search(s) or LDAP.search(s) or MARKER.search(s)
                or CSV.search(s)):
            continue
        if WORDS.fullmatch(s) and len(s.split()) <= 2:
            continue
        if not re.search(r"\w", s) and not BREAKS.search(s):
            continue
        ln = ln.replace("__TIME__", SLEEP)
        (cmd if "$(" in ln else sqli).append(ln)
    return sqli, cmd


HTML5SEC_END = re.compile(r"\]\]>\]</div>(undefined)?$")     # html5sec.org's vectors end //["'`-->]]>]</div>
HTML5SEC_SPLIT = re.compile(r"(?<=\]\]>\]</div>)(?=<div id=\"\d+\">)")


def plain_lines(cat, name, cut_last=False):
    """One case a line; CR/LF stripped, empty lines left out. cut_last: the
    file is the first N characters of a longer one, its last line is cut. A
    line that starts with `<br>` continues the line before it: the list
    wraps one payload (`<body onscroll=alert(1)><br><br>...<x id=x>#x`) over
    four lines; they are joined, newlines kept. The list ends with html5sec.org's
    vectors, each `<div id="N">...//["'`-->]]>]</div>`; one that spans several
    lines is joined the same way until its closing marker, and a line that
    holds several of them (the list puts up to 27 on one line) is split into
    one case each, the `<div id="N">` wrapper kept as the list writes it. The
    heading the list puts before them (`>>> vectors()`) is not a payload."""
    out = [ln.rstrip("\r") for ln in read(cat, name).split("\n")]
    if cut_last:
        out = out[:-1]
    joined = []
    for ln in out:
        if joined and (ln.startswith("<br>") or (joined[-1].startswith('<div id="') and not HTML5SEC_END.search(joined[-1]))):
            joined[-1] += "\n" + ln
        elif ln.strip() and ln.strip() != ">>> vectors()":
            joined.append(ln)
    split = []
    for ln in joined:
        split += HTML5SEC_SPLIT.split(ln) if ln.startswith('<div id="') else [ln]
    return split


# --- nuclei templates ---------------------------------------------------------------

YAML_ESC = {"0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v", "f": "\f",
            "r": "\r", "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\", "N": "\x85",
            "_": "\xa0", "L": "\u2028", "P": "\u2029"}


def yaml_scalar(s):
    """A one-line YAML flow scalar: 'single' ('' is a quote), "double"
    (backslash escapes), or plain."""
    s = s.strip()
    if s.startswith("'") and s.endswith("'") and len(s) >= 2:
        return s[1:-1].replace("''", "'")
    if s.startswith('"') and s.endswith('"') and len(s) >= 2:
        out, i, body = [], 0, s[1:-1]
        while i < len(body):
            c = body[i]
            if c != "\\":
                out.append(c)
                i += 1
                continue
            e = body[i + 1]
            if e in "xuU":
                n = {"x": 2, "u": 4, "U": 8}[e]
                out.append(chr(int(body[i + 2:i + 2 + n], 16)))
                i += 2 + n
            else:
                out.append(YAML_ESC[e])
                i += 2
        return "".join(out)
    return s


def nuclei(cat, name, need_letter=False):
    """Every list item under `payloads:` (its lists, or its lists of levels
    low/medium/high), in file order, with the template's `variables:`
    substituted ({{fuzz}}, {{marker}}); {{interactsh-url}} is the callback
    host, [SLEEPTIME] a delay. need_letter: an item with no letter left out
    (the time probes `&[SLEEPTIME]&`, `;[SLEEPTIME];` run no command)."""
    out, depth, variables, in_vars = [], None, {}, False
    for ln in read(cat, name).split("\n"):
        ind = len(ln) - len(ln.lstrip(" "))
        if ln.startswith("variables:"):
            in_vars = True
            continue
        if in_vars:
            m = re.match(r"  ([\w-]+): (.*)$", ln)
            if m:
                variables[m.group(1)] = yaml_scalar(m.group(2))
                continue
            if ln.strip():
                in_vars = False
        if depth is None:
            if re.fullmatch(r"(- )?payloads:", ln.strip()):
                depth = ind + (2 if ln.strip().startswith("- ") else 0)
            continue
        if ln.strip() and ind <= depth:
            depth = None
            continue
        m = re.match(r"\s*- (.*)$", ln)
        if m:
            v = yaml_scalar(m.group(1))
            for k, val in variables.items():
                v = v.replace("{{%s}}" % k, val)
            v = v.replace("{{interactsh-url}}", OAST).replace("[SLEEPTIME]", SLEEP)
            if need_letter and not re.search(r"[A-Za-z]", v):
                continue
            out.append(v)
    return out


def ssrf_internal(urls):
    """The entries that reach the server's own network or files: the ones
    that go to the scanner's callback host (an external name, out-of-band
    detection) are left out."""
    return [u for u in urls if OAST not in u]


# --- SQL: one statement a line --------------------------------------------------------

def sql_lines(cat, name):
    return [ln.strip().rstrip(";").strip() for ln in read(cat, name).split("\n") if ln.strip()]


# --- cheat.sh sheets -------------------------------------------------------------------

CHEAT_VALUES = {"PATH": "src", "NAME": "alice", "FILE": "notes.txt", "SERVICE": "nginx", "HASH": "83fb499",
                "BRANCH": "feature-x", "USER_NAME": "alice", "REPO_NAME": "notes",
                "commit SHA": "83fb499", "remote-url": "https://github.com/chubin/cheat.sheets.git"}


def _shell_open(s):
    """True when s ends inside a quote, after a line-continuing backslash or
    after a pipe."""
    q, i = None, 0
    while i < len(s):
        c = s[i]
        if q == "'":
            if c == "'":
                q = None
        elif c == "\\":
            if i + 1 == len(s):
                return True
            i += 1
        elif q == '"':
            if c == '"':
                q = None
        elif c in "'\"":
            q = c
        i += 1
    return q is not None or s.rstrip().endswith("|")


def cheat_fill(s):
    """The sheets' placeholders outside quotes: [UPPER_CASE] and <lower case>
    are a concrete value; a list of alternatives [a|b|c] is its first one."""
    s = re.sub(r"\[([^\]\s|]+(?:\|[^\]\s|]+)+)\]", lambda m: m.group(1).split("|")[0], s)
    s = re.sub(r"\[([A-Z][A-Z_]*)\]", lambda m: CHEAT_VALUES.get(m.group(1), m.group(0)), s)
    return re.sub(r"<([A-Za-z][A-Za-z -]*)>", lambda m: CHEAT_VALUES.get(m.group(1), m.group(0)), s)


def cheat_commands(cat, name):
    """Every command line: lines that are not `#` comments, joined to the next
    while a quote is open, a backslash continues it or a pipe ends it. A line
    starting with "$ " shows keystrokes ("$ [Enter]~?"), not a command."""
    src = read(cat, name).split("\n")
    out, i = [], 0
    while i < len(src):
        ln = src[i]
        i += 1
        st = ln.strip()
        if not st or st.startswith("#") or st.startswith("$ "):
            continue
        cmd = st
        while _shell_open(cmd) and i < len(src):
            if cmd.endswith("\\"):
                cmd = cmd[:-1].rstrip() + " " + src[i].strip()
            else:
                cmd = cmd + "\n" + src[i]
            i += 1
        out.append(cheat_fill(cmd).rstrip())
    return out


# --- ghauri's payload table ------------------------------------------------------------

RANDNUM = "4829"                      # ghauri's [RANDNUM]: one number for each of its occurrences
PY_STR = r"""'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*\""""


def ghauri(cat, name):
    """Every {"payload": P, "comments": [{"pref": A, "suf": B}, ...]} entry of
    ghauri's PAYLOADS table, as ghauri sends it after a parameter's value:
    A + P + B, [RANDNUM] and [SLEEPTIME] filled. Lines commented out with `#`
    are not read (ghauri does not send them). The file may be the head of a
    longer one: an entry whose comment list is not closed is left out."""
    out, payload, pairs = [], None, None
    for ln in read(cat, name).split("\n"):
        st = ln.strip()
        if st.startswith("#"):
            continue
        m = re.match(r'"payload": (%s),$' % PY_STR, st)
        if m:
            payload, pairs = ast.literal_eval(m.group(1)), None
            continue
        if payload is not None and st == '"comments": [':
            pairs = []
            continue
        if pairs is not None:
            m = re.match(r'\{"pref": (%s), "suf": (%s)\},$' % (PY_STR, PY_STR), st)
            if m:
                pairs.append((ast.literal_eval(m.group(1)), ast.literal_eval(m.group(2))))
            elif st == "],":
                for pre, suf in pairs:
                    v = pre + payload + suf
                    out.append(v.replace("[RANDNUM]", RANDNUM).replace("[SLEEPTIME]", SLEEP))
                payload, pairs = None, None
    return out


# --- safeurl's tests (Go) ----------------------------------------------------------------

def go_blocked_ips(cat, name):
    """The addresses TestBlockedIP requests as http://%v and expects refused,
    and TestInternalIPAreAlwaysBlocked's; the others are a policy's own
    lists (a CIDR the test blocks, hosts of its test mode)."""
    src = read(cat, name)
    m = re.search(r"func TestBlockedIP\(.*?ips := \[\]string\{(.*?)\n\t\}", src, re.S)
    body = "\n".join(ln.split("//")[0] for ln in m.group(1).split("\n"))
    ips = re.findall(r'"([^"]*)"', body)
    ips += re.findall(r'internalIPShouldBeBlocked := "([^"]*)"', src)
    return ["http://%s" % ip for ip in ips]


# --- validator.js's isURL tests ------------------------------------------------------------

def _public_host(u):
    """True when u has a scheme and a host that is a domain name of a public
    kind (a dot, not localhost) or a global IP address."""
    try:
        p = urllib.parse.urlsplit(u)
        host = p.hostname
    except ValueError:
        return False
    if not p.scheme or not host or p.scheme in ("file", "postgres"):
        return False
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return "." in host.strip(".") and host != "localhost"
    # global unicast only: not private, loopback, site-local (fec0::/10) or
    # reserved (IPv4-compatible ::a.b.c.d and mapped ::ffff:a.b.c.d are in ::/8)
    return ip.is_global and not ip.is_reserved and not getattr(ip, "is_site_local", False)


def js_valid_urls(cat, name):
    """The single-quoted strings of every `valid: [...]` list (the URLs the
    validator accepts under the test's options), kept when they name a scheme
    and a public host: scheme-less names, localhost, private and loopback
    addresses, hostless file:/postgres: URLs are left out."""
    out = []
    for block in re.findall(r"(?<!in)valid: \[(.*?)\n\s*\],", read(cat, name), re.S):
        for lit in re.findall(r"^\s*'((?:[^'\\]|\\.)*)',", block, re.M):
            u = lit.replace("\\'", "'")
            if _public_host(u):
                out.append(u)
    return out


# --- bleach's clean() tests (Python) -------------------------------------------------------

def bleach_kept(cat, name):
    """The inputs bleach.clean (or a Cleaner's clean) is asserted to return
    unchanged: `clean(X, ...) == X` with X a string literal or a name bound to
    one in the same function, and the (text, expected) pairs of a
    parametrize list that are equal. Empty strings left out."""
    tree = ast.parse(read(cat, name))
    out = []

    def lit(node, names):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return node.value
        if isinstance(node, ast.Name):
            return names.get(node.id)
        return None

    for fn in ast.walk(tree):
        if not isinstance(fn, ast.FunctionDef):
            continue
        for dec in fn.decorator_list:
            if isinstance(dec, ast.Call) and getattr(dec.func, "attr", "") == "parametrize":
                for el in getattr(dec.args[1], "elts", []):
                    if isinstance(el, ast.Tuple) and len(el.elts) == 2:
                        a, b = (lit(e, {}) for e in el.elts)
                        if a and a == b:
                            out.append(a)
        # in source order: a name is bound to the string of its latest assignment
        names = {}
        for node in sorted((n for n in ast.walk(fn) if isinstance(n, (ast.Assign, ast.Compare))),
                           key=lambda n: (n.lineno, n.col_offset)):
            if isinstance(node, ast.Assign):
                if len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                    v = lit(node.value, {})
                    if v is not None:
                        names[node.targets[0].id] = v
                continue
            if (len(node.ops) == 1 and isinstance(node.ops[0], ast.Eq) and isinstance(node.left, ast.Call)
                    and getattr(node.left.func, "attr", "") == "clean" and node.left.args):
                a, b = lit(node.left.args[0], names), lit(node.comparators[0], names)
                if a and a == b:
                    out.append(a)
    return out


# --- faker-js locale lists -------------------------------------------------------------------

def js_strings(cat, name):
    """The string items of a faker-js locale file (one quoted string a line)."""
    return [ast.literal_eval(m) for m in re.findall(r"^\s*(%s),$" % PY_STR, read(cat, name), re.M)]


# --- the sources ---------------------------------------------------------------------

XSS_WHOLE = "payloadbox_xss-payload-list.txt"          # all 461,157 characters, when every piece was read


def _xss_head():
    names = os.listdir(os.path.join(RAW, "xss"))
    if XSS_WHOLE in names:
        return XSS_WHOLE
    return [n for n in names if n.startswith("payloadbox_xss-payload-list_first")][0]


XSS_HEAD = _xss_head()


def sources():
    gen_sqli, gen_cmd = payload_lines("sqli", "payloadbox_Generic_SQLI.txt")
    auth_sqli, auth_cmd = payload_lines("sqli", "payloadbox_Auth_Bypass.txt")
    cheat = sorted(n for n in os.listdir(os.path.join(RAW, "benign-shell")) if n.startswith("chubin_"))
    return [
        ("sqli", "payloadbox_Generic_SQLI", gen_sqli),
        ("sqli", "payloadbox_Auth_Bypass", auth_sqli),
        ("sqli", "nuclei_time-based-sqli", nuclei("sqli", "nuclei_time-based-sqli.yaml")),
        ("sqli", "nuclei_mysql-time-based-sqli", nuclei("sqli", "nuclei_mysql-time-based-sqli.yaml")),
        ("sqli", "nuclei_mssql-time-based-sqli", nuclei("sqli", "nuclei_mssql-time-based-sqli.yaml")),
        ("sqli", "nuclei_postgres-time-based-sqli", nuclei("sqli", "nuclei_postgres-time-based-sqli.yaml")),
        ("sqli", "ghauri_payloads", ghauri("sqli", "ghauri_payloads_first32000.py")),
        ("command-injection", "payloadbox_sql_lists", gen_cmd + auth_cmd),
        ("command-injection", "nuclei_unix-command-injection", nuclei("command-injection", "nuclei_unix-command-injection.yaml")),
        ("command-injection", "nuclei_windows-command-injection",
         nuclei("command-injection", "nuclei_windows-command-injection.yaml")),
        ("command-injection", "nuclei_blind-oast-polyglots", nuclei("command-injection", "nuclei_blind-oast-polyglots.yaml")),
        ("command-injection", "nuclei_cmdi-time-based-blind", nuclei("command-injection", "nuclei_cmdi-time-based-blind.yaml", True)),
        ("nosql", "payloadbox_no-sql", plain_lines("nosql", "payloadbox_no-sql.txt")),
        ("nosql", "cr0hn_mongodb_nosqli", plain_lines("nosql", "cr0hn_mongodb_nosqli.txt")),
        # the head of the file (the index gives it in pieces of 16,000 characters): its last line is cut, left out
        ("xss", "payloadbox_xss-payload-list", plain_lines("xss", XSS_HEAD, XSS_HEAD != XSS_WHOLE)),
        ("path-traversal", "nuclei_linux-lfi-fuzz", nuclei("path-traversal", "nuclei_linux-lfi-fuzz.yaml")),
        ("path-traversal", "nuclei_windows-lfi-fuzz", nuclei("path-traversal", "nuclei_windows-lfi-fuzz.yaml")),
        ("path-traversal", "nuclei_lfi-keyed", nuclei("path-traversal", "nuclei_lfi-keyed.yaml")),
        ("ssrf", "nuclei_response-ssrf", ssrf_internal(nuclei("ssrf", "nuclei_response-ssrf.yaml"))),
        ("ssrf", "doyensec_safeurl_blocked", go_blocked_ips("ssrf", "doyensec_safeurl_client_test.go")),
        ("benign-urls", "validatorjs_isURL_valid", js_valid_urls("benign-urls", "validatorjs_isURL.test.js")),
        ("benign-html", "bleach_clean_kept", bleach_kept("benign-html", "mozilla_bleach_test_clean.py")),
        ("benign-user-input", "faker-js_last_names",
         js_strings("benign-user-input", "faker-js_en_person_last_name.ts")),
        ("benign-user-input", "faker-js_product_descriptions",
         js_strings("benign-user-input", "faker-js_en_commerce_product_description.ts")),
        ("benign-sql", "vitess_django_queries", sql_lines("benign-sql", "vitess_django_queries.txt")),
        ("benign-shell", "chubin_cheat.sheets", [c for n in cheat for c in cheat_commands("benign-shell", n)]),
    ]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=os.path.normpath(os.path.join(REPO, "..", "shared", "corpus", "cases")),
                    help="development set to leave out (%(default)s)")
    a = ap.parse_args()
    dirs = [a.shared] + sorted(d for d in glob.glob(os.path.join(REPO, "bench", "detect", "heldout*", "cases"))
                               if os.path.normpath(d) != os.path.normpath(CASES))
    others = set()
    for d in dirs:
        if not os.path.isdir(d):
            sys.exit("no corpus folder %s (give the development set with --shared)" % d)
        others |= strings_of(d)
    if os.path.isdir(CASES):
        for cat in os.listdir(CASES):
            for fn in glob.glob(os.path.join(CASES, cat, "*.jsonl")):
                os.remove(fn)
    seen = {}
    for cat, name, items in sources():
        key = "operation" if cat in OPERATION else "input"
        kept, other, dup = [], 0, 0
        mine = seen.setdefault(cat, set())
        for s in items:
            if not s.strip():
                continue
            if s in others:
                other += 1
            elif s in mine:
                dup += 1
            else:
                mine.add(s)
                kept.append(s)
        print("%-18s %-34s %5d kept, %4d in other sets, %4d repeated" % (cat, name, len(kept), other, dup))
        if not kept:
            continue
        os.makedirs(os.path.join(CASES, cat), exist_ok=True)
        with open(os.path.join(CASES, cat, name + ".jsonl"), "w", encoding="utf-8", newline="\n") as f:
            for s in kept:
                f.write(json.dumps({key: s}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
