#!/usr/bin/env python3
"""Fetch the pinned npm tarballs that make.py reads.

    python3 bench/detect/devshell2/fetch.py [--cache DIR] [--pin]

Reads packages.tsv (name, version, sha1 of the tarball, monthly downloads
when picked) and runs the ordinary client, `npm pack NAME@VERSION
--pack-destination DIR`, for each tarball not already in DIR (default
/tmp/devshell2-npm), 20 specs a call.  Each tarball's sha1 must be the one
pinned in packages.tsv; a mismatch or a missing tarball is an error (exit 1).
--pin fills an empty sha1 column from what npm fetched (used once, when the
list was made; README.md says how the names were picked).
"""
import hashlib
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
LIST = os.path.join(HERE, 'packages.tsv')


def tarball_name(name, version):
    # npm pack names @scope/pkg as scope-pkg-VERSION.tgz
    return name.lstrip('@').replace('/', '-') + '-' + version + '.tgz'


def read_list():
    rows = []
    with open(LIST, encoding='utf-8') as f:
        for line in f:
            if line.startswith('#') or not line.strip():
                continue
            cols = line.rstrip('\n').split('\t')
            while len(cols) < 4:
                cols.append('')
            rows.append(cols[:4])
    return rows


def sha1(path):
    with open(path, 'rb') as f:
        return hashlib.sha1(f.read()).hexdigest()


def main():
    args = sys.argv[1:]
    cache = '/tmp/devshell2-npm'
    pin = '--pin' in args
    if '--cache' in args:
        cache = args[args.index('--cache') + 1]
    os.makedirs(cache, exist_ok=True)
    rows = read_list()
    todo = [r for r in rows if not os.path.exists(os.path.join(cache, tarball_name(r[0], r[1])))]
    for i in range(0, len(todo), 20):
        specs = ['%s@%s' % (r[0], r[1]) for r in todo[i:i + 20]]
        p = subprocess.run(['npm', 'pack', '--silent', '--json', '--ignore-scripts',
                            '--pack-destination', cache] + specs,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if p.returncode:
            # one bad spec fails the batch: retry one by one
            for s in specs:
                q = subprocess.run(['npm', 'pack', '--silent', '--json', '--ignore-scripts',
                                    '--pack-destination', cache, s],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                if q.returncode:
                    print('fetch.py: %s: %s' % (s, q.stderr.strip().splitlines()[-1:] or '?'),
                          file=sys.stderr)
        print('fetch.py: %d/%d' % (min(i + 20, len(todo)), len(todo)), file=sys.stderr)
    bad = 0
    for r in rows:
        path = os.path.join(cache, tarball_name(r[0], r[1]))
        if not os.path.exists(path):
            print('fetch.py: missing %s@%s' % (r[0], r[1]), file=sys.stderr)
            bad = 1
            continue
        h = sha1(path)
        if not r[2] and pin:
            r[2] = h
        elif h != r[2]:
            print('fetch.py: %s@%s sha1 %s, pinned %s' % (r[0], r[1], h, r[2]), file=sys.stderr)
            bad = 1
    if pin:
        with open(LIST, encoding='utf-8') as f:
            head = [l for l in f if l.startswith('#')]
        with open(LIST, 'w', encoding='utf-8') as f:
            f.writelines(head)
            for r in rows:
                f.write('\t'.join(r) + '\n')
    return bad


if __name__ == '__main__':
    sys.exit(main())
