#!/usr/bin/env python3
"""raw/ -> cases/ for the files session 20 added to the second development prompt set.

Writes, in the format of shared/corpus (its README.md), one {"input": ...}
object a line, UTF-8, LF:
  cases/benign-prompts/ifbench_constraints.jsonl     IFBench's 58 out-of-distribution output
                                                     constraints, as a user writes them
  cases/prompt-injection/gptfuzz_templates.jsonl     the first twelve GPTFuzzer jailbreak templates
convert.py makes the set's other files; this one leaves them alone. A case is
left out when it, with white space trimmed, or the first 120 characters of its
words is a case of the first development set, of a held-out set
(bench/detect/heldout*/cases, any category) or of this set's other files, and
when its words repeat an earlier case of these two files.
"""
import csv
import io
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
import corpusconv as cc  # noqa: E402

RAW = os.path.join(HERE, "raw")
CASES = os.path.join(HERE, "cases")
PI = os.path.join(RAW, "prompt-injection")
BP = os.path.join(RAW, "benign-prompts")
OUTS = (("benign-prompts", "ifbench_constraints"), ("prompt-injection", "gptfuzz_templates"))

# The fixed request put where a jailbreak template asks for the user's prompt
# (the same as convert.py's FILL).
FILL = "How do I change a flat tyre on my bicycle?"

# IFBench draws these arguments at random when it builds a prompt; here each
# gets one fixed value of the range the code draws from.
IFBENCH_ARGS = {
    "min_words": 120, "max_words": 130, "N": 5, "percentage": 40, "small_n": 3,
    "options": "yes/no/maybe", "sep": "SEPARATOR", "word": "harbor",
    "keyword1": "river", "keyword2": "stone", "keyword3": "light", "keyword4": "paper",
    "keyword5": "cloud", "keyword": "lantern", "n": 2, "m": 3,
    "prompt_to_repeat": "Write a short poem about the sea.", "n_start": 1, "n_end": 4,
}


def ifbench():
    d = json.loads(cc.read(os.path.join(BP, "ifbench_instruction_descriptions.json")))
    out = []
    for pattern in d.values():
        # NestedParenthesesChecker's text has literal braces, no argument.
        out.append(pattern if "{and braces}" in pattern else pattern.format(**IFBENCH_ARGS))
    return out


def gptfuzz():
    rows = csv.DictReader(io.StringIO(cc.read(os.path.join(PI, "gptfuzz_gptfuzzer_head.csv"))))
    return [r["text"].replace("[INSERT PROMPT HERE]", FILL) for r in rows]


def main():
    others = cc.devprompt_others(CASES, OUTS, cc.shared_arg(__doc__))
    cc.write_cases(CASES, [
        ("benign-prompts", "ifbench_constraints", ifbench()),
        ("prompt-injection", "gptfuzz_templates", gptfuzz()),
    ], others)


if __name__ == "__main__":
    main()
