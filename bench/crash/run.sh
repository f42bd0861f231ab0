#!/bin/sh
# The long version of tests/e2e/test_crash.py (issue 4): agents stream
# events while moatd is killed with SIGKILL at random moments and
# restarted, many times; at the end every acknowledged event must be
# stored exactly once. CI runs a few rounds; this runs many.
#   CRASH_ROUNDS   kills (default 60)
#   CRASH_SEED     the random seed (default: time of day)
# Prints the test's verdict; exits non-zero only if an acknowledged event
# was lost or duplicated (a correctness check, not a timing).
set -eu
cd "$(dirname "$0")/../.."
[ -x build/moatd ] || { echo "crash: build/moatd missing: run make first" >&2; exit 1; }
E2E_CRASH_ROUNDS=${CRASH_ROUNDS:-60} E2E_CRASH_SEED=${CRASH_SEED:-$(date +%s)} \
	python3 tests/e2e/run.py --moatd build/moatd --web-root web -k 'test_crash*'
