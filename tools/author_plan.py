#!/usr/bin/env python3
"""Builds a qgov plan file from a plan's source text and a hand-kept overlay.

The overlay (JSON) holds what a person decides: ids, English names, unit kinds, each goal's quote,
comparator, value, unit and its links to clauses. This tool finds everything that is mechanical in the
text -- sections, clauses, columns and their items, the responsibility lists and each cell -- and computes
every span as UTF-8 byte offsets. It refuses to guess: a quote that is missing or occurs more than once
(without an `occurrence` index) is an error.

Usage: tools/author_plan.py SOURCE.txt OVERLAY.json OUT.json

Standard library only; the C++ loader validates its output independently (every span against the text).
"""
import hashlib
import json
import re
import sys

CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def cn_number(s):
    """Chinese numerals up to 99: 三 -> 3, 十 -> 10, 十五 -> 15, 二十八 -> 28, 三十一 -> 31."""
    if s == "十":
        return 10
    if "十" in s:
        tens, _, ones = s.partition("十")
        return (CN_DIGITS[tens] if tens else 1) * 10 + (CN_DIGITS[ones] if ones else 0)
    return CN_DIGITS[s]


class Text:
    def __init__(self, text):
        self.text = text
        self.raw = text.encode("utf-8")
        # character index -> byte offset
        self.byte_at = [0]
        for ch in text:
            self.byte_at.append(self.byte_at[-1] + len(ch.encode("utf-8")))

    def span(self, start, end):
        return [self.byte_at[start], self.byte_at[end]]

    def find_unique(self, needle, within=None, occurrence=None, what=""):
        lo, hi = within if within else (0, len(self.text))
        hits = []
        i = self.text.find(needle, lo)
        while i != -1 and i + len(needle) <= hi:
            hits.append(i)
            i = self.text.find(needle, i + 1)
        if not hits:
            raise SystemExit(f"error: {what}: quote not found in the source: {needle!r}")
        if occurrence is not None:
            if occurrence >= len(hits):
                raise SystemExit(f"error: {what}: occurrence {occurrence} of {needle!r} does not exist ({len(hits)} found)")
            return hits[occurrence]
        if len(hits) > 1:
            raise SystemExit(f"error: {what}: quote occurs {len(hits)} times, add 'occurrence': {needle!r}")
        return hits[0]


SECTION_RE = re.compile(r"^([一二三四五六七八九十]+)、(.+?)\s*$", re.M)
CLAUSE_RE = re.compile(r"^\s*（([一二三四五六七八九十]+)）([^。]+)。", re.M)
COLUMN_RE = re.compile(r"^\s*专栏(\d+)[\s\u3000]+(.+?)\s*$", re.M)
ITEM_RE = re.compile(r"^\s*——([^。]+)。.*$", re.M)
LIST_RE = re.compile(r"（([^（）]*?)按职责分工负责）")


def structure(t):
    text = t.text
    heads = []  # (char_pos, kind, number, match)
    for m in SECTION_RE.finditer(text):
        heads.append((m.start(), "section", cn_number(m.group(1)), m))
    for m in CLAUSE_RE.finditer(text):
        heads.append((m.start() + len(m.group(0)) - len(m.group(0).lstrip()), "clause", cn_number(m.group(1)), m))
    for m in COLUMN_RE.finditer(text):
        heads.append((m.start() + len(m.group(0)) - len(m.group(0).lstrip()), "column", int(m.group(1)), m))
    heads.sort(key=lambda h: h[0])

    def block_end(i):
        """A section runs to the next section; a clause or column to the next heading of any kind.
        The block ends at its last non-space character."""
        kind = heads[i][1]
        nxt = next((h[0] for h in heads[i + 1:] if kind != "section" or h[1] == "section"), len(text))
        e = nxt
        while e > heads[i][0] and text[e - 1].isspace():
            e -= 1
        return e

    sections, clauses, columns = [], [], []
    current_section = 0
    for i, (pos, kind, number, m) in enumerate(heads):
        end = block_end(i)
        if kind == "section":
            current_section = number
            title_start = m.start(2)
            sections.append({"number": number,
                             "title": {"text": m.group(2), "span": t.span(title_start, m.end(2))},
                             "span": t.span(pos, end)})
        elif kind == "clause":
            clauses.append({"number": number, "section": current_section,
                            "title": {"text": m.group(2), "span": t.span(m.start(2), m.end(2))},
                            "span": t.span(pos, end)})
        else:
            items = []
            for im in ITEM_RE.finditer(text, m.end(), end):
                lead = im.start() + len(im.group(0)) - len(im.group(0).lstrip())
                items.append({"title": {"text": im.group(1), "span": t.span(im.start(1), im.end(1))},
                              "span": t.span(lead, im.end())})
            columns.append({"number": number, "section": current_section,
                            "title": {"text": m.group(2), "span": t.span(m.start(2), m.end(2))},
                            "span": t.span(pos, end), "items": items})
    return sections, clauses, columns, heads


