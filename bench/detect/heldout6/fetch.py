#!/usr/bin/env python3
"""Recreate the one part of raw/ of the sixth held-out corpus that a package
registry holds: the R FAQ's questions (benign prompts).

    python3 bench/detect/heldout6/fetch.py          # needs apt-get and dpkg-deb
    python3 bench/detect/heldout6/convert.py        # raw/ -> cases/, offline

Every other raw file was read from public GitHub repositories through the
workplace's read-only search index (its read_file verb) and written down as
read; this machine reaches no GitHub host, so no script can fetch them. Their
repository, path, commit and licence are in raw/<category>/SOURCES.md, and
each file's length was checked against the length the index reported.

This script downloads (into a temporary directory, removed afterwards) the
Debian 12 package r-doc-html with `apt-get download r-doc-html=VERSION`,
unpacks it with `dpkg-deb -x`, and writes raw/benign-prompts/r-faq_questions.txt:
the section titles (<h2>-<h4>) of the R FAQ (R-FAQ.html) that end in '?',
file order, with the section number, HTML tags and entities removed and runs
of white space read as one space. Standard library, apt-get and dpkg-deb
only; nothing here runs in `make check` or CI: the cases are committed.
"""
import glob
import html
import os
import re
import shutil
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
RAW = os.path.join(HERE, "raw")
DEB = ("r-doc-html", "4.2.2.20221110-2")
RFAQ = "usr/share/R/doc/manual/R-FAQ.html"


def rfaq_questions(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    out = []
    for h in re.findall(r"<h[2-4][^>]*>(.*?)</h[2-4]>", text, re.S):
        s = html.unescape(re.sub(r"<[^>]+>", "", h))
        s = re.sub(r"\s+", " ", s).strip()
        s = re.sub(r"^[\d.]+\s+", "", s)
        if s.endswith("?"):
            out.append(s)
    return out


def main():
    tmp = tempfile.mkdtemp(prefix="heldout6-")
    try:
        subprocess.run(["apt-get", "download", "%s=%s" % DEB], cwd=tmp, check=True)
        tree = os.path.join(tmp, "deb")
        for p in glob.glob(os.path.join(tmp, "*.deb")):
            subprocess.run(["dpkg-deb", "-x", p, tree], check=True)
        qs = rfaq_questions(os.path.join(tree, RFAQ))
        bp = os.path.join(RAW, "benign-prompts")
        os.makedirs(bp, exist_ok=True)
        with open(os.path.join(bp, "r-faq_questions.txt"), "w", encoding="utf-8") as f:
            f.write("".join(q + "\n" for q in qs))
        print("R FAQ: %d questions" % len(qs))
    finally:
        shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
