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

A case that is also a case (any category, exact string) of the development
set or of another held-out set (bench/detect/heldout*/cases) is left out:
the lists copy from each other. What each source is: raw/<category>/SOURCES.md.

    python3 bench/detect/heldout7/convert.py [--shared DIR]
"""
import argparse
import glob
import json
import os
import re
import sys

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


def plain_lines(cat, name, cut_last=False):
    """One case a line; CR/LF stripped, empty lines left out. cut_last: the
    file is the first N characters of a longer one, its last line is cut. A
    line that starts with `<br>` continues the line before it: the list
    wraps one payload (`<body onscroll=alert(1)><br><br>...<x id=x>#x`) over
    four lines; they are joined, newlines kept."""
    out = [ln.rstrip("\r") for ln in read(cat, name).split("\n")]
    if cut_last:
        out = out[:-1]
    joined = []
    for ln in out:
        if ln.startswith("<br>") and joined:
            joined[-1] += "\n" + ln
        elif ln.strip():
            joined.append(ln)
    return joined


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


# --- the sources ---------------------------------------------------------------------

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
        ("command-injection", "payloadbox_sql_lists", gen_cmd + auth_cmd),
        ("command-injection", "nuclei_unix-command-injection", nuclei("command-injection", "nuclei_unix-command-injection.yaml")),
        ("command-injection", "nuclei_windows-command-injection",
         nuclei("command-injection", "nuclei_windows-command-injection.yaml")),
        ("command-injection", "nuclei_blind-oast-polyglots", nuclei("command-injection", "nuclei_blind-oast-polyglots.yaml")),
        ("command-injection", "nuclei_cmdi-time-based-blind", nuclei("command-injection", "nuclei_cmdi-time-based-blind.yaml", True)),
        ("nosql", "payloadbox_no-sql", plain_lines("nosql", "payloadbox_no-sql.txt")),
        ("nosql", "cr0hn_mongodb_nosqli", plain_lines("nosql", "cr0hn_mongodb_nosqli.txt")),
        # the first 16,000 characters of the file: its last line is cut and left out
        ("xss", "payloadbox_xss-payload-list", plain_lines("xss", "payloadbox_xss-payload-list_first16000.txt", True)),
        ("path-traversal", "nuclei_linux-lfi-fuzz", nuclei("path-traversal", "nuclei_linux-lfi-fuzz.yaml")),
        ("path-traversal", "nuclei_windows-lfi-fuzz", nuclei("path-traversal", "nuclei_windows-lfi-fuzz.yaml")),
        ("path-traversal", "nuclei_lfi-keyed", nuclei("path-traversal", "nuclei_lfi-keyed.yaml")),
        ("ssrf", "nuclei_response-ssrf", ssrf_internal(nuclei("ssrf", "nuclei_response-ssrf.yaml"))),
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
