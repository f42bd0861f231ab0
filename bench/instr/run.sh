#!/bin/sh
# Instructions per request and per event, counted by callgrind: the
# noise-free way to compare two moatd binaries on a shared machine.
#
#   sh bench/instr/run.sh BASELINE_MOATD [MOATD]
#
# For each binary (MOATD defaults to build/moatd), a fresh moatd runs under
# valgrind --tool=callgrind with one HTTP worker thread, and serves:
#   static  GET /bench.html (2,048 bytes), keep-alive, one curl
#   api     GET /api/v1/projects/bench with an admin bearer token
#   ingest  POST /api/v1/agent/events, batches of 500 events
# each twice, at a small and a large count (INSTR_SMALL, INSTR_LARGE
# requests; INSTR_BATCHES_SMALL, INSTR_BATCHES_LARGE batches; INSTR_MODES
# picks some of the three), so the
# difference of the two totals divided by the difference of the counts is
# the cost of one request (or event) without start-up and shutdown.
# Instruction counts do not depend on what else the machine runs; the
# totals include every thread (timers and sweeps too), so the same binary
# measured twice differs by a few tenths of a percent.
# Prints one line per binary and measure, then the ratios. Numbers only: the
# exit status says only whether the benchmark could run. About 3 minutes.
set -eu
cd "$(dirname "$0")/../.."
BASE=${1:?usage: bench/instr/run.sh BASELINE_MOATD [MOATD]}
NEW=${2:-build/moatd}
SMALL=${INSTR_SMALL:-200}
LARGE=${INSTR_LARGE:-1200}
BSMALL=${INSTR_BATCHES_SMALL:-4}
BLARGE=${INSTR_BATCHES_LARGE:-24}
MODES=${INSTR_MODES:-static api ingest}
command -v valgrind >/dev/null || { echo "bench: valgrind not found (apt-get install valgrind)" >&2; exit 1; }
for b in "$BASE" "$NEW"; do [ -x "$b" ] || { echo "bench: $b not found" >&2; exit 1; }; done
tmp=$(mktemp -d)
pid=
runs=0
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT
mkdir "$tmp/web"
head -c 2048 /dev/zero | tr '\0' 'a' >"$tmp/web/bench.html"

# one batch file per seq, the same for both binaries
python3 - "$tmp" "$BLARGE" <<'PY'
import json, sys, uuid
d, n = sys.argv[1], int(sys.argv[2])
for b in range(1, n + 1):
    ev = [{"id": str(uuid.UUID(int=b * 1000 + i + 1)), "ts": "2026-12-02T06:00:00Z",
           "interceptor": "sql_injection", "action": "blocked", "severity": "high",
           "confidence": 0.9, "source_ip": "203.0.113.%d" % (i % 250), "method": "GET",
           "endpoint": "/search/%d" % (i % 50), "payload": "' OR 1=1 -- %d" % i,
           "operation": "SELECT * FROM products WHERE name LIKE '%%' OR 1=1 -- %d%%'" % i,
           "location": {"file": "shop.c", "line": 42, "function": "search"},
           "rule": "tautology", "details": {"param": "q"}} for i in range(500)]
    with open("%s/batch.%d.json" % (d, b), "w") as f:
        json.dump({"seq": b, "agent_id": "bench-1", "events": ev}, f)
PY

# measure BIN MODE N: prints the callgrind total of all threads
measure() {
	local bin=$1 mode=$2 n=$3 db http admin tok urls u i
	runs=$((runs + 1))
	db=$tmp/db.$runs
	admin=$("$bin" token create --db "$db" --kind admin --name bench </dev/null 2>/dev/null | tail -n 1)
	valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.out" "$bin" serve --listen 127.0.0.1:0 \
		--agent-listen 127.0.0.1:0 --db "$db" --log-level warn --web-root "$tmp/web" \
		--http-threads 1 2>"$tmp/err" &
	pid=$!
	for i in $(seq 1200); do grep -q listening "$tmp/err" && break; sleep 0.1; done
	http=$(sed -n 's/.*http=\([0-9.:]*\).*/\1/p' "$tmp/err" | head -n 1)
	[ -n "$http" ] || { echo "bench: $bin did not start: $(cat "$tmp/err")" >&2; exit 1; }
	curl -sS -o /dev/null -X POST -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
		-d '{"slug":"bench","name":"bench"}' "http://$http/api/v1/projects"
	case $mode in
	static | api)
		[ "$mode" = static ] && u=http://$http/bench.html || u=http://$http/api/v1/projects/bench
		urls=""
		for i in $(seq "$n"); do urls="$urls $u"; done
		# shellcheck disable=SC2086
		curl -sS -H "Authorization: Bearer $admin" $urls >/dev/null
		;;
	ingest)
		tok=$(curl -sS -X POST -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
			-d '{"kind":"agent","name":"bench"}' "http://$http/api/v1/projects/bench/tokens" |
			sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
		for i in $(seq "$n"); do
			code=$(curl -sS -o /dev/null -w '%{http_code}' -X POST -H "Authorization: Bearer $tok" \
				-H 'Content-Type: application/json' --data-binary "@$tmp/batch.$i.json" \
				"http://$http/api/v1/agent/events")
			[ "$code" = 200 ] || { echo "bench: batch $i answered $code" >&2; exit 1; }
		done
		sleep 1 # the free-text index follows the commit
		;;
	esac
	kill -TERM "$pid"
	wait "$pid" 2>/dev/null || true
	pid=
	awk '/^summary:/ {s += $2} END {printf "%.0f\n", s}' "$tmp"/cg.out*
	rm -f "$tmp"/cg.out* "$db"*
}

echo "instr: $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), valgrind $(valgrind --version)"
for mode in $MODES; do
	if [ "$mode" = ingest ]; then s=$BSMALL l=$BLARGE unit=event per=500; else s=$SMALL l=$LARGE unit=request per=1; fi
	for which in base new; do
		[ "$which" = base ] && bin=$BASE || bin=$NEW
		a=$(measure "$bin" "$mode" "$s")
		b=$(measure "$bin" "$mode" "$l")
		v=$(awk -v a="$a" -v b="$b" -v d="$(((l - s) * per))" 'BEGIN {printf "%.0f", (b - a) / d}')
		eval "r_${mode}_$which=$v"
		echo "instr $which $mode instructions_per_$unit=$v ($bin: $s -> $l: $a -> $b)"
	done
done
echo
echo "| measure | baseline | this | ratio |"
echo "|---|---|---|---|"
for mode in $MODES; do
	eval "b=\$r_${mode}_base n=\$r_${mode}_new"
	echo "| $mode | $b | $n | $(awk -v b="$b" -v n="$n" 'BEGIN {printf "%.3f", n / b}') |"
done
