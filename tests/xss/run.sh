#!/bin/sh
# tests/xss/run.sh — the xss check judged by headless Chromium (see
# chromium.mjs). Not part of `make test`: ~1,000 page loads, 10-20 minutes
# on 2 shared CPUs. Needs /usr/bin/chromium and `cd tests/browser && npm ci`.
#   sh tests/xss/run.sh [--all] [--only text,href] [--file F.jsonl] [--out F]
# Prints BYPASS lines (ran script, allowed) and one XSSCHROME summary line;
# exit 1 if there is a bypass.
set -e
cd "$(dirname "$0")/../.."
make -s -j2 build/libmoatagent.a
cc -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror -O2 -Iagentproto/lib tests/xss/xssjudge.c \
	build/libmoatagent.a $(pkg-config --libs libwebsockets jansson) -lmbedcrypto -lpthread -lm \
	-o build/xssjudge
[ -d tests/browser/node_modules/playwright-core ] || (cd tests/browser && npm ci)
exec node tests/xss/chromium.mjs "$@"
