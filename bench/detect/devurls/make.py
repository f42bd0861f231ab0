#!/usr/bin/env python3
"""Development benign-URL set from the URLs this machine's own files hold.

    python3 bench/detect/devurls/make.py [--root /] [--out DIR]

Python 3 standard library only; offline; deterministic for a given file
tree and dpkg database (README.md says what is read and how). Writes
DIR/cases/benign-urls/*.jsonl and DIR/SOURCES.txt (the Debian packages,
package=version, whose files gave URLs, with their counts).
"""
import argparse
import gzip
import ipaddress
import json
import os
import re
import hashlib
import subprocess
import sys
import tarfile

# a URL in running text: scheme, "://", then the bytes RFC 3986 allows
# (no blank, quote, angle bracket, brace, backslash, caret, backquote,
# '|'; '[' ']' only in the authority)
URL_RE = re.compile(rb"(?:https?|ftp|wss?)://[A-Za-z0-9\-._~:/?#@!$&'()*+,;=%\[\]]+")
TRAIL = b".,;:!?'*"
MAX_LEN = 2048
MAX_FILE = 4 << 20

# npm packages whose files hold real URLs (name@version, the tarball's
# sha1 as the registry gives it); fetched with `npm pack NAME@VERSION`
# into the --npm folder, read only when the sha1 matches
NPM = [
    ("npm_spdx_license_list", "spdx-license-list-6.12.0.tgz",
     "20b9ae77c3410ad08720bcd5cf562e9d4eeebadb"),
    ("npm_mdn_browser_compat_data", "mdn-browser-compat-data-8.1.9.tgz",
     "3f40f682a35c9ccb719735cbc8acf23e500ac321"),
]


def unroff(b):
    """groff's escapes in a man page's URL text (\\- \\: \\& \\% \\.)."""
    for a, c in ((rb"\-", b"-"), (rb"\:", b""), (rb"\&", b""), (rb"\%", b""), (rb"\.", b"."),
                 (rb"\(ti", b"~"), (rb"\[ti]", b"~"), (rb"\~", b"~"), (rb"\(en", b"-")):
        b = b.replace(a, c)
    return b


def clean(u):
    """Cuts what running text puts after a URL: final punctuation, a ')'
    or ']' without its opener, a "'" quote."""
    while u:
        if u[-1:] in (b")", b"]"):
            o = b"(" if u[-1:] == b")" else b"["
            if u.count(o) < u.count(u[-1:]):
                u = u[:-1]
                continue
        if u[-1:] and u[-1:] in TRAIL:
            u = u[:-1]
            continue
        break
    # a "'" starts a quote around a URL more often than it is in one
    q = u.find(b"'")
    if q > 0:
        u = u[:q]
    return u


def authority_host(u):
    rest = u.split(b"://", 1)[1]
    auth = re.split(rb"[/?#]", rest, maxsplit=1)[0]
    host = auth.rsplit(b"@", 1)[-1]
    if host.startswith(b"["):
        return host[1:host.find(b"]")] if b"]" in host else host[1:]
    return host.rsplit(b":", 1)[0] if host.count(b":") == 1 else host


def internal(u):
    """1 when the host as written is internal (a README's
    http://localhost:8080/): the check rightly fires when it comes from a
    user; such URLs go to their own file."""
    h = authority_host(u).lower().rstrip(b".")
    if h == b"localhost" or h.endswith(b".localhost") or h in (b"ip6-localhost", b"ip6-loopback"):
        return 1
    try:
        a = ipaddress.ip_address(h.decode("ascii"))
    except (ValueError, UnicodeDecodeError):
        return 0
    # the documentation ranges are public for the ssrf check (nothing
    # answers there): they stay in their source's file
    doc = ("192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24", "2001:db8::/32")
    if any(a in ipaddress.ip_network(n) for n in doc if ipaddress.ip_network(n).version == a.version):
        return 0
    return int(not a.is_global)


def usable(u):
    if len(u) > MAX_LEN or len(u) < 11:
        return False
    rest = u.split(b"://", 1)[1]
    auth = re.split(rb"[/?#]", rest, maxsplit=1)[0]
    host = auth.rsplit(b"@", 1)[-1]
    if not host or host.startswith(b":"):
        return False
    # brackets only around an IPv6 address (not a man page's [user@]host)
    if b"[" in auth or b"]" in auth:
        if not re.fullmatch(rb"\[[0-9A-Fa-f:.]+\](:[0-9]*)?", host) or b"[" in auth[:-len(host)]:
            return False
    if b"[" in rest[len(auth):] or b"]" in rest[len(auth):]:
        return False
    # placeholders and examples of the form http://host:port, http://x...
    if b"..." in u:
        return False
    try:
        u.decode("ascii")
    except UnicodeDecodeError:
        return False
    return True


def read(path):
    try:
        st = os.lstat(path)
        if not os.path.isfile(path) or os.path.islink(path) and not os.path.exists(path):
            return None
        if st.st_size > MAX_FILE:
            return None
        if path.endswith(".gz"):
            with gzip.open(path, "rb") as f:
                return f.read(MAX_FILE * 4)
        with open(path, "rb") as f:
            data = f.read()
    except (OSError, EOFError, gzip.BadGzipFile):
        return None
    if b"\0" in data[:8192] and not path.endswith(".gz"):
        return None
    return data


