#!/usr/bin/env bash
# Builds a fuzz target with clang into build-fuzz/ (at the repository root) and runs it for a bounded time.
# FUZZ_TARGET picks it: plan_json_fuzz (the plan loader, default), extract_fuzz (the policy-text extractor),
# archive_fuzz (Boost.Serialization archives), records_csv_fuzz and records_split_fuzz (inspection records),
# supervision_csv_fuzz (enterprise directories, rosters, calendars, schemes), workbook_fuzz (returned .xlsx
# workbooks), c_api_fuzz (the C interface), observations_fuzz (observation CSV/JSON), scenario_json_fuzz,
# progress_batch_fuzz or evaluation_json_fuzz; its seed corpus and dictionary follow (the case below).
#   usage: tests/fuzz/run.sh SECONDS [extra libFuzzer flags...]
# The seed corpus (tests/fuzz/corpus) is copied to a temporary directory; the repository's corpus is never written.
# Crash/timeout/leak inputs are saved under build-fuzz/artifacts/; the log goes to $FUZZ_LOG (default
# build-fuzz/last-run.log, so give each of two concurrent runs its own). Exit status: 0 if the run finished clean,
# non-zero if the fuzzer found a problem (or the build failed).
set -euo pipefail

if [[ $# -lt 1 || ! "$1" =~ ^[0-9]+$ ]]; then
  echo "usage: $0 SECONDS [extra libFuzzer flags...]" >&2
  exit 2
fi
seconds=$1
shift

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
build="$root/${FUZZ_BUILD_DIR:-build-fuzz}"
target=${FUZZ_TARGET:-plan_json_fuzz}
case "$target" in
  plan_json_fuzz) corpus="$here/corpus"; dict="$here/plan_json.dict" ;;
  extract_fuzz) corpus="$here/extract_corpus"; dict="$here/extract.dict" ;;
  archive_fuzz) corpus="$here/archive_corpus"; dict="$here/archive.dict" ;;
  records_csv_fuzz) corpus="$here/records_corpus"; dict="$here/records.dict" ;;
  records_split_fuzz) corpus="$here/records_split_corpus"; dict="$here/records.dict" ;;
  supervision_csv_fuzz) corpus="$here/supervision_corpus"; dict="$here/supervision.dict" ;;
  workbook_fuzz) corpus="$here/workbook_corpus"; dict="$here/workbook.dict" ;;
  c_api_fuzz) corpus="$here/c_api_corpus"; dict="$here/c_api.dict" ;;
  observations_fuzz) corpus="$here/observations_corpus"; dict="$here/observations.dict" ;;
  scenario_json_fuzz) corpus="$here/scenario_corpus"; dict="$here/scenario.dict" ;;
  progress_batch_fuzz) corpus="$here/progress_corpus"; dict="$here/progress.dict" ;;
  evaluation_json_fuzz) corpus="$here/evaluation_corpus"; dict="$here/evaluation.dict" ;;
  *) echo "unknown FUZZ_TARGET $target (the targets are the cases listed in $0)" >&2; exit 2 ;;
esac

echo "== configuring and building $build (clang)"
CC=${CC:-clang} CXX=${CXX:-clang++} cmake -S "$here" -B "$build" >/dev/null
cmake --build "$build" -j "${JOBS:-2}" --target "$target"

work=$(mktemp -d "${TMPDIR:-/tmp}/qgov-fuzz.XXXXXX")
if [[ -z "${KEEP_FUZZ_WORKDIR:-}" ]]; then trap 'rm -rf "$work"' EXIT; fi
cp -r "$corpus" "$work/corpus"
artifacts="$build/artifacts"
mkdir -p "$artifacts"
log="${FUZZ_LOG:-$build/last-run.log}"

echo "== fuzzing for ${seconds}s (corpus copy in $work/corpus, artifacts in $artifacts/, log in $log)"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
before=$(find "$artifacts" -type f | sort)
status=0
"$build/$target" \
  -max_total_time="$seconds" \
  -max_len=262144 \
  -timeout=30 \
  -rss_limit_mb=4096 \
  -dict="$dict" \
  -artifact_prefix="$artifacts/" \
  -print_final_stats=1 \
  "$@" \
  "$work/corpus" >"$log" 2>&1 || status=$?
after=$(find "$artifacts" -type f | sort)
new=$(comm -13 <(printf '%s\n' "$before") <(printf '%s\n' "$after") | sed '/^$/d')

echo "== result"
grep -E '^#[0-9]+' "$log" | tail -n 1 || true
grep -E '^stat::' "$log" || true
if [[ $status -ne 0 || -n "$new" ]]; then
  echo "== the fuzzer found a problem (exit status $status); new artifacts:" >&2
  # Replay each new artifact for a one-line diagnosis (fork mode keeps the children's reports out of the log).
  for a in $new; do
    echo "  $a" >&2
    timeout 120 "$build/$target" "$a" 2>&1 \
      | grep -m 3 -E -A1 "^=== $target|^SUMMARY|runtime error" | sed 's/^/      /' >&2 || true
  done
  echo "   reproduce: $build/$target ARTIFACT   (QGOV_FUZZ_VERBOSE=1 prints the outcome of plan_json_fuzz)" >&2
  exit $(( status != 0 ? status : 1 ))
fi
echo "== no crash found"
