#!/bin/sh
# The prompt scorer's cost beside another commit's, in the same run
# (bench/detect/promptcost.c): BASE's ma_prompt*.c compiled from `git
# archive` with every global renamed old_*, linked beside this tree's
# libmoatagent; each input scored by both (best of SCOREPASS, default 5),
# p50 / p99 / max per file, and every input whose score or rule differs
# (its first 80 bytes; a held-out set's text is never shown).
# Then callgrind's instructions of each scorer (ma_prompt_score and
# old_ma_prompt_score collected, one pass) per file, and per input over
# the development attacks and, apart, the development benign prompts
# (p50 / p99 / max / mean); with PROMPTCOST_TOP=N, the N costliest of
# each set by FILE:LINE.
#
#   sh bench/detect/promptcost.sh [BASE] [FILE...]
#
# BASE defaults to main; the files to the prompt-injection and
# benign-prompts files of ../shared/corpus/cases (beside the main
# checkout) and bench/detect/heldout/
# cases. Exit status 1 when the two scorers disagreed on some input.
set -eu
cd "$(dirname "$0")/../.."
base=${1:-main}
[ $# -gt 0 ] && shift
if [ $# -eq 0 ]; then
	# the shared corpus beside the main checkout (a worktree's too)
	shared=$(cd "$(git rev-parse --git-common-dir)/../.." && pwd)/shared/corpus/cases
	for d in "$shared" bench/detect/heldout/cases; do
		for c in prompt-injection benign-prompts; do
			for f in "$d/$c"/*.jsonl; do
				[ -f "$f" ] && set -- "$@" "$f"
			done
		done
	done
fi
out=build/promptcost
make --no-print-directory -j2 build/libmoatagent.a >/dev/null
rm -rf "$out"
mkdir -p "$out/base"
git archive "$base" agentproto/lib | tar -x -C "$out/base"
cf="-std=c11 -D_GNU_SOURCE -O2 -g $(pkg-config --cflags libwebsockets jansson)"
objs=
# every ma_prompt*.c BASE has (until session 22 a fixed list of four: BASE
# ran this tree's ma_prompt_tool.c)
for c in "$out"/base/agentproto/lib/ma_prompt*.c; do
	f=${c##*/}
	f=${f%.c}
	# shellcheck disable=SC2086 # cf is a word list
	cc $cf -I"$out/base/agentproto/lib" -c "$c" -o "$out/old_$f.o"
	objs="$objs $out/old_$f.o"
done
# shellcheck disable=SC2086 # objs is a word list
ld -r $objs -o "$out/old.o"
nm -g --defined-only "$out/old.o" | awk '{ print $3, "old_" $3 }' >"$out/syms"
objcopy --redefine-syms="$out/syms" "$out/old.o"
# shellcheck disable=SC2046,SC2086 # word lists
cc $cf -Wall -Wextra -Werror -DPROMPTCOST_OLD -Iagentproto/lib bench/detect/promptcost.c \
	"$out/old.o" build/libmoatagent.a -o "$out/bench-promptcost" \
	$(pkg-config --libs libwebsockets jansson) -lmbedcrypto -lpthread -lm
echo "machine: $(nproc) CPUs, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "new: this tree ($(git rev-parse --short HEAD), $(git status --porcelain agentproto/lib | grep -q . && echo modified || echo clean)); old: $base ($(git rev-parse --short "$base"))"
rc=0
"$out/bench-promptcost" --pass "${SCOREPASS:-5}" "$@" || rc=$?
if command -v valgrind >/dev/null; then
	echo "instructions (callgrind, one pass): file, inputs, new total, old total, new/old per input"
	for f in "$@"; do
		for w in new old; do
			fn=ma_prompt_score
			[ "$w" = old ] && fn=old_ma_prompt_score
			valgrind --tool=callgrind --toggle-collect=$fn --callgrind-out-file="$out/cg.$w" \
				"$out/bench-promptcost" --only $w "$f" >/dev/null 2>&1
			sed -n 's/^summary: *\([0-9]*\).*/\1/p' "$out/cg.$w" >"$out/ir.$w"
		done
		n=$(wc -l <"$f")
		awk -v f="$f" -v n="$n" -v a="$(cat "$out/ir.new")" -v b="$(cat "$out/ir.old")" \
			'BEGIN { printf "%-44s %6d %13d %13d %9d %9d\n", f, n, a, b, a / n, b / n }'
	done
	# per input (--dump-after: one count per call, the lexicon's warm-up
	# call left out), over the development prompt-injection files among
	# the inputs (all the inputs if none): p50 / p99 / max / mean, and how
	# many over 200k (the cost goal's figure: the dev attacks' p99)
	pi=
	bp=
	for f in "$@"; do
		case $f in
		*/heldout*) ;;
		*/prompt-injection/*) pi="$pi $f" ;;
		*/benign-prompts/*) bp="$bp $f" ;;
		esac
	done
	[ -n "$pi" ] || pi="$*"
	for set in attack benign; do
		if [ $set = benign ]; then
			[ -n "$bp" ] || break
			pi=$bp
		fi
		echo "instructions per input (callgrind --dump-after), the $set files: p50 p99 max mean over200k"
		for w in new old; do
			fn=ma_prompt_score
			[ "$w" = old ] && fn=old_ma_prompt_score
			rm -rf "$out/pi.$w"
			mkdir -p "$out/pi.$w"
			# shellcheck disable=SC2086 # pi is a word list
			valgrind --tool=callgrind --toggle-collect=$fn --dump-after=$fn --dump-instr=no \
				--callgrind-out-file="$out/pi.$w/cg" "$out/bench-promptcost" --only $w $pi >/dev/null 2>&1
			for c in "$out/pi.$w"/cg.*; do
				sed -n 's/^totals: *\([0-9]*\).*/\1/p' "$c" | sed "s|^|${c##*.} |"
			done | sort -n | awk 'NR > 1 { print $2 }' >"$out/pi.$w/counts"
			sort -n "$out/pi.$w/counts" |
				awk -v w="$w" '{ a[NR] = $1; s += $1; o += $1 > 200000 }
				END { if (!NR) exit; printf "%-4s %6d inputs  p50 %8d  p99 %8d  max %8d  mean %8d  over200k %d\n",
				      w, NR, a[int(0.5 * (NR - 1)) + 1], a[int(0.99 * (NR - 1)) + 1], a[NR], s / NR, o }'
		done
		# PROMPTCOST_TOP=N (session 30): the N costliest inputs of the
		# set by the new scorer, each with its count, rank, bytes and
		# FILE:LINE (the dumps are in the inputs' order: every line of
		# the files but the empty ones, as promptcost.c reads them; no
		# text is shown, and nothing when a held-out file is among them)
		# (not with a held-out file, nor with an option among the
		# arguments -- the fallback above takes them all: --text reads
		# paragraphs, not lines, and the dumps would pair with the wrong
		# ones; review22)
		case " $pi " in
		*heldout* | *" -"*) top=0 ;;
		*) top=${PROMPTCOST_TOP:-0} ;;
		esac
		if [ "$top" -gt 0 ]; then
			# shellcheck disable=SC2086 # pi is a word list
			for f in $pi; do
				awk -v f="$f" 'length($0) > 0 { print length($0), f ":" NR }' "$f"
			done | paste -d' ' "$out/pi.new/counts" - | sort -k1,1nr | head -n "$top" |
				awk '{ printf "  top %3d  %8d instructions  %6d bytes (JSON line)  %s\n", NR, $1, $2, $3 }'
		fi
	done
fi
exit "$rc"
