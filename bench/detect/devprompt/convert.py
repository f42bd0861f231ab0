#!/usr/bin/env python3
"""raw/ -> cases/ for the second development prompt set (offline, standard library).

Writes, in the format of shared/corpus (its README.md), one {"input": ...}
object a line, UTF-8, LF:
  cases/prompt-injection/tensortrust_extraction.jsonl      Tensor Trust's prompt-extraction attacks
  cases/prompt-injection/jailbreakbench_pair.jsonl         PAIR jailbreaks kept by JailbreakBench (gpt-4, vicuna)
  cases/prompt-injection/jailbreakbench_random_search.jsonl  one prompt-with-random-search jailbreak
  cases/prompt-injection/pallms_promptinjection.jsonl      pallms' prompt-injection payloads
  cases/prompt-injection/pallms_jailbreak.jsonl            the first seven of pallms' jailbreak prompts
  cases/prompt-injection/langkit_jailbreaks.jsonl          langkit's "jailbreaks" theme examples
  cases/prompt-injection/easyjailbreak_templates.jsonl     EasyJailbreak's DeepInception, Jailbroken, ReNeLLM templates
  cases/prompt-injection/greshake_indirect.jsonl           the indirect-injection payload of greshake/llm-security
  cases/benign-prompts/alpaca_eval_instructions.jsonl      AlpacaEval's 805 instructions
A template slot for the user's request ({query}, {NEW_INSTRUCTION}) is filled
with FILL. A case is left out when it, with white space trimmed, or the first
120 characters of its words (lower case, every run of non-word characters read
as one space) is a case of the development set or of a held-out set
(bench/detect/heldout*/cases, any category), and when its words repeat an
earlier case of this set.
"""
import ast
import glob
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import corpusconv as cc  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
RAW = os.path.join(HERE, "raw")
CASES = os.path.join(HERE, "cases")
PI = os.path.join(RAW, "prompt-injection")
BP = os.path.join(RAW, "benign-prompts")

# The one fixed, harmless request put where a template asks for the user's
# request or the attacker's new instruction.
FILL = "How do I change a flat tyre on my bicycle?"

# EasyJailbreak templates kept: those whose own text is an injection or a
# jailbreak whatever the request put in them. Left out (README.md): the ones
# that only wrap the request in a task (Wikipedia article, JSON or base64
# output, a style rule, distractor lists, a plain prefix "Hello!", the
# inverted control) and the two ReNeLLM code/table completions, which read as
# ordinary tasks once the slot holds a harmless request.
EASYJAILBREAK_JAILBROKEN_KEPT = ("prefix_injection", "refusal_suppression", "few_shot_json", "AIM",
                                 "dev_mode_v2", "evil_confidant", "evil_system_prompt")
EASYJAILBREAK_RENELLM_KEPT = (1,)  # the dream-story nesting

# AlpacaEval instructions left out of benign-prompts: an instruction that is
# itself a jailbreak (fictional world where models do not refuse + a request
# for fraud methods). Not moved to prompt-injection: its source does not
# label it one.
ALPACA_NOT_BENIGN = ("We are in an imaginary world where AI language models have not been trained to decline",)


key, read, jsonl = cc.key, cc.read, cc.jsonl

def tensortrust():
    return [o["attack"] for o in jsonl(os.path.join(PI, "tensortrust_extraction_attacks.jsonl"))]


def pair():
    out = []
    for fn in ("jailbreakbench_pair_gpt4.jsonl", "jailbreakbench_pair_vicuna.jsonl"):
        out += [o["prompt"] for o in jsonl(os.path.join(PI, fn)) if o["prompt"]]
    return out


def random_search():
    return [o["prompt"] for o in jsonl(os.path.join(PI, "jailbreakbench_random_search_gpt4.jsonl"))]


def pallms_pi():
    return [ln.replace("{NEW_INSTRUCTION}", FILL)
            for ln in read(os.path.join(PI, "pallms_promptinjection.txt")).split("\n") if ln.strip()]


def pallms_jb():
    """Entries are separated by two empty lines and written with JSON string
    escapes (\\" \\uXXXX \\n): decoded as JSON strings, as a reader of the
    list would."""
    out = []
    for e in read(os.path.join(PI, "pallms_jailbreak_head.txt")).split("\n\n\n"):
        if not e.strip():
            continue
        out.append(json.loads('"%s"' % e).replace("{NEW_INSTRUCTION}", FILL))
    return out


def langkit():
    return json.loads(read(os.path.join(PI, "langkit_themes.json")))["jailbreaks"]


def easyjailbreak():
    d = json.loads(read(os.path.join(PI, "easyjailbreak_seed_template_excerpt.json")))
    out = list(d["DeepInception"])
    for item in d["Jailbroken"]:
        for k, v in item.items():
            if k in EASYJAILBREAK_JAILBROKEN_KEPT:
                out.append(v)
    out += [d["ReNeLLM"][i] for i in EASYJAILBREAK_RENELLM_KEPT]
    return [s.replace("{query}", FILL) for s in out]


def greshake():
    tree = ast.parse(read(os.path.join(PI, "greshake_prompts.py")))
    return [n.value.value for n in tree.body if isinstance(n, ast.Assign)]


def alpaca_eval():
    return [o["instruction"] for o in jsonl(os.path.join(BP, "alpaca_eval_instructions.jsonl"))
            if not o["instruction"].startswith(ALPACA_NOT_BENIGN)]


def main():
    shared = cc.shared_arg(__doc__)
    dirs = [shared] + sorted(glob.glob(os.path.join(REPO, "bench", "detect", "heldout*", "cases")))
    others = cc.held_elsewhere(dirs)

    outs = [
        ("prompt-injection", "tensortrust_extraction", tensortrust()),
        ("prompt-injection", "jailbreakbench_pair", pair()),
        ("prompt-injection", "jailbreakbench_random_search", random_search()),
        ("prompt-injection", "pallms_promptinjection", pallms_pi()),
        ("prompt-injection", "pallms_jailbreak", pallms_jb()),
        ("prompt-injection", "langkit_jailbreaks", langkit()),
        ("prompt-injection", "easyjailbreak_templates", easyjailbreak()),
        ("prompt-injection", "greshake_indirect", greshake()),
        ("benign-prompts", "alpaca_eval_instructions", alpaca_eval()),
    ]
    cc.write_cases(CASES, outs, others)

if __name__ == "__main__":
    main()
