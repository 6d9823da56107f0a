#!/usr/bin/env python3
"""Writes a synthetic directory of 100 000 enterprises and a roster of 200 inspectors (fixed seed) for the timing in
docs/benchmarks.md: make_big_directory.py OUT_ENTERPRISES.csv OUT_INSPECTORS.csv"""
import random
import sys

r = random.Random(1)
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write("id,name,penalties,warnings,fines_yuan,lists,last_inspected_on,conflicts\n")
    for i in range(100000):
        p = r.choice([0] * 6 + [1, 2, 3, 6, 11])
        w = min(p, r.choice([0, 0, 1]))
        fines = r.choice(["", "5000", "120000.50", "600000"])
        lists = r.choice([""] * 20 + ["dishonest_debtor", "abnormal_operations"])
        last = r.choice(["", "", "2024-%02d-%02d" % (r.randint(1, 12), r.randint(1, 28))])
        conf = r.choice([""] * 50 + ["P%03d" % r.randint(0, 199)])
        f.write(f"E{i:06d},企业{i},{p},{w},{fines},{lists},{last},{conf}\n")
with open(sys.argv[2], "w", encoding="utf-8") as f:
    f.write("id,name,department\n")
    for i in range(200):
        f.write(f"P{i:03d},检查员{i},执法支队\n")
