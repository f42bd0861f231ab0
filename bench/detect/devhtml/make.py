#!/usr/bin/env python3
"""Build cases/benign-html/*.jsonl from this machine's HTML documentation.

    python3 bench/detect/devhtml/make.py [--root /] [--out DIR] [--cache DIR]

Reads the HTML pages Debian packages install as documentation and the
sample pages of the npm packages in NPM (see GROUPS),
cuts each page into fragments (elements of at most MAX_FRAG bytes, as
written in the page) and writes one JSONL file per source group in
shared/corpus's format ({"operation": "..."} per line).  README.md says
what is kept and why.

Deterministic: files are read in sorted path order, fragments are kept in
first-seen order, and a fragment seen in an earlier group or file is not
written again.  The output depends only on the files present and on the
pinned npm tarballs (sha1 checked; `npm pack` fetches a missing one into
--cache, default $TMPDIR/devhtml-npm).  Python 3 standard library only
(html.parser finds the elements' extents).
"""
import hashlib
import html.parser
import json
import os
import subprocess
import sys
import tarfile

MAX_FRAG = 2048   # bytes (UTF-8) of one fragment
MIN_FRAG = 8      # shorter fragments are left out (a lone <br>, "<b>x</b>")
MAX_PAGE = 16384  # a page this small is also kept whole

VOID = {'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta',
        'param', 'source', 'track', 'wbr', 'keygen', 'basefont', 'frame', 'isindex'}

# /usr/share/doc packages left out: their names occur in a held-out set's
# README or scripts (bench/detect/heldout*/, grep -l -i NAME; nothing else
# there was read), so they may share pages with it.
EXCLUDED_DOC = {'nodejs', 'python3', 'wapiti', 'bc', 'time'}


def walk(top):
    """Every file under top, symbolic links to directories not followed."""
    for d, dirs, names in os.walk(top):
        dirs.sort()
        for name in sorted(names):
            yield os.path.join(d, name)


def is_html(p):
    return p.endswith('.html') or p.endswith('.htm')


def files_doc(root):
    top = os.path.join(root, 'usr/share/doc')
    out = []
    for p in walk(top):
        pkg = os.path.relpath(p, top).split(os.sep)[0]
        if is_html(p) and pkg not in EXCLUDED_DOC:
            out.append(p)
    return out


def files_gtkdoc(root):
    return [p for p in walk(os.path.join(root, 'usr/share/gtk-doc')) if is_html(p)]


def files_cloudsdk(root):
    # pages only: server-side templates ({{ }}, {% %}) are not HTML yet
    out = []
    for p in walk(os.path.join(root, 'usr/lib/google-cloud-sdk')):
        if not is_html(p):
            continue
        t = read_text(p)
        if t is not None and '{{' not in t and '{%' not in t:
            out.append(p)
    return out


# npm packages that bundle real pages: (name, version, sha1 of the tarball
# as the registry lists it).  Fetched once with `npm pack` into --cache.
NPM = [
    ('ckeditor4', '4.22.1', 'a4e79db1bac2ccb9a672c47e601ba4882afaf455'),
]


def npm_tarball(cache, name, version, sha1):
    path = os.path.join(cache, '%s-%s.tgz' % (name, version))
    if not os.path.exists(path):
        os.makedirs(cache, exist_ok=True)
        subprocess.run(['npm', 'pack', '--silent', '%s@%s' % (name, version)],
                       cwd=cache, check=True, stdout=subprocess.DEVNULL)
    with open(path, 'rb') as f:
        got = hashlib.sha1(f.read()).hexdigest()
    if got != sha1:
        raise SystemExit('%s: sha1 %s, expected %s' % (path, got, sha1))
    return path


def pages_npm(cache):
    """(member name, text) of every .html page of the NPM tarballs."""
    out = []
    for name, version, sha1 in NPM:
        with tarfile.open(npm_tarball(cache, name, version, sha1)) as tf:
            for m in sorted(tf.getmembers(), key=lambda m: m.name):
                if m.isfile() and is_html(m.name):
                    t = decode(tf.extractfile(m).read())
                    if t is not None:
                        out.append(t)
    return out


GROUPS = [
    ('usr_share_doc', files_doc),
    ('usr_share_gtk_doc', files_gtkdoc),
    ('google_cloud_sdk', files_cloudsdk),
    ('npm_ckeditor4', None),
]


