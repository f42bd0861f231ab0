#!/usr/bin/env python3
"""Writes agentproto/lib/ma_shell_names_tab.h, the constant index that
ma_sh_name_kind (agentproto/lib/ma_shell_names.c) answers from, out of the
five name lists of that file (ma_sh_prefixes, ma_sh_openers,
ma_sh_reserved, ma_sh_builtins, ma_sh_programs). The output is committed:
run this after changing any of the five lists.

  python3 scripts/gen_shell_names.py           write the header
  python3 scripts/gen_shell_names.py --check   exit 1 when the committed
                                               header is not what this
                                               writes (make agent-lint)

The index (no build at run time, no state):
  - ma_sh_names_len[256]: bit min(length, 63) of entry c is set for each
    length of the names that start with byte c. Most words of text are
    answered OTHER by this one look-up.
  - ma_sh_names_slot[MA_SH_NAMES_SLOTS]: an open-addressing hash table
    (linear probing) of every name once, with the kind of the first list
    that holds it (the order above: a prefix before a builtin). A slot
    holds the name's offset in ma_sh_names_pool, its length (0: empty)
    and its kind. The hash of a name s of n bytes is MA_SH_NAMES_HASH in
    the header: its first, middle (s[n / 2]) and last bytes and n,
    multiplied by MA_SH_NAMES_MUL, the top MA_SH_NAMES_BITS bits. The
    multiplier is the one of a fixed list of candidates whose longest
    probe run is shortest, so the output is the same on every run.

ma_sh_names_known and ma_sh_names_exact (ma_shell_names.c; unit test
the_name_tables_are_sorted_and_answer) check the header against the lists
at test time too: every listed name answers its kind, every slot holds a
listed name with the kind of its first list, and nothing else.
"""
import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
SRC = os.path.join(ROOT, "agentproto", "lib", "ma_shell_names.c")
OUT = os.path.join(ROOT, "agentproto", "lib", "ma_shell_names_tab.h")

# the lists ma_sh_name_kind searches, first match wins
LISTS = [
    ("ma_sh_prefixes", "MA_SH_NAME_PREFIX"),
    ("ma_sh_openers", "MA_SH_NAME_OPENS"),
    ("ma_sh_reserved", "MA_SH_NAME_RESERVED"),
    ("ma_sh_builtins", "MA_SH_NAME_RUNS"),
    ("ma_sh_programs", "MA_SH_NAME_RUNS"),
]
BITS = 11
MASK32 = 0xFFFFFFFF


def read_lists(text):
    out = {}
    for m in re.finditer(r"static const char \*const (ma_sh_\w+)\[\] = \{(.*?)\};", text, re.S):
        body = re.sub(r"/\*.*?\*/", "", m.group(2), flags=re.S)
        names = re.findall(r'"((?:[^"\\]|\\.)*)"', body)
        for n in names:
            if "\\" in n or not n:
                sys.exit("gen_shell_names: %s: a name with an escape or empty: %r" % (m.group(1), n))
        out[m.group(1)] = names
    return out


