#!/usr/bin/env python3
"""bench/detect/docfp.py -- the prompt scorer's false positives on a large
benign text anyone may read: this machine's /usr/share/doc (and, with
--man, its English man pages).  (session 24, helper promptfp13)

The same reading as promptml.py --doc (session 19): every regular file
under /usr/share/doc (no symlink), .gz unpacked, split into paragraphs at
blank lines, each paragraph at most 64 KiB; NUL bytes read as spaces.
--man adds /usr/share/man/man[1-8]/* (not the translations): each page
unpacked, its roff requests and font/escape sequences stripped (a cheap
reading, not groff's), paragraphs at blank lines and at the paragraph
and section macros (.PP .P .LP .SH .SS .TP .IP .HP .RS .RE .sp .br .TH
.Sh .Pp .It ...).

Each paragraph is scored by ma_prompt_score (build/promptml-score, built
from bench/detect/promptml_score.c as promptml.py does).  It prints the
count at >= 0.8 (the policy's default threshold) and a sample of those
paragraphs; --dump FILE writes every one of them (score, source, text,
NUL-separated records) for reading.

    nice -n 10 python3 bench/detect/docfp.py [--man] [--sample N] [--dump FILE]
"""
import argparse
import glob
import gzip
import os
import random
import re
import sys
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from promptml import build_scorer, cur_scores as score  # noqa: E402  (promptml.py's scorer and its pipe)
THR = 0.8
MAXP = 65536


def read(fn):
    try:
        return gzip.open(fn).read() if fn.endswith(".gz") else open(fn, "rb").read()
    except (OSError, EOFError, zlib.error):
        return None


def paragraphs(raw):
    out, cur = [], []
    for line in raw.split(b"\n"):
        if line.strip():
            cur.append(line)
        elif cur:
            out.append(b"\n".join(cur)[:MAXP])
            cur = []
    if cur:
        out.append(b"\n".join(cur)[:MAXP])
    return out


def doc_paragraphs():
    for fn in sorted(glob.glob("/usr/share/doc/**/*", recursive=True)):
        if not os.path.isfile(fn) or os.path.islink(fn):
            continue
        raw = read(fn)
        if raw is None:
            continue
        for p in paragraphs(raw):
            yield fn, p


BREAK = re.compile(rb"^[.'][ \t]*(PP|P|LP|SH|SS|TP|IP|HP|RS|RE|sp|br|TH|Sh|Ss|Pp|It|Bl|El|Bd|Ed|"
                   rb"nf|fi|EX|EE|TQ|Dd|Dt|Os|Nm|Nd)\b")
FONT = re.compile(rb"\\f(\[[^\]]*\]|\(..|.)|\\s[+-]?\d|\\[&|^%c:]|\\\*(\(..|\[[^\]]*\]|.)|"
                  rb"\\\((..)|\\\[[^\]]*\]")
MACRO_TEXT = re.compile(rb"^\.[ \t]*(B|I|BI|BR|IB|IR|RB|RI|SM|SB|Nm|Ar|Fl|Op|Xr|Em|Sy|Li|"
                        rb"Pa|Dq|Qq|Sq|Ql|Va|Ev|Cm|Ic|Fn|Fa|Ft|Dv|Er)[ \t]+(.*)$")


def roff_text(line):
    """a roff line's text (None for a request without text)"""
    m = MACRO_TEXT.match(line)
    if m:
        line = m.group(2).replace(b'"', b"")
    elif line[:1] in (b".", b"'"):
        return None
    line = FONT.sub(lambda mm: b"-" if mm.group(0) == b"\\(hy" else b"", line)
    return line.replace(b"\\-", b"-").replace(b"\\e", b"\\").replace(b"\\ ", b" ")


def man_paragraphs():
    for fn in sorted(glob.glob("/usr/share/man/man[1-8]/*")):
        if not os.path.isfile(fn) or os.path.islink(fn):
            continue
        raw = read(fn)
        if raw is None:
            continue
        cur = []
        for line in raw.split(b"\n"):
            if not line.strip() or BREAK.match(line):
                if cur:
                    yield fn, b"\n".join(cur)[:MAXP]
                    cur = []
                continue
            t = roff_text(line)
            if t is not None and t.strip():
                cur.append(t)
        if cur:
            yield fn, b"\n".join(cur)[:MAXP]


def run(name, gen, a, dump):
    srcs, paras = [], []
    for fn, p in gen:
        srcs.append(fn)
        paras.append(p)
    cs = []
    for i in range(0, len(paras), 200000):
        cs += score(paras[i:i + 200000])
    hits = [i for i, c in enumerate(cs) if c >= THR - 1e-9]
    print("%s: %d paragraphs, %d at >= %.1f (%.4f %%)" %
          (name, len(paras), len(hits), THR, 100.0 * len(hits) / max(1, len(paras))))
    rnd = random.Random(13)
    for i in sorted(rnd.sample(hits, min(a.sample, len(hits)))):
        t = paras[i].decode("utf-8", "replace").replace("\n", " ")
        print("  %.3f %s: %s" % (cs[i], srcs[i], t[:160]))
    if dump:
        for i in hits:
            dump.write(b"%.3f %s\n%s\0" % (cs[i], srcs[i].encode(), paras[i].replace(b"\0", b" ")))
    return len(hits)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--man", action="store_true", help="the man pages too")
    ap.add_argument("--no-doc", action="store_true", help="not /usr/share/doc")
    ap.add_argument("--sample", type=int, default=12)
    ap.add_argument("--dump", help="write every paragraph at >= 0.8 here")
    a = ap.parse_args()
    build_scorer()
    dump = open(a.dump, "wb") if a.dump else None
    if not a.no_doc:
        run("/usr/share/doc", doc_paragraphs(), a, dump)
    if a.man:
        run("/usr/share/man/man[1-8]", man_paragraphs(), a, dump)
    if dump:
        dump.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
