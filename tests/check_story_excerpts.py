#!/usr/bin/env python3
"""Checks a story file against its seed articles and counts its cards (docs/FORMAT.md).

Usage: python3 tests/check_story_excerpts.py STORY.json SEEDS_DIR
Each source names its article in a "seed" field. Exit status 1 on any error.
A stand-in for the C++ tool: rules are kept simple on purpose.
"""
import json, os, re, sys, unicodedata
from datetime import date

TITLES = set("the mr mrs ms miss dr prof professor sir dame lord madam president vice prime minister deputy former "
             "chancellor premier king queen prince princess general gen secretary ambassador senator sen rep judge "
             "justice spokesman spokeswoman spokesperson st saint jr sr".split())
ID = re.compile(r"^[a-z0-9._-]+$")
DATE = re.compile(r"^(~?)(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")

def fold(text):
    text = unicodedata.normalize("NFKD", str(text).translate(str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "ß": "ss"})))
    text = re.sub(r"['’‘ʼ]", "", "".join(c for c in text if not unicodedata.combining(c)).lower())
    return " ".join(re.findall(r"[^\W_]+", text))

def name_words(name):
    words = [w for w in fold(name).split() if w not in TITLES]
    for suffix in ("giin", "iin", "yn") if len(words) >= 2 else ():
        if len(words[0]) > len(suffix) + 2 and words[0].endswith(suffix):
            words[0] = words[0][:-len(suffix)]; break
    return frozenset(words)

def sentence_count(quote):  # boundaries: . ! ? then (optional space) a capital; "U.S." is no boundary
    n = 1
    for m in re.finditer(r"[.!?][”\"’)]*\s*(?=[“\"‘(]?[A-Z])", quote):
        word = quote[:m.start()].split()[-1] if quote[:m.start()].split() else ""
        if not re.fullmatch(r"(?:[A-Z]\.)*[A-Z]|Mr|Mrs|Ms|Dr|St|Jr|Sr", word):
            n += 1
    return n

def parse_date(text):
    m = DATE.match(text) if isinstance(text, str) else None
    if not m: return None
    y, mo, d = int(m[2]), m[3] and int(m[3]), m[4] and int(m[4])
    return (bool(m[1]), 3 if d else 2 if mo else 1, y, mo or 1, d or 1)

def ordinal(d, p):
    return d[2] if p == 1 else d[2] * 12 + d[3] if p == 2 else date(d[2], d[3], d[4]).toordinal()

def agree(a, b):
    if a is None or b is None or a == "unknown" or b == "unknown": return True
    if isinstance(a, (int, float)) or isinstance(b, (int, float)): return a == b
    da, db = parse_date(a), parse_date(b)
    if da and db:
        p = min(da[1], db[1])
        return abs(ordinal(da, p) - ordinal(db, p)) <= (1 if da[0] or db[0] else 0)
    return fold(a) == fold(b)

