#!/usr/bin/env bash
# The C interface from outside: installs qgov from a build tree into a fresh prefix, then, against that prefix only,
#   1. builds examples/c_host with pkg-config (make) and with CMake (find_package(qgov) → qgov::c), runs both;
#   2. compiles and runs examples/java_host through JNA (when javac and Debian's jna.jar are there);
# and checks that each prints, goal by goal, the statuses of the installed `qgov evaluate --format json`, and
# writes that JSON byte for byte.
# Usage: tests/package/hosts.sh BUILD_DIR [AS_OF]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "${1:?usage: hosts.sh BUILD_DIR [AS_OF]}" && pwd)
as_of=${2:-2025-12-31}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix="$work/prefix"
cmake --install "$build" --prefix "$prefix" >/dev/null
libdir=$(dirname "$(find "$prefix" -name 'libqgov.so' | head -1)")
export PKG_CONFIG_PATH="$libdir/pkgconfig"

# what the command line says: "goal<TAB>status" per goal, and the JSON itself
"$prefix/bin/qgov" evaluate --as-of "$as_of" --format json >"$work/cli.json"
/usr/bin/python3 -c '
import json, sys
for g in json.load(open(sys.argv[1]))["goals"]: print(g["id"] + "\t" + g["status"])
' "$work/cli.json" >"$work/cli.txt"
[[ $(wc -l <"$work/cli.txt") -gt 20 ]] || { echo "hosts: the CLI gave too few goals"; exit 1; }

same() {  # NAME STATUSES JSON
  if ! diff -u "$work/cli.txt" "$2"; then echo "hosts: $1 statuses differ from qgov evaluate"; exit 1; fi
  if ! cmp -s "$work/cli.json" "$3"; then echo "hosts: $1 JSON differs from qgov evaluate --format json"; exit 1; fi
  echo "hosts: $1 printed the $(wc -l <"$2") statuses of qgov evaluate --as-of $as_of, and its JSON byte for byte"
}

# 1. C, with pkg-config and with CMake
cp -r "$root/examples/c_host" "$work/c_host"
echo "hosts: pkg-config qgov: $(pkg-config --modversion qgov), $(pkg-config --libs qgov)"
make -s -C "$work/c_host" >/dev/null
"$work/c_host/c_host" "$as_of" --json "$work/c.json" >"$work/c.out"
cut -f1,2 "$work/c.out" >"$work/c.txt"
same "C host (pkg-config)" "$work/c.txt" "$work/c.json"
readelf -d "$work/c_host/c_host" | grep -q 'NEEDED.*libqgov\.so\.' || { echo "hosts: c_host does not need libqgov.so.N"; exit 1; }
cmake -S "$work/c_host" -B "$work/c_cmake" -DCMAKE_PREFIX_PATH="$prefix" >/dev/null
cmake --build "$work/c_cmake" >/dev/null
"$work/c_cmake/c_host" "$as_of" --json "$work/c2.json" | cut -f1,2 >"$work/c2.txt"
same "C host (CMake qgov::c)" "$work/c2.txt" "$work/c2.json"
# an error from the library arrives as a status and a message with its location, exit 2
set +e
"$work/c_host/c_host" 2025-13-01 2>"$work/c.err"
rc=$?
set -e
[[ $rc == 2 ]] && grep -q 'QGOV_ERROR_PARSE: qgov_evaluate: as_of: expected a date YYYY-MM-DD' "$work/c.err" ||
  { echo "hosts: c_host did not report a bad date (exit $rc):"; cat "$work/c.err"; exit 1; }

# 2. Java through JNA
jna=/usr/share/java/jna.jar
if command -v javac >/dev/null && [[ -f $jna ]]; then
  mkdir "$work/java"
  javac -d "$work/java" -cp "$jna" "$root/examples/java_host/QgovHost.java"
  java -cp "$jna:$work/java" -Djna.library.path="$libdir" QgovHost "$as_of" --json "$work/java.json" \
    >"$work/java.txt" 2>"$work/java.err" || { cat "$work/java.err"; exit 1; }
  grep -q 'unknown goal -> QGOV_ERROR_NOT_FOUND: qgov_evaluation_goal_status: no goal "no_such_goal"' "$work/java.err" ||
    { echo "hosts: the Java host did not get the error message:"; cat "$work/java.err"; exit 1; }
  same "Java host (JNA)" "$work/java.txt" "$work/java.json"
else
  echo "hosts: SKIPPED the Java host: needs javac and $jna (scripts/install-deps.sh --tests)"
fi
echo "hosts test: done"
