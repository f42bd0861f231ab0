#!/usr/bin/env python3
"""raw/benign-prompts/debian_faq_questions.txt from three Debian 12 documentation packages.

The questions of the Git FAQ (git-doc, gitfaq.txt), the Z shell FAQ (zsh-doc,
FAQ01.html..FAQ06.html) and the FFmpeg FAQ (ffmpeg-doc, faq.html): users'
questions about configuring and using a tool ("How do I ignore changes to a
tracked file?", "In which startup file do I put...?"), as benign prompts.

Network: `apt-get download` of the pinned versions below (Debian's mirror) into
a temporary directory, `dpkg-deb -x`, then the headings are read with the
standard library and the directory removed. Output: one `package<TAB>question`
line each, in document order, UTF-8, LF. Kept: Git FAQ entries (the `...::`
term lines of its Q&A lists, `::` removed), Z shell FAQ section headings that
hold a question mark (the topic headings "Differences from sh and ksh",
"Acknowledgments:" ... are not questions), all FFmpeg FAQ section headings;
section numbers ("3.12: ", "3.12 ") and the HTML anchor text ("# TOC") removed,
entities decoded, runs of white space read as one space.
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
OUT = os.path.join(HERE, "raw", "benign-prompts", "debian_faq_questions.txt")
PACKAGES = ("git-doc=1:2.39.5-0+deb12u3", "zsh-doc=5.9-4", "ffmpeg-doc=7:5.1.9-0+deb12u1")


def clean(s):
    s = html.unescape(re.sub(r"<[^>]+>", "", s))
    return re.sub(r"\s+", " ", s).strip()


def gitfaq(root):
    text = open(os.path.join(root, "usr/share/doc/git-doc/gitfaq.txt"), encoding="utf-8").read()
    out = []
    lines = text.split("\n")
    for i, ln in enumerate(lines):
        # An entry is an anchor line [[name]] followed by its term line "Question?::".
        if re.match(r"^\[\[[^\]]+\]\]$", ln) and i + 1 < len(lines) and lines[i + 1].endswith("::"):
            out.append(clean(lines[i + 1][:-2]))
    return out


def zshfaq(root):
    out = []
    for p in sorted(glob.glob(os.path.join(root, "usr/share/doc/zsh-common/html/FAQ0*.html"))):
        for h in re.findall(r"<h[234][^>]*>(.*?)</h[234]>", open(p, encoding="utf-8").read(), re.S):
            h = re.sub(r"^\d+\.\d+: ", "", clean(h))
            if "?" in h:
                out.append(h)
    return out


def ffmpegfaq(root):
    t = open(os.path.join(root, "usr/share/doc/ffmpeg/manual/faq.html"), encoding="utf-8").read()
    out = []
    for h in re.findall(r"<h3[^>]*>(.*?)</h3>", t, re.S):
        h = clean(h)
        h = re.sub(r"# TOC$", "", h).strip()
        out.append(re.sub(r"^\d+\.\d+ ", "", h))
    return out


def main():
    tmp = tempfile.mkdtemp(prefix="devprompt-faq-")
    try:
        subprocess.run(["apt-get", "download"] + list(PACKAGES), cwd=tmp, check=True)
        root = os.path.join(tmp, "x")
        for deb in sorted(glob.glob(os.path.join(tmp, "*.deb"))):
            subprocess.run(["dpkg-deb", "-x", deb, root], check=True)
        rows = [("git-doc", q) for q in gitfaq(root)]
        rows += [("zsh-doc", q) for q in zshfaq(root)]
        rows += [("ffmpeg-doc", q) for q in ffmpegfaq(root)]
    finally:
        shutil.rmtree(tmp)
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        for pkg, q in rows:
            f.write("%s\t%s\n" % (pkg, q))
    print("%d questions -> %s" % (len(rows), OUT), file=sys.stderr)


if __name__ == "__main__":
    main()
