#!/usr/bin/env python3
"""Generate assets/fold/fold.tsv: the per-character fold table Storyline matches text through.

Why a generated table: folding runs over every article char and every query, so it must be a
plain char -> char lookup (OpenCC through the binding runs at ~8 MB/s; the table at hundreds).
The table is derived once from data Debian ships, and committed; this script regenerates it:

    python3 scripts/gen_fold_table.py            # writes assets/fold/fold.tsv
    python3 scripts/gen_fold_table.py --check    # exits 1 if the committed file is stale

Inputs (Debian packages `opencc` / `libopencc-data` and `unicode-data`):
  * OpenCC's character dictionaries (/usr/share/opencc/*.ocd2, dumped with `opencc_dict`):
    TSCharacters (traditional -> simplified, first candidate, single chars only), plus the
    HK and TW "variants reversed" tables, composed with TSCharacters, for regional forms.
  * Unihan_Variants (kSemanticVariant, then kSpecializedSemanticVariant), for the rare variant
    characters careless converters leave behind (紥 -> 紮 -> 扎, 騐 -> 驗 -> 验). Only characters that
    are themselves uncommon (in neither GB 2312, the 通用规范汉字表 nor Big5 level 1) are folded
    this way, so real common characters never merge into a neighbour; among candidates the one
    whose simplified form is common wins.
  * UnicodeData: CJK compatibility ideographs and Kangxi/supplement radicals -> unified ideographs.
The hand table (assets/fold/hand.tsv) is NOT merged here: the runtime layers it on top, so that a
hand fix needs no regeneration. Full-width ASCII and letter case are folded in code (they are
rules, not data).
"""
import bz2
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "assets", "fold", "fold.tsv")
# Chars OpenCC's s2t changes and Big5 lacks (so they occur only in simplified text): tells an
# article's script. 后, 里, 台 … are in Big5 (real traditional chars too) and so are left out.
HANS_OUT = os.path.join(ROOT, "assets", "fold", "hans_only.txt")
OPENCC_DIR = "/usr/share/opencc"
UNICODE_DIR = "/usr/share/unicode"


def die(msg):
    sys.stderr.write("gen_fold_table: " + msg + "\n")
    sys.exit(2)


