#!/bin/sh
# What libmoatagent costs build/shop (issue 12), and how fast a policy PUT
# stops an attack. Three shops from one database seed: the agent off (no
# --moat-url: the baseline), in monitor and in block mode (every
# interceptor). The traffic is ordinary: the home page, searches with
# ordinary words, product pages, /about (every GET of bench/shop/bench.py's
# list that answers 200 with the agent off), each with a browser's headers
# and the shop's cart cookie, cycled by a wrk Lua script.
#
#   1. wrk against each shop in rotated rounds of one run (the three modes
#      share the machine's noise): requests/s, p50, p99 and the shop's CPU
#      time per request; medians beside the agent-off shop
#   2. callgrind (when valgrind is there): instructions per request of the
#      same traffic, the difference of 1000 and 200 requests on one
#      keep-alive connection -- the figure that other load on the machine
#      does not move
#   3. BENCH_SWITCHES times: the monitor shop's policy PUT to block while a
#      thread sends an attack search in a tight loop: the time from sending
#      the PUT to the first 403, and attacks let through after moatd had
#      answered the PUT
# Goals: the agent costs < 5 % of the throughput and < 100 us of p99.
# Numbers only: the exit status says whether the benchmark could run.
# About 2 minutes with the defaults.
#
# Installs wrk (scripts/deps.sh bench) and builds build/moatd and
# build/shop with make. Environment:
#   BENCH_SECONDS      seconds per measured wrk run (default 5)
#   BENCH_ROUNDS       rounds of off, monitor, block (default 2: 10 s a mode; 0: no wrk)
#   BENCH_WARMUP       seconds of warm-up per shop before the rounds (default 2)
#   BENCH_CONNECTIONS  wrk connections (default 16)
#   BENCH_THREADS      wrk threads (default 2)
#   BENCH_INSTR        requests of the larger callgrind run (default 1000; 0: none)
#   BENCH_SWITCHES     PUT-to-first-block measurements (default 5)
#   BENCH_KEEP=1       keep the temporary directory (logs, wrk output, callgrind files)
set -eu

cd "$(dirname "$0")/../.."
sh scripts/deps.sh bench
make --no-print-directory -j2 build/moatd build/shop >/dev/null
echo "cpu: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1) x $(nproc), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
keep=
[ "${BENCH_KEEP:-0}" = 1 ] && keep=--keep
exec python3 bench/shop/bench.py --moatd build/moatd --shop build/shop \
	--seconds "${BENCH_SECONDS:-5}" --rounds "${BENCH_ROUNDS:-2}" --warmup "${BENCH_WARMUP:-2}" \
	--connections "${BENCH_CONNECTIONS:-16}" --threads "${BENCH_THREADS:-2}" \
	--switches "${BENCH_SWITCHES:-5}" --instr-large "${BENCH_INSTR:-1000}" \
	--instr-small "$([ "${BENCH_INSTR:-1000}" = 0 ] && echo 0 || echo 200)" $keep
