#!/bin/sh
# Ingestion benchmark of moatd beside the raw SQLite insert rate, on
# loopback, in one run (issue 4, "Benchmark").
#
#   raw     raw_sqlite: a C loop inserting the same rows (same schema, indexes,
#           FTS, pragmas and INSERT ... ON CONFLICT DO NOTHING) in 1,000-row
#           transactions into a fresh database; --sync normal and full
#   ws      ws_load: 100 agents on /v1/agent, batches of 500 events, up to 8
#           unacknowledged per agent and within the server's credits
#           (smaller batches when they leave fewer; agentproto/PROTOCOL.md),
#           unpaced (the sustained rate), then paced at half that rate (the
#           ack latency at half load)
#   rest    rest_load: 16 keep-alive connections posting the same batches to
#           POST /api/v1/agent/events; meanwhile single GETs of a project
#           (curl, one at a time), beside the same GETs before the load:
#           what an operator's request sees while agents saturate ingestion
#   sync    ws again against moatd --sync full (when moatd has the flag)
#   query   BENCH_EVENTS events (default 1,000,000; the issue asks about
#           10,000,000) spread over 7 days, loaded with raw_sqlite into a
#           database moatd made (then the statistics rollups recomputed with
#           the schema's own backfill SQL); then the first page of a
#           filtered search, a 24-hour stats call, the 24-hour groups
#           (events/groups, then with by=source_ip), a free-text search and
#           a policy dry run with its 7-day impact, one keep-alive client,
#           p50/p99
#
# Every moatd run gets a fresh database. Prints each tool's line, then a
# table with the ratio to the raw rate and the issue's goals marked "met"
# or "not met". Numbers only: the exit status never depends on timing,
# only on whether the benchmark could run at all.
#
# Builds the tools (cc -O2 -Wall -Wextra -Werror) into build/bench/; moatd
# itself is not built: run `make` first (or `make bench`).
# Environment:
#   BENCH_SECONDS      seconds of each WebSocket and REST measurement (15)
#   BENCH_WARMUP       seconds of warm-up before each (2)
#   BENCH_RAW_SECONDS  seconds of each raw SQLite run (10)
#   BENCH_AGENTS       WebSocket agents (100)
#   BENCH_BATCH        events per batch (500)
#   BENCH_REST_CONNECTIONS  REST connections (16)
#   BENCH_EVENTS       events stored for the query benchmark (1000000; 0 skips it)
#   BENCH_SPREAD_DAYS  days the query benchmark's events spread over (7); with
#                      1 and BENCH_EVENTS=1430000 a day holds as many events
#                      as it does at 10,000,000 over 7 days
#   BENCH_QUERIES      requests per query timing (200)
#   BENCH_LOG_LEVEL    moatd --log-level (warn)
#   BENCH_QUERY_ONLY=1 only the query benchmark (no ingest runs, no table)
#   MOATD              the binary (build/moatd)
#   BENCH_BASE_MOATD   a baseline binary for the query benchmark: once the
#                      events are loaded, BENCH_BASE_SQL (run with python3's
#                      sqlite3) turns the database into one of the baseline's
#                      schema (e.g. 'DROP TABLE t; DELETE FROM schema_migrations
#                      WHERE version >= 10'); the baseline's timings come
#                      first ("base" lines), then MOATD starts on the same
#                      database (its migrations run: "migrate" line) and is
#                      timed the same way
#   BENCH_KEEP=1       keep the temporary directory (databases, logs)
set -eu

cd "$(dirname "$0")/../.."
here=bench/ingest

MOATD=${MOATD:-build/moatd}
OUT=build/bench
SECS=${BENCH_SECONDS:-15}
WARMUP=${BENCH_WARMUP:-2}
RAW_SECS=${BENCH_RAW_SECONDS:-10}
AGENTS=${BENCH_AGENTS:-100}
BATCH=${BENCH_BATCH:-500}
REST_CONNS=${BENCH_REST_CONNECTIONS:-16}
EVENTS=${BENCH_EVENTS:-1000000}
QUERIES=${BENCH_QUERIES:-200}
SPREAD_DAYS=${BENCH_SPREAD_DAYS:-7}
LOG_LEVEL=${BENCH_LOG_LEVEL:-warn}
QUERY_ONLY=${BENCH_QUERY_ONLY:-0}

