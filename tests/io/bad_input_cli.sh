#!/usr/bin/env bash
# The bad-input catalogue on the command line (docs/errors.md): each command that reads a file, given a directory,
# /dev/zero, a FIFO, a missing path, an empty file, garbage, a BOM-only file and a file with 1e999 or 2025-02-30,
# must exit with status 2 and say where and what was expected; an option out of range is a usage error (2) too.
#   usage: bad_input_cli.sh QGOV_BINARY SOURCE_DIR
set -uo pipefail
qgov=$1
src=$2
work=$(mktemp -d "${TMPDIR:-/tmp}/qgov-bad-input.XXXXXX")
trap 'rm -rf "$work"' EXIT
failures=0
checked=0

# expect STATUS PATTERN -- COMMAND...: runs COMMAND with a 20 s limit; checks its exit status and that standard
# error matches PATTERN (grep -E).
expect() {
  local want=$1 pattern=$2
  shift 3
  local status=0
  timeout 20 "$@" >"$work/out" 2>"$work/err" </dev/null || status=$?
  checked=$((checked + 1))
  if [[ $status -ne $want ]] || { [[ -n $pattern ]] && ! grep -Eq -- "$pattern" "$work/err"; }; then
    echo "FAILED: $* -> exit $status (want $want), stderr:" >&2
    head -c 600 "$work/err" | sed 's/^/    /' >&2
    echo >&2
    failures=$((failures + 1))
  fi
}

mkdir "$work/dir" "$work/dir.csv" "$work/dir.json"
mkfifo "$work/fifo.json" "$work/fifo.csv"
: >"$work/empty.json"
: >"$work/empty.csv"
head -c 4096 /dev/urandom >"$work/garbage.json" 2>/dev/null || printf '\x00\xff\xfe\x01garbage' >"$work/garbage.json"
cp "$work/garbage.json" "$work/garbage.csv"
printf '\xef\xbb\xbf' >"$work/bom.json"
printf 'goal,period,value,numerator,denominator,level,reported_on,source\nrd_expenditure_share,2024,1e999,,,,2025-09-30,\n' >"$work/1e999.csv"
printf 'goal,period,value,numerator,denominator,level,reported_on,source\nrd_expenditure_share,2024,3.71,,,,2025-02-30,\n' >"$work/feb30.csv"
printf '{"observations": [{"goal": "rd_expenditure_share", "period": "2024", "value": 1e999, "reported_on": "2025-09-30"}]}' >"$work/1e999.json"
printf '[{"points": [[2015, 1e999]]}]' >"$work/batch-1e999.json"
python3 - "$src" "$work" <<'EOF'
import json, sys
src, work = sys.argv[1], sys.argv[2]
p = json.load(open(src + "/data/plans/dongli-2024.json"))
for name, path in (("zero", "/dev/zero"), ("dirsrc", work + "/dir")):
    p["source"]["path"] = path
    json.dump(p, open(f"{work}/plan-{name}.json", "w"), ensure_ascii=False)
p["source"]["path"] = src + "/data/sources/dongli-2024.txt"
for g in p["goals"]:
    if g["id"] == "rd_expenditure_share":
        g["comparator"] = "lt"
json.dump(p, open(work + "/plan-lt.json", "w"), ensure_ascii=False)
EOF