def read_text(p):
    """The file as UTF-8 text, None when it is not UTF-8 or holds NUL."""
    if os.path.islink(p) and not os.path.exists(p):
        return None
    try:
        with open(p, 'rb') as f:
            return decode(f.read())
    except OSError:
        return None


def decode(b):
    try:
        t = b.decode('utf-8')
    except UnicodeDecodeError:
        return None
    if '\0' in t:
        return None
    return t.replace('\r\n', '\n')


class Spans(html.parser.HTMLParser):
    """Element extents [start, end) in characters of the page."""

    def __init__(self, text):
        super().__init__(convert_charrefs=False)
        self.text = text
        self.lines = [0]
        for i, c in enumerate(text):
            if c == '\n':
                self.lines.append(i + 1)
        self.stack = []   # [name, start, children]
        self.root = []    # top-level elements: (start, end, children)

    def off(self):
        ln, col = self.getpos()
        return self.lines[ln - 1] + col

    def handle_starttag(self, tag, attrs):
        s = self.off()
        e = s + len(self.get_starttag_text() or '')
        if tag in VOID:
            self.add((s, e, []))
        else:
            self.stack.append([tag, s, []])

    def handle_startendtag(self, tag, attrs):
        s = self.off()
        self.add((s, s + len(self.get_starttag_text() or ''), []))

    def add(self, el):
        (self.stack[-1][2] if self.stack else self.root).append(el)

    def handle_endtag(self, tag):
        s = self.off()
        rest = self.text[s:]
        gt = rest.find('>')
        e = s + (gt + 1 if gt >= 0 else len(rest))
        if not any(x[0] == tag for x in self.stack):
            return  # a stray end tag
        while self.stack:
            name, st, ch = self.stack.pop()
            # an element closed implicitly ends where its parent's end tag starts
            self.add((st, e if name == tag else s, ch))
            if name == tag:
                break

    def close(self):
        super().close()
        while self.stack:
            name, st, ch = self.stack.pop()
            self.add((st, len(self.text), ch))


def fragments(text):
    """Maximal elements of at most MAX_FRAG bytes, in page order."""
    p = Spans(text)
    try:
        p.feed(text)
        p.close()
    except Exception:  # html.parser gives up on some malformed markup
        return []
    out = []

    def visit(els):
        for s, e, ch in els:
            frag = text[s:e]
            n = len(frag.encode('utf-8'))
            if n <= MAX_FRAG:
                if n >= MIN_FRAG:
                    out.append(frag)
            else:
                visit(ch)

    visit(p.root)
    return out


def main(argv):
    cache = os.path.join(os.environ.get('TMPDIR', '/tmp'), 'devhtml-npm')
    root, out = '/', os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                  'cases', 'benign-html')
    i = 1
    while i < len(argv):
        if argv[i] == '--root' and i + 1 < len(argv):
            root = argv[i + 1]
            i += 2
        elif argv[i] == '--cache' and i + 1 < len(argv):
            cache = argv[i + 1]
            i += 2
        elif argv[i] == '--out' and i + 1 < len(argv):
            out = argv[i + 1]
            i += 2
        else:
            sys.stderr.write(__doc__)
            return 2
    os.makedirs(out, exist_ok=True)
    seen = set()
    total = 0
    for name, lister in GROUPS:
        if lister:
            texts = (read_text(p) for p in lister(root))
        else:
            texts = pages_npm(cache)
        kept = []
        nfiles = 0
        for t in texts:
            if t is None:
                continue
            nfiles += 1
            items = fragments(t)
            if len(t.encode('utf-8')) <= MAX_PAGE:
                items.append(t.strip('\n'))
            for frag in items:
                if frag not in seen:
                    seen.add(frag)
                    kept.append(frag)
        with open(os.path.join(out, name + '.jsonl'), 'w', encoding='utf-8',
                  newline='\n') as f:
            for frag in kept:
                f.write(json.dumps({'operation': frag}, ensure_ascii=False) + '\n')
        sys.stderr.write('%s: %d files, %d fragments\n' % (name, nfiles, len(kept)))
        total += len(kept)
    sys.stderr.write('total: %d\n' % total)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
