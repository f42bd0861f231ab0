#!/bin/sh
# Fan-out benchmark: how fast a policy change reaches every connected
# agent, moatd beside the physical floor of this machine, in one run.
#
# For each size N (1,000 and 10,000 agents by default), on loopback:
#   floor  bench/fanout/floor.c, a bare libwebsockets server with one
#          service thread that answers hello with a welcome and, on
#          "push V FILE", writes the same bytes to every socket from one
#          shared buffer; timed from the moment the push command is
#          handed to it (the clock is read just before the write).
#   moatd  build/moatd with a fresh database; a PUT of the policy; timed
#          from the PUT's response (the clock is read when curl exits,
#          0.4-0.7 ms after moatd sent it; moatd starts pushing before it
#          answers, so a few agents may show negative latencies).
# Both against moat-loadgen (N agents in one process; it reports, per
# version, when every agent had it: p50, p99 and max of arrival minus the
# time we give it). The floor broadcasts exactly the bytes moatd pushes for
# the same round (built from a preparation moatd's GET .../policy and
# checked against the PUT's version and SHA-256), so sizes are identical.
#
# Per server and N: the VmRSS with the N agents connected and idle minus
# before any, divided by N; the CPU the server uses while they idle (over
# one whole 20 s ping cycle of moatd's heartbeat); then the pushes, one
# every FANOUT_SPACING seconds so that they sample that cycle too; each
# round's latencies and the server CPU from the push until all had it.
#
# Prints a table per N (medians over the rounds, and the worst round) with
# the goals of issue 3 (p99 and max within 1.5 x the floor; about p99 <
# 25 ms at 1,000 and < 200 ms at 10,000 agents; < 16 KiB per idle agent)
# marked "met" or "not met". Numbers only: the exit status never depends on
# timing, only on whether the benchmark could run at all. About 4 minutes
# with the defaults; everything it started is stopped on exit.
#
# Builds neither moatd nor moat-loadgen (`make bench` does); compiles its
# two helpers (floor.c, clock.c) into its temporary directory.
# Environment:
#   FANOUT_SIZES     agent counts (default "1000 10000")
#   FANOUT_ROUNDS    policy pushes per size and server (default 5)
#   FANOUT_SPACING   seconds from one push to the next (default 5): five
#                    rounds then span moatd's 20 s WebSocket ping cycle
#   FANOUT_IDLE_SECONDS  how long the server's CPU is watched while its
#                    agents idle (default 21: one whole ping cycle)
#   FANOUT_FLOOR_PING  S: give the floor moatd's liveness policy (lws pings
#                    after S quiet seconds); off by default. For diagnosis:
#                    FANOUT_FLOOR_PING=20 shows what moatd's heartbeat costs
#                    a bare server (bench/RESULTS.md, "Fan-out")
#   MOATD            default build/moatd
#   LOADGEN          default build/moat-loadgen
#   CC               compiler for the helpers (default cc)
#   BENCH_KEEP=1     keep the temporary directory (logs, raw result lines)
set -eu

cd "$(dirname "$0")/../.."
here=bench/fanout

MOATD=${MOATD:-build/moatd}
LOADGEN=${LOADGEN:-build/moat-loadgen}
SIZES=${FANOUT_SIZES:-1000 10000}
ROUNDS=${FANOUT_ROUNDS:-5}
SPACING=${FANOUT_SPACING:-5}
IDLE_SECONDS=${FANOUT_IDLE_SECONDS:-21}
FLOOR_PING=${FANOUT_FLOOR_PING:-}
CC=${CC:-cc}
CONNECT_TIMEOUT=180 # s, for N agents to connect
ROUND_TIMEOUT=60    # s, for one version to reach everyone
IDLE_TIMEOUT=30     # s, for a server to go quiet after start and after connects

die() {
	echo "bench: $*" >&2
	exit 1
}

