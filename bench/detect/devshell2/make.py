#!/usr/bin/env python3
"""Build cases/benign-shell/*.jsonl from pinned npm packages.

    python3 bench/detect/devshell2/fetch.py      # the tarballs, sha1-checked
    python3 bench/detect/devshell2/make.py [--cache DIR] [--out DIR]

Reads the tarballs of packages.tsv (in its order) from the cache fetch.py
fills (default /tmp/devshell2-npm) and writes, in shared/corpus's format
({"operation": "..."} per line):

  npm_scripts.jsonl      every value of package.json's "scripts" (npm runs
                         each with `sh -c VALUE`), in the file's key order;
  npm_shell_files.jsonl  the single command lines of the shell scripts the
                         tarballs carry (*.sh, *.bash, or a sh/bash/dash
                         shebang), cut as bench/detect/devshell/make.py cuts
                         this machine's scripts (its logical_lines, STRUCT
                         and bash -n filter, imported from there);
  npm_readme_blocks.jsonl  the command lines of the fenced code blocks of
                         the packages' Markdown files (*.md, *.markdown:
                         README, docs, examples) marked sh, bash, shell,
                         zsh or console/shell-session/terminal: in a console
                         block, or a sh/bash/... block with a line that
                         starts with a "$ " prompt, only the lines that
                         start with "$ " (the prompt taken off; the others
                         are output), in the others every line; cut as
                         above.

A value or line is kept when it is not empty, at most 4,096 bytes, has no
NUL or carriage return, `bash -n -c` accepts it, and was not seen before
(in this or the earlier file).  Deterministic for the pinned tarballs.
"""
import hashlib
import importlib.util
import json
import os
import re
import sys
import tarfile

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location(
    'devshell_make', os.path.join(HERE, '..', 'devshell', 'make.py'))
dm = importlib.util.module_from_spec(spec)
spec.loader.exec_module(dm)
sys.path.insert(0, HERE)
import fetch  # noqa: E402  (packages.tsv reader, tarball names)

SHELL_EXT = ('.sh', '.bash')
FENCE = re.compile(r'^\s*(`{3,}|~{3,})\s*([A-Za-z0-9_+-]*)')
SCRIPT_LANGS = ('sh', 'bash', 'shell', 'zsh')
CONSOLE_LANGS = ('console', 'shell-session', 'shellsession', 'terminal', 'sh-session')


def readme_blocks(tf):
    """The shell text of the fenced blocks of the Markdown files."""
    out = []
    tops = [m for m in tf.getmembers() if m.isfile() and '/node_modules/' not in m.name and
            m.name.lower().endswith(('.md', '.markdown')) and m.size <= 1 << 20]
    for m in sorted(tops, key=lambda m: m.name):
        try:
            text = tf.extractfile(m).read().decode('utf-8')
        except UnicodeDecodeError:
            continue
        fence, lang, body = None, '', []
        for line in text.split('\n'):
            f = FENCE.match(line)
            if fence is None:
                if f:
                    fence, lang, body = f.group(1), f.group(2).lower(), []
                continue
            if f and line.strip().startswith(fence[0] * len(fence)) and not f.group(2):
                prompted = any(l.lstrip().startswith('$ ') for l in body)
                if lang in SCRIPT_LANGS and not prompted:
                    out.append('\n'.join(body))
                elif lang in CONSOLE_LANGS or (lang in SCRIPT_LANGS and prompted):
                    out.append('\n'.join(l.lstrip()[2:] for l in body
                                         if l.lstrip().startswith('$ ')))
                fence = None
                continue
            body.append(line)
    return out


def package_json(tf):
    """The package's own package.json: the shallowest one in the tarball."""
    best = None
    for m in tf.getmembers():
        if m.isfile() and os.path.basename(m.name) == 'package.json':
            depth = m.name.count('/')
            if best is None or depth < best.name.count('/'):
                best = m
    if best is None:
        return None
    try:
        return json.loads(tf.extractfile(best).read().decode('utf-8'))
    except (ValueError, UnicodeDecodeError):
        return None


def shell_files(tf):
    out = []
    for m in sorted(tf.getmembers(), key=lambda m: m.name):
        if not m.isfile() or m.size > 1 << 20 or '/node_modules/' in m.name:
            continue
        raw = tf.extractfile(m).read()
        if not (m.name.endswith(SHELL_EXT) or dm.SHEBANG.match(raw[:200])):
            continue
        if b'\0' in raw:
            continue
        try:
            out.append((m.name, raw.decode('utf-8')))
        except UnicodeDecodeError:
            continue
    return out


def main():
    cache = '/tmp/devshell2-npm'
    out = os.path.join(HERE, 'cases', 'benign-shell')
    args = sys.argv[1:]
    while args:
        if args[0] == '--cache':
            cache = args[1]
        elif args[0] == '--out':
            out = args[1]
        else:
            sys.exit(__doc__)
        args = args[2:]
    os.makedirs(out, exist_ok=True)
    scripts, lines, blocks = [], [], []
    npk = nsc = nfiles = nblocks = 0
    licences = {}
    for name, version, sha, _ in fetch.read_list():
        path = os.path.join(cache, fetch.tarball_name(name, version))
        with open(path, 'rb') as f:
            if hashlib.sha1(f.read()).hexdigest() != sha:
                sys.exit('make.py: %s: not the pinned tarball (run fetch.py)' % path)
        with tarfile.open(path, 'r:gz') as tf:
            pj = package_json(tf)
            lic = pj.get('license') if isinstance(pj, dict) else None
            lic = lic if isinstance(lic, str) else (lic or {}).get('type', '?') \
                if isinstance(lic, dict) else '?'
            licences[lic] = licences.get(lic, 0) + 1
            sc = pj.get('scripts') if isinstance(pj, dict) else None
            if isinstance(sc, dict) and sc:
                npk += 1
                for v in sc.values():
                    if isinstance(v, str):
                        nsc += 1
                        scripts.append(v.strip())
            for fname, text in shell_files(tf):
                nfiles += 1
                for s in dm.logical_lines(text):
                    if not dm.STRUCT.search(s):
                        lines.append(s)
            for text in readme_blocks(tf):
                nblocks += 1
                for s in dm.logical_lines(text):
                    if not dm.STRUCT.search(s):
                        blocks.append(s)
    seen = set()
    for fname, cand in (('npm_scripts', scripts), ('npm_shell_files', lines),
                        ('npm_readme_blocks', blocks)):
        keep = dm.keep_new(cand, seen)
        kept = dm.bash_ok(keep)
        dm.write_ops(out, fname, kept)
        print('%-16s candidates=%-6d kept=%d' % (fname, len(keep), len(kept)))
    print('packages with scripts=%d script values=%d shell files=%d readme blocks=%d'
          % (npk, nsc, nfiles, nblocks))
    print('licences (package.json "license"): ' +
          ', '.join('%s %d' % kv for kv in sorted(licences.items(), key=lambda kv: (-kv[1], kv[0]))))


if __name__ == '__main__':
    main()
