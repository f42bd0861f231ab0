#!/bin/sh
# HTTP benchmark of moatd beside nginx, on loopback, in one run.
#
# wrk (keep-alive, 64 connections, 2 threads) against:
#   nginx  GET /bench.html                      (a 2048-byte static file)
#   moatd  GET /bench.html                      (the same file from its web root)
#   moatd  GET /api/v1/projects/bench           (Authorization: Bearer <admin token>)
# and prints requests/s, p99 and the ratio to nginx, with the goals of
# issue 2 (static >= 0.8 x nginx, API >= 0.6 x nginx, p99 < 5 ms) marked
# "met" or "not met". Numbers only: the exit status never depends on timing,
# only on whether the benchmark could run at all.
#
# Builds nothing: `make bench` installs wrk and nginx and builds first.
# Environment:
#   BENCH_SECONDS      seconds per measured run (default 10)
#   BENCH_WARMUP       seconds of warm-up per target, 0 for none (default 2)
#   BENCH_CONNECTIONS  wrk connections (default 64)
#   BENCH_THREADS      wrk threads (default 2)
#   BENCH_LOG_LEVEL    moatd --log-level (default warn; "info" logs every request)
#   MOATD              the binary, relative to the repo root or absolute (default build/moatd)
#   NGINX              the nginx binary (default /usr/sbin/nginx)
#   BENCH_KEEP=1       keep the temporary directory (logs, wrk output)
set -eu

cd "$(dirname "$0")/../.."
here=bench/http

MOATD=${MOATD:-build/moatd}
NGINX=${NGINX:-/usr/sbin/nginx}
SECS=${BENCH_SECONDS:-10}
WARMUP=${BENCH_WARMUP:-2}
CONNS=${BENCH_CONNECTIONS:-64}
THREADS=${BENCH_THREADS:-2}
LOG_LEVEL=${BENCH_LOG_LEVEL:-warn}

die() {
	echo "bench: $*" >&2
	exit 1
}

[ -x "$MOATD" ] || die "$MOATD not found: run 'make bench' (or 'make' first)"
[ -x "$NGINX" ] || die "$NGINX not found: run 'sh scripts/deps.sh bench'"
command -v wrk >/dev/null 2>&1 || die "wrk not found: run 'sh scripts/deps.sh bench'"
command -v curl >/dev/null 2>&1 || die "curl not found"
command -v python3 >/dev/null 2>&1 || die "python3 not found"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/moat-bench.XXXXXX")
moatd_pid=
nginx_pid=
wrk_pid=