# plan files
expect 2 "is a FIFO" -- "$qgov" plan --plan "$work/fifo.json"
expect 2 "is a character device" -- "$qgov" plan --plan /dev/zero
expect 2 "1:1: invalid JSON" -- "$qgov" plan --plan "$work/empty.json"
expect 2 "invalid JSON" -- "$qgov" plan --plan "$work/garbage.json"
expect 2 "/source/path: the source text file /dev/zero is a character device" -- "$qgov" plan --plan "$work/plan-zero.json"
expect 2 "/source/path: the source text file .*/dir is a directory" -- "$qgov" plan --plan "$work/plan-dirsrc.json"
expect 2 "/comparator: comparator lt contradicts its quote" -- "$qgov" evaluate --plan "$work/plan-lt.json" --as-of 2025-12-31 --observations "$src/data/observations/dongli-sample.csv"
# observations
expect 2 "is (actually )?a directory" -- "$qgov" evaluate --as-of 2025-12-31 --observations "$work/dir.csv"
expect 2 "is a FIFO" -- "$qgov" evaluate --as-of 2025-12-31 --observations "$work/fifo.csv"
expect 2 "1:1: empty file" -- "$qgov" evaluate --as-of 2025-12-31 --observations "$work/empty.csv"
expect 2 "not valid UTF-8|expected" -- "$qgov" evaluate --as-of 2025-12-31 --observations "$work/garbage.csv"
expect 2 "2:3: value: number out of range" -- "$qgov" evaluate --as-of 2025-12-31 --observations "$work/1e999.csv"
expect 2 "2:7: reported_on: expected the date .*2025-02-30" -- "$qgov" evaluate --as-of 2025-12-31 --observations "$work/feb30.csv"
expect 2 "1:[0-9]+: invalid JSON: number overflow" -- "$qgov" explain rd_expenditure_share --as-of 2025-12-31 --observations "$work/1e999.json"
expect 2 "does not exist|File does not exist" -- "$qgov" report --as-of 2025-12-31 --observations "$work/missing.csv"
# progress batches, from a file and from standard input
expect 2 "is a directory" -- "$qgov" progress --batch "$work/dir"
expect 2 "is a character device" -- "$qgov" progress --batch /dev/zero
expect 2 "does not exist" -- "$qgov" progress --batch "$work/missing.json"
expect 2 "1:[0-9]+: invalid JSON" -- "$qgov" progress --batch "$work/bom.json"
expect 2 "<stdin>:1:1: invalid JSON" -- "$qgov" progress --batch -
expect 2 "number overflow" -- "$qgov" progress --batch "$work/batch-1e999.json"
# records
expect 2 "is a directory" -- "$qgov" rates "$work/dir"
expect 2 "is a character device" -- "$qgov" rectification /dev/zero --as-of 2025-12-31
expect 2 "is a FIFO" -- "$qgov" rates "$work/fifo.csv"
expect 2 "1:1" -- "$qgov" rates "$work/empty.csv"
# supervision
expect 2 "is a character device" -- "$qgov" classify /dev/zero
expect 2 "is a FIFO" -- "$qgov" classify "$work/fifo.csv"
expect 2 "1:1: empty file" -- "$qgov" classify "$work/empty.csv"
# option ranges
expect 2 "--rows: expected a whole number 0 to 10000000000, got -1|--rows.*whole number" -- "$qgov" gen-records --rows -1
expect 2 "--seed.*whole number" -- "$qgov" gen-records --rows 1 --seed -1
expect 2 "--min-sample.*whole number" -- "$qgov" rates "$src/tests/records/sample.csv" --min-sample -1
expect 2 "--z.*greater than 0" -- "$qgov" rates "$src/tests/records/sample.csv" --z -1
expect 2 "--z.*finite number" -- "$qgov" rates "$src/tests/records/sample.csv" --z nan
expect 2 "--rectify-days.*1 to 3650" -- "$qgov" rectification "$src/tests/records/sample.csv" --as-of 2025-12-31 --rectify-days -100
expect 2 "--reinspect-days.*1 to 3650" -- "$qgov" rectification "$src/tests/records/sample.csv" --as-of 2025-12-31 --reinspect-days 0
# and a good run still passes (exit 0), so the checks above are not vacuous
expect 0 "" -- "$qgov" rates "$src/tests/records/sample.csv" --z 1.96 --min-sample 0

echo "bad-input CLI catalogue: $checked commands, $failures failed"
[[ $failures -eq 0 ]]
