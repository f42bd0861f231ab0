#!/usr/bin/env python3
"""Build cases/benign-shell/*.jsonl from this machine's shell code.

    python3 bench/detect/devshell/make.py [--root /] [--out DIR]

Reads the shell scripts a Debian 12 system carries (see GROUPS), cuts them
into the single command lines a program would pass to `sh -c`, and writes
one JSONL file per source group in shared/corpus's format
({"operation": "..."} per line).  README.md says what is kept and why.

Deterministic: files are read in sorted path order, lines are kept in
first-seen order, and a line seen in an earlier group or file is not
written again.  The output depends only on the files present (and on
/bin/bash's parser, used as `bash -n` to keep complete commands only).
"""
import glob
import json
import os
import re
import subprocess
import sys

MAX_LINE = 4096

SHEBANG = re.compile(rb'^#!\s*(/usr)?/bin/(env\s+)?(sh|bash|dash)(\s|$)')


def shebang_shell(path):
    try:
        with open(path, 'rb') as f:
            return bool(SHEBANG.match(f.readline(200)))
    except OSError:
        return False


def files_dpkg(root):
    out = []
    for ext in ('preinst', 'postinst', 'prerm', 'postrm', 'config'):
        out += glob.glob(os.path.join(root, 'var/lib/dpkg/info/*.' + ext))
    return [p for p in out if shebang_shell(p)]


def files_initd(root):
    return [p for p in glob.glob(os.path.join(root, 'etc/init.d/*')) if shebang_shell(p)]


def files_debconf(root):
    return [p for p in glob.glob(os.path.join(root, 'usr/share/debconf/*'))
            if p.endswith('.sh') or shebang_shell(p)]


def walk(top):
    """Every file under top, symbolic links to directories not followed."""
    for d, dirs, names in os.walk(top):
        dirs.sort()
        for name in sorted(names):
            yield os.path.join(d, name)


def files_ext(sub):
    def f(root):
        return [p for p in walk(os.path.join(root, sub)) if p.endswith('.sh')]
    return f


def files_shebang(subs):
    def f(root):
        return [p for sub in subs for p in walk(os.path.join(root, sub))
                if not p.endswith('.sh') and os.path.isfile(p) and shebang_shell(p)]
    return f


def files_completion(root):
    return [p for p in walk(os.path.join(root, 'usr/share/bash-completion')) if os.path.isfile(p)]


def files_usrbin(root):
    return [p for p in glob.glob(os.path.join(root, 'usr/bin/*')) if shebang_shell(p)]


# (output file, what, file lister); the order decides which group keeps a
# line that several groups carry.
GROUPS = [
    ('dpkg_maintainer_scripts', 'dpkg maintainer scripts', files_dpkg),
    ('etc_init_d', '/etc/init.d scripts', files_initd),
    ('usr_share_debconf', 'debconf shell library', files_debconf),
    ('usr_bin_scripts', '/usr/bin scripts with a sh/bash shebang', files_usrbin),
    ('usr_lib_sh', '/usr/lib/**/*.sh', files_ext('usr/lib')),
    ('usr_share_sh', '/usr/share/**/*.sh', files_ext('usr/share')),
    ('etc_sh', '/etc/**/*.sh', files_ext('etc')),
    ('usr_lib_share_sbin_scripts', '/usr/lib, /usr/share, /usr/sbin files (not *.sh) with a sh/bash shebang',
     files_shebang(('usr/lib', 'usr/share', 'usr/sbin'))),
    ('bash_completion', '/usr/share/bash-completion (bash functions, sourced)', files_completion),
]

HEREDOC = re.compile(r'<<(-?)\s*(\\?)(["\']?)([A-Za-z0-9_.\-!@%+]+)\3')


def scan(text, state):
    """Scan one physical line in shell quoting.  state: None or the quote
    still open from the previous line ("'", '"', '`').  Returns (state at
    the end, here-doc delimiters opened on the line as (strip_tabs, word),
    whether the line ends in a backslash continuation)."""
    i, n = 0, len(text)
    q = state
    docs = []
    word_start = True
    while i < n:
        c = text[i]
        if q == "'":
            if c == "'":
                q = None
            i += 1
            continue
        if q == "$'":
            if c == '\\':
                i += 2
                continue
            if c == "'":
                q = None
            i += 1
            continue
        if c == '\\':
            if i + 1 >= n:
                return q, docs, True
            i += 2
            word_start = False
            continue
        if q == '"':
            if c == '"':
                q = None
            i += 1
            continue
        if q == '`':
            if c == '`':
                q = None
            i += 1
            continue
        if c == '#' and word_start:
            break  # a comment to the end of the line
        if c == "'":
            q = "'"
        elif c == '$' and i + 1 < n and text[i + 1] == "'":
            q = "$'"
            i += 1
        elif c == '"':
            q = '"'
        elif c == '`':
            q = '`'
        elif c == '<' and text.startswith('<<', i) and not text.startswith('<<<', i):
            m = HEREDOC.match(text, i)
            if m:
                docs.append((m.group(1) == '-', m.group(4)))
                i = m.end()
                word_start = False
                continue
            i += 2
            word_start = True
            continue
        word_start = c in ' \t;&|()<>'
        i += 1
    return q, docs, False


