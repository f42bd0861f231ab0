#!/bin/sh
# A throwaway PostgreSQL 15 cluster for the tests (issue 13): runs
#   scripts/pgtest.sh COMMAND [ARGS...]
# with MOAT_TEST_PG=postgres://moat@127.0.0.1:PORT/postgres in its
# environment (a superuser; tests create and drop their own databases),
# and returns COMMAND's exit status.
#
# The cluster lives in a new temporary directory: initdb (trust
# authentication, UTF-8, no fsync: nothing in it is meant to survive),
# listening on 127.0.0.1 only, on a free port picked here (the bind is
# retried on another port if someone takes it meanwhile), its socket in
# that directory too. On exit (normal, error or signal) the server is
# stopped and the directory removed, so nothing needs to run beforehand
# and nothing is left behind.
#
# PostgreSQL refuses to run as root: as root (CI) the cluster belongs to
# the unprivileged postgres user that Debian's package creates; otherwise
# to the current user.
#
# When MOAT_TEST_PG is already set, COMMAND runs against that server
# instead and nothing is started.
# Environment: PG_BIN (default /usr/lib/postgresql/15/bin); PGTEST_SETTINGS,
# more server options after the ones above (later wins: bench/cluster
# turns fsync and synchronous_commit back on with "-c fsync=on ...").
set -eu

[ $# -gt 0 ] || {
	echo "usage: scripts/pgtest.sh COMMAND [ARGS...]" >&2
	exit 2
}
if [ -n "${MOAT_TEST_PG:-}" ]; then
	exec "$@"
fi

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
[ -x "$PG_BIN/initdb" ] || {
	echo "pgtest: no $PG_BIN/initdb (sh scripts/deps.sh postgres installs postgresql-15)" >&2
	exit 1
}

dir=$(mktemp -d /tmp/moat-pg-XXXXXX)
as_owner() { "$@"; }
if [ "$(id -u)" = 0 ]; then
	id postgres >/dev/null 2>&1 || {
		echo "pgtest: running as root needs the postgres user (postgresql-15 creates it)" >&2
		rm -rf "$dir"
		exit 1
	}
	chown postgres "$dir"
	as_owner() { runuser -u postgres -- "$@"; }
fi

started=0
cleanup() {
	status=$?
	trap - EXIT INT TERM
	if [ "$started" = 1 ]; then
		as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
	fi
	rm -rf "$dir"
	exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if ! as_owner "$PG_BIN/initdb" -D "$dir/data" -U moat --auth=trust -E UTF8 --locale=C.UTF-8 \
	-N >"$dir/initdb.log" 2>&1; then
	cat "$dir/initdb.log" >&2
	echo "pgtest: initdb failed" >&2
	exit 1
fi

free_port() {
	python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])'
}

port=""
for _ in 1 2 3 4 5; do
	port=$(free_port)
	if as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
		-o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off \
-c synchronous_commit=off -c full_page_writes=off -c max_connections=200 ${PGTEST_SETTINGS:-}" \
		start >/dev/null 2>&1; then
		started=1
		break
	fi
	# another process took the port between the probe and the bind
	tail -n 5 "$dir/server.log" >&2 2>/dev/null || true
done
[ "$started" = 1 ] || {
	echo "pgtest: the server did not start" >&2
	exit 1
}

MOAT_TEST_PG="postgres://moat@127.0.0.1:$port/postgres"
export MOAT_TEST_PG
echo "pgtest: PostgreSQL $("$PG_BIN/postgres" -V | awk "{print \$3}") at $MOAT_TEST_PG" >&2
set +e
"$@"
status=$?
set -e
exit "$status"