def walk(top):
    out = []
    seen = set()
    for d, dirs, files in os.walk(top):
        dirs.sort()
        for f in sorted(files):
            p = os.path.join(d, f)
            try:
                rp = os.path.realpath(p)
            except OSError:
                continue
            if rp in seen:
                continue
            seen.add(rp)
            out.append(p)
    return sorted(out)


def owners(root):
    """path -> package=version from dpkg's file lists."""
    info = os.path.join(root, "var/lib/dpkg/info")
    ver = {}
    try:
        q = subprocess.run(["dpkg-query", "-W", "-f", "${binary:Package}\t${Version}\n"],
                           capture_output=True, check=True, text=True).stdout
        for line in q.splitlines():
            p, v = line.split("\t")
            ver[p] = v
            ver[p.split(":")[0]] = v
    except (OSError, subprocess.CalledProcessError):
        pass
    own = {}
    for f in sorted(os.listdir(info)):
        if not f.endswith(".list"):
            continue
        pkg = f[:-5]
        pv = "%s=%s" % (pkg.split(":")[0], ver.get(pkg, "?"))
        with open(os.path.join(info, f), "rb") as fh:
            for line in fh:
                own.setdefault(line.rstrip(b"\n").decode("utf-8", "replace"), pv)
    return own


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default="/")
    ap.add_argument("--out", default=os.path.dirname(os.path.abspath(__file__)))
    ap.add_argument("--npm", help="folder holding the NPM tarballs (npm pack)")
    a = ap.parse_args()
    R = lambda p: os.path.join(a.root, p.lstrip("/"))  # noqa: E731

    groups = [
        ("common_licenses", walk(R("/usr/share/common-licenses")), False),
        ("usr_share_doc", walk(R("/usr/share/doc")), False),
        ("man_pages", walk(R("/usr/share/man")), True),
        ("python_metadata", [p for p in walk(R("/usr/lib/python3/dist-packages"))
                             if p.endswith(("/METADATA", "/PKG-INFO"))], False),
        ("perl_pod", [p for top in ("/usr/share/perl5", "/usr/share/perl")
                      for p in walk(R(top)) if p.endswith((".pm", ".pod"))], False),
    ]
    own = owners(a.root)
    seen = set()
    files = {}
    pkgs = {}
    for name, paths, roff in groups:
        got = files.setdefault(name, [])
        for p in paths:
            data = read(p)
            if data is None:
                continue
            if roff:
                data = unroff(data)
            for m in URL_RE.finditer(data):
                u = clean(m.group(0))
                if not usable(u) or u in seen:
                    continue
                seen.add(u)
                g = "internal_hosts" if internal(u) else name
                files.setdefault(g, []).append(u)
                rel = "/" + os.path.relpath(p, a.root)
                pv = own.get(rel) or own.get(os.path.realpath(p)) or "(no package)"
                pkgs[pv] = pkgs.get(pv, 0) + 1
    # the Homepage field of every installed package (dpkg's status)
    got = files.setdefault("dpkg_homepage", [])
    st = open(R("/var/lib/dpkg/status"), "rb").read().split(b"\n\n")
    for para in st:
        pkg = re.search(rb"^Package: (\S+)", para, re.M)
        ver = re.search(rb"^Version: (\S+)", para, re.M)
        hp = re.search(rb"^Homepage: (\S+)", para, re.M)
        if not (pkg and ver and hp):
            continue
        u = clean(hp.group(1))
        if not URL_RE.fullmatch(u) or not usable(u) or u in seen:
            continue
        seen.add(u)
        files.setdefault("internal_hosts" if internal(u) else "dpkg_homepage", []).append(u)
        pv = "%s=%s" % (pkg.group(1).decode(), ver.group(1).decode())
        pkgs[pv] = pkgs.get(pv, 0) + 1

    for name, tgz, sha in NPM if a.npm else []:
        path = os.path.join(a.npm, tgz)
        data = open(path, "rb").read()
        if hashlib.sha1(data).hexdigest() != sha:
            sys.exit("%s: sha1 is not %s" % (path, sha))
        got = files.setdefault(name, [])
        with tarfile.open(path) as tf:
            for m in sorted(tf.getmembers(), key=lambda m: m.name):
                if not m.isfile():
                    continue
                for mu in URL_RE.finditer(tf.extractfile(m).read()):
                    u = clean(mu.group(0))
                    if not usable(u) or u in seen:
                        continue
                    seen.add(u)
                    files.setdefault("internal_hosts" if internal(u) else name, []).append(u)
        pkgs["npm:" + tgz[:-4] + " sha1:" + sha] = len(got)

    out = os.path.join(a.out, "cases", "benign-urls")
    os.makedirs(out, exist_ok=True)
    for name, urls in files.items():
        with open(os.path.join(out, name + ".jsonl"), "w") as f:
            for u in urls:
                f.write(json.dumps({"operation": u.decode("ascii")}) + "\n")
        print("%-18s %6d" % (name, len(urls)), file=sys.stderr)
    with open(os.path.join(a.out, "SOURCES.txt"), "w") as f:
        f.write("# package=version  URLs first seen in its files (make.py)\n")
        for pv in sorted(pkgs):
            f.write("%s %d\n" % (pv, pkgs[pv]))


if __name__ == "__main__":
    main()