CONT_END = re.compile(r'(\|\||&&|\|)\s*$')


def logical_lines(text):
    """Yield the single-line commands of one script (before bash -n)."""
    lines = text.split('\n')
    i, n = 0, len(lines)
    while i < n:
        parts = []
        state = None
        docs = []
        multi = False  # a quote or here-doc spans lines: not one line
        while i < n:
            line = lines[i]
            i += 1
            if parts and state is None:
                # a continued line: its indentation becomes one blank
                stripped = line.lstrip(' \t')
                if stripped != line and parts[-1][-1:] not in (' ', '\t', '\n'):
                    parts.append(' ')
                line = stripped
            state, d, cont = scan(line, state)
            docs += d
            if cont:
                parts.append(line[:-1])
                continue
            parts.append(line)
            if state is not None:
                multi = True
                parts.append('\n')
                continue
            if CONT_END.search(line):
                parts.append(' ')
                continue
            break
        for strip, word in docs:
            multi = True
            while i < n:
                body = lines[i]
                i += 1
                if (body.lstrip('\t') if strip else body) == word:
                    break
        if multi:
            continue
        s = ''.join(parts).strip()
        if not s or s.startswith('#') or len(s.encode('utf-8', 'surrogateescape')) > MAX_LINE:
            continue
        yield s


# Lines of compound commands and function definitions (a one-line `if`,
# `for` or `case` is left out too: the set is simple commands, pipelines
# and lists).
STRUCT = re.compile(r'^(if|then|else|elif|fi|for|while|until|do|done|case|esac|function|select)\b'
                    r'|;;|^[A-Za-z_][A-Za-z0-9_:.-]*\s*\(\)')


def read_script(path):
    try:
        with open(path, 'rb') as f:
            raw = f.read()
    except OSError:
        return None
    if b'\0' in raw:
        return None
    try:
        return raw.decode('utf-8')
    except UnicodeDecodeError:
        return None


def bash_ok(lines):
    """The lines that bash parses as complete commands (bash -n), in order.
    One bash process a line: a syntax error must not hide the next line."""
    ok = []
    for s in lines:
        r = subprocess.run(['bash', '-n', '-c', s], stdin=subprocess.DEVNULL,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if r.returncode == 0:
            ok.append(s)
    return ok


def keep_new(cand, seen):
    """The lines of cand worth a case (devshell2, devshell3): not empty,
    not seen before (seen grows), no CR or NUL, at most MAX_LINE bytes."""
    keep = []
    for s in cand:
        if (not s or s in seen or '\r' in s or '\0' in s or
                len(s.encode('utf-8', 'surrogateescape')) > MAX_LINE):
            continue
        seen.add(s)
        keep.append(s)
    return keep


def write_ops(out, name, lines):
    """out/name.jsonl: one benign case {"operation": line} a line."""
    with open(os.path.join(out, name + '.jsonl'), 'w', encoding='utf-8', newline='\n') as f:
        for s in lines:
            f.write(json.dumps({'operation': s}, ensure_ascii=False) + '\n')


def main():
    root, out = '/', os.path.join(os.path.dirname(os.path.abspath(__file__)), 'cases', 'benign-shell')
    args = sys.argv[1:]
    while args:
        if args[0] == '--root':
            root = args[1]
        elif args[0] == '--out':
            out = args[1]
        else:
            sys.exit(__doc__)
        args = args[2:]
    os.makedirs(out, exist_ok=True)
    seen_files, seen = set(), set()
    for name, what, lister in GROUPS:
        cand = []
        nfiles = 0
        for path in sorted(set(lister(root))):
            real = os.path.realpath(path)
            if real in seen_files or not os.path.isfile(real):
                continue
            seen_files.add(real)
            text = read_script(real)
            if text is None:
                continue
            nfiles += 1
            for s in logical_lines(text):
                if STRUCT.search(s) or '\r' in s or s in seen:
                    continue
                seen.add(s)
                cand.append(s)
        kept = bash_ok(cand)
        write_ops(out, name, kept)
        print('%-26s files=%-5d candidates=%-6d kept=%d  (%s)' % (name, nfiles, len(cand), len(kept), what))


if __name__ == '__main__':
    main()
