#!/usr/bin/env python3
"""Check that each story folder's gold.toml is well formed against its articles.

Usage: python3 eval/check.py eval/stories/<slug> [...]
Exit 1 when any story has a problem; every problem is printed.
"""
import datetime
import sys
import tomllib
from pathlib import Path

STATUSES = {"happened", "reported", "rumoured", "planned"}
KINDS = {"person", "org"}


def parse_date(s):
    parts = s.split("-")
    if len(parts) not in (1, 2, 3):
        raise ValueError(s)
    y = int(parts[0])
    m = int(parts[1]) if len(parts) > 1 else 1
    d = int(parts[2]) if len(parts) > 2 else 1
    return datetime.date(y, m, d)


def check(story: Path):
    problems = []
    gold_path = story / "gold.toml"
    if not gold_path.exists():
        return [f"{story}: no gold.toml"]
    gold = tomllib.loads(gold_path.read_text(encoding="utf-8"))
    manifest = tomllib.loads((story / "manifest.toml").read_text(encoding="utf-8"))
    texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted(story.glob("*.txt"))}
    if not 8 <= len(texts) <= 15:
        problems.append(f"{len(texts)} articles (8–15 wanted)")
    for aid in texts:
        if aid not in manifest.get("articles", {}) or "url" not in manifest["articles"][aid]:
            problems.append(f"{aid}: no url in manifest.toml")
        if aid not in gold.get("articles", {}):
            problems.append(f"{aid}: no [articles.{aid}] in gold.toml")
    for aid, a in gold.get("articles", {}).items():
        if aid not in texts:
            problems.append(f"gold names article {aid}, which has no file")
        if "published" in a:
            try:
                parse_date(a["published"])
            except ValueError:
                problems.append(f"{aid}: bad published {a['published']!r}")
        if a.get("published_from") not in ("text", "url", "none"):
            problems.append(f"{aid}: published_from must be text, url or none")
    canon = {}
    for e in gold.get("entities", []):
        if e.get("kind") not in KINDS:
            problems.append(f"entity {e.get('names')}: kind must be person or org")
        names = e.get("names") or []
        if not names:
            problems.append("an entity without names")
            continue
        canon[names[0]] = e
        if not any(n in t for n in names for t in texts.values()):
            problems.append(f"entity {names[0]}: none of its names occurs in any article")
    ids = set()
    cited = set()
    for h in gold.get("happenings", []):
        hid = h.get("id", "?")
        if hid in ids:
            problems.append(f"{hid}: duplicate id")
        ids.add(hid)
        if h.get("status") not in STATUSES:
            problems.append(f"{hid}: bad status {h.get('status')!r}")
        try:
            if parse_date(h["from"]) > parse_date(h["to"]):
                problems.append(f"{hid}: from after to")
        except (KeyError, ValueError):
            problems.append(f"{hid}: from/to missing or not YYYY-MM-DD")
        if not h.get("entities"):
            problems.append(f"{hid}: no entities")
        for n in h.get("entities", []):
            if n not in canon:
                problems.append(f"{hid}: entity {n!r} is not a canonical name in [[entities]]")
        if not h.get("cues"):
            problems.append(f"{hid}: no cues")
        for c in h.get("cues", []):
            aid, q = c.get("article"), c.get("quote", "")
            if aid not in texts:
                problems.append(f"{hid}: cue names unknown article {aid!r}")
                continue
            cited.add(aid)
            if not 4 <= len(q) <= 120:
                problems.append(f"{hid}: quote of {len(q)} chars in {aid}")
            if q not in texts[aid]:
                problems.append(f"{hid}: quote not found verbatim in {aid}: {q!r}")
    if len(ids) < 6:
        problems.append(f"only {len(ids)} happenings")
    for aid in texts:
        if aid not in cited:
            problems.append(f"{aid}: no happening cites it (is it about this story?)")
    return [f"{story.name}: {p}" for p in problems]


def main():
    all_problems = []
    for arg in sys.argv[1:]:
        all_problems += check(Path(arg))
    for p in all_problems:
        print(p)
    print(f"{len(all_problems)} problems in {len(sys.argv) - 1} stories")
    sys.exit(1 if all_problems else 0)


if __name__ == "__main__":
    main()
