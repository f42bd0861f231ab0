#!/usr/bin/env python3
"""raw/ -> cases/ for the fifth held-out corpus (offline, standard library).

Writes, in the format of shared/corpus (its README.md), one {"input": ...}
object a line, UTF-8, LF:
  cases/prompt-injection/agent-security-scanner-mcp.jsonl   its corpus's VULN blocks
  cases/prompt-injection/promptfoo_prompt-extraction.jsonl  the plugin's example prompts
  cases/prompt-injection/readme_examples.jsonl              the README examples labelled attack
  cases/benign-prompts/agent-security-scanner-mcp_safe.jsonl its corpus's SAFE blocks
  cases/benign-prompts/readme_examples.jsonl                the README examples labelled benign
  cases/benign-prompts/perlfaq_questions.jsonl              the Perl FAQ's questions, POD codes as plain text
A case is left out when it, or the first 120 characters of its words (lower
case, every run of non-word characters read as one space), is a case of the
development set or of the first four held-out sets (any category): the
lists copy from each other.
"""
import argparse
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "heldout2"))
from convert import strings_of  # noqa: E402  (every case string of a corpus folder)

REPO = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
RAW = os.path.join(HERE, "raw")
CASES = os.path.join(HERE, "cases")


def key(s):
    return re.sub(r"\W+", " ", s.lower()).strip()[:120]


def scanner_blocks(path):
    """(label, text) of each `# VULN: rule` / `# SAFE: rule` block: the lines
    up to the next comment line, surrounding blank lines removed."""
    out, label, buf = [], None, []

    def flush():
        if label and "".join(buf).strip():
            out.append((label, "\n".join(buf).strip("\n")))

    with open(path, encoding="utf-8") as f:
        for ln in f.read().split("\n"):
            if ln.startswith("#"):
                flush()
                m = re.match(r"# (VULN|SAFE): ", ln)
                label, buf = (m.group(1) if m else None), []
            elif label:
                buf.append(ln)
    flush()
    return out


def promptfoo_examples(path):
    with open(path, encoding="utf-8") as f:
        return [m.group(1).strip() for m in re.finditer(r"^\s*Prompt: (.*)$", f.read(), re.M)]


POD_ESC = {"lt": "<", "gt": ">", "verbar": "|", "sol": "/"}


def unpod(s):
    """POD formatting codes as plain text: E<lt> -> <, X<> dropped, L<text|x> ->
    text, C<< x >> and C<x> -> x (innermost first)."""
    s = re.sub(r"E<(\w+)>", lambda m: POD_ESC.get(m.group(1), m.group(0)), s)
    s = re.sub(r"X<[^<>]*>", "", s)
    s = re.sub(r"\b[A-Z]<<+ (.*?) >>+", r"\1", s)
    prev = None
    while prev != s:
        prev = s
        s = re.sub(r"\bL<([^<>|]*)\|[^<>]*>", r"\1", s)
        s = re.sub(r"\b[A-Z]<([^<>]*)>", r"\1", s)
    return s


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=os.path.normpath(os.path.join(REPO, "..", "shared", "corpus", "cases")),
                    help="development set to leave out (%(default)s)")
    a = ap.parse_args()
    others = set()
    dirs = [a.shared] + [os.path.join(REPO, "bench", "detect", h, "cases")
                         for h in ("heldout", "heldout2", "heldout3", "heldout4")]
    for d in dirs:
        if not os.path.isdir(d):
            sys.exit("no corpus folder %s (give the development set with --shared)" % d)
        for v in strings_of(d):
            others.add(v)
            others.add(key(v))

    blocks = scanner_blocks(os.path.join(RAW, "prompt-injection", "agent-security-scanner-mcp_prompt_injection.txt"))
    readme = []
    with open(os.path.join(RAW, "prompt-injection", "readme_examples.jsonl"), encoding="utf-8") as f:
        for ln in f:
            readme.append(json.loads(ln))
    with open(os.path.join(RAW, "benign-prompts", "perlfaq_questions.txt"), encoding="utf-8") as f:
        perl = [unpod(q) for q in f.read().split("\n") if q]
    outs = [
        ("prompt-injection", "agent-security-scanner-mcp", [t for lab, t in blocks if lab == "VULN"]),
        ("prompt-injection", "promptfoo_prompt-extraction",
         promptfoo_examples(os.path.join(RAW, "prompt-injection", "promptfoo_prompt-extraction_examples.txt"))),
        ("prompt-injection", "readme_examples", [r["text"] for r in readme if r["label"] == "attack"]),
        ("benign-prompts", "agent-security-scanner-mcp_safe", [t for lab, t in blocks if lab == "SAFE"]),
        ("benign-prompts", "readme_examples", [r["text"] for r in readme if r["label"] == "benign"]),
        ("benign-prompts", "perlfaq_questions", perl),
    ]
    mine = set()
    for cat, name, items in outs:
        kept, dropped, dup = [], 0, 0
        for s in items:
            if s in others or key(s) in others:
                dropped += 1
            elif key(s) in mine:
                dup += 1
            else:
                mine.add(key(s))
                kept.append(s)
        os.makedirs(os.path.join(CASES, cat), exist_ok=True)
        with open(os.path.join(CASES, cat, name + ".jsonl"), "w", encoding="utf-8") as o:
            for s in kept:
                o.write(json.dumps({"input": s}, ensure_ascii=False) + "\n")
        print("%-17s %-32s %4d cases (%d in the other sets left out, %d repeated)" %
              (cat, name, len(kept), dropped, dup))


if __name__ == "__main__":
    main()
