#!/bin/sh
# qgov author refuses a fresh skeleton (exit 2, naming each undecided finding) and writes the Dongli plan file
# byte for byte from its overlay. Usage: author_cli_test.sh QGOV REPO WORKDIR
set -u
qgov=$1 repo=$2 work=$3
mkdir -p "$work"
"$qgov" extract "$repo/data/sources/dongtou-2023.txt" --overlay-skeleton --plan-id dongtou-2023 \
  --source-path ../sources/dongtou-2023.txt > "$work/skeleton.json"
rc=$?
[ $rc -eq 2 ] || { echo "extract: expected exit 2 (no lists found: a text it cannot read is bad input), got $rc"; exit 1; }
"$qgov" author "$repo/data/sources/dongtou-2023.txt" --overlay "$work/skeleton.json" 2> "$work/err.txt"
rc=$?
cat "$work/err.txt"
[ $rc -eq 2 ] || { echo "author: expected exit 2, got $rc"; exit 1; }
grep -q '/findings/0/decision: "" is not a decision' "$work/err.txt" || { echo "no message for the undecided finding"; exit 1; }
"$qgov" author "$repo/data/sources/dongli-2024.txt" --overlay "$repo/data/plans/dongli-2024.overlay.json" \
  --out "$work/dongli-2024.json" || exit 1
cmp "$work/dongli-2024.json" "$repo/data/plans/dongli-2024.json" || { echo "authored Dongli plan differs"; exit 1; }
echo ok
