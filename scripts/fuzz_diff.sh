#!/bin/sh
# One check of this tree beside BASE's under libFuzzer with ASan + UBSan:
# a change that must not move detection is run against the commit before
# it.
#
#   sh scripts/fuzz_diff.sh sql|shell|prompt|path|url [BASE] [SECONDS]
#
# BASE defaults to where this branch left main (git merge-base HEAD
# main), not main itself: a branch whose ma_int.h is main's old one can
# then be compared without a rebase. SECONDS defaults to 120.
#
#   sql    sql_injection (tests/fuzz/diff_sql.c): BASE's ma_sql.c,
#          ma_sql_lex.c, ma_sql_lit.c (since session 20; listed since
#          session 22) and ma_sql_col.c (since session 22) (and
#          ma_request.c, as every check below); seeds: fuzz_sql's
#   shell  command_injection, sh -c lines and argv (tests/fuzz/diff_shell.c):
#          BASE's ma_shell.c, ma_shell_names.c, ma_shell_argv.c,
#          ma_shell_opts.c, ma_shell_script.c, ma_shell_sqlcli.c and
#          ma_shell_mount.c, ma_shell_wrap.c (argv and script since session 15, sqlcli
#          since session 16, mount and opts since session 17; a BASE
#          before that has them in ma_shell.c or ma_shell_argv.c or lacks
#          them); seeds: fuzz_shell's (argv-*: one argv per program
#          family, tests/fuzz/gen_shell_seeds.py)
#   prompt llm_prompt_injection, the score and the check
#          (tests/fuzz/diff_prompt.c): every ma_prompt*.c file BASE has
#          (ma_prompt.c, _lex, _norm, _feat, _tool ...; until session 22
#          a fixed list of four, so BASE ran this tree's ma_prompt_tool.c
#          and a change there was never seen); seeds: fuzz_prompt's
#   path   path_traversal, the check with and without a base, the analysis
#          of any slice, the decoder and the normaliser
#          (tests/fuzz/diff_path.c): BASE's ma_path.c; seeds: fuzz_path's
#   url    ssrf, the WHATWG parse and domain to ASCII beside it
#          (tests/fuzz/diff_url.c): BASE's ma_url.c, ma_idna.c (with the
#          table BASE's scripts/gen_idna_tab.py makes) and ma_ssrf.c;
#          seeds: fuzz_url's
#
# By default the run stops at the first difference (the proof a change
# is cost-only: exit 0 when none was found). FUZZ_DIFF_KEEP=N (session
# 24) keeps going instead, for a change meant to move verdicts (a new
# rule): libFuzzer's fork mode with -ignore_crashes=1, every differing
# input saved under build/fuzz-diff-KIND/diffs/; at the end the script
# prints how many distinct inputs differed, and N of them (each run again
# alone: the check's own "differs" line, then the input with its control
# bytes, bytes outside printable ASCII as '.'): a sample to read, each
# of which must be the new rule's family. An input that crashes (a
# sanitizer's report, not a difference) is counted apart, and any crash
# makes the exit status 1; otherwise 0 with or without differences.
#
#   FUZZ_DIFF_KEEP=20 sh scripts/fuzz_diff.sh sql main 120
#
# FUZZ_DIFF_SEEDS=DIR adds DIR's files to the seeds (either mode): inputs
# of the new rule's family, which the standard seeds seldom reach in 120 s
# (each file: the target's control bytes, then the text).
#
# Every check also takes BASE's ma_request.c, ma_request_json.c (the
# lenient JSON reading, since session 15) and ma_request_nfkc.c (the NFKC
# and not-UTF-8 forms, since session 17) (the request context, the
# inputs' decoded forms -- ma_url_decode, ma_html_decode --, the
# occurrence scan ma_request_scan and the event of a check that fired):
# the old side's request is begun, filled and read by BASE's own
# request functions (tests/fuzz/diff_common.h), so a change there is
# compared as well. (Before, BASE's checks ran on this tree's
# ma_request.c and such a change was never seen.)
#
# BASE's files are compiled from `git archive` and linked into one
# object whose globals are renamed old_* (ld -r, objcopy), beside this
# tree's libmoatagent; the rest of the library (policy, events' JSON) is
# this tree's, so BASE must share ma_int.h's interfaces (the script
# refuses it when ma_int.h differs). Both checks must give the same
# verdict, findings and event on every input. Exit status 0 when no
# difference was found; libFuzzer's crash file names the input.
set -eu
cd "$(dirname "$0")/.."
check=${1:?usage: sh scripts/fuzz_diff.sh sql|shell|prompt|path|url [BASE] [SECONDS]}
base=${2:-$(git merge-base HEAD main 2>/dev/null || echo main)}
secs=${3:-120}
case "$check" in
sql) files="ma_sql ma_sql_lex ma_sql_lit ma_sql_col" ;;
shell) files="ma_shell ma_shell_names ma_shell_argv ma_shell_opts ma_shell_script ma_shell_sqlcli ma_shell_mount ma_shell_wrap" ;;
prompt) files="" ;; # BASE's ma_prompt*.c, listed once BASE is unpacked
path) files="ma_path" ;;
url) files="ma_url ma_idna ma_ssrf" ;;
*)
	echo "fuzz_diff: no differential target for '$check' (sql, shell, prompt, path, url)" >&2
	exit 2
	;;
