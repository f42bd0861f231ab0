#!/bin/sh
# Cluster benchmark (issue 13): several moatd on one PostgreSQL behind nginx,
# beside one moatd, in one run, on loopback.
#
#   fan-out  15,000 agents (three moat-loadgen of CLUSTER_AGENTS each)
#            connect through nginx (the WebSocket-aware load balancer of
#            docs/DEPLOYMENT.md, round robin) to
#              sqlite-1  one moatd on SQLite
#              pg-1      one moatd on PostgreSQL
#              pg-3      three moatd on one PostgreSQL database (5,000 each)
#            then CLUSTER_ROUNDS policy PUTs, one every CLUSTER_SPACING s,
#            each to the next instance in turn (on pg-3 most agents sit on
#            another instance than the one the PUT went to: the change
#            reaches them through LISTEN/NOTIFY); per round the time from
#            the PUT's response to the last agent (the max over the three
#            loadgens) and their p99. Goal (issue 13): pg-3 within 1.5 x
#            pg-1.
#   ingest   bench/ingest's ws_load against 1, 2 and 3 moatd on one
#            PostgreSQL database (CLUSTER_INGEST_AGENTS agents split
#            between the instances, one ws_load per instance, straight to
#            its agent port), and against one moatd on SQLite; events/s
#            acknowledged (the sum over the ws_loads).
#
# PostgreSQL: a cluster of its own through scripts/pgtest.sh (127.0.0.1, a
# free port, removed at the end) but durable, as in production: fsync,
# synchronous_commit and full_page_writes on, shared_buffers 256MB
# (PGTEST_SETTINGS). SQLite: moatd's default (WAL, synchronous=NORMAL).
# nginx: Debian's (scripts/deps.sh bench), a private prefix in the
# temporary directory, listening on 127.0.0.1 only, reuseport over 3
# workers so that each holds about 5,000 client and 5,000 upstream sockets
# (the hard limit on open files here is per process; checked first).
#
# Should moatd refuse `serve` on PostgreSQL (a build before issue 13), the
# PostgreSQL runs are reported as not run, with moatd's message, and only
# the SQLite ones are measured. Numbers only: the exit status never depends
# on timing, only on whether the benchmark could run. About 6-8 minutes
# with the defaults; everything it started is stopped on exit.
#
# Builds neither moatd nor moat-loadgen (`make bench` does); compiles
# bench/fanout/clock.c and bench/ingest/ws_load.c into its temporary
# directory.
# Environment:
#   CLUSTER_AGENTS         agents per loadgen (default 5000; three loadgens)
#   CLUSTER_ROUNDS         policy pushes per configuration (default 5)
#   CLUSTER_SPACING        seconds from one push to the next (default 3)
#   CLUSTER_INGEST_AGENTS  ws_load agents in all (default 96)
#   CLUSTER_INGEST_SECONDS seconds of each ingest measurement (default 10)
#   CLUSTER_ONLY           "fanout" or "ingest": only that part
#   MOATD, LOADGEN, NGINX  default build/moatd, build/moat-loadgen, /usr/sbin/nginx
#   BENCH_KEEP=1           keep the temporary directory (logs, configs)
set -eu

cd "$(dirname "$0")/../.."

# Our own PostgreSQL, durable (not the suite's fsync-off one), even when
# called with MOAT_TEST_PG set.
if [ "${CLUSTER_INNER:-}" != 1 ]; then
	CLUSTER_INNER=1 MOAT_TEST_PG='' \
		PGTEST_SETTINGS="-c fsync=on -c synchronous_commit=on -c full_page_writes=on -c shared_buffers=256MB -c max_connections=300" \
		exec sh scripts/pgtest.sh sh bench/cluster/run.sh "$@"
fi

