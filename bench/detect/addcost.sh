#!/bin/sh
# What adding inputs costs, per kind of 1 KB value: bench/detect/addcost.c
# (2,000 requests, each adding the value and two short ones) under
# callgrind, instructions per request (the total / 2,000). Exact under
# load, unlike time.
#
#   sh bench/detect/addcost.sh [BIN]
#
# BIN defaults to build/addcost, built here from build/libmoatagent.a.
# Session 17 (bench/RESULTS.md, "Session 17: decodings").
set -eu
cd "$(dirname "$0")/../.."
B=${1:-build/addcost}
if [ $# -eq 0 ]; then
	make --no-print-directory -j2 build/libmoatagent.a >/dev/null
	# shellcheck disable=SC2046 # a word list
	cc -O2 -Iagentproto/lib bench/detect/addcost.c build/libmoatagent.a -o "$B" \
		$(pkg-config --libs libwebsockets jansson) -lmbedcrypto -lpthread -lm
fi
out=$(mktemp)
trap 'rm -f "$out"' EXIT
run() {
	name=$1
	shift
	valgrind --tool=callgrind --toggle-collect=main --callgrind-out-file="$out" "$B" "$@" \
		>/dev/null 2>&1
	t=$(sed -n 's/^totals: *//p' "$out" | head -1)
	printf '%-28s %s\n' "$name" $((t / 2000))
}
run "x'%27\"%22" "x'%27\"%22"
run "a+b%20c+" "a+b%20c+"
run "ASCII prose" "The quick brown fox jumps over the lazy dog. "
run "Fish &amp; chips" "Fish &amp; chips "
run "%26%2339%3B or" "%26%2339%3B or "
run "Japanese prose" "東京都新宿区西新宿二丁目八番一号、日本語の文章です。"
run "Cyrillic prose" "Съешь же ещё этих мягких французских булок, да выпей чаю. "
run "fullwidth attack" "ｘ＇　ｏｒ　１＝１－－　"
run "Latin-1 bytes" "$(printf 'caf\351 cr\350me ')"
run "%26%2365287%3B or" "%26%2365287%3B or "
run "%25EF%25BC%2587 or" "%25EF%25BC%2587 or "
