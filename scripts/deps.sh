#!/bin/sh
# Installs the Debian packages Moat needs, and only those that are missing.
# Asks pkg-config (or the header, for mbedtls which ships no .pc in Debian 12)
# first; runs apt-get only when something is absent. Idempotent; needs root
# (or sudo) only when it has to install.
#   scripts/deps.sh          build + test dependencies
#   scripts/deps.sh GROUP... also each GROUP's packages (several may be named):
#   scripts/deps.sh bench    also wrk and nginx for bench/
#   scripts/deps.sh lint     also clang-format
#   scripts/deps.sh fuzz     also clang and libFuzzer
#   scripts/deps.sh detect   also ModSecurity v3 and the OWASP CRS, the WAF
#                            bench/detect/run.sh measures beside Moat
#   scripts/deps.sh postgres also the PostgreSQL 15 server, for the tests'
#                            throwaway clusters (scripts/pgtest.sh; `make
#                            test`, `make check`, `make e2e` use it)
#   scripts/deps.sh browser  also Debian's chromium and npm, then `npm ci` in
#                            tests/browser (playwright-core, axe-core as its
#                            package-lock.json pins them) when node_modules
#                            is missing or older than the lock; playwright
#                            never downloads a browser (the tests use
#                            /usr/bin/chromium)
#   scripts/deps.sh attack   also sqlmap and wapiti, the attack tools that
#                            tests/e2e/test_attack.py points at build/shop
#                            (`make e2e` and so `make test` install them)
set -eu

missing=""
need_pc() { pkg-config --exists "$1" 2>/dev/null || missing="$missing $2"; }
need_file() { [ -e "$1" ] || missing="$missing $2"; }
need_cmd() { command -v "$1" >/dev/null 2>&1 || missing="$missing $2"; }
need_py() { python3 -c "import $1" >/dev/null 2>&1 || missing="$missing $2"; }

need_cmd cc gcc
need_cmd make make
need_cmd pkg-config pkg-config
need_cmd python3 python3
need_cmd curl curl
# the e2e suite checks every answer against api/openapi.yaml and
# agentproto/schema (tests/e2e/contract.py)
need_py jsonschema python3-jsonschema
need_py yaml python3-yaml
if command -v pkg-config >/dev/null 2>&1; then
	need_pc libmicrohttpd libmicrohttpd-dev
	need_pc libwebsockets libwebsockets-dev
	need_pc sqlite3 libsqlite3-dev
	need_pc jansson libjansson-dev
	need_pc cmocka libcmocka-dev
	need_pc libcurl libcurl4-openssl-dev
	need_pc libargon2 libargon2-dev
	need_pc libpq libpq-dev
else
	missing="$missing libmicrohttpd-dev libwebsockets-dev libsqlite3-dev libjansson-dev libcmocka-dev libcurl4-openssl-dev libargon2-dev libpq-dev"
fi
need_file /usr/include/mbedtls/sha256.h libmbedtls-dev
# the dashboard's charts: moatd serves this file at /vendor/chart.js
need_file /usr/share/javascript/chart.js/chart.min.js libjs-chart.js
# libmoatagent's IDNA tables are generated at build time from these
# (scripts/gen_idna_tab.py)
need_file /usr/lib/python3/dist-packages/idna/uts46data.py python3-idna
need_file /usr/share/unicode/UnicodeData.txt unicode-data

for group in "$@"; do
	case $group in
	lint)
		need_cmd clang-format clang-format
		;;
	fuzz)
		need_cmd clang clang
		need_file /usr/lib/llvm-14/lib/clang/14.0.6/lib/linux/libclang_rt.fuzzer-x86_64.a libclang-rt-14-dev
		;;
	detect)
		need_pc modsecurity libmodsecurity-dev
		need_file /usr/share/modsecurity-crs/rules/REQUEST-942-APPLICATION-ATTACK-SQLI.conf modsecurity-crs
		;;
	browser)
		need_cmd chromium chromium
		need_cmd npm npm
		;;
	bench)
		need_cmd wrk wrk
		need_file /usr/sbin/nginx nginx-light
		;;
	attack)
		need_cmd sqlmap sqlmap
		need_cmd wapiti wapiti
		;;
	postgres)
		# initdb and pg_ctl of Debian 12's PostgreSQL; psql comes with it
		need_file /usr/lib/postgresql/15/bin/initdb postgresql-15
		;;
	*)
		echo "deps: unknown group '$group' (lint, fuzz, detect, browser, bench, attack, postgres)" >&2
		exit 2
		;;
	esac
done

# tests/browser's npm packages, pinned by its package-lock.json
browser_npm() {
	case " $* " in
	*" browser "*) ;;
	*) return 0 ;;
	esac
	dir=$(dirname "$0")/../tests/browser
	if [ ! -f "$dir/node_modules/.package-lock.json" ] ||
		[ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
		echo "deps: npm ci in tests/browser" >&2
		(cd "$dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
	fi
}

if [ -z "$missing" ]; then
	browser_npm "$@"
	exit 0
fi

echo "deps: installing:$missing" >&2
SUDO=""
if [ "$(id -u)" != 0 ]; then
	command -v sudo >/dev/null 2>&1 || {
		echo "deps: need root to install:$missing" >&2
		exit 1
	}
	SUDO=sudo
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
browser_npm "$@"
