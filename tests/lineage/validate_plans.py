#!/usr/bin/python3
"""Validates plan files as qgov writes them (qgov plan --format json) against docs/schema/plan.schema.json: the
national and Tianjin 纲要 (optional document fields absent, lineage present) and the test amendment.
usage: validate_plans.py SCHEMA PLAN.json..."""
import json, sys
import jsonschema

schema = json.load(open(sys.argv[1], encoding="utf-8"))
jsonschema.Draft202012Validator.check_schema(schema)
v = jsonschema.Draft202012Validator(schema)
errors = 0
for f in sys.argv[2:]:
    for e in v.iter_errors(json.load(open(f, encoding="utf-8"))):
        errors += 1
        print(f"{f}: /{'/'.join(map(str, e.absolute_path))}: {e.message[:200]}")
broken = json.load(open(sys.argv[2], encoding="utf-8"))
broken.setdefault("lineage", {}).update({"supersedes": "a", "amends": "b"})
if v.is_valid(broken):
    errors += 1
    print("the schema accepted a lineage with both supersedes and amends")
print(f"plan schema: {len(sys.argv) - 2} plans, {errors} errors")
sys.exit(1 if errors else 0)