stop() {
	# $1: pid. SIGTERM, then SIGKILL after 5 s.
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
	trap - EXIT INT TERM
	stop "$wrk_pid"
	stop "$moatd_pid"
	stop "$nginx_pid"
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

free_port() {
	python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# ---- the web root both servers serve ----
web=$tmp/web
mkdir -p "$web" "$tmp/nginx-tmp"
html_head='<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Moat bench</title></head><body><p>'
html_tail='</p></body></html>'
pad=$((2048 - ${#html_head} - ${#html_tail} - 1))
{
	printf '%s' "$html_head"
	head -c "$pad" /dev/zero | tr '\0' 'm'
	printf '%s\n' "$html_tail"
} >"$web/bench.html"
size=$(wc -c <"$web/bench.html")
[ "$size" -eq 2048 ] || die "bench.html is $size bytes, not 2048"
printf '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Moat bench</title></head><body><p>bench</p></body></html>\n' >"$web/index.html"
# nginx workers run as nobody when started as root: let them read the root.
chmod 0755 "$tmp" "$web"
chmod 0644 "$web/bench.html" "$web/index.html"

# ---- moatd ----
db=$tmp/moat.db
MOAT_ADMIN_PASSWORD=bench-admin-password-not-secret \
	"$MOATD" serve --listen 127.0.0.1:0 --agent-listen 127.0.0.1:0 \
	--db "$db" --web-root "$web" --log-level "$LOG_LEVEL" \
	</dev/null >"$tmp/moatd.out" 2>"$tmp/moatd.log" &
moatd_pid=$!

moat_addr=
i=0
while [ $i -lt 100 ]; do
	moat_addr=$(sed -n 's/.*listening http=\([0-9.]*:[0-9]*\) agent=.*/\1/p' "$tmp/moatd.log" | head -n 1)
	[ -n "$moat_addr" ] && break
	kill -0 "$moatd_pid" 2>/dev/null || { cat "$tmp/moatd.log" >&2; die "moatd exited at start"; }
	sleep 0.1
	i=$((i + 1))
done
[ -n "$moat_addr" ] || { cat "$tmp/moatd.log" >&2; die "moatd printed no 'listening http=' line in 10 s"; }
moat=http://$moat_addr

token=$("$MOATD" token create --db "$db" --kind admin --name bench </dev/null | tail -n 1)
[ -n "$token" ] || die "moatd token create printed no token"

code=$(curl -sS -o "$tmp/project.json" -w '%{http_code}' -X POST \
	-H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
	--data '{"slug":"bench","name":"Bench"}' "$moat/api/v1/projects")
[ "$code" = 201 ] || { cat "$tmp/project.json" >&2; echo >&2; die "POST /api/v1/projects answered $code, not 201"; }

# ---- nginx ----
nginx_port=$(free_port)
sed -e "s|@DIR@|$tmp|g" -e "s|@PORT@|$nginx_port|g" -e "s|@ROOT@|$web|g" \
	"$here/nginx.conf.in" >"$tmp/nginx.conf"
"$NGINX" -p "$tmp" -e "$tmp/nginx-error.log" -c "$tmp/nginx.conf" \
	</dev/null >"$tmp/nginx.out" 2>&1 &
nginx_pid=$!
nginx=http://127.0.0.1:$nginx_port

i=0
until curl -fsS -o /dev/null "$nginx/bench.html" 2>/dev/null; do
	kill -0 "$nginx_pid" 2>/dev/null || { cat "$tmp/nginx.out" "$tmp/nginx-error.log" >&2 2>/dev/null; die "nginx exited at start"; }
	[ $i -lt 50 ] || die "nginx does not answer on $nginx"
	sleep 0.1
	i=$((i + 1))
done

# ---- check every target answers 200 (and the file is the file), keep-alive ----
check() {
	# $1 url, $2 expected size in bytes or "", then extra curl args.
	# Fetches the url twice on one curl; prints "kept" when the second
	# request reused the connection, "closed" otherwise.
	url=$1
	want=$2
	shift 2
	curl -sS -o /dev/null -o /dev/null "$@" \
		-w '%{http_code} %{size_download} %{num_connects}\n' "$url" "$url" >"$tmp/check.out" \
		|| die "GET $url failed"
	{
		read -r code1 size1 _conn1
		read -r _code2 _size2 conn2
	} <"$tmp/check.out"
	[ "$code1" = 200 ] || die "GET $url answered $code1, not 200"
	[ -z "$want" ] || [ "$size1" = "$want" ] || die "GET $url sent $size1 bytes, not $want"
	if [ "$conn2" = 0 ]; then
		echo "kept"
	else
		echo "closed"
	fi
}
ka_nginx=$(check "$nginx/bench.html" 2048)
ka_static=$(check "$moat/bench.html" 2048)
ka_api=$(check "$moat/api/v1/projects/bench" "" -H "Authorization: Bearer $token")

# ---- the machine ----
echo "== Moat HTTP benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "machine: $(uname -srm), $(nproc) CPUs, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min) before the runs; other busy processes skew every number"
echo "moatd:   $("$MOATD" --version 2>&1 | head -n 1), --log-level $LOG_LEVEL"
echo "nginx:   $("$NGINX" -v 2>&1 | head -n 1), worker_processes auto, access_log off"
echo "wrk:     $(wrk -v 2>&1 | head -n 1 | sed 's/ *Copyright.*//'); -t$THREADS -c$CONNS -d${SECS}s --latency, warm-up ${WARMUP}s"
echo

# ---- runs ----
# wrk in the background and `wait` for it: a signal's trap then runs at
# once instead of after the run. Returns wrk's exit status.
wrk_bg() {
	wrk "$@" &
	wrk_pid=$!
	st=0
	wait "$wrk_pid" || st=$?
	wrk_pid=
	return $st
}

# run NAME URL [wrk args...] -> $tmp/NAME.wrk
run() {
	name=$1
	url=$2
	shift 2
	if [ "$WARMUP" != 0 ]; then
		wrk_bg -t"$THREADS" -c"$CONNS" -d"${WARMUP}s" "$@" "$url" >/dev/null 2>&1 || true
	fi
	echo "running $name ($url) for ${SECS}s ..." >&2
	wrk_bg -t"$THREADS" -c"$CONNS" -d"${SECS}s" --latency "$@" "$url" >"$tmp/$name.wrk" 2>&1 \
		|| { cat "$tmp/$name.wrk" >&2; die "wrk failed on $url"; }
}
run nginx "$nginx/bench.html"
run static "$moat/bench.html"
run api "$moat/api/v1/projects/bench" -H "Authorization: Bearer $token"
echo >&2

# parse FILE -> "rps p99_ms non2xx socket_errors"
parse() {
	awk '
	function ms(v) {
		if (v ~ /us$/) return substr(v, 1, length(v) - 2) / 1000
		if (v ~ /ms$/) return substr(v, 1, length(v) - 2) + 0
		if (v ~ /m$/)  return substr(v, 1, length(v) - 1) * 60000
		if (v ~ /s$/)  return substr(v, 1, length(v) - 1) * 1000
		return v + 0
	}
	/^Requests\/sec:/ { rps = $2 }
	/^ +99%/ { p99 = ms($2) }
	/Non-2xx or 3xx responses:/ { bad = $NF }
	/Socket errors:/ {
		gsub(",", "")
		errs = $4 + $6 + $8 + $10
	}
	END { printf "%s %s %d %d\n", (rps == "" ? 0 : rps), (p99 == "" ? -1 : p99), bad, errs }
	' "$1"
}

parse "$tmp/nginx.wrk" >"$tmp/nginx.num"
parse "$tmp/static.wrk" >"$tmp/static.num"
parse "$tmp/api.wrk" >"$tmp/api.num"
read -r n_rps n_p99 n_bad n_err <"$tmp/nginx.num"
read -r s_rps s_p99 s_bad s_err <"$tmp/static.num"
read -r a_rps a_p99 a_bad a_err <"$tmp/api.num"

awk -v n_rps="$n_rps" -v n_p99="$n_p99" -v n_bad="$n_bad" -v n_err="$n_err" -v n_ka="$ka_nginx" \
	-v s_rps="$s_rps" -v s_p99="$s_p99" -v s_bad="$s_bad" -v s_err="$s_err" -v s_ka="$ka_static" \
	-v a_rps="$a_rps" -v a_p99="$a_p99" -v a_bad="$a_bad" -v a_err="$a_err" -v a_ka="$ka_api" '
function ratio(x) { return n_rps > 0 ? x / n_rps : 0 }
function row(name, rps, p99, bad, err, ka) {
	printf "| %-38s | %10.0f | %8.2f ms | %6.2f x | %7d | %7d | %-10s |\n", \
		name, rps, p99, ratio(rps), bad, err, ka
}
function verdict(ok, bad) {
	if (bad > 0) return "not met (non-2xx responses)"
	return ok ? "met" : "not met"
}
BEGIN {
	printf "| %-38s | %10s | %11s | %8s | %7s | %7s | %-10s |\n", \
		"target", "requests/s", "p99", "vs nginx", "non-2xx", "sockerr", "keep-alive"
	printf "|%s|%s|%s|%s|%s|%s|%s|\n", "----------------------------------------", \
		"------------", "-------------", "----------", "---------", "---------", "------------"
	row("nginx GET /bench.html (2 KB)", n_rps, n_p99, n_bad, n_err, n_ka)
	row("moatd GET /bench.html (2 KB)", s_rps, s_p99, s_bad, s_err, s_ka)
	row("moatd GET /api/v1/projects/{p} bearer", a_rps, a_p99, a_bad, a_err, a_ka)
	print ""
	print "goals:"
	printf "  static >= 0.80 x nginx   %5.2f x    %s\n", ratio(s_rps), verdict(ratio(s_rps) >= 0.8, s_bad)
	printf "  API    >= 0.60 x nginx   %5.2f x    %s\n", ratio(a_rps), verdict(ratio(a_rps) >= 0.6, a_bad)
	printf "  static p99 < 5 ms        %5.2f ms   %s\n", s_p99, verdict(s_p99 >= 0 && s_p99 < 5, s_bad)
	printf "  API    p99 < 5 ms        %5.2f ms   %s\n", a_p99, verdict(a_p99 >= 0 && a_p99 < 5, a_bad)
}'

if [ "${BENCH_VERBOSE:-0}" = 1 ]; then
	for f in nginx static api; do
		echo
		echo "== wrk output: $f"
		cat "$tmp/$f.wrk"
	done
fi
