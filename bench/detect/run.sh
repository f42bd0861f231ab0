#!/bin/sh
# Detection quality and cost of libmoatagent's interceptors on a corpus
# folder laid out like shared/corpus/cases (one folder per category, JSONL
# cases; its README.md says how sinks and benign operations are formed).
#
#   sh bench/detect/run.sh DIR [--dialect mysql|postgresql|sqlite] [--sql-dq] [--show-misses N]
#
# --sql-dq adds a sixth SQL sink with MySQL rules: a "-quoted string.
#
# Builds build/bench-detect (and libmoatagent) with make, then prints per
# category and per file: cases, detected (rate), false positives (rate),
# the inputs that changed nothing in any sink (apart, not counted as
# misses) and the cost per check (p50, p99 in microseconds, on this
# machine); last, one line per category for scripts:
#
#   RESULT <category> cases=<n> detected=<pct> false_positives=<pct>
#
# Categories without an interceptor yet print "n/a (no interceptor yet)",
# never 0 %. Numbers only: the exit status says whether it could run.
# BENCH_DIALECT sets the SQL dialect (default mysql) when --dialect is not given.
# BENCH_CLOCK=thread times every check and every CRS request by the thread's
# own CPU time instead of the wall clock (on a loaded machine the short
# checks' p99 is otherwise the scheduler's time slice; detect.c says how).
#
# Side by side, the same inputs go as the query string of a GET request
# through ModSecurity v3 with the OWASP CRS (Debian's libmodsecurity3 and
# modsecurity-crs, installed by scripts/deps.sh detect; anomaly scoring,
# blocking at 5) at paranoia levels 1 and 2, for the categories Moat has an
# interceptor for: its detection, false positives and cost per request.
# BENCH_CRS=0 leaves it out (and installs nothing). CRS costs milliseconds a
# request, so its requests run in one process per CPU once Moat has checked a
# file (BENCH_CRS_JOBS=N sets how many; 1 runs them in the bench itself).
# Both levels' verdicts come from one request at paranoia 1 executing level
# 2 (detect.c says how); its cost is PL2's. BENCH_CRS_PL1=1 also runs PL1's
# own engine for its cost, and stops if its verdict ever differs.
set -eu
DIR=${1:?usage: sh bench/detect/run.sh DIR [--dialect D] [--show-misses N]}
shift
case "$DIR" in /*) ;; *) DIR="$(pwd)/$DIR" ;; esac
cd "$(dirname "$0")/../.."
CRS=--crs
if [ "${BENCH_CRS:-1}" = 0 ]; then
	CRS=
else
	sh scripts/deps.sh detect
fi
make --no-print-directory -j2 build/bench-detect >/dev/null
echo "machine: $(nproc) CPUs, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
case " $* " in
*" --dialect "*) exec build/bench-detect $CRS "$@" "$DIR" ;;
*) exec build/bench-detect $CRS --dialect "${BENCH_DIALECT:-mysql}" "$@" "$DIR" ;;
esac
