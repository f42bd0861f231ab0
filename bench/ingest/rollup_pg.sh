#!/bin/sh
# The writer's event path on PostgreSQL (bench/ingest/rollup_pg.c) for
# this tree beside a baseline commit, in one run on one throwaway server
# (scripts/pgtest.sh: fsync off, so the figures are the statements' own
# cost and their round trips, not the disk's).
#
#   sh bench/ingest/rollup_pg.sh [BASE]     BASE: a commit (default HEAD~1)
#
# Builds libmoat.a of BASE from `git archive` in a temporary directory
# (make -j2) and of this tree (make), links rollup_pg against each, then
# runs them alternately ROLLUP_ROUNDS times (default 2), each on a fresh
# database: ROLLUP_BATCHES batches (100) of ROLLUP_EVENTS events (500).
# Numbers only; the exit status says only whether it could run.
set -eu

cd "$(dirname "$0")/../.."
base=${1:-HEAD~1}

if [ "${ROLLUP_INNER:-}" != 1 ]; then
	tmp=$(mktemp -d /tmp/rollup-pg.XXXXXX)
	trap 'rm -rf "$tmp"' EXIT
	echo "baseline $(git rev-parse --short "$base"), this tree $(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo ' + changes')"
	git archive "$base" | tar -x -C "$tmp"
	make -C "$tmp" -j2 build/libmoat.a >/dev/null
	make -j2 build/libmoat.a >/dev/null
	libs="-lmicrohttpd -lwebsockets -lcap -lsqlite3 -ljansson -lcurl -largon2 -lrt -ldl -lpq -lmbedcrypto -lpthread -lm"
	for v in base new; do
		if [ $v = base ]; then root=$tmp; else root=.; fi
		# shellcheck disable=SC2086 # libs is a word list
		cc -std=c11 -O2 -Wall -Wextra -Werror -I"$root/server" -I"$root/build" \
			-I/usr/include/postgresql -o "$tmp/rollup_pg-$v" bench/ingest/rollup_pg.c \
			bench/ingest/gen.c "$root/build/libmoat.a" $libs
	done
	echo "machine: $(nproc) CPUs, $(lscpu | sed -n 's/^Model name: *//p'), load $(cut -d' ' -f1-3 /proc/loadavg)"
	ROLLUP_INNER=1 ROLLUP_BIN="$tmp" sh scripts/pgtest.sh sh "$0" "$base"
	exit
fi

for i in $(seq "${ROLLUP_ROUNDS:-2}"); do
	for v in base new; do
		db=rollup_${v}_$i
		psql -q "$MOAT_TEST_PG" -c "CREATE DATABASE $db"
		printf '%-4s ' "$v"
		"$ROLLUP_BIN/rollup_pg-$v" "${MOAT_TEST_PG%/*}/$db" "${ROLLUP_BATCHES:-100}" \
			"${ROLLUP_EVENTS:-500}" 2>/dev/null
	done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