die() {
	echo "bench: $*" >&2
	exit 1
}

[ -x "$MOATD" ] || die "$MOATD not found: run 'make' first"
command -v cc >/dev/null 2>&1 || die "cc not found"
command -v curl >/dev/null 2>&1 || die "curl not found"
pkg-config --exists sqlite3 libwebsockets || die "sqlite3 or libwebsockets development files missing: run 'sh scripts/deps.sh'"

# ---- the tools ----
mkdir -p "$OUT"
CF="-std=c11 -O2 -Wall -Wextra -Werror"
# shellcheck disable=SC2046,SC2086
cc $CF -o "$OUT/raw_sqlite" "$here/raw_sqlite.c" "$here/gen.c" $(pkg-config --cflags --libs sqlite3) \
	|| die "cannot build raw_sqlite"
# shellcheck disable=SC2046,SC2086
cc $CF -o "$OUT/ws_load" "$here/ws_load.c" "$here/gen.c" $(pkg-config --cflags --libs libwebsockets) \
	|| die "cannot build ws_load"
# shellcheck disable=SC2086
cc $CF -o "$OUT/rest_load" "$here/rest_load.c" "$here/gen.c" || die "cannot build rest_load"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/moat-bench-ingest.XXXXXX")
moatd_pid=
tool_pid=
starts=0

