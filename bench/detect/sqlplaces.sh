#!/bin/sh
# The SQL check's verdicts over bench/detect/sqlplaces.c's generated
# statements (inputs at 1..1,000 places, benign and attacking, three
# dialects), by BASE's library (built from `git archive BASE`) and by the
# working tree's: prints the number of cases, of blocks, and of
# differences (0 for a change that is cost only); exit 1 on a difference.
#
#   sh bench/detect/sqlplaces.sh [BASE] [CASES] [SEED]
set -eu
BASE=${1:-main}
CASES=${2:-3000}
SEED=${3:-0x5eed10}
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
git archive "$BASE" | tar -x -C "$tmp"
cp bench/detect/sqlplaces.c "$tmp/sqlplaces.c"
(cd "$tmp" && make --no-print-directory -j2 build/libmoatagent.a >/dev/null)
make --no-print-directory -j2 build/libmoatagent.a >/dev/null
LIBS="-lwebsockets -lcap -ljansson -lmbedcrypto -lpthread -lm"
# shellcheck disable=SC2086
cc -O2 -Iagentproto/include -Iagentproto/lib "$tmp/sqlplaces.c" "$tmp/build/libmoatagent.a" \
	-o "$tmp/base" $LIBS
# shellcheck disable=SC2086
cc -O2 -Iagentproto/include -Iagentproto/lib bench/detect/sqlplaces.c build/libmoatagent.a \
	-o "$tmp/new" $LIBS
"$tmp/base" "$CASES" "$SEED" >"$tmp/base.out"
"$tmp/new" "$CASES" "$SEED" >"$tmp/new.out"
blocks=$(grep -c ' block ' "$tmp/new.out" || true)
diffs=$(diff "$tmp/base.out" "$tmp/new.out" | grep -c '^>' || true)
echo "sqlplaces: $CASES cases (seed $SEED), $blocks blocked, $diffs differences ($BASE vs working tree)"
diff "$tmp/base.out" "$tmp/new.out" | head -20
[ "$diffs" -eq 0 ]
