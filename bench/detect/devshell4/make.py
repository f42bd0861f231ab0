#!/usr/bin/env python3
"""Build cases/benign-shell/gnu_info_examples.jsonl: the command lines of
the example blocks of GNU Info manuals (texinfo's @example, rendered by
makeinfo as lines indented by five or more spaces).

    python3 bench/detect/devshell4/make.py [--deb-root DIR] [--out DIR]

Manuals read: those in this machine's /usr/share/info that a Debian
package owns, and those under DIR/PACKAGE/usr/share/info (the packages
of debs.tsv, which fetch.sh downloads with `apt-get download`, checks
and unpacks there; default /tmp/devshell4-debs), less the packages a held-out set names
(HELDOUT_NAMED).  infos.tsv pins each manual file read (path, package,
sha1); with infos.tsv present only those files are read and one whose
sha1 differs is counted, not read.

In a manual, a block is a run of lines indented by five or more spaces
(blank lines inside it kept).  In a block with a line that starts with a
"$ " or "# " prompt, only those lines (prompt taken off) and the lines
that continue them (a trailing backslash, an open quote, a trailing
| && ||) are commands; the rest is output.  In a block without a prompt,
a line is a command when its first word (after an optional sudo) is a
program found in PATH.  Lines of Info's own marks (-|, =>, error->, the
expansion and equivalence arrows) are not.  The lines are then cut like
devshell3's: bench/detect/devshell/make.py's reader (logical_lines,
STRUCT), kept when not empty, at most 4,096 bytes, without CR or NUL,
accepted by `bash -n`, and not seen before.
"""
import glob
import gzip
import hashlib
import importlib.util
import os
import re
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def load(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    m = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(m)
    return m


dm = load('devshell_make', os.path.join(HERE, '..', 'devshell', 'make.py'))

# The packages whose name a held-out set's README.md or script names
# (`grep -l -i -w -F NAME bench/detect/heldout*/README.md
# bench/detect/heldout*/*.py`, run for each package that owns a manual
# here before anything was read): their manuals are not read.
HELDOUT_NAMED = set('grep sed time wget'.split())

INDENT = re.compile(r'^( {5,})(\S.*)$')
PROMPT = re.compile(r'^\$ (\S.*)$')
SHELLISH = re.compile(r'[-/$|<>=*\'"~{}\[\]%@:.0-9]')
PROSE_END = re.compile(r'[A-Za-z)][.,;:?!]$')
CMD = re.compile(r'^(sudo\s+)?([A-Za-z][A-Za-z0-9_.+-]*)(\s|$)')
MARK = re.compile(r'^(-\||=>|==>|error-->|\u21d2|\u22a3|\u2192|\u2261|\u2a7d|==|--\|)')
CONT = re.compile(r'(\\|\|\||&&|\|)\s*$')


def owners():
    """file path -> the Debian package that owns it (dpkg's file lists)."""
    own = {}
    for f in sorted(glob.glob('/var/lib/dpkg/info/*.list')):
        pkg = os.path.basename(f)[:-5].split(':')[0]
        with open(f, encoding='utf-8', errors='replace') as fh:
            for line in fh:
                own[line.strip()] = pkg
    return own


def manuals(deb_root):
    own, out = owners(), []
    for p in sorted(glob.glob('/usr/share/info/*.info*.gz')):
        pkg = own.get(p)
        if pkg and pkg not in HELDOUT_NAMED:
            out.append((p, 'machine', pkg))
    for p in sorted(glob.glob(os.path.join(deb_root, '*', 'usr/share/info/*.info*.gz'))):
        pkg = os.path.relpath(p, deb_root).split(os.sep)[0]
        if pkg not in HELDOUT_NAMED:
            out.append((p, 'deb', pkg))
    return out


def blocks(text):
    """The example blocks of one manual: lists of lines, indentation off."""
    cur, res = [], []
    for line in text.split('\n') + ['']:
        m = INDENT.match(line)
        if m:
            cur.append((len(m.group(1)), m.group(2)))
        elif line.strip() == '' and cur:
            cur.append((0, ''))
        else:
            while cur and cur[-1][1] == '':
                cur.pop()
            if cur:
                res.append(cur)
            cur = []
    return res


def prose(t):
    """An English sentence, a synopsis or a quoted text, not a command: a
    line of four or more words ending like a sentence, six or more words
    none of which holds a shell or path character, two spaces after a
    period (Info's sentence end), five or more words of which four are
    lowercase words and none an option, path, variable, redirection or
    assignment, Info's typographic
    quotes, or a synopsis's [OPTION] / trailing dots."""
    w = t.split()
    if len(w) >= 4 and PROSE_END.search(t):
        return True
    if len(w) >= 6 and not any(SHELLISH.search(x) for x in w[1:]):
        return True
    if '.  ' in t or (len(w) >= 5 and sum(x.isalpha() and x.islower() for x in w) >= 4 and
                      not any(x[0] in '-/.$<>|"\'' or '=' in x for x in w[1:])):
        return True
    return '\u2018' in t or '\u2019' in t or '[OPTION' in t or t.endswith('...')


def commands(block):
    """The command text of one block (see the module comment)."""
    prompted = any(PROMPT.match(t) for _, t in block)
    out, i, n = [], 0, len(block)
    while i < n:
        ind, t = block[i]
        i += 1
        if not t or MARK.match(t):
            continue
        if prompted:
            m = PROMPT.match(t)
            if not m:
                continue
            t = m.group(1)
        else:
            m = CMD.match(t)
            if not m or not shutil.which(m.group(2)):
                continue
        if prose(t):
            continue
        parts = [t]
        # continuation lines: a trailing backslash or operator
        while CONT.search(parts[-1]) and i < n and block[i][1]:
            parts.append(block[i][1])
            i += 1
        out.append('\n'.join(parts))
    return out


def main():
    deb_root = '/tmp/devshell4-debs'
    out = os.path.join(HERE, 'cases', 'benign-shell')
    args = sys.argv[1:]
    while args:
        if args[0] == '--deb-root':
            deb_root = args[1]
        elif args[0] == '--out':
            out = args[1]
        else:
            sys.exit(__doc__)
        args = args[2:]
    os.makedirs(out, exist_ok=True)
    pin = {}
    pinf = os.path.join(HERE, 'infos.tsv')
    if os.path.exists(pinf):
        for line in open(pinf, encoding='utf-8'):
            p, _, h = line.rstrip('\n').split('\t')
            pin[p] = h
    texts, rows, changed, nread = [], [], 0, 0
    for p, where, pkg in manuals(deb_root):
        with open(p, 'rb') as f:
            raw = gzip.decompress(f.read())
        rel = os.path.basename(p)
        h = hashlib.sha1(raw).hexdigest()
        if pin and rel not in pin:
            continue
        if pin and pin[rel] != h:
            changed += 1
            continue
        nread += 1
        text = raw.decode('utf-8', errors='replace')
        got = []
        for b in blocks(text):
            got += commands(b)
        texts += got
        rows.append((rel, pkg, h))
    if not pin:
        with open(pinf, 'w', encoding='utf-8', newline='\n') as f:
            for row in rows:
                f.write('%s\t%s\t%s\n' % row)
    cand = []
    for t in texts:
        for s in dm.logical_lines(t):
            if not dm.STRUCT.search(s):
                cand.append(s)
    keep = dm.keep_new(cand, set())
    kept = dm.bash_ok(keep)
    dm.write_ops(out, 'gnu_info_examples', kept)
    print('manuals read=%d (changed since pinned: %d) candidates=%d kept=%d'
          % (nread, changed, len(keep), len(kept)))


if __name__ == '__main__':
    main()