def key(name):
    b = name.encode()
    n = len(b)
    return (b[0] | (b[n - 1] << 8) | (b[n // 2] << 16) | ((n & 0xFF) << 24)) & MASK32


def place(entries, mul):
    """Slots for entries [(name, kind)] with multiplier mul: (slots, longest run)."""
    size = 1 << BITS
    slots = [None] * size
    worst = 0
    for name, kind in entries:
        h = ((key(name) * mul) & MASK32) >> (32 - BITS)
        run = 1
        while slots[h] is not None:
            h = (h + 1) & (size - 1)
            run += 1
        slots[h] = (name, kind)
        worst = max(worst, run)
    return slots, worst


def candidates():
    x = 0x9E3779B9
    for _ in range(4000):
        yield x | 1
        x = (x * 1103515245 + 12345) & MASK32


def generate():
    with open(SRC, encoding="utf-8") as f:
        lists = read_lists(f.read())
    entries = []
    seen = {}
    for lname, kind in LISTS:
        if lname not in lists:
            sys.exit("gen_shell_names: %s not found in %s" % (lname, SRC))
        for name in lists[lname]:
            if name not in seen:
                seen[name] = kind
                entries.append((name, kind))
    if len(entries) * 3 > (1 << BITS) * 2:
        sys.exit("gen_shell_names: %d names: raise BITS" % len(entries))
    best = None
    for mul in candidates():
        slots, worst = place(entries, mul)
        total = 0
        for i, s in enumerate(slots):
            if s is not None:
                h = ((key(s[0]) * mul) & MASK32) >> (32 - BITS)
                total += ((i - h) & ((1 << BITS) - 1)) + 1
        score = (worst, total)
        if best is None or score < best[0]:
            best = (score, mul, slots)
    (worst, total), mul, slots = best

    pool = []
    off = {}
    at = 0
    for name, _ in entries:
        off[name] = at
        pool.append(name)
        at += len(name)
    if at > 0xFFFF:
        sys.exit("gen_shell_names: the pool is over 64 KB")
    lens = [0] * 256
    for name, _ in entries:
        b = name.encode()
        lens[b[0]] |= 1 << min(len(b), 63)

    o = []
    o.append("/*")
    o.append(" * ma_shell_names_tab.h -- written by scripts/gen_shell_names.py from the")
    o.append(" * five name lists of ma_shell_names.c; do not edit: change the lists and")
    o.append(" * run python3 scripts/gen_shell_names.py (make agent-lint checks it).")
    o.append(" * %d names, %d slots, longest probe run %d, %d probes for all." %
             (len(entries), 1 << BITS, worst, total))
    o.append(" * Included by ma_shell_names.c only.")
    o.append(" */")
    o.append("/* clang-format off */")
    o.append("#define MA_SH_NAMES_COUNT %d" % len(entries))
    o.append("#define MA_SH_NAMES_BITS %d" % BITS)
    o.append("#define MA_SH_NAMES_SLOTS %d" % (1 << BITS))
    o.append("#define MA_SH_NAMES_RUN %d /* the longest probe run */" % worst)
    o.append("#define MA_SH_NAMES_MUL 0x%08xu" % mul)
    o.append("/* the slot where the probe for s (n > 0 bytes) starts */")
    o.append("#define MA_SH_NAMES_HASH(s, n) \\")
    o.append("\t((uint32_t)(((uint32_t)(unsigned char)(s)[0] | (uint32_t)(unsigned char)(s)[(n) - 1] << 8 | \\")
    o.append("\t             (uint32_t)(unsigned char)(s)[(n) / 2] << 16 | (uint32_t)((n) & 0xff) << 24) * \\")
    o.append("\t            MA_SH_NAMES_MUL) >> (32 - MA_SH_NAMES_BITS))")
    o.append("")
    o.append("static const char ma_sh_names_pool[] =")
    line = ""
    for name in pool:
        if len(line) + len(name) > 80:
            o.append('\t"%s"' % line)
            line = ""
        line += name
    o.append('\t"%s";' % line)
    o.append("")
    o.append("static const uint64_t ma_sh_names_len[256] = {")
    for i in range(0, 256, 4):
        o.append("\t" + " ".join("0x%016xu," % lens[c] for c in range(i, i + 4)))
    o.append("};")
    o.append("")
    o.append("static const struct ma_sh_names_slot {")
    o.append("\tuint16_t off;  /* in ma_sh_names_pool */")
    o.append("\tuint8_t len;   /* 0: empty */")
    o.append("\tuint8_t kind;  /* enum ma_sh_name */")
    o.append("} ma_sh_names_slot[MA_SH_NAMES_SLOTS] = {")
    for i, s in enumerate(slots):
        if s is not None:
            o.append("\t[%d] = {%d, %d, %s}, /* %s */" % (i, off[s[0]], len(s[0].encode()), s[1], s[0]))
    o.append("};")
    o.append("/* clang-format on */")
    return "\n".join(o) + "\n"


def main():
    text = generate()
    if len(sys.argv) > 1 and sys.argv[1] == "--check":
        try:
            with open(OUT, encoding="utf-8") as f:
                old = f.read()
        except OSError:
            old = None
        if old != text:
            sys.stderr.write("gen_shell_names: agentproto/lib/ma_shell_names_tab.h is not what "
                             "the lists of ma_shell_names.c make: run python3 "
                             "scripts/gen_shell_names.py\n")
            return 1
        return 0
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
