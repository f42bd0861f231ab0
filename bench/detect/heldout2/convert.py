#!/usr/bin/env python3
"""Turn bench/detect/heldout2/raw/<category>/* into cases/<category>/<name>.jsonl
in the format of shared/corpus (see its README.md): one JSON object a line,
{"input": ...} for attack inputs and benign inputs, {"operation": ...} for
benign operations; no empty case, no duplicate within a category.

    python3 bench/detect/heldout2/convert.py [--shared DIR] [--heldout DIR]

A second held-out set must repeat neither the development set (DIR, default
shared/corpus/cases beside the repository) nor the first held-out set
(bench/detect/heldout/cases): a case whose string is a case of either, in
any category, is left out, and the count of such cases is printed.

Standard library only, no network. Each source format has its own function
below; what each source is and how it is read is in raw/<category>/SOURCES.md.
"""
import argparse
import codecs
import configparser
import json
import math
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
RAW = os.path.join(HERE, "raw")
CASES = os.path.join(HERE, "cases")
REPO = os.path.normpath(os.path.join(HERE, "..", "..", ".."))

OPERATION = {"benign-sql", "benign-shell", "benign-paths", "benign-urls", "benign-html"}


def _pct(err):
    """Bytes that are not UTF-8 stay as %XX (shared README)."""
    bad = err.object[err.start:err.end]
    return "".join("%%%02X" % b for b in bad), err.end


codecs.register_error("moat_pct", _pct)


def read(cat, name):
    with open(os.path.join(RAW, cat, name), "rb") as f:
        return f.read().decode("utf-8", "moat_pct")


def lines(cat, name):
    return [ln.rstrip("\r") for ln in read(cat, name).split("\n")]


def json_strings(cat, name):
    return [json.loads(ln) for ln in read(cat, name).split("\n") if ln.strip()]


# --- wapiti 3.0.4 -----------------------------------------------------------------
# Its payloads as its attack modules send them (wapitiCore/attack/attack.py,
# Attack.process_line and Mutator.mutate; net/xss_utils.py for XSS), with the
# values of a scan with default options:

WAPITI_TIME = str(int(math.ceil(6.0)) + 1)  # "[TIME]": ceil(--timeout, default 6.0) + 1
XSS_TAINT = "w4p1t1x55"                     # "__XSS__": the random taint of one request
VALUES = {  # "[VALUE]": the parameter's original value, per kind of parameter
    "sqli": "1",                            # an id
    "command-injection": "report.txt",      # a file name handed to a command
    "path-traversal": "docs/report.pdf",    # a relative file path
}


def wapiti_line(s, value):
    """Attack.process_line and Mutator.mutate for one payload line."""
    s = s.strip(" \n")
    s = s.replace("[TAB]", "\t").replace("[LF]", "\n").replace("[FF]", "\f")
    s = s.replace("[TIME]", WAPITI_TIME).replace("[TIMEOUT]", "")
    s = s.replace("\\0", "\0")
    if "[EXTVALUE]" in s:
        s = s.replace("[EXTVALUE]", value.rsplit(".", 1)[-1])
    return s.replace("[VALUE]", value).replace("[DIRVALUE]", value.rsplit("/", 1)[0])


def wapiti_txt(cat, name):
    return [wapiti_line(ln, VALUES[cat]) for ln in lines(cat, name) if ln.strip(" \n")]


def wapiti_php(line):
    """The payloads of mod_exec that it reports as PHP evaluation, not as
    command execution: exit(md5(...)) and the data: include that its
    "PHP evaluation" check looks for, and preg_replace's /e modifier."""
    return "md5(" in line or line.startswith("data:") or line == "/e\\0"


def wapiti_exec(php):
    return [wapiti_line(ln, VALUES["command-injection"]) for ln in lines("command-injection", "wapiti_execPayloads.txt")
            if ln.strip(" \n") and wapiti_php(ln.strip(" \n")) == php]


def _ini(cat, name):
    c = configparser.ConfigParser(interpolation=None)
    c.read_string(read(cat, name))
    return c