[ -x "$MOATD" ] || die "$MOATD not found: run 'make bench' (or 'make' first)"
[ -x "$LOADGEN" ] || die "$LOADGEN not found: run 'make bench' (or 'make' first)"
command -v curl >/dev/null 2>&1 || die "curl not found"
command -v pkg-config >/dev/null 2>&1 || die "pkg-config not found"
for v in "$ROUNDS" "$SPACING" "$IDLE_SECONDS" "${FLOOR_PING:-1}"; do
	case $v in '' | *[!0-9]*) die "FANOUT_ROUNDS, _SPACING, _IDLE_SECONDS, _FLOOR_PING: whole numbers" ;; esac
done
[ "$ROUNDS" -ge 1 ] && [ "$IDLE_SECONDS" -ge 1 ] || die "FANOUT_ROUNDS and FANOUT_IDLE_SECONDS must be at least 1"
max_n=0
for n in $SIZES; do
	case $n in '' | *[!0-9]*) die "FANOUT_SIZES: $n is not a number" ;; esac
	[ "$n" -ge 1 ] || die "FANOUT_SIZES: $n"
	if [ "$n" -gt "$max_n" ]; then max_n=$n; fi
done

# One socket per agent in the server and in the loadgen, plus their own.
# (ulimit -n and -H are not POSIX, but dash, bash and busybox sh have them.)
want_fd=$((max_n + 1024))
# shellcheck disable=SC3045
hard_fd=$(ulimit -Hn)
if [ "$hard_fd" != unlimited ] && [ "$hard_fd" -lt "$want_fd" ]; then
	die "the hard limit on open files is $hard_fd; $max_n agents need $want_fd (ulimit -Hn)"
fi
# shellcheck disable=SC3045
ulimit -n "$want_fd" || die "cannot raise the open files limit to $want_fd"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/moat-fanout.XXXXXX")
pids=
nap_pid=

