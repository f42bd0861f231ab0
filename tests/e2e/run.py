#!/usr/bin/env python3
"""Runs Moat's end-to-end tests against a real moatd.

    python3 tests/e2e/run.py --moatd build/moatd --web-root web [-k pattern]
                             [--engine sqlite|postgres]

Discovers tests/e2e/test_*.py; in each module every function named test_*
is a test, called with the module's server (a fresh moatd per module, on
loopback with ephemeral ports and a temporary database). A module may
define server_kwargs(tmpdir) returning keyword arguments for moat.Moatd.
Prints `ok   name` or `FAIL name: reason` per test and finally
`e2e: N passed, M failed`; exits 1 when anything failed.

Every HTTP response and server WebSocket message a test receives is checked
against api/openapi.yaml and agentproto/schema (contract.py); a test that
received an answer the contract does not describe fails.

Engines (issue 13): --engine (default MOAT_E2E_ENGINE, else sqlite) is the
database every moatd of the run gets: a SQLite file, or a fresh database
of its own on the PostgreSQL of MOAT_TEST_PG (scripts/pgtest.sh; moat.py).
A test marked moat.only_on(engine, reason), or in a module with ONLY_ON =
(engine, reason), runs only on that engine; on the other it is not run,
and the run says so: `--   name: only on sqlite: reason` per test, and a
count before the last line. `make e2e` runs the suite once per engine in
E2E_ENGINES (sqlite and postgres; the Makefile says why the whole suite
on both).

Timeouts: every test 60 s (SIGALRM; a module may set TEST_TIMEOUT to give
each of its tests longer, as test_attack.py does for the attack tools),
every HTTP socket operation 10 s, server start 15 s, the whole run 20
minutes.
"""

import argparse
import fnmatch
import glob
import importlib.util
import os
import shutil
import signal
import sys
import tempfile
import time
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # no __pycache__ in the source tree

import contract  # noqa: E402
import moat  # noqa: E402

TEST_TIMEOUT = 60
RUN_TIMEOUT = 20 * 60


class TestTimeout(Exception):
    pass


ALARM = [TEST_TIMEOUT]  # the timeout armed last, for the message


def arm(seconds):
    ALARM[0] = seconds
    signal.alarm(seconds)


def on_alarm(signum, frame):
    raise TestTimeout("timed out after %ds" % ALARM[0])


def load(path):
    name = os.path.splitext(os.path.basename(path))[0]
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def tests_of(mod):
    return [(n, f) for n, f in vars(mod).items()
            if n.startswith("test_") and callable(f) and getattr(f, "__module__", None) == mod.__name__]


def selected(pattern, module_name, test_name):
    """-k: a substring of module::test, or a glob; several joined by '|'."""
    if not pattern:
        return True
    full = module_name + "::" + test_name
    for p in pattern.split("|"):
        if any(ch in p for ch in "*?["):
            if fnmatch.fnmatch(test_name, p) or fnmatch.fnmatch(full, p):
                return True
        elif p and p in full:
            return True
    return False


def reason_of(exc, srv):
    if isinstance(exc, (moat.TestFailure, AssertionError)):
        msg = str(exc) or "assertion failed"
        tb = traceback.extract_tb(exc.__traceback__)
        where = [fr for fr in tb if os.path.basename(fr.filename).startswith("test_")]
        if where:
            fr = where[-1]
            msg += "  [%s:%d]" % (os.path.basename(fr.filename), fr.lineno)
    elif isinstance(exc, TestTimeout):
        msg = str(exc)
    else:
        msg = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__)[-6:])
    if srv is not None and srv.proc is not None and not srv.running() and not srv.expected_exit:
        rc = srv.proc.returncode
        how = ("killed by signal %d" % -rc) if rc is not None and rc < 0 else ("exit status %s" % rc)
        msg = "moatd is not running (%s)\n%s" % (how, msg)
    if srv is not None and "moatd log tail" not in msg:
        msg += "\n" + srv.log_tail(15)
    return msg


