#!/usr/bin/env python3
"""raw/ -> cases/ for the eighth held-out corpus (offline, standard library).

Writes, in the format of shared/corpus (its README.md), one {"input": ...}
object a line, UTF-8, LF:
  cases/prompt-injection/arcanum_pi_taxonomy.jsonl   the attack examples of the Arcanum
                                                     Prompt Injection Taxonomy (techniques,
                                                     evasions, injection intents)
  cases/prompt-injection/rebuff_examples.jsonl       rebuff's example injections (user-input
                                                     examples scored >= 0.9, vector-store seeds)
  cases/benign-prompts/oasst_prompts.jsonl           Open-Assistant's two English prompt
                                                     samples for manual model evaluation
  cases/benign-prompts/rebuff_examples.jsonl         rebuff's user-input examples scored 0.0
A case is left out when it, with white space trimmed, or the first 120
characters of its words (lower case, every run of non-word characters read as
one space) is a case of the development sets (shared/corpus,
bench/detect/devprompt) or of another held-out set (any category), and when
its words repeat an earlier case of this set. Run it before
devprompt/convert_if.py (which leaves out this set's cases).
"""
import csv
import glob
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

# Taxonomy entries whose examples are not prompt injections by their own
# text (README.md, "What is left out"): descriptions of tooling, planted
# documents or tools, and local weight edits rather than a prompt
# (gradient_based_attacks, fuzzing_jailbreak, autonomous_strategy_discovery,
# best_of_n, weight_ablation, retrieval_ranking_manipulation,
# tool_preference_manipulation, tool_rug_pull, agent_instruction_file_injection,
# confused_deputy, evasion:stego, evasion:waveforms,
# evasion:ansi_escape_concealment); multi-turn schematics whose single turns,
# by the taxonomy's own description, look harmless (crescendo, many_shot,
# echo_chamber, multi_turn_decomposition); and framings of a harmful request
# that carry no instruction, rule or secret of the model (tense_reformulation,
# distraction_sandwich, evaluator_role_abuse, fake_citation_grounding,
# masked_word_reconstruction, self_persuasion, persuasion, reasoning_dilution,
# thinking_mode_manipulation, evasion:adversarial_poetry,
# evasion:symbolic_math_encoding, evasion:query_language_encoding).
ARCANUM_LEFT_OUT = {
    "gradient_based_attacks", "fuzzing_jailbreak", "autonomous_strategy_discovery", "best_of_n",
    "weight_ablation", "retrieval_ranking_manipulation", "tool_preference_manipulation",
    "tool_rug_pull", "agent_instruction_file_injection", "confused_deputy",
    "evasion:stego", "evasion:waveforms", "evasion:ansi_escape_concealment",
    "crescendo", "many_shot", "echo_chamber", "multi_turn_decomposition",
    "tense_reformulation", "distraction_sandwich", "evaluator_role_abuse",
    "fake_citation_grounding", "masked_word_reconstruction", "self_persuasion", "persuasion",
    "reasoning_dilution", "thinking_mode_manipulation", "evasion:adversarial_poetry",
    "evasion:symbolic_math_encoding", "evasion:query_language_encoding",
}

# Single examples of kept entries that describe a payload instead of being one.
ARCANUM_DESCRIPTIONS = {
    "A benign-looking tool whose schema 'notes' field carries hidden directives",
    "Payload delivered when the client lists available tools, before invocation",
    "A single poisoned email/image that spreads to every agent that reads it",
    "Dormant note in a document that only acts when a trigger phrase appears",
    "Inject <tool_call> markers to fake a tool result",
    "Split a flagged phrase across special-token boundaries",
    "First word ROT13, second word Base64, third word reversed",
}


def arcanum():
    d = json.loads(cc.read(os.path.join(PI, "arcanum_pi_taxonomy_examples.json")))
    return [s for k, v in d.items() if k not in ARCANUM_LEFT_OUT
            for s in v if s not in ARCANUM_DESCRIPTIONS]


def rebuff(benign):
    """rebuff's user-input examples carry the likelihood score rebuff expects;
    >= 0.9 are injections, 0.0 ordinary requests; the one in between (a lone
    "Ignore", 0.2) is neither. documents.txt: one quoted string a line, the
    injections rebuff seeds its vector store with."""
    with open(os.path.join(PI, "rebuff_user_input_examples.txt"), encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    if benign:
        return [r["user_string"] for r in rows if float(r["likelihood_score"]) == 0.0]
    out = [r["user_string"] for r in rows if float(r["likelihood_score"]) >= 0.9]
    for ln in cc.read(os.path.join(PI, "rebuff_documents.txt")).split("\n"):
        out += next(csv.reader([ln.strip()]))
    return out


def oasst():
    out = []
    for fn in ("oasst_prompt_lottery_en_250_text.jsonl", "oasst_en_100_text.jsonl"):
        out += cc.jsonl(os.path.join(BP, fn))
    return out


def main():
    shared = cc.shared_arg(__doc__)
    detect = os.path.dirname(HERE)
    dirs = [shared, os.path.join(detect, "devprompt", "cases")]
    dirs += [d for d in sorted(glob.glob(os.path.join(detect, "heldout*", "cases")))
             if os.path.abspath(d) != os.path.abspath(CASES)]
    cc.write_cases(CASES, [
        ("prompt-injection", "arcanum_pi_taxonomy", arcanum()),
        ("prompt-injection", "rebuff_examples", rebuff(False)),
        ("benign-prompts", "oasst_prompts", oasst()),
        ("benign-prompts", "rebuff_examples", rebuff(True)),
    ], cc.held_elsewhere(dirs))


if __name__ == "__main__":
    main()