stop() {
	# $1: pid. SIGTERM, then SIGKILL after 20 s (moatd commits its queue first).
	[ -n "$1" ] || return 0
	kill "$1" 2>/dev/null || return 0
	i=0
	while kill -0 "$1" 2>/dev/null && [ $i -lt 200 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	kill -9 "$1" 2>/dev/null || true
	wait "$1" 2>/dev/null || true
}

cleanup() {
	status=$?
	trap - EXIT INT TERM
	stop "$tool_pid"
	stop "$moatd_pid"
	if [ "${BENCH_KEEP:-0}" = 1 ]; then
		echo "bench: kept $tmp" >&2
	else
		rm -rf "$tmp"
	fi
	exit $status
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Runs a tool in the background and waits for it, so that a signal's trap
# runs at once. $1: output file, then the command.
run_tool() {
	out=$1
	shift
	"$@" >"$out" 2>"$out.err" &
	tool_pid=$!
	st=0
	wait "$tool_pid" || st=$?
	tool_pid=
	cat "$out.err" >&2
	[ $st = 0 ] || { cat "$out" >&2; die "$1 failed (exit $st)"; }
	cat "$out"
}

# key=value from a tool's line: val FILE KEY
val() {
	tr ' ' '\n' <"$1" | sed -n "s/^$2=//p" | head -n 1
}

# start_moatd NAME [extra moatd args]: a fresh moatd on $tmp/NAME.db;
# sets http (host:port) and agent_port. $bin (default $MOATD) is the binary,
# $start_wait the tenths of a second it may take to listen (150).
start_moatd() {
	name=$1
	shift
	starts=$((starts + 1))
	log=$tmp/$name.$starts.log
	: >"$log"
	MOAT_ADMIN_PASSWORD=bench-admin-password-not-secret \
		"${bin:-$MOATD}" serve --listen 127.0.0.1:0 --agent-listen 127.0.0.1:0 \
		--db "$tmp/$name.db" --log-level "$LOG_LEVEL" "$@" \
		</dev/null >"$tmp/$name.out" 2>"$log" &
	moatd_pid=$!
	http=
	i=0
	while [ $i -lt "${start_wait:-150}" ]; do
		http=$(sed -n 's/.*listening http=\([0-9.]*:[0-9]*\) agent=.*/\1/p' "$log" | tail -n 1)
		[ -n "$http" ] && break
		kill -0 "$moatd_pid" 2>/dev/null || { cat "$log" >&2; die "moatd exited at start"; }
		sleep 0.1
		i=$((i + 1))
	done
	[ -n "$http" ] || { cat "$log" >&2; die "moatd printed no 'listening http=' line in time"; }
	agent_port=$(sed -n 's/.*listening http=[0-9.]*:[0-9]* agent=[0-9.]*:\([0-9]*\).*/\1/p' "$log" | tail -n 1)
}

stop_moatd() {
	stop "$moatd_pid"
	moatd_pid=
}

# setup NAME: an admin token (CLI), project "bench", an agent token (API);
# sets admin and agent.
setup() {
	admin=$("$MOATD" token create --db "$tmp/$1.db" --kind admin --name bench </dev/null | tail -n 1)
	[ -n "$admin" ] || die "moatd token create printed no token"
	code=$(curl -sS -o "$tmp/project.json" -w '%{http_code}' -X POST \
		-H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
		--data '{"slug":"bench","name":"Bench"}' "http://$http/api/v1/projects")
	[ "$code" = 201 ] || { cat "$tmp/project.json" >&2; die "POST /api/v1/projects answered $code"; }
	code=$(curl -sS -o "$tmp/token.json" -w '%{http_code}' -X POST \
		-H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
		--data '{"kind":"agent","name":"x"}' "http://$http/api/v1/projects/bench/tokens")
	[ "$code" = 201 ] || { cat "$tmp/token.json" >&2; die "POST .../tokens answered $code"; }
	agent=$(sed -n 's/.*"token":"\(moat_agt_[A-Za-z0-9]*\)".*/\1/p' "$tmp/token.json")
	[ -n "$agent" ] || die "no agent token in $(cat "$tmp/token.json")"
}

load() {
	cut -d' ' -f1 /proc/loadavg
}

# probe FILE SECONDS: single GET /api/v1/projects/bench (admin token), one
# at a time, 10 ms apart, for SECONDS; their times (s) into FILE. What an
# operator's request sees while agents load the server.
probe() {
	end=$(($(date +%s) + $2))
	: >"$1"
	while [ "$(date +%s)" -lt "$end" ]; do
		curl -sS -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $admin" \
			"http://$http/api/v1/projects/bench" >>"$1" || return 1
		sleep 0.01
	done
}

# pct FILE: "n=N p50_ms=.. p99_ms=.. max_ms=.." of the times in FILE
pct() {
	sort -n "$1" | awk '{ a[NR] = $1 * 1000 } END {
		if (NR == 0) { print "n=0"; exit }
		printf "n=%d p50_ms=%.1f p99_ms=%.1f max_ms=%.1f", NR, a[int((NR - 1) * 0.5) + 1],
			a[int((NR - 1) * 0.99) + 1], a[NR] }'
}

has_sync=0
others_idle=
others_busy=
if "$MOATD" serve --help 2>&1 | grep -q -- '--sync'; then
	has_sync=1
fi

# ---- the machine ----
echo "== Moat ingest benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "machine: $(uname -srm), $(nproc) CPUs, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min) before the runs; other busy processes skew every number"
echo "moatd:   $("$MOATD" --version 2>&1 | head -n 1), --log-level $LOG_LEVEL; sqlite $(pkg-config --modversion sqlite3), libwebsockets $(pkg-config --modversion libwebsockets)"
echo "load:    ws $AGENTS agents x batches of $BATCH, 8 in flight, ${SECS}s (+${WARMUP}s warm-up); rest $REST_CONNS connections; raw ${RAW_SECS}s"
echo