def responsibility(t, clauses, units_by_name):
    out = []
    for c in clauses:
        lo = t.byte_at.index(c["span"][0])
        hi = t.byte_at.index(c["span"][1])
        ms = list(LIST_RE.finditer(t.text, lo, hi))
        if not ms:
            continue
        if len(ms) > 1:
            raise SystemExit(f"error: clause {c['number']} has {len(ms)} responsibility lists")
        m = ms[0]
        body_start = m.start(1)
        body = m.group(1)
        # Dongli form: A、B、…和C等  — the last unit follows 和, an optional 等 closes the list.
        if body.endswith("等"):
            body = body[:-1]
        head, _, last = body.rpartition("和")
        names = (head.split("、") if head else []) + [last]
        cells, pos = [], body_start
        for name in names:
            at = t.text.index(name, pos)
            if name not in units_by_name:
                raise SystemExit(f"error: clause {c['number']}: unit {name!r} is not in the overlay's units")
            cells.append({"unit": units_by_name[name], "span": t.span(at, at + len(name))})
            pos = at + len(name)
        out.append({"clause": c["number"], "span": t.span(m.start(), m.end()), "cells": cells})
    return out


def main():
    if len(sys.argv) != 4:
        raise SystemExit(__doc__)
    src_path, overlay_path, out_path = sys.argv[1:]
    raw = open(src_path, "rb").read()
    t = Text(raw.decode("utf-8"))
    ov = json.load(open(overlay_path, encoding="utf-8"))

    sections, clauses, columns, _ = structure(t)
    units_by_name = {u["name"]: u["id"] for u in ov["units"]}
    lists = responsibility(t, clauses, units_by_name)

    def block(kind, number):
        seq = clauses if kind == "clause" else columns
        for b in seq:
            if b["number"] == number:
                return (t.byte_at.index(b["span"][0]), t.byte_at.index(b["span"][1]))
        raise SystemExit(f"error: no {kind} {number}")

    def spanned(entry, what, within=None):
        at = t.find_unique(entry["text"], within=within, occurrence=entry.get("occurrence"), what=what)
        return {"text": entry["text"], "span": t.span(at, at + len(entry["text"]))}

    d = ov["document"]
    document = {k: spanned(d[k], f"document.{k}") for k in ("number", "issuer", "issued_on_text", "disclosure", "title")}
    # the notice title is printed across lines: its span covers the printed lines, its text has the breaks removed
    nt = d["notice_title"]
    first, last = nt["first_line"], nt["last_line"]
    a = t.find_unique(first, what="document.notice_title")
    b = t.find_unique(last, within=(a, len(t.text)), occurrence=0, what="document.notice_title")
    document["notice_title"] = {"text": re.sub(r"\s+", "", t.text[a:b + len(last)]), "span": t.span(a, b + len(last))}
    document["issued_on"] = d["issued_on"]
    document["title_en"] = d["title_en"]

    goals = []
    for g in ov["goals"]:
        src = g["source"]
        within = block(src["kind"], src["number"])
        at = t.find_unique(g["quote"], within=within, occurrence=g.get("occurrence"), what=f"goal {g['id']}")
        out = {k: v for k, v in g.items() if k not in ("occurrence", "restatements")}
        out["span"] = t.span(at, at + len(g["quote"]))
        rs = []
        for r in g.get("restatements", []):
            w = block(r["source"]["kind"], r["source"]["number"])
            ra = t.find_unique(r["quote"], within=w, occurrence=r.get("occurrence"), what=f"goal {g['id']} restatement")
            rs.append({"quote": r["quote"], "span": t.span(ra, ra + len(r["quote"])), "source": r["source"]})
        if rs:
            out["restatements"] = rs
        goals.append(out)

    plan = {
        "qgov_plan": 1,
        "id": ov["id"],
        "source": {"path": ov["source_path"], "sha256": hashlib.sha256(raw).hexdigest()},
        "document": document,
        "sections": sections,
        "clauses": clauses,
        "columns": columns,
        "units": ov["units"],
        "responsibility": {"convention": ov.get("convention", "first_listed_leads"), "lists": lists},
        "goals": goals,
    }
    if "lineage" in ov:  # optional: level, parents, supersedes/amends, effective_from (docs/lineage.md)
        plan["lineage"] = ov["lineage"]
    text = json.dumps(plan, ensure_ascii=False, indent=1)
    # keep spans on one line: [begin, end]
    text = re.sub(r"\[\n\s*(\d+),\n\s*(\d+)\n\s*\]", r"[\1, \2]", text)
    open(out_path, "w", encoding="utf-8").write(text + "\n")
    print(f"{out_path}: {len(sections)} sections, {len(clauses)} clauses, {len(columns)} columns, "
          f"{len(lists)} lists, {sum(len(l['cells']) for l in lists)} cells, {len(goals)} goals")


if __name__ == "__main__":
    main()