def wapiti_files(cat, name):
    """fileHandlingPayloads.ini: every payload but the remote inclusions
    ([EXTERNAL_ENDPOINT]: a URL of the scanner's own server, no traversal)
    and the script's own name ([FILE_NAME]: source disclosure of the page
    itself, not a path from the user)."""
    c = _ini(cat, name)
    out = []
    for sec in c.sections():
        p = c[sec]["payload"]
        if "[EXTERNAL_ENDPOINT]" in p or "[FILE_NAME]" in p or "[FILE_NOEXT]" in p:
            continue
        out.append(wapiti_line(p, VALUES[cat]))
    return out


def wapiti_xss(cat, name):
    """xssPayloads.ini as net/xss_utils.py sends it: a payload that closes
    the tag as it is; one that stays in the tag (close_tag = no) as it is sent
    into a double-quoted attribute value: "y", the attributes it requires
    (sorted), then the payload, [ATTR_SEP] and [VALUE_SEP] being '"' (frame
    src payloads as they are). [FF] is a form feed, as in process_line."""
    c = _ini(cat, name)
    out = []
    for sec in c.sections():
        e = c[sec]
        p = e["payload"].strip(" \n").replace("[TAB]", "\t").replace("[LF]", "\n").replace("[FF]", "\f")
        p = p.replace("__XSS__", XSS_TAINT)
        if e.getboolean("close_tag", fallback=True):
            out.append(p)
            continue
        if e["tag"].split(",") == ["frame"] and e["attribute"] == "src":
            out.append(p)
            continue
        pre = "y"
        for r in sorted(e.get("requirements", "").split(",")):
            if not r or "!" in r:
                continue
            a, v = r.split("=", 1) if "=" in r else (r, "z")
            pre += "[ATTR_SEP]%s=[VALUE_SEP]%s" % (a, v)
        out.append((pre + p).replace("[ATTR_SEP]", '"').replace("[VALUE_SEP]", '"'))
    return out


# --- blns 2.0.4 (Big List of Naughty Strings) ------------------------------------

BLNS_ATTACK = {
    "Script Injection": "xss",
    "SQL Injection": "sqli",
    "Server Code Injection": "command-injection",
    "Known CVEs and Vulnerabilities": "command-injection",
    "File Inclusion": "path-traversal",
    "Command Injection (Ruby)": "other",
    "XXE Injection (XML)": "other",
}
# neither attack nor plain text: format strings and $VAR meant to be expanded
# by mistake, and DOS device names (reserved file names)
BLNS_LEFT_OUT = {"Unwanted Interpolation", "MSDOS/Windows Special Filenames"}


def blns_sections(cat, name):
    """(section title, string) pairs: a section starts at '#<tab>Title' after a
    blank line; '#' lines are comments, empty lines separate."""
    out, title, prev_blank = [], None, True
    for ln in lines(cat, name):
        if ln.startswith("#"):
            t = ln[1:].strip()
            if prev_blank and t:
                title = t
            prev_blank = False
            continue
        prev_blank = ln == ""
        if ln != "":
            out.append((title, ln))
    return out


def blns(cat):
    """The strings of blns's sections for category cat: attack sections by
    their titles (strings of one character or only spaces, such as the SQL
    section's "%", "_" and " ", are no injection and are left out), every
    other section but BLNS_LEFT_OUT is benign-user-input."""
    out = []
    for title, s in blns_sections("benign-user-input", "blns.txt"):
        if title in BLNS_LEFT_OUT:
            continue
        c = BLNS_ATTACK.get(title, "benign-user-input")
        if c != cat:
            continue
        if c != "benign-user-input" and len(s.strip()) <= 1:
            continue
        out.append(s)
    return out


def blns_titles():
    return sorted({t for t, _ in blns_sections("benign-user-input", "blns.txt")})


# --- the sources --------------------------------------------------------------------

