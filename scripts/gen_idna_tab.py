#!/usr/bin/env python3
"""Writes the tables of agentproto/lib/ma_idna.c (UTS #46 domain to ASCII)
from Debian's own copies of the Unicode data, at build time (the output is
not committed; agentproto/agent.mk runs this into $(BUILD)/gen):

  python3 scripts/gen_idna_tab.py OUT.h

Sources (nothing is fetched; both are Debian 12 packages, installed by
scripts/deps.sh and the Dockerfile's build stage):
  - the IDNA mapping table (UTS #46 section 5: the status and mapping of
    every code point): python3-idna's /usr/lib/python3/dist-packages/idna/
    uts46data.py, UTS #46 14.0.0 in python3-idna 3.3-1+deb12u1, read by
    its path (UTS46_PY overrides it);
  - the character properties the algorithm needs beside it, from
    unicode-data (15.0.0-1 in Debian 12), /usr/share/unicode (UNICODE_DIR
    overrides it): UnicodeData.txt (canonical decompositions, combining
    classes, general category M for "a label must not begin with a
    combining mark"), DerivedNormalizationProps.txt
    (Full_Composition_Exclusion for NFC; NFKC_CF, see below),
    extracted/DerivedBidiClass.txt (RFC 5893's Bidi Rule),
    extracted/DerivedJoiningType.txt (RFC 5892 appendix A.1, CONTEXTJ).

UTS #46 15.1, which the WHATWG URL tests follow, derives the mapping from
NFKC_Casefold without the IDNA2003 stability exceptions of earlier
versions and maps U+1E9E to U+00DF. Debian 12 has no 15.1 table, so the
14.0 table is changed by that rule: a code point that 14.0 disallows
whose NFKC_Casefold is not empty, holds no U+002E and only valid code
points is mapped to it (U+04C0, U+10A0..U+10C5, U+2132, U+2183, five CJK
compatibility ideographs, and characters new in 15.0 that map to 14.0
ones); the output lists them. The code points 15.1 newly ignores (U+180E,
U+206A..U+206F) stay disallowed: that part of 15.1 is not a rule these
files can derive.

Each row also carries two flags for ma_idna.c's fast paths (bit 0: NFC
may change the code point or its mapping -- a combining class other than
0 or an NFC_Quick_Check other than Yes, from UnicodeData.txt and
DerivedNormalizationProps.txt; bit 1: a code point of bidi class R, AL or
AN, or a mapping that holds one; bit 2: ZWNJ and ZWJ) and, in
ma_idna_rowmap's bits 17 and
up, how much longer the full canonical decomposition of the code point
(or its mapping) is; rows split where these change. Beside them: a hash
of the canonical compositions (NFC's pairs) and a two-level index of the
bidi classes and marks, so that ma_idna.c looks neither up by a search.

The statuses are folded for WHATWG's parameters (UseSTD3ASCIIRules=false,
Transitional_Processing=false): deviation and disallowed_STD3_valid are
valid, disallowed_STD3_mapped is mapped. A code point the mapping table
does not have as valid or mapped fails before any property is read.
"""
import importlib.util
import os
import sys

UCD = os.environ.get("UNICODE_DIR", "/usr/share/unicode")
UTS46_PY = os.environ.get("UTS46_PY", "/usr/lib/python3/dist-packages/idna/uts46data.py")

ST_VALID, ST_MAPPED, ST_IGNORED, ST_DISALLOWED, ST_NEWER = 0, 1, 2, 3, 4
BIDI = ["L", "R", "AL", "AN", "EN", "ES", "CS", "ET", "ON", "BN", "NSM",
        "B", "S", "WS", "LRE", "LRO", "RLE", "RLO", "PDF", "LRI", "RLI",
        "FSI", "PDI"]
JOIN = {"U": 0, "L": 1, "D": 2, "R": 3, "T": 4, "C": 5}


def ranges(path):
    """(first, last, value) from a UCD file of `X..Y ; value` lines."""
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            cps, val = [x.strip() for x in line.split(";")[:2]]
            a, _, b = cps.partition("..")
            out.append((int(a, 16), int(b or a, 16), val))
    return out


def nfkc_cf():
    """NFKC_Casefold from unicode-data's DerivedNormalizationProps.txt."""
    out = {}
    for a, b, v in ranges3(os.path.join(UCD, "DerivedNormalizationProps.txt"), "NFKC_CF"):
        for cp in range(a, b + 1):
            out[cp] = [int(x, 16) for x in v.split()]
    return out


