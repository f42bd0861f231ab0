#!/usr/bin/env python3
"""raw/ -> cases/ for the third held-out corpus (offline, standard library).

Writes cases/prompt-injection/promptfoo_prompt_injections.jsonl in the format
of shared/corpus (its README.md): one {"input": ...} object a line, UTF-8, LF.
Each template's __PROMPT__ is filled with PROMPT, a plain question, so that a
case is detected for its jailbreak wrapper alone and never for what it asks.
A template is left out when the first 120 characters of its words (lower
case, every run of non-word characters read as one space) are those of a
case of the development set or of the first two held-out sets: the lists
copy from each other, with other placeholders.
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
RAW = os.path.join(HERE, "raw", "prompt-injection", "promptfoo_prompt_injections.json")
OUT = os.path.join(HERE, "cases", "prompt-injection", "promptfoo_prompt_injections.jsonl")
PROMPT = "What is the capital of France?"


def key(s):
    return re.sub(r"\W+", " ", s.lower()).strip()[:120]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=os.path.normpath(os.path.join(REPO, "..", "shared", "corpus", "cases")),
                    help="development set to leave out (%(default)s)")
    a = ap.parse_args()
    others = set()
    for d in (a.shared, os.path.join(REPO, "bench", "detect", "heldout", "cases"),
              os.path.join(REPO, "bench", "detect", "heldout2", "cases")):
        if not os.path.isdir(d):
            sys.exit("no corpus folder %s (give the development set with --shared)" % d)
        others |= {key(v) for v in strings_of(d)}
    with open(RAW, encoding="utf-8") as f:
        templates = json.load(f)
    kept, dropped, dup, mine = [], 0, 0, set()
    for t in templates:
        s = t.replace("__PROMPT__", PROMPT)
        if key(s) in others:
            dropped += 1
        elif key(s) in mine:
            dup += 1
        else:
            mine.add(key(s))
            kept.append(s)
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as o:
        for s in kept:
            o.write(json.dumps({"input": s}, ensure_ascii=False) + "\n")
    print("prompt-injection   promptfoo_prompt_injections %4d cases (%d in the other sets left out, %d repeated)" %
          (len(kept), dropped, dup))


if __name__ == "__main__":
    main()
