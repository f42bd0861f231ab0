#!/bin/sh
# The checks' worst cases beside the corpus: instructions (callgrind,
# noise-free) and time per check of inputs up to 1 KB built to make the
# check work hardest, in SQL statements and shell lines up to 4 KB, paths
# and URLs (bench/detect/sqlworst.c), then the sqli p50/p99 of a corpus
# folder.
#
#   sh bench/detect/sqlworst.sh [DIR]
#
# DIR defaults to ../shared/corpus/cases (skipped when absent). Prints one
# line per case with its time (p50, p99, max over SQLWORST_ITER checks,
# default 2000: on a shared machine the p99 and max carry the load) and
# its instructions per check (callgrind on 20 checks, the check's
# function -- moat_check_sql_at, moat_check_shell_at ... -- and what it
# calls only), then the corpus line. About a minute. Numbers only: the
# exit status says whether it could run. SQLWORST_BIN runs another build
# of the benchmark (a baseline) with the same cases.
set -eu
DIR=${1:-../shared/corpus/cases}
case "$DIR" in /*) ;; *) DIR="$(pwd)/$DIR" ;; esac
cd "$(dirname "$0")/../.."
make --no-print-directory -j2 build/bench-sqlworst build/bench-detect >/dev/null
BIN=${SQLWORST_BIN:-build/bench-sqlworst}
echo "machine: $(nproc) CPUs, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
"$BIN" --iter "${SQLWORST_ITER:-2000}"
if command -v valgrind >/dev/null; then
	tmp=$(mktemp -d)
	trap 'rm -rf "$tmp"' EXIT
	"$BIN" --iter 1 | sed -n 's/^\([a-z]*\) worst case \([^ ]*\).*/\1 \2/p' |
		while read -r k c; do
			valgrind --tool=callgrind --toggle-collect="$("$BIN" --func "$c")" \
				--callgrind-out-file="$tmp/cg.$c" "$BIN" --case "$c" --iter 20 \
				>/dev/null 2>&1
			ir=$(sed -n 's/^summary: *\([0-9]*\).*/\1/p' "$tmp/cg.$c")
			echo "$k worst case $c instructions per check: $((ir / 20))"
		done
else
	echo "worst case instructions: valgrind not found (apt-get install valgrind)"
fi
if [ -d "$DIR/sqli" ]; then
	build/bench-detect --dialect mysql "$DIR" |
		awk -v d="$DIR" '/^== /{cat=$2} cat=="sqli" && $1=="ALL"{$1=""; print "sqli corpus " d ":" $0}'
fi
