#!/usr/bin/python3
"""A bureau's round trip: `qgov workbook` writes the workbook of 区市场监管局, openpyxl fills it in as a bureau
would (numbers, Excel dates, text), `qgov evaluate` reads it back and must give the same evaluation as the CSV of
the same figures. Then the refusals: a workbook made for another plan, and text in a number column.

Usage: workbook_roundtrip.py QGOV_BINARY SOURCE_DIR   (Debian's python3 with python3-openpyxl)"""
import csv
import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile

try:
    import openpyxl
except ImportError:
    sys.exit("workbook round trip: needs openpyxl (Debian: python3-openpyxl; scripts/install-deps.sh --tests)")

qgov, source_dir = sys.argv[1], sys.argv[2]
work = tempfile.mkdtemp(prefix="qgov-workbook-")
failures = []


def run(*args, ok=True):
    r = subprocess.run([qgov, *args], capture_output=True, text=True)
    if ok and r.returncode != 0:
        sys.exit(f"qgov {' '.join(args)} failed ({r.returncode}):\n{r.stderr}")
    return r


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def without_origins(x):
    if isinstance(x, dict):
        return {k: without_origins(v) for k, v in x.items() if k != "origin"}
    if isinstance(x, list):
        return [without_origins(v) for v in x]
    return x


try:
    book = os.path.join(work, "区市场监管局.xlsx")
    out = run("workbook", "--unit", "区市场监管局", "--periods", "2023,2024,2025", "--out", book).stdout
    check("rows to fill in" in out, f"workbook summary line: {out!r}")

    # The sample's figures, latest report per (goal, period, level): what the bureau types in.
    with open(os.path.join(source_dir, "data/observations/dongli-sample.csv"), encoding="utf-8") as f:
        rows = list(csv.DictReader(line for line in f if not line.startswith("#")))
    latest = {}
    for r in rows:
        key = (r["goal"], r["period"], r["level"])
        if key not in latest or r["reported_on"] > latest[key]["reported_on"]:
            latest[key] = r

    wb = openpyxl.load_workbook(book)
    check(wb.sheetnames == ["填报", "说明", "qgov"], f"sheets: {wb.sheetnames}")
    check(wb["qgov"].sheet_state == "hidden", "the identity sheet is hidden")
    check(wb["说明"].protection.sheet, "the instruction sheet is locked")
    ws = wb["填报"]
    col = {str(c.value).split("\n")[-1]: c.column for c in ws[1]}
    check(ws.data_validations.dataValidation, "the data sheet has data validation")
    level_zh = {"国家": "national", "市": "municipal", "区": "district"}
    filled, template_rows = [], 0
    for r in range(2, ws.max_row + 1):
        template_rows += 1
        goal = ws.cell(r, col["goal"]).value
        period = ws.cell(r, col["period"]).value
        level = level_zh.get(ws.cell(r, col["level"]).value or "", "")
        obs = latest.get((goal, period, level))
        if not obs:
            continue
        for k in ("value", "numerator", "denominator"):
            if obs[k]:
                ws.cell(r, col[k]).value = float(obs[k])
        ws.cell(r, col["reported_on"]).value = datetime.datetime.strptime(obs["reported_on"], "%Y-%m-%d")
        ws.cell(r, col["source"]).value = obs["source"]
        filled.append((r, obs))
    check(len(filled) >= 5, f"the sample fills at least 5 of the {template_rows} rows (filled {len(filled)})")
    filled_book = os.path.join(work, "returned.xlsx")
    wb.save(filled_book)

    equivalent = os.path.join(work, "equivalent.csv")
    with open(equivalent, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0].keys()), lineterminator="\n")
        w.writeheader()
        for _, obs in filled:
            w.writerow(obs)

    args = ["evaluate", "--as-of", "2025-12-31", "--format", "json"]
    from_book = run(*args, "--observations", filled_book)
    from_csv = run(*args, "--observations", equivalent)
    a, b = json.loads(from_book.stdout), json.loads(from_csv.stdout)
    check(without_origins(a) == without_origins(b), "the workbook and the CSV give the same evaluation")
    check(f"{len(filled)} figures from the workbook" in from_book.stderr,
          f"the note counts the figures: {from_book.stderr!r}")
    statuses = {g["status"] for g in a["goals"]}
    check(len(statuses) > 1, f"the evaluation is not trivial: statuses {statuses}")

    # Text in a number column: refused at its cell.
    r0 = filled[0][0]
    wb = openpyxl.load_workbook(filled_book)
    wb["填报"].cell(r0, col["value"]).value = "九十"
    bad_book = os.path.join(work, "bad.xlsx")
    wb.save(bad_book)
    bad = run("evaluate", "--as-of", "2025-12-31", "--observations", bad_book, ok=False)
    letter = openpyxl.utils.get_column_letter(col["value"])
    expected = f'{bad_book}:填报!{letter}{r0}: value: expected a number, got "九十"'
    check(bad.returncode != 0, "text in a number column is refused")
    check(expected in bad.stderr, f"refused at its cell: expected {expected!r} in {bad.stderr!r}")

    # A workbook made for another plan: refused, naming both plans.
    plan = json.loads(run("plan", "--format", "json").stdout)
    plan["id"] = "other_district_2024"
    other_dir = os.path.join(work, "other")
    os.makedirs(os.path.join(other_dir, os.path.dirname(plan["source"]["path"])), exist_ok=True)
    shutil.copy(os.path.join(source_dir, "data/sources/dongli-2024.txt"),
                os.path.join(other_dir, plan["source"]["path"]))
    with open(os.path.join(other_dir, "plan.json"), "w", encoding="utf-8") as f:
        json.dump(plan, f, ensure_ascii=False)
    other_book = os.path.join(work, "other.xlsx")
    run("workbook", "--plan", os.path.join(other_dir, "plan.json"), "--unit", "区市场监管局", "--periods", "2025",
        "--out", other_book)
    wrong = run("evaluate", "--as-of", "2025-12-31", "--observations", other_book, ok=False)
    check(wrong.returncode != 0, "a workbook for another plan is refused")
    check('made for plan "other_district_2024"' in wrong.stderr and "qgov!B2" in wrong.stderr,
          f"refused by name: {wrong.stderr!r}")
finally:
    shutil.rmtree(work, ignore_errors=True)

if failures:
    sys.exit(f"workbook round trip: {len(failures)} failure(s)")
print("workbook round trip: ok")
