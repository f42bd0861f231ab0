#!/usr/bin/env python3
"""bench/detect/promptml.py -- does a small learned component generalise
better than the hand-written prompt scorer?  (session 19, helper promptml)

A logistic regression over hashed word unigrams + bigrams (CRC-32 of the
lower-cased ASCII/UTF-8 words, 2^BITS buckets, term counts scaled by
1/sqrt(features)), trained by AdaGrad with L2 (stdlib only, fixed seed,
sorted inputs) ONLY on the development corpus (../shared/corpus/cases:
prompt-injection = 1; benign-prompts, benign-user-input = 0) and, when
present, bench/detect/devprompt/cases.  Its threshold is chosen on the
training data's out-of-fold scores (<= 0.5 % of the training benign
lines).  Then, beside the current scorer (ma_prompt_score, by
build/promptml-score), it prints AGGREGATE figures only (counts and
percentages, never a text) for:
  - k-fold cross-validation on the dev set (and the in-sample figure);
  - every held-out set (heldout, heldout2..6): the current scorer, the
    model alone, the combinations;
  - /usr/share/doc paragraphs (--doc): how many reach 0.8.

    python3 bench/detect/promptml.py [--fp 0.005] [--caps 0.3,0.5,0.7] [--char N] [--doc]

(it builds build/libmoatagent.a and build/promptml-score first).
"""
import argparse
import glob
import gzip
import json
import math
import os
import random
import re
import subprocess
import sys
import zlib

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
COMMON = subprocess.run(["git", "-C", ROOT, "rev-parse", "--git-common-dir"],
                        capture_output=True, text=True).stdout.strip()
SHARED = os.path.abspath(os.path.join(ROOT, COMMON, "..", "..", "shared", "corpus", "cases"))
if not os.path.isdir(SHARED):
    SHARED = "/work/shared/corpus/cases"
SCORER = os.path.join(ROOT, "build", "promptml-score")
WORD = re.compile(rb"[a-z0-9\x80-\xff]+")
THR = 0.8  # the policy's default threshold


