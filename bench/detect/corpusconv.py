"""Shared steps of the prompt-corpus converters (raw/ -> cases/; offline, standard library).

The converters of bench/detect/heldout6, heldout8 and devprompt (convert.py,
convert_if.py and convert9.py) import this module: each reads its raw/ files into lists of
strings and hands them to write_cases(), which leaves out what another corpus
already holds, keeps one copy of repeats, and writes shared/corpus's format
(its README.md): one {"input": ...} object a line, UTF-8, LF.

A case is "already held" when it, with white space trimmed, or its key (the
first 120 characters of its words: lower case, every run of non-word
characters read as one space) is a case string of another corpus folder
(any category).
"""
import argparse
import glob
import json
import os
import re
import sys

DETECT = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(DETECT, "..", ".."))
SHARED_DEFAULT = os.path.normpath(os.path.join(REPO, "..", "shared", "corpus", "cases"))


def key(s):
    return re.sub(r"\W+", " ", s.lower()).strip()[:120]


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def jsonl(path):
    return [json.loads(ln) for ln in read(path).split("\n") if ln]


def strings_of(d, skip=()):
    """Every case string of a corpus folder, any category; files whose path
    is in skip are not read."""
    out = set()
    for p in sorted(glob.glob(os.path.join(d, "*", "*.jsonl"))):
        if os.path.abspath(p) in skip:
            continue
        for o in jsonl(p):
            v = o.get("input", o.get("operation"))
            if isinstance(v, str):
                out.add(v)
    return out


def held_elsewhere(dirs, skip=()):
    """Trimmed strings and keys of every case of the given corpus folders."""
    others = set()
    for d in dirs:
        if not os.path.isdir(d):
            sys.exit("no corpus folder %s (give the development set with --shared)" % d)
        for v in strings_of(d, skip):
            others.add(v.strip())
            others.add(key(v))
    return others


def write_cases(cases_dir, outs, others):
    """outs: (category, file name without .jsonl, list of strings). Writes each
    file under cases_dir/category and prints what was kept and left out."""
    mine = set()
    total = {}
    for cat, name, items in outs:
        kept, dropped, dup = [], 0, 0
        for s in items:
            if not s.strip():
                continue
            if s.strip() in others or key(s) in others:
                dropped += 1
            elif key(s) in mine:
                dup += 1
            else:
                mine.add(key(s))
                kept.append(s)
        os.makedirs(os.path.join(cases_dir, cat), exist_ok=True)
        with open(os.path.join(cases_dir, cat, name + ".jsonl"), "w", encoding="utf-8", newline="\n") as o:
            for s in kept:
                o.write(json.dumps({"input": s}, ensure_ascii=False) + "\n")
        total[cat] = total.get(cat, 0) + len(kept)
        print("%-17s %-34s %4d cases (%d in the other sets left out, %d repeated)" %
              (cat, name, len(kept), dropped, dup))
    for cat in sorted(total):
        print("%-17s %-34s %4d cases" % (cat, "total", total[cat]))


def blocks(path):
    """Blocks of a file written as `=== <label> ===` lines each followed by the
    block's text (session 21's extracted files). Returns (label, text) pairs in
    file order; the text is the lines up to the next `=== ` line, joined by
    LF, without the final line end."""
    out = []
    label, lines = None, []
    for ln in read(path).split("\n"):
        m = re.match(r"^=== (.*) ===$", ln)
        if m:
            if label is not None:
                out.append((label, "\n".join(lines)))
            label, lines = m.group(1), []
        elif label is not None:
            lines.append(ln)
    if label is not None:
        if lines and lines[-1] == "":
            lines.pop()
        out.append((label, "\n".join(lines)))
    return out


def shared_arg(doc):
    """The option every converter takes: --shared, the development set to
    leave out; its path."""
    ap = argparse.ArgumentParser(description=doc.split("\n")[0])
    ap.add_argument("--shared", default=SHARED_DEFAULT,
                    help="development set to leave out (%(default)s)")
    return ap.parse_args().shared


def devprompt_others(cases_dir, outs, shared):
    """What a converter of bench/detect/devprompt leaves out of its files
    outs ((category, name) pairs): every case of the development set, of
    devprompt's other files and of every held-out set."""
    dirs = [shared, cases_dir] + sorted(glob.glob(os.path.join(DETECT, "heldout*", "cases")))
    mine = {os.path.abspath(os.path.join(cases_dir, c, n + ".jsonl")) for c, n in outs}
    return held_elsewhere(dirs, skip=mine)