def indent(text):
    lines = text.rstrip("\n").split("\n")
    return lines[0] + "".join("\n    " + l for l in lines[1:])


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--moatd", required=True, help="path to the moatd binary")
    ap.add_argument("--web-root", required=True, help="the web root to serve")
    ap.add_argument("-k", dest="pattern", default=None,
                    help="run only tests whose module::name contains this or matches this glob; "
                         "several patterns joined by |")
    ap.add_argument("--engine", choices=moat.ENGINES, default=os.environ.get("MOAT_E2E_ENGINE") or "sqlite",
                    help="the database engine of every moatd (default MOAT_E2E_ENGINE, else sqlite)")
    args = ap.parse_args()
    moat.CONFIG.engine = args.engine

    moat.CONFIG.moatd = os.path.abspath(args.moatd)
    moat.CONFIG.web_root = os.path.abspath(args.web_root)
    moat.CONFIG.repo_root = os.path.abspath(os.path.join(HERE, "..", ".."))
    if not os.access(moat.CONFIG.moatd, os.X_OK):
        print("e2e: %s is not an executable" % moat.CONFIG.moatd, file=sys.stderr)
        print("e2e: 0 passed, 1 failed")
        return 1


    signal.signal(signal.SIGALRM, on_alarm)
    started = time.monotonic()
    passed = failed = 0
    elsewhere = []  # (test, engine, reason): marked for the other engine
    sys.stdout.reconfigure(line_buffering=True)
    print("e2e: engine %s" % args.engine)

    for path in sorted(glob.glob(os.path.join(HERE, "test_*.py"))):
        modname = os.path.splitext(os.path.basename(path))[0]
        try:
            mod = load(path)
        except Exception as exc:  # a module that does not import is a failure
            print("FAIL %s: cannot import: %s" % (modname, indent(traceback.format_exc())))
            failed += 1
            continue
        tests = []
        for n, f in tests_of(mod):
            if not selected(args.pattern, modname, n):
                continue
            only = getattr(f, "only_on", None) or getattr(mod, "ONLY_ON", None)
            if only is not None and only[0] != args.engine:
                elsewhere.append((n, only[0], only[1]))
                print("--   %s: only on %s: %s" % (n, only[0], only[1]))
                continue
            tests.append((n, f))
        if not tests:
            continue
        if time.monotonic() - started > RUN_TIMEOUT:
            for n, _ in tests:
                print("FAIL %s: the whole run exceeded %ds" % (n, RUN_TIMEOUT))
                failed += 1
            continue

        tmp = tempfile.mkdtemp(prefix="moat-e2e-%s-" % modname)
        srv = None
        try:
            kwargs = {}
            if hasattr(mod, "server_kwargs"):
                kwargs = mod.server_kwargs(tmp) or {}
            srv = moat.Moatd(tmpdir=os.path.join(tmp, "srv"), **kwargs)
            os.makedirs(srv.tmp, exist_ok=True)
            arm(TEST_TIMEOUT)
            try:
                srv.start()
            finally:
                signal.alarm(0)
        except Exception as exc:
            reason = reason_of(exc, None)
            for n, _ in tests:
                print("FAIL %s: server did not start: %s" % (n, indent(reason)))
                failed += 1
            if srv is not None:
                srv.cleanup()
            shutil.rmtree(tmp, ignore_errors=True)
            continue

        for name, fn in tests:
            contract.reset()
            arm(getattr(mod, "TEST_TIMEOUT", TEST_TIMEOUT))
            error = None
            try:
                fn(srv)
            except BaseException as exc:  # noqa: B902 - report everything, KeyboardInterrupt included
                if isinstance(exc, KeyboardInterrupt):
                    signal.alarm(0)
                    srv.kill()
                    raise
                error = exc
            finally:
                signal.alarm(0)
            reason = None
            if error is not None:
                reason = reason_of(error, srv)
            elif not srv.running():
                rc = srv.proc.returncode if srv.proc else None
                if srv.expected_exit:
                    reason = "the test left moatd stopped (exit %s)" % rc
                else:
                    reason = "moatd died during the test (exit %s)\n%s" % (rc, srv.log_tail())
            elif srv.sanitizer_reports():
                reason = "sanitizer report in the moatd log:\n" + "\n".join(srv.sanitizer_reports()[:5])
            broken = contract.taken()
            if broken:
                text = "answers the contract does not describe (contract.py):\n" + "\n".join(broken[:10])
                reason = text if reason is None else reason + "\n" + text
            if reason is None:
                passed += 1
                print("ok   %s" % name)
            else:
                failed += 1
                print("FAIL %s: %s" % (name, indent(reason)))
            if not srv.running():
                # the next test gets a server again, on the same database
                try:
                    srv.kill()
                    arm(TEST_TIMEOUT)
                    srv.start()
                except Exception as exc:
                    print("     (could not restart moatd: %s)" % str(exc).splitlines()[0])
                finally:
                    signal.alarm(0)

        # Graceful shutdown at the end of every module: exit status 0.
        try:
            arm(TEST_TIMEOUT)
            if srv.running():
                srv.stop()
            hits = srv.sanitizer_reports()
            if hits:
                raise moat.TestFailure("sanitizer report in the moatd log:\n" + "\n".join(hits[:5]))
        except BaseException as exc:
            failed += 1
            print("FAIL %s (shutdown): %s" % (modname, indent(reason_of(exc, srv))))
        finally:
            signal.alarm(0)
            srv.cleanup()
            shutil.rmtree(tmp, ignore_errors=True)

    ops = contract.operations()
    unseen = sorted(ops - contract.seen)
    print("contracts: %d answers checked against api/openapi.yaml and agentproto/schema; "
          "%d of %d operations answered%s" % (contract.checked[0], len(ops & contract.seen), len(ops),
                                              (" (not: %s)" % ", ".join("%s %s" % o for o in unseen))
                                              if unseen and not args.pattern else ""))
    if elsewhere:
        print("e2e: %d tests not run on %s (marked for %s only, listed above with the reason)"
              % (len(elsewhere), args.engine, "/".join(sorted({e for _, e, _ in elsewhere}))))
    print("e2e: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