if [ "$QUERY_ONLY" != 1 ]; then
	# ---- raw SQLite ----
	echo "-- raw SQLite, synchronous=NORMAL (load $(load))" >&2
	run_tool "$tmp/raw.txt" "$OUT/raw_sqlite" --db "$tmp/raw.db" --schema-dir schema --seconds "$RAW_SECS"
	raw=$(val "$tmp/raw.txt" rows_per_s)
	rm -f "$tmp"/raw.db*

	# ---- WebSocket, unpaced ----
	echo "-- ws, $AGENTS agents, unpaced (load $(load))" >&2
	start_moatd ws
	setup ws
	run_tool "$tmp/ws.txt" "$OUT/ws_load" --port "$agent_port" --token "$agent" --agents "$AGENTS" \
		--batch "$BATCH" --seconds "$SECS" --warmup "$WARMUP"
	stop_moatd
	rm -f "$tmp"/ws.db*
	ws=$(val "$tmp/ws.txt" run_events_per_s)

	# ---- WebSocket at half that rate ----
	half=$(awk -v r="$ws" 'BEGIN { printf "%d", r / 2 }')
	echo "-- ws, $AGENTS agents, paced at $half events/s (load $(load))" >&2
	start_moatd half
	setup half
	run_tool "$tmp/half.txt" "$OUT/ws_load" --port "$agent_port" --token "$agent" --agents "$AGENTS" \
		--batch "$BATCH" --seconds "$SECS" --warmup "$WARMUP" --rate "$half"
	stop_moatd
	rm -f "$tmp"/half.db*

	# ---- REST, and everyone else meanwhile ----
	echo "-- rest, $REST_CONNS connections (load $(load))" >&2
	start_moatd rest
	setup rest
	probe "$tmp/idle.times" 2 # the baseline: the same GETs with nothing else running
	(
		sleep "$WARMUP"
		probe "$tmp/busy.times" "$SECS"
	) &
	probe_pid=$!
	run_tool "$tmp/rest.txt" "$OUT/rest_load" --port "${http##*:}" --token "$agent" \
		--connections "$REST_CONNS" --batch "$BATCH" --seconds "$SECS" --warmup "$WARMUP"
	wait "$probe_pid" || die "the GET probe failed"
	others_idle=$(pct "$tmp/idle.times")
	others_busy=$(pct "$tmp/busy.times")
	echo "others idle $others_idle during_rest $others_busy"
	stop_moatd
	rm -f "$tmp"/rest.db*

	# ---- synchronous=FULL ----
	echo "-- raw SQLite, synchronous=FULL (load $(load))" >&2
	run_tool "$tmp/rawfull.txt" "$OUT/raw_sqlite" --db "$tmp/rawfull.db" --schema-dir schema \
		--seconds "$RAW_SECS" --sync full
	rawfull=$(val "$tmp/rawfull.txt" rows_per_s)
	rm -f "$tmp"/rawfull.db*
	wsfull=
	if [ $has_sync = 1 ]; then
		echo "-- ws, $AGENTS agents, unpaced, moatd --sync full (load $(load))" >&2
		start_moatd full --sync full
		setup full
		run_tool "$tmp/full.txt" "$OUT/ws_load" --port "$agent_port" --token "$agent" --agents "$AGENTS" \
			--batch "$BATCH" --seconds "$SECS" --warmup "$WARMUP"
		stop_moatd
		rm -f "$tmp"/full.db*
		wsfull=$(val "$tmp/full.txt" run_events_per_s)
	else
		echo "sync full: not supported by moatd yet"
	fi
fi