SOURCES = [
    # (category, output name, function returning the cases)
    ("sqli", "wapiti_blindSQLPayloads", lambda: wapiti_txt("sqli", "wapiti_blindSQLPayloads.txt")),
    ("sqli", "blns_sql_injection", lambda: blns("sqli")),
    ("xss", "wapiti_xssPayloads", lambda: wapiti_xss("xss", "wapiti_xssPayloads.ini")),
    ("xss", "blns_script_injection", lambda: blns("xss")),
    ("command-injection", "wapiti_execPayloads", lambda: wapiti_exec(False)),
    ("command-injection", "blns_code_injection", lambda: blns("command-injection")),
    ("path-traversal", "wapiti_fileHandlingPayloads",
     lambda: wapiti_files("path-traversal", "wapiti_fileHandlingPayloads.ini")),
    ("path-traversal", "blns_file_inclusion", lambda: blns("path-traversal")),
    ("other", "wapiti_execPayloads_php", lambda: wapiti_exec(True)),
    ("other", "blns_ruby_xxe", lambda: blns("other")),
    ("benign-user-input", "blns", lambda: blns("benign-user-input")),
    ("benign-user-input", "debian-reference_paragraphs",
     lambda: lines("benign-user-input", "debian-reference_paragraphs.txt")),
    ("benign-sql", "pgdoc_statements", lambda: json_strings("benign-sql", "pgdoc_statements.jsonl")),
    ("benign-shell", "screen_commands", lambda: lines("benign-shell", "screen_commands.txt")),
    ("benign-html", "pgdoc_fragments", lambda: json_strings("benign-html", "pgdoc_fragments.jsonl")),
    ("benign-html", "pgdoc_pages", lambda: json_strings("benign-html", "pgdoc_pages.jsonl")),
    ("benign-urls", "package_doc_urls", lambda: lines("benign-urls", "package_doc_urls.txt")),
    ("benign-paths", "package_files", lambda: lines("benign-paths", "package_files.txt")),
]


def strings_of(d):
    """Every case string of a corpus folder, any category."""
    seen = set()
    if not d or not os.path.isdir(d):
        return seen
    for cat in sorted(os.listdir(d)):
        p = os.path.join(d, cat)
        if not os.path.isdir(p):
            continue
        for fn in sorted(os.listdir(p)):
            if fn.endswith(".jsonl"):
                with open(os.path.join(p, fn), encoding="utf-8") as f:
                    for ln in f:
                        o = json.loads(ln)
                        v = o.get("input", o.get("operation"))
                        if isinstance(v, str):
                            seen.add(v)
    return seen


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=os.path.normpath(os.path.join(REPO, "..", "..", "shared", "corpus", "cases")),
                    help="development set to leave out (%(default)s)")
    ap.add_argument("--heldout", default=os.path.join(REPO, "bench", "detect", "heldout", "cases"),
                    help="first held-out set to leave out (%(default)s)")
    a = ap.parse_args()
    for d in (a.shared, a.heldout):
        if not os.path.isdir(d):
            sys.exit("no corpus folder %s (give it with --shared / --heldout)" % d)
    others = strings_of(a.shared) | strings_of(a.heldout)
    unknown = set(blns_titles()) - set(BLNS_ATTACK) - BLNS_LEFT_OUT
    print("blns sections read as benign-user-input: %s" % "; ".join(sorted(unknown)))
    if os.path.isdir(CASES):
        for cat in os.listdir(CASES):
            for fn in os.listdir(os.path.join(CASES, cat)):
                os.remove(os.path.join(CASES, cat, fn))
            os.rmdir(os.path.join(CASES, cat))
    seen = {}
    for cat, name, fn in SOURCES:
        key = "operation" if cat in OPERATION else "input"
        mine = seen.setdefault(cat, set())
        kept, dropped, dup = [], 0, 0
        for s in fn():
            if not s:
                continue
            if s in others:
                dropped += 1
            elif s in mine:
                dup += 1
            else:
                mine.add(s)
                kept.append(s)
        print("%-18s %-32s %5d cases (%d in the other sets left out, %d repeated)" %
              (cat, name, len(kept), dropped, dup))
        if not kept:
            continue
        os.makedirs(os.path.join(CASES, cat), exist_ok=True)
        with open(os.path.join(CASES, cat, name + ".jsonl"), "w", encoding="utf-8") as o:
            for s in kept:
                o.write(json.dumps({key: s}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
