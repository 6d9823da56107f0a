#!/usr/bin/env python3
"""Regenerates the lineage test fixtures in tests/lineage/data/ (see README.md there). Run from the repository root:

    python3 tests/lineage/make_fixtures.py

dongli-2024-a1: an amendment INVENTED for the tests, not a real document. Its text is the Dongli text with two edits
(the 2025 manufacturing target raised from 95% to 96%; 区住建委 moved from clause （五）'s list to clause （六）'s), its
overlay is Dongli's with the goal's quote, value and stated form following the text, and a lineage saying it amends
dongli-2024 from 2025-07-01. Nothing is renumbered.
"""
import json
import os
import subprocess
import sys

root = os.getcwd()
data = os.path.join(root, "tests", "lineage", "data")

src = open(os.path.join(root, "data", "sources", "dongli-2024.txt"), encoding="utf-8").read()
edits = [
    ("制造业产品质量合格率达到95%", "制造业产品质量合格率达到96%"),
    ("（区市场监管局、区工信局、区住建委、区商务局和各街道园区等按职责分工负责）",
     "（区市场监管局、区工信局、区商务局和各街道园区等按职责分工负责）"),
    ("（区工信局、区科技局、区市场监管局和各街道园区等按职责分工负责）",
     "（区工信局、区科技局、区住建委、区市场监管局和各街道园区等按职责分工负责）"),
]
for old, new in edits:
    if src.count(old) != 1:
        raise SystemExit(f"expected exactly one {old!r} in the Dongli text")
    src = src.replace(old, new)
open(os.path.join(data, "dongli-2024-a1.txt"), "w", encoding="utf-8").write(src)

ov = json.load(open(os.path.join(root, "data", "plans", "dongli-2024.overlay.json"), encoding="utf-8"))
ov["id"] = "dongli-2024-a1"
ov["source_path"] = "dongli-2024-a1.txt"
ov["lineage"] = {"amends": "dongli-2024", "effective_from": "2025-07-01"}
for g in ov["goals"]:
    if g["id"] == "manufacturing_quality_pass_rate":
        g["quote"], g["value"], g["stated"] = "制造业产品质量合格率达到96%", 96, "96%"
json.dump(ov, open(os.path.join(data, "dongli-2024-a1.overlay.json"), "w", encoding="utf-8"), ensure_ascii=False, indent=1)
subprocess.run([sys.executable, os.path.join(root, "tools", "author_plan.py"), os.path.join(data, "dongli-2024-a1.txt"),
                os.path.join(data, "dongli-2024-a1.overlay.json"), os.path.join(data, "dongli-2024-a1.json")], check=True)

# Two districts INVENTED for the roll-up test (甲区, 乙区): short texts in the genre's layout, outline overlays.
for name in ("district-jia", "district-yi"):
    subprocess.run([sys.executable, os.path.join(root, "tools", "author_outline.py"), os.path.join(data, name + ".txt"),
                    os.path.join(data, name + ".overlay.json"), os.path.join(data, name + ".json")], check=True)
