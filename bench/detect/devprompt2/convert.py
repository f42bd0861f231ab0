#!/usr/bin/env python3
"""raw/ -> cases/ for the third development prompt set (bench/detect/devprompt2).

Writes, in the format of shared/corpus (its README.md), one {"input": ...}
object a line, UTF-8, LF:
  cases/prompt-injection/agentshield_payloads.jsonl   ecc-agentshield's red-team payloads
                                                      (raw/prompt-injection/agentshield_payloads.jsonl,
                                                      made by fetch.sh)
A case is left out when it, with white space trimmed, or the first 120
characters of its words is a case of the first development set, of
bench/detect/devprompt, or of a held-out set (bench/detect/heldout*/cases,
any category: compared by key only, nothing of them is printed), and when
its words repeat an earlier case. Every payload is one message the attacker
sends (the package sends each alone); none has a slot to fill.
Options: --shared DIR, the development set (default /work/shared/corpus/cases).
"""
import glob
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DETECT = os.path.dirname(HERE)
sys.path.insert(0, DETECT)
import corpusconv as cc  # noqa: E402

CASES = os.path.join(HERE, "cases")
RAW = os.path.join(HERE, "raw", "prompt-injection", "agentshield_payloads.jsonl")


def main():
    dirs = [cc.shared_arg(__doc__), os.path.join(DETECT, "devprompt", "cases")]
    dirs += sorted(glob.glob(os.path.join(DETECT, "heldout*", "cases")))
    others = cc.held_elsewhere(dirs)
    with open(RAW, encoding="utf-8") as f:
        payloads = [json.loads(ln)["payload"] for ln in f if ln.strip()]
    cc.write_cases(CASES, [("prompt-injection", "agentshield_payloads", payloads)], others)


if __name__ == "__main__":
    main()
