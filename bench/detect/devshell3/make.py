#!/usr/bin/env python3
"""Build cases/benign-shell/*.jsonl: command lines of other kinds than
devshell (this machine's scripts) and devshell2 (npm scripts, README blocks).

    python3 bench/detect/devshell3/make.py [--man-root /usr/share/man]
                                          [--cache /tmp/devshell2-npm] [--out DIR]

Two sources, written to two files in shared/corpus's format
({"operation": "..."} per line):

  man_examples.jsonl   the command lines of the EXAMPLES sections of this
                       machine's English manual pages (man1 and man8,
                       roff source): the lines of the section's no-fill
                       blocks (.nf/.fi, .EX/.EE); in a block with a line
                       that starts with a "$ " or "% " prompt only those
                       lines (prompt taken off), the rest being output;
                       outside those blocks, a text line (or .B/.I ...
                       line) that starts with a program found in PATH
                       (sudo before it allowed) or a prompt; roff escapes
                       read (\\- -, \\(aq ', \\e \\, fonts dropped ...).
  npm_build_lines.jsonl  the build steps of the npm tarballs devshell2
                       pins (devshell2/packages.tsv, its fetch.py's cache):
                       Dockerfile RUN lines (shell form), Makefile recipe
                       lines (the leading tab, @, - and + taken off; lines
                       with make's $( or ${ expansions left out: make, not
                       the shell, expands them), and the run: steps of
                       GitHub Actions workflows (.github/workflows/*.yml;
                       a one-line value or a | block; lines with ${{ left
                       out: the runner expands them).

Both are cut into single lines by bench/detect/devshell/make.py's reader
(logical_lines, STRUCT and its bash -n filter).  A line is kept when it
is not empty, at most 4,096 bytes, holds no carriage return or NUL,
`bash -n -c` accepts it, and it was not seen before (in this or the
earlier file).  Pages and tarballs are read in sorted order; pages.tsv
lists the pages read with the sha1 of each (the pin; a page whose sha1
differs is reported, not read).
"""
import glob
import gzip
import shutil
import hashlib
import importlib.util
import json
import os
import re
import sys
import tarfile

HERE = os.path.dirname(os.path.abspath(__file__))