# ---- queries on BENCH_EVENTS stored events ----
# time_query NAME PATH [BODY]: BENCH_QUERIES GETs (with a BODY file: PUTs
# of it) on one keep-alive connection (after 10 not counted); sets q_status
# (of the first) and q_p50, q_p99 (ms).
time_query() {
	name=$1
	path=$2
	put=
	[ $# -lt 3 ] || put="-X PUT -H Content-Type:application/json --data-binary @$3"
	: >"$tmp/$name.body"
	# shellcheck disable=SC2086 # $put is words
	q_status=$(curl -sS -o "$tmp/$name.body" -w '%{http_code}' -H "Authorization: Bearer $admin" \
		$put "http://$http$path") || true
	q_p50=
	q_p99=
	[ "$q_status" = 200 ] || return 0
	: >"$tmp/$name.curl"
	i=0
	while [ $i -lt $((QUERIES + 10)) ]; do
		printf 'url = "http://%s%s"\noutput = "/dev/null"\n' "$http" "$path" >>"$tmp/$name.curl"
		i=$((i + 1))
	done
	# shellcheck disable=SC2086
	curl -sS -K "$tmp/$name.curl" -H "Authorization: Bearer $admin" $put \
		-w '%{http_code} %{time_total}\n' >"$tmp/$name.times" || die "curl failed on $path"
	tail -n +11 "$tmp/$name.times" | awk '$1 != 200 { bad++ } END { if (bad) print "bench: " bad " non-200 answers" > "/dev/stderr" }'
	tail -n +11 "$tmp/$name.times" | awk '{ print $2 * 1000 }' | sort -n >"$tmp/$name.sorted"
	n=$(wc -l <"$tmp/$name.sorted")
	q_p50=$(sed -n "$(( (n - 1) * 50 / 100 + 1 ))p" "$tmp/$name.sorted")
	q_p99=$(sed -n "$(( (n - 1) * 99 / 100 + 1 ))p" "$tmp/$name.sorted")
}

# queries: times every query against the running moatd; $tag prefixes
# its lines ("" for MOATD, "base " for the baseline).
queries() {
	search_path="/api/v1/projects/bench/events?interceptor=sql_injection&limit=50"
	now=$(date +%s)
	since=$(date -u -d "@$((now - 86400))" +%Y-%m-%dT%H:%M:%SZ)
	until=$(date -u -d "@$now" +%Y-%m-%dT%H:%M:%SZ)
	stats_path="/api/v1/projects/bench/stats?since=$since&until=$until"
	echo "-- query: $QUERIES x GET $search_path (load $(load))" >&2
	time_query search "$search_path"
	if [ "$q_status" = 200 ]; then
		[ -n "$tag" ] || search_line="$q_p50 $q_p99"
		echo "${tag}search $search_path p50_ms=$q_p50 p99_ms=$q_p99 events_stored=$EVENTS load=$(load)"
	elif [ "$q_status" = 404 ]; then
		echo "search: not available yet (GET ${search_path%%\?*} answered 404)"
	else
		echo "search: GET $search_path answered $q_status: $(head -c 300 "$tmp/search.body")"
	fi
	echo "-- query: $QUERIES x GET $stats_path (load $(load))" >&2
	time_query stats "$stats_path"
	if [ "$q_status" = 200 ]; then
		[ -n "$tag" ] || stats_line="$q_p50 $q_p99"
		echo "${tag}stats $stats_path p50_ms=$q_p50 p99_ms=$q_p99 events_stored=$EVENTS load=$(load)"
	elif [ "$q_status" = 404 ]; then
		echo "stats: not available yet (GET ${stats_path%%\?*} answered 404)"
	else
		echo "stats: GET $stats_path answered $q_status: $(head -c 300 "$tmp/stats.body")"
	fi
	# attacks, grouped: the same 24 hours (goal p99 < 100 ms at 10,000,000)
	for by in "" "&by=source_ip"; do
		groups_path="/api/v1/projects/bench/events/groups?since=$since&until=$until$by"
		echo "-- query: $QUERIES x GET $groups_path (load $(load))" >&2
		time_query groups "$groups_path"
		if [ "$q_status" = 200 ]; then
			[ -n "$by" ] || [ -n "$tag" ] || groups_line="$q_p50 $q_p99"
			echo "${tag}groups $groups_path p50_ms=$q_p50 p99_ms=$q_p99 events_stored=$EVENTS load=$(load)"
		elif [ "$q_status" = 404 ]; then
			echo "groups: not available yet (GET ${groups_path%%\?*} answered 404)"
		else
			echo "groups: GET $groups_path answered $q_status: $(head -c 300 "$tmp/groups.body")"
		fi
	done
	# free text (no goal of its own; a word in about a tenth of the events)
	text_path="/api/v1/projects/bench/events?q=SLEEP&limit=50"
	echo "-- query: $QUERIES x GET $text_path (load $(load))" >&2
	time_query text "$text_path"
	if [ "$q_status" = 200 ]; then
		echo "${tag}text $text_path p50_ms=$q_p50 p99_ms=$q_p99 events_stored=$EVENTS load=$(load)"
	else
		echo "text: GET $text_path answered $q_status: $(head -c 300 "$tmp/text.body")"
	fi
	# the impact of a policy dry run over the 7 days: two mode changes and
	# an interceptor off (rollups), two exclusions and a denylist address
	# (events read one by one, at most 10,000)
	impact_path="/api/v1/projects/bench/environments/production/policy?dry_run=true"
	cat >"$tmp/impact.json" <<-'EOF'
	{"interceptors": {"sql_injection": {"mode": "block"}, "nosql_injection": {"mode": "block"},
	  "xss": {"mode": "off"}},
	 "denylist": {"ips": [{"value": "198.51.100.7"}], "users": []},
	 "exclusions": [{"interceptor": "sql_injection", "endpoint": "/api/products", "on_match": "monitor"},
	   {"interceptor": "nosql_injection", "endpoint": "/api/v2/*", "on_match": "ignore"}]}
	EOF
	echo "-- query: $QUERIES x PUT $impact_path (load $(load))" >&2
	time_query impact "$impact_path" "$tmp/impact.json"
	if [ "$q_status" = 200 ]; then
		echo "${tag}impact PUT $impact_path p50_ms=$q_p50 p99_ms=$q_p99 events_stored=$EVENTS load=$(load)" \
			"approximate=$(sed -n 's/.*"approximate": *\([a-z]*\).*/\1/p' "$tmp/impact.body")" \
			"events_read=$(sed -n 's/.*"events_read": *\([0-9]*\).*/\1/p' "$tmp/impact.body")"
	else
		echo "impact: PUT $impact_path answered $q_status: $(head -c 300 "$tmp/impact.body")"
	fi
}

search_line=
stats_line=
groups_line=
if [ "$EVENTS" -gt 0 ]; then
	echo "-- query: loading $EVENTS events (load $(load))" >&2
	start_moatd query
	setup query
	stop_moatd
	# moatd's writer keeps derived tables (the statistics rollups) up to
	# date as it inserts; rows written behind its back need them recomputed:
	# every schema file's "-- Backfill" section (to the end of the file),
	# after emptying the tables it fills.
	: >"$tmp/after.sql"
	for f in schema/*.sql; do
		grep -q '^-- Backfill' "$f" || continue
		sed -n '/^-- Backfill/,$p' "$f" >"$tmp/backfill.sql"
		sed -n 's/^INSERT INTO \([A-Za-z0-9_]*\).*/DELETE FROM \1;/p' "$tmp/backfill.sql" | sort -u >>"$tmp/after.sql"
		cat "$tmp/backfill.sql" >>"$tmp/after.sql"
	done
	run_tool "$tmp/qload.txt" "$OUT/raw_sqlite" --db "$tmp/query.db" --project bench \
		--rows "$EVENTS" --spread-days "$SPREAD_DAYS" --after-sql "$tmp/after.sql"
	if [ -n "${BENCH_BASE_MOATD:-}" ]; then
		python3 -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.executescript(sys.argv[2])
c.close()' "$tmp/query.db" "${BENCH_BASE_SQL:-}" || die "BENCH_BASE_SQL failed"
		bin=$BENCH_BASE_MOATD
		start_moatd query
		bin=
		echo "base:    $("$BENCH_BASE_MOATD" --version 2>&1 | head -n 1) ($BENCH_BASE_MOATD), load $(cut -d' ' -f1-3 /proc/loadavg)"
		tag="base "
		queries
		tag=
		stop_moatd
		t0=$(date +%s.%N)
		start_wait=36000
		start_moatd query
		start_wait=
		echo "migrate: $MOATD listened $(echo "$(date +%s.%N) - $t0" | bc) s after its start (its migrations on $EVENTS events)"
	else
		start_moatd query
	fi
	tag=
	queries
	stop_moatd
fi
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min) after the runs"
echo

