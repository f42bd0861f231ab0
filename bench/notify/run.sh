#!/bin/sh
# Notification benchmark (issue 9): commit-to-receiver latency with a fast
# receiver, the same beside a channel whose receiver hangs, ingestion with
# five channels beside none (bench/ingest's ws_load), and 10,000 pending
# deliveries drained after a restart. See bench/notify/bench.py for what
# each line measures. Numbers only: never pass/fail on time.
#
# Environment: MOATD (build/moatd), BENCH_SECONDS (15), BENCH_WARMUP (2),
# BENCH_NOTIFY_EVENTS (200 per latency run), BENCH_NOTIFY_DRAIN (10000),
# BENCH_ROUNDS (2 ingest runs with and without channels, alternating),
# BENCH_KEEP=1 keeps the temporary directory.
set -eu

cd "$(dirname "$0")/../.."
MOATD=${MOATD:-build/moatd}
OUT=build/bench
[ -x "$MOATD" ] || { echo "bench: $MOATD not found: run 'make' first" >&2; exit 1; }
mkdir -p "$OUT"
# shellcheck disable=SC2046
cc -std=c11 -O2 -Wall -Wextra -Werror -o "$OUT/ws_load" bench/ingest/ws_load.c bench/ingest/gen.c \
	$(pkg-config --cflags --libs libwebsockets) || { echo "bench: cannot build ws_load" >&2; exit 1; }

echo "cpu: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1) x $(nproc)"
echo "moatd: $("$MOATD" --version) $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
keep=
[ "${BENCH_KEEP:-0}" = 1 ] && keep=--keep
exec python3 bench/notify/bench.py --moatd "$MOATD" --ws-load "$OUT/ws_load" \
	--seconds "${BENCH_SECONDS:-15}" --warmup "${BENCH_WARMUP:-2}" \
	--events "${BENCH_NOTIFY_EVENTS:-200}" --drain "${BENCH_NOTIFY_DRAIN:-10000}" \
	--rounds "${BENCH_ROUNDS:-2}" $keep
