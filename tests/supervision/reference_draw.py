#!/usr/bin/env python3
"""An independent re-implementation of the qgov-draw/1 procedure in docs/supervision.md, in plain Python.

Usage: reference_draw.py ENTERPRISES.csv INSPECTORS.csv SEED DRAWN_ON [RECORD.json]
Prints the draw as "ENTERPRISE:INSPECTOR,INSPECTOR, ..." in the order drawn. With RECORD.json (the output of
`qgov draw --format json --inspectors-shown id`), checks that the record lists exactly this draw and prints
"reference draw: ok". Only the defaults are implemented: Tianjin 2017 thresholds (inclusive limits, warnings not
counted), ratios 5/100, 5/100, 21/100, 61/100, caps 365, 365, 182, 0 days, ratio of the population, 2 inspectors.
"""
import csv
import datetime
import json
import sys

MASK = (1 << 64) - 1


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)


class Xoshiro256StarStar:
    def __init__(self, sm):
        self.s = [sm.next() for _ in range(4)]

    def next(self):
        s = self.s
        rotl = lambda x, k: ((x << k) | (x >> (64 - k))) & MASK
        result = (rotl((s[1] * 5) & MASK, 7) * 9) & MASK
        t = (s[1] << 17) & MASK
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 45)
        return result


def uniform_below(g, n):
    if n <= 1:
        return 0
    threshold = (1 << 64) % n
    while True:
        x = g.next()
        if x >= threshold:
            return x % n


def partial_fisher_yates(pool, k, g):
    k = min(k, len(pool))
    for i in range(k):
        j = i + uniform_below(g, len(pool) - i)
        pool[i], pool[j] = pool[j], pool[i]
    return pool[:k]


def rows(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        lines = [l for l in f if not l.startswith("#")]
    return list(csv.DictReader(lines))


def fen(text):
    if not text:
        return 0
    whole, _, frac = text.partition(".")
    return int(whole) * 100 + int((frac + "00")[:2])


LABELS = ["良好", "警示", "失信", "严重失信"]
LIST_LEVEL = {"abnormal_operations": 1, "经营异常名录": 1, "refused_inspection": 1, "拒不配合检查": 1,
              "serious_violation": 2, "严重违法企业名单": 2, "dishonest_debtor": 3, "失信被执行人": 3}


def classify(e):
    level = LABELS.index(e["credit_class"]) if e.get("credit_class") else 0
    penalties, warnings = int(e.get("penalties") or 0), int(e.get("warnings") or 0)
    fines = fen(e.get("fines_yuan", ""))
    if penalties > 0 or fines > 0:
        level = max(level, 1)
    counted = penalties - warnings
    level = max(level, 3 if counted > 10 else 2 if counted > 5 else 0)
    level = max(level, 3 if fines > 50_000_000 else 2 if fines > 10_000_000 else 0)
    for item in (e.get("lists") or "").split(";"):
        if item.strip():
            level = max(level, LIST_LEVEL[item.strip()])
    return level


def main():
    enterprises, inspectors = rows(sys.argv[1]), rows(sys.argv[2])
    seed, drawn_on = int(sys.argv[3]), datetime.date.fromisoformat(sys.argv[4])
    ratios, caps = [(5, 100), (5, 100), (21, 100), (61, 100)], [365, 365, 182, 0]
    utf8 = lambda r: r["id"].encode("utf-8")
    conflicts = set()
    for e in enterprises:
        for c in (e.get("conflicts") or "").split(";"):
            if c.strip():
                conflicts.add((e["id"], c.strip()))
    for p in inspectors:
        for c in (p.get("conflicts") or "").split(";"):
            if c.strip():
                conflicts.add((c.strip(), p["id"]))
    population, pools = [0] * 4, [[] for _ in range(4)]
    for e in sorted(enterprises, key=utf8):
        level = classify(e)
        population[level] += 1
        last = e.get("last_inspected_on")
        if last and (drawn_on - datetime.date.fromisoformat(last)).days < caps[level]:
            continue
        pools[level].append(e["id"])
    sm = SplitMix64(seed)
    objects_gen, inspectors_gen = Xoshiro256StarStar(sm), Xoshiro256StarStar(sm)
    drawn = []
    for level in range(4):
        num, den = ratios[level]
        target = (population[level] * num + den - 1) // den
        drawn += partial_fisher_yates(pools[level], min(target, len(pools[level])), objects_gen)
    roster = [p["id"] for p in sorted(inspectors, key=utf8)]
    result = []
    for obj in drawn:
        candidates = [p for p in roster if (obj, p) not in conflicts]
        result.append((obj, partial_fisher_yates(candidates, 2, inspectors_gen)))
    print(" ".join(f"{o}:{','.join(ps)}," for o, ps in result))
    if len(sys.argv) > 5:
        with open(sys.argv[5], encoding="utf-8") as f:
            record = json.load(f)
        listed = [(d["enterprise_id"], d["inspectors"]) for d in record["draws"]]
        if listed != result or record["generator"]["seed"] != str(seed):
            print("reference draw: MISMATCH\n  qgov:      %s\n  reference: %s" % (listed, result))
            sys.exit(1)
        print("reference draw: ok")


if __name__ == "__main__":
    main()
