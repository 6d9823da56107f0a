#!/usr/bin/env bash
# Runs every worked example of docs/lineage.md and compares its output with the page. An example is a ```console
# block: its first line "$ qgov …" is the command (run from the repository root), the lines after it the exact
# output expected on standard output, and a last line "[exit N]" the exit status when it is not 0.
# Usage: tests/lineage/doc_examples.sh QGOV_BINARY SOURCE_DIR
set -euo pipefail
qgov=$(cd "$(dirname "${1:?usage: doc_examples.sh QGOV SOURCE_DIR}")" && pwd)/$(basename "$1")
src=$(cd "${2:?usage: doc_examples.sh QGOV SOURCE_DIR}" && pwd)
doc="$src/docs/lineage.md"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$src"

examples=0 failures=0
in_block=0
cmd=""
: > "$work/expected"
check() {
  local expected_exit=0
  if [[ -s "$work/expected" ]] && last=$(tail -n 1 "$work/expected") && [[ "$last" =~ ^\[exit\ ([0-9]+)\]$ ]]; then
    expected_exit=${BASH_REMATCH[1]}
    sed -i '$ d' "$work/expected"
  fi
  local actual_exit=0
  eval "\"$qgov\" ${cmd#qgov }" > "$work/actual" 2> "$work/stderr" || actual_exit=$?
  examples=$((examples + 1))
  if ! diff -u "$work/expected" "$work/actual" > "$work/diff"; then
    echo "FAIL: docs/lineage.md example \"$cmd\": output differs"; cat "$work/diff"; failures=$((failures + 1))
  elif [[ "$actual_exit" != "$expected_exit" ]]; then
    echo "FAIL: docs/lineage.md example \"$cmd\": exit $actual_exit, the page says $expected_exit"; cat "$work/stderr"
    failures=$((failures + 1))
  fi
}
while IFS= read -r line; do
  if ((in_block == 0)); then
    [[ "$line" == '```console' ]] && { in_block=1; cmd=""; : > "$work/expected"; }
    continue
  fi
  if [[ "$line" == '```' ]]; then
    in_block=0
    [[ -n "$cmd" ]] && check
    continue
  fi
  if [[ -z "$cmd" ]]; then
    [[ "$line" == '$ qgov '* ]] || { echo "FAIL: a console block must start with \"\$ qgov\": $line"; failures=$((failures + 1)); in_block=0; continue; }
    cmd=${line#\$ }
  else
    printf '%s\n' "$line" >> "$work/expected"
  fi
done < "$doc"
((examples > 0)) || { echo "FAIL: no examples found in $doc"; exit 1; }
if ((failures)); then echo "doc examples: $failures of $examples failed"; exit 1; fi
echo "doc examples: $examples of $examples match docs/lineage.md"
