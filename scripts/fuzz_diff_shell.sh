#!/bin/sh
# The command_injection check of this tree (sh -c lines and argv) beside
# BASE's under libFuzzer with ASan + UBSan (tests/fuzz/diff_shell.c): a
# change that must not move detection is run against the commit before it.
#
#   sh scripts/fuzz_diff_shell.sh [BASE] [SECONDS]     (default main, 120)
#
# BASE's ma_shell.c and ma_shell_names.c are compiled from `git archive`, linked
# into one object whose globals are renamed old_* (ld -r, objcopy), beside
# this tree's libmoatagent; the rest of the library (requests, events) is
# this tree's, so BASE must share ma_int.h's layout of a request (the
# script refuses it when ma_int.h differs). Seeds: fuzz_shell's. Exit status
# 0 when no difference was found; libFuzzer's crash file names the input.
set -eu
cd "$(dirname "$0")/.."
base=${1:-main}
secs=${2:-120}
out=build/fuzz-diff-shell
sh scripts/deps.sh fuzz
rm -rf "$out"
mkdir -p "$out/base" "$out/corpus"
git archive "$base" agentproto/lib | tar -x -C "$out/base"
if ! cmp -s "$out/base/agentproto/lib/ma_int.h" agentproto/lib/ma_int.h; then
	echo "fuzz_diff_shell: ma_int.h differs between $base and this tree: not comparable" >&2
	exit 2
fi
make --no-print-directory BUILD=build/fuzz CC=clang OPT="-O1 -g" \
	SAN="-fsanitize=fuzzer-no-link,address,undefined" build/fuzz/libmoatagent.a
# shellcheck disable=SC2046 # pkg-config prints word lists
cf="-std=c11 -D_GNU_SOURCE -O1 -g -fsanitize=fuzzer-no-link,address,undefined $(pkg-config --cflags libwebsockets jansson)"
for f in ma_shell ma_shell_names; do
	# shellcheck disable=SC2086
	clang $cf -I"$out/base/agentproto/lib" -c "$out/base/agentproto/lib/$f.c" -o "$out/old_$f.o"
done
ld -r "$out/old_ma_shell.o" "$out/old_ma_shell_names.o" -o "$out/old.o"
nm -g --defined-only "$out/old.o" | awk '{ print $3, "old_" $3 }' >"$out/syms"
objcopy --redefine-syms="$out/syms" "$out/old.o"
# shellcheck disable=SC2086
clang $cf -fsanitize=fuzzer -Wall -Wextra -Werror -Iagentproto/lib tests/fuzz/diff_shell.c \
	"$out/old.o" build/fuzz/libmoatagent.a -o "$out/diff_shell" \
	$(pkg-config --libs libwebsockets jansson) -lmbedcrypto -lpthread -lm
echo "== diff_shell: this tree ($(git rev-parse --short HEAD)) beside $base for $secs s"
rc=0
"$out/diff_shell" -max_total_time="$secs" -max_len=8192 -timeout=10 -print_final_stats=1 \
	"$out/corpus" tests/fuzz/seeds/fuzz_shell >"$out/log" 2>&1 || rc=$?
grep -E "^(stat::number_of_executed_units|#.*DONE|SUMMARY|ERROR)|differs" "$out/log" || true
[ "$rc" = 0 ] || echo "fuzz_diff_shell: a difference or a crash (log: $out/log)" >&2
exit "$rc"