def load(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    m = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(m)
    return m


dm = load('devshell_make', os.path.join(HERE, '..', 'devshell', 'make.py'))
sys.path.insert(0, os.path.join(HERE, '..', 'devshell2'))
import fetch  # noqa: E402  (devshell2's packages.tsv reader, tarball names)

SH = re.compile(r'^\.S[Hh]\s+"?([A-Z ]* )?EXAMPLES?"?\s*$', re.I)
CMD = re.compile(r'^\s*(sudo\s+)?([a-z][a-z0-9_.+-]*)(\s|$)')
FONT = re.compile(r'\\f(\[[^\]]*\]|\(..|.)')
NAMED = {'aq': "'", 'dq': '"', 'ga': '`', 'ti': '~', 'ha': '^', 'rs': '\\', 'em': '-',
         'en': '-', 'hy': '-', 'lq': '"', 'rq': '"', 'oq': "'", 'cq': "'", 'bu': '*',
         'mi': '-', 'pl': '+', 'sl': '/', 'lB': '[', 'rB': ']', 'lC': '{', 'rC': '}',
         'at': '@', 'sh': '#', 'Do': '$', 'ba': '|', 'rs ': '\\'}


def unroff(t):
    """A roff text line as it prints (man's usual escapes)."""
    t = FONT.sub('', t)
    out, k = [], 0
    while k < len(t):
        c = t[k]
        if c != '\\' or k + 1 == len(t):
            out.append(c)
            k += 1
            continue
        d = t[k + 1]
        if d in '-e\\':
            out.append('-' if d == '-' else '\\')
            k += 2
        elif d == '(' and k + 3 < len(t) + 1:
            out.append(NAMED.get(t[k + 2:k + 4], '\0'))
            k += 4
        elif d == '[':
            e = t.find(']', k)
            out.append(NAMED.get(t[k + 2:e], '\0') if e > 0 else '\0')
            k = e + 1 if e > 0 else len(t)
        elif d in '&|^,/:)':
            k += 2
        elif d in ' ~0':
            out.append(' ')
            k += 2
        elif d == '.':
            out.append('.')
            k += 2
        elif d == '"':
            break  # a comment
        elif d == '*':
            out.append('\0')  # a string: unknown here
            k += 3 if k + 2 < len(t) and t[k + 2] != '(' else 5
        elif d == 's':
            m = re.match(r'\\s[+-]?\d+', t[k:])
            k += len(m.group(0)) if m else 2
        else:
            out.append('\0')
            k += 2
    return ''.join(out)


MACRO_TEXT = re.compile(r'^\.(B|I|BI|IB|BR|RB|IR|RI|SM|SB)\s+(.*)$')


def roff_args(a):
    return ' '.join(re.findall(r'"((?:[^"]|"")*)"|(\S+)', a) and
                    [x or y for x, y in re.findall(r'"((?:[^"]|"")*)"|(\S+)', a)])


def man_blocks(text, other=False):
    """The example text of a page: its EXAMPLES section's (other False)
    or, other True, the no-fill blocks of its other sections in which
    most lines start with a program found in PATH or a prompt."""
    out, in_ex, nofill, body = [], False, False, []
    for line in text.split('\n'):
        if line.startswith('.SH') or line.startswith('.Sh'):
            if nofill and body:
                out.append(body)
            nofill, body = False, []
            in_ex = bool(SH.match(line.replace('.Sh', '.SH', 1))) != other
            continue
        if not in_ex:
            continue
        if other and not line.startswith(('.nf', '.EX', '.fi', '.EE', '.Vb', '.Ve')) and not nofill:
            continue
        req = line.split(None, 1)[0] if line.startswith(('.', "'")) and line.strip() else ''
        if req in ('.nf', '.EX', '.Vb', '.Bd'):
            nofill, body = True, []
            continue
        if req in ('.fi', '.EE', '.Ve', '.Ed'):
            if nofill and body:
                out.append(body)
            nofill, body = False, []
            continue
        m = MACRO_TEXT.match(line)
        if not nofill:
            # outside a no-fill block: a text or font-macro line that
            # starts with a program this machine has (its PATH), or a
            # prompt; prose starts otherwise
            t = unroff(roff_args(m.group(2)) if m else ('' if req else line))
            c = CMD.match(t)
            if t.lstrip().startswith(('$ ', '% ')) or (c and shutil.which(c.group(2))):
                out.append([t])
            continue
        if m:
            body.append(unroff(roff_args(m.group(2))))
        elif req:
            continue
        else:
            body.append(unroff(line))
    texts = []
    if other:
        def cmdlike(l):
            c = CMD.match(l)
            return l.lstrip().startswith(('$ ', '% ')) or (c and shutil.which(c.group(2)))
        out = [b for b in out if sum(1 for l in b if l.strip() and cmdlike(l)) * 2 >
               sum(1 for l in b if l.strip())]
    for b in out:
        if any('\0' in l for l in b):
            b = [l for l in b if '\0' not in l]
        prompted = [l.lstrip()[2:] for l in b if l.lstrip().startswith(('$ ', '% '))]
        texts.append('\n'.join(prompted) if prompted else '\n'.join(b))
    return texts


# The packages whose name a held-out set's README.md or script names
# (`grep -l -i -w -F NAME bench/detect/heldout*/README.md
# bench/detect/heldout*/*.py`, run for each of the 200 packages that own a
# page here before anything was read): their pages are not read.
HELDOUT_NAMED = set(
    'apt curl dpkg file grep hostname jq less make nodejs openssl passwd perl python3 '
    'python3.11 sed sqlite3 sqlmap tar time wapiti wget zip'.split())


def owners():
    """page path -> the Debian package that owns it (dpkg's file lists)."""
    own = {}
    for f in sorted(glob.glob('/var/lib/dpkg/info/*.list')):
        pkg = os.path.basename(f)[:-5].split(':')[0]
        with open(f, encoding='utf-8', errors='replace') as fh:
            for line in fh:
                own[line.strip()] = pkg
    return own


def man_pages(root):
    """(path, package) of the man1/man8 pages a package owns, less those of
    HELDOUT_NAMED; pages no package owns are not read."""
    own, pages = owners(), []
    for sec in ('man1', 'man5', 'man7', 'man8'):
        d = os.path.join(root, sec)
        for n in sorted(os.listdir(d)):
            p = os.path.join(d, n)
            pkg = own.get(os.path.join('/usr/share/man', sec, n))
            if os.path.isfile(p) and not os.path.islink(p) and pkg and \
                    pkg not in HELDOUT_NAMED:
                pages.append((p, pkg))
    return pages


def read_page(p):
    with open(p, 'rb') as f:
        raw = f.read()
    if p.endswith('.gz'):
        raw = gzip.decompress(raw)
    return raw


RUN = re.compile(r'^\s*RUN\s+(.*)$', re.I)


def dockerfile_lines(text):
    """The shell-form RUN instructions, continuation lines joined."""
    out, cur = [], None
    for line in text.split('\n'):
        if cur is not None:
            if line.lstrip().startswith('#'):
                continue
            cur += '\n' + line
            if not line.endswith('\\'):
                out.append(cur)
                cur = None
            continue
        m = RUN.match(line)
        if m and not m.group(1).lstrip().startswith('['):
            if line.endswith('\\'):
                cur = m.group(1)
            else:
                out.append(m.group(1))
    return out


def makefile_lines(text):
    out, cur = [], None
    for line in text.split('\n'):
        if cur is not None:
            cur += '\n' + line.lstrip('\t')
            if not line.endswith('\\'):
                out.append(cur)
                cur = None
            continue
        if line.startswith('\t') and line.strip():
            s = line[1:].lstrip(' \t@-+')
            if line.endswith('\\'):
                cur = s
            else:
                out.append(s)
    return [s.replace('$$', '$') for s in out if '$(' not in s.replace('$$', '') and
            '${' not in s.replace('$$', '') and not re.search(r'(?<!\$)\$[A-Za-z@<^*?%]', s.replace('$$', ''))]


def workflow_lines(text):
    out, lines, k = [], text.split('\n'), 0
    while k < len(lines):
        m = re.match(r'^(\s*)(-\s+)?run:\s*(.*)$', lines[k])
        k += 1
        if not m:
            continue
        v = m.group(3).strip()
        if v in ('|', '|-', '>', '>-', '|+'):
            base = None
            body = []
            while k < len(lines):
                l = lines[k]
                if l.strip() == '':
                    body.append('')
                    k += 1
                    continue
                ind = len(l) - len(l.lstrip(' '))
                if base is None:
                    base = ind
                    if base <= len(m.group(1)):
                        break
                if ind < base:
                    break
                body.append(l[base:])
                k += 1
            if v.startswith('|'):
                out.append('\n'.join(body))
        elif v and not v.startswith(('"', "'", '#')):
            out.append(v)
    return ['\n'.join(l for l in t.split('\n')) for t in out if '${{' not in t]


def npm_texts(cache):
    docker, make, wf = [], [], []
    for name, version, sha, _ in fetch.read_list():
        path = os.path.join(cache, fetch.tarball_name(name, version))
        with open(path, 'rb') as f:
            if hashlib.sha1(f.read()).hexdigest() != sha:
                sys.exit('make.py: %s: not the pinned tarball (devshell2/fetch.py)' % path)
        with tarfile.open(path, 'r:gz') as tf:
            for m in sorted(tf.getmembers(), key=lambda m: m.name):
                if not m.isfile() or m.size > 1 << 20 or '/node_modules/' in m.name:
                    continue
                b = os.path.basename(m.name)
                kind = ('d' if b == 'Dockerfile' or b.endswith('.Dockerfile') or
                        b.startswith('Dockerfile.') else
                        'm' if b in ('Makefile', 'makefile', 'GNUmakefile') or b.endswith('.mk') else
                        'w' if '/.github/workflows/' in m.name and b.endswith(('.yml', '.yaml'))
                        else None)
                if not kind:
                    continue
                try:
                    text = tf.extractfile(m).read().decode('utf-8')
                except UnicodeDecodeError:
                    continue
                if kind == 'd':
                    docker += dockerfile_lines(text)
                elif kind == 'm':
                    make += makefile_lines(text)
                else:
                    wf += workflow_lines(text)
    return docker + make + wf, (len(docker), len(make), len(wf))


def cut(texts):
    out = []
    for t in texts:
        for s in dm.logical_lines(t):
            if not dm.STRUCT.search(s):
                out.append(s)
    return out


def main():
    root, cache = '/usr/share/man', '/tmp/devshell2-npm'
    out = os.path.join(HERE, 'cases', 'benign-shell')
    args = sys.argv[1:]
    while args:
        if args[0] == '--man-root':
            root = args[1]
        elif args[0] == '--cache':
            cache = args[1]
        elif args[0] == '--out':
            out = args[1]
        else:
            sys.exit(__doc__)
        args = args[2:]
    os.makedirs(out, exist_ok=True)
    pin = {}
    pinf = os.path.join(HERE, 'pages.tsv')
    if os.path.exists(pinf):
        for l in open(pinf, encoding='utf-8'):
            p, _, h = l.rstrip('\n').split('\t')
            pin[p] = h
    texts, gtexts, otexts, npages, nex, rows, changed = [], [], [], 0, 0, [], 0
    for p, pkg in man_pages(root):
        raw = read_page(p)
        rel = os.path.relpath(p, root)
        h = hashlib.sha1(raw).hexdigest()
        if pin and rel not in pin:
            continue
        if pin and pin[rel] != h:
            changed += 1
            continue
        try:
            text = raw.decode('utf-8')
        except UnicodeDecodeError:
            text = raw.decode('latin-1')
        npages += 1
        if rel.startswith(('man1/', 'man8/')):
            bl = man_blocks(text)
        else:
            bl = []
        ob = man_blocks(text, True)
        otexts += ob
        if bl or ob:
            nex += 1
            rows.append((rel, pkg, h))
        if pkg == 'google-cloud-cli':
            gtexts += bl
        else:
            texts += bl
    if not pin:
        with open(pinf, 'w', encoding='utf-8', newline='\n') as f:
            for row in rows:
                f.write('%s\t%s\t%s\n' % row)
    npm, counts = npm_texts(cache)
    seen = set()
    for fname, cand in (('man_examples', cut(texts)), ('gcloud_examples', cut(gtexts)),
                        ('man_other_blocks', cut(otexts)), ('npm_build_lines', cut(npm))):
        keep = dm.keep_new(cand, seen)
        kept = dm.bash_ok(keep)
        dm.write_ops(out, fname, kept)
        print('%-16s candidates=%-6d kept=%d' % (fname, len(keep), len(kept)))
    print('man pages read=%d with example blocks=%d (changed since pinned: %d); '
          'npm Dockerfile RUN=%d Makefile recipe=%d workflow run=%d'
          % (npages, nex, changed, *counts))


if __name__ == '__main__':
    main()