esac
files="$files ma_request ma_request_json ma_request_nfkc"
out=build/fuzz-diff-$check
sh scripts/deps.sh fuzz
rm -rf "$out"
mkdir -p "$out/base" "$out/corpus"
git archive "$base" agentproto/lib | tar -x -C "$out/base"
if [ "$check" = url ]; then
	# ma_idna.c's tables are generated, never committed: BASE's generator
	git archive "$base" scripts/gen_idna_tab.py | tar -x -C "$out/base"
	python3 "$out/base/scripts/gen_idna_tab.py" "$out/base/agentproto/lib/ma_idna_tab.h"
fi
if [ "$check" = prompt ]; then
	for f in "$out"/base/agentproto/lib/ma_prompt*.c; do
		f=${f##*/}
		files="$files ${f%.c}"
	done
fi
if ! cmp -s "$out/base/agentproto/lib/ma_int.h" agentproto/lib/ma_int.h; then
	echo "fuzz_diff: ma_int.h differs between $base and this tree: not comparable" >&2
	echo "fuzz_diff: (a change to ma_int.h itself: commit it alone first and pass that commit as BASE)" >&2
	exit 2
fi
make --no-print-directory BUILD=build/fuzz CC=clang OPT="-O1 -g" \
	SAN="-fsanitize=fuzzer-no-link,address,undefined" build/fuzz/libmoatagent.a
cf="-std=c11 -D_GNU_SOURCE -O1 -g -fsanitize=fuzzer-no-link,address,undefined $(pkg-config --cflags libwebsockets jansson)"
objs=
for f in $files; do
	# a file BASE does not have yet: its code is in another of BASE's files
	[ -f "$out/base/agentproto/lib/$f.c" ] || continue
	# shellcheck disable=SC2086 # cf is a word list
	clang $cf -I"$out/base/agentproto/lib" -c "$out/base/agentproto/lib/$f.c" -o "$out/old_$f.o"
	objs="$objs $out/old_$f.o"
done
# shellcheck disable=SC2086 # objs is a word list
ld -r $objs -o "$out/old.o"
nm -g --defined-only "$out/old.o" | awk '{ print $3, "old_" $3 }' >"$out/syms"
objcopy --redefine-syms="$out/syms" "$out/old.o"
# shellcheck disable=SC2046,SC2086 # word lists
clang $cf -fsanitize=fuzzer -Wall -Wextra -Werror -Iagentproto/lib "tests/fuzz/diff_$check.c" \
	"$out/old.o" build/fuzz/libmoatagent.a -o "$out/diff_$check" \
	$(pkg-config --libs libwebsockets jansson) -lmbedcrypto -lpthread -lm
echo "== diff_$check: this tree ($(git rev-parse --short HEAD)) beside $base for $secs s"
rc=0
keep=${FUZZ_DIFF_KEEP:-}
if [ -z "$keep" ]; then
	"$out/diff_$check" -max_total_time="$secs" -max_len=8192 -timeout=10 -print_final_stats=1 \
		"$out/corpus" "tests/fuzz/seeds/fuzz_$check" ${FUZZ_DIFF_SEEDS:+"$FUZZ_DIFF_SEEDS"} >"$out/log" 2>&1 || rc=$?
	grep -E "^(stat::number_of_executed_units|#.*DONE|SUMMARY|ERROR)|differs" "$out/log" || true
	[ "$rc" = 0 ] || echo "fuzz_diff: a difference or a crash (log: $out/log)" >&2
	exit "$rc"
fi
# FUZZ_DIFF_KEEP=N: keep going, count, print a sample of N
mkdir -p "$out/diffs"
"$out/diff_$check" -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
	-artifact_prefix="$out/diffs/" -max_total_time="$secs" -max_len=8192 -timeout=10 \
	-print_final_stats=1 "$out/corpus" "tests/fuzz/seeds/fuzz_$check" ${FUZZ_DIFF_SEEDS:+"$FUZZ_DIFF_SEEDS"} >"$out/log" 2>&1 || true
ndiff=0
ncrash=0
shown=0
for f in "$out"/diffs/*; do
	[ -f "$f" ] || continue
	"$out/diff_$check" "$f" >"$out/one" 2>&1 || true
	if grep -q "differs" "$out/one"; then
		ndiff=$((ndiff + 1))
		if [ "$shown" -lt "$keep" ]; then
			shown=$((shown + 1))
			echo "-- difference $shown ($(basename "$f")):"
			grep -m1 "differs" "$out/one" | cut -c1-600
			LC_ALL=C tr -c '[:print:]' '.' <"$f" | cut -c1-900
			echo
		fi
	else
		ncrash=$((ncrash + 1))
		echo "-- crash, not a difference ($f):"
		grep -m3 -E "ERROR|runtime error|SUMMARY" "$out/one" || true
	fi
done
runs=$(grep -oE '^#[0-9]+' "$out/log" | tail -1 | tr -d '#')
echo "fuzz_diff: $ndiff inputs differ, $ncrash crash, about ${runs:-?} runs; $shown shown (log: $out/log)"
[ "$ncrash" = 0 ] || exit 1
exit 0
