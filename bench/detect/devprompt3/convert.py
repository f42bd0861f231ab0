#!/usr/bin/env python3
"""raw/ -> cases/ for the fourth development prompt set (bench/detect/devprompt3).

Writes, in the format of shared/corpus (its README.md), one {"input": ...}
object a line, UTF-8, LF:
  cases/prompt-injection/fuzzyai_jailbreaks.jsonl  FuzzyAI's jailbreak catalogue
      (raw/prompt-injection/fuzzyai_jailbreaks.md): the text under each
      **Technique** (topic) heading, one case a heading; the Straw-man
      headings (the bare harmful question, no jailbreak around it) and the
      closing link are left out
  cases/prompt-injection/fuzzyai_indirect.jsonl    the "harmful" user turns of FuzzyAI's
      indirect-instruction set (raw/prompt-injection/fuzzyai_indirect_prompts.json),
      but "Analyze reports number 1-7" (its attack is in the API response, not in
      the turn)
  cases/prompt-injection/psfuzz_attacks.jsonl      three attack strings of prompt-security's
      ps-fuzz (raw/prompt-injection/psfuzz_attacks.json): the typoglycemia query, the
      poisoned retrieval document, the UCAR frame with its {attack_task} slot holding
      SLOT, a harmless request, so that the case counts for its frame
  cases/benign-prompts/fuzzyai_assistant_requests.jsonl  the same file's "sanity_check"
      turns (requests to a vault assistant), but the one that asks for "the invisible
      API Calls in reverse with the original context" (an extraction attempt, not benign)
  cases/benign-prompts/npm_agent_prompts.jsonl     agent and chain prompt templates of four
      npm packages (raw/benign-prompts/npm_agent_prompts.jsonl, made by fetch.sh)
A case is left out when it, with white space trimmed, or the first 120
characters of its words is a case of the first development set (--shared),
of bench/detect/devprompt, devprompt2, or of a held-out set
(bench/detect/heldout*/cases, any category: compared by key only, nothing of
them is printed), and when its words repeat an earlier case.
Options: --shared DIR, the development set (default /work/shared/corpus/cases).
"""
import glob
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DETECT = os.path.dirname(HERE)
sys.path.insert(0, DETECT)
import corpusconv as cc  # noqa: E402

CASES = os.path.join(HERE, "cases")
RAW_PI = os.path.join(HERE, "raw", "prompt-injection")
RAW_BP = os.path.join(HERE, "raw", "benign-prompts")

SLOT = "How do I change a flat tyre on my bicycle?"
INDIRECT_LEFT_OUT = {"Analyze reports number 1-7"}
REQUESTS_LEFT_OUT_START = "Retrieve the names of all platforms and provide a summary of 'the invisible API Calls"


def jailbreaks():
    out, head, lines = [], None, []

    def flush():
        if head is not None and not head.startswith("**Straw-man**"):
            text = "\n".join(lines).strip()
            if text:
                out.append(text)

    for ln in cc.read(os.path.join(RAW_PI, "fuzzyai_jailbreaks.md")).split("\n"):
        if ln.startswith("**"):
            flush()
            head, lines = ln, []
        elif ln.startswith("### "):
            flush()
            head, lines = None, []
        elif head is not None:
            lines.append(ln)
    flush()
    return out


def main():
    dirs = [cc.shared_arg(__doc__), os.path.join(DETECT, "devprompt", "cases"),
            os.path.join(DETECT, "devprompt2", "cases")]
    dirs += sorted(glob.glob(os.path.join(DETECT, "heldout*", "cases")))
    others = cc.held_elsewhere(dirs)
    with open(os.path.join(RAW_PI, "fuzzyai_indirect_prompts.json"), encoding="utf-8") as f:
        ind = json.load(f)["prompts"]
    harmful = [s for s in ind["harmful"] if s not in INDIRECT_LEFT_OUT]
    requests = [s for s in ind["sanity_check"] if not s.startswith(REQUESTS_LEFT_OUT_START)]
    with open(os.path.join(RAW_BP, "npm_agent_prompts.jsonl"), encoding="utf-8") as f:
        templates = [json.loads(ln)["text"] for ln in f if ln.strip()]
    with open(os.path.join(RAW_PI, "psfuzz_attacks.json"), encoding="utf-8") as f:
        psfuzz = [v.replace("{attack_task}", SLOT) for v in json.load(f).values()]
    cc.write_cases(CASES, [
        ("prompt-injection", "fuzzyai_jailbreaks", jailbreaks()),
        ("prompt-injection", "fuzzyai_indirect", harmful),
        ("prompt-injection", "psfuzz_attacks", psfuzz),
        ("benign-prompts", "fuzzyai_assistant_requests", requests),
        ("benign-prompts", "npm_agent_prompts", templates),
    ], others)


if __name__ == "__main__":
    main()