def ranges3(path, prop):
    """(first, last, value) of the `X..Y ; prop ; value` lines of a UCD file."""
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            fl = [x.strip() for x in line.split("#", 1)[0].split(";")]
            if len(fl) >= 3 and fl[1] == prop:
                a, _, b = fl[0].partition("..")
                out.append((int(a, 16), int(b or a, 16), fl[2]))
    return out


def uts46():
    # Debian's file by its path, whichever python3 runs this (a pip
    # install of idna elsewhere would carry another version)
    spec = importlib.util.spec_from_file_location("uts46data", UTS46_PY)
    uts46data = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(uts46data)
    rows = uts46data.uts46data
    status = [ST_DISALLOWED] * 0x110000
    mapping = {}
    for k, r in enumerate(rows):
        st, mp = r[1], (r[2] if len(r) > 2 else None)
        end = rows[k + 1][0] if k + 1 < len(rows) else 0x110000
        if st in ("V", "D") or (st == "3" and mp is None):
            s = ST_VALID
        elif st in ("M", "3"):
            s = ST_MAPPED
        elif st == "I":
            s = ST_IGNORED
        else:
            s = ST_DISALLOWED
        for cp in range(r[0], end):
            status[cp] = s
            if s == ST_MAPPED:
                mapping[cp] = [ord(c) for c in mp]
    # UTS #46 15.1 (revision 31) derives the table from NFKC_Casefold
    # without the IDNA2003 stability exceptions of earlier versions, and
    # maps U+1E9E to U+00DF. Debian 12's table is 14.0: a code point it
    # disallows whose NFKC_Casefold is not empty, holds no U+002E and only
    # valid code points becomes mapped as 15.1 maps it.
    # A code point it disallows whose NFKC_Casefold is empty (default
    # ignorable: U+180E, U+206A..U+206F, bidi controls, tags ...) is
    # ignored by a table derived from NFKC_Casefold alone, as 15.1 does for
    # some of them: ST_NEWER, a failure that ma_idna.c reports apart.
    changed = []
    for cp, m in nfkc_cf().items():
        if (status[cp] == ST_DISALLOWED and m and 0x2E not in m
                and all(status[c] == ST_VALID for c in m)):
            status[cp] = ST_MAPPED
            mapping[cp] = m
            changed.append(cp)
        elif status[cp] == ST_DISALLOWED and not m:
            status[cp] = ST_NEWER
    # Characters newer than the mapping table (Unicode 15.0 in
    # unicode-data, the table 14.0) are disallowed there as unassigned;
    # UTS #46 15.0 (Node 20, libidn2) takes each that NFKC_Casefold leaves
    # alone and that is a letter, mark, number, punctuation or symbol as
    # valid (its derivation, section 5): so here too. Those it maps are
    # mapped above; a control, format, space or private-use one stays
    # disallowed.
    gc = {}
    with open(os.path.join(UCD, "UnicodeData.txt"), encoding="utf-8") as f:
        first = None
        for line in f:
            fl = line.split(";")
            cp = int(fl[0], 16)
            if fl[1].endswith("First>"):
                first = cp
                continue
            for c in range(first if fl[1].endswith("Last>") else cp, cp + 1):
                gc[c] = fl[2]
    cf = nfkc_cf()
    newer = []
    for a, b, v in ranges(os.path.join(UCD, "DerivedAge.txt")):
        if float(v) <= float(uts46data.__version__.rsplit(".", 1)[0]):
            continue
        for cp in range(a, b + 1):
            if (status[cp] == ST_DISALLOWED and cp not in cf and
                    gc.get(cp, "Cn")[0] in "LMNPS"):
                status[cp] = ST_VALID
                newer.append(cp)
    changed.extend(newer)
    assert status[0x1E9E] == ST_MAPPED
    mapping[0x1E9E] = [0xDF]
    out = []  # (start, status, mapping code points)
    for cp in range(0x110000):
        s, m = status[cp], mapping.get(cp)
        if out and out[-1][1] == s and out[-1][2] == m:
            continue
        out.append((cp, s, m))
    return uts46data.__version__ + " with 15.1's NFKC_Casefold rule", out, changed