# ---- the table ----
[ "$QUERY_ONLY" = 1 ] && exit 0
awk -v raw="$raw" -v rawfull="$rawfull" \
	-v ws="$ws" -v ws_win="$(val "$tmp/ws.txt" events_per_s)" \
	-v ws50="$(val "$tmp/ws.txt" p50_ms)" -v ws99="$(val "$tmp/ws.txt" p99_ms)" \
	-v wscpu="$(val "$tmp/ws.txt" client_cpu_pct)" \
	-v half="$(val "$tmp/half.txt" events_per_s)" -v half50="$(val "$tmp/half.txt" p50_ms)" \
	-v half99="$(val "$tmp/half.txt" p99_ms)" -v halftarget="$half" \
	-v rest="$(val "$tmp/rest.txt" events_per_s)" -v rest50="$(val "$tmp/rest.txt" p50_ms)" \
	-v rest99="$(val "$tmp/rest.txt" p99_ms)" -v restbusy="$(val "$tmp/rest.txt" busy_503)" \
	-v others_idle="$others_idle" -v others_busy="$others_busy" \
	-v wsfull="$wsfull" \
	-v full50="$( [ -n "$wsfull" ] && val "$tmp/full.txt" p50_ms || echo)" \
	-v full99="$( [ -n "$wsfull" ] && val "$tmp/full.txt" p99_ms || echo)" \
	-v search="$search_line" -v stats="$stats_line" -v groups="$groups_line" -v events="$EVENTS" -v agents="$AGENTS" '
