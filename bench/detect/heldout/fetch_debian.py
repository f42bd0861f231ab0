#!/usr/bin/env python3
"""Recreate the Debian-derived files of raw/ from Debian packages.

    mkdir /tmp/debs && cd /tmp/debs && apt-get download wfuzz=3.1.0-2 \
        sqlmap=1.7.2-1 sqlite3-doc=3.40.1-2+deb12u2 fortunes-min=1:1.99.1-7.3 \
        php-htmlpurifier=4.11.0-1 ruby-sanitize=6.0.0-1.1+deb12u1
    python3 bench/detect/heldout/fetch_debian.py /tmp/debs

Only the standard library and dpkg-deb are used. Files read from GitHub
through the search tool are not touched (SOURCES.md says which is which).
What each output holds is described in raw/<category>/SOURCES.md.
"""
import glob
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
RAW = os.path.join(HERE, "raw")


def out(cat, name):
    d = os.path.join(RAW, cat)
    os.makedirs(d, exist_ok=True)
    return os.path.join(d, name)


def copy(tree, rel, cat, name):
    shutil.copyfile(os.path.join(tree, rel), out(cat, name))


def sqlite_pages(tree):
    return sorted(glob.glob(os.path.join(tree, "usr/share/doc/sqlite3/*.html")))


def sqlite_sql_blocks(tree):
    """Every <pre>/<codeblock> of the SQLite docs that starts like SQL."""
    start = re.compile(r"(?i)\s*(SELECT|INSERT|UPDATE|DELETE|WITH|REPLACE|CREATE|ALTER|DROP)\b")
    lines = []
    for f in sqlite_pages(tree):
        t = open(f, encoding="utf-8", errors="replace").read()
        for m in re.finditer(r"<(pre|codeblock)[^>]*>(.*?)</\1>", t, re.S | re.I):
            b = html.unescape(re.sub(r"<[^>]+>", "", m.group(2))).strip()
            if start.match(b):
                lines.append("-- @@file: " + os.path.basename(f))
                lines.append(b)
    with open(out("benign-sql", "sqlite_doc_sql_blocks.sql"), "w", encoding="utf-8") as o:
        o.write("\n".join(lines) + "\n")


def sqlite_html(tree):
    """Block-level fragments (p, pre, h1-h6, table, blockquote) of the SQLite
    docs, one JSON string a line: the distinct ones of 20 to 2000 characters,
    every tenth in page order (size); plus the 20 smallest whole pages."""
    import json
    block = re.compile(r"<(p|pre|h[1-6]|table|blockquote)\b[^>]*>.*?</\1\s*>", re.S | re.I)
    frags = []
    pages = sqlite_pages(tree)
    for f in pages:
        t = open(f, encoding="utf-8", errors="replace").read()
        for m in block.finditer(t):
            frags.append(m.group(0))
    frags = [s for s in dict.fromkeys(frags) if 20 <= len(s) <= 2000][::10]
    with open(out("benign-html", "sqlite_doc_fragments.jsonl"), "w", encoding="utf-8") as o:
        for s in frags:
            o.write(json.dumps(s, ensure_ascii=False) + "\n")
    small = sorted(pages, key=lambda p: (os.path.getsize(p), p))[:20]
    with open(out("benign-html", "sqlite_doc_pages.jsonl"), "w", encoding="utf-8") as o:
        for p in sorted(small):
            o.write(json.dumps(open(p, encoding="utf-8", errors="replace").read(),
                               ensure_ascii=False) + "\n")


def urls(tree):
    """http(s) links in the packages' documentation and code, public hosts."""
    pat = re.compile(r"https?://[A-Za-z0-9._~:/?#@!$&'()*+,;=%-]+")
    seen = set()
    for root in ("usr/share/doc", "usr/share/sqlmap/doc", "usr/share/php", "usr/share/ruby-sanitize",
                 "usr/share/rubygems-integration", "usr/share/nodejs"):
        for dp, _, fs in os.walk(os.path.join(tree, root)):
            for fn in fs:
                p = os.path.join(dp, fn)
                try:
                    t = open(p, encoding="utf-8").read()
                except (UnicodeDecodeError, OSError):
                    continue
                for m in pat.finditer(t):
                    u = re.sub(r"[).,;:'!]+$", "", m.group(0))
                    seen.add(u)
    bad = re.compile(r"(?i)^https?://([^/@]*@)?(localhost|[0-9.]+|\[|[^/.:]+([:/]|$)|"
                     r"[^/]*(example\.|\.test\b|\.local\b|\.internal\b|127\.|attacker|evil))")
    keep = sorted(u for u in seen if not bad.match(u))
    with open(out("benign-urls", "debian_doc_urls.txt"), "w", encoding="utf-8") as o:
        o.write("\n".join(keep) + "\n")


def paths(debs):
    names = []
    for d in debs:
        r = subprocess.run(["dpkg-deb", "--fsys-tarfile", d], check=True, capture_output=True)
        t = subprocess.run(["tar", "-t"], input=r.stdout, check=True, capture_output=True)
        for n in t.stdout.decode("utf-8").splitlines():
            if n.startswith("./"):
                n = n[2:]
            if n and not n.endswith("/"):
                names.append(n)
    with open(out("benign-paths", "debian_package_files.txt"), "w", encoding="utf-8") as o:
        o.write("\n".join(sorted(set(names))) + "\n")


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else "."
    debs = sorted(glob.glob(os.path.join(src, "*.deb")))
    if not debs:
        sys.exit("no .deb in " + src)
    tree = tempfile.mkdtemp()
    try:
        for d in debs:
            subprocess.run(["dpkg-deb", "-x", d, tree], check=True)
        w = "usr/share/wfuzz/wordlist/"
        copy(tree, w + "Injections/SQL.txt", "sqli", "wfuzz_Injections_SQL.txt")
        copy(tree, w + "vulns/sql_inj.txt", "sqli", "wfuzz_vulns_sql_inj.txt")
        copy(tree, w + "Injections/XSS.txt", "xss", "wfuzz_Injections_XSS.txt")
        copy(tree, w + "vulns/dirTraversal.txt", "path-traversal", "wfuzz_vulns_dirTraversal.txt")
        x = "usr/share/sqlmap/data/xml/"
        copy(tree, x + "boundaries.xml", "sqli", "sqlmap_boundaries.xml")
        for p in ("boolean_blind", "error_based", "inline_query", "stacked_queries", "time_blind"):
            copy(tree, x + "payloads/%s.xml" % p, "sqli", "sqlmap_payloads_%s.xml" % p)
        for f in ("fortunes", "literature", "riddles"):
            copy(tree, "usr/share/games/fortunes/" + f, "benign-user-input", "fortunes-min_" + f)
        sqlite_sql_blocks(tree)
        sqlite_html(tree)
        urls(tree)
        paths(debs)
    finally:
        shutil.rmtree(tree)


if __name__ == "__main__":
    main()
