#!/usr/bin/env python3
"""Recreate raw/ of the fourth held-out corpus from its public sources.

    python3 bench/detect/heldout4/fetch.py          # needs the network and node
    python3 bench/detect/heldout4/convert.py        # raw/ -> cases/, offline

Downloads (into a temporary directory, removed afterwards):
  - the npm packages in NPM, with `npm pack NAME@VERSION`, each checked
    against the tarball integrity (sha512) recorded here;
  - the Debian 12 packages in DEBS, with `apt-get download PKG=VERSION`.
Then copies the files that raw/<category>/SOURCES.md lists, byte for byte,
and writes one derived file, raw/ssrf/whatwg_hosts.jsonl: for every entry of
the URL lists, the host that a WHATWG URL parser (Node's `URL`) gives it, or
its failure to parse. convert.py keeps an SSRF entry only when that host is
an internal address (see raw/ssrf/SOURCES.md), and a benign URL only when it
parses as an http(s) URL with a host.

Standard library, npm, node, apt-get and dpkg-deb only. Nothing here runs in
`make check` or CI: the cases are committed.
"""
import glob
import html
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def _load(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


npm_pack = _load("heldout2_fetch", os.path.join(HERE, "..", "heldout2", "fetch.py")).npm_pack  # integrity checked
js_array = _load("heldout4_convert", os.path.join(HERE, "convert.py")).js_array  # the reader the cases use

RAW = os.path.join(HERE, "raw")
NPM = [
    ("ssrfcheck", "1.4.0",
     "sha512-tn1no4vpyE9GCUZ+FrSDWMgxeIjrrOjd+QBusDwarLL97AQTCSSJKOz/qi/uBSg576IPhmNZPYPAa1Aa9MGa8Q=="),
    ("private-ip", "3.0.2",
     "sha512-2pkOVPGYD/4QyAg95c6E/4bLYXPthT5Xw4ocXYzIIsMBhskOMn6IwkWXmg6ZiA6K58+O6VD/n02r1hDhk7vDPw=="),
    ("xss-filters", "1.2.7",
     "sha512-KzcmYT/f+YzcYrYRqw6mXxd25BEZCxBQnf+uXTopQDIhrmiaLwO+f+yLsIvvNlPhYvgff8g3igqrBxYh9k8NbQ=="),
    ("@braintree/sanitize-url", "7.1.2",
     "sha512-jigsZK+sMF/cuiB7sERuo9V7N9jx+dhmHHnQyDSVdpZwVutaBu7WvNYqMDLSgFgfB30n452TP3vjDAvFC973mA=="),
]
DEBS = [
    ("golang-github-microcosm-cc-bluemonday-dev", "1.0.20-1"),
    ("mariadb-test-data", "1:10.11.19-0+deb12u1"),
    ("debian-faq", "11.1"),
    ("python3.11-doc", "3.11.2-6+deb12u9"),
]
DEBIAN_FAQ = "usr/share/doc/debian/FAQ"
PYTHON_FAQ = "usr/share/doc/python3.11/html/_sources/faq"
MYSQLTEST = "usr/share/mysql/mysql-test/main"
BLUEMONDAY = "usr/share/gocode/src/github.com/microcosm-cc/bluemonday"

# (package tree, path in it, raw category, raw name)
FILES = [
    ("ssrfcheck", "package/tests/data/should-not-pass.js", "ssrf", "ssrfcheck_should-not-pass.js"),
    ("ssrfcheck", "package/tests/data/should-pass.js", "benign-urls", "ssrfcheck_should-pass.js"),
    ("private-ip", "package/test.js", "ssrf", "private-ip_test.js"),
    ("xss-filters", "package/tests/fuzz/bin/seed.xss", "xss", "xss-filters_seed.xss"),
    ("deb", BLUEMONDAY + "/sanitize_test.go", "xss", "bluemonday_sanitize_test.go"),
    ("@braintree/sanitize-url", "package/src/__tests__/index.test.ts", "xss", "braintree-sanitize-url_index.test.ts"),
]

# The sanitize-url tests run with stand-ins for the test runner and for
# sanitizeUrl: every string passed to sanitizeUrl, with the value the test
# expects back (about:blank = the sanitizer must blank it).
SANITIZE_URL_CALLS = r"""
const src = require('fs').readFileSync(0, 'utf8').replace(/^import .*$/mg, '');
const calls = [];
const sanitizeUrl = (...a) => { const c = {args: a}; calls.push(c); return {__call: c}; };
const expect = (tok) => ({ toBe: (e) => { if (tok && tok.__call) tok.__call.expected = e; } });
const describe = (n, f) => f();
describe.each = (arr) => (n, f) => arr.forEach((p) => f(p));
const it = (n, f) => f();
new Function('sanitizeUrl', 'expect', 'describe', 'it', 'BLANK_URL', src)(sanitizeUrl, expect, describe, it, 'about:blank');
for (const c of calls)
  if (typeof c.args[0] === 'string') console.log(JSON.stringify({input: c.args[0], expected: c.expected}));
"""

# Node's URL (WHATWG): the host of each line, trying the line as it is, then
# with http:// before it, then (bare IPv6) as http://[line].
NODE = r"""
const lines = require('fs').readFileSync(0, 'utf8').split('\n').filter(l => l.length);
for (const j of lines) {
  const s = JSON.parse(j);
  const tries = [s];
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:/.test(s) || /^[0-9a-fA-F]*:[0-9a-fA-F:]*$/.test(s)) {
    tries.push('http://' + s);
    if (s.includes(':')) tries.push('http://[' + s + ']');
  }
  let out = {input: s, failure: true};
  for (const t of tries) {
    try {
      const u = new URL(t);
      if (u.host !== '') { out = {input: s, url: t, protocol: u.protocol, hostname: u.hostname}; break; }
    } catch (e) {}
  }
  console.log(JSON.stringify(out));
}
"""


# --- benign SQL: the statements of MariaDB's main test suite ---------------------------

# mysqltest's own commands (the first word of a chunk that is not SQL)
MT_COMMANDS = set("""
append_file cat_file change_user character_set chmod connect connection copy_file copy_files_wildcard
dec delimiter die diff_files dirty_close disable_abort_on_error disable_connect_log disable_info
disable_metadata disable_parsing disable_ps_protocol disable_query_log disable_reconnect
disable_result_log disable_warnings disconnect echo enable_abort_on_error enable_connect_log
enable_info enable_metadata enable_parsing enable_ps_protocol enable_query_log enable_reconnect
enable_result_log enable_warnings end end_timer error eval exec execw exit file_exists
horizontal_results if inc let list_files list_files_append_file list_files_write_file
lowercase_result mkdir move_file perl ping query query_attributes query_horizontal query_vertical
real_sleep reap remove_file remove_files_wildcard replace_column replace_numeric_round
replace_regex replace_result reset_connection result_format rmdir save_master_pos send send_eval
send_quit send_shutdown shutdown_server skip sleep sorted_result partially_sorted_result
source start_timer sync_slave_with_master sync_with_master system vertical_results
wait_for_slave_to_stop while write_file disable_session_track_info enable_session_track_info
disable_cursor_protocol enable_cursor_protocol disable_view_protocol enable_view_protocol
disable_service_connection enable_service_connection disable_prepare_warnings
enable_prepare_warnings disable_column_names enable_column_names
""".split())
DML = re.compile(r"(?i)(SELECT|INSERT|UPDATE|DELETE|REPLACE|WITH)\b")


def mysqltest_statements(text):
    """The SQL statements of one mysqltest script as mysqltest reads it:
    `#` lines are comments, `--` lines one-line commands; other text runs to
    the current delimiter (changed by `delimiter X`); a chunk whose first
    word is a mysqltest command is not SQL; the statement after an `error`
    command is expected to fail and is left out; `perl` and `write_file`
    bodies run to their EOF line. Yields (statement, expected_error)."""
    delim, buf, expect_error, skip_to = ";", [], False, None
    for line in text.split("\n"):
        if skip_to is not None:
            if line.strip() == skip_to:
                skip_to = None
            continue
        st = line.strip()
        if not buf and (st.startswith("#") or st == "" or st in ("{", "}") or st.startswith("}")):
            continue
        if not buf and st.startswith("--"):
            cmd = st[2:].split()
            if cmd and cmd[0].lower() == "error":
                expect_error = True
            elif cmd and cmd[0].lower() == "delimiter" and len(cmd) > 1:
                delim = cmd[1]
            elif cmd and cmd[0].lower() in ("perl", "write_file", "append_file"):
                skip_to = cmd[2] if cmd[0].lower() != "perl" and len(cmd) > 2 else "EOF"
            continue
        if not buf and re.match(r"(?i)(if|while)\s*\(", st):
            continue
        buf.append(line)
        if not st.endswith(delim):
            continue
        chunk = "\n".join(buf).strip()
        buf = []
        chunk = chunk[: len(chunk) - len(delim)].strip()
        first = (re.match(r"[A-Za-z_]+", chunk) or [""])[0].lower()
        if first == "delimiter":
            delim = chunk.split()[1] if len(chunk.split()) > 1 else delim
        elif first == "error":
            expect_error = True
        elif first in ("perl", "write_file", "append_file"):
            words = chunk.split()
            skip_to = words[2] if first != "perl" and len(words) > 2 else "EOF"
        elif first in MT_COMMANDS:
            pass
        else:
            yield chunk, expect_error
            expect_error = False


def mariadb_statements(tree, every=25):
    """Every `every`-th distinct DML statement (SELECT, INSERT, UPDATE,
    DELETE, REPLACE, WITH) of the main suite, in file order, that is not
    expected to fail, uses no mysqltest variable ($), is valid UTF-8, and
    is 16-2000 characters long."""
    seen, out = set(), []
    for f in sorted(glob.glob(os.path.join(tree, MYSQLTEST, "*.test"))):
        with open(f, "rb") as fh:
            raw = fh.read()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("utf-8", "replace")
        for stmt, err in mysqltest_statements(text):
            if err or "$" in stmt or "\ufffd" in stmt or not DML.match(stmt) or not 16 <= len(stmt) <= 2000:
                continue
            if stmt not in seen:
                seen.add(stmt)
                out.append(stmt)
    return out[::every], len(out)


# --- benign prompts: the questions of two FAQs ------------------------------------------


def debian_faq_questions(tree):
    """The section titles of the Debian FAQ (*.en.html, h1-h4, in file
    order) that are questions: tags removed, entities decoded, white space
    runs one space, the section number removed."""
    out = []
    for f in sorted(glob.glob(os.path.join(tree, DEBIAN_FAQ, "*.en.html"))):
        with open(f, encoding="utf-8") as fh:
            text = fh.read()
        for m in re.finditer(r"<h[1-4][^>]*>(.*?)</h[1-4]>", text, re.S):
            q = re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", m.group(1)))).strip()
            q = re.sub(r"^[0-9.]+\s*", "", q)
            if q.endswith("?"):
                out.append(q)
    return out


def python_faq_questions(tree):
    """The section titles of the Python FAQ's reStructuredText sources
    (a line underlined with = - ~ ^ and the like) that are questions,
    inline literals and emphasis written as plain text."""
    out = []
    for f in sorted(glob.glob(os.path.join(tree, PYTHON_FAQ, "*.rst.txt"))):
        with open(f, encoding="utf-8") as fh:
            lines = fh.read().split("\n")
        for title, under in zip(lines, lines[1:]):
            title, under = title.strip(), under.strip()
            if title.endswith("?") and under and len(under) >= 0.8 * len(title) and set(under) <= set("=-~^\"'*+#"):
                q = re.sub(r"``(.+?)``", r"\1", title)
                q = re.sub(r"(?<![*\w])\*(\w[^*]*?)\*(?![*\w])", r"\1", q)
                out.append(q)
    return out


def whatwg_hosts(entries):
    r = subprocess.run(["node", "-e", NODE], input="".join(json.dumps(s) + "\n" for s in entries),
                       capture_output=True, text=True, check=True)
    return [json.loads(ln) for ln in r.stdout.splitlines()]


def main():
    with tempfile.TemporaryDirectory() as tmp:
        trees = {}
        for p in NPM:
            tgz = npm_pack(tmp, *p)
            d = os.path.join(tmp, p[0].replace("/", "_"))
            os.makedirs(d)
            with tarfile.open(tgz) as t:
                t.extractall(d, filter="data")
            trees[p[0]] = d
        debdir = os.path.join(tmp, "debs")
        os.makedirs(debdir)
        subprocess.run(["apt-get", "download"] + ["%s=%s" % p for p in DEBS], cwd=debdir, check=True)
        trees["deb"] = os.path.join(tmp, "deb")
        for deb in sorted(glob.glob(os.path.join(debdir, "*.deb"))):
            subprocess.run(["dpkg-deb", "-x", deb, trees["deb"]], check=True)
        for tree, path, cat, name in FILES:
            os.makedirs(os.path.join(RAW, cat), exist_ok=True)
            shutil.copyfile(os.path.join(trees[tree], path), os.path.join(RAW, cat, name))
            print("raw/%s/%s" % (cat, name))
        with open(os.path.join(RAW, "xss", "braintree-sanitize-url_index.test.ts"), encoding="utf-8") as f:
            r = subprocess.run(["node", "-e", SANITIZE_URL_CALLS], input=f.read(), capture_output=True, text=True,
                               check=True)
        with open(os.path.join(RAW, "xss", "braintree-sanitize-url_calls.jsonl"), "w", encoding="utf-8") as o:
            o.write(r.stdout)
        print("raw/xss/braintree-sanitize-url_calls.jsonl: %d calls" % len(r.stdout.splitlines()))
        os.makedirs(os.path.join(RAW, "benign-prompts"), exist_ok=True)
        for name, qs in (("debian-faq_questions.txt", debian_faq_questions(trees["deb"])),
                         ("python-faq_questions.txt", python_faq_questions(trees["deb"]))):
            with open(os.path.join(RAW, "benign-prompts", name), "w", encoding="utf-8") as o:
                o.write("".join(q + "\n" for q in qs))
            print("raw/benign-prompts/%s: %d questions" % (name, len(qs)))
        stmts, total = mariadb_statements(trees["deb"])
        os.makedirs(os.path.join(RAW, "benign-sql"), exist_ok=True)
        with open(os.path.join(RAW, "benign-sql", "mariadb_test_statements.jsonl"), "w", encoding="utf-8") as o:
            for st in stmts:
                o.write(json.dumps(st, ensure_ascii=False) + "\n")
        print("raw/benign-sql/mariadb_test_statements.jsonl: %d of %d statements" % (len(stmts), total))
    entries = []
    for cat, name, var in (("ssrf", "ssrfcheck_should-not-pass.js", None),
                           ("ssrf", "private-ip_test.js", "priv_ips"),
                           ("benign-urls", "ssrfcheck_should-pass.js", None)):
        with open(os.path.join(RAW, cat, name), encoding="utf-8") as f:
            entries += js_array(f.read(), var)
    seen, uniq = set(), []
    for s in entries:
        if s not in seen:
            seen.add(s)
            uniq.append(s)
    node = subprocess.run(["node", "--version"], capture_output=True, text=True, check=True).stdout.strip()
    out = os.path.join(RAW, "ssrf", "whatwg_hosts.jsonl")
    with open(out, "w", encoding="utf-8") as o:
        for h in whatwg_hosts(uniq):
            o.write(json.dumps(h, ensure_ascii=False) + "\n")
    print("raw/ssrf/whatwg_hosts.jsonl: %d entries (node %s)" % (len(uniq), node))


if __name__ == "__main__":
    main()