function ratio(x) { return raw > 0 ? x / raw : 0 }
function ms(v) { return v == "" ? "-" : sprintf("%.1f ms", v) }
function row(name, rate, base, p50, p99) {
	printf "| %-44s | %9.0f | %6.2f x | %11s | %11s |\n", name, rate, \
		(base > 0 ? rate / base : 0), ms(p50), ms(p99)
}
function verdict(ok) { return ok ? "met" : "not met" }
BEGIN {
	printf "| %-44s | %9s | %8s | %11s | %11s |\n", "what", "events/s", "vs raw", "p50 ack", "p99 ack"
	printf "|%s|%s|%s|%s|%s|\n", "----------------------------------------------", "-----------", \
		"----------", "-------------", "-------------"
	row("raw SQLite, 1,000-row tx, sync NORMAL", raw, raw, "", "")
	row("ws " agents " agents, unpaced (whole run)", ws, raw, ws50, ws99)
	row("ws same run, measurement window only", ws_win, raw, "", "")
	row("ws " agents " agents paced at " halftarget "/s (half)", half, raw, half50, half99)
	row("rest, keep-alive, batches as ws", rest, raw, rest50, rest99)
	printf "| %-44s | %s\n", "  single GETs of a project, idle", others_idle
	printf "| %-44s | %s\n", "  the same during the rest load", others_busy
	row("raw SQLite, sync FULL", rawfull, raw, "", "")
	if (wsfull != "")
		row("ws " agents " agents, unpaced, --sync full", wsfull, raw, full50, full99)
	print ""
	print "goals:"
	printf "  ws >= 0.35 x raw (aim 0.50)     %5.2f x    %s%s\n", ratio(ws), verdict(ratio(ws) >= 0.35), \
		(ratio(ws) >= 0.5 ? " (the 0.50 aim too)" : "")
	printf "  p99 ack < 50 ms at half load   %7.2f ms  %s\n", half99, verdict(half99 >= 0 && half99 < 50)
	if (wsfull != "")
		printf "  sync full >= 0.80 x normal      %5.2f x    %s\n", (ws > 0 ? wsfull / ws : 0), \
			verdict(ws > 0 && wsfull / ws >= 0.8)
	else
		printf "  sync full >= 0.80 x normal      -          not measured (moatd has no --sync)\n"
	printf "  (raw SQLite itself: sync FULL at %.2f x NORMAL)\n", (raw > 0 ? rawfull / raw : 0)
	if (events > 0) {
		if (search != "") {
			split(search, s, " ")
			printf "  search p99 < 50 ms (%d events)  %7.2f ms  %s\n", events, s[2], verdict(s[2] < 50)
		} else
			printf "  search p99 < 50 ms              -          not measured (route not available)\n"
		if (stats != "") {
			split(stats, t, " ")
			printf "  stats p99 < 50 ms (%d events)   %7.2f ms  %s\n", events, t[2], verdict(t[2] < 50)
		} else
			printf "  stats p99 < 50 ms               -          not measured (route not available)\n"
		if (groups != "") {
			split(groups, u, " ")
			printf "  groups p99 < 100 ms (%d events) %7.2f ms  %s\n", events, u[2], verdict(u[2] < 100)
		} else
			printf "  groups p99 < 100 ms             -          not measured (route not available)\n"
	}
	if (wscpu + 0 > 80)
		printf "  note: ws_load used %s %% of a core: the client may be the limit\n", wscpu
	if (restbusy + 0 > 0)
		printf "  note: rest saw %s answers 503 (queue full or commit wait over)\n", restbusy
}'