def main(story_path, seeds_dir):
    story = json.load(open(story_path, encoding="utf-8"))
    errors, notes = [], []
    ents, srcs, claims = story["entities"], story["sources"], story["claims"]
    for table, rows in (("entity", ents), ("source", srcs), ("claim", claims)):
        ids = [r.get("id", "") for r in rows]
        errors += [f"bad {table} id {i!r}" for i in ids if not ID.match(i)]
        errors += [f"duplicate {table} id {i!r}" for i in set(ids) if ids.count(i) > 1]
    names = [(e["id"], n, name_words(n)) for e in ents for n in [e["name"]] + e.get("aliases", [])]
    for a, n, w in names:  # exact key clash = error; a name fitting inside another entity's name = note
        for b, m, v in names:
            if a < b and w == v: errors.append(f"name {n!r} of {a} also names {b} ({m!r})")
            elif a != b and w < v: notes.append(f"name {n!r} of {a} fits inside {m!r} of {b} (resolved by exact key)")
    ent_ids = {e["id"] for e in ents}
    def resolve(ref):
        if ref in ent_ids: return ref
        hits = {a for a, _, w in names if w == name_words(ref)} or {a for a, _, w in names if name_words(ref) <= w}
        if len(hits) != 1: errors.append(f"reference {ref!r} is {'ambiguous' if hits else 'unknown'}")
        return hits.pop() if len(hits) == 1 else None
    texts, outlet = {}, {}
    for s in srcs:
        path = os.path.join(seeds_dir, s.get("seed", ""))
        if not os.path.isfile(path): errors.append(f"source {s['id']}: no seed file {path}"); continue
        texts[s["id"]] = open(path, encoding="utf-8").read()
        if s.get("headline") and s["headline"] not in texts[s["id"]]: errors.append(f"source {s['id']}: headline not in text")
        outlet[s["id"]] = "publisher:" + fold(s["publisher"]) if s.get("publisher") else "source:" + s["id"]
    for c in claims:
        c["_who"] = resolve(c["who"])
        if c["kind"] not in ("event", "statement", "quote", "figure"): errors.append(f"{c['id']}: bad kind")
        if c["kind"] == "figure" and not isinstance(c.get("value"), (int, float)): errors.append(f"{c['id']}: figure without number")
        if c.get("when") and c["when"] != "unknown" and not parse_date(c["when"]): errors.append(f"{c['id']}: bad when")
        for e in c["evidence"]:
            if e.get("speaker"): resolve(e["speaker"])
            elif c["kind"] == "quote": notes.append(f"{c['id']}: quote evidence without speaker")
            if e["source"] not in outlet: errors.append(f"{c['id']}: unknown source {e['source']!r}"); continue
            q = e["quote"]
            if q not in texts[e["source"]]: errors.append(f"{c['id']}: quote not verbatim in {e['source']}: {q!r}")
            if sentence_count(q) > 1: errors.append(f"{c['id']}: quote has {sentence_count(q)} sentences: {q!r}")
            if len(q) > 200: notes.append(f"{c['id']}: quote is {len(q)} characters")
    cards = []
    for c in claims:  # merge: same who and (same topic, agreeing values) or (no topic, same folded what)
        for card in cards:
            f = card[0]
            if f["_who"] == c["_who"] and ((f.get("topic") and f.get("topic") == c.get("topic") and agree(f.get("value"), c.get("value")))
                                           or (not f.get("topic") and not c.get("topic") and fold(f["what"]) == fold(c["what"]))):
                card.append(c); break
        else: cards.append([c])
    stats = {"corroborated>=2": 0, "corroborated>=3": 0, "contested": 0, "single-source": 0}
    for card in cards:
        f, ev = card[0], [e for c in card for e in c["evidence"]]
        n = len({outlet[e["source"]] for e in ev if e.get("stance", "supports") == "supports" and e["source"] in outlet})
        against = [o[0]["id"] for o in cards if o is not card and f.get("topic") and o[0].get("topic") == f["topic"]
                   and not agree(o[0].get("value"), f.get("value"))]
        status = "contested" if against or any(e.get("stance") == "refutes" for e in ev) else "corroborated" if n >= 2 else "single-source"
        stats[status if status != "corroborated" else "corroborated>=2"] += 1
        stats["corroborated>=3"] += n >= 3
        if status == "contested" or n >= 3:
            print(f"  {status:13} {n}  {f['id']}" + (f"  vs {', '.join(against)}" if against else ""))
    for n in notes: print("note:", n)
    for e in errors: print("ERROR:", e)
    print(f"entities {len(ents)}, sources {len(srcs)}, claims {len(claims)}, cards {len(cards)}, "
          f"corroborated>=3 {stats['corroborated>=3']}, corroborated (status) {stats['corroborated>=2']}, "
          f"contested {stats['contested']}, single-source {stats['single-source']}, errors {len(errors)}")
    return 1 if errors else 0

if __name__ == "__main__":
    if len(sys.argv) != 3: sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
