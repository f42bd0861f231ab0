#!/usr/bin/env python3
"""raw/ -> cases/ for the sixth development prompt set (bench/detect/devprompt5).

Writes, in the format of shared/corpus (its README.md), one {"input": ...}
object a line, UTF-8, LF:
  cases/prompt-injection/red_<file>.jsonl  tjohnson012/RED's attack library, one
      file a module of src/attacker/attacks/ (encoding, injections, extractions,
      jailbreaks, chains: the chain steps that carry the attack)
  cases/benign-prompts/red_chain_steps.jsonl  the chains' other steps (rapport,
      a word game, priming words, a test greeting: no injection in their text)
raw/ is written by extract_red.py (its docstring: how the strings were read).
A case is left out when it, with white space trimmed, or the first 120
characters of its words is a case of the first development set (--shared),
of bench/detect/devprompt, devprompt2, devprompt3, devprompt4, or of a held-out
set (bench/detect/heldout*/cases, any category: compared by key only, nothing
of them is printed), and when its words repeat an earlier case.
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


def rows(path):
    return cc.jsonl(os.path.join(HERE, "raw", path))


def main():
    dirs = [cc.shared_arg(__doc__)] + [os.path.join(DETECT, d, "cases")
                                       for d in ("devprompt", "devprompt2", "devprompt3", "devprompt4")]
    dirs += sorted(glob.glob(os.path.join(DETECT, "heldout*", "cases")))
    others = cc.held_elsewhere(dirs)
    outs = []
    attacks = rows("prompt-injection/red_attacks.jsonl")
    for mod in ("encoding", "injections", "extractions", "jailbreaks", "chains"):
        items = [r["prompt"] for r in attacks if r["source"].endswith("/" + mod + ".py")]
        outs.append(("prompt-injection", "red_" + mod, items))
    outs.append(("benign-prompts", "red_chain_steps",
                 [r["prompt"] for r in rows("benign-prompts/red_chain_steps.jsonl")]))
    cc.write_cases(CASES, outs, others)


if __name__ == "__main__":
    main()