def read_ocd2(name, tmp, prefer_rewrite=False):
    src = os.path.join(OPENCC_DIR, name + ".ocd2")
    if not os.path.exists(src):
        die(f"{src} missing: apt-get install libopencc-data opencc")
    dst = os.path.join(tmp, name + ".txt")
    try:
        subprocess.run(["opencc_dict", "-i", src, "-o", dst, "-f", "ocd2", "-t", "text"],
                       check=True, stdout=subprocess.DEVNULL)
    except FileNotFoundError:
        die("opencc_dict not found: apt-get install opencc")
    table = {}
    with open(dst, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 2:
                continue
            key, cands = parts[0], parts[1].split(" ")
            # Single-char keys with a single-char candidate: a phrase or a length change would
            # break the one-char-for-one-char promise of folding. Where OpenCC keeps the char by
            # default but its phrase rules may rewrite it (藉 → 借 in 藉此, 瞭 → 了 in 瞭解), fold
            # to the rewrite, so folding a text and folding its OpenCC conversion agree.
            cands = [c for c in cands if len(c) == 1]
            if len(key) == 1 and cands:
                pick = cands[0]
                if prefer_rewrite and pick == key and len(cands) > 1:
                    pick = cands[1]
                table[key] = pick
    return table


def unihan(name):
    path = os.path.join(UNICODE_DIR, name + ".txt.bz2")
    if not os.path.exists(path):
        die(f"{path} missing: apt-get install unicode-data")
    with bz2.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("U+"):
                cp, field, value = line.rstrip("\n").split("\t", 2)
                yield chr(int(cp[2:], 16)), field, value


def cps(value):
    return [chr(int(m, 16)) for m in re.findall(r"U\+([0-9A-F]+)", value)]


def main():
    check = "--check" in sys.argv[1:]
    with tempfile.TemporaryDirectory() as tmp:
        ts = read_ocd2("TSCharacters", tmp, prefer_rewrite=True)
        hk_rev = read_ocd2("HKVariantsRev", tmp)
        tw_rev = read_ocd2("TWVariantsRev", tmp)
        st = read_ocd2("STCharacters", tmp)

    common = set()
    mainland = set()  # GB 2312 or 通用规范汉字表: standard simplified-script chars
    big5 = set()
    for c, field, value in unihan("Unihan_OtherMappings"):
        if field == "kBigFive":
            big5.add(c)
        if field in ("kGB0", "kTGH"):
            common.add(c)
            mainland.add(c)
        elif field == "kBigFive" and "A440" <= value <= "C67E":
            common.add(c)

    def t2s(c):
        return ts.get(c, c)

    rows = {}  # char -> (target, source tag)
    for c, s in ts.items():
        if s != c:
            # "shared": also a standard simplified char (覆, 著, 乾), so no sign of the script.
            rows[c] = (s, "opencc-ts-shared" if c in mainland else "opencc-ts")
    for tag, rev in (("opencc-hk", hk_rev), ("opencc-tw", tw_rev)):
        for c, std in rev.items():
            s = t2s(std)
            # The reversed tables also map standard simplified chars (抬 → 擡, 么 → 幺): skip those.
            if c not in rows and s != c and c not in ts and c not in mainland:
                rows[c] = (s, tag)

    simplified_targets = set(ts.values())
    variants = {"kSemanticVariant": {}, "kSpecializedSemanticVariant": {}}
    for c, field, value in unihan("Unihan_Variants"):
        if field in variants:
            variants[field][c] = cps(value)
    for field, tag in (("kSemanticVariant", "unihan-semantic"),
                       ("kSpecializedSemanticVariant", "unihan-specialized")):
        for c, cands in sorted(variants[field].items()):
            if c in rows or c in ts or c in common or c in simplified_targets:
                continue
            best = None
            for rank, v in enumerate(cands):
                s = rows[v][0] if v in rows else t2s(v)
                if s == c:
                    continue
                score = (s in common, v in common, -rank)
                if s in common and (best is None or score > best[0]):
                    best = (score, s)
            if best:
                rows[c] = (best[1], tag)

    for line in open(os.path.join(UNICODE_DIR, "UnicodeData.txt"), encoding="utf-8"):
        f = line.split(";")
        cp = int(f[0], 16)
        if not (0xF900 <= cp <= 0xFAFF or 0x2F800 <= cp <= 0x2FA1F or 0x2E80 <= cp <= 0x2FDF):
            continue
        dec = f[5].replace("<compat>", "").split()
        if len(dec) != 1:
            continue
        c, u = chr(cp), chr(int(dec[0], 16))
        target = rows[u][0] if u in rows else t2s(u)
        if c not in rows and target != c:
            rows[c] = (target, "unicode-compat")

    # Close the map: a target that is itself folded (a variant of a variant) folds once more.
    for c in list(rows):
        t, tag = rows[c]
        for _ in range(4):
            if t in rows and rows[t][0] != t:
                t = rows[t][0]
            else:
                break
        rows[c] = (t, tag)

    lines = [
        "# Storyline fold table: char<TAB>folded<TAB>source. Generated by scripts/gen_fold_table.py",
        "# from OpenCC (TSCharacters, HK/TW variants) and Unicode (Unihan_Variants, UnicodeData).",
        "# Do not edit by hand: fixes go in assets/fold/hand.tsv.",
    ]
    for c in sorted(rows):
        t, tag = rows[c]
        if t != c:
            lines.append(f"{c}\t{t}\t{tag}")
    text = "\n".join(lines) + "\n"
    hans = sorted(c for c, t in st.items() if t != c and c not in ts and c not in big5)
    hans_text = ("# Simplified-only chars (OpenCC STCharacters changes them; not in TSCharacters nor Big5).\n"
                 "# Generated by scripts/gen_fold_table.py.\n" + "".join(hans) + "\n")
    if check:
        old = open(OUT, encoding="utf-8").read() if os.path.exists(OUT) else ""
        old_hans = open(HANS_OUT, encoding="utf-8").read() if os.path.exists(HANS_OUT) else ""
        if old != text or old_hans != hans_text:
            sys.stderr.write(f"{OUT} is stale; rerun scripts/gen_fold_table.py\n")
            sys.exit(1)
        print(f"{OUT} up to date ({len(lines) - 3} entries)")
        return
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(text)
    with open(HANS_OUT, "w", encoding="utf-8") as f:
        f.write(hans_text)
    counts = {}
    for c, (t, tag) in rows.items():
        counts[tag] = counts.get(tag, 0) + 1
    print(f"wrote {OUT}: {len(lines) - 3} entries", counts)


if __name__ == "__main__":
    main()