MOATD=${MOATD:-build/moatd}
LOADGEN=${LOADGEN:-build/moat-loadgen}
NGINX=${NGINX:-/usr/sbin/nginx}
PER=${CLUSTER_AGENTS:-5000}
ROUNDS=${CLUSTER_ROUNDS:-5}
SPACING=${CLUSTER_SPACING:-3}
IN_AGENTS=${CLUSTER_INGEST_AGENTS:-96}
IN_SECS=${CLUSTER_INGEST_SECONDS:-10}
ONLY=${CLUSTER_ONLY:-}
LOADGENS=3
CONNECT_TIMEOUT=240 # s, for one loadgen's agents to connect
ROUND_TIMEOUT=60    # s, for one version to reach everyone

die() {
	echo "bench: $*" >&2
	exit 1
}

[ -x "$MOATD" ] || die "$MOATD not found: run 'make bench' (or 'make' first)"
[ -x "$LOADGEN" ] || die "$LOADGEN not found: run 'make bench' (or 'make' first)"
[ -x "$NGINX" ] || die "$NGINX not found: sh scripts/deps.sh bench installs nginx-light"
[ -n "${MOAT_TEST_PG:-}" ] || die "no PostgreSQL (scripts/pgtest.sh did not set MOAT_TEST_PG)"
for c in curl psql pkg-config python3; do
	command -v "$c" >/dev/null 2>&1 || die "$c not found"
done
for v in "$PER" "$ROUNDS" "$SPACING" "$IN_AGENTS" "$IN_SECS"; do
	case $v in '' | *[!0-9]*) die "CLUSTER_*: whole numbers" ;; esac
done
[ "$PER" -ge 1 ] && [ "$ROUNDS" -ge 1 ] && [ "$IN_AGENTS" -ge 3 ] || die "CLUSTER_AGENTS, _ROUNDS >= 1, _INGEST_AGENTS >= 3"

# File descriptors: the single moatd holds every agent's socket; each nginx
# worker about a third of the clients and as many upstream sockets.
total=$((PER * LOADGENS))
want_fd=$((total + 1024))
# shellcheck disable=SC3045
hard_fd=$(ulimit -Hn)
if [ "$hard_fd" != unlimited ] && [ "$hard_fd" -lt "$want_fd" ]; then
	die "the hard limit on open files is $hard_fd; one moatd with $total agents needs $want_fd (ulimit -Hn)"
fi
# shellcheck disable=SC3045
ulimit -n "$want_fd" || die "cannot raise the open files limit to $want_fd"
# worker_connections counts client and upstream sockets: a worker holds
# about a third of the agents (reuseport spreads them), twice
nginx_conns=$(((2 * total) / 3 + 2048))
nginx_fd=$((nginx_conns + 1024))
if [ "$hard_fd" != unlimited ] && [ "$hard_fd" -lt "$nginx_fd" ]; then
	die "the hard limit on open files is $hard_fd; an nginx worker needs $nginx_fd (ulimit -Hn)"
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/moat-cluster.XXXXXX")
chmod 755 "$tmp"
pids=
nginx_pid=
nap_pid=

