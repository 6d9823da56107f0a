#!/usr/bin/env bash
# The ABI of libqgov.so against the baseline recorded for its SONAME (abi/libqgov-SOVERSION.abi), with libabigail.
#   scripts/abi.sh check  LIBQGOV_SO   fails on an incompatible change (a removed function, a changed signature or
#                                      enum) while the SONAME is unchanged; compatible additions pass with a note.
#   scripts/abi.sh record LIBQGOV_SO   writes the baseline for the library's SONAME (do it when releasing).
# A new SONAME (the major version moved; the minor while 0.x) has no baseline yet: the check then shows the diff
# against the previous baseline for information and passes. The library must carry debug information (Debug or
# RelWithDebInfo). Only types defined in include/qgov/ count as ABI: the handles are opaque, their insides private.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
mode=${1:?usage: abi.sh check|record LIBQGOV_SO} lib=${2:?usage: abi.sh check|record LIBQGOV_SO}
soname=$(readelf -d "$lib" | sed -n 's/.*Library soname: \[\(.*\)\]/\1/p')
soversion=${soname#libqgov.so.}
[[ -n "$soversion" && "$soversion" != "$soname" ]] || { echo "abi: $lib has no libqgov.so.N SONAME ($soname)"; exit 1; }
baseline="$root/abi/libqgov-$soversion.abi"
dump() {  # the ABI as stable text: no paths, no line numbers, private types dropped
  abidw --no-corpus-path --no-comp-dir-path --no-show-locs --no-architecture --no-elf-needed \
        --headers-dir "$root/include/qgov" --drop-private-types --exported-interfaces-only --out-file "$2" "$1"
}
case "$mode" in
  record)
    mkdir -p "$root/abi"
    dump "$lib" "$baseline"
    echo "abi: recorded $(grep -c '<function-decl' "$baseline") functions of $soname in ${baseline#"$root"/}"
    ;;
  check)
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    dump "$lib" "$work/current.abi"
    if [[ -f "$baseline" ]]; then
      set +e
      abidiff --no-show-locs "$baseline" "$work/current.abi" >"$work/diff.txt" 2>&1
      rc=$?
      set -e
      if (( rc & 3 )); then cat "$work/diff.txt"; echo "abi: abidiff failed (exit $rc)"; exit 1; fi
      # abidiff flags removals as incompatible (bit 8) but reports a changed parameter type or enumerator value only
      # as a change (bit 4): within one SONAME any change to what exists is refused, only additions pass
      changed=$(awk '/^(Functions|Variables) changes summary:/ {
                       for (i = 2; i <= NF; i++) if ($i ~ /^(Removed|Changed),?$/) n += $(i - 1) } END { print n + 0 }' \
                "$work/diff.txt")
      if (( rc & 8 || changed > 0 )); then
        cat "$work/diff.txt"
        echo "abi: INCOMPATIBLE change to $soname against ${baseline#"$root"/}: restore the interface, or move the"
        echo "     version in include/qgov/version.hpp (the major; the minor while 0.x) and record a new baseline"
        exit 1
      fi
      if (( rc & 4 )); then
        cat "$work/diff.txt"
        echo "abi: ok — compatible changes only (additions); record them at release: scripts/abi.sh record LIB"
      else
        echo "abi: ok — $soname matches ${baseline#"$root"/}"
      fi
    else
      previous=$(ls "$root"/abi/libqgov-*.abi 2>/dev/null | sort -V | tail -1 || true)
      if [[ -n "$previous" ]]; then
        abidiff --no-show-locs "$previous" "$work/current.abi" || true
        echo "abi: ok — new SONAME $soname (the version moved); changes from ${previous#"$root"/} shown above."
      else
        echo "abi: ok — no baseline recorded yet."
      fi
      echo "     Record its baseline at release: scripts/abi.sh record LIB"
    fi
    ;;
  *) echo "usage: abi.sh check|record LIBQGOV_SO"; exit 2 ;;
esac
