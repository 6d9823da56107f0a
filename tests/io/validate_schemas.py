#!/usr/bin/python3
"""Validates the JSON qgov writes against docs/schema/*.schema.json (python3-jsonschema).
usage: validate_schemas.py SCHEMA_DIR DOC_DIR [SCENARIO_DIR...]
DOC_DIR holds plan*.json, observations*.json, evaluation*.json (qgov_dump_interchange writes them); scenario files
(*.json) in SCENARIO_DIRs are checked against scenario.schema.json."""
import json, pathlib, sys
import jsonschema

schema_dir, doc_dir = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
checked, errors = 0, 0

# every schema by its $id, so that scenario.schema.json can refer to plan.schema.json and observations.schema.json
store = {}
for f in schema_dir.glob("*.schema.json"):
    s = json.loads(f.read_text(encoding="utf-8"))
    store[s["$id"]] = s

def validator_for(schema_name):
    schema = json.loads((schema_dir / schema_name).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, resolver=jsonschema.RefResolver.from_schema(schema, store=store))

def check(schema_name, files):
    global checked, errors
    validator = validator_for(schema_name)
    for f in files:
        checked += 1
        for e in validator.iter_errors(json.loads(f.read_text(encoding="utf-8"))):
            errors += 1
            print(f"{f}: /{'/'.join(map(str, e.absolute_path))}: {e.message[:200]}")

check("plan.schema.json", sorted(doc_dir.glob("plan*.json")))
check("observations.schema.json", sorted(doc_dir.glob("observations*.json")))
check("evaluation.schema.json", sorted(doc_dir.glob("evaluation*.json")))
scenarios = [f for d in sys.argv[3:] for f in sorted(pathlib.Path(d).rglob("*.json"))]
if scenarios:
    check("scenario.schema.json", scenarios)
# the schemas must also refuse: a plan without goals and an evaluation with an unknown status
plan = json.loads((doc_dir / "plan.json").read_text(encoding="utf-8")); del plan["goals"]
ev = json.loads(next(doc_dir.glob("evaluation*.json")).read_text(encoding="utf-8")); ev["goals"][0]["status"] = "great"
scenario = {"qgov_scenario": 1, "scenarios": [{"name": "x", "as_of": "2025-12-31",
                                               "expect": {"goals": {"rd_expenditure_share": "great"}}}]}
for name, doc in (("plan.schema.json", plan), ("evaluation.schema.json", ev), ("scenario.schema.json", scenario)):
    if validator_for(name).is_valid(doc):
        errors += 1
        print(f"{name} accepted a broken document")
print(f"schema check: {checked} documents, {errors} errors")
sys.exit(1 if errors or checked < 7 else 0)
