#!/usr/bin/env bash
# libqgov.so exports exactly the functions qgov.h declares (QGOV_API …) — nothing of the C++ library, of Boost or of
# libstdc++ — and its SONAME carries the ABI version (libqgov.so.0.MINOR while 0.x, libqgov.so.MAJOR after).
# Usage: exports.sh LIBQGOV_SO QGOV_H SOVERSION
set -euo pipefail
lib=${1:?usage: exports.sh LIB HEADER SOVERSION} header=${2:?} soversion=${3:?}
exported=$(nm -D --defined-only "$lib" | awk '{print $NF}' | sed 's/@.*//' | sort -u)
declared=$(tr '\n' ' ' <"$header" | grep -oE 'QGOV_API [^;(]*\(' | grep -oE 'qgov_[a-z0-9_]+ *\($' | tr -d ' (' | sort -u)
status=0
if stray=$(grep -v '^qgov_' <<<"$exported"); then
  echo "exports: symbols outside the C interface are exported from $lib:"; sed 's/^/  /' <<<"$stray" | head -50
  status=1
fi
if missing=$(comm -23 <(echo "$declared") <(echo "$exported") | grep .); then
  echo "exports: declared in qgov.h but not exported:"; sed 's/^/  /' <<<"$missing"; status=1
fi
if extra=$(comm -13 <(echo "$declared") <(echo "$exported") | grep .); then
  echo "exports: exported but not declared in qgov.h:"; sed 's/^/  /' <<<"$extra"; status=1
fi
soname=$(readelf -d "$lib" | sed -n 's/.*Library soname: \[\(.*\)\]/\1/p')
if [[ "$soname" != "libqgov.so.$soversion" ]]; then
  echo "exports: SONAME is '$soname', expected libqgov.so.$soversion"; status=1
fi
((status == 0)) || exit 1
echo "exports: ok — $(wc -l <<<"$exported") functions, all qgov_*, all declared in qgov.h; SONAME $soname"