stop() {
	[ -n "$1" ] || return 0
	kill "$1" 2>/dev/null || return 0
	i=0
	while kill -0 "$1" 2>/dev/null && [ $i -lt 100 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	kill -9 "$1" 2>/dev/null || true
	wait "$1" 2>/dev/null || true
}

forget() {
	np=
	for p in $pids; do
		[ "$p" = "$1" ] || np="$np $p"
	done
	pids=$np
}

cleanup() {
	status=$?
	trap - EXIT HUP INT PIPE TERM
	exec 3>&- 5>&- 6>&- 7>&- 2>/dev/null || true
	[ -z "$nap_pid" ] || kill "$nap_pid" 2>/dev/null || true
	for p in $pids; do
		stop "$p"
	done
	stop "$nginx_pid"
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

nap() {
	sleep "$1" &
	nap_pid=$!
	wait "$nap_pid" || true
}

# wait_for FILE PATTERN SECONDS PID...: until a line of FILE matches.
wait_for() {
	f=$1
	pat=$2
	limit=$(($3 * 20))
	shift 3
	i=0
	until grep -q -- "$pat" "$f" 2>/dev/null; do
		for p in "$@"; do
			kill -0 "$p" 2>/dev/null || {
				tail -n 20 "$f" "$tmp"/*.err >&2 2>/dev/null || true
				die "process $p exited while waiting for '$pat' in $f"
			}
		done
		[ $i -lt $limit ] || die "no '$pat' in $f after $((limit / 20)) s"
		sleep 0.05
		i=$((i + 1))
	done
}

# rss_sum PID...: their VmRSS in KiB, summed
rss_sum() {
	for p in "$@"; do
		awk '/^VmRSS:/ { print $2 }' "/proc/$p/status" 2>/dev/null || true
	done | awk '{ s += $1 } END { printf "%d\n", s }'
}

free_port() {
	python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])'
}

# ---- tools ----
CLOCK=$tmp/clock
WS_LOAD=$tmp/ws_load
cc -std=c11 -D_GNU_SOURCE -O2 -Wall -Wextra -o "$CLOCK" bench/fanout/clock.c || die "cannot build clock.c"
# shellcheck disable=SC2046
cc -std=c11 -O2 -Wall -Wextra -o "$WS_LOAD" bench/ingest/ws_load.c bench/ingest/gen.c \
	$(pkg-config --cflags --libs libwebsockets) || die "cannot build ws_load"

# ---- databases ----
ndb=0
# new_db ENGINE: sets db to a fresh database (a file, or one on MOAT_TEST_PG)
new_db() {
	ndb=$((ndb + 1))
	if [ "$1" = sqlite ]; then
		db=$tmp/moat-$ndb.db
	else
		psql "$MOAT_TEST_PG" -q -v ON_ERROR_STOP=1 -c "CREATE DATABASE moat_bench_$ndb" >/dev/null \
			|| die "cannot create a database"
		db=${MOAT_TEST_PG%/*}/moat_bench_$ndb
	fi
}

# ---- moatd ----
# start_moatd NAME DB: sets moatd_pid, http, agent_port.
start_moatd() {
	# a name used before (the fan-out's pg-1-1, then the ingest's) must not
	# be read back from its old log: wait_for would match the last run's
	# "listening" line before the new moatd truncates the file
	rm -f "$tmp/$1.out" "$tmp/$1.err"
	"$MOATD" serve --listen 127.0.0.1:0 --agent-listen 127.0.0.1:0 --db "$2" --log-level warn \
		</dev/null >"$tmp/$1.out" 2>"$tmp/$1.err" 3>&- 5>&- 6>&- 7>&- &
	moatd_pid=$!
	pids="$pids $moatd_pid"
	wait_for "$tmp/$1.err" 'listening http=' 30 "$moatd_pid"
	http=http://$(sed -n 's/.*listening http=\([0-9.]*:[0-9]*\) agent=.*/\1/p' "$tmp/$1.err" | head -n 1)
	agent_port=$(sed -n 's/.*listening http=.* agent=[0-9.]*:\([0-9]*\).*/\1/p' "$tmp/$1.err" | head -n 1)
	[ -n "$agent_port" ] || die "no agent port in moatd's 'listening' line"
}

# setup DB HTTP: sets admin and agent_token (project "bench").
setup() {
	admin=$("$MOATD" token create --db "$1" --kind admin --name bench </dev/null | tail -n 1)
	[ -n "$admin" ] || die "moatd token create printed no token"
	code=$(curl -sS -o "$tmp/project" -w '%{http_code}' -X POST -H "Authorization: Bearer $admin" \
		-H 'Content-Type: application/json' --data '{"slug":"bench","name":"bench"}' "$2/api/v1/projects")
	[ "$code" = 201 ] || die "POST /api/v1/projects answered $code"
	code=$(curl -sS -o "$tmp/token" -w '%{http_code}' -X POST -H "Authorization: Bearer $admin" \
		-H 'Content-Type: application/json' --data '{"kind":"agent","name":"lg"}' \
		"$2/api/v1/projects/bench/tokens")
	[ "$code" = 201 ] || die "POST .../tokens answered $code"
	agent_token=$(sed -n 's/.*"token":"\(moat_agt_[A-Za-z0-9_]*\)".*/\1/p' "$tmp/token")
	[ -n "$agent_token" ] || die "no agent token in $(cat "$tmp/token")"
}

# Does this moatd serve on PostgreSQL? (issue 13: refused until ported)
new_db postgres
"$MOATD" serve --listen 127.0.0.1:0 --agent-listen 127.0.0.1:0 --db "$db" --log-level warn \
	</dev/null >"$tmp/probe.out" 2>"$tmp/probe.err" &
probe_pid=$!
pids="$pids $probe_pid"
i=0
while kill -0 "$probe_pid" 2>/dev/null && ! grep -q 'listening http=' "$tmp/probe.err" 2>/dev/null && [ $i -lt 600 ]; do
	sleep 0.05
	i=$((i + 1))
done
if grep -q 'listening http=' "$tmp/probe.err"; then
	pg_ok=1
	pg_why=
else
	pg_ok=0
	pg_why=$(grep -v '^ts=' "$tmp/probe.err" | head -n 1 | cut -c1-200)
	[ -n "$pg_why" ] || pg_why=$(tail -n 1 "$tmp/probe.err" | cut -c1-200)
fi
stop "$probe_pid"
forget "$probe_pid"

# ---- nginx ----
# start_nginx PORT...: nginx on 127.0.0.1:$lb_port in front of those agent ports.
start_nginx() {
	lb_port=$(free_port)
	mkdir -p "$tmp/nginx"
	chmod 777 "$tmp/nginx"
	{
		[ "$(id -u)" != 0 ] || echo "user nobody nogroup;"
		cat <<EOF
worker_processes 3;
worker_rlimit_nofile $nginx_fd;
daemon off;
pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx/error.log warn;
events { worker_connections $nginx_conns; }
http {
  access_log off;
  client_body_temp_path $tmp/nginx/body;
  proxy_temp_path $tmp/nginx/proxy;
  fastcgi_temp_path $tmp/nginx/fastcgi;
  uwsgi_temp_path $tmp/nginx/uwsgi;
  scgi_temp_path $tmp/nginx/scgi;
  map \$http_upgrade \$connection_upgrade { default upgrade; '' close; }
  upstream moat_agents {
EOF
		for p in "$@"; do
			echo "    server 127.0.0.1:$p max_fails=1 fail_timeout=5s;"
		done
		cat <<EOF
  }
  server {
    listen 127.0.0.1:$lb_port reuseport backlog=4096;
    location /v1/ {
      proxy_pass http://moat_agents;
      proxy_http_version 1.1;
      proxy_set_header Upgrade \$http_upgrade;
      proxy_set_header Connection \$connection_upgrade;
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_connect_timeout 2s;
      proxy_read_timeout 90s;
      proxy_send_timeout 90s;
      proxy_buffering off;
      proxy_next_upstream error timeout;
    }
  }
}
EOF
	} >"$tmp/nginx/nginx.conf"
	"$NGINX" -t -q -p "$tmp/nginx" -c "$tmp/nginx/nginx.conf" 2>"$tmp/nginx.err" \
		|| die "nginx -t: $(cat "$tmp/nginx.err")"
	"$NGINX" -p "$tmp/nginx" -c "$tmp/nginx/nginx.conf" </dev/null >/dev/null 2>>"$tmp/nginx.err" 3>&- 5>&- 6>&- 7>&- &
	nginx_pid=$!
	i=0
	until curl -s -o /dev/null "http://127.0.0.1:$lb_port/" 2>/dev/null; do
		kill -0 "$nginx_pid" 2>/dev/null || die "nginx exited: $(cat "$tmp/nginx.err" "$tmp/nginx/error.log" 2>/dev/null)"
		[ $i -lt 200 ] || die "nginx did not answer on $lb_port"
		sleep 0.05
		i=$((i + 1))
	done
}

stop_nginx() {
	stop "$nginx_pid"
	nginx_pid=
}

# ---- the loadgens: three of PER agents, their stdin on fds 5, 6, 7 ----
start_loadgens() {
	for k in 1 2 3; do
		rm -f "$tmp/lg$k.in"
		mkfifo "$tmp/lg$k.in"
		eval "exec $((k + 4))<>\"\$tmp/lg\$k.in\""
		"$LOADGEN" --agents "$PER" --url "ws://127.0.0.1:$lb_port/v1/agent" --token "$agent_token" \
			--env production --id-prefix "lg$k-" --connect-timeout $((CONNECT_TIMEOUT - 10)) \
			--version-timeout 30 <"$tmp/lg$k.in" >"$tmp/lg$k.out" 2>"$tmp/lg$k.err" 3>&- 5>&- 6>&- 7>&- &
		eval "lg${k}_pid=\$!"
		pids="$pids $!"
		wait_for "$tmp/lg$k.out" '^connected ' "$CONNECT_TIMEOUT" "$!"
	done
	connected=0
	for k in 1 2 3; do
		connected=$((connected + $(sed -n 's/^connected //p' "$tmp/lg$k.out" | head -n 1)))
	done
}

stop_loadgens() {
	for k in 1 2 3; do
		eval "echo quit >&$((k + 4))" 2>/dev/null || true
	done
	nap 1
	for k in 1 2 3; do
		eval "exec $((k + 4))>&-"
		eval "p=\$lg${k}_pid"
		stop "$p"
		forget "$p"
	done
}

policy_body() {
	if [ $(($1 % 2)) = 1 ]; then mode=block; else mode=monitor; fi
	printf '{"interceptors":{"xss":{"mode":"%s"}},"denylist":{"ips":[{"value":"10.2.%d.%d"}]}}' \
		"$mode" $((100 + $1 / 100)) $((100 + $1 % 100))
}

# fanout NAME ENGINE INSTANCES: one configuration of the fan-out part;
# appends "max_ms p99_ms received" per round to $tmp/NAME.rounds.
fanout() {
	name=$1
	new_db "$2"
	target=
	https=
	ports=
	mpids=
	n=1
	while [ $n -le "$3" ]; do
		start_moatd "$name-$n" "$db"
		https="$https $http"
		ports="$ports $agent_port"
		mpids="$mpids $moatd_pid"
		n=$((n + 1))
	done
	# shellcheck disable=SC2086
	set -- $https
	setup "$db" "$1"
	# shellcheck disable=SC2086
	start_nginx $ports
	# shellcheck disable=SC2046,SC2086
	rss0=$(rss_sum $mpids)
	# shellcheck disable=SC2046
	nrss0=$(rss_sum $(ps -o pid= --ppid "$nginx_pid"))
	t0=$("$CLOCK")
	start_loadgens
	t1=$("$CLOCK")
	echo "$name: $connected agents connected through nginx in $(((t1 - t0) / 1000000)) ms" >&2
	nap 2
	# agents, ms to connect them, moatd VmRSS (KiB, all instances) before and
	# with them, nginx workers' VmRSS before and with them
	# shellcheck disable=SC2046,SC2086
	echo "$connected $(((t1 - t0) / 1000000)) $rss0 $(rss_sum $mpids) $nrss0 $(rss_sum $(ps -o pid= --ppid "$nginx_pid"))" \
		>"$tmp/$name.conn"
	rm -f "$tmp/$name.rounds"
	r=1
	while [ $r -le "$ROUNDS" ]; do
		nap "$SPACING"
		# the PUT goes to instance ((r - 1) mod INSTANCES) + 1
		idx=$(((r - 1) % $# + 1))
		eval "target=\${$idx}"
		policy_body "$r" >"$tmp/put.body"
		code=$("$CLOCK" -o "$tmp/put.ns" curl -sS -o "$tmp/put.resp" -w '%{http_code}' -X PUT \
			-H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
			--data-binary "@$tmp/put.body" "$target/api/v1/projects/bench/environments/production/policy") \
			|| die "PUT failed"
		v=$(sed -n 's/.*"version":\([0-9]*\).*/\1/p' "$tmp/put.resp")
		[ "$code" = 200 ] && [ -n "$v" ] || die "PUT answered $code: $(cat "$tmp/put.resp")"
		ns=$(cat "$tmp/put.ns")
		for k in 1 2 3; do
			eval "echo \"go $ns $v\" >&$((k + 4))"
		done
		for k in 1 2 3; do
			eval "p=\$lg${k}_pid"
			wait_for "$tmp/lg$k.out" "^version $v " "$ROUND_TIMEOUT" "$p"
		done
		# version V received_by K p50_us P p99_us Q max_us M, one line per loadgen
		for k in 1 2 3; do grep "^version $v " "$tmp/lg$k.out" | tail -n 1; done |
			awk -v via="$idx" '{ if ($10 > m) m = $10; if ($8 > q) q = $8; got += $4 }
				END { printf "%.1f %.1f %d %d\n", m / 1000, q / 1000, got, via }' >>"$tmp/$name.rounds"
		r=$((r + 1))
	done
	stop_loadgens
	stop_nginx
	for p in $mpids; do
		stop "$p"
		forget "$p"
	done
}

# ingest NAME ENGINE INSTANCES: ws_load per instance, IN_AGENTS split; one
# line "events_per_s run_events_per_s duplicates rejected cpu%s" in $tmp/NAME.ingest.
ingest() {
	name=$1
	new_db "$2"
	ports=
	mpids=
	first=
	n=1
	while [ $n -le "$3" ]; do
		start_moatd "$name-$n" "$db"
		[ -n "$first" ] || first=$http
		ports="$ports $agent_port"
		mpids="$mpids $moatd_pid"
		n=$((n + 1))
	done
	setup "$db" "$first"
	each=$((IN_AGENTS / $3))
	wl=
	k=0
	for p in $ports; do
		k=$((k + 1))
		"$WS_LOAD" --port "$p" --token "$agent_token" --agents "$each" --batch 500 --seconds "$IN_SECS" \
			--warmup 2 --id-prefix "in$k-" </dev/null >"$tmp/$name.wl$k" 2>"$tmp/$name.wl$k.err" 3>&- 5>&- 6>&- 7>&- &
		wl="$wl $!"
	done
	for p in $wl; do
		wait "$p" || die "ws_load failed: $(cat "$tmp/$name".wl*.err | tail -n 5)"
	done
	cat "$tmp/$name".wl[0-9] | tr ' ' '\n' | awk -F= '
		$1 == "events_per_s" { e += $2 } $1 == "run_events_per_s" { r += $2 }
		$1 == "duplicates" { d += $2 } $1 == "rejected" { j += $2 } $1 == "client_cpu_pct" { c = c " " $2 }
		END { printf "%.0f %.0f %d %d%s\n", e, r, d, j, c }' >"$tmp/$name.ingest"
	for p in $mpids; do
		stop "$p"
		forget "$p"
	done
}

# ---- the runs ----
echo "== Moat cluster benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "machine: $(uname -srm), $(nproc) CPUs, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min) before the runs; other busy processes skew every number"
echo "moatd:   $("$MOATD" --version 2>&1 | head -n 1), --log-level warn"
echo "pg:      $(psql "$MOAT_TEST_PG" -Atc 'SHOW server_version' | cut -d' ' -f1), fsync=$(psql "$MOAT_TEST_PG" -Atc 'SHOW fsync') synchronous_commit=$(psql "$MOAT_TEST_PG" -Atc 'SHOW synchronous_commit') shared_buffers=$(psql "$MOAT_TEST_PG" -Atc 'SHOW shared_buffers')"
echo "nginx:   $("$NGINX" -v 2>&1 | sed 's/.*version: //'), 3 workers (reuseport), worker_connections $nginx_conns, worker_rlimit_nofile $nginx_fd"
echo "agents:  $LOADGENS moat-loadgen x $PER through nginx; $ROUNDS PUTs per configuration, one every $SPACING s"
echo "ingest:  ws_load, $IN_AGENTS agents in all split over the instances, batches of 500, $IN_SECS s"
# shellcheck disable=SC3045
echo "limits:  ulimit -n $(ulimit -n) for every process"
if [ "$pg_ok" = 1 ]; then
	echo "postgres: moatd serves on PostgreSQL"
else
	echo "postgres: NOT MEASURED: moatd refuses serve on PostgreSQL: $pg_why"
fi
echo

fan_configs="sqlite-1:sqlite:1"
in_configs="sqlite-1:sqlite:1"
if [ "$pg_ok" = 1 ]; then
	fan_configs="$fan_configs pg-1:postgres:1 pg-3:postgres:3"
	in_configs="$in_configs pg-1:postgres:1 pg-2:postgres:2 pg-3:postgres:3"
fi
[ "$ONLY" != ingest ] || fan_configs=
[ "$ONLY" != fanout ] || in_configs=

for c in $fan_configs; do
	IFS=: read -r name eng inst <<EOF
$c
EOF
	echo "fan-out $name ..." >&2
	fanout "$name" "$eng" "$inst"
done
for c in $in_configs; do
	IFS=: read -r name eng inst <<EOF
$c
EOF
	echo "ingest $name ..." >&2
	ingest "$name" "$eng" "$inst"
done

# ---- the tables ----
if [ -n "$fan_configs" ]; then
	echo "== fan-out: $((PER * LOADGENS)) agents through nginx; per round: PUT response -> last agent ms (p99 ms) [instance PUT to]"
	for c in $fan_configs; do
		name=${c%%:*}
		read -r conn cms r0 r1 n0 n1 <"$tmp/$name.conn"
		printf '  %-9s' "$name"
		awk '{ printf " %s (%s) [%d]", $1, $2, $4 }' "$tmp/$name.rounds"
		awk '{ print $1 }' "$tmp/$name.rounds" | sort -n | awk '{ a[NR] = $1 } END {
			printf "   median %s ms\n", (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
		awk -v c="$conn" -v ms="$cms" -v r0="$r0" -v r1="$r1" -v n0="$n0" -v n1="$n1" 'BEGIN {
			printf "             %d connected in %.1f s; moatd VmRSS %.0f -> %.0f MiB (%.1f KiB per agent); nginx workers %.0f -> %.0f MiB (%.1f KiB per agent)\n",
				c, ms / 1000, r0 / 1024, r1 / 1024, c ? (r1 - r0) / c : 0, n0 / 1024, n1 / 1024, c ? (n1 - n0) / c : 0 }'
		awk -v want="$((PER * LOADGENS))" '$3 != want { bad = 1 } END { if (bad) print "             warning: a round did not reach every agent" }' "$tmp/$name.rounds"
	done
	if [ -f "$tmp/pg-3.rounds" ] && [ -f "$tmp/pg-1.rounds" ]; then
		m1=$(awk '{ print $1 }' "$tmp/pg-1.rounds" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }')
		m3=$(awk '{ print $1 }' "$tmp/pg-3.rounds" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }')
		awk -v a="$m1" -v b="$m3" 'BEGIN { r = (a > 0) ? b / a : 0
			printf "  pg-3 / pg-1 (median time to the last agent): %.2f x   goal <= 1.5 x: %s\n", r, (r <= 1.5) ? "met" : "not met" }'
	else
		echo "  pg-3 / pg-1: not measured (no PostgreSQL runs)"
	fi
	echo
fi
if [ -n "$in_configs" ]; then
	echo "== ingest: events/s acknowledged (window; whole run), summed over the ws_loads"
	for c in $in_configs; do
		name=${c%%:*}
		read -r e r d j cpu <"$tmp/$name.ingest"
		printf '  %-9s %9s ev/s (%s)  duplicates %s rejected %s  ws_load cpu%%: %s\n' "$name" "$e" "$r" "$d" "$j" "$cpu"
	done
	[ -f "$tmp/pg-1.ingest" ] || echo "  pg-1, pg-2, pg-3: not measured (no PostgreSQL runs)"
fi
