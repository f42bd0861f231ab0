#!/bin/sh
# The event read path's SQLite cost in instructions per round
# (bench/instr/event_query.c says what a round is), counted by callgrind
# at two round counts so that start-up, migrations and shutdown cancel out:
#
#   sh bench/instr/event_query.sh BASELINE_LIBMOAT_A [LIBMOAT_A]
#
# LIBMOAT_A defaults to build/libmoat.a; a baseline comes from another
# checkout's `make build/libmoat.a` (the store.h calls used must exist in
# both). The events are put in once, outside callgrind, and each run
# works on a copy. EQ_SMALL and EQ_LARGE set the round counts (5, 25).
# Numbers only; about 15 minutes on a loaded 2-vCPU machine.
set -eu
cd "$(dirname "$0")/../.."
BASE=${1:?usage: bench/instr/event_query.sh BASELINE_LIBMOAT_A [LIBMOAT_A]}
NEW=${2:-build/libmoat.a}
SMALL=${EQ_SMALL:-5}
LARGE=${EQ_LARGE:-25}
command -v valgrind >/dev/null || { echo "bench: valgrind not found" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
libs="$(pkg-config --libs libmicrohttpd libwebsockets sqlite3 jansson libcurl libargon2 libpq) -lmbedcrypto -lpthread -lm"
echo "instr: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1), $(valgrind --version)"
measure() { # BIN N: the callgrind total, on a fresh copy of the database
	rm -f "$tmp/run.db" "$tmp/run.db-wal" "$tmp/run.db-shm"
	cp "$tmp/fixture.db" "$tmp/run.db"
	valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.out" "$1" "$2" "$tmp/run.db" >/dev/null 2>&1
	awk '/^summary:/ {s += $2} END {printf "%.0f\n", s}' "$tmp/cg.out"
}
i=0
for lib in "$BASE" "$NEW"; do
	i=$((i + 1))
	# shellcheck disable=SC2086
	cc -std=c11 -D_GNU_SOURCE -O2 -Iserver -I"$(dirname "$lib")" bench/instr/event_query.c "$lib" \
		-o "$tmp/eq$i" $libs
done
# the events, once, outside callgrind (the same file for every run)
"$tmp/eq1" 0 "$tmp/fixture.db" >/dev/null 2>&1
sqlite3 "$tmp/fixture.db" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null 2>&1 || true
i=0
for lib in "$BASE" "$NEW"; do
	i=$((i + 1))
	a=$(measure "$tmp/eq$i" "$SMALL")
	b=$(measure "$tmp/eq$i" "$LARGE")
	per=$(( (b - a) / (LARGE - SMALL) ))
	echo "instr $([ $i = 1 ] && echo base || echo new) event_query instructions_per_round=$per ($lib: $SMALL -> $LARGE: $a -> $b)"
	eval "per$i=$per"
done
awk -v a="$per1" -v b="$per2" 'BEGIN {printf "instr event_query new/base %.4f\n", b / a}'