def main():
    for f in (UTS46_PY, os.path.join(UCD, "UnicodeData.txt")):
        if not os.path.exists(f):
            sys.exit("gen_idna_tab: %s is missing (python3-idna, unicode-data: "
                     "sh scripts/deps.sh)" % f)
    ver, rows, changed = uts46()
    pool = []
    pool_at = {}
    for start, st, mp in rows:
        if mp is not None and tuple(mp) not in pool_at:
            pool_at[tuple(mp)] = len(pool)
            pool.extend(mp)
        assert start < 1 << 21 and (mp is None or len(mp) < 1 << 5) and len(pool) < 1 << 17

    ccc, decomp, gc_mark = [], {}, []
    with open(os.path.join(UCD, "UnicodeData.txt"), encoding="utf-8") as f:
        for line in f:
            fl = line.split(";")
            cp = int(fl[0], 16)
            if fl[2] in ("Mn", "Mc", "Me"):
                gc_mark.append(cp)
            if int(fl[3]):
                ccc.append((cp, int(fl[3])))
            if fl[5] and not fl[5].startswith("<"):
                decomp[cp] = [int(x, 16) for x in fl[5].split()]
    excl = set()
    for a, b, v in ranges(os.path.join(UCD, "DerivedNormalizationProps.txt")):
        if v == "Full_Composition_Exclusion":
            excl.update(range(a, b + 1))
    comp = sorted((d[0], d[1], cp) for cp, d in decomp.items()
                  if len(d) == 2 and cp not in excl)
    bidi = {}
    for a, b, v in ranges(os.path.join(UCD, "extracted/DerivedBidiClass.txt")):
        for cp in range(a, b + 1):
            bidi[cp] = BIDI.index(v)
    join = {}
    for a, b, v in ranges(os.path.join(UCD, "extracted/DerivedJoiningType.txt")):
        for cp in range(a, b + 1):
            join[cp] = JOIN[v]

    def runs(getv, default):
        """(start, value) runs over all code points, value default elsewhere."""
        out, prev = [], None
        for cp in range(0x110000):
            v = getv(cp, default)
            if v != prev:
                out.append((cp, v))
                prev = v
        return out

    # Two flags in the rows' low bits, for ma_idna.c's fast paths (the
    # rows split where they change): bit 0, "NFC may change it": a valid
    # code point whose combining class is not 0 or whose NFC_Quick_Check
    # is not Yes, a mapped one whose mapping holds such a code point (a
    # string of code points without it is NFC already: UAX #15's quick
    # check); bit 1, a valid code point of bidi class R, AL or AN, or a
    # mapped one whose mapping holds one (a right-to-left label for RFC
    # 5893); bit 2, ZWNJ and ZWJ (RFC 5892's CONTEXTJ asks for them).
    nfcqc = {}
    for a, b, v in ranges3(os.path.join(UCD, "DerivedNormalizationProps.txt"), "NFC_QC"):
        for cp in range(a, b + 1):
            nfcqc[cp] = v
    cccd = dict(ccc)

    def nfc_may(c):
        return cccd.get(c, 0) != 0 or c in nfcqc

    # And beside each row's pool offset (ma_idna_rowmap, bits 17 and up):
    # how many code points longer the full canonical decomposition of a
    # valid code point, or of a mapped one's mapping, is than itself (so
    # that ma_idna.c knows the length NFC's decomposition would reach
    # without decomposing).
    def nfd_len(c):
        if 0xAC00 <= c < 0xAC00 + 11172:
            return 3 if (c - 0xAC00) % 28 else 2
        if c in decomp:
            return sum(nfd_len(x) for x in decomp[c])
        return 1

    rtl = (BIDI.index("R"), BIDI.index("AL"), BIDI.index("AN"))
    # ma_idna.c's label check trusts these: a mapping holds only valid code
    # points (and U+002E), never ZWNJ or ZWJ (CONTEXTJ asks for those),
    # and no code point below U+0300 is a mark
    status_at = {}
    for k, (start, st, mp) in enumerate(rows):
        status_at[start] = st
    starts = sorted(status_at)

    def status_of(c):
        lo, hi = 0, len(starts)
        while hi - lo > 1:
            mid = (lo + hi) // 2
            if starts[mid] <= c:
                lo = mid
            else:
                hi = mid
        return status_at[starts[lo]]
    for start, st, mp in rows:
        if mp is not None:
            assert all(c == 0x2E or (status_of(c) == ST_VALID and c not in (0x200C, 0x200D))
                       for c in mp), "mapping of U+%04X" % start
    assert min(gc_mark) >= 0x300
    flagged = []
    for k, (start, st, mp) in enumerate(rows):
        end = rows[k + 1][0] if k + 1 < len(rows) else 0x110000
        for cp in range(start, end):
            fl = ext = 0
            if st == ST_VALID:
                fl = ((1 if nfc_may(cp) else 0) | (2 if bidi.get(cp, 0) in rtl else 0) |
                      (4 if cp in (0x200C, 0x200D) else 0))
                ext = nfd_len(cp) - 1
            elif st == ST_MAPPED:
                fl = ((1 if any(nfc_may(c) for c in mp) else 0) |
                      (2 if any(bidi.get(c, 0) in rtl for c in mp) else 0))
                ext = sum(nfd_len(c) - 1 for c in mp)
            if cp == start or (fl, ext) != flagged[-1][3:]:
                flagged.append((cp, st, mp, fl, ext))
    ent = []
    for start, st, mp, fl, ext in flagged:
        off = ln = 0
        if mp is not None:
            off, ln = pool_at[tuple(mp)], len(mp)
        assert off < 1 << 17 and ext < 1 << 15
        ent.append(((start << 11) | (ln << 6) | (st << 3) | fl, off | ext << 17))

    markset = set(gc_mark)
    o = []
    w = o.append
    w("/* Generated by scripts/gen_idna_tab.py: do not edit. IDNA mapping")
    w(" * table UTS #46 %s (%s), properties from %s. */" % (ver, UTS46_PY, UCD))
    w("#define MA_IDNA_UTS46_VERSION \"%s\"" % ver)
    w("/* mapped by 15.1's rule, or valid as new in Unicode 15.0: %s */" % " ".join("%04X" % c for c in changed))
    w("/* start << 11 | mapping length << 6 | status << 3 */")
    w("static const uint32_t ma_idna_rows[%d] = {" % len(ent))
    for i in range(0, len(ent), 6):
        w("\t" + " ".join("0x%08x," % e[0] for e in ent[i:i + 6]))
    w("};")
    # a two-level index of the rows below BLK_LIMIT (the BMP and the next
    # two planes), so that ma_idna.c finds a code point's row without a
    # binary search: ma_idna_blk[cp >> 6] holds the row of the block's
    # first code point << 16 | the block's pattern, ma_idna_blkoff
    # [pattern][cp & 63] how many rows further cp's row is (identical
    # patterns shared). Checked here against the binary search.
    blk_shift, blk_limit = 6, 0x30000
    starts = [e[0] >> 11 for e in ent]
    blk, pats, patid, r = [], [], {}, 0
    for b in range(blk_limit >> blk_shift):
        first = b << blk_shift
        while r + 1 < len(starts) and starts[r + 1] <= first:
            r += 1
        base, pat, q = r, [], r
        for cp in range(first, first + (1 << blk_shift)):
            while q + 1 < len(starts) and starts[q + 1] <= cp:
                q += 1
            pat.append(q - base)
        pat = tuple(pat)
        if pat not in patid:
            patid[pat] = len(pats)
            pats.append(pat)
        assert base < 1 << 16 and patid[pat] < 1 << 16 and max(pat) < 256
        blk.append(base << 16 | patid[pat])
    for cp in range(blk_limit):
        e = blk[cp >> blk_shift]
        k = (e >> 16) + pats[e & 0xFFFF][cp & ((1 << blk_shift) - 1)]
        assert starts[k] <= cp and (k + 1 == len(starts) or starts[k + 1] > cp)
    w("#define MA_IDNA_BLK_SHIFT %d" % blk_shift)
    w("#define MA_IDNA_BLK_LIMIT 0x%X" % blk_limit)
    w("/* the row of a block's first code point << 16 | its pattern */")
    w("static const uint32_t ma_idna_blk[%d] = {" % len(blk))
    for i in range(0, len(blk), 6):
        w("\t" + " ".join("0x%08x," % e for e in blk[i:i + 6]))
    w("};")
    w("/* per pattern and code point of a block: rows past the block's first */")
    w("static const uint8_t ma_idna_blkoff[%d][%d] = {" % (len(pats), 1 << blk_shift))
    for pat in pats:
        w("\t{" + ", ".join("%d" % x for x in pat) + "},")
    w("};")
    w("static const uint32_t ma_idna_rowmap[%d] = {" % len(ent))
    for i in range(0, len(ent), 10):
        w("\t" + " ".join("%d," % e[1] for e in ent[i:i + 10]))
    w("};")
    w("static const uint32_t ma_idna_pool[%d] = {" % len(pool))
    for i in range(0, len(pool), 8):
        w("\t" + " ".join("0x%x," % c for c in pool[i:i + 8]))
    w("};")
    cr = runs(lambda cp, d: cccd.get(cp, d), 0)
    w("/* canonical combining class: start << 8 | class, in runs */")
    w("static const uint32_t ma_idna_ccc_tab[%d] = {" % len(cr))
    for i in range(0, len(cr), 6):
        w("\t" + " ".join("0x%08x," % (s << 8 | v) for s, v in cr[i:i + 6]))
    w("};")
    dk = sorted(decomp)
    w("/* the longest full canonical decomposition of one code point */")
    w("#define MA_IDNA_NFD_MAX %d" % max(nfd_len(c) for c in dk))
    w("/* canonical decompositions: code point, first, second (0: one) */")
    w("static const uint32_t ma_idna_decomp[%d][3] = {" % len(dk))
    for cp in dk:
        d = decomp[cp] + [0]
        w("\t{0x%x, 0x%x, 0x%x}," % (cp, d[0], d[1]))
    w("};")
    w("/* the smallest second code point of a composition below */")
    w("#define MA_IDNA_COMP_MIN_SECOND 0x%X" % min(b for a, b, c in comp))
    w("/* canonical compositions (NFC primary composites): first, second, composite */")
    w("static const uint32_t ma_idna_comp[%d][3] = {" % len(comp))
    for a, b, c in comp:
        w("\t{0x%x, 0x%x, 0x%x}," % (a, b, c))
    w("};")
    # a hash of the compositions, so that ma_idna.c finds a pair's
    # composite without a search: slot ((a * HA) ^ (b * HB)) mod 2^32 >>
    # (32 - HBITS), then the next slots (linear probing) up to an empty one;
    # a slot holds the composition's index in ma_idna_comp + 1 (0: empty).
    # COMP_PROBES: the most slots a lookup of a composition reads.
    hbits, ha, hb = 11, 0x9E3779B1, 0x85EBCA77
    hslot = [0] * (1 << hbits)
    probes = 0
    for k, (a, b, c) in enumerate(comp):
        h = (((a * ha) & 0xFFFFFFFF) ^ ((b * hb) & 0xFFFFFFFF)) >> (32 - hbits)
        p = 0
        while hslot[(h + p) & ((1 << hbits) - 1)]:
            p += 1
        hslot[(h + p) & ((1 << hbits) - 1)] = k + 1
        probes = max(probes, p + 1)
    assert len(comp) < (1 << hbits) // 2 and probes <= 16
    w("#define MA_IDNA_COMP_HBITS %d" % hbits)
    w("#define MA_IDNA_COMP_HA 0x%Xu" % ha)
    w("#define MA_IDNA_COMP_HB 0x%Xu" % hb)
    w("#define MA_IDNA_COMP_PROBES %d" % probes)
    w("static const uint16_t ma_idna_comphash[%d] = {" % len(hslot))
    for i in range(0, len(hslot), 16):
        w("\t" + " ".join("%d," % e for e in hslot[i:i + 16]))
    w("};")
    # a two-level index for NFC, so that ma_idna.c finds a code point's
    # combining class, decomposition and compositions without a binary
    # search: ma_idna_nfcblk[cp >> NFC_SHIFT] is a block's pattern,
    # ma_idna_nfcpat[pattern][cp & mask] the class (bits 0-7), the index
    # of cp's decomposition + 1 (bits 8-19, 0: none) and the index of its
    # first composition as first code point + 1 (bits 20-31, 0: none).
    # Nothing at or above NFC_LIMIT has any. Checked here.
    nfc_shift, nfc_limit = 5, 0x30000
    dpos = {cp: k for k, cp in enumerate(dk)}
    cfirst = {}
    for k, (a, b, c) in enumerate(comp):
        cfirst.setdefault(a, k)
    assert len(dk) < 4095 and len(comp) < 4095
    assert all(cp < nfc_limit for cp in list(dk) + list(cfirst) + list(cccd))
    nblk, npats, npatid = [], [], {}
    for b in range(nfc_limit >> nfc_shift):
        pat = []
        for cp in range(b << nfc_shift, (b + 1) << nfc_shift):
            pat.append(cccd.get(cp, 0) | (dpos[cp] + 1 if cp in dpos else 0) << 8 |
                       (cfirst[cp] + 1 if cp in cfirst else 0) << 20)
        pat = tuple(pat)
        if pat not in npatid:
            npatid[pat] = len(npats)
            npats.append(pat)
        nblk.append(npatid[pat])
    assert len(npats) < 1 << 16
    w("#define MA_IDNA_NFC_SHIFT %d" % nfc_shift)
    w("#define MA_IDNA_NFC_LIMIT 0x%X" % nfc_limit)
    w("/* the most compositions that share a first code point */")
    w("#define MA_IDNA_COMP_MAX_RUN %d" %
      max(sum(1 for a, b, c in comp if a == f) for f in cfirst))
    w("/* a block's pattern */")
    w("static const uint16_t ma_idna_nfcblk[%d] = {" % len(nblk))
    for i in range(0, len(nblk), 12):
        w("\t" + " ".join("%d," % e for e in nblk[i:i + 12]))
    w("};")
    w("/* per pattern and code point: class | decomposition + 1 << 8 |"
      " first composition + 1 << 20 */")
    w("static const uint32_t ma_idna_nfcpat[%d][%d] = {" % (len(npats), 1 << nfc_shift))
    for pat in npats:
        w("\t{" + ", ".join("0x%x" % x for x in pat) + "},")
    w("};")
    mr = runs(lambda cp, d: 1 if cp in markset else d, 0)
    w("/* general category M: start << 1 | is a mark, in runs */")
    w("static const uint32_t ma_idna_mark[%d] = {" % len(mr))
    for i in range(0, len(mr), 6):
        w("\t" + " ".join("0x%08x," % (s << 1 | v) for s, v in mr[i:i + 6]))
    w("};")
    br = runs(lambda cp, d: bidi.get(cp, d), 0)
    w("/* bidi class: start << 5 | enum ma_bidi, in runs */")
    w("static const uint32_t ma_idna_bidi[%d] = {" % len(br))
    for i in range(0, len(br), 6):
        w("\t" + " ".join("0x%08x," % (s << 5 | v) for s, v in br[i:i + 6]))
    w("};")
    jr = runs(lambda cp, d: join.get(cp, d), 0)
    w("/* joining type: start << 3 | enum ma_join, in runs */")
    w("static const uint32_t ma_idna_join[%d] = {" % len(jr))
    for i in range(0, len(jr), 6):
        w("\t" + " ".join("0x%08x," % (s << 3 | v) for s, v in jr[i:i + 6]))
    w("};")
    # a two-level index of the bidi class and the mark property below
    # BM_LIMIT, so that ma_idna.c reads them without a binary search:
    # ma_idna_bmpat[ma_idna_bmblk[cp >> BM_SHIFT]][cp & mask] is the bidi
    # class | 32 for a mark (identical blocks shared); at and above
    # BM_LIMIT the runs above are searched.
    bm_shift, bm_limit = 5, 0x30000
    bblk, bpats, bpatid = [], [], {}
    for b in range(bm_limit >> bm_shift):
        pat = tuple(bidi.get(cp, 0) | (32 if cp in markset else 0)
                    for cp in range(b << bm_shift, (b + 1) << bm_shift))
        if pat not in bpatid:
            bpatid[pat] = len(bpats)
            bpats.append(pat)
        bblk.append(bpatid[pat])
    assert len(bpats) < 1 << 16 and len(BIDI) <= 32
    w("#define MA_IDNA_BM_SHIFT %d" % bm_shift)
    w("#define MA_IDNA_BM_LIMIT 0x%X" % bm_limit)
    w("static const uint16_t ma_idna_bmblk[%d] = {" % len(bblk))
    for i in range(0, len(bblk), 12):
        w("\t" + " ".join("%d," % e for e in bblk[i:i + 12]))
    w("};")
    w("/* per pattern and code point: bidi class | 32 for a mark */")
    w("static const uint8_t ma_idna_bmpat[%d][%d] = {" % (len(bpats), 1 << bm_shift))
    for pat in bpats:
        w("\t{" + ", ".join("%d" % x for x in pat) + "},")
    w("};")
    tmp = sys.argv[1] + ".tmp"
    with open(tmp, "w", encoding="ascii") as f:
        f.write("\n".join(o) + "\n")
    os.replace(tmp, sys.argv[1])


if __name__ == "__main__":
    main()