# $1: pid. SIGTERM, then SIGKILL after 5 s.
stop() {
	[ -n "$1" ] || return 0
	kill "$1" 2>/dev/null || return 0
	i=0
	while kill -0 "$1" 2>/dev/null && [ $i -lt 50 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	kill -9 "$1" 2>/dev/null || true
	wait "$1" 2>/dev/null || true
}

cleanup() {
	status=$?
	trap - EXIT HUP INT PIPE TERM
	exec 3>&- 4>&-
	[ -z "$nap_pid" ] || kill "$nap_pid" 2>/dev/null || true
	for p in $pids; do
		stop "$p"
	done
	if [ "${BENCH_KEEP:-0}" = 1 ]; then
		echo "bench: kept $tmp" >&2
	else
		rm -rf "$tmp"
	fi
	exit $status
}
trap cleanup EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 141' PIPE
trap 'exit 143' TERM

forget() {
	# $1: pid, stopped: no longer ours to stop
	np=
	for p in $pids; do
		[ "$p" = "$1" ] || np="$np $p"
	done
	pids=$np
}

# ---- helpers ----
FLOOR=$tmp/fanout-floor
CLOCK=$tmp/fanout-clock
# shellcheck disable=SC2046
"$CC" -std=c11 -D_GNU_SOURCE -O2 -Wall -Wextra -o "$FLOOR" "$here/floor.c" \
	$(pkg-config --cflags --libs libwebsockets) -lpthread || die "cannot build floor.c"
"$CC" -std=c11 -D_GNU_SOURCE -O2 -Wall -Wextra -o "$CLOCK" "$here/clock.c" \
	|| die "cannot build clock.c"

# wait_for FILE PATTERN SECONDS PID...: until a line of FILE matches the
# grep pattern; dies when a PID exits or the time is up.
wait_for() {
	f=$1
	pat=$2
	limit=$(($3 * 20))
	shift 3
	i=0
	until grep -q -- "$pat" "$f" 2>/dev/null; do
		for p in "$@"; do
			kill -0 "$p" 2>/dev/null || {
				tail -n 20 "$tmp"/*.err >&2 2>/dev/null || true
				die "process $p exited while waiting for '$pat' in $f"
			}
		done
		[ $i -lt $limit ] || die "no '$pat' in $f after $((limit / 20)) s"
		sleep 0.05
		i=$((i + 1))
	done
}

# cpu_ns PID...: nanoseconds on a CPU so far, every thread of each
# (/proc/PID/task/*/schedstat, first field).
cpu_ns() {
	for p in "$@"; do
		cat "/proc/$p/task/"*/schedstat 2>/dev/null || true
	done | awk '{ s += $1 } END { printf "%.0f\n", s }'
}

# wait_idle PID...: until they used under 5 ms of CPU together in 0.25 s,
# or IDLE_TIMEOUT: after start and after the agents connected, so that
# start-up work and the hellos' database writes are over.
wait_idle() {
	i=0
	last=$(cpu_ns "$@")
	while [ $i -lt $((IDLE_TIMEOUT * 4)) ]; do
		sleep 0.25
		now=$(cpu_ns "$@")
		if [ $((now - last)) -lt 5000000 ]; then return 0; fi
		last=$now
		i=$((i + 1))
	done
	echo "bench: still busy after ${IDLE_TIMEOUT} s: $*" >&2
}

# nap SECONDS: sleep in the background and wait for it, so that a signal's
# trap runs at once instead of after the sleep.
nap() {
	sleep "$1" &
	nap_pid=$!
	wait "$nap_pid" || true
}

# idle_rate PID: sets idle to the CPU it uses while its agents are
# connected and nothing happens, in ms per second over IDLE_SECONDS.
idle_rate() {
	c0=$(cpu_ns "$1")
	nap "$IDLE_SECONDS"
	idle=$((($(cpu_ns "$1") - c0) / (IDLE_SECONDS * 1000000)))
}

rss_kib() {
	awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"
}

# ---- moatd ----
# start_moatd NAME: a fresh moatd; sets moatd_pid, moat (http base),
# agent_port, admin, agent_token; creates project "bench".
start_moatd() {
	name=$1
	"$MOATD" serve --listen 127.0.0.1:0 --agent-listen 127.0.0.1:0 --db "$tmp/$name.db" \
		--log-level warn </dev/null >"$tmp/$name.out" 2>"$tmp/$name.err" 3>&- 4>&- &
	moatd_pid=$!
	pids="$pids $moatd_pid"
	wait_for "$tmp/$name.err" 'listening http=' 10 "$moatd_pid"
	moat=http://$(sed -n 's/.*listening http=\([0-9.]*:[0-9]*\) agent=.*/\1/p' "$tmp/$name.err" | head -n 1)
	agent_port=$(sed -n 's/.*listening http=.* agent=[0-9.]*:\([0-9]*\).*/\1/p' "$tmp/$name.err" | head -n 1)
	[ -n "$agent_port" ] || die "no agent port in moatd's 'listening' line"
	admin=$("$MOATD" token create --db "$tmp/$name.db" --kind admin --name bench </dev/null | tail -n 1)
	[ -n "$admin" ] || die "moatd token create printed no token"
	code=$(curl -sS -o "$tmp/$name.project" -w '%{http_code}' -X POST \
		-H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
		--data '{"slug":"bench","name":"bench"}' "$moat/api/v1/projects")
	[ "$code" = 201 ] || die "POST /api/v1/projects answered $code"
	code=$(curl -sS -o "$tmp/$name.token" -w '%{http_code}' -X POST \
		-H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
		--data '{"kind":"agent","name":"lg"}' "$moat/api/v1/projects/bench/tokens")
	[ "$code" = 201 ] || die "POST .../tokens answered $code"
	agent_token=$(sed -n 's/.*"token":"\(moat_agt_[A-Za-z0-9_]*\)".*/\1/p' "$tmp/$name.token")
	[ -n "$agent_token" ] || die "no agent token in $(cat "$tmp/$name.token")"
}

policy_url() {
	echo "$moat/api/v1/projects/bench/environments/production/policy"
}

# The document of round R: xss mode toggles and one denylist entry
# changes, so every round is a new version of constant size (give or take
# the two letters between "block" and "monitor").
policy_body() {
	if [ $(($1 % 2)) = 1 ]; then mode=block; else mode=monitor; fi
	printf '{"interceptors":{"xss":{"mode":"%s"}},"denylist":{"ips":[{"value":"10.1.%d.%d"}]}}' \
		"$mode" $((100 + $1 / 100)) $((100 + $1 % 100))
}

# put_policy R: PUT round R's document; the clock is read the moment curl
# exits (into $tmp/put.ns); sets put_code, put_version, put_sha, put_ms.
put_policy() {
	policy_body "$1" >"$tmp/put.body"
	out=$("$CLOCK" -o "$tmp/put.ns" curl -sS -o "$tmp/put.resp" \
		-w '%{http_code} %{time_total}' -X PUT \
		-H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
		--data-binary "@$tmp/put.body" "$(policy_url)") || die "PUT failed"
	put_code=${out% *}
	put_ms=$(echo "${out#* }" | awk '{ printf "%.2f", $1 * 1000 }')
	put_version=$(sed -n 's/.*"version":\([0-9]*\).*/\1/p' "$tmp/put.resp")
	put_sha=$(sed -n 's/.*"sha256":"\([0-9a-f]*\)".*/\1/p' "$tmp/put.resp")
	[ "$put_code" = 200 ] && [ -n "$put_version" ] \
		|| die "PUT answered $put_code: $(cat "$tmp/put.resp")"
}

# header FILE NAME: the value of response header NAME (lower case) in FILE.
header() {
	tr -d '\r' <"$1" | awk -v h="$2" '{ i = index($0, ":") }
		i && tolower(substr($0, 1, i - 1)) == h { sub(/^[^:]*: */, ""); print; exit }'
}

# ---- the messages: what moatd pushes in round 1..ROUNDS ----
# A preparation moatd makes the same versions a fresh database will make
# (2, 3, ...); its GET .../policy gives the stored document byte for byte
# and the X-Moat-Policy-Sha256 header; the message is then built the way
# server/ws_hub.c does: {"type":"policy","version":V,"sha256":"…","document":…}.
start_moatd prep
prep_pid=$moatd_pid
r=1
while [ $r -le "$ROUNDS" ]; do
	put_policy $r
	curl -sS -D "$tmp/get.h" -o "$tmp/doc.$r" -H "Authorization: Bearer $admin" "$(policy_url)" \
		|| die "GET policy failed"
	sha=$(header "$tmp/get.h" x-moat-policy-sha256)
	v=$(header "$tmp/get.h" x-moat-policy-version)
	[ "$v" = "$put_version" ] && [ "$sha" = "$put_sha" ] || die "GET policy: version $v, sha $sha"
	{
		printf '{"type":"policy","version":%s,"sha256":"%s","document":' "$v" "$sha"
		cat "$tmp/doc.$r"
		printf '}'
	} >"$tmp/msg.$r"
	echo "$v $sha" >"$tmp/msg.$r.id"
	r=$((r + 1))
done
stop "$prep_pid"
forget "$prep_pid"
msg_bytes=$(wc -c <"$tmp/msg.1")

# ---- the loadgen ----
# start_loadgen NAME PORT TOKEN N: fd 3 is its stdin; waits for "connected".
start_loadgen() {
	rm -f "$tmp/$1.in"
	mkfifo "$tmp/$1.in"
	exec 3<>"$tmp/$1.in"
	"$LOADGEN" --agents "$4" --url "ws://127.0.0.1:$2/v1/agent" --token "$3" \
		--env production --connect-timeout $((CONNECT_TIMEOUT - 10)) --version-timeout 30 \
		<"$tmp/$1.in" >"$tmp/$1.out" 2>"$tmp/$1.err" 3>&- 4>&- &
	lg_pid=$!
	pids="$pids $lg_pid"
	wait_for "$tmp/$1.out" '^connected ' "$CONNECT_TIMEOUT" "$lg_pid"
	connected=$(sed -n 's/^connected //p' "$tmp/$1.out" | head -n 1)
}

stop_loadgen() {
	echo quit >&3 || true
	i=0
	while kill -0 "$lg_pid" 2>/dev/null && [ $i -lt 100 ]; do
		sleep 0.05
		i=$((i + 1))
	done
	exec 3>&-
	stop "$lg_pid"
	forget "$lg_pid"
}

# round_result NAME V NS SERVERPID: gives loadgen "go NS V", waits for its
# line; appends "p50_us p99_us max_us received cpu_ms" to $tmp/NAME.rounds,
# cpu_ms being what the server used from the push until every agent had it.
round_result() {
	echo "go $3 $2" >&3
	wait_for "$tmp/$1.out" "^version $2 " "$ROUND_TIMEOUT" "$lg_pid" "$4"
	cpu=$(($(cpu_ns "$4") - cpu0))
	line=$(grep "^version $2 " "$tmp/$1.out" | tail -n 1)
	echo "$line" | awk -v cpu="$cpu" '
		{ printf "%s %s %s %s %.1f\n", $6, $8, $10, $4, cpu / 1e6 }' >>"$tmp/$1.rounds"
}

# push_floor R: writes "push V FILE" to the floor; sets push_v, push_ns.
push_floor() {
	read -r push_v _sha <"$tmp/msg.$1.id"
	"$CLOCK" -o "$tmp/push.ns" -w "push $push_v $tmp/msg.$1" >&4
	push_ns=$(cat "$tmp/push.ns")
}

# push_moatd R: PUTs round R's policy; sets push_v, push_ns; notes in
# $same whether moatd made the version and SHA-256 the floor sent.
push_moatd() {
	read -r v sha <"$tmp/msg.$1.id"
	put_policy "$1"
	if [ "$put_version" != "$v" ] || [ "$put_sha" != "$sha" ]; then same=no; fi
	echo "$put_ms" >>"$tmp/put.times"
	push_v=$put_version
	push_ns=$(cat "$tmp/put.ns")
}

# measure NAME PID PORT TOKEN N PUSHFN: N agents against the server PID
# on PORT; its RSS before and with them, its CPU while they idle, then
# ROUNDS pushes, one every SPACING seconds.
measure() {
	rss0=$(rss_kib "$2")
	c0=$(cpu_ns "$2")
	t0=$("$CLOCK")
	start_loadgen "lg-$1" "$3" "$4" "$5"
	t1=$("$CLOCK")
	echo "$connected" >"$tmp/$1.connected"
	wait_idle "$2"
	# ms until all were connected; server CPU ms until it was quiet again
	echo "$(((t1 - t0) / 1000000)) $((($(cpu_ns "$2") - c0) / 1000000))" >"$tmp/$1.connect"
	echo "N=$5: $1: $connected connected; ${IDLE_SECONDS} s idle ..." >&2
	idle_rate "$2"
	echo "$rss0 $(rss_kib "$2") $idle" >"$tmp/$1.rss"
	rm -f "$tmp/lg-$1.rounds"
	start=$("$CLOCK")
	r=1
	while [ $r -le "$ROUNDS" ]; do
		due=$((start + (r - 1) * SPACING * 1000000000))
		now=$("$CLOCK")
		if [ "$now" -lt $due ]; then
			nap "$(awk -v d=$((due - now)) 'BEGIN { printf "%.3f", d / 1e9 }')"
		fi
		cpu0=$(cpu_ns "$2")
		"$6" $r
		round_result "lg-$1" "$push_v" "$push_ns" "$2"
		r=$((r + 1))
	done
	stop_loadgen
}

# ---- the machine ----
echo "== Moat fan-out benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "machine: $(uname -srm), $(nproc) CPUs, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min) before the runs; other busy processes skew every number"
echo "moatd:   $("$MOATD" --version 2>&1 | head -n 1), --log-level warn; libwebsockets $(pkg-config --modversion libwebsockets | sed "s/-$//")"
echo "message: $msg_bytes bytes per push, the same bytes from both servers"
if [ -n "$FLOOR_PING" ]; then
	echo "floor:   with lws pings after ${FLOOR_PING} s quiet, hang-up after $((3 * FLOOR_PING)) s (FANOUT_FLOOR_PING)"
else
	echo "floor:   bare libwebsockets, no pings (moatd: lws pings after 20 s quiet, hang-up after 60 s)"
fi
echo "rounds:  $ROUNDS per size and server, one every $SPACING s; idle CPU over $IDLE_SECONDS s"
# shellcheck disable=SC3045
echo "limits:  ulimit -n $(ulimit -n) for every process"
echo

for n in $SIZES; do
	# ---- floor ----
	rm -f "$tmp/floor.in"
	mkfifo "$tmp/floor.in"
	exec 4<>"$tmp/floor.in"
	# shellcheck disable=SC2086
	"$FLOOR" ${FLOOR_PING:+--ping $FLOOR_PING} <"$tmp/floor.in" >"$tmp/floor.out" \
		2>"$tmp/floor.err" 3>&- 4>&- &
	floor_pid=$!
	pids="$pids $floor_pid"
	wait_for "$tmp/floor.out" '^listening ' 10 "$floor_pid"
	measure floor "$floor_pid" "$(sed -n 's/^listening //p' "$tmp/floor.out")" x "$n" push_floor
	echo quit >&4 || true
	exec 4>&-
	stop "$floor_pid"
	forget "$floor_pid"

	# ---- moatd ----
	start_moatd "moatd-$n"
	wait_idle "$moatd_pid"
	rm -f "$tmp/put.times"
	same=yes
	measure moatd "$moatd_pid" "$agent_port" "$agent_token" "$n" push_moatd
	stop "$moatd_pid"
	forget "$moatd_pid"

	# ---- the table ----
	for f in lg-floor lg-moatd; do
		tail -n 3 "$tmp/$f.err" | sed "s/^/  ($f) /" >&2 || true
	done
	floor_connected=$(cat "$tmp/floor.connected")
	moatd_connected=$(cat "$tmp/moatd.connected")
	echo "== $n agents (connected: floor $floor_connected, moatd $moatd_connected)"
	[ "$same" = yes ] || echo "warning: moatd's versions or SHA-256 differ from the floor's messages"
	echo "per round: p50 / p99 / max in ms, agents reached, server CPU ms from the push until all had it"
	for s in floor moatd; do
		printf '  %-6s' "$s"
		awk '{ printf " [%.1f / %.1f / %.1f, %s, %s]", $1 / 1000, $2 / 1000, $3 / 1000, $4, $5 }' \
			"$tmp/lg-$s.rounds"
		echo
	done
	echo "  PUT response times (ms): $(tr '\n' ' ' <"$tmp/put.times")"
	echo
	awk -v n="$n" -v fr="$tmp/lg-floor.rounds" -v mr="$tmp/lg-moatd.rounds" \
		-v frss="$(cat "$tmp/floor.rss")" -v mrss="$(cat "$tmp/moatd.rss")" \
		-v fcon="$(cat "$tmp/floor.connect")" -v mcon="$(cat "$tmp/moatd.connect")" \
		-v fc="$floor_connected" -v mc="$moatd_connected" -v rounds="$ROUNDS" '
	function median(file, col,    v, k, i, j, t, line, a) {
		k = 0
		while ((getline line < file) > 0) {
			split(line, a, " ")
			v[++k] = a[col] + 0
		}
		close(file)
		for (i = 2; i <= k; i++)
			for (j = i; j > 1 && v[j - 1] > v[j]; j--) {
				t = v[j]; v[j] = v[j - 1]; v[j - 1] = t
			}
		if (k == 0) return -1
		return k % 2 ? v[(k + 1) / 2] : (v[k / 2] + v[k / 2 + 1]) / 2
	}
	function minrecv(file,    line, a, m) {
		m = -1
		while ((getline line < file) > 0) {
			split(line, a, " ")
			if (m < 0 || a[4] + 0 < m) m = a[4] + 0
		}
		close(file)
		return m
	}
	function worst(file, col,    line, a, m) {
		m = 0
		while ((getline line < file) > 0) {
			split(line, a, " ")
			if (a[col] + 0 > m) m = a[col] + 0
		}
		close(file)
		return m
	}
	function verdict(ok) { return ok ? "met" : "not met" }
	BEGIN {
		for (c = 1; c <= 3; c++) { f[c] = median(fr, c) / 1000; m[c] = median(mr, c) / 1000 }
		fcpu = median(fr, 5); mcpu = median(mr, 5)
		wf = worst(fr, 2) / 1000; wm = worst(mr, 2) / 1000
		split(frss, a, " "); frpc = (a[2] - a[1]) / (fc > 0 ? fc : 1)
		split(mrss, b, " "); mrpc = (b[2] - b[1]) / (mc > 0 ? mc : 1)
		allf = minrecv(fr) == n && fc == n; allm = minrecv(mr) == n && mc == n
		r99 = f[2] > 0 ? m[2] / f[2] : 0
		rmax = f[3] > 0 ? m[3] / f[3] : 0
		rcpu = fcpu > 0 ? mcpu / fcpu : 0
		rrss = frpc > 0 ? mrpc / frpc : 0
		printf "| %-34s | %12s | %12s | %13s |\n", "median of " rounds " rounds", "floor", "moatd", "moatd / floor"
		printf "|%s|%s|%s|%s|\n", "------------------------------------", "--------------", "--------------", "---------------"
		printf "| %-34s | %9.1f ms | %9.1f ms | %13s |\n", "p50 latency", f[1], m[1], "-"
		printf "| %-34s | %9.1f ms | %9.1f ms | %11.2f x |\n", "p99 latency", f[2], m[2], r99
		printf "| %-34s | %9.1f ms | %9.1f ms | %11.2f x |\n", "max latency (all " n " agents)", f[3], m[3], rmax
		printf "| %-34s | %9.1f ms | %9.1f ms | %13s |\n", "p99, worst round", wf, wm, "-"
		printf "| %-34s | %9.1f ms | %9.1f ms | %11.2f x |\n", "server CPU per push", fcpu, mcpu, rcpu
		printf "| %-34s | %8.1f KiB | %8.1f KiB | %11.2f x |\n", "RSS per connected idle agent", frpc, mrpc, rrss
		printf "| %-34s | %8d KiB | %8d KiB | %13s |\n", "RSS before -> with agents", a[1], b[1], "-"
		printf "| %-34s | %8d KiB | %8d KiB | %13s |\n", "", a[2], b[2], ""
		printf "| %-34s | %7d ms/s | %7d ms/s | %13s |\n", "server CPU, agents connected, idle", a[3], b[3], "-"
		split(fcon, fk, " "); split(mcon, mk, " ")
		rct = fk[1] > 0 ? mk[1] / fk[1] : 0
		rcc = fk[2] > 0 ? mk[2] / fk[2] : 0
		printf "| %-34s | %10.1f s | %10.1f s | %11.2f x |\n", "time until all connected", fk[1] / 1000, mk[1] / 1000, rct
		printf "| %-34s | %9d ms | %9d ms | %11.2f x |\n", "server CPU to accept them", fk[2], mk[2], rcc
		print ""
		gp99 = n <= 1000 ? 25 : 200
		printf "goals (%d agents):\n", n
		if (!allf || !allm)
			printf "  (not every agent connected or received every version: see above)\n"
		printf "  p99 <= 1.5 x floor        %6.2f x     %s\n", r99, verdict(allm && m[2] <= 1.5 * f[2])
		printf "  max <= 1.5 x floor        %6.2f x     %s\n", rmax, verdict(allm && m[3] <= 1.5 * f[3])
		if (n == 1000 || n == 10000)
			printf "  p99 < %3d ms (issue)      %6.1f ms    %s\n", gp99, m[2], verdict(allm && m[2] < gp99)
		printf "  RSS < 16 KiB per agent    %6.1f KiB   %s\n", mrpc, verdict(mrpc < 16)
		print ""
	}'
done