def load(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                out.append(json.loads(line)["input"].encode("utf-8", "surrogatepass"))
    return out


def load_dir(d, cats):
    """{category: [texts]} from d/<cat>/*.jsonl, sorted."""
    res = {}
    for c in cats:
        files = sorted(glob.glob(os.path.join(d, c, "*.jsonl")))
        if files:
            res[c] = [t for f in files for t in load(f)]
    return res


CHAR = 0  # --char N: character N-grams of the words joined by one space instead


def feats(text, bits, maxw):
    """hashed unigram + bigram counts (or character n-grams), scaled by 1/sqrt(n)"""
    mask = (1 << bits) - 1
    ws = WORD.findall(text.lower())[:maxw]
    d = {}
    if CHAR:
        j = b" " + b" ".join(ws) + b" "
        for i in range(len(j) - CHAR + 1):
            h = zlib.crc32(j[i:i + CHAR]) & mask
            d[h] = d.get(h, 0) + 1
        ws = []
    prev = None
    for w in ws:
        h = zlib.crc32(w) & mask
        d[h] = d.get(h, 0) + 1
        if prev is not None:
            h = zlib.crc32(prev + b" " + w) & mask
            d[h] = d.get(h, 0) + 1
        prev = w
    n = sum(d.values())
    if not n:
        return []
    s = 1.0 / math.sqrt(n)
    return [(k, v * s) for k, v in d.items()]


def train(xs, ys, bits, epochs, l2, lr, seed):
    w = [0.0] * (1 << bits)
    g2 = [1e-8] * (1 << bits)
    b = 0.0
    bg2 = 1e-8
    idx = list(range(len(xs)))
    rnd = random.Random(seed)
    # balance the classes: weight each example by n / (2 * n_class)
    npos = sum(ys)
    nneg = len(ys) - npos
    cw = {1: len(ys) / (2.0 * max(npos, 1)), 0: len(ys) / (2.0 * max(nneg, 1))}
    for _ in range(epochs):
        rnd.shuffle(idx)
        for i in idx:
            x, y = xs[i], ys[i]
            z = b + sum(w[k] * v for k, v in x)
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            e = (p - y) * cw[y]
            for k, v in x:
                g = e * v + l2 * w[k]
                g2[k] += g * g
                w[k] -= lr * g / math.sqrt(g2[k])
            bg2 += e * e
            b -= lr * e / math.sqrt(bg2)
    return w, b


def predict(model, x):
    w, b = model
    z = b + sum(w[k] * v for k, v in x)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def build_scorer():
    subprocess.run(["make", "--no-print-directory", "-C", ROOT, "-j2", "build/libmoatagent.a"],
                   check=True, stdout=subprocess.DEVNULL)
    pc = subprocess.run(["pkg-config", "--cflags", "--libs", "libwebsockets", "jansson"],
                        capture_output=True, text=True, check=True).stdout.split()
    subprocess.run(["cc", "-std=c11", "-D_GNU_SOURCE", "-O2", "-Wall", "-Wextra", "-Werror",
                    "-I" + os.path.join(ROOT, "agentproto", "lib"),
                    os.path.join(ROOT, "bench", "detect", "promptml_score.c"),
                    os.path.join(ROOT, "build", "libmoatagent.a")] + pc +
                   ["-lmbedcrypto", "-lpthread", "-lm", "-o", SCORER], check=True)


def cur_scores(texts):
    data = b"\0".join(t.replace(b"\0", b" ") for t in texts) + b"\0"
    r = subprocess.run([SCORER], input=data, capture_output=True, check=True)
    out = [float(v) for v in r.stdout.split()]
    assert len(out) == len(texts)
    return out


def thr_for_fp(benign, fp):
    """smallest threshold whose share of benign at or above it is <= fp"""
    s = sorted(benign, reverse=True)
    k = int(math.floor(fp * len(s)))  # lines allowed over
    if k >= len(s):
        return 0.0
    return s[k] + 1e-9


def combos(cur, mod, tm, caps):
    """{name: [0/1 detections]}"""
    r = {"current": [c >= THR - 1e-9 for c in cur],
         "model": [m >= tm for m in mod],
         "max (either)": [c >= THR - 1e-9 or m >= tm for c, m in zip(cur, mod)]}
    for cap in caps:
        # noisy-OR of the current score with the model's calibrated vote,
        # capped: the model alone never reaches 0.8 when cap < 0.8
        r["noisyor w=%.2f" % cap] = [
            1 - (1 - c) * (1 - cap * (1.0 if m >= tm else 0.0)) >= THR - 1e-9
            for c, m in zip(cur, mod)]
    return r


def pct(v):
    return 100.0 * sum(v) / len(v) if v else 0.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bits", type=int, default=18)
    ap.add_argument("--epochs", type=int, default=5)
    ap.add_argument("--l2", type=float, default=1e-5)
    ap.add_argument("--lr", type=float, default=0.5)
    ap.add_argument("--maxw", type=int, default=2048)
    ap.add_argument("--fp", type=float, default=0.005)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--caps", default="0.3,0.5,0.7", help="noisy-OR weights to try")
    ap.add_argument("--char", type=int, default=0, help="character n-grams (n) instead of words")
    ap.add_argument("--doc", action="store_true", help="/usr/share/doc paragraphs too")
    a = ap.parse_args()
    caps = [float(v) for v in a.caps.split(",") if v]
    build_scorer()
    global CHAR
    CHAR = a.char

    cats = ["prompt-injection", "benign-prompts", "benign-user-input"]
    dev = load_dir(SHARED, cats)
    devp = os.path.join(ROOT, "bench", "detect", "devprompt", "cases")
    if os.path.isdir(devp):
        for c, t in load_dir(devp, cats).items():
            dev.setdefault(c, []).extend(t)
        print("training data: %s + %s" % (SHARED, devp))
    else:
        print("training data: %s (no bench/detect/devprompt)" % SHARED)
    texts, ys = [], []
    for c in cats:
        for t in dev.get(c, []):
            texts.append(t)
            ys.append(1 if c == "prompt-injection" else 0)
    print("dev: %d attacks, %d benign; bits=%d epochs=%d l2=%g lr=%g seed=%d" %
          (sum(ys), len(ys) - sum(ys), a.bits, a.epochs, a.l2, a.lr, a.seed))
    xs = [feats(t, a.bits, a.maxw) for t in texts]
    cur = cur_scores(texts)

    # k-fold cross-validation: out-of-fold model scores
    order = list(range(len(xs)))
    random.Random(a.seed).shuffle(order)
    oof = [0.0] * len(xs)
    for f in range(a.folds):
        test = set(order[f::a.folds])
        tr = [i for i in range(len(xs)) if i not in test]
        m = train([xs[i] for i in tr], [ys[i] for i in tr], a.bits, a.epochs, a.l2, a.lr, a.seed)
        for i in test:
            oof[i] = predict(m, xs[i])
    tm = thr_for_fp([oof[i] for i in range(len(xs)) if not ys[i]], a.fp)
    model = train(xs, ys, a.bits, a.epochs, a.l2, a.lr, a.seed)
    ins = [predict(model, x) for x in xs]
    nz = sum(1 for v in model[0] if v)
    print("model: %d non-zero weights of %d; threshold (out-of-fold benign <= %.1f %%) %.4f" %
          (nz, 1 << a.bits, 100 * a.fp, tm))

    def report(name, cur, mod, y):
        r = combos(cur, mod, tm, caps)
        for k, v in r.items():
            sel = [d for d, yy in zip(v, y) if yy == 1]
            ben = [d for d, yy in zip(v, y) if yy == 0]
            print("  %-22s %-16s attacks %7.2f %% (%d/%d)  benign flagged %6.3f %% (%d/%d)" %
                  (name, k, pct(sel), sum(sel), len(sel), pct(ben), sum(ben), len(ben)))

    print("DEV (cross-validated %d-fold; model scores out of fold)" % a.folds)
    report("dev cv", cur, oof, ys)
    print("DEV (in sample: the final model on its own training data)")
    report("dev in-sample", cur, ins, ys)

    print("HELD-OUT (aggregate counts only)")
    for h in ["heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6"]:
        d = os.path.join(ROOT, "bench", "detect", h, "cases")
        sets = load_dir(d, cats)
        for c in cats:
            if c not in sets:
                continue
            t = sets[c]
            y = [1 if c == "prompt-injection" else 0] * len(t)
            cs = cur_scores(t)
            ms = [predict(model, feats(x, a.bits, a.maxw)) for x in t]
            report("%s %s" % (h, c), cs, ms, y)

    if a.doc:
        paras = []
        files = sorted(glob.glob("/usr/share/doc/**/*", recursive=True))
        for fn in files:
            if not os.path.isfile(fn) or os.path.islink(fn):
                continue
            try:
                raw = gzip.open(fn).read() if fn.endswith(".gz") else open(fn, "rb").read()
            except (OSError, EOFError, zlib.error):
                continue
            cur_p = []
            for line in raw.split(b"\n"):
                if line.strip():
                    cur_p.append(line)
                elif cur_p:
                    paras.append(b"\n".join(cur_p)[:65536])
                    cur_p = []
            if cur_p:
                paras.append(b"\n".join(cur_p)[:65536])
        cs = cur_scores(paras)
        ms = [predict(model, feats(x, a.bits, a.maxw)) for x in paras]
        r = combos(cs, ms, tm, caps)
        print("/usr/share/doc: %d paragraphs" % len(paras))
        for k, v in r.items():
            print("  %-16s at >= 0.8: %d" % (k, sum(v)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
