#!/usr/bin/env python3
"""raw/ -> cases/ for the seventh development prompt set (bench/detect/devprompt6).

Writes, in the format of shared/corpus (its README.md), one {"input": ...}
object a line, UTF-8, LF:
  cases/prompt-injection/pincer_bypass.jsonl    rustyorb/pincer's guardrail-evasion library
  cases/prompt-injection/pincer_encoding.jsonl  its encoding library
  cases/prompt-injection/pincer_variants.jsonl  its mechanical variants of two injections
raw/ is written by extract_pincer.py (its docstring: how the strings were read).
A case is left out when it, with white space trimmed, or the first 120
characters of its words is a case of the first development set (--shared),
of bench/detect/devprompt .. devprompt5, or of a held-out set
(bench/detect/heldout*/cases, any category: compared by key only, nothing of
them is printed), and when its words repeat an earlier case.
Options: --shared DIR, the development set (default /work/shared/corpus/cases).
"""
import glob
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DETECT = os.path.dirname(HERE)
sys.path.insert(0, DETECT)
import corpusconv as cc  # noqa: E402

CASES = os.path.join(HERE, "cases")


def main():
    dirs = [cc.shared_arg(__doc__)] + [os.path.join(DETECT, d, "cases")
                                       for d in ("devprompt", "devprompt2", "devprompt3", "devprompt4", "devprompt5")]
    dirs += sorted(glob.glob(os.path.join(DETECT, "heldout*", "cases")))
    others = cc.held_elsewhere(dirs)
    rows = cc.jsonl(os.path.join(HERE, "raw", "prompt-injection", "pincer_attacks.jsonl"))
    outs = []
    for name, tail in (("bypass", "/bypass.ts"), ("encoding", "/encoding.ts"), ("variants", "/variants.ts")):
        outs.append(("prompt-injection", "pincer_" + name, [r["prompt"] for r in rows if r["source"].endswith(tail)]))
    cc.write_cases(CASES, outs, others)


if __name__ == "__main__":
    main()
