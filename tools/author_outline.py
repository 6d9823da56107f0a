#!/usr/bin/env python3
"""Builds a qgov plan file from a source text whose outline the overlay names explicitly.

tools/author_plan.py finds sections, clauses and lists by the Dongli layout's patterns (一、 （一） 专栏N,
按职责分工负责 lists). The texts reachable for the national 纲要 and the Tianjin 纲要 are excerpts of other
layouts: headings without numerals (指导思想, 主要目标), half-width parentheses, a press report's paragraph. For those
the overlay lists the outline itself, and this tool only computes spans:

  "sections": [{"number": 1, "title": {"text": "…", "occurrence": 0},
                "clauses": [{"number": 1, "title": {"text": "…"}}, …]}, …]

A section runs from its title to the next section's title (or the end of the text), a clause from its title to
the next clause's title or the end of its section; both end at their last non-space character. Document fields
`number`, `issued_on_text`, `disclosure` and `notice_title` are optional (an excerpt may print none). Goals,
units and `lineage` are as in tools/author_plan.py's overlay. No responsibility lists: these excerpts print none.

Usage: tools/author_outline.py SOURCE.txt OVERLAY.json OUT.json     (standard library only)
"""
import hashlib
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from author_plan import Text  # noqa: E402  (same span arithmetic and unique-quote rule)


def trim_end(text, lo, hi):
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return hi


def main():
    if len(sys.argv) != 4:
        raise SystemExit(__doc__)
    src_path, overlay_path, out_path = sys.argv[1:]
    raw = open(src_path, "rb").read()
    t = Text(raw.decode("utf-8"))
    ov = json.load(open(overlay_path, encoding="utf-8"))

    def find(entry, what, within=None):
        return t.find_unique(entry["text"], within=within, occurrence=entry.get("occurrence"), what=what)

    heads = []  # (char pos, section index)
    for si, s in enumerate(ov["sections"]):
        heads.append(find(s["title"], f"section {s['number']}"))
    sections, clauses, blocks = [], [], {}
    for si, s in enumerate(ov["sections"]):
        lo = heads[si]
        hi = trim_end(t.text, lo, heads[si + 1] if si + 1 < len(heads) else len(t.text))
        tl = len(s["title"]["text"])
        sections.append({"number": s["number"], "title": {"text": s["title"]["text"], "span": t.span(lo, lo + tl)},
                         "span": t.span(lo, hi)})
        cpos = [find(c["title"], f"clause {c['number']}", within=(lo, hi)) for c in s.get("clauses", [])]
        for ci, c in enumerate(s.get("clauses", [])):
            clo = cpos[ci]
            chi = trim_end(t.text, clo, cpos[ci + 1] if ci + 1 < len(cpos) else hi)
            ctl = len(c["title"]["text"])
            clauses.append({"number": c["number"], "section": s["number"],
                            "title": {"text": c["title"]["text"], "span": t.span(clo, clo + ctl)},
                            "span": t.span(clo, chi)})
            blocks[c["number"]] = (clo, chi)

    d = ov["document"]
    document = {}
    for k in ("number", "issuer", "issued_on_text", "disclosure", "title", "notice_title"):
        if k in d:
            at = find(d[k], f"document.{k}")
            document[k] = {"text": d[k]["text"], "span": t.span(at, at + len(d[k]["text"]))}
    document["issued_on"] = d["issued_on"]
    if "title_en" in d:
        document["title_en"] = d["title_en"]

    goals = []
    for g in ov["goals"]:
        src = g["source"]
        if src["kind"] != "clause" or src["number"] not in blocks:
            raise SystemExit(f"error: goal {g['id']}: no clause {src['number']}")
        at = t.find_unique(g["quote"], within=blocks[src["number"]], occurrence=g.get("occurrence"), what=f"goal {g['id']}")
        out = {k: v for k, v in g.items() if k != "occurrence"}
        out["span"] = t.span(at, at + len(g["quote"]))
        goals.append(out)

    plan = {"qgov_plan": 1, "id": ov["id"],
            "source": {"path": ov["source_path"], "sha256": hashlib.sha256(raw).hexdigest()}}
    if "lineage" in ov:
        plan["lineage"] = ov["lineage"]
    plan.update({"document": document, "sections": sections, "clauses": clauses, "units": ov.get("units", []),
                 "responsibility": {"convention": ov.get("convention", "all_responsible"), "lists": []},
                 "goals": goals})
    text = json.dumps(plan, ensure_ascii=False, indent=1)
    text = re.sub(r"\[\n\s*(\d+),\n\s*(\d+)\n\s*\]", r"[\1, \2]", text)
    open(out_path, "w", encoding="utf-8").write(text + "\n")
    print(f"{out_path}: {len(sections)} sections, {len(clauses)} clauses, {len(goals)} goals")


if __name__ == "__main__":
    main()
